"""Hands busy, no signal: offline reading, keep the screen on, install to the home screen."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import signal
import subprocess
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, new_context
from tests.support.guide_factory import write_site
from tests.support.pages import WAKE_LOCK_STUB, guide_facts, precache_list
from tests.support.search import first_search_result, open_search
from tests.support.server import serve
from tests.support.site import REPO, build_site, copy_docs

pytestmark = pytest.mark.browser

NO_WAKE_LOCK = "delete Navigator.prototype.wakeLock;"


def worker_tab(browser):
    """A tab in a context of its own, where the site's service worker installs."""
    page = browser.new_context().new_page()
    page.set_default_timeout(15_000)
    return page


def install_worker(page, url: str) -> None:
    """Open `url` and wait until its service worker controls the page."""
    page.goto(url)
    wait_for_worker(page)


def wait_for_worker(page) -> None:
    page.evaluate("() => navigator.serviceWorker.ready")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15_000)


def test_every_guide_page_works_with_the_server_stopped(tmp_path: Path, browser) -> None:
    docs = copy_docs(tmp_path)
    site = build_site(tmp_path / "site", docs)
    page = worker_tab(browser)
    # Every request of the pages and of the worker (its install downloads the whole site).
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    with serve(site) as server:
        base, port = server.url, server.port
        install_worker(page, base)
        page.reload()  # now controlled by the worker
    # The server is stopped: every request below must be answered offline.
    with pytest.raises(OSError):
        urllib.request.urlopen(base, timeout=2)
    for url, title in [
        ("foot-massage/step-3/", "Step 3: Rotate the foot and knead the arch"),
        ("back-massage/step-2/", "Step 2"),
        ("foot-massage/checklist/", "Checklist: How to give a foot massage"),
        ("back-massage/", "How to give a back massage"),
    ]:
        page.goto(urljoin(base, url))
        assert heading(page).startswith(title)
        assert page.evaluate("getComputedStyle(document.body).display") != "inline"  # CSS loaded
    for guide in guide_facts(docs):
        # Follow along with the server stopped: its script runs, a card leads to the next, and
        # the steps list reaches the last (the whole walk: tests/browser/test_follow.py).
        routine = guide.routine()
        page.goto(urljoin(base, f"{guide.slug}/follow/"))
        assert page.locator(".follow-card:visible h2").inner_text().startswith(routine[0][1])
        page.get_by_role("button", name="Next").click()
        assert page.locator(".follow-card:visible h2").inner_text().startswith(routine[1][1])
        page.locator("[data-follow-go]").nth(len(routine) - 1).evaluate("link => link.click()")
        assert page.locator(".follow-card:visible h2").inner_text().startswith(routine[-1][1])
        assert page.get_by_role("button", name="Next").is_disabled()
    open_search(page, base)
    assert first_search_result(page, "knuckles") == "/foot-massage/step-3/"
    # The worker fetched every file it keeps, and nothing from another host.
    assert set(precache_list(site)) <= {url.removeprefix(base) or "./" for url in requested}
    hosts = {urlsplit(url).netloc for url in requested if not url.startswith(("data:", "blob:"))}
    assert hosts == {urlsplit(base).netloc}
    # A new build, served again on the same address: the changed step replaces the old one.
    step = docs / "foot-massage" / "step-3.md"
    step.write_text(
        step.read_text("utf-8").replace("# Step 3: Rotate the foot", "# Step 3: Turn the foot"),
        encoding="utf-8",
    )
    site = build_site(tmp_path / "site2", docs)
    with serve(site, port):
        page.goto(urljoin(base, "foot-massage/step-3/"))
        page.reload()
        assert heading(page).startswith("Step 3: Turn the foot")
    page.context.close()


def test_the_worker_is_registered_only_once_the_page_has_loaded(site_url: str, browser) -> None:
    # It then downloads the whole site, which must not slow the page being opened.
    context = browser.new_context()
    context.add_init_script(
        """window.__registeredWhen = [];
        const register = ServiceWorkerContainer.prototype.register;
        ServiceWorkerContainer.prototype.register = function (...args) {
            window.__registeredWhen.push(document.readyState);
            return register.apply(this, args);
        };"""
    )
    page = context.new_page()
    page.goto(site_url)
    wait_for_worker(page)
    assert page.evaluate("window.__registeredWhen") == ["complete"]
    context.close()


def test_precache_list_names_every_page_with_its_integrity(site: Path) -> None:
    entries = precache_list(site)
    pages = [
        "./" if path == site / "index.html" else path.parent.relative_to(site).as_posix() + "/"
        for path in site.rglob("index.html")
    ]
    for url in [*pages, "404.html", "search/search_index.json"]:
        assert url in entries, url
    for url, integrity in entries.items():
        file = site / unquote(url)
        file = file / "index.html" if url.endswith("/") else file
        digest = base64.b64encode(hashlib.sha256(file.read_bytes()).digest()).decode()
        assert integrity == f"sha256-{digest}", url
    assert not any(url.endswith(".map") for url in entries)
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert "/* precache */" not in worker and "/* version */" not in worker


def test_home_page_is_installable(site_url: str, playwright, tmp_path: Path) -> None:
    # Chromium never offers to install from an incognito profile: use a real one.
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    page = context.new_page()
    page.goto(site_url)
    wait_for_worker(page)
    session = context.new_cdp_session(page)
    errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert errors == []
    manifest = page.evaluate(
        "async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json()"
    )
    assert manifest["display"] == "standalone"
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in manifest["icons"]}
    context.close()


def listening_port(pid: int) -> int | None:
    """The TCP port process `pid` listens on (it bound port 0), from /proc."""
    sockets = {
        os.readlink(f"/proc/{pid}/fd/{fd}")[len("socket:[") : -1]
        for fd in os.listdir(f"/proc/{pid}/fd")
        if os.readlink(f"/proc/{pid}/fd/{fd}").startswith("socket:[")
    }
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in sockets:  # 0A: LISTEN
                return int(fields[1].rsplit(":", 1)[1], 16)
    return None


def test_mkdocs_serve_registers_no_service_worker() -> None:
    process = subprocess.Popen(
        [str(REPO / ".venv/bin/mkdocs"), "serve", "--dev-addr", "127.0.0.1:0"],
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert process.stderr is not None
        for line in process.stderr:  # until it says it serves (or it exits)
            if "Serving on" in line:
                break
        port = listening_port(process.pid)
        assert port, "mkdocs serve listens on no port"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/foot-massage/") as reply:
            html = reply.read().decode("utf-8")
        assert "How to give a foot massage" in html
        assert 'name="service-worker"' not in html
        assert 'rel="manifest"' not in html
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.communicate(timeout=10)


def test_keep_screen_on_switch_takes_and_releases_the_lock(site_url: str, browser) -> None:
    context = new_context(browser)
    context.add_init_script(WAKE_LOCK_STUB)
    page = context.new_page()
    page.goto(urljoin(site_url, "foot-massage/step-1/"))
    switch = page.get_by_role("switch", name="Keep screen on")
    assert switch.is_visible()
    assert switch.get_attribute("aria-checked") == "false"
    assert page.evaluate("window.__wakeLock.requests") == 0
    switch.click()
    assert switch.get_attribute("aria-checked") == "true"
    assert page.evaluate("window.__wakeLock.requests") == 1
    # Remembered for the session: the next page takes the lock again by itself.
    page.goto(urljoin(site_url, "foot-massage/step-2/"))
    assert page.get_by_role("switch", name="Keep screen on").get_attribute("aria-checked") == "true"
    assert page.evaluate("window.__wakeLock.requests") == 1
    # With it on, previous/next are big targets at the bottom of the screen.
    viewport = page.viewport_size
    assert viewport is not None
    for link in page.locator(".md-footer__link").all():
        box = link.bounding_box()
        assert box is not None and box["height"] >= 48 and box["width"] >= 48
        assert box["y"] + box["height"] <= viewport["height"] + 1
        assert box["y"] >= viewport["height"] - 120
    # The bar is opaque: no page text shows through it.
    bar = page.locator(".md-footer__inner")
    assert bar.evaluate("el => getComputedStyle(el).backgroundColor").startswith("rgb(")
    # The switch says its state in words, on screen as well as to assistive technology.
    assert "Screen stays on" in page.get_by_role("switch", name="Keep screen on").inner_text()
    page.get_by_role("switch", name="Keep screen on").click()
    assert page.evaluate("window.__wakeLock.releases") == 1
    assert "Off" in page.get_by_role("switch", name="Keep screen on").inner_text()
    page.emulate_media(media="print")
    assert page.locator(".wake-lock").evaluate("el => getComputedStyle(el).display") == "none"
    context.close()


def test_keep_screen_on_is_hidden_without_the_api(site_url: str, browser) -> None:
    context = new_context(browser)
    context.add_init_script(NO_WAKE_LOCK)
    page = context.new_page()
    page.goto(urljoin(site_url, "foot-massage/step-1/"))
    assert page.locator(".wake-lock").count() == 1
    assert not page.locator(".wake-lock").is_visible()
    context.close()


def test_keep_screen_on_is_only_on_guide_pages(site_url: str, browser) -> None:
    context = new_context(browser)
    context.add_init_script(WAKE_LOCK_STUB)
    page = context.new_page()
    page.goto(site_url)
    assert page.locator(".wake-lock").count() == 0
    context.close()


# Every sw.js these tests serve differs from the installed one: the browser always finds an
# update, and the page learns of it (then of each state) through events, in order.
UPDATE_WORKER = """async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const found = new Promise((resolve) => registration.addEventListener(
        'updatefound', () => resolve(registration.installing), {once: true}));
    await registration.update();
    const worker = await found;
    const settled = () => ['activated', 'redundant'].includes(worker.state);
    if (settled()) return worker.state;
    return new Promise((resolve) => worker.addEventListener('statechange', () => {
        if (settled()) resolve(worker.state);
    }));
}"""


UPDATE_FAILS = """async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration.update().then(() => false, () => true);
}"""


def update_worker(page) -> str:
    """Have the browser fetch sw.js now; say how the new worker's install ended."""
    return str(page.evaluate(UPDATE_WORKER))


def heading(page) -> str:
    """The page's first heading, read in the page (no locator: Playwright's script stays out)."""
    return str(page.evaluate("document.querySelector('article h1')?.innerText ?? ''"))


def first_guide(docs: Path) -> str:
    """The first guide folder of a docs folder (one with a step-1.md)."""
    return sorted(path.parent.name for path in docs.glob("*/step-1.md"))[0]


def test_a_missing_address_keeps_the_worker_and_shows_the_404_page_offline(
    site: Path, browser
) -> None:
    page = worker_tab(browser)
    with serve(site) as server:
        base = server.url
        install_worker(page, base)
        reply = page.goto(urljoin(base, "no/such/page/"))
        assert reply is not None and reply.status == 404
        assert page.locator("meta[name=service-worker]").count() == 1
        assert page.locator("link[rel=manifest]").count() == 1
        assert page.locator("meta[name=theme-color][media]").count() == 2  # both palettes
    # The server is stopped: the worker the 404 page kept answers.
    reply = page.goto(base)
    assert reply is not None and reply.ok
    reply = page.goto(urljoin(base, "nowhere/at/all/"))
    assert reply is not None and reply.status == 404
    assert heading(page) == "Page not found"
    assert page.evaluate("getComputedStyle(document.body).display") != "inline"  # CSS loaded
    page.context.close()


def test_a_worker_installs_only_files_that_match_their_hash(tmp_path: Path, browser) -> None:
    docs = copy_docs(tmp_path)
    old = build_site(tmp_path / "old", docs)
    guide = first_guide(docs)
    step = docs / guide / "step-1.md"
    step.write_text(
        re.sub(r"^# (.*)$", r"# \1 (new)", step.read_text("utf-8"), count=1, flags=re.MULTILINE),
        encoding="utf-8",
    )
    new = build_site(tmp_path / "new", docs)
    # Uploads in progress: the new sw.js with the old files; the worker as written, no list.
    half = shutil.copytree(old, tmp_path / "half")
    shutil.copy2(new / "sw.js", half / "sw.js")
    empty = shutil.copytree(old, tmp_path / "empty")
    shutil.copy2(REPO / "overrides" / "sw.js", empty / "sw.js")
    page = worker_tab(browser)
    url = f"{guide}/step-1/"
    with serve(old) as server:
        install_worker(page, server.url)
        for partial in (empty, half):
            server.directory = partial
            assert update_worker(page) == "redundant", partial.name
        (empty / "sw.js").unlink()  # no worker at all: the update fails, nothing is removed
        server.directory = empty
        assert page.evaluate(UPDATE_FAILS)
        assert len(page.evaluate("caches.keys()")) == 1  # the installed version's, kept
        server.directory = new
        assert update_worker(page) == "activated"
        base = server.url
    page.goto(urljoin(base, url))
    assert heading(page).endswith("(new)")
    assert len(page.evaluate("caches.keys()")) == 1
    page.context.close()


# The service worker's timers, held by the test: `setTimeout` records each wait the worker
# asks for and runs it only when the test says so (Playwright's page.clock does not reach
# a service worker). `__asked` resolves with the first wait asked for.
WORKER_CLOCK = """() => {
    self.__waits = [];
    const realSetTimeout = self.setTimeout;
    self.__asked = new Promise((resolve) => {
        // Nothing asked for in 15 s (of real time): no wait to hold.
        realSetTimeout(() => resolve(null), 15000);
        self.setTimeout = (callback, milliseconds = 0, ...args) => {
            self.__waits.push({run: () => callback(...args), milliseconds});
            resolve(milliseconds);
            return self.__waits.length;
        };
    });
}"""

# Let `budget` ms of the worker's time pass: run every wait it asked for that is that short.
WORKER_TIME_PASSES = """budget => self.__waits
    .filter((wait) => wait.milliseconds <= budget).map((wait) => (wait.run(), wait.milliseconds))"""


def open_on_a_hanging_network(site: Path, browser, path: str) -> str:
    """The heading shown at `path` when the network hangs and the worker's wait has passed.

    Installs the worker, holds its clock and the network, follows a link to `path` and lets
    the worker's wait for the network pass (at most 2 s by its clock).
    """
    page = worker_tab(browser)
    context = page.context
    with serve(site) as server:
        install_worker(page, server.url)
        [worker] = context.service_workers
        worker.evaluate(WORKER_CLOCK)
        server.hanging.add(f"/{path}")
        # Follow a link (page.goto would wait for the answer, which waits for the test).
        page.evaluate("address => { window.location.href = address; }", server.url + path)
        # The worker gives the network a while, by its clock: 3 s in all, less the moment
        # (up to 1 s, on a slow phone) the page takes to show once it is chosen.
        asked = worker.evaluate("() => self.__asked")
        assert asked is not None, "the worker set no timer for the network (sw.js NETWORK_WAIT)"
        assert asked <= 2_000, asked
        assert worker.evaluate(WORKER_TIME_PASSES, 2_000)
        # No more time passes on the worker's clock: what it chose shows (the network never
        # answers), however long this machine takes to draw it.
        page.wait_for_url(server.url + path, wait_until="domcontentloaded")
        shown = heading(page)
    context.close()
    return shown


def test_a_cached_page_shows_within_3_seconds_on_a_hanging_network(site: Path, browser) -> None:
    shown = open_on_a_hanging_network(site, browser, f"{first_guide(REPO / 'docs')}/step-2/")
    assert shown and shown != "Page not found"


def test_two_copies_on_one_origin_keep_their_own_caches_and_storage(
    tmp_path: Path, browser
) -> None:
    copies = ("guides", "staging")
    origin = tmp_path / "origin"
    for copy in copies:
        build_site(origin / copy, site_url=f"http://127.0.0.1:8000/{copy}/")
    guide = first_guide(REPO / "docs")
    context = browser.new_context()
    context.add_init_script(WAKE_LOCK_STUB)
    page = context.new_page()
    page.set_default_timeout(15_000)
    with serve(origin) as server:
        base = server.url
        for copy in copies:
            page.goto(f"{base}{copy}/")
            wait_for_worker(page)
        page.goto(f"{base}guides/{guide}/step-1/")
        page.get_by_role("switch", name="Keep screen on").click()
        page.goto(f"{base}guides/{guide}/checklist/")
        page.locator("[data-checklist] input[type=checkbox]").first.check()
        page.goto(f"{base}staging/{guide}/step-1/")
        switch = page.get_by_role("switch", name="Keep screen on")
        assert switch.get_attribute("aria-checked") == "false"
        page.goto(f"{base}staging/{guide}/checklist/")
        assert not page.locator("[data-checklist] input[type=checkbox]").first.is_checked()
        keys = page.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
        assert keys and all(key.startswith(("/guides/", "/staging/")) for key in keys), keys
    # The server is stopped: each copy still has its whole cache.
    for copy in copies:
        page.goto(f"{base}{copy}/{guide}/step-2/")
        assert heading(page)
        assert page.evaluate("getComputedStyle(document.body).display") != "inline"
    context.close()


def test_a_guide_folder_named_with_a_hash_works_offline(tmp_path: Path, browser) -> None:
    docs = tmp_path / "docs"
    [slug] = write_site(docs, 1)
    (docs / slug).rename(docs / "C#-massage")
    site = build_site(tmp_path / "site", docs)
    assert "C%23-massage/step-1/" in precache_list(site)
    page = worker_tab(browser)
    with serve(site) as server:
        base = server.url
        page.goto(urljoin(base, "C%23-massage/step-1/"))
        online = heading(page)
        wait_for_worker(page)
    page.goto(urljoin(base, "C%23-massage/step-1/"))
    assert heading(page) == online
    page.goto(urljoin(base, "C%23-massage/step-2/"))
    assert heading(page).startswith("Step 2")
    page.context.close()


def test_offline_every_spelling_a_host_redirects_shows_its_page(site: Path, browser) -> None:
    """`/guide` and `/guide/step-1` (no final slash): a host redirects them; offline too."""
    guide = first_guide(REPO / "docs")
    page = worker_tab(browser)
    with serve(site) as server:
        base = server.url
        install_worker(page, base)
    # The server is stopped.
    for spelling, lands in [
        (guide, f"{guide}/"),
        (f"{guide}/step-1", f"{guide}/step-1/"),
        (f"{guide}/step-1/index.html", f"{guide}/step-1/index.html"),
    ]:
        reply = page.goto(urljoin(base, spelling))
        assert reply is not None and reply.ok, spelling
        assert page.url == urljoin(base, lands), spelling
        assert heading(page) and heading(page) != "Page not found", spelling
        assert page.evaluate("getComputedStyle(document.body).display") != "inline"  # CSS
    page.context.close()


def test_no_such_address_shows_the_404_page_within_the_wait_on_a_hanging_network(
    site: Path, browser
) -> None:
    assert open_on_a_hanging_network(site, browser, "no/such/page/") == "Page not found"


def test_a_host_that_rewrites_pages_is_told_once_and_logged(site: Path, browser) -> None:
    page = worker_tab(browser)
    logged: list[str] = []
    page.on("console", lambda message: logged.append(message.text))
    with serve(site) as server:
        server.injected = b"<script>/* the host's own */</script>"
        page.goto(server.url)
        note = page.locator(".offline-note")
        note.wait_for()
        assert "cannot be saved for reading offline" in note.inner_text()
        assert any("Offline reading is not available" in text for text in logged)
        assert page.evaluate("navigator.serviceWorker.controller") is None
        # Once: the next page's try fails too (logged), and the page says nothing more.
        with page.expect_console_message(
            lambda message: "Offline reading is not available" in message.text
        ):
            page.goto(urljoin(server.url, f"{first_guide(REPO / 'docs')}/"))
        assert page.locator(".offline-note").count() == 0
    page.context.close()

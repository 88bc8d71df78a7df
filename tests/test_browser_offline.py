"""Hands busy, no signal: offline reading, keep the screen on, install to the home screen."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, REPO, build_site, copy_docs, serve

pytestmark = pytest.mark.browser

WAKE_LOCK_STUB = """
    window.__wakeLock = {requests: 0, releases: 0};
    Object.defineProperty(Navigator.prototype, 'wakeLock', {configurable: true, get: () => ({
        request: async () => {
            window.__wakeLock.requests += 1;
            return {release: async () => { window.__wakeLock.releases += 1; },
                    addEventListener: () => {}};
        },
    })});
"""
NO_WAKE_LOCK = "delete Navigator.prototype.wakeLock;"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_worker(page) -> None:  # type: ignore[no-untyped-def]
    page.evaluate("() => navigator.serviceWorker.ready")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15_000)


def test_every_guide_page_works_with_the_server_stopped(tmp_path: Path, browser) -> None:
    docs = copy_docs(tmp_path)
    site = build_site(tmp_path / "site", docs)
    port = free_port()
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    server = serve(site, port)
    base = next(server)
    page.goto(base)
    wait_for_worker(page)
    page.reload()  # now controlled by the worker
    next(server, None)  # stop the server: every request below must be answered offline
    with pytest.raises(OSError):
        urllib.request.urlopen(base, timeout=2)
    for url, heading in [
        ("foot-massage/step-3/", "Step 3: Rotate the foot and knead the arch"),
        ("back-massage/step-2/", "Step 2"),
        ("foot-massage/checklist/", "Checklist: How to give a foot massage"),
        ("back-massage/", "How to give a back massage"),
    ]:
        page.goto(urljoin(base, url))
        assert page.locator("article h1").first.inner_text().startswith(heading)
        assert page.evaluate("getComputedStyle(document.body).display") != "inline"  # CSS loaded
    page.goto(base)
    page.locator("input.md-search__input").click()
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta')"
        ".textContent.includes('Initializing')"
    )
    page.locator("input.md-search__input").press_sequentially("knuckles", delay=30)
    first = page.locator(".md-search-result__item a.md-search-result__link").first
    assert "foot-massage/step-3/" in (first.get_attribute("href") or "")
    # A new build, served again: the changed step replaces the old one after a reload.
    step = docs / "foot-massage" / "step-3.md"
    step.write_text(
        step.read_text("utf-8").replace("# Step 3: Rotate the foot", "# Step 3: Turn the foot"),
        encoding="utf-8",
    )
    site = build_site(tmp_path / "site2", docs)
    server = serve(site, port)
    next(server)
    page.goto(urljoin(base, "foot-massage/step-3/"))
    page.reload()
    assert page.locator("article h1").first.inner_text().startswith("Step 3: Turn the foot")
    next(server, None)
    context.close()


def test_precache_list_names_every_page_with_a_hash(site: Path) -> None:
    worker = (site / "sw.js").read_text(encoding="utf-8")
    entries = dict(re.findall(r'\["([^"]+)","([0-9a-f]{16})"\]', worker))
    for url in (
        "./",
        "foot-massage/step-1/",
        "back-massage/checklist/",
        "search/search_index.json",
    ):
        assert url in entries, url
    assert not any(url.endswith(".map") for url in entries)
    assert "/* precache */" not in worker


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


def test_mkdocs_serve_registers_no_service_worker(tmp_path: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [str(REPO / ".venv/bin/mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        html = ""
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/foot-massage/") as reply:
                    html = reply.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.2)
        assert "How to give a foot massage" in html
        assert 'name="service-worker"' not in html
        assert 'rel="manifest"' not in html
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def test_keep_screen_on_switch_takes_and_releases_the_lock(site_url: str, browser) -> None:
    context = browser.new_context()
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
    page.get_by_role("switch", name="Keep screen on").click()
    assert page.evaluate("window.__wakeLock.releases") == 1
    page.emulate_media(media="print")
    assert page.locator(".wake-lock").evaluate("el => getComputedStyle(el).display") == "none"
    context.close()


def test_keep_screen_on_is_hidden_without_the_api(site_url: str, browser) -> None:
    context = browser.new_context()
    context.add_init_script(NO_WAKE_LOCK)
    page = context.new_page()
    page.goto(urljoin(site_url, "foot-massage/step-1/"))
    assert page.locator(".wake-lock").count() == 1
    assert not page.locator(".wake-lock").is_visible()
    context.close()


def test_keep_screen_on_is_only_on_guide_pages(site_url: str, browser) -> None:
    context = browser.new_context()
    context.add_init_script(WAKE_LOCK_STUB)
    page = context.new_page()
    page.goto(site_url)
    assert page.locator(".wake-lock").count() == 0
    context.close()

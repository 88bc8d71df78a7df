"""Debian's Chromium as the browser tests launch it, and axe-core for accessibility checks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .site import REPO

CHROMIUM = Path("/usr/bin/chromium")
# The features Playwright 1.65 turns off (its chromiumSwitches.ts). Chromium keeps only the
# last `--disable-features` it is given, so ours repeats them: tests/browser/test_chromium.py
# checks against the switch Playwright passes that none is lost.
PLAYWRIGHT_DISABLED_FEATURES = [
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
]
# Headless Chromium gives every new window the address bar's two drop-down lists, each a
# web page of its own in a process of its own (chrome://omnibox-popup.top-chrome/), never
# shown: about half a CPU-second per browser context, and the suite opens about a hundred.
# The pages a test opens are the same without them.
NO_ADDRESS_BAR_POPUPS = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"]
# As root in a sandbox, Chromium needs these; the rest keep it off the (closed) network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + NO_ADDRESS_BAR_POPUPS),
]
NO_TRANSITIONS = (
    "*, *::before, *::after { transition: none !important; animation: none !important; }"
)
# Installed by `make test` with npm (Makefile, AXE_VERSION).
AXE = REPO / ".npm" / "node_modules" / "axe-core" / "axe.min.js"


# Material's search worker, as `new Worker()` is given it (assets/javascripts/workers/search.*.js).
SEARCH_WORKER = "/workers/search."
# In a tab that never searches: Material's search worker is a stand-in that never answers, so
# the search box stays "Initializing"; every other worker is the real one.
NO_SEARCH_WORKER = f"""(() => {{
    const RealWorker = window.Worker;
    window.Worker = function (url, options) {{
        if (!String(url).includes({SEARCH_WORKER!r})) return new RealWorker(url, options);
        const standIn = new EventTarget();
        standIn.postMessage = () => {{}};
        standIn.terminate = () => {{}};
        return standIn;
    }};
}})();"""


def new_context(browser, *, search: bool = False, **options):
    """A browser context for a test that is not about offline reading: no service worker.

    In any other context the site's worker installs after the first page has loaded, and
    downloads and hashes the whole site in the background: about a CPU-second for each test,
    on a suite that keeps both cores busy. Pages are the same bytes with or without it; the
    offline tests make contexts of their own, where it installs.

    Nor, unless `search`, Material's search worker: on every page it builds the search index
    from the whole site's text, about a tenth of what loading the page costs, for tabs that
    never search (tests/browser/test_site.py searches with `search=True`; the offline tests'
    own contexts keep every worker, and search too).
    """
    context = browser.new_context(service_workers="block", **options)
    if not search:
        context.add_init_script(NO_SEARCH_WORKER)
    return context


@contextmanager
def shared_tab(browser, viewport: dict[str, int], *scripts: str, **options) -> Iterator[Any]:
    """The one tab a module's tests share, each leaving it with `leave_as_new`.

    In a context of its own without a service worker, at `viewport`, with these init scripts.
    """
    context = new_context(browser, viewport=viewport, **options)
    for script in scripts:
        context.add_init_script(script)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    try:
        yield tab
    finally:
        context.close()


def leave_as_new(tab, site_url: str, viewport: dict[str, int]) -> None:
    """Leave a tab that tests share as a new one, at `viewport` and blank.

    Its context's only tab, nothing stored for the site (local and session storage), no
    history, screen media. A new tab costs about what a page load does (a renderer process
    starts): a module's tests that change nothing else share one. What cannot be undone (init
    scripts, a fake clock, routes, listeners) is for tests with a context of their own.
    """
    for other in tab.context.pages:
        if other != tab:
            other.close()
    if not tab.url.startswith(site_url):
        tab.goto(site_url)
    tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    tab.emulate_media(media="null")
    tab.set_viewport_size(viewport)
    tab.goto("about:blank")
    session = tab.context.new_cdp_session(tab)
    session.send("Page.resetNavigationHistory")  # the blank page alone, as in a new tab
    session.detach()


# The rules that read colours. The dark palette is the light one's page with other colours
# (Material's `slate` scheme, the same HTML): a page checked with every rule in the light
# palette is checked again in the dark with these, at about half the cost of every rule.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def violations(page, axe_script: Path | None, scheme: str = "light") -> list[str]:
    """axe-core's violations on the page as it is now, one line each (rule: elements).

    `axe_script` is added to the page first; None when the context adds it to every page
    (`context.add_init_script(path=AXE)`, cheaper on a tour of many pages). In the dark
    palette (`scheme`) only the rules that read colours run (COLOUR_RULES).
    """
    # Colours as they end, not halfway through a transition (Material's take 125 ms; the
    # screen-lock switch fades in), however fast this machine got here after loading.
    page.add_style_tag(content=NO_TRANSITIONS)
    if axe_script is not None:
        page.add_script_tag(path=str(axe_script))
    options: dict[str, object] = {"resultTypes": ["violations"]}
    if scheme == "dark":
        options["runOnly"] = COLOUR_RULES
    found = page.evaluate(
        """async (options) => (await axe.run(document, options)).violations
            .map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)""",
        options,
    )
    return list(found)

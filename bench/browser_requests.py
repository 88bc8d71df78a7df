"""How many requests a page makes on its first load, counted in a real Chromium.

Each site is served on 127.0.0.1 by `static_server.serve`; a fresh browser context (empty
cache) opens the page and waits until the network is idle. Every request the page makes is
counted: the HTML, its CSS, scripts, images and icon, and what its scripts fetch (Material's
search worker and index). The service worker is blocked: what it downloads in the background
after the first load is the precache, reported on its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import static_server
from .lighthouse import CHROME_FLAGS
from .machine import CHROMIUM

# Playwright starts Chromium headless itself.
_ARGS = [flag for flag in CHROME_FLAGS.split() if not flag.startswith("--headless")]
_TIMEOUT_MS = 60_000


class RequestCountError(RuntimeError):
    """The requests could not be counted; the message says why."""


def unavailable_reason() -> str | None:
    """Why requests cannot be counted on this machine, or None when they can."""
    if not CHROMIUM.exists():
        return f"Chromium is not installed at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed in the virtual environment"
    return None


def count_requests(sites: dict[str, Path], pages: dict[str, list[str]]) -> dict[str, Any]:
    """For each site name, each of its pages: the URLs (site-relative) it requests on first load."""
    from playwright.sync_api import Error, sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=_ARGS)
            try:
                return count_in(browser, sites, pages)
            finally:
                browser.close()
    except Error as error:
        raise RequestCountError(f"Chromium could not load the pages: {error}") from error


def count_in(browser: Any, sites: dict[str, Path], pages: dict[str, list[str]]) -> dict[str, Any]:
    """`count_requests` with a Chromium already launched by Playwright."""
    counted: dict[str, Any] = {}
    for name, site in sites.items():
        with static_server.serve(site) as base:
            counted[name] = {page: _first_load(browser, base, page) for page in pages[name]}
    return counted


def _first_load(browser: Any, base: str, page: str) -> dict[str, Any]:
    context = browser.new_context(service_workers="block")
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url.removeprefix(base)))
    try:
        context.new_page().goto(base + page, wait_until="networkidle", timeout=_TIMEOUT_MS)
    finally:
        context.close()
    return {"count": len(requested), "urls": requested}

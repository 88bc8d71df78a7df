"""What a page receives on its first load, recorded from outside in a real Chromium.

Each site is served on 127.0.0.1 by `static_server.serve` without compression (each file as
it is on disk: `bench/weight.py` gzips every body itself). A fresh browser context (empty
cache, no service worker yet, service workers allowed as for any reader) opens the page and
waits until the network is idle (Playwright's `networkidle`: no request for 500 ms). Every
response the page receives by then is kept with its body: the HTML, its stylesheets and
scripts, the icon the browser asks for, and what its scripts fetch (Material's search worker
and index), whoever named them; a `data:` or `blob:` address is not fetched (its bytes are in
what named it) and is not a response. Responses to requests a service worker makes are not the
page's (Playwright gives them a `request.service_worker`): the browser fetching `sw.js` to
install the worker, then the worker downloading the site for offline reading; they are listed
apart, by URL only, as far as they had got by then.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import static_server
from .lighthouse import CHROME_FLAGS
from .machine import CHROMIUM

# Playwright starts Chromium headless itself.
_ARGS = [flag for flag in CHROME_FLAGS.split() if not flag.startswith("--headless")]
_TIMEOUT_MS = 60_000
# Addresses whose bytes are already in the page or a file it loaded: no response of their own.
_NOT_FETCHED = ("data:", "blob:")


class FirstLoadError(RuntimeError):
    """The first load could not be recorded; the message says why."""


@dataclass(frozen=True)
class Received:
    """One response the page received: its URL (site-relative when on the site), its body."""

    url: str
    resource_type: str
    status: int
    body: bytes
    from_service_worker: bool = False


@dataclass(frozen=True)
class FirstLoad:
    """A page's first load: what the page received, and what was not the page's."""

    page: str
    received: list[Received]
    # Requests a service worker made (its own script's fetch included): not the page's.
    worker: list[str] = field(default_factory=list)
    # The page's requests that got no response (refused, aborted, another host).
    failed: list[str] = field(default_factory=list)


def unavailable_reason() -> str | None:
    """Why a first load cannot be recorded on this machine, or None when it can."""
    if not CHROMIUM.exists():
        return f"Chromium is not installed at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed in the virtual environment"
    return None


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium launched by Playwright, with the benchmark's flags."""
    from playwright.sync_api import Error, sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=_ARGS)
            try:
                yield browser
            finally:
                browser.close()
    except Error as error:
        raise FirstLoadError(f"Chromium could not load the pages: {error}") from error


def first_loads(sites: dict[str, Path], pages: dict[str, list[str]]) -> dict[str, Any]:
    """For each site name, each of its pages (site-relative): its `FirstLoad`."""
    with chromium() as browser:
        return record_in(browser, sites, pages)


def record_in(
    browser: Any, sites: dict[str, Path], pages: dict[str, list[str]]
) -> dict[str, dict[str, FirstLoad]]:
    """`first_loads` with a Chromium already launched by Playwright."""
    recorded: dict[str, dict[str, FirstLoad]] = {}
    for name, site in sites.items():
        with static_server.serve(site, compress=False) as base:
            recorded[name] = {page: first_load(browser, base, page) for page in pages[name]}
    return recorded


def first_load(browser: Any, base: str, page: str) -> FirstLoad:
    """Open `base + page` in a new context; keep what it received until the network was idle."""
    context = browser.new_context()
    responses: list[Any] = []
    failures: list[Any] = []
    # Playwright wraps each handler in an attribute: a bound method of a list takes none.
    context.on("response", lambda response: responses.append(response))
    context.on("requestfailed", lambda request: failures.append(request))
    try:
        context.new_page().goto(base + page, wait_until="networkidle", timeout=_TIMEOUT_MS)
        # What had arrived when the network went idle; the worker may still be downloading.
        arrived = [r for r in responses if not r.url.startswith(_NOT_FETCHED)]
        failed = [r for r in failures if not r.url.startswith(_NOT_FETCHED)]
        pages = [response for response in arrived if response.request.service_worker is None]
        return FirstLoad(
            page,
            [_received(base, response) for response in pages],
            [_relative(base, r.url) for r in arrived if r.request.service_worker is not None],
            [_relative(base, r.url) for r in failed if r.service_worker is None],
        )
    finally:
        context.close()


def _received(base: str, response: Any) -> Received:
    # A redirect has no body to read; its target is a response of its own.
    body = b"" if 300 <= response.status < 400 else response.body()
    return Received(
        _relative(base, response.url),
        response.request.resource_type,
        response.status,
        body,
        response.from_service_worker,
    )


def _relative(base: str, url: str) -> str:
    return url.removeprefix(base) if url.startswith(base) else url

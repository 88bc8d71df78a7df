"""Shared fixtures: the real site built once, served locally, and a real Chromium.

Helpers live in `tests/support/`. A test that uses the browser is marked `browser` by the
fixtures it asks for, so `make check` (`-m "not browser"`) runs everything else.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.browser import AXE, CHROMIUM, CHROMIUM_ARGS, new_context
from tests.support.server import serve
from tests.support.site import build_site

_BROWSER_FIXTURES = {"playwright", "browser", "page", "scheme_page", "axe_script"}
# The longest files, longest first (`pytest --durations=0`, summed per file). pytest-xdist
# hands out whole files in collection order (`--dist loadfile --no-loadscope-reorder`), the
# next to whichever process is free: long files first, so that short ones fill in at the end
# and neither process is left alone with a long one. The rest keep their order.
LONGEST_FIRST = [
    "browser/test_follow.py",
    "browser/test_offline.py",
    "browser/test_site.py",
    "browser/test_follow_screen.py",
    "browser/test_every_page.py",
    "browser/test_checklist_sheet.py",
    "browser/test_every_page_2.py",
    "browser/test_checklist.py",
    "builds/test_make_build.py",
    "browser/test_print.py",
    "builds/test_figures.py",
    "browser/test_guide_pages.py",
    "builds/test_bench.py",
    "builds/test_authoring_errors.py",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs Chromium as `browser`; put the longest files first."""
    for item in items:
        if _BROWSER_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
    tests = Path(__file__).parent

    def rank(item: pytest.Item) -> int:
        name = item.path.relative_to(tests).as_posix() if item.path.is_relative_to(tests) else ""
        return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: each file's tests, and the other files, keep their order


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once for the whole session."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The real site, served locally."""
    with serve(site) as server:
        yield server.url


@pytest.fixture(scope="session")
def public_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built for a public address (checklists print it with a QR code), served."""
    site = tmp_path_factory.mktemp("public-site")
    with serve(build_site(site, site_url="https://guides.example.org/")) as server:
        yield server.url


def _browser_unavailable(reason: str) -> None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but the browser tests cannot run: {reason}")
    pytest.skip(f"browser tests need Chromium: {reason} (apt-get install -y chromium)")


@pytest.fixture(scope="session")
def playwright() -> Iterator[object]:
    """Playwright itself (tests that need a persistent profile launch from it)."""
    if not CHROMIUM.exists():
        _browser_unavailable(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright) -> Iterator[object]:
    """Debian's Chromium, driven by Playwright (never a browser Playwright downloads)."""
    from playwright.sync_api import Error

    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
    except Error as error:
        _browser_unavailable(f"Chromium did not start: {error.message.splitlines()[0]}")
    yield chromium
    chromium.close()


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, browser):
    """A tab whose system colour scheme is light or dark (the palette follows it); no worker."""
    context = new_context(browser, color_scheme=request.param)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield request.param, tab
    context.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab with its own storage (no service worker: support/browser.py)."""
    context = new_context(browser)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core's script, which `make test` installs."""
    if not AXE.is_file():
        message = f"{AXE} is missing: run `make test` (it installs axe-core with npm)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return AXE

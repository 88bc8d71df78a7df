"""What a reader gets in a real browser: no outside requests, and search that finds the page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

pytestmark = pytest.mark.browser


def all_pages(site: Path) -> list[str]:
    return sorted(
        path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("*.html")
    )


def test_no_page_requests_anything_from_another_host(site: Path, site_url: str, page) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    pages = all_pages(site)
    assert "foot-massage/checklist/" in pages
    for url in pages:
        page.goto(urljoin(site_url, url), wait_until="networkidle")
    own_host = urlsplit(site_url).netloc
    assert requested, "no request was recorded"
    outside = {url for url in requested if urlsplit(url).netloc not in (own_host, "")}
    outside = {url for url in outside if not url.startswith(("data:", "blob:"))}
    assert outside == set()


@pytest.fixture(scope="module")
def search_box(browser, site_url: str):  # type: ignore[no-untyped-def]
    """The home page with its search index loaded, reused for every query."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta')"
        ".textContent.includes('Initializing')"
    )
    yield page
    context.close()


def first_search_result(page, query: str) -> str:  # type: ignore[no-untyped-def]
    box = page.locator("input.md-search__input")
    box.fill("")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    box.press_sequentially(query, delay=30)
    # Results follow every key press: wait for the ones that highlight the last word typed.
    page.wait_for_function(
        """query => [...document.querySelectorAll('.md-search-result mark')]
            .some(mark => mark.textContent.toLowerCase().startsWith(query))""",
        arg=query.lower().split()[-1],
    )
    # A prefix of the last word can highlight it too: wait until the results stop changing.
    results = page.locator(".md-search-result__list")
    before = None
    while (now := results.inner_html()) != before:
        before = now
        page.wait_for_timeout(250)
    assert "matching document" in page.locator(".md-search-result__meta").inner_text()
    first = page.locator(".md-search-result__item a.md-search-result__link").first
    href = first.get_attribute("href") or ""
    return urlsplit(urljoin(page.url, href)).path


def search_table() -> list[tuple[str, list[str]]]:
    rows = (Path(__file__).parent / "data" / "search-queries.tsv").read_text("utf-8")
    table = []
    for row in rows.splitlines():
        if row and not row.startswith("#"):
            query, expected, _covers = row.split("\t")
            table.append((query, ["/" + page.strip() for page in expected.split("|")]))
    return table


def test_the_search_table_covers_both_guides_and_30_queries() -> None:
    table = search_table()
    assert len(table) >= 30
    pages = {page for _query, expected in table for page in expected}
    assert any(page.startswith("/foot-massage/") for page in pages)
    assert any(page.startswith("/back-massage/") for page in pages)


@pytest.mark.parametrize(("query", "expected"), search_table(), ids=[q for q, _ in search_table()])
def test_search_puts_the_right_page_first(search_box, query: str, expected: list[str]) -> None:
    assert first_search_result(search_box, query) in expected


@pytest.mark.parametrize("url", ["foot-massage/step-2/", "foot-massage/checklist/"])
def test_a_guide_page_does_not_shift_as_it_loads(site_url: str, browser, url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(
        """window.__shift = 0;
        new PerformanceObserver(list => list.getEntries().forEach(entry => {
            if (!entry.hadRecentInput) window.__shift += entry.value;
        })).observe({type: 'layout-shift', buffered: true});"""
    )
    page = context.new_page()
    page.goto(urljoin(site_url, url), wait_until="networkidle")
    page.wait_for_timeout(500)
    assert page.locator(".wake-lock").is_visible()  # shown by its script, in reserved space
    shift = page.evaluate("window.__shift")
    context.close()
    assert shift < 0.01

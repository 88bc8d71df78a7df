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


def first_search_result(page, site_url: str, query: str) -> str:
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta')"
        ".textContent.includes('Initializing')"
    )
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    # Results follow every key press: wait for the ones that highlight the last word typed.
    page.wait_for_function(
        """query => [...document.querySelectorAll('.md-search-result mark')]
            .some(mark => mark.textContent.toLowerCase().startsWith(query))""",
        arg=query.lower().split()[-1],
    )
    first = page.locator(".md-search-result__item a.md-search-result__link").first
    assert "matching document" in meta.inner_text()
    href = first.get_attribute("href") or ""
    return urlsplit(urljoin(page.url, href)).path


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("talcum", ["/foot-massage/tips-and-warnings/"]),
        ("knuckles", ["/foot-massage/step-3/"]),
        ("rotate", ["/foot-massage/step-3/"]),
        # Both guides need a towel: an overview or first step of either is right.
        (
            "towel",
            ["/foot-massage/", "/foot-massage/step-1/", "/back-massage/", "/back-massage/step-1/"],
        ),
        ("rolled towel", ["/foot-massage/", "/foot-massage/step-1/"]),
    ],
)
def test_search_puts_the_right_page_first(
    site_url: str, page, query: str, expected: list[str]
) -> None:
    assert first_search_result(page, site_url, query) in expected

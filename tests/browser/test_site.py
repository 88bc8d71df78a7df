"""What a reader gets in a real browser: search that finds the page, pages that hold still.

(No page requests anything from another host: tests/browser/test_every_page.py.)
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.support.browser import new_context
from tests.support.pages import (
    guide_front_matter,
    normalise,
    page_file,
    read_page,
    step_page_lacks_drawing,
)
from tests.support.search import first_search_result, open_search, search, search_for
from tests.support.server import serve
from tests.support.site import DATA, FIXTURES, REPO, build_site, guides_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def search_box(browser, site_url: str):
    """The home page with its search index loaded, reused for every query."""
    context = new_context(browser, search=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    open_search(page, site_url)
    yield page
    context.close()


@pytest.fixture(scope="module")
def guide_tab(browser):
    """One tab for the searches from inside a guide: each opens its page unless it is open."""
    context = new_context(browser, search=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def read_table(name: str) -> list[list[str]]:
    rows = (DATA / name).read_text("utf-8").splitlines()
    return [row.split("\t") for row in rows if row and not row.startswith("#")]


def pages(expected: str) -> list[str]:
    return ["/" + page.strip() for page in expected.split("|")]


def search_table() -> list[tuple[str, list[str]]]:
    return [
        (query, pages(expected)) for query, expected, _covers in read_table("search-queries.tsv")
    ]


def in_guide_table() -> list[tuple[str, str, list[str]]]:
    """The searches from inside a guide, grouped by the page they start from."""
    return sorted(
        (
            (start, query, pages(expected))
            for start, query, expected in read_table("search-in-guide.tsv")
        ),
        key=lambda row: row[0],
    )


def test_the_search_table_covers_both_guides_and_30_queries() -> None:
    table = search_table()
    assert len(table) >= 30
    pages = {page for _query, expected in table for page in expected}
    assert any(page.startswith("/foot-massage/") for page in pages)
    assert any(page.startswith("/back-massage/") for page in pages)


@pytest.mark.parametrize(("query", "expected"), search_table(), ids=[q for q, _ in search_table()])
def test_search_puts_the_right_page_first(search_box, query: str, expected: list[str]) -> None:
    assert first_search_result(search_box, query) in expected


@pytest.mark.parametrize("query", ["back pain", "sore feet", "blood clots"])
def test_the_first_result_has_every_word_of_the_query(search_box, query: str) -> None:
    """Material strikes through, under "Missing:", a query word its result lacks.

    Only what the reader sees counts: the sections folded under "N more on this page" keep
    Material's own "Missing:" line, hidden until opened.
    """
    search(search_box, query)
    first = search_box.locator(".md-search-result__item").first
    assert first.count()
    assert first.locator("del:visible, s:visible").count() == 0, first.inner_text()
    assert "Missing" not in first.inner_text()


def test_no_result_shows_a_tag_chip(search_box) -> None:
    for query in ("sore feet", "cream", "knots", "massage table"):
        search(search_box, query)
        assert search_box.locator(".md-search-result__item").count()
        assert search_box.locator(".md-search-result nav.md-tags, .md-tag").count() == 0, query


@pytest.mark.parametrize(
    ("start", "query", "expected"),
    in_guide_table(),
    ids=[f"{start}:{query}" for start, query, _ in in_guide_table()],
)
def test_search_from_inside_a_guide_answers_with_that_guide_first(
    guide_tab, site_url: str, start: str, query: str, expected: list[str]
) -> None:
    if guide_tab.url != urljoin(site_url, start):  # one load for the searches from a page
        open_search(guide_tab, urljoin(site_url, start))
    assert first_search_result(guide_tab, query) in expected


def guide_titles(site: Path) -> dict[str, str]:
    """Each guide's folder URL ("/foot-massage/") and title, read from its built overview."""
    return {
        f"/{slug}/": read_page(page_file(site, f"{slug}/")).title.split(" - ")[0]
        for slug in guide_front_matter(REPO / "docs")
    }


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_result_shows_the_title_of_its_guide(
    browser, site: Path, site_url: str, viewport: dict[str, int]
) -> None:
    context = new_context(browser, viewport=viewport, search=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    open_search(page, site_url)
    # Every guide is made of step pages, and every step page's title says "Step".
    first_search_result(page, "step")
    # search-label.js labels every result drawn at once, when search/guides.json has come.
    page.locator(".search-result-guide").first.wait_for()
    titles = guide_titles(site)
    seen = set()
    for item in page.locator(".md-search-result__item").all():
        path = urlsplit(item.locator("a.md-search-result__link").first.get_attribute("href")).path
        guide = next((folder for folder in titles if path.startswith(folder)), None)
        if guide is None:
            continue
        seen.add(guide)
        shown = item.locator(".search-result-guide, h1").first
        assert shown.is_visible(), path
        assert shown.inner_text() == titles[guide], path
    context.close()
    assert seen == set(titles)


def drawing_texts(site: Path, url: str) -> list[str]:
    """A page's figure texts: the drawing's title and description, its caption."""
    html = page_file(site, url).read_text("utf-8")
    figures = re.findall(r"<figure\b.*?</figure>", html, flags=re.DOTALL)
    texts = re.findall(r"<(?:title|desc|figcaption)\b[^>]*>(.*?)</", "".join(figures), re.DOTALL)
    return [normalise(text) for text in texts if text.strip()]


def first_paragraph_after_drawing(site: Path, url: str) -> str:
    html = page_file(site, url).read_text("utf-8").split("</figure>", 1)[1]
    paragraph = re.search(r"<p\b[^>]*>(.*?)</p>", html, flags=re.DOTALL)
    assert paragraph is not None, url
    return normalise(re.sub(r"<[^>]+>", "", paragraph.group(1)))


def step_pages() -> list[str]:
    return [
        f"{slug}/{step.stem}/"
        for slug in guide_front_matter(REPO / "docs")
        for step in sorted((REPO / "docs" / slug).glob("step-*.md"))
    ]


@pytest.mark.parametrize("url", step_pages())
def test_a_result_shows_the_pages_words_not_its_drawing(search_box, site: Path, url: str) -> None:
    drawing = drawing_texts(site, url)
    assert drawing, step_page_lacks_drawing(url)
    title = read_page(page_file(site, url)).title.split(" - ")[0]
    # The page's own title, without its "Step N:" prefix, finds it.
    assert first_search_result(search_box, title.split(":", 1)[-1]) == "/" + url
    result = normalise(search_box.locator(".md-search-result__item").first.inner_text())
    first_words = " ".join(first_paragraph_after_drawing(site, url).split()[:6])
    for text in drawing:
        assert text not in result
    assert first_words in result


@pytest.mark.parametrize("url", ["foot-massage/step-2/", "foot-massage/checklist/"])
def test_a_guide_page_does_not_shift_as_it_loads(site_url: str, browser, url: str) -> None:
    context = new_context(browser, viewport={"width": 390, "height": 844})
    context.add_init_script(
        """window.__shift = 0;
        new PerformanceObserver(list => list.getEntries().forEach(entry => {
            if (!entry.hadRecentInput) window.__shift += entry.value;
        })).observe({type: 'layout-shift', buffered: true});"""
    )
    page = context.new_page()
    page.goto(urljoin(site_url, url), wait_until="networkidle")
    page.locator(".wake-lock").wait_for(state="visible")  # shown by its script, in reserved space
    # Two frames after the last change, so a shift it caused has been laid out and observed.
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    shift = page.evaluate("window.__shift")
    context.close()
    assert shift < 0.01


def test_a_step_page_leads_with_its_move_and_offers_printing_after_it(
    site_url: str, browser
) -> None:
    context = new_context(browser, viewport=PHONE)
    page = context.new_page()
    steps = [step for guide in guides_in() for step in guide.steps]
    assert steps
    for step in steps:
        page.goto(urljoin(site_url, step.src_uri.removesuffix(".md") + "/"))
        move = page.locator(".step-lead__action").bounding_box()
        printing = page.locator(".print-actions").bounding_box()
        assert move and printing, step.src_uri
        # The move is on the first screen of a phone; the print buttons come after the step.
        assert move["y"] + move["height"] <= PHONE["height"], step.src_uri
        assert printing["y"] > move["y"] + move["height"], step.src_uri
    context.close()


# Guide folders whose addresses are percent-encoded (`C%23-massage/`) while search/guides.json
# names them as written.
ENCODED_FOLDERS = ["C#-massage", "massage à deux", "100%-rub"]


@pytest.fixture(scope="module")
def encoded_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The valid fixture's guide three times over, in folders with `#`, `à`, a space, `%`."""
    root = tmp_path_factory.mktemp("encoded-folders")
    docs = root / "docs"
    shutil.copytree(FIXTURES / "valid" / "docs", docs)
    (docs / "index.md").write_text("# Test guides\n\nThree guides.\n", encoding="utf-8")
    guide = docs / "guide"
    for number, folder in enumerate(ENCODED_FOLDERS, start=1):
        shutil.copytree(guide, docs / folder)
        overview = docs / folder / "index.md"
        text = overview.read_text(encoding="utf-8")
        overview.write_text(text.replace("A test guide", f"Guide {number}", 1), encoding="utf-8")
    shutil.rmtree(guide)
    return build_site(root / "site", docs)


@pytest.mark.browser
def test_results_from_encoded_folders_name_their_guide(encoded_site: Path, guide_tab) -> None:
    page = guide_tab
    with serve(encoded_site) as server:
        open_search(page, server.url)
        search_for(page, "thing")
        labels = page.locator(".md-search-result__item .search-result-guide")
        page.wait_for_function(
            "n => document.querySelectorAll('.md-search-result__item .search-result-guide')"
            ".length >= n",
            arg=len(ENCODED_FOLDERS),
        )
        assert sorted(set(labels.all_text_contents())) == ["Guide 1", "Guide 2", "Guide 3"]

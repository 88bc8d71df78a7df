"""A page's HTML does not grow with the number of guides; its sidebar still holds its guide."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.guide_factory import write_site
from tests.support.site import build_site

PAGES = [
    "generated-0001/index.html",
    "generated-0001/step-2/index.html",
    "generated-0001/tips/index.html",
    "generated-0001/checklist/index.html",
    "404.html",
]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    built = {}
    for count in (2, 50):
        root = tmp_path_factory.mktemp(f"guides-{count}")
        write_site(root / "docs", count)
        built[count] = build_site(root / "site", root / "docs")
    return built


@pytest.mark.parametrize("page", PAGES)
def test_guide_pages_stay_the_same_size_from_2_to_50_guides(
    sites: dict[int, Path], page: str
) -> None:
    small = (sites[2] / page).stat().st_size
    large = (sites[50] / page).stat().st_size
    assert large <= small * 1.05, f"{page}: {small} -> {large} bytes"


def test_home_page_grows_only_by_its_cards(sites: dict[int, Path]) -> None:
    small = (sites[2] / "index.html").read_text(encoding="utf-8")
    large = (sites[50] / "index.html").read_text(encoding="utf-8")
    card = re.search(r"<li>\s*<h3 class=\"guide-cards__title\">.*?</li>", small, re.DOTALL)
    assert card is not None
    assert len(large) - len(small) <= 48 * len(card.group(0)) * 1.1
    assert large.count('class="guide-cards__title"') == 50


def test_sidebar_still_lists_every_page_of_its_own_guide(sites: dict[int, Path]) -> None:
    html = (sites[50] / "generated-0001/step-2/index.html").read_text(encoding="utf-8")
    start = html.index('class="md-nav md-nav--primary"')
    sidebar = html[start : html.index("md-sidebar--secondary")]
    for title in ("Step 1: Part 1", "Step 2: Part 2", "Step 3: Part 3", "Tips", "Checklist"):
        assert title in sidebar
    assert "Generated guide 2<" not in sidebar
    assert "generated-0002" not in sidebar


def test_search_still_covers_every_guide(sites: dict[int, Path]) -> None:
    index = (sites[50] / "search" / "search_index.json").read_text(encoding="utf-8")
    for number in (1, 25, 50):
        assert f"generated-{number:04d}/step-3/" in index

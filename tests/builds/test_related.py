"""Related guides link both ways; the home page shows a card for every guide."""

from __future__ import annotations

from pathlib import Path

import pytest

from massage_guides.model import Guide
from tests.support.pages import page_file, read_page
from tests.support.site import DOCS, guides_in


def related_block(site: Path, url: str) -> str:
    html = page_file(site, url).read_text(encoding="utf-8")
    if 'class="related-guides"' not in html:
        return ""
    block = html[html.index('class="related-guides"') :]
    return block[: block.index("</aside>")]


def test_back_massage_links_to_the_foot_massage_guide(site: Path) -> None:
    block = related_block(site, "back-massage/")
    assert 'href="../foot-massage/"' in block
    assert "How to give a foot massage" in block
    assert "Relax your partner with a simple three-step foot massage" in block


def test_foot_massage_shows_back_massage_without_listing_it(site: Path) -> None:
    overview = (DOCS / "foot-massage/index.md").read_text("utf-8")
    assert "related: []" in overview
    block = related_block(site, "foot-massage/")
    assert 'href="../back-massage/"' in block
    assert "How to give a back massage" in block


def test_related_guides_show_on_the_overview_and_the_last_page_only(site: Path) -> None:
    assert related_block(site, "foot-massage/tips-and-warnings/")
    for url in ("foot-massage/step-1/", "foot-massage/step-2/", "foot-massage/checklist/"):
        assert not related_block(site, url), url


def test_the_articles_back_massage_sentence_links_to_the_guide(site: Path) -> None:
    page = read_page(page_file(site, "foot-massage/tips-and-warnings/"))
    assert ("../../back-massage/", "") in page.links


@pytest.mark.parametrize("guide", guides_in(), ids=lambda guide: guide.slug)
def test_home_page_has_a_card_for_every_guide(site: Path, guide: Guide) -> None:
    html = page_file(site, "index.html").read_text(encoding="utf-8")
    cards = html[html.index('class="guide-cards"') :]
    card = cards[cards.index(f'<a href="{guide.slug}/">') :]
    card = card[: card.index("</li>")]
    assert f'<a href="{guide.slug}/">{guide.title}</a>' in card
    assert f'href="{guide.slug}/checklist/"' in card
    # The routine's size beside it: tests/builds/test_routine_size.py.

"""The follow-along page as built: every guide gets one, from its front matter, out of search."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from massage_guides.drawings import first_panel
from tests.support.pages import (
    GuideFacts,
    article_text,
    follow_cards,
    guide_facts,
    normalise,
    page_file,
    read_page,
    search_index,
    step_own_words,
)
from tests.support.site import REPO, build_site, copy_docs

GUIDES = guide_facts(REPO / "docs")


@pytest.mark.parametrize("guide", GUIDES, ids=[guide.slug for guide in GUIDES])
def test_every_guide_has_a_follow_page_with_the_whole_routine_in_order(
    site: Path, guide: GuideFacts
) -> None:
    cards = follow_cards(page_file(site, f"{guide.slug}/follow/"))
    expected = guide.routine()
    assert [kind for kind, _ in cards] == [kind for kind, _ in expected]
    for (_, heading), (_, words) in zip(cards, expected, strict=True):
        assert heading.startswith(words), (heading, words)
    # Each step card leads with its summary, in order, round after round.
    text = article_text(page_file(site, f"{guide.slug}/follow/"))
    position = 0
    for summary in guide.summaries * (len(guide.sides) or 1) * guide.rounds:
        found = text.find(normalise(summary), position)
        assert found >= 0, f"{summary!r} missing or out of order"
        position = found + len(summary)


@pytest.mark.parametrize("guide", GUIDES, ids=[guide.slug for guide in GUIDES])
def test_follow_page_carries_every_step_in_full_once(site: Path, guide: GuideFacts) -> None:
    follow = article_text(page_file(site, f"{guide.slug}/follow/"))
    total = len(guide.summaries)
    for number, summary in enumerate(guide.summaries, start=1):
        # The step page's text after its heading and lead line: the article's own words.
        own = step_own_words(site, guide.slug, number, total, summary)
        assert follow.count(own[-200:]) == 1, number
    html = page_file(site, f"{guide.slug}/follow/").read_text(encoding="utf-8")
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "an id is repeated"


def test_finish_card_links_the_guides_other_pages_and_related_guides(site: Path) -> None:
    for guide in GUIDES:
        page = read_page(page_file(site, f"{guide.slug}/follow/"))
        links = {href for href, _ in page.links}
        assert "../" in links and "../checklist/" in links
        for other in GUIDES:
            overview = (REPO / "docs" / other.slug / "index.md").read_text(encoding="utf-8")
            if other.slug != guide.slug and re.search(rf"related:.*\b{guide.slug}\b", overview):
                assert f"../../{other.slug}/" in links, (guide.slug, other.slug)


def test_follow_pages_are_not_in_search_or_the_sidebar(site: Path) -> None:
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    for guide in GUIDES:
        assert f"{guide.slug}/follow/" not in index
        step = page_file(site, f"{guide.slug}/step-1/").read_text(encoding="utf-8")
        sidebar = step[step.index('class="md-nav md-nav--primary"') :]
        assert "follow/" not in sidebar and "Follow along" not in sidebar


def test_overview_has_a_start_link_to_the_follow_page(site: Path) -> None:
    for guide in GUIDES:
        page = read_page(page_file(site, f"{guide.slug}/"))
        # "#start": follow along offers to resume or start over (tests/browser/test_follow.py).
        assert ("follow/#start", "md-button md-button--primary follow-start") in page.links


def test_a_page_named_follow_is_refused(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    docs = copy_docs(tmp_path)
    slug = GUIDES[0].slug
    (docs / slug / "follow.md").write_text("# Mine\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(tmp_path / "site", docs)
    assert caplog.messages[-1].endswith(
        f"{slug}/follow.md: 'file name' 'follow.md' is where the guide's generated"
        f" follow-along page goes ({slug}/follow/): rename it"
    )


def test_home_cards_follow_the_overviews_order_with_drawing_and_start(site: Path) -> None:
    orders = {}
    for guide in GUIDES:
        overview = (REPO / "docs" / guide.slug / "index.md").read_text(encoding="utf-8")
        found = re.search(r"^order: *([\d.]+)$", overview.split("---")[1], re.MULTILINE)
        orders[guide.slug] = (float(found.group(1)) if found else float("inf"), guide.title)
    expected = sorted(orders, key=lambda slug: (orders[slug][0], orders[slug][1].casefold()))
    html = page_file(site, "index.html").read_text(encoding="utf-8")
    cards = html[html.index('class="guide-cards"') :].split("<li>")[1:]
    assert len(cards) == len(expected)
    for slug, card in zip(expected, cards, strict=True):
        assert f'href="{slug}/"' in card
        assert f'href="{slug}/follow/#start"' in card and ">Start<" in card
        step_one = (REPO / "docs" / slug / "step-1.md").read_text(encoding="utf-8")
        drawing = re.search(r'^--8<-- "([^"]+\.svg)"$', step_one, re.MULTILINE)
        if drawing:
            svg = (REPO / "docs" / drawing.group(1)).read_text(encoding="utf-8")
            assert 'class="guide-cards__drawing" aria-hidden="true"' in card
            # The card shows the drawing's first panel only (massage_guides.drawings).
            assert first_panel(svg).splitlines()[0] in card
    # The site's first guide (the only one with `order: 1` today) leads; Python's sort agrees.
    assert expected[0] == min(orders, key=lambda slug: orders[slug][0])


@pytest.mark.parametrize("guide", GUIDES, ids=[guide.slug for guide in GUIDES])
def test_get_ready_card_holds_the_supplies_and_the_cautions(site: Path, guide: GuideFacts) -> None:
    """Before step 1: what to have at hand and when not to massage, as the overview says."""
    html = page_file(site, f"{guide.slug}/follow/").read_text(encoding="utf-8")
    start = html.index('data-kind="ready"')
    ready = normalise(re.sub(r"<[^>]+>", " ", html[start : html.index("</section>", start)]))
    overview = read_page(page_file(site, f"{guide.slug}/"))
    for supply in re.findall(
        r'<ul class="guide-supplies">(.*?)</ul>',
        page_file(site, f"{guide.slug}/").read_text(encoding="utf-8"),
        re.DOTALL,
    ):
        for item in re.findall(r"<li>(.*?)</li>", supply, re.DOTALL):
            assert normalise(re.sub(r"<[^>]+>", " ", item)) in ready
    cautions = normalise(" ".join(overview.text))
    assert "Don't massage if" in ready
    names = re.findall(r"<li><strong>(.*?)</strong>", html[start : html.index("</section>", start)])
    assert len(names) >= 2  # supplies and cautions lead with their names in bold
    for name in names:
        assert name in cautions
    assert "not medical advice" in ready
    assert 'href="../#cautions"' in html[start : html.index("</section>", start)]


def test_finish_card_offers_start_again(site: Path) -> None:
    for guide in GUIDES:
        html = page_file(site, f"{guide.slug}/follow/").read_text(encoding="utf-8")
        finish = html[html.index('data-kind="finish"') :]
        assert 'href="#card-1"' in finish and ">Start again<" in finish


def test_both_feet_page_links_back_to_step_one(site: Path) -> None:
    for guide in GUIDES:
        for path in (REPO / "docs" / guide.slug).glob("*.md"):
            text = path.read_text(encoding="utf-8")
            if "start the steps again" in text or "start again" in text.lower():
                page = read_page(page_file(site, f"{guide.slug}/{path.stem}/"))
                assert ("../step-1/", "") in page.links, path


@pytest.mark.parametrize("guide", GUIDES, ids=[guide.slug for guide in GUIDES])
def test_step_pages_lead_with_where_and_the_summary_before_the_drawing(
    site: Path, guide: GuideFacts
) -> None:
    total = len(guide.summaries)
    index = search_index(site)
    for number, summary in enumerate(guide.summaries, start=1):
        text = article_text(page_file(site, f"{guide.slug}/step-{number}/"))
        lead = f"Step {number} of {total} {normalise(summary)}"
        assert lead in text
        html = page_file(site, f"{guide.slug}/step-{number}/").read_text(encoding="utf-8")
        heading, lead_at = html.index("<h1"), html.index('class="step-lead"')
        assert heading < lead_at
        if "<figure" in html:
            assert lead_at < html.index("<figure")
        # The lead is not indexed: the step's own words rank it.
        for doc in index:
            if doc["location"].startswith(f"{guide.slug}/step-{number}/"):
                assert f"Step {number} of {total}" not in doc["text"]

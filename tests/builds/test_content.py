"""The foot massage guide says everything its source article says, in its words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.pages import (
    article_sentences,
    article_text,
    corrections,
    normalise,
    page_file,
    read_page,
    search_index,
)

GUIDE_PAGES = {
    "foot-massage/": "How to give a foot massage",
    "foot-massage/step-1/": "Step 1: Relax your partner and spread the oil",
    "foot-massage/step-2/": "Step 2: Knead the top of the foot, the ankle and the toes",
    "foot-massage/step-3/": "Step 3: Rotate the foot and knead the arch",
    "foot-massage/both-feet/": "Both feet: repeat and switch",
    "foot-massage/tips-and-warnings/": "Tips and warnings",
    "foot-massage/checklist/": "Checklist: How to give a foot massage",
}


def test_the_corrections_table_holds_the_required_spelling_fixes() -> None:
    table = dict(corrections())
    for before, after in {
        "kneed": "knead",
        "mucles": "muscles",
        "pratice": "practice",
        "know to aid": "known to aid",
        "gently strokes": "gentle strokes",
        "partners": "partner's",
        "rotate your partners in slow circular motions": (
            "rotate your partner's foot in slow circular motions"
        ),
    }.items():
        assert table[before] == after


def test_every_page_of_the_guide_exists_with_its_title(site: Path) -> None:
    for url, title in GUIDE_PAGES.items():
        page = read_page(page_file(site, url))
        assert page.title.startswith(title), url
        assert normalise("".join(page.text)).startswith(title)


def test_home_page_names_the_guide(site: Path) -> None:
    assert "How to give a foot massage" in article_text(site / "index.html")


@pytest.mark.parametrize("sentence", article_sentences())
def test_every_sentence_of_the_article_is_on_the_site(site: Path, sentence: str) -> None:
    guide_text = " ".join(
        article_text(page_file(site, url)) for url in GUIDE_PAGES if "checklist" not in url
    )
    assert sentence in guide_text


def test_misspellings_of_the_article_are_gone(site: Path) -> None:
    guide_text = " ".join(article_text(page_file(site, url)) for url in GUIDE_PAGES)
    for misspelling in ("kneed", "mucles", "pratice", "know to aid", "gently strokes"):
        assert misspelling not in guide_text


def test_overview_lists_the_supplies_with_their_notes(site: Path) -> None:
    text = article_text(page_file(site, "foot-massage/"))
    assert "Massage oil: very little is needed; talcum powder works instead" in text
    assert "A small cushion or rolled towel" in text
    assert "Stop if anything hurts" in text
    assert "not medical advice" in text


def test_search_index_holds_every_supply_and_step(site: Path) -> None:
    pages: dict[str, str] = {}
    for doc in search_index(site):
        page = doc["location"].split("#")[0]
        pages[page] = pages.get(page, "") + " " + doc["title"] + " " + normalise(doc["text"])
    assert "Massage oil" in pages["foot-massage/"]
    assert "A small cushion or rolled towel" in pages["foot-massage/"]
    for number in (1, 2, 3):
        assert f" Step {number}: " in pages[f"foot-massage/step-{number}/"]
    assert "knuckles" in pages["foot-massage/step-3/"]
    assert "talcum powder" in pages["foot-massage/tips-and-warnings/"]


def test_checklist_is_not_in_the_search_index(site: Path) -> None:
    locations = {doc["location"].split("#")[0] for doc in search_index(site)}
    assert "foot-massage/checklist/" not in locations


def test_step_summary_is_the_page_description(site: Path) -> None:
    page = read_page(page_file(site, "foot-massage/step-3/"))
    expected = "Rotate the foot both ways, knead the arch, and finish with gentle strokes."
    assert page.meta["description"] == expected

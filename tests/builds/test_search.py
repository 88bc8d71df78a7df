"""What search indexes: the pages' own words, never the drawings' descriptions.

Also: tags that steal nothing, and the guide titles results show (the browser side of
search is in test_browser_site.py).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests.support.pages import guide_front_matter, normalise, page_file, read_page, search_index
from tests.support.site import DOCS, FIXTURES, build_site, copy_docs

VALID = FIXTURES / "valid" / "docs"


class _FigureText(HTMLParser):
    """The text of every <figure>: drawing titles and descriptions, captions."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "figure":
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and data.strip():
            self.texts.append(normalise(data))


def figure_texts(site: Path) -> dict[str, list[str]]:
    """Every page of every guide that has figures, with their texts."""
    texts = {}
    for guide in guide_front_matter(DOCS):
        for page in sorted((site / guide).rglob("index.html")):
            parser = _FigureText()
            parser.feed(page.read_text(encoding="utf-8"))
            if parser.texts:
                texts[page.relative_to(site).as_posix()] = parser.texts
    return texts


def test_no_drawing_description_or_caption_is_in_the_search_index(site: Path) -> None:
    texts = figure_texts(site)
    assert texts, "no page with a figure was found"
    indexed = [normalise(doc["text"]) for doc in search_index(site)]
    for page, parts in texts.items():
        for text in parts:
            assert not any(text in doc for doc in indexed), f"{page}: {text!r} is indexed"


def test_pages_with_drawings_are_indexed_from_their_own_text(site: Path) -> None:
    entries = {doc["location"]: doc for doc in search_index(site)}
    pages = [page.removesuffix("index.html") for page in figure_texts(site)]
    indexed = [page for page in pages if page in entries]
    assert indexed, "no indexed page has a figure"
    for location in indexed:
        # The index entry opens with the page's first paragraph, not with figure text.
        assert entries[location]["text"].startswith("<p>"), entries[location]["text"][:80]


def test_search_results_can_name_every_guide(site: Path) -> None:
    titles = json.loads((site / "search" / "guides.json").read_text(encoding="utf-8"))
    expected = {
        f"{guide}/": read_page(page_file(site, f"{guide}/")).title.split(" - ")[0]
        for guide in guide_front_matter(DOCS)
    }
    assert titles == expected


def test_tags_of_the_guides_are_words_no_other_page_uses(site: Path) -> None:
    """The real build passed the rule; every tag is still in the index (findable)."""
    tagged = [doc for doc in search_index(site) if doc.get("tags")]
    assert tagged, "no page has tags"
    for doc in tagged:
        others = [
            normalise(other["title"] + " " + other["text"]).lower()
            for other in search_index(site)
            if other["location"].split("#")[0] != doc["location"].split("#")[0]
        ]
        for tag in doc["tags"]:
            # Search matches the beginnings of words: "rub" would match "rubbing" too.
            starts_a_word = re.compile(rf"\b{re.escape(tag.lower())}")
            assert not any(starts_a_word.search(other) for other in others), (doc["location"], tag)


def with_tag(tmp_path: Path, tag: str) -> Path:
    docs = copy_docs(tmp_path, VALID)
    overview = docs / "guide" / "index.md"
    text = overview.read_text(encoding="utf-8")
    overview.write_text(text.replace("---\n", f"---\ntags: [{tag}]\n", 1), encoding="utf-8")
    return docs


def test_a_tag_that_begins_a_word_of_another_page_stops_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    docs = with_tag(tmp_path, "gent")
    with pytest.raises(Abort):
        build_site(tmp_path / "site", docs)
    errors = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert len(errors) == 1
    assert "guide/index.md: 'tags' 'gent' would take searches for 'gently' from " in errors[0]
    assert errors[0].endswith("guide/step-1.md: a tag must be a word no other page uses")
    assert not list((tmp_path / "site").rglob("*.html"))


def test_a_tag_no_other_page_uses_is_indexed(tmp_path: Path) -> None:
    site = build_site(tmp_path / "site", with_tag(tmp_path, "lavender"))
    assert any(doc.get("tags") == ["lavender"] for doc in search_index(site))

"""What search indexes: the pages' own words, never the drawings' descriptions.

Also: the words readers search with (`reader_words`), and the guide titles results show (the
browser side of search is in tests/browser/test_site.py).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from massage_guides.new_guide import create_guide
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


def _reader_words(docs: Path) -> dict[str, list[str]]:
    """{page URL: its reader_words} for every page of a docs folder that has them."""
    found = {}
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
        meta = yaml.safe_load(match.group(1)) if match else None
        if isinstance(meta, dict) and meta.get("reader_words"):
            url = path.relative_to(docs).with_suffix("").as_posix()
            url = url.removesuffix("index").rstrip("/")
            found[f"{url}/" if url else ""] = meta["reader_words"]
    return found


def test_reader_words_join_their_pages_own_entry_and_no_page_has_tags(site: Path) -> None:
    words = _reader_words(DOCS)
    assert words, "no page of docs/ has reader_words"
    index = {doc["location"]: doc for doc in search_index(site)}
    assert not any("tags" in doc for doc in index.values())
    for url, phrases in words.items():
        text = normalise(index[url]["text"]).lower()
        for phrase in phrases:
            assert phrase.lower() in text, (url, phrase)


def test_another_guide_may_use_a_guides_reader_words(tmp_path: Path) -> None:
    """With tags, a supply named "hand cream" stopped the build over the back guide's tag."""
    docs = copy_docs(tmp_path)
    folder = create_guide(docs, "hand-rub")
    overview = folder / "index.md"
    text = overview.read_text(encoding="utf-8")
    overview.write_text(
        text.replace("Replace with the second thing, or delete this line", "Hand cream"),
        encoding="utf-8",
    )
    site = build_site(tmp_path / "site", docs)
    assert "Hand cream" in read_page(page_file(site, "hand-rub/")).text

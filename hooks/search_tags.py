"""Hook: a page's `tags` may not steal searches from other pages.

Material indexes tags with a huge boost (a million times the text), so a tag word that
another page also uses sends every query with that word to the tagged page. The build
stops, naming the page and the tag, when a tag word (or the start of a word: search
matches the beginnings of words) is in the title, text or tags of any other page that
search indexes. A page's own text does not count, nor pages left out of search.

The words are read with Material's own search parser, after every page is rendered and
before any is written (`on_env`), so the check sees exactly what the index will hold:
drawing descriptions marked `data-search-exclude` are not in it.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from material.plugins.search.plugin import Parser

from massage_guides.front_matter import display_path, fail

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_WORD = re.compile(r"[^\W_]+")
# The markup Material keeps in indexed text (`<p>`, `</li>`, ...): not words of the page.
_KEPT_TAG = re.compile(r"</?\w+>")


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    """Stop the build when a tag word is also on another indexed page."""
    pages = [
        file.page
        for file in files.documentation_pages()
        if file.page is not None and not _excluded(file.page)
    ]
    tagged = [page for page in pages if _tags(page)]
    if not tagged:
        return None
    # Every (word, page) of the index, sorted: the words that start with a tag word are
    # one run of it, found by bisection.
    words = sorted((word, page.file.src_uri) for page in pages for word in _words(page))
    by_uri = {page.file.src_uri: page for page in pages}
    for page in tagged:
        for tag in _tags(page):
            _check_tag(page, tag, words, by_uri, config)
    return None


def _excluded(page: Page) -> bool:
    search = page.meta.get("search")
    return isinstance(search, dict) and bool(search.get("exclude"))


def _tags(page: Page) -> list[str]:
    tags = page.meta.get("tags")
    return [str(tag) for tag in tags if tag] if isinstance(tags, list) else []


def _words(page: Page) -> set[str]:
    """The words of the page's index entries: titles, text and tags."""
    parser = Parser()
    parser.feed(page.content or "")
    parser.close()
    parts = [str(page.meta.get("title") or page.title or ""), *_tags(page)]
    for section in parser.data:
        if not section.is_excluded():
            parts.extend(part for part in section.title + section.text if not _KEPT_TAG.match(part))
    return set(_WORD.findall(" ".join(parts).lower()))


def _check_tag(
    page: Page,
    tag: str,
    words: list[tuple[str, str]],
    pages: dict[str, Page],
    config: MkDocsConfig,
) -> None:
    for tag_word in _WORD.findall(tag.lower()):
        index = bisect.bisect_left(words, (tag_word, ""))
        while index < len(words) and words[index][0].startswith(tag_word):
            word, src_uri = words[index]
            index += 1
            if src_uri == page.file.src_uri:
                continue
            other = display_path(pages[src_uri].file, config)
            fail(
                display_path(page.file, config),
                "tags",
                f"'{tag}' would take searches for '{word}' from {other}:"
                " a tag must be a word no other page uses",
            )

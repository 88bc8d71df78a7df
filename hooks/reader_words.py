"""Hook: the words readers search with, added to their page's search entry.

A page's `reader_words` (front matter: `[sore feet, foot rub]`) reach `search/search_index.json`
twice: in the text of the page's own entry (so a result for them never shows "Missing:"), and as
an entry of their own under the page, titled with them (so they rank as a heading of that page
does: two of a reader's words beat one word of another page's title, as Material weighs titles a
thousand times text). No boost beyond that, no chips, and no other page or guide is affected by
them. The page itself is unchanged.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_INDEX = "search/search_index.json"
_WORDS_KEY = "massage_guides_reader_words"
# The reader words' own entry points at the page (no element has this id: the page's top).
_ANCHOR = "reader-words"


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Start this build's reader words empty (nothing is kept from one build to the next)."""
    config[_WORDS_KEY] = {}
    return None


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    """Note the page's reader words (checked by the schema) under the page's address."""
    words = page.meta.get("reader_words")
    if words:
        config[_WORDS_KEY][page.url] = [str(word) for word in words]
    return None


# After Material's search plugin writes the index (priority 0), before hooks/offline.py
# hashes every file the build wrote (priority -100).
@event_priority(-50)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Add each page's reader words to its own entry in the search index."""
    words: dict[str, list[str]] = config[_WORDS_KEY]
    if not words:
        return
    index_path = Path(config.site_dir, _INDEX)
    if not index_path.is_file():
        raise PluginError("mkdocs.yml: 'plugins' has no search: 'reader_words' need its index")
    index = json.loads(index_path.read_text(encoding="utf-8"))
    added = []
    for entry in index["docs"]:
        phrases = words.get(entry["location"])
        if phrases:
            listed = escape(", ".join(phrases))
            entry["text"] = f"{entry['text']}<p>{listed}</p>"
            added.append(
                {"location": f"{entry['location']}#{_ANCHOR}", "title": listed, "text": ""}
            )
    index["docs"] += added
    index_path.write_text(
        json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )

"""A page's title as plain text, found the way MkDocs finds it (`Page.title`).

The front matter's `title`, else the page's first block when it is a `#`
heading, rendered with the site's Markdown extensions (so `# A *back* massage { #top }`
is "A back massage", as MkDocs shows it in the navigation), else the file's name. The
guide model reads titles before MkDocs renders any page: the home cards, the checklist
and the navigation's guide sections then show the same title as the page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

import markdown

from .markdown_lines import leading_heading

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File

# A heading without these characters is the same text once rendered.
_MARKUP = frozenset("\\`*_{}[]<>&!#")
_CLOSING_HASHES = re.compile(r"[ \t]+#+$")


class Titles:
    """Plain-text titles for one build (one Markdown converter, made when first needed)."""

    def __init__(self, config: MkDocsConfig) -> None:
        """Titles read with this build's Markdown extensions."""
        self._config = config
        self._md: markdown.Markdown | None = None

    def of(self, meta: dict[str, Any], body: str, file: File) -> str:
        """The page's title as a reader sees it, in plain text."""
        title = meta.get("title")
        if isinstance(title, str) and title.strip():
            return " ".join(title.split())
        heading = leading_heading(body)
        if heading and heading.strip("# \t"):
            return self._heading_text(heading)
        return _title_from_name(file.name)

    def _heading_text(self, line: str) -> str:
        text = _CLOSING_HASHES.sub("", line[1:].strip())
        if not _MARKUP.intersection(text):
            return " ".join(text.split())
        if self._md is None:
            self._md = markdown.Markdown(
                extensions=self._config.markdown_extensions,
                extension_configs=self._config.mdx_configs,
            )
        html = self._md.reset().convert(line)
        reader = _HeadingText()
        reader.feed(html)
        return " ".join("".join(reader.text).split())


def _title_from_name(name: str) -> str:
    """MkDocs' title for a page with neither: its file (or, for index.md, folder) name."""
    title = name.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


class _HeadingText(HTMLParser):
    """The text of the first `<h1>` (images by their alt text), entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self._depth = 0
        self._done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h1" and not self._done:
            self._depth += 1
        elif self._depth and tag == "img":
            self.text.append(dict(attrs).get("alt") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self._depth:
            self._depth -= 1
            self._done = True

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.text.append(data)

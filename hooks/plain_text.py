"""Hook: front matter `title`, `description`, `subtitle` reach Material's templates escaped.

They are plain text (a `<` or `"` in them is that character). Material's templates print a
page's title and description as HTML, unescaped (`base.html`, the header, the navigation,
the footer), as MkDocs gives a title taken from a heading: HTML text, entities kept. So
each page's front matter `title` and `description` are handed over as `Markup` of the
escaped text: printed raw they show the text, and `| e` leaves them as they are.
`overrides/main.html` escapes the one place Material first unescapes a title (`striptags`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_PLAIN_TEXT_FIELDS = ("title", "description", "subtitle")


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Escape the page's plain-text fields once, after every hook has set them.

    `subtitle` only Material's sidebar prints (raw), under the page's title.

    Runs after rendering: every page is rendered before any template uses a title.
    """
    for field in _PLAIN_TEXT_FIELDS:
        value = page.meta.get(field)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[field] = escape(value)
    return None

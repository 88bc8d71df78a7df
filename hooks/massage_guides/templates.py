"""Render the theme's Jinja templates (from `overrides/`) for the hooks.

Python decides what a fragment holds; the template decides how it looks.
The environment is made once per build and kept on that build's config.

Templates output HTML and are autoescaped. A template that outputs Markdown (the
checklist, the print document) turns autoescape off for its whole text and escapes each
plain-text field itself: `| e` inside HTML blocks, `| markdown_text` in Markdown lines.
Markdown it is given (a warning's text, a page's text) then reaches the page unchanged.
An autoescaped template that writes Markdown (the follow-along page) uses `| markdown_text`
too (its result is not escaped twice), and writes a link as an HTML `<a>` whose address
goes through `| markdown_url`: a `](` in a title or an address stays text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from markupsafe import Markup
from mkdocs.structure.files import File

from .compiled_templates import COMPILED

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig

_CONFIG_KEY = "massage_guides_templates"


def render(config: MkDocsConfig, name: str, **context: Any) -> str:
    """Render `overrides/<name>` (or a theme template) with the given context."""
    return _environment(config).get_template(name).render(config=config, **context)


def _environment(config: MkDocsConfig) -> Environment:
    env = config.get(_CONFIG_KEY)
    if env is None:
        env = config[_CONFIG_KEY] = config.theme.get_env()
        env.bytecode_cache = COMPILED  # compiled once per process (compiled_templates.py)
        # Author text goes into these templates: escape it (MkDocs' own env does not).
        env.autoescape = True
        env.filters["markdown_text"] = markdown_text
        env.filters["markdown_url"] = markdown_url
    return env


# Python-Markdown's backslash escapes (markdown.Markdown.ESCAPED_CHARS) and `|` for tables.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def markdown_text(text: object) -> Markup:
    """Plain text as Markdown that renders to that text: `<`, `&` and `*` stay themselves.

    Markup: already safe as HTML text, so an autoescaped template does not escape it again.
    """
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", str(text))
    return Markup(escaped.replace("&", "&amp;").replace("<", "&lt;"))


# What an address keeps as written: RFC 3986's reserved and unreserved characters and `%`,
# but not `[` and `]`, which Markdown reads inside a tag before it sees the tag.
_URL_SAFE = ":/?#@!$&'()*+,;=-._~%"


def markdown_url(url: object) -> str:
    """An address for an `href` in a Markdown page: every other character percent-encoded.

    `[`, `]`, a backtick, a backslash, a space, quotes and angle brackets then cannot start a
    Markdown link or code span inside the tag, nor end the attribute.
    """
    return quote(str(url), safe=_URL_SAFE)


def page_url(config: MkDocsConfig, src_uri: str) -> str:
    """The site-relative URL MkDocs gives the page at `src_uri` (for the `url` filter)."""
    return File(src_uri, None, config.site_dir, config.use_directory_urls).url

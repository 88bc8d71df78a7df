"""Hook: under a guide overview's title, by its Start button, one line of when not to massage.

The cautions are written once, in the overview's section marked `{ #cautions }`
(`massage_guides.cautions`); the model stops the build when a guide has none. Here the overview
gets their few words in one line, "Don't massage if: ...", linking down to the full list with its
sources, so a reader sees them before starting; the checklist prints the same line
(`Guide.cautions_line`). Markup: `overrides/partials/cautions-line.html`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from massage_guides.markdown_lines import after_first_heading
from massage_guides.model import site_of
from massage_guides.templates import render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    """Put the cautions line under the overview's title."""
    guide = site_of(config).guide_of(page.file.src_uri)
    if guide is None or page.file.src_uri != guide.overview_uri:
        return None
    line = render(config, "partials/cautions-line.html", cautions_line=guide.cautions_line)
    return after_first_heading(markdown, line.strip())

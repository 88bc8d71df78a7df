"""Hook: a guide overview's "Things you will need" list, rendered from `supplies`.

Rendered into the Markdown (not the template) so it is page text and in the search index.
The list replaces the `<!-- supplies -->` marker, or ends the page when there is none; the
guide's print document carries the overview's text with the marker (added at the end of the
overview's part when the overview has none).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from massage_guides.model import SUPPLIES_MARKER, site_of
from massage_guides.templates import render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    """Put the supplies list where the overview's marker is."""
    guide = site_of(config).guide_of(page.file.src_uri)
    if guide is None or page.file.src_uri not in (guide.overview_uri, guide.print_uri):
        return None
    supplies = render(config, "partials/supplies.html", supplies=guide.supplies).strip()
    if SUPPLIES_MARKER in markdown:
        return markdown.replace(SUPPLIES_MARKER, supplies, 1)
    return f"{markdown.rstrip()}\n\n{supplies}\n"

"""Hook: a guide overview's "Things you will need" list, rendered from `supplies`.

Rendered into the Markdown (not the template) so it is page text and in the search index.
The list replaces the `<!-- supplies -->` marker, or ends the page when there is none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from guide_model import site_of
from templates import render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

MARKER = "<!-- supplies -->"


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    """Put the supplies list where the overview's marker is."""
    guide = site_of(config).guides.get(page.file.src_uri.rpartition("/")[0])
    if guide is None or page.file.src_uri != guide.overview_uri:
        return None
    supplies = render(config, "partials/supplies.html", supplies=guide.supplies).strip()
    if MARKER in markdown:
        return markdown.replace(MARKER, supplies, 1)
    return f"{markdown.rstrip()}\n\n{supplies}\n"

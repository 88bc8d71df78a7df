"""Hook: each step page leads with its action: "Step 2 of 3" and the `summary`, in large type.

Put right under the page's `#` heading, before the drawing and the article's text (which
follows unchanged), so on a phone the move itself is the first thing read, on screen and on
paper. Markup: `overrides/partials/step-lead.html`.
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
    """Insert the lead line after the step's heading (or first, on a page without one)."""
    site = site_of(config)
    step = site.step_of(page.file.src_uri)
    guide = site.guide_of(page.file.src_uri)
    if step is None or guide is None:
        return None
    lead = render(config, "partials/step-lead.html", step=step, steps=len(guide.steps)).strip()
    return after_first_heading(markdown, lead)

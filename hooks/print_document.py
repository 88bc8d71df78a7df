"""Hook: each guide as one printable document, `<guide>/print/`, and the print actions.

The document is assembled from the guide's own pages (overview, steps, other pages, in
reading order, headings one level down), so no text is written twice. It is left out of
search and of the sidebar; every guide page links to it from its print actions.
Markup: `overrides/partials/print-document.html` and `overrides/partials/print-actions.html`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from massage_guides.address import public_address, qr_code
from massage_guides.generated import generated_page
from massage_guides.markdown_lines import headings_down, without_first_heading
from massage_guides.model import SUPPLIES_MARKER, site_of
from massage_guides.templates import page_url, render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from massage_guides.model import Guide


@dataclass(frozen=True)
class PrintActions:
    """Where a guide page's print buttons lead (hooks/guides.py says where they stand)."""

    guide_url: str
    checklist_url: str


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Add every guide's print document (not in the navigation, not in search)."""
    for guide in site_of(config).guides.values():
        files.append(_document(guide, config))
    return files


def on_page_context(
    context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext | None:
    """Give every guide page its print actions."""
    guide = site_of(config).guide_of(page.file.src_uri)
    # The follow-along page has its own controls.
    if guide is None or page.file.src_uri == guide.follow_uri:
        return None
    actions = PrintActions(page_url(config, guide.print_uri), page_url(config, guide.checklist_uri))
    # Our own key: MkDocs types the context with only its own keys.
    context["print_actions"] = actions  # type: ignore[typeddict-unknown-key]
    return context


def _document(guide: Guide, config: MkDocsConfig) -> File:
    front_matter = {"title": f"{guide.title} (printable)", "description": guide.description}
    address = public_address(guide, config)
    parts = [_overview_part(guide.overview_body)]
    parts += [_one_level_down(step.body) for step in guide.steps]
    parts += [_one_level_down(page.body) for page in guide.pages]
    body = render(
        config,
        "partials/print-document.html",
        guide=guide,
        parts=[part.strip() for part in parts],
        address=address,
        qr_code=qr_code(address) if address else None,
    )
    return generated_page(config, guide.print_uri, front_matter, body)


def _overview_part(markdown: str) -> str:
    """The overview without its title (the document's own), supplies where the page has them."""
    part = without_first_heading(markdown)
    if SUPPLIES_MARKER not in part:
        # As on the overview page: the supplies end the overview, before the first step.
        part = f"{part.rstrip()}\n\n{SUPPLIES_MARKER}\n"
    return part


def _one_level_down(markdown: str) -> str:
    """`# Step 1` becomes `## Step 1`: the document has one title of its own."""
    return headings_down(markdown, 1)

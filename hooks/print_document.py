"""Hook: each guide as one printable document, `<guide>/print/`, and the print actions.

The document is assembled from the guide's own pages (overview, steps, other pages, in
reading order, headings one level down), so no text is written twice. It is left out of
search and of the sidebar; every guide page links to it from its print actions.
Markup: `overrides/partials/print-document.html` and `overrides/partials/print-actions.html`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml
from address import public_address, qr_code
from mkdocs.structure.files import File, InclusionLevel

from guide_model import SUPPLIES_MARKER, site_of
from templates import page_url, render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from guide_model import Guide

_HEADING = re.compile(r"^(#{1,5})(?=[ \t])", re.MULTILINE)
_FIRST_H1 = re.compile(r"^#[ \t].*\n?", re.MULTILINE)


@dataclass(frozen=True)
class PrintActions:
    """Where a guide page's print buttons lead, and where they stand."""

    guide_url: str
    checklist_url: str
    # A step page leads with its move: its print buttons come after the step, not above it.
    after_content: bool


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Add every guide's print document (not in the navigation, not in search)."""
    for guide in site_of(config).guides.values():
        content = _document(guide, config)
        inclusion = InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, guide.print_uri, content=content, inclusion=inclusion))
    return files


def on_page_context(
    context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext | None:
    """Give every guide page its print actions."""
    guide = site_of(config).guide_of(page.file.src_uri)
    # The follow-along page has its own controls.
    if guide is None or page.file.src_uri == guide.follow_uri:
        return None
    actions = PrintActions(
        page_url(config, guide.print_uri),
        page_url(config, guide.checklist_uri),
        after_content=site_of(config).step_of(page.file.src_uri) is not None,
    )
    # Our own key: MkDocs types the context with only its own keys.
    context["print_actions"] = actions  # type: ignore[typeddict-unknown-key]
    return context


def _document(guide: Guide, config: MkDocsConfig) -> str:
    front_matter = {
        "title": f"{guide.title} (printable)",
        "description": guide.description,
        # Every word is on the guide's own pages: indexed, results would show it all twice.
        "search": {"exclude": True},
    }
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
    return f"---\n{yaml.safe_dump(front_matter, sort_keys=False)}---\n\n{body}"


def _overview_part(markdown: str) -> str:
    """The overview without its title (the document's own), supplies where the page has them."""
    part = _FIRST_H1.sub("", markdown, count=1)
    if SUPPLIES_MARKER not in part:
        # As on the overview page: the supplies end the overview, before the first step.
        part = f"{part.rstrip()}\n\n{SUPPLIES_MARKER}\n"
    return part


def _one_level_down(markdown: str) -> str:
    """`# Step 1` becomes `## Step 1`: the document has one title of its own."""
    return _HEADING.sub(r"#\1", markdown)

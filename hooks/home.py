"""Hook: the home page's guide cards, one per guide, from the guide model.

Adding a guide folder adds its card: its first step's drawing, its Start button (follow along),
the routine's size in words and its checklist, in the order the overviews' `order` gives (then
by title).
Markup: `overrides/partials/guide-cards.html`.
Cards are template output, so not in the search index: each guide is found by its own pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from massage_guides.drawings import first_panel
from massage_guides.front_matter import fail
from massage_guides.model import site_of
from massage_guides.templates import page_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext


@dataclass(frozen=True)
class GuideCard:
    """What the home page shows of one guide."""

    title: str
    description: str
    # The routine's size in words: "3 steps on each foot, twice".
    routine_size: str
    url: str
    checklist_url: str
    follow_url: str
    # The first step's drawing cut to its first panel (massage_guides.drawings), or "".
    drawing: Markup


def on_page_context(
    context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext | None:
    """Hand the home page template a card for every guide, in the site's order."""
    if not page.is_homepage:
        return None
    # Our own key: MkDocs types the context with only its own keys.
    context["guide_cards"] = [  # type: ignore[typeddict-unknown-key]
        GuideCard(
            guide.title,
            guide.description,
            guide.routine_size,
            page_url(config, guide.overview_uri),
            page_url(config, guide.checklist_uri),
            page_url(config, guide.follow_uri),
            _drawing(guide.steps[0].drawing, config),
        )
        for guide in site_of(config).in_order()
    ]
    return context


def _drawing(path: str, config: MkDocsConfig) -> Markup:
    """The SVG a step page inlines (read from docs/ as pymdownx.snippets does), first panel only."""
    if not path:
        return Markup("")
    svg = Path(config.docs_dir, path).read_text(encoding="utf-8")
    try:
        return Markup(first_panel(svg))
    except ValueError as error:
        fail(f"docs/{path}", "data-first-panel", str(error))

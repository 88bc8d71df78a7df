"""Hook: the home page's guide cards, one per guide, from the guide model.

Adding a guide folder adds its card. Markup: `overrides/partials/guide-cards.html`.
Cards are template output, so not in the search index: each guide is found by its own pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from guide_model import site_of
from templates import page_url

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
    steps: int
    url: str
    checklist_url: str


def on_page_context(
    context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext | None:
    """Hand the home page template a card for every guide, by title."""
    if not page.is_homepage:
        return None
    guides = sorted(site_of(config).guides.values(), key=lambda guide: guide.title.casefold())
    # Our own key: MkDocs types the context with only its own keys.
    context["guide_cards"] = [  # type: ignore[typeddict-unknown-key]
        GuideCard(
            guide.title,
            guide.description,
            len(guide.steps),
            page_url(config, guide.overview_uri),
            page_url(config, guide.checklist_uri),
        )
        for guide in guides
    ]
    return context

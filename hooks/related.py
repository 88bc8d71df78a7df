"""Hook: the "Related guides" block, from `related` front matter, shown both ways.

If guide A lists B, B shows A too. The block is on a guide's overview (where a reader
chooses what to read) and on its last page before the checklist (where a reader finishes);
step pages stay short for a phone. Markup: `overrides/partials/related.html`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from massage_guides.model import site_of
from massage_guides.templates import page_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from massage_guides.model import Guide, Site


@dataclass(frozen=True)
class RelatedLink:
    """One entry of the block: its title, description, URL and whether it is on another site."""

    title: str
    description: str
    url: str
    external: bool


def on_page_context(
    context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext | None:
    """Hand the template the related guides on the pages that show them."""
    site = site_of(config)
    guide = site.guide_of(page.file.src_uri)
    if guide is None or page.file.src_uri not in _pages_showing_related(guide):
        return None
    # Our own key: MkDocs types the context with only its own keys.
    context["related_guides"] = _related_links(guide, site, config)  # type: ignore[typeddict-unknown-key]
    return context


def _pages_showing_related(guide: Guide) -> set[str]:
    last_before_checklist = guide.reading_order()[-2]
    return {guide.overview_uri, last_before_checklist}


def _related_links(guide: Guide, site: Site, config: MkDocsConfig) -> list[RelatedLink]:
    return [
        RelatedLink(
            item.title,
            item.description,
            item.url if item.external else page_url(config, item.src_uri),
            item.external,
        )
        for item in site.related(guide)
    ]

"""Hook: follow-along mode, `<guide>/follow/`: the routine on screen, one move at a time.

The cards come from the guide model (`Guide.routine()`: steps x sides x rounds, a card at
every switch, a finish card). Each step's drawing and full text are on the page once, after
the cards; `overrides/javascripts/follow.js` shows one card at a time and moves the step's
text into it. Without JavaScript the page reads as the whole routine in order, then the
steps in full. Like the print document it is left out of search (its words are the step
pages') and of the sidebar. Markup: `overrides/partials/follow.html`.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from massage_guides.generated import generated_page
from massage_guides.markdown_lines import headings_down, without_first_heading
from massage_guides.model import site_of
from massage_guides.templates import page_url, render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from massage_guides.model import Guide, Site


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Add every guide's follow-along page (not in the navigation, not in search)."""
    site = site_of(config)
    for guide in site.guides.values():
        files.append(_page(guide, site, config))
    return files


def on_page_context(
    context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext | None:
    """Give a guide's overview its Start button."""
    guide = site_of(config).guide_of(page.file.src_uri)
    if guide is None or page.file.src_uri != guide.overview_uri:
        return None
    # Our own key: MkDocs types the context with only its own keys.
    context["follow_url"] = page_url(config, guide.follow_uri)  # type: ignore[typeddict-unknown-key]
    return context


def _page(guide: Guide, site: Site, config: MkDocsConfig) -> File:
    front_matter = {
        "title": f"Follow along: {guide.title}",
        "description": f"{guide.title}, one move at a time: big buttons, keys, read-aloud.",
        # Its script and stylesheet (mkdocs.yml `extra: page_bundles`, hooks/assets.py).
        "bundle": "follow",
        "hide": ["navigation", "toc"],
    }
    body = render(
        config,
        "partials/follow.html",
        guide=guide,
        cards=guide.routine(),
        steps=[(step, Markup(_text_of(step.body))) for step in guide.steps],
        read_next=[(page.title, _address(guide, page.src_uri, config)) for page in guide.pages],
        related=_related(guide, site, config),
        overview=_link(guide, guide.overview_uri),
        checklist=_link(guide, guide.checklist_uri),
    )
    return generated_page(config, guide.follow_uri, front_matter, body)


def _text_of(markdown: str) -> str:
    """A step's drawing and text: the template gives its title (h3); its `##` become h4."""
    return headings_down(without_first_heading(markdown), 2).strip()


def _link(guide: Guide, src_uri: str) -> str:
    """A Markdown link target from the follow page (in the guide's folder) to `src_uri`."""
    return posixpath.relpath(src_uri, guide.slug)


def _address(guide: Guide, src_uri: str, config: MkDocsConfig) -> str:
    """The address of the page at `src_uri` from the follow page, for an HTML `<a href>`."""
    return get_relative_url(page_url(config, src_uri), page_url(config, guide.follow_uri))


def _related(guide: Guide, site: Site, config: MkDocsConfig) -> list[tuple[str, str]]:
    """Other guides that list this one or that it lists, then outside pages: (title, address).

    Written as HTML links (titles and addresses are author text): the template escapes both.
    """
    return [
        (item.title, item.url if item.external else _address(guide, item.src_uri, config))
        for item in site.related(guide)
    ]

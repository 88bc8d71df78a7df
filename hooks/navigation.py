"""Hook: the navigation, derived from the guide model, so adding a guide edits no config.

Home first, then each guide in the home page's order (overview, steps by number, other pages
by `order`, checklist), then any other page. Previous/next never leads from one guide into
another. Each page's sidebar holds only Home, its own guide and the pages outside every
guide, so a page does not grow with the number of guides (the home page reaches every guide
through its cards).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import escape
from mkdocs.structure.nav import Navigation, Section

from massage_guides.model import site_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure import StructureItem
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from massage_guides.model import Guide, Site

_HOME = "index.md"


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Set `config.nav` (MkDocs resolves it after on_files) unless mkdocs.yml gives one."""
    if config.nav is None:
        site = site_of(config)
        config.nav = _nav_entries(site, files)
    return None


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
    """Cut the previous/next links that would cross from one guide into another."""
    site = site_of(config)
    for page in nav.pages:
        guide = site.guide_of(page.file.src_uri)
        if page.previous_page and site.guide_of(page.previous_page.file.src_uri) != guide:
            page.previous_page = None
        if page.next_page and site.guide_of(page.next_page.file.src_uri) != guide:
            page.next_page = None
    return None


def on_page_context(
    context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext | None:
    """Give the page a sidebar of Home, its own guide and the pages outside every guide."""
    context["nav"] = _own_navigation(nav, _top_section(page))
    return context


def on_template_context(
    context: TemplateContext, *, template_name: str, config: MkDocsConfig
) -> TemplateContext | None:
    """Trim the navigation of the pages that never pass through on_page_context (404.html)."""
    nav = context.get("nav")
    if isinstance(nav, Navigation):
        context["nav"] = _own_navigation(nav, None)
    return context


def _top_section(page: Page) -> Section | None:
    item: StructureItem = page
    while item.parent is not None:
        item = item.parent
    return item if isinstance(item, Section) else None


def _own_navigation(nav: Navigation, section: Section | None) -> Navigation:
    """Home and the other top-level pages, plus one guide's section (templates read `items`)."""
    items = [item for item in nav.items if not isinstance(item, Section) or item is section]
    own = Navigation(items, [])
    own.homepage = nav.homepage
    return own


def _nav_entries(site: Site, files: Files) -> list[str | dict[str, object]]:
    in_guides = {uri for guide in site.guides.values() for uri in guide.reading_order()}
    others = sorted(
        file.src_uri
        for file in files.documentation_pages()
        if file.src_uri not in in_guides and file.src_uri != _HOME and file.inclusion.is_in_nav()
    )
    home = [_HOME] if files.get_file_from_path(_HOME) else []
    return [
        *home,
        *(_guide_section(guide) for guide in site.in_order()),
        *others,
    ]


def _guide_section(guide: Guide) -> dict[str, object]:
    pages: list[str | dict[str, str]] = list(guide.reading_order())
    pages[-1] = {"Checklist": guide.checklist_uri}
    # Material prints a section's title as HTML; the guide's title is plain text.
    return {escape(guide.title): pages}

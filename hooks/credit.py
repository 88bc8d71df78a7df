"""Hook: credit the source a guide is adapted from (its `source` front matter).

Shown in full on the guide's overview and its print document, and in one line on its
checklist (one sheet): the pages a reader starts from or takes away on paper. A guide
without `source` is the site's own writing, under the licence line in mkdocs.yml
(`copyright`). Markup: `overrides/partials/source-credit.html`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from massage_guides.model import site_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from massage_guides.schema import Source


@dataclass(frozen=True)
class SourceCredit:
    """The source, and whether the page has room for one sentence only (the checklist)."""

    source: Source
    brief: bool


def on_page_context(
    context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext | None:
    """Hand the template the guide's source on the pages that credit it."""
    guide = site_of(config).guide_of(page.file.src_uri)
    if guide is None or guide.source is None:
        return None
    if page.file.src_uri not in (guide.overview_uri, guide.print_uri, guide.checklist_uri):
        return None
    # Our own key: MkDocs types the context with only its own keys.
    credit = SourceCredit(guide.source, brief=page.file.src_uri == guide.checklist_uri)
    context["source_credit"] = credit  # type: ignore[typeddict-unknown-key]
    return context

"""Hook: beside a guide's Start button, the one line of when not to massage.

The cautions are written once, in the overview's section marked `{ #cautions }`
(`massage_guides.cautions`); the model stops the build when a guide has none. Here the overview
gets their few words in one line, "Don't massage if: ...", linking down to the full list with its
sources, so a reader sees them before starting; the checklist prints the same line
(hooks/checklist.py). Markup: `overrides/partials/cautions-line.html`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from massage_guides.model import site_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext


def on_page_context(
    context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext | None:
    """Give a guide's overview its cautions line."""
    guide = site_of(config).guide_of(page.file.src_uri)
    if guide is None or page.file.src_uri != guide.overview_uri:
        return None
    # Our own key: MkDocs types the context with only its own keys.
    context["guide_cautions"] = guide.cautions_line  # type: ignore[typeddict-unknown-key]
    return context

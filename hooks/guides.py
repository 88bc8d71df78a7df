"""Hook: build the guide model at the start of every build, and give step pages their summary.

Listed first in mkdocs.yml: the other hooks read the model this one stores.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from guide_model import load_site, site_of, store_site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


# Highest priority: the navigation and checklist hooks use the model in their own on_files.
@event_priority(100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Read every guide's front matter into this build's model, or stop the build."""
    store_site(config, load_site(files, config))
    return None


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    """A step's `summary` is its page's meta description unless it sets its own."""
    step = site_of(config).step_of(page.file.src_uri)
    if step is not None:
        page.meta.setdefault("description", step.summary)
    return None

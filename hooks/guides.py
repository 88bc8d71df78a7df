"""Hook: build the guide model at the start of every build, and give step pages their summary.

Listed first in mkdocs.yml: the other hooks read the model this one stores (`site_of` stops
the build with a one-line message when it is missing). It also tells the page template which
pages are a guide's, so their action row (Start, Keep screen on, the print actions that
hooks/print_document.py adds) stands on every guide page whichever other hooks run, and gives
an overview the routine's size to say above it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from massage_guides.model import load_site, site_of, store_site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext


@dataclass(frozen=True)
class GuideActions:
    """A guide page's action row; a step page leads with its move, its print actions after it.

    `routine_size` is said above an overview's row ("3 steps on each foot, twice"); "" elsewhere.
    `checklist`: the checklist page, whose own Print button prints it (no "Print page", no
    link to itself). `paper_label` heads the page on paper, where no navigation says which
    guide it is from: "How to give a foot massage · Step 2 of 3" ("" on the overview).
    """

    step: bool
    routine_size: str = ""
    checklist: bool = False
    paper_label: str = ""


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


def on_page_context(
    context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext | None:
    """Give every guide page but its follow-along page (which has its own controls) the row."""
    site = site_of(config)
    guide = site.guide_of(page.file.src_uri)
    if guide is None or page.file.src_uri == guide.follow_uri:
        return None
    step = site.step_of(page.file.src_uri)
    overview = page.file.src_uri == guide.overview_uri
    size = guide.routine_size if overview else ""
    checklist = page.file.src_uri == guide.checklist_uri
    label = ""
    if step is not None:
        label = f"{guide.title} · Step {step.number} of {len(guide.steps)}"
    elif not overview and not checklist and page.file.src_uri != guide.print_uri:
        label = f"{guide.title} · {page.title}"
    # Our own key: MkDocs types the context with only its own keys.
    context["guide_actions"] = GuideActions(  # type: ignore[typeddict-unknown-key]
        step is not None, size, checklist, label
    )
    return context

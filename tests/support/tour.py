"""One visit to every page of a built site in each palette, for the checks that read any page.

Loading a page is much of what an every-page check costs, so the checks share one visit per
page per palette (tests/browser/test_every_page.py): what the page requested, the
palette it shows, what axe-core found on it, the size of its controls on a phone, and the
page printed (PAPERS). The pages are dealt into two halves (`tour_pages`), toured by two test
files, so that the two test processes (pytest-xdist, `--dist loadfile`) take a half each at the
same time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from .browser import new_context, violations
from .pages import WAKE_LOCK_STUB, all_pages
from .printing import PAPER, Printout, print_pdf

SCHEMES = ("light", "dark")
# The dark palette's tab is a phone's (the light one's a desktop's): each page is seen at both
# widths, and its controls are measured where a finger presses them.
VIEWPORTS = {"light": {"width": 1280, "height": 720}, "dark": {"width": 390, "height": 844}}
# The paper each palette's pages are printed on. The paper changes the layout (sheets, breaks),
# the palette only colours, which print resets to black on white: each page is printed once
# in each palette, on one paper each, so on both papers. (The checklists, whose layout is the
# tightest, print on both papers in both palettes: tests/browser/test_checklist_sheet.py.)
PAPERS = {"light": PAPER[:1], "dark": PAPER[1:]}
# What this site adds that a finger presses (inline text links are exempt).
CONTROLS = (
    ".md-content button, .md-content [role=switch], .md-content label, .md-content select,"
    " .md-content a.md-button, .md-footer__link"
)
# The tour's parts: tests/browser/test_every_page.py and test_every_page_2.py, one each.
PARTS = 2


def tour_pages(site: Path, part: int) -> list[str]:
    """One part of the site's pages (0 or 1), dealt in turn from every page in order."""
    return all_pages(site)[part::PARTS]


@dataclass
class Visit:
    """What one page showed and did in one palette."""

    url: str
    scheme: str
    # Material's palette on the page: `default` (light) or `slate` (dark).
    body_scheme: str
    # axe-core's violations, one line each; None when axe-core is not installed.
    violations: list[str] | None
    # The page printed on each of its palette's PAPERS, as a reader's print dialog would; the
    # PDF itself kept in the first palette on the first paper, for the check that pypdf's
    # reading (`read_pdf`) finds the same as pypdfium2's.
    printouts: dict[str, Printout]
    # Each control's text, width and height in CSS pixels (CONTROLS) at this tab's viewport.
    controls: list[tuple[str, float, float]]


@dataclass
class Tour:
    """Every page visited once in each palette."""

    visits: list[Visit]
    # Every URL any page requested, from loading to network idle.
    requested: list[str]


def take_tour(browser, site_url: str, urls: list[str], axe_script: Path | None) -> Tour:
    """Visit every page in each palette: run axe-core, print it, wait for its network to idle.

    The palettes go side by side, a tab each: while one page's network idles (Playwright
    waits 500 ms without a request), the other palette's copy is loaded and checked, and
    each tab waits for its idle network only when it moves on.
    """
    visits: list[Visit] = []
    requested: list[str] = []
    tabs = {}
    for scheme in SCHEMES:
        # No service worker: installing it downloads the whole site in the background, the
        # same files every tab here loads. Nor Material's search worker (support/browser.py):
        # it builds the search index on every page, about a tenth of what a visit here costs.
        # The requests of both are checked where they run whole, in a tab that records every
        # request (tests/browser/test_offline.py: the installed worker, and a search).
        context = new_context(browser, color_scheme=scheme, viewport=VIEWPORTS[scheme])
        # A device that can keep the screen on, so that its switch shows and is checked too.
        context.add_init_script(WAKE_LOCK_STUB)
        context.on("request", lambda request: requested.append(request.url))
        if axe_script is not None:
            # In every page before its own scripts: defines `axe`, runs nothing by itself.
            context.add_init_script(path=str(axe_script))
        tabs[scheme] = context.new_page()
        tabs[scheme].set_default_timeout(15_000)
    for url in urls:
        for scheme, page in tabs.items():
            if page.url != "about:blank":
                # What a page requests after it loaded counts too: the tab leaves it only
                # once its network is idle (by now it mostly is: the other tab had its turn).
                page.wait_for_load_state("networkidle")
            page.goto(urljoin(site_url, url))
            # Read with page.evaluate, as every check here is: a locator's first use on a page
            # adds Playwright's own script to it, about a sixth of what loading the page costs.
            body_scheme = page.evaluate("document.body.dataset.mdColorScheme || ''")
            controls = page.evaluate(
                """selector => [...document.querySelectorAll(selector)]
                    .filter(el => el.getClientRects().length
                                  && getComputedStyle(el).visibility !== 'hidden')
                    .map(el => { const box = el.getBoundingClientRect();
                                 return [el.innerText.trim(), box.width, box.height]; })""",
                CONTROLS,
            )
            found = violations(page, None, scheme) if axe_script is not None else None
            printouts = {paper: print_pdf(page, paper) for paper in PAPERS[scheme]}
            for paper, printout in printouts.items():
                if (scheme, paper) != (SCHEMES[0], PAPER[0]):
                    printout.data = b""  # read; only the first palette's first paper is kept
            visits.append(Visit(url, scheme, body_scheme, found, printouts, controls))
    for page in tabs.values():
        page.wait_for_load_state("networkidle")
        page.context.close()
    return Tour(visits, requested)

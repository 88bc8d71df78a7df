"""Each guide prints as one document, black on white; print actions work.

(Every page prints without blank sheets: tests/browser/test_every_page.py.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.support.browser import NO_TRANSITIONS, new_context
from tests.support.pages import normalise
from tests.support.printing import PAPER, print_pdf
from tests.support.server import serve
from tests.support.site import build_site, copy_docs, guides_in

pytestmark = pytest.mark.browser

GUIDES = guides_in()


@pytest.fixture(scope="module")
def dark_tab(browser) -> Iterator[object]:
    """A tab whose system colour scheme is dark, each page loaded afresh in it."""
    context = new_context(browser, color_scheme="dark")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("url", ["foot-massage/step-1/", "back-massage/", "foot-massage/print/"])
def test_dark_palette_prints_black_on_white(site_url: str, dark_tab, url: str) -> None:
    page = dark_tab
    page.emulate_media(media="null")  # the screen, as a new tab has it
    page.goto(urljoin(site_url, url))
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    # Colours as they end on paper, not halfway through Material's transitions.
    page.add_style_tag(content=NO_TRANSITIONS)
    page.emulate_media(media="print")
    colours = page.evaluate(
        """() => [document.documentElement, document.body, document.querySelector('article p')]
            .map(el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color,
                        getComputedStyle(el).colorScheme])"""
    )
    assert colours[0][0] == "rgb(255, 255, 255)"
    # A dark colour scheme would paint the sheet's margins dark.
    assert colours[0][2] == "light" and colours[1][2] == "light", colours
    text = [float(part) for part in re.findall(r"[\d.]+", colours[2][1])]
    assert max(text[:3]) < 100, colours
    # A link to one of the site's own pages prints as the text around it: no colour, no line.
    own = page.evaluate(
        """() => [...document.querySelectorAll('article a[href]')]
            .filter(a => !/^https?:/.test(a.getAttribute('href')) && a.offsetParent)
            .map(a => [getComputedStyle(a).color, getComputedStyle(a.parentElement).color,
                       getComputedStyle(a).textDecorationLine])"""
    )
    for colour, around, line in own:
        assert colour == around and line == "none", (url, colour, around, line)


def test_whole_guide_document_holds_every_step_in_order(site_url: str, page) -> None:
    page.goto(urljoin(site_url, "foot-massage/print/"))
    for paper in PAPER:
        printout = print_pdf(page, paper)
        assert len(printout.sheets) <= 4, paper
        assert_in_order(printout.text, paper)


@pytest.mark.parametrize("guide", GUIDES, ids=[guide.slug for guide in GUIDES])
def test_whole_guide_document_carries_the_cautions_and_their_sources(
    site_url: str, page, guide
) -> None:
    """At most four sheets, the cautions with them: each by name, with its sources' addresses."""
    page.goto(urljoin(site_url, f"{guide.slug}/print/"))
    for paper in PAPER:
        printout = print_pdf(page, paper)
        assert len(printout.sheets) <= 4, (guide.slug, paper, len(printout.sheets))
        # No sheet but the last is left a third empty: text runs past two-thirds of each.
        for number in range(len(printout.sheets) - 1):
            lowest = max(run.depth for run in printout.runs if run.sheet == number)
            assert lowest >= 2 / 3, (guide.slug, paper, number + 1, round(lowest, 2))
        text = normalise(printout.text.replace("- ", "").replace("-\n", ""))
        assert "When not to massage" in text, paper
        assert "general information, not medical advice" in text, paper
        for caution in guide.cautions:
            assert caution.name in text, (paper, caution.name)
            for source in caution.sources:
                # Outside links print their address: a reader of paper can look it up.
                host = urlsplit(source.url).netloc
                assert host in text.replace(" ", ""), (paper, caution.name, host)


def assert_in_order(text: str, paper: str) -> None:
    expected = [
        "How to give a foot massage",
        "Massage oil",
        "A small cushion or rolled towel",
        "Step 1: Relax your partner and spread the oil",
        "Slide your hands from the ankle gently to the toes and release.",
        "Step 2: Knead the top of the foot",
        "Step 3: Rotate the foot and knead the arch",
        "firmly knead the arch",
        "Both feet: repeat and switch",
        "Tips and warnings",
        "talcum powder as an alternative",
    ]
    positions = [text.find(part) for part in expected]
    found = list(zip(expected, positions, strict=True))
    assert all(position >= 0 for position in positions), (paper, found)
    assert positions == sorted(positions), paper


def test_outside_links_print_their_address(tmp_path: Path, browser) -> None:
    docs = copy_docs(tmp_path)
    overview = docs / "foot-massage" / "index.md"
    overview.write_text(
        overview.read_text(encoding="utf-8").replace(
            "related: []",
            "related:\n  - title: An outside page\n    url: https://example.org/reading/",
        ),
        encoding="utf-8",
    )
    site = build_site(tmp_path / "site", docs)
    with serve(site) as server:
        base = server.url
        context = new_context(browser)
        page = context.new_page()
        page.goto(urljoin(base, "foot-massage/"))
        link = page.get_by_role("link", name="An outside page")
        assert link.get_attribute("href") == "https://example.org/reading/"
        assert link.locator("svg").count() == 1
        printout = print_pdf(page, "A4")
        context.close()
        # The link text, its hidden "(another site)" for screen readers, then the address.
        assert re.search(r"An outside page.{0,20} \(https://example\.org/reading/\)", printout.text)
        assert "tips and warnings (" not in printout.text


def test_print_actions_are_labelled_reachable_and_hidden_on_paper(site_url: str, page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(urljoin(site_url, "foot-massage/step-2/"))
    actions = page.locator(".print-actions")
    labels = ["Print page", "Print guide", "Checklist"]
    for label in labels:
        control = actions.get_by_role("link", name=label, exact=True).or_(
            actions.get_by_role("button", name=label, exact=True)
        )
        assert control.count() == 1
        # Its words are on screen, on a phone too, and it is a 44 x 44 px target.
        assert control.inner_text().strip() == label
        box = control.bounding_box()
        assert box is not None and box["width"] >= 44 and box["height"] >= 44
    assert actions.get_by_role("link", name="Print guide").get_attribute("href") == (
        "../print/#print"
    )
    # The checklist opens as a page: printing only from its own Print button.
    assert actions.get_by_role("link", name="Checklist").get_attribute("href") == "../checklist/"
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.innerText.trim()"))
    assert set(labels) <= reached
    page.emulate_media(media="print")
    assert not page.locator(".print-actions").is_visible()


def test_checklist_action_opens_the_checklist_without_the_print_dialog(site_url: str, page) -> None:
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1 }")
    page.clock.install()
    page.goto(urljoin(site_url, "foot-massage/step-2/"))
    page.locator(".print-actions").get_by_role("link", name="Checklist").click()
    page.wait_for_url("**/checklist/")
    page.wait_for_load_state("load")
    page.clock.run_for(5_000)  # any print the page had scheduled would have run
    assert page.evaluate("window.__printed || 0") == 0
    page.get_by_role("button", name="Print", exact=True).click()
    assert page.evaluate("window.__printed") == 1


def test_print_this_page_opens_the_print_dialog(site_url: str, page) -> None:
    page.goto(urljoin(site_url, "foot-massage/step-2/"))
    page.evaluate(
        "() => { window.print = () => { window.__printed = (window.__printed || 0) + 1 } }"
    )
    page.get_by_role("button", name="Print page").click()
    assert page.evaluate("window.__printed") == 1


def test_print_document_is_not_in_search_or_the_sidebar(site: Path) -> None:
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "foot-massage/print/" not in index
    step = (site / "foot-massage" / "step-1" / "index.html").read_text(encoding="utf-8")
    sidebar = step[step.index('class="md-nav md-nav--primary"') :]
    assert "(printable)" not in sidebar

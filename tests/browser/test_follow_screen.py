"""Follow along on a small phone: every card in view without scrolling, focus, a desktop.

On a 360 x 740 phone (and 390 x 844), in both palettes, each step card shows where the reader
is, the move and the whole drawing between the header and the Previous/Next bar, the page
unscrolled; switch and finish cards fit too. For every guide of `docs/` and the edge guides
(tests/support/guide_factory.py). Get ready may be longer: it is read before the oil.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin

import pytest

from tests.support.browser import new_context
from tests.support.guide_factory import EDGE_GUIDES, write_checklist_guide
from tests.support.pages import guide_front_matter
from tests.support.printing import PAPER, print_pdf
from tests.support.server import serve
from tests.support.site import DOCS, build_site, copy_docs

pytestmark = pytest.mark.browser

PHONES = [{"width": 360, "height": 740}, {"width": 390, "height": 844}]
SCHEMES = ["light", "dark"]

# The card's first screen, and what must lie on it for each kind of card.
ON_SCREEN = {
    "step": [".follow-card__where", ".follow-card__lead", ".follow-card__figure svg"],
    "switch": [".follow-card__where", ".follow-card__lead"],
    "finish": [".follow-card__where", "[data-follow-again]"],
}

# Measures the cards chosen (by index), each shown through the steps list's own links.
MEASURE = """([indexes, selectors]) => {
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    const bar = document.querySelector('.follow__bar').getBoundingClientRect().top;
    const links = document.querySelectorAll('[data-follow-go]');
    const out = [];
    for (const index of indexes) {
        links[index].click();
        const card = document.querySelectorAll('.follow-card')[index];
        for (const selector of selectors[card.dataset.kind] || []) {
            const element = card.querySelector(selector);
            if (!element) {  // a step without its drawing (a guide just begun)
                out.push(`${index} ${card.dataset.key} ${selector}: missing`);
                continue;
            }
            const box = element.getBoundingClientRect();
            const fits = box.height > 0 && box.top >= header - 0.5 && box.bottom <= bar + 0.5;
            if (!fits || window.scrollY !== 0) {
                out.push(`${index} ${card.dataset.key} ${selector}: ${Math.round(box.top)}-`
                    + `${Math.round(box.bottom)} not within ${Math.round(header)}-`
                    + `${Math.round(bar)}, scrolled ${window.scrollY}`);
            }
        }
    }
    return out;
}"""


@pytest.fixture(scope="module")
def screen_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """The real guides and the edge guides, built once and served: (address, guide folders)."""
    root = tmp_path_factory.mktemp("follow-screen")
    docs = copy_docs(root)
    for slug, size in EDGE_GUIDES.items():
        write_checklist_guide(docs, slug, **size)
    site = build_site(root / "site", docs)
    with serve(site) as server:
        yield server.url, sorted(guide_front_matter(docs))


def cards_to_check(page) -> list[int]:
    """The cards to measure: all but Get ready, on a long routine its first 40 and its last round.

    The last round has the longest "where" lines; the rest only repeat the first cards.
    """
    keys = page.eval_on_selector_all(".follow-card", "cards => cards.map(c => c.dataset.key)")
    chosen = []
    for index, key in enumerate(keys):
        kind, _, rest = key.partition("|")
        if kind == "ready":
            continue
        side, _, round_and_summary = rest.partition("|")
        last_round = round_and_summary.startswith(str(max_round(keys)))
        if kind == "finish" or index < 40 or last_round:
            chosen.append(index)
    return chosen


def max_round(keys: list[str]) -> int:
    rounds = [int(key.split("|")[2]) for key in keys if key.startswith(("step|", "switch|"))]
    return max(rounds, default=1)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_card_fits_a_phone_screen_without_scrolling(
    browser, screen_site: tuple[str, list[str]], scheme: str
) -> None:
    """Each page loaded once, measured on each phone (the page laid out again at each size).

    The dark palette is the light one's page in other colours: measured on the real guides,
    the edge guides in the light palette only.
    """
    url, slugs = screen_site
    if scheme != SCHEMES[0]:
        slugs = [slug for slug in slugs if slug not in EDGE_GUIDES]
    context = new_context(browser, viewport=PHONES[0], color_scheme=scheme, has_touch=True)
    page = context.new_page()
    problems = {}
    for slug in slugs:
        page.goto(urljoin(url, f"{slug}/follow/"))
        page.locator(".follow__top:not([hidden])").wait_for()
        for phone in PHONES:
            page.set_viewport_size(phone)
            if found := page.evaluate(MEASURE, [cards_to_check(page), ON_SCREEN]):
                problems[f"{slug} {phone['width']}x{phone['height']}"] = found
        page.set_viewport_size(PHONES[0])
    context.close()
    assert problems == {}


def test_larger_text_is_remembered_and_the_card_still_fits(
    browser, screen_site: tuple[str, list[str]]
) -> None:
    url, slugs = screen_site
    context = new_context(browser, viewport=PHONES[0], has_touch=True)
    page = context.new_page()
    page.goto(urljoin(url, f"{slugs[0]}/follow/"))
    lead = page.locator(".follow-card__lead").nth(1)
    page.locator("[data-follow-go]").nth(1).evaluate("link => link.click()")
    before = lead.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    page.locator(".follow__menu > summary", has_text="Tools").click()
    switch = page.get_by_role("switch", name="Larger text")
    switch.click()
    assert switch.get_attribute("aria-checked") == "true"
    assert lead.evaluate("el => parseFloat(getComputedStyle(el).fontSize)") > before
    problems = {}
    for slug in slugs:
        page.goto(urljoin(url, f"{slug}/follow/"))  # kept on the device, for every guide
        page.locator(".follow__top:not([hidden])").wait_for()
        assert page.locator(".follow--large").count() == 1, slug
        if found := page.evaluate(MEASURE, [cards_to_check(page), ON_SCREEN]):
            problems[slug] = found
    context.close()
    assert problems == {}


def first_follow_page(context, site_url: str):
    """A tab of `context` on the first guide's follow-along page (the real site)."""
    page = context.new_page()
    page.goto(urljoin(site_url, f"{sorted(guide_front_matter(DOCS))[0]}/follow/"))
    return page


def test_the_menus_open_and_close_by_keyboard_with_focus_back_where_it_was(
    browser, site_url: str
) -> None:
    context = new_context(browser, viewport=PHONES[1])
    page = first_follow_page(context, site_url)
    for name in ("Tools", "Steps"):
        summary = page.locator(".follow__menu > summary", has_text=name)
        summary.focus()
        page.keyboard.press("Enter")
        menu = summary.locator("xpath=..")
        assert menu.evaluate("el => el.open"), name
        page.keyboard.press("Tab")  # into the panel
        assert page.evaluate("document.activeElement.closest('.follow__panel') !== null"), name
        page.keyboard.press("Escape")
        assert not menu.evaluate("el => el.open"), name
        assert summary.evaluate("el => el === document.activeElement"), name
    context.close()


def test_moving_card_to_card_keeps_focus_and_announces_each_card_once(
    browser, site_url: str
) -> None:
    context = new_context(browser, viewport=PHONES[1])
    page = first_follow_page(context, site_url)
    status = page.locator("[data-follow-status]")
    assert status.get_attribute("role") == "status"
    assert page.locator("[aria-live]").count() == 1
    total = page.locator(".follow-card").count()
    next_button = page.get_by_role("button", name="Next")
    next_button.click()
    assert next_button.evaluate("el => el === document.activeElement")
    heading = " ".join(page.locator(".follow-card:visible h2").inner_text().split())
    assert status.text_content() == f"Card 2 of {total}: {heading}"
    for _ in range(total - 2):
        next_button.click()
    # Next can no longer be pressed on the last card: focus goes to the card's heading.
    assert next_button.is_disabled()
    assert page.evaluate("document.activeElement.matches('.follow-card--finish h2')")
    previous = page.get_by_role("button", name="Previous")
    for _ in range(total - 1):
        previous.click()
    assert previous.is_disabled()
    assert page.evaluate("document.activeElement.matches('.follow-card--ready h2')")
    assert not page.evaluate("document.activeElement === document.body")
    context.close()


def test_on_a_desktop_lines_stay_short_and_the_buttons_are_pointer_sized(
    browser, site_url: str
) -> None:
    viewport = {"width": 1280, "height": 800}
    context = new_context(browser, viewport=viewport)
    page = first_follow_page(context, site_url)
    page.get_by_role("button", name="Next").click()
    # About 70 characters a line: no text block wider than 37 of its own em.
    widths = page.eval_on_selector_all(
        ".follow-card:not([hidden]) :is(p, li)",
        """els => els.filter(el => el.offsetParent).map(el =>
            el.getBoundingClientRect().width / parseFloat(getComputedStyle(el).fontSize))""",
    )
    assert widths and max(widths) <= 37, widths
    for name in ("Previous", "Next"):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box is not None and box["width"] <= viewport["width"] / 4, (name, box)
    context.close()


def test_the_routine_prints_on_one_sheet_for_every_guide_the_size_rules_allow(
    browser, screen_site: tuple[str, list[str]]
) -> None:
    """On paper each step once, in order, under one line saying the sides and rounds."""
    url, slugs = screen_site
    context = new_context(browser)
    page = context.new_page()
    for slug in slugs:
        page.goto(urljoin(url, f"{slug}/follow/"))
        summaries = page.eval_on_selector_all(
            ".follow-card--step:not(.follow-card--repeat) .follow-card__lead",
            "leads => leads.map(lead => lead.textContent.trim())",
        )
        for paper in PAPER:
            printout = print_pdf(page, paper)
            assert len(printout.sheets) == 1, (slug, paper, len(printout.sheets))
            text = " ".join(printout.text.replace("- ", "").split())
            assert "The routine:" in text, (slug, paper)
            positions = [text.find(" ".join(summary.split())) for summary in summaries]
            assert all(p >= 0 for p in positions) and positions == sorted(positions), slug
    context.close()

"""The checklist in a real browser: one printed sheet, ticks that stay, keys that work."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from printing import PAPER, print_pdf

pytestmark = pytest.mark.browser

SUPPLIES = ["Massage oil", "A small cushion or rolled towel"]
SUMMARIES = [
    "Relax your partner, oil your hands and stroke from the ankle to the toes.",
    "Knead the top of the foot, then massage around the ankle and below the toes.",
    "Rotate the foot both ways, knead the arch, and finish with gentle strokes.",
]


@pytest.mark.parametrize("paper", PAPER)
def test_checklist_prints_on_exactly_one_sheet(site_url: str, scheme_page, paper: str) -> None:
    scheme, page = scheme_page
    page.goto(urljoin(site_url, "foot-massage/checklist/"))
    expected_scheme = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected_scheme
    for box in page.locator(".checklist input[type=checkbox]").all()[:3]:
        box.check()
    printout = print_pdf(page, paper)
    assert len(printout.sheets) == 1, printout.sheets
    for text in [*SUPPLIES, *SUMMARIES, "Switch to the right foot", "Go gently at first"]:
        assert text in printout.text
    assert printout.text.count(SUMMARIES[0]) == 2
    assert printout.smallest_glyph_pt >= 9.0
    assert "Clear all" not in printout.text


def test_checklist_prints_boxes_empty_and_ink_dark(site_url: str, page) -> None:
    page.goto(urljoin(site_url, "foot-massage/checklist/"))
    page.locator("input[name=supply-1]").check()
    page.emulate_media(media="print")
    box = page.locator("input[name=supply-1]")
    assert box.evaluate("el => getComputedStyle(el).appearance") == "none"
    assert box.evaluate("el => getComputedStyle(el).borderTopColor") == "rgb(0, 0, 0)"
    opacity = page.locator(".checklist").evaluate(
        "el => [...el.querySelectorAll('*')].map(e => +getComputedStyle(e).opacity)"
    )
    assert min(opacity) == 1


def test_a_tick_survives_a_reload(site_url: str, page) -> None:
    page.goto(urljoin(site_url, "foot-massage/checklist/"))
    page.get_by_text(SUMMARIES[1]).first.click()
    assert page.locator("input[name=side-1-step-2]").is_checked()
    page.reload()
    assert page.locator("input[name=side-1-step-2]").is_checked()
    assert not page.locator("input[name=side-1-step-1]").is_checked()


def test_space_toggles_the_focused_box(site_url: str, page) -> None:
    page.goto(urljoin(site_url, "foot-massage/checklist/"))
    box = page.locator("input[name=supply-2]")
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    outline = box.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Space")
    assert not box.is_checked()


def test_boxes_are_big_enough_to_tap(site_url: str, page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(urljoin(site_url, "foot-massage/checklist/"))
    for row in page.locator(".checklist__item").all():
        box = row.bounding_box()
        assert box is not None and box["width"] >= 24 and box["height"] >= 24
    for box in page.locator(".checklist__item input").all():
        size = box.bounding_box()
        assert size is not None and size["width"] >= 24 and size["height"] >= 24


def test_clear_all_clears_every_tick(site_url: str, page) -> None:
    page.goto(urljoin(site_url, "foot-massage/checklist/"))
    for box in page.locator(".checklist input[type=checkbox]").all():
        box.check()
    page.get_by_role("button", name="Clear all").click()
    assert not any(box.is_checked() for box in page.locator(".checklist input").all())
    page.reload()
    assert not any(box.is_checked() for box in page.locator(".checklist input").all())


def test_dark_palette_prints_dark_text_on_white(site_url: str, browser) -> None:
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(urljoin(site_url, "foot-massage/checklist/"))
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.emulate_media(media="print")
    colours = page.evaluate(
        """() => ({
            html: getComputedStyle(document.documentElement).backgroundColor,
            body: getComputedStyle(document.body).backgroundColor,
            text: getComputedStyle(document.querySelector('.checklist__item span')).color,
        })"""
    )
    context.close()
    assert colours["html"] == "rgb(255, 255, 255)"
    assert colours["body"] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    channels = [float(part) for part in re.findall(r"[\d.]+", colours["text"])]
    assert max(channels[:3]) < 100, colours["text"]
    assert len(channels) == 3 or channels[3] > 0.8, colours["text"]


def test_ticks_on_one_guide_do_not_show_on_another(site_url: str, page) -> None:
    page.goto(urljoin(site_url, "foot-massage/checklist/"))
    page.locator("input[name=supply-1]").check()
    page.locator("input[name=side-1-step-1]").check()
    page.goto(urljoin(site_url, "back-massage/checklist/"))
    assert page.locator("input[name=supply-1]").count() == 1
    assert not any(box.is_checked() for box in page.locator(".checklist input").all())
    page.locator("input[name=supply-2]").check()
    page.goto(urljoin(site_url, "foot-massage/checklist/"))
    assert page.locator("input[name=supply-1]").is_checked()
    assert not page.locator("input[name=supply-2]").is_checked()


@pytest.mark.parametrize("paper", PAPER)
def test_public_checklist_with_its_qr_code_still_prints_on_one_sheet(
    public_site_url: str, page, paper: str
) -> None:
    page.goto(urljoin(public_site_url, "foot-massage/checklist/"))
    qr = page.locator(".checklist__qr svg").bounding_box()
    assert qr is not None and qr["width"] >= 90  # 2.5 cm is about 94 CSS px
    printout = print_pdf(page, paper)
    assert len(printout.sheets) == 1
    # The address may wrap in its narrow box beside the supplies.
    assert "https://guides.example.org/foot-massage/" in printout.text.replace(" ", "")
    assert printout.smallest_glyph_pt >= 9.0

"""The checklist in a real browser: one printed sheet, ticks that stay, keys that work."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.support.browser import leave_as_new, new_context, shared_tab
from tests.support.guide_factory import write_checklist_guide
from tests.support.printing import PAPER, print_pdf
from tests.support.server import serve
from tests.support.site import build_site, guides_in

pytestmark = pytest.mark.browser

SUMMARIES = [
    "Relax your partner, oil your hands and stroke from the ankle to the toes.",
    "Knead the top of the foot, then massage around the ankle and below the toes.",
    "Rotate the foot both ways, knead the arch, and finish with gentle strokes.",
]
SUPPLY_1 = "input[data-tick='supply: Massage oil']"
SUPPLY_2 = "input[data-tick='supply: A small cushion or rolled towel']"


DESKTOP = {"width": 1280, "height": 720}


@pytest.fixture(scope="module")
def checklist_tab(browser):
    """One tab for the module's checklist tests (a new tab costs about a page load)."""
    with shared_tab(browser, DESKTOP) as tab:
        yield tab


@pytest.fixture
def page(checklist_tab, site_url: str):
    """This module's `page`: its one tab, left after each test as a new one (`leave_as_new`)."""
    yield checklist_tab
    leave_as_new(checklist_tab, site_url, DESKTOP)


def step_box(summary: str, side: str = "left foot", round_number: int = 1) -> str:
    return f'input[data-tick="step: {summary} | {side} | round {round_number}"]'


def test_checklist_prints_boxes_empty_and_ink_dark(site_url: str, page) -> None:
    page.goto(urljoin(site_url, "foot-massage/checklist/"))
    page.locator(SUPPLY_1).check()
    page.emulate_media(media="print")
    box = page.locator(SUPPLY_1)
    assert box.evaluate("el => getComputedStyle(el).appearance") == "none"
    assert box.evaluate("el => getComputedStyle(el).borderTopColor") == "rgb(0, 0, 0)"
    opacity = page.locator(".checklist").evaluate(
        "el => [...el.querySelectorAll('*')].map(e => +getComputedStyle(e).opacity)"
    )
    assert min(opacity) == 1


def test_a_tick_survives_a_reload(site_url: str, page) -> None:
    page.goto(urljoin(site_url, "foot-massage/checklist/"))
    page.get_by_label("Step 2, left foot, round 1").click()
    assert page.locator(step_box(SUMMARIES[1])).is_checked()
    page.reload()
    assert page.locator(step_box(SUMMARIES[1])).is_checked()
    assert not page.locator(step_box(SUMMARIES[0])).is_checked()
    assert not page.locator(step_box(SUMMARIES[1], "right foot")).is_checked()


def test_ticks_stay_on_their_items_when_a_supply_and_a_step_are_inserted_before_them(
    tmp_path: Path, browser
) -> None:
    docs = tmp_path / "docs"
    (docs).mkdir()
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    write_checklist_guide(docs, "moves", steps=3, supplies=3, sides=2, rounds=2, warnings=1)
    site = build_site(tmp_path / "site", docs)
    guide = docs / "moves"
    with serve(site) as server:
        base = server.url
        context = new_context(browser)
        page = context.new_page()
        page.goto(urljoin(base, "moves/checklist/"))
        boxes = page.locator("input[data-tick]")
        for index in (1, 2, 5, 9):  # supplies 2 and 3, then two moves of steps 1 and 2
            boxes.nth(index).check()
        ticked = [box.get_attribute("data-tick") for box in boxes.all() if box.is_checked()]
        labels = [box.get_attribute("aria-label") for box in boxes.all() if box.is_checked()]
        # The author inserts a first supply and a new first step; every other step moves down.
        overview = guide / "index.md"
        overview.write_text(
            overview.read_text(encoding="utf-8").replace(
                "supplies:\n", "supplies:\n  - A new first supply\n"
            ),
            encoding="utf-8",
        )
        for number in (3, 2, 1):
            old = guide / f"step-{number}.md"
            old.rename(guide / f"step-{number + 1}.md")
            moved = guide / f"step-{number + 1}.md"
            moved.write_text(
                moved.read_text(encoding="utf-8").replace(
                    f"step: {number}\n", f"step: {number + 1}\n"
                ),
                encoding="utf-8",
            )
        (guide / "step-1.md").write_text(
            "---\nstep: 1\nsummary: A new first move.\n---\n\n# Step 1\n\nA new move.\n",
            encoding="utf-8",
        )
        build_site(site, docs)
        page.reload()
        boxes = page.locator("input[data-tick]")
        now = [box.get_attribute("data-tick") for box in boxes.all() if box.is_checked()]
        assert boxes.count() == 4 + 4 * 2 * 2
        assert now == ticked
        assert boxes.nth(0).get_attribute("data-tick") == "supply: A new first supply"
        assert not boxes.nth(0).is_checked()
        # The same moves are ticked, now shown as steps 2 and 3.
        moved_labels = [box.get_attribute("aria-label") for box in boxes.all() if box.is_checked()]
        assert moved_labels[2:] == [
            label.replace("Step 2", "Step 3").replace("Step 1", "Step 2") for label in labels[2:]
        ]
        context.close()


def test_space_toggles_the_focused_box(site_url: str, page) -> None:
    page.goto(urljoin(site_url, "foot-massage/checklist/"))
    box = page.locator(SUPPLY_2)
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
    for row in page.locator(".checklist__item, .checklist__box").all():
        box = row.bounding_box()
        assert box is not None and box["width"] >= 24 and box["height"] >= 24
    for box in page.locator(".checklist input[type=checkbox]").all():
        size = box.bounding_box()
        assert size is not None and size["width"] >= 24 and size["height"] >= 24


def test_clear_all_clears_every_tick_and_offers_an_undo(site_url: str, page) -> None:
    page.goto(urljoin(site_url, "foot-massage/checklist/"))
    boxes = page.locator(".checklist input[type=checkbox]")
    assert not page.get_by_role("button", name="Undo").is_visible()
    for box in boxes.all():
        box.check()
    page.get_by_role("button", name="Clear all").click()
    assert not any(box.is_checked() for box in boxes.all())
    status = page.get_by_role("status")
    assert status.inner_text().startswith(f"{boxes.count()} ticks cleared.")
    page.reload()
    assert not any(box.is_checked() for box in boxes.all())


def test_undo_brings_back_the_ticks_a_stray_clear_all_took(site_url: str, page) -> None:
    page.goto(urljoin(site_url, "foot-massage/checklist/"))
    page.locator(SUPPLY_2).check()
    page.locator(step_box(SUMMARIES[2], "right foot", 2)).check()
    page.get_by_role("button", name="Clear all").click()
    assert not page.locator(SUPPLY_2).is_checked()
    page.get_by_role("button", name="Undo").click()
    assert page.get_by_role("status").inner_text() == "Ticks restored."
    assert not page.get_by_role("button", name="Undo").is_visible()
    page.reload()
    ticked = [
        box.get_attribute("data-tick") for box in page.locator(".checklist input:checked").all()
    ]
    assert ticked == [
        "supply: A small cushion or rolled towel",
        f"step: {SUMMARIES[2]} | right foot | round 2",
    ]


def test_dark_palette_prints_dark_text_on_white(site_url: str, browser) -> None:
    context = new_context(browser, color_scheme="dark")
    page = context.new_page()
    page.goto(urljoin(site_url, "foot-massage/checklist/"))
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.emulate_media(media="print")
    colours = page.evaluate(
        """() => ({
            html: getComputedStyle(document.documentElement).backgroundColor,
            body: getComputedStyle(document.body).backgroundColor,
            text: getComputedStyle(document.querySelector('.checklist__summary')).color,
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
    page.locator(SUPPLY_1).check()
    page.locator(step_box(SUMMARIES[0])).check()
    page.goto(urljoin(site_url, "back-massage/checklist/"))
    assert not any(box.is_checked() for box in page.locator(".checklist input").all())
    page.locator("input[data-tick]").nth(1).check()
    page.goto(urljoin(site_url, "foot-massage/checklist/"))
    assert page.locator(SUPPLY_1).is_checked()
    assert not page.locator(SUPPLY_2).is_checked()


def test_public_checklist_with_its_qr_code_still_prints_on_one_sheet(
    public_site_url: str, page
) -> None:
    page.goto(urljoin(public_site_url, "foot-massage/checklist/"))
    qr = page.locator(".checklist__qr svg").bounding_box()
    assert qr is not None and qr["width"] >= 90  # 2.5 cm is about 94 CSS px
    for paper in PAPER:  # the same page, printed on each paper
        printout = print_pdf(page, paper)
        assert len(printout.sheets) == 1, paper
        # The address may wrap in its narrow box beside the supplies.
        assert "https://guides.example.org/foot-massage/" in printout.text.replace(" ", ""), paper
        assert printout.smallest_glyph_pt >= 10.0 - 0.05, paper  # PDF rounding
        assert printout.lowest_depth >= 0.85, paper


def test_on_a_phone_the_steps_stay_in_view_and_more_columns_are_announced(
    site_url: str, browser
) -> None:
    """At 360 px a guide with rounds is wider than the screen: the boxes scroll, not the steps."""
    context = new_context(browser, viewport={"width": 360, "height": 740})
    page = context.new_page()
    wide = 0
    for guide in guides_in():
        page.goto(urljoin(site_url, f"{guide.slug}/checklist/"))
        scroller = page.locator("[data-checklist-scroll]")
        overflow = scroller.evaluate("el => el.scrollWidth - el.clientWidth")
        more = page.locator("[data-checklist-more]")
        if overflow <= 1:
            assert not more.is_visible(), guide.slug
            continue
        wide += 1
        assert more.is_visible() and "right" in more.inner_text(), guide.slug
        rows = page.locator(".checklist__grid tbody tr")
        before = rows.first.locator(".checklist__summary").bounding_box()
        scroller.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
        page.wait_for_function(
            "() => document.querySelector('[data-checklist-more]').textContent.includes('left')"
        )
        for index in range(rows.count()):
            for cell in (".checklist__number", ".checklist__summary"):
                box = rows.nth(index).locator(cell).bounding_box()
                assert box is not None and box["x"] >= 0, (guide.slug, index, cell)
        after = rows.first.locator(".checklist__summary").bounding_box()
        assert after is not None and before is not None and abs(after["x"] - before["x"]) < 1
        # The last column's boxes came into view beside the steps, not under them.
        last = rows.first.locator(".checklist__tick").last.bounding_box()
        assert last is not None and last["x"] >= after["x"] + after["width"] - 1
    context.close()
    assert wide, "no guide's grid is wider than a 360 px phone: the check did not run"


def test_the_checklist_page_offers_one_print_and_no_link_to_itself(site_url: str, page) -> None:
    for guide in guides_in():
        page.goto(urljoin(site_url, f"{guide.slug}/checklist/"))
        names = [" ".join(b.inner_text().split()) for b in page.locator("article .md-button").all()]
        assert names.count("Print") == 1, names
        assert "Print page" not in names and "Checklist" not in names, names
        assert page.locator('article a[href="./"], article a[href="../checklist/"]').count() == 0

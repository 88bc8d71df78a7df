"""The printed checklist's sizes, chosen from a guide's size: fixed guides, fixed answers."""

from __future__ import annotations

from dataclasses import replace

from massage_guides.model import (
    MAX_ROUNDS,
    MAX_STEPS,
    MAX_SUPPLIES,
    MAX_TITLE_CHARS,
    Guide,
    Step,
    Supply,
)
from massage_guides.sheet import (
    A4_PRINTABLE_HEIGHT_MM,
    ADDRESS_WIDTH_MM,
    BODY_PT,
    DRAWING_MM,
    FILL_FROM_STEPS,
    HEADING_EM,
    LINE_HEIGHT,
    PAGE_MARGIN_MM,
    PRINTABLE_HEIGHT_MM,
    PRINTABLE_WIDTH_MM,
    TITLE_PT,
    TITLE_PT_STEPS,
    _balanced,
    choose_sheet,
    growth_mm,
    how_to_tick,
    print_sizes_css,
    text_em,
    tick_columns,
    title_pt,
)


def _guide(steps: int, supplies: int, sides: tuple[str, ...] = (), rounds: int = 1) -> Guide:
    return Guide(
        slug="g",
        title="How to give a foot massage",
        description="A guide.",
        supplies=tuple(Supply(f"Supply number {n}", "a short note") for n in range(supplies)),
        steps=tuple(
            Step(n, f"Step {n}", f"Do the move number {n} slowly and gently", f"g/step-{n}.md")
            for n in range(1, steps + 1)
        ),
        pages=(),
        related=(),
        sides=sides,
        rounds=rounds,
    )


def test_the_stylesheet_carries_the_numbers_from_here() -> None:
    css = print_sizes_css()
    assert f"@page{{margin:{PAGE_MARGIN_MM}mm}}" in css
    assert f"--sheet-title:{TITLE_PT:g}pt" in css
    assert f"--sheet-line:{LINE_HEIGHT:g}" in css
    assert f"--sheet-heading:{HEADING_EM:g}em" in css
    assert f"--sheet-address:{ADDRESS_WIDTH_MM}mm" in css
    assert f"--sheet-page:{PRINTABLE_HEIGHT_MM:g}mm" in css


def test_a_small_guide_gets_the_largest_type() -> None:
    sheet = choose_sheet(_guide(1, 1), title="Checklist: a", with_address=False)
    assert sheet.body_pt == BODY_PT[0]
    assert sheet.style.startswith(f"--sheet-body: {BODY_PT[0]:g}pt;")


def test_a_larger_guide_never_gets_larger_type_or_drawings() -> None:
    title = "Checklist: How to give a foot massage"
    small = choose_sheet(
        _guide(3, 3, ("left foot", "right foot"), 2), title=title, with_address=False
    )
    large = choose_sheet(
        _guide(MAX_STEPS, MAX_SUPPLIES, ("left", "right", "middle"), MAX_ROUNDS),
        title=title,
        with_address=True,
    )
    assert (large.body_pt, large.drawing_mm) < (small.body_pt, small.drawing_mm)
    assert large.body_pt >= BODY_PT[-1]


def test_tick_columns_are_sides_times_rounds() -> None:
    assert tick_columns(_guide(2, 1)) == 1
    assert tick_columns(_guide(2, 1, ("left", "right"), 3)) == 6


def test_text_is_measured_with_each_letters_width() -> None:
    # Liberation Sans (Arial, Helvetica): capitals are wider than lower case, "i" narrower.
    assert text_em("MASSAGE") > 1.2 * text_em("massage")
    assert text_em("iiii") < text_em("mmmm") / 2
    assert text_em("") == 0


def test_a_title_in_capitals_steps_down_to_stay_on_one_line() -> None:
    title = "How to give a relaxing foot massage"
    assert len(title) == MAX_TITLE_CHARS
    assert title_pt("Checklist: How to give a foot massage") == TITLE_PT
    lower = title_pt(f"Checklist: {title}")
    assert 20 <= lower <= TITLE_PT
    capitals = f"Checklist: {title.upper()}"
    size = title_pt(capitals)
    assert TITLE_PT_STEPS[-1] <= size < lower
    # At that size the title is as wide as the page, margin included, or less.
    assert text_em(capitals, bold=True) * size * 25.4 / 72 <= PRINTABLE_WIDTH_MM


def test_columns_of_whole_boxes_are_as_tall_as_the_best_split_in_order() -> None:
    # As CSS balances boxes that are never split: [2, 1 | 3, 2] gives columns of 3 and 5.
    assert _balanced([2.0, 1.0, 3.0, 2.0], 2) == 5.0
    assert _balanced([2.0, 1.0, 3.0, 2.0], 1) == 8.0
    assert _balanced([4.0], 2) == 4.0
    assert _balanced([1.0, 1.0, 6.0], 2) == 6.0


def test_the_sentence_on_ticking_names_the_sides_and_rounds() -> None:
    assert how_to_tick(_guide(3, 1)) == "Tick each step as you finish it."
    assert how_to_tick(_guide(3, 1, ("left foot", "right foot"), 2)) == (
        "Tick down each column: every step on the left foot, then switch to the right foot."
        " Then switch back to the left foot and repeat: 2 rounds."
    )
    assert how_to_tick(_guide(3, 1, ("left", "right"), 1)).endswith("switch to the right.")


def test_drawings_grow_on_a_taller_sheet_by_their_rows_share_of_it() -> None:
    """On A4 each row may take its share of what A4 adds to Letter, to 60 mm at most."""
    extra = A4_PRINTABLE_HEIGHT_MM - PRINTABLE_HEIGHT_MM
    guide = _guide(3, 2, ("left foot", "right foot"), 2)
    assert growth_mm(guide, 15.0, 34, upright=True) == extra / 3
    assert growth_mm(guide, 15.0, DRAWING_MM[0] - 2, upright=True) == 2
    assert growth_mm(guide, 15.0, DRAWING_MM[0], upright=True) == 0
    # Where the words are taller than the drawing, the drawing stays as it is: growing it
    # would narrow the words and lengthen the rows.
    wordy = replace(
        guide, steps=tuple(replace(step, summary=step.summary * 4) for step in guide.steps)
    )
    assert growth_mm(wordy, 15.0, 34, upright=True) == 0


def test_the_sheet_hands_the_rows_and_their_growth_to_the_css() -> None:
    sheet = choose_sheet(
        _guide(3, 2, ("left foot", "right foot"), 2), title="Checklist: a", with_address=False
    )
    assert sheet.fills_page and sheet.rows == 3
    assert f"--sheet-rows: 3; --sheet-growth: {sheet.growth_mm:.1f}mm" in sheet.style
    small = choose_sheet(_guide(FILL_FROM_STEPS - 1, 1), title="Checklist: a", with_address=False)
    assert not small.fills_page
    assert small.drawing_mm == DRAWING_MM[0]

"""The printed checklist's sizes, chosen from a guide's size: fixed guides, fixed answers."""

from __future__ import annotations

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
    ADDRESS_WIDTH_MM,
    BODY_PT,
    LINE_HEIGHT,
    PAGE_MARGIN_MM,
    PRINTABLE_WIDTH_MM,
    TITLE_PT,
    TITLE_PT_STEPS,
    choose_sheet,
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
    assert f"--sheet-address:{ADDRESS_WIDTH_MM}mm" in css


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

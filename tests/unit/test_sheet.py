"""The printed checklist's sizes, chosen from a guide's size: fixed guides, fixed answers."""

from __future__ import annotations

from massage_guides.model import MAX_STEPS, MAX_SUPPLIES, Guide, Step, Supply
from massage_guides.sheet import (
    ADDRESS_WIDTH_MM,
    BODY_PT,
    LINE_HEIGHT,
    PAGE_MARGIN_MM,
    TITLE_PT,
    choose_sheet,
    print_sizes_css,
    tick_columns,
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
        _guide(MAX_STEPS, MAX_SUPPLIES, ("left", "right", "middle"), 4),
        title=title,
        with_address=True,
    )
    assert (large.body_pt, large.drawing_mm) < (small.body_pt, small.drawing_mm)
    assert large.body_pt >= BODY_PT[-1]


def test_tick_columns_are_sides_times_rounds() -> None:
    assert tick_columns(_guide(2, 1)) == 1
    assert tick_columns(_guide(2, 1, ("left", "right"), 3)) == 6

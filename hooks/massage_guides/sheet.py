"""How large the printed checklist's type and drawings are, chosen from the guide's size.

`hooks/checklist.py` asks for a `Sheet` per guide at build time: the largest body
type (then the largest drawings) whose estimated height fits the shorter printable page of
A4 and US Letter, at the narrower printable width. The estimate errs a little on the tall
side; print CSS stretches the routine's rows by what is left (from FILL_FROM_STEPS steps), and
on the taller A4 lets each drawing grow by its row's share (`growth_mm`). The limits in `model`
(MAX_*) keep every guide's estimate within the page at 10 pt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .cautions import LEAD, short_line
from .font_widths import BOLD, REGULAR, WIDEST

if TYPE_CHECKING:
    from .model import Guide

MM_PER_PT = 25.4 / 72
# The print sizes the CSS shares, written here only: `print_sizes_css()` hands them to the
# stylesheets as custom properties (and the `@page` margin), and the tests read them here.
PAGE_MARGIN_MM = 15  # every printed page's margin (Material's 25 mm wastes a fifth of a sheet)
TITLE_PT = 22.0  # the checklist's title
LINE_HEIGHT = 1.15  # the checklist's printed line height
HEADING_EM = 1.15  # a section's heading and the routine's title, in em of the body type
ADDRESS_WIDTH_MM = 44  # the address box beside the supplies on public builds
# A4 (210 mm) less its margins is narrower than US Letter; Letter is the shorter.
PRINTABLE_WIDTH_MM = 210 - 2 * PAGE_MARGIN_MM
PRINTABLE_HEIGHT_MM = 279.4 - 2 * PAGE_MARGIN_MM
A4_PRINTABLE_HEIGHT_MM = 297 - 2 * PAGE_MARGIN_MM
# The estimate, with Liberation Sans' widths and a margin, errs a little tall: 2 to 6 % over
# the height Chromium lays out on the real and edge guides (measured, December 2026), more in
# capitals. It must fit the page as it is; what the content leaves is stretched into the rows,
# so the closer the estimate, the smaller those bands and the larger the drawings.
_BUDGET_MM = PRINTABLE_HEIGHT_MM

BODY_PT = (16.0, 15.0, 14.0, 13.0, 12.0, 11.5, 11.0, 10.5, 10.0)
# Drawings up to about 60 mm; under 25 mm (the floor) only when nothing else fits, as on a
# guide at the size rules' edge: at 15 mm a drawing is hard to make out at arm's length.
# In 2 mm steps down to the floor: what a coarser step leaves unused stretches the rows.
DRAWING_MM = (*range(60, 25, -2), 25, 22, 19, 16, 13, 10)
DRAWING_FLOOR_MM = 25
# A routine of this many steps or more fills the sheet: its rows share what the rest leaves.
# A shorter one, its drawings at their largest, leaves the foot of the sheet blank.
FILL_FROM_STEPS = 3
# Past this many tick columns the side names stand on end to keep the columns narrow.
MAX_UPRIGHT_COLUMNS = 4

# Liberation Sans' widths (Arial's, Helvetica's), and a margin for kerning, rounding and a
# browser's line breaking: see font_widths.
_WIDTH_MARGIN = 1.06
# The checklist's title: the largest size from TITLE_PT down that keeps it on one line.
TITLE_PT_STEPS = (22.0, 21.0, 20.0, 19.0, 18.0, 17.0, 16.0)
_LINE_EM = LINE_HEIGHT  # a line of text, in em of its font
_ADDRESS_MM = ADDRESS_WIDTH_MM + 2  # and the gap beside it


@dataclass(frozen=True)
class Sheet:
    """Sizes for one guide's printed checklist (CSS custom properties on the page)."""

    body_pt: float
    drawing_mm: int
    upright_heads: bool
    estimate_mm: float
    title_pt: float = TITLE_PT
    # The routine's rows, and how much each row's drawing may grow on a sheet taller than
    # the estimate's (`growth_mm`): the print CSS shares out what the taller sheet adds.
    rows: int = 1
    growth_mm: float = 0.0

    @property
    def style(self) -> str:
        """The `style` attribute that hands the sizes to the print CSS."""
        return (
            f"--sheet-body: {self.body_pt:g}pt; --sheet-drawing: {self.drawing_mm}mm; "
            f"--sheet-rows: {self.rows}; --sheet-growth: {self.growth_mm:.1f}mm"
        )

    @property
    def fills_page(self) -> bool:
        """Whether the routine's rows stretch to the foot of the sheet (FILL_FROM_STEPS)."""
        return self.rows >= FILL_FROM_STEPS

    @property
    def title_style(self) -> str:
        """The title's `style` attribute when it steps down from TITLE_PT to fit one line."""
        return "" if self.title_pt == TITLE_PT else f"--sheet-title: {self.title_pt:g}pt"


def print_sizes_css() -> str:
    """The stylesheet that hands these sizes to the print CSS (`stylesheets/print-sizes.css`)."""
    return (
        f"@page{{margin:{PAGE_MARGIN_MM}mm}}"
        f":root{{--sheet-title:{TITLE_PT:g}pt;--sheet-line:{LINE_HEIGHT:g};"
        f"--sheet-heading:{HEADING_EM:g}em;"
        f"--sheet-address:{ADDRESS_WIDTH_MM}mm;--sheet-page:{PRINTABLE_HEIGHT_MM:g}mm}}"
    )


def choose_sheet(guide: Guide, *, title: str, with_address: bool) -> Sheet:
    """The largest type, then the largest drawings, whose estimated height fits one sheet.

    Drawings keep to DRAWING_FLOOR_MM or more while any type size allows it; below the floor
    only when nothing else fits.
    """
    upright = tick_columns(guide) <= MAX_UPRIGHT_COLUMNS
    above = [(b, d) for b in BODY_PT for d in DRAWING_MM if d >= DRAWING_FLOOR_MM]
    below = [(b, d) for b in BODY_PT for d in DRAWING_MM if d < DRAWING_FLOOR_MM]
    sizes = above + below
    # The title's size and height do not depend on the body's: set once.
    size = title_pt(title)
    title_mm = _lines(title, PRINTABLE_WIDTH_MM, size, bold=True) * size * MM_PER_PT * _LINE_EM
    for body, drawing in sizes:
        estimate = title_mm + _estimate(guide, with_address, body, drawing, upright)
        if estimate <= _BUDGET_MM or (body, drawing) == sizes[-1]:
            break
    # The smallest sizes when nothing fits: the MAX_* limits are set so that never happens.
    growth = growth_mm(guide, body, drawing, upright)
    return Sheet(body, drawing, upright, round(estimate, 1), size, len(guide.steps), growth)


def tick_columns(guide: Guide) -> int:
    """One tick column per side per round (one in all without sides: one round)."""
    return max(1, len(guide.sides)) * guide.rounds


def text_em(text: str, *, bold: bool = False) -> float:
    """How wide `text` is set, in em of its font (margin included)."""
    table = BOLD if bold else REGULAR
    return sum(table.get(character, WIDEST) for character in text) / 1000 * _WIDTH_MARGIN


def _lines(text: str, width_mm: float, pt: float, *, bold: bool = False) -> int:
    """How many lines `text` takes in a column `width_mm` wide, broken between words."""
    mm_per_em = pt * MM_PER_PT
    space = text_em(" ", bold=bold) * mm_per_em
    lines, used = 1, 0.0
    for word in text.split():
        width = text_em(word, bold=bold) * mm_per_em
        if used and used + space + width > width_mm:
            lines, used = lines + 1, width
        else:
            used += (space if used else 0.0) + width
    return lines


def title_pt(title: str) -> float:
    """The checklist title's size: the largest of TITLE_PT_STEPS that sets it on one line."""
    for size in TITLE_PT_STEPS:
        if _lines(title, PRINTABLE_WIDTH_MM, size, bold=True) == 1:
            return size
    return TITLE_PT_STEPS[-1]


def _estimate(
    guide: Guide,
    with_address: bool,
    body: float,
    drawing: int,
    upright: bool,
) -> float:
    """The sheet's height below the title at these sizes."""
    em = body * MM_PER_PT
    heading = HEADING_EM * em * _LINE_EM + 0.5 * em  # a section's h2 and its margins
    height = 0.5 * em
    if guide.cautions:  # "Don't massage if: ..." in one run-in paragraph
        cautions = f"{LEAD} {short_line(guide.cautions)}."
        height += _lines(cautions, PRINTABLE_WIDTH_MM, body) * em * _LINE_EM + 0.4 * em
    height += heading + _supplies_mm(guide, with_address, body)
    height += _grid_mm(guide, body, drawing, upright)
    if guide.warnings:
        height += heading + _warnings_mm(guide, body)
    return height


def _supplies_mm(guide: Guide, with_address: bool, body: float) -> float:
    em = body * MM_PER_PT
    width = PRINTABLE_WIDTH_MM - (_ADDRESS_MM if with_address else 0)
    columns = 2 if len(guide.supplies) > 3 else 1
    text_width = (width - 1.5 * em * (columns - 1)) / columns - 1.8 * em
    items = [
        _lines(f"{s.name}: {s.note}" if s.note else s.name, text_width, body) * em * _LINE_EM
        + 0.2 * em  # the item's padding
        for s in guide.supplies
    ]
    height = _balanced(items, columns)
    address = 25 + 3 * 0.95 * em * _LINE_EM if with_address else 0
    return max(height, address)


def _balanced(heights: list[float], columns: int) -> float:
    """How tall CSS columns set boxes that are never split, in order: the tallest column.

    The browser balances the columns; with boxes kept whole, the best it can do is the
    split of the sequence whose taller part is shortest (one column: the sum).
    """
    if columns == 1 or len(heights) < 2:
        return sum(heights)
    return min(max(sum(heights[:split]), sum(heights[split:])) for split in range(1, len(heights)))


def _grid_mm(guide: Guide, body: float, drawing: float, upright: bool) -> float:
    em = body * MM_PER_PT
    line = em * _LINE_EM
    head, summary_width = _grid_layout(guide, body, drawing, upright)
    rows = sum(
        max(_lines(step.summary, summary_width, body) * line, drawing) + 0.3 * em
        for step in guide.steps
    )
    return head + rows


def growth_mm(guide: Guide, body: float, drawing: float, upright: bool) -> float:
    """How much larger the drawings may be on a taller sheet (A4) than the estimate's (Letter).

    Each row may take its share of the extra height, as long as every row's drawing, not its
    words, sets its height (a drawing that grows narrows the words beside it).
    """
    extra = (A4_PRINTABLE_HEIGHT_MM - PRINTABLE_HEIGHT_MM) / len(guide.steps)
    growth = min(DRAWING_MM[0] - drawing, extra)
    if growth <= 0:
        return 0.0
    line = body * MM_PER_PT * _LINE_EM
    _head, summary_width = _grid_layout(guide, body, drawing + growth, upright)
    if any(_lines(step.summary, summary_width, body) * line > drawing for step in guide.steps):
        return 0.0
    return growth


def _grid_layout(guide: Guide, body: float, drawing: float, upright: bool) -> tuple[float, float]:
    """The grid's head (its height) and the width its step words are set in, in mm."""
    em = body * MM_PER_PT
    line = em * _LINE_EM
    # A column that switches side names its side after an arrow (the template's "→ ").
    names = [side if index == 0 else f"→ {side}" for index, side in enumerate(guide.sides)]
    names = names or [f"Round {guide.rounds}" if guide.rounds > 1 else "Done"]
    if upright:
        # Like the browser's table layout: a column gets its narrowest width (longest word)
        # plus a share of the room left, in proportion to how much wider it could be.
        narrowest = max(text_em(w, bold=True) for n in names for w in n.split()) * em + 0.8 * em
        widest = max(text_em(n, bold=True) for n in names) * em + 0.8 * em
        head = max(_lines(n, narrowest - 0.8 * em, body, bold=True) for n in names) * line
    else:
        narrowest = widest = 2.2 * em
        head = max(text_em(n, bold=True) for n in names) * em + 1.0 * em
    if guide.sides and guide.rounds > 1:
        head += line + 0.6 * em  # the rounds' row above the sides' names
    fixed = 2.0 * em + drawing + 0.8 * em  # the number and the drawing
    room = PRINTABLE_WIDTH_MM - fixed
    columns = tick_columns(guide)
    summary_narrowest = 6 * em
    summary_widest = max(text_em(step.summary) for step in guide.steps) * em + 0.8 * em
    spare = room - columns * narrowest - summary_narrowest
    growth = columns * (widest - narrowest) + (summary_widest - summary_narrowest)
    share = min(1.0, max(spare, 0) / growth) if growth else 0.0
    summary_width = summary_narrowest + share * (summary_widest - summary_narrowest) - 0.8 * em
    if upright and share < 1:
        head = max(head, line)  # names may wrap word by word
    # The grid's corner names the routine and says how to tick it, beside the column heads.
    corner_width = 2.0 * em + summary_width + drawing
    corner = (HEADING_EM + _lines(how_to_tick(guide), corner_width, body)) * line + 0.4 * em
    return max(head + 0.6 * em, corner), summary_width


def how_to_tick(guide: Guide) -> str:
    """The sentence under "The routine" that says how to tick the grid (and its height here)."""
    if not guide.sides:
        return "Tick each step as you finish it."
    first, *others = guide.sides
    sentence = f"Tick down each column: every step on the {first}"
    sentence += "".join(f", then switch to the {side}" for side in others) + "."
    if guide.rounds > 1:
        sentence += f" Then switch back to the {first} and repeat: {guide.rounds} rounds."
    return sentence


def _warnings_mm(guide: Guide, body: float) -> float:
    em = body * MM_PER_PT
    line = em * _LINE_EM
    columns = 2 if len(guide.warnings) > 1 else 1
    width = (PRINTABLE_WIDTH_MM - 1.5 * em * (columns - 1)) / columns - 1.2 * em
    # A box: its lines, its padding and border (0.5 em) and the margin under it (0.3 em).
    heights = [
        _lines(f"{w.title}. {' '.join(w.body.split())}", width, body) * line + 0.8 * em
        for w in guide.warnings
    ]
    return _balanced(heights, columns)

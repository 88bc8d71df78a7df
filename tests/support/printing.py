"""Print a page in Chromium and read the PDF back: sheets, text, and the size of every glyph.

`read_pdf` (pypdf) reads every piece of text with its size, font and height; `read_sheets`
(pypdfium2, about five times faster) each sheet's text and each piece's size, for checks that
need no more (the every-page tour, which prints each page four times). Both find the same
text, sheets, smallest glyph and body size: tests/browser/test_every_page.py reads a printout
of every page both ways.
"""

from __future__ import annotations

import ctypes
import io
import math
from collections import Counter
from dataclasses import dataclass, field

import pypdfium2
from pypdf import PdfReader

from massage_guides.sheet import PAGE_MARGIN_MM

PAPER = ("A4", "Letter")
# The printed pages' margin (the `@page` rule the build writes from the package), in points.
MARGIN_PT = PAGE_MARGIN_MM / 25.4 * 72
CSS_PX_PT = 0.75


@dataclass
class Run:
    """One piece of text as the PDF places it."""

    text: str
    size_pt: float
    font: str
    sheet: int
    # Where its baseline sits, as a fraction of the printable height (0 top, 1 bottom).
    depth: float


@dataclass
class Printout:
    """What came out of the printer."""

    sheets: list[str]
    smallest_glyph_pt: float
    runs: list[Run] = field(default_factory=list)
    data: bytes = b""

    @property
    def text(self) -> str:
        """All the text on every sheet, white space collapsed."""
        return " ".join(" ".join(self.sheets).split())

    @property
    def body_pt(self) -> float:
        """The size most of the characters are printed at."""
        weights: Counter[float] = Counter()
        for run in self.runs:
            weights[round(run.size_pt, 1)] += len(run.text.strip())
        return weights.most_common(1)[0][0]

    @property
    def largest(self) -> Run:
        """The run printed largest (the title)."""
        return max(self.runs, key=lambda run: run.size_pt)

    @property
    def lowest_depth(self) -> float:
        """How far down the printable height the lowest text's baseline sits."""
        return max(run.depth for run in self.runs)


def print_pdf(page, paper: str) -> Printout:
    """Print the current page as a reader would (print media, the page's own margins)."""
    return read_pdf(page.pdf(format=paper, print_background=True))


def read_pdf(data: bytes) -> Printout:
    """Text of each sheet, and the size, font and height of every piece of text."""
    reader = PdfReader(io.BytesIO(data))
    runs: list[Run] = []
    sheets = []
    for number, sheet in enumerate(reader.pages):
        height = float(sheet.mediabox.height)

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            font: object,
            size: float,
            number: int = number,
            height: float = height,
        ) -> None:
            if not text.strip():
                return
            name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
            if cm[0] == 0 and cm[3] == 0:
                # Turned text (the standing column heads): pypdf hands over only the turn's
                # own matrix, not the page's; Chromium draws 0.75 pt per CSS pixel.
                runs.append(Run(text, size * _scale(tm) * CSS_PX_PT, name, number, 0.0))
                return
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            depth = (height - MARGIN_PT - y) / (height - 2 * MARGIN_PT)
            runs.append(Run(text, size * _scale(tm) * _scale(cm), name, number, depth))

        sheets.append(sheet.extract_text(visitor_text=visit))
    smallest = min((run.size_pt for run in runs), default=0.0)
    return Printout(sheets, smallest, runs, data)


def print_sheets(page, paper: str) -> Printout:
    """Print like `print_pdf`, read with `read_sheets`."""
    return read_sheets(page.pdf(format=paper, print_background=True))


def read_sheets(data: bytes) -> Printout:
    """Each sheet's text, and the size of every piece of text, as `read_pdf` finds them.

    A piece is what the PDF draws as one text object; its font and height are not read.
    """
    pdfium = pypdfium2.raw
    document = pypdfium2.PdfDocument(data)
    sheets = []
    runs: list[Run] = []
    matrix = pdfium.FS_MATRIX()
    try:
        for number, sheet in enumerate(document):
            text = sheet.get_textpage()
            # pdfium marks a hyphen that ends a line (U+FFFE) and joins the lines: as printed.
            sheets.append(text.get_text_range().replace("\ufffe", "-\n"))
            piece: int | None = None
            chars: list[str] = []
            size = 0.0
            for index in range(text.count_chars()):
                if pdfium.FPDFText_IsGenerated(text, index):
                    continue  # a space or line break pdfium adds, not printed
                char = chr(pdfium.FPDFText_GetUnicode(text, index))
                owner = ctypes.cast(pdfium.FPDFText_GetTextObject(text, index), ctypes.c_void_p)
                if owner.value != piece:
                    runs.append(Run("".join(chars), size, "", number, 0.0))
                    piece, chars, size = owner.value, [], 0.0
                chars.append(char)
                if not size and not char.isspace():
                    # The font size, times how much the glyph's matrix scales it (turned or not).
                    pdfium.FPDFText_GetMatrix(text, index, matrix)
                    scale = _scale([matrix.a, matrix.b, matrix.c, matrix.d])
                    size = pdfium.FPDFText_GetFontSize(text, index) * scale
            runs.append(Run("".join(chars), size, "", number, 0.0))
            text.close()
            sheet.close()
    finally:
        document.close()
    runs = [run for run in runs if run.text.strip()]
    smallest = min((run.size_pt for run in runs), default=0.0)
    return Printout(sheets, smallest, runs, data)


def _scale(matrix: list[float]) -> float:
    """How much a PDF transformation matrix [a b c d e f] scales a glyph (turned or not)."""
    return math.sqrt(abs(matrix[0] * matrix[3] - matrix[1] * matrix[2]))

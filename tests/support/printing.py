"""Print a page in Chromium and read the PDF back: sheets, text, and the size of every glyph.

Printouts are read with pypdfium2 (`read_sheets`): each sheet's text, and every piece of
text with its size, font and height. pypdf (`read_pdf`), several times slower, reads the same
from the PDF's own text operators: tests/browser/test_every_page.py reads a printout of every
page both ways and checks they agree, so that neither reader's quirks pass unseen.
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
    return read_sheets(page.pdf(format=paper, print_background=True))


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


def read_sheets(data: bytes) -> Printout:
    """Each sheet's text, and the size, font and height of every piece of text, as `read_pdf`.

    A piece is a stretch of glyphs in one font and size on one baseline (pdfium hands over
    glyphs, not the PDF's text operators that pypdf reads).
    """
    pdfium = pypdfium2.raw
    document = pypdfium2.PdfDocument(data)
    sheets = []
    runs: list[Run] = []
    matrix = pdfium.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    name = ctypes.create_string_buffer(256)
    try:
        for number, sheet in enumerate(document):
            height = sheet.get_height()
            text = sheet.get_textpage()
            # pdfium marks a hyphen that ends a line (U+FFFE) and joins the lines: as printed.
            sheets.append(text.get_text_range().replace("\ufffe", "-\n"))
            run = Run("", 0.0, "", number, 0.0)
            baseline = math.nan
            for index in range(text.count_chars()):
                char = chr(pdfium.FPDFText_GetUnicode(text, index))
                if pdfium.FPDFText_IsGenerated(text, index) or char.isspace():
                    run.text += " "  # a space or line break, printed or added by pdfium
                    continue
                # The font size, times how much the glyph's matrix scales it (turned or not).
                pdfium.FPDFText_GetMatrix(text, index, matrix)
                size = pdfium.FPDFText_GetFontSize(text, index) * _scale(
                    [matrix.a, matrix.b, matrix.c, matrix.d]
                )
                pdfium.FPDFText_GetFontInfo(text, index, name, len(name), None)
                font = "/" + name.value.decode("ascii", "replace")
                pdfium.FPDFText_GetCharOrigin(text, index, ctypes.byref(x), ctypes.byref(y))
                turned = matrix.a == 0 and matrix.d == 0
                if (
                    font != run.font
                    or abs(size - run.size_pt) > 0.01
                    or (not turned and abs(y.value - baseline) > 0.5)
                ):
                    runs.append(run)
                    # Turned text (the standing column heads) has no depth, as in read_pdf.
                    depth = (
                        0.0 if turned else (height - MARGIN_PT - y.value) / (height - 2 * MARGIN_PT)
                    )
                    run = Run("", size, font, number, depth)
                    baseline = y.value
                run.text += char
            runs.append(run)
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

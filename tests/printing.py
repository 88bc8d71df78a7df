"""Print a page in Chromium and read the PDF back: sheets, text, and the size of every glyph."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from pypdf import PdfReader

PAPER = ("A4", "Letter")


@dataclass
class Printout:
    """What came out of the printer."""

    sheets: list[str]
    smallest_glyph_pt: float

    @property
    def text(self) -> str:
        """All the text on every sheet, white space collapsed."""
        return " ".join(" ".join(self.sheets).split())


def print_pdf(page, paper: str) -> Printout:  # type: ignore[no-untyped-def]
    """Print the current page as a reader would (print media, the page's own margins)."""
    return read_pdf(page.pdf(format=paper, print_background=True))


def read_pdf(data: bytes) -> Printout:
    """Text of each sheet and the smallest rendered glyph, in points."""
    reader = PdfReader(io.BytesIO(data))
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.append(size * _scale(tm) * _scale(cm))

    sheets = [sheet.extract_text(visitor_text=visit) for sheet in reader.pages]
    return Printout(sheets, min(sizes) if sizes else 0.0)


def _scale(matrix: list[float]) -> float:
    """Vertical scale of a PDF transformation matrix [a b c d e f]."""
    return math.hypot(matrix[2], matrix[3])

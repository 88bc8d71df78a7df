"""Every step drawing at phone width in both palettes, side by side on one contact sheet.

Whether a hand looks like a hand is for eyes: the sheet (`readme/drawings.png`, rewritten with
UPDATE_README_IMAGE=1) lets anyone see every drawing at once. The test asserts what a machine
can: each drawing is on screen with lines (ink) and a shaded area (tint) in each palette.
"""

from __future__ import annotations

import io
import os
import re
from html import escape
from pathlib import Path

import pytest

from tests.builds.test_figures import PHONE, contrast, drawings, step_urls
from tests.support.browser import new_context
from tests.support.pages import page_file
from tests.support.site import REPO

pytestmark = pytest.mark.browser

README_IMAGE = REPO / "readme" / "drawings.png"
DOCS = REPO / "docs"
# Both palettes, each at a phone's width, as Material marks them on <body>.
PALETTES = {"light": "default", "dark": "slate"}
WIDTH = 360
# Ink: the lines, at least 3:1 with the ground. Tint: the shaded area, visibly off the ground
# but lighter than a line. Each at least this share of the drawing's pixels.
MIN_SHARE = 0.01


def _stylesheets(site: Path) -> str:
    """The CSS a step page links (Material's and this site's), in order, inlined."""
    html = page_file(site, step_urls()[0]).read_text(encoding="utf-8")
    hrefs = re.findall(r'<link rel="stylesheet" href="(?:\.\./)*([^"]+)"', html)
    assert hrefs
    return "\n".join((site / href).read_text(encoding="utf-8") for href in hrefs)


def _sheet(site: Path) -> str:
    """Each drawing on a phone-wide strip of each palette, light beside dark, two to a row."""
    cells = "".join(
        f'<div class="sheet__cell" data-palette="{name}" data-md-color-scheme="{scheme}"'
        ' data-md-color-primary="custom" data-md-color-accent="deep-orange">'
        f'<div class="md-typeset"><figure class="step-figure" data-drawing="{label}">'
        f"{path.read_text(encoding='utf-8')}<figcaption>{label} ({name})</figcaption>"
        "</figure></div></div>"
        for path in drawings()
        for label in [escape(path.relative_to(DOCS).as_posix())]
        for name, scheme in PALETTES.items()
    )
    layout = (
        f".sheet {{ display: grid; grid-template-columns: repeat(4, {WIDTH}px); }}"
        ".sheet__cell { box-sizing: border-box; padding: 0.8rem;"
        " background: var(--md-default-bg-color); color: var(--md-typeset-color); }"
    )
    return (
        f"<!doctype html><html><head><style>{_stylesheets(site)}</style>"
        f'<style>{layout}</style></head><body><div class="sheet">{cells}</div></body></html>'
    )


def _shares(png: bytes, ground: tuple[int, ...]) -> tuple[float, float]:
    """The shares of ink and of tint among a screenshot's pixels."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    pixels = image.getcolors(maxcolors=image.width * image.height) or []
    ink = tint = 0
    for count, colour in pixels:
        pixel = tuple(int(c) for c in colour) if isinstance(colour, tuple) else (int(colour),) * 3
        ratio = contrast(pixel, ground)
        if ratio >= 3:
            ink += count
        elif ratio >= 1.15 or max(abs(a - b) for a, b in zip(pixel, ground, strict=True)) > 24:
            tint += count
    total = image.width * image.height
    return ink / total, tint / total


def test_every_drawing_shows_lines_and_a_shaded_area_in_both_palettes(site: Path, browser):
    assert drawings()
    context = new_context(browser, viewport={"width": WIDTH * 4, "height": PHONE["height"]})
    page = context.new_page()
    try:
        page.set_content(_sheet(site))
        found = {}
        for cell in page.locator(".sheet__cell").all():
            ground = cell.evaluate(
                "el => getComputedStyle(el).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)"
            )
            label = (
                cell.get_attribute("data-palette"),
                cell.locator("figure").get_attribute("data-drawing"),
            )
            svg = cell.locator("figure > svg")
            box = svg.bounding_box()
            assert box is not None and 200 <= box["width"] <= WIDTH, (label, box)
            found[label] = _shares(svg.screenshot(), tuple(ground))
        assert len(found) == len(PALETTES) * len(drawings())
        faint = {key: shares for key, shares in found.items() if min(shares) < MIN_SHARE}
        assert faint == {}, "drawings without ink or tint (ink, tint shares)"
        sheet = page.screenshot(full_page=True)
        if os.environ.get("UPDATE_README_IMAGE") == "1":
            _write_readme_image(sheet)
    finally:
        context.close()


def _write_readme_image(png: bytes) -> None:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    buffer = io.BytesIO()
    image.quantize(colors=32).save(buffer, format="PNG", optimize=True)
    README_IMAGE.write_bytes(buffer.getvalue())

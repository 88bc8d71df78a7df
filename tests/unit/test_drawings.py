"""A step drawing cut to its first panel (massage_guides.drawings)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from massage_guides.drawings import first_panel

DOCS = Path(__file__).resolve().parents[2] / "docs"
SVG = "{http://www.w3.org/2000/svg}"

PANELS = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 200" data-first-panel="0 0 180 200"'
    ' role="img" aria-labelledby="t"><title id="t">Two moves</title>'
    '<defs><path id="h" d="M0 0L1 1"/></defs>'
    '<g class="step-figure__panel"><use href="#h"/></g>'
    '<g class="step-figure__panel"><circle r="4"/></g></svg>'
)


def test_first_panel_keeps_the_first_panel_and_its_box() -> None:
    root = ET.fromstring(first_panel(PANELS))
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 180 200"
    assert root.get("data-first-panel") is None
    panels = root.findall(f"{SVG}g")
    assert len(panels) == 1 and panels[0].find(f"{SVG}use") is not None
    # What the first panel refers to and what names it stay.
    assert root.find(f"{SVG}defs/{SVG}path") is not None
    assert root.find(f"{SVG}title") is not None and root.get("role") == "img"


def test_first_panel_writes_svg_without_a_namespace_prefix() -> None:
    assert first_panel(PANELS).startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "ns0:" not in first_panel(PANELS)


def test_a_drawing_of_one_panel_comes_back_unchanged() -> None:
    one = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0"/></svg>'
    assert first_panel(one) == one


@pytest.mark.parametrize(
    "text",
    [
        "<svg",
        PANELS.replace('data-first-panel="0 0 180 200"', 'data-first-panel="left"'),
        PANELS.replace('data-first-panel="0 0 180 200"', 'data-first-panel="0 0 0 200"'),
    ],
)
def test_a_broken_drawing_or_box_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        first_panel(text)


@pytest.mark.parametrize(
    "path", sorted(DOCS.glob("*/images/*.svg")), ids=lambda path: path.relative_to(DOCS).as_posix()
)
def test_every_drawing_has_a_first_panel_inside_its_viewbox(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    x, y, width, height = (float(n) for n in root.get("viewBox", "").split())
    panels = [g for g in root if "step-figure__panel" in (g.get("class") or "").split()]
    box = root.get("data-first-panel")
    # Panels and the mark come together: several panels need the mark, the mark needs panels.
    assert (box is None) == (len(panels) == 0), path
    assert len(panels) <= 3, path
    if box is not None:
        px, py, pw, ph = (float(n) for n in box.split())
        assert x <= px and y <= py and px + pw <= x + width and py + ph <= y + height, path
        assert ET.fromstring(first_panel(text)).get("viewBox") == box

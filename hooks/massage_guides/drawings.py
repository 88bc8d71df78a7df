"""A step drawing's panels: a drawing of several moves, cut to its first for small places.

A step drawing (`docs/<guide>/images/step-N.svg`) with one move per panel groups each panel
in `<g class="step-figure__panel">`, in the order of the text, and names the first panel's
box on its `<svg>`: `data-first-panel="0 0 180 200"` (x y width height, in the viewBox's
units). The first panel reads on its own: the home page's cards show only it, as may any
other small copy (`first_panel`). A drawing without the mark is one panel, shown whole.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
FIRST_PANEL = "data-first-panel"
PANEL_CLASS = "step-figure__panel"

# Written back without a prefix (`<svg xmlns=...>`, not `<ns0:svg>`), as the files are.
ET.register_namespace("", SVG_NAMESPACE)


def first_panel(svg_text: str) -> str:
    """The drawing cut to its first panel: its viewBox that panel's box, the other panels gone.

    A drawing without `data-first-panel` comes back unchanged. Raises `ValueError` when the
    text is not well-formed SVG or the box is not four numbers.
    """
    try:
        root = ET.fromstring(svg_text)
    except ET.ParseError as error:
        raise ValueError(f"not well-formed SVG: {error}") from None
    box = root.get(FIRST_PANEL)
    if box is None:
        return svg_text
    if not _is_box(box):
        raise ValueError(f"{FIRST_PANEL}={box!r} is not 'x y width height'")
    root.set("viewBox", box)
    del root.attrib[FIRST_PANEL]
    panels = [child for child in root if PANEL_CLASS in (child.get("class") or "").split()]
    for panel in panels[1:]:
        root.remove(panel)
    return ET.tostring(root, encoding="unicode")


def _is_box(box: str) -> bool:
    parts = box.replace(",", " ").split()
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        return False
    return len(numbers) == 4 and numbers[2] > 0 and numbers[3] > 0

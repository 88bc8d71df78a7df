"""Every step has a picture: an inline, labelled line drawing that reads on a phone, light or dark.

The drawings are SVG files in `docs/<guide>/images/`, inlined into the step pages (and so into
each guide's print document) by pymdownx.snippets, so their lines take the text colour.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from PIL import Image

from tests.support.browser import new_context
from tests.support.pages import lacks_drawings, page_file, step_page_lacks_drawing
from tests.support.site import REPO, guides_in

DOCS = REPO / "docs"
SVG_NS = "{http://www.w3.org/2000/svg}"
MAX_SVG_BYTES = 10 * 1024
PHONE = {"width": 390, "height": 844}
# WCAG 2 non-text contrast (1.4.11): lines that carry meaning need 3:1 against what is behind.
MIN_CONTRAST = 3.0
# On paper a figure stays small (the print CSS caps it at 3.5 cm; 96 CSS px to the inch).
PRINT_MAX_HEIGHT_PX = 3.5 / 2.54 * 96 + 1


def step_urls() -> list[str]:
    """`foot-massage/step-1/` and so on, for every step page of every guide."""
    return sorted(
        f"{path.parent.name}/{path.stem}/"
        for path in DOCS.glob("*/step-*.md")
        if (path.parent / "index.md").is_file()
    )


def without_drawing(site: Path, urls: list[str]) -> list[str]:
    """The steps (`step-2`) among these step pages that have no drawing."""
    return [
        url.strip("/").split("/")[-1]
        for url in urls
        if not any(figure.svgs for figure in read_figures(page_file(site, url)).figures)
    ]


def drawings() -> list[Path]:
    return sorted(DOCS.glob("*/images/*.svg"))


@dataclass
class Figure:
    """One <figure> of a page: its inline SVGs and its caption."""

    svgs: list[dict[str, str]] = field(default_factory=list)
    caption: str = ""


class _Figures(HTMLParser):
    """Collects a page's figures, the text of every element with an id, and all ids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.figures: list[Figure] = []
        self.ids: list[str] = []
        self.titles: dict[str, str] = {}
        self._figure: Figure | None = None
        self._in_caption = False
        self._title_id: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "figure":
            self._figure = Figure()
            self.figures.append(self._figure)
        elif tag == "svg" and self._figure is not None:
            self._figure.svgs.append(attributes)
        elif tag == "figcaption":
            self._in_caption = True
        elif tag == "title" and "id" in attributes:
            self._title_id = attributes["id"]
            self.titles[self._title_id] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure":
            self._figure = None
        elif tag == "figcaption":
            self._in_caption = False
        elif tag == "title":
            self._title_id = None

    def handle_data(self, data: str) -> None:
        if self._in_caption and self._figure is not None:
            self._figure.caption += data
        if self._title_id is not None:
            self.titles[self._title_id] += data


def read_figures(path: Path) -> _Figures:
    parser = _Figures()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_guide_has_step_pages_to_illustrate() -> None:
    steps = {
        step.src_uri.removesuffix(".md") + "/" for guide in guides_in() for step in guide.steps
    }
    assert steps
    assert set(step_urls()) == steps


@pytest.mark.parametrize("url", step_urls())
def test_every_step_has_a_labelled_inline_drawing_and_a_caption(site: Path, url: str) -> None:
    page = read_figures(page_file(site, url))
    figures = [figure for figure in page.figures if figure.svgs]
    assert figures, step_page_lacks_drawing(url)
    assert len(figures) == 1, f"{url}: {len(figures)} figures with a drawing"
    figure = figures[0]
    (svg,) = figure.svgs
    assert svg.get("role") == "img"
    label = svg.get("aria-labelledby", "")
    assert label, f"{url}: the drawing has no aria-labelledby"
    name = " ".join(page.titles.get(ident, "") for ident in label.split()).strip()
    assert len(name) >= 20, f"{url}: accessible name {name!r}"
    assert not re.search(r"\b(image|picture|step-\d+\.svg)\b", name, re.IGNORECASE), name
    assert figure.caption.strip(), f"{url}: empty figcaption"
    duplicates = {ident for ident, count in Counter(page.ids).items() if count > 1}
    assert duplicates == set(), f"{url}: ids used twice"


@pytest.mark.parametrize("guide", sorted({url.split("/")[0] for url in step_urls()}))
def test_print_document_holds_every_drawing_with_unique_ids(site: Path, guide: str) -> None:
    page = read_figures(site / guide / "print" / "index.html")
    steps = [url for url in step_urls() if url.startswith(f"{guide}/")]
    if missing := without_drawing(site, steps):
        raise AssertionError(lacks_drawings(guide, missing))
    assert len([figure for figure in page.figures if figure.svgs]) == len(steps), guide
    duplicates = {ident for ident, count in Counter(page.ids).items() if count > 1}
    assert duplicates == set()


def test_checklist_shows_each_step_drawing_once_hidden_from_screen_readers(site: Path) -> None:
    # The checklist's grid carries a small copy of every step's drawing beside its summary,
    # which says the same: the copy is decoration there (aria-hidden), and no caption repeats.
    for guide in {url.split("/")[0] for url in step_urls()}:
        checklist = (site / guide / "checklist" / "index.html").read_text(encoding="utf-8")
        steps = [url for url in step_urls() if url.startswith(f"{guide}/")]
        copies = checklist.count('<span class="checklist__figure" aria-hidden="true"><svg')
        if missing := without_drawing(site, steps):
            raise AssertionError(lacks_drawings(guide, missing))
        assert copies == len(steps), guide
        assert 'class="step-figure"' not in checklist and "<figcaption" not in checklist, guide


@pytest.mark.parametrize("path", drawings(), ids=lambda path: path.relative_to(DOCS).as_posix())
def test_drawing_is_small_well_formed_svg_that_follows_the_palette(path: Path) -> None:
    assert path.stat().st_size <= MAX_SVG_BYTES
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox")
    # Lines in the text colour; no colour written into the drawing except the hands' fallback.
    assert root.get("stroke") == "currentColor"
    text = path.read_text(encoding="utf-8")
    assert set(re.findall(r"#[0-9a-fA-F]{3,6}\b", text)) <= {"#fff"}
    # Inlined into Markdown: a blank line would end the HTML block.
    assert "\n\n" not in text.strip()
    title = root.find(f"{SVG_NS}title")
    assert title is not None and (title.text or "").strip()
    assert root.get("aria-labelledby") == title.get("id")
    # `foot-step-1-…`: ids stay unique when a guide's drawings share its print document.
    prefix = f"{path.parent.parent.name.split('-')[0]}-{path.stem}-"
    ids = [element.get("id") or "" for element in root.iter() if element.get("id")]
    assert ids and all(ident.startswith(prefix) for ident in ids), (prefix, ids)
    # Text in a drawing would print below 9 pt once the figure is shrunk for paper.
    assert root.find(f".//{SVG_NS}text") is None


def test_drawing_ids_are_unique_across_the_site() -> None:
    """All of a guide's drawings end up on one page in its print document."""
    ids = [
        element.get("id")
        for path in drawings()
        for element in ET.parse(path).getroot().iter()
        if element.get("id")
    ]
    assert ids
    assert len(ids) == len(set(ids)), Counter(ids).most_common(3)


# Colour ------------------------------------------------------------------------------------------

Rgba = tuple[float, float, float, float]


def parse_colour(css: str) -> Rgba:
    """`rgb(r, g, b)` or `rgba(r, g, b, a)` as Chromium computes it."""
    numbers = [float(part) for part in re.findall(r"[\d.]+", css)]
    assert css.startswith("rgb") and len(numbers) in (3, 4), css
    return (numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) == 4 else 1.0)


def over(top: Rgba, ground: Rgba) -> Rgba:
    """A see-through colour painted over an opaque ground."""
    alpha = top[3]
    r, g, b = (alpha * top[i] + (1 - alpha) * ground[i] for i in range(3))
    return (r, g, b, 1.0)


def luminance(colour: Rgba | tuple[int, ...]) -> float:
    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(float(channel)) for channel in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Rgba | tuple[int, ...], b: Rgba | tuple[int, ...]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_matches_wcag_examples() -> None:
    assert contrast((0, 0, 0, 1), (255, 255, 255, 1)) == pytest.approx(21)
    assert contrast((118, 118, 118, 1), (255, 255, 255, 1)) == pytest.approx(4.54, abs=0.01)


# Screenshots -------------------------------------------------------------------------------------


def screen_pixels(png: bytes) -> tuple[int, int, Counter[tuple[int, ...]]]:
    """Width, height and how many pixels of each RGB colour a screenshot holds (Pillow)."""
    with Image.open(io.BytesIO(png)) as image:
        rgb = image.convert("RGB")
    width, height = rgb.size
    counts: Counter[tuple[int, ...]] = Counter()
    for count, colour in rgb.getcolors(maxcolors=width * height) or []:
        assert isinstance(colour, tuple)  # an RGB image's colours are (r, g, b)
        counts[colour] = count
    return width, height, counts


_COLOURS = """figure => {
    const svg = figure.querySelector('svg');
    const line = [...svg.querySelectorAll('*')].find(el => {
        const style = getComputedStyle(el);
        return style.stroke !== 'none' && parseFloat(style.strokeWidth) > 0
            && !el.closest('defs, title');
    });
    const area = svg.querySelector('.step-figure__area');
    let ground = 'rgba(0, 0, 0, 0)';
    for (let el = figure; el; el = el.parentElement) {
        const colour = getComputedStyle(el).backgroundColor;
        if (!colour.endsWith(', 0)') && colour !== 'transparent') { ground = colour; break; }
    }
    const areaStyle = area && getComputedStyle(area);
    return {
        stroke: getComputedStyle(line).stroke,
        ground,
        area: areaStyle ? [areaStyle.fill, +areaStyle.fillOpacity] : null,
    };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_drawings_fit_a_phone_and_their_lines_stand_out(
    site_url: str, browser, scheme: str
) -> None:
    context = new_context(browser, color_scheme=scheme, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        for url in step_urls():
            page.goto(urljoin(site_url, url))
            assert page.get_attribute("body", "data-md-color-scheme") == (
                "slate" if scheme == "dark" else "default"
            )
            figure = page.locator("article figure:has(svg[role=img])")
            assert figure.count(), step_page_lacks_drawing(url)
            assert figure.count() == 1, url
            figure.scroll_into_view_if_needed()
            box = figure.bounding_box()
            assert box is not None, url
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (url, box)
            drawing = figure.locator("svg").bounding_box()
            assert drawing is not None and drawing["width"] >= 200, (url, drawing)
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], url

            colours = figure.evaluate(_COLOURS)
            ground = parse_colour(colours["ground"])
            assert ground[3] == 1, (url, colours)
            stroke = over(parse_colour(colours["stroke"]), ground)
            assert contrast(stroke, ground) >= MIN_CONTRAST, (url, scheme, colours)
            # Lines drawn over the shaded area stand out from it too.
            assert colours["area"], url
            fill, opacity = colours["area"]
            area_fill = parse_colour(fill)
            shaded = over((*area_fill[:3], area_fill[3] * opacity), ground)
            assert contrast(stroke, shaded) >= MIN_CONTRAST, (url, scheme, colours)

            # What is really on screen: the drawing's own pixels, against the page's ground.
            width, height, counts = screen_pixels(figure.locator("svg").screenshot())
            background = counts.most_common(1)[0][0]
            assert contrast(background, ground) < 1.1, (url, background, ground)
            ink = sum(
                count
                for pixel, count in counts.items()
                if contrast(pixel, background) >= MIN_CONTRAST
            )
            assert ink >= 0.01 * width * height, (url, scheme, ink)
    finally:
        context.close()


@pytest.mark.browser
def test_drawings_are_small_beside_the_text_on_paper(site: Path, site_url: str, page) -> None:
    guides = sorted({url.split("/")[0] for url in step_urls()})
    assert guides
    for guide in guides:
        steps = [url for url in step_urls() if url.startswith(f"{guide}/")]
        page.emulate_media(media="screen")
        page.goto(urljoin(site_url, f"{guide}/print/"))
        page.emulate_media(media="print")
        sizes = page.locator("figure.step-figure").evaluate_all(
            """figures => figures.map(figure => [
                getComputedStyle(figure).float,
                figure.querySelector('svg').getBoundingClientRect().height,
            ])"""
        )
        if missing := without_drawing(site, steps):
            raise AssertionError(lacks_drawings(guide, missing))
        assert len(sizes) == len(steps), guide
        for float_, height in sizes:
            assert float_ in ("right", "left"), guide
            assert 0 < height <= PRINT_MAX_HEIGHT_PX, guide

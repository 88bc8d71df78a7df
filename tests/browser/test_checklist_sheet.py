"""The printed checklist uses one whole sheet, for every real guide and for guides at the edges.

The edges are the size rules the README promises (`model.MAX_*`): generated guides from
1 step and 1 supply up to 10 steps, 8 supplies, 3 sides, 4 rounds and 4 checklist warnings,
every text as long as allowed. All of them build into one site, once for this module.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from massage_guides import sheet
from massage_guides.model import load_site
from tests.support.browser import new_context
from tests.support.guide_factory import EDGE_GUIDES, write_checklist_guide
from tests.support.pages import lacks_drawings, normalise
from tests.support.printing import PAPER, Printout, print_pdf
from tests.support.server import serve
from tests.support.site import REPO, build_site, copy_docs
from tests.support.tour import SCHEMES

pytestmark = pytest.mark.browser

EDGES = EDGE_GUIDES
# The real guides, found in docs/ (a folder whose index.md has `supplies`).
REAL = sorted(
    path.parent.name
    for path in (REPO / "docs").glob("*/index.md")
    if "\nsupplies:" in path.read_text(encoding="utf-8")
)
README_IMAGE = REPO / "readme" / "checklist-foot-massage.png"


@pytest.fixture(scope="module")
def sheet_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real guides plus the edge guides, built once."""
    root = tmp_path_factory.mktemp("sheets")
    docs = copy_docs(root)
    for slug, size in EDGES.items():
        write_checklist_guide(docs, slug, **size)
    return build_site(root / "site", docs)


@pytest.fixture(scope="module")
def sheet_url(sheet_site: Path) -> Iterator[str]:
    with serve(sheet_site) as server:
        yield server.url


def _guides(site_docs: Path) -> dict[str, object]:
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    config = load_config(str(REPO / "mkdocs.yml"), docs_dir=str(site_docs))
    return dict(load_site(get_files(config), config).guides)


@pytest.fixture(scope="module")
def guides(sheet_site: Path) -> dict[str, object]:
    return _guides(sheet_site.parent / "docs")


def _check_sheet(printout: Printout, guide, slug: str, label: str) -> None:
    assert len(printout.sheets) == 1, f"{label}: {len(printout.sheets)} sheets"
    assert printout.smallest_glyph_pt >= 10.0 - 0.05, f"{label}: {printout.smallest_glyph_pt} pt"
    if len(guide.steps) >= sheet.FILL_FROM_STEPS:
        # The sheet is used: text reaches its foot (a smaller guide, its drawings at their
        # largest, may leave the foot blank: checked by the caller).
        assert printout.lowest_depth >= 0.85, f"{label}: lowest text at {printout.lowest_depth:.0%}"
    text = printout.text.replace("- ", "")
    assert f"Checklist: {guide.title}" in " ".join(text.split()), f"{label}: title missing"
    for step in guide.steps:
        assert " ".join(step.summary.split()) in text, f"{label}: step {step.number} missing"
    for supply in guide.supplies:
        assert supply.name in text, f"{label}: {supply.name} missing"
        assert " ".join(supply.note.split()) in text, f"{label}: note of {supply.name} missing"
    for warning in guide.warnings:
        assert warning.title in text, f"{label}: warning {warning.title} missing"
    for side in guide.sides:
        assert side in text, f"{label}: side {side} missing"
    # One run-in line names every caution, in a few words, with no links or addresses.
    line = normalise(text)
    assert "Don't massage if:" in line, f"{label}: cautions line missing"
    for caution in guide.cautions:
        assert caution.name.lower() in line.lower(), f"{label}: caution {caution.name} missing"
        for source in caution.sources:
            assert urlsplit(source.url).netloc not in line, f"{label}: an address on the sheet"
    assert "Clear all" not in text and "Undo" not in text, f"{label}: buttons on paper"
    title = next(run for run in printout.runs if "Checklist:" in run.text)
    # Bold and on one line, its size stepped down from 22 pt (at least 16) until it fits one.
    assert " ".join(title.text.split()) == f"Checklist: {guide.title}", f"{label}: {title}"
    assert title.size_pt >= sheet.TITLE_PT_STEPS[-1] - 0.05, f"{label}: title {title}"
    assert "Bold" in title.font, f"{label}: title {title}"


@pytest.fixture(scope="module")
def sheet_tabs(browser) -> Iterator[dict[str, object]]:
    """A tab per palette for this module's checklists, each loaded afresh (no ticks kept)."""
    contexts = {scheme: new_context(browser, color_scheme=scheme) for scheme in SCHEMES}
    yield {scheme: context.new_page() for scheme, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("slug", [*REAL, *EDGES])
def test_checklist_prints_on_one_full_sheet_in_both_palettes_and_papers(
    sheet_url: str, sheet_tabs, guides, slug: str
) -> None:
    guide = guides[slug]
    for scheme in SCHEMES:
        page = sheet_tabs[scheme]
        page.emulate_media(media="null")  # the screen, as a new tab has it
        page.goto(urljoin(sheet_url, f"{slug}/checklist/"))
        for paper in PAPER:
            printout = print_pdf(page, paper)
            _check_sheet(printout, guide, slug, f"{slug} {paper} {scheme}")
            if slug in REAL:
                # Arm's length on the real guides: body text of 12 pt or more.
                assert printout.body_pt >= 12, f"{slug} {paper} {scheme}: {printout.body_pt}"
            if slug == "foot-massage" and paper == "A4" and scheme == "light":
                _picture_for_the_readme(printout)
        page.emulate_media(media="print")
        colours = page.evaluate(
            """() => [getComputedStyle(document.querySelector('article h1')).color,
                      getComputedStyle(document.querySelector('.checklist__summary')).color]"""
        )
        assert colours == ["rgb(0, 0, 0)", "rgb(0, 0, 0)"], (scheme, colours)
        for paper, size in PAPER_CSS.items():
            page.set_viewport_size(size)
            _check_paper_layout(page, guide, f"{slug} {paper} {scheme}")


# The printable area of each paper in CSS px (the `@page` margin off each side): the page is
# laid out at this size when printed, so print emulation at it measures what prints.
PAPER_CSS = {
    paper: {
        "width": round((width - 2 * sheet.PAGE_MARGIN_MM) / 25.4 * 96),
        "height": round((height - 2 * sheet.PAGE_MARGIN_MM) / 25.4 * 96),
    }
    for paper, (width, height) in {"A4": (210, 297), "Letter": (215.9, 279.4)}.items()
}

# Ink on paper: black, white or a grey, nothing else (no accent colour).
GREYS_ONLY = r"""els => els.flatMap(el => {
    const style = getComputedStyle(el), after = getComputedStyle(el, '::after');
    return [style.color, style.borderTopColor, style.backgroundColor, after.color];
}).filter(colour => {
    const [r, g, b, a = 1] = colour.match(/[\d.]+/g).map(Number);
    return a > 0 && !(r === g && g === b);
})"""


def _check_paper_layout(page, guide, label: str) -> None:
    """Rows read from their top, drawings large enough to make out, warnings black on white."""
    rows = page.eval_on_selector_all(
        ".checklist__grid tbody tr",
        """rows => rows.map(row => {
            const box = row.getBoundingClientRect();
            const tops = [...row.querySelectorAll('th, .checklist__number, svg, input')]
                .map(el => el.getBoundingClientRect().top);
            // Where its content ends: the words' last line, the drawing, the boxes.
            const words = document.createRange();
            words.selectNodeContents(row.querySelector('th'));
            const ends = [words, ...row.querySelectorAll('svg, input')]
                .map(el => el.getBoundingClientRect().bottom);
            return [box.top, box.height, Math.max(...tops), Math.max(...ends)];
        })""",
    )
    for top, height, lowest, end in rows:
        assert lowest - top <= height / 2, f"{label}: a row's content sits low in its row"
        # The sheet is used by what is on it: no row is mostly an empty band.
        band = top + height - end
        assert band <= height / 4, f"{label}: a row {band / height:.0%} empty"
    drawings = page.eval_on_selector_all(
        ".checklist__figure svg", "svgs => svgs.map(svg => svg.getBoundingClientRect().height)"
    )
    millimetres = [px / 96 * 25.4 for px in drawings]
    if guide.slug in REAL:
        assert millimetres, f"{label}: {lacks_drawings(guide.slug)}"
        assert min(millimetres) >= 25 - 0.5, f"{label}: drawings {millimetres}"
    if len(guide.steps) < sheet.FILL_FROM_STEPS:
        largest = sheet.DRAWING_MM[0]
        assert all(abs(mm - largest) < 0.5 for mm in millimetres), f"{label}: {millimetres}"
    coloured = page.eval_on_selector_all(
        ".checklist__warnings .admonition, .checklist__warnings .admonition-title", GREYS_ONLY
    )
    assert coloured == [], f"{label}: warnings print in colour {coloured}"


def _picture_for_the_readme(printout: Printout) -> None:
    """Render the sheet as the README shows it; write it with UPDATE_README_IMAGE=1."""
    import pypdfium2

    document = pypdfium2.PdfDocument(printout.data)
    image = document[0].render(scale=100 / 72).to_pil()
    grey = image.convert("L")
    # Ink (not paper) reaches the foot of the printable area: the sheet is used.
    width, height = grey.size
    margin = round(height * 15 / 297)
    inked = [y for y in range(height) if grey.crop((0, y, width, y + 1)).getextrema()[0] < 128]
    assert inked and (inked[-1] - margin) / (height - 2 * margin) >= 0.85
    if os.environ.get("UPDATE_README_IMAGE") == "1":
        README_IMAGE.parent.mkdir(exist_ok=True)
        buffer = io.BytesIO()
        image.quantize(colors=32).save(buffer, format="PNG", optimize=True)
        README_IMAGE.write_bytes(buffer.getvalue())


@pytest.mark.parametrize("scheme", SCHEMES)
def test_edge_checklists_have_no_axe_violation(sheet_url: str, sheet_tabs, scheme: str) -> None:
    from tests.support.browser import AXE, violations

    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make test` (it installs axe-core with npm)")
    axe_script = AXE
    page = sheet_tabs[scheme]
    page.emulate_media(media="null")
    found = {}
    # The grid with standing column heads, and the one without sides (the real guides'
    # checklists are in test_every_page.py's axe run).
    for slug in ("edge-largest", "edge-no-sides"):
        page.goto(urljoin(sheet_url, f"{slug}/checklist/"))
        if problems := violations(page, axe_script, scheme):
            found[slug] = problems
    assert found == {}


def test_largest_checklist_of_a_public_build_with_its_address_still_prints_on_one_sheet(
    tmp_path: Path, browser
) -> None:
    """A public build adds the guide's address and QR code: the largest guide still fits."""
    docs = tmp_path / "docs"
    docs.mkdir()
    write_checklist_guide(docs, "edge-largest", **EDGES["edge-largest"])
    site = build_site(tmp_path / "site", docs, site_url="https://guides.example.org/massage/")
    guide = _guides(docs)["edge-largest"]
    with serve(site) as server:
        context = new_context(browser)
        page = context.new_page()
        page.goto(urljoin(server.url, "edge-largest/checklist/"))
        for paper in PAPER:
            printout = print_pdf(page, paper)
            _check_sheet(printout, guide, "edge-largest", f"public edge-largest {paper}")
            address = "https://guides.example.org/massage/edge-largest/"
            assert address in printout.text.replace(" ", "")
        context.close()

"""Every page, light and dark: no request to another host, no axe violation, clean printing.

axe-core runs every rule in the light palette and the rules that read colours in the dark
(tests/support/browser.py COLOUR_RULES): the dark palette is the same page in other colours.

Each page is loaded once per palette for all three (tests/support/tour.py): loading is much
of what an every-page check costs. The site's pages are dealt into two halves: this file
tours the first, test_every_page_2.py the second with the same checks (class `EveryPage`),
so that the two test processes (pytest-xdist, `--dist loadfile`) share the tour.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.support.browser import AXE
from tests.support.pages import all_pages
from tests.support.printing import PAPER, read_pdf
from tests.support.site import guides_in
from tests.support.tour import PAPERS, PARTS, SCHEMES, VIEWPORTS, Tour, Visit, take_tour, tour_pages

pytestmark = pytest.mark.browser

# Pages longer than one sheet: the whole-guide documents (at most 4 sheets each), and the
# overviews, whose cautions print with their sources' addresses (at most 3).
SHEETS = {f"{guide.slug}/print/": 4 for guide in guides_in()} | {
    f"{guide.slug}/": 3 for guide in guides_in()
}


def test_the_halves_together_are_every_page_once(site: Path) -> None:
    from tests.browser import test_every_page_2

    pages = all_pages(site)
    assert len(pages) >= 15
    assert {f"{guide.slug}/checklist/" for guide in guides_in()} <= set(pages)
    halves = [tour_pages(site, part) for part in range(PARTS)]
    assert all(halves)
    assert sorted(url for half in halves for url in half) == pages
    toured = {TestFirstHalf.part, test_every_page_2.TestSecondHalf.part}
    assert toured == set(range(PARTS))


def test_the_palettes_together_print_every_page_on_every_paper() -> None:
    assert sorted(paper for papers in PAPERS.values() for paper in papers) == sorted(PAPER)
    assert set(PAPERS) == set(SCHEMES)


class EveryPage:
    """The checks on one part of the pages (`tour_pages`); a class per part, a file each."""

    part = 0

    @pytest.fixture(scope="class")
    @classmethod
    def tour(cls, site: Path, site_url: str, browser) -> Tour:
        """This part's pages of the real site, once in each palette (axe-core if installed)."""
        urls = tour_pages(site, cls.part)
        return take_tour(browser, site_url, urls, AXE if AXE.is_file() else None)

    def visits_in(self, tour: Tour, site: Path, scheme: str) -> list[Visit]:
        """The tour's visits in one palette: every page of this part, in order."""
        visits = [visit for visit in tour.visits if visit.scheme == scheme]
        assert [visit.url for visit in visits] == tour_pages(site, self.part)
        for visit in visits:
            assert visit.body_scheme == ("slate" if scheme == "dark" else "default"), visit.url
        return visits

    def test_no_page_requests_anything_from_another_host(
        self, site: Path, site_url: str, tour: Tour
    ) -> None:
        # Every page, light and dark, until its network was idle.
        for scheme in SCHEMES:
            self.visits_in(tour, site, scheme)
        own_host = urlsplit(site_url).netloc
        assert tour.requested, "no request was recorded"
        outside = {url for url in tour.requested if urlsplit(url).netloc not in (own_host, "")}
        outside = {url for url in outside if not url.startswith(("data:", "blob:"))}
        assert outside == set()

    @pytest.mark.parametrize("scheme", SCHEMES)
    def test_no_page_has_an_axe_violation(
        self, site: Path, tour: Tour, axe_script: Path, scheme: str
    ) -> None:
        found = {}
        for visit in self.visits_in(tour, site, scheme):
            assert visit.violations is not None, f"axe-core did not run on {visit.url}"
            if visit.violations:
                found[visit.url] = visit.violations
        assert found == {}

    @pytest.mark.parametrize("scheme", SCHEMES)
    def test_every_page_prints_without_blank_sheets(
        self, site: Path, tour: Tour, scheme: str
    ) -> None:
        visits = self.visits_in(tour, site, scheme)
        assert visits
        for visit in visits:
            url = visit.url
            assert set(visit.printouts) == set(PAPERS[scheme]), url
            for paper, printout in visit.printouts.items():  # one load, printed on its papers
                blank = f"{url} {paper}: blank sheet"
                assert all(sheet.strip() for sheet in printout.sheets), blank
                limit = SHEETS.get(url, 1)
                sheets = len(printout.sheets)
                assert 1 <= sheets <= limit, f"{url} {paper}: {sheets} sheets"
                assert printout.smallest_glyph_pt >= 9.0, f"{url} {paper}"

    def test_every_control_is_at_least_44_px_square(self, site: Path, tour: Tour) -> None:
        """On a phone, what this site adds that a finger presses (tour.CONTROLS)."""
        [phone] = [scheme for scheme, size in VIEWPORTS.items() if size["width"] < 500]
        visits = self.visits_in(tour, site, phone)
        small = {}
        for visit in visits:
            if too_small := [size for size in visit.controls if size[1] < 44 or size[2] < 44]:
                small[visit.url] = too_small
        assert sum(len(visit.controls) for visit in visits) > len(visits)
        assert small == {}

    def test_every_printed_guide_page_names_its_guide(self, site: Path, tour: Tour) -> None:
        """No navigation prints: a guide's page says at its top which guide (and step) it is."""
        guides = guides_in()
        checked = 0
        visits = [visit for scheme in SCHEMES for visit in self.visits_in(tour, site, scheme)]
        for visit in visits:
            guide = next((g for g in guides if visit.url.startswith(f"{g.slug}/")), None)
            if guide is None or visit.url in {f"{guide.slug}/", f"{guide.slug}/print/"}:
                continue
            for paper, printout in visit.printouts.items():
                text = " ".join(printout.text.split())
                assert guide.title in text, (visit.url, paper)
                step = next((s for s in guide.steps if visit.url == s.src_uri[:-3] + "/"), None)
                if step is not None:
                    assert f"{guide.title} · Step {step.number} of {len(guide.steps)}" in text
                    # Printed alone, a page's text is 11 pt or more.
                    assert printout.body_pt >= 11, (visit.url, paper, printout.body_pt)
            checked += 1
        assert checked >= len(guides) * len(SCHEMES)

    def test_pypdf_reads_each_page_as_the_tour_did(self, site: Path, tour: Tour) -> None:
        # Every printing check reads its PDFs with pypdfium2 (`read_sheets`); pypdf (`read_pdf`),
        # reading the PDF's own text operators, finds the same in each page's printout in the
        # first palette on the first paper, which the tour keeps.
        kept = [
            (f"{visit.url} {visit.scheme} {paper}", printout)
            for visit in tour.visits
            for paper, printout in visit.printouts.items()
            if printout.data
        ]
        assert len(kept) == len(tour_pages(site, self.part))
        for label, quick in kept:
            full = read_pdf(quick.data)
            assert [bool(sheet.strip()) for sheet in quick.sheets] == [
                bool(sheet.strip()) for sheet in full.sheets
            ], label
            assert quick.text == full.text, label
            assert abs(quick.smallest_glyph_pt - full.smallest_glyph_pt) < 0.01, label
            assert quick.body_pt == full.body_pt, label
            assert abs(quick.lowest_depth - full.lowest_depth) < 0.001, label
            assert (quick.largest.font, round(quick.largest.size_pt, 2)) == (
                full.largest.font,
                round(full.largest.size_pt, 2),
            ), label


class TestFirstHalf(EveryPage):
    part = 0

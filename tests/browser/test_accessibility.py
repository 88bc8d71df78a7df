"""Accessibility in a real browser: axe-core finds nothing on any page, light or dark."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.support.pages import all_pages
from tests.support.tour import SCHEMES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_page_has_an_axe_violation(site: Path, tour, axe_script: Path, scheme: str) -> None:
    # One visit per page and palette, shared with other every-page checks (conftest `tour`).
    visits = [visit for visit in tour.visits if visit.scheme == scheme]
    assert [visit.url for visit in visits] == all_pages(site)
    found = {}
    for visit in visits:
        assert visit.body_scheme == ("slate" if scheme == "dark" else "default"), visit.url
        assert visit.violations is not None, f"axe-core did not run on {visit.url}"
        if visit.violations:
            found[visit.url] = visit.violations
    assert found == {}


@pytest.mark.parametrize("url", ["", "foot-massage/step-2/", "back-massage/checklist/", "404.html"])
def test_skip_link_comes_first_and_shows_when_focused(site_url: str, page, url: str) -> None:
    page.goto(urljoin(site_url, url))
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => ({cls: document.activeElement.className,
                   opacity: getComputedStyle(document.activeElement).opacity})"""
    )
    assert "md-skip" in focused["cls"].split()
    # Material fades the link in: it must end fully opaque.
    page.wait_for_function("getComputedStyle(document.querySelector('.md-skip')).opacity === '1'")


def test_every_page_has_a_skip_link(site: Path) -> None:
    for path in site.rglob("*.html"):
        assert 'class="md-skip"' in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize(
    "url", ["foot-massage/", "foot-massage/checklist/", "back-massage/step-3/"]
)
def test_focus_is_visible_and_never_under_the_sticky_header(
    site_url: str, browser, url: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 500})
    page = context.new_page()
    page.goto(urljoin(site_url, url))
    checked = 0
    for _ in range(60):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el.closest('.md-content')) return null;
                const header = document.querySelector('.md-header').getBoundingClientRect();
                const box = el.getBoundingClientRect();
                const style = getComputedStyle(el);
                return {top: box.top, headerBottom: header.bottom,
                        outline: style.outlineStyle, width: style.outlineWidth};
            }"""
        )
        if state is None:
            continue
        checked += 1
        assert state["top"] >= state["headerBottom"] - 1, state
        assert state["outline"] != "none" and state["width"] != "0px", state
    context.close()
    assert checked >= 3

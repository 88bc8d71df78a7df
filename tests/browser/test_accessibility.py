"""Accessibility in a real browser: the skip link, and focus never hidden under the header.

(axe-core on every page, light and dark: tests/browser/test_every_page.py.)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.support.browser import new_context

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def tabs(browser) -> Iterator[dict[str, object]]:
    """A desktop tab and a small phone's tab (390 x 500), each page loaded afresh in them."""
    contexts = {
        "desktop": new_context(browser),
        "phone": new_context(browser, viewport={"width": 390, "height": 500}),
    }
    yield {name: context.new_page() for name, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("url", ["", "foot-massage/step-2/", "back-massage/checklist/", "404.html"])
def test_skip_link_comes_first_and_shows_when_focused(site_url: str, tabs, url: str) -> None:
    page = tabs["desktop"]
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
def test_focus_is_visible_and_never_under_the_sticky_header(site_url: str, tabs, url: str) -> None:
    page = tabs["phone"]
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
    assert checked >= 3

"""Chromium as the browser tests launch it (tests/support/browser.py).

Playwright's flags kept, no address-bar pop-ups, a shared tab left as a new one.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from tests.support.browser import NO_ADDRESS_BAR_POPUPS, leave_as_new, new_context

pytestmark = pytest.mark.browser


def test_the_features_playwright_turns_off_stay_off(page) -> None:
    # Chromium keeps the last `--disable-features` on its command line: ours must name every
    # feature of the one Playwright passes before it, and the address bar's pop-ups.
    page.goto("chrome://version")
    switches = page.inner_text("#command_line").split()
    lists = [
        switch.removeprefix("--disable-features=").split(",")
        for switch in switches
        if switch.startswith("--disable-features=")
    ]
    assert len(lists) >= 2, switches
    last = set(lists[-1])
    for earlier in lists[:-1]:
        assert set(earlier) - {""} <= last
    assert set(NO_ADDRESS_BAR_POPUPS) <= last


def test_no_window_opens_the_address_bar_pop_ups(browser, page) -> None:
    page.goto("about:blank")
    session = browser.new_browser_cdp_session()
    targets = session.send("Target.getTargets")["targetInfos"]
    session.detach()
    assert [t["url"] for t in targets if "omnibox" in t["url"]] == []


def test_a_shared_tab_is_left_as_a_new_one(browser, site_url: str) -> None:
    """`leave_as_new`: what one test stored, visited or emulated, the next does not see."""
    context = new_context(browser, viewport={"width": 1280, "height": 720})
    tab = context.new_page()
    tab.goto(site_url)
    tab.evaluate("() => { localStorage.setItem('a', '1'); sessionStorage.setItem('b', '2'); }")
    tab.goto(urljoin(site_url, "404.html"))
    tab.emulate_media(media="print")
    tab.set_viewport_size({"width": 390, "height": 844})
    context.new_page()
    leave_as_new(tab, site_url, {"width": 1280, "height": 720})
    assert tab.url == "about:blank" and context.pages == [tab]
    tab.goto(site_url)
    stored = "() => [localStorage.getItem('a'), sessionStorage.getItem('b'), history.length]"
    assert tab.evaluate(stored) == [None, None, 2]  # the blank page, then this one
    assert tab.evaluate("matchMedia('print').matches") is False
    assert tab.viewport_size == {"width": 1280, "height": 720}
    tab.go_back()
    assert tab.url == "about:blank"
    context.close()

"""Chromium as the browser tests launch it (tests/support/browser.py): Playwright's flags kept."""

from __future__ import annotations

import pytest

from tests.support.browser import NO_ADDRESS_BAR_POPUPS

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

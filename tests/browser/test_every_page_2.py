"""Every page, light and dark: the second half of the pages (tests/browser/test_every_page.py).

The same checks as the first half's, in a file of their own so that the other test process
tours these pages at the same time (pytest-xdist, `--dist loadfile`).
"""

from __future__ import annotations

import pytest

from tests.browser.test_every_page import EveryPage

pytestmark = pytest.mark.browser


class TestSecondHalf(EveryPage):
    part = 1

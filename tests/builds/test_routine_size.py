"""The home card and the overview say the routine's size in a reader's words.

The wording itself ("3 steps on each foot, twice") is pinned in tests/unit/test_routine_size.py;
here, that every guide of `docs/` says it where a reader decides to start.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from massage_guides.model import Guide
from tests.support.pages import article_text, normalise, page_file
from tests.support.site import guides_in

GUIDES = guides_in()


@pytest.mark.parametrize("guide", GUIDES, ids=[guide.slug for guide in GUIDES])
def test_the_size_counts_the_guides_steps_sides_and_rounds(guide: Guide) -> None:
    size = guide.routine_size
    steps = len(guide.steps)
    assert size.startswith(f"{steps} step{'s' if steps != 1 else ''}")
    assert ("on each" in size) == bool(guide.sides)
    assert (guide.rounds > 1) == size.endswith(("twice", "times"))


@pytest.mark.parametrize("guide", GUIDES, ids=[guide.slug for guide in GUIDES])
def test_the_overview_says_the_size_right_under_its_title(site: Path, guide: Guide) -> None:
    text = article_text(page_file(site, f"{guide.slug}/"))
    assert text.startswith(normalise(f"{guide.title} {guide.routine_size} ")), text[:120]


@pytest.mark.parametrize("guide", GUIDES, ids=[guide.slug for guide in GUIDES])
def test_the_home_card_says_the_size_beside_the_checklist(site: Path, guide: Guide) -> None:
    html = page_file(site, "index.html").read_text(encoding="utf-8")
    card = html[html.index(f'<a href="{guide.slug}/">') :]
    card = card[: card.index("</li>")]
    meta = re.search(r'<p class="guide-cards__meta">(.*?)</p>', card, re.DOTALL)
    assert meta, guide.slug
    words = normalise(re.sub(r"<[^>]+>", "", meta.group(1)))
    assert words.startswith(f"{guide.routine_size} · Printable checklist"), words

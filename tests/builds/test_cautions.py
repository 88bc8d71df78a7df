"""Each guide says when not to massage, from health services, in the site's words, sourced.

The cautions are written once, on the overview (`## When not to massage { #cautions }`); these
checks read the built overview a reader opens. The general cautions hold for every guide in
`docs/`; a guide's own (tests/data/cautions-own.tsv) for the guides that table names.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from massage_guides.model import Guide
from tests.support.pages import GENERAL_CAUTIONS as GENERAL
from tests.support.pages import article_text, normalise, page_file
from tests.support.site import DATA, guides_in

GUIDES = guides_in()


def own_cautions() -> list[tuple[str, str, str]]:
    rows = []
    for line in (DATA / "cautions-own.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            slug, about, pattern = line.split("\t")
            rows.append((slug, about, pattern))
    return rows


def cautions_section(site: Path, guide: Guide) -> str:
    """The HTML of the overview's cautions section: its heading to the next heading."""
    html = page_file(site, f"{guide.slug}/").read_text(encoding="utf-8")
    start = html.index('<h2 id="cautions">')
    end = html.find("<h2", start + 1)
    return html[start : end if end > 0 else html.index("</article>", start)]


def items(section: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", section, re.DOTALL)


def plain(html: str) -> str:
    return normalise(unescape(re.sub(r"<[^>]+>", " ", html)))


@pytest.mark.parametrize("guide", GUIDES, ids=[guide.slug for guide in GUIDES])
def test_each_caution_links_the_health_service_page_it_comes_from(site: Path, guide: Guide) -> None:
    listed = items(cautions_section(site, guide))
    assert len(listed) == len(guide.cautions) >= 1
    for item, caution in zip(listed, guide.cautions, strict=True):
        assert plain(item).startswith(caution.name), (guide.slug, caution.name)
        links = re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', item, re.DOTALL)
        assert links, (guide.slug, caution.name)
        for href, title in links:
            address = urlsplit(unescape(href))
            assert address.scheme == "https" and address.netloc, (caution.name, href)
            # The link says which service and page it is: "NHS: Deep vein thrombosis (DVT)".
            assert ":" in plain(title) and len(plain(title)) > 10, (caution.name, title)


@pytest.mark.parametrize("guide", GUIDES, ids=[guide.slug for guide in GUIDES])
def test_every_guide_carries_the_general_cautions_and_says_it_is_not_medical_advice(
    site: Path, guide: Guide
) -> None:
    text = plain(cautions_section(site, guide)).lower()
    missing = [about for about, pattern in GENERAL.items() if not re.search(pattern, text)]
    assert not missing, (guide.slug, missing)
    assert "general information, not medical advice" in text


@pytest.mark.parametrize(
    ("slug", "about", "pattern"),
    [row for row in own_cautions() if row[0] in {guide.slug for guide in GUIDES}],
    ids=[f"{row[0]}:{row[1]}" for row in own_cautions() if row[0] in {g.slug for g in GUIDES}],
)
def test_a_guide_carries_its_own_cautions(site: Path, slug: str, about: str, pattern: str) -> None:
    guide = next(guide for guide in GUIDES if guide.slug == slug)
    assert re.search(pattern, plain(cautions_section(site, guide)).lower()), about


def test_the_own_cautions_table_checks_a_guide_of_docs() -> None:
    assert {row[0] for row in own_cautions()} & {guide.slug for guide in GUIDES}


@pytest.mark.parametrize("guide", GUIDES, ids=[guide.slug for guide in GUIDES])
def test_the_overview_names_every_caution_first_thing_under_its_title(
    site: Path, guide: Guide
) -> None:
    """The short line is the first thing read under the title, before the introduction.

    Only the routine's size comes between, and the buttons (Start and the others).
    """
    html = page_file(site, f"{guide.slug}/").read_text(encoding="utf-8")
    text = article_text(page_file(site, f"{guide.slug}/"))
    assert text.startswith(normalise(f"{guide.title} {guide.routine_size} Don't massage if"))
    line = re.search(r'<div class="admonition danger cautions-line">.*?</div>', html, re.DOTALL)
    assert line
    text = plain(line.group(0))
    assert text.startswith("Don't massage if")
    for caution in guide.cautions:
        assert caution.name.lower() in text.lower(), caution.name
    assert 'href="#cautions"' in line.group(0)
    assert "General information, not medical advice" in text

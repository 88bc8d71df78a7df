"""A guide adapted from a source credits it; the licence line covers only the site's own words.

Guides are read from docs/: those with `source` front matter credit it on their overview,
print document and checklist (on screen and on paper); the others are the site's own
writing and carry no credit.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from mkdocs.config import load_config

from tests.support.pages import (
    article_sentences,
    article_text,
    guide_front_matter,
    normalise,
    page_file,
)
from tests.support.printing import PAPER, print_pdf
from tests.support.site import REPO, build_site, copy_docs

DOCS = REPO / "docs"
GUIDES = guide_front_matter(DOCS)
WITH_SOURCE = sorted(slug for slug, meta in GUIDES.items() if meta.get("source"))
WITHOUT_SOURCE = sorted(slug for slug, meta in GUIDES.items() if not meta.get("source"))
CREDITED = ("", "print/", "checklist/")


def source_of(slug: str) -> dict[str, str]:
    source = GUIDES[slug]["source"]
    assert isinstance(source, dict)
    return source


def credit_says_what_is_missing(text: str, source: dict[str, str]) -> None:
    """A source without author or address is said to name none, never given an invented one."""
    if "author" not in source:
        assert "no author" in text
    if "url" not in source:
        assert "no address" in text


def test_the_guide_holding_the_articles_words_names_its_source(site: Path) -> None:
    first_sentence = article_sentences()[0]
    holders = [slug for slug in GUIDES if first_sentence in article_text(page_file(site, slug))]
    assert holders, "no guide overview holds the article's first sentence"
    assert all(slug in WITH_SOURCE for slug in holders)


@pytest.mark.parametrize("slug", WITH_SOURCE)
def test_a_guide_with_a_source_credits_it_where_readers_start_and_on_paper(
    site: Path, slug: str
) -> None:
    source = source_of(slug)
    for url in CREDITED:
        text = article_text(page_file(site, f"{slug}/{url}"))
        assert "Source:" in text, url
        assert normalise(source["adapted_from"]) in text, url
        credit_says_what_is_missing(text, source)
    overview = article_text(page_file(site, f"{slug}/"))
    assert normalise(source["changes"]).replace('"', "") in overview.replace('"', "")
    assert "licence covers only its own writing" in overview


@pytest.mark.parametrize("slug", WITH_SOURCE)
def test_step_pages_carry_no_credit(site: Path, slug: str) -> None:
    for step in sorted((DOCS / slug).glob("step-*.md")):
        assert "source-credit" not in page_file(site, f"{slug}/{step.stem}/").read_text("utf-8")


@pytest.mark.parametrize("slug", WITHOUT_SOURCE)
def test_a_guide_of_the_sites_own_writing_carries_no_credit(site: Path, slug: str) -> None:
    for page in (site / slug).rglob("index.html"):
        assert "source-credit" not in page.read_text("utf-8"), page


def test_the_licence_line_covers_only_the_sites_own_writing(site: Path) -> None:
    copyright = normalise(load_config(str(REPO / "mkdocs.yml")).copyright or "")
    assert "own writing" in copyright and "CC BY 4.0" in copyright
    assert "does not cover the sources" in copyright
    assert copyright in normalise(page_file(site, "").read_text("utf-8"))


def test_a_source_with_author_and_address_shows_them(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path, REPO / "tests" / "fixtures" / "valid" / "docs")
    overview = docs / "guide" / "index.md"
    source = (
        "source:\n  adapted_from: an article\n  author: A. Writer\n"
        "  url: https://example.org/article\n  changes: Shortened.\n---"
    )
    overview.write_text(
        overview.read_text("utf-8").replace(
            "    note: very little\n---", "    note: very little\n" + source
        ),
        encoding="utf-8",
    )
    site = build_site(tmp_path / "site", docs)
    text = article_text(site / "guide" / "index.html")
    assert "adapted from an article by A. Writer. https://example.org/article" in text
    assert "no author" not in text and "no address" not in text


@pytest.mark.browser
@pytest.mark.parametrize("slug", WITH_SOURCE)
def test_the_credit_is_on_paper(site_url: str, page, slug: str) -> None:
    for url in CREDITED:
        page.goto(urljoin(site_url, f"{slug}/{url}"))
        for paper in PAPER:  # the same page, printed on each paper
            printed = normalise(print_pdf(page, paper).text)
            assert "Source:" in printed, (url, paper)
            assert normalise(source_of(slug)["adapted_from"]) in printed, (url, paper)

"""Text is only text: fields show intact everywhere, Markdown stays Markdown, one title.

Built from `tests/fixtures/text-is-text/`: `plain/` has quotes, `<script>`, `<b>` and `&` in
every plain-text field and a checklist warning with code, a key and a link with a title;
`heading/` takes its title from a heading with Markdown and an attribute list; `links/` has
Markdown links (`javascript:` ones, and some that close a link early) as its title, a page's
title and a related page's title and address.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.support.pages import article_text, normalise, page_file
from tests.support.printing import PAPER, print_pdf
from tests.support.server import serve
from tests.support.site import FIXTURES, build_site

FIXTURE = FIXTURES / "text-is-text" / "docs"
SITE_NAME = "Massage guides"
TITLE = '"Rub" <script>alert(1)</script> &'  # within a guide title's 35 characters
DESCRIPTION = 'A "quoted" description with <script>alert("description")</script> & more'
SUPPLY = 'Oil "warm" <script>alert("supply")</script>: a "bit" <b>bold</b> & more'
OTHER_SUPPLY = "Towel & <i>cloth</i>"
SUMMARY = 'Press "here" <script>alert("summary")</script> & there.'
RELATED = 'Elsewhere "quoted" <script>alert("related")</script>'
HEADING_TITLE = "How to give a back massage"
SUBTITLE = '<i>Aside</i> <img src=x onerror=alert("subtitle")> & "more"'
LINK_TITLE = "[Go](javascript:alert(1))"
LINK_PAGE_TITLE = "[Next](javascript:alert(2))"
LINK_RELATED = ("Elsewhere](javascript:alert(3)) [", "https://example.org/](javascript:alert(4)) [")


class _Reader(HTMLParser):
    """A page's title, meta description, script texts, navigation text and elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.description = ""
        self.scripts: list[str] = []
        self.nav = ""
        self.h1: list[str] = []
        self.elements: list[str] = []
        self.links: list[tuple[str, str]] = []  # (href, text) of every <a>
        self._stack: list[str] = []
        self._nav_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "meta" and attributes.get("name") == "description":
            self.description = attributes.get("content", "")
        self.elements.append(tag)
        if tag == "a":
            self.links.append((attributes.get("href", ""), ""))
        if tag in ("meta", "link", "input", "br", "img", "hr"):
            return
        if tag == "nav" or self._nav_depth:
            self._nav_depth += 1
        if tag == "h1":
            self.h1.append("")
        if tag == "script":
            self.scripts.append("")
        self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("meta", "link", "input", "br", "img", "hr"):
            return
        if self._nav_depth:
            self._nav_depth -= 1
        while self._stack and self._stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if "a" in self._stack and self.links:
            self.links[-1] = (self.links[-1][0], self.links[-1][1] + data)
        if "title" in self._stack:
            self.title += data
        if "script" in self._stack:
            self.scripts[-1] += data
        if "h1" in self._stack:
            self.h1[-1] += data
        if self._nav_depth and not {"script", "style"} & set(self._stack):
            self.nav += data + " "


def read(site: Path, url: str) -> _Reader:
    reader = _Reader()
    reader.feed(page_file(site, url).read_text(encoding="utf-8"))
    reader.title, reader.nav = normalise(reader.title), normalise(reader.nav)
    reader.h1 = [normalise(text) for text in reader.h1]
    return reader


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("text-is-text"), FIXTURE)


def test_no_field_ever_runs_as_script(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 5
    for path in pages:
        reader = _Reader()
        reader.feed(path.read_text(encoding="utf-8"))
        assert not [text for text in reader.scripts if "alert" in text], path
        # Neither does <b>, <i> or <img> from a field become an element.
        assert not {"b", "i", "img"} & set(reader.elements), path
        # Nor a Markdown link in a field a link: every link is to a page or to the web.
        schemes = {urlsplit(href).scheme for href, _ in reader.links}
        assert schemes <= {"", "http", "https"}, (path, schemes)


def test_markdown_in_titles_and_related_links_stays_text_on_the_follow_page(site: Path) -> None:
    follow = read(site, "links/follow/")
    assert follow.h1 == [f"Follow along: {LINK_TITLE}"]
    links = [(href, normalise(text)) for href, text in follow.links]
    assert ("../read-next/", LINK_PAGE_TITLE) in links
    title, _address = LINK_RELATED
    assert ("https://example.org/%5D(javascript:alert(4))%20%5B", title) in links


def test_a_subtitle_shows_as_typed_in_the_sidebar(site: Path) -> None:
    assert SUBTITLE in read(site, "plain/step-1/").nav


def test_title_and_description_show_intact_in_the_head(site: Path) -> None:
    overview = read(site, "plain/")
    assert overview.title == f"{TITLE} - {SITE_NAME}"
    assert overview.description == DESCRIPTION
    assert read(site, "plain/step-1/").description == SUMMARY
    checklist = read(site, "plain/checklist/")
    assert checklist.title == f"Checklist: {TITLE} - {SITE_NAME}"
    assert read(site, "plain/print/").title == f"{TITLE} (printable) - {SITE_NAME}"


def test_fields_show_intact_in_navigation_cards_checklist_and_print(site: Path) -> None:
    assert TITLE in read(site, "plain/step-2/").nav
    home = article_text(page_file(site, "index.html"))
    assert TITLE in home
    assert DESCRIPTION in home
    checklist = read(site, "plain/checklist/")
    assert checklist.h1 == [f"Checklist: {TITLE}"]
    checklist_text = article_text(page_file(site, "plain/checklist/"))
    for text in (SUPPLY, OTHER_SUPPLY, SUMMARY, 'left "hand"', "<b>right</b>"):
        assert text in checklist_text
    assert read(site, "plain/print/").h1 == [TITLE]
    document = article_text(page_file(site, "plain/print/"))
    for text in (DESCRIPTION, SUPPLY, OTHER_SUPPLY):
        assert text in document
    assert RELATED in article_text(page_file(site, "plain/"))


class _Admonition(HTMLParser):
    """Every tag, attribute and text inside the admonition titled `title`."""

    def __init__(self, title: str) -> None:
        super().__init__(convert_charrefs=True)
        self.wanted = title
        self.events: list[tuple[str, ...]] = []
        self._depth = 0
        self._candidate: list[tuple[str, ...]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if self._candidate is None and tag == "div" and "admonition" in classes.split():
            self._candidate, self._depth = [], 0
        if self._candidate is not None:
            self._depth += 1
            self._candidate.append((tag, *sorted(f"{k}={v}" for k, v in attrs)))

    def handle_endtag(self, tag: str) -> None:
        if self._candidate is None:
            return
        self._candidate.append(("/" + tag,))
        self._depth -= 1
        if self._depth == 0:
            if ("data", self.wanted) in self._candidate:
                self.events = self._candidate
            self._candidate = None

    def handle_data(self, data: str) -> None:
        if self._candidate is not None and data.strip():
            self._candidate.append(("data", data.strip()))


def admonition(site: Path, url: str, title: str) -> list[tuple[str, ...]]:
    reader = _Admonition(title)
    reader.feed(page_file(site, url).read_text(encoding="utf-8"))
    return reader.events


def test_a_checklist_warning_renders_as_on_its_page(site: Path) -> None:
    on_page = admonition(site, "plain/step-1/", "First of all")
    assert ("data", "A & B") in on_page
    assert ("kbd",) in on_page
    assert ("a", "href=../step-2/", "title=The second step") in on_page
    # The build is strict: the link with a title resolves on the checklist too. The page's
    # admonition also has the `checklist` class that marks it.
    on_checklist = admonition(site, "plain/checklist/", "First of all")
    assert on_checklist[0] == ("div", "class=admonition warning")
    assert on_page[0] == ("div", "class=admonition warning checklist")
    assert on_checklist[1:] == on_page[1:]


def test_checklist_warnings_come_in_reading_order(site: Path) -> None:
    text = article_text(page_file(site, "plain/checklist/"))
    assert 0 <= text.index("First of all") < text.index("Then this")


def test_supplies_end_the_overview_in_the_print_document_without_a_marker(site: Path) -> None:
    document = article_text(page_file(site, "plain/print/"))
    overview_end = document.index("Read every step first.")
    first_step = document.index("Press here, gently.")
    assert overview_end < document.index(OTHER_SUPPLY) < first_step


def test_a_heading_title_is_the_same_on_page_navigation_cards_and_checklist(site: Path) -> None:
    overview = read(site, "heading/")
    assert overview.h1 == [HEADING_TITLE]
    assert overview.title == f"{HEADING_TITLE} - {SITE_NAME}"
    step = read(site, "heading/step-1/")
    assert step.h1 == ["Step 1: Warm your hands"]
    assert HEADING_TITLE in step.nav
    assert "Step 1: Warm your hands" in step.nav
    assert "{" not in step.nav
    assert "*" not in step.nav
    home = article_text(page_file(site, "index.html"))
    assert HEADING_TITLE in home
    assert "*back*" not in home
    assert read(site, "heading/checklist/").h1 == [f"Checklist: {HEADING_TITLE}"]
    assert read(site, "heading/print/").h1 == [HEADING_TITLE]


@pytest.fixture(scope="module")
def site_address(site: Path) -> Iterator[str]:
    with serve(site) as server:
        yield server.url


@pytest.mark.browser
@pytest.mark.parametrize("paper", PAPER)
def test_code_and_keys_in_a_warning_print_at_9_points_or_more(
    site_address: str, page, paper: str
) -> None:
    for url in ("plain/step-1/", "plain/checklist/"):
        page.goto(urljoin(site_address, url))
        printout = print_pdf(page, paper)
        assert "A & B" in printout.sheets[0], url
        assert printout.smallest_glyph_pt >= 9.0, url

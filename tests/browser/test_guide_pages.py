"""A guide page's top and foot in a real browser, on phones and a desktop.

Start's label never breaks inside its word; the action row (Start, Keep screen on, the print
actions) is one tidy row or tidy full lines, under a title at least as strong as the text under
it; the footer's previous and next links say where they lead on a phone; the desktop sidebar
names the site once. Each page is loaded once and measured at every width by resizing the tab.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from mkdocs.config import load_config

from tests.support.browser import NO_TRANSITIONS, new_context
from tests.support.pages import page_file, read_page
from tests.support.site import CONFIG, guides_in

pytestmark = pytest.mark.browser

GUIDES = guides_in()
PHONES = (320, 360, 390)
DESKTOP = 1280


def _tab(browser, scheme: str):
    context = new_context(
        browser, viewport={"width": PHONES[0], "height": 740}, color_scheme=scheme
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


@pytest.fixture(scope="module")
def tab(browser) -> Iterator[object]:
    """One tab for the layout checks; each test loads its pages in it and resizes it."""
    context, page = _tab(browser, "light")
    yield page
    context.close()


@pytest.fixture(scope="module", params=["light", "dark"])
def palette_tab(browser, request) -> Iterator[tuple[str, object]]:
    """One tab per palette (the system's colour scheme, which the palette follows)."""
    context, page = _tab(browser, request.param)
    yield request.param, page
    context.close()


def visit(page, url: str) -> None:
    """Load a page, its layout measured as it ends (Material animates widths on resizing)."""
    page.goto(url)
    page.add_style_tag(content=NO_TRANSITIONS)


def resize(page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 740 if width < DESKTOP else 800})


# How many boxes each word of an element's text is drawn in: 2 or more is a word broken across
# lines ("Star" / "t"). Text a reader does not see (hidden, visually hidden) is left out.
WORD_BOXES = """root => {
    const words = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode()); ) {
        const parent = node.parentElement;
        if (!parent.getClientRects().length || parent.closest('.md-visually-hidden')) continue;
        for (const match of node.data.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const boxes = [...range.getClientRects()].filter(box => box.width > 0);
            words.push([match[0], boxes.length]);
        }
    }
    return words;
}"""


def start_word_boxes(page) -> list[int]:
    """For each Start button on the page, how many boxes its word "Start" is drawn in."""
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll('.follow-start__word')].map(word => {
                const range = document.createRange();
                range.selectNodeContents(word);
                return [...range.getClientRects()].filter(box => box.width > 0).length;
            })"""
        )
    )


def test_the_start_label_never_breaks_inside_its_word(tab, site_url: str) -> None:
    """On the home page (a card per guide) and every overview, at 320, 360 and 390 px."""
    pages = {"": len(GUIDES)} | {f"{guide.slug}/": 1 for guide in GUIDES}
    for url, buttons in pages.items():
        visit(tab, urljoin(site_url, url))
        for width in PHONES:
            resize(tab, width)
            assert tab.locator(".follow-start__word").all_inner_texts() == ["Start"] * buttons
            assert start_word_boxes(tab) == [1] * buttons, (url, width)


# Each action row's controls (the print actions one by one) as boxes, and the row's box.
ROWS = """() => [...document.querySelectorAll('.guide-actions')].map(row => {
    const controls = [...row.querySelectorAll(
        ':scope > *:not(.print-actions), .print-actions > *')];
    const box = element => {
        const r = element.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                text: element.innerText.trim()};
    };
    return {row: box(row), controls: controls.map(box)};
})"""


def untidy(rows: list[dict]) -> list[str]:
    """What is out of place in the action rows: overflow, overlap, ragged or uneven lines."""
    problems = []
    for row in rows:
        edge, end = row["row"]["left"], row["row"]["right"]
        controls = row["controls"]
        lines: dict[int, list[dict]] = {}
        for control in controls:
            if control["left"] < edge - 0.5 or control["right"] > end + 0.5:
                problems.append(f"{control['text']!r} sticks out of the column")
            lines.setdefault(round(control["top"]), []).append(control)
        for line in lines.values():
            first = min(line, key=lambda control: control["left"])
            if abs(first["left"] - edge) > 0.5:
                problems.append(f"the line of {first['text']!r} does not start at the edge")
            if max(c["bottom"] for c in line) - min(c["bottom"] for c in line) > 0.5:
                problems.append(f"the line of {first['text']!r} has buttons of several heights")
        for index, one in enumerate(controls):
            for other in controls[index + 1 :]:
                apart = (
                    one["right"] <= other["left"] + 0.5
                    or other["right"] <= one["left"] + 0.5
                    or one["bottom"] <= other["top"] + 0.5
                    or other["bottom"] <= one["top"] + 0.5
                )
                if not apart:
                    problems.append(f"{one['text']!r} overlaps {other['text']!r}")
    return problems


# The title's and the text's weight, size and colours (text, and the ground behind it).
TEXT_STYLES = """() => {
    const ground = element => {
        for (let at = element; at; at = at.parentElement) {
            const colour = getComputedStyle(at).backgroundColor;
            if (!/^rgba\\(.*, 0\\)$/.test(colour) && colour !== 'transparent') return colour;
        }
        return getComputedStyle(document.body).backgroundColor;
    };
    const style = element => {
        const s = getComputedStyle(element);
        return {text: element.innerText.trim().slice(0, 40), weight: Number(s.fontWeight),
                size: parseFloat(s.fontSize), colour: s.color, ground: ground(element)};
    };
    const title = document.querySelector('article h1');
    const texts = [...document.querySelectorAll('article p, article li')].filter(element =>
        element.getClientRects().length && !element.closest('.guide-actions')
        && title.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
    return {title: style(title), texts: texts.map(style),
            titleBottom: title.getBoundingClientRect().bottom,
            rowTop: Math.min(...[...document.querySelectorAll('.guide-actions')]
                .map(row => row.getBoundingClientRect().top))};
}"""


def _rgba(colour: str) -> tuple[float, ...]:
    values = [float(value) for value in re.findall(r"[\d.]+", colour)]
    return tuple(values[:3]) + ((values[3],) if len(values) > 3 else (1.0,))


def contrast(colour: str, ground: str) -> float:
    """WCAG contrast of a text colour (blended over its ground if see-through) on its ground."""
    *text, alpha = _rgba(colour)
    back = _rgba(ground)[:3]
    blended = [alpha * t + (1 - alpha) * b for t, b in zip(text, back, strict=True)]

    def luminance(rgb: list[float] | tuple[float, ...]) -> float:
        channels = [c / 255 for c in rgb]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(blended), luminance(back)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def weaker_than_text(styles: dict) -> list[str]:
    """Text under the title that is bolder, larger or of more contrast than the title."""
    title = styles["title"]
    strength = contrast(title["colour"], title["ground"])
    problems = []
    for text in styles["texts"]:
        if text["weight"] > title["weight"]:
            problems.append(f"{text['text']!r} is bolder ({text['weight']})")
        if text["size"] > title["size"]:
            problems.append(f"{text['text']!r} is larger ({text['size']} px)")
        if contrast(text["colour"], text["ground"]) > strength + 0.01:
            problems.append(f"{text['text']!r} has more contrast than the title ({strength:.1f})")
    return problems


def guide_pages() -> list[str]:
    """Every overview, and every guide's first step (a step page's row is its own)."""
    return [url for guide in GUIDES for url in (f"{guide.slug}/", f"{guide.slug}/step-1/")]


def test_the_action_row_is_tidy_under_a_title_as_strong_as_its_text(
    palette_tab, site_url: str
) -> None:
    scheme, tab = palette_tab
    for url in guide_pages():
        visit(tab, urljoin(site_url, url))
        for width in (*PHONES, DESKTOP):
            resize(tab, width)
            where = (scheme, url, width)
            rows = tab.evaluate(ROWS)
            assert rows and all(row["controls"] for row in rows), where
            assert untidy(rows) == [], where
            for row in tab.locator(".guide-actions").all():
                assert [w for w, boxes in row.evaluate(WORD_BOXES) if boxes != 1] == [], where
            assert tab.evaluate("document.documentElement.scrollWidth") <= width, where
            styles = tab.evaluate(TEXT_STYLES)
            assert styles["rowTop"] >= styles["titleBottom"], where
            assert styles["texts"], where
            assert weaker_than_text(styles) == [], where


def page_title(site: Path, href: str, base: str) -> str:
    """The title of the page a link leads to, from that page's own `<title>`."""
    path = urlsplit(urljoin(base, href)).path.lstrip("/")
    return read_page(page_file(site, path)).title.split(" - ")[0]


# Each footer link: its direction and title as drawn, its box and the title's first word's box.
FOOTER = """() => [...document.querySelectorAll('.md-footer__link')].map(link => {
    const title = link.querySelector('.md-footer__title');
    const shown = title && title.getClientRects().length > 0;
    const name = link.querySelector('.md-ellipsis');
    const range = document.createRange();
    const text = name.firstChild;
    const start = text.data.search(/\\S/);
    range.setStart(text, start);
    range.setEnd(text, start + text.data.slice(start).search(/\\s|$/));
    const r = link.getBoundingClientRect(), w = range.getBoundingClientRect();
    const n = name.getBoundingClientRect();
    return {href: link.getAttribute('href'), shown,
            direction: shown ? link.querySelector('.md-footer__direction').innerText.trim() : '',
            name: name.textContent.trim(),
            link: [r.left, r.right], word: [w.left, w.right, w.top, w.bottom],
            box: [n.left, n.right, n.top, n.bottom]};
})"""


def test_the_footer_says_where_previous_and_next_lead_on_a_phone(
    tab, site: Path, site_url: str
) -> None:
    """Every guide's first step (after its overview, before step 2 or its other pages)."""
    for guide in GUIDES:
        url = urljoin(site_url, f"{guide.slug}/step-1/")
        visit(tab, url)
        for width in PHONES:
            resize(tab, width)
            links = tab.evaluate(FOOTER)
            assert [link["direction"] for link in links] == ["Previous", "Next"], (url, width)
            for link in links:
                where = (url, width, link["direction"])
                assert link["shown"], where
                # The page's title, or its name in the navigation before it ("Checklist" for
                # "Checklist: How to give a foot massage", after a guide's last step).
                title = page_title(site, link["href"], url)
                assert link["name"] == title or title.startswith(f"{link['name']}: "), where
                left, right, top, bottom = link["word"]
                # The title's first word is drawn whole, inside the link and the screen.
                assert link["link"][0] >= 0 and link["link"][1] <= width, where
                assert left >= link["box"][0] - 0.5 and right <= link["box"][1] + 0.5, where
                assert top >= link["box"][2] - 0.5 and bottom <= link["box"][3] + 0.5, where
                assert right - left > 0, where
            assert links[0]["link"][1] <= links[1]["link"][0] + 0.5, (url, width)
            assert tab.evaluate("document.documentElement.scrollWidth") <= width, (url, width)


def test_the_desktop_sidebar_names_the_site_once(tab, site_url: str) -> None:
    site_name = load_config(str(CONFIG)).site_name
    visit(tab, urljoin(site_url, f"{GUIDES[0].slug}/"))
    resize(tab, DESKTOP)
    sidebar = tab.locator(".md-sidebar--primary .md-nav--primary").first
    assert sidebar.inner_text().count(site_name) == 1
    # What stays is the link home.
    home = sidebar.get_by_role("link", name=site_name, exact=True)
    assert home.is_visible()
    # In the drawer (a phone) the title heads the drawer, as Material draws it.
    resize(tab, PHONES[-1])
    drawer_title = tab.locator(".md-nav--primary > .md-nav__title").first
    assert drawer_title.evaluate("title => getComputedStyle(title).display") != "none"

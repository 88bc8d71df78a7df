"""Read built pages the way a reader gets them: visible text, links, meta."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from .site import DATA as _DATA

_SKIP = {"script", "style", "template", "svg", "noscript"}
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "ul", "ol", "br"}
_BLOCKS |= {"figure", "figcaption", "table", "tr", "td", "th", "label", "details", "summary"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class _Page(HTMLParser):
    """Collects the article's visible text (not `hidden`, no buttons), its links and meta."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.article_depth: int | None = None
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False
        self._in_nav_footer = 0
        self.footer_links: list[tuple[str, str]] = []
        self._hidden_at: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "meta" and "name" in attributes:
            self.meta[attributes["name"]] = attributes.get("content", "")
        if tag == "title":
            self._in_title = True
        if tag == "article" and self.article_depth is None:
            self.article_depth = len(self.stack)
        if tag == "a" and self.article_depth is not None:
            self.links.append((attributes.get("href", ""), attributes.get("class", "")))
        classes = attributes.get("class", "").split()
        for direction in ("prev", "next"):
            if tag == "a" and f"md-footer__link--{direction}" in classes:
                self.footer_links.append((attributes.get("href", ""), direction))
        if tag in _BLOCKS:
            self.text.append(" ")
        if tag not in _VOID:
            # Buttons, and the line only paper shows (which guide a printed page is from), are
            # not the words a reader of the page sees.
            controls = "guide-actions" in classes or "paper-label" in classes
            if ("hidden" in attributes or controls) and self._hidden_at is None:
                self._hidden_at = len(self.stack)
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _BLOCKS:
            self.text.append(" ")
        if tag in _VOID:
            return
        while self.stack:
            if self.stack.pop() == tag:
                break
        if self._hidden_at is not None and len(self.stack) <= self._hidden_at:
            self._hidden_at = None
        if self.article_depth is not None and len(self.stack) <= self.article_depth:
            if tag == "article":
                self.article_depth = -1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        inside = self.article_depth is not None and self.article_depth >= 0
        if inside and self._hidden_at is None and not _SKIP.intersection(self.stack):
            self.text.append(data)


def read_page(path: Path) -> _Page:
    """Parse one built HTML page."""
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def normalise(text: str) -> str:
    """Collapse white space and typographic apostrophes, as a reader would not notice them."""
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip()


def article_text(path: Path) -> str:
    """The visible text of a page's article (no navigation, header or footer)."""
    return normalise("".join(read_page(path).text))


def page_file(site: Path, url: str) -> Path:
    """The HTML file behind a site-relative URL such as `foot-massage/step-1/`."""
    return site / url / "index.html" if not url.endswith(".html") else site / url


def search_index(site: Path) -> list[dict[str, Any]]:
    """The documents Material's search indexes."""
    data = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return list(data["docs"])


def guide_front_matter(docs: Path) -> dict[str, dict[str, object]]:
    """Every guide under a docs folder (a folder whose index.md has `supplies`): its meta."""
    guides = {}
    for overview in sorted(docs.rglob("index.md")):
        text = overview.read_text(encoding="utf-8")
        if not text.startswith("---"):
            continue
        meta = yaml.safe_load(text.split("---", 2)[1]) or {}
        if isinstance(meta, dict) and "supplies" in meta:
            guides[overview.parent.relative_to(docs).as_posix()] = meta
    return guides


def precache_list(site: Path) -> dict[str, str]:
    """The service worker's precache list of a built site: {percent-encoded URL: integrity}."""
    worker = (site / "sw.js").read_text(encoding="utf-8")
    match = re.search(r"^const PRECACHE = (\[.*\]);$", worker, re.MULTILINE)
    assert match, "sw.js holds no precache list"
    return dict(json.loads(match.group(1)))


@dataclass(frozen=True)
class GuideFacts:
    """What a guide's front matter says, read here independently of the hooks."""

    slug: str
    title: str
    summaries: list[str]
    sides: list[str]
    rounds: int

    def routine(self) -> list[tuple[str, str]]:
        """(kind, heading) of every follow-along card, in order, as the issue describes it."""
        cards: list[tuple[str, str]] = [("ready", "Get ready")]
        total = len(self.summaries)
        for round_number in range(1, self.rounds + 1):
            for index, side in enumerate(self.sides or [""]):
                if len(cards) > 1:
                    # Without sides there is one round (`rounds` needs `sides`): no switch.
                    if index == 0:
                        heading = (
                            f"Switch back to the {side}: round {round_number} of {self.rounds}"
                        )
                        cards.append(("switch", heading))
                    else:
                        cards.append(("switch", f"Switch to the {side}"))
                for number in range(1, total + 1):
                    where = [side[:1].upper() + side[1:]] if side else []
                    where.append(f"Step {number} of {total}")
                    if self.rounds > 1:
                        where.append(f"Round {round_number} of {self.rounds}")
                    cards.append(("step", " · ".join(where)))
        cards.append(("finish", "Well done"))
        return cards


def _front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    return dict(yaml.safe_load(text.split("---", 2)[1]) or {})


def guide_facts(docs: Path) -> list[GuideFacts]:
    """Every guide of a docs folder (a folder whose index.md lists `supplies`)."""
    guides = []
    for overview in sorted(docs.glob("**/index.md")):
        meta = _front_matter(overview)
        if "supplies" not in meta:
            continue
        steps = {}
        for page in overview.parent.glob("*.md"):
            page_meta = _front_matter(page)
            if "step" in page_meta:
                steps[int(str(page_meta["step"]))] = str(page_meta["summary"])
        guides.append(
            GuideFacts(
                slug=overview.parent.relative_to(docs).as_posix(),
                title=str(meta["title"]),
                summaries=[steps[number] for number in sorted(steps)],
                sides=[str(side) for side in list(meta.get("sides") or [])],  # type: ignore[call-overload]
                rounds=int(str(meta.get("rounds", 1))),
            )
        )
    return guides


class _Cards(HTMLParser):
    """(kind, heading) of every follow-along card of a built page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cards: list[tuple[str, str]] = []
        self._kind: str | None = None
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "section" and "follow-card" in attributes.get("class", "").split():
            self._kind = attributes.get("data-kind", "")
        elif tag == "h2" and self._kind is not None:
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2" and self._kind is not None and self._heading is not None:
            self.cards.append((self._kind, normalise("".join(self._heading))))
            self._kind = self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)


def follow_cards(path: Path) -> list[tuple[str, str]]:
    """The cards of a built follow-along page: (kind, heading), in page order."""
    parser = _Cards()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.cards


# A stand-in navigator.wakeLock that counts the requests and releases a page makes.
WAKE_LOCK_STUB = """
    window.__wakeLock = {requests: 0, releases: 0};
    Object.defineProperty(Navigator.prototype, 'wakeLock', {configurable: true, get: () => ({
        request: async () => {
            window.__wakeLock.requests += 1;
            return {release: async () => { window.__wakeLock.releases += 1; },
                    addEventListener: () => {}};
        },
    })});
"""


def lacks_drawings(guide: str, steps: list[str] | None = None) -> str:
    """What a test that needs step drawings says of a guide without them.

    A guide from `make new-guide` has none yet: its drawing tests fail, with this message.
    """
    steps = steps or ["step-N"]
    files = ", ".join(f"docs/{guide}/images/{step}.svg" for step in steps)
    return (
        f"the guide {guide!r} lacks its drawings: draw {files} and place each in its step page"
        " (README.md, Pictures)"
    )


def step_page_lacks_drawing(url: str) -> str:
    """`lacks_drawings` for one step page (`hand-massage/step-1/`)."""
    guide, step = url.strip("/").split("/")[-2:]
    return f"{url} has no drawing: {lacks_drawings(guide, [step])}"


def step_own_words(site: Path, slug: str, number: int, total: int, summary: str) -> str:
    """A step page's visible text after its heading and lead line: the step's own words."""
    text = article_text(page_file(site, f"{slug}/step-{number}/"))
    lead = f"Step {number} of {total} {normalise(summary)}"
    assert lead in text, f"{slug}/step-{number}/ does not lead with {lead!r}"
    own = text.split(lead, 1)[1].strip()
    assert own, f"{slug}/step-{number}/ has no words of its own after its lead"
    return own


def all_pages(site: Path) -> list[str]:
    return sorted(
        path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("*.html")
    )


def corrections() -> list[tuple[str, str]]:
    rows = (_DATA / "foot-massage-corrections.tsv").read_text(encoding="utf-8").splitlines()
    return [
        (row.split("\t")[0], row.split("\t")[1]) for row in rows if row and not row.startswith("#")
    ]


def corrected_article() -> str:
    text = (_DATA / "foot-massage-article.txt").read_text(encoding="utf-8")
    for before, after in corrections():
        assert before in text, f"correction {before!r} no longer matches the article"
        text = text.replace(before, after)
    return text


def article_sentences() -> list[str]:
    sentences = []
    for line in corrected_article().splitlines():
        sentences += re.split(r"(?<=[.!?])\s+(?=[A-Z])", line.strip())
    return [normalise(sentence) for sentence in sentences if sentence.strip()]


# The general cautions every guide carries (its overview's { #cautions } section), as patterns
# over its lower-case text: tests/builds/test_cautions.py, and test_new_guide.py for a new guide.
GENERAL_CAUTIONS = {
    "blood clots": r"blood clot",
    "broken, infected or burnt skin": r"broken .*skin|infected",
    "burns": r"burn",
    "fever or feeling unwell": r"fever|high temperature",
    "pregnancy": r"pregnan",
    "blood thinners or a bleeding problem": r"blood thinner.*bleeding|bleeding.*blood thinner",
    "recent fractures or weak bones": r"(fracture|broken bone).*(weak bones|osteoporosis)",
    "an oil allergy": r"allerg",
    "stop when it hurts": r"hurts",
}

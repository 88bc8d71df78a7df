"""The guide model: every guide under `docs/`, read from front matter once per build.

`hooks/guides.py` builds the model in `on_files` and stores it on the
build's config; the other hooks read it with `site_of(config)`. Nothing here is kept at
module level, so two builds in one process (as under `mkdocs serve`) never share state.

A guide is a folder whose `index.md` has a guide's fields (`supplies`, ...) or that holds
step pages. Its pages are the overview (that `index.md`), step pages (`step` and `summary`)
and other pages (optional `order`); `schema` says what each may hold. Every
mistake of a build is noted with its file and field, and the build stops listing them all.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from .cautions import Caution, read_cautions, short_line
from .front_matter import Document, Problems, fail, read_document
from .markdown_lines import snippet_paths
from .routine_size import routine_size
from .schema import (
    ExternalLink,
    GuideFields,
    GuidePageFields,
    PageFields,
    Source,
    StepFields,
    Supply,
    keys_of,
    validate,
)
from .templates import page_url
from .titles import Titles

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

CONFIG_KEY = "massage_guides_site"
OVERVIEW = "index.md"
CHECKLIST = "checklist.md"
PRINT = "print.md"
FOLLOW = "follow.md"
# The pages generated for every guide, and what a reader knows them as: an author's page
# at one of their addresses (`checklist.md`, `checklist/index.md`, ...) stops the build.
GENERATED = {CHECKLIST: "checklist", PRINT: "print document", FOLLOW: "follow-along page"}
# Where an overview shows its supplies (hooks/supplies.py); without it, at the overview's end.
SUPPLIES_MARKER = "<!-- supplies -->"
# Fields only a guide's overview has: an index.md with one of them makes its folder a guide.
_GUIDE_ONLY = keys_of(GuideFields) - keys_of(PageFields) - keys_of(GuidePageFields)

# A step page's usual name: with an overview beside it, its folder is a guide.
_STEP_PAGE = re.compile(r"step-\d+\.md")

# What one printed checklist sheet holds (README, "The checklist"): every guide within these
# limits prints on exactly one A4 and one US Letter sheet with no type under 10 pt. A guide
# beyond one of them stops the build (file and field) rather than print unreadably small.
MAX_STEPS = 8
MAX_SUPPLIES = 6
MAX_SIDES = 3
MAX_ROUNDS = 3
MAX_CHECKLIST_WARNINGS = 4
# The guide's title: the sheet's heading "Checklist: <title>", 16 to 22 pt, in one line.
MAX_TITLE_CHARS = 35
MAX_SUMMARY_CHARS = 80
MAX_SUPPLY_CHARS = 72  # name and note together
MAX_SIDE_CHARS = 12
MAX_WARNING_CHARS = 210  # title and text together
MAX_CAUTIONS_CHARS = 220  # the cautions' few words in the one "Don't massage if:" line

# Admonitions an author marks for the checklist: `!!! warning checklist "Title"`.
_CHECKLIST_ADMONITION = re.compile(
    r"^(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+[\w-]+)*?[ \t]+checklist"
    r'(?:[ \t]+[\w-]+)*(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$'
)


@dataclass(frozen=True)
class Step:
    """One step page: its number, title, one-line summary and source file.

    Titles here are plain text, the page's title as MkDocs shows it (`titles`).
    `drawing` is the SVG the page inlines with a snippet, relative to the docs folder
    (empty when the step has none).
    """

    number: int
    title: str
    summary: str
    src_uri: str
    body: str = ""
    drawing: str = ""


@dataclass(frozen=True)
class GuidePage:
    """A guide page that is neither the overview nor a step (tips, both feet, ...)."""

    title: str
    order: float
    src_uri: str
    body: str = ""


@dataclass(frozen=True)
class RelatedItem:
    """One entry of a guide's related list: another guide of this site, or an outside page.

    `src_uri` is the other guide's overview (empty for an outside page, whose `url` it is).
    """

    title: str
    description: str
    src_uri: str = ""
    url: str = ""

    @property
    def external(self) -> bool:
        """A page on another site."""
        return not self.src_uri


@dataclass(frozen=True)
class ChecklistWarning:
    """An admonition the author marked with the `checklist` class, and the page it is on.

    `title` and `body` are Markdown, copied as written.
    """

    kind: str
    title: str
    body: str
    src_uri: str


@dataclass(frozen=True)
class Card:
    """One card of follow-along mode: Get ready, a step on one side in one round, a switch, the end.

    `side` is a name from the guide's `sides` ("" without sides); `round` counts from 1.
    A switch card names the side (and round) the reader moves on to.
    """

    kind: str
    step: Step | None = None
    side: str = ""
    round: int = 1
    first_side: bool = False

    @property
    def key(self) -> str:
        """What the card is, in words: where a reader's place is kept (not its number).

        Like the checklist's ticks, a step is known by its summary, side and round, so a
        guide that gains or loses a step never puts the reader on another move.
        """
        if self.kind == "step" and self.step is not None:
            return f"step|{self.side}|{self.round}|{self.step.summary}"
        if self.kind == "switch":
            return f"switch|{self.side}|{self.round}"
        return self.kind

    def where(self, steps: int, rounds: int) -> str:
        """Where the card is, as a reader says it: "right foot, step 2 of 3, round 1 of 2"."""
        if self.kind == "step" and self.step is not None:
            parts = [self.side] if self.side else []
            parts.append(f"step {self.step.number} of {steps}")
            if rounds > 1:
                parts.append(f"round {self.round} of {rounds}")
            return ", ".join(parts)
        if self.kind == "switch":
            return f"switch to the {self.side}"
        return {"ready": "getting ready", "finish": "the end"}.get(self.kind, self.kind)


@dataclass(frozen=True)
class Guide:
    """One guide: everything the hooks and templates need, in reading order."""

    slug: str
    title: str
    description: str
    supplies: tuple[Supply, ...]
    steps: tuple[Step, ...]
    pages: tuple[GuidePage, ...]
    related: tuple[str | ExternalLink, ...]
    sides: tuple[str, ...] = ()
    rounds: int = 1
    warnings: tuple[ChecklistWarning, ...] = ()
    # When not to massage (`cautions`), from the overview's section marked `{ #cautions }`.
    cautions: tuple[Caution, ...] = ()
    overview_body: str = ""
    source: Source | None = None
    order: float = math.inf

    @property
    def overview_uri(self) -> str:
        """The overview page's `src_uri`."""
        return f"{self.slug}/{OVERVIEW}"

    @property
    def checklist_uri(self) -> str:
        """The generated checklist page's `src_uri`."""
        return f"{self.slug}/{CHECKLIST}"

    @property
    def print_uri(self) -> str:
        """The generated whole-guide print document's `src_uri`."""
        return f"{self.slug}/{PRINT}"

    @property
    def follow_uri(self) -> str:
        """The generated follow-along page's `src_uri`."""
        return f"{self.slug}/{FOLLOW}"

    @property
    def cautions_line(self) -> str:
        """The cautions' few words in one line, after "Don't massage if:" (checklist, Start)."""
        return short_line(self.cautions)

    @property
    def routine_size(self) -> str:
        """The routine's size in words, "3 steps on each foot, twice" (home card, overview)."""
        return routine_size(len(self.steps), self.sides, self.rounds)

    def routine(self) -> list[Card]:
        """The whole routine, one card a move: Get ready, steps x sides x rounds, the end.

        Get ready shows the supplies and the cautions. Every side is worked through all the
        steps before the next, a switch card between; after the last side the reader switches
        back to the first for the next round. Without `sides` there is one round (`rounds`
        needs `sides`): the steps once.
        """
        cards: list[Card] = [Card("ready")]
        for round_number in range(1, self.rounds + 1):
            for index, side in enumerate(self.sides or ("",)):
                if len(cards) > 1:
                    cards.append(Card("switch", None, side, round_number, first_side=index == 0))
                cards += [Card("step", step, side, round_number) for step in self.steps]
        cards.append(Card("finish"))
        return cards

    def reading_order(self) -> list[str]:
        """The `src_uri` of every page of the guide, in the order a reader walks them."""
        return [
            self.overview_uri,
            *(step.src_uri for step in self.steps),
            *(page.src_uri for page in self.pages),
            self.checklist_uri,
        ]


# Guide attributes that are overview fields of the same name, as the schema converts them
# (all but `title`, which may come from the overview's heading: `titles`).
FROM_FRONT_MATTER = tuple(
    sorted((keys_of(GuideFields) & {attribute.name for attribute in fields(Guide)}) - {"title"})
)


@dataclass
class Site:
    """All guides of one build, and which guide each page belongs to."""

    guides: dict[str, Guide] = field(default_factory=dict)
    page_guide: dict[str, str] = field(default_factory=dict)

    def guide_of(self, src_uri: str) -> Guide | None:
        """The guide a page belongs to, or None for a page outside every guide."""
        slug = self.page_guide.get(src_uri)
        return self.guides[slug] if slug is not None else None

    def step_of(self, src_uri: str) -> Step | None:
        """The step a page is, or None."""
        guide = self.guide_of(src_uri)
        if guide is None:
            return None
        return next((step for step in guide.steps if step.src_uri == src_uri), None)

    def in_order(self) -> list[Guide]:
        """The guides as the site lists them: by their overview's `order`, then by title."""
        return sorted(self.guides.values(), key=lambda guide: (guide.order, guide.title.casefold()))

    def related(self, guide: Guide) -> list[RelatedItem]:
        """What a guide's related list shows, in order.

        Guides of this site related either way (those it lists, then those listing it),
        then the outside pages it lists.
        """
        listed = [item for item in guide.related if isinstance(item, str)]
        listing = [other.slug for other in self.guides.values() if guide.slug in other.related]
        slugs = dict.fromkeys(slug for slug in [*listed, *listing] if slug != guide.slug)
        items = [
            RelatedItem(
                self.guides[slug].title,
                self.guides[slug].description,
                src_uri=self.guides[slug].overview_uri,
            )
            for slug in slugs
        ]
        items += [
            RelatedItem(item.title, "", url=item.url)
            for item in guide.related
            if isinstance(item, ExternalLink)
        ]
        return items


def site_of(config: MkDocsConfig) -> Site:
    """The model that `hooks/guides.py` stored for this build."""
    site = config.get(CONFIG_KEY)
    if not isinstance(site, Site):
        fail("mkdocs.yml", "hooks", "hooks/guides.py must be listed before the other hooks")
    return site


def store_site(config: MkDocsConfig, site: Site) -> None:
    """Keep the model on this build's config (a new config object every build)."""
    config[CONFIG_KEY] = site


def load_site(files: Files, config: MkDocsConfig) -> Site:
    """Read every page's front matter and build the model, or stop listing every mistake."""
    problems = Problems()
    titles = Titles(config)
    documents = {
        file.src_uri: read_document(file, config, titles, problems)
        for file in files.documentation_pages(inclusion=lambda level: level.is_included())
        if not file.generated_by
    }
    guide_dirs = _guide_folders(documents)
    members: dict[str, dict[str, Document]] = {slug: {} for slug in sorted(guide_dirs)}
    outside: list[Document] = []
    for uri, doc in documents.items():
        owner = _owner(uri, guide_dirs)
        if owner is None:
            outside.append(doc)
        else:
            members[owner][uri] = doc
    site = Site()
    for slug, pages in members.items():
        with problems.collecting():
            guide = _build_guide(slug, pages, config, problems)
            if guide is not None:
                site.guides[slug] = guide
                site.page_guide.update(dict.fromkeys(pages, slug))
                for name in GENERATED:
                    site.page_guide[f"{slug}/{name}"] = slug
    for guide in site.guides.values():
        _check_related(guide, guide_dirs, documents[guide.overview_uri], problems)
    for doc in outside:
        if doc.readable:
            validate(doc, PageFields, problems)
    problems.stop_if_any()
    return site


def _guide_folders(documents: dict[str, Document]) -> set[str]:
    """Folders with an overview (`index.md`) that has a guide's fields or holds step pages.

    Step pages make a folder a guide even when its overview's front matter is empty or
    misspelt (`suplies`), so the mistake is reported at that overview.
    """
    folders = set()
    for uri, doc in documents.items():
        folder, _, name = uri.rpartition("/")
        if not folder:
            continue
        if name == OVERVIEW and _GUIDE_ONLY.intersection(doc.meta):
            folders.add(folder)
        elif _STEP_PAGE.fullmatch(name) or "step" in doc.meta:
            if f"{folder}/{OVERVIEW}" in documents:
                folders.add(folder)
    return folders


def _is_step(uri: str, doc: Document) -> bool:
    return "step" in doc.meta or uri.rpartition("/")[2].startswith("step-")


def _owner(src_uri: str, guide_dirs: set[str]) -> str | None:
    """The innermost guide folder that holds a page, or None: one look per parent folder."""
    folder = src_uri.rpartition("/")[0]
    while folder:
        if folder in guide_dirs:
            return folder
        folder = folder.rpartition("/")[0]
    return None


def _build_guide(
    slug: str, documents: dict[str, Document], config: MkDocsConfig, problems: Problems
) -> Guide | None:
    """The guide, or None when one of its pages has a mistake (each noted in `problems`)."""
    overview = documents[f"{slug}/{OVERVIEW}"]
    fields = validate(overview, GuideFields, problems) if overview.readable else None
    cautions = read_cautions(overview, problems) if overview.readable else None
    complete = fields is not None and cautions is not None
    steps: list[Step] = []
    pages: list[GuidePage] = []
    for uri, doc in sorted(documents.items()):
        if uri == overview.src_uri:
            continue
        if _takes_a_generated_address(slug, doc, config, problems) or not doc.readable:
            complete = False
        elif _is_step(uri, doc):
            values = validate(doc, StepFields, problems)
            if values is None:
                complete = False
            else:
                # Its drawing: the first SVG it inlines (`--8<-- "guide/images/step-1.svg"`).
                drawing = next((p for p in snippet_paths(doc.body) if p.endswith(".svg")), "")
                steps.append(
                    Step(
                        values["step"],
                        doc.title,
                        values["summary"],
                        uri,
                        doc.body,
                        drawing,
                    )
                )
        else:
            values = validate(doc, GuidePageFields, problems)
            if values is None:
                complete = False
            else:
                pages.append(GuidePage(doc.title, values["order"], uri, doc.body))
    if not complete or fields is None or cautions is None:
        return None
    steps.sort(key=lambda step: step.number)
    _check_step_numbers(steps, documents, overview)
    pages.sort(key=lambda page: (page.order, page.src_uri))
    in_order = [overview, *(documents[step.src_uri] for step in steps)]
    in_order += [documents[page.src_uri] for page in pages]
    guide = Guide(
        slug=slug,
        title=overview.title,
        steps=tuple(steps),
        pages=tuple(pages),
        warnings=tuple(warning for doc in in_order for warning in _checklist_warnings(doc)),
        cautions=cautions,
        overview_body=overview.body,
        # The overview's own fields, as the schema converted them (schema.GuideFields).
        **{name: fields[name] for name in FROM_FRONT_MATTER},
    )
    _check_rounds_have_sides(guide, overview, problems)
    _check_fits_one_sheet(guide, documents, overview, problems)
    return guide


def _check_rounds_have_sides(guide: Guide, overview: Document, problems: Problems) -> None:
    """`rounds` counts the returns to the first side: without `sides` it has nothing to count."""
    if "rounds" in overview.meta and not guide.sides:
        problems.add(
            overview.path,
            "rounds",
            "needs 'sides': a round is every step on each side in turn, then back to the"
            " first; without sides the steps are done once, so leave 'rounds' out",
        )


def _check_fits_one_sheet(
    guide: Guide, documents: dict[str, Document], overview: Document, problems: Problems
) -> None:
    """Note every way a guide outgrows its one-sheet checklist (the MAX_* limits above)."""
    sheet = "the printed checklist holds at most"
    if len(guide.steps) > MAX_STEPS:
        extra = guide.steps[MAX_STEPS]
        problems.add(
            documents[extra.src_uri].path,
            "step",
            f"{extra.number} is one too many: {sheet} {MAX_STEPS} steps",
        )
    if len(guide.supplies) > MAX_SUPPLIES:
        count = len(guide.supplies)
        problems.add(overview.path, "supplies", f"has {count} items: {sheet} {MAX_SUPPLIES}")
    if len(guide.sides) > MAX_SIDES:
        problems.add(overview.path, "sides", f"has {len(guide.sides)} names: {sheet} {MAX_SIDES}")
    if guide.rounds > MAX_ROUNDS:
        problems.add(overview.path, "rounds", f"is {guide.rounds}: {sheet} {MAX_ROUNDS}")
    if len(guide.warnings) > MAX_CHECKLIST_WARNINGS:
        extra_warning = guide.warnings[MAX_CHECKLIST_WARNINGS]
        problems.add(
            documents[extra_warning.src_uri].path,
            "checklist",
            f"warning '{extra_warning.title}' is warning {len(guide.warnings)} of this guide:"
            f" {sheet} {MAX_CHECKLIST_WARNINGS} (drop `checklist` from the least needed)",
        )
    texts = [(overview.path, "title", guide.title, MAX_TITLE_CHARS)]
    texts += [(overview.path, "sides", side, MAX_SIDE_CHARS) for side in guide.sides]
    texts += [
        (overview.path, "supplies", f"{s.name}: {s.note}" if s.note else s.name, MAX_SUPPLY_CHARS)
        for s in guide.supplies
    ]
    texts += [
        (documents[step.src_uri].path, "summary", step.summary, MAX_SUMMARY_CHARS)
        for step in guide.steps
    ]
    texts += [
        (
            documents[warning.src_uri].path,
            "checklist",
            f"{warning.title} {' '.join(warning.body.split())}",
            MAX_WARNING_CHARS,
        )
        for warning in guide.warnings
    ]
    texts.append((overview.path, "cautions", short_line(guide.cautions), MAX_CAUTIONS_CHARS))
    for path, field_name, text, limit in texts:
        if len(text) > limit:
            problems.add(
                path,
                field_name,
                f"'{text[:30]}…' is {len(text)} characters: {sheet} {limit}"
                " (the pages can say more)",
            )


def _takes_a_generated_address(
    slug: str, doc: Document, config: MkDocsConfig, problems: Problems
) -> bool:
    """A page whose address is that of a page generated for the guide (one would be lost)."""
    url = page_url(config, doc.src_uri)
    for name, what in GENERATED.items():
        if url == page_url(config, f"{slug}/{name}"):
            problems.add(
                doc.path,
                "file name",
                f"'{doc.src_uri[len(slug) + 1 :]}' is where the guide's generated {what} goes"
                f" ({url}): rename it",
            )
            return True
    return False


def _check_step_numbers(
    steps: list[Step], documents: dict[str, Document], overview: Document
) -> None:
    if not steps:
        fail(overview.path, "step", "is on no page of this guide: add step-1.md with 'step: 1'")
    seen: dict[int, Step] = {}
    for step in steps:
        if step.number in seen:
            first = seen[step.number].src_uri
            path = documents[step.src_uri].path
            fail(path, "step", f"{step.number} is repeated (also in {documents[first].path})")
        seen[step.number] = step
    expected = list(range(1, len(steps) + 1))
    if [step.number for step in steps] != expected:
        missing = sorted(set(expected) - set(seen))
        odd = next(step for step in steps if step.number not in expected)
        fail(
            documents[odd.src_uri].path,
            "step",
            f"{odd.number} is out of sequence: steps must be numbered 1 to {len(steps)}"
            f" (missing {', '.join(map(str, missing))})",
        )


def _check_related(
    guide: Guide, guide_dirs: set[str], overview: Document, problems: Problems
) -> None:
    for item in guide.related:
        if isinstance(item, str) and item not in guide_dirs:
            known = ", ".join(sorted(guide_dirs))
            problems.add(overview.path, "related", f"'{item}' is not a guide (guides: {known})")


def _checklist_warnings(doc: Document) -> list[ChecklistWarning]:
    """Admonitions marked `checklist`, with their indented body as Markdown."""
    warnings = []
    lines = doc.body.splitlines()
    for number, line in enumerate(lines):
        match = _CHECKLIST_ADMONITION.match(line)
        if not match:
            continue
        body: list[str] = []
        for following in lines[number + 1 :]:
            if following.strip() and not following.startswith(("    ", "\t")):
                break
            body.append(following[4:] if following.startswith("    ") else following.lstrip("\t"))
        title = match["title"] if match["title"] is not None else match["kind"].capitalize()
        warnings.append(
            ChecklistWarning(match["kind"], title, "\n".join(body).strip(), doc.src_uri)
        )
    return warnings

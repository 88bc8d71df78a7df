"""The guide model: every guide under `docs/`, read from front matter once per build.

Not a hook itself: `hooks/guides.py` builds the model in `on_files` and stores it on the
build's config; the other hooks read it with `site_of(config)`. Nothing here is kept at
module level, so two builds in one process (as under `mkdocs serve`) never share state.

A guide is a folder whose `index.md` has `supplies`. Its pages are the overview (that
`index.md`), step pages (`step` and `summary`) and other pages (optional `order`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from front_matter import Document, fail, read_document
from source import Source, read_source

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

CONFIG_KEY = "massage_guides_site"
OVERVIEW = "index.md"
CHECKLIST = "checklist.md"
PRINT = "print.md"

# Admonitions an author marks for the checklist: `!!! warning checklist "Title"`.
_CHECKLIST_ADMONITION = re.compile(
    r"^(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+[\w-]+)*?[ \t]+checklist"
    r'(?:[ \t]+[\w-]+)*(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$'
)


@dataclass(frozen=True)
class Supply:
    """One thing the reader needs, with an optional note (`{name, note}` in front matter)."""

    name: str
    note: str = ""


@dataclass(frozen=True)
class Step:
    """One step page: its number, heading, one-line summary and source file."""

    number: int
    title: str
    summary: str
    src_uri: str
    body: str = ""


@dataclass(frozen=True)
class GuidePage:
    """A guide page that is neither the overview nor a step (tips, both feet, ...)."""

    title: str
    order: float
    src_uri: str
    body: str = ""


@dataclass(frozen=True)
class ExternalLink:
    """A related page on another site (`{title, url}` in front matter)."""

    title: str
    url: str


@dataclass(frozen=True)
class ChecklistWarning:
    """An admonition the author marked with the `checklist` class."""

    kind: str
    title: str
    body: str
    src_uri: str


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
    overview_body: str = ""
    source: Source | None = None

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

    def reading_order(self) -> list[str]:
        """The `src_uri` of every page of the guide, in the order a reader walks them."""
        return [
            self.overview_uri,
            *(step.src_uri for step in self.steps),
            *(page.src_uri for page in self.pages),
            self.checklist_uri,
        ]


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
    """Read every Markdown page's front matter and build the model, or stop the build."""
    documents = {
        file.src_uri: read_document(file, config)
        for file in files.documentation_pages(inclusion=lambda level: level.is_included())
        if not file.generated_by
    }
    guide_dirs = {
        uri.rpartition("/")[0]
        for uri, doc in documents.items()
        if uri.endswith("/" + OVERVIEW) and "supplies" in doc.meta
    }
    members: dict[str, dict[str, Document]] = {slug: {} for slug in sorted(guide_dirs)}
    for uri, doc in documents.items():
        owner = _owner(uri, guide_dirs)
        if owner is not None:
            members[owner][uri] = doc
    site = Site()
    for slug, pages in members.items():
        site.guides[slug] = _build_guide(slug, pages)
        site.page_guide.update(dict.fromkeys(pages, slug))
        site.page_guide[site.guides[slug].checklist_uri] = slug
        site.page_guide[site.guides[slug].print_uri] = slug
    for guide in site.guides.values():
        _check_related(guide, site, documents[guide.overview_uri])
    for uri, doc in documents.items():
        if uri not in site.page_guide:
            doc.check_keys(doc.kind_keys("page"))
    return site


def _owner(src_uri: str, guide_dirs: set[str]) -> str | None:
    """The innermost guide folder that holds a page, or None: one look per parent folder."""
    folder = src_uri.rpartition("/")[0]
    while folder:
        if folder in guide_dirs:
            return folder
        folder = folder.rpartition("/")[0]
    return None


def _build_guide(slug: str, documents: dict[str, Document]) -> Guide:
    overview = documents[f"{slug}/{OVERVIEW}"]
    overview.check_keys(overview.kind_keys("guide"))
    steps: list[Step] = []
    pages: list[GuidePage] = []
    for uri, doc in sorted(documents.items()):
        if uri == overview.src_uri:
            continue
        if uri.rpartition("/")[2] in (CHECKLIST, PRINT):
            name = uri.rpartition("/")[2]
            fail(doc.path, "file name", f"'{name}' is generated for every guide: rename it")
        if "step" in doc.meta or uri.rpartition("/")[2].startswith("step-"):
            doc.check_keys(doc.kind_keys("step"))
            steps.append(_read_step(doc))
        else:
            doc.check_keys(doc.kind_keys("guide page"))
            pages.append(GuidePage(doc.title, doc.optional_number("order"), uri, doc.body))
    steps.sort(key=lambda step: step.number)
    _check_step_numbers(steps, documents, overview)
    sides = overview.optional_string_list("sides")
    return Guide(
        slug=slug,
        title=overview.title,
        description=overview.required_string("description"),
        supplies=_read_supplies(overview),
        steps=tuple(steps),
        pages=tuple(sorted(pages, key=lambda page: (page.order, page.src_uri))),
        related=_read_related(overview),
        sides=tuple(sides),
        rounds=overview.optional_positive_int("rounds", default=1),
        warnings=tuple(w for doc in documents.values() for w in _checklist_warnings(doc)),
        overview_body=overview.body,
        source=read_source(overview),
    )


def _read_step(doc: Document) -> Step:
    number = doc.meta.get("step")
    if number is None:
        fail(doc.path, "step", "is missing: a step page needs 'step: <number>'")
    if not isinstance(number, int) or isinstance(number, bool):
        fail(doc.path, "step", f"must be a whole number, not {number!r}")
    return Step(number, doc.title, doc.required_string("summary"), doc.src_uri, doc.body)


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


def _read_supplies(doc: Document) -> tuple[Supply, ...]:
    items = doc.meta.get("supplies")
    if not isinstance(items, list) or not items:
        fail(doc.path, "supplies", "must be a non-empty list")
    supplies = []
    for index, item in enumerate(items, start=1):
        if isinstance(item, str) and item.strip():
            supplies.append(Supply(item.strip()))
        elif (
            isinstance(item, dict)
            and set(item) <= {"name", "note"}
            and isinstance(item.get("name"), str)
            and item["name"].strip()
            and isinstance(item.get("note", ""), str)
        ):
            supplies.append(Supply(item["name"].strip(), item.get("note", "").strip()))
        else:
            fail(
                doc.path,
                "supplies",
                f"item {index} must be a name or {{name, note}}, not {item!r}",
            )
    return tuple(supplies)


def _read_related(doc: Document) -> tuple[str | ExternalLink, ...]:
    items = doc.meta.get("related", [])
    if items is None:
        items = []
    if not isinstance(items, list):
        fail(doc.path, "related", "must be a list of guide folder names or {title, url}")
    related: list[str | ExternalLink] = []
    for index, item in enumerate(items, start=1):
        if isinstance(item, str) and item.strip():
            related.append(item.strip().strip("/"))
        elif (
            isinstance(item, dict)
            and set(item) == {"title", "url"}
            and all(isinstance(value, str) and value.strip() for value in item.values())
        ):
            related.append(ExternalLink(item["title"].strip(), item["url"].strip()))
        else:
            fail(
                doc.path,
                "related",
                f"item {index} must be a guide folder name or {{title, url}}, not {item!r}",
            )
    return tuple(related)


def _check_related(guide: Guide, site: Site, overview: Document) -> None:
    for item in guide.related:
        if isinstance(item, str) and item not in site.guides:
            known = ", ".join(sorted(site.guides))
            fail(overview.path, "related", f"'{item}' is not a guide (guides: {known})")


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

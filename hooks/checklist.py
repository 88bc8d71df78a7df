"""Hook: generate each guide's one-page checklist, `<guide>/checklist/`.

Supplies to tick off; the routine as a grid, one row per step (its number, summary and a
small copy of its drawing) and one tick column per side per round; the warnings its author
marked `checklist`; on a public build, the guide's address with a QR code. Every box carries
a key made of its item's words (not its position), so a reader's ticks stay on their items
when an author inserts a step or a supply. Type and drawing sizes for paper come from
`massage_guides.sheet`. Markup is in `overrides/partials/checklist.html`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from massage_guides.address import public_address, qr_code
from massage_guides.drawings import first_panel
from massage_guides.front_matter import display_path, fail
from massage_guides.generated import generated_page
from massage_guides.model import site_of
from massage_guides.sheet import choose_sheet, how_to_tick
from massage_guides.templates import render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

    from massage_guides.model import Guide, Step, Supply

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>\s*")


@dataclass(frozen=True)
class Tick:
    """One box: its storage key (the item's words) and what a screen reader calls it."""

    key: str
    label: str


@dataclass(frozen=True)
class Column:
    """One tick column of the routine: a side (or none) in a round."""

    round: int
    side: str
    switch: bool  # a switch to this side comes before the column


@dataclass(frozen=True)
class Row:
    """One step of the routine with its drawing and a box per column."""

    step: Step
    drawing: Markup
    ticks: tuple[Tick, ...]


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Add a generated checklist page to every guide."""
    for guide in site_of(config).guides.values():
        files.append(_page(guide, files, config))
    return files


def _page(guide: Guide, files: Files, config: MkDocsConfig) -> File:
    title = f"Checklist: {guide.title}"
    front_matter = {
        "title": title,
        "description": f"A one-page checklist for {guide.title[:1].lower()}{guide.title[1:]}.",
        # Its script and stylesheet (mkdocs.yml `extra: page_bundles`, hooks/assets.py).
        "bundle": "checklist",
    }
    address = public_address(guide, config)
    columns = _columns(guide)
    body = render(
        config,
        "partials/checklist.html",
        guide=guide,
        address=address,
        qr_code=qr_code(address) if address else None,
        supplies=_supply_ticks(guide),
        columns=columns,
        rows=_rows(guide, columns, files, config),
        sheet=choose_sheet(guide, title=title, with_address=address is not None),
        how_to_tick=how_to_tick(guide),
    )
    # In the sidebar: the guide's section ends with it (hooks/navigation.py).
    return generated_page(config, guide.checklist_uri, front_matter, body, in_nav=True)


def _columns(guide: Guide) -> list[Column]:
    sides = guide.sides or ("",)
    return [
        Column(round_number, side, switch=index > 0)
        for round_number in range(1, guide.rounds + 1)
        for index, side in enumerate(sides)
    ]


def _unique(keys: list[str]) -> list[str]:
    """Keys made unique: a second item with the same words gets `#2`, and so on."""
    seen: dict[str, int] = {}
    unique = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        unique.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return unique


def _supply_ticks(guide: Guide) -> list[tuple[Supply, Tick]]:
    keys = _unique([f"supply: {supply.name}" for supply in guide.supplies])
    return [
        (supply, Tick(key, supply.name)) for supply, key in zip(guide.supplies, keys, strict=True)
    ]


def _rows(guide: Guide, columns: list[Column], files: Files, config: MkDocsConfig) -> list[Row]:
    step_keys = _unique([f"step: {step.summary}" for step in guide.steps])
    rows = []
    for step, step_key in zip(guide.steps, step_keys, strict=True):
        ticks = tuple(_step_tick(step, step_key, column) for column in columns)
        rows.append(Row(step, _drawing(step, files, config), ticks))
    return rows


def _step_tick(step: Step, step_key: str, column: Column) -> Tick:
    side = [column.side] if column.side else []
    key = " | ".join([step_key, *side, f"round {column.round}"])
    return Tick(key, ", ".join([f"Step {step.number}", *side, f"round {column.round}"]))


def _drawing(step: Step, files: Files, config: MkDocsConfig) -> Markup:
    """The step page's own SVG, its first panel, inlined as the page inlines it ("" if none)."""
    if not step.drawing:
        return Markup("")
    try:
        svg = Path(config.docs_dir, step.drawing).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        page = files.get_file_from_path(step.src_uri)
        path = display_path(page, config) if page else step.src_uri
        fail(path, "drawing", f"'{step.drawing}' is not a readable UTF-8 file")
    # A drawing of several moves shows its first on the sheet (massage_guides.drawings).
    try:
        return Markup(first_panel(_XML_DECLARATION.sub("", svg).strip()))
    except ValueError as error:
        fail(f"docs/{step.drawing}", "data-first-panel", str(error))

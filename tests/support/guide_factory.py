"""Write generated guides into a docs folder: for scaling tests and the benchmark."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from massage_guides import model

STEPS = 3

# The limits a guide may reach (hooks/massage_guides/model.py), all at once.
LARGEST = {
    "steps": model.MAX_STEPS,
    "supplies": model.MAX_SUPPLIES,
    "warnings": model.MAX_CHECKLIST_WARNINGS,
    "title_chars": model.MAX_TITLE_CHARS,
}
# Guides at the edges of what the model allows, by slug: the checklist sheet and the
# follow-along screen are checked on each (tests/browser/).
EDGE_GUIDES: dict[str, dict[str, Any]] = {
    "edge-smallest": {"steps": 1, "supplies": 1},
    "edge-middle": {"steps": 5, "supplies": 4, "sides": 2, "rounds": 3, "warnings": 2},
    "edge-largest": {**LARGEST, "sides": model.MAX_SIDES, "rounds": model.MAX_ROUNDS},
    "edge-no-sides": {**LARGEST, "rounds": 1},
    # The widest text a guide may have, every word in capitals, in the tallest sheet of
    # every number of sides and rounds (measured: 2 sides, the most rounds).
    "edge-capitals": {**LARGEST, "sides": 2, "rounds": model.MAX_ROUNDS, "capitals": True},
}
# A health service page for generated cautions (any web address will do for the build).
_SOURCE = "[NHS: Deep vein thrombosis](https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/)"


def cautions_section(line_chars: int = 0, count: int = 3) -> str:
    """A cautions section of `count` items whose few words join to `line_chars` characters.

    Without `line_chars`, short ordinary names. The words join as the checklist prints them:
    lower case, separated by "; " (massage_guides.cautions.short_line).
    """
    if line_chars:
        share = (line_chars - 2 * (count - 1)) // count
        lengths = [share] * count
        lengths[-1] += line_chars - 2 * (count - 1) - share * count
        names = [text_of_length(length, f"caution {n}") for n, length in enumerate(lengths, 1)]
    else:
        names = [f"Caution {n}" for n in range(1, count + 1)]
    items = "".join(f"- **{name}**: what to do instead. {_SOURCE}\n" for name in names)
    return (
        "## When not to massage { #cautions }\n\n"
        f"{items}\nThis is general information, not medical advice.\n"
    )


def write_guide(docs: Path, number: int, *, related: list[str] | None = None) -> str:
    """One guide like the real ones: overview, three steps, tips; returns its folder name."""
    slug = f"generated-{number:04d}"
    guide = docs / slug
    guide.mkdir(parents=True)
    related_yaml = "[" + ", ".join(related or []) + "]"
    (guide / "index.md").write_text(
        f"---\ntitle: Generated guide {number}\n"
        f"description: A generated guide number {number} for measuring the build.\n"
        "supplies:\n  - name: Oil\n    note: a little\n  - A towel\n"
        f"sides: [left hand, right hand]\nrounds: 2\nrelated: {related_yaml}\n---\n\n"
        f"# Generated guide {number}\n\nAn introduction to guide {number}.\n\n"
        "## Things you will need\n\n<!-- supplies -->\n\n" + cautions_section(),
        encoding="utf-8",
    )
    for step in range(1, STEPS + 1):
        (guide / f"step-{step}.md").write_text(
            f"---\nstep: {step}\nsummary: Do step {step} of guide {number}.\n---\n\n"
            f"# Step {step}: Part {step} of guide {number}\n\n"
            + "Words of this step, long enough to be a real paragraph of text. " * 8
            + "\n",
            encoding="utf-8",
        )
    (guide / "tips.md").write_text(
        '---\norder: 1\n---\n\n# Tips\n\n!!! warning checklist "Careful"\n\n'
        f"    Be careful with guide {number}.\n",
        encoding="utf-8",
    )
    return slug


def write_site(docs: Path, guides: int, *, home: bool = True) -> list[str]:
    """A docs folder with a home page and `guides` generated guides."""
    docs.mkdir(parents=True, exist_ok=True)
    if home:
        (docs / "index.md").write_text("# Generated guides\n\nHome.\n", encoding="utf-8")
    return [write_guide(docs, number) for number in range(1, guides + 1)]


# Words for generated text of an exact length: ordinary words, like a real guide's.
_WORDS = (
    "gently stroke the skin with both hands then knead each muscle slowly and keep a steady"
    " pressure while your partner breathes out and relaxes fully before you move on"
).split()


def text_of_length(length: int, start: str = "") -> str:
    """Plain words (a capital first, a full stop last) exactly `length` characters long."""
    text = start
    index = 0
    while len(text) < length:
        text = f"{text} {_WORDS[index % len(_WORDS)]}" if text else _WORDS[0].capitalize()
        index += 1
    text = text[: length - 1].rstrip()
    while len(text) < length - 1:
        text += "s"
    return text + "."


def drawing_svg(slug: str, step: int) -> str:
    """A small line drawing like a step's own (currentColor lines, an area, a hand)."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" role="img"'
        f' aria-labelledby="{slug}-step-{step}-title" class="step-figure__drawing" fill="none"'
        ' stroke="currentColor" stroke-width="2">\n'
        f'<title id="{slug}-step-{step}-title">A hand on a back, step {step}.</title>\n'
        '<path class="step-figure__area" fill="currentColor" fill-opacity=".15" stroke="none"'
        ' d="M60 40H180V200H60Z"/>\n'
        '<path d="M60 40H180V200H60Z"/>\n'
        f'<circle class="step-figure__hand" fill="#fff" cx="{80 + 10 * step}" cy="120" r="30"/>\n'
        f'<path d="M{80 + 10 * step} 160V{60 + step}"/>\n'
        "</svg>\n"
    )


def write_checklist_guide(
    docs: Path,
    slug: str,
    *,
    steps: int,
    supplies: int,
    sides: int = 0,
    rounds: int = 1,
    warnings: int = 0,
    summary_chars: int = 80,
    supply_chars: int = 72,
    side_chars: int = 12,
    warning_chars: int = 210,
    title_chars: int | None = None,
    cautions_chars: int = 220,
    capitals: bool = False,
) -> None:
    """A guide of a given size for its checklist: every text as long as asked, a drawing a step.

    A supply's `name: note` and a warning's title and text are as long as the `*_chars`
    given, which default to the longest the guide model allows, as does the cautions' line
    (`cautions_chars`); the title is short unless `title_chars` asks for one that long.
    """
    title = f"Checklist of {slug}" if title_chars is None else text_of_length(title_chars, slug)
    guide = docs / slug
    (guide / "images").mkdir(parents=True)
    side_names = [text_of_length(side_chars + 1, f"side {n}")[:-1] for n in range(1, sides + 1)]
    supply_items = []
    for n in range(1, supplies + 1):
        name = f"Supply {n}"
        note = text_of_length(supply_chars - len(name) - 2, "note")
        supply_items.append(f"  - name: {name}\n    note: {note}\n")
    if rounds > 1 and not sides:
        raise ValueError("rounds need sides (hooks/massage_guides/model.py)")
    sides_yaml = f"sides: [{', '.join(side_names)}]\nrounds: {rounds}\n" if sides else ""
    (guide / "index.md").write_text(
        f"---\ntitle: {title}\ndescription: A guide of a chosen size.\n"
        f"supplies:\n{''.join(supply_items)}{sides_yaml}---\n\n"
        f"# {title}\n\nA guide for the checklist tests.\n\n" + cautions_section(cautions_chars),
        encoding="utf-8",
    )
    for step in range(1, steps + 1):
        (guide / "images" / f"step-{step}.svg").write_text(
            drawing_svg(slug, step), encoding="utf-8"
        )
        summary = text_of_length(summary_chars, f"Step {step}")
        (guide / f"step-{step}.md").write_text(
            f"---\nstep: {step}\nsummary: {summary}\n---\n\n# Step {step}\n\n"
            '<figure class="step-figure" markdown="span">\n'
            f'--8<-- "{slug}/images/step-{step}.svg"\n'
            f"<figcaption>Step {step}.</figcaption>\n</figure>\n\nDo this step.\n",
            encoding="utf-8",
        )
    if warnings:
        blocks = []
        for n in range(1, warnings + 1):
            title = f"Warning {n}"
            body = text_of_length(warning_chars - len(title) - 1, f"care {n}")
            blocks.append(f'!!! warning checklist "{title}"\n\n    {body}\n')
        (guide / "tips.md").write_text(
            "---\norder: 1\n---\n\n# Tips\n\n" + "\n".join(blocks), encoding="utf-8"
        )
    if capitals:
        # Every word an author wrote, in capitals (front matter keys and Markdown stay as they
        # are): the widest text a guide within the size rules can have.
        for page in guide.glob("*.md"):
            page.write_text(_in_capitals(page.read_text(encoding="utf-8")), encoding="utf-8")


def _in_capitals(markdown: str) -> str:
    """A generated page with its words in capitals: front matter values, headings, text."""
    lines = []
    for line in markdown.splitlines():
        key, colon, value = line.partition(": ")
        if colon and key.strip(" -") in {"title", "summary", "name", "note", "description"}:
            line = f"{key}: {value.upper()}"
        elif line.startswith("- **"):
            name, rest = line[4:].split("**", 1)
            line = f"- **{name.upper()}**{rest}"
        elif line.startswith(("sides: [", "    ", "# ")):
            line = line.upper().replace("SIDES: [", "sides: [").replace("# ", "# ", 1)
        elif line.startswith('!!! warning checklist "'):
            line = '!!! warning checklist "' + line.split('"', 1)[1].upper()
        lines.append(line)
    return "\n".join(lines) + "\n"

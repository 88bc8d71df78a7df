"""Write generated guides into a docs folder: for scaling tests and the benchmark."""

from __future__ import annotations

from pathlib import Path

STEPS = 3


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
        "## Things you will need\n\n<!-- supplies -->\n",
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

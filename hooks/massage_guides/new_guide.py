"""Start a new guide: `make new-guide NAME=hand-massage` (run by the Makefile).

Writes `docs/<NAME>/index.md` and `docs/<NAME>/step-1.md` with valid front matter and text
that says what to replace, so the site builds strict-clean straight away.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .model import MAX_TITLE_CHARS

_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# The health services' pages the general cautions of a new guide link (as the guides in docs/ do).
SOURCES = {
    "nhs": "[NHS: Deep vein thrombosis (DVT)](https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/)",
    "nhs_inform": "[NHS inform: Deep vein thrombosis]"
    "(https://www.nhsinform.scot/illnesses-and-conditions/blood-and-lymph/deep-vein-thrombosis)",
    "mayo": "[Mayo Clinic: Massage: Get in touch with its many benefits]"
    "(https://www.mayoclinic.org/healthy-lifestyle/stress-management/in-depth/massage/art-20045743)",
    "nccih": "[NCCIH: Massage Therapy: What You Need To Know]"
    "(https://www.nccih.nih.gov/health/massage-therapy-what-you-need-to-know)",
}

OVERVIEW = """\
---
title: {title}
description: Replace this with one sentence that says what this guide helps a reader do.
supplies:
  - name: Replace with the first thing needed
    note: optional, such as how much
  - Replace with the second thing, or delete this line
related: []
---

# {title}

Replace this paragraph with a short introduction: what the {subject} is for and who it suits.

## Things you will need

<!-- supplies -->

## When not to massage {{ #cautions }}

Read this before your first massage, and ask your partner about each point.

<!-- The general cautions every guide carries, from health services' advice
(readme/authoring.md, "When not to massage"). Add this guide's own for its part of the body,
each linking its source, and keep the few words in bold short: the checklist prints them in
one line. -->

- **Signs of a blood clot**: pain that throbs or cramps, swelling, or warm, red or darkened skin,
  usually in one leg, can mean blood clots in a deep vein (deep vein thrombosis, DVT). Do not
  massage: get an urgent appointment with a doctor, and call an ambulance if they are short of
  breath or have chest pain. {nhs} · {nhs_inform}
- **Broken or infected skin**: keep your hands off cuts, grazes, burns, healing wounds and
  anything that looks infected; if much of the area is affected, leave the massage for another
  day. {mayo} · {nccih}
- **Fever or illness**: if your partner has a high temperature or feels unwell, wait until they
  are better. {nccih}
- **Pregnancy (ask first)**: if your partner is pregnant, check with their midwife or doctor
  before you start. {nccih} · {mayo}
- **Blood thinners (ask first)**: if your partner takes a blood thinner such as warfarin, or has
  a bleeding disorder or low platelets, ask their doctor first, and keep to light strokes: no deep
  pressure, no firm kneading. {nccih} · {mayo}
- **A fracture or weak bones**: never massage over a broken bone that is still mending; with
  severe osteoporosis, or with cancer or a pain no one has explained, ask their doctor first.
  {mayo} · {nccih}
- **Oil allergy**: ask about allergies first; if the skin reacts to the oil or powder, stop and
  wash it off, and use another. {nccih}
- **It hurts**: a massage should not hurt. Ease off or stop as soon as your partner says it hurts
  or feels wrong; feeling a little achy the next day can happen. {mayo}

This is general information, not medical advice.

## Before you start

Stop if anything hurts.

Follow the steps in order, then print the [checklist](checklist.md).
"""

STEP = """\
---
step: 1
summary: Replace with one short instruction that sums up this step.
---

# Step 1: Replace with a short title

<!-- The step's drawing goes here: docs/<guide>/images/step-1.svg, drawn to the style guide in
     readme/authoring.md#pictures (the hand, tint, arrows, panels), placed with a
     <figure class="step-figure"> as the other guides' step pages place theirs. -->

Replace this with what the reader does in this step. Add `step-2.md`, `step-3.md` and so on
for the next steps, each with `step:` and `summary:` in its front matter.
"""


def create_guide(docs: Path, name: str) -> Path:
    """Write the two starting pages of a new guide; refuse a bad or taken name."""
    if not _NAME.fullmatch(name):
        raise SystemExit(
            f"NAME must be lowercase words joined by hyphens, like hand-massage: {name!r}"
        )
    folder = docs / name
    if folder.exists():
        raise SystemExit(f"{folder} already exists: choose another NAME")
    folder.mkdir(parents=True)
    subject = name.replace("-", " ")
    text = OVERVIEW.format(subject=subject, title=guide_title(subject), **SOURCES)
    (folder / "index.md").write_text(text, encoding="utf-8")
    (folder / "step-1.md").write_text(STEP, encoding="utf-8")
    return folder


def guide_title(subject: str) -> str:
    """A title within the guide's MAX_TITLE_CHARS: "How to give a <subject>", or shorter."""
    for title in (f"How to give a {subject}", subject[:1].upper() + subject[1:]):
        if len(title) <= MAX_TITLE_CHARS:
            return title
    # Whole words, then "…" (one character): the author replaces it anyway.
    cut = title[: MAX_TITLE_CHARS - 1]
    words = cut.rsplit(" ", 1)[0] if title[MAX_TITLE_CHARS - 1] != " " and " " in cut else cut
    return words.rstrip() + "…"


def main(argv: list[str]) -> int:
    """Command line: NAME and the docs folder (default: docs next to mkdocs.yml)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the guide's folder name, e.g. hand-massage")
    parser.add_argument("--docs", type=Path, default=Path(__file__).resolve().parents[2] / "docs")
    args = parser.parse_args(argv)
    folder = create_guide(args.docs, args.name)
    print(f"Created {folder}/index.md and step-1.md: replace their text, then `make serve`.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

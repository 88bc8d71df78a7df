"""A guide's cautions, read from the overview's section marked `{ #cautions }`."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from massage_guides.cautions import Caution, read_cautions, short_line
from massage_guides.front_matter import Document, Problems
from massage_guides.schema import ExternalLink

NHS = "https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/"
SECTION = f"""\
# A guide

## When not to massage {{ #cautions }}

- **Signs of a blood clot**: swelling in one leg. Get help instead.
  [NHS: DVT]({NHS})
- **DVT risk** after a long flight: ask first. [NHS: DVT]({NHS}) · [Other](https://example.org/a)

```text
- **Not a caution**: inside fenced code
```

This is general information, not medical advice.

## Before you start

- **Not a caution either**: a later section. [x](https://example.org/)
"""


def _read(body: str) -> tuple[tuple[Caution, ...] | None, list[str]]:
    problems = Problems()
    cautions = read_cautions(Document("g/index.md", "docs/g/index.md", {}, body, "G"), problems)
    try:
        problems.stop_if_any()
    except PluginError as error:
        return cautions, str(error).splitlines()
    return cautions, []


def test_each_item_gives_its_few_words_its_text_and_its_sources() -> None:
    cautions, problems = _read(SECTION)
    assert problems == []
    assert cautions is not None
    assert [caution.name for caution in cautions] == ["Signs of a blood clot", "DVT risk"]
    assert cautions[0].sources == (ExternalLink("NHS: DVT", NHS),)
    assert cautions[0].text.startswith("swelling in one leg. Get help instead.")
    assert len(cautions[1].sources) == 2


def test_the_short_line_runs_the_few_words_in_lower_case_but_abbreviations() -> None:
    cautions, _ = _read(SECTION)
    assert cautions is not None
    assert short_line(cautions) == "signs of a blood clot; DVT risk"


def test_a_guide_without_the_section_is_told_how_to_write_it() -> None:
    cautions, problems = _read("# A guide\n\n## When not to massage\n\n- **x**: y\n")
    assert cautions is None
    assert problems == [
        "docs/g/index.md: 'cautions' are missing: add a section '## When not to massage"
        " { #cautions }' that lists, one item each, when not to massage, each linking the health"
        " service page it comes from"
    ]


@pytest.mark.parametrize(
    ("item", "problem"),
    [
        (
            "- Signs of a clot: no bold words. [NHS](https://www.nhs.uk/)",
            "docs/g/index.md: 'cautions' item 'Signs of a clot: no bold words. [NHS](ht…'"
            " must lead with its few words in bold: '**Signs of a blood clot**: ...'",
        ),
        (
            "- **Fever**: wait until they are better.",
            "docs/g/index.md: 'cautions' 'Fever' links no source: link the health service page"
            " its facts come from",
        ),
        (
            "- **Fever**: wait. [x](javascript:alert(1))",
            "docs/g/index.md: 'cautions' 'Fever' links 'javascript:alert(1', which must start"
            " with http:// or https://",
        ),
    ],
)
def test_a_caution_without_its_bold_words_or_a_source_stops_the_build(
    item: str, problem: str
) -> None:
    cautions, problems = _read(f"## When not to massage {{ #cautions }}\n\n{item}\n")
    assert cautions is None
    assert problems == [problem]

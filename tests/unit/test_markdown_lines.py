"""The one reader of headings and snippet lines: fenced code is code."""

from __future__ import annotations

from massage_guides.markdown_lines import (
    first_heading,
    headings_down,
    leading_heading,
    snippet_paths,
    without_first_heading,
)

FENCED = """\
Intro.

```bash
# not a heading
--8<-- "not/a/snippet.svg"
```

# Real heading

~~~~
# still code ```
~~~~

## Sub
--8<-- "guide/images/step-1.svg"
"""


def test_first_heading_skips_fenced_code() -> None:
    span = first_heading(FENCED)
    assert span is not None
    assert FENCED[span[0] : span[1]] == "# Real heading"


def test_a_page_without_a_heading_has_none() -> None:
    assert first_heading("```\n# code\n```\n") is None
    assert first_heading("#hashtag is no heading\n") is None


def test_without_first_heading_takes_out_its_line_only() -> None:
    text = without_first_heading("# Title\nBody\n# Second\n")
    assert text == "Body\n# Second\n"
    assert without_first_heading("No heading\n") == "No heading\n"
    assert without_first_heading("# Only") == ""


def test_headings_go_down_outside_fences_and_stop_at_level_6() -> None:
    moved = headings_down(FENCED, 1)
    assert "## Real heading" in moved
    assert "### Sub" in moved
    assert "# not a heading" in moved and "## not a heading" not in moved
    assert headings_down("##### Five\n###### Six\n", 2) == "###### Five\n###### Six\n"


def test_leading_heading_is_the_first_block_only() -> None:
    assert leading_heading("\n\n# Title { #top }\ntext") == "# Title { #top }"
    assert leading_heading("Text first\n# Title") is None
    assert leading_heading("## Not level one") is None


def test_snippet_paths_skip_fenced_code() -> None:
    assert snippet_paths(FENCED) == ["guide/images/step-1.svg"]
    assert snippet_paths("  --8<-- 'single.svg'\n") == ["single.svg"]

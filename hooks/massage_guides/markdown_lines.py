"""The lines of an author's Markdown that the hooks read or change: headings and snippets.

One reader for all of them, so every hook agrees on what a heading is. Lines inside fenced
code (``` or ~~~, as pymdownx.superfences reads them, indented or not) are code: a `# ` line
there is no heading and a `--8<--` line there is no snippet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})(?=[ \t]|$)")
# pymdownx.snippets' one-line form: the marker, then one quoted path.
_SNIPPET = re.compile(r"""^[ \t]*-+8<-+[ \t]+(["'])(?P<path>[^"'\n]+)\1[ \t]*$""")
_MAX_LEVEL = 6


def _lines(markdown: str) -> Iterator[tuple[int, str, bool]]:
    """(offset, line with its line break, whether it is outside fenced code), in order."""
    fence = ""
    offset = 0
    for line in markdown.splitlines(keepends=True):
        opening = _FENCE.match(line)
        if fence:
            # A fence closes with the same character, at least as long, and nothing after it.
            if opening and opening["fence"][0] == fence[0] and len(opening["fence"]) >= len(fence):
                if not line[opening.end() :].strip():
                    fence = ""
            yield offset, line, False
        elif opening:
            fence = opening["fence"]
            yield offset, line, False
        else:
            yield offset, line, True
        offset += len(line)


def first_heading(markdown: str) -> tuple[int, int] | None:
    """Where the first `# ` heading (level 1) is: (start, end of its line), or None."""
    for offset, line, outside in _lines(markdown):
        heading = _HEADING.match(line) if outside else None
        if heading and len(heading["hashes"]) == 1:
            return offset, offset + len(line.rstrip("\r\n"))
    return None


def leading_heading(markdown: str) -> str | None:
    """The page's first block when it is a `# ` heading (MkDocs' title), without its line break."""
    for _, line, _ in _lines(markdown):
        if not line.strip():
            continue
        heading = _HEADING.match(line)
        return line.strip() if heading and len(heading["hashes"]) == 1 else None
    return None


def without_first_heading(markdown: str) -> str:
    """The text with its first `# ` heading line taken out (a page that has its own title)."""
    span = first_heading(markdown)
    if span is None:
        return markdown
    end = span[1]
    end += 2 if markdown.startswith("\r\n", end) else 1 if markdown[end : end + 1] == "\n" else 0
    return markdown[: span[0]] + markdown[end:]


def headings_down(markdown: str, levels: int) -> str:
    """Every heading `levels` deeper (`# Step 1` becomes `## Step 1`), as far as level 6."""
    parts = []
    for _, line, outside in _lines(markdown):
        heading = _HEADING.match(line) if outside else None
        if heading:
            deeper = min(len(heading["hashes"]) + levels, _MAX_LEVEL)
            line = "#" * deeper + line[heading.end() :]
        parts.append(line)
    return "".join(parts)


def snippet_paths(markdown: str) -> list[str]:
    """The files the page inlines with pymdownx.snippets' one-line `--8<-- "path"`, in order."""
    paths = []
    for _, line, outside in _lines(markdown):
        snippet = _SNIPPET.match(line) if outside else None
        if snippet:
            paths.append(snippet["path"])
    return paths


def section_marked(markdown: str, marker: str) -> str | None:
    """The text under the heading marked `{ #marker }` (attr_list), to the next heading as high.

    Fenced code in it is left out (its lines are code, not the section's items). None when no
    heading outside fenced code carries the marker.
    """
    attribute = re.compile(r"\{[^}]*#" + re.escape(marker) + r"(?=[\s}])[^}]*\}[ \t]*$")
    level = 0
    lines: list[str] = []
    for _, line, outside in _lines(markdown):
        heading = _HEADING.match(line) if outside else None
        if level and heading and len(heading["hashes"]) <= level:
            break
        if level and outside:
            lines.append(line)
        elif heading and attribute.search(line.rstrip("\r\n")):
            level = len(heading["hashes"])
    return "".join(lines) if level else None


def after_first_heading(markdown: str, block: str) -> str:
    """The text with `block` right under its first `# ` heading (first of all without one)."""
    heading = first_heading(markdown)
    if heading is None:
        return f"{block}\n\n{markdown}"
    end = heading[1]
    return f"{markdown[:end]}\n\n{block}\n{markdown[end:]}"

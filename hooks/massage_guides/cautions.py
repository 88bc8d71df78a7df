"""A guide's cautions: when not to massage, each with the health service page it comes from.

The author writes them once, on the guide's overview, as a section whose heading is marked
`{ #cautions }` (attr_list), each caution a list item that leads with its few words in bold and
links its source:

    ## When not to massage { #cautions }

    - **Signs of a blood clot**: throbbing or cramping pain, swelling ... [DVT](https://...)

The hooks place them everywhere a reader looks: the overview shows the section as written and a
short "Don't massage if: ..." line beside Start; the print document carries the overview; the
checklist prints the short line (the bold leads, no links); follow-along mode can read them
from the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .markdown_lines import section_marked
from .schema import ExternalLink, web_address

if TYPE_CHECKING:
    from .front_matter import Document, Problems

MARKER = "cautions"
FIELD = "cautions"
# The line the checklist prints and the overview shows beside Start: "Don't massage if: ..."
LEAD = "Don't massage if:"
SEPARATOR = "; "
# A list item: `- ` or `* ` at the margin, then its text to the next item (indented lines join).
_ITEM = re.compile(r"^[-*][ \t]+(?P<text>.*(?:\n(?:[ \t]+.*|[ \t]*))*)", re.MULTILINE)
_LEAD = re.compile(r"\A\*\*(?P<name>[^*\n]+?)\*\*[:.]?[ \t]*(?P<rest>.*)\Z", re.DOTALL)
_LINK = re.compile(r"\[(?P<title>[^\]\n]+)\]\((?P<url>[^)\s]+)\)")
_MARKUP = re.compile(r"[\[\]`<>_*\\]")


@dataclass(frozen=True)
class Caution:
    """One caution: its few words (plain text), the rest of its text (Markdown), its sources."""

    name: str
    text: str
    sources: tuple[ExternalLink, ...]


def short_line(cautions: tuple[Caution, ...]) -> str:
    """The cautions' few words run into one line, after LEAD: "signs of a blood clot; ...".

    Each starts lower case unless it starts with an abbreviation ("DVT").
    """
    return SEPARATOR.join(_run_in(caution.name) for caution in cautions)


def _run_in(name: str) -> str:
    first = name.split()[0]
    if len(first) > 1 and first.isupper():
        return name
    return name[:1].lower() + name[1:]


def read_cautions(doc: Document, problems: Problems) -> tuple[Caution, ...] | None:
    """The overview's cautions, or None after noting what is wrong with them."""
    section = section_marked(doc.body, MARKER)
    if section is None:
        problems.add(
            doc.path,
            FIELD,
            "are missing: add a section '## When not to massage { #cautions }' that lists, one"
            " item each, when not to massage, each linking the health service page it comes from",
        )
        return None
    cautions = []
    failed = False
    for item in _ITEM.finditer(section):
        caution = _caution(" ".join(item["text"].split()))
        if isinstance(caution, str):
            problems.add(doc.path, FIELD, caution)
            failed = True
        else:
            cautions.append(caution)
    if not cautions and not failed:
        problems.add(doc.path, FIELD, "list no caution: write one list item per caution")
        return None
    return None if failed else tuple(cautions)


def _caution(item: str) -> Caution | str:
    """The caution one list item says, or what is wrong with it."""
    lead = _LEAD.match(item)
    if lead is None:
        example = "'**Signs of a blood clot**: ...'"
        return f"item {_quoted(item)} must lead with its few words in bold: {example}"
    name = lead["name"].strip()
    if _MARKUP.search(name):
        return f"item {_quoted(name)} has markup in its bold words: they print as plain text"
    sources = []
    for link in _LINK.finditer(lead["rest"]):
        problem = web_address(link["url"])
        if problem:
            return f"'{name}' links {_quoted(link['url'])}, which {problem}"
        sources.append(ExternalLink(link["title"], link["url"]))
    if not sources:
        return f"'{name}' links no source: link the health service page its facts come from"
    return Caution(name, lead["rest"].strip(), tuple(sources))


def _quoted(text: str, limit: int = 40) -> str:
    """Author text in a message, cut short: never an unbounded value."""
    return repr(text if len(text) <= limit else text[:limit] + "…")

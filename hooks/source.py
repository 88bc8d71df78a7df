"""A guide's `source`: the work it is adapted from and what was changed (not a hook).

Read from the overview's front matter into the guide model; `hooks/credit.py` shows it.
`author` and `url` are left out when the source names none: the credit then says so
rather than invent one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from front_matter import fail

if TYPE_CHECKING:
    from front_matter import Document

_REQUIRED = ("adapted_from", "changes")
_OPTIONAL = ("author", "url")
_MEANING = {
    "adapted_from": "say what the guide is adapted from",
    "changes": "say what this site changed from the source",
}


@dataclass(frozen=True)
class Source:
    """What a guide is adapted from, by whom, where it is, and what this site changed."""

    adapted_from: str
    changes: str
    author: str = ""
    url: str = ""


def read_source(doc: Document) -> Source | None:
    """The overview's `source`, or None; a malformed one stops the build."""
    value = doc.meta.get("source")
    if value is None:
        return None
    known = ", ".join((*_REQUIRED, *_OPTIONAL))
    if not isinstance(value, dict) or not set(value) <= {*_REQUIRED, *_OPTIONAL}:
        fail(doc.path, "source", f"must be a mapping with the fields {known}, not {value!r}")
    fields: dict[str, str] = {}
    for key in (*_REQUIRED, *_OPTIONAL):
        text = value.get(key)
        if text is None and key in _OPTIONAL:
            continue
        if text is None:
            fail(doc.path, f"source.{key}", f"is missing: {_MEANING[key]}")
        if not isinstance(text, str) or not text.strip():
            fail(doc.path, f"source.{key}", f"must be a non-empty line of text, not {text!r}")
        fields[key] = " ".join(text.split())
    if fields.get("url", "https://").split("://")[0] not in ("http", "https"):
        fail(doc.path, "source.url", f"must be an http(s) address, not {fields['url']!r}")
    return Source(**fields)

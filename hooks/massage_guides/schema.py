"""Front matter fields, declared once per kind of page with MkDocs' own option types.

As Material's blog plugin declares a post's front matter (`class PostConfig(Config)`),
each kind of page is a `Config` class whose options check and convert their field; a failed
option names the problem, `validate` adds the file and the field. Unlike `Config.validate`,
which stops at the first failed option, `validate` checks every field, so an author sees every
mistake of a build at once.

To add a field, add an option to the class of the pages that may use it.
"""

from __future__ import annotations

import difflib
import re
import reprlib
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import material
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ValidationError, get_schema

if TYPE_CHECKING:
    from .front_matter import Document, Problems

MISSING = "is missing"

# Characters no text field may hold: C0 and C1 controls (tab and line breaks are white space,
# which text fields fold) and the bidirectional embeddings, overrides and isolates, which
# reorder what a reader sees (a title shown backwards). ZWJ and ZWNJ, which some scripts
# need, are kept.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# A value quoted in a message is cut to this many characters (front matter may be huge).
_QUOTED_CHARS = 60


class _ShortRepr(reprlib.Repr):
    """`reprlib`'s cut repr, keeping a mapping's keys in the order they were written."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel, self.maxdict, self.maxlist = 3, 4, 6
        self.maxstring = _QUOTED_CHARS + 10

    def repr_dict(self, x: dict[Any, Any], level: int) -> str:
        if not x:
            return "{}"
        if level <= 0:
            return "{...}"
        pieces = [
            f"{self.repr1(key, level - 1)}: {self.repr1(value, level - 1)}"
            for key, value in islice(x.items(), self.maxdict)
        ]
        return "{" + ", ".join(pieces + ["..."] * (len(x) > self.maxdict)) + "}"


_REPR = _ShortRepr()


def quoted(value: object) -> str:
    """`value` as a message quotes it: its repr, cut to a prefix if long."""
    if isinstance(value, str) and len(value) > _QUOTED_CHARS:
        return repr(value[:_QUOTED_CHARS]) + "…"
    text = _REPR.repr(value)
    return text if len(text) <= _QUOTED_CHARS + 20 else text[: _QUOTED_CHARS + 20] + "…"


def control_character(value: object) -> str | None:
    """The first control or bidi character in a field's text (lists and mappings searched)."""
    if isinstance(value, str):
        found = _CONTROL.search(value)
        return found.group() if found else None
    items = value.items() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for item in items:
        for part in item if isinstance(value, dict) else (item,):
            character = control_character(part)
            if character:
                return character
    return None


class FieldError(ValidationError):
    """A mistake in one part of a field (`source.changes`): `field` names that part."""

    def __init__(self, field: str, problem: str) -> None:
        """The part of the field, and what is wrong with it."""
        super().__init__(problem)
        self.field = field


def web_address(url: str) -> str | None:
    """Why `url` is not an address on the web (None: it is): http(s), with a host.

    The one check every URL field uses: parsed whole, so `https:///x` (no host) and
    `javascript:` are refused and `HTTPS://EXAMPLE.ORG/a` is accepted.
    """
    address = urlsplit(url)
    if address.scheme.lower() not in ("http", "https"):
        return "must start with http:// or https://"
    if not address.hostname:
        return "must name a host after http(s)://"
    return None


@dataclass(frozen=True)
class Supply:
    """One thing the reader needs, with an optional note (`{name, note}` in front matter)."""

    name: str
    note: str = ""


@dataclass(frozen=True)
class ExternalLink:
    """A related page on another site (`{title, url}` in front matter)."""

    title: str
    url: str


class Text(BaseConfigOption[str]):
    """A non-empty line of plain text; runs of white space become one space."""

    def __init__(self, missing: str = MISSING) -> None:
        """`missing` is the problem when the field is absent."""
        super().__init__()
        self.missing = missing

    def run_validation(self, value: object) -> str:
        """The field converted, or ValidationError naming what is wrong (None: absent)."""
        if value is None:
            raise ValidationError(self.missing)
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(f"must be a non-empty line of text, not {quoted(value)}")
        return " ".join(value.split())


class Pattern(BaseConfigOption[str | None]):
    """A name Material or MkDocs reads (`template`, `status`): it must match `pattern`."""

    def __init__(self, pattern: str, expected: str) -> None:
        """`expected` says what the field holds, for the message."""
        super().__init__()
        self.pattern, self.expected = re.compile(pattern), expected

    def run_validation(self, value: object) -> str | None:
        """The field, or ValidationError naming what is expected (None: absent)."""
        if value is None:
            return None
        if not isinstance(value, str) or not self.pattern.fullmatch(value) or ".." in value:
            raise ValidationError(f"must be {self.expected}, not {quoted(value)}")
        return value


class Icon(Pattern):
    """An icon Material has (`material/heart`): Material's sidebar includes its SVG."""

    _ICONS = Path(material.__file__).parent / "templates" / ".icons"

    def __init__(self) -> None:
        """A path of lowercase words, as Material names its icons."""
        super().__init__(r"[a-z0-9-]+(/[a-z0-9-]+)+", "an icon's name, like material/heart")

    def run_validation(self, value: object) -> str | None:
        """The icon's name, or ValidationError when Material has no such icon."""
        icon = super().run_validation(value)
        if icon is not None and not (self._ICONS / f"{icon}.svg").is_file():
            raise ValidationError(f"{icon!r} is not one of Material's icons, like material/heart")
        return icon


class Hide(BaseConfigOption[list[str] | None]):
    """What Material hides on the page (`hide: [navigation, toc]`)."""

    PARTS = ("navigation", "toc", "footer", "feedback", "path", "tags")

    def run_validation(self, value: object) -> list[str] | None:
        """The list, or ValidationError naming the parts Material can hide (None: absent)."""
        if value is None:
            return None
        if not isinstance(value, list) or not all(item in self.PARTS for item in value):
            raise ValidationError(
                f"must be a list of parts to hide ({', '.join(self.PARTS)}), not {quoted(value)}"
            )
        return value


class Search(BaseConfigOption[dict[str, Any] | None]):
    """How Material's search treats the page (`search: {exclude: true}`, `{boost: 2}`)."""

    def run_validation(self, value: object) -> dict[str, Any] | None:
        """The mapping, or ValidationError saying what it may hold (None: absent)."""
        if value is None:
            return None
        if (
            not isinstance(value, dict)
            or not set(value) <= {"exclude", "boost"}
            or not isinstance(value.get("exclude", False), bool)
            or not _is_number(value.get("boost", 1))
        ):
            raise ValidationError(
                f"must be a mapping such as {{exclude: true}} or {{boost: 2}}, not {quoted(value)}"
            )
        return value


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class Retired(BaseConfigOption[None]):
    """A key this site no longer uses: refused, naming what replaced it."""

    def __init__(self, instead: str) -> None:
        """`instead` says what to write in its place."""
        super().__init__()
        self.instead = instead

    def run_validation(self, value: object) -> None:
        """Nothing when absent; a ValidationError saying what to use instead when present."""
        if value is not None:
            raise ValidationError(f"is no longer used: {self.instead}")


class Phrases(BaseConfigOption[tuple[str, ...]]):
    """A short list of short phrases (`reader_words`), or nothing."""

    MAX_PHRASES = 20
    MAX_CHARS = 40

    def run_validation(self, value: object) -> tuple[str, ...]:
        """The field converted, or ValidationError naming what is wrong (None: absent)."""
        if value is None:
            return ()
        if not isinstance(value, list) or not all(
            isinstance(item, str) and item.strip() for item in value
        ):
            raise ValidationError("must be a list of words or short phrases, like [sore feet, rub]")
        if len(value) > self.MAX_PHRASES:
            raise ValidationError(f"has {len(value)} items: at most {self.MAX_PHRASES}")
        for item in value:
            if len(item) > self.MAX_CHARS:
                raise ValidationError(
                    f"item '{item[:30]}…' is {len(item)} characters: at most {self.MAX_CHARS}"
                )
        return tuple(" ".join(item.split()) for item in value)


class WholeNumber(BaseConfigOption[int]):
    """A whole number of at least `least`; `default` when the field is absent."""

    def __init__(self, *, least: int, default: int | None = None, missing: str = MISSING) -> None:
        """`missing` is the problem when the field is absent and has no default."""
        super().__init__()
        self.least, self.fallback, self.missing = least, default, missing

    def run_validation(self, value: object) -> int:
        """The field converted, or ValidationError naming what is wrong (None: absent)."""
        if value is None and self.fallback is not None:
            return self.fallback
        if value is None:
            raise ValidationError(self.missing)
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValidationError(f"must be a whole number, not {quoted(value)}")
        if value < self.least:
            raise ValidationError(f"must be a whole number of at least {self.least}, not {value!r}")
        return value


class SortKey(BaseConfigOption[float]):
    """A number used for sorting; pages without it come last."""

    def run_validation(self, value: object) -> float:
        """The field converted, or ValidationError naming what is wrong (None: absent)."""
        if value is None:
            return float("inf")
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise ValidationError(f"must be a number, not {quoted(value)}")
        return float(value)


class Names(BaseConfigOption[tuple[str, ...]]):
    """A list of at least two different non-empty names (`sides`), or nothing."""

    def run_validation(self, value: object) -> tuple[str, ...]:
        """The field converted, or ValidationError naming what is wrong (None: absent)."""
        if value is None:
            return ()
        if (
            not isinstance(value, list)
            or len(value) < 2
            or not all(isinstance(item, str) and item.strip() for item in value)
        ):
            raise ValidationError(f"must be a list of at least two names, not {quoted(value)}")
        names = tuple(" ".join(item.split()) for item in value)
        seen: set[str] = set()
        for name in names:
            if name.casefold() in seen:
                raise ValidationError(f"names {quoted(name)} twice: give each one its own name")
            seen.add(name.casefold())
        return names


class Supplies(BaseConfigOption[tuple[Supply, ...]]):
    """A non-empty list of names or `{name, note}`."""

    def run_validation(self, value: object) -> tuple[Supply, ...]:
        """The field converted, or ValidationError naming what is wrong (None: absent)."""
        if value is None:
            raise ValidationError(MISSING)
        if not isinstance(value, list) or not value:
            raise ValidationError("must be a non-empty list")
        return tuple(self._item(index, item) for index, item in enumerate(value, start=1))

    @staticmethod
    def _item(index: int, item: object) -> Supply:
        if isinstance(item, str) and item.strip():
            return Supply(item.strip())
        if (
            isinstance(item, dict)
            and set(item) <= {"name", "note"}
            and isinstance(item.get("name"), str)
            and item["name"].strip()
            and isinstance(item.get("note", ""), str)
        ):
            return Supply(item["name"].strip(), item.get("note", "").strip())
        raise ValidationError(f"item {index} must be a name or {{name, note}}, not {quoted(item)}")


class Related(BaseConfigOption[tuple[str | ExternalLink, ...]]):
    """Guide folder names of this site, or `{title, url}` of a page on the web."""

    def run_validation(self, value: object) -> tuple[str | ExternalLink, ...]:
        """The field converted, or ValidationError naming what is wrong (None: absent)."""
        if value is None:
            return ()
        if not isinstance(value, list):
            raise ValidationError("must be a list of guide folder names or {title, url}")
        return tuple(self._item(index, item) for index, item in enumerate(value, start=1))

    @staticmethod
    def _item(index: int, item: object) -> str | ExternalLink:
        if isinstance(item, str) and item.strip():
            return item.strip().strip("/")
        if (
            isinstance(item, dict)
            and set(item) == {"title", "url"}
            and all(isinstance(value, str) and value.strip() for value in item.values())
        ):
            url = item["url"].strip()
            problem = web_address(url)
            if problem:
                raise ValidationError(
                    f"item {index} url {quoted(url)} {problem}"
                    " (a guide of this site is named by its folder instead)"
                )
            return ExternalLink(item["title"].strip(), url)
        raise ValidationError(
            f"item {index} must be a guide folder name or {{title, url}}, not {quoted(item)}"
        )


@dataclass(frozen=True)
class Source:
    """What a guide is adapted from, by whom, where it is, and what this site changed.

    `author` and `url` are empty when the source names none: the credit then says so
    rather than invent one.
    """

    adapted_from: str
    changes: str
    author: str = ""
    url: str = ""


class SourceOption(BaseConfigOption[Source | None]):
    """A guide's `source`: `adapted_from` and `changes`, optionally `author` and `url`."""

    _REQUIRED = {
        "adapted_from": "is missing: say what the guide is adapted from",
        "changes": "is missing: say what this site changed from the source",
    }
    _OPTIONAL = ("author", "url")

    def run_validation(self, value: object) -> Source | None:
        """The field converted, or a FieldError naming the part that is wrong (None: absent)."""
        if value is None:
            return None
        known = (*self._REQUIRED, *self._OPTIONAL)
        if not isinstance(value, dict) or not set(value) <= set(known):
            raise ValidationError(
                f"must be a mapping with the fields {', '.join(known)}, not {quoted(value)}"
            )
        fields: dict[str, str] = {}
        for key in known:
            text = value.get(key)
            if text is None and key in self._OPTIONAL:
                continue
            if text is None:
                raise FieldError(f"source.{key}", self._REQUIRED[key])
            if not isinstance(text, str) or not text.strip():
                raise FieldError(
                    f"source.{key}", f"must be a non-empty line of text, not {quoted(text)}"
                )
            fields[key] = " ".join(text.split())
        problem = web_address(fields["url"]) if "url" in fields else None
        if problem:
            raise FieldError("source.url", f"{quoted(fields['url'])} {problem}")
        return Source(**fields)


class PageFields(Config):
    """Any page: the keys MkDocs and Material read."""

    title = c.Optional(Text())
    description = c.Optional(Text())
    template = Pattern(r"[\w-]+(/[\w-]+)*\.html", "a template's file name, like main.html")
    hide = Hide()
    search = Search()
    # Words readers search with that the page's text does not use (hooks/reader_words.py adds
    # them to the page's search entry: ranked as its text, never shown as chips).
    reader_words = Phrases()
    tags = Retired(
        "put the words readers search for in 'reader_words' (README: Search); Material's tags"
        " showed as chips and outranked every page's text"
    )
    icon = Icon()
    # Material writes it into a class name: a name, as `extra.status` in mkdocs.yml keys it.
    status = Pattern(r"[a-z0-9-]+", "a status name, like new or deprecated")
    # Plain text: hooks/plain_text.py escapes it for Material's sidebar.
    subtitle = c.Optional(Text())


class GuideFields(PageFields):
    """A guide's overview, the `index.md` of its folder.

    Each field here that `model.Guide` has of the same name reaches the guide as converted:
    adding a field to a guide is an option here and an attribute there.
    """

    description = Text()
    supplies = Supplies()
    related = Related()
    sides = Names()
    rounds = WholeNumber(least=1, default=1)
    # Where the guide goes on the home page and in the navigation (then by title).
    order = SortKey()
    # What the guide is adapted from (hooks/credit.py shows it).
    source = SourceOption()


class StepFields(PageFields):
    """A step page (`step-N.md`)."""

    step = WholeNumber(least=1, missing="is missing: a step page needs 'step: <number>'")
    summary = Text()


class GuidePageFields(PageFields):
    """Any other page of a guide (tips, both feet, ...)."""

    order = SortKey()


ALL_KINDS: tuple[type[Config], ...] = (GuideFields, StepFields, GuidePageFields, PageFields)


def keys_of(kind: type[Config]) -> frozenset[str]:
    """The front-matter keys a page of this kind may use."""
    return frozenset(name for name, _ in get_schema(kind))


def validate(doc: Document, kind: type[Config], problems: Problems) -> dict[str, Any] | None:
    """Every field of the page checked and converted, or None after adding its mistakes."""
    allowed = keys_of(kind)
    hinted: set[str] = set()
    failed = False
    for key in doc.meta:
        if key not in allowed:
            hint = _close_key(str(key), allowed)
            hinted.add(hint or "")
            did_you_mean = f"; did you mean '{hint}'?" if hint else ""
            known = ", ".join(sorted(allowed))
            problems.add(
                doc.path, str(key), f"is not a known field here{did_you_mean} (known: {known})"
            )
            failed = True
    values: dict[str, Any] = {}
    for name, option in get_schema(kind):
        character = control_character(doc.meta.get(name))
        if character:
            failed = True
            problems.add(
                doc.path,
                name,
                f"holds the control character U+{ord(character):04X}: remove it (it can hide or"
                " reorder the text a reader sees)",
            )
            continue
        try:
            values[name] = option.validate(doc.meta.get(name))
        except ValidationError as error:
            failed = True
            # `suplies` already said "did you mean 'supplies'": not also "'supplies' is missing".
            if not (name in hinted and name not in doc.meta):
                problems.add(doc.path, getattr(error, "field", name), str(error))
    return None if failed else values


def _close_key(key: str, allowed: frozenset[str]) -> str:
    """A close field name: first among the allowed ones, then among other kinds' fields."""
    for keys in (allowed, *(keys_of(kind) for kind in ALL_KINDS)):
        close = difflib.get_close_matches(key, sorted(keys), n=1)
        if close and close[0] != key:
            return close[0]
    return ""

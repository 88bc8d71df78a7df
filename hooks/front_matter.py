"""Front matter, read strictly: a mistake stops the build naming the file and the field.

MkDocs' own reader ignores invalid YAML (the YAML then shows up as page text) and a page
that is not UTF-8 ends in a traceback, so the guide model reads every page itself, in
`on_files`, before MkDocs does.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import yaml
from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File

# The same fence MkDocs accepts (mkdocs.utils.meta).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_FIRST_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
# libyaml's safe loader where installed (as MkDocs uses): several times faster.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Keys MkDocs and Material read on any page.
_COMMON_KEYS = frozenset(
    {"title", "description", "template", "hide", "search", "tags", "icon", "status", "subtitle"}
)
_KEYS_BY_KIND = {
    "page": _COMMON_KEYS,
    "guide": _COMMON_KEYS | {"supplies", "related", "sides", "rounds", "source"},
    "step": _COMMON_KEYS | {"step", "summary"},
    "guide page": _COMMON_KEYS | {"order"},
}


def fail(path: str, field: str, problem: str) -> NoReturn:
    """Stop the build with one line naming the file and the field."""
    raise PluginError(f"{path}: '{field}' {problem}")


@dataclass(frozen=True)
class Document:
    """A Markdown page split into its front matter and its text."""

    src_uri: str
    path: str
    meta: dict[str, Any]
    body: str

    @property
    def title(self) -> str:
        """The `title` field, else the first `#` heading, else the file name."""
        title = self.meta.get("title")
        if isinstance(title, str) and title.strip():
            return title.strip()
        heading = _FIRST_HEADING.search(self.body)
        if heading:
            return heading.group(1)
        return Path(self.src_uri).stem.replace("-", " ").capitalize()

    @staticmethod
    def kind_keys(kind: str) -> frozenset[str]:
        """The front-matter keys a page of this kind may use."""
        return _KEYS_BY_KIND[kind]

    def check_keys(self, allowed: frozenset[str]) -> None:
        """Stop on a key nobody reads (a typo such as `suplies`)."""
        for key in self.meta:
            if key in allowed:
                continue
            hint = _hint(str(key), allowed)
            known = ", ".join(sorted(allowed))
            fail(self.path, str(key), f"is not a known field here{hint} (known: {known})")

    def required_string(self, key: str) -> str:
        """A non-empty one-line string field."""
        value = self.meta.get(key)
        if value is None:
            fail(self.path, key, "is missing")
        if not isinstance(value, str) or not value.strip():
            fail(self.path, key, f"must be a non-empty line of text, not {value!r}")
        return " ".join(value.split())

    def optional_number(self, key: str) -> float:
        """A number used for sorting; pages without it come last."""
        value = self.meta.get(key)
        if value is None:
            return math.inf
        if not isinstance(value, int | float) or isinstance(value, bool):
            fail(self.path, key, f"must be a number, not {value!r}")
        return float(value)

    def optional_positive_int(self, key: str, *, default: int) -> int:
        """A whole number of at least 1."""
        value = self.meta.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            fail(self.path, key, f"must be a whole number of at least 1, not {value!r}")
        return value

    def optional_string_list(self, key: str) -> list[str]:
        """A list of at least two non-empty strings, or nothing."""
        value = self.meta.get(key)
        if value is None:
            return []
        if (
            not isinstance(value, list)
            or len(value) < 2
            or not all(isinstance(item, str) and item.strip() for item in value)
        ):
            fail(self.path, key, f"must be a list of at least two names, not {value!r}")
        return [item.strip() for item in value]


def read_document(file: File, config: MkDocsConfig) -> Document:
    """Read a page's text and front matter, stopping on bad encoding or bad YAML."""
    path = display_path(file, config)
    try:
        text = file.content_string
    except UnicodeDecodeError as error:
        fail(
            path,
            "encoding",
            f"is not UTF-8 (byte 0x{error.object[error.start]:02x} at offset {error.start}):"
            " save the file as UTF-8",
        )
    text = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(text)
    if not match:
        return Document(file.src_uri, path, {}, text)
    try:
        meta = yaml.load(match.group(1), Loader=_FAST_LOADER)  # a safe loader
    except yaml.YAMLError:
        _fail_with_yaml_problem(path, match.group(1))
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        fail(path, "front matter", "must be a mapping of fields (key: value)")
    return Document(file.src_uri, path, meta, text[match.end() :])


def display_path(file: File, config: MkDocsConfig) -> str:
    """The page's path as its author knows it: relative to mkdocs.yml where possible."""
    source = Path(file.abs_src_path or Path(config.docs_dir, file.src_uri)).resolve()
    if config.config_file_path:
        try:
            return source.relative_to(Path(config.config_file_path).parent.resolve()).as_posix()
        except ValueError:
            pass
    return source.as_posix()


def _hint(key: str, allowed: frozenset[str]) -> str:
    """A close field name: first among the allowed ones, then among other kinds' fields.

    A guide's `index.md` with `suplies` is not a guide at all (a guide has `supplies`), so
    the typo must also be matched against the fields of the page it was meant to be.
    """
    for keys in (allowed, *_KEYS_BY_KIND.values()):
        close = difflib.get_close_matches(key, sorted(keys), n=1)
        if close and close[0] != key:
            return f"; did you mean '{close[0]}'?"
    return ""


def _fail_with_yaml_problem(path: str, text: str) -> NoReturn:
    """Stop with the pure-Python parser's message, which names the problem and its line."""
    try:
        yaml.safe_load(text)
    except yaml.YAMLError as error:
        fail(path, "front matter", f"is not valid YAML: {_yaml_problem(error)}")
    fail(path, "front matter", "is not valid YAML")


def _yaml_problem(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if mark is None:
        return problem
    # +2: the YAML starts on the line after the opening '---'.
    return f"{problem} (line {mark.line + 2})"

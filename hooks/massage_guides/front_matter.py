"""Front matter, read strictly: a mistake is reported naming the file and the field.

MkDocs' own reader ignores invalid YAML (the YAML then shows up as page text), keeps the
last of a key written twice, and a page that is not UTF-8 ends in a traceback, so the guide
model reads every page itself, in `on_files`, before MkDocs does. What each field may hold
is declared in `schema`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import YAML_RE

from .titles import Titles

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File

    _SafeLoader = yaml.SafeLoader
else:
    # libyaml's safe loader where installed (as MkDocs uses): several times faster.
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def fail(path: str, field: str, problem: str) -> NoReturn:
    """Stop the build with one line naming the file and the field."""
    raise PluginError(line(path, field, problem))


def line(path: str, field: str, problem: str) -> str:
    """One mistake as the author reads it: `docs/x/index.md: 'field' problem`."""
    return f"{path}: '{field}' {problem}"


class Problems:
    """Every authoring mistake found in one build, one line each, in the order found."""

    def __init__(self) -> None:
        """No mistakes yet."""
        self._lines: list[str] = []

    def __len__(self) -> int:
        """How many mistakes were noted."""
        return len(self._lines)

    def add(self, path: str, field: str, problem: str) -> None:
        """Note a mistake and go on looking for more."""
        self._lines.append(line(path, field, problem))

    @contextmanager
    def collecting(self) -> Iterator[None]:
        """Note a mistake raised with `fail` inside the block instead of stopping there."""
        try:
            yield
        except PluginError as error:
            self._lines.append(str(error))

    def stop_if_any(self) -> None:
        """Stop the build listing every mistake, one line each."""
        if self._lines:
            raise PluginError("\n".join(dict.fromkeys(self._lines)))


@dataclass(frozen=True)
class Document:
    """A Markdown page split into its front matter and its text.

    `readable` is False when the file or its front matter could not be read (the
    mistake is already noted); its `meta` is then empty.
    """

    src_uri: str
    path: str
    meta: dict[str, Any]
    body: str
    title: str
    readable: bool = True


class _DuplicateKey(Exception):
    def __init__(self, key: object, first: int, second: int) -> None:
        super().__init__(key)
        self.key, self.first, self.second = key, first, second


# The most values a front matter may hold, each use of an alias (`*name`) counted in full:
# a real one holds a few dozen, a few hundred bytes of nested aliases billions.
MAX_VALUES = 2000


class _TooLarge(Exception):
    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


def _size(node: yaml.Node, sizes: dict[int, int], limit: int) -> int:
    """How many values `node` holds with every alias expanded; `limit + 1` once past it."""
    known = sizes.get(id(node))
    if known is not None:
        return known
    sizes[id(node)] = limit + 1  # an alias of a node that holds itself is unbounded
    total = 1
    children = node.value if isinstance(node.value, list) else []
    for child in children:
        for part in child if isinstance(child, tuple) else (child,):
            total += _size(part, sizes, limit)
            if total > limit:
                return limit + 1
    sizes[id(node)] = total
    return total


class _StrictLoader(_SafeLoader):
    """The safe loader, refusing a key written twice in one mapping (YAML keeps the last).

    It also refuses a front matter that holds more than `MAX_VALUES` values once its aliases
    are expanded (a "billion laughs"), naming the field, before anything is built from it.
    """

    def construct_document(self, node: yaml.Node) -> Any:
        sizes: dict[int, int] = {}
        total = 0
        pairs = node.value if isinstance(node, yaml.MappingNode) else [(None, node)]
        for key, value in pairs:
            total += (_size(key, sizes, MAX_VALUES) if key is not None else 0) + _size(
                value, sizes, MAX_VALUES
            )
            if total > MAX_VALUES:
                name = key.value if isinstance(key, yaml.ScalarNode) else "front matter"
                raise _TooLarge(str(name)[:40])
        return super().construct_document(node)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[object, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                if key in seen:
                    raise _DuplicateKey(key, seen[key], key_node.start_mark.line)
                seen[key] = key_node.start_mark.line
            except TypeError:  # an unhashable key: the safe constructor reports it
                continue
        return super().construct_mapping(node, deep)


def read_document(file: File, config: MkDocsConfig, titles: Titles, problems: Problems) -> Document:
    """Read a page's text and front matter, noting bad encoding, bad YAML or a repeated key."""
    path = display_path(file, config)
    try:
        text = file.content_string
    except UnicodeDecodeError as error:
        problems.add(
            path,
            "encoding",
            f"is not UTF-8 (byte 0x{error.object[error.start]:02x} at offset {error.start}):"
            " save the file as UTF-8",
        )
        return Document(file.src_uri, path, {}, "", file.name, readable=False)
    match = YAML_RE.match(text)
    if not match:
        return Document(file.src_uri, path, {}, text, titles.of({}, text, file))
    body = text[match.end() :]
    meta = _load_yaml(path, match.group(1), problems)
    if meta is None:
        return Document(file.src_uri, path, {}, body, titles.of({}, body, file), readable=False)
    return Document(file.src_uri, path, meta, body, titles.of(meta, body, file))


def _load_yaml(path: str, text: str, problems: Problems) -> dict[str, Any] | None:
    """The front matter as a mapping, or None after noting what is wrong with it."""
    try:
        meta = yaml.load(text, Loader=_StrictLoader)  # a safe loader
    except _DuplicateKey as error:
        # +2: the YAML starts on the line after the opening '---'.
        problems.add(
            path,
            str(error.key),
            f"is written twice (lines {error.first + 2} and {error.second + 2}):"
            " keep one, or the first is lost",
        )
        return None
    except _TooLarge as error:
        problems.add(
            path,
            error.field,
            f"holds more than {MAX_VALUES} values once its YAML aliases (*name) are expanded:"
            " write the values out",
        )
        return None
    except yaml.YAMLError:
        problems.add(path, "front matter", f"is not valid YAML: {_yaml_problem(text)}")
        return None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        problems.add(path, "front matter", "must be a mapping of fields (key: value)")
        return None
    return meta


def display_path(file: File, config: MkDocsConfig) -> str:
    """The page's path as its author knows it: relative to mkdocs.yml where possible."""
    source = Path(file.abs_src_path or Path(config.docs_dir, file.src_uri)).resolve()
    if config.config_file_path:
        try:
            return source.relative_to(Path(config.config_file_path).parent.resolve()).as_posix()
        except ValueError:
            pass
    return source.as_posix()


def _yaml_problem(text: str) -> str:
    """The pure-Python parser's message, which names the problem and its line."""
    try:
        yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        if mark is None:
            return str(problem)
        # +2: the YAML starts on the line after the opening '---'.
        return f"{problem} (line {mark.line + 2})"
    return "it cannot be read"

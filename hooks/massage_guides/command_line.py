"""Which `mkdocs` command this process runs (the `offline` and `publishing` hooks ask).

MkDocs names the command only in `on_startup`, once per process, before any build: the hooks
that need it call `remember` there. Builds a program runs in-process (the tests, the
benchmark) have no command. This is module state on purpose: it is fixed for the process and
the same for every rebuild under `mkdocs serve`; nothing here changes per build.
"""

from __future__ import annotations

from typing import Literal

Command = Literal["build", "gh-deploy", "serve"]

_COMMAND: list[Command] = []


def remember(command: Command) -> None:
    """Keep the command `on_startup` was given (the same every time in one process)."""
    _COMMAND[:] = [command]


def serving() -> bool:
    """`mkdocs serve`: no service worker, no publishing warning."""
    return _COMMAND == ["serve"]


def publishing() -> bool:
    """`mkdocs build` or `mkdocs gh-deploy` from the command line (so `make build`)."""
    return _COMMAND in (["build"], ["gh-deploy"])

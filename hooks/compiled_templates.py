"""Hook: Material's templates compiled once per process (`mkdocs serve`), not once per build.

MkDocs hands each build a new Jinja environment; this gives it the process's bytecode cache
(`massage_guides.compiled_templates`), which reuses a template's compiled code only while its
source is unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from massage_guides.compiled_templates import COMPILED

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    """Templates this environment loads from here on come from the cache when unchanged."""
    env.bytecode_cache = COMPILED
    return env

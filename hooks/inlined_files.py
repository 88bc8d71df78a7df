"""Hook: files that pymdownx.snippets inlines into pages (the step drawings) are not copied.

A step page inlines its drawing with `--8<-- "foot-massage/images/step-1.svg"`, so the drawing is
part of the page; a second copy in site/ would only add weight to the upload and to what the
service worker downloads. Reads each page's Markdown for that marker alone.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from massage_guides.markdown_lines import snippet_paths

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Leave out of the site every file a page inlines as a snippet."""
    bases = _snippet_bases(config)
    if not bases:
        return None
    inlined = {
        file
        for page in files.documentation_pages()
        for path in snippet_paths(page.content_string)
        for file in _files_at(files, config, bases, path)
    }
    for file in inlined:
        files.remove(file)
    return files


def _snippet_bases(config: MkDocsConfig) -> list[Path]:
    """The folders pymdownx.snippets reads from (its `base_path`), if it is enabled."""
    if "pymdownx.snippets" not in config.markdown_extensions:
        return []
    base = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
    # One path, or a list; mkdocs.yml's `!relative $docs_dir` is a path-like placeholder.
    return [Path(os.fspath(path)) for path in (base if isinstance(base, list) else [base])]


def _files_at(files: Files, config: MkDocsConfig, bases: list[Path], path: str) -> list[File]:
    docs = Path(config.docs_dir).resolve()
    found = []
    for base in bases:
        target = (base / path).resolve()
        if target.is_relative_to(docs):
            file = files.get_file_from_path(target.relative_to(docs).as_posix())
            if file is not None and not file.is_documentation_page():
                found.append(file)
    return found

"""Hook: offline reading and installing to a phone's home screen.

After a build, write into `sw.js` (the service worker, `overrides/sw.js`) the list of every file
the build wrote with a hash of its content, so a new build invalidates exactly what changed.
Pages name the worker and the web app manifest only in a real build: `mkdocs serve` gets
neither (stale pages while authoring are worse than none).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

WORKER = "sw.js"
_MARKER = "/* precache */ []"
# Not needed offline: source maps, sitemaps, Material's favicon (the site has its own) and
# search support for languages other than English.
_SKIP_SUFFIXES = (".map", ".gz")
_SKIP_NAMES = {"sitemap.xml", WORKER, "assets/images/favicon.png"}
_SKIP_FOLDERS = ("assets/javascripts/lunr/",)

# What command this process runs, from on_startup: fixed for the process, not per build.
_COMMAND: list[str] = []


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    """Remember whether this process serves (no service worker) or builds."""
    _COMMAND[:] = [command]


def on_page_context(
    context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext | None:
    """Tell the page template whether to name the service worker and the manifest."""
    # Our own key: MkDocs types the context with only its own keys.
    context["offline"] = not _serving()  # type: ignore[typeddict-unknown-key]
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write the precache list into the built `sw.js`."""
    site = Path(config.site_dir)
    worker = site / WORKER
    if _serving() or not worker.is_file():
        return
    source = worker.read_text(encoding="utf-8")
    if _MARKER not in source:
        return
    entries = json.dumps(_precache_list(site), separators=(",", ":"))
    worker.write_text(source.replace(_MARKER, entries, 1), encoding="utf-8")


def _serving() -> bool:
    return _COMMAND == ["serve"]


def _precache_list(site: Path) -> list[list[str]]:
    """[url, hash] for every file a reader may need offline; a page under its folder's URL."""
    entries = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or _skipped(relative):
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        if relative == "index.html" or relative.endswith("/index.html"):
            relative = relative.removesuffix("index.html") or "./"
        entries.append([relative, digest])
    return entries


def _skipped(relative: str) -> bool:
    return (
        relative.endswith(_SKIP_SUFFIXES)
        or relative in _SKIP_NAMES
        or relative.startswith(_SKIP_FOLDERS)
    )

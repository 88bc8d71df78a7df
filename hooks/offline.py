"""Hook: offline reading and installing to a phone's home screen.

After a build, write into `sw.js` (the service worker, `overrides/sw.js`) the list of every file
the build wrote, its URL percent-encoded and the SRI hash of its bytes, and a version naming that
list and the worker: the worker checks every file it caches against its hash, and a new build
invalidates exactly what changed. Every template, the 404 page included, names the worker and the
web app manifest in a real build only: `mkdocs serve` gets neither (stale pages while authoring
are worse than none).
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import quote

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from massage_guides import command_line

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

WORKER = "sw.js"
_LIST_MARKER = "/* precache */ []"
_VERSION_MARKER = '/* version */ ""'
# Not needed offline: entries named ".*" (the site owner's, kept by the build, never written by
# it), source maps, sitemaps, Material's favicon (the site has its own) and search support for
# languages other than English.
_SKIP_SUFFIXES = (".map", ".gz")
_SKIP_NAMES = {"sitemap.xml", WORKER, "assets/images/favicon.png"}
_SKIP_FOLDERS = ("assets/javascripts/lunr/",)


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    """Remember whether this process serves (no service worker) or builds."""
    command_line.remember(command)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    """Tell every template, pages and the 404 page alike, whether to name the worker."""
    env.globals["offline"] = not command_line.serving()
    return env


# Last: it hashes every file as the build finally wrote it (hooks/reader_words.py rewrites the
# search index at -50).
@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Write the precache list and its version into the built `sw.js`."""
    if command_line.serving():
        return
    site = Path(config.site_dir)
    worker = site / WORKER
    if not worker.is_file():
        raise PluginError(f"overrides/{WORKER}: the service worker is missing from the built site")
    source = worker.read_text(encoding="utf-8")
    for marker in (_LIST_MARKER, _VERSION_MARKER):
        if marker not in source:
            raise PluginError(
                f"overrides/{WORKER}: the marker '{marker}' is missing, so the precache list"
                " cannot be written into it: put it back where the list goes"
            )
    entries = json.dumps(_precache_list(site), separators=(",", ":"))
    version = hashlib.sha256((entries + source).encode("utf-8")).hexdigest()[:16]
    source = source.replace(_LIST_MARKER, entries, 1)
    worker.write_text(source.replace(_VERSION_MARKER, json.dumps(version), 1), encoding="utf-8")


def _precache_list(site: Path) -> list[list[str]]:
    """[url, integrity] for every file a reader may need offline; a page under its folder's URL."""
    entries = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or _skipped(relative):
            continue
        if relative == "index.html" or relative.endswith("/index.html"):
            relative = relative.removesuffix("index.html") or "./"
        entries.append([quote(relative), _integrity(path.read_bytes())])
    return entries


def _integrity(content: bytes) -> str:
    """The file's Subresource Integrity value, as `fetch(url, {integrity})` checks it."""
    return "sha256-" + base64.b64encode(hashlib.sha256(content).digest()).decode("ascii")


def _skipped(relative: str) -> bool:
    return (
        # What MkDocs keeps in site_dir but never writes (`.git`, `.htaccess`, `.well-known/`).
        any(part.startswith(".") for part in relative.split("/"))
        or relative.endswith(_SKIP_SUFFIXES)
        or relative in _SKIP_NAMES
        or relative.startswith(_SKIP_FOLDERS)
    )

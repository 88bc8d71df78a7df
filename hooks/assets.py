"""Hook: the site's own scripts load as one file and its CSS as another, minified, hash-named.

The scripts are the files `extra_javascript` lists in mkdocs.yml, joined in that order into
`javascripts/site.<hash>.js` and loaded deferred (adding a script is one line there); the
stylesheets of `extra_css` likewise into `stylesheets/site.<hash>.css`. One request each, and
as with Material's own assets a new page can never run with an old script or stylesheet that
a browser or a host kept under the same name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING

import csscompressor
import jsmin
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

_SCRIPTS = "javascripts/site.{}.js"
_STYLESHEETS = "stylesheets/site.{}.css"


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Replace the listed scripts and stylesheets by their two bundles."""
    scripts = _own_files(files, [str(script) for script in config.extra_javascript], "javascript")
    if scripts:
        bundle = ExtraScriptValue(_bundle(files, config, scripts, _SCRIPTS, _minify_js))
        bundle.defer = True
        config.extra_javascript = [bundle]
    stylesheets = _own_files(files, list(config.extra_css), "css")
    if stylesheets:
        config.extra_css = [_bundle(files, config, stylesheets, _STYLESHEETS, _minify_css)]
    return files


def _own_files(files: Files, paths: list[str], option: str) -> list[File]:
    """The files a list in mkdocs.yml names, from docs/ or the theme; a missing one stops."""
    found = []
    for path in paths:
        file = files.get_file_from_path(path)
        if file is None:
            raise PluginError(f"mkdocs.yml: 'extra_{option}' '{path}' is no file of the site")
        found.append(file)
    return found


def _bundle(
    files: Files,
    config: MkDocsConfig,
    sources: list[File],
    name: str,
    minify: Callable[[str], str],
) -> str:
    """Join and minify the sources into one generated file named for its content."""
    content = "\n".join(minify(source.content_string) for source in sources)
    for source in sources:
        files.remove(source)
    path = name.format(hashlib.sha256(content.encode("utf-8")).hexdigest()[:8])
    files.append(File.generated(config, path, content=content))
    return path


def _minify_js(source: str) -> str:
    # `;` ends a script whose last statement has none, so the next file starts cleanly.
    return str(jsmin.jsmin(source, quote_chars="'\"`")) + ";"


def _minify_css(source: str) -> str:
    return str(csscompressor.compress(source))

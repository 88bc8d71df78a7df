"""Hook: the site's own scripts and stylesheets, joined, minified and named for their content.

Every page loads `javascripts/site.<hash>.js` (the files `extra_javascript` lists in mkdocs.yml,
joined in that order, deferred) and `stylesheets/site.<hash>.css` (those of `extra_css`): one
request each. What only some pages need is a page bundle, listed under `extra: page_bundles:`
in mkdocs.yml; a page whose front matter says `bundle: <name>` (the follow-along and checklist
pages that hooks generate) also loads `<name>.<hash>.js` and `<name>.<hash>.css`, after the
site's own. As with Material's assets, a new page never runs with an old script or stylesheet
that a browser or a host kept under the same name.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import csscompressor
import jsmin
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

_SCRIPTS = "javascripts/{}.{}.js"
_STYLESHEETS = "stylesheets/{}.{}.css"
_CONFIG_KEY = "massage_guides_page_bundles"


@dataclass(frozen=True)
class PageBundle:
    """What a page with `bundle: <name>` loads besides the site's own: paths in site/."""

    script: str | None
    stylesheet: str | None


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Replace the listed scripts and stylesheets by the site's bundles and the page bundles."""
    listed = _page_bundle_lists(config)
    config[_CONFIG_KEY] = {
        name: _page_bundle(files, config, name, paths) for name, paths in listed.items()
    }
    _check_pages_name_listed_bundles(files, listed)
    scripts = _own_files(
        files, [str(script) for script in config.extra_javascript], "extra_javascript"
    )
    stylesheets = _own_files(files, list(config.extra_css), "extra_css")
    if scripts:
        bundle = ExtraScriptValue(_bundle(files, config, scripts, "site", _SCRIPTS, _minify_js))
        bundle.defer = True
        config.extra_javascript = [bundle]
    if stylesheets:
        config.extra_css = [_bundle(files, config, stylesheets, "site", _STYLESHEETS, _minify_css)]
    # Only now: two page bundles may share a file.
    bundled = {file.src_uri: file for file in scripts + stylesheets}
    for paths in listed.values():
        bundled.update({file.src_uri: file for file in _own_files(files, paths, "")})
    for file in bundled.values():
        files.remove(file)
    return files


def on_page_context(
    context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext | None:
    """Give a page that names a bundle its script and stylesheet (`overrides/main.html`)."""
    name = page.meta.get("bundle")
    if name is None:
        return None
    # Our own key: MkDocs types the context with only its own keys.
    context["page_bundle"] = config[_CONFIG_KEY][name]  # type: ignore[typeddict-unknown-key]
    return context


def _check_pages_name_listed_bundles(files: Files, listed: dict[str, list[str]]) -> None:
    """Stop, before any page is read, when a generated page names a bundle not listed."""
    for file in files.documentation_pages():
        if not file.generated_by:
            continue  # An author's page has no `bundle` (hooks/schema.py).
        name = get_data(file.content_string)[1].get("bundle")
        if name is not None and name not in listed:
            raise PluginError(
                f"mkdocs.yml: 'extra: page_bundles' has no {name!r}, which {file.src_uri}"
                f" loads (it has: {', '.join(sorted(listed)) or 'none'})"
            )


def _page_bundle_lists(config: MkDocsConfig) -> dict[str, list[str]]:
    """`extra: page_bundles:` of mkdocs.yml: {name: [paths]}, checked."""
    listed = config.extra.get("page_bundles") or {}
    if not isinstance(listed, dict):
        raise PluginError("mkdocs.yml: 'extra: page_bundles' must map a name to a list of files")
    everywhere = {str(path) for path in [*config.extra_javascript, *config.extra_css]}
    for name, paths in listed.items():
        where = f"mkdocs.yml: 'extra: page_bundles: {name}'"
        if not (isinstance(paths, list) and paths and all(isinstance(p, str) for p in paths)):
            raise PluginError(f"{where} must be a list of scripts and stylesheets")
        for path in paths:
            if path in everywhere:
                raise PluginError(
                    f"{where} lists '{path}', which every page loads already"
                    " ('extra_javascript' or 'extra_css'): list it in one place"
                )
    return listed


def _page_bundle(files: Files, config: MkDocsConfig, name: str, paths: list[str]) -> PageBundle:
    """Join one page bundle's scripts and its stylesheets into a file each."""
    kinds: dict[str, list[str]] = {".js": [], ".css": []}
    for path in paths:
        extension = posixpath.splitext(path)[1]
        if extension not in kinds:
            raise PluginError(
                f"mkdocs.yml: 'extra: page_bundles: {name}' lists '{path}',"
                " which is neither a script (.js) nor a stylesheet (.css)"
            )
        kinds[extension].append(path)
    scripts = _own_files(files, kinds[".js"], f"extra: page_bundles: {name}")
    stylesheets = _own_files(files, kinds[".css"], f"extra: page_bundles: {name}")
    return PageBundle(
        script=_bundle(files, config, scripts, name, _SCRIPTS, _minify_js) if scripts else None,
        stylesheet=(
            _bundle(files, config, stylesheets, name, _STYLESHEETS, _minify_css)
            if stylesheets
            else None
        ),
    )


def _own_files(files: Files, paths: list[str], option: str) -> list[File]:
    """The files a list in mkdocs.yml names, from docs/ or the theme; a missing one stops."""
    found = []
    for path in paths:
        file = files.get_file_from_path(path)
        if file is None:
            raise PluginError(f"mkdocs.yml: '{option}' '{path}' is no file of the site")
        found.append(file)
    return found


def _bundle(
    files: Files,
    config: MkDocsConfig,
    sources: list[File],
    name: str,
    pattern: str,
    minify: Callable[[str], str],
) -> str:
    """Join and minify the sources into one generated file named for its content."""
    content = "\n".join(minify(source.content_string) for source in sources)
    path = pattern.format(name, hashlib.sha256(content.encode("utf-8")).hexdigest()[:8])
    files.append(File.generated(config, path, content=content))
    return path


def _minify_js(source: str) -> str:
    # `;` ends a script whose last statement has none, so the next file starts cleanly.
    return str(jsmin.jsmin(source, quote_chars="'\"`")) + ";"


def _minify_css(source: str) -> str:
    return str(csscompressor.compress(source))

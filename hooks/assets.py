"""Hook: each page loads one script and one stylesheet of the site's own, minified, hash-named.

The `site` bundle joins the files `extra_javascript` lists in mkdocs.yml, in that order, into
`javascripts/site.<hash>.js` (loaded deferred), and those of `extra_css` into
`stylesheets/site.<hash>.css`; every page loads them. The core units (`javascripts/core/`)
come first in `extra_javascript`, or the build stops (massage_guides.scripts). What only some
pages need is a page bundle, listed under `extra: page_bundles:` in mkdocs.yml: a page whose
front matter says `bundle: <name>` (the follow-along and checklist pages that hooks generate)
loads `<name>.<hash>.js` and `<name>.<hash>.css` instead, the site's files followed by the
bundle's own. One request each on every page, and a step page does not carry what only
follow-along mode needs. As with Material's assets, a new page never runs with an old script or
stylesheet that a browser or a host kept under the same name. `overrides/main.html` names
them (Material's own loops over `extra_css` and `extra_javascript` are left empty).
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING

import rcssmin
import rjsmin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from massage_guides.scripts import check_core_units_first, is_core_unit

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

SITE = "site"
_SCRIPTS = "javascripts/{name}.{hash}.js"
_STYLESHEETS = "stylesheets/{name}.{hash}.css"
_CONFIG_KEY = "massage_guides_bundles"


@dataclass(frozen=True)
class Bundle:
    """The script and the stylesheet of the site's own that a page loads: paths in site/."""

    script: str | None
    stylesheet: str | None


@dataclass(frozen=True)
class _Sources:
    """The files one bundle joins, in order."""

    scripts: list[File]
    stylesheets: list[File]


# Last of every hook's on_files: the pages other hooks generate there (follow-along,
# checklist) exist by then, so the bundles they name are checked whatever the hooks' order.
@event_priority(-100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Replace the listed scripts and stylesheets by the site's bundle and the page bundles."""
    scripts = [str(script) for script in config.extra_javascript]
    site = _Sources(
        _own_files(files, scripts, "extra_javascript"),
        _own_files(files, list(config.extra_css), "extra_css"),
    )
    pages = {name: _page_sources(files, name, paths) for name, paths in _page_lists(config).items()}
    check_core_units_first(scripts, [file.src_uri for file in files if is_core_unit(file.src_uri)])
    _check_pages_name_listed_bundles(files, pages)
    minified = _minified([site, *pages.values()])
    everywhere = Bundle(
        _joined(files, config, site.scripts, _SCRIPTS, SITE, minified),
        _joined(files, config, site.stylesheets, _STYLESHEETS, SITE, minified),
    )
    bundles = {SITE: everywhere}
    for name, own in pages.items():
        # The site's files, then the bundle's own; a kind it has none of is the site's file.
        bundles[name] = Bundle(
            _joined(files, config, site.scripts + own.scripts, _SCRIPTS, name, minified)
            if own.scripts
            else everywhere.script,
            _joined(files, config, site.stylesheets + own.stylesheets, _STYLESHEETS, name, minified)
            if own.stylesheets
            else everywhere.stylesheet,
        )
    config[_CONFIG_KEY] = bundles
    config.extra_javascript = []
    config.extra_css = []
    _remove_sources(files, [site, *pages.values()])
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    """Let every template, the 404 page's too, ask which bundle a page loads."""
    bundles: dict[str, Bundle] = config[_CONFIG_KEY]

    def bundle_of(page: Page | None) -> Bundle:
        name = page.meta.get("bundle", SITE) if page is not None else SITE
        if name not in bundles:
            # A page made after on_files (none is, today) naming a bundle not listed.
            raise PluginError(
                f"mkdocs.yml: 'extra: page_bundles' has no {name!r}, which"
                f" {page.file.src_uri if page else 'a page'} loads"
            )
        return bundles[name]

    env.globals["bundle_of"] = bundle_of
    return env


def _page_lists(config: MkDocsConfig) -> dict[str, list[str]]:
    """`extra: page_bundles:` of mkdocs.yml: {name: [paths]}, checked."""
    listed = config.extra.get("page_bundles") or {}
    if not isinstance(listed, dict):
        raise PluginError("mkdocs.yml: 'extra: page_bundles' must map a name to a list of files")
    everywhere = {str(path) for path in [*config.extra_javascript, *config.extra_css]}
    for name, paths in listed.items():
        where = f"mkdocs.yml: 'extra: page_bundles: {name}'"
        if name == SITE:
            raise PluginError(f"{where}: '{SITE}' is the bundle every page loads: rename it")
        if not (isinstance(paths, list) and paths and all(isinstance(p, str) for p in paths)):
            raise PluginError(f"{where} must be a list of scripts and stylesheets")
        for path in paths:
            if path in everywhere:
                raise PluginError(
                    f"{where} lists '{path}', which every page loads already"
                    " ('extra_javascript' or 'extra_css'): list it in one place"
                )
    return listed


def _page_sources(files: Files, name: str, paths: list[str]) -> _Sources:
    """A page bundle's own scripts and stylesheets, each a file of the site."""
    kinds: dict[str, list[str]] = {".js": [], ".css": []}
    for path in paths:
        extension = posixpath.splitext(path)[1]
        if extension not in kinds:
            raise PluginError(
                f"mkdocs.yml: 'extra: page_bundles: {name}' lists '{path}',"
                " which is neither a script (.js) nor a stylesheet (.css)"
            )
        kinds[extension].append(path)
    option = f"extra: page_bundles: {name}"
    return _Sources(
        _own_files(files, kinds[".js"], option), _own_files(files, kinds[".css"], option)
    )


def _check_pages_name_listed_bundles(files: Files, pages: dict[str, _Sources]) -> None:
    """Stop, before any page is read, when a generated page names a bundle not listed."""
    for file in files.documentation_pages():
        if not file.generated_by:
            continue  # An author's page has no `bundle` (massage_guides.schema).
        name = get_data(file.content_string)[1].get("bundle")
        if name is not None and name not in pages:
            raise PluginError(
                f"mkdocs.yml: 'extra: page_bundles' has no {name!r}, which {file.src_uri}"
                f" loads (it has: {', '.join(sorted(pages)) or 'none'})"
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


def _minified(bundled: list[_Sources]) -> dict[str, str]:
    """{src_uri: minified text} of every source, each minified once however many bundles join it."""
    minified: dict[str, str] = {}
    for sources in bundled:
        for files, minify in ((sources.scripts, _minify_js), (sources.stylesheets, _minify_css)):
            for file in files:
                if file.src_uri not in minified:
                    minified[file.src_uri] = minify(file.content_string)
    return minified


def _joined(
    files: Files,
    config: MkDocsConfig,
    sources: list[File],
    pattern: str,
    name: str,
    minified: dict[str, str],
) -> str | None:
    """The sources joined into one generated file named for its content (None: no sources)."""
    if not sources:
        return None
    content = "\n".join(minified[source.src_uri] for source in sources)
    path = pattern.format(name=name, hash=hashlib.sha256(content.encode("utf-8")).hexdigest()[:8])
    files.append(File.generated(config, path, content=content))
    return path


def _remove_sources(files: Files, bundled: list[_Sources]) -> None:
    """Leave the joined files out of site/ (a file two page bundles share, once)."""
    sources = {file.src_uri: file for each in bundled for file in each.scripts + each.stylesheets}
    for file in sources.values():
        files.remove(file)


def _minify_js(source: str) -> str:
    # `;` ends a script whose last statement has none, so the next file starts cleanly.
    return str(rjsmin.jsmin(source)) + ";"


def _minify_css(source: str) -> str:
    return str(rcssmin.cssmin(source))

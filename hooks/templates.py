"""Render the theme's Jinja templates (from `overrides/`) for the hooks.

Not a hook. Python decides what a fragment holds; the template decides how it looks.
The environment is made once per build and kept on that build's config.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig

_CONFIG_KEY = "massage_guides_templates"


def render(config: MkDocsConfig, name: str, **context: Any) -> str:
    """Render `overrides/<name>` (or a theme template) with the given context."""
    return _environment(config).get_template(name).render(config=config, **context)


def _environment(config: MkDocsConfig) -> Environment:
    env = config.get(_CONFIG_KEY)
    if env is None:
        env = config[_CONFIG_KEY] = config.theme.get_env()
        # Author text goes into these templates: escape it (MkDocs' own env does not).
        env.autoescape = True
    return env


def page_url(config: MkDocsConfig, src_uri: str) -> str:
    """The site-relative URL MkDocs gives the page at `src_uri` (for the `url` filter)."""
    return File(src_uri, None, config.site_dir, config.use_directory_urls).url

"""Hook: a publishing build made without SITE_URL says so, once.

A publishing build is `mkdocs build` or `mkdocs gh-deploy` run from the command line (so
`make build`); `mkdocs serve` and builds a program runs in-process (the tests, the benchmark)
are not. Without SITE_URL the site is built for mkdocs.yml's local address, and a reader of the
uploaded site would get canonical links, a sitemap and checklist addresses on 127.0.0.1.
An address with white space (`SITE_URL='https://example.org/ '`) stops every build.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Literal

from mkdocs.exceptions import PluginError

from massage_guides import command_line
from massage_guides.address import is_public_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.plugins.publishing")


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    """Remember whether this process publishes (`build`, `gh-deploy`) or serves."""
    command_line.remember(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Refuse an address with white space; warn when publishing with only a local address."""
    if any(character.isspace() for character in config.site_url or ""):
        # MkDocs adds a '/' after a trailing space: the checklists, their QR codes and the
        # canonical links would all print a broken address.
        raise PluginError(
            f"mkdocs.yml: 'site_url' (SITE_URL) {config.site_url!r} holds white space:"
            " write the address without spaces"
        )
    if not command_line.publishing() or "SITE_URL" in os.environ:
        return None
    if not is_public_url(config.site_url):
        log.warning(
            f"mkdocs.yml: 'site_url' is {config.site_url} because SITE_URL is not set: the "
            "canonical links, the sitemap and the checklists' address will point to it. Set "
            "SITE_URL to the public address (README, Publishing), or to this one to keep it."
        )
    return None

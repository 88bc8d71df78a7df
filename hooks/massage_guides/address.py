"""A guide's public address, and its QR code, for what is printed.

Only a build for a public host has one: a 127.0.0.1 address on paper helps no one.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from .model import Guide

_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}


def public_address(guide: Guide, config: MkDocsConfig) -> str | None:
    """The guide's address when the site is built for a public host, else None."""
    site_url = config.site_url or ""
    if not is_public_url(site_url):
        return None
    return urljoin(site_url.rstrip("/") + "/", guide.slug + "/")


def is_public_url(site_url: str | None) -> bool:
    """Whether the site is built for a public host (not this machine, not unset)."""
    return urlsplit(site_url or "").hostname not in _LOCAL_HOSTS | {None}


def qr_code(address: str) -> Markup:
    """An inline SVG QR code of the address, made at build time by segno."""
    import segno  # only public builds make QR codes: local builds skip the import

    svg = io.BytesIO()
    segno.make(address, error="m").save(
        svg, kind="svg", xmldecl=False, svgns=True, nl=False, omitsize=True, border=2
    )
    return Markup(svg.getvalue().decode("utf-8"))

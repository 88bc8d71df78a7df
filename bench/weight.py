"""First-load weight of a page, measured from outside: what the page received, gzipped.

The responses are recorded in Chromium by `browser_requests.first_load` (a fresh context,
until the network is idle, the service worker's own requests left out). Each response's body
is gzip-compressed at level 9 (Python's gzip) and the sizes are summed: that sum is the
page's first-load weight, and its count the page's responses. Whatever fetched a file (the
HTML, the browser for the icon, a script for the search index) does not matter, only that the
page received it. `compare` sets two pages' weights side by side: their ratio, and the
responses each has that the other has not.

Also here: the check that no URL in a page points to another host (from its HTML), and the
size of what the service worker downloads in the background after the first load.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from .browser_requests import FirstLoad, Received
from .builds import SITE_URL

KINDS = ("html", "css", "js", "image", "data", "other")
_BY_RESOURCE_TYPE = {
    "document": "html",
    "stylesheet": "css",
    "script": "js",
    "image": "image",
    "xhr": "data",
    "fetch": "data",
}
_BY_SUFFIX = {
    "": "html",
    ".html": "html",
    ".css": "css",
    ".js": "js",
    ".json": "data",
    **dict.fromkeys((".svg", ".png", ".ico", ".jpg", ".jpeg", ".webp", ".gif", ".avif"), "image"),
}
_URL_ATTRIBUTES = {"href", "src", "srcset", "action", "poster", "data", "xlink:href", "formaction"}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")\s]+)")


class OtherHostError(AssertionError):
    """A page names or loads a URL on another host."""


@dataclass(frozen=True)
class Resource:
    """One response of a first load, weighed."""

    url: str
    kind: str
    status: int
    raw_bytes: int
    gzip_bytes: int


def gzip_size(data: bytes) -> int:
    """The size of `data` gzip-compressed at level 9."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def kind_of(received: Received) -> str:
    """html, css, js, image, data (what scripts fetch) or other: by what the browser asked for.

    The browser's icon request has no type of its own (`other`): its file name tells.
    """
    if received.resource_type in _BY_RESOURCE_TYPE:
        return _BY_RESOURCE_TYPE[received.resource_type]
    suffix = PurePosixPath(urlsplit(received.url).path).suffix.lower()
    return _BY_SUFFIX.get(suffix, "other")


def weigh(load: FirstLoad) -> dict[str, Any]:
    """The first-load weight of one page: every response it received, each body gzip -9."""
    elsewhere = [url for url in [r.url for r in load.received] + load.failed if "://" in url]
    if elsewhere:
        raise OtherHostError(f"{load.page} loads from another host: {elsewhere}")
    resources = [
        Resource(r.url, kind_of(r), r.status, len(r.body), gzip_size(r.body)) for r in load.received
    ]
    by_kind = dict.fromkeys(KINDS, 0)
    for resource in resources:
        by_kind[resource.kind] += resource.gzip_bytes
    return {
        "page": load.page,
        "resources": [asdict(resource) for resource in resources],
        "responses": len(resources),
        "gzip_by_kind": by_kind,
        "gzip_total": sum(resource.gzip_bytes for resource in resources),
        "not_counted_service_worker": load.worker,
        "failed": load.failed,
    }


def compare(ours: dict[str, Any], plain: dict[str, Any]) -> dict[str, Any]:
    """Two weighed pages side by side: the ratio, and the responses only one of them received.

    Responses are matched by URL (site-relative); `responses` lists every URL, this site's
    order first, with each side's gzip size (None where that side did not receive it).
    """
    mine = {resource["url"]: resource["gzip_bytes"] for resource in ours["resources"]}
    theirs = {resource["url"]: resource["gzip_bytes"] for resource in plain["resources"]}
    return {
        "ratio": round(ours["gzip_total"] / plain["gzip_total"], 4),
        "only_ours": [
            {"url": url, "gzip_bytes": size} for url, size in mine.items() if url not in theirs
        ],
        "only_plain": [
            {"url": url, "gzip_bytes": size} for url, size in theirs.items() if url not in mine
        ],
        "responses": [
            {"url": url, "ours": mine.get(url), "plain": theirs.get(url)}
            for url in dict.fromkeys([*mine, *theirs])
        ],
    }


def _only(mine: dict[str, int], theirs: dict[str, int]) -> list[dict[str, Any]]:
    return [{"url": url, "gzip_bytes": size} for url, size in mine.items() if url not in theirs]


class _UrlParser(HTMLParser):
    """Collects every URL a page names: in attributes, inline styles and `<style>`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in _URL_ATTRIBUTES:
                self.urls += _split_srcset(value or "") if name == "srcset" else [value or ""]
            elif name == "style":
                self.urls += _CSS_URL.findall(value or "")

    def handle_data(self, data: str) -> None:
        if self.lasttag == "style":
            self.urls += _CSS_URL.findall(data)


def _split_srcset(value: str) -> list[str]:
    return [part.split()[0] for part in value.split(",") if part.strip()]


def _is_other_host(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "mailto", "tel", "javascript", "blob"):
        return False
    return bool(parts.netloc) and parts.hostname != urlsplit(SITE_URL).hostname


def other_hosts(site: Path, page: str) -> list[str]:
    """Every URL on another host that `page` (e.g. `foot-massage/step-2/`) of a built site names."""
    html = site / page.lstrip("/") / "index.html" if page.endswith("/") else site / page
    parser = _UrlParser()
    parser.feed(html.read_text(encoding="utf-8"))
    return sorted({url for url in parser.urls if _is_other_host(url)})


def check_hosts(site: Path, page: str) -> None:
    """Stop when `page` names a URL on another host (a link, a stylesheet, anything)."""
    found = other_hosts(site, page)
    if found:
        raise OtherHostError(f"{page} names another host: {found}")


def precache_size(site: Path) -> dict[str, Any]:
    """What the service worker downloads in the background: `sw.js`, then the files it lists."""
    worker = (site / "sw.js").read_bytes()
    text = worker.decode("utf-8")
    listed = json.loads(text.split("const PRECACHE = ", 1)[1].split(";\n", 1)[0])
    raw = gzipped = 0
    for url, _hash in listed:
        path = site / (url if not url.endswith("/") else url + "index.html")
        path = site / "index.html" if url == "./" else path
        data = path.read_bytes()
        raw += len(data)
        gzipped += gzip_size(data)
    return {
        "files": len(listed),
        "raw_bytes": raw,
        "gzip_bytes": gzipped,
        "worker_raw_bytes": len(worker),
        "worker_gzip_bytes": gzip_size(worker),
    }

"""First-load weight of a built page: its HTML and every CSS, JS and image it names.

Found by parsing the HTML (`<link rel=stylesheet>`, `<link rel=icon>`, `<script src>`,
`<img src>`, `srcset`); each file is gzip-compressed at level 9 and the sizes summed. Inline
SVG is part of the HTML. What scripts fetch later (the search index, a service worker's
cache) is not counted. Also checks that no URL in the page points to another host.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from .builds import SITE_URL

_URL_ATTRIBUTES = {"href", "src", "srcset", "action", "poster", "data", "xlink:href", "formaction"}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")\s]+)")


class OtherHostError(AssertionError):
    """A page names a URL on another host."""


@dataclass(frozen=True)
class Resource:
    """One file the page loads on first view."""

    kind: str
    url: str
    raw_bytes: int
    gzip_bytes: int


class _PageParser(HTMLParser):
    """Collects the resources a page loads and every URL it names."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.resources: list[tuple[str, str]] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name in _URL_ATTRIBUTES:
                self.urls += _split_srcset(value) if name == "srcset" else [value]
            elif name == "style":
                self.urls += _CSS_URL.findall(value)
        rel = set(values.get("rel", "").lower().split())
        if tag == "link" and "stylesheet" in rel:
            self.resources.append(("css", values.get("href", "")))
        elif tag == "link" and "icon" in rel:
            self.resources.append(("image", values.get("href", "")))
        elif tag == "script" and values.get("src"):
            self.resources.append(("js", values["src"]))
        elif tag == "img":
            sources = [values.get("src", ""), *_split_srcset(values.get("srcset", ""))]
            self.resources += [("image", source) for source in sources if source]

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


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def _local_file(site: Path, page_url: str, url: str) -> Path:
    path = urlsplit(urljoin(page_url, url)).path
    target = site / path.lstrip("/")
    return target / "index.html" if path.endswith("/") else target


def page_weight(site: Path, page: str, *, links_elsewhere_allowed: bool = False) -> dict[str, Any]:
    """Weigh `page` (e.g. `foot-massage/step-2/`) of a built site; check its URLs' hosts."""
    page_url = urljoin(SITE_URL, page)
    html = _local_file(site, page_url, page_url).read_bytes()
    parser = _PageParser()
    parser.feed(html.decode("utf-8"))
    loaded = list(dict.fromkeys(parser.resources))
    other_hosts = sorted({url for url in parser.urls if _is_other_host(url)})
    loaded_elsewhere = [url for _, url in loaded if _is_other_host(url)]
    if loaded_elsewhere or (other_hosts and not links_elsewhere_allowed):
        raise OtherHostError(f"{page} names another host: {loaded_elsewhere or other_hosts}")
    resources = [Resource("html", page, len(html), _gzip_size(html))]
    for kind, url in loaded:
        data = _local_file(site, page_url, url).read_bytes()
        resources.append(Resource(kind, url, len(data), _gzip_size(data)))
    return {
        "page": page,
        "resources": [asdict(resource) for resource in resources],
        "gzip_by_kind": _by_kind(resources),
        "gzip_total": sum(resource.gzip_bytes for resource in resources),
        "links_to_other_hosts": other_hosts,
    }


def _by_kind(resources: list[Resource]) -> dict[str, int]:
    totals = dict.fromkeys(("html", "css", "js", "image"), 0)
    for resource in resources:
        totals[resource.kind] += resource.gzip_bytes
    return totals


def precache_size(site: Path) -> dict[str, Any]:
    """What the service worker downloads in the background: the files `sw.js` lists."""
    worker = (site / "sw.js").read_text(encoding="utf-8")
    listed = json.loads(worker.split("const PRECACHE = ", 1)[1].split(";\n", 1)[0])
    raw = gzipped = 0
    for url, _hash in listed:
        path = site / (url if not url.endswith("/") else url + "index.html")
        path = site / "index.html" if url == "./" else path
        data = path.read_bytes()
        raw += len(data)
        gzipped += _gzip_size(data)
    return {"files": len(listed), "raw_bytes": raw, "gzip_bytes": gzipped}

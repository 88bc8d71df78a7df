"""Shared fixtures: real builds of the site into tmp_path, a local server, a real Chromium."""

from __future__ import annotations

import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "mkdocs.yml"
CHROMIUM = Path("/usr/bin/chromium")
# As root in a sandbox, Chromium needs these; the rest keep it off the (closed) network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

os.environ["NO_MKDOCS_2_WARNING"] = "1"
# Tests import the hooks' plain modules (the guide model) the way the hooks do.
sys.path.insert(0, str(REPO / "hooks"))

from guide_model import Guide, load_site  # noqa: E402 - found through the path just set


def build_site(site_dir: Path, docs_dir: Path | None = None, **overrides: Any) -> Path:
    """Build the site strictly, with this repo's mkdocs.yml, hooks and overrides."""
    if docs_dir is not None:
        overrides["docs_dir"] = str(docs_dir)
    config = load_config(str(CONFIG), site_dir=str(site_dir), strict=True, **overrides)
    build(config)
    return site_dir


def guides_in(docs_dir: Path | None = None) -> list[Guide]:
    """The guides of a docs folder (the real one by default), read as the build reads them."""
    overrides: dict[str, Any] = {} if docs_dir is None else {"docs_dir": str(docs_dir)}
    config = load_config(str(CONFIG), **overrides)
    return sorted(load_site(get_files(config), config).guides.values(), key=lambda g: g.slug)


def copy_docs(tmp_path: Path, source: Path | None = None) -> Path:
    """A copy of a docs folder (the real one by default) that a test may edit."""
    docs = tmp_path / "docs"
    shutil.copytree(source or REPO / "docs", docs)
    return docs


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once for the whole session."""
    return build_site(tmp_path_factory.mktemp("site"))


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves the server's current folder, its 404.html for a missing file (as hosts do)."""

    server: SiteServer

    def __init__(self, request: object, client_address: object, server: SiteServer) -> None:
        """Serve the folder the server holds now (a test may switch it between requests)."""
        super().__init__(request, client_address, server, directory=str(server.directory))  # type: ignore[arg-type]

    def do_GET(self) -> None:
        """Answer, after waiting while the test holds this path (a hanging network)."""
        if self.path.split("?")[0] in self.server.hanging:
            self.server.released.wait(timeout=120)
        # Always the file as it is now: a test switches folders within the second that
        # If-Modified-Since can tell apart.
        del self.headers["If-Modified-Since"]
        super().do_GET()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing file gets the site's own 404 page, as GitHub Pages and others serve it."""
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        """Browsers must ask again each time (no heuristic freshness hides the network)."""
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class SiteServer(ThreadingHTTPServer):
    """A local server for a built site; a test may change its folder or hold some paths."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, directory: Path, port: int) -> None:
        """Listen on `port` (0: one the system picks) for `directory`."""
        self.directory = directory
        # URL paths whose requests wait until the server stops (or `released` is set).
        self.hanging: set[str] = set()
        self.released = threading.Event()
        super().__init__(("127.0.0.1", port), _SiteHandler)

    @property
    def url(self) -> str:
        """The base URL, with the port the system chose."""
        return f"http://127.0.0.1:{self.server_address[1]}/"

    @property
    def port(self) -> int:
        """The port it listens on."""
        return int(self.server_address[1])

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser closing a connection mid-download (a page left early) is no error."""


@contextmanager
def serve(directory: Path, port: int = 0) -> Iterator[SiteServer]:
    """Serve a built site on 127.0.0.1 (port 0: one the system picks) while the block runs.

    Stopped when the block ends, an assertion failing in it included.
    """
    server = SiteServer(directory, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.released.set()
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The real site, served locally."""
    with serve(site) as server:
        yield server.url


@pytest.fixture(scope="session")
def public_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built for a public address (checklists print it with a QR code), served."""
    site = tmp_path_factory.mktemp("public-site")
    with serve(build_site(site, site_url="https://guides.example.org/")) as server:
        yield server.url


def _browser_unavailable(reason: str) -> None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but the browser tests cannot run: {reason}")
    pytest.skip(f"browser tests need Chromium: {reason} (apt-get install -y chromium)")


@pytest.fixture(scope="session")
def playwright() -> Iterator[object]:
    """Playwright itself (tests that need a persistent profile launch from it)."""
    if not CHROMIUM.exists():
        _browser_unavailable(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright) -> Iterator[object]:
    """Debian's Chromium, driven by Playwright (never a browser Playwright downloads)."""
    from playwright.sync_api import Error

    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
    except Error as error:
        _browser_unavailable(f"Chromium did not start: {error.message.splitlines()[0]}")
    yield chromium
    chromium.close()


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, browser):
    """A tab whose system colour scheme is light or dark (the palette follows it)."""
    context = browser.new_context(color_scheme=request.param)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield request.param, tab
    context.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab with its own storage."""
    context = browser.new_context()
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()

"""A local web server for a built site, as hosts serve one (its own 404 page, no caching)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


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
        page = self._html_file()
        if self.server.injected is not None and page is not None:
            # A host that rewrites its pages (an analytics or banner script before </head>).
            body = page.read_bytes().replace(b"</head>", self.server.injected + b"</head>", 1)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def _html_file(self) -> Path | None:
        """The HTML file a request for a page is answered with, if it is one."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        return path if path.suffix == ".html" and path.is_file() else None

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
        # Bytes a rewriting host puts into every HTML page it serves (None: pages as built).
        self.injected: bytes | None = None
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
    # shutdown() waits for the loop to look at its flag, every `poll_interval` (0.5 s by
    # default: that long idle at the end of each block).
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.released.set()
        server.shutdown()
        server.server_close()
        thread.join()

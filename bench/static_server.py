"""A local static server that compresses text with gzip, as any real static host does.

`python -m http.server` sends every file uncompressed, so Material's 137 KB stylesheet alone
dominates Lighthouse's simulated slow-4G timings in a way no published site sees. The page
weight (`bench/weight.py`) gzips each body itself, so it asks for every file as it is on disk
(`compress=False`).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

_COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".webmanifest", ".txt")


class _GzipHandler(SimpleHTTPRequestHandler):
    """Serves files; text goes gzip-compressed when the browser accepts it."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if not self.server.compress:  # type: ignore[attr-defined]
            super().do_GET()
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.is_file() and path.suffix in _COMPRESSIBLE):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _Server(ThreadingHTTPServer):
    compress = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser dropping a connection is not worth a traceback in the report."""


@contextlib.contextmanager
def serve(site: Path, *, compress: bool = True) -> Iterator[str]:
    """Serve `site` on 127.0.0.1, with gzip unless `compress` is False; yield its base URL."""
    handler = functools.partial(_GzipHandler, directory=os.fspath(site))
    server = _Server(("127.0.0.1", 0), handler)
    server.compress = compress
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

"""`mkdocs <arguments>`, then this process's own peak memory on stderr, for `builds.run_build`.

`ru_maxrss` of a child counts the memory of the process that started it (Linux carries it
across `exec`), so a benchmark that has built sites in its own process would see its own
size in every child. `VmHWM` in /proc/self/status is the peak resident memory of this
program alone, since `exec`.
"""

from __future__ import annotations

import atexit
import sys
from pathlib import Path

MARKER = "bench-peak-kib"  # builds.PEAK_MARKER


def _print_peak() -> None:
    status = Path("/proc/self/status")
    if not status.is_file():
        return
    for line in status.read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            print(MARKER, line.split()[1], file=sys.stderr, flush=True)


if __name__ == "__main__":
    # Not bench/'s modules in the build's way: it imports only what `mkdocs` would.
    del sys.path[0]
    from mkdocs.__main__ import cli

    atexit.register(_print_peak)
    sys.argv[0] = "mkdocs"
    cli()

"""The program behind `make build`: one build at a time, swapped in whole.

`site/` is never missing, empty or half-written, whatever runs at the same time or is stopped:

- builds are serialised by an exclusive lock on `site.lock` (a second `make build` waits);
- mkdocs writes into a fresh `site.build-<pid>/` beside `site/`;
- a successful build is exchanged with `site/` by one rename(2) call (`renameat2` with
  RENAME_EXCHANGE on Linux, `renamex_np` with RENAME_SWAP on macOS), so at every instant
  `site/` is the old site or the new one, Ctrl-C included;
- then the old site, and whatever an interrupted build left, is removed.

Usage: python -m massage_guides.build_site SITE_DIR [mkdocs build options...]
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

# mkdocs.yml's site_url when SITE_URL is unset.
LOCAL_ADDRESS = "http://127.0.0.1:8000/"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # Linux <linux/fs.h>
_RENAME_SWAP = 2  # macOS <stdio.h>


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    site = Path(argv[0]).absolute()
    with _lock(site):
        _remove_leftovers(site)
        build = site.with_name(f"{site.name}.build-{os.getpid()}")
        try:
            code = _mkdocs_build(build, argv[1:])
            if code != 0:
                print("make build: the build failed; site/ is unchanged", file=sys.stderr)
                return code
            if not (build / "index.html").is_file():
                print("make build: the build wrote no index.html; site/ is unchanged")
                return 1
            _swap_in(build, site)
        finally:
            shutil.rmtree(build, ignore_errors=True)  # the failed build, or the old site
    return 0


class _lock:  # noqa: N801 (used as a context manager, named for what it holds)
    """An exclusive lock on `<site>.lock`, held while one build and its swap run."""

    def __init__(self, site: Path) -> None:
        self.path = site.with_name(f"{site.name}.lock")
        self.fd = -1

    def __enter__(self) -> None:
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"make build: waiting for the other build of {self.path.stem}/ to finish")
            fcntl.flock(self.fd, fcntl.LOCK_EX)

    def __exit__(self, *exc: object) -> None:
        os.close(self.fd)  # closing releases the lock


def _remove_leftovers(site: Path) -> None:
    """Folders an interrupted build left (and the old Makefile's site.new/, site.old/)."""
    for name in (f"{site.name}.new", f"{site.name}.old"):
        shutil.rmtree(site.with_name(name), ignore_errors=True)
    for folder in site.parent.glob(f"{site.name}.build-*"):
        shutil.rmtree(folder, ignore_errors=True)


def _mkdocs_build(target: Path, options: list[str]) -> int:
    command = [sys.executable, "-m", "mkdocs", "build", *options, "--site-dir", str(target)]
    return subprocess.run(command, check=False, env=_build_environment()).returncode


def _build_environment() -> dict[str, str]:
    """The environment for mkdocs; without SITE_URL, say once that the site is for this machine.

    `make build` is strict, so the publishing hook's warning would stop it: a local build is
    allowed, and this line says what it means (the hook still warns a bare `mkdocs build`).
    """
    env = dict(os.environ)
    if "SITE_URL" not in env:
        env["SITE_URL"] = LOCAL_ADDRESS
        print(
            f"make build: warning: SITE_URL is not set, so the canonical links, the sitemap and "
            f"the checklists' address point to {LOCAL_ADDRESS}; to publish, run "
            "SITE_URL=https://your.host/path/ make build",
            file=sys.stderr,
        )
    return env


def _swap_in(build: Path, site: Path) -> None:
    """Put `build` at `site` in one step; the old site is left at `build`."""
    if not os.path.lexists(site):
        os.rename(build, site)
        return
    try:
        _exchange(build, site)
    except (AttributeError, OSError) as error:
        if isinstance(error, OSError) and error.errno not in (errno.EINVAL, errno.ENOSYS):
            raise
        # No atomic exchange here (old kernel, other system): two renames, a moment apart.
        old = site.with_name(f"{build.name}.old")
        os.rename(site, old)
        os.rename(build, site)
        os.rename(old, build)


def _exchange(first: Path, second: Path) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if sys.platform == "darwin":
        result = libc.renamex_np(bytes(first), bytes(second), _RENAME_SWAP)
    else:
        result = libc.renameat2(_AT_FDCWD, bytes(first), _AT_FDCWD, bytes(second), _RENAME_EXCHANGE)
    if result != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(second))


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)  # Ctrl-C: site/ is whole, the message from make is enough

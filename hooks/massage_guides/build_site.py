"""The program behind `make build`: one build at a time, swapped in whole.

`site/` is never missing, empty or half-written, whatever runs at the same time or is stopped:

- builds are serialised by an exclusive lock on `site.lock` (a second `make build` waits);
- mkdocs writes into a fresh `site.build-<pid>/` beside the real `site/`: when `site/` is a
  symbolic link (to the folder a web server serves), beside the folder it points to, on that
  folder's file system, and the link stays a link;
- the entries of `site/` whose names start with "." (a `.git` checkout of a gh-pages branch,
  `.htaccess`, `.well-known/`) are carried into the new site, as MkDocs' own build keeps them;
- a successful build is exchanged with `site/` by one rename(2) call (`renameat2` with
  RENAME_EXCHANGE on Linux, `renamex_np` with RENAME_SWAP on macOS), so at every instant
  `site/` is the old site or the new one, Ctrl-C included;
- then the old site, and whatever an interrupted build left, is removed: only folders whose
  build (named by its pid) is no longer running.

mkdocs runs in this process, not as a child: a child outlives a parent killed with SIGKILL and
goes on writing into its folder, and stopping it with the parent needs a different mechanism on
each system (Linux's PR_SET_PDEATHSIG has no macOS equivalent). In one process, whatever kills
the build kills the writer, on every system, and `site.build-<pid>` names the very process that
writes it, so "is that pid alive" says exactly whether the folder is still being written.

Usage: python -m massage_guides.build_site SITE_DIR [mkdocs build options...]
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import sys
from pathlib import Path

# mkdocs.yml's site_url when SITE_URL is unset.
LOCAL_ADDRESS = "http://127.0.0.1:8000/"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # Linux <linux/fs.h>
_RENAME_SWAP = 2  # macOS <stdio.h>


class _Refused(Exception):
    """A build that cannot start or finish, said in one line; site/ is unchanged."""


def main(argv: list[str]) -> int:
    """Build the site into `argv[0]`, passing the other arguments to `mkdocs build`."""
    if not argv:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    given = Path(argv[0]).absolute()
    try:
        with _lock(given):
            return _build_and_swap(Path(os.path.realpath(given)), argv[1:])
    except _Refused as refusal:
        print(f"make build: {refusal}; nothing was changed", file=sys.stderr)
        return 1


def _build_and_swap(site: Path, options: list[str]) -> int:
    """Build beside `site` (a real path, links followed) and swap the result in."""
    if os.path.lexists(site) and not site.is_dir():
        raise _Refused(f"{site} is not a folder")
    _remove_leftovers(site)
    build = site.with_name(f"{site.name}.build-{os.getpid()}")
    try:
        code = _mkdocs_build(build, options)
        if code != 0:
            print("make build: the build failed; site/ is unchanged", file=sys.stderr)
            return code
        if not (build / "index.html").is_file():
            print("make build: the build wrote no index.html; site/ is unchanged")
            return 1
        _carry_dot_entries(site, build)
        try:
            _swap_in(build, site)
        except OSError as error:
            raise _Refused(f"cannot replace {site}: {error.strerror}") from error
    finally:
        shutil.rmtree(build, ignore_errors=True)  # the failed build, or the old site
    return 0


class _lock:  # noqa: N801 (used as a context manager, named for what it holds)
    """An exclusive lock on `<site>.lock`, held while one build and its swap run."""

    def __init__(self, site: Path) -> None:
        self.path = site.with_name(f"{site.name}.lock")
        self.fd = -1

    def __enter__(self) -> None:
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise _Refused(f"cannot lock {self.path}: {error.strerror}") from error
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"make build: waiting for the other build of {self.path.stem}/ to finish")
            fcntl.flock(self.fd, fcntl.LOCK_EX)

    def __exit__(self, *exc: object) -> None:
        os.close(self.fd)  # closing releases the lock


def _remove_leftovers(site: Path) -> None:
    """Folders an interrupted build left (and the old Makefile's site.new/, site.old/).

    A `site.build-<pid>` whose process still runs is another build's (one that does not share
    this lock, e.g. through another link to the same folder): it is left alone.
    """
    for name in (f"{site.name}.new", f"{site.name}.old"):
        shutil.rmtree(site.with_name(name), ignore_errors=True)
    prefix = f"{site.name}.build-"
    for folder in site.parent.glob(f"{prefix}*"):
        pid = folder.name.removeprefix(prefix).removesuffix(".old")
        if pid.isdigit() and _running(int(pid)):
            continue
        shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _mkdocs_build(target: Path, options: list[str]) -> int:
    """`mkdocs build OPTIONS --site-dir TARGET`, in this process: its exit code."""
    from mkdocs.__main__ import cli

    _set_site_url()
    try:
        cli.main(["build", *options, "--site-dir", str(target)], prog_name="mkdocs")
    except SystemExit as done:  # click ends every run so (standalone mode), success included
        return 0 if done.code is None else done.code if isinstance(done.code, int) else 1


def _set_site_url() -> None:
    """Without SITE_URL, build for this machine, and say once what that means.

    `make build` is strict, so the publishing hook's warning would stop it: a local build is
    allowed, and this line says what it means (the hook still warns a bare `mkdocs build`).
    """
    if "SITE_URL" not in os.environ:
        os.environ["SITE_URL"] = LOCAL_ADDRESS
        print(
            f"make build: warning: SITE_URL is not set, so the canonical links, the sitemap and "
            f"the checklists' address point to {LOCAL_ADDRESS}; to publish, run "
            "SITE_URL=https://your.host/path/ make build",
            file=sys.stderr,
        )


def _carry_dot_entries(site: Path, build: Path) -> None:
    """Give the new site the old one's entries named ".*", as `mkdocs build` keeps them.

    Hard links where the file system allows (a `.git` is not copied byte by byte): the old
    site keeps its own until it is removed, so an interruption at any moment loses nothing.
    """
    if not site.is_dir():
        return
    for entry in site.iterdir():
        target = build / entry.name
        if not entry.name.startswith(".") or os.path.lexists(target):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, target)


def _link_or_copy(source: str | Path, target: str | Path) -> None:
    if os.path.islink(source):
        os.symlink(os.readlink(source), target)
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


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
        try:
            os.rename(build, site)
        except OSError:
            os.rename(old, site)
            raise
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

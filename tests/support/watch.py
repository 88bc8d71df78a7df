"""Wait for another process to reach a moment, woken by the file system (Linux inotify).

A build in progress shows where it is by the files it writes; a test that must act at one of
those moments blocks until a folder it watches changes (or the process ends), then looks
again. Nothing polls on a timer.
"""

from __future__ import annotations

import ctypes
import os
import select
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

_libc = ctypes.CDLL(None, use_errno=True)
_IN_NONBLOCK = 0o4000
_IN_CLOEXEC = 0o2000000
# A file written, closed after writing, renamed in or out, created or deleted.
_CHANGES = 0x002 | 0x008 | 0x040 | 0x080 | 0x100 | 0x200
# Only a guard: a build that neither writes nor ends for this long has hung.
_GUARD_SECONDS = 300


class FolderWatch:
    """Changes to the entries of some folders (not of the folders inside them)."""

    def __init__(self) -> None:
        """Start with no folder watched."""
        self.fd = _libc.inotify_init1(_IN_NONBLOCK | _IN_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")

    def add(self, folder: Path) -> None:
        """Watch `folder` (again: harmless), unless it is already gone."""
        if _libc.inotify_add_watch(self.fd, os.fsencode(folder), _CHANGES) < 0:
            error = ctypes.get_errno()
            if error != 2:  # ENOENT: removed since it was listed
                raise OSError(error, os.strerror(error), str(folder))

    def wait_for(
        self,
        condition: Callable[[], bool],
        process: subprocess.Popen[str],
        folders: Callable[[], Iterable[Path]] = tuple,
    ) -> None:
        """Until `condition()` holds or `process` has ended; `folders()` are watched as they come.

        Each round watches first and looks after, so a change between the two still wakes it.
        """
        if process.poll() is not None:
            return
        process_ended = os.pidfd_open(process.pid)  # readable once it ends
        try:
            while True:
                for folder in folders():
                    self.add(folder)
                if condition() or process.poll() is not None:
                    return
                ready, _, _ = select.select([self.fd, process_ended], [], [], _GUARD_SECONDS)
                assert ready, f"nothing changed for {_GUARD_SECONDS} s and the process runs on"
                if self.fd in ready:
                    self._drain()
        finally:
            os.close(process_ended)

    def _drain(self) -> None:
        try:
            while os.read(self.fd, 65536):
                pass
        except BlockingIOError:
            pass

    def close(self) -> None:
        """Stop watching."""
        os.close(self.fd)

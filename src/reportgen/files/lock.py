"""One reportgen at a time in a folder's bookkeeping: an exclusive lock held while the folder's
manifest is read, changed and written (concurrent builds of different formats into one
``build/`` then never lose each other's records), and while ``check --fix`` compares and
replaces a source file.

POSIX: ``flock`` on the folder itself (no lock file left lying around); Windows: ``msvcrt``
on a small ``.reportgen.lock`` file in the folder. Either lock dies with its process, so a
killed build never leaves the folder locked.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from reportgen.errors import UserError, display_path
from reportgen.settings.messages import message

WAIT = 120.0  # seconds: another build of the same project is done long before this


@contextlib.contextmanager
def folder_lock(folder: Path, *, wait: float = WAIT) -> Iterator[None]:
    """Hold ``folder``'s lock for the ``with`` block; a folder that cannot be opened (not
    there, not a folder) is not locked: the write that follows reports its own trouble."""
    try:
        handle = _open(folder)
    except OSError:
        yield
        return
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(handle):
            if time.monotonic() > deadline:
                raise UserError(
                    message("lock_busy", folder=display_path(folder)),
                    hint=message("lock_busy_hint"),
                )
            time.sleep(0.02)
        try:
            yield
        finally:
            _unlock(handle)
    finally:
        os.close(handle)


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _open(folder: Path) -> int:
        return os.open(folder / ".reportgen.lock", os.O_RDWR | os.O_CREAT, 0o666)

    def _try_lock(handle: int) -> bool:
        try:
            os.lseek(handle, 0, os.SEEK_SET)
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(handle, 0, os.SEEK_SET)
            msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _open(folder: Path) -> int:
        return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))

    def _try_lock(handle: int) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(handle, fcntl.LOCK_UN)

"""Atomic, non-destructive file writes.

Every file reportgen writes goes to a temporary file beside its target, is flushed to disk,
and then renamed over the target: a reader (or a crash) sees the old file or the new one,
never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import tempfile
import time
from pathlib import Path

from reportgen.errors import UserError, display_path
from reportgen.settings.messages import message


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically; turn OS failures into clear user errors."""
    shown = display_path(target)
    if target.is_dir():
        raise UserError(
            message("write_is_folder", file=shown), hint=message("write_is_folder_hint")
        )
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UserError(message("write_folder_blocked", file=display_path(folder))) from None
    except OSError as exc:
        raise _os_error(exc, display_path(folder)) from None
    _remove_stale_temporaries(folder, target.name)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp_name, target.stat().st_mode & 0o7777)
        else:
            with contextlib.suppress(OSError):
                os.chmod(tmp_name, 0o666 & ~_umask())
        os.replace(tmp_name, target)
        tmp_name = None
        _sync_folder(folder)
    except OSError as exc:
        raise _os_error(exc, shown) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


STALE_AFTER = 60.0  # seconds: older temporaries are left over from a killed process


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """Delete ``.NAME.*.tmp`` files a killed or crashed write left behind (never a younger
    one, which may belong to a write still in progress)."""
    now = time.time()
    for leftover in folder.glob(f".{glob.escape(name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > STALE_AFTER:
                leftover.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable: without this a power cut can bring the old file back."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _os_error(exc: OSError, shown: str) -> UserError:
    if exc.errno == errno.ENOSPC:
        return UserError(
            message("write_disk_full", file=shown), hint=message("write_disk_full_hint")
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(
            message("write_permission", file=shown), hint=message("write_permission_hint")
        )
    return UserError(message("write_failed", file=shown, reason=exc.strerror or exc))

"""Atomic, non-destructive file writes.

Every file reportgen writes goes to a temporary file beside its target, is flushed to disk,
and then renamed over the target: a reader (or a crash) sees the old file or the new one,
never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from reportgen.errors import UserError, display_path
from reportgen.files.read import check_name, special_kind
from reportgen.settings.messages import message


def write_atomic(target: Path, data: bytes, *, settle: bool = True) -> None:
    """Write ``data`` to ``target`` atomically; turn OS failures into clear user errors."""
    write_all({target: data}, settle=settle)


def write_all(files: Mapping[Path, bytes], *, settle: bool = True) -> None:
    """Write several files as one transaction: every one to a temporary file beside its
    target first; only when all are written (a full disk fails here) are they renamed over
    their targets; a rename that fails puts back the files already replaced. Either every
    target holds its new bytes, or every one is as it was; no temporary file is left, not
    even on Ctrl-C. ``settle``: flush the folders too, so that the renames survive a crash
    (False only where losing the rename loses nothing)."""
    for target in files:
        check_target(target)
    staged: dict[Path, str] = {}
    backups: dict[Path, str | None] = {}
    try:
        for target, data in files.items():
            staged[target] = stage(target, data)
        try:
            for target, tmp_name in staged.items():
                backups[target] = _keep_previous(target)
                try:
                    os.replace(tmp_name, target)
                except OSError as exc:
                    raise os_error(exc, display_path(target)) from None
        except BaseException:  # a failed rename, or Ctrl-C between two of them
            _roll_back(backups)
            raise
        for folder in {target.parent for target in files} if settle else ():
            sync_folder(folder)
    finally:
        for leftover in [*staged.values(), *(b for b in backups.values() if b)]:
            with contextlib.suppress(OSError):
                os.unlink(leftover)


def check_target(target: Path) -> None:
    """Refuse a target that no write could replace: a folder, a FIFO or a device (whatever
    --force says), a name too long; and make its folder."""
    shown = display_path(target)
    check_name(target)
    try:
        is_dir = target.is_dir()
    except OSError as exc:  # a name too long for the file system, a loop of links…
        raise os_error(exc, shown) from None
    if is_dir:
        raise UserError(
            message("write_is_folder", file=shown), hint=message("write_is_folder_hint")
        )
    kind = special_kind(target)
    if kind:  # a FIFO or a device (/dev/null): never replaced, whatever --force says
        raise UserError(
            message("write_special", file=shown, what=message(kind)),
            hint=message("write_special_hint"),
        )
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UserError(message("write_folder_blocked", file=display_path(folder))) from None
    except OSError as exc:
        raise os_error(exc, display_path(folder)) from None


def stage(target: Path, data: bytes) -> str:
    """``data`` in a new temporary file beside ``target``, on disk, with the target's mode."""
    folder = target.parent
    remove_stale_temporaries(folder, target.name)
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
        staged, tmp_name = tmp_name, None
        return staged
    except OSError as exc:
        raise os_error(exc, display_path(target)) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _keep_previous(target: Path) -> str | None:
    """A hard link to the file about to be replaced, to put it back if a later rename of the
    same transaction fails; None when there is none (or the file system has no links)."""
    if not target.exists():
        return None
    name = f"{target.parent}{os.sep}.{target.name}.{os.getpid()}-{time.monotonic_ns()}.tmp"
    try:
        os.link(target, name)
    except OSError:
        return None
    return name


def _roll_back(backups: Mapping[Path, str | None]) -> None:
    for target, backup in backups.items():
        with contextlib.suppress(OSError):
            if backup is None:
                os.unlink(target)  # it did not exist before this transaction
            else:
                os.replace(backup, target)


STALE_AFTER = 60.0  # seconds: older temporaries are left over from a killed process


def remove_stale_temporaries(folder: Path, name: str, *, older_than: float = STALE_AFTER) -> None:
    """Delete ``.NAME.*.tmp`` files a killed or crashed write left behind (never a younger
    one, which may belong to a write still in progress, unless the caller holds the lock
    every writer of ``NAME`` takes: then ``older_than=0``)."""
    now = time.time()
    for leftover in _temporaries(folder, name):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime >= older_than:
                leftover.unlink()


def _temporaries(folder: Path, name: str) -> list[Path]:
    """What ``folder.glob(f".{glob.escape(name)}.*.tmp")`` finds, compared as text: the glob
    compiled a pattern for every file written and loaded the glob module, ~0.6 ms of a build.
    Case as the system compares names (``normcase``: folded on Windows, as pathlib's glob)."""
    prefix, suffix = os.path.normcase(f".{name}."), os.path.normcase(".tmp")
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries]
    except (PermissionError, FileNotFoundError, NotADirectoryError):
        return []  # as the glob: nothing found in a folder it cannot list or that is not one
    return [
        folder / found
        for found in names
        if len(found) >= len(prefix) + len(suffix)
        and (case := os.path.normcase(found)).startswith(prefix)
        and case.endswith(suffix)
    ]


def sync_folder(folder: Path) -> None:
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


def os_error(exc: OSError, shown: str) -> UserError:
    if exc.errno == errno.ENOSPC:
        return UserError(
            message("write_disk_full", file=shown), hint=message("write_disk_full_hint")
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(
            message("write_permission", file=shown), hint=message("write_permission_hint")
        )
    return UserError(message("write_failed", file=shown, reason=exc.strerror or exc))

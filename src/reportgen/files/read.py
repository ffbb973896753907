"""The one reader of files reportgen is given: regular files only, size-capped, never blocking.

Every input (a report's YAML, settings, an imported .docx or .txt, the build manifest) is read
through :func:`read_regular`:

- the file is opened with ``O_NONBLOCK``, so a FIFO (named pipe) at the path does not wait for a
  writer that never comes: opening returns at once, and ``fstat`` on the opened descriptor
  (not on the name, which could be swapped meanwhile) then refuses anything that is not a
  regular file: a FIFO, a device such as ``/dev/zero``, a socket, a folder;
- at most ``limit`` bytes are read: a file that grows while it is read is refused, not
  swallowed until memory runs out.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from reportgen.errors import UserError, display_path
from reportgen.settings.messages import message

MAX_BYTES = 5 * 1024 * 1024  # a year's summary is ~20 kB; anything this large is a mistake

_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)  # a terminal device never becomes our controlling terminal
    | getattr(os, "O_BINARY", 0)  # Windows: no newline translation
)


class ReadError(UserError):
    """A file that cannot be read; ``kind`` says why: ``missing``, ``folder``, ``special``,
    ``too-large``, ``permission`` or ``failed``."""

    def __init__(self, kind: str, text: str, *, hint: str = ""):
        super().__init__(text, hint=hint)
        self.kind = kind


def read_regular(path: Path, *, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them."""
    shown = display_path(path)
    try:
        fd = os.open(path, _FLAGS)
    except FileNotFoundError:
        raise ReadError(
            "missing", message("read_not_found", file=shown), hint=message("read_not_found_hint")
        ) from None
    except IsADirectoryError:
        raise _folder(shown) from None
    except PermissionError:
        raise ReadError("permission", message("read_permission", file=shown)) from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket or an unconnected device
            raise _special(shown, "file_kind_other") from None
        raise ReadError(
            "failed", message("read_failed", file=shown, reason=exc.strerror or exc)
        ) from None
    try:
        return _read_open(fd, shown, limit)
    finally:
        os.close(fd)


def _read_open(fd: int, shown: str, limit: int) -> bytes:
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _folder(shown)
        if not stat.S_ISREG(info.st_mode):
            raise _special(shown, _kind(info.st_mode))
        if info.st_size > limit:
            raise _too_large(shown, info.st_size)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise _too_large(shown, total)
        return b"".join(chunks)
    except OSError as exc:
        raise ReadError(
            "failed", message("read_failed", file=shown, reason=exc.strerror or exc)
        ) from None


def regular_or_absent(path: Path) -> bool:
    """True when nothing is at ``path`` or a regular file is (symlinks followed); False for a
    FIFO, a device, a socket or a folder. Never blocks and never raises."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except (OSError, ValueError):
        return False


def require_regular(path: Path) -> None:
    """Refuse, with the reader's own words, a path at which something other than a regular
    file sits (a FIFO, a device, a socket, a folder, or a link to one): for callers that look
    a file up before reading it, so that what is not a file is said, never silently skipped."""
    shown = display_path(path)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # absent or unreadable: the read itself says which
    if stat.S_ISDIR(mode):
        raise _folder(shown)
    if not stat.S_ISREG(mode):
        raise _special(shown, _kind(mode))


def special_kind(path: Path) -> str | None:
    """The catalogue name of what sits at ``path`` when it is neither a regular file, a folder
    nor absent (``file_kind_fifo``…), else None."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return _kind(mode)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "file_kind_fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "file_kind_device"
    if stat.S_ISSOCK(mode):
        return "file_kind_socket"
    return "file_kind_other"


def _folder(shown: str) -> ReadError:
    return ReadError("folder", message("read_folder", file=shown), hint=message("read_folder_hint"))


def _special(shown: str, kind: str) -> ReadError:
    return ReadError(
        "special",
        message("read_special", file=shown, what=message(kind)),
        hint=message("read_special_hint"),
    )


def _too_large(shown: str, size: int) -> ReadError:
    return ReadError(
        "too-large",
        message("read_too_large", file=shown, size=max(1, size // 1024 // 1024)),
        hint=message("read_too_large_hint"),
    )


NAME_MAX = 255  # bytes in one file name: ext4, NTFS (in UTF-16 units), APFS…


def check_name(path: Path) -> None:
    """Refuse a path one of whose names is longer than file systems allow, with a message
    that says so, before any call that would fail with ENAMETOOLONG."""
    for part in path.parts:
        size = len(os.fsencode(part))
        if size > NAME_MAX:
            raise UserError(
                message("write_name_too_long", file=display_path(path), size=size, limit=NAME_MAX),
                hint=message("write_name_too_long_hint"),
            )

"""Typed errors. A :class:`UserError` is bad input and ends as a message with exit code 1;
anything else escaping the library is a bug and shows a traceback only under ``--debug``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportgen.records import Record, set_field


# Records (reportgen.records) without generated source: every command imports these two, and
# as frozen dataclasses they cost 9.4 M instructions (~1 ms) to make. Declared dataclasses
# with no generated method, so that dataclasses.replace, fields and asdict work on them.
@dataclass(init=False, repr=False, eq=False)
class Location(Record):
    """A place in a user's file: 1-based line and column, as editors count them."""

    file: str
    line: int | None = None
    column: int | None = None
    _fields = ("file", "line", "column")

    def __init__(self, file: str, line: int | None = None, column: int | None = None) -> None:
        set_field(self, "file", file)
        set_field(self, "line", line)
        set_field(self, "column", column)

    # Ordered as ``@dataclass(order=True)`` orders: field by field, within the class only.
    def __lt__(self, other: object) -> bool:
        keys = self._ordered(other)
        return NotImplemented if keys is None else keys[0] < keys[1]

    def __le__(self, other: object) -> bool:
        keys = self._ordered(other)
        return NotImplemented if keys is None else keys[0] <= keys[1]

    def __gt__(self, other: object) -> bool:
        keys = self._ordered(other)
        return NotImplemented if keys is None else keys[0] > keys[1]

    def __ge__(self, other: object) -> bool:
        keys = self._ordered(other)
        return NotImplemented if keys is None else keys[0] >= keys[1]

    def __str__(self) -> str:
        if self.line is None:
            return self.file
        if self.column is None:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(init=False, repr=False, eq=False)
class Problem(Record):
    """One finding: a schema error, a lint finding or a load failure."""

    location: Location
    message: str
    path: str = ""  # the YAML path, e.g. ``highlights[2].points[0]``
    rule: str = "schema"
    severity: str = "error"  # "error" or "warning"
    hint: str = ""
    fix: str | None = None  # suggested replacement text, where a rule can offer one
    _fields = ("location", "message", "path", "rule", "severity", "hint", "fix")

    def __init__(
        self,
        location: Location,
        message: str,
        path: str = "",
        rule: str = "schema",
        severity: str = "error",
        hint: str = "",
        fix: str | None = None,
    ) -> None:
        set_field(self, "location", location)
        set_field(self, "message", message)
        set_field(self, "path", path)
        set_field(self, "rule", rule)
        set_field(self, "severity", severity)
        set_field(self, "hint", hint)
        set_field(self, "fix", fix)

    def format(self) -> str:
        where = f"{self.location}  "
        path = f"{self.path}: " if self.path else ""
        hint = f"\n    → {self.hint}" if self.hint else ""
        return f"{where}{path}{self.message} [{self.rule}]{hint}"


class UserError(Exception):
    """Bad input or environment: reported as a message, exit code 1."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str = "", location: Location | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.location = location

    def format(self) -> str:
        where = f"{self.location}: " if self.location else ""
        from reportgen.settings.messages import message

        hint = f"\n  → {self.hint}" if self.hint else ""
        return f"{message('error_prefix')}{where}{self.message}{hint}"


class UsageError(UserError):
    """The command line itself is wrong: exit code 2."""

    exit_code = 2


class InvalidInput(UserError):
    """A file failed validation; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        first = problems[0].location.file if problems else "input"
        super().__init__(f"{first}: {len(problems)} problem(s)")
        self.problems = problems

    def format(self) -> str:
        return "\n".join(p.format() for p in self.problems)


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when it is inside it."""
    try:
        cwd = os.getcwd()
    except OSError:  # the current folder was removed
        return str(path)
    return _displayed(path, cwd)


@lru_cache(maxsize=512)
def _displayed(path: Path, cwd: str) -> str:
    # Kept per path and folder: resolving is a system call per part of the path, and a build
    # names the same few files ~50 times (every finding, every file read and written).
    try:
        return str(path.resolve().relative_to(Path(cwd).resolve()))
    except (ValueError, OSError, RuntimeError):  # outside; or a loop of links (RuntimeError
        return str(path)  # from Python 3.11's resolve), a name too long: shown as given

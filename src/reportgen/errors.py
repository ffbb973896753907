"""Typed errors. A :class:`UserError` is bad input and ends as a message with exit code 1;
anything else escaping the library is a bug and shows a traceback only under ``--debug``."""

from __future__ import annotations

import os
from dataclasses import FrozenInstanceError, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any


class _Frozen:
    """The methods ``@dataclass(frozen=True)`` would give a class (``==``, ``hash``, ``repr``, no
    assignment), written once for the two below.

    A dataclass compiles each of its methods from generated source when its module is imported:
    ``Location`` and ``Problem`` cost 9.4 M instructions that way (~1 ms, 1 % of a cold
    ``reportgen check``'s floor; every command imports them), these 0.3 M. They are still
    dataclasses, declared without the generated methods, so ``dataclasses.replace``,
    ``fields`` and ``asdict`` work on them; ``tests/test_errors.py`` holds them to what the
    decorator would have generated.
    """

    __slots__ = ()

    def _values(self) -> tuple[Any, ...]:
        # The fields, in order: __init__ sets each once, nothing else can add one.
        return tuple(self.__dict__.values())

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()  # type: ignore[attr-defined,no-any-return]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{self.__class__.__qualname__}({shown})"

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


# Only the fields are the decorator's: the methods are _Frozen's and each class's own.
@dataclass(init=False, repr=False, eq=False)
class Location(_Frozen):
    """A place in a user's file: 1-based line and column, as editors count them."""

    file: str
    line: int | None = None
    column: int | None = None

    def __init__(self, file: str, line: int | None = None, column: int | None = None) -> None:
        self.__dict__.update(file=file, line=line, column=column)

    # Ordered as ``@dataclass(order=True)`` orders: field by field, within the class only.
    def __lt__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() < other._values()  # type: ignore[attr-defined,no-any-return]
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() <= other._values()  # type: ignore[attr-defined,no-any-return]
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() > other._values()  # type: ignore[attr-defined,no-any-return]
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() >= other._values()  # type: ignore[attr-defined,no-any-return]
        return NotImplemented

    def __str__(self) -> str:
        if self.line is None:
            return self.file
        if self.column is None:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(init=False, repr=False, eq=False)
class Problem(_Frozen):
    """One finding: a schema error, a lint finding or a load failure."""

    location: Location
    message: str
    path: str = ""  # the YAML path, e.g. ``highlights[2].points[0]``
    rule: str = "schema"
    severity: str = "error"  # "error" or "warning"
    hint: str = ""
    fix: str | None = None  # suggested replacement text, where a rule can offer one

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
        self.__dict__.update(
            location=location,
            message=message,
            path=path,
            rule=rule,
            severity=severity,
            hint=hint,
            fix=fix,
        )

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

"""Immutable value classes written out by hand, for the classes made at every start.

Python 3.11's ``@dataclass(frozen=True)`` writes each method as source text and execs it when
the class is made: ~0.43 ms a class (0.2 ms more without a docstring, for inspect.signature),
2.8 ms for the six classes of :mod:`reportgen.compose.document` on every ``reportgen build``,
~1 ms for :mod:`reportgen.errors`' two, which every command imports. A :class:`Record`
subclass writes its ``__init__`` itself and names its fields; this base gives it what the
dataclass would have generated from them: ``==`` and ``hash`` over the compared fields, the
repr of the shown ones, ordering when asked, and no assignment after ``__init__``
(:class:`dataclasses.FrozenInstanceError`). A subclass may also be declared
``@dataclass(init=False, repr=False, eq=False)`` (no generated source) so that
``dataclasses.replace``, ``fields`` and ``asdict`` work on it. ``tests/test_records.py`` holds
every such class equal to the dataclass it stands for. The bottom of the package's layers:
it imports nothing of reportgen's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import FrozenInstanceError
from operator import attrgetter
from typing import Any, ClassVar

# An __init__ sets each field through object's own __setattr__, as a frozen dataclass does.
set_field = object.__setattr__


class Record:
    """A frozen value: subclasses set ``_fields`` (in ``__init__`` order), ``_compared`` (the
    fields of ``==``, ``hash`` and the repr; all of them unless said) and an ``__init__`` that
    sets each field with :func:`set_field`."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _compared: ClassVar[tuple[str, ...]] = ()

    # The compared fields' values as a tuple, in C (diff hashes every item it aligns).
    _key: ClassVar[Callable[[Any], tuple[Any, ...]]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.__match_args__ = cls._fields
        if not cls.__dict__.get("_compared"):
            cls._compared = cls._fields
        assert len(cls._compared) > 1, "attrgetter of one name gives the value, not a tuple"
        cls._key = attrgetter(*cls._compared)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key(self) == self._key(other)  # type: ignore[no-any-return]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._compared)
        return f"{self.__class__.__qualname__}({shown})"

    def _ordered(self, other: object) -> tuple[tuple[Any, ...], tuple[Any, ...]] | None:
        """The two keys to compare for ``<`` and the like (``@dataclass(order=True)``: field
        by field, within one class only); None for another class. Subclasses that are ordered
        define the four comparisons with it."""
        if other.__class__ is self.__class__:
            return self._key(self), self._key(other)
        return None

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

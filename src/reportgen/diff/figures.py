"""The key figures of two documents side by side: both values, the change, in one unit."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from reportgen.model.report import Metric
from reportgen.settings.units import UnitTable, as_decimal
from reportgen.text.references import format_number

FigureStatus = Literal["added", "removed", "changed", "unchanged", "incomparable"]
_HUNDREDTH = Decimal("0.01")


@dataclass(frozen=True)
class FigureRow:
    """One metric present in either file.

    ``old_converted`` is last year's value in this year's unit; ``change`` and ``percent``
    are computed from it. ``notes`` hold whatever else changed, as (field, old, new).
    """

    id: str
    label: str
    status: FigureStatus
    old: Decimal | None = None
    old_unit: str = ""
    new: Decimal | None = None
    new_unit: str = ""
    old_converted: Decimal | None = None
    change: Decimal | None = None
    percent: Decimal | None = None
    old_period: str = ""
    new_period: str = ""
    notes: tuple[tuple[str, str, str], ...] = field(default_factory=tuple)

    @property
    def unit(self) -> str:
        return self.new_unit or self.old_unit

    @property
    def change_unit(self) -> str:
        """A change of a percentage is in percentage points."""
        return "个百分点" if self.unit == "%" else self.unit

    @property
    def changed(self) -> bool:
        return self.status != "unchanged"


def compare_figures(old: list[Metric], new: list[Metric], units: UnitTable) -> list[FigureRow]:
    """Every metric of either list, matched by id, else by label; in the new file's order."""
    pairs: list[tuple[Metric | None, Metric | None]] = []
    old_left = list(old)
    for metric in new:
        twin = next((m for m in old_left if m.id == metric.id), None)
        if twin is None:
            twin = next((m for m in old_left if m.label == metric.label), None)
        if twin is not None:
            old_left.remove(twin)
        pairs.append((twin, metric))
    pairs.extend((m, None) for m in old_left)
    return [_row(a, b, units) for a, b in pairs]


def _row(a: Metric | None, b: Metric | None, units: UnitTable) -> FigureRow:
    if b is None:
        assert a is not None
        return FigureRow(
            a.id,
            a.label,
            "removed",
            old=as_decimal(a.value),
            old_unit=a.unit,
            old_period=a.period or "",
        )
    if a is None:
        return FigureRow(
            b.id,
            b.label,
            "added",
            new=as_decimal(b.value),
            new_unit=b.unit,
            new_period=b.period or "",
        )
    old_value, new_value = as_decimal(a.value), as_decimal(b.value)
    converted = units.convert(old_value, a.unit, b.unit)
    notes = _notes(a, b)
    common = dict(
        id=b.id,
        label=b.label,
        old=old_value,
        old_unit=a.unit,
        new=new_value,
        new_unit=b.unit,
        old_period=a.period or "",
        new_period=b.period or "",
        notes=notes,
    )
    if converted is None:
        return FigureRow(status="incomparable", **common)  # type: ignore[arg-type]
    change = new_value - converted
    percent = None
    if converted != 0:
        try:
            percent = (change / converted * 100).quantize(_HUNDREDTH, rounding=ROUND_HALF_UP)
        except InvalidOperation:  # a percent past 28 digits says nothing: leave it out
            percent = None
    status: FigureStatus = "changed" if change != 0 or notes else "unchanged"
    return FigureRow(
        status=status, old_converted=converted, change=change, percent=percent, **common
    )  # type: ignore[arg-type]


def _notes(a: Metric, b: Metric) -> tuple[tuple[str, str, str], ...]:
    """(field, old, new) for every field but the value that differs."""
    notes = []
    for name in ("id", "label", "unit", "period", "previous", "change"):
        before, after = getattr(a, name), getattr(b, name)
        if (before or None) != (after or None):
            notes.append((name, _show(before), _show(after)))
    return tuple(notes)


def _show(value: object) -> str:
    if value is None or value == "":
        return "—"
    return format_number(value) if isinstance(value, int | float) else str(value)

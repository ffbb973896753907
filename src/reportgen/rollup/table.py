"""The offices put together: one row per office, one column per metric (and, beside it, last
year's value and the change where any office gives them), every value in the column's unit,
a total and a median under each column, and a note on every cell that needs a look.

Pure arithmetic in :class:`~decimal.Decimal`: the writers (xlsx, docx, csv, json) only lay out
what is decided here, so they all show the same figures.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from reportgen.rollup.collect import Figure, Finding, Office
from reportgen.settings.messages import message
from reportgen.settings.rollup import Mapping
from reportgen.settings.units import UnitTable

Kind = Literal["value", "previous", "change"]
# Groups whose figures are counts: shown without decimals. Rates are not added up.
COUNT_GROUPS = ("people", "person_times", "households", "pieces", "cases")
RATE_GROUPS = ("percent",)
# Decimals shown for a unit (the values themselves are kept exact).
UNIT_DECIMALS = {"亿元": 4, "万元": 2, "元": 2, "万人": 4, "万户": 4, "万吨": 4, "万平方米": 4}


@dataclass(frozen=True)
class Column:
    """One metric of the district, and which of its cells the table shows."""

    id: str
    label: str
    unit: str
    previous: bool = False  # some office gives last year's value
    change: bool = False  # some office gives (or lets us compute) the change

    @property
    def kinds(self) -> tuple[Kind, ...]:
        kinds: list[Kind] = ["value"]
        kinds += ["previous"] if self.previous else []
        kinds += ["change"] if self.change else []
        return tuple(kinds)

    def header(self, kind: Kind) -> str:
        if kind == "value":
            return message("rollup_header_value", label=self.label, unit=self._unit())
        if kind == "previous":
            return message("rollup_header_previous", label=self.label, unit=self._unit())
        return message("rollup_header_change", label=self.label)

    def _unit(self) -> str:
        return message("rollup_header_unit", unit=self.unit) if self.unit else ""


@dataclass(frozen=True)
class Cell:
    """A figure of the table: ``value`` in its column's unit; ``text`` when the office wrote
    something that is no figure in that unit; ``note`` says why a cell is marked."""

    value: Decimal | None = None
    text: str = ""
    note: str = ""
    unit: str = ""  # the value's unit ("%" for a change)

    @property
    def marked(self) -> bool:
        return bool(self.note)


@dataclass(frozen=True)
class Row:
    office: str
    project: str
    cells: tuple[Cell, ...]  # one per (column, kind) of the table, in order


@dataclass(frozen=True)
class Unmatched:
    """A figure that matches no metric of the district's mapping (or a second figure of one
    office for the same metric): listed, never dropped."""

    office: str
    id: str
    label: str
    value: Decimal
    unit: str


@dataclass
class Rollup:
    year: int
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    totals: tuple[Cell, ...] = ()
    medians: tuple[Cell, ...] = ()
    findings: list[tuple[str, Finding]] = field(default_factory=list)  # (office, finding)
    absent: list[Office] = field(default_factory=list)  # missing and failed, in project order
    unmatched: list[Unmatched] = field(default_factory=list)
    units: UnitTable = field(default_factory=UnitTable)

    @property
    def slots(self) -> list[tuple[Column, Kind]]:
        """The table's figure columns, in order: each metric's value, last year, change."""
        return [(column, kind) for column in self.columns for kind in column.kinds]

    @property
    def headers(self) -> list[str]:
        return [message("rollup_header_office")] + [c.header(k) for c, k in self.slots]

    def decimals(self, unit: str) -> int | None:
        """Decimals to show for ``unit``: none for counts, None when the unit says nothing."""
        if unit in UNIT_DECIMALS:
            return UNIT_DECIMALS[unit]
        group = self.units.group(unit) if unit else None
        if group in COUNT_GROUPS:
            return 0
        if group is not None:
            return 2
        return None


def build_rollup(
    year: int, offices: Sequence[Office], units: UnitTable, mapping: Mapping | None = None
) -> Rollup:
    """Match, convert and total the offices' figures (offices in the order given)."""
    present = [o for o in offices if o.status == "ok"]
    columns = _columns(present, mapping)
    by_id = {c.id: n for n, c in enumerate(columns)}
    rollup = Rollup(year, [], units=units)
    placed: list[dict[int, Figure]] = []
    for office in present:
        mine: dict[int, Figure] = {}
        for figure in office.figures:
            canonical = mapping.find(figure.id, figure.label) if mapping else figure.id
            if canonical is None or by_id[canonical] in mine:  # no column, or taken
                rollup.unmatched.append(
                    Unmatched(office.name, figure.id, figure.label, figure.value, figure.unit)
                )
                continue
            mine.setdefault(by_id[canonical], figure)
        placed.append(mine)
    for n, column in enumerate(columns):
        figures = [mine[n] for mine in placed if n in mine]
        columns[n] = Column(
            column.id,
            column.label,
            column.unit,
            previous=any(f.previous is not None for f in figures),
            change=any(f.change is not None for f in figures),
        )
    rollup.columns = columns
    for office, mine in zip(present, placed, strict=True):
        cells: list[Cell] = []
        for n, column in enumerate(columns):
            figure = mine.get(n)
            for kind in column.kinds:
                cells.append(_cell(figure, kind, column, units, office.findings))
        rollup.rows.append(Row(office.name, office.shown, tuple(cells)))
    rollup.totals, rollup.medians = _summaries(rollup)
    rollup.findings = [(o.name, f) for o in offices for f in o.findings]
    rollup.absent = [o for o in offices if o.status != "ok"]
    return rollup


def _columns(offices: Iterable[Office], mapping: Mapping | None) -> list[Column]:
    """The mapping's metrics in its order; without one, every id offices use, in the order
    they first appear, counted in the unit most offices use (the first one seen on a tie)."""
    if mapping is not None:
        return [Column(m.id, m.label, m.unit) for m in mapping.metrics]
    labels: dict[str, str] = {}
    units: dict[str, Counter[str]] = {}
    for office in offices:
        for figure in office.figures:
            labels.setdefault(figure.id, figure.label)
            units.setdefault(figure.id, Counter())[figure.unit] += 1
    return [Column(i, labels[i], units[i].most_common(1)[0][0]) for i in labels]


def _cell(
    figure: Figure | None, kind: Kind, column: Column, units: UnitTable, findings: Sequence[Finding]
) -> Cell:
    if figure is None:
        return Cell(unit="%" if kind == "change" else column.unit)
    notes = [f"{f.rule}: {f.message}" for f in findings if f.concerns(figure) == kind]
    if kind == "change":
        return Cell(figure.change, note="\n".join(notes), unit="%")
    raw = figure.value if kind == "value" else figure.previous
    if raw is None:
        return Cell(unit=column.unit)
    converted = units.convert(raw, figure.unit, column.unit)
    if converted is None:
        notes.insert(
            0, message("rollup_unit_mismatch", unit=figure.unit or "—", expected=column.unit or "—")
        )
        return Cell(None, f"{raw}{figure.unit}", "\n".join(notes), column.unit)
    return Cell(converted, note="\n".join(notes), unit=column.unit)


def _summaries(rollup: Rollup) -> tuple[tuple[Cell, ...], tuple[Cell, ...]]:
    """Each figure column's total (not for rates nor changes: a sum of percentages means
    nothing) and median, over the offices that give a figure."""
    totals, medians = [], []
    for n, (column, kind) in enumerate(rollup.slots):
        values = [row.cells[n].value for row in rollup.rows if row.cells[n].value is not None]
        unit = "%" if kind == "change" else column.unit
        rate = kind == "change" or rollup.units.group(column.unit) in RATE_GROUPS
        total = sum(values, Decimal(0)) if values and not rate else None
        totals.append(Cell(total, unit=unit))
        medians.append(Cell(statistics.median(values) if values else None, unit=unit))
    return tuple(totals), tuple(medians)

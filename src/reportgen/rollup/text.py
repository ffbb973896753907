"""The rollup for other tools: the metrics table as CSV, everything as JSON.

Figures are exact (the unit's decimals are for people, not for programs): 0.472 stays 0.472.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

from reportgen.rollup.table import Cell, Rollup
from reportgen.settings.messages import message


def write_csv(rollup: Rollup) -> bytes:
    """The metrics sheet: header, one line per office, the totals and the medians. UTF-8 with a
    byte-order mark, so that Excel opens the Chinese as Chinese."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(rollup.headers)
    for row in rollup.rows:
        writer.writerow([row.office, *(_text(c) for c in row.cells)])
    writer.writerow([message("rollup_total"), *(_text(c) for c in rollup.totals)])
    writer.writerow([message("rollup_median"), *(_text(c) for c in rollup.medians)])
    return out.getvalue().encode("utf-8-sig")


def write_json(rollup: Rollup) -> bytes:
    slots = [(column.id, kind) for column, kind in rollup.slots]

    def figures(cells: tuple[Cell, ...]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for (metric_id, kind), cell in zip(slots, cells, strict=True):
            entry = out.setdefault(metric_id, {})
            entry[kind] = _number(cell.value)
            if cell.text:
                entry[f"{kind}_as_written"] = cell.text
            if cell.note:
                entry.setdefault("notes", []).append(cell.note)
        return out

    body = {
        "year": rollup.year,
        "metrics": [
            {
                "id": c.id,
                "label": c.label,
                "unit": c.unit,
                "previous": c.previous,
                "change": c.change,
            }
            for c in rollup.columns
        ],
        "offices": [
            {"office": r.office, "project": r.project, "figures": figures(r.cells)}
            for r in rollup.rows
        ],
        "totals": figures(rollup.totals),
        "medians": figures(rollup.medians),
        "findings": [
            {
                "office": office,
                "location": f.location,
                "rule": f.rule,
                "severity": f.severity,
                "message": f.message,
                "path": f.path,
            }
            for office, f in rollup.findings
        ],
        "absent": [
            {"office": o.name, "project": o.shown, "status": o.status, "reason": o.reason}
            for o in rollup.absent
        ],
        "unmatched": [
            {
                "office": u.office,
                "id": u.id,
                "label": u.label,
                "value": _number(u.value),
                "unit": u.unit,
            }
            for u in rollup.unmatched
        ],
    }
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _text(cell: Cell) -> str:
    if cell.value is None:
        return cell.text
    return _plain(cell.value)


def _plain(value: Decimal) -> str:
    """A Decimal as a person writes it: 3.1407, 4720, never 1E+3 nor 4720.00."""
    text = format(value.normalize(), "f")
    return text


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)

"""The rollup as a Word table in the document's own table layout (three-line table, the
layout's table fonts, figures right-aligned), ready to paste into the district's summary.

A page is only so wide: the metrics are laid out a few to a table, each table repeating the
office column; every table ends with the total and the median."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from reportgen.rollup.table import Cell, Rollup
from reportgen.settings.layout import Layout
from reportgen.settings.messages import message

PER_TABLE = 4  # metric columns beside the office column on a portrait A4 page
OFFICE_SHARE = 0.28


def write_docx(
    rollup: Rollup, layout: Layout | None = None, reference: bytes | None = None
) -> bytes:
    from reportgen.render.docx import Table, render_tables

    values = [n for n, (_, kind) in enumerate(rollup.slots) if kind == "value"]
    chunks = [values[i : i + PER_TABLE] for i in range(0, len(values), PER_TABLE)] or [[]]
    tables = []
    lines = [(r.office, r.cells) for r in rollup.rows]
    lines += [(message("rollup_total"), rollup.totals), (message("rollup_median"), rollup.medians)]
    for number, chunk in enumerate(chunks, start=1):
        header = (message("rollup_header_office"), *(rollup.headers[n + 1] for n in chunk))
        rows = tuple(
            (name, *(figure_text(cells[n], rollup) for n in chunk)) for name, cells in lines
        )
        share = (1 - OFFICE_SHARE) / max(len(chunk), 1)
        caption = message("rollup_docx_caption", number=number) if len(chunks) > 1 else ""
        tables.append(
            Table(
                caption,
                header,
                rows,
                (OFFICE_SHARE, *(share for _ in chunk)),
                ("left", *("right" for _ in chunk)),
            )
        )
    title = message("rollup_docx_title", year=rollup.year)
    return render_tables(title, tables, layout, reference)


def figure_text(cell: Cell, rollup: Rollup) -> str:
    """A figure as the table prints it: the unit's decimals, no thousands separator (as
    official documents write figures); what the office wrote when it converts to nothing."""
    if cell.value is None:
        return cell.text
    decimals = rollup.decimals(cell.unit)
    if decimals is None:
        return format(cell.value.normalize(), "f") if cell.value else "0"
    return f"{cell.value.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP):f}"

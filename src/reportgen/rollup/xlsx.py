"""The rollup as an Excel workbook (openpyxl): the metrics sheet, the findings, who is missing
or failed, and the figures no metric of the district matched.

Every sheet has its header row frozen and columns as wide as their text (a Chinese character
counts as two); figures keep their exact value and are shown with the decimals of their unit;
a cell that needs a look is filled and carries a comment saying why.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from reportgen.rollup.table import Cell, Rollup
from reportgen.settings.messages import message

MARK_FILL = "FFC7CE"  # Excel's own "bad" red
SUMMARY_FILL = "F2F2F2"
MAX_WIDTH = 40
HEADER_WIDTH = 16  # a longer header wraps instead of widening its column


def text_width(text: str) -> int:
    """Columns of a fixed-width font ``text`` takes: a Chinese (wide) character counts as 2."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def number_format(decimals: int | None) -> str:
    if decimals is None:
        return "General"
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def write_xlsx(rollup: Rollup) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    metrics = book.active
    metrics.title = message("rollup_sheet_metrics")
    _metrics_sheet(metrics, rollup)
    _plain_sheet(
        book.create_sheet(message("rollup_sheet_findings")),
        [message(f"rollup_findings_{k}") for k in ("office", "where", "rule", "severity", "text")],
        [
            (office, f.location, f.rule, message(f"severity_{f.severity}"), f.message)
            for office, f in rollup.findings
        ],
    )
    _plain_sheet(
        book.create_sheet(message("rollup_sheet_absent")),
        [message(f"rollup_absent_{k}") for k in ("office", "project", "status", "reason")],
        [(o.name, o.shown, message(f"rollup_status_{o.status}"), o.reason) for o in rollup.absent],
    )
    _plain_sheet(
        book.create_sheet(message("rollup_sheet_unmatched")),
        [message(f"rollup_unmatched_{k}") for k in ("office", "id", "label", "value", "unit")],
        [(u.office, u.id, u.label, u.value, u.unit) for u in rollup.unmatched],
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _metrics_sheet(sheet: Any, rollup: Rollup) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    mark = PatternFill("solid", fgColor=MARK_FILL)
    grey = PatternFill("solid", fgColor=SUMMARY_FILL)
    headers = rollup.headers
    sheet.append(headers)
    summaries = [
        (message("rollup_total"), rollup.totals),
        (message("rollup_median"), rollup.medians),
    ]
    lines: list[tuple[str, Sequence[Cell], bool]] = [
        (r.office, r.cells, False) for r in rollup.rows
    ]
    lines += [(name, cells, True) for name, cells in summaries]
    for name, cells, summary in lines:
        sheet.append([name, *(_value(c) for c in cells)])
        row = sheet.max_row
        if summary:
            for cell in sheet[row]:
                cell.fill = grey
                cell.font = Font(bold=True)
        for n, cell in enumerate(cells, start=2):
            target = sheet.cell(row, n)
            target.number_format = (
                "@" if cell.value is None else number_format(rollup.decimals(cell.unit))
            )
            if cell.marked:
                target.fill = mark
                target.comment = Comment(cell.note, "reportgen", width=320, height=120)
    widths = _frame(
        sheet, headers, [[r.office, *(_shown(c, rollup) for c in r.cells)] for r in rollup.rows]
    )
    # Wrapped headers: a row tall enough for their lines (LibreOffice does not grow it itself).
    lines = max(-(-text_width(h) // max(w - 2, 1)) for h, w in zip(headers, widths, strict=True))
    sheet.row_dimensions[1].height = 15 * lines + 3
    sheet.freeze_panes = "B2"
    _print_wide(sheet)
    for cell in sheet[1]:
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


def _print_wide(sheet: Any) -> None:
    """Printed landscape, as wide as the page, the header row on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = "1:1"


def _plain_sheet(sheet: Any, headers: list[str], rows: Iterable[Sequence[Any]]) -> None:
    rows = list(rows)
    sheet.append(headers)
    for row in rows:
        sheet.append(list(row))
    _frame(sheet, headers, [[str(v) for v in row] for row in rows])
    sheet.freeze_panes = "A2"
    _print_wide(sheet)


def _frame(sheet: Any, headers: list[str], rows: list[list[str]]) -> list[int]:
    """Bold header, and each column as wide as its widest text (headers wrap past a limit);
    the widths."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = []
    for n, header in enumerate(headers):
        longest = max(
            [min(text_width(header), HEADER_WIDTH)]
            + [max(map(text_width, row[n].split("\n"))) for row in rows if n < len(row)]
        )
        widths.append(min(longest + 2, MAX_WIDTH))
        sheet.column_dimensions[get_column_letter(n + 1)].width = widths[-1]
    return widths


def _value(cell: Cell) -> Any:
    return cell.value if cell.value is not None else (cell.text or None)


def _shown(cell: Cell, rollup: Rollup) -> str:
    """The cell's text as Excel shows it (for the column's width)."""
    if cell.value is None:
        return cell.text
    decimals = rollup.decimals(cell.unit)
    return f"{cell.value:,.{decimals}f}" if decimals is not None else str(cell.value)

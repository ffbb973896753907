"""Tables: widths (w:tblW, w:tblGrid, every cell's w:tcW), borders, fixed layout, table style,
a header row repeated on every page.

Schema order (ISO/IEC 29500 transitional, wml.xsd) of the elements this module inserts into:

w:tbl (CT_Tbl): tblPr tblGrid *

w:tblPr (CT_TblPr): tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize
    tblStyleColBandSize tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar
    tblLook tblCaption tblDescription tblPrChange

w:tblBorders (CT_TblBorders): top start left bottom end right insideH insideV

w:tr (CT_Row): tblPrEx trPr *

w:trPr (CT_TrPr): cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight
    tblHeader tblCellSpacing jc hidden ins del trPrChange

w:tc (CT_Tc): tcPr *

w:tcPr (CT_TcPr): cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection
    tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange

w:style (CT_Style): name aliases basedOn next link autoRedefine hidden uiPriority semiHidden
    unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr trPr
    tcPr tblStylePr
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docx.oxml.ns import qn
from lxml.etree import _Element

from reportgen.oxml.elements import (
    element_of,
    get_or_add,
    insert_in_order,
    new_child,
    remove_children,
    set_attributes,
)

_BORDERS = ("top", "left", "bottom", "right", "insideH", "insideV")
# Border widths in eighths of a point (w:sz): the table style's grid, the three-line table's
# thick lines above and below and its thin rule under the header. The preview draws them too.
GRID_EIGHTHS = 4
THREE_LINE_OUTER_EIGHTHS = 12
THREE_LINE_RULE_EIGHTHS = 6


def set_table_width(table: Any, twips: int) -> None:
    set_attributes(get_or_add(get_or_add(table, "tblPr"), "tblW"), w=twips, type="dxa")


def set_grid_widths(table: Any, widths: Iterable[int]) -> None:
    """Column widths in w:tblGrid (WPS reads these, not w:tblW) and on every cell."""
    tbl = element_of(table)
    widths = list(widths)
    grid = get_or_add(tbl, "tblGrid")
    remove_children(grid, "gridCol")
    for width in widths:
        new_child(grid, "gridCol", w=width)
    for row in tbl.iterfind(qn("w:tr")):
        for cell, width in zip(row.iterfind(qn("w:tc")), widths, strict=False):
            set_attributes(get_or_add(get_or_add(cell, "tcPr"), "tcW"), w=width, type="dxa")


def set_table_borders(tbl_pr: Any, *, size_eighths: int = GRID_EIGHTHS) -> None:
    """Single lines around and between every cell (size in eighths of a point)."""
    borders = get_or_add(tbl_pr, "tblBorders")
    remove_children(borders, *_BORDERS)
    for side in _BORDERS:
        border = new_child(borders, side, val="single", sz=size_eighths, space=0, color="000000")
        insert_in_order(borders, border)


def set_three_line_borders(
    table: Any,
    header_cells: Iterable[Any],
    *,
    outer_eighths: int = THREE_LINE_OUTER_EIGHTHS,
    rule_eighths: int = THREE_LINE_RULE_EIGHTHS,
) -> None:
    """A three-line table (三线表): a thick line above and below the table, a thin one under the
    header row (``header_cells``, cells or their ``w:tc``), none between the columns or the
    other rows."""
    borders = get_or_add(get_or_add(table, "tblPr"), "tblBorders")
    remove_children(borders, *_BORDERS)
    for side in _BORDERS:
        if side in ("top", "bottom"):
            border = new_child(
                borders, side, val="single", sz=outer_eighths, space=0, color="000000"
            )
        else:
            border = new_child(borders, side, val="nil")
        insert_in_order(borders, border)
    for cell in header_cells:
        cell_borders = get_or_add(get_or_add(cell, "tcPr"), "tcBorders")
        remove_children(cell_borders, "bottom")
        bottom = new_child(
            cell_borders, "bottom", val="single", sz=rule_eighths, space=0, color="000000"
        )
        insert_in_order(cell_borders, bottom)


def set_table_layout_fixed(table: Any) -> None:
    set_attributes(get_or_add(get_or_add(table, "tblPr"), "tblLayout"), type="fixed")


def set_table_style(table: Any, style_id: str) -> None:
    set_attributes(get_or_add(get_or_add(table, "tblPr"), "tblStyle"), val=style_id)


def table_properties(style: Any) -> _Element:
    """The ``w:tblPr`` of a table style."""
    return get_or_add(style, "tblPr")


def set_repeat_header(row: Any) -> None:
    """Repeat this row (a w:tr or python-docx row) at the top of every page the table runs onto,
    and never split it across pages."""
    tr_pr = get_or_add(row, "trPr")
    get_or_add(tr_pr, "tblHeader")
    get_or_add(tr_pr, "cantSplit")

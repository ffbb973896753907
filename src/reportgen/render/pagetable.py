"""The tables the .docx writes, as LibreOffice lays them out: cells, row heights and borders
for :mod:`reportgen.render.pagelayout`, which places the rows on pages.

The .docx gives a table the text width in columns of fixed widths (:func:`column_twips`), the
"Table Text" style (the table's size, single line spacing, no condensing, not on the grid) and
either the table style's 0.5 pt grid (附表) or a three-line table (a table of figures inside an
item). Measured in LibreOffice's PDF of such tables, with the open stand-ins for the official
fonts (:mod:`reportgen.render.faces`):

- a cell's text is 5.4 pt (Word's default cell margin) in from its column's edges, and the
  table starts that far left of the text block, so a left-aligned cell lines up with the body;
- a line of a cell is as high as its font: 1.437 em in Noto Serif CJK (仿宋), 1.448 em in Noto
  Sans CJK (黑体), 1.149 em in Liberation Serif when the line holds no Chinese (and an empty
  cell), in whole twips; a row is as high as its highest cell, and a border adds its width
  between rows;
- the rows after a table do not return to the 28.95 pt grid: the next paragraph starts right
  under the table's bottom border;
- a table starts on the page that holds its header and the first line of its first row;
- a table running onto the next page repeats its header row under the top border there, the
  rule under the repeated header taking room only when the first row goes on under it (the
  rule is that row's top border to LibreOffice); the part before the break has no bottom
  border; a row of several lines is split between them at the foot of the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.compose.document import Span
from reportgen.render.pagelayout import Line, Piece, break_lines, wide
from reportgen.settings.layout import Layout

CELL_MARGIN_PT = 5.4  # 108 twips: Word's default left and right cell margin
LATIN_LINE_EM = 1.149  # Liberation Serif: ascent 0.891 + descent 0.216 + line gap 0.042
CJK_LINE_EM = {"Noto Sans CJK SC": 1.448}  # ascent 1.160 + descent 0.288
SERIF_LINE_EM = 1.437  # Noto Serif CJK: ascent 1.151 + descent 0.286 (and any other face)
TWIPS_PER_PT = 20


@dataclass(frozen=True)
class Borders:
    """The room a table's borders take (pt): above its first row, under its header, between
    its other rows, under its last row; and the width of the lines between its columns."""

    top: float
    header: float
    between: float
    bottom: float
    columns: float


def grid_borders() -> Borders:
    """The table style's single lines around and between every cell (附表)."""
    from reportgen.oxml.tables import GRID_EIGHTHS

    line = GRID_EIGHTHS / 8
    return Borders(line, line, line, line, line)


def three_line_borders() -> Borders:
    """A thick line above and below the table and a thin one under the header row."""
    from reportgen.oxml.tables import THREE_LINE_OUTER_EIGHTHS, THREE_LINE_RULE_EIGHTHS

    outer = THREE_LINE_OUTER_EIGHTHS / 8
    return Borders(outer, THREE_LINE_RULE_EIGHTHS / 8, 0.0, outer, 0.0)


@dataclass(frozen=True)
class Row:
    """A table row: each cell's lines (``left_pt`` from the text block's left edge, each line's
    height set), the row's height without borders and the height of its first line (the
    least of it a page can hold)."""

    cells: tuple[tuple[Line, ...], ...]
    height_pt: float
    header: bool
    first_pt: float


@dataclass(frozen=True)
class Table:
    """A table as laid out: its rows (the header first), the left edge of each column and
    the right edge of the last (pt from the text block's left edge), and its borders."""

    rows: tuple[Row, ...]
    edges: tuple[float, ...]
    borders: Borders

    @property
    def left_pt(self) -> float:
        return self.edges[0]

    @property
    def width_pt(self) -> float:
        return self.edges[-1] - self.edges[0]


def line_height(text: str, size_pt: float, font: str) -> float:
    """A cell line's height: its Chinese font's when it holds Chinese, else the Latin font's;
    in whole twips, as LibreOffice keeps it (20.118 pt is 20.1)."""
    from reportgen.render.faces import SUBSTITUTES

    if any(wide(c) for c in text):
        face = SUBSTITUTES.get(font)
        family = face[1].family if face else ""
        em = CJK_LINE_EM.get(family, SERIF_LINE_EM)
    else:
        em = LATIN_LINE_EM
    return round(em * size_pt * TWIPS_PER_PT) / TWIPS_PER_PT


def column_edges(layout: Layout, shares: Sequence[float]) -> tuple[float, ...]:
    """Each column's left edge and the last one's right edge, as the .docx sets the widths."""
    from reportgen.render.docx import column_twips, twips

    edges = [-CELL_MARGIN_PT]
    for width in column_twips(twips(layout.page.text_width_pt), shares):
        edges.append(edges[-1] + width / TWIPS_PER_PT)
    return tuple(edges)


def cell_lines(
    text: str, left: float, width: float, align: str, layout: Layout, header: bool
) -> tuple[Line, ...]:
    """A cell's text broken into lines of the table's size, no condensing."""
    table = layout.table
    font, role = (table.header_font, "header") if header else (table.font, "cell")
    size = table.size_pt
    inner = width - 2 * CELL_MARGIN_PT
    out = []
    for chars, _ in break_lines([Span(text, "text")], 0, inner, 0.0, size, 0.0):
        piece = Piece("".join(c for c, _ in chars), role, 0)
        height = line_height(piece.text, size, font)
        out.append(Line((piece,), left + CELL_MARGIN_PT, inner, align, size, height, 0.0))
    return tuple(out)


def lay_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    shares: Sequence[float],
    aligns: Sequence[str],
    layout: Layout,
    borders: Borders,
) -> Table:
    """A table as :meth:`reportgen.render.docx.DocxWriter.table` writes it: the header row
    centred in the header font, each other cell aligned as its column."""
    edges = column_edges(layout, shares)
    laid = []
    for r, values in enumerate([header, *rows]):
        cells = []
        heights = []
        firsts = []
        for c, value in enumerate(values):
            align = "center" if r == 0 else aligns[c]
            left, width = edges[c], edges[c + 1] - edges[c]
            lines = cell_lines(value, left, width, align, layout, r == 0)
            cells.append(lines)
            font = layout.table.header_font if r == 0 else layout.table.font
            empty = line_height("", layout.table.size_pt, font)
            heights.append(sum(line.height_pt or 0.0 for line in lines) or empty)
            firsts.append(lines[0].height_pt or empty if lines else empty)
        laid.append(Row(tuple(cells), max(heights), r == 0, max(firsts)))
    return Table(tuple(laid), edges, borders)

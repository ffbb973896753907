"""Composed blocks → positioned lines on A4 pages, as LibreOffice lays the .docx out.

The preview draws the page from this, so its line breaks and page breaks are computed here,
deterministically, from the same layout data the .docx is written from:

- widths: a Chinese character or full-width mark is the body size plus the grid's condensing
  (16 − 0.25 pt); figures and Latin letters take Times New Roman's advance (Liberation Serif
  has the same metrics) plus the condensing; between Chinese and Latin text Word and
  LibreOffice add a little space (autospace);
- breaks: between any two Chinese characters; never inside a run of figures and Latin letters;
  never before a closing mark (，。、；：？！）》” …) nor after an opening one (（《“ …); a closing
  mark that does not fit goes to the next line with the character before it (LibreOffice
  does not hang punctuation in the margin, measured);
- pages: 22 lines of the exact line spacing; a heading keeps with the paragraph after it;
  widow control is off, as in the .docx;
- tables (a table of figures inside an item, and 附表 on a page of its own after the document
  when the layout asks for it): rows of their own heights, off the grid, their header row
  repeated on each page they run onto (:mod:`reportgen.render.pagetable`). Positions are
  therefore kept in points from the text block's top, not in lines.

Long because line breaking and page breaking are one layout: the pages are placed from the
lines this module breaks, and both share its line model.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportgen.compose.document import Block, Composed, Span
from reportgen.settings.layout import PT_PER_MM, Layout

if TYPE_CHECKING:
    from reportgen.render.pagetable import Table

# Times New Roman advance widths, 1/1000 em (as in the Adobe Times-Roman metrics it matches).
_TIMES: dict[str, int] = {
    **dict.fromkeys("0123456789", 500),
    " ": 250, "!": 333, '"': 408, "#": 500, "$": 500, "%": 833, "&": 778, "'": 180, "(": 333,
    ")": 333, "*": 500, "+": 564, ",": 250, "-": 333, ".": 250, "/": 278, ":": 278, ";": 278,
    "<": 564, "=": 564, ">": 564, "?": 444, "@": 921, "[": 333, "\\": 278, "]": 333, "^": 469,
    "_": 500, "`": 333, "{": 480, "|": 200, "}": 480, "~": 541,
    "A": 722, "B": 667, "C": 667, "D": 722, "E": 611, "F": 556, "G": 722, "H": 722, "I": 333,
    "J": 389, "K": 722, "L": 611, "M": 889, "N": 722, "O": 722, "P": 556, "Q": 722, "R": 667,
    "S": 556, "T": 611, "U": 722, "V": 722, "W": 944, "X": 722, "Y": 722, "Z": 611,
    "a": 444, "b": 500, "c": 444, "d": 500, "e": 444, "f": 333, "g": 500, "h": 500, "i": 278,
    "j": 278, "k": 500, "l": 278, "m": 778, "n": 500, "o": 500, "p": 500, "q": 500, "r": 333,
    "s": 389, "t": 278, "u": 500, "v": 500, "w": 722, "x": 500, "y": 500, "z": 444,
}  # fmt: skip
QUOTES = frozenset("“”‘’")
_TIMES_QUOTE = 444  # “ and ” in Times New Roman (‘ and ’: 333)
NARROW = frozenset("·")  # set in the Latin font
NO_LINE_START = frozenset("，。、；：？！）》」』”’%‰·…—〕】〉")
NO_LINE_END = frozenset("（《「『“‘〔【〈")
# LibreOffice fits a line that overshoots the text width by a fraction of a point (its widths
# are rounded to twips): measured on the test fixtures, 0.21 pt over still fits.
SLACK_PT = 0.3
FIT_PT = 0.01  # what a line or row may overshoot the text block's foot by (float sums)
AUTOSPACE_EM = 0.25  # of the body size: measured in LibreOffice's PDF (a quarter em, as Word)


def wide(char: str) -> bool:
    """Set full width by a Chinese font: CJK, full-width and ambiguous marks (“” — …)."""
    if char in NARROW:
        return False
    return unicodedata.east_asian_width(char) in "WFA" or not char.isascii()


def _autospaced(left: str, right: str) -> bool:
    """Whether autospace stands between two characters: a Chinese character and a figure or
    Latin letter (not a mark on either side)."""
    pair = (left, right) if wide(left) else (right, left)
    return (
        wide(pair[0])
        and not wide(pair[1])
        and pair[1].isalnum()
        and unicodedata.category(pair[0]).startswith("L")
    )


def _widths(chars: Sequence[str], size_pt: float, spacing_pt: float) -> list[float]:
    """Each character's advance. A quotation mark (“”‘’) takes the script of the character
    before it, as LibreOffice does with weak characters: after a figure or Latin letter it is
    set in the Latin font."""
    out = []
    for n, char in enumerate(chars):
        if char in QUOTES and n and chars[n - 1].isascii() and chars[n - 1].isalnum():
            out.append(_TIMES_QUOTE * size_pt / 1000 + spacing_pt)
        else:
            out.append(char_width(char, size_pt, spacing_pt))
    return out


def char_width(char: str, size_pt: float, spacing_pt: float) -> float:
    if wide(char):
        return size_pt + spacing_pt
    return _TIMES.get(char, 500) * size_pt / 1000 + spacing_pt


@dataclass(frozen=True)
class Piece:
    """A run of a line's text in one role (number, heading, lead, text) at one level."""

    text: str
    role: str
    level: int


@dataclass(frozen=True)
class Line:
    pieces: tuple[Piece, ...]
    left_pt: float  # from the text block's left edge
    width_pt: float  # the box the line is set in
    align: str  # justify, left, center, right
    size_pt: float
    height_pt: float | None = None  # None: the grid's line spacing
    spacing_pt: float | None = None  # between characters; None: the grid's condensing

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass(frozen=True)
class Rule:
    """A border line of a table, as a black box on a page (pt from the text block)."""

    page: int
    left_pt: float
    top_pt: float
    width_pt: float
    height_pt: float


@dataclass
class Placed:
    """A block's lines as laid out: the page each line is on and its top (pt from the text
    block's top); a table's lines are its cells' lines, row by row (a repeated header row
    again on each page), and its borders are ``rules``."""

    block: Block
    index: int  # the block's position in the composed document (附表's: after the last)
    lines: list[Line]
    tops: list[tuple[int, float]] = field(default_factory=list)  # (page, top)
    rules: list[Rule] = field(default_factory=list)

    @property
    def page(self) -> int:
        return self.tops[0][0] if self.tops else 1


@dataclass
class Pages:
    layout: Layout
    placed: list[Placed]
    count: int


def _units(chars: Sequence[tuple[str, Piece]]) -> list[list[tuple[str, Piece]]]:
    """The unbreakable units of a paragraph: one Chinese character (with the closing marks
    after it and the opening marks before it), or one run of figures and Latin letters."""
    units: list[list[tuple[str, Piece]]] = []
    for char, piece in chars:
        last = units[-1] if units else None
        if last is not None and (
            char in NO_LINE_START
            or last[-1][0] in NO_LINE_END
            or (not wide(char) and char != " " and not wide(last[-1][0]) and last[-1][0] != " ")
            or (char.isascii() and char.isalnum() and last[-1][0] in NO_LINE_START)
        ):
            last.append((char, piece))
        else:
            units.append([(char, piece)])
    return units


def break_lines(
    spans: Sequence[Span], level: int, width_pt: float, first_indent_pt: float, size_pt: float,
    spacing_pt: float,
) -> list[tuple[list[tuple[str, Piece]], bool]]:  # fmt: skip
    """A paragraph's characters in lines no wider than ``width_pt`` (the first ``first_indent_pt``
    narrower); each line with whether it is full (so justified)."""
    chars = [(c, Piece(c, s.role, level)) for s in spans for c in s.text if c not in "\n\t"]
    autospace = AUTOSPACE_EM * size_pt
    lines: list[tuple[list[tuple[str, Piece]], bool]] = []
    current: list[tuple[str, Piece]] = []
    used = first_indent_pt
    widths = iter(_widths([c for c, _ in chars], size_pt, spacing_pt))
    for unit in _units(chars):
        w = sum(next(widths) for _ in unit)
        w += autospace * sum(_autospaced(a, b) for (a, _), (b, _) in itertools.pairwise(unit))
        gap = autospace if current and _autospaced(current[-1][0], unit[0][0]) else 0.0
        if not current or used + gap + w <= width_pt + SLACK_PT:
            current.extend(unit)
            used += gap + w
            continue
        lines.append((current, True))
        current = list(unit)
        used = w
    if current:
        lines.append((current, False))
    return lines


def _pieces(chars: list[tuple[str, Piece]]) -> tuple[Piece, ...]:
    out: list[Piece] = []
    for char, piece in chars:
        if out and (out[-1].role, out[-1].level) == (piece.role, piece.level):
            out[-1] = Piece(out[-1].text + char, piece.role, piece.level)
        else:
            out.append(Piece(char, piece.role, piece.level))
    return tuple(out)


class _Layouter:
    def __init__(self, layout: Layout):
        self.layout = layout
        self.width = layout.page.text_width_pt
        self.size = layout.body.size_pt
        self.spacing = layout.grid.char_spacing_pt
        self.signature_width = 0.0

    def chars(self, count: float) -> float:
        return self.layout.chars_pt(count)

    def text_pt(self, text: str) -> float:
        return sum(char_width(c, self.size, self.spacing) for c in text)

    def flow(
        self, spans: Sequence[Span], level: int, left: float, first: float, right: float = 0.0
    ) -> list[Line]:
        width = self.width - left - right
        out = []
        for n, (chars, full) in enumerate(
            break_lines(spans, level, width, first, self.size, self.spacing)
        ):
            indent = first if n == 0 else 0.0
            out.append(
                Line(
                    _pieces(chars),
                    left + indent,
                    width - indent,
                    "justify" if full else "left",
                    self.size,
                )
            )
        return out

    def lines(self, block: Block) -> tuple[list[Line], int, int, bool]:
        """A block's lines, blank lines before and after it, and whether it keeps with the next."""
        layout = self.layout
        indent = self.chars(layout.body.first_line_indent_chars)
        match block.kind:
            case "title":
                from reportgen.render.docx import title_lines

                size = layout.title.size_pt
                text_lines = title_lines(block.text, self.width / size)
                lines = [
                    Line((Piece(t, "title", 0),), 0.0, self.width, "center", size)
                    for t in text_lines
                ]
                return lines, 0, layout.title.blank_lines_after, True
            case "attachment":
                spans = list(block.spans)
                prefix = spans[0].text if len(spans) > 1 else ""
                first = prefix.startswith("附件")
                label = self.text_pt("附件：")
                number = self.text_pt(prefix) - (label if first else 0)
                left = self.chars(layout.attachment.indent_chars) + label + number
                hanging = -(label + number if first else number)
                blank = layout.attachment.blank_lines_before if first else 0
                return self.flow(block.spans, 0, left, hanging), blank, 0, False
            case "signature" | "date":
                sig = layout.signature
                right = self.chars(sig.right_indent_chars)
                own = self.text_pt(block.text)
                pieces = (Piece(block.text, "text", 0),)
                if block.kind == "signature":
                    self.signature_width = own
                    line = Line(pieces, self.width - right - own, own, "left", self.size)
                    return [line], sig.blank_lines_before, 0, True
                shift = self.chars(sig.date_shift_chars)
                if self.signature_width and shift + own <= self.signature_width:
                    left = self.width - right - self.signature_width + shift
                else:
                    left = self.width - right - own
                return [Line(pieces, left, own, "left", self.size)], 0, 0, False
        heading = layout.headings.at(block.level) if 1 <= block.level <= 4 else None
        standalone = block.kind == "heading" or (block.level == 2 and not block.tail)
        keep = bool(heading and standalone and heading.keep_with_next)
        return self.flow(block.spans, block.level, 0.0, indent), 0, 0, keep


@dataclass
class _Laid:
    """A block laid out before it is placed: its lines (or table), the blank lines before and
    after it, whether it keeps with the next block and whether a page break opens it."""

    index: int
    block: Block
    lines: list[Line]
    before: int = 0
    after: int = 0
    keep: bool = False
    table: Table | None = None
    page_break: bool = False

    def first_pt(self, pitch: float) -> float:
        """The room its first line takes (a table's: its header and first row, with borders)."""
        if self.table is None:
            return pitch
        rows, borders = self.table.rows, self.table.borders
        height = borders.top + rows[0].height_pt
        if len(rows) > 1:
            height += borders.header + rows[1].first_pt
        return height

    def height_pt(self, pitch: float) -> float:
        if self.table is None:
            return len(self.lines) * pitch
        return self.first_pt(pitch)


def _laid(composed: Composed, layout: Layout) -> list[_Laid]:
    """Every block's lines (a table's rows), and 附表 after them when the .docx has it."""
    from reportgen.render.docx import item_grid, metrics_grid
    from reportgen.render.pagetable import grid_borders, lay_table, three_line_borders

    layouter = _Layouter(layout)
    out = []
    for index, block in enumerate(composed.blocks):
        if block.kind == "table":
            table = lay_table(*item_grid(block.rows), layout, three_line_borders())
            out.append(_Laid(index, block, [], table=table))
        else:
            out.append(_Laid(index, block, *layouter.lines(block)))
    if layout.metrics_table and composed.metrics:
        index = len(composed.blocks)
        label = Block("paragraph", (Span(layout.table.label),))
        size = layout.body.size_pt
        line = Line((Piece(layout.table.label, "label", 1),), 0.0, layouter.width, "left", size)
        out.append(_Laid(index, label, [line], page_break=True))
        title = Block("title", (Span(layout.table.title),))
        out.append(_Laid(index + 1, title, *layouter.lines(title)))
        header, rows, shares, aligns = metrics_grid(composed.metrics, layout)
        table = lay_table(header, rows, shares, aligns, layout, grid_borders())
        text = "\n".join("｜".join(row) for row in [header, *rows])
        block = Block("table", (Span(text),), rows=tuple(map(tuple, [header, *rows])))
        out.append(_Laid(index + 2, block, [], table=table))
    return out


class _Pager:
    """The place the next line goes: a page and a top (pt from the text block's top)."""

    def __init__(self, layout: Layout):
        self.height = layout.page.text_height_pt
        self.pitch = layout.grid.line_spacing_pt
        self.page, self.top = 1, 0.0
        self.start = self.fresh = 0.0  # a table's top on this page; under its repeated header

    def fits(self, height: float) -> bool:
        return self.top + height <= self.height + FIT_PT

    def new_page(self) -> None:
        self.page, self.top = self.page + 1, 0.0

    def lines(self, item: Placed) -> None:
        for _ in item.lines:
            if not self.fits(self.pitch):
                self.new_page()
            item.tops.append((self.page, self.top))
            self.top += self.pitch

    def table(self, item: Placed, table: Table, first: float) -> None:
        """The table's rows from here on, its header again at the top of each new page; a
        row of several lines that reaches the foot of the page is split between its lines,
        as LibreOffice splits it (the .docx lets every row but the header break)."""
        borders = table.borders
        if self.top and not self.fits(first):
            self.new_page()
        self.start = self.top
        body = table.rows[1:]
        self.header(item, table)
        for k, row in enumerate(body):
            last = k == len(body) - 1
            cells = [list(cell) for cell in row.cells]
            height = row.height_pt
            while not self.fits(height):  # (a last row's bottom border may overhang: a guess)
                room = self.height + FIT_PT - self.top
                fitted = [_fitting(cell, room) for cell in cells]
                if fitted == [len(cell) for cell in cells]:  # an empty cell's height overhangs
                    break
                if any(fitted):
                    self.cells(item, [cell[:n] for cell, n in zip(cells, fitted, strict=True)])
                    cells = [cell[n:] for cell, n in zip(cells, fitted, strict=True)]
                    height = max(_height(cell) for cell in cells)
                elif self.top <= self.fresh:  # taller than a page: it overflows, as it must
                    break
                self.turn(item, table, first=k == 0)
            self.cells(item, cells)
            self.top += height
            below = borders.bottom if last else borders.between
            if below:
                self.rule(item, table, below)
        if not body:
            self.rule(item, table, borders.bottom)
        self.columns(item, table, self.start, self.top)

    def turn(self, item: Placed, table: Table, *, first: bool) -> None:
        """The table goes on at the top of the next page, under its header again; ``first``:
        with the rest of its first row."""
        self.columns(item, table, self.start, self.top)
        self.new_page()
        self.start = self.top
        self.header(item, table, room=first)
        self.fresh = self.top

    def header(self, item: Placed, table: Table, *, room: bool = True) -> None:
        """The top border, the header row and the rule under it (taking ``room`` or not)."""
        self.rule(item, table, table.borders.top)
        header = table.rows[0]
        self.cells(item, header.cells)
        self.top += header.height_pt
        if table.borders.header and len(table.rows) > 1:
            self.rule(item, table, table.borders.header, room=room)

    def cells(self, item: Placed, cells: Sequence[Sequence[Line]]) -> None:
        """Each cell's lines from here down (the row's top does not move)."""
        for cell in cells:
            top = self.top
            for line in cell:
                item.lines.append(line)
                item.tops.append((self.page, top))
                top += line.height_pt or self.pitch

    def rule(self, item: Placed, table: Table, height: float, *, room: bool = True) -> None:
        if height:
            rule = Rule(self.page, table.left_pt, self.top, table.width_pt, height)
            item.rules.append(rule)
        if room:
            self.top += height

    def columns(self, item: Placed, table: Table, start: float, end: float) -> None:
        """The lines between (and around) the columns, from ``start`` to ``end`` on this page."""
        width = table.borders.columns
        if not width:
            return
        for edge in table.edges:
            item.rules.append(Rule(self.page, edge - width / 2, start, width, end - start))


def _height(cell: Sequence[Line]) -> float:
    return sum(line.height_pt or 0.0 for line in cell)


def _fitting(cell: Sequence[Line], room: float) -> int:
    """How many of a cell's first lines fit in ``room``."""
    used = 0.0
    for n, line in enumerate(cell):
        used += line.height_pt or 0.0
        if used > room:
            return n
    return len(cell)


def paginate(composed: Composed, layout: Layout) -> Pages:
    """Every block's lines, each on its page and at its top."""
    laid = _laid(composed, layout)
    pager = _Pager(layout)
    pitch = pager.pitch
    placed: list[Placed] = []
    for n, block in enumerate(laid):
        if block.page_break:
            pager.new_page()
        if pager.top and block.before:
            pager.top += block.before * pitch
        if not pager.fits(pitch):  # blank lines never carry over to the next page
            pager.new_page()
        # A heading keeps with the first line of what follows; a chain of headings (and the
        # title with its blank line) stays together.
        needed = block.height_pt(pitch)
        if block.keep:
            needed += block.after * pitch
            for following in laid[n + 1 :]:
                needed += following.before * pitch
                if not following.keep:
                    needed += following.first_pt(pitch)
                    break
                needed += following.height_pt(pitch) + following.after * pitch
        if block.keep and pager.top and not pager.fits(needed) and needed <= pager.height:
            pager.new_page()
        item = Placed(block.block, block.index, [] if block.table else block.lines)
        if block.table is not None:
            pager.table(item, block.table, block.first_pt(pitch))
        else:
            pager.lines(item)
        placed.append(item)
        pager.top += block.after * pitch
    return Pages(layout, placed, pager.page)


def line_top_pt(layout: Layout, top: float) -> float:
    """A line's top on the page, from its top in the text block."""
    return layout.page.margin_top_mm * PT_PER_MM + top

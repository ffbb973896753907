"""A Word document of the new text with the old text's differences as tracked changes (修订).

The reviewer opens it in Word or WPS and uses the program's own 接受/拒绝 buttons: accepting
every change gives exactly the new document's text, rejecting every change the old one's.

How: both documents are composed into blocks (paragraphs) and aligned by
:func:`reportgen.diff.align.plan`, the one alignment every diff output shares; a pair is diffed
word by word (jieba) with exact comparison, so that even a change of punctuation width is a
revision that accepting or rejecting reproduces. A paragraph with no partner is inserted or
deleted whole, its paragraph mark included; the paragraphs of a moved item are a move
(w:moveFrom at the old place, w:moveTo at the new, in named ranges). Layout, fonts and styles
are the Word renderer's own (:mod:`reportgen.render.docx`): this module only writes the runs
as inserted, deleted or moved.
"""

from __future__ import annotations

import difflib
import os
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from reportgen import oxml
from reportgen.compose.document import Block, Composed, MetricRow, Span
from reportgen.diff.align import Piece, PieceKind, PlannedBlock, pieces, plan
from reportgen.diff.items import ItemDiff
from reportgen.render.docx import DocxWriter, metric_cells
from reportgen.settings.layout import Layout

DEFAULT_AUTHOR = "reportgen"

__all__ = ["Piece", "PlannedBlock", "pieces", "plan", "render_docx_diff"]

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph


class _DiffWriter(DocxWriter):
    """The Word renderer, with each run and paragraph mark recorded as kept, inserted or deleted."""

    def __init__(
        self,
        layout: Layout,
        planned: list[PlannedBlock],
        *,
        author: str,
        date: str | None,
        reference: bytes | None = None,
    ):
        super().__init__(layout, reference)
        self.planned = iter(planned)
        self.current: PlannedBlock | None = None
        self.author = author
        self.date = date
        self.next_id = 1
        self.open_move: tuple[str, Paragraph] | None = None  # the move whose range is open
        self.previous: Paragraph | None = None
        self.old_metrics: list[MetricRow] = []

    def revision(self) -> dict[str, Any]:
        rev_id, self.next_id = self.next_id, self.next_id + 1
        return {"rev_id": rev_id, "author": self.author, "date": self.date}

    def block(self, block: Block) -> Paragraph:
        self.current = next(self.planned)
        if block.kind == "table":  # an item's table of figures: written as planned, unmarked
            self.current = None
            return super().block(block)  # type: ignore[no-any-return]
        paragraph = super().block(block)
        mark, move = self.current.mark, self.current.move
        if mark is not None:
            if move is not None:
                mark = "moveFrom" if mark == "del" else "moveTo"
            oxml.mark_paragraph(paragraph, mark, **self.revision())
        self.ranges(paragraph, f"{move}:{self.current.status}" if move else None)
        self.current = None
        self.previous = paragraph
        return paragraph

    def ranges(self, paragraph: Paragraph, key: str | None) -> None:
        """Open or close the named range of a move (``key``: name and side) around its
        consecutive paragraphs."""
        if self.open_move is not None and self.open_move[0] != key:
            self.close_move()
        if key is not None and self.open_move is None:
            self.open_move = (key, paragraph)

    def finish(self) -> bytes:
        self.close_move()
        return super().finish()

    def render_both(self, composed: Composed, old_metrics: list[MetricRow]) -> bytes:
        """``composed`` (the planned blocks, the new key figures) with the old key figures'
        differences in 附表 when the layout shows it."""
        self.old_metrics = old_metrics
        self.begin(composed.title)
        for block in composed.blocks:
            self.block(block)
        self.close_move()
        if self.layout.metrics_table and (old_metrics or composed.metrics):
            self.metrics_table(composed.metrics)
        return self.finish()

    def close_move(self) -> None:
        if self.open_move is None or self.previous is None:
            return
        key, first = self.open_move
        name, status = key.split(":")
        side = "from" if status == "delete" else "to"
        oxml.move_range(first, self.previous, side, name, **self.revision())
        self.open_move = None

    def title(self, text: str) -> Paragraph:
        current = self.current
        if current is None or current.status == "equal":
            return super().title(text)
        paragraph = oxml.append_paragraph(self.doc)
        self.set_style(paragraph, "Title")
        for piece in current.pieces:
            self.track(self.run(paragraph, piece.text, self.layout.title.font), piece.kind)
        return paragraph

    def spans(self, paragraph: Paragraph, spans: Any, level: int) -> None:
        current = self.current
        if current is None or current.status == "equal":
            super().spans(paragraph, spans, level)
            return
        for piece in current.pieces:
            font, bold = self.span_font(Span(piece.text, piece.role), level)  # type: ignore[arg-type]
            self.track(self.run(paragraph, piece.text, font, bold=bold), piece.kind)

    def track(self, run: Any, kind: PieceKind) -> None:
        """Record ``run`` (as :meth:`run` gives it) as inserted or deleted (or moved) where it
        stands; a kept run stays."""
        move = self.current.move if self.current is not None else None
        if move is not None and kind != "equal":
            oxml.make_move(run, "from" if kind == "delete" else "to", **self.revision())
        elif kind == "insert":
            oxml.make_ins(run, **self.revision())
        elif kind == "delete":
            oxml.make_del(run, **self.revision())

    # 附表 ────────────────────────────────────────────────────────────────

    def metrics_table(self, rows: list[MetricRow]) -> Any:
        """附表 with the old key figures' differences: a changed value is a deletion and an
        insertion inside its cell, a metric added or dropped a row inserted or deleted whole;
        a table only one year has is inserted (or deleted) with its label and title."""
        old = self.old_metrics
        whole = None if old and rows else ("ins" if rows else "del")
        for paragraph in self.metrics_heading():
            if whole is not None:
                self.whole(paragraph, whole)
        pairs = _paired_rows(old, rows)
        table = self.metrics_grid([b if b is not None else a for a, b in pairs])  # type: ignore[misc]
        if whole is not None:
            self.whole_row(table.rows[0], whole)
        for row, (a, b) in zip(table.rows[1:], pairs, strict=True):
            if a is None or b is None:
                self.whole_row(row, "ins" if a is None else "del")
                continue
            for cell, before, after in zip(
                row.cells, metric_cells(a), metric_cells(b), strict=True
            ):
                if before != after:
                    self.changed_cell(cell.paragraphs[0], before, after)
        return table

    def whole(self, paragraph: Paragraph, change: str) -> None:
        """Every run and the mark of ``paragraph`` inserted (``ins``) or deleted (``del``)."""
        for run in paragraph.runs:
            (oxml.make_ins if change == "ins" else oxml.make_del)(run, **self.revision())
        oxml.mark_paragraph(paragraph, change, **self.revision())

    def whole_row(self, row: Any, change: str) -> None:
        oxml.mark_row(row, change, **self.revision())
        for cell in row.cells:
            for run in cell.paragraphs[0].runs:
                (oxml.make_ins if change == "ins" else oxml.make_del)(run, **self.revision())

    def changed_cell(self, paragraph: Paragraph, before: str, after: str) -> None:
        """The cell's old text ``before`` deleted, then its new text ``after`` inserted."""
        oxml.remove_children(paragraph, "r")
        font = self.layout.table.font
        if before:
            oxml.make_del(self.run(paragraph, before, font), **self.revision())
        if after:
            oxml.make_ins(self.run(paragraph, after, font), **self.revision())


def _paired_rows(
    old: list[MetricRow], new: list[MetricRow]
) -> list[tuple[MetricRow | None, MetricRow | None]]:
    """The rows of both years in the new order, a metric paired with last year's by its id
    (its label when it has none); an unpaired row stands where it stood."""
    keys_a = [row.id or row.label for row in old]
    keys_b = [row.id or row.label for row in new]
    out: list[tuple[MetricRow | None, MetricRow | None]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, keys_a, keys_b, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            out.extend(zip(old[i1:i2], new[j1:j2], strict=True))
            continue
        out.extend((a, None) for a in old[i1:i2])
        out.extend((None, b) for b in new[j1:j2])
    return out


def render_docx_diff(
    old: Composed,
    new: Composed,
    layout: Layout,
    *,
    author: str = DEFAULT_AUTHOR,
    date: datetime | None = None,
    items: ItemDiff | None = None,
    reference: bytes | None = None,
) -> bytes:
    """``new`` as a .docx, with the changes from ``old`` as tracked changes.

    ``date`` stamps every revision; by default ``SOURCE_DATE_EPOCH`` if set (reproducible
    builds), else now. ``items``: the pairing of the two documents' items, as the report of
    the same diff made it (:attr:`reportgen.diff.compare.DocumentDiff.items`); by default
    computed again, with the same result. ``reference``: the project's own reference .docx
    (:attr:`reportgen.settings.stage.Settings.reference`), as build writes into.
    """
    planned = plan(old.blocks, new.blocks, items)
    writer = _DiffWriter(layout, planned, author=author, date=_stamp(date), reference=reference)
    blocks = [p.block for p in planned]
    return writer.render_both(Composed(new.title, blocks, new.metrics), old.metrics)


def _stamp(date: datetime | None) -> str:
    if date is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        date = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return date.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

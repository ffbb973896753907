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

import os
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from reportgen import oxml
from reportgen.compose.document import Block, Composed, Span
from reportgen.diff.align import Piece, PieceKind, PlannedBlock, pieces, plan
from reportgen.diff.items import ItemDiff
from reportgen.render.docx import DocxWriter
from reportgen.settings.layout import Layout

DEFAULT_AUTHOR = "reportgen"

__all__ = ["Piece", "PlannedBlock", "pieces", "plan", "render_docx_diff"]

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run


class _DiffWriter(DocxWriter):
    """The Word renderer, with each run and paragraph mark recorded as kept, inserted or deleted."""

    def __init__(
        self, layout: Layout, planned: list[PlannedBlock], *, author: str, date: str | None
    ):
        super().__init__(layout)
        self.planned = iter(planned)
        self.current: PlannedBlock | None = None
        self.author = author
        self.date = date
        self.next_id = 1
        self.open_move: tuple[str, Paragraph] | None = None  # the move whose range is open
        self.previous: Paragraph | None = None

    def revision(self) -> dict[str, Any]:
        rev_id, self.next_id = self.next_id, self.next_id + 1
        return {"rev_id": rev_id, "author": self.author, "date": self.date}

    def block(self, block: Block) -> Paragraph:
        self.current = next(self.planned)
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

    def track(self, run: Run, kind: PieceKind) -> None:
        """Record ``run`` as inserted or deleted (or moved) where it stands; a kept run stays."""
        move = self.current.move if self.current is not None else None
        if move is not None and kind != "equal":
            oxml.make_move(run, "from" if kind == "delete" else "to", **self.revision())
        elif kind == "insert":
            oxml.make_ins(run, **self.revision())
        elif kind == "delete":
            oxml.make_del(run, **self.revision())


def render_docx_diff(
    old: Composed,
    new: Composed,
    layout: Layout,
    *,
    author: str = DEFAULT_AUTHOR,
    date: datetime | None = None,
    items: ItemDiff | None = None,
) -> bytes:
    """``new`` as a .docx, with the changes from ``old`` as tracked changes.

    ``date`` stamps every revision; by default ``SOURCE_DATE_EPOCH`` if set (reproducible
    builds), else now. ``items``: the pairing of the two documents' items, as the report of
    the same diff made it (:attr:`reportgen.diff.compare.DocumentDiff.items`); by default
    computed again, with the same result.
    """
    layout = layout.model_copy(update={"metrics_table": False})
    planned = plan(old.blocks, new.blocks, items)
    writer = _DiffWriter(layout, planned, author=author, date=_stamp(date))
    return writer.render(Composed(title=new.title, blocks=[p.block for p in planned]))


def _stamp(date: datetime | None) -> str:
    if date is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        date = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return date.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

"""A Word document of the new text with the old text's differences as tracked changes (修订).

The reviewer opens it in Word or WPS and uses the program's own 接受/拒绝 buttons: accepting
every change gives exactly the new document's text, rejecting every change the old one's.

How: both documents are composed into blocks (paragraphs) and aligned by
:func:`reportgen.diff.align.plan`, the one alignment every diff output shares; a pair is diffed
word by word (jieba) with exact comparison, so that even a change of punctuation width is a
revision that accepting or rejecting reproduces. A paragraph with no partner is inserted or
deleted whole, its paragraph mark included. Layout, fonts and styles are the Word renderer's
own (:mod:`reportgen.render.docx`): this module only writes the runs as inserted or deleted.
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

    def revision(self) -> dict[str, Any]:
        rev_id, self.next_id = self.next_id, self.next_id + 1
        return {"rev_id": rev_id, "author": self.author, "date": self.date}

    def block(self, block: Block) -> Paragraph:
        self.current = next(self.planned)
        paragraph = super().block(block)
        if self.current.mark is not None:
            oxml.mark_paragraph(paragraph, self.current.mark, **self.revision())
        self.current = None
        return paragraph

    def title(self, text: str) -> Paragraph:
        current = self.current
        if current is None or current.status == "equal":
            return super().title(text)
        paragraph = self.doc.add_paragraph()
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
        """Record ``run`` as inserted or deleted where it stands; a kept run stays as it is."""
        if kind == "insert":
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

"""A Word document of the new text with the old text's differences as tracked changes (修订).

The reviewer opens it in Word or WPS and uses the program's own 接受/拒绝 buttons: accepting
every change gives exactly the new document's text, rejecting every change the old one's.

How: both documents are composed into blocks (paragraphs). Identical paragraphs are matched
first; between them, paragraphs of the same kind are paired in order when they read alike,
and a pair is diffed word by word (jieba) with exact comparison, so that even a change of
punctuation width is a revision that accepting or rejecting reproduces. A paragraph with no
partner is inserted or deleted whole, its paragraph mark included. Layout, fonts and styles
are the Word renderer's own (:mod:`reportgen.render.docx`): this module only decides which
runs are inserted or deleted.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from reportgen import oxml
from reportgen.compose.document import Block, Composed, Span
from reportgen.diff.words import diff_opcodes, similarity
from reportgen.render.docx import DocxWriter
from reportgen.settings.layout import Layout
from reportgen.text.segment import words

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

PieceKind = Literal["equal", "insert", "delete"]
# Two paragraphs of the same kind closer than this are one paragraph changed, not one
# deleted and another inserted.
PAIR_THRESHOLD = 0.4
DEFAULT_AUTHOR = "reportgen"


@dataclass(frozen=True)
class Piece:
    """A run of text and what happened to it: kept, inserted or deleted."""

    kind: PieceKind
    role: str
    text: str


@dataclass(frozen=True)
class PlannedBlock:
    """A paragraph of the diff document: the block whose formatting it takes, its runs, and
    whether its paragraph mark (¶) is inserted or deleted."""

    block: Block
    status: Literal["equal", "insert", "delete", "change"]
    pieces: tuple[Piece, ...] = ()
    mark: Literal["ins", "del"] | None = None


def plan(old: list[Block], new: list[Block]) -> list[PlannedBlock]:
    """The paragraphs of the diff document, in order."""
    matcher = difflib.SequenceMatcher(
        None, [_key(b) for b in old], [_key(b) for b in new], autojunk=False
    )
    out: list[PlannedBlock] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(PlannedBlock(b, "equal") for b in new[j1:j2])
        elif i2 == len(old) and j2 == len(new) and i1 < i2 and j1 < j2:
            # The document's last paragraph mark cannot be inserted or deleted (Word and
            # LibreOffice keep it whatever happens): the last paragraphs are paired.
            out.extend(_region(old[i1 : i2 - 1], new[j1 : j2 - 1]))
            out.append(PlannedBlock(new[-1], "change", pieces(old[-1], new[-1])))
        else:
            out.extend(_region(old[i1:i2], new[j1:j2]))
    return _marks(out)


def _marks(planned: list[PlannedBlock]) -> list[PlannedBlock]:
    """Which paragraph marks are inserted or deleted.

    A paragraph inserted or deleted whole has its mark inserted or deleted too, so that
    accepting or rejecting removes it rather than leaving it empty. At the end of the
    document, where the last mark must stay, the marks of a trailing run of inserted (or
    deleted) paragraphs move one paragraph up: rejecting (or accepting) then joins the
    paragraph before the run to the run's last, emptied, paragraph, as Word itself does.
    """
    marks = {"insert": "ins", "delete": "del"}
    kinds: list[str | None] = [marks.get(p.status) for p in planned]
    if kinds and kinds[-1] is not None:
        start = len(kinds) - 1
        while start > 0 and kinds[start - 1] == kinds[-1]:
            start -= 1
        if start > 0:
            kinds[start - 1] = kinds[-1]
        kinds[-1] = None
    return [
        PlannedBlock(p.block, p.status, p.pieces, kind)  # type: ignore[arg-type]
        for p, kind in zip(planned, kinds, strict=True)
    ]


def _key(block: Block) -> tuple[str, int, str]:
    return (block.kind, block.level, block.text)


def _region(old: list[Block], new: list[Block]) -> list[PlannedBlock]:
    """Pair changed paragraphs in order (the pairing with the most similarity), the rest whole."""
    n, m = len(old), len(new)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            alike = _pairable(old[i], new[j])
            score[i][j] = max(best, alike + score[i + 1][j + 1]) if alike else best
    out: list[PlannedBlock] = []
    i = j = 0
    while i < n or j < m:
        if i < n and j < m:
            alike = _pairable(old[i], new[j])
            if alike and score[i][j] == alike + score[i + 1][j + 1]:
                out.append(PlannedBlock(new[j], "change", pieces(old[i], new[j])))
                i, j = i + 1, j + 1
                continue
        if i < n and (j >= m or score[i][j] == score[i + 1][j]):
            out.append(PlannedBlock(old[i], "delete", _whole(old[i], "delete")))
            i += 1
        else:
            out.append(PlannedBlock(new[j], "insert", _whole(new[j], "insert")))
            j += 1
    return out


def _pairable(a: Block, b: Block) -> float:
    if (a.kind, a.level) != (b.kind, b.level):
        return 0.0
    alike = similarity(a.text, b.text)
    return alike if alike >= PAIR_THRESHOLD else 0.0


def _whole(block: Block, kind: PieceKind) -> tuple[Piece, ...]:
    return tuple(Piece(kind, span.role, span.text) for span in block.spans if span.text)


def pieces(old: Block, new: Block) -> tuple[Piece, ...]:
    """Word-level changes from ``old`` to ``new``, each word keeping its span's role (font)."""
    a, b = _tagged(old.spans), _tagged(new.spans)
    out: list[Piece] = []
    for tag, i1, i2, j1, j2 in diff_opcodes([w for w, _ in a], [w for w, _ in b]):
        if tag == "equal":
            out.extend(Piece("equal", role, word) for word, role in b[j1:j2])
            continue
        out.extend(Piece("delete", role, word) for word, role in a[i1:i2])
        out.extend(Piece("insert", role, word) for word, role in b[j1:j2])
    return _joined(out)


def _tagged(spans: tuple[Span, ...]) -> list[tuple[str, str]]:
    return [(word, span.role) for span in spans for word in words(span.text) if word]


def _joined(parts: list[Piece]) -> tuple[Piece, ...]:
    """Neighbouring words of the same kind and role make one run."""
    out: list[Piece] = []
    for part in parts:
        if out and (out[-1].kind, out[-1].role) == (part.kind, part.role):
            out[-1] = Piece(part.kind, part.role, out[-1].text + part.text)
        else:
            out.append(part)
    return tuple(out)


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
) -> bytes:
    """``new`` as a .docx, with the changes from ``old`` as tracked changes.

    ``date`` stamps every revision; by default ``SOURCE_DATE_EPOCH`` if set (reproducible
    builds), else now.
    """
    layout = layout.model_copy(update={"metrics_table": False})
    planned = plan(old.blocks, new.blocks)
    writer = _DiffWriter(layout, planned, author=author, date=_stamp(date))
    return writer.render(Composed(title=new.title, blocks=[p.block for p in planned]))


def _stamp(date: datetime | None) -> str:
    if date is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        date = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return date.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

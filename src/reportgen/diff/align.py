"""One alignment of two composed documents, for every diff output.

Items are paired once, by :func:`reportgen.diff.items.match_items` (stable id, else how alike
they read; an item whose place changed relative to the others is *moved*): ``diff -f md``,
``json``, ``html`` and the terminal report that pairing, and the tracked-changes document
(``diff -f docx``) is planned from it here, so the two can never disagree on which items were
added, removed, moved or reworded.

The plan of the tracked-changes document: the blocks of each matched item that did not move
are paired with each other (word-level changes inside); between those anchors, blocks outside
items (title, opening, section headings, closing, signature, …) are aligned as paragraphs:
identical ones matched first, then paragraphs of the same kind paired in order when they read
alike. Blocks of added, removed and moved items are inserted or deleted whole; the blocks of
a moved item carry the move's name (``move`` = ``move1``, ``move2``…), the same at the place it
left and the place it went, so that the document records a move rather than a deletion and an
insertion.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from reportgen.compose.document import Block, ItemRef, Span
from reportgen.diff.items import ItemDiff, item_views, match_items
from reportgen.diff.words import diff_opcodes, similarity
from reportgen.text.segment import words

PieceKind = Literal["equal", "insert", "delete"]
# Two paragraphs of the same kind closer than this are one paragraph changed, not one
# deleted and another inserted.
PAIR_THRESHOLD = 0.4


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
    # A changed paragraph: the old document's paragraph it was paired with.
    old: Block | None = field(default=None, compare=False, repr=False)
    # A block of a moved item, deleted where it was or inserted where it is: the move's name.
    move: str | None = None


def plan(old: list[Block], new: list[Block], items: ItemDiff | None = None) -> list[PlannedBlock]:
    """The paragraphs of the tracked-changes document, in order.

    ``items``: the pairing of the two documents' items (by default computed here, as
    :func:`reportgen.diff.compare.compare` computes it).
    """
    if items is None:
        items = match_items(item_views(old), item_views(new))
    anchors = [(m.a.ref, m.b.ref) for m in items.matched if not m.moved]
    out: list[PlannedBlock] = []
    i = j = 0
    extents_old, extents_new = _extents(old), _extents(new)
    for a, b in anchors:
        i1, i2 = extents_old.get(a, (len(old), len(old))) if a else (len(old), len(old))
        j1, j2 = extents_new.get(b, (len(new), len(new))) if b else (len(new), len(new))
        if i1 < i or j1 < j:  # not in order in both documents: never for match_items' pairs
            continue
        out.extend(_gap(old[i:i1], new[j:j1], at_end=False))
        out.extend(_within_item(old[i1:i2], new[j1:j2]))
        i, j = i2, j2
    out.extend(_gap(old[i:], new[j:], at_end=True))
    return _moves(_marks(out), items)


def _moves(planned: list[PlannedBlock], items: ItemDiff) -> list[PlannedBlock]:
    """Name the blocks of each moved item, on both sides, when the item left and arrived
    whole (each block deleted at the old place and inserted at the new one)."""
    names: dict[tuple[str, ItemRef], str] = {}
    for n, m in enumerate(items.moved, start=1):
        if m.a.ref is not None and m.b.ref is not None:
            names["delete", m.a.ref] = names["insert", m.b.ref] = f"move{n}"
    if not names:
        return planned
    named = [
        names.get((p.status, p.block.item)) if p.block.item is not None else None for p in planned
    ]
    # each move's blocks gathered in one pass: looking them up per move made a document of
    # 7,000 moved items (a year rewritten, paired by meaning) 7,000 × 20,000 steps
    blocks_of: dict[str, list[PlannedBlock]] = defaultdict(list)
    for p, name in zip(planned, named, strict=True):
        if name is not None:
            blocks_of[name].append(p)
    marks = {"delete": "del", "insert": "ins"}
    complete = {
        name
        for name, blocks in blocks_of.items()
        if {p.status for p in blocks} == {"delete", "insert"}
        and all(p.mark == marks[p.status] for p in blocks)
    }
    return [
        PlannedBlock(p.block, p.status, p.pieces, p.mark, p.old, name) if name in complete else p
        for p, name in zip(planned, named, strict=True)
    ]


def _extents(blocks: list[Block]) -> dict[ItemRef, tuple[int, int]]:
    """Each item's first and one-past-last block index (an item's blocks are consecutive),
    found in one pass: looking each anchor up in the whole list made 10,000 items quadratic."""
    out: dict[ItemRef, tuple[int, int]] = {}
    for k, block in enumerate(blocks):
        if block.item is not None:
            out[block.item] = (out.get(block.item, (k, k))[0], k + 1)
    return out


def _gap(old: list[Block], new: list[Block], *, at_end: bool) -> list[PlannedBlock]:
    """Blocks between two anchors: paragraphs outside items aligned, items' blocks whole."""
    matcher = difflib.SequenceMatcher(
        None,
        [_key(b, "old", k) for k, b in enumerate(old)],
        [_key(b, "new", k) for k, b in enumerate(new)],
        autojunk=False,
    )
    out: list[PlannedBlock] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(PlannedBlock(b, "equal") for b in new[j1:j2])
        elif at_end and i2 == len(old) and j2 == len(new) and i1 < i2 and j1 < j2:
            # The document's last paragraph mark cannot be inserted or deleted (Word and
            # LibreOffice keep it whatever happens): the last paragraphs are paired.
            out.extend(_region(old[i1 : i2 - 1], new[j1 : j2 - 1], _pairable_outside, _outside))
            a, b = old[-1], new[-1]
            if a.item is None and b.item is None:
                out.append(PlannedBlock(b, "change", pieces(a, b), old=a))
            else:  # a removed item's paragraph and an added one's: each whole, not word by word
                both = _whole(a, "delete") + _whole(b, "insert")
                out.append(PlannedBlock(b, "change", both, old=a))
        else:
            out.extend(_region(old[i1:i2], new[j1:j2], _pairable_outside, _outside))
    return out


def _within_item(old: list[Block], new: list[Block]) -> list[PlannedBlock]:
    """The blocks of one item in both documents: paired one to one when the item kept its
    shape, else aligned as paragraphs (a point added or removed in a list item)."""
    if [(b.kind, b.level) for b in old] == [(b.kind, b.level) for b in new]:
        return [
            PlannedBlock(b, "equal")
            if a.text == b.text
            else PlannedBlock(b, "change", pieces(a, b), old=a)
            for a, b in zip(old, new, strict=True)
        ]
    matcher = difflib.SequenceMatcher(
        None, [_key(b) for b in old], [_key(b) for b in new], autojunk=False
    )
    out: list[PlannedBlock] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(PlannedBlock(b, "equal") for b in new[j1:j2])
        else:
            out.extend(_region(old[i1:i2], new[j1:j2], _pairable))
    return out


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
        PlannedBlock(p.block, p.status, p.pieces, kind, p.old)  # type: ignore[arg-type]
        for p, kind in zip(planned, kinds, strict=True)
    ]


def _key(block: Block, side: str = "", n: int = 0) -> tuple[str | int, ...]:
    """Equal keys are the same paragraph; an item's block between anchors never is (its item
    was added, removed or moved: :func:`match_items` decided it)."""
    if side and block.item is not None:
        return (side, n)
    return (block.kind, block.level, block.text)


def _region(
    old: list[Block],
    new: list[Block],
    pairable: Callable[[Block, Block], float],
    can_pair: Callable[[Block], bool] = lambda block: True,
) -> list[PlannedBlock]:
    """Pair changed paragraphs in order (the pairing with the most similarity), the rest whole.

    ``can_pair``: whether a block can pair at all (``pairable`` is 0 for any other). The best
    pairing from the i-th old and j-th new block on is the best from the first blocks at or
    after them that can pair, so the table is kept over those alone: between two anchors of a
    document rewritten from end to end (10,000 items added, 10,000 removed, a few headings
    between them) it is a few cells, not a hundred million.
    """
    n, m = len(old), len(new)
    rows = [i for i in range(n) if can_pair(old[i])]
    cols = [j for j in range(m) if can_pair(new[j])]
    row_at, col_at = _next_index(old, can_pair), _next_index(new, can_pair)
    best = [[0.0] * (len(cols) + 1) for _ in range(len(rows) + 1)]
    for a in range(len(rows) - 1, -1, -1):
        for b in range(len(cols) - 1, -1, -1):
            either = max(best[a + 1][b], best[a][b + 1])
            alike = pairable(old[rows[a]], new[cols[b]])
            best[a][b] = max(either, alike + best[a + 1][b + 1]) if alike else either

    def score(i: int, j: int) -> float:
        return best[row_at[i]][col_at[j]]

    out: list[PlannedBlock] = []
    i = j = 0
    while i < n or j < m:
        if i < n and j < m:
            alike = pairable(old[i], new[j])
            if alike and score(i, j) == alike + score(i + 1, j + 1):
                out.append(PlannedBlock(new[j], "change", pieces(old[i], new[j]), old=old[i]))
                i, j = i + 1, j + 1
                continue
        if i < n and (j >= m or score(i, j) == score(i + 1, j)):
            out.append(PlannedBlock(old[i], "delete", _whole(old[i], "delete")))
            i += 1
        else:
            out.append(PlannedBlock(new[j], "insert", _whole(new[j], "insert")))
            j += 1
    return out


def _next_index(blocks: list[Block], can_pair: Callable[[Block], bool]) -> list[int]:
    """For each position (and the end), the rank among the blocks that can pair of the first
    such block at or after it."""
    out = [0] * (len(blocks) + 1)
    rank = sum(1 for block in blocks if can_pair(block))
    out[len(blocks)] = rank
    for k in range(len(blocks) - 1, -1, -1):
        if can_pair(blocks[k]):
            rank -= 1
        out[k] = rank
    return out


def _outside(block: Block) -> bool:
    return block.item is None


def _pairable_outside(a: Block, b: Block) -> float:
    """Between anchors, only blocks outside items pair."""
    if a.item is not None or b.item is not None:
        return 0.0
    return _pairable(a, b)


def _pairable(a: Block, b: Block) -> float:
    if (a.kind, a.level) != (b.kind, b.level):
        return 0.0
    section = a.kind == "heading" and a.item is None and b.item is None and a.section
    if section and a.section == b.section:
        return 1.0  # the same section's heading, however the author renamed it (titles:)
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

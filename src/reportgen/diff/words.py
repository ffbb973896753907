"""Word-level differences of Chinese text, and how alike two texts are."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from reportgen.text.segment import words

OpKind = Literal["equal", "insert", "delete", "replace"]
ELLIPSIS = "…"


@dataclass(frozen=True)
class Op:
    """One run of a word diff: ``a`` is the old text, ``b`` the new (equal runs carry both)."""

    kind: OpKind
    a: str = ""
    b: str = ""


# Full-width forms of ASCII (U+FF01–U+FF5E) and the ideographic space, to their narrow forms:
# one character for one, so that positions in the folded text are positions in the original.
_NARROW = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def fold(text: str) -> str:
    """Text as compared: the full- and half-width forms of a mark are one (，/, （/( ％/% ０/0)."""
    return text.translate(_NARROW)


def word_diff(a: str, b: str, *, exact: bool = False) -> list[Op]:
    """The changes from ``a`` to ``b`` in whole words.

    By default a word that differs only in width (``，`` against ``,``) counts as unchanged;
    ``exact=True`` keeps every character difference (a tracked-changes document must
    reproduce both texts exactly).
    """
    if a == b:
        return [Op("equal", a, b)] if a else []
    if exact:
        wa, wb = words(a), words(b)
        ka, kb = wa, wb
    else:  # cut the folded texts, so that 100% and 100％ are cut alike
        ka, kb = words(fold(a)), words(fold(b))
        wa, wb = _slices(a, ka), _slices(b, kb)
    return [
        Op(tag, "".join(wa[i1:i2]), "".join(wb[j1:j2]))  # type: ignore[arg-type]
        for tag, i1, i2, j1, j2 in diff_opcodes(ka, kb)
    ]


def _slices(text: str, pieces: list[str]) -> list[str]:
    """``text`` cut at the places ``pieces`` (of a same-length folded copy) are cut."""
    out, start = [], 0
    for piece in pieces:
        out.append(text[start : start + len(piece)])
        start += len(piece)
    return out


Opcode = tuple[str, int, int, int, int]


def diff_opcodes(a: list[str], b: list[str]) -> list[Opcode]:
    """difflib's opcodes over two lists of words, cleaned up for a person to read.

    A short unchanged stretch between two larger changes is folded into them (diff-match-
    patch's semantic clean-up): a rewritten sentence reads as one replacement, not as a
    scatter of changes around the shared 的 and ，.
    """
    raw = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    runs: list[list[Any]] = []
    for tag, i1, i2, j1, j2 in raw:
        kind = "equal" if tag == "equal" else "change"
        if runs and runs[-1][0] == kind == "change":
            runs[-1][2], runs[-1][4] = i2, j2
        else:
            runs.append([kind, i1, i2, j1, j2])

    def size(run: list[Any]) -> int:
        old = sum(len(w) for w in a[run[1] : run[2]])
        new = sum(len(w) for w in b[run[3] : run[4]])
        return old if run[0] == "equal" else max(old, new)

    merged = True
    while merged:
        merged = False
        for k in range(1, len(runs) - 1):
            before, run, after = runs[k - 1], runs[k], runs[k + 1]
            between = run[0] == "equal" and before[0] == after[0] == "change"
            if between and size(run) <= min(size(before), size(after)):
                runs[k - 1 : k + 2] = [["change", before[1], after[2], before[3], after[4]]]
                merged = True
                break
    out: list[Opcode] = []
    for kind, i1, i2, j1, j2 in runs:
        if kind == "change":
            kind = "replace" if i1 < i2 and j1 < j2 else ("delete" if i1 < i2 else "insert")
        out.append((kind, i1, i2, j1, j2))
    return out


def has_changes(ops: list[Op]) -> bool:
    return any(op.kind != "equal" for op in ops)


@dataclass(frozen=True)
class Segment:
    """A piece of a diff as it is shown: unchanged context, deleted or inserted text."""

    kind: Literal["equal", "delete", "insert"]
    text: str


def segments(ops: list[Op], context: int | None = 12) -> list[Segment]:
    """The diff as shown: changes with ``context`` characters of unchanged text around them.

    Unchanged runs longer than the context are cut to their ends, with ``…`` for the rest;
    ``context=None`` shows everything.
    """
    out: list[Segment] = []
    last = len(ops) - 1
    for n, op in enumerate(ops):
        if op.kind == "equal":
            out.append(Segment("equal", _clip(op.b, context, first=n == 0, final=n == last)))
            continue
        if op.a:
            out.append(Segment("delete", op.a))
        if op.b:
            out.append(Segment("insert", op.b))
    return [s for s in out if s.text]


_CLAUSE_ENDS = "，。；：！？、,;:!?"


def _clip(text: str, context: int | None, *, first: bool, final: bool) -> str:
    """Unchanged text around a change, cut where its clause starts or ends when that is near."""
    if context is None:
        return text
    if first and final:
        return _after(text, context)
    if first:
        return _before(text, context)
    if final:
        return _after(text, context)
    if len(text) <= 4 * context:
        return text
    return (
        _after(text, context).rstrip(ELLIPSIS) + ELLIPSIS + _before(text, context).lstrip(ELLIPSIS)
    )


def _before(text: str, context: int) -> str:
    """The end of ``text``, from the start of the clause that runs into the change."""
    if len(text) <= context:
        return text
    window = text[-2 * context :]
    start = max(window[:-1].rfind(mark) for mark in _CLAUSE_ENDS)
    kept = window[start + 1 :] if start >= 0 else text[-context:]
    return kept if len(kept) == len(text) else ELLIPSIS + kept


def _after(text: str, context: int) -> str:
    """The start of ``text``, up to the end of the clause the change is in."""
    if len(text) <= context:
        return text
    window = text[: 2 * context]
    ends = [i for i in (window.find(mark, 1) for mark in _CLAUSE_ENDS) if i >= 0]
    kept = window[: min(ends) + 1] if ends else text[:context]
    return kept if len(kept) == len(text) else kept + ELLIPSIS


_NOT_WORDS = re.compile(r"[\W_]+")


def similarity(a: str, b: str) -> float:
    """How alike two Chinese texts are, 0 to 1: the Dice coefficient of their character pairs.

    Pairs of characters catch shared words without segmenting, and ignore punctuation and
    order, which suits comparing a heading with a heading or a plan's promise with a report.
    """
    pa, pb = _bigrams(a), _bigrams(b)
    if not pa or not pb:
        return 1.0 if fold(a) == fold(b) else 0.0
    shared = sum(min(pa[k], pb[k]) for k in pa.keys() & pb.keys())
    return 2 * shared / (sum(pa.values()) + sum(pb.values()))


@lru_cache(maxsize=1 << 14)
def _bigrams(text: str) -> dict[str, int]:
    """The character pairs of ``text`` (cached: track compares one item with many; callers
    must not change the dict)."""
    counts: dict[str, int] = {}
    for chunk in _NOT_WORDS.split(fold(text)):
        if len(chunk) == 1:
            counts[chunk] = counts.get(chunk, 0) + 1
        for i in range(len(chunk) - 1):
            pair = chunk[i : i + 2]
            counts[pair] = counts.get(pair, 0) + 1
    return counts


def heading_similarity(a: str, b: str) -> float:
    """Headings are short: compare them character by character, in order."""
    return difflib.SequenceMatcher(None, fold(a), fold(b), autojunk=False).ratio()

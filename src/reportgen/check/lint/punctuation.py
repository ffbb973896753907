"""Punctuation: half-width marks between Chinese characters, unbalanced pairs, doubled marks,
and paragraphs or points that end without closing punctuation."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from reportgen.check.lint import rule
from reportgen.check.lint.view import PROSE, ItemView, Passage, View
from reportgen.errors import Problem
from reportgen.settings.rules import Rule
from reportgen.text.punctuation import HALF_TO_FULL, half_width_marks, is_cjk, normalise_punctuation
from reportgen.text.search import occurrences

PAIRS = {
    "“": "”",
    "‘": "’",
    "（": "）",
    "(": ")",
    "《": "》",
    "【": "】",
    "〔": "〕",
    "「": "」",
    "『": "』",
}
_CLOSERS = {close: open_ for open_, close in PAIRS.items()}
_SAME = {"(": "（", ")": "）"}  # half-width parentheses pair with full-width ones


def _same(mark: str) -> str:
    return _SAME.get(mark, mark)


_TRAILING_CLOSERS = "”’）)》】〕」』"


def written(passage: Passage, offset: int) -> bool:
    """True when ``text[offset]`` is written in the passage itself, not filled from a metric."""
    raw_offset = passage.origin[offset]
    return raw_offset < len(passage.raw) and passage.raw[raw_offset] == passage.text[offset]


def excerpt(text: str, start: int, end: int, width: int = 8) -> str:
    return text[max(0, start - width) : end + width].replace("\n", " ")


@rule("punct-width")
def half_width(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    for view in views:
        for passage in view.passages:
            for offset, mark in half_width_marks(passage.text):
                if written(passage, offset):
                    yield settings.problem(
                        view.locate(passage, offset),
                        passage.where,
                        text=mark,
                        fix=HALF_TO_FULL[mark],
                    )


@rule("punct-unbalanced")
def unbalanced(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    for view in views:
        # The marks of a pair this file holds at all (a handful of the 18): each paragraph is
        # searched for those alone, a third of the str.find calls (~0.1 ms of a check).
        present = _marks_in("\n".join(p.text for p in view.passages))
        for passage in view.passages:
            for start, paragraph in passage.paragraphs():
                for offset, mark, other in _unpaired(paragraph, present):
                    yield settings.problem(
                        view.locate(passage, start + offset),
                        passage.where,
                        mark=mark,
                        other=other,
                        text=excerpt(paragraph, offset, offset + 1),
                    )


_PAIR_MARKS = (*PAIRS, *_CLOSERS)


def _marks_in(text: str) -> tuple[str, ...]:
    return tuple(mark for mark in _PAIR_MARKS if mark in text)


def _unpaired(text: str, marks: Sequence[str] = _PAIR_MARKS) -> Iterator[tuple[int, str, str]]:
    """(offset, mark, the mark it lacks) for each opening or closing mark without its partner
    (``marks``: the marks of a pair that ``text`` may hold, every one unless known)."""
    stack: list[tuple[int, str]] = []
    # found by str.find, where looking at every character in Python cost ~0.3 ms of a check
    for i, char in occurrences(text, marks):
        if char in PAIRS:
            stack.append((i, char))
        elif char in _CLOSERS:
            wanted = _same(_CLOSERS[char])
            depth = next(
                (d for d in range(len(stack) - 1, -1, -1) if _same(stack[d][1]) == wanted), None
            )
            if depth is None:
                yield i, char, _CLOSERS[char]
                continue
            for offset, opener in stack[depth + 1 :]:
                yield offset, opener, PAIRS[opener]
            del stack[depth:]
    for offset, opener in stack:
        yield offset, opener, PAIRS[opener]


@rule("punct-doubled")
def doubled(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    marks = set(settings["marks"])
    # Each mark read as "\0" (a "\0" of the text as "\1"): str.find finds two marks in a row,
    # where looking at each character in Python cost ~0.3 ms of a check.
    as_zero = str.maketrans({"\0": "\1"} | {mark: "\0" for mark in marks})
    for view in views:
        for passage in view.passages:
            text = passage.text
            marked = text.translate(as_zero)
            i = marked.find("\0\0")
            while i >= 0:
                j = i + 2
                while j < len(text) and marked[j] == "\0":
                    j += 1
                run = text[i:j]
                keep = "。" if "。" in run else normalise_punctuation(run[0])[:1] or run[0]
                yield settings.problem(view.locate(passage, i), passage.where, text=run, fix=keep)
                i = marked.find("\0\0", j)
            if passage.role == "lead" and text and text[-1] in marks:
                yield settings.problem(
                    view.locate(passage, len(text) - 1),
                    passage.where,
                    key="message_lead",
                    text=text[-1],
                    fix=text[:-1],
                )


@rule("punct-ending")
def endings(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    point_end, paragraph_end = settings["point_endings"], settings["paragraph_endings"]
    for view in views:
        for passage in view.passages:
            if passage.role in PROSE:
                for start, paragraph in passage.paragraphs():
                    yield from _ending(view, passage, start, paragraph, paragraph_end, settings)
        for items in view.sections.values():
            for item in items:
                for passage, last, final in _point_texts(item):
                    allowed = paragraph_end if last else point_end
                    if final and item.tables:  # 见下表： announces the item's table
                        allowed += "：:"
                    yield from _ending(view, passage, 0, passage.text, allowed, settings)


def _point_texts(item: ItemView) -> Iterator[tuple[Passage, bool, bool]]:
    """Each point's text, whether a paragraph ends with it, and whether it is the item's
    last text (before its tables). A point with sub-points is followed by them (its text may
    end in ：): its sub-points are what end."""
    texts = [
        passage
        for p in item.points
        for passage in (p.subpoints or ([p.text] if p.text is not None else []))
    ]
    for n, passage in enumerate(texts):
        final = n == len(texts) - 1
        yield passage, item.layout == "list" or final, final


def _ending(
    view: View, passage: Passage, start: int, paragraph: str, allowed: str, settings: Rule
) -> Iterator[Problem]:
    body = paragraph.rstrip()
    if not body:
        return
    core = body.rstrip(_TRAILING_CLOSERS) or body
    last = normalise_punctuation(core[-2:])[-1:] if len(core) > 1 else core
    tail = body[-10:]
    if last in allowed:
        return
    if last == "." and len(core) > 1 and is_cjk(core[-2]):
        where, key = view.locate(passage, start + len(core) - 1), "message_halfwidth"
    elif last in settings["point_endings"] or last in "；;，,、：:":
        where, key = view.locate(passage, start + len(core) - 1), "message_semicolon"
    else:
        where, key = view.locate_after(passage, start + len(body) - 1), "message"
    yield settings.problem(where, passage.where, key=key, text=tail, last=last, fix="。")

"""Length: a paragraph over a set number of characters, and the whole document over a limit."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from reportgen.check.lint import rule
from reportgen.check.lint.view import PROSE, ItemView, Passage, View
from reportgen.errors import Location, Problem
from reportgen.settings.rules import Rule
from reportgen.text.numbering import number_marker


def count(text: str) -> int:
    """Characters as a reader counts them: whitespace is not counted."""
    return len("".join(text.split()))  # split() cuts at exactly what isspace() calls space


def paragraphs(view: View) -> Iterator[tuple[Passage, int, str]]:
    """(passage where it starts, offset, text) of each paragraph the reader will see."""
    for passage in view.passages:
        if passage.role in PROSE:
            for offset, text in passage.paragraphs():
                yield passage, offset, text
    for items in view.sections.values():
        for item in items:
            yield from _item_paragraphs(item)


def _item_paragraphs(item: ItemView) -> Iterator[tuple[Passage, int, str]]:
    texts = [
        (p.lead.text + "，" if p.lead else "") + (p.text.text if p.text else "")
        for p in item.points
    ]
    starts = [p.lead or p.text for p in item.points]
    if item.layout == "run-in":
        first = item.heading or next((s for s in starts if s), None)
        if first is not None:
            subs = [
                "".join(f"{number_marker(4, m)}{s.text}" for m, s in enumerate(p.subpoints, 1))
                for p in item.points
            ]
            whole = "".join(t + sub for t, sub in zip(texts, subs, strict=True))
            yield first, 0, (item.heading.text if item.heading else "") + whole
        return
    if item.heading is not None:
        yield item.heading, 0, item.heading.text
    for start, text, point in zip(starts, texts, item.points, strict=True):
        if start is not None:
            yield start, 0, text
        for sub in point.subpoints:
            yield sub, 0, sub.text


@rule("length-paragraph")
def long_paragraphs(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    limit = settings["max"]
    for view in views:
        for passage, offset, text in paragraphs(view):
            length = count(text)
            if length > limit:
                yield settings.problem(
                    view.locate(passage, offset), passage.where, length=length, max=limit
                )


@rule("length-total")
def long_document(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    if not views:
        return
    limit = settings["max"]
    total = sum(
        count(p.text) for view in views for p in view.passages if p.role not in ("label", "period")
    )
    if total > limit:
        first = views[0]
        line, column = first.loaded.positions.get((), (1, 1))
        yield settings.problem(Location(first.file, line, column), "", length=total, max=limit)

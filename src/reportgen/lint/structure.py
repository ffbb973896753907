"""Structure: empty sections and items, items or points written twice, and headings out of
form with their siblings."""

from __future__ import annotations

import statistics
from collections.abc import Iterator, Sequence

from reportgen.errors import Problem
from reportgen.lint import rule
from reportgen.lint.settings import Rule
from reportgen.lint.view import SECTIONS, Passage, View
from reportgen.loader import format_path


@rule("structure-empty")
def empty(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    for view in views:
        value = view.loaded.value if isinstance(view.loaded.value, dict) else {}
        for section in SECTIONS.get(view.kind, ()):
            items = view.sections.get(section)
            if section in value and not items:
                where = view.loaded.locate((section,), key=True)
                yield settings.problem(where, section, key="message_section", text=section)
            for item in items or []:
                if not item.points and item.heading is not None:
                    yield settings.problem(
                        view.locate(item.heading),
                        item.heading.where,
                        key="message_item",
                        text=item.heading.text,
                    )


def _key(text: str) -> str:
    return "".join(c for c in text if not c.isspace()).rstrip("。.")


@rule("structure-duplicate")
def duplicates(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    min_length = settings["min_length"]
    for view in views:
        seen: dict[tuple[str, str], Passage] = {}
        for passage in view.passages:
            if passage.role not in ("heading", "text") or len(_key(passage.text)) < (
                1 if passage.role == "heading" else min_length
            ):
                continue
            key = (passage.role, _key(passage.text))
            if key in seen:
                line = view.locate(seen[key]).line
                yield settings.problem(
                    view.locate(passage), passage.where, line=line, text=_short(passage.text)
                )
            else:
                seen[key] = passage


def _short(text: str, width: int = 20) -> str:
    return text if len(text) <= width else text[:width] + "…"


@rule("structure-parallel")
def parallel(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    for view in views:
        for items in view.sections.values():
            yield from _siblings(
                view, [i.heading for i in items if i.heading is not None], settings
            )
            for item in items:
                yield from _siblings(
                    view, [p.lead for p in item.points if p.lead is not None], settings
                )


def _siblings(view: View, group: list[Passage], settings: Rule) -> Iterator[Problem]:
    if len(group) < max(3, settings["min_siblings"]):
        return
    texts = [_key(p.text) for p in group]
    size = settings["prefix_length"]
    for n, passage in enumerate(group):
        others = texts[:n] + texts[n + 1 :]
        median = statistics.median(len(t) for t in others)
        length = len(texts[n])
        if abs(length - median) > max(
            settings["length_ratio"] * median, settings["min_difference"]
        ):
            yield settings.problem(
                view.locate(passage),
                format_path(passage.path),
                key="message_length",
                text=_short(passage.text),
                length=length,
                median=round(median),
            )
            continue
        prefixes = {t[:size] for t in others}
        distinct = set(others) - {texts[n]}
        if (
            size
            and len(distinct) >= 2
            and len(prefixes) == 1
            and all(len(t) > size for t in others)
        ):
            prefix = prefixes.pop()
            if not texts[n].startswith(prefix):
                yield settings.problem(
                    view.locate(passage),
                    format_path(passage.path),
                    key="message_prefix",
                    text=_short(passage.text),
                    prefix=prefix,
                )

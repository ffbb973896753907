"""Structure: empty sections and items, items or points written twice, and headings out of
form with their siblings."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator, Sequence

from reportgen.check.lint import rule
from reportgen.check.lint.view import SECTIONS, Passage, View
from reportgen.errors import Problem
from reportgen.model.loader import format_path
from reportgen.settings.rules import Rule


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
    return "".join(text.split()).rstrip("。.")


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


def _median_without(lengths: list[int], length: int) -> float:
    """The median of sorted ``lengths`` with one occurrence of ``length`` left out."""
    removed = bisect.bisect_left(lengths, length)
    count = len(lengths) - 1

    def at(k: int) -> int:
        return lengths[k] if k < removed else lengths[k + 1]

    middle = count // 2
    return at(middle) if count % 2 else (at(middle - 1) + at(middle)) / 2


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
    found = out_of_form(
        texts, settings["prefix_length"], settings["length_ratio"], settings["min_difference"]
    )
    for n, key, values in found:
        passage = group[n]
        yield settings.problem(
            view.locate(passage),
            format_path(passage.path),
            key=key,
            text=_short(passage.text),
            **values,
        )


def out_of_form(
    texts: list[str], size: int, ratio: float, min_difference: int
) -> list[tuple[int, str, dict[str, int | str]]]:
    """Which of sibling texts break the form of the others: (index, message key, values).

    Each text is held against all its siblings but itself, counted once for the group, so a
    section of thousands of items takes linear time, not a comparison of every pair.
    """
    lengths = sorted(len(t) for t in texts)
    distinct_texts = len(set(texts))
    prefix_counts = Counter(t[:size] for t in texts)
    short = sum(1 for t in texts if len(t) <= size)
    found: list[tuple[int, str, dict[str, int | str]]] = []
    for n, text in enumerate(texts):
        length = len(text)
        median = _median_without(lengths, length)
        if abs(length - median) > max(ratio * median, min_difference):
            found.append((n, "message_length", {"length": length, "median": round(median)}))
            continue
        own = text[:size]
        alone = prefix_counts[own] == 1  # no sibling shares this text's prefix
        siblings_prefixes = len(prefix_counts) - alone
        siblings_all_long = short - (length <= size) == 0
        # distinct_texts - 1: the siblings' different texts, this one's own left out
        if size and distinct_texts - 1 >= 2 and siblings_prefixes == 1 and siblings_all_long:
            prefix = next(p for p in prefix_counts if p != own or not alone)
            if not text.startswith(prefix):
                found.append((n, "message_prefix", {"prefix": prefix}))
    return found

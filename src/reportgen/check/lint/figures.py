"""Figures: a year-on-year change that disagrees with the two years' values, one figure stated
with two values, and a share (率, 占比) over 100%."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from reportgen.check.lint import rule
from reportgen.check.lint.view import MetricView, Passage, View, metric_refs, report_year
from reportgen.errors import Location, Problem
from reportgen.model.loader import format_path
from reportgen.model.report import Metric
from reportgen.settings.rules import Rule
from reportgen.text.references import format_number, stated_or_computed_change
from reportgen.text.search import occurrences

_UP = ("增长", "增加", "提高", "上升", "增幅", "提升", "上涨")
_DOWN = ("下降", "减少", "降低", "下滑", "降幅", "回落")
_DIRECTION = "|".join(_UP + _DOWN)
_NUMBER = r"\d+(?:\.\d+)?"
_CLAUSE_END = "。；;，,！？\n"


def _none_of(narrow: str, wide: str) -> str:
    """One character neither in the class ``[narrow]`` nor one of ``wide``: ``[^narrow wide]``
    in a form the engine compiles cheaply. A class of three or more characters past U+00FF
    is compiled into a bitmap of the whole BMP (~0.15 ms each, at every check's start); a
    lookahead for each of them is not."""
    return "(?:" + "".join(f"(?!{re.escape(c)})" for c in wide) + f"[^{narrow}])"


_NOT_SENTENCE_END = _none_of(r";\n{", "。；！？")  # [^。；;！？\n{]
_NOT_FIGURE_OR_CLAUSE_END = _none_of(r"\d,;", "，。；")  # [^\d，。；,;]
_AFTER_REF = re.compile(
    rf"{_NOT_SENTENCE_END}{{0,12}}?同比(?P<word>{_DIRECTION})了?(?P<n>{_NUMBER})[%％]"
)
_FROM = "由从"  # every match of _two_years_pattern starts with one of these and a figure


@cache
def _two_years_pattern() -> re.Pattern[str]:
    """由100增长到110，增长10%: compiled on first use (~0.5 ms), by a text that needs it."""
    return re.compile(
        rf"(?:由|从)(?P<a>{_NUMBER})(?P<ua>{_NOT_FIGURE_OR_CLAUSE_END}{{0,4}}?)(?:{_DIRECTION})"
        rf"(?:到|至)(?P<b>{_NUMBER})(?P<ub>{_NOT_FIGURE_OR_CLAUSE_END}{{0,4}}?)[，,]?\s*(?:同比)?"
        rf"(?P<word>{_DIRECTION})(?:了|为|达)?(?P<c>{_NUMBER})[%％]"
    )


def _from_a_figure(text: str) -> bool:
    """Whether 由 or 从 stands right before a digit (as ``\\d`` reads one) in ``text``."""
    return any(text[at + 1 : at + 2].isdecimal() for at, _ in occurrences(text, _FROM))


_PERCENT = re.compile(rf"(?P<n>{_NUMBER})[%％]")


def _sign(word: str) -> int:
    return -1 if word in _DOWN else 1


def _last_clause(text: str) -> str:
    """What follows the last clause end (。；;，,！？ or a line break) in ``text``: all of it
    if there is none. (Splitting at a character class did the same, and compiling the class
    cost the first check ~0.2 ms.)"""
    return text[max(text.rfind(mark) for mark in _CLAUSE_END) + 1 :]


def _where_metric(view: View, metric: MetricView, field: str) -> tuple[Location, str]:
    path = (*metric.path, field)
    return view.loaded.locate(path), format_path(path)


@rule("figures-yoy")
def year_on_year(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    tolerance = float(settings["tolerance"])
    for view in views:
        for entry in view.metrics:
            metric = entry.metric
            if metric is None or metric.change is None or not metric.previous:
                continue
            actual = (metric.value - metric.previous) / metric.previous * 100
            if abs(actual - metric.change) > tolerance:
                location, path = _where_metric(view, entry, "change")
                yield settings.problem(
                    location,
                    path,
                    fix=format_number(round(actual, 2)),
                    direction="增长" if metric.change >= 0 else "下降",
                    stated=format_number(abs(metric.change)),
                    previous=f"{format_number(metric.previous)}{metric.unit}",
                    value=f"{format_number(metric.value)}{metric.unit}",
                    actual_direction="增长" if actual >= 0 else "下降",
                    actual=format_number(round(abs(actual), 2)),
                )
        table = view.metric_table()
        for passage in view.passages:
            yield from _text_changes(view, passage, table, settings, tolerance)
            yield from _two_years(view, passage, settings, tolerance)


def _text_changes(
    view: View, passage: Passage, table: dict[str, Metric], settings: Rule, tolerance: float
) -> Iterator[Problem]:
    raw = passage.raw
    for offset, metric_id, field in metric_refs(passage):
        metric = table.get(metric_id)
        change = stated_or_computed_change(metric) if metric else None
        if metric is None or change is None:
            continue
        if field == "change":
            clause = _last_clause(raw[max(0, offset - 8) : offset])
            words = [w for w in _UP + _DOWN if w in clause]
            if words and change and _sign(max(words, key=clause.rfind)) * change < 0:
                word = max(words, key=clause.rfind)
                yield settings.problem(
                    view.locate_raw(passage, offset),
                    passage.where,
                    key="message_direction",
                    word=word,
                    label=metric.label,
                    change=format_number(change),
                )
        elif field in (None, "value"):
            end = raw.find("}}", offset) + 2
            found = _AFTER_REF.match(raw, end)
            if not found:
                continue
            stated = _sign(found["word"]) * float(found["n"])
            if abs(stated - change) > tolerance:
                yield settings.problem(
                    view.locate_raw(passage, found.start("n")),
                    passage.where,
                    key="message_text",
                    word=found["word"],
                    stated=found["n"],
                    label=metric.label,
                    change=format_number(change),
                    fix=format_number(abs(change)),
                )


def _two_years(view: View, passage: Passage, settings: Rule, tolerance: float) -> Iterator[Problem]:
    if not _from_a_figure(passage.text):
        return  # no match can start here: the pattern need not be compiled
    for found in _two_years_pattern().finditer(passage.text):
        a, b, stated = (
            float(found["a"]),
            float(found["b"]),
            _sign(found["word"]) * float(found["c"]),
        )
        if not a or (found["ua"] and found["ub"] and found["ua"] != found["ub"]):
            continue
        actual = (b - a) / a * 100
        if abs(actual - stated) > tolerance:
            yield settings.problem(
                view.locate(passage, found.start("c")),
                passage.where,
                fix=format_number(round(abs(actual), 2)),
                direction=found["word"],
                stated=found["c"],
                previous=found["a"] + found["ua"],
                value=found["b"] + found["ub"],
                actual_direction="增长" if actual >= 0 else "下降",
                actual=format_number(round(abs(actual), 2)),
            )


@rule("figures-conflict")
def conflicting(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    # one figure stated twice in the same year's report (a review and its plan, or two files
    # of one year); next year's figure is not a conflict, it is next year's
    first: dict[tuple[int | None, str, str], tuple[View, MetricView]] = {}
    for view in views:
        for entry in view.metrics:
            metric = entry.metric
            if metric is None:
                continue
            key = (report_year(view), metric.label, metric.period or "")
            if key not in first:
                first[key] = (view, entry)
                continue
            other_view, other = first[key]
            assert other.metric is not None
            if (other.metric.value, other.metric.unit) != (metric.value, metric.unit):
                location, path = _where_metric(view, entry, "value")
                yield settings.problem(
                    location,
                    path,
                    label=metric.label,
                    value=_figure(metric.value, metric.unit),
                    other=_figure(other.metric.value, other.metric.unit),
                    other_place=str(other_view.loaded.locate((*other.path, "value"))),
                )
    for view in views:
        yield from _stated_in_text(view, views, settings)


def _figure(value: float, unit: str) -> str:
    return f"{format_number(value)}{unit}"


def _stated_in_text(view: View, views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    """A metric's label in the text followed by a written number in its unit, but another value
    (a metric of the same year's report: last year's value is not this year's)."""
    year = report_year(view)
    metrics = [
        (v, m)
        for v in views
        if report_year(v) == year
        for m in v.metrics
        if m.metric is not None and len(m.metric.label) >= 2
    ]
    for passage in view.passages:
        if passage.role in ("label", "period"):
            continue
        for metric_view, entry in metrics:
            metric = entry.metric
            assert metric is not None
            if not metric.unit or metric.label not in passage.text:
                continue
            for found in _stated_after(passage.text, metric.label, metric.unit):
                if passage.raw[passage.origin[found.start("n")]] != passage.text[found.start("n")]:
                    continue  # filled from a reference: the metric's own value
                if float(found["n"]) != float(metric.value):
                    yield settings.problem(
                        view.locate(passage, found.start("n")),
                        passage.where,
                        label=metric.label,
                        value=found["n"] + metric.unit,
                        other=_figure(metric.value, metric.unit),
                        other_place=str(metric_view.loaded.locate((*entry.path, "value"))),
                        fix=_figure(metric.value, metric.unit),
                    )


# What may stand between a metric's label and the figure written after it, and the figure.
_STATED = re.compile(rf"(?:达到|达|为|实现|完成|共|累计|约)?(?P<n>{_NUMBER})")


def _stated_after(text: str, label: str, unit: str) -> Iterator[re.Match[str]]:
    """The matches of ``label`` + :data:`_STATED` + ``unit`` in ``text``, left to right.

    Found with one pattern for every metric, where a pattern of each label and unit cost
    ~0.08 ms to compile (a check of 30 metrics: ~2 ms). The same matches: a verb and the
    figure after it are the same whatever follows them, since the verbs hold no digit and
    a shorter figure leaves a digit or a "." next, which the unit does not begin with. A
    unit that does (a figure could give it back digits) is matched the whole way.
    """
    if unit[:1].isdecimal() or unit[:1] == ".":
        yield from re.finditer(re.escape(label) + _STATED.pattern + re.escape(unit), text)
        return
    at = text.find(label)
    while at >= 0:
        found = _STATED.match(text, at + len(label))
        if found is not None and text.startswith(unit, found.end()):
            yield found
            at = text.find(label, found.end() + len(unit))
        else:
            at = text.find(label, at + 1)


@rule("figures-share")
def shares(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    words, exceptions = settings["share_words"], settings["exceptions"]

    def is_share(label: str) -> bool:
        return any(w in label for w in words) and not any(e in label for e in exceptions)

    for view in views:
        for entry in view.metrics:
            metric = entry.metric
            if metric is None or metric.unit not in ("%", "％") or not is_share(metric.label):
                continue
            for field in ("value", "previous"):
                number = getattr(metric, field)
                if number is not None and number > 100:
                    location, path = _where_metric(view, entry, field)
                    yield settings.problem(
                        location, path, label=metric.label, value=format_number(number)
                    )
        for passage in view.passages:
            for found in _PERCENT.finditer(passage.text):
                if float(found["n"]) <= 100:
                    continue
                before = passage.text[max(0, found.start() - 14) : found.start()]
                clause = _last_clause(before)
                if is_share(clause):
                    yield settings.problem(
                        view.locate(passage, found.start()),
                        passage.where,
                        label=clause,
                        value=found["n"],
                    )

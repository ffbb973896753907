"""Figures typed into the text: a number with a unit whose words point to a metric, and whose
value (converted through the units table) is not the metric's; and a metric nothing refers to.

A typed figure points to a metric of the same document (a review and its plan) when the
clause before the number holds the label's head noun (its last two characters: 资金, 产值)
and half of the label's character pairs or more, or, with the head noun right before the
number (发放资金27.5亿元), a third of them (事项增至62件 does not point to 受理隐患事项).
Its unit must measure what the metric's unit measures (亿元 and 万元 do; 亿元 and 户 do not).
The figure agrees when the metric's value, in the figure's unit and rounded to the figure's
decimals, is the figure: 26.76亿元 may be written 26.8亿元 or 约27亿元, not 27.5亿元.

A figure written exactly after the whole label in the metric's own unit is left to
``figures-conflict``, which has always reported those.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from pathlib import Path

from reportgen.check.lint import rule
from reportgen.check.lint.view import MetricView, Passage, View, document_of, metric_refs
from reportgen.errors import Problem
from reportgen.model.report import Metric
from reportgen.settings.rules import Rule
from reportgen.settings.units import UnitTable, as_decimal
from reportgen.text.references import format_number

_CLAUSE_ENDS = "。；;，,！？!?\n："
_NEAR = 4  # the head noun at most this many characters before the number
_SHARE = 0.5  # of the label's character pairs in the clause
_SHARE_NEAR = 0.3  # … when the head noun stands right before the number


@cache
def _units(root: str) -> UnitTable:
    """The units table of the project holding ``root``/data (the shipped one if it has none)."""
    from reportgen.errors import UserError
    from reportgen.files.project import Project
    from reportgen.settings.templating import Templates
    from reportgen.settings.units import load_units

    # The units alone: the whole settings stage again (layout, rules, the reference template)
    # cost a check ~3 ms for a table it already had, and importing settings.stage for its
    # templates_dir loaded the layout's pydantic models (~24 M instructions) into every check.
    try:
        return load_units(Templates(Project(Path(root)).templates_dir))
    except UserError:  # a broken units.yaml is reported by build; check the figures anyway
        return load_units(Templates(None))


def units_for(view: View) -> UnitTable:
    here = Path(view.file).resolve().parent
    return _units(str(here.parent if here.name == "data" else here))


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _points_to(clause: str, metric: Metric) -> float:
    """How surely the clause before a number speaks of ``metric`` (0: it does not)."""
    label = metric.label
    head = label[-2:]
    if len(label) < 2 or head not in clause:
        return 0.0
    pairs = _pairs(label)
    share = len(pairs & _pairs(clause)) / len(pairs)
    if share >= _SHARE:
        return share
    at = clause.rfind(head)
    near = len(clause) - (at + len(head)) <= _NEAR
    return share if near and share >= _SHARE_NEAR else 0.0


def _agrees(written: str, unit: str, metric: Metric, table: UnitTable) -> bool | None:
    """Whether the figure ``written`` in ``unit`` is the metric's value (None: not comparable)."""
    value = table.convert(as_decimal(metric.value), metric.unit, unit)
    if value is None:
        return None
    places = len(written.partition(".")[2])
    shown = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return shown == Decimal(written)


def _figure_pattern(units: list[str]) -> re.Pattern[str] | None:
    """A number followed by one of ``units`` (longest first, so 万平方米 before 平方米).

    ``(?<![\\d.])\\d+`` written with its first digit ahead of the lookbehind: a pattern that
    starts with a class lets the engine skip in C to the next digit, where one that starts with
    a lookbehind is tried at every character (the scan of a check's texts: 0.16 -> 0.09 ms)."""
    if not units:
        return None
    units_alternation = "|".join(map(re.escape, units))
    return re.compile(rf"(?P<n>\d(?<![\d.]\d)\d*(?:\.\d+)?)\s*(?P<u>{units_alternation})")


def _figures(
    passage: Passage, pattern: re.Pattern[str] | None
) -> Iterator[tuple[int, str, str, str]]:
    """(offset, number, unit, clause before it) of each number with a unit, typed by hand."""
    if pattern is None:
        return
    for found in pattern.finditer(passage.text):
        start = found.start("n")
        if passage.raw[passage.origin[start]] != passage.text[start]:
            continue  # filled from {{id}}: the metric's own value
        text = passage.text
        cut = max(text.rfind(mark, 0, start) for mark in _CLAUSE_ENDS)
        yield start, found["n"], found["u"], text[cut + 1 : start]


def _candidates(views: Sequence[View]) -> list[tuple[View, MetricView]]:
    return [(v, m) for v in views for m in v.metrics if m.metric is not None and m.metric.unit]


def _matches(
    view: View, metrics: list[tuple[View, MetricView]], table: UnitTable
) -> Iterator[tuple[Passage, int, str, str, View, MetricView]]:
    """Each typed figure of ``view`` with the metric it points to (the surest one), by the
    view's units ``table``."""
    units = sorted(
        {u for u in table.units} | {m.metric.unit for _, m in metrics if m.metric},
        key=len,
        reverse=True,
    )
    pattern = _figure_pattern(units)  # once per document: building it was half of check's time
    # the metrics a figure in each unit may point to, in order: asked once per unit, not for
    # every figure and metric
    convertible: dict[str, list[tuple[View, MetricView]]] = {}
    for passage in view.passages:
        if passage.role in ("label", "period"):
            continue
        for start, number, unit, clause in _figures(passage, pattern):
            if unit not in convertible:
                convertible[unit] = [
                    (v, m)
                    for v, m in metrics
                    if m.metric is not None and table.convertible(unit, m.metric.unit)
                ]
            scored = []
            for metric_view, entry in convertible[unit]:
                metric = entry.metric
                assert metric is not None
                score = _points_to(clause, metric)
                if score:
                    scored.append((score, metric_view, entry))
            if scored:
                _, metric_view, entry = max(scored, key=lambda s: s[0])
                yield passage, start, number, unit, metric_view, entry


Typed = tuple[Passage, int, str, str, View, MetricView]


@lru_cache(maxsize=1)
def _typed_in(views: tuple[View, ...]) -> tuple[tuple[UnitTable, list[Typed]], ...]:
    """Each view's units table and typed figures, each with the metric it points to: found
    once for both rules of this module, which looked for them in turn (~0.5 ms of a check).
    Kept for the last views asked about (the same objects: a view is not changed once built)."""
    found = []
    for view in views:
        table = units_for(view)
        found.append((table, list(_matches(view, _candidates(document_of(view, views)), table))))
    return tuple(found)


@rule("figures-typed")
def typed(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    for view, (table, found) in zip(views, _typed_in(tuple(views)), strict=True):
        for passage, start, number, unit, metric_view, entry in found:
            metric = entry.metric
            assert metric is not None
            clause_end = passage.text[max(0, start - len(metric.label)) : start]
            if unit == metric.unit and metric.label in clause_end:
                continue  # figures-conflict's case
            if _agrees(number, unit, metric, table) is not False:
                continue
            converted = table.convert(as_decimal(metric.value), metric.unit, unit)
            yield settings.problem(
                view.locate(passage, start),
                passage.where,
                value=number + unit,
                label=metric.label,
                metric=f"{format_number(metric.value)}{metric.unit}",
                converted=f"{converted}{unit}",
                other_place=str(metric_view.loaded.locate((*entry.path, "value"))),
                fix=f"{converted}{unit}",
            )


@rule("figures-unused")
def unused(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    referred: set[str] = set()
    for view in views:
        for passage in view.passages:
            referred.update(metric_id for _, metric_id, _ in metric_refs(passage))
    typed_about = {id(entry) for _, found in _typed_in(tuple(views)) for *_, entry in found}
    for view in views:
        texts = [p.text for v in document_of(view, views) for p in v.passages if p.role != "label"]
        for entry in view.metrics:
            metric = entry.metric
            if metric is None or metric.id in referred or id(entry) in typed_about:
                continue
            if any(metric.label in text for text in texts):
                continue
            yield settings.problem(
                view.loaded.locate((*entry.path, "id")),
                f"metrics[{entry.path[1]}]",
                id=metric.id,
                label=metric.label,
            )

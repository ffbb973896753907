"""Metric references: ``{{id}}`` and ``{{id.field}}`` in the text, the figure each stands for,
and filling them in (with, for each filled character, the offset of the reference).

Imports nothing of reportgen but ``reportgen.errors``: a metric is anything shaped like
:class:`reportgen.model.report.Metric` (:class:`MetricLike`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Protocol

from reportgen.errors import UserError
from reportgen.settings.messages import message

METRIC_REF = re.compile(r"\{\{\s*(?P<id>[\w-]+)(?:\.(?P<field>\w+))?\s*\}\}")
METRIC_FIELDS = ("value", "unit", "label", "change", "previous", "period")


class MetricLike(Protocol):
    @property
    def value(self) -> float | int: ...
    @property
    def unit(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def period(self) -> str | None: ...
    @property
    def previous(self) -> float | int | None: ...
    @property
    def change(self) -> float | int | None: ...


def format_number(value: float | int) -> str:
    """4720 → 4720, 12.43 → 12.43, 4720.0 → 4720: as a person writes it, never 1e+05."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value)
    text = repr(value)
    if "e" in text or "E" in text:
        text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text


def stated_or_computed_change(metric: MetricLike) -> float | None:
    """Year-on-year change in percent: as stated, or from last year's value."""
    if metric.change is not None:
        return metric.change
    if metric.previous:
        return round((metric.value - metric.previous) / metric.previous * 100, 2)
    return None


def resolve_metric(metric: MetricLike, field_name: str | None) -> str:
    """The text a ``{{id}}`` or ``{{id.field}}`` reference stands for."""
    match field_name:
        case None:
            return f"{format_number(metric.value)}{metric.unit}"
        case "value":
            return format_number(metric.value)
        case "unit":
            return metric.unit
        case "label":
            return metric.label
        case "period":
            if metric.period is None:
                raise KeyError("period")
            return metric.period
        case "previous":
            if metric.previous is None:
                raise KeyError("previous")
            return f"{format_number(metric.previous)}{metric.unit}"
        case "change":
            change = stated_or_computed_change(metric)
            if change is None:
                raise KeyError("change")
            return f"{format_number(abs(change))}%"
    raise KeyError(field_name)


def fill_metrics(text: str, metrics: Mapping[str, MetricLike]) -> str:
    """Every reference replaced by its figure; an undefined one is a :class:`UserError`."""
    return fill_with_origin(text, list(range(len(text))), metrics, strict=True)[0]


def fill_with_origin(
    text: str, origin: list[int], metrics: Mapping[str, MetricLike], *, strict: bool = False
) -> tuple[str, list[int]]:
    """Fill ``{{id}}`` references; each filled character maps to the reference's ``{{``.

    ``strict``: an undefined reference or field is an error (the build); otherwise it stays as
    written (check, whose schema rule reports it).
    """
    if "{{" not in text:  # no reference (most strings): the text and a copy of its origin
        return text, origin[:]
    out: list[str] = []
    out_origin: list[int] = []
    kept = 0
    for match in METRIC_REF.finditer(text):
        metric_id, field_name = match["id"], match["field"]
        metric = metrics.get(metric_id)
        if metric is None:
            if strict:
                raise UserError(message("undefined_metric", field=metric_id))
            continue
        try:
            filled = resolve_metric(metric, field_name)
        except KeyError:
            if strict:
                raise UserError(
                    message("metric_field", field=metric_id, expected=field_name)
                ) from None
            continue
        out.append(text[kept : match.start()])
        out_origin.extend(origin[kept : match.start()])
        out.append(filled)
        out_origin.extend([origin[match.start()]] * len(filled))
        kept = match.end()
    out.append(text[kept:])
    out_origin.extend(origin[kept:])
    return "".join(out), out_origin

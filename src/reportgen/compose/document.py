"""Compose a :class:`~reportgen.model.report.Report` into the blocks every renderer draws.

This is where numbering is generated, metric references are filled in and punctuation is
normalised, once, so that the .docx, .md, .txt and .html can never disagree on the text.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from reportgen.errors import UserError
from reportgen.model.report import Item, Metric, Plan, Report, Review
from reportgen.text.core import (
    METRIC_REF,
    as_heading_sentence,
    format_number,
    normalise_punctuation,
    number_marker,
)

SpanRole = Literal["number", "heading", "lead", "text"]
BlockKind = Literal["title", "heading", "paragraph", "attachment", "signature", "date"]


@dataclass(frozen=True)
class Span:
    text: str
    role: SpanRole = "text"


@dataclass(frozen=True)
class Block:
    """One paragraph of the output: what it is, its numbering level, and its runs of text."""

    kind: BlockKind
    spans: tuple[Span, ...]
    level: int = 0  # 1: 一、 2: （一） 3: 1. 4: （1）; 0 for body text

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

    @property
    def head(self) -> str:
        """The numbering and run-in heading that open the block (（一）社会发展开拓新局面。)."""
        return "".join(s.text for s in self.spans[: self._head_length()])

    @property
    def tail(self) -> tuple[Span, ...]:
        """The spans after :attr:`head`."""
        return self.spans[self._head_length() :]

    def _head_length(self) -> int:
        n = 0
        while n < len(self.spans) and self.spans[n].role in ("number", "heading"):
            n += 1
        return n


@dataclass(frozen=True)
class MetricRow:
    label: str
    period: str
    value: str
    unit: str
    change: str


@dataclass
class Composed:
    """The document as renderers see it."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    metrics: list[MetricRow] = field(default_factory=list)

    @property
    def body(self) -> list[Block]:
        return [b for b in self.blocks if b.kind != "title"]

    def plain_text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


def resolve_metric(metric: Metric, field_name: str | None) -> str:
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


def stated_or_computed_change(metric: Metric) -> float | None:
    """Year-on-year change in percent: as stated, or from last year's value."""
    if metric.change is not None:
        return metric.change
    if metric.previous:
        return round((metric.value - metric.previous) / metric.previous * 100, 2)
    return None


def fill_metrics(text: str, metrics: dict[str, Metric]) -> str:
    def replace(match: object) -> str:
        metric_id, field_name = match["id"], match["field"]  # type: ignore[index]
        metric = metrics.get(metric_id)
        if metric is None:
            raise UserError(f"the text refers to an undefined metric {{{{{metric_id}}}}}")
        try:
            return resolve_metric(metric, field_name)
        except KeyError:
            raise UserError(
                f"{{{{{metric_id}.{field_name}}}}}: metric '{metric_id}' has no {field_name}"
            ) from None

    return METRIC_REF.sub(replace, text)


class _Composer:
    def __init__(self, report: Report, sections: Mapping[str, str]):
        self.report = report
        self.sections = sections
        self.metrics = {m.id: m for m in report.metrics}
        self.section_number = 0

    def text(self, raw: str) -> str:
        return normalise_punctuation(fill_metrics(raw, self.metrics))

    def paragraphs(self, raw: str | None) -> Iterator[Block]:
        if raw:
            for paragraph in self.text(raw).split("\n"):
                yield Block("paragraph", (Span(paragraph),))

    def section(self, key: str, year: int, items: list[Item]) -> Iterator[Block]:
        if not items:
            return
        self.section_number += 1
        heading = self.sections[key].format(year=year)
        yield Block(
            "heading",
            (Span(number_marker(1, self.section_number), "number"), Span(heading, "heading")),
            1,
        )
        for n, item in enumerate(items, start=1):
            yield from self.item(n, item)

    def item(self, n: int, item: Item) -> Iterator[Block]:
        head = (
            Span(number_marker(2, n), "number"),
            Span(self.text(as_heading_sentence(item.heading)), "heading"),
        )
        points = [self.point_spans(p.lead, p.text) for p in item.points]
        if item.layout == "run-in":
            yield Block("paragraph", head + tuple(s for spans in points for s in spans), 2)
            return
        yield Block("paragraph", head, 2)
        for k, spans in enumerate(points, start=1):
            yield Block("paragraph", (Span(number_marker(3, k), "number"), *spans), 3)

    def point_spans(self, lead: str | None, text: str) -> tuple[Span, ...]:
        full = self.text(f"{lead}，{text}" if lead else text)
        lead_text = self.text(lead) if lead else ""
        if lead_text and full.startswith(lead_text):
            return (Span(lead_text, "lead"), Span(full[len(lead_text) :]))
        return (Span(full),)

    def compose(self) -> Composed:
        report = self.report
        review, plan = report.review, report.plan
        out = Composed(title=self.text(report.title))
        out.blocks.append(Block("title", (Span(out.title),)))
        first = review or plan
        assert first is not None
        out.blocks.extend(self.paragraphs(first.opening))
        if review is not None:
            out.blocks.extend(self.section("highlights", review.year, list(review.highlights)))
            out.blocks.extend(self.section("shortcomings", review.year, list(review.shortcomings)))
        if plan is not None:
            blocks = list(self.section("priorities", plan.year, list(plan.priorities)))
            if review is not None and plan.opening and blocks:
                blocks[1:1] = list(self.paragraphs(plan.opening))
            out.blocks.extend(blocks)
        for document in (review, plan):
            if document is not None:
                out.blocks.extend(self.paragraphs(document.closing))
        out.blocks.extend(
            self.attachments(
                [*(review.attachments if review else []), *(plan.attachments if plan else [])]
            )
        )
        signature = (review and review.signature) or (plan and plan.signature)
        if signature:
            out.blocks.append(Block("signature", (Span(self.text(signature.name)),)))
            day = signature.date
            out.blocks.append(Block("date", (Span(f"{day.year}年{day.month}月{day.day}日"),)))
        out.metrics = [self.metric_row(m) for m in report.metrics]
        return out

    def attachments(self, names: list[str]) -> Iterator[Block]:
        if len(names) == 1:
            yield Block("attachment", (Span("附件："), Span(self.text(names[0]))))
        for n, name in enumerate(names if len(names) > 1 else [], start=1):
            prefix = "附件：" if n == 1 else ""
            yield Block("attachment", (Span(f"{prefix}{n}."), Span(self.text(name))))

    def metric_row(self, metric: Metric) -> MetricRow:
        change = stated_or_computed_change(metric)
        return MetricRow(
            label=metric.label,
            period=metric.period or "",
            value=format_number(metric.value),
            unit=metric.unit,
            change="" if change is None else f"{'+' if change > 0 else ''}{format_number(change)}%",
        )


def compose(report: Report, sections: Mapping[str, str]) -> Composed:
    """Turn a report into numbered, normalised blocks of text.

    ``sections`` names the level-1 headings (:attr:`reportgen.settings.Settings.sections`).
    """
    return _Composer(report, sections).compose()


def compose_documents(
    review: Review | None, plan: Plan | None, sections: Mapping[str, str]
) -> Composed:
    return compose(Report(review=review, plan=plan), sections)

"""Compose a :class:`~reportgen.model.report.Report` into the blocks every renderer draws.

This is where numbering is generated, metric references are filled in and punctuation is
normalised, once, so that the .docx, .md, .txt and .html can never disagree on the text.

Long because every block kind (headings, items in both layouts, sub-points, parts, an item's
tables, attachments, 落款) and the origins that tie each character to its YAML are composed
here, in one place, so the outputs cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal

from reportgen.model.report import Item, Metric, Part, Plan, Point, Report, Review, sections_of
from reportgen.records import Record, set_field
from reportgen.text.numbering import number_marker
from reportgen.text.pipeline import read
from reportgen.text.punctuation import as_heading_sentence
from reportgen.text.references import format_number, stated_or_computed_change

SpanRole = Literal["number", "heading", "lead", "text"]
BlockKind = Literal["title", "heading", "paragraph", "table", "attachment", "signature", "date"]
DocumentKind = Literal["review", "plan"]
PathKey = tuple[str | int, ...]
ADDED = -1  # an origin offset for a character compose added (a heading's 。, a lead's ，)


class Origin(Record):
    """Where a span's text came from: the document (review or plan), the YAML path of the
    string, and for each character of the span its offset in the model's (cleaned) string, or
    :data:`ADDED`. :func:`reportgen.model.sourcemap.locate` turns one into file:line:col."""

    document: DocumentKind
    path: PathKey
    offsets: tuple[int, ...]
    _fields = ("document", "path", "offsets")

    def __init__(self, document: DocumentKind, path: PathKey, offsets: tuple[int, ...] = ()):
        set_field(self, "document", document)
        set_field(self, "path", path)
        set_field(self, "offsets", offsets)

    def offset(self, i: int) -> int:
        """The model-string offset of the span's ``i``-th character (an added one: the nearest
        written character before it, else after it)."""
        if not self.offsets:
            return 0
        i = min(max(i, 0), len(self.offsets) - 1)
        before = [o for o in self.offsets[: i + 1] if o != ADDED]
        if before:
            return before[-1]
        return next((o for o in self.offsets if o != ADDED), 0)


class Span(Record):
    """A run of a block's text in one role; its origin takes no part in ``==`` or the repr."""

    text: str
    role: SpanRole
    origin: Origin | None
    _fields = ("text", "role", "origin")
    _compared = ("text", "role")

    def __init__(self, text: str, role: SpanRole = "text", origin: Origin | None = None):
        set_field(self, "text", text)
        set_field(self, "role", role)
        set_field(self, "origin", origin)


class ItemRef(Record):
    """The numbered item （一）… a block belongs to, as the document shows it."""

    document: DocumentKind
    section: str  # highlights, shortcomings, priorities, or parts/<id or title> for a part
    section_title: str  # the level-1 heading's text, without its number
    index: int  # 1-based: its number （一）
    id: str | None
    heading: str  # the run-in heading as shown, without its closing 。
    points: tuple[str, ...]  # each point as shown (lead，text)
    layout: str
    references: tuple[str, ...]  # reports_on (highlights) or answers (priorities)
    items_path: PathKey  # the YAML path of its list when not the section's (a part's items)
    tables: tuple[str, ...]  # each table of figures as shown: rows a line, cells joined by ｜
    _fields = (
        "document", "section", "section_title", "index", "id", "heading", "points", "layout",
        "references", "items_path", "tables",
    )  # fmt: skip

    def __init__(
        self,
        document: DocumentKind,
        section: str,
        section_title: str,
        index: int,
        id: str | None,
        heading: str,
        points: tuple[str, ...],
        layout: str = "run-in",
        references: tuple[str, ...] = (),
        items_path: PathKey = (),
        tables: tuple[str, ...] = (),
    ):
        set_field(self, "document", document)
        set_field(self, "section", section)
        set_field(self, "section_title", section_title)
        set_field(self, "index", index)
        set_field(self, "id", id)
        set_field(self, "heading", heading)
        set_field(self, "points", points)
        set_field(self, "layout", layout)
        set_field(self, "references", references)
        set_field(self, "items_path", items_path)
        set_field(self, "tables", tables)

    @property
    def path(self) -> PathKey:
        return (*(self.items_path or (self.section,)), self.index - 1)

    @property
    def body(self) -> str:
        """Its text as diff and track compare it: the points, then each table on its lines."""
        return "".join(self.points) + "".join(f"\n{table}" for table in self.tables)


class Block(Record):
    """One paragraph of the output: what it is, its numbering level, and its runs of text;
    the section it sits in and the item it belongs to (None outside items)."""

    kind: BlockKind
    spans: tuple[Span, ...]
    level: int  # 1: 一、 2: （一） 3: 1. 4: （1）; 0 for body text
    section: str | None  # the section kind, or parts/<id or title> inside a part
    item: ItemRef | None
    rows: tuple[tuple[str, ...], ...]  # a table block's cells, the header row first
    _fields = ("kind", "spans", "level", "section", "item", "rows")

    def __init__(
        self,
        kind: BlockKind,
        spans: tuple[Span, ...],
        level: int = 0,
        section: str | None = None,
        item: ItemRef | None = None,
        rows: tuple[tuple[str, ...], ...] = (),
    ):
        set_field(self, "kind", kind)
        set_field(self, "spans", spans)
        set_field(self, "level", level)
        set_field(self, "section", section)
        set_field(self, "item", item)
        set_field(self, "rows", rows)

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

    @property
    def origin(self) -> Origin | None:
        """Where the block's first written text came from."""
        return next((s.origin for s in self.spans if s.origin is not None), None)

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


class MetricRow(Record):
    """A key figure as 附表 shows it."""

    label: str
    period: str
    value: str
    unit: str
    change: str
    id: str  # the metric's id: what pairs its row with last year's
    _fields = ("label", "period", "value", "unit", "change", "id")

    def __init__(
        self,
        label: str,
        period: str,
        value: str,
        unit: str,
        change: str,
        id: str = "",
    ):
        set_field(self, "label", label)
        set_field(self, "period", period)
        set_field(self, "value", value)
        set_field(self, "unit", unit)
        set_field(self, "change", change)
        set_field(self, "id", id)


class Composed:
    """The document as renderers see it: its title, blocks and key figures (a mutable value:
    ``==`` compares the three, as the dataclass it was did)."""

    __hash__ = None  # type: ignore[assignment]

    def __init__(
        self,
        title: str,
        blocks: list[Block] | None = None,
        metrics: list[MetricRow] | None = None,
    ):
        self.title = title
        self.blocks: list[Block] = [] if blocks is None else blocks
        self.metrics: list[MetricRow] = [] if metrics is None else metrics

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return (self.title, self.blocks, self.metrics) == (
                other.title,  # type: ignore[attr-defined]
                other.blocks,  # type: ignore[attr-defined]
                other.metrics,  # type: ignore[attr-defined]
            )
        return NotImplemented

    def __repr__(self) -> str:
        return f"Composed(title={self.title!r}, blocks={self.blocks!r}, metrics={self.metrics!r})"

    @property
    def body(self) -> list[Block]:
        return [b for b in self.blocks if b.kind != "title"]

    def plain_text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


class _Composer:
    def __init__(self, report: Report, sections: Mapping[str, str]):
        self.report = report
        self.sections = sections
        self.metrics = {m.id: m for m in report.metrics}
        self.section_number = 0

    def read(self, raw: str, document: DocumentKind, path: PathKey) -> Span:
        """A string of the model as the document shows it, as a span tied to its YAML path."""
        reading = read(raw, self.metrics)
        return Span(reading.text, origin=Origin(document, path, reading.origin))

    def text(self, raw: str) -> str:
        return read(raw, self.metrics).text

    def paragraphs(
        self,
        raw: str | None,
        document: DocumentKind,
        key: str | PathKey,
        section: str | None = None,
    ) -> Iterator[Block]:
        if raw:
            path = (key,) if isinstance(key, str) else key
            whole = self.read(raw, document, path)
            start = 0
            for paragraph in whole.text.split("\n"):
                offsets = whole.origin.offsets[start : start + len(paragraph)]  # type: ignore[union-attr]
                start += len(paragraph) + 1
                yield Block(
                    "paragraph",
                    (Span(paragraph, origin=Origin(document, path, offsets)),),
                    section=section,
                )

    def document_sections(
        self, document: DocumentKind, doc: Review | Plan, opening: list[Block] | None = None
    ) -> Iterator[Block]:
        """The sections of ``doc`` in order, each followed by the parts written ``after`` it
        (the parts after ``opening`` first, those without ``after`` after the last section).
        ``opening`` (a plan's opening in a combined report) goes under the first section's
        heading."""
        kinds = sections_of(doc)
        placed = {kind: [p for p in enumerate(doc.parts) if p[1].after == kind] for kind in kinds}
        placed[kinds[-1]] += [p for p in enumerate(doc.parts) if p[1].after is None]
        for i, part in enumerate(doc.parts):
            if part.after == "opening":
                yield from self.part(document, i, part)
        for kind in kinds:
            blocks = list(self.section(document, doc, kind))
            if opening and blocks:
                blocks[1:1] = opening
                opening = None
            yield from blocks
            for i, part in placed[kind]:
                yield from self.part(document, i, part)

    def section(self, document: DocumentKind, doc: Review | Plan, key: str) -> Iterator[Block]:
        items: list[Item] = list(getattr(doc, key))
        intro: str | None = getattr(doc.intros, key)
        if not items and not intro:
            return
        own: str | None = getattr(doc.titles, key)
        if own is None:
            heading = Span(self.sections[key].format(year=doc.year), "heading")
        else:
            heading = self.read(own, document, ("titles", key))
            heading = Span(heading.text, "heading", heading.origin)
        yield self.level_one(heading, key)
        yield from self.paragraphs(intro, document, ("intros", key), key)
        for n, item in enumerate(items, start=1):
            yield from self.item(document, key, heading.text, n, item)

    def level_one(self, heading: Span, section: str) -> Block:
        """The next 一、二、… heading: sections and parts are numbered together."""
        self.section_number += 1
        number = Span(number_marker(1, self.section_number), "number")
        return Block("heading", (number, heading), 1, section=section)

    def part(self, document: DocumentKind, i: int, part: Part) -> Iterator[Block]:
        """A part of the author's own: its heading, its prose, then its items （一）…."""
        path: PathKey = ("parts", i)
        title = self.read(part.title, document, (*path, "title"))
        yield self.level_one(Span(title.text, "heading", title.origin), part.key)
        yield from self.paragraphs(part.text, document, (*path, "text"), part.key)
        for n, item in enumerate(part.items, start=1):
            yield from self.item(document, part.key, title.text, n, item, (*path, "items"))

    def item(
        self,
        document: DocumentKind,
        key: str,
        title: str,
        n: int,
        item: Item,
        items_path: PathKey = (),
    ) -> Iterator[Block]:
        path: PathKey = (*(items_path or (key,)), n - 1)
        heading = self.heading(item.heading, document, (*path, "heading"))
        head = (Span(number_marker(2, n), "number"), heading)
        run_in = item.layout == "run-in"
        points = [
            self.point_spans(p.lead, p.text, document, (*path, "points", k))
            + (self.subpoint_spans(p, document, (*path, "points", k)) if run_in else ())
            for k, p in enumerate(item.points)
        ]
        shown = heading.text
        if not run_in:  # the points as shown, their sub-points each after its own
            points_shown = [
                "".join(s.text for s in spans)
                + "".join(
                    f"{number_marker(4, m)}{self.text(sub)}" for m, sub in enumerate(p.subpoints, 1)
                )
                for spans, p in zip(points, item.points, strict=True)
            ]
        else:
            points_shown = ["".join(s.text for s in spans) for spans in points]
        ref = ItemRef(
            document=document,
            section=key,
            section_title=title,
            index=n,
            id=item.id,
            heading=shown[:-1] if shown.endswith("。") else shown,
            points=tuple(points_shown),
            layout=item.layout,
            references=tuple(getattr(item, "reports_on", ()) or getattr(item, "answers", ())),
            items_path=items_path,
            tables=tuple(
                "\n".join("｜".join(self.text(cell) for cell in row) for row in table)
                for table in item.tables
            ),
        )
        if run_in:
            spans = head + tuple(s for spans in points for s in spans)
            yield Block("paragraph", spans, 2, section=key, item=ref)
        else:
            yield Block("paragraph", head, 2, section=key, item=ref)
            for k, (spans, point) in enumerate(zip(points, item.points, strict=True), start=1):
                marker = Span(number_marker(3, k), "number")
                yield Block("paragraph", (marker, *spans), 3, section=key, item=ref)
                for m, sub in enumerate(point.subpoints, start=1):
                    number = Span(number_marker(4, m), "number")
                    span = self.read(sub, document, (*path, "points", k - 1, "subpoints", m - 1))
                    yield Block("paragraph", (number, span), 4, section=key, item=ref)
        for t, table in enumerate(item.tables):
            yield self.table(table, document, (*path, "tables", t), key, ref)

    def table(
        self, table: list[list[str]], document: DocumentKind, path: PathKey, key: str, ref: ItemRef
    ) -> Block:
        """A table of figures after its item's text. Its text (what plain-text readers, txt and
        the lints see) is one row a line, cells joined by ｜; ``rows`` holds the cells."""
        rows = tuple(tuple(self.text(cell) for cell in row) for row in table)
        text = "\n".join("｜".join(row) for row in rows)
        span = Span(text, origin=Origin(document, path))
        return Block("table", (span,), 0, section=key, item=ref, rows=rows)

    def subpoint_spans(
        self, point: Point, document: DocumentKind, path: PathKey
    ) -> tuple[Span, ...]:
        """A point's sub-points run in after its text: （1）… （2）…. The number is body text
        here (its font is the paragraph's), not a heading's number."""
        spans: list[Span] = []
        for m, sub in enumerate(point.subpoints, start=1):
            spans.append(Span(number_marker(4, m)))
            spans.append(self.read(sub, document, (*path, "subpoints", m - 1)))
        return tuple(spans)

    def heading(self, raw: str, document: DocumentKind, path: PathKey) -> Span:
        """A run-in heading is a sentence: the 。 it lacks is added (and read with it)."""
        reading = read(as_heading_sentence(raw), self.metrics)  # raw is clean: no outer space
        offsets = tuple(o if o < len(raw) else ADDED for o in reading.origin)
        return Span(reading.text, "heading", Origin(document, path, offsets))

    def point_spans(
        self, lead: str | None, text: str, document: DocumentKind, path: PathKey
    ) -> tuple[Span, ...]:
        if not lead:
            # A point without a lead may be a bare string: its path is then the point's own,
            # which reportgen.model.sourcemap.locate tries when ``text`` is not there.
            return (self.read(text, document, (*path, "text")),)
        # Lead and text are read as one sentence (the comma between them is the document's).
        reading = read(f"{lead}，{text}", self.metrics)
        full = reading.text
        lead_span = self.read(lead, document, (*path, "lead"))
        after = len(lead) + 1
        text_offsets = tuple(o - after if o >= after else ADDED for o in reading.origin)
        text_origin = Origin(document, (*path, "text"), text_offsets)
        lead_text = lead_span.text
        if lead_text and full.startswith(lead_text):
            rest = Origin(document, text_origin.path, text_offsets[len(lead_text) :])
            return (
                Span(lead_text, "lead", lead_span.origin),
                Span(full[len(lead_text) :], origin=rest),
            )
        return (Span(full, origin=text_origin),)

    def compose(self) -> Composed:
        report = self.report
        review, plan = report.review, report.plan
        first = review or plan
        assert first is not None
        first_kind: DocumentKind = "review" if review is not None else "plan"
        title = self.text(report.title)
        title_origin = (
            Origin(first_kind, ("title",), read(first.title, self.metrics).origin)
            if first.title
            else None
        )
        out = Composed(title=title)
        out.blocks.append(Block("title", (Span(title, origin=title_origin),)))
        out.blocks.extend(self.paragraphs(first.opening, first_kind, "opening"))
        if review is not None:
            out.blocks.extend(self.document_sections("review", review))
        if plan is not None:
            opening = list(self.paragraphs(plan.opening, "plan", "opening")) if review else None
            out.blocks.extend(self.document_sections("plan", plan, opening))
        for kind, document in (("review", review), ("plan", plan)):
            if document is not None:
                out.blocks.extend(self.paragraphs(document.closing, kind, "closing"))  # type: ignore[arg-type]
        attachments = [
            *(("review", i, a) for i, a in enumerate(review.attachments if review else [])),
            *(("plan", i, a) for i, a in enumerate(plan.attachments if plan else [])),
        ]
        out.blocks.extend(self.attachments(attachments))  # type: ignore[arg-type]
        signed = (review and review.signature and review) or (plan and plan.signature and plan)
        if signed:
            signature = signed.signature
            assert signature is not None
            kind: DocumentKind = "review" if signed is review else "plan"
            name = self.read(signature.name, kind, ("signature", "name"))
            out.blocks.append(Block("signature", (name,)))
            day = signature.date
            date = Span(
                f"{day.year}年{day.month}月{day.day}日", origin=Origin(kind, ("signature", "date"))
            )
            out.blocks.append(Block("date", (date,)))
        out.metrics = [self.metric_row(m) for m in report.metrics]
        return out

    def attachments(self, names: list[tuple[DocumentKind, int, str]]) -> Iterator[Block]:
        if len(names) == 1:
            kind, i, name = names[0]
            yield Block("attachment", (Span("附件："), self.read(name, kind, ("attachments", i))))
        for n, (kind, i, name) in enumerate(names if len(names) > 1 else [], start=1):
            prefix = "附件：" if n == 1 else ""
            span = self.read(name, kind, ("attachments", i))
            yield Block("attachment", (Span(f"{prefix}{n}."), span))

    def metric_row(self, metric: Metric) -> MetricRow:
        change = stated_or_computed_change(metric)
        return MetricRow(
            label=metric.label,
            period=metric.period or "",
            value=format_number(metric.value),
            unit=metric.unit,
            change="" if change is None else f"{'+' if change > 0 else ''}{format_number(change)}%",
            id=metric.id,
        )


def compose(report: Report, sections: Mapping[str, str]) -> Composed:
    """Turn a report into numbered, normalised blocks of text.

    ``sections`` names the level-1 headings (:attr:`reportgen.settings.Settings.sections`).
    """
    return _Composer(report, sections).compose()


def compose_documents(
    review: Review | None, plan: Plan | None, sections: Mapping[str, str]
) -> Composed:
    if review is None and plan is None:
        Report(review=review, plan=plan)  # refused, in the model's own words
    # Both are validated documents already: validating the pair again would first build
    # Report's deferred core schema (~0.35 ms, once per process) to check nothing new.
    return compose(Report.model_construct(review=review, plan=plan), sections)

"""What the lint rules read: a file's texts as the reader will see them, each tied to its YAML.

A :class:`View` is built from the loaded YAML, not from the validated model, so that a file
with a schema error (an unknown key, a missing heading) is still checked everywhere else:
``reportgen check`` reports every problem in one run. Each text is a :class:`Passage`: the
string as written, the text the reader sees (wrapped lines joined as :func:`model.clean_text`
joins them, ``{{metric}}`` references filled as the document fills them: both by
:mod:`reportgen.text`) and, for each
character of that text, the offset in the written string it came from, so that a finding
points at the exact line and column in the YAML.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from pydantic import ValidationError

from reportgen.errors import Location
from reportgen.model.loader import Loaded, PathKey, format_path
from reportgen.model.report import Metric
from reportgen.model.sourcemap import SourceMap, value_at
from reportgen.text.cleaning import clean_with_origin
from reportgen.text.references import METRIC_REF, fill_with_origin

SECTIONS = {"review": ("highlights", "shortcomings"), "plan": ("priorities",)}
# Roles of the passages that are prose: paragraphs split at blank lines, each ending a sentence.
PROSE = ("opening", "closing", "part_text", "section_intro")


# The value classes below are NamedTuples (immutable and compared by value, as frozen
# dataclasses are) and View a plain class: every check and build imports this module, and
# Python 3.11 spends ~0.45 ms creating each frozen dataclass, ~0.06 ms a NamedTuple.


class Passage(NamedTuple):
    """One string of the file, as written and as read."""

    path: PathKey
    role: str  # organisation, title, opening, closing, heading, lead, text, attachment,
    # section_title (titles:), section_intro (intros:), part_title and part_text (parts:), ...
    raw: str
    text: str
    origin: tuple[int, ...]  # origin[i]: offset in ``raw`` of ``text[i]``

    @property
    def where(self) -> str:
        return format_path(self.path)

    def paragraphs(self) -> Iterator[tuple[int, str]]:
        """(offset, paragraph) of each paragraph of the text (a blank line in YAML starts one)."""
        offset = 0
        for paragraph in self.text.split("\n"):
            yield offset, paragraph
            offset += len(paragraph) + 1


class PointView(NamedTuple):
    """A point of an item: its lead and text, and its sub-points."""

    path: PathKey
    lead: Passage | None
    text: Passage | None
    subpoints: list[Passage]  # （1）（2）…, role text


class ItemView(NamedTuple):
    """An item of a section or a part: its heading, its points, how it is laid out."""

    path: PathKey
    heading: Passage | None
    points: list[PointView]
    layout: str = "run-in"
    tables: bool = False  # tables of figures follow the item's text


class MetricView(NamedTuple):
    """An entry of ``metrics:``, as written and (when it is one) as a valid metric."""

    path: PathKey
    metric: Metric | None  # None when the entry is not a valid metric (schema reports that)
    raw: dict[str, Any]


class View:
    """A file as the rules read it: its passages in reading order, its items and metrics."""

    def __init__(self, loaded: Loaded, kind: str) -> None:
        self.loaded = loaded
        self.kind = kind
        self.passages: list[Passage] = []
        # the items of each section kind, and of each part (keyed parts/<id or title>)
        self.sections: dict[str, list[ItemView]] = {}
        self.metrics: list[MetricView] = []
        self.source: SourceMap | None = None  # made on the first finding's location

    @property
    def file(self) -> str:
        return self.loaded.file

    def metric_table(self) -> dict[str, Metric]:
        return {m.metric.id: m.metric for m in self.metrics if m.metric is not None}

    def locate(self, passage: Passage, offset: int = 0) -> Location:
        """The line and column of ``passage.text[offset]`` in the YAML source."""
        if passage.origin:
            raw_offset = passage.origin[min(max(offset, 0), len(passage.origin) - 1)]
        else:
            raw_offset = 0
        return self.locate_raw(passage, raw_offset)

    def locate_raw(self, passage: Passage, raw_offset: int) -> Location:
        """The line and column of ``passage.raw[raw_offset]``: the string as written."""
        if self.source is None:
            self.source = SourceMap.of(self.loaded)
        index = self.source.index(passage.path, passage.raw, raw_offset)
        if index is None:
            return self.loaded.locate(passage.path)
        line, column = self.source.position(index)
        return Location(self.file, line, column)

    def locate_after(self, passage: Passage, offset: int) -> Location:
        """Just after ``passage.text[offset]`` as written (after ``}}`` if it was filled in):
        where a missing full stop goes."""
        if not passage.text:
            return self.locate(passage)
        raw_offset = passage.origin[offset]
        if passage.raw[raw_offset] != passage.text[offset]:  # filled from {{metric}}
            raw_offset = passage.raw.find("}}", raw_offset) + 1
        at = self.locate_raw(passage, raw_offset)
        return Location(at.file, at.line, (at.column or 0) + 1)


def year_of(view: View) -> int | None:
    value = view.loaded.value
    year = value.get("year") if isinstance(value, dict) else None
    return year if isinstance(year, int) and not isinstance(year, bool) else None


def report_year(view: View) -> int | None:
    """The year of the report ``view``'s document is built into: a review's own, a plan's the
    year before (2022's review is built with the 2023 plan)."""
    year = year_of(view)
    return year - 1 if year is not None and view.kind == "plan" else year


def document_of(view: View, views: Sequence[View]) -> list[View]:
    """The views of ``view``'s document: itself, and the plan of next year built with a review
    (or the review a plan is built with). Other years' figures are other years'."""
    year = year_of(view)
    if year is None:
        return [view]
    partner = ("plan", year + 1) if view.kind == "review" else ("review", year - 1)
    return [view, *(v for v in views if (v.kind, year_of(v)) == partner)]


def build_view(loaded: Loaded, kind: str, valid: Sequence[Metric] | None = None) -> View:
    """The view of ``loaded``, a ``kind`` document. ``valid``: the metrics of the document
    when it validated as a whole (each its entry validated alone: the same metric)."""
    view = View(loaded, kind)
    value = loaded.value if isinstance(loaded.value, dict) else {}
    view.metrics = list(_metrics(value.get("metrics"), valid))
    table = view.metric_table()

    def passage(path: PathKey, role: str) -> Passage | None:
        raw = value_at(value, path)
        if not isinstance(raw, str) or not raw.strip():
            return None
        found = make_passage(path, role, raw, table)
        view.passages.append(found)
        return found

    def items(raw_items: Any, base: PathKey) -> list[ItemView]:
        found: list[ItemView] = []
        for i, item in enumerate(raw_items if isinstance(raw_items, list) else []):
            if not isinstance(item, dict):
                continue
            path = (*base, i)
            heading = passage((*path, "heading"), "heading")
            points: list[PointView] = []
            raw_points = item.get("points")
            for k, point in enumerate(raw_points if isinstance(raw_points, list) else []):
                point_path = (*path, "points", k)
                if isinstance(point, str):
                    points.append(PointView(point_path, None, passage(point_path, "text"), []))
                elif isinstance(point, dict):
                    lead = passage((*point_path, "lead"), "lead")
                    text = passage((*point_path, "text"), "text")
                    subs = point.get("subpoints")
                    sub_passages = [
                        p
                        for m in range(len(subs) if isinstance(subs, list) else 0)
                        if (p := passage((*point_path, "subpoints", m), "text")) is not None
                    ]
                    points.append(PointView(point_path, lead, text, sub_passages))
                else:  # not a point (the schema says so); still a point for the structure
                    points.append(PointView(point_path, None, None, []))
            layout = item.get("layout") if item.get("layout") in ("run-in", "list") else "run-in"
            found.append(ItemView(path, heading, points, layout, bool(item.get("tables"))))
        return found

    for key in ("organisation", "title"):
        passage((key,), key)
    titles = value.get("titles")
    for key in titles if isinstance(titles, dict) else {}:
        passage(("titles", key), "section_title")
    intros = value.get("intros")
    for key in intros if isinstance(intros, dict) else {}:
        passage(("intros", key), "section_intro")
    parts = value.get("parts")
    parts = [p for p in enumerate(parts if isinstance(parts, list) else [])]
    passage(("opening",), "opening")

    def part(i: int, raw: Any) -> None:
        if not isinstance(raw, dict):
            return
        passage(("parts", i, "title"), "part_title")
        passage(("parts", i, "text"), "part_text")
        name = raw.get("id") or raw.get("title") or i
        view.sections[f"parts/{name}"] = items(raw.get("items"), ("parts", i, "items"))

    sections = SECTIONS.get(kind, ())
    for i, raw in parts:
        if isinstance(raw, dict) and raw.get("after") == "opening":
            part(i, raw)
    for section in sections:
        raw_items = value.get(section)
        if section in value or isinstance(raw_items, list):
            view.sections[section] = items(raw_items, (section,))
        for i, raw in parts:
            after = raw.get("after") if isinstance(raw, dict) else None
            if after == section or (
                after not in sections and after != "opening" and section == sections[-1]
            ):
                part(i, raw)
    passage(("closing",), "closing")
    attachments = value.get("attachments")
    if isinstance(attachments, list):
        for i in range(len(attachments)):
            passage(("attachments", i), "attachment")
    passage(("signature", "name"), "signature")
    for metric in view.metrics:
        passage((*metric.path, "label"), "label")
        passage((*metric.path, "period"), "period")
    return view


def _metrics(entries: Any, valid: Sequence[Metric] | None) -> Iterator[MetricView]:
    if not isinstance(entries, list):
        return
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        if valid is not None:  # validating one alone first built Metric's validator (~0.4 ms)
            yield MetricView(("metrics", i), valid[i], entry)
            continue
        try:
            metric: Metric | None = Metric.model_validate(entry)
        except ValidationError:
            metric = None
        yield MetricView(("metrics", i), metric, entry)


def make_passage(path: PathKey, role: str, raw: str, metrics: dict[str, Metric]) -> Passage:
    text, origin = clean_with_origin(raw)
    text, origin = fill_with_origin(text, origin, metrics)
    return Passage(path, role, raw, text, tuple(origin))


def metric_refs(passage: Passage) -> Iterator[tuple[int, str, str | None]]:
    """(raw offset, id, field) of every ``{{id.field}}`` reference written in a passage."""
    for match in METRIC_REF.finditer(passage.raw):
        yield match.start(), match["id"], match["field"]

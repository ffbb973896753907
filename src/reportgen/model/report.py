"""The typed model of a year's review (工作总结) and a year's plan (工作思路).

Everything downstream (render, check, diff, track, import) reads these classes and nothing
else. Numbering (一、 （一） 1. （1）) is never stored: it follows from the order of items.
"""

# No ``from __future__ import annotations`` here: pydantic would evaluate every field's
# annotation string again for each class down the hierarchy (~0.5 ms of every cold command).

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from reportgen.model.texts import Cell, Line, Plain, Text
from reportgen.text.numbering import number_marker

Row = Annotated[list[Cell], Field(min_length=1)]  # a table's row: its cells, left to right
Table = Annotated[list[Row], Field(min_length=1)]  # its rows; the first is the header
Id = Annotated[
    str, Field(pattern=r"^[\w-]+$", description="a stable name: letters, digits, _ and -")
]
Number = int | Annotated[float, Field(allow_inf_nan=False)]  # .inf and .nan are no figures


# Items are numbered （一） to （九千九百九十九）; a section never needs more.
MAX_ITEMS = 9999


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)


# Built at import, not deferred: a model both the review and the plan hold, built once, is
# reused by both, where a deferred one is built again inside each (and Metric a third time
# for the references' check): ~0.7 ms less over a cold build or check.
_SHARED = ConfigDict(defer_build=False)


class Point(_Strict):
    """One point of an item. ``lead`` is the phrase it opens with (慎终如始筑牢疫情防线),
    rendered before the text with a full-width comma and optionally in bold."""

    model_config = _SHARED

    lead: Line | None = Field(default=None, description="引领短语, e.g. 稳进提质统筹经济指标")
    text: Line = Field(description="the point's text, after the lead phrase")
    # default=[] rather than default_factory=list: pydantic copies a mutable default for each
    # instance, and inspecting a builtin factory's signature cost ~5 ms of every cold check.
    subpoints: list[Line] = Field(
        default=[],
        description="numbered sub-points （1）（2）…: run in after the point's text, or each "
        "its own paragraph when the item's layout is list",
    )

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        # A point with no lead phrase can be written as a bare string.
        return {"text": data} if isinstance(data, str) else data

    @property
    def full_text(self) -> str:
        return f"{self.lead}，{self.text}" if self.lead else self.text

    @property
    def all_text(self) -> str:
        """:attr:`full_text` with its sub-points numbered （1）（2）… after it."""
        marked = (f"{number_marker(4, k)}{sub}" for k, sub in enumerate(self.subpoints, 1))
        return self.full_text + "".join(marked)


class Item(_Strict):
    """A numbered item （一）…: a run-in heading sentence, then its points."""

    id: Id | None = Field(default=None, description="stable name used by diff and track")
    heading: Line = Field(description="小标题, e.g. 社会发展开拓新局面 (the full stop is added)")
    points: list[Point] = Field(default=[])
    layout: Literal["run-in", "list"] = Field(
        default="run-in",
        description="run-in: points follow the heading in one paragraph; "
        "list: each point is its own paragraph numbered 1. 2. …",
    )
    tables: list[Table] = Field(
        default=[],
        description="tables of figures after the item's text: each a list of rows, each row a "
        "list of cells; the first row is the header",
    )


class Highlight(Item):
    """亮点工作 / 主要成绩."""

    reports_on: list[Id] = Field(
        default=[], description="ids of last year's plan priorities this item reports on"
    )


class Shortcoming(Item):
    """存在问题及短板."""


class Priority(Item):
    """重点工作 of a plan."""

    answers: list[Id] = Field(
        default=[], description="ids of the review's shortcomings this priority answers"
    )


class Metric(_Strict):
    """A key figure, written once and referred to from the text as ``{{id}}``."""

    model_config = _SHARED

    id: Id
    label: Line = Field(description="指标名称, e.g. 规上工业总产值")
    value: Number
    unit: Plain = Field(default="", description="e.g. 万元, 亿元, 人, %")
    period: Plain | None = Field(default=None, description="e.g. 1-9月, 全年")
    previous: Number | None = Field(default=None, description="last year's value, same unit")
    change: float | None = Field(
        default=None,
        allow_inf_nan=False,
        description="stated year-on-year change in percent; negative for 下降",
    )


class Signature(_Strict):
    """落款: the signing organisation and the date."""

    model_config = _SHARED

    name: Line
    date: dt.date


class _Document(_Strict):
    organisation: Line = Field(
        description="单位名称, e.g. *街道 (quote a value that starts with *)"
    )
    year: int = Field(ge=1949, le=2100)
    title: Line | None = Field(
        default=None,
        description="overrides the generated title: a review's is the whole title, "
        "also when built with the next year's plan",
    )
    opening: Text | None = Field(
        default=None, description="开头段; a blank line starts a paragraph"
    )
    closing: Text | None = Field(default=None, description="结尾段")
    metrics: list[Metric] = Field(default=[])
    signature: Signature | None = None
    attachments: list[Line] = Field(default=[], description="附件 notes")

    def metric(self, metric_id: str) -> Metric | None:
        return next((m for m in self.metrics if m.id == metric_id), None)


def _item_list(annotation: Any) -> type[Item] | None:
    """The kind of item of a section (``list[Highlight]``); None for any other annotation."""
    args = getattr(annotation, "__args__", ())
    if len(args) == 1 and isinstance(args[0], type) and issubclass(args[0], Item):
        return args[0]
    return None


def _item_lists(model: type[_Document]) -> dict[str, type[Item]]:
    found = {name: _item_list(info.annotation) for name, info in model.model_fields.items()}
    return {name: item for name, item in found.items() if item is not None}


# A kind of document's own fields: its kind, then its sections (a list of one kind of item
# each). Fields given to _document_model, not a class of their own between _Document and the
# document's model: each class level cost a cold command ~0.3 ms to make.
_REVIEW_SECTIONS: dict[str, Any] = {  # 亮点工作 and 存在问题及短板
    "kind": (Literal["review"], "review"),
    "highlights": (list[Highlight], Field(default=[], max_length=MAX_ITEMS)),
    "shortcomings": (list[Shortcoming], Field(default=[], max_length=MAX_ITEMS)),
}
_PLAN_SECTIONS: dict[str, Any] = {  # 重点工作
    "kind": (Literal["plan"], "plan"),
    "priorities": (list[Priority], Field(default=[], max_length=MAX_ITEMS)),
}


class Part(_Strict):
    """A part of the document none of the section kinds covers (一、基本情况, 四、意见建议),
    kept in its place: its title, prose and items, numbered 一、二、… with the sections."""

    id: Id | None = Field(default=None, description="stable name used by diff")
    title: Line = Field(description="the part's title, without its number, e.g. 基本情况")
    after: str | None = Field(
        default=None,
        description="where it stands: opening, or a section kind of this document; "
        "default: after the last section",
    )
    text: Text | None = Field(default=None, description="prose; a blank line starts a paragraph")
    items: list[Item] = Field(default=[], max_length=MAX_ITEMS)

    @model_validator(mode="before")
    @classmethod
    def _from_any_part(cls, data: Any) -> Any:
        # A part made in code as a Part (the importer's) is a review's or a plan's part once
        # its ``after`` is checked against that document's section kinds.
        if isinstance(data, Part) and not isinstance(data, cls):
            return {name: getattr(data, name) for name in data.model_fields_set}
        return data

    @property
    def key(self) -> str:
        """Its name as a section for diff and track: ``parts/<id or title>``."""
        return f"parts/{self.id or self.title}"


def _titles_model(name: str, sections: tuple[str, ...]) -> type[_Strict]:
    """The ``titles:`` mapping of a document: one optional title per section kind it holds."""
    fields: dict[str, Any] = {
        key: (Line | None, Field(default=None, description=f"the title of {key}, without 一、"))
        for key in sections
    }
    return create_model(
        name, __base__=_Strict, __doc__=f"Own titles of {name[:-6]} sections.", **fields
    )


def _intros_model(name: str, sections: tuple[str, ...]) -> type[_Strict]:
    """The ``intros:`` mapping of a document: prose under a section's title, before its
    items (the paragraph an author writes directly under 一、主要工作及成效)."""
    fields: dict[str, Any] = {
        key: (
            Text | None,
            Field(default=None, description=f"prose under the title of {key}, before its items"),
        )
        for key in sections
    }
    return create_model(
        name, __base__=_Strict, __doc__=f"Intros of {name[:-6]} sections.", **fields
    )


def _part_model(name: str, sections: tuple[str, ...]) -> type[Part]:
    after = Literal[("opening", *sections)]  # type: ignore[valid-type]
    return create_model(
        name,
        __base__=Part,
        __doc__=Part.__doc__,
        after=(after | None, Part.model_fields["after"]),
    )


def _document_model(kind: str, own_fields: dict[str, Any], doc: str) -> Any:
    """The model of a kind of document: :class:`_Document`'s fields, ``own_fields`` (its kind
    and its sections, as ``create_model`` takes them), and the three fields every kind of
    document has beside its sections, decided here once for any kind from the section
    registry: ``titles`` and ``intros`` (one optional entry per section kind the document
    holds) and ``parts`` (whose ``after`` names one of them, or opening). Their models are
    named ``<kind>Titles``, ``<kind>Intros`` and ``<kind>Part``, the names the JSON Schema's
    definitions carry."""
    sections = tuple(name for name, (annotation, _) in own_fields.items() if _item_list(annotation))
    titles = _titles_model(f"{kind}Titles", sections)
    intros = _intros_model(f"{kind}Intros", sections)
    part = _part_model(f"{kind}Part", sections)
    fields: dict[str, Any] = {
        # default_factory=lambda: X.model_construct() and default=[], not default_factory=X or
        # list: pydantic inspects a factory's signature; a lambda's is the cheapest (0.01 ms
        # against a model class's 0.07) and a builtin's the dearest (see Point.subpoints).
        # model_construct() is X() with every field at its default (None), without building
        # X's own validator at the first document: ~0.2 ms for each of the four.
        "titles": (
            titles,
            Field(
                default_factory=lambda: titles.model_construct(),
                description="the author's own section titles",
            ),
        ),
        "intros": (
            intros,
            Field(
                default_factory=lambda: intros.model_construct(),
                description="prose under a section's title, before its items",
            ),
        ),
        "parts": (
            list[part],  # type: ignore[valid-type]
            Field(default=[], description="parts none of the section kinds covers"),
        ),
    }
    return create_model(
        kind, __base__=_Document, __module__=__name__, __doc__=doc, **own_fields, **fields
    )


def _own_model(document: type[_Document], field: str) -> Any:
    """The model of one of :func:`_document_model`'s fields of ``document``: ``titles``
    and ``intros`` hold one, ``parts`` a list of one."""
    annotation = document.model_fields[field].annotation
    return annotation.__args__[0] if field == "parts" else annotation  # type: ignore[union-attr]


# A kind of document: its sections, then titles, intros and parts for them. Made by
# create_model, not written as a subclass of it: each class costs a cold command ~0.4 ms.
Review = _document_model(
    "Review",
    _REVIEW_SECTIONS,
    "A year's review: 亮点工作 and 存在问题及短板, and the author's own titles and parts.",
)
Plan = _document_model(
    "Plan", _PLAN_SECTIONS, "A year's plan: 重点工作, and the author's own titles and parts."
)
ReviewTitles = _own_model(Review, "titles")
PlanTitles = _own_model(Plan, "titles")
ReviewIntros = _own_model(Review, "intros")
PlanIntros = _own_model(Plan, "intros")
ReviewPart = _own_model(Review, "parts")
PlanPart = _own_model(Plan, "parts")


class Report(BaseModel):
    """What gets built: a review, the next year's plan, or both combined."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    review: Review | None = None
    plan: Plan | None = None

    @model_validator(mode="after")
    def _has_content(self) -> "Report":
        if self.review is None and self.plan is None:
            raise ValueError("a report needs a review or a plan")
        return self

    @property
    def organisation(self) -> str:
        return (self.review or self.plan).organisation  # type: ignore[union-attr]

    @property
    def title(self) -> str:
        if self.review is not None:
            # The review's own title is the document's whole title, verbatim, with or without
            # the plan (某街道2022年工作总结和2023年工作计划): only the generated one is joined.
            if self.review.title:
                return self.review.title
            title = f"{self.review.organisation}{self.review.year}年工作总结"
            if self.plan is not None:
                title += f"及{self.plan.year}年工作思路"
            return title
        assert self.plan is not None
        return self.plan.title or f"{self.plan.organisation}{self.plan.year}年工作思路"

    @property
    def metrics(self) -> list[Metric]:
        return [
            *(self.review.metrics if self.review else []),
            *(self.plan.metrics if self.plan else []),
        ]


# The registry of section kinds, read off the model: every list of items of a review or a plan
# is a section (一、亮点工作 …), in the order the document gives them. Everything that names a
# section kind (the templates' sections.yaml, compose, validation, import, diff, track) reads it
# here, so a new kind of section is a new field above and nothing else.
SECTION_ITEMS: dict[str, type[Item]] = {**_item_lists(Review), **_item_lists(Plan)}
REVIEW_SECTIONS: tuple[str, ...] = tuple(_item_lists(Review))
PLAN_SECTIONS: tuple[str, ...] = tuple(_item_lists(Plan))
SECTION_KINDS: tuple[str, ...] = (*REVIEW_SECTIONS, *PLAN_SECTIONS)


def sections_of(document: "_Document") -> tuple[str, ...]:
    """The section kinds ``document`` holds (a review's or a plan's)."""
    return PLAN_SECTIONS if isinstance(document, Plan) else REVIEW_SECTIONS

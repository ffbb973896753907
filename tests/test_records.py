"""reportgen.records: each hand-written value class behaves as the frozen dataclass it
stands for (the one its fields describe, made here by dataclasses itself)."""

from __future__ import annotations

import dataclasses
import inspect
import re
from typing import Any

import pytest

from reportgen.compose.document import Block, Composed, ItemRef, MetricRow, Origin, Span
from reportgen.errors import Location, Problem
from reportgen.records import Record, set_field
from reportgen.render.docx import Table

NO = dataclasses.MISSING
# Each class: its fields in order as (name, default, compared and shown), then two sets of
# arguments: values for every field, and values that differ in every compared field.
ORIGIN = Origin("review", ("highlights", 0, "heading"), (0, 1, -1))
REF = ItemRef("review", "highlights", "亮点工作", 1, None, "甲", ("乙",))
SPECS: list[tuple[type[Record], list[tuple[str, Any, bool]], tuple[Any, ...], tuple[Any, ...]]] = [
    (
        Origin,
        [("document", NO, True), ("path", NO, True), ("offsets", (), True)],
        ("review", ("opening",), (0, 1)),
        ("plan", ("closing",), (2,)),
    ),
    (
        Span,
        [("text", NO, True), ("role", "text", True), ("origin", None, False)],
        ("甲。", "heading", ORIGIN),
        ("乙", "lead", ORIGIN),
    ),
    (
        ItemRef,
        [
            ("document", NO, True),
            ("section", NO, True),
            ("section_title", NO, True),
            ("index", NO, True),
            ("id", NO, True),
            ("heading", NO, True),
            ("points", NO, True),
            ("layout", "run-in", True),
            ("references", (), True),
            ("items_path", (), True),
            ("tables", (), True),
        ],
        ("review", "highlights", "亮点", 1, "a", "甲", ("乙",), "list", ("x",), ("p",), ("t",)),
        ("plan", "priorities", "重点", 2, None, "丙", (), "run-in", (), (), ()),
    ),
    (
        Block,
        [
            ("kind", NO, True),
            ("spans", NO, True),
            ("level", 0, True),
            ("section", None, True),
            ("item", None, True),
            ("rows", (), True),
        ],
        ("paragraph", (Span("甲"),), 2, "highlights", REF, (("a", "b"),)),
        ("table", (Span("乙"),), 0, None, None, ()),
    ),
    (
        MetricRow,
        [
            ("label", NO, True),
            ("period", NO, True),
            ("value", NO, True),
            ("unit", NO, True),
            ("change", NO, True),
            ("id", "", True),
        ],
        ("人口", "年末", "3.2", "万人", "+1%", "p"),
        ("产值", "1-9月", "5", "亿元", "", ""),
    ),
    (
        Table,
        [
            ("caption", NO, True),
            ("header", NO, True),
            ("rows", NO, True),
            ("shares", NO, True),
            ("align", NO, True),
        ],
        ("表", ("a", "b"), (("1", "2"),), (0.5, 0.5), ("left", "center")),
        ("", ("c",), (), (1.0,), ("right",)),
    ),
    (
        Location,
        [("file", NO, True), ("line", None, True), ("column", None, True)],
        ("data/2022.yaml", 3, 7),
        ("data/2023_plan.yaml", 4, 1),
    ),
    (
        Problem,
        [
            ("location", NO, True),
            ("message", NO, True),
            ("path", "", True),
            ("rule", "schema", True),
            ("severity", "error", True),
            ("hint", "", True),
            ("fix", None, True),
        ],
        (Location("a.yaml", 1, 2), "缺少标题", "highlights[0]", "schema", "error", "补上", "甲"),
        (Location("b.yaml"), "多余的键", "", "punct-doubled", "warning", "", None),
    ),
]


def dataclass_of(cls: type, fields: list[tuple[str, Any, bool]]) -> type:
    return dataclasses.make_dataclass(
        cls.__name__,
        [
            (name, Any, dataclasses.field(default=default, compare=shown, repr=shown))
            for name, default, shown in fields
        ],
        frozen=True,
    )


@pytest.mark.parametrize(("cls", "fields", "values", "other"), SPECS)
def test_a_record_is_its_frozen_dataclass(
    cls: type[Record], fields: list[tuple[str, Any, bool]], values: tuple, other: tuple
) -> None:
    ref = dataclass_of(cls, fields)
    assert [(p.name, p.default, p.kind) for p in inspect.signature(cls).parameters.values()] == [
        (p.name, p.default, p.kind) for p in inspect.signature(ref).parameters.values()
    ]
    assert cls.__match_args__ == ref.__match_args__  # type: ignore[attr-defined]
    mine, theirs = cls(*values), ref(*values)
    assert repr(mine) == repr(theirs)
    assert hash(mine) == hash(theirs)
    assert mine == cls(*values)
    assert mine != cls(*other) and hash(mine) != hash(cls(*other))
    assert mine != theirs and mine != values  # another class, a plain tuple: never equal
    # Keywords and defaults: only the fields without a default are needed.
    required = {name: value for (name, default, _), value in zip(fields, values, strict=True)}
    assert cls(**required) == mine
    minimal = {name: required[name] for name, default, _ in fields if default is NO}
    assert repr(cls(**minimal)) == repr(ref(**minimal))
    for name, _, _ in fields:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(mine, name, None)
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(mine, name)
        assert getattr(mine, name) == required[name]


def test_every_record_is_held_to_its_dataclass() -> None:
    made_here = {cls for cls in Record.__subclasses__() if cls.__module__ == __name__}
    assert set(Record.__subclasses__()) - made_here == {cls for cls, *_ in SPECS}


def test_a_span_compares_and_shows_without_its_origin() -> None:
    a = Span("甲", origin=Origin("review", ("opening",)))
    b = Span("甲", origin=Origin("plan", ("closing",), (3,)))
    assert a == b and hash(a) == hash(b)
    assert repr(a) == "Span(text='甲', role='text')"
    assert a.origin is not None and a.origin.path == ("opening",)


def test_records_are_found_in_sets_and_matched_by_position() -> None:
    blocks = {Block("title", (Span("题"),)), Block("title", (Span("题"),))}
    assert len(blocks) == 1
    match Block("heading", (Span("一、", "number"),), 1):
        case Block("heading", spans, level):
            assert (spans[0].text, level) == ("一、", 1)
        case _:
            pytest.fail("a Block is matched by its fields' positions")


def test_composed_is_a_mutable_value() -> None:
    a = Composed("题")
    assert (a.blocks, a.metrics) == ([], [])
    assert a.blocks is not Composed("题").blocks  # each its own list
    a.blocks.append(Block("title", (Span("题"),)))
    b = Composed(title="题", blocks=[Block("title", (Span("题"),))])
    assert a == b and a != Composed("题") and a != "题"
    assert repr(Composed("题")) == "Composed(title='题', blocks=[], metrics=[])"
    with pytest.raises(TypeError):
        hash(a)
    a.metrics = [MetricRow("人口", "年末", "3", "万人", "")]
    assert a != b


# A Record subclass made inside a test: every class above is made when its module is
# imported, before any test runs, so what ``__init_subclass__`` decides is pinned here.
def make_record(fields: tuple[str, ...], compared: tuple[str, ...] | None = None) -> type[Record]:
    names: dict[str, Any] = {"_fields": fields, "__slots__": fields, "__module__": __name__}
    if compared is not None:
        names["_compared"] = compared

    def __init__(self: Record, *values: Any) -> None:
        for name, value in zip(fields, values, strict=True):
            set_field(self, name, value)

    names["__init__"] = __init__
    return type("Made", (Record,), names)


def test_a_subclass_compares_and_matches_all_its_fields_unless_told() -> None:
    made = make_record(("a", "b", "c"))
    assert made._compared == ("a", "b", "c")
    assert made.__match_args__ == ("a", "b", "c")
    assert made(1, 2, 3) == made(1, 2, 3)
    assert made(1, 2, 3) != made(1, 2, 4)
    assert repr(made(1, "x", None)) == "Made(a=1, b='x', c=None)"
    assert hash(made(1, 2, 3)) == hash((1, 2, 3))


def test_a_subclass_keeps_the_compared_fields_it_names() -> None:
    made = make_record(("a", "b", "c"), compared=("a", "b"))
    assert made._compared == ("a", "b")
    assert made.__match_args__ == ("a", "b", "c")  # every field, compared or not
    assert made(1, 2, 3) == made(1, 2, 4)
    assert made(1, 2, 3) != made(1, 5, 3)
    assert repr(made(1, 2, 3)) == "Made(a=1, b=2)"
    assert hash(made(1, 2, 3)) == hash((1, 2))


ONE_NAME = "^" + re.escape("attrgetter of one name gives the value, not a tuple") + "$"


def test_two_compared_fields_are_enough_and_one_is_refused() -> None:
    made = make_record(("a", "b"))
    assert made(1, 2) == made(1, 2) and made(1, 2) != made(2, 1)
    with pytest.raises(AssertionError, match=ONE_NAME):
        make_record(("a",))
    with pytest.raises(AssertionError, match=ONE_NAME):
        make_record(("a", "b"), compared=("a",))

"""settings.plain.construct: the layout built without pydantic's validator is the one
``model_validate`` returns, and anything not plainly valid is left to pydantic."""

from __future__ import annotations

import copy
import warnings
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator, validator

from reportgen.settings.layout import LAYOUT_FILE, Layout, PageNumber, load_layout
from reportgen.settings.plain import construct
from reportgen.settings.templating import Templates


def shipped() -> dict[str, Any]:
    templates = Templates(None)
    path = templates.find(LAYOUT_FILE)
    assert path is not None
    loaded = templates.load(path)
    assert loaded is not None
    return copy.deepcopy(loaded.value)


def test_the_shipped_layout_is_built_plainly_as_pydantic_builds_it() -> None:
    data = shipped()
    built = construct(Layout, data)
    assert built is not None
    assert repr(built) == repr(Layout.model_validate(data))  # tells 210 from 210.0, as == not
    assert built == Layout.model_validate(data)
    assert built.model_fields_set == set(Layout.model_fields)
    assert type(built.page.width_mm) is float  # 210 in the file
    assert built.page.width_mm == 210.0
    assert repr(load_layout(Templates(None))) == repr(built)


def changed(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    data = shipped()
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("page", "width_mm"), 200),  # an int for a float: a float
        (("page", "width_mm"), 1000),  # le=1000, on the bound
        (("page", "margin_top_mm"), 0),  # ge=0, on the bound
        (("page", "margin_top_mm"), 12.5),
        (("title", "font"), "  方正小标宋简体 "),  # stripped by the validator
        (("latin_font",), "A" * 31),  # the longest name Word keeps
        (("font_alternates",), {" 仿宋_GB2312 ": " 仿宋 ", "黑体": "SimHei"}),
        (("font_alternates",), {}),
        (("language",), "en"),
        (("language",), "zh-CN"),
        (("language",), "haw"),
        (("page_number", "format"), "第{page}页"),
        (("table", "columns"), ["a", "b", "c", "d", "e"]),
        (("grid", "lines_per_page"), 22),
        (("bold_leads",), False),
    ],
)
def test_plainly_valid_values_build_as_pydantic_builds_them(
    path: tuple[str, ...], value: Any
) -> None:
    data = changed(path, value)
    built = construct(Layout, data)
    assert built is not None
    assert repr(built) == repr(Layout.model_validate(data))


@pytest.mark.parametrize(
    ("path", "value", "valid"),
    [
        (("page", "width_mm"), "210", True),  # pydantic reads the text as a number: not plain
        (("page", "width_mm"), True, True),  # pydantic reads True as 1.0
        (("page", "width_mm"), 0, False),  # gt=0
        (("page", "width_mm"), 1000.5, False),
        (("page", "width_mm"), float("nan"), False),
        (("page", "width_mm"), float("inf"), False),
        (("page", "margin_top_mm"), -1, False),
        (("grid", "lines_per_page"), 22.0, True),  # an int given as a float
        (("grid", "lines_per_page"), True, True),
        (("bold_leads",), "yes", True),
        (("bold_leads",), 1, True),
        (("title", "font"), "   ", False),  # the validator refuses it
        (("title", "font"), "A" * 32, False),
        (("title", "font"), 12, False),
        (("font_alternates",), {"宋体": ""}, False),
        (("font_alternates",), {1: "宋体"}, False),
        (("font_alternates",), [], False),
        (("language",), "EN", False),
        (("language",), "en\n", False),  # Python's $ would let it through
        (("language",), "zh-cn", False),
        (("page_number", "format"), "{page} {page}", False),
        (("page_number", "format"), "— {pages} —", False),
        (("table", "columns"), ["a", "b", "c", "d"], False),
        (("table", "columns"), ["a", "b", "c", "d", 5], False),
        (("table", "columns"), ("a", "b", "c", "d", "e"), True),  # not what YAML gives
        (("page",), None, False),
        (("page",), "A4", False),
        (("page", "paper"), "A4", False),  # an unknown key
        (("unknown",), 1, False),
    ],
)
def test_anything_else_is_left_to_pydantic(path: tuple[str, ...], value: Any, valid: bool) -> None:
    data = changed(path, value)
    assert construct(Layout, data) is None
    if valid:
        Layout.model_validate(data)
    else:
        with pytest.raises(ValidationError):
            Layout.model_validate(data)


def test_a_missing_key_is_left_to_pydantic() -> None:
    data = shipped()
    del data["page"]["width_mm"]
    assert construct(Layout, data) is None
    del data["metrics_table"]
    assert construct(Layout, data) is None


def test_a_field_validator_is_applied() -> None:
    data = shipped()["page_number"]
    data["format"] = "- {page} -"
    built = construct(PageNumber, data)
    assert built is not None and built.format == "- {page} -"


def test_a_model_whose_settings_change_validation_is_left_to_pydantic() -> None:
    class Strict(BaseModel):
        model_config = ConfigDict(extra="forbid", strict=True)
        size: float

    class Loose(BaseModel):
        size: float

    assert construct(Strict, {"size": 1}) is None
    assert construct(Loose, {"size": 1}) is None  # extra keys would be ignored, not refused


def leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in the shipped layout, mappings included."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += leaves(inner, (*path, key))
    return found


SHIPPED = shipped()
PATHS = leaves(SHIPPED)


def at(path: tuple[Any, ...]) -> Any:
    value = SHIPPED
    for part in path:
        value = value[part]
    return value


def like(value: Any) -> st.SearchStrategy[Any]:
    """Values of the shipped value's kind, in and out of every bound, and now and then of
    another kind altogether."""
    if isinstance(value, bool):
        kind: st.SearchStrategy[Any] = st.booleans()
    elif isinstance(value, int | float):
        kind = st.one_of(
            st.integers(min_value=-3, max_value=1100),
            st.floats(min_value=-20, max_value=1100),
            st.sampled_from([0, 0.0, 1000, 1000.0, 200, 200.5, 50, 10, -10, 100, 101]),
        )
    elif isinstance(value, str):
        kind = st.one_of(
            st.text(max_size=35),
            st.sampled_from(["en", "zh-CN", "EN", "en\n", "— {page} —", "{page}{page}", "a}"]),
        )
    elif isinstance(value, list):
        kind = st.lists(st.text(max_size=4), min_size=3, max_size=7)
    elif isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        kind = st.dictionaries(st.text(max_size=33), st.text(max_size=33), max_size=3)
    else:
        # A copy: the example may change inside it, and SHIPPED (which the strategies are
        # drawn from) must stay as shipped, or hypothesis replays a different test.
        kind = st.just(value).map(copy.deepcopy)
    other = st.one_of(st.none(), st.text(max_size=3), st.integers(), st.lists(st.none()))
    return st.one_of(kind, kind, kind, other)


CHANGES = st.lists(
    st.sampled_from(PATHS).flatmap(lambda path: st.tuples(st.just(path), like(at(path)))),
    max_size=3,
)


@settings(max_examples=300, deadline=None)
@given(changes=CHANGES)
def test_whatever_it_builds_is_what_pydantic_builds(changes: list[tuple[Any, Any]]) -> None:
    data = shipped()
    for path, value in changes:
        data = changed_in(data, path, value)
    built = construct(Layout, data)
    if built is None:
        return  # pydantic decides, as before
    assert repr(built) == repr(Layout.model_validate(data))


def changed_in(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    target = data
    for part in path[:-1]:
        if not isinstance(target, dict) or part not in target:
            return data  # an earlier change replaced the mapping this path went through
        target = target[part]
    if isinstance(target, dict):
        target[path[-1]] = value
    return data


# Small models of the kinds the layout does not have, for what ``construct`` leaves to pydantic.
class Below(BaseModel):
    model_config = ConfigDict(extra="forbid")
    size: float = Field(lt=10)


def test_a_value_under_an_exclusive_bound_is_built_and_the_bound_itself_is_not() -> None:
    built = construct(Below, {"size": 5})
    assert built is not None and built.size == 5.0 and type(built.size) is float
    assert construct(Below, {"size": 10}) is None
    assert construct(Below, {"size": 10.5}) is None


class Pattern(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(pattern=r"^\d+$")


class Coerced(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(coerce_numbers_to_str=True)


def test_a_pattern_with_an_escape_and_an_unknown_setting_are_left_to_pydantic() -> None:
    # \d is not the same class in Rust's regex (Unicode digits) as in Python's: doubt.
    assert construct(Pattern, {"code": "12"}) is None
    # pydantic's general metadata holding anything but a pattern: doubt.
    assert construct(Coerced, {"code": "12"}) is None


class Aliased(BaseModel):
    model_config = ConfigDict(extra="forbid")
    size: float = Field(validation_alias="width")


class OldValidator(BaseModel):
    model_config = ConfigDict(extra="forbid")
    size: float

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # pydantic 1's @validator

        @validator("size")
        @classmethod
        def doubled(cls, value: float) -> float:
            return value * 2


class WholeModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    size: float

    @model_validator(mode="after")
    def checked(self) -> WholeModel:
        return self


@pytest.mark.parametrize("cls", [Aliased, OldValidator, WholeModel])
def test_an_alias_or_a_validator_it_does_not_run_is_left_to_pydantic(cls: type[BaseModel]) -> None:
    assert construct(cls, {"size": 1.0}) is None

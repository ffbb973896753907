"""A settings model built from data that plainly passes its checks, without pydantic's validator.

pydantic builds a model's validator (its core schema) the first time it validates one: for the
layout's 13 models that cost ~2.5 ms of every build and check, to accept the same shipped
layout.yaml every time. :func:`construct` reads the model's own fields (their types, bounds and
validators: the facts stay in the model) and, for input that is exactly of those types and
within those bounds, builds the model as ``model_validate`` would, value for value (an int
given for a float becomes that float, a font name is stripped by its validator…). Anything
else (a missing or unknown key, a string where a number goes, a number out of range, a type or
constraint this module does not know) is doubt: it returns ``None`` and the caller validates
with pydantic, which accepts it or words the errors, so every error stays as it was.
"""

from __future__ import annotations

import re
import typing
from typing import Any, TypeVar

import annotated_types
from pydantic import AfterValidator, BaseModel

M = TypeVar("M", bound=BaseModel)


class _Doubt(Exception):
    """The input is not plainly valid: let pydantic decide."""


# The settings that do not change what validation accepts or returns.
_KNOWN_CONFIG = {"extra", "frozen", "defer_build"}


def construct(cls: type[M], value: Any) -> M | None:
    """``cls.model_validate(value)`` when ``value`` plainly passes, built without pydantic's
    validator; ``None`` when in any doubt."""
    try:
        return _model(cls, value)
    except _Doubt:
        return None


def _model(cls: type[M], value: Any) -> M:
    decorators = cls.__pydantic_decorators__
    if (
        cls.model_config.get("extra") != "forbid"
        or cls.model_config.keys() - _KNOWN_CONFIG  # strict, str_strip_whitespace…
        or decorators.model_validators
        or decorators.validators
        or decorators.root_validators
        or type(value) is not dict
        or value.keys() != cls.model_fields.keys()  # a missing or an unknown key
    ):
        raise _Doubt
    fields = {}
    for name, info in cls.model_fields.items():
        if info.alias is not None or info.validation_alias is not None:
            raise _Doubt
        fields[name] = _value(info.annotation, info.metadata, value[name])
    for decorator in decorators.field_validators.values():
        if decorator.info.mode != "after":
            raise _Doubt
        for name in decorator.info.fields:
            fields[name] = _checked(decorator.func, fields[name])
    return cls.model_construct(**fields)


def _value(kind: Any, metadata: list[Any], value: Any) -> Any:
    if kind is float and type(value) in (int, float):  # not bool: pydantic reads True as 1.0
        out: Any = float(value)
    elif kind in (int, bool, str) and type(value) is kind:
        out = value
    elif isinstance(kind, type) and BaseModel in kind.__mro__:  # not issubclass: ABC's caches
        out = _model(kind, value)
    elif typing.get_origin(kind) is list and type(value) is list:
        (item,) = typing.get_args(kind)
        out = [_annotated(item, v) for v in value]
    elif typing.get_origin(kind) is dict and type(value) is dict:
        key, item = typing.get_args(kind)
        out = {_annotated(key, k): _annotated(item, v) for k, v in value.items()}
    else:
        raise _Doubt
    for rule in metadata:
        out = _constrained(rule, out)
    return out


def _annotated(kind: Any, value: Any) -> Any:
    if typing.get_origin(kind) is typing.Annotated:
        base, *metadata = typing.get_args(kind)
        return _value(base, metadata, value)
    return _value(kind, [], value)


def _constrained(rule: Any, value: Any) -> Any:
    """``value`` after one of a field's constraints or validators (in their order)."""
    if isinstance(rule, annotated_types.Gt):
        ok = value > rule.gt
    elif isinstance(rule, annotated_types.Ge):
        ok = value >= rule.ge
    elif isinstance(rule, annotated_types.Lt):
        ok = value < rule.lt
    elif isinstance(rule, annotated_types.Le):
        ok = value <= rule.le
    elif isinstance(rule, annotated_types.MinLen):
        ok = len(value) >= rule.min_length
    elif isinstance(rule, annotated_types.MaxLen):
        ok = len(value) <= rule.max_length
    elif isinstance(rule, AfterValidator):
        return _checked(rule.func, value)
    elif type(rule).__name__ == "_PydanticGeneralMetadata" and vars(rule).keys() == {"pattern"}:
        # pydantic-core searches with Rust's regex: the same as re.search for a pattern without
        # escapes (where the engines' classes differ), on text without a newline (before which
        # Python's $ also matches)
        pattern = rule.pattern
        ok = (
            isinstance(pattern, str)
            and "\\" not in pattern
            and "\n" not in value
            and re.search(pattern, value) is not None
        )
    else:
        raise _Doubt
    if not ok:
        raise _Doubt
    return value


def _checked(validator: Any, value: Any) -> Any:
    try:
        return validator(value)
    except ValueError:  # the validator's words: pydantic says them, located
        raise _Doubt from None

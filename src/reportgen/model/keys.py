"""The keys of the model: every key a review or plan file may hold (the typing-mistake check
names a word before a full-width colon as a mistyped key only when it is one of these), and the
model a field holds (validate's did-you-mean walks a path down through it)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from reportgen.model.report import Plan, Review


def field_names() -> frozenset[str]:
    """Every key a review or plan file may hold, at any depth (``heading``, ``points``,
    ``lead``, a section kind under ``titles``…)."""
    names: set[str] = set()
    seen: set[type] = set()
    stack: list[Any] = [Review, Plan]
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(info.alias or name)
            inner = inner_model(info.annotation)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                stack.append(inner)
    return frozenset(names)


def inner_model(annotation: Any) -> Any:
    """The pydantic model an annotation holds (inside ``list[...]``, ``X | None``…), or the
    annotation itself when it holds none."""
    for arg in getattr(annotation, "__args__", ()) or ():
        found = inner_model(arg)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    return annotation

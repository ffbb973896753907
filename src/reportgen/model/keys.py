"""Every key a review or plan file may hold, from the model: the typing-mistake check names a
word before a full-width colon as a mistyped key only when it is one of these."""

from __future__ import annotations

from typing import Any, get_args

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
            stack.extend(_models_in(info.annotation))
    return frozenset(names)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models an annotation names (inside list[...], X | None, Annotated…)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models_in(arg)]

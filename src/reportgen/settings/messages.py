"""Friendly error texts, kept as data in ``messages.yaml`` (zh and en)."""

from __future__ import annotations

from functools import cache
from typing import Any

LANGUAGES = ("zh", "en")
_language = "zh"


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(language)
    _language = language


def language() -> str:
    return _language


def localised(labels: dict[str, dict[str, str]]) -> dict[str, str]:
    """A table of labels (key → language → text) in the current language, English where the
    language has none."""
    return {key: texts.get(_language) or texts["en"] for key, texts in labels.items()}


@cache
def _table() -> dict[str, dict[str, str]]:
    # The loader imports this module, so it is imported here, when a message is first needed.
    from reportgen.model.loader import load_shipped

    return load_shipped("reportgen.settings", "messages.yaml")


def has_message(kind: str) -> bool:
    return kind in _table()


def message(kind: str, **values: Any) -> str:
    entry = _table().get(kind) or _table()["other"]
    template = entry.get(_language) or entry["en"]
    values = {k: ("" if v is None else v) for k, v in values.items()}
    for name in ("field", "expected", "input", "suggest"):
        values.setdefault(name, "")
    return template.format(**values)


def describe_value(value: Any) -> str:
    """How a wrong value is named in a message: its kind, and a short excerpt."""
    zh = _language == "zh"
    if value is None:
        return "空值" if zh else "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "键值映射" if zh else "a mapping"
    if isinstance(value, list):
        return "列表" if zh else "a list"
    if isinstance(value, int | float):
        return f"{'数字' if zh else 'the number'} {value}"
    text = str(value)
    text = text if len(text) <= 20 else text[:20] + "…"
    return f"{'文本' if zh else 'the text'} “{text}”"

"""Friendly error texts, kept as data in ``messages.yaml`` (zh and en)."""

from __future__ import annotations

import sys
from collections.abc import Mapping
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
    from reportgen.files.cache import load_shipped

    return load_shipped("reportgen.settings", "messages.yaml")  # type: ignore[no-any-return]


def has_message(kind: str) -> bool:
    return kind in _table()


def text(kind: str) -> str:
    """The catalogue's raw template for ``kind`` in the current language (no values filled)."""
    entry = _table()[kind]
    return entry.get(_language) or entry["en"]


def message(kind: str, **values: Any) -> str:
    entry = _table().get(kind) or _table()["other"]
    template = entry.get(_language) or entry["en"]
    values = {k: ("" if v is None else v) for k, v in values.items()}
    for name in ("field", "expected", "input", "suggest"):
        values.setdefault(name, "")
    return template.format(**values)


_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def resolve_language(
    argv: list[str], environ: Mapping[str, str], system_language: str | None = None
) -> str:
    """The language to speak: ``--lang`` on the command line, else ``REPORTGEN_LANG``, else the
    locale (the first of LC_ALL, LC_MESSAGES, LANG that is set; ``zh…`` → zh, anything else →
    en), else the system's UI language (``system_language``, as :func:`system_language` reads it
    on Windows), else Chinese: reportgen's users are Chinese offices, so with no sign at all of
    what the user reads, Chinese it is."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv) and argv[index + 1] in LANGUAGES:
            return argv[index + 1]
        if arg.startswith("--lang=") and arg[len("--lang=") :] in LANGUAGES:
            return arg[len("--lang=") :]
    chosen = environ.get("REPORTGEN_LANG", "").strip().lower()[:2]
    if chosen in LANGUAGES:
        return chosen
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    if system_language:
        return "zh" if system_language.lower().startswith(("zh", "chinese")) else "en"
    return "zh"


def system_language() -> str | None:
    """On Windows, the user's UI language (``zh-CN``-like or ``Chinese (Simplified)_China``);
    elsewhere None (the locale variables say it there)."""
    if sys.platform != "win32":
        return None
    try:
        import ctypes

        lang_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
        if lang_id & 0x3FF == 0x04:  # LANG_CHINESE, whatever the sub-language
            return "zh"
        if lang_id:
            return "en"
    except (AttributeError, OSError):
        pass
    import locale

    try:
        return locale.getlocale()[0]
    except ValueError:
        return None


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

"""Characters a report may not hold: invisible, and fatal to a .docx.

XML 1.0 cannot hold C0 control characters (but tab and line breaks), lone surrogates, U+FFFE
or U+FFFF, so neither can a .docx: Word refuses to open the file. With them go DEL and the C1
controls, which YAML refuses too. All are invisible in an editor; most arrive pasted from Word
(U+000B is its manual line break, U+000C its page break, U+0007 a table-cell end).

The loader refuses them at their line and column; the model refuses them again for documents
built in code, so no renderer ever sees one.
"""

from __future__ import annotations

import re
from typing import Any

from reportgen.settings.messages import message

_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"
_WIDE = "\ud800-\udfff\ufffe\uffff"  # lone surrogates and the two non-characters
_ALL = f"[{_CONTROLS}{_WIDE}]"
# A class reaching past U+00FF makes re build a 65,536-entry map: ~0.8 ms of every command for
# characters almost no text holds. The controls' class is cheap; the whole one is compiled (by
# re's cache) only for a text that may hold one of the others.
_CONTROL = re.compile(f"[{_CONTROLS}]")
_NAMED = {"\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b"}  # their names: messages.yaml


def _may_hold_wide(text: str) -> bool:
    if "\ufffe" in text or "\uffff" in text:
        return True
    try:
        text.encode("utf-8")  # fails on a surrogate, and only there
    except UnicodeEncodeError:
        return True
    return False


def invisible(text: str) -> re.Pattern[str]:
    """The pattern of every invisible character, for ``text``: the same matches in it as
    :data:`INVISIBLE`'s, from one that is cheap to compile when ``text`` needs no more."""
    return re.compile(_ALL) if _may_hold_wide(text) else _CONTROL


def __getattr__(name: str) -> Any:
    # ``INVISIBLE``, the whole pattern, for code that needs it whatever the text.
    if name == "INVISIBLE":
        return re.compile(_ALL)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def invisible_hint() -> str:
    """What to do about an invisible character, in the user's language."""
    return message("invisible_hint")


def describe_invisible(char: str) -> str:
    """``U+000B (vertical tab, Word's manual line break)``: never the character itself, which
    a terminal may not be able to print (a lone surrogate cannot even be encoded)."""
    if "\ud800" <= char <= "\udfff":
        name = message("invisible_name_surrogate")
    elif char in _NAMED:
        name = message(f"invisible_name_{ord(char):02x}")
    else:
        name = message("invisible_name_control")
    return f"U+{ord(char):04X} ({name})"


def refuse_invisible(value: str) -> str:
    """A pydantic validator: the value, or a ValueError naming the first invisible character."""
    match = invisible(value).search(value)
    if match:
        raise ValueError(
            message(
                "invisible_at",
                char=describe_invisible(match.group()),
                position=match.start() + 1,
                hint=invisible_hint(),
            )
        )
    return value

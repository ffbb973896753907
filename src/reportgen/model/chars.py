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

from reportgen.settings.messages import message

INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_NAMED = {"\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b"}  # their names: messages.yaml


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
    match = INVISIBLE.search(value)
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

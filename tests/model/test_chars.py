"""model/chars: which characters are invisible, found by a pattern chosen for each text."""

from __future__ import annotations

import pytest

from reportgen.model import chars
from reportgen.model.chars import invisible


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("今年以来，全街道\n\t完成 100%。", []),  # tab and line break are text
        ("a\x00b\x08c\x0bd\x0ce\x0ef\x1fg\x7fh\x84", list("\x00\x08\x0b\x0c\x0e\x1f\x7f\x84")),
        ("\x09\x0a\x0d\x20\x85\xa0\u3000", []),  # NEL and the spaces are not refused
        ("\x86\x9f", ["\x86", "\x9f"]),
        ("x\ud800y\udfffz", ["\ud800", "\udfff"]),  # lone surrogates
        ("\ud7ff\ue000\ufffd", []),  # their neighbours are characters
        ("a\ufffeb\uffff", ["\ufffe", "\uffff"]),
        ("\x07表\ud83d", ["\x07", "\ud83d"]),  # a control in a text holding a surrogate
    ],
)
def test_the_invisible_characters_of_a_text(text: str, found: list[str]) -> None:
    assert [m.group() for m in invisible(text).finditer(text)] == found
    assert [m.group() for m in chars.INVISIBLE.finditer(text)] == found

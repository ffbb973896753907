"""``is_cjk`` decides by code point ranges what a character class decided before: the same
answer for every character, and the edges written out by hand."""

from __future__ import annotations

import re

import pytest

from reportgen.text.punctuation import is_cjk

# The character class is_cjk replaced (compiling it cost ~2.3 ms): the tests' own reference.
_CLASS = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
    "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201f\u2026\u2014]"
)


def test_is_cjk_answers_as_the_character_class_for_every_code_point() -> None:
    differ = [c for c in map(chr, range(0x110000)) if is_cjk(c) != bool(_CLASS.match(c))]
    assert differ == []


@pytest.mark.parametrize(
    ("char", "expected"),
    [
        ("", False),
        ("a", False),
        ("1", False),
        (",", False),
        ("\u2013", False),  # – en dash
        ("\u2014", True),  # — em dash
        ("\u2015", False),
        ("\u2017", False),
        ("\u2018", True),  # ‘
        ("\u201f", True),
        ("\u2020", False),  # †
        ("\u2025", False),
        ("\u2026", True),  # …
        ("\u2027", False),
        ("\u2fff", False),
        ("\u3000", True),  # ideographic space
        ("。", True),
        ("\u303f", True),
        ("\u3040", False),
        ("ぁ", False),  # hiragana is not counted
        ("\u33ff", False),
        ("\u3400", True),
        ("\u4dbf", True),
        ("\u4dc0", False),  # hexagram symbols
        ("\u4dff", False),
        ("一", True),
        ("中", True),
        ("\u9fff", True),
        ("\ua000", False),
        ("\uf8ff", False),
        ("\uf900", True),
        ("\ufaff", True),
        ("\ufb00", False),
        ("\uff00", False),
        ("！", True),
        ("／", True),
        ("０", False),  # full-width digits and letters are not
        ("９", False),
        ("：", True),
        ("＠", True),
        ("Ａ", False),
        ("\U0001ffff", False),
        ("\U00020000", True),
        ("\U0002ffff", True),
        ("\U00030000", False),
        ("中a", True),  # the first character decides, as the class's match did
        ("a中", False),
    ],
)
def test_is_cjk_edges(char: str, expected: bool) -> None:
    assert is_cjk(char) is expected

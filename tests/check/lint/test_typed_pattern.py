"""figures-typed finds a number and its unit with a pattern written for the engine's speed
(its first digit ahead of the lookbehind): it finds what the plain form finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.check.lint.typed import _figure_pattern

UNITS = ["万平方米", "平方米", "亿元", "万元", "%", "个"]
PLAIN = re.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*(?P<u>万平方米|平方米|亿元|万元|%|个)")


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start(), m.end(), m["n"], m["u"]) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("5个", [(0, 2, "5", "个")]),
        ("投资26.76亿元", [(2, 9, "26.76", "亿元")]),
        ("12 万平方米", [(0, 7, "12", "万平方米")]),
        ("1.5.2个", []),  # 2 follows a point: not a figure of its own
        (".5个", []),  # after a point: not a figure of its own
        ("a5个", [(1, 3, "5", "个")]),
        ("5.个", []),
        ("３个", [(0, 2, "３", "个")]),  # a full-width digit is a digit to \d
        ("12", []),
        ("7\n亿元", [(0, 4, "7", "亿元")]),
    ],
)
def test_figures_with_their_units(text: str, expected: list[tuple[int, int, str, str]]) -> None:
    pattern = _figure_pattern(UNITS)
    assert pattern is not None
    assert _found(PLAIN, text) == expected
    assert _found(pattern, text) == expected


@given(st.text(alphabet="0123456789３.. a个亿元万平方米%\n", max_size=24))
def test_the_pattern_finds_what_the_plain_form_finds(text: str) -> None:
    pattern = _figure_pattern(UNITS)
    assert pattern is not None
    assert _found(pattern, text) == _found(PLAIN, text)


def test_no_units_no_pattern() -> None:
    assert _figure_pattern([]) is None

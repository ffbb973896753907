"""reportgen.text.search: every occurrence of each needle, in text order."""

from __future__ import annotations

import pytest

from reportgen.text.search import occurrences


@pytest.mark.parametrize(
    ("text", "needles", "expected"),
    [
        ("", "（）", []),
        ("甲乙", "（）", []),
        (
            "（甲）乙（",
            "（）",
            [(0, "（"), (2, "）"), (4, "（")],
        ),  # in text order, not needle order
        ("）（", "（）", [(0, "）"), (1, "（")]),
        ("。。。", ["。。"], [(0, "。。"), (1, "。。")]),  # overlapping occurrences too
        ("由10从20", ("从", "由"), [(0, "由"), (3, "从")]),
        ("a：b：", ("：",), [(1, "："), (3, "：")]),
        ("abc", (), []),
    ],
)
def test_occurrences(text: str, needles: str, expected: list[tuple[int, str]]) -> None:
    assert occurrences(text, needles) == expected

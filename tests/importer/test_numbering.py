"""importer/numbering.py: which line openings are numbering markers, and 一是 二是 runs.

Expected values are written by hand from how offices type their headings (tests/README.md
"Mutation testing" names what these pin down).
"""

from __future__ import annotations

import pytest

from reportgen.importer.numbering import Marker, enumeration_starts, parse_marker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、 存在问题", Marker(1, "一、", "存在问题")),
        ("（二） 城市建设", Marker(2, "（二） ", "城市建设")),
        ("3． 营商环境", Marker(3, "3．", "营商环境")),
        ("（1）加强组织领导", Marker(4, "（1）", "加强组织领导")),
        # 、 after 一 is always a heading's, even before a figure
        ("一、5G基站建设", Marker(1, "一、", "5G基站建设")),
    ],
)
def test_marker_as_written_and_the_text_after_it(text: str, expected: Marker) -> None:
    assert parse_marker(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "一，5个村完成人居环境整治",  # 一，5 is a count run into a sentence, not a heading
        "一,12户搬迁",
        "十一，5个社区完成换届",
        "X、Y两条主干道同步施工",  # letters are not Chinese or Arabic numerals
        "A、项目名称",
    ],
)
def test_openings_that_are_not_markers(text: str) -> None:
    assert parse_marker(text) is None


def test_enumeration_with_di_prefix() -> None:
    text = "会议要求，第一要压实责任；第二要加强督查。"
    assert enumeration_starts(text) == [5, 13]  # 会议要求， = 0-4; 第一要压实责任； = 5-12


def test_two_items_are_enough_and_offsets_are_exact() -> None:
    text = "一是建成食堂；二是开办课堂。"
    assert enumeration_starts(text) == [0, 7]


def test_an_enumeration_must_start_at_one() -> None:
    assert enumeration_starts("工作中，二是关键；三是其次。") == []

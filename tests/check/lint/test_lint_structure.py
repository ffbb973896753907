"""lint/structure: duplicates found whatever the final full stop, and the repeated text shown
cut at 20 characters; expected messages written out by hand."""

from __future__ import annotations

import pytest

from reportgen.check.lint import build_view, lint
from reportgen.model.loader import load_yaml_text
from reportgen.settings import load_settings

SHIPPED = load_settings(None)


@pytest.fixture(autouse=True)
def _english(english: None) -> None:
    pass


def duplicates(*points: str) -> list[tuple[str, str, str]]:
    text = "organisation: 城南街道\nyear: 2022\nhighlights:\n  - heading: 经济发展\n    points:\n"
    text += "".join(f"      - {p}\n" for p in points)
    view = build_view(load_yaml_text(text, "data/2022.yaml"), "review")
    return [
        (str(p.location), p.path, p.message)
        for p in lint([view], SHIPPED.rules)
        if p.rule == "structure-duplicate"
    ]


def test_a_point_repeated_with_or_without_its_full_stop() -> None:
    assert duplicates("完成年度各项任务目标。", "完成年度各项任务目标") == [
        ("data/2022.yaml:7:9", "highlights[0].points[1]", "repeats line 6: '完成年度各项任务目标'")
    ]
    assert duplicates("完成年度各项任务目标X", "完成年度各项任务目标") == []


def test_the_repeated_text_is_cut_after_twenty_characters() -> None:
    twenty = "一二三四五六七八九十" * 2
    assert duplicates(twenty, twenty)[0][2] == f"repeats line 6: '{twenty}'"
    longer = twenty + "多"
    assert duplicates(longer, longer)[0][2] == f"repeats line 6: '{twenty}…'"


def test_a_point_repeated_with_a_stray_space_is_still_a_repeat() -> None:
    # An input method's space between two words does not make the text another text (the
    # space between Chinese characters is dropped when the text is read; this one, after a
    # Latin letter, is kept in the text and only the comparison leaves it out).
    assert duplicates("全年建成5G 基站20个以上。", "全年建成5G基站20个以上") == [
        (
            "data/2022.yaml:7:9",
            "highlights[0].points[1]",
            "repeats line 6: '全年建成5G基站20个以上'",
        )
    ]
    assert duplicates("全年建成5G 基站20个以上。", "全年建成6G基站20个以上") == []

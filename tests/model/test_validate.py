from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import InvalidInput
from reportgen.model.report import Plan, Review
from reportgen.model.validate import load_document, load_plan, load_review
from reportgen.settings.messages import set_language

GOOD = """\
organisation: "*街道"
year: 2022
opening: |
  2022年来，在区委区政府的坚强领导下，
  现将主要工作汇报如下。
metrics:
  - id: industrial_output
    label: 规上工业总产值
    value: 4720
    unit: 万元
    period: 1-9月
    change: 7.8
highlights:
  - id: economy
    heading: 社会发展开拓新局面
    points:
      - 慎终如始筑牢疫情防线。
      - lead: 稳进提质统筹经济指标
        text: 实现规上工业总产值{{industrial_output}}，同比增长{{industrial_output.change}}。
"""


def write(tmp_path: Path, text: str, name: str = "2022.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _english_then_back():
    set_language("en")
    yield
    set_language("zh")


def test_good_review_loads(tmp_path: Path) -> None:
    review = load_review(write(tmp_path, GOOD))
    assert isinstance(review, Review)
    assert review.opening == "2022年来，在区委区政府的坚强领导下，现将主要工作汇报如下。"
    assert review.highlights[0].points[1].lead == "稳进提质统筹经济指标"
    assert review.highlights[0].points[0].lead is None


def problems(tmp_path: Path, text: str, name: str = "2022.yaml") -> list:
    with pytest.raises(InvalidInput) as caught:
        load_document(write(tmp_path, text, name))
    return caught.value.problems


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, GOOD + "shortcommings: []\n")
    assert (problem.location.line, problem.location.column) == (20, 1)
    assert "unknown key 'shortcommings'" in problem.message
    assert "did you mean 'shortcomings'" in problem.message


def test_all_errors_reported_at_once_in_line_order(tmp_path: Path) -> None:
    text = GOOD.replace("year: 2022", "year: twenty").replace("value: 4720", "value: 4720万元")
    text = text.replace("    label: 规上工业总产值\n", "    labl: 规上工业总产值\n")
    found = problems(tmp_path, text)
    assert [(p.path, p.location.line) for p in found] == [
        ("year", 2),
        ("metrics[0].label", 7),
        ("metrics[0].labl", 8),
        ("metrics[0].value", 9),
    ]
    assert "put the unit in 'unit'" in found[3].message
    assert found[1].hint == "add 'label:' here"


def test_undefined_metric_reference(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, GOOD.replace("{{industrial_output}}", "{{industrial}}"))
    assert problem.path == "highlights[0].points[1].text"
    assert problem.location.line == 19
    assert "undefined metric 'industrial'" in problem.message


def test_metric_field_without_value(tmp_path: Path) -> None:
    [problem] = problems(
        tmp_path, GOOD.replace("{{industrial_output.change}}", "{{industrial_output.previous}}")
    )
    assert "has no previous" in problem.message


def test_duplicate_ids(tmp_path: Path) -> None:
    text = GOOD + "shortcomings:\n  - id: economy\n    heading: 问题\n"
    [problem] = problems(tmp_path, text)
    assert problem.path == "shortcomings[0].id"
    assert "first used at line 14" in problem.message


def test_top_level_list(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, "- a\n- b\n")
    assert "must be a mapping" in problem.message


def test_plan_file_given_as_review(tmp_path: Path) -> None:
    path = write(tmp_path, "kind: plan\norganisation: x\nyear: 2023\n")
    with pytest.raises(InvalidInput) as caught:
        load_review(path)
    assert "a review file is needed" in caught.value.problems[0].message


def test_kind_detected_from_file_name(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "organisation: x\nyear: 2023\npriorities:\n  - heading: 抓项目\n",
        "2023_plan.yaml",
    )
    assert isinstance(load_document(path), Plan)
    assert isinstance(load_plan(path), Plan)


def test_chinese_messages_by_default(tmp_path: Path) -> None:
    set_language("zh")
    [problem] = problems(tmp_path, GOOD + "shortcommings: []\n")
    assert "未知的键" in problem.message and "shortcomings" in problem.message


def test_a_blank_line_is_refused_where_one_paragraph_belongs(tmp_path: Path) -> None:
    text = GOOD.replace(
        "    heading: 社会发展开拓新局面\n", "    heading: |\n      社会发展\n\n      开拓新局面\n"
    )
    [problem] = problems(tmp_path, text)
    assert problem.path == "highlights[0].heading"
    assert "only opening and closing can hold" in problem.message
    # … while the opening may hold several paragraphs
    review = load_review(write(tmp_path, GOOD.replace("  现将主要工作", "\n  现将主要工作")))
    assert review.opening is not None and review.opening.count("\n") == 1


# ── m12: titles, parts and sub-points (issue 12) ─────────────────────────────


def test_a_title_for_a_kind_the_document_lacks_suggests_its_kinds(tmp_path: Path) -> None:
    text = "organisation: 某镇\nyear: 2022\ntitles:\n  shortcoming: 存在的问题和不足\n"
    [problem] = problems(tmp_path, text)
    assert (problem.location.line, problem.location.column) == (4, 3)
    assert "unknown key 'shortcoming'" in problem.message
    assert "did you mean 'shortcomings'" in problem.message
    plan = "kind: plan\norganisation: 某镇\nyear: 2023\ntitles:\n  highlights: 主要工作\n"
    [problem] = problems(tmp_path, plan, "2023_plan.yaml")
    assert (problem.location.line, problem.path) == (5, "titles.highlights")


def test_a_part_after_a_section_of_the_other_document_is_refused(tmp_path: Path) -> None:
    text = "organisation: 某镇\nyear: 2022\nparts:\n  - title: 附记\n    after: priorities\n"
    [problem] = problems(tmp_path, text)
    assert (problem.location.line, problem.location.column, problem.path) == (
        5,
        12,
        "parts[0].after",
    )
    assert "'opening', 'highlights' or 'shortcomings'" in problem.message


def test_a_part_needs_a_title_and_its_items_the_item_shape(tmp_path: Path) -> None:
    text = (
        "organisation: 某镇\nyear: 2022\nparts:\n  - text: 说明。\n"
        "  - title: 建议\n    items:\n      - heading: 支持\n        reports_on: [x]\n"
    )
    found = problems(tmp_path, text)
    assert [(p.location.line, p.path) for p in found] == [
        (4, "parts[0].title"),
        (8, "parts[1].items[0].reports_on"),
    ]


def test_ids_of_a_parts_items_are_unique_with_the_sections(tmp_path: Path) -> None:
    text = (
        "organisation: 某镇\nyear: 2022\nhighlights:\n  - id: roads\n    heading: 修路\n"
        "parts:\n  - title: 建议\n    items:\n      - id: roads\n        heading: 再修路\n"
    )
    [problem] = problems(tmp_path, text)
    assert problem.path == "parts[0].items[0].id"
    assert "first used at line 4" in problem.message


def test_sub_points_are_lines_and_load_in_order(tmp_path: Path) -> None:
    text = (
        "organisation: 某镇\nyear: 2022\nhighlights:\n  - heading: 修路\n    points:\n"
        "      - text: 两件事：\n        subpoints: [甲。, 乙。]\n"
    )
    review = load_review(write(tmp_path, text))
    assert review.highlights[0].points[0].subpoints == ["甲。", "乙。"]
    broken = text.replace("[甲。, 乙。]", '["甲。\\n\\n乙。"]')
    [problem] = problems(tmp_path, broken)
    assert problem.path == "highlights[0].points[0].subpoints[0]"

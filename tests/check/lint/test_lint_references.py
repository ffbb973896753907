"""lint/references: ``reports_on`` and ``answers`` name ids of the other year's file. Expected
findings (message, hint, path, line:column) are written out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from project_setup import make_project
from reportgen.check.lint import build_view, lint, references
from reportgen.model.loader import load_yaml_text
from reportgen.model.report import Priority, Shortcoming
from reportgen.settings import load_settings

SHIPPED = load_settings(None)

PLAN_2023 = """\
kind: plan
organisation: 城南街道
year: 2023
priorities:
  - id: investment-drive
    heading: 拓展楼宇招商
  - id: elderly-care
    heading: 深化养老服务
  - heading: 没有 id 的一项
"""

REVIEW_2022 = """\
organisation: 城南街道
year: 2022
shortcomings:
  - id: investment-gap
    heading: 招商空间不足
highlights:
  - id: not-a-shortcoming
    heading: 亮点
"""


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, english: None) -> None:
    monkeypatch.chdir(make_project(tmp_path))


def _found(name: str, text: str, kind: str) -> list[tuple[str, str, str, str, str]]:
    Path("data", name).write_text(text, encoding="utf-8")
    view = build_view(load_yaml_text(text, f"data/{name}"), kind)
    return [
        (p.rule, str(p.location), p.path, p.message, p.hint)
        for p in lint([view], SHIPPED.rules)
        if p.rule.startswith("ref-")
    ]


def test_reports_on_names_the_misspelt_id_and_the_likely_one() -> None:
    Path("data/2023_plan.yaml").write_text(PLAN_2023, encoding="utf-8")
    text = (
        "organisation: 城南街道\nyear: 2023\nhighlights:\n"
        "  - heading: 楼宇经济起步\n"
        "    reports_on: [elderly-care, investment-driv, 7]\n"
        "    points: [引进企业20家。]\n"
        "  - heading: 数字治理\n"
        "    reports_on: [digital-city]\n"
        "    points: [建成驾驶舱。]\n"
    )
    assert _found("2023.yaml", text, "review") == [
        (
            "ref-reports-on",
            "data/2023.yaml:5:32",
            "highlights[0].reports_on[1]",
            "reports_on names 'investment-driv', which no priority of 2023_plan.yaml has; "
            "did you mean 'investment-drive'?",
            "name the id of a priority in 2023_plan.yaml",
        ),
        (
            "ref-reports-on",
            "data/2023.yaml:8:18",
            "highlights[1].reports_on[0]",
            "reports_on names 'digital-city', which no priority of 2023_plan.yaml has",
            "name the id of a priority in 2023_plan.yaml",
        ),
    ]


def test_answers_looks_in_last_years_review_for_shortcomings_only() -> None:
    Path("data/2022.yaml").write_text(REVIEW_2022, encoding="utf-8")
    text = (
        "kind: plan\norganisation: 城南街道\nyear: 2023\npriorities:\n"
        "  - heading: 拓展楼宇招商\n"
        "    answers: [investment-gap, not-a-shortcoming]\n"
        "    points: [引进企业20家以上。]\n"
    )
    assert _found("2023_plan.yaml", text, "plan") == [
        (
            "ref-answers",
            "data/2023_plan.yaml:6:31",
            "priorities[0].answers[1]",
            "answers names 'not-a-shortcoming', which no shortcoming of 2022.yaml has",
            "name the id of a shortcoming in 2022.yaml",
        )
    ]


@pytest.mark.parametrize(
    "year",
    ["2023", "true", "'2023'", "[2023]"],  # an int: checked; a bool, a string, a list: not
)
def test_only_an_integer_year_finds_the_other_file(year: str) -> None:
    Path("data/2023_plan.yaml").write_text(PLAN_2023, encoding="utf-8")
    Path("data/1_plan.yaml").write_text(PLAN_2023, encoding="utf-8")  # what True + 0 names
    text = f"organisation: 城南街道\nyear: {year}\nhighlights:\n  - reports_on: [nothing]\n"
    found = _found("2023.yaml", text, "review")
    assert [rule for rule, *_ in found] == (["ref-reports-on"] if year == "2023" else [])


def test_no_other_file_or_an_unreadable_one_says_nothing() -> None:
    text = "organisation: 城南街道\nyear: 2023\nhighlights:\n  - reports_on: [nothing]\n"
    assert _found("2023.yaml", text, "review") == []
    Path("data/2023_plan.yaml").mkdir()  # there, but not a file
    assert _found("2023.yaml", text, "review") == []


def test_entries_of_odd_shapes_are_skipped() -> None:
    Path("data/2023_plan.yaml").write_text(PLAN_2023, encoding="utf-8")
    text = (
        "organisation: 城南街道\nyear: 2023\n"
        "highlights:\n  - just a string\n  - reports_on: not-a-list\n  - reports_on: [bad-id]\n"
        "shortcomings: not-a-list\n"
    )
    assert [p for _, _, p, _, _ in _found("2023.yaml", text, "review")] == [
        "highlights[2].reports_on[0]"
    ]


def test_other_file_names() -> None:
    assert references.other_file(Path("data/2023.yaml"), "plan", 2023) == Path(
        "data/2023_plan.yaml"
    )
    assert references.other_file(Path("data/2023_plan.yaml"), "review", 2022) == Path(
        "data/2022.yaml"
    )


def test_known_ids_of_a_class_and_of_nothing_readable() -> None:
    Path("plan.yaml").write_text(PLAN_2023, encoding="utf-8")
    Path("review.yaml").write_text(REVIEW_2022, encoding="utf-8")
    assert references.known_ids(Path("plan.yaml"), Priority) == [
        "investment-drive",
        "elderly-care",
    ]
    assert references.known_ids(Path("review.yaml"), Shortcoming) == ["investment-gap"]
    assert references.known_ids(Path("review.yaml"), Priority) == []
    Path("list.yaml").write_text("- 1\n- 2\n", encoding="utf-8")
    assert references.known_ids(Path("list.yaml"), Priority) == []
    Path("bad.yaml").write_text("a: [\n", encoding="utf-8")
    assert references.known_ids(Path("bad.yaml"), Priority) is None
    assert references.known_ids(Path("missing.yaml"), Priority) is None


def test_likely_id_needs_six_tenths_alike() -> None:
    ids = ["investment-drive", "elderly-care"]
    assert references.likely_id("investment-driv", ids) == "investment-drive"
    assert references.likely_id("digital-city", ids) is None
    assert references.likely_id("abcdef", ["abcxyz"]) is None  # ratio 0.5
    assert references.likely_id("abcdefghij", ["abcdefgxyz"]) == "abcdefgxyz"  # ratio 0.7

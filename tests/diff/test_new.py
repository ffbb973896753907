"""``reportgen new``: next year's review, started from the plan."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.app.new import new_review
from reportgen.app.track import track_year
from reportgen.diff.new import TO_FILL, review_text, scalar, write_new_review
from reportgen.errors import Problem, UserError
from reportgen.files.project import Project
from reportgen.model.report import Plan, Point, Priority
from reportgen.model.validate import load_review
from reportgen.settings import load_settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "diff"
SHIPPED = load_settings(None)
SECTIONS = SHIPPED.sections


@pytest.fixture
def project(tmp_path: Path) -> Project:
    (tmp_path / "data").mkdir()
    for name in ("2022.yaml", "2023_plan.yaml"):
        shutil.copy(FIXTURES / "data" / name, tmp_path / "data")
    return Project(tmp_path)


def test_each_priority_becomes_an_item_carrying_its_id(project: Project) -> None:
    draft = new_review(project, "2023", SECTIONS)
    write_new_review(draft)
    review = load_review(project.review_path(2023))
    assert review.year == 2023 and review.organisation == "*街道"
    assert [(h.id, h.reports_on) for h in review.highlights] == [
        ("project-delivery", ["project-delivery"]),
        ("reform-innovation", ["reform-innovation"]),
        ("friendly-development", ["friendly-development"]),
        ("clustered-development", ["clustered-development"]),
        ("party-leadership", ["party-leadership"]),
    ]
    first = review.highlights[0]
    assert first.heading == f"{TO_FILL}：全面强化项目为王这一支撑"
    assert [p.lead for p in first.points] == [
        "加快整村结算进度",
        "加快黄屿清零进度",
        "加快安置办证进度",
    ]
    assert all(TO_FILL in p.text for h in review.highlights for p in h.points)
    assert draft.items == 5 and draft.notes == ()


def test_the_plan_and_last_years_figures_come_along_as_comments(project: Project) -> None:
    text = new_review(project, "2023", SECTIONS).text
    assert "#   加快整村结算进度，一鼓作气推进剩余4个村整村结算" in text
    assert "#   - id: industrial_output" in text
    assert "#     value:        # 2022年：4720万元" in text


def test_track_links_every_priority_of_the_fresh_draft(project: Project) -> None:
    write_new_review(new_review(project, "2023", SECTIONS))
    result = track_year(project, "2023", SECTIONS)
    assert {t.status for t in result.priorities} == {"linked"}
    assert result.unplanned == [] and result.dangling == []


def test_check_reports_every_placeholder(project: Project) -> None:
    draft = new_review(project, "2023", SECTIONS)
    write_new_review(draft)
    findings = [p for p in lint_file(project.review_path(2023)) if p.rule == "placeholder"]
    expected = 1 + 5 + sum(max(1, len(p.points)) for p in plan_of(project).priorities) + 2
    assert len(findings) == expected  # opening, 5 headings, every point, the shortcoming
    duplicates = [
        p for p in lint_file(project.review_path(2023)) if p.rule == "structure-duplicate"
    ]
    assert duplicates == []


def plan_of(project: Project) -> Plan:
    from reportgen.model.validate import load_plan

    return load_plan(project.plan_path(2023))


def lint_file(path: Path) -> list[Problem]:
    from reportgen.check.run import check_paths

    return check_paths([path], SHIPPED.rules).problems


def test_never_overwrites(project: Project) -> None:
    target = project.review_path(2023)
    target.write_text("kind: review\n", "utf-8")
    with pytest.raises(UserError, match="已存在"):
        new_review(project, "2023", SECTIONS)
    assert target.read_text("utf-8") == "kind: review\n"


def test_a_file_created_meanwhile_is_not_overwritten(project: Project) -> None:
    draft = new_review(project, "2023", SECTIONS)
    draft.path.write_text("mine", "utf-8")
    with pytest.raises(UserError, match="已存在"):
        write_new_review(draft)
    assert draft.path.read_text("utf-8") == "mine"


def test_needs_the_plan(project: Project, english: None) -> None:
    with pytest.raises(UserError, match="the 2024 plan not found"):
        new_review(project, "2024", SECTIONS)


def test_a_priority_without_id_is_noted() -> None:
    plan = Plan(
        organisation="*街道",
        year=2024,
        priorities=[
            Priority(heading="没有 id 的重点工作", points=[Point(text="做好工作。")]),
        ],
    )
    text, notes = review_text(plan, None, SECTIONS)
    assert "reports_on" not in text.split("highlights:")[1].split("shortcomings:")[0]
    assert len(notes) == 1 and "has no id" in notes[0]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("*街道", '"*街道"'),
        ("加快整村结算进度", "加快整村结算进度"),
        ("a: b", '"a: b"'),
        ("“三个推定”", "“三个推定”"),
        ("- 列表", '"- 列表"'),
        ('引号"内', '引号"内'),
        ("#号", '"#号"'),
    ],
)
def test_scalar(value: str, written: str) -> None:
    assert scalar(value) == written
    import yaml

    assert yaml.safe_load(f"key: {scalar(value)}") == {"key": value}


def test_the_plans_own_title_and_sub_points_show_in_the_draft() -> None:
    # issue 12: the draft's comments quote the plan as its author wrote it
    plan = Plan.model_validate(
        {
            "organisation": "某镇",
            "year": 2025,
            "titles": {"priorities": "下一步工作打算"},
            "priorities": [
                {"heading": "修路", "points": [{"text": "两件事：", "subpoints": ["甲。", "乙。"]}]}
            ],
        }
    )
    text, _ = review_text(plan, None, SECTIONS)
    assert "  # 下一步工作打算（一）修路\n  #   两件事：（1）甲。（2）乙。\n" in text

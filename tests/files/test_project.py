"""files.project: the shipped templates' folder, and the records of a project and its inputs."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from reportgen.files.project import (
    Inputs,
    Project,
    default_templates_dir,
    near_misses,
    normalise_spec,
)


def test_the_shipped_templates_are_where_importlib_resources_says() -> None:
    packaged = Path(str(resources.files("reportgen"))) / "templates"
    expected = packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "templates"
    assert default_templates_dir() == expected
    assert (default_templates_dir() / "layout.yaml").is_file()


def test_a_project_and_its_inputs_are_immutable_values(tmp_path: Path) -> None:
    project = Project(tmp_path)
    assert project == Project(tmp_path) and hash(project) == hash(Project(tmp_path))
    assert repr(project) == f"Project(root={tmp_path!r})"
    with pytest.raises(AttributeError):
        project.root = Path("/")  # type: ignore[misc]
    inputs = project.inputs("2023_plan")
    assert inputs == Inputs("2023_plan", 2023, None, tmp_path / "data" / "2023_plan.yaml")
    assert inputs.plan_only and inputs.paths == [tmp_path / "data" / "2023_plan.yaml"]
    with pytest.raises(AttributeError):
        inputs.year = 2024  # type: ignore[misc]


def test_near_misses_still_read_plan_and_review_words(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    names = ("2023_计划.yaml", "2023-Plan.yml", "2022年工作总结.yaml", "2023.yaml", "notes.txt")
    for name in names:
        (data / name).write_text("x: 1\n", encoding="utf-8")
    assert [p.name for p in near_misses(data / "2023_plan.yaml")] == [
        "2023-Plan.yml",
        "2023_计划.yaml",
    ]
    assert [p.name for p in near_misses(data / "2022.yaml")] == ["2022年工作总结.yaml"]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2022", "2022"),
        ("２０２２", "2022"),
        ("２０２３＿ｐｌａｎ", "2023_plan"),
        ("2023＿plan", "2023_plan"),
        ("２０２２年", "２０２２年"),  # not a year once folded: left as typed
        ("report.yaml", "report.yaml"),
        ("2022\n", "2022\n"),
    ],
)
def test_a_year_typed_with_a_chinese_input_method_is_folded(typed: str, meant: str) -> None:
    assert normalise_spec(typed) == meant

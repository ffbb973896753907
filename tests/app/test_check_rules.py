"""app.check: the rules a check runs with, and the settings it refuses as build does."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.app.check import CheckRequest, rules_of, run
from reportgen.errors import UserError
from reportgen.files.project import Project
from reportgen.settings import load_settings


def test_without_templates_the_rules_are_the_shipped_settings_rules(project: Path) -> None:
    rules = rules_of(Project(project))
    assert rules == load_settings(project).rules
    assert rules["placeholder"].severity == "error"  # the shipped rules.yaml's


def test_a_projects_own_rules_are_in_force(project: Path) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "rules.yaml").write_text("placeholder: warning\n", "utf-8")
    rules = rules_of(Project(project))
    assert rules["placeholder"].severity == "warning"
    assert rules == load_settings(project).rules


def test_a_broken_layout_in_templates_fails_the_check_as_it_fails_the_build(
    project: Path,
) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "layout.yaml").write_text("title:\n  size_pt: -20\n", "utf-8")
    with pytest.raises(UserError) as loading:
        load_settings(project)
    with pytest.raises(UserError) as checking:
        run(CheckRequest(("2022",), project=project))
    assert type(checking.value) is type(loading.value)
    assert checking.value.format() == loading.value.format()
    assert "layout.yaml:2" in checking.value.format()

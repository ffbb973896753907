"""Issue 16 (case 8), third round: a rules.yaml pattern whose nested counted repeats ask the
regex module to unroll a billion nodes while compiling ((?:(?:a{1000}){1000}){1000}: 4.7 GB
before it was stopped) is refused, located, before it is compiled; the matching-time limit
of the second round still stops (x+x+)+y."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_cases import DATA, REVIEW
from measure import measured, snapshot

from project_setup import build_with_command, make_project


@pytest.fixture
def project(tmp_path: Path, reportgen_cmd: list[str]) -> Path:
    review = REVIEW.replace("招商引资持续发力。", "招商引资" + "x" * 5000 + "持续发力。")
    root = make_project(tmp_path / "project", {DATA: review})
    build_with_command(reportgen_cmd, root)
    (root / "templates").mkdir()
    return root


@pytest.mark.parametrize("command", [["check", "2022"], ["build", "2022", "-f", "txt"]])
@pytest.mark.parametrize("pattern", ["(?:(?:a{1000}){1000}){1000}", "(?:x{1,1000000}){1,1000000}y"])
def test_a_pattern_that_unrolls_past_memory_is_refused_before_compiling(
    project: Path, reportgen_cmd: list[str], pattern: str, command: list[str]
) -> None:
    (project / "templates" / "rules.yaml").write_text(
        f"placeholder:\n  patterns: ['{pattern}']\n", encoding="utf-8"
    )
    good = snapshot(project / "build")
    run = measured([*reportgen_cmd, *command], project)
    run.within_bounds()
    assert run.code == 1, run.text
    assert "templates/rules.yaml:2:" in run.text
    assert "超过 100000 次的上限" in run.text and pattern in run.text
    assert snapshot(project / "build") == good

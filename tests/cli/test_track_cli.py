"""``reportgen track`` as users run it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportgen.cli import app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "diff"


@pytest.fixture
def here(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "data", root / "data")
    return root


def test_track_in_the_terminal(reportgen_cmd: list[str], here: Path) -> None:
    result = subprocess.run(
        [*reportgen_cmd, "track", "2023"], cwd=here, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "跟踪 data/2023_plan.yaml → data/2023.yaml"
    assert (
        "  ✗ 2023年重点工作（四） 全面把牢集聚发展这一路径  [clustered-development]  无总结对应"
        in lines
    )
    assert lines[-1].startswith("2023年重点工作 5 项：3 项有总结对应")


def test_track_json_to_a_file(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(here)
    result = CliRunner().invoke(app, ["track", "2023", "-f", "json", "-o", "track.json"])
    assert result.exit_code == 0, result.output
    data = json.loads((here / "track.json").read_text("utf-8"))
    assert [p["id"] for p in data["priorities"] if p["status"] == "none"] == [
        "clustered-development"
    ]
    assert result.output.splitlines()[-1] == "已写入 track.json"


def test_track_markdown(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(here)
    result = CliRunner().invoke(app, ["--lang", "en", "track", "2023", "-f", "md"])
    assert result.exit_code == 0, result.output
    assert "## Priorities of the plan" in result.output
    assert "**nothing reports on it**" in result.output


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["2024"], 1, "the 2024 plan not found"),
        (["2023", "-f", "pdf"], 2, "unknown format"),
        (["soon"], 2, "'soon' is not a year"),
    ],
)
def test_track_errors(
    reportgen_cmd: list[str], here: Path, args: list[str], code: int, words: str
) -> None:
    result = subprocess.run(
        [*reportgen_cmd, "--lang", "en", "track", *args],
        cwd=here,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == code
    assert words in result.stderr and "Traceback" not in result.stderr


def test_track_html_to_a_file(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(here)
    result = CliRunner().invoke(app, ["track", "2023", "-f", "html", "-o", "track.html"])
    assert result.exit_code == 0, result.output
    page = (here / "track.html").read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<h2>重点工作落实情况</h2>" in page
    assert "<strong>无总结对应</strong>" in page
    assert result.output.splitlines()[-1] == "wrote track.html"

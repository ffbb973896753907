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
    assert result.output.splitlines()[-1] == "已写入 track.html"


CHAINS = Path(__file__).resolve().parents[1] / "fixtures" / "track_chains" / "data"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "zh",
            [
                "  ✓ 存在问题及短板（一） 招商空间不足  [space]",
                "      → 2023年重点工作（一） 拓展楼宇招商  [buildings]",
                "  ✗ 存在问题及短板（二） 养老服务供给偏弱  [elderly]  "
                "有回应，但回应的重点工作无总结对应",
                "      → 2023年重点工作（二） 补齐居家养老短板  [care]  (未落实)",
                "  ✗ 存在问题及短板（三） 老旧小区排水不畅  [drainage]  无重点工作回应",
            ],
        ),
        (
            "en",
            [
                "  ✓ 存在问题及短板（一） 招商空间不足  [space]",
                "      → 2023年重点工作（一） 拓展楼宇招商  [buildings]",
                "  ✗ 存在问题及短板（二） 养老服务供给偏弱  [elderly]  "
                "answered, but nothing in the review reports on the answering priority",
                "      → 2023年重点工作（二） 补齐居家养老短板  [care]  (not carried out)",
                "  ✗ 存在问题及短板（三） 老旧小区排水不畅  [drainage]  no priority answers it",
            ],
        ),
    ],
)
def test_each_chain_has_its_verdict_through_the_command(
    reportgen_cmd: list[str], tmp_path: Path, lang: str, expected: list[str]
) -> None:
    """Answered and carried out ✓; answered but not carried out ✗ naming the missing report;
    not answered ✗ — as the installed command prints them, in both languages."""
    shutil.copytree(CHAINS, tmp_path / "data")
    result = subprocess.run(
        [*reportgen_cmd, "--lang", lang, "track", "2023"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    start = lines.index(expected[0])
    assert lines[start : start + len(expected)] == expected
    summary = lines[-1]
    assert summary.endswith(
        "1 个已回应且落实，1 个有回应但未落实，0 个仅有相似建议，1 个未回应"
        if lang == "zh"
        else "1 answered and carried out, 1 answered but not carried out, 0 only suggested, "
        "1 unanswered"
    )


def test_the_printed_summary_names_the_authors_section_titles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(CHAINS, tmp_path / "data")
    plan = tmp_path / "data" / "2023_plan.yaml"
    plan.write_text(
        plan.read_text("utf-8").replace("year:", "titles:\n  priorities: 下一步工作打算\nyear:"),
        "utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["--lang", "zh", "track", "2023"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "  ✓ 下一步工作打算（一） 拓展楼宇招商  [buildings]" in lines
    assert lines[-1] == (
        "2023年下一步工作打算 2 项：1 项有总结对应，0 项仅有相似建议，1 项无对应；"
        "2022年问题 3 个：1 个已回应且落实，1 个有回应但未落实，0 个仅有相似建议，1 个未回应"
    )

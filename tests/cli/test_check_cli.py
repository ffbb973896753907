"""``reportgen check`` and ``reportgen schema`` as users run them: the installed command."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportgen.cli import app


def run(cmd: list[str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*cmd, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(
        i for i, line in enumerate(lines, 1) if needle in line and not line.lstrip().startswith("#")
    )


def test_bundled_data_reports_the_seed_defects(reportgen_cmd: list[str], project: Path) -> None:
    result = run(reportgen_cmd, "check", "2022", cwd=project)
    assert result.returncode == 1, result.stderr
    x = line_of(project / "data" / "2022.yaml", "X个月")
    stop = line_of(project / "data" / "2023_plan.yaml", "培养产才融合生态圈")
    assert (
        f"data/2022.yaml:{x}:11  错误  highlights[0].points[2].text: 未填写的占位符“X”"
        in result.stdout
    )
    assert (
        f"data/2023_plan.yaml:{stop}:20  错误  priorities[3].points[2].text: 句末缺少标点"
        in result.stdout
    )
    assert result.stdout.splitlines()[0] == "data/2022.yaml"  # grouped by file
    assert "2 个错误，5 个警告（检查了 2 个文件）" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour codes when not a terminal
    assert result.stderr == ""


def test_english_json_for_ci(reportgen_cmd: list[str], project: Path) -> None:
    result = run(reportgen_cmd, "--lang", "en", "check", "--format", "json", cwd=project)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert [f["file"] for f in data["files"]] == ["data/2022.yaml", "data/2023_plan.yaml"]
    rules = {(p["rule"], p["severity"]) for p in data["problems"]}
    assert rules == {
        ("placeholder", "error"),
        ("punct-ending", "error"),
        ("placeholder-name", "warning"),
    }
    assert any(p["message"].startswith("placeholder 'X' left unfilled") for p in data["problems"])


def test_exit_codes_clean_warnings_strict(reportgen_cmd: list[str], tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = data / "2022.yaml"
    path.write_text(
        "organisation: 城南街道\nyear: 2022\nopening: 现将主要工作汇报如下。\n", "utf-8"
    )
    clean = run(reportgen_cmd, "check", cwd=tmp_path)
    assert (clean.returncode, clean.stdout.strip()) == (0, "未发现问题（检查了 1 个文件）")
    path.write_text(
        "organisation: 城南街道\nyear: 2022\nopening: 现将主要工作汇报如下,请审阅。\n", "utf-8"
    )
    assert run(reportgen_cmd, "check", cwd=tmp_path).returncode == 0  # a warning only
    strict = run(reportgen_cmd, "check", "--strict", "data/2022.yaml", cwd=tmp_path)
    assert strict.returncode == 1 and "[punct-width]" in strict.stdout


def test_fix_shows_changes_keeps_backup_and_is_idempotent(
    reportgen_cmd: list[str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = data / "2022.yaml"
    original = (
        "# 说明,不改\norganisation: 城南街道\nyear: 2022\nopening: |\n  现将主要工作,汇报如下。\n"
    )
    path.write_text(original, "utf-8")
    result = run(reportgen_cmd, "check", "--fix", "2022", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "已修改 data/2022.yaml：1 处（原文件备份为 data/2022.yaml.bak）" in result.stdout
    assert (
        "-  现将主要工作,汇报如下。" in result.stdout
        and "+  现将主要工作，汇报如下。" in result.stdout
    )
    assert "未发现问题" in result.stdout  # the check after the fix
    assert path.read_text("utf-8") == original.replace("工作,", "工作，")
    assert (data / "2022.yaml.bak").read_text("utf-8") == original
    again = run(reportgen_cmd, "check", "--fix", "2022", cwd=tmp_path)
    assert "没有可自动修改的内容" in again.stdout
    assert path.read_text("utf-8") == original.replace("工作,", "工作，")


def test_every_file_at_once_and_no_traceback(reportgen_cmd: list[str], tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "2022.yaml").write_text(
        "organisation: 城南街道\nyear: 2022\nshortcommings: []\n", "utf-8"
    )
    (data / "2023_plan.yaml").write_bytes("organisation: 城南街道\n".encode("gb18030"))
    (data / "2024_plan.yaml").write_text("organisation: 城南街道\n\tyear: 2024\n", "utf-8")
    result = run(reportgen_cmd, "--lang", "en", "check", cwd=tmp_path)
    assert result.returncode == 1
    unknown = "data/2022.yaml:3:1  error    shortcommings: unknown key 'shortcommings'"
    assert unknown in result.stdout
    assert (
        "data/2023_plan.yaml:1:15  error    the file is not UTF-8 (it looks like GBK/GB18030)"
        in result.stdout
    )
    assert "data/2024_plan.yaml:2:1  error    a tab character in the indentation" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_build_refuses_schema_errors_of_both_files_and_prints_lint(
    reportgen_cmd: list[str], project: Path
) -> None:
    ok = run(reportgen_cmd, "build", "2022", "-f", "txt", cwd=project)
    assert ok.returncode == 0
    assert (
        "错误: data/2022.yaml:" in ok.stderr and "[placeholder]" in ok.stderr
    )  # printed, not fatal
    for name, old, new in (
        ("2022.yaml", "\nshortcomings:", "\nshortcommings:"),
        ("2023_plan.yaml", "\npriorities:", "\npriority:"),
    ):
        path = project / "data" / name
        path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
    refused = run(reportgen_cmd, "--lang", "en", "build", "2022", "-f", "txt", cwd=project)
    assert refused.returncode == 1
    assert (
        "unknown key 'shortcommings'" in refused.stderr
        and "unknown key 'priority'" in refused.stderr
    )


def test_usage_errors(reportgen_cmd: list[str], project: Path) -> None:
    result = run(reportgen_cmd, "check", "--format", "xml", cwd=project)
    assert result.returncode == 2 and "不认识的格式 “xml”" in result.stderr
    missing = run(reportgen_cmd, "--lang", "en", "check", "2019", cwd=project)
    assert missing.returncode == 1 and "looked for data/2019.yaml" in missing.stderr


def test_schema_command_prints_the_committed_schema(reportgen_cmd: list[str], repo: Path) -> None:
    for kind in ("review", "plan"):
        result = run(reportgen_cmd, "schema", kind, cwd=repo)
        assert result.returncode == 0
        assert result.stdout == (repo / "schema" / f"{kind}.schema.json").read_text("utf-8")
    assert run(reportgen_cmd, "schema", "memo", cwd=repo).returncode == 2


def test_list_rules_in_process(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    (project / "templates").mkdir()
    (project / "templates" / "rules.yaml").write_text("placeholder-name: off\n", "utf-8")
    result = CliRunner().invoke(app, ["--lang", "en", "check", "--list-rules"])
    assert result.exit_code == 0
    rows = {
        line.split()[0]: line.split()[1]
        for line in result.output.splitlines()
        if not line.startswith(" ")
    }
    assert rows["placeholder"] == "error" and rows["placeholder-name"] == "off"
    assert "    max: 800" in result.output
    chinese = CliRunner().invoke(app, ["check", "--list-rules"]).output.splitlines()
    assert chinese[0] == (
        "placeholder          错误  作者忘了填写的占位符（X个月、XX、××、○○、TODO、待补充、【】）"
    )
    assert chinese[1].startswith("placeholder-name     关闭  ")
    checked = CliRunner().invoke(app, ["check", "2022"])
    assert checked.exit_code == 1 and "placeholder-name" not in checked.output


def test_line_100_is_not_an_emoji(reportgen_cmd: list[str], tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    lines = ["organisation: 城南街道", "year: 2022", "opening: |"] + [
        "  现将主要工作汇报如下。"
    ] * 96
    (data / "2022.yaml").write_text("\n".join([*lines, "  完成任务,成效明显。", ""]), "utf-8")
    result = run(reportgen_cmd, "check", "--strict", cwd=tmp_path)
    assert "data/2022.yaml:100:7" in result.stdout and "💯" not in result.stdout


YEAR = """organisation: 城南街道
year: {year}
highlights:
  - heading: 经济运行稳中向好
    points:
      - 规上工业总产值{value}万元。
metrics:
  - id: industrial_output
    label: 规上工业总产值
    value: {value}
    unit: 万元
"""

PLAN = """kind: plan
organisation: 城南街道
year: 2023
priorities:
  - heading: 稳住工业基本盘
    points:
      - 规上工业总产值4800万元为基数稳步提升。
metrics:
  - id: industrial_output
    label: 规上工业总产值
    value: 4800
    unit: 万元
"""


def test_figures_conflict_compares_one_years_files_only(
    reportgen_cmd: list[str], tmp_path: Path
) -> None:
    """``check`` with no arguments on two years: 2023's new figure is 2023's, not a conflict
    with 2022's; the 2023 plan, built with the 2022 review, still conflicts with it."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "2022.yaml").write_text(YEAR.format(year=2022, value=4720), "utf-8")
    (data / "2023.yaml").write_text(YEAR.format(year=2023, value=5310), "utf-8")
    result = run(reportgen_cmd, "check", cwd=tmp_path)
    assert "figures-conflict" not in result.stdout, result.stdout
    assert result.returncode == 0, result.stdout + result.stderr
    (data / "2023_plan.yaml").write_text(PLAN, "utf-8")
    result = run(reportgen_cmd, "check", cwd=tmp_path)
    assert result.returncode == 1
    conflicts = [
        line.split()[0] for line in result.stdout.splitlines() if "[figures-conflict]" in line
    ]
    # one figure, two values in the 2022 report: the plan's metric (11:12) against the review's
    # (10:12), and each text's 规上工业总产值…万元 (6:16, 7:16; 8 characters of indent and
    # list mark, 7 of label) against the other file's metric
    assert conflicts == [
        "data/2022.yaml:6:16",
        "data/2023_plan.yaml:7:16",
        "data/2023_plan.yaml:11:12",
    ], result.stdout
    assert "data/2023.yaml" not in "".join(
        line for line in result.stdout.splitlines() if "[figures-conflict]" in line
    )

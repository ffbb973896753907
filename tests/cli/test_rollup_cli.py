"""``reportgen rollup YEAR --projects 'orgs/*'`` as a district office runs it: through the
installed command, for its exit codes, its messages (Chinese by default) and its files."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from rollup_district import BROKEN, MISSING, make_district


@pytest.fixture
def district(tmp_path: Path) -> Path:
    make_district(tmp_path)
    return tmp_path


def run(cmd: list[str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*cmd, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_a_failed_office_is_reported_and_the_run_goes_on_exit_1(
    reportgen_cmd: list[str], district: Path
) -> None:
    result = run(reportgen_cmd, "rollup", "2022", "--projects", "orgs/*", cwd=district)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == ["已写入 rollup/2022.xlsx", "已写入 rollup/2022.docx"]
    assert f"缺报：orgs/p{MISSING:02d}：未报送2022年工作总结" in result.stderr
    assert f"未能读取：orgs/p{BROKEN}\n  orgs/p{BROKEN}/data/2022.yaml:4:" in result.stderr
    assert "汇总 30 个单位：28 个已读取，1 个缺报，1 个未能读取" in result.stderr
    assert "1 个指标在 rollup.yaml 中没有对应项" in result.stderr
    assert "Traceback" not in result.stderr
    rows = list(load_workbook(district / "rollup" / "2022.xlsx")["主要指标"].values)
    assert len(rows) == 1 + 28 + 2


def test_english_messages_and_the_same_figures_with_two_jobs(
    reportgen_cmd: list[str], district: Path
) -> None:
    one = run(reportgen_cmd, "rollup", "2022", "--projects", "orgs/*", "-f", "csv", cwd=district)
    first = (district / "rollup" / "2022.csv").read_bytes()
    two = run(
        reportgen_cmd, "--lang", "en", "rollup", "2022", "--projects", "orgs/*", "-f", "csv",
        "-o", "en", "--jobs", "2", cwd=district,
    )  # fmt: skip
    assert (one.returncode, two.returncode) == (1, 1)
    assert "30 offices: 28 read, 1 missing, 1 failed" in two.stderr and "(2 jobs)" in two.stderr
    assert f"failed: orgs/p{BROKEN}" in two.stderr
    assert two.stdout == "wrote en/2022.csv\n"
    english = (district / "en" / "2022.csv").read_text(encoding="utf-8-sig").splitlines()
    chinese = first.decode("utf-8-sig").splitlines()
    assert english[0].startswith("Office,规上工业总产值 (亿元),")
    assert english[1:-2] == chinese[1:-2]  # every office's figures, in the same order
    assert english[-2].split(",")[1:] == chinese[-2].split(",")[1:]  # and the totals


def test_missing_offices_alone_are_no_failure(reportgen_cmd: list[str], district: Path) -> None:
    shutil.rmtree(district / "orgs" / f"p{BROKEN}")
    result = run(
        reportgen_cmd, "rollup", "2022", "--projects", "orgs/*", "-f", "json", cwd=district
    )
    assert result.returncode == 0, result.stderr
    assert "1 个缺报，0 个未能读取" in result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["-f", "pdf"], "不支持的格式 “pdf”"),
        (["--jobs", "-1"], "--jobs 应为 0"),
        (["--mapping", "nowhere.yaml"], "找不到指标对照文件 nowhere.yaml"),
    ],
)
def test_usage_errors_exit_2(
    reportgen_cmd: list[str], district: Path, args: list[str], words: str
) -> None:
    result = run(reportgen_cmd, "rollup", "2022", "--projects", "orgs/*", *args, cwd=district)
    assert result.returncode == 2, result.stderr
    assert words in result.stderr and "Traceback" not in result.stderr
    assert not (district / "rollup").exists()


def test_a_year_that_is_no_year_and_a_pattern_that_matches_nothing(
    reportgen_cmd: list[str], district: Path
) -> None:
    assert (
        run(reportgen_cmd, "rollup", "20x2", "--projects", "orgs/*", cwd=district).returncode == 2
    )
    result = run(reportgen_cmd, "rollup", "2022", "--projects", "nothing/*", cwd=district)
    assert result.returncode == 2 and "没有匹配到任何文件夹" in result.stderr


def test_a_broken_mapping_is_one_located_error_before_any_office_is_read(
    reportgen_cmd: list[str], district: Path
) -> None:
    mapping = district / "rollup.yaml"
    mapping.write_text(
        mapping.read_text(encoding="utf-8").replace("    unit: 万元", "    units: 万元"),
        encoding="utf-8",
    )
    result = run(reportgen_cmd, "rollup", "2022", "--projects", "orgs/*", cwd=district)
    assert result.returncode == 1
    assert result.stderr.startswith("rollup.yaml:9:5  metrics[1].units: 未知的键 “units”")
    assert "“unit”" in result.stderr and "未能读取" not in result.stderr


def test_a_sheet_changed_by_hand_is_not_replaced_without_force(
    reportgen_cmd: list[str], district: Path
) -> None:
    args = ("rollup", "2022", "--projects", "orgs/*", "-f", "xlsx")
    assert run(reportgen_cmd, *args, cwd=district).returncode == 1
    sheet = district / "rollup" / "2022.xlsx"
    sheet.write_bytes(sheet.read_bytes() + b"edited")
    refused = run(reportgen_cmd, *args, cwd=district)
    assert refused.returncode == 1 and "2022.xlsx" in refused.stderr
    assert sheet.read_bytes().endswith(b"edited")
    assert run(reportgen_cmd, *args, "--force", cwd=district).returncode == 1
    assert not sheet.read_bytes().endswith(b"edited")


def test_a_progress_bar_on_a_terminal_only(reportgen_cmd: list[str], district: Path) -> None:
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [*reportgen_cmd, "rollup", "2022", "--projects", "orgs/*", "-f", "json"],
        cwd=district,
        stdout=subprocess.PIPE,
        stderr=follower,
        text=True,
        env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
    ) as process:
        os.close(follower)
        screen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closes when the process ends
                break
            if not chunk:
                break
            screen += chunk
        stdout = process.stdout.read() if process.stdout else ""
    os.close(leader)
    assert process.returncode == 1
    terminal = screen.decode("utf-8", "replace")
    assert "汇总" in terminal and "━" in terminal
    assert f"未能读取：orgs/p{BROKEN}" in terminal
    assert stdout == "已写入 rollup/2022.json\n"
    piped = run(reportgen_cmd, "rollup", "2022", "--projects", "orgs/*", "-f", "json", cwd=district)
    assert "━" not in piped.stderr

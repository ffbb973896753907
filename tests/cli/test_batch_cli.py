"""``reportgen build YEAR --projects 'orgs/*' --jobs N`` as a district office runs it."""

from __future__ import annotations

import os
import pty
import subprocess
from pathlib import Path

import pytest

REVIEW = """\
organisation: "{name}"
year: 2022
highlights:
  - heading: 社会发展开拓新局面
    points:
      - lead: 稳进提质统筹经济指标
        text: 经济运行稳中有进。
"""


@pytest.fixture
def district(tmp_path: Path) -> Path:
    """20 projects under orgs/; orgs/p13's review is not valid YAML."""
    for i in range(20):
        data = tmp_path / "orgs" / f"p{i:02d}" / "data"
        data.mkdir(parents=True)
        text = REVIEW.format(name=f"第{i + 1}街道")
        if i == 13:
            text = text.replace("year: 2022", "year: [2022")
        (data / "2022.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "orgs" / "notes.txt").write_text("a file, not a project", encoding="utf-8")
    return tmp_path


def run(cmd: list[str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*cmd, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_builds_the_good_and_reports_the_bad(
    reportgen_cmd: list[str], district: Path, jobs: str
) -> None:
    result = run(
        reportgen_cmd,
        "--lang",
        "en",
        "build",
        "2022",
        "-f",
        "txt",
        "--projects",
        "orgs/*",
        "--jobs",
        jobs,
        cwd=district,
    )
    assert result.returncode == 1, result.stderr
    wrote = sorted(line for line in result.stdout.splitlines() if line.startswith("wrote "))
    assert wrote == [f"wrote orgs/p{i:02d}/build/2022.txt" for i in range(20) if i != 13]
    assert not (district / "orgs" / "p13" / "build").exists()
    # The bad one: named, with the message and place the user would get building it alone.
    assert (
        "failed: orgs/p13\n  error: orgs/p13/data/2022.yaml:3:11: not valid YAML" in result.stderr
    )
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("built 19 of 20 projects in ")
    assert summary.endswith("1 failed: orgs/p13")
    # Not a terminal: no progress bar, no escape codes in a log.
    assert "\x1b[" not in result.stderr and "━" not in result.stderr
    text = (district / "orgs" / "p04" / "build" / "2022.txt").read_text(encoding="utf-8")
    assert text.startswith("第5街道2022年工作总结")


def test_all_good_exits_zero_and_output_collects_them(
    reportgen_cmd: list[str], district: Path
) -> None:
    (district / "orgs" / "p13" / "data" / "2022.yaml").write_text(
        REVIEW.format(name="第14街道"), encoding="utf-8"
    )
    result = run(
        reportgen_cmd,
        "build",
        "2022",
        "-f",
        "txt",
        "--projects",
        "orgs/p1*",
        "-o",
        "district",
        cwd=district,
    )
    assert result.returncode == 0, result.stderr
    built = sorted(p.parent.name for p in (district / "district").glob("*/2022.txt"))
    assert built == [f"p{i}" for i in range(10, 20)]
    assert "生成了 10/10 个项目" in result.stderr and "失败" not in result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--projects", "orgs/*", "--project", "orgs/p00"], "只能用其一"),
        (["--jobs", "2"], "--projects"),
        (["--projects", "org/*"], "--projects “org/*” 没有匹配到任何文件夹"),
        (["--projects", "orgs/*", "--jobs", "-1"], "--jobs"),
        (["--projects", "orgs/*", "-f", "pdf"], "不认识的格式 “pdf”"),
        (["--projects", "orgs/*", "-o", "orgs/notes.txt"], "必须是文件夹"),
    ],
)
def test_batch_usage_errors(
    reportgen_cmd: list[str], district: Path, args: list[str], words: str
) -> None:
    result = run(reportgen_cmd, "build", "2022", *args, cwd=district)
    assert result.returncode == 2, result.stderr
    assert words in result.stderr
    assert not list(district.glob("orgs/*/build"))  # refused before building anything


def test_progress_bar_on_a_terminal_only(reportgen_cmd: list[str], district: Path) -> None:
    # stderr is a terminal, stdout a pipe: the bar is drawn on the terminal, the list of files
    # still goes down the pipe.
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [*reportgen_cmd, "build", "2022", "-f", "txt", "--projects", "orgs/*"],
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
    assert "生成中" in terminal and "━" in terminal
    assert "失败：orgs/p13" in terminal and "生成了 19/20 个项目" in terminal
    assert stdout.count("已写入 ") == 19 and "━" not in stdout

"""The command line in the user's language, through the installed command: help, usage errors,
global options before or after the subcommand, and build's one-line summary."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

COMMANDS = ("build", "check", "diff", "import", "new", "rollup", "schema", "track")
# Three English words in a row: prose, not a file name or a format list.
ENGLISH_PROSE = re.compile(r"[A-Za-z]{3,} [a-z]{2,} [a-z]{3,}")


def run(cmd: list[str], *args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run with a clean language environment: only what ``env`` sets."""
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("REPORTGEN_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
    }
    return subprocess.run(
        [*cmd, *args], cwd=cwd, capture_output=True, text=True, timeout=120, env={**base, **env}
    )


@pytest.mark.parametrize("command", [(), *((c,) for c in COMMANDS)])
def test_help_is_chinese_under_a_chinese_locale(
    reportgen_cmd: list[str], tmp_path: Path, command: tuple[str, ...]
) -> None:
    result = run(reportgen_cmd, *command, "--help", cwd=tmp_path, LANG="zh_CN.UTF-8")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"用法： reportgen {' '.join(command)}".replace("  ", " "))
    assert "选项" in out and "显示本帮助并退出。" in out
    for line in out.splitlines():
        assert not ENGLISH_PROSE.search(line), line


@pytest.mark.parametrize("command", [(), *((c,) for c in COMMANDS)])
def test_help_is_english_under_the_c_locale(
    reportgen_cmd: list[str], tmp_path: Path, command: tuple[str, ...]
) -> None:
    result = run(reportgen_cmd, *command, "--help", cwd=tmp_path, LANG="C")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: reportgen")
    assert "Options:" in result.stdout and "Show this message and exit." in result.stdout
    assert "用法" not in result.stdout and "选项" not in result.stdout


def test_placeholders_name_the_year_in_each_language(
    reportgen_cmd: list[str], tmp_path: Path
) -> None:
    zh = run(reportgen_cmd, "build", "--help", cwd=tmp_path, LANG="zh_CN.UTF-8").stdout
    en = run(reportgen_cmd, "build", "--help", cwd=tmp_path, LANG="C").stdout
    assert zh.splitlines()[0] == "用法： reportgen build [选项] {年份}"
    assert en.splitlines()[0] == "Usage: reportgen build [OPTIONS] {YEAR}"


def test_no_locale_at_all_means_chinese(reportgen_cmd: list[str], tmp_path: Path) -> None:
    result = run(reportgen_cmd, "--help", cwd=tmp_path)
    assert result.stdout.startswith("用法：")


def test_reportgen_lang_beats_the_locale_and_lang_beats_both(
    reportgen_cmd: list[str], tmp_path: Path
) -> None:
    env = {"LANG": "C", "REPORTGEN_LANG": "zh"}
    assert run(reportgen_cmd, "--help", cwd=tmp_path, **env).stdout.startswith("用法：")
    both = run(reportgen_cmd, "--help", "--lang", "en", cwd=tmp_path, **env)
    assert both.stdout.startswith("Usage:")


@pytest.mark.parametrize(
    ("args", "lang", "last_line"),
    [
        (["build", "2022", "--strcit"], "zh", "错误：没有这个选项：--strcit，是否应为 --strict？"),
        (
            ["build", "2022", "--strcit"],
            "en",
            "Error: No such option: --strcit Did you mean --strict?",
        ),
        (["build"], "zh", "错误：缺少参数 '年份'"),
        (["build"], "en", "Error: Missing argument 'YEAR'"),
        (["build", "2022", "2023"], "zh", "错误：多余的参数：2023"),
        (["build", "2022", "2023"], "en", "Error: Got unexpected extra argument (2023)"),
        (
            ["build", "2022", "-j", "x"],
            "zh",
            "错误：'--jobs' / '-j' 的值无效：应为整数，实际是 文本 “x”",
        ),
        (
            ["build", "2022", "-j", "x"],
            "en",
            "Error: Invalid value for '--jobs' / '-j': expected a whole number, found the text “x”",
        ),
    ],
)
def test_usage_errors_in_the_users_language(
    reportgen_cmd: list[str], project: Path, args: list[str], lang: str, last_line: str
) -> None:
    # --lang after the subcommand: a global option works wherever it is typed.
    result = run(reportgen_cmd, *args, "--lang", lang, cwd=project)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1] == last_line
    usage, try_help = lines[0], lines[1]
    if lang == "zh":
        assert usage.startswith("用法： reportgen build [选项]")
        assert try_help == "运行 “reportgen build --help” 查看帮助。"
    else:
        assert usage.startswith("Usage: reportgen build [OPTIONS]")
        assert try_help == "Try 'reportgen build --help' for help."


def test_global_options_after_the_subcommand(reportgen_cmd: list[str], project: Path) -> None:
    result = run(reportgen_cmd, "check", "2022", "--no-color", "--debug", "--lang=en", cwd=project)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[-1] == "2 error(s), 5 warning(s) in 2 file(s)"
    assert "\x1b[" not in result.stdout


def test_no_color_environment_variable_wins_over_a_forced_terminal(
    reportgen_cmd: list[str], project: Path
) -> None:
    coloured = run(reportgen_cmd, "check", "2022", cwd=project, FORCE_COLOR="1")
    assert "\x1b[" in coloured.stdout  # the test can fail: colour is on without NO_COLOR
    plain = run(reportgen_cmd, "check", "2022", cwd=project, FORCE_COLOR="1", NO_COLOR="1")
    assert "\x1b[" not in plain.stdout


def test_build_ends_with_one_line_saying_what_is_left(
    reportgen_cmd: list[str], project: Path
) -> None:
    zh = run(reportgen_cmd, "build", "2022", cwd=project, LANG="zh_CN.UTF-8")
    assert zh.returncode == 0, zh.stderr
    assert zh.stderr.splitlines()[-1] == (
        "已生成 build/2022.docx；报送前还有 2 处错误、5 处提醒需处理（reportgen check 2022）"
    )
    en = run(reportgen_cmd, "build", "2022", "-f", "md", cwd=project, LANG="C")
    assert en.stderr.splitlines()[-1] == (
        "built build/2022.md; before submitting, 2 error(s) and 5 warning(s) need attention "
        "(reportgen check 2022)"
    )


def test_strict_build_fails_on_errors_but_still_writes(
    reportgen_cmd: list[str], project: Path
) -> None:
    result = run(reportgen_cmd, "build", "2022", "--strict", cwd=project)
    assert result.returncode == 1
    assert (project / "build" / "2022.docx").is_file()


def test_a_clean_build_says_so(reportgen_cmd: list[str], project: Path) -> None:
    data = project / "data"
    (data / "2023_plan.yaml").unlink()  # the plan has an error; the review alone is built
    review = data / "2022.yaml"
    text = review.read_text(encoding="utf-8").replace("X个月", "3个月").replace("*", "东城")
    review.write_text(text, encoding="utf-8")
    result = run(reportgen_cmd, "build", "2022", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "已生成 build/2022.docx；检查未发现问题，可以报送"

"""Through the installed command: the typing mistakes a Chinese input method makes, each at its
own line:column with the fix, and the data file a user meant under another name."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest


def run(cmd: list[str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*cmd, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def edit_line(path: Path, starts: str, new: str) -> int:
    """Replace the first line that starts with ``starts`` by ``new``; its 1-based number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(starts))
    lines[index] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


HEADING = "    heading: 拆征安置取得新突破"
ITEM = "  - id: demolition-resettlement"
POINT = "      - lead: 护航重点项目建设"
BLOCK = "          半年和谐拆除建筑面积"

# (the line edited, its new text, column, Chinese words, English words): columns by hand.
CASES = {
    "full-width colon": (
        HEADING,
        "    heading：拆征安置取得新突破",
        12,
        "“heading” 后面是全角冒号 “：”",
        "把 “：” 改为半角冒号 “:”，再在后面加一个空格：heading: …",
        "type a half-width ':' followed by a space instead: heading: …",
    ),
    "full-width space": (
        POINT,
        "    \u3000 - lead: 护航重点项目建设",
        5,
        "缩进中有全角空格",
        "用半角空格重新缩进这一行",
        "re-indent this line with half-width spaces",
    ),
    "full-width dash": (
        ITEM,
        "  － id: demolition-resettlement",
        3,
        "列表标记是全角的 “－”",
        "把 “－” 改为半角 “-”，后面加一个空格",
        "type a half-width '-' instead of '－', followed by a space",
    ),
    "Chinese quotes": (
        HEADING,
        "    heading: “拆征安置: 取得新突破”",
        14,
        "值用中文引号（“…）括起来了",
        "改用半角引号括起整段值",
        "wrap the whole value in half-width quotes",
    ),
    "block broken": (
        BLOCK,
        "        半年和谐拆除建筑面积5000余平方米、信众3000余人的沙滩头教堂，",
        9,
        "文本块（|）中的这一行缩进比上面的正文少",
        "把这一行缩进 10 个空格，与上面的正文对齐",
        "indent this line by 10 spaces, like the text above it",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_typing_mistakes_are_named_where_they_were_typed(
    reportgen_cmd: list[str], project: Path, case: str
) -> None:
    starts, new, column, words, zh_fix, en_fix = CASES[case]
    line = edit_line(project / "data" / "2022.yaml", starts, new)
    where = f"data/2022.yaml:{line}:{column}"
    zh = run(reportgen_cmd, "check", "data/2022.yaml", cwd=project)
    assert zh.returncode == 1
    found = [row for row in zh.stdout.splitlines() if where in row]
    assert len(found) == 1 and words in found[0], zh.stdout
    assert zh_fix in zh.stdout
    en = run(reportgen_cmd, "build", "2022", "--lang", "en", cwd=project)
    assert en.returncode == 1
    assert where in en.stderr and en_fix in en.stderr, en.stderr


def test_chinese_paragraph_indents_inside_a_block_are_text(
    reportgen_cmd: list[str], project: Path
) -> None:
    """Full-width spaces and dashes inside a | block are the author's prose, not mistakes."""
    edit_line(
        project / "data" / "2022.yaml",
        BLOCK,
        "          \u3000\u3000－半年和谐拆除建筑面积：5000余平方米，",
    )
    result = run(reportgen_cmd, "check", "data/2022.yaml", cwd=project)
    assert "[yaml]" not in result.stdout, result.stdout


def test_a_plan_saved_as_yml_is_read(reportgen_cmd: list[str], project: Path) -> None:
    data = project / "data"
    (data / "2023_plan.yaml").rename(data / "2023_plan.yml")
    build = run(reportgen_cmd, "build", "2022", "-f", "txt", cwd=project)
    assert build.returncode == 0, build.stderr
    assert "（reportgen check 2022）" in build.stderr.splitlines()[-1]
    assert "工作思路" in (project / "build" / "2022.txt").read_text(encoding="utf-8")
    for args in (["track", "2023"], ["build", "2023_plan", "-f", "md"]):
        result = run(reportgen_cmd, *args, cwd=project)
        assert result.returncode == 0, (args, result.stderr)
        assert "项目文件夹" not in result.stderr


@pytest.mark.parametrize("name", ["2023-plan.yaml", "2023plan.yaml", "2023_计划.yaml"])
def test_a_near_miss_name_is_named_with_the_right_one(
    reportgen_cmd: list[str], project: Path, name: str
) -> None:
    data = project / "data"
    (data / "2023_plan.yaml").rename(data / name)
    track = run(reportgen_cmd, "track", "2023", cwd=project)
    assert track.returncode == 1
    assert track.stderr == (
        "错误：找不到2023年的计划：查找的是 data/2023_plan.yaml\n"
        f"  → 找到了 “{name}”，但文件名应为 “2023_plan.yaml”：请把它改名为 2023_plan.yaml\n"
    )
    build = run(reportgen_cmd, "build", "2022", "--lang", "en", cwd=project)
    assert build.returncode == 0
    assert (
        f"note: the 2023 plan was not read: found '{name}', but the name must be "
        "'2023_plan.yaml': rename it to 2023_plan.yaml" in build.stderr
    )


def test_a_missing_file_says_where_it_looked_and_what_is_there(
    reportgen_cmd: list[str], project: Path, tmp_path: Path
) -> None:
    result = run(reportgen_cmd, "build", "2024", cwd=project)
    assert result.returncode == 1
    assert result.stderr == (
        "错误：找不到2024年的总结：查找的是 data/2024.yaml\n"
        "  → data 中现有的文件：2022.yaml、2023_plan.yaml；请检查年份，"
        "或在项目文件夹中运行命令（也可用 --project 指定项目文件夹）\n"
    )
    elsewhere = run(reportgen_cmd, "build", "2022", "--lang", "en", cwd=tmp_path)
    assert elsewhere.stderr == (
        "error: the 2022 review not found: looked for data/2022.yaml\n"
        "  → there is no data folder here: run the command in your project folder, "
        "or pass --project DIR\n"
    )

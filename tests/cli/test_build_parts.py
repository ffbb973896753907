"""``reportgen build`` of a document with the author's own titles, parts and sub-points (issue
12), through the installed command: every format shows them where the author put them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ooxml import validate_docx

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "parts"

# Written by hand from tests/fixtures/parts/data/2024.yaml: the author's titles replace the
# default ones, 基本情况 stands after the opening with its two paragraphs, 意见建议 after the
# last section with its items, all four numbered 一、 to 四、 in order; sub-points run in after
# their point's text (run-in) or stand as paragraphs （1）（2） under the point 1. (list).
EXPECTED_TXT = """\
青石镇2024年工作总结

2024年，青石镇围绕年度目标扎实推进各项工作。现将有关情况报告如下。
一、基本情况
青石镇下辖8个行政村，户籍人口3.2万人。
全镇耕地面积4.5万亩。
二、主要工作及成效
（一）产业发展稳中有进。抓项目，全年落地项目12个：（1）工业项目7个；（2）农业项目5个。招商引资实现新突破。
三、存在的问题和不足
（一）基础设施仍有短板。部分村道路亟待提升。
四、意见建议
（一）加大财力支持。建议提高村级运转经费标准。
（二）强化人才保障。
1.建议从三方面着手：
（1）选派年轻干部驻村。
（2）培训农村实用人才。
全镇上下将再接再厉。
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    return root


def build(cmd: list[str], project: Path, fmt: str) -> Path:
    result = subprocess.run(
        [*cmd, "build", "2024", "-f", fmt],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "错误" not in result.stderr, result.stderr  # the fixture is clean for check too
    return project / "build" / f"2024.{fmt}"


def test_txt_shows_titles_parts_and_subpoints_in_place(
    reportgen_cmd: list[str], project: Path
) -> None:
    assert build(reportgen_cmd, project, "txt").read_text("utf-8") == EXPECTED_TXT


def test_md_and_html_make_parts_level_one_headings(reportgen_cmd: list[str], project: Path) -> None:
    md = build(reportgen_cmd, project, "md").read_text("utf-8")
    assert (
        "## 一、基本情况\n\n青石镇下辖8个行政村，户籍人口3.2万人。\n\n全镇耕地面积4.5万亩。\n" in md
    )
    assert "## 四、意见建议\n\n**（一）加大财力支持。**建议提高村级运转经费标准。\n" in md
    assert "**1.**建议从三方面着手：\n\n**（1）**选派年轻干部驻村。\n" in md
    html = build(reportgen_cmd, project, "html").read_text("utf-8")
    assert "<h2>二、主要工作及成效</h2>" in html and "<h2>四、意见建议</h2>" in html
    assert '<p class="paragraph l4"><span class="number">（2）</span>培训农村实用人才。</p>' in html


def test_docx_holds_the_same_paragraphs_and_is_valid(
    reportgen_cmd: list[str], project: Path
) -> None:
    docx = pytest.importorskip("docx")
    path = build(reportgen_cmd, project, "docx")
    paragraphs = [p for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    assert [p.text for p in paragraphs] == [line for line in EXPECTED_TXT.splitlines() if line]
    styles = {p.text: p.style.name for p in paragraphs}
    assert styles["一、基本情况"] == styles["四、意见建议"] == "Heading 1"
    assert styles["（二）强化人才保障。"] == "Heading 2"
    # the run-in sub-point's number is body text (仿宋), not the item heading's 楷体
    run_in = next(p for p in paragraphs if p.text.startswith("（一）产业发展"))
    number = next(r for r in run_in.runs if r.text == "（1）")
    heading_number = next(r for r in run_in.runs if r.text == "（一）")
    assert number._element.rPr.rFonts.get(qn_east_asia()) != heading_number._element.rPr.rFonts.get(
        qn_east_asia()
    )
    assert [p for p in validate_docx(path) if "zoom" not in p] == []


def qn_east_asia() -> str:
    from docx.oxml.ns import qn

    return qn("w:eastAsia")

"""``reportgen diff`` as users run it: exit codes like diff(1), outputs, errors."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from typer.testing import CliRunner

from reportgen import oxml
from reportgen.cli import app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "diff"


@pytest.fixture
def here(tmp_path: Path) -> Path:
    """A project folder holding the diff fixtures, as the current folder."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "data", root / "data")
    shutil.copy(FIXTURES / "2022_edited.yaml", root / "2022_edited.yaml")
    return root


def run(cmd: list[str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*cmd, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_identical_files_exit_0_with_one_line(reportgen_cmd: list[str], here: Path) -> None:
    result = run(reportgen_cmd, "diff", "2022", "data/2022.yaml", cwd=here)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "data/2022.yaml 与 data/2022.yaml 内容相同\n"
    assert result.stderr == ""


def test_different_files_exit_1(reportgen_cmd: list[str], here: Path) -> None:
    result = run(reportgen_cmd, "diff", "2022", "2022_edited.yaml", cwd=here)
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""  # jieba loads silently
    lines = result.stdout.splitlines()
    assert lines[0] == "对比 data/2022.yaml → 2022_edited.yaml"
    assert "[-完成-]{+启动+}" in result.stdout  # a pipe gets marks, not colours
    assert "\x1b[" not in result.stdout
    assert lines[-1].startswith("data/2022.yaml → 2022_edited.yaml：新增 1 项，删除 1 项")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["2022", "2031"], "not found"),
        (["2022", "missing.yaml"], "not found"),
        (["2022", "broken.yaml"], "not valid YAML"),
        (["2022", "2023", "--format", "pdf"], "unknown format 'pdf'"),
    ],
)
def test_errors_exit_2(reportgen_cmd: list[str], here: Path, args: list[str], words: str) -> None:
    (here / "broken.yaml").write_text("kind: review\n  year: [2022\n", "utf-8")
    result = run(reportgen_cmd, "--lang", "en", "diff", *args, cwd=here)
    assert result.returncode == 2
    assert words in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


def test_an_invalid_file_exits_2_listing_its_problems(reportgen_cmd: list[str], here: Path) -> None:
    (here / "bad.yaml").write_text("kind: review\norganisation: x\nyear: 二〇二二\n", "utf-8")
    result = run(reportgen_cmd, "diff", "2022", "bad.yaml", cwd=here)
    assert result.returncode == 2
    assert "bad.yaml:3" in result.stderr


def test_docx_output(reportgen_cmd: list[str], here: Path) -> None:
    result = run(
        reportgen_cmd, "diff", "2022", "2023", "--format", "docx", "--author", "科室", cwd=here
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[-1] == "已写入 build/2022-2023.diff.docx"
    data = (here / "build" / "2022-2023.diff.docx").read_bytes()
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")).find(
        qn("w:body")
    )
    accepted = oxml.paragraph_texts(body, accept=True)
    rejected = oxml.paragraph_texts(body, accept=False)
    assert accepted[0] == "*街道2023年工作总结"
    # the whole document 2022 builds: the review and the 2023 plan (issue 17)
    assert rejected[0] == "*街道2022年工作总结及2023年工作思路"
    assert {m.get(qn("w:author")) for m in oxml.revisions(body)} == {"科室"}
    # accepting every change gives what `build 2023` writes, rejecting what `build 2022` does
    # (their paragraphs; the key figures table is not part of the tracked-changes document)
    for year, texts in (("2022", rejected), ("2023", accepted)):
        built = run(reportgen_cmd, "build", year, cwd=here)
        assert built.returncode == 0, built.stderr
        document = Document(str(here / "build" / f"{year}.docx"))
        assert texts == [p.text for p in document.paragraphs], year


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_text_formats_to_a_file(fmt: str, here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(here)
    result = CliRunner().invoke(app, ["diff", "2022", "2023", "-f", fmt, "-o", f"out/diff.{fmt}"])
    assert result.exit_code == 1, result.output
    text = (here / "out" / f"diff.{fmt}").read_text("utf-8")
    assert result.output.splitlines()[-1] == f"已写入 out/diff.{fmt}"
    if fmt == "json":
        assert json.loads(text)["counts"]["added"] == 3
    else:
        assert "限上批发业销售额" in text


def test_a_diff_file_edited_by_hand_is_not_replaced(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(here)
    assert (
        CliRunner().invoke(app, ["diff", "2022", "2023", "-f", "md", "-o", "d.md"]).exit_code == 1
    )
    (here / "d.md").write_text("我的批注", "utf-8")
    result = CliRunner().invoke(app, ["diff", "2022", "2023", "-f", "md", "-o", "d.md"])
    assert result.exit_code == 2
    assert (here / "d.md").read_text("utf-8") == "我的批注"
    forced = CliRunner().invoke(app, ["diff", "2022", "2023", "-f", "md", "-o", "d.md", "--force"])
    assert forced.exit_code == 1 and (here / "d.md").read_text("utf-8").startswith("# 对比")


def test_colour_on_request(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(here)
    result = CliRunner().invoke(app, ["diff", "2022", "2022_edited.yaml", "--color"], color=True)
    assert result.exit_code == 1
    assert "\x1b[" in result.output and "[-完成-]" not in result.output


def test_help_explains_the_exit_codes() -> None:
    result = CliRunner().invoke(app, ["--lang", "en", "diff", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "0 when the files say the same, 1 when they differ, 2 when" in " ".join(
        result.output.split()
    )

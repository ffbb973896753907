"""``reportgen build`` as users run it: the installed command in a subprocess."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportgen.cli import app


def run(cmd: list[str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*cmd, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_build_all_formats(reportgen_cmd: list[str], project: Path) -> None:
    result = run(reportgen_cmd, "build", "2022", "--format", "all", cwd=project)
    assert result.returncode == 0, result.stderr
    for fmt in ("docx", "md", "txt", "html"):
        path = project / "build" / f"2022.{fmt}"
        assert f"已写入 build/2022.{fmt}" in result.stdout
        assert path.stat().st_size > 1000
    text = (project / "build" / "2022.txt").read_text(encoding="utf-8")
    assert text.startswith("*街道2022年工作总结及2023年工作思路\n")
    assert "三、2023年重点工作" in text
    html = (project / "build" / "2022.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html and "（一）" in html


def test_default_is_docx_and_reads_back(reportgen_cmd: list[str], project: Path) -> None:
    docx = pytest.importorskip("docx")
    result = run(reportgen_cmd, "build", "2022", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "已写入 build/2022.docx"
    document = docx.Document(str(project / "build" / "2022.docx"))
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    assert paragraphs[0] == "*街道2022年工作总结及2023年工作思路"
    assert "一、2022年亮点工作" in paragraphs


def test_project_option_and_output_file(
    reportgen_cmd: list[str], project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "elsewhere" / "report.txt"
    result = run(
        reportgen_cmd,
        "build",
        "2022",
        "-f",
        "txt",
        "-o",
        str(out),
        "--project",
        str(project),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("*街道")


def test_review_alone_says_so(reportgen_cmd: list[str], project: Path) -> None:
    (project / "data" / "2023_plan.yaml").unlink()
    result = run(reportgen_cmd, "build", "2022", "-f", "txt", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "说明：没有2023年的计划（data/2023_plan.yaml）：只生成2022年的总结" in result.stderr
    text = (project / "build" / "2022.txt").read_text(encoding="utf-8")
    assert text.startswith("*街道2022年工作总结\n") and "重点工作" not in text


def test_plan_alone(reportgen_cmd: list[str], project: Path) -> None:
    result = run(reportgen_cmd, "build", "2023_plan", "-f", "md", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (
        (project / "build" / "2023_plan.md")
        .read_text(encoding="utf-8")
        .startswith("# \\*街道2023年工作思路")
    )


def test_missing_data_names_the_path(reportgen_cmd: list[str], tmp_path: Path) -> None:
    result = run(reportgen_cmd, "--lang", "en", "build", "2022", cwd=tmp_path)
    assert result.returncode == 1
    assert "looked for data/2022.yaml" in result.stderr
    assert "Traceback" not in result.stderr


def test_yaml_syntax_error_names_file_line_column(reportgen_cmd: list[str], project: Path) -> None:
    path = project / "data" / "2022.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("year:"))
    lines[index] = 'year: "2022'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(reportgen_cmd, "--lang", "en", "build", "2022", cwd=project)
    assert result.returncode == 1
    assert "data/2022.yaml:" in result.stderr
    assert "not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr


def test_schema_error_names_path_and_line(reportgen_cmd: list[str], project: Path) -> None:
    path = project / "data" / "2022.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nshortcomings:", "\nshortcommings:", 1), encoding="utf-8")
    line = next(
        i
        for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if row.startswith("shortcommings:")
    )
    result = run(reportgen_cmd, "--lang", "en", "build", "2022", cwd=project)
    assert result.returncode == 1
    assert f"data/2022.yaml:{line}:1  shortcommings: unknown key 'shortcommings'" in result.stderr
    assert "did you mean 'shortcomings'" in result.stderr
    assert "Traceback" not in result.stderr


def test_failed_build_leaves_earlier_output_untouched(
    reportgen_cmd: list[str], project: Path
) -> None:
    assert run(reportgen_cmd, "build", "2022", "-f", "all", cwd=project).returncode == 0
    before = {p.name: p.read_bytes() for p in (project / "build").iterdir()}
    (project / "data" / "2022.yaml").write_text("organisation: [broken\n", encoding="utf-8")
    result = run(reportgen_cmd, "build", "2022", "-f", "all", cwd=project)
    assert result.returncode == 1
    after = {p.name: p.read_bytes() for p in (project / "build").iterdir()}
    assert after == before  # same files, same bytes, no temporary files left behind


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--lang", "en", "build", "twenty"], "'twenty' is not a year"),
        (["build", "2022", "--format", "pdf"], "不认识的格式 “pdf”"),
        (["build"], "缺少参数 '年份'"),
        (["--lang", "fr", "build", "2022"], "请选择 zh 或 en，而不是 “fr”"),
        (["--lang", "en", "build", "2022", "--format", "pdf"], "unknown format 'pdf'"),
        (["build", "--lang", "en"], "Missing argument 'YEAR'"),
    ],
)
def test_usage_errors_exit_2(
    reportgen_cmd: list[str], project: Path, args: list[str], words: str
) -> None:
    result = run(reportgen_cmd, *args, cwd=project)
    assert result.returncode == 2, result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_in_process_with_cli_runner(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    result = CliRunner().invoke(app, ["build", "2022", "--format", "md"])
    assert result.exit_code == 0, result.output
    assert "已写入 build/2022.md" in result.output
    assert "## 一、2022年亮点工作" in (project / "build" / "2022.md").read_text(encoding="utf-8")

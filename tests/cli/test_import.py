"""``reportgen import`` as users run it: files written, refused, or a clear message."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from reportgen.cli import app
from reportgen.cli.app import run as run_cli
from reportgen.model.validate import load_plan, load_review

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED = FIXTURES / "seed.txt"


Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    """``reportgen import ARGS --project P`` in-process, through the console script's error
    boundary: (exit code, stdout, stderr)."""

    def invoke(project: Path, *args: str) -> tuple[int, str, str]:
        monkeypatch.chdir(project)
        argv = ["reportgen", "--lang", "en", "import", *args, "--project", str(project)]
        monkeypatch.setattr(sys, "argv", argv)
        capsys.readouterr()
        code = run_cli(app)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke


def written(project: Path) -> list[str]:
    return (
        sorted(p.name for p in (project / "data").glob("*")) if (project / "data").exists() else []
    )


def test_import_the_seed_with_the_installed_command(
    tmp_path: Path, reportgen_cmd: list[str]
) -> None:
    result = subprocess.run(
        [*reportgen_cmd, "import", str(SEED)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (
        "seed.txt：40 段 → 开头 1，亮点工作 25（5 项），存在问题 6（3 项），重点工作 7（5 项）"
        "；去掉 1 段（网页导语 1）" in result.stdout
    )
    assert (
        "已写入 data/2022.yaml" in result.stdout and "已写入 data/2023_plan.yaml" in result.stdout
    )
    assert "去掉 第 1 行（网页导语）：下面是小编为大家整理的" in result.stderr
    assert "22 处在“；”后断开的行已接回" in result.stderr
    review = load_review(tmp_path / "data" / "2022.yaml")
    assert (review.organisation, review.year, len(review.highlights)) == ("*街道", 2022, 5)
    assert load_plan(tmp_path / "data" / "2023_plan.yaml").year == 2023
    built = subprocess.run(
        [*reportgen_cmd, "build", "2022", "--format", "txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 0, built.stderr
    assert (
        (tmp_path / "build" / "2022.txt")
        .read_text(encoding="utf-8")
        .startswith("*街道2022年工作总结")
    )


def test_an_existing_file_is_never_replaced_without_force(tmp_path: Path, cli: Cli) -> None:
    assert cli(tmp_path, str(SEED))[0] == 0
    review = tmp_path / "data" / "2022.yaml"
    review.write_text(review.read_text(encoding="utf-8") + "# my notes\n", encoding="utf-8")
    code, _, err = cli(tmp_path, str(SEED))
    assert code == 1
    assert (
        "data/2022.yaml" in err and "already exist; nothing was written" in err and "--force" in err
    )
    assert "# my notes" in review.read_text(encoding="utf-8")
    assert cli(tmp_path, str(SEED), "--force")[0] == 0
    assert "# my notes" not in review.read_text(encoding="utf-8")


def test_output_options(tmp_path: Path, cli: Cli) -> None:
    code, _, _ = cli(tmp_path, str(SEED), "-o", str(tmp_path / "old" / "r.yaml"))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "old").glob("*.yaml")) == ["2023_plan.yaml", "r.yaml"]
    code, _, _ = cli(
        tmp_path,
        str(SEED),
        "-o",
        str(tmp_path / "a.yaml"),
        "--plan-output",
        str(tmp_path / "b.yaml"),
    )
    (tmp_path / "folder").mkdir()  # a folder: it becomes a project, the files go in its data/
    assert cli(tmp_path, str(SEED), "-o", str(tmp_path / "folder"))[0] == 0
    assert sorted(p.name for p in (tmp_path / "folder" / "data").glob("*.yaml")) == [
        "2022.yaml",
        "2023_plan.yaml",
    ]
    assert code == 0 and (tmp_path / "b.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schema/plan.schema.json"
    )


def test_dry_run_writes_nothing(tmp_path: Path, cli: Cli) -> None:
    code, out, _ = cli(tmp_path, str(SEED), "--dry-run")
    assert code == 0
    assert "would write data/2022.yaml\nwould write data/2023_plan.yaml" in out
    assert written(tmp_path) == []


def test_keep_punctuation_keeps_the_authors_marks(tmp_path: Path, cli: Cli) -> None:
    code, _, err = cli(tmp_path, str(SEED), "--keep-punctuation")
    assert code == 0 and "full-width" not in err
    text = (tmp_path / "data" / "2022.yaml").read_text(encoding="utf-8")
    assert "按照“疫情要防住、经济要稳住、发展要安全”要求,慎终如始" in text
    # the lead phrase is still found after a half-width comma
    assert "- lead: 稳进提质统筹经济指标" in text


def test_a_plan_alone_is_written_as_a_plan(tmp_path: Path, cli: Cli) -> None:
    code, out, _ = cli(tmp_path, str(FIXTURES / "import" / "plan_only.txt"))
    assert code == 0, out
    assert written(tmp_path) == [".reportgen.json", "2023_plan.yaml"]
    assert load_plan(tmp_path / "data" / "2023_plan.yaml").title == "XX社区2023年工作计划"


def test_organisation_and_year_options_fill_what_the_document_does_not_say(
    tmp_path: Path, cli: Cli
) -> None:
    anonymous = tmp_path / "anon.txt"
    anonymous.write_text(
        "一、主要成绩\n（一）工作有序推进。完成任务。\n二、存在问题\n（一）人手不足。\n",
        encoding="utf-8",
    )
    code, _, err = cli(tmp_path, str(anonymous))
    assert code == 1 and "does not say which organisation" in err and "which year" in err
    assert "--organisation" in err and "--year" in err  # one message names both flags
    code, _, err = cli(tmp_path, str(anonymous), "--organisation", "XX办")
    assert code == 1 and "does not say which year" in err and "--year" in err
    assert "organisation" not in err
    assert written(tmp_path) == []
    code, _, _ = cli(tmp_path, str(anonymous), "--organisation", "XX办", "--year", "2021")
    assert code == 0
    review = yaml.safe_load((tmp_path / "data" / "2021.yaml").read_text(encoding="utf-8"))
    assert (review["organisation"], review["year"]) == ("XX办", 2021)


def _zip_without_word(path: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a word document")
    path.write_bytes(buffer.getvalue())
    return path


BROKEN = {
    "empty.txt": lambda p: p.write_bytes(b""),
    "blank.txt": lambda p: p.write_text(" \n\n\u3000\n", encoding="utf-8"),
    "binary.txt": lambda p: p.write_bytes(bytes(range(256)) * 16),
    "image.txt": lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64)),
    "text.docx": lambda p: p.write_text("一、主要成绩\n（一）这不是 Word 文件。", encoding="utf-8"),
    "empty.docx": lambda p: p.write_bytes(b""),
    "other.docx": _zip_without_word,
    "old.docx": lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)),
    "report.pdf": lambda p: p.write_bytes(b"%PDF-1.7\n"),
    "no_structure.txt": lambda p: p.write_bytes(
        (FIXTURES / "import" / "no_structure.txt").read_bytes()
    ),
}
MESSAGES = {
    "empty.txt": "is empty",
    "blank.txt": "is empty",
    "binary.txt": "not a text file",
    "image.txt": "an image",
    "text.docx": "not a Word document",
    "empty.docx": "is empty",
    "other.docx": "not a readable Word document",
    "old.docx": "old Word (.doc) file",
    "report.pdf": ".pdf files cannot be imported",
    "no_structure.txt": "found no structure to import",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_input_gives_a_message_and_writes_nothing(
    name: str, tmp_path: Path, cli: Cli
) -> None:
    path = tmp_path / name
    BROKEN[name](path)
    code, out, err = cli(tmp_path, str(path))
    assert code == 1
    assert err.startswith("error: ") and MESSAGES[name] in err
    assert "Traceback" not in out + err and "internal error" not in err
    assert written(tmp_path) == []


def test_a_missing_file_and_a_folder(tmp_path: Path, cli: Cli) -> None:
    code, _, err = cli(tmp_path, str(tmp_path / "nope.docx"))
    assert code == 1 and "file not found" in err
    code, _, err = cli(tmp_path, str(tmp_path))
    assert code == 1 and "is a folder" in err


PROBE = """
import json, sys
out, sys.argv = sys.argv[1], ["reportgen", *sys.argv[2:]]
from reportgen.cli import main
try:
    main()
except SystemExit:
    pass
with open(out, "w") as handle:
    json.dump(sorted(sys.modules), handle)
"""


def test_import_help_and_a_txt_import_load_no_word_library(tmp_path: Path) -> None:
    report = tmp_path / "modules.json"
    for args in (["import", "--help"], ["import", str(SEED), "--dry-run"]):
        subprocess.run(
            [sys.executable, "-c", PROBE, str(report), *args],
            cwd=tmp_path,
            timeout=120,
            check=False,
        )
        modules = {name.split(".")[0] for name in json.loads(report.read_text())}
        assert "docx" not in modules and "lxml" not in modules, args


_YEAR_DOCUMENT = """青山街道{y}年工作总结和{n}年工作计划
{y}年，青山街道坚持稳中求进，各项工作取得新成效。
一、基本情况
青山街道辖{c}个社区。
二、主要工作及成效
全年完成地区生产总值{g}亿元。
（一）经济发展稳中有进。完成固定资产投资{g}亿元。
（二）城市面貌持续改善。完成老旧小区改造6个。（1）新增停车位300个。（2）新建公园2个。
三、存在的问题和不足
（一）产业结构不优。新兴产业占比偏低。
四、{n}年工作计划
（一）抓项目促投资。力争完成固定资产投资15亿元。
"""


def test_two_imported_years_build_check_and_diff_with_the_installed_command(
    tmp_path: Path, reportgen_cmd: list[str]
) -> None:
    """Issue 12 end to end: the author's whole title, own section titles, a part, a section's
    intro and sub-points survive import → build; check accepts the files; diff compares."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*reportgen_cmd, "--lang", "en", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )

    for y, c, g in ((2022, 8, 42), (2023, 9, 45)):
        source = tmp_path / f"{y}.txt"
        source.write_text(_YEAR_DOCUMENT.format(y=y, n=y + 1, c=c, g=g), encoding="utf-8")
        result = run("import", str(source), "--force")
        assert result.returncode == 0, result.stderr
    built = run("build", "2023", "--format", "txt")
    assert built.returncode == 0, built.stderr
    text = (tmp_path / "build" / "2023.txt").read_text(encoding="utf-8").split("\n")
    assert text[0] == "青山街道2023年工作总结和2024年工作计划"
    assert text[2:8] == [
        "2023年，青山街道坚持稳中求进，各项工作取得新成效。",
        "一、基本情况",
        "青山街道辖9个社区。",
        "二、主要工作及成效",
        "全年完成地区生产总值45亿元。",
        "（一）经济发展稳中有进。完成固定资产投资45亿元。",
    ]
    assert "（二）城市面貌持续改善。完成老旧小区改造6个。（1）新增停车位300个。" in text[8]
    assert text[9:12] == [
        "三、存在的问题和不足",
        "（一）产业结构不优。新兴产业占比偏低。",
        "四、2024年工作计划",
    ]
    checked = run("check", "2023")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    diffed = run("diff", "2022", "2023", "--format", "json")
    assert diffed.returncode == 1, diffed.stderr  # 1: the two years differ, as diff(1) says
    texts = {t["field"]: t for t in json.loads(diffed.stdout)["texts"]}
    assert texts["intros/highlights"]["old"] == "全年完成地区生产总值42亿元。"  # the intro alone
    assert "parts/基本情况" in texts

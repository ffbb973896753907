"""Each failure issue 12 lists, run through the installed command as a user runs it
(``reportgen import``), on the corpus documents shaped like the ones that failed."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importer"))
from corpus import entry

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed.txt"


def run(cmd: list[str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cmd, *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False
    )


def imported(cmd: list[str], tmp_path: Path, name: str, *args: str) -> tuple[str, dict, str]:
    """Import a corpus document into a fresh project: (the report printed, the review, err)."""
    source = entry(name).materialise(tmp_path)
    result = run(cmd, tmp_path, "import", str(source), *args)
    assert result.returncode == 0, result.stderr
    review = next((tmp_path / "data").glob("20??.yaml"))
    return result.stdout, yaml.safe_load(review.read_text(encoding="utf-8")), result.stderr


def test_web_metadata_is_dropped_and_listed(reportgen_cmd: list[str], tmp_path: Path) -> None:
    _, review, err = imported(reportgen_cmd, tmp_path, "t01_portal_pipe_row")
    text = (tmp_path / "data" / "2022.yaml").read_text(encoding="utf-8")
    body = text.split("\nkind:", 1)[1]  # the YAML after its header comments
    for debris in ("当前位置", "索引号", "字体", "打印本页"):
        assert debris not in body
        assert debris in err  # the import report lists each dropped line
    assert "（网页导航）" in err and "（网页信息栏）" in err  # why, in the default language
    assert (review["organisation"], review["year"]) == ("云溪街道", 2022)


def test_a_title_after_the_metadata_is_the_title(reportgen_cmd: list[str], tmp_path: Path) -> None:
    _, review, err = imported(reportgen_cmd, tmp_path, "t21_debris_scattered")
    assert (review["organisation"], review["year"]) == ("梧桐街道", 2023)
    assert "2023年，梧桐街道聚焦" in review["opening"] and "工作总结" not in review["opening"]
    assert "no title line" not in err
    assert (tmp_path / "data" / "2024_plan.yaml").exists()


def test_the_organisation_comes_from_the_publisher_row(
    reportgen_cmd: list[str], tmp_path: Path
) -> None:
    _, review, _ = imported(reportgen_cmd, tmp_path, "t18_org_from_metadata")
    assert review["organisation"] == "栖凤社区"


def test_the_organisation_comes_from_the_signature(
    reportgen_cmd: list[str], tmp_path: Path
) -> None:
    _, review, _ = imported(reportgen_cmd, tmp_path, "t19_org_from_signature")
    assert review["organisation"] == "新港街道办事处"


def test_the_authors_section_titles_are_kept(reportgen_cmd: list[str], tmp_path: Path) -> None:
    _, review, _ = imported(reportgen_cmd, tmp_path, "t01_portal_pipe_row")
    assert review["titles"] == {"highlights": "2022年工作总结", "shortcomings": "存在的问题和不足"}
    plan = yaml.safe_load((tmp_path / "data" / "2023_plan.yaml").read_text(encoding="utf-8"))
    assert plan["titles"] == {"priorities": "2023年工作打算"}


def test_parts_no_kind_covers_are_kept_in_place(reportgen_cmd: list[str], tmp_path: Path) -> None:
    _, review, _ = imported(reportgen_cmd, tmp_path, "t05_five_parts_other")
    assert [(p["title"], p["after"]) for p in review["parts"]] == [("基本情况", "opening")]
    plan = yaml.safe_load((tmp_path / "data" / "2023_plan.yaml").read_text(encoding="utf-8"))
    assert [(p["title"], p["after"]) for p in plan["parts"]] == [("意见建议", "priorities")]


@pytest.mark.parametrize(
    ("name", "found"), [("r01_tongzhi", "通知"), ("r02_qingshi", "请示"), ("r03_han", "函")]
)
def test_a_notice_request_or_letter_is_refused_saying_what_it_is(
    reportgen_cmd: list[str], tmp_path: Path, name: str, found: str
) -> None:
    source = entry(name).materialise(tmp_path)
    result = run(reportgen_cmd, tmp_path, "import", str(source))
    assert result.returncode == 1
    assert f"这是一份{found}" in result.stderr and entry(name).expected["title"] in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "data").exists() or not list((tmp_path / "data").iterdir())
    english = run(reportgen_cmd, tmp_path, "--lang", "en", "import", str(source))
    assert english.returncode == 1 and f"this is a {found}" in english.stderr


def test_a_space_between_phrases_is_kept(reportgen_cmd: list[str], tmp_path: Path) -> None:
    imported(reportgen_cmd, tmp_path, "t12_meaningful_spaces")
    text = (tmp_path / "data" / "2022.yaml").read_text(encoding="utf-8")
    assert "“品质建设 文化古城”" in text
    assert "“老街记忆 古巷新生”" in text


def test_a_single_item_section_imports(reportgen_cmd: list[str], tmp_path: Path) -> None:
    _, review, _ = imported(reportgen_cmd, tmp_path, "t10_single_item")
    assert len(review["highlights"]) == 1 and len(review["shortcomings"]) == 1


def test_a_document_squashed_into_one_paragraph_imports(
    reportgen_cmd: list[str], tmp_path: Path
) -> None:
    _, review, _ = imported(reportgen_cmd, tmp_path, "t11_one_paragraph")
    assert [i["heading"] for i in review["highlights"]] == [
        "基层党建全面加强",
        "社区治理提质增效",
        "文明创建扎实推进",
    ]
    assert review["closing"].startswith("新的一年")


def test_attachments_on_one_line_are_separate(reportgen_cmd: list[str], tmp_path: Path) -> None:
    _, review, _ = imported(reportgen_cmd, tmp_path, "t13_signature_attachments_inline")
    assert review["attachments"] == [
        "桐林镇2022年主要经济指标完成情况表",
        "桐林镇2023年重点项目计划表",
    ]


def test_missing_organisation_and_year_name_the_flags(
    reportgen_cmd: list[str], tmp_path: Path
) -> None:
    source = entry("t20_needs_flags").materialise(tmp_path)
    result = run(reportgen_cmd, tmp_path, "import", str(source))
    assert result.returncode == 1
    assert "--organisation" in result.stderr and "--year" in result.stderr
    done = run(
        reportgen_cmd, tmp_path, "import", str(source), "--organisation", "某镇", "--year", "2022"
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "2022.yaml").exists()


def _printed_command(err: str) -> list[str]:
    line = next(line for line in err.splitlines() if "reportgen build" in line)
    return shlex.split(line[line.index("reportgen build") :])


@pytest.mark.parametrize("folder", ["newdir/", "newdir", "nested/deeper/"])
def test_output_folder_is_created_and_the_printed_next_step_works(
    reportgen_cmd: list[str], tmp_path: Path, folder: str
) -> None:
    result = run(reportgen_cmd, tmp_path, "import", str(SEED), "-o", folder)
    assert result.returncode == 0, result.stderr
    target = tmp_path / folder
    assert target.is_dir()
    assert sorted(p.name for p in (target / "data").glob("*.yaml")) == [
        "2022.yaml",
        "2023_plan.yaml",
    ]
    command = _printed_command(result.stderr)
    assert command[:3] == ["reportgen", "build", "2022"]
    built = run(reportgen_cmd, tmp_path, *command[1:])
    assert built.returncode == 0, built.stderr
    assert (target / "build" / "2022.txt").is_file()


def test_a_data_folder_is_a_projects_data(reportgen_cmd: list[str], tmp_path: Path) -> None:
    result = run(reportgen_cmd, tmp_path, "import", str(SEED), "-o", "office/data")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "office" / "data" / "2022.yaml").exists()
    command = _printed_command(result.stderr)
    assert command[-2:] == ["-p", "office"]
    assert run(reportgen_cmd, tmp_path, *command[1:]).returncode == 0


def test_the_printed_next_step_works_in_a_project(reportgen_cmd: list[str], tmp_path: Path) -> None:
    result = run(reportgen_cmd, tmp_path, "import", str(SEED))
    assert result.returncode == 0, result.stderr
    command = _printed_command(result.stderr)
    assert command == ["reportgen", "build", "2022", "--format", "txt"]
    assert run(reportgen_cmd, tmp_path, *command[1:]).returncode == 0

"""``reportgen check`` as a library: the table of broken inputs in tests/cases/check/, every
file's problems in one run, and the seed's real defects at their exact lines."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from reportgen.check.run import as_json, check_paths, check_project, targets
from reportgen.cli import app
from reportgen.errors import UserError
from reportgen.files.project import Project
from reportgen.settings import load_settings
from reportgen.settings.messages import set_language
from reportgen.settings.rules import load_rules

SHIPPED = load_settings(None)  # the shipped settings: a project without templates/

CASES = yaml.safe_load(
    (Path(__file__).parents[1] / "cases" / "check" / "cases.yaml").read_text("utf-8")
)


def write_case(root: Path, case: dict[str, Any]) -> Path:
    path = root / "data" / case.get("file", "2022.yaml")
    path.parent.mkdir(parents=True, exist_ok=True)
    text = case["text"].replace("→", "\t")
    path.write_bytes(text.encode(case.get("encoding", "utf-8")))
    for name, other in case.get("others", {}).items():  # the other years' files, not checked
        (path.parent / name).write_text(other, encoding="utf-8")
    if "rules" in case:
        (root / "templates").mkdir(exist_ok=True)
        (root / "templates" / "rules.yaml").write_text(case["rules"], encoding="utf-8")
    return path


def test_the_table_is_large_enough() -> None:
    rules = {expected[0] for case in CASES for expected in case["expect"]}
    assert len(CASES) >= 25
    assert {"empty", "yaml", "encoding", "schema"} <= rules
    from reportgen.check.lint import rule_ids

    assert set(rule_ids()) <= rules, "every lint rule has a case"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = write_case(tmp_path, case)
    report = check_paths([path], load_settings(tmp_path).rules)
    found = [(p.rule, f"{p.location.line}:{p.location.column}", p.message) for p in report.problems]
    assert sorted((rule, at) for rule, at, _ in found) == sorted(
        (e[0], e[1]) for e in case["expect"]
    ), "\n".join(map(str, found))
    for rule, at, *words in case["expect"]:
        if words:
            messages = [m for r, a, m in found if (r, a) == (rule, at)]
            assert any(words[0] in m for m in messages), messages
    for problem in report.problems:
        assert problem.location.file == "data/" + case.get("file", "2022.yaml")
        assert problem.message and problem.severity in ("error", "warning")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case_exit_code_through_the_cli(
    case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_case(tmp_path, case)
    result = CliRunner().invoke(app, ["check", "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == case["exit"], result.output


# A traceback is printed by the interpreter, which CliRunner never reaches: these run the
# installed command, as a user does. One case of each stage (load, encoding, schema, lint).
THROUGH_THE_COMMAND = [
    "empty-file",
    "tab-indentation",
    "gbk-encoding",
    "unknown-key",
    "undefined-metric",
    "unbalanced-marks",
    "one-figure-two-values",
    "star-for-a-name",
]


@pytest.mark.parametrize(
    "case", [c for c in CASES if c["id"] in THROUGH_THE_COMMAND], ids=lambda c: c["id"]
)
def test_case_through_the_installed_command_shows_no_traceback(
    case: dict[str, Any], tmp_path: Path, reportgen_cmd: list[str]
) -> None:
    write_case(tmp_path, case)
    for output in ([], ["--format", "json"]):
        result = subprocess.run(
            [*reportgen_cmd, "check", *output],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == case["exit"], result.stderr
        assert "Traceback" not in result.stdout + result.stderr
        assert "data/" + case.get("file", "2022.yaml") in result.stdout + result.stderr


def test_the_sample_through_the_command_covers_every_stage() -> None:
    ids = {c["id"] for c in CASES}
    assert set(THROUGH_THE_COMMAND) <= ids
    stages = {c["expect"][0][0] for c in CASES if c["id"] in THROUGH_THE_COMMAND}
    assert {"empty", "yaml", "encoding", "schema", "punct-unbalanced"} <= stages


@pytest.fixture(autouse=True)
def _chinese() -> None:
    set_language("zh")


def test_bundled_data_real_defects_at_their_lines(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    report = check_project(Project(project), ["2022"], SHIPPED.rules)
    review = (project / "data" / "2022.yaml").read_text("utf-8").splitlines()
    plan = (project / "data" / "2023_plan.yaml").read_text("utf-8").splitlines()
    x_line = next(
        i
        for i, line in enumerate(review, 1)
        if "X个月" in line and not line.lstrip().startswith("#")
    )
    stop_line = next(
        i for i, line in enumerate(plan, 1) if line.rstrip().endswith("培养产才融合生态圈")
    )
    errors = {(p.rule, str(p.location)) for p in report.errors}
    x_column = review[x_line - 1].index("X个月") + 1
    assert ("placeholder", f"data/2022.yaml:{x_line}:{x_column}") in errors
    stop_column = len(plan[stop_line - 1].rstrip()) + 1
    assert ("punct-ending", f"data/2023_plan.yaml:{stop_line}:{stop_column}") in errors
    # The only errors: the seed's two real defects. The redacted *街道 names are warnings.
    assert len(report.errors) == 2
    assert {p.rule for p in report.warnings} == {"placeholder-name"}
    assert report.failed() and report.failed(strict=True)


def test_all_files_reported_in_one_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    data.mkdir()
    (data / "2022.yaml").write_text(
        "organisation: 城南街道\nyear: 2022\nshortcommings: []\n", "utf-8"
    )
    (data / "2023_plan.yaml").write_text("organisation: 城南街道\nyear: [2023\n", "utf-8")
    (data / "2021.yaml").write_bytes("organisation: 城南街道\n".encode("gb18030"))
    report = check_project(Project(tmp_path), [], SHIPPED.rules)
    assert {(p.location.file, p.rule) for p in report.errors} >= {
        ("data/2022.yaml", "schema"),
        ("data/2023_plan.yaml", "yaml"),
        ("data/2021.yaml", "encoding"),
    }
    assert [f.shown for f in report.files] == [
        "data/2021.yaml",
        "data/2022.yaml",
        "data/2023_plan.yaml",
    ]


def test_targets_follow_build(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("2022.yaml", "2023_plan.yaml", "2024_plan.yaml"):
        (data / name).write_text("x: 1\n", "utf-8")
    project = Project(tmp_path)
    assert [p.name for p in targets(project, ["2022"])] == ["2022.yaml", "2023_plan.yaml"]
    assert [p.name for p in targets(project, ["2024_plan"])] == ["2024_plan.yaml"]
    assert [p.name for p in targets(project, [str(data / "2022.yaml"), "2022"])] == [
        "2022.yaml",
        "2023_plan.yaml",
    ]
    set_language("en")
    with pytest.raises(UserError, match="the 2021 review not found"):
        targets(project, ["2021"])


def test_json_report_is_complete(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    monkeypatch.chdir(project)
    data = json.loads(as_json(check_project(Project(project), ["2022"], SHIPPED.rules)))
    assert data["errors"] == 2 and data["warnings"] == len(data["problems"]) - 2
    first = data["problems"][0]
    assert set(first) == {
        "file",
        "line",
        "column",
        "path",
        "rule",
        "severity",
        "message",
        "hint",
        "fix",
    }
    ending = next(p for p in data["problems"] if p["rule"] == "punct-ending")
    assert ending["fix"] == "。" and ending["path"] == "priorities[3].points[2].text"


def test_messages_follow_the_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = write_case(tmp_path, next(c for c in CASES if c["id"] == "placeholder-x-in-block"))
    zh = check_paths([path], SHIPPED.rules).problems[0].message
    set_language("en")
    en = check_paths([path], SHIPPED.rules).problems[0].message
    assert "未填写的占位符" in zh and "placeholder 'X' left unfilled" in en


def test_bad_project_rules_are_reported_with_their_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = write_case(tmp_path, CASES[0])
    rules = tmp_path / "templates" / "rules.yaml"
    rules.parent.mkdir()
    rules.write_text("punct-ending: warning\nplaceholdr: off\nlength-total: {max: many}\n", "utf-8")
    with pytest.raises(UserError) as caught:
        check_paths([path], load_rules(rules.parent))
    text = caught.value.message
    assert "templates/rules.yaml:2:1: 没有名为 “placeholdr” 的检查规则" in text
    assert "→ 是否应为 “placeholder”？" in text
    assert "templates/rules.yaml:3:21" in text and "“length-total.max”" in text


def test_a_utf16_file_is_named_utf16(tmp_path: Path) -> None:
    # Notepad's "Unicode": the loader's reader names it, and check says what the loader says.
    path = tmp_path / "2022.yaml"
    path.write_bytes("organisation: 城南街道\n".encode("utf-16"))
    [problem] = check_paths([path], SHIPPED.rules).problems
    assert problem.rule == "encoding"
    assert problem.message == "不是 UTF-8 文本文件（看起来是UTF-16）"
    assert problem.hint == "请用编辑器打开它，另存为 UTF-8 编码"


# Issue 17's rules (figures typed in the text, a metric nothing refers to, references to the
# previous plan and the same year's review): every finding at its line and column as the
# installed command reports it, in JSON and in the terminal, in both languages.
ISSUE_17 = [
    "reports-on-a-misspelt-priority",
    "answers-a-misspelt-shortcoming",
    "typed-figure-against-its-metric",
]


@pytest.mark.parametrize("case", [c for c in CASES if c["id"] in ISSUE_17], ids=lambda c: c["id"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_issue_17_cases_at_their_line_and_column_through_the_command(
    case: dict[str, Any], lang: str, tmp_path: Path, reportgen_cmd: list[str]
) -> None:
    write_case(tmp_path, case)
    target = "data/" + case.get("file", "2022.yaml")

    def check(*output: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*reportgen_cmd, "--lang", lang, "check", target, *output],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )

    result = check("--format", "json")
    assert result.returncode == case["exit"], result.stderr
    found = sorted(
        (p["rule"], f"{p['line']}:{p['column']}") for p in json.loads(result.stdout)["problems"]
    )
    assert found == sorted((e[0], e[1]) for e in case["expect"])
    shown = check().stdout
    for rule, at, *_ in case["expect"]:
        assert any(f"{target}:{at} " in line and f"[{rule}]" in line for line in shown.splitlines())

"""Issue 16, second hostile round: templates and settings that reach outside the project,
memory bombs in templates, rules.yaml and .docx imports, HTML through Markdown, a
catastrophic regex, numbers past every limit, YAML injection through ``new``.

Every case asserts the exit code, the catalogue's (Chinese, the default) words, no
traceback, and that the project's sources and last good outputs are byte-identical after a
refusal. The bombs run in a subprocess that reports its peak memory: under 500 MB and 20 s.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import hostile_docx
import pytest
import yaml
from hostile_cases import DATA, REVIEW

from project_setup import make_project, run_in_process

MAX_PEAK_MB = 500
MAX_SECONDS = 20

# Runs the command in a child and prints its peak resident memory last (VmHWM: getrusage's
# ru_maxrss would carry the forking test process's own peak across exec); an address-space
# limit keeps a regression from taking the test machine down with it.
_CHILD = """
import resource, sys
limit = 3 * 1024 ** 3
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from reportgen.cli import app
from reportgen.cli.app import run
sys.argv = ["reportgen", *sys.argv[1:]]
try:
    code = run(app)
finally:
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM"))
    sys.stderr.write(f"\\n@@peak-kb {peak}\\n")
sys.exit(code)
"""


def _snapshot(root: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(root)): (p.read_bytes() if p.is_file() and not p.is_symlink() else None)
        for p in sorted(root.rglob("*"))
        if ".venv" not in p.parts
    }


def _cli(args: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    return run_in_process(["--lang", "zh", *args], monkeypatch)


def _bounded(root: Path, args: list[str]) -> tuple[int, str, float, float]:
    """Exit code, output, peak memory (MB) and seconds of the command run in a child."""
    if not Path("/proc/self/status").exists():
        pytest.skip("peak memory is read from /proc (Linux)")
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, "--lang", "zh", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200"},
    )
    seconds = time.monotonic() - start
    peak = [line for line in result.stderr.splitlines() if line.startswith("@@peak-kb")]
    assert peak, result.stderr
    return (
        result.returncode,
        result.stdout + result.stderr,
        int(peak[-1].split()[1]) / 1024,
        seconds,
    )


@pytest.fixture
def project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    """A valid project, built once to txt: the good build no refusal may cost."""
    root = make_project(tmp_path / "project", {DATA: REVIEW})
    monkeypatch.chdir(root)
    assert _cli(["build", "2022", "-f", "txt"], monkeypatch) == 0, capsys.readouterr()
    capsys.readouterr()
    return root


def _refused(
    root: Path,
    args: list[str],
    words: tuple[str, ...],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> str:
    before = _snapshot(root)
    code = _cli(args, monkeypatch)
    out, err = capsys.readouterr()
    assert code == 1, out + err
    for word in words:
        assert word in out + err, f"{word!r} not in {out + err}"
    assert "Traceback" not in err and "内部错误" not in err and "internal error" not in err
    assert _snapshot(root) == before  # sources and the last good outputs, byte for byte
    return out + err


# ── 2. templates and settings inside the project ─────────────────────────────────────────


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text("SECRET-OUTSIDE-THE-PROJECT", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "how", ["include", "extends", "import", "from-import", "template-itself", "folder"]
)
def test_no_template_reads_a_file_outside_the_project(
    how: str,
    project: Path,
    secret: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    templates = project / "templates"
    if how == "folder":  # templates/ itself a symlink to a folder elsewhere
        (secret.parent / "report.txt.j2").write_text("{{ doc.title }}", encoding="utf-8")
        templates.symlink_to(secret.parent, target_is_directory=True)
    else:
        templates.mkdir()
        link = templates / ("report.txt.j2" if how == "template-itself" else "secret.j2")
        link.symlink_to(secret)
        statement = {
            "include": "{% include 'secret.j2' %}",
            "extends": "{% extends 'secret.j2' %}",
            "import": "{% import 'secret.j2' as s %}{{ doc.title }}",
            "from-import": "{% from 'secret.j2' import x %}{{ doc.title }}",
        }.get(how)
        if statement:
            (templates / "report.txt.j2").write_text(statement, encoding="utf-8")
    text = _refused(
        project,
        ["build", "2022", "-f", "txt"],
        ("指向项目之外", "不要用符号链接"),
        monkeypatch,
        capsys,
    )
    assert "SECRET-OUTSIDE" not in text
    assert b"SECRET" not in (project / "build" / "2022.txt").read_bytes()


@pytest.mark.parametrize("name", ["rules.yaml", "sections.yaml", "layout.yaml", "units.yaml"])
def test_no_settings_file_is_read_through_a_symlink_out(
    name: str,
    project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("{}\n", encoding="utf-8")
    (project / "templates").mkdir()
    (project / "templates" / name).symlink_to(outside)
    _refused(project, ["build", "2022", "-f", "txt"], ("指向项目之外", name), monkeypatch, capsys)


def test_a_template_linked_inside_the_templates_folder_still_works(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    templates = project / "templates"
    templates.mkdir()
    (templates / "own.j2").write_text("自定义：{{ doc.title }}\n", encoding="utf-8")
    (templates / "report.txt.j2").symlink_to(templates / "own.j2")
    assert _cli(["build", "2022", "-f", "txt"], monkeypatch) == 0, capsys.readouterr()
    assert (project / "build" / "2022.txt").read_text("utf-8") == "自定义：*街道2022年工作总结\n"


# ── 3. memory bombs: every string the sandbox builds is capped ──────────────────────────

TEMPLATE_BOMBS = {
    "center": "{{ doc.title|center(1500000000)|length }}",
    "join": "{{ range(3000)|join('x'*1000000)|length }}",
    "tilde-doubling": "{% set s = 'x'*1000000 %}{% for i in range(12) %}{% set s = s ~ s %}"
    "{% endfor %}{{ s|length }}",
    "namespace-doubling": "{% set ns = namespace(s='x'*1000000) %}{% for i in range(12) %}"
    "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
    "plus": "{{ ('x'*1000000 + 'x'*1000000)|length }}",
    "macro-doubling": "{% macro d(s) %}{{ s }}{{ s }}{% endmacro %}"
    "{{ d(d(d(d(d(d(d(d(d(d(d(d('x'*1000000))))))))))))|length }}",
    "macro-doubling-cjk": "{% macro d(s) %}{{ s }}{{ s }}{% endmacro %}"
    "{{ d(d(d(d(d(d(d(d(d(d(d(d('工'*1000000))))))))))))|length }}",
    "block-set": "{% set s %}{% for i in range(25) %}{{ 'x'*1000000 }}{% endfor %}{% endset %}"
    "{{ s|length }}",
    "percent-format": "{{ '%1500000000s'|format(1) }}",
    "percent-operator": "{{ '%1500000000s' % 1 }}",
    "str-format-width": "{{ '{:>1500000000}'.format(1) }}",
    "str-method": "{{ 'x'.center(1500000000) }}",
    "indent": "{{ ('x\\n'*500000)|indent(1000)|length }}",
    "replace": "{{ ('x'*1000000)|replace('', 'yyyyyy')|length }}",
    "expandtabs": "{{ ('\\t'*1000000).expandtabs(1000000)|length }}",
    "sum-of-lists": "{{ ([['x']*1000000]*1000)|sum(start=[])|length }}",
    "wordwrap": "{{ ('x '*500000)|wordwrap(2, wrapstring='y'*1000000)|length }}",
}


@pytest.mark.parametrize("name", list(TEMPLATE_BOMBS))
def test_template_bombs_end_in_a_message_within_bounds(name: str, project: Path) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "report.txt.j2").write_text(TEMPLATE_BOMBS[name], encoding="utf-8")
    before = _snapshot(project)
    code, output, peak, seconds = _bounded(project, ["build", "2022", "-f", "txt"])
    assert code == 1, output
    assert "个字符（项），一份报告只有几千字" in output and "report.txt.j2" in output, output
    assert "Traceback" not in output
    assert peak < MAX_PEAK_MB and seconds < MAX_SECONDS, (peak, seconds)
    assert _snapshot(project) == before


@pytest.mark.parametrize(
    ("wording", "used"),
    [
        ("{text:>1500000000}", "{text:>1500000000}"),
        ("{text.__class__.__mro__}", "{text.__class__.__mro__}"),
        ("{text[0]}", "{text[0]}"),
        ("{text!r}", "{text!r}"),
        ("{0}", "{0}"),
    ],
)
def test_rules_wording_holds_named_fields_only(
    wording: str,
    used: str,
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rules = {"placeholder-name": {"message": {"zh": wording, "en": wording}}}
    (project / "templates").mkdir()
    (project / "templates" / "rules.yaml").write_text(
        yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8"
    )
    text = _refused(
        project,
        ["build", "2022", "-f", "txt"],
        ("templates/rules.yaml:3:", used, "不能带属性、下标、宽度或转换"),
        monkeypatch,
        capsys,
    )
    assert "'" * 100 not in text


def test_rules_wording_bomb_is_refused_before_it_is_filled(project: Path) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "rules.yaml").write_text(
        'placeholder-name:\n  message:\n    zh: "{text:>1500000000}"\n', encoding="utf-8"
    )
    code, output, peak, seconds = _bounded(project, ["check", "2022"])
    assert code == 1 and "只能写" in output, output
    assert peak < MAX_PEAK_MB and seconds < MAX_SECONDS, (peak, seconds)


# ── 8. a catastrophic regex in rules.yaml runs against a time limit ──────────────────────


def test_a_catastrophic_pattern_is_stopped_with_its_place(project: Path) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "rules.yaml").write_text(
        'placeholder:\n  patterns:\n    - "(x|xx)+y"\n', encoding="utf-8"
    )
    text = REVIEW.replace("招商引资持续发力。", "招商引资持续发力" + "x" * 80 + "。")
    (project / DATA).write_text(text, encoding="utf-8")
    before = _snapshot(project)
    code, output, peak, seconds = _bounded(project, ["check", "2022"])
    assert code == 1, output
    for word in ("规则“placeholder”", "data/2022.yaml:11:", "超过 2.0 秒", "不要嵌套重复"):
        assert word in output, output
    assert seconds < MAX_SECONDS and peak < MAX_PEAK_MB
    assert _snapshot(project) == before


# ── 3, 8, 10. imports of small hostile .docx files ───────────────────────────────────────


def _import(root: Path, raw: bytes) -> tuple[int, str, float, float]:
    (root / "in.docx").write_bytes(raw)
    return _bounded(
        root, ["import", "in.docx", "--year", "2022", "--organisation", "某街道", "-o", "out.yaml"]
    )


@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        ("190-megabytes-of-empty-paragraphs", hostile_docx.empty_paragraphs, ("解压后超过 20 MB",)),
        ("100k-paragraphs", lambda: hostile_docx.paragraphs(100_000), ("超过 10000 个段落",)),
    ],
)
def test_docx_bombs_are_refused_quickly(name: str, make, words, tmp_path: Path) -> None:
    raw = make()
    assert len(raw) < 400 * 1024  # small on disk: the bomb is in what it unpacks to
    code, output, peak, seconds = _import(tmp_path, raw)
    assert code == 1, output
    for word in (*words, "in.docx"):
        assert word in output, output
    assert "Traceback" not in output and "内部错误" not in output
    assert not (tmp_path / "out.yaml").exists()
    assert peak < MAX_PEAK_MB and seconds < MAX_SECONDS, (peak, seconds)


@pytest.mark.parametrize(
    ("name", "make"),
    [("grid-span-300-million", hostile_docx.grid_span), ("odd-numbers", hostile_docx.odd_numbers)],
)
def test_docx_counts_are_capped_and_import_goes_on(name: str, make, tmp_path: Path) -> None:
    code, output, peak, seconds = _import(tmp_path, make())
    assert code == 0, output
    assert "Traceback" not in output and "内部错误" not in output
    assert peak < MAX_PEAK_MB and seconds < MAX_SECONDS, (peak, seconds)
    written = (tmp_path / "out.yaml").read_text("utf-8")
    assert len(written) < 200_000  # no label of 76 million letters
    assert yaml.safe_load(written)["year"] == 2022


def test_a_long_document_under_the_cap_imports_in_time(tmp_path: Path) -> None:
    code, output, peak, seconds = _import(tmp_path, hostile_docx.paragraphs(3000))
    assert code == 0, output
    assert seconds < MAX_SECONDS and peak < MAX_PEAK_MB, (seconds, peak)


# ── 7. Markdown output escapes HTML in all user text ─────────────────────────────────────


def test_html_in_user_text_never_becomes_live_html_in_markdown(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    attack = "<img src=x onerror=alert(1)//>"
    text = REVIEW.replace('name: "*街道办事处"', f'name: "{attack}街道"').replace(
        "招商引资持续发力。", "招商引资<script>alert(2)</script>持续发力。"
    )
    (project / DATA).write_text(text, encoding="utf-8")
    assert _cli(["build", "2022", "-f", "md"], monkeypatch) == 0, capsys.readouterr()
    markdown = (project / "build" / "2022.md").read_text("utf-8")
    assert "<img" not in markdown and "<script" not in markdown
    assert '<p align="right">&lt;img src=x onerror=alert(1)//&gt;街道</p>' in markdown
    assert "&lt;script&gt;" in markdown


# ── 10. numbers past every limit: located messages, never an internal error ─────────────


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("value: 12.43", "value: " + "9" * 5000, "data/2022.yaml:24:12"),
        ("year: 2022", "year: " + "2" * 5000, "data/2022.yaml:2:7"),
        ("change: 7.8", "change: 1" + "0" * 60, "data/2022.yaml:26:13"),
    ],
)
def test_a_number_of_thousands_of_digits_is_located(
    old: str,
    new: str,
    where: str,
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (project / DATA).write_text(REVIEW.replace(old, new, 1), encoding="utf-8")
    _refused(
        project, ["build", "2022", "-f", "txt"], (where, "超过了 40 个的上限"), monkeypatch, capsys
    )


def test_a_title_over_255_characters_builds_a_docx(project: Path) -> None:
    title = "*街道2022年" + "推进工作" * 75 + "总结"
    (project / DATA).write_text(
        REVIEW.replace('title: "*街道2022年工作总结"', f'title: "{title}"'), encoding="utf-8"
    )
    code, output, peak, seconds = _bounded(project, ["build", "2022", "-f", "docx"])
    assert code == 0, output
    assert seconds < MAX_SECONDS and peak < MAX_PEAK_MB, (seconds, peak)
    import docx

    document = docx.Document(str(project / "build" / "2022.docx"))
    assert len(document.core_properties.title) == 255
    assert document.core_properties.title.endswith("…")


def test_a_unit_conversion_past_28_digits_is_compared(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    last_year = (
        REVIEW.replace("year: 2022", "year: 2021")
        .replace("2022年", "2021年")
        .replace("value: 12.43", "value: 9.9e+30")
        .replace("unit: 亿元", "unit: 元")
    )
    (project / "data" / "2021.yaml").write_text(last_year, encoding="utf-8")
    (project / DATA).write_text(REVIEW.replace("value: 12.43", "value: 1e+39"), encoding="utf-8")
    for fmt in ("md", "json"):
        # as diff(1): 1 when the years differ, 2 (or 3, a bug) when something went wrong
        assert _cli(["diff", "2021", "2022", "-f", fmt, "-o", f"d.{fmt}"], monkeypatch) == 1
        err = capsys.readouterr().err
        assert "内部错误" not in err and "internal error" not in err
    figures = json.loads((project / "d.json").read_text("utf-8"))
    assert "1000000000000000000000000000000000000000" in json.dumps(figures)


# ── 12. YAML injection through `new` ─────────────────────────────────────────────────────


@pytest.mark.parametrize("brk", ["\u2028", "\u2029", "\x85"])
def test_a_line_break_in_plan_text_adds_nothing_to_the_new_review(
    brk: str, project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    heading = f"推进项目建设{brk}  - id: injected{brk}    heading: 注入"
    plan = {
        "kind": "plan",
        "organisation": "*街道",
        "year": 2023,
        "priorities": [
            {
                "id": "p1",
                "heading": heading,
                "points": [{"lead": f"加快{brk}- id: inj2", "text": f"完成投资{brk}# x"}],
            }
        ],
    }
    (project / "data" / "2023_plan.yaml").write_text(
        json.dumps(plan, ensure_ascii=False), encoding="utf-8"
    )
    assert _cli(["new", "2023"], monkeypatch) == 0, capsys.readouterr()
    written = (project / "data" / "2023.yaml").read_text("utf-8")
    loaded = yaml.safe_load(written)
    assert [item.get("id") for item in loaded["highlights"]] == ["p1"]
    assert brk not in written  # escaped in values, cut into lines in comments
    assert "injected" in loaded["highlights"][0]["heading"]


def test_the_import_writer_escapes_every_yaml_line_break() -> None:
    from reportgen.text.yaml_out import comment_lines, scalar

    for brk, escape in (("\u2028", "\\L"), ("\u2029", "\\P"), ("\x85", "\\N")):
        value = f"甲{brk}- id: x"
        assert scalar(value) == f'"甲{escape}- id: x"'
        assert yaml.safe_load(f"k: {scalar(value)}") == {"k": value}
        assert list(comment_lines([value], 2)) == ["  # 甲", "  # - id: x"]


def test_peak_memory_is_the_childs_own(tmp_path: Path) -> None:
    """The bound is the child's own peak: this test process's size does not count."""
    code, output, peak, _ = _bounded(tmp_path, ["--version"])
    assert code == 0, output
    assert peak < 200, output
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0


# ── 15. messages that misled ─────────────────────────────────────────────────────────────


def test_a_page_smaller_than_its_margins_blames_the_page(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "layout.yaml").write_text("page:\n  height_mm: 0.001\n", "utf-8")
    text = _refused(
        project,
        ["build", "2022", "-f", "docx"],
        ("templates/layout.yaml:2:14", "page.height_mm", "不大于两侧页边距之和 72 mm", "297 mm"),
        monkeypatch,
        capsys,
    )
    assert "-9.28" not in text and "line_spacing_pt" not in text


@pytest.mark.parametrize(
    ("typed", "written"), [("２０２２", "2022.txt"), ("２０２３＿plan", "2023_plan.txt")]
)
def test_full_width_year_arguments_are_read_as_ascii(
    typed: str,
    written: str,
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    plan = "kind: plan\norganisation: 某街道\nyear: 2023\npriorities:\n  - heading: 推进项目建设\n"
    (project / "data" / "2023_plan.yaml").write_text(plan, encoding="utf-8")
    assert _cli(["build", typed, "-f", "txt"], monkeypatch) == 0, capsys.readouterr()
    assert (project / "build" / written).is_file()
    assert not any("２" in p.name for p in (project / "build").iterdir())


@pytest.mark.parametrize("typed", ["0999", "٢٠٢٢", "20222"])
def test_a_year_with_a_leading_zero_or_other_digits_is_a_usage_error(
    typed: str, project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(project)
    assert _cli(["build", typed, "-f", "txt"], monkeypatch) == 2
    err = capsys.readouterr().err
    assert f"“{typed}” 不是年份" in err and "999.yaml" not in err, err
    assert _snapshot(project) == before


IMPORTED = """某街道2022年工作总结
一、主要工作及成效
（一）经济发展稳中有进。完成{{产值}}亿元，{{ output }}。
二、存在的问题和不足
产业结构有待优化。
"""


def test_double_braces_in_an_imported_document_import_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.txt").write_text(IMPORTED, encoding="utf-8")
    args = ["import", "in.txt", "--year", "2022", "--organisation", "某街道", "-o", "out.yaml"]
    assert _cli(args, monkeypatch) == 0, capsys.readouterr()
    out = capsys.readouterr()
    assert "(imported)" not in out.err
    written = yaml.safe_load((tmp_path / "out.yaml").read_text("utf-8"))
    text = written["highlights"][0]["points"][0]["text"]
    assert text == "完成｛｛产值｝｝亿元，｛｛ output ｝｝。"
    assert "已改为全角 ｛｛ ｝｝ 作为文字导入" in (tmp_path / "out.yaml").read_text("utf-8")


def test_an_invisible_character_in_organisation_names_the_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.txt").write_text(IMPORTED, encoding="utf-8")
    args = ["import", "in.txt", "--year", "2022", "--organisation", "某\v街道", "-o", "out.yaml"]
    assert _cli(args, monkeypatch) == 2
    err = capsys.readouterr().err
    assert "--organisation 的值不能用" in err and "U+000B" in err, err
    assert "report it" not in err and "请报告" not in err
    assert not (tmp_path / "out.yaml").exists()

"""The corpus of hostile inputs: what a user (or a shared file) can throw at reportgen, and the
exit code and words each one must end in. ``test_hostile.py`` runs every row.

A row names the files it puts into a fresh project (over a valid one that was built first),
the command line, the exit code, and words the output must contain: the file and line, what
is wrong, what to do. Big and binary files are made at test time, never committed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REVIEW = """\
organisation: "*街道"
year: 2022
title: "*街道2022年工作总结"
opening: 今年以来，在区委区政府的坚强领导下，我们扎实推进各项工作。
highlights:
  - id: economy
    heading: 经济发展稳中有进
    points:
      - lead: 稳进提质统筹经济指标
        text: 完成规上工业总产值{{output}}，同比增长{{output.change}}。
      - 招商引资持续发力。
  - heading: 社会发展开拓新局面
    layout: list
    points:
      - 新建养老服务中心一处。
      - 完成老旧小区改造三个。
shortcomings:
  - heading: 短板仍然存在
    points:
      - 产业结构有待优化。
metrics:
  - id: output
    label: 规上工业总产值
    value: 12.43
    unit: 亿元
    change: 7.8
signature:
  name: "*街道办事处"
  date: 2023-01-05
attachments:
  - 2022年重点项目清单
"""

DATA = "data/2022.yaml"
TEMPLATE = "templates/report.txt.j2"
SECTIONS = "templates/sections.yaml"

Content = bytes | Callable[[], bytes]


def edited(old: str, new: str) -> bytes:
    """The valid review with one piece of text replaced, as UTF-8."""
    assert old in REVIEW, old
    return REVIEW.replace(old, new, 1).encode("utf-8", errors="surrogatepass")


def line_of(old: str) -> int:
    """The line of the valid review on which ``old`` starts."""
    return REVIEW[: REVIEW.index(old)].count("\n") + 1


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, Content]
    exit: int
    words: tuple[str, ...]
    args: tuple[str, ...] = ("build", "2022", "-f", "txt")
    lang: str = "en"
    # Done to the project just before the run (after a good build): make a folder, chmod…
    prepare: Callable[[Path], None] | None = None
    # Faults injected in process (monkeypatch), e.g. a full disk.
    fault: Callable[[pytest.MonkeyPatch], None] | None = None
    # Files the run must not have touched (the previous good outputs are always checked).
    untouched: tuple[str, ...] = field(default=())

    def __str__(self) -> str:
        return self.name


def _invisible(name: str, old: str, char: str, field_path: str) -> Case:
    """A raw invisible character pasted into a text field: refused at its exact place."""
    new = old[:2] + char + old[2:]
    at = REVIEW.index(old) + 2
    line = REVIEW.count("\n", 0, at) + 1
    column = at - REVIEW.rfind("\n", 0, at)
    code = f"U+{ord(char):04X}"
    return Case(
        name,
        {DATA: edited(old, new)},
        1,
        (
            f"{DATA}:{line}:{column}",
            f"{field_path}: invisible character {code}",
            "delete the invisible character",
        ),
    )


def _nested_flow() -> bytes:
    return b"organisation: " + b"[" * 5000 + b"]" * 5000 + b"\n"


def _nested_block() -> bytes:
    return "".join("  " * i + f"k{i}:\n" for i in range(200)).encode()


def _billion_laughs() -> bytes:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return ("\n".join(lines) + "\norganisation: *a9\n").encode()


def _fifty_megabytes() -> bytes:
    return b"organisation: " + b"x" * (50 * 1024 * 1024) + b"\n"


def _binary() -> bytes:
    return os.urandom(64 * 1024)


def _docx_renamed() -> bytes:
    return b"PK\x03\x04\x14\x00\x06\x00" + os.urandom(4096)


def _long_line() -> bytes:
    return edited("招商引资持续发力。", "招商" * 5000 + "。")


def _long_line_wrong() -> bytes:
    return edited("招商引资持续发力。", "招商" * 5000 + "。\n    oops: [")


def _ten_thousand_items() -> bytes:
    return ("organisation: x\nyear: 2022\nhighlights:\n" + "  - heading: 事项\n" * 10000).encode()


def _output_is_a_folder(root: Path) -> None:
    (root / "build" / "2022.txt").unlink()
    (root / "build" / "2022.txt").mkdir()


def _output_edited(root: Path) -> None:
    with (root / "build" / "2022.txt").open("a", encoding="utf-8") as handle:
        handle.write("我手工加的一段。\n")


def _output_read_only(root: Path) -> None:
    (root / "build" / "2022.txt").chmod(0o444)


def _build_is_a_file(root: Path) -> None:
    (root / "elsewhere").write_text("a file, not a folder")


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kernel's own ENOSPC: temporary files are opened on /dev/full."""
    import tempfile

    real = tempfile.mkstemp

    def on_full_disk(**kwargs: object) -> tuple[int, str]:
        fd, name = real(**kwargs)
        os.close(fd)
        return os.open("/dev/full", os.O_WRONLY), name

    monkeypatch.setattr("reportgen.files.atomic.tempfile.mkstemp", on_full_disk)


def _read_only_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated: CI runs as root, and root may write into a folder whatever its mode."""
    import errno

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr("reportgen.files.atomic.tempfile.mkstemp", denied)


CASES: list[Case] = [
    # -- YAML syntax ----------------------------------------------------------------------
    Case(
        "tab-indentation",
        {DATA: edited("  - heading: 短板", "\t- heading: 短板")},
        1,
        (f"{DATA}:{line_of('  - heading: 短板')}:1", "tab", "YAML indents with spaces only"),
    ),
    Case(
        "bad-indentation",
        {DATA: edited("    points:\n      - lead", "   points:\n      - lead")},
        1,
        (f"{DATA}:{line_of('    points:')}:4", "not valid YAML", "check the indentation"),
    ),
    Case(
        "unclosed-quote-at-end",
        {DATA: edited("  - 2022年重点项目清单", '  - "2022年重点项目清单')},
        1,
        (f"{DATA}:{line_of('  - 2022年重点项目清单')}:5", "quote opened here is never closed"),
    ),
    Case(
        "unclosed-quote-swallows-lines",
        {DATA: edited('organisation: "*街道"', 'organisation: "*街道')},
        1,
        (f"{DATA}:", "not valid YAML", "line 1 opens a quote that is not closed"),
    ),
    Case(
        "unclosed-single-quote",
        {DATA: edited("  name: ", "  name: '").replace(b"'\"", b"'")},
        1,
        (f"{DATA}:{line_of('  name: ')}:9", "quote opened here is never closed"),
    ),
    Case(
        "duplicate-key",
        {DATA: (REVIEW + "year: 2023\n").encode()},
        1,
        (
            f"{DATA}:{REVIEW.count(chr(10)) + 1}:1",
            "duplicate key 'year' (first at line 2)",
            "remove one of them",
        ),
    ),
    Case(
        "document-is-a-list",
        {DATA: b"- organisation: x\n- year: 2022\n"},
        1,
        (f"{DATA}:1:1", "top level of the file must be a mapping", "found a list"),
    ),
    Case(
        "document-is-a-scalar",
        {DATA: "*街道2022年工作总结，今年以来……\n".encode()},
        1,
        (f"{DATA}:1:", "not valid YAML", "must be quoted"),
    ),
    Case(
        "document-is-plain-text",
        {DATA: "今年以来我们做了很多工作\n".encode()},
        1,
        (f"{DATA}:1:1", "must be a mapping", "found the text"),
    ),
    Case(
        "two-documents",
        {DATA: (REVIEW + "---\nyear: 2023\n").encode()},
        1,
        (f"{DATA}:{REVIEW.count(chr(10)) + 1}:1", "another document"),
    ),
    Case(
        "unquoted-star",
        {DATA: edited('organisation: "*街道"', "organisation: *街道")},
        1,
        (f"{DATA}:1:", 'must be quoted, e.g. organisation: "*街道"'),
    ),
    Case(
        "colon-inside-a-value",
        {DATA: edited("heading: 短板仍然存在", "heading: 短板: 仍然存在")},
        1,
        (
            f"{DATA}:{line_of('heading: 短板仍然存在')}:",
            "mapping values are not allowed",
            "must be quoted",
        ),
    ),
    Case(
        "unclosed-flow-list",
        {DATA: edited("attachments:\n  - 2022年重点项目清单", "attachments: [2022年重点项目清单")},
        1,
        (f"{DATA}:", "not valid YAML"),
    ),
    # -- encodings ------------------------------------------------------------------------
    Case(
        "gb18030",
        {DATA: REVIEW.encode("gb18030")},
        1,
        (f"{DATA}:1:", "not UTF-8 (it looks like GBK/GB18030)", "save the file as UTF-8"),
    ),
    Case(
        "utf-16-with-bom",
        {DATA: REVIEW.encode("utf-16")},
        1,
        (DATA, "it looks like UTF-16", "save it as UTF-8"),
    ),
    Case(
        "utf-16-without-bom",
        {DATA: REVIEW.encode("utf-16-le")},
        1,
        (DATA, "it looks like UTF-16", "save it as UTF-8"),
    ),
    Case(
        "latin-1",
        {DATA: "organisation: Café\nyear: 2022\n".encode("latin-1")},
        1,
        (f"{DATA}:1:18", "not UTF-8", "save the file as UTF-8"),
    ),
    Case(
        "utf-8-bom-is-fine", {DATA: b"\xef\xbb\xbf" + REVIEW.encode()}, 0, ("wrote build/2022.txt",)
    ),
    # -- empty, binary, huge, nested, bombs -----------------------------------------------
    Case("empty-file", {DATA: b""}, 1, (f"{DATA}:1:1", "the file is empty", "reportgen new")),
    Case(
        "only-comments",
        {DATA: b"# organisation: x\n\n   \n"},
        1,
        (f"{DATA}:1:1", "holds no YAML content"),
    ),
    Case("binary-file", {DATA: _binary}, 1, (DATA, "binary data", "save it as UTF-8")),
    Case("docx-renamed-yaml", {DATA: _docx_renamed}, 1, (DATA, "binary data")),
    Case("fifty-megabytes", {DATA: _fifty_megabytes}, 1, (DATA, "is 50 MB", "the right file")),
    Case(
        "deeply-nested-flow",
        {DATA: _nested_flow},
        1,
        (f"{DATA}:1:", "nested more than 50 levels deep"),
    ),
    Case(
        "deeply-nested-block",
        {DATA: _nested_block},
        1,
        (f"{DATA}:", "nested more than 50 levels deep"),
    ),
    Case(
        "billion-laughs",
        {DATA: _billion_laughs},
        1,
        (f"{DATA}:2:", "anchors and aliases", "write the value out in full"),
    ),
    Case(
        "one-alias",
        {DATA: edited('name: "*街道办事处"', "name: *org").replace(b'"*', b'&org "*', 1)},
        1,
        (f"{DATA}:{line_of('name: ')}:", "anchors and aliases"),
    ),
    Case(
        "merge-key",
        {DATA: (REVIEW + "extra:\n  <<: {a: 1}\n").encode()},
        1,
        (f"{DATA}:{REVIEW.count(chr(10)) + 2}:3", "merge keys (<<) are not supported"),
    ),
    # -- code in data ---------------------------------------------------------------------
    Case(
        "python-object-apply",
        {DATA: edited("year: 2022", 'year: !!python/object/apply:os.system ["touch pwned"]')},
        1,
        (f"{DATA}:2:7", "!!python/object/apply:os.system is not allowed", "remove the tag"),
        untouched=("pwned",),
    ),
    Case(
        "python-object-new",
        {DATA: edited("year: 2022", "year: !!python/object/new:subprocess.Popen [[touch, pwned]]")},
        1,
        (f"{DATA}:2:7", "!!python/object/new:subprocess.Popen is not allowed"),
        untouched=("pwned",),
    ),
    Case(
        "python-name",
        {DATA: edited('organisation: "*街道"', "organisation: !!python/name:os.system")},
        1,
        (f"{DATA}:1:15", "!!python/name:os.system is not allowed"),
    ),
    Case(
        "binary-tag",
        {DATA: edited('organisation: "*街道"', "organisation: !!binary aGVsbG8=")},
        1,
        (f"{DATA}:1:15", "!!binary is not allowed"),
    ),
    Case(
        "custom-tag",
        {DATA: edited("  - 2022年重点项目清单", "  - !include secrets.yaml")},
        1,
        (f"{DATA}:{line_of('  - 2022年重点项目清单')}:5", "!include is not allowed"),
    ),
    # -- characters XML 1.0 cannot hold, in every kind of text field ----------------------
    _invisible("vt-in-organisation", '"*街道"', "\x0b", "organisation"),
    _invisible("vt-in-title", '"*街道2022年工作总结"', "\x0b", "title"),
    _invisible("vt-in-opening", "今年以来，在区委", "\x0b", "opening"),
    _invisible("ff-in-heading", "经济发展稳中有进", "\x0c", "highlights[0].heading"),
    _invisible("vt-in-lead", "稳进提质统筹经济指标", "\x0b", "highlights[0].points[0].lead"),
    _invisible("bell-in-point", "招商引资持续发力。", "\x07", "highlights[0].points[1]"),
    _invisible("nul-in-list-point", "完成老旧小区改造三个。", "\x00", "highlights[1].points[1]"),
    _invisible("esc-in-shortcoming", "产业结构有待优化。", "\x1b", "shortcomings[0].points[0]"),
    _invisible("vt-in-metric-label", "规上工业总产值\n", "\x0b", "metrics[0].label"),
    _invisible("c1-in-metric-unit", "亿元", "\x9f", "metrics[0].unit"),
    _invisible("ff-in-signature", '"*街道办事处"', "\x0c", "signature.name"),
    _invisible("vt-in-attachment", "2022年重点项目清单", "\x0b", "attachments[0]"),
    Case(
        "escaped-lone-surrogate",
        {DATA: edited("  - 招商引资持续发力。", '  - "招商引资\\ud800持续发力。"')},
        1,
        (
            f"{DATA}:{line_of('  - 招商引资')}:",
            "highlights[0].points[1]",
            "U+D800",
            "lone surrogate",
            "remove the backslash escape",
        ),
    ),
    Case(
        "escaped-vertical-tab",
        {DATA: edited('"*街道办事处"', '"*街道\\v办事处"')},
        1,
        (f"{DATA}:{line_of('  name:')}:", "signature.name", "U+000B", "written as an escape"),
    ),
    Case(
        "escaped-nul-in-key",
        {DATA: (REVIEW + '"bad\\0key": 1\n').encode()},
        1,
        (f"{DATA}:{REVIEW.count(chr(10)) + 1}:1", "U+0000"),
    ),
    Case(
        "invisible-in-docx-build",
        {DATA: edited("招商引资持续发力。", "招商引资\x0b持续发力。")},
        1,
        ("U+000B", "Word cannot open a document that holds it"),
        args=("build", "2022", "-f", "docx"),
    ),
    # -- long lines -----------------------------------------------------------------------
    Case("ten-thousand-character-line", {DATA: _long_line}, 0, ("wrote build/2022.txt",)),
    Case(
        "ten-thousand-character-line-then-error",
        {DATA: _long_line_wrong},
        1,
        (f"{DATA}:", "not valid YAML"),
    ),
    # -- validation (the model refuses what parses but makes no sense) --------------------
    Case(
        "year-in-words",
        {DATA: edited("year: 2022", "year: 二〇二二")},
        1,
        (f"{DATA}:2:7", "year", "expected a whole number"),
    ),
    Case(
        "missing-organisation-zh",
        {DATA: edited('organisation: "*街道"\n', "")},
        1,
        (f"{DATA}:1:1", "缺少必填项 “organisation”"),
        lang="zh",
    ),
    Case(
        "infinite-figure",
        {DATA: edited("value: 12.43", "value: .inf")},
        1,
        (f"{DATA}:{line_of('value: 12.43')}:12", "metrics[0].value", "finite number"),
    ),
    Case(
        "not-a-number-change",
        {DATA: edited("change: 7.8", "change: .nan")},
        1,
        (f"{DATA}:{line_of('change: 7.8')}:13", "metrics[0].change", "finite number"),
    ),
    Case(
        "ten-thousand-items",
        {DATA: _ten_thousand_items},
        1,
        (f"{DATA}:4:3", "highlights", "at most 9999 items"),
    ),
    Case(
        "misspelt-key",
        {DATA: edited("shortcomings:", "shortcommings:")},
        1,
        (f"{DATA}:{line_of('shortcomings:')}:1", "did you mean 'shortcomings'"),
    ),
    # -- user templates -------------------------------------------------------------------
    Case(
        "template-syntax-error",
        {TEMPLATE: b"{{ doc.title }}\n{% for block in doc.body %}{{ block.text }}\n"},
        1,
        (f"template syntax error in {TEMPLATE}:", "endfor", "fix the template"),
    ),
    Case(
        "template-undefined-variable",
        {TEMPLATE: b"{{ doc.title }}\n{{ author }}\n"},
        1,
        (
            f"template {TEMPLATE}:2 uses an undefined value",
            "'author' is undefined",
            "templates receive doc",
        ),
    ),
    Case(
        "template-undefined-attribute",
        {TEMPLATE: b"{{ doc.subtitle }}\n"},
        1,
        (f"template {TEMPLATE}:1 uses an undefined value", "subtitle"),
    ),
    Case(
        "template-python-internals",
        {TEMPLATE: b"{{ ''.__class__.__mro__ }}\n"},
        1,
        (
            f"template {TEMPLATE}:1 tried something unsafe",
            "__class__",
            "not reach Python internals",
        ),
    ),
    Case(
        "template-runs-a-command",
        {TEMPLATE: b"{{ cycler.__init__.__globals__.os.popen('touch pwned').read() }}\n"},
        1,
        (f"template {TEMPLATE}:1 tried something unsafe",),
        untouched=("pwned",),
    ),
    Case(
        "template-format-string-escape",
        {TEMPLATE: b"{{ '{0.__class__.__init__.__globals__}'.format(doc) }}\n"},
        1,
        ("tried something unsafe",),
    ),
    Case(
        "template-changes-the-document",
        {TEMPLATE: b"{{ doc.blocks.clear() }}{{ doc.title }}\n"},
        1,
        ("tried something unsafe", "clear"),
    ),
    Case(
        "template-reads-a-file",
        {TEMPLATE: b"{% include '../../../../../../etc/passwd' %}\n"},
        1,
        ("template ../../../../../../etc/passwd not found", "only other templates"),
    ),
    Case(
        "template-endless-recursion",
        {TEMPLATE: b"{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}\n"},
        1,
        (f"template {TEMPLATE}:1 calls itself without end",),
    ),
    Case(
        "template-memory-bomb",
        {TEMPLATE: b"{{ ((2 ** 64) ** 64) ** 64 ** 2 }}\n"},
        1,
        ("tried something unsafe", "is too large for a template"),
    ),
    Case(
        "template-repeat-bomb",
        {TEMPLATE: b"{{ 'x' * 999999999999 }}\n"},
        1,
        ("tried something unsafe", "may not repeat text"),
    ),
    Case(
        "template-output-bomb",
        {TEMPLATE: b"{% for i in range(99999) %}{{ 'x' * 999999 }}{% endfor %}\n"},
        1,
        ("tried something unsafe", "output passed 20 MB"),
    ),
    Case(
        "template-division-by-zero",
        {TEMPLATE: b"{{ doc.title }}{{ 1 / 0 }}\n"},
        1,
        (f"template {TEMPLATE}:1 failed: ZeroDivisionError",),
    ),
    Case(
        "template-not-utf8",
        {TEMPLATE: "{{ doc.title }}标题\n".encode("gb18030")},
        1,
        (f"template {TEMPLATE} (or a template it includes) is not UTF-8", "save it as UTF-8"),
    ),
    Case(
        "sections-format-escape",
        {SECTIONS: b'highlights: "{year.__class__.__mro__}"\n'},
        1,
        (SECTIONS, "uses {year.__class__.__mro__}; only {year} is filled in"),
    ),
    Case(
        "sections-stray-brace",
        {SECTIONS: 'highlights: "{year年亮点"\n'.encode()},
        1,
        (SECTIONS, "has a stray brace"),
    ),
    Case(
        "sections-invisible-character",
        {SECTIONS: 'highlights: "{year}年亮点\x0b工作"\n'.encode()},
        1,
        (f"{SECTIONS}:1:", "highlights", "U+000B"),
    ),
    # -- where the output goes ------------------------------------------------------------
    Case(
        "output-into-a-missing-folder",
        {},
        0,
        ("wrote new/deeper/report.txt",),
        args=("build", "2022", "-f", "txt", "-o", "new/deeper/report.txt"),
    ),
    Case(
        "output-path-is-a-folder",
        {},
        1,
        ("cannot write build/2022.txt: it is a folder", "give a file name"),
        prepare=_output_is_a_folder,
    ),
    Case(
        "output-folder-is-a-file",
        {},
        1,
        ("cannot create folder elsewhere: a file has that name",),
        args=("build", "2022", "-f", "txt", "-o", "elsewhere/2022.txt"),
        prepare=_build_is_a_file,
    ),
    Case(
        "several-formats-into-a-file",
        {},
        2,
        ("is a file; several formats need a folder",),
        args=("build", "2022", "-f", "txt,md", "-o", "elsewhere"),
        prepare=_build_is_a_file,
    ),
    Case(
        "output-edited-by-hand",
        {},
        1,
        ("build/2022.txt was changed since reportgen wrote it", "--force"),
        prepare=_output_edited,
    ),
    Case(
        "output-read-only",
        {},
        1,
        ("build/2022.txt is read-only", "--force"),
        prepare=_output_read_only,
    ),
    Case(
        "read-only-folder",
        {},
        1,
        ("cannot write build/2022.txt: permission denied", "--output"),
        fault=_read_only_folder,
    ),
    Case(
        "full-disk",
        {},
        1,
        ("cannot write build/2022.txt: the disk is full", "previous file is unchanged"),
        fault=_full_disk,
    ),
    # -- the command line itself ----------------------------------------------------------
    Case("not-a-year", {}, 2, ("'20x2' is not a year",), args=("build", "20x2")),
    Case("unknown-format", {}, 2, ("unknown format 'pdff'",), args=("build", "2022", "-f", "pdff")),
    Case(
        "missing-data-file",
        {},
        1,
        ("the 2021 review not found", "data/2021.yaml", "--project"),
        args=("build", "2021", "-f", "txt"),
    ),
]

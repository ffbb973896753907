"""Each test document imports to the structure a person would read in it, and loses no text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_helpers import DOCX_BUILDERS, FIXTURES, expected, structure_of

from reportgen.compose.document import compose_documents
from reportgen.errors import UserError
from reportgen.importer import Options, import_document
from reportgen.importer.cleaner import clean
from reportgen.importer.numbering import ENUMERATION, parse_marker
from reportgen.importer.reader import read_document
from reportgen.importer.structure import structure
from reportgen.importer.title import parse_date_suffix
from reportgen.settings import load_settings

SHIPPED = load_settings(None)  # the shipped settings: a project without templates/

TEXT_DOCUMENTS = sorted(p.stem for p in FIXTURES.glob("*.txt") if p.stem != "no_structure")
ALL_DOCUMENTS = TEXT_DOCUMENTS + sorted(DOCX_BUILDERS)


def source(name: str, tmp_path: Path) -> Path:
    if name in DOCX_BUILDERS:
        return DOCX_BUILDERS[name](tmp_path / f"{name}.docx")
    return FIXTURES / f"{name}.txt"


def test_there_are_enough_documents_of_each_kind() -> None:
    assert len(ALL_DOCUMENTS) >= 8
    assert len(DOCX_BUILDERS) >= 3
    assert all((FIXTURES / f"{name}.expected.yaml").is_file() for name in ALL_DOCUMENTS)


@pytest.mark.parametrize("name", ALL_DOCUMENTS)
def test_structure_is_recognised(name: str, tmp_path: Path) -> None:
    imported = import_document(source(name, tmp_path), sections=SHIPPED.sections)
    assert structure_of(imported) == expected(name)


_NOT_CONTENT = re.compile(r"[\s，。；：、！？“”‘’（）()《》,.;:!?\"'｜|·\-]")


def _content(text: str) -> str:
    return _NOT_CONTENT.sub("", text)


@pytest.mark.parametrize("name", ALL_DOCUMENTS)
def test_no_text_is_lost(name: str, tmp_path: Path) -> None:
    """Every paragraph that was not dropped as debris is in the built document.

    Section headings (named by templates/sections.yaml), the title and the date (written in
    one standard form) are generated, so they are left out of the comparison.
    """
    path = source(name, tmp_path)
    imported = import_document(path, sections=SHIPPED.sections)
    built = compose_documents(imported.review, imported.plan, SHIPPED.sections)
    output = _content("".join(b.text for b in built.body if b.level != 1))
    cleaned = clean(read_document(path).paragraphs)
    outline = structure(list(cleaned.lines))
    generated = {outline.title, *(s.heading for s in outline.sections)}
    lost = []
    for line in cleaned.lines:
        marker = parse_marker(line.text)
        text = marker.rest if marker else line.text
        enumeration = ENUMERATION.match(text)
        text = text[enumeration.end() :] if enumeration else text
        if line.text in generated or text in generated or split_heading_only(text, generated):
            continue
        if parse_date_suffix(line.text):
            continue
        if _content(text) not in output:
            lost.append(line.text)
    assert lost == []


def split_heading_only(text: str, generated: set[str | None]) -> bool:
    return text.rstrip("。：:") in generated


@pytest.mark.parametrize("name", ALL_DOCUMENTS)
def test_every_paragraph_is_accounted_for(name: str, tmp_path: Path) -> None:
    """The summary's counts add up: each paragraph became a part or was dropped."""
    report = import_document(source(name, tmp_path), sections=SHIPPED.sections).report
    assert sum(report.parts.values()) + len(report.dropped) == report.paragraphs
    assert report.summary().startswith(report.source)


_LINES = st.sampled_from(
    [
        "XX街道2022年工作总结及2023年工作思路",
        "下面是小编为大家整理的工作总结，供大家参考。",
        "发布日期：2023-01-05",
        "- 3 -",
        "一、2022年亮点工作",
        "二、存在问题及短板",
        "三、2023年重点工作",
        "四、其他",
        "主要成绩",
        "（一）经济发展稳中有进。全年增长6%。",
        "(二)城市面貌持续改善",
        "1.完成改造12个；",
        "2、新建公园5个。",
        "（1）加强领导",
        "一是健全机制；二是加强督查。",
        "二是强化保障。",
        "稳进提质统筹经济指标，深入实施攻坚行动。突出存量提升，挖掘空间。",
        "全年共完成投资12.43亿元。",
        "附件：1.指标表",
        "XX街道",
        "2023年1月5日",
        "新的一年，我们将继续努力。",
        "",
        "：",
        "（",
        "一、",
    ]
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(_LINES, min_size=0, max_size=25))
def test_any_arrangement_imports_or_says_why(lines: list[str], tmp_path: Path) -> None:
    """Whatever order real paragraphs come in: a model that reads back, or a user error."""
    path = tmp_path / "doc.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        imported = import_document(
            path, Options(organisation="XX街道", year=2022), sections=SHIPPED.sections
        )
    except UserError as exc:
        # each reason import gives up, in either language (another test may have left it en)
        expected = (
            *("找不到可导入的结构", "标题下没有事项", "没有正文", "中没有文字", "这是一份"),
            *("found no structure", "no items under them", "has no text", "this is a"),
            *("是空文件", "is empty"),
        )
        assert any(words in exc.message for words in expected), exc.message
        return
    assert imported.review_yaml or imported.plan_yaml
    report = imported.report
    assert sum(report.parts.values()) + len(report.dropped) == report.paragraphs

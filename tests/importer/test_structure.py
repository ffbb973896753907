"""importer/structure.py on hand-made cleaned lines, expected outlines written out by hand.

These pin the boundaries the mutation run found unpinned (tests/README.md "Mutation testing"):
the lengths that decide a title or a heading, the ending (落款, 附件), the closing paragraphs,
and the raw-paragraph counts per part.
"""

from __future__ import annotations

import datetime as dt

import pytest

from reportgen.importer.cleaner import Line
from reportgen.importer.reader import RawParagraph
from reportgen.importer.structure import (
    NoStructure,
    looks_like_title,
    mid_sentence,
    section_kind,
    split_heading,
    structure,
)

_counter = iter(range(1, 10_000))


def line(text: str, level: int | None = None, *, title: bool = False, raw: int = 1) -> Line:
    sources = [RawParagraph(text, next(_counter)) for _ in range(raw)]
    return Line(text, sources, heading_level=level, is_title=title)


# ── mid_sentence ───────────────────────────────────────────────────────────
@pytest.mark.parametrize(
    ("text", "following", "expected"),
    [
        ("建成党群服务中心，", "日均服务300人次。", True),
        ("建成党群服务中心。", "日均服务300人次。", False),
        ("他说“抓落实。”", "下一段。", False),  # the closer is skipped, 。 before it ends
        ("他说“抓落实”", "下一段。", True),
        ("”", "下一段。", True),  # a lone closer: nothing before it ends a sentence
        ("", "下一段。", False),
        ("   ", "下一段。", False),
        ("序号｜项目", "下一段。", False),  # a table row
        ("建成服务中心，", "1｜2", False),
        ("完成改造……", "下一段。", False),
    ],
)
def test_mid_sentence(text: str, following: str, expected: bool) -> None:
    assert mid_sentence(text, following) is expected


# ── headings ───────────────────────────────────────────────────────────────
def test_section_kind_strong_weak_none() -> None:
    assert section_kind("2022年工作成效") == ("highlights", True)
    assert section_kind("存在的不足") == ("shortcomings", True)
    assert section_kind("下一步打算") == ("priorities", True)
    assert section_kind("主要工作") == ("highlights", False)
    assert section_kind("基本情况") == (None, False)


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        ("：一是健全组织。", ("：一是健全组织", "")),  # a colon at 0 opens no heading
        (
            "一二三四五六七八九十一二三四五六七八九十：正文。",
            ("一二三四五六七八九十一二三四五六七八九十", "正文。"),
        ),
        (
            "一二三四五六七八九十一二三四五六七八九十一：正文。",
            ("一二三四五六七八九十一二三四五六七八九十一：正文", ""),
        ),
        ("加强党建：", ("加强党建", "")),
        ("加强党建:  ", ("加强党建", "")),
        ("  党建引领！全面推进。", ("党建引领！", "全面推进。")),
        ("党建引领。：后文", ("党建引领", "：后文")),
        ("抓党建，促发展：一是健全组织。", ("抓党建，促发展：一是健全组织", "")),
    ],
)
def test_split_heading_edges(rest: str, expected: tuple[str, str]) -> None:
    assert split_heading(rest) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("工作总结", True),  # 4 characters: the shortest title
        ("年度总结", True),
        ("总结", False),
        ("三字总结"[1:], False),
        ("城南街道" * 14 + "工作总结", True),  # 60 characters
        ("城南街道" * 14 + "工作总结啊", False),  # 61
        ("一、工作总结", False),
        ("城南街道工作总结，", False),
        ("城南街道工作情况", False),
    ],
)
def test_looks_like_title(text: str, expected: bool) -> None:
    assert looks_like_title(line(text)) is expected


# ── whole outlines ─────────────────────────────────────────────────────────
def test_outline_title_sections_signature_and_counts() -> None:
    lines = [
        line("城南街道", title=True),
        line("2022年工作总结", title=True),
        line("今年以来，街道各项工作稳步推进。", raw=2),
        line("一、2022年主要成效"),
        line("（一）经济发展稳中有进。全年完成地区生产总值48亿元。"),
        line("（二）城市面貌持续改善。完成老旧小区改造12个。"),
        line("二、存在问题"),
        line("（一）治理能力有待提升。网格员专业化程度不高。"),
        line("城南街道办事处"),
        line("2022年12月20日"),
    ]
    outline = structure(lines)
    assert outline.title == "城南街道2022年工作总结"
    assert outline.opening == ["今年以来，街道各项工作稳步推进。"]
    assert [(s.heading, s.kind, s.year) for s in outline.sections] == [
        ("2022年主要成效", "highlights", 2022),
        ("存在问题", "shortcomings", None),
    ]
    assert [i.heading for i in outline.sections[0].items] == [
        "经济发展稳中有进",
        "城市面貌持续改善",
    ]
    assert outline.sections[0].items[0].points[0].text == "全年完成地区生产总值48亿元。"
    assert outline.sections[0].paragraphs == 3
    assert outline.signature_name == "城南街道办事处"
    assert outline.signature_date == dt.date(2022, 12, 20)
    assert outline.parts == {"title": 2, "signature": 2, "opening": 2}
    assert outline.closing == [] and outline.attachments == []


def test_a_title_wrapped_before_its_second_half() -> None:
    lines = [
        line("城南街道2023年工作总结"),
        line("及2024年工作思路"),
        line("一、主要成效"),
        line("（一）经济发展。增长6%。"),
        line("（二）民生改善。新增就业300人。"),
    ]
    outline = structure(lines)
    assert outline.title == "城南街道2023年工作总结及2024年工作思路"
    assert outline.parts["title"] == 2


def test_unit_name_line_then_title_line() -> None:
    lines = [
        line("城南街道"),
        line("2023年工作总结"),
        line("一、主要成效"),
        line("（一）经济发展。增长6%。"),
        line("（二）民生改善。新增就业300人。"),
    ]
    assert structure(lines).title == "城南街道2023年工作总结"


def test_attachments_at_the_end() -> None:
    lines = [
        line("一、主要成效"),
        line("（一）经济发展。增长6%。"),
        line("（二）民生改善。新增就业300人。"),
        line("附件：1.2023年主要经济指标表 2.重点项目清单。"),
        line("3.民生实事完成情况"),
    ]
    outline = structure(lines)
    assert outline.attachments == ["2023年主要经济指标表", "重点项目清单", "民生实事完成情况"]
    assert outline.parts == {"attachments": 2, "opening": 0}
    assert len(outline.sections[0].items) == 2


def test_closing_paragraphs_after_the_last_item() -> None:
    lines = [
        line("一、主要成效"),
        line("（一）经济发展。增长6%。"),
        line("（二）民生改善。新增就业300人。"),
        line("补充说明一段。"),
        line("总之，我们将继续努力。"),
    ]
    outline = structure(lines)
    # closing starts at the first paragraph that reads like one; before it, the last item's
    assert outline.closing == ["总之，我们将继续努力。"]
    assert outline.parts["closing"] == 1
    last = outline.sections[0].items[-1]
    assert [(p.text, p.note) for p in last.points] == [
        ("新增就业300人。", None),
        ("补充说明一段。", "原文另起一段，导入后并入本事项的自然段"),
    ]


def test_closing_after_single_paragraph_items_needs_no_closing_word() -> None:
    lines = [
        line("一、主要成效"),
        line("（一）经济发展。增长6%。"),
        line("（二）民生改善。新增就业300人。"),
        line("全体干部将再接再厉。"),
    ]
    outline = structure(lines)
    assert outline.closing == ["全体干部将再接再厉。"]
    assert [len(i.points) for i in outline.sections[0].items] == [1, 1]


def test_unnumbered_section_headings() -> None:
    lines = [
        line("工作成效"),
        line("1.经济发展。增长6%。"),
        line("2.民生改善。新增就业300人。"),
        line("存在问题："),
        line("1.治理短板。网格员不足。"),
        line("2.城市管理。背街小巷仍脏乱。"),
    ]
    outline = structure(lines)
    assert [s.heading for s in outline.sections] == ["工作成效", "存在问题"]
    assert [len(s.items) for s in outline.sections] == [2, 2]


def test_enumerated_paragraphs_become_items() -> None:
    lines = [
        line("一、主要成效"),
        line("一是经济发展。增长6%。"),
        line("二是民生改善。新增就业300人。"),
        line("二、存在问题"),
        line("一是网格员不足。"),
    ]
    outline = structure(lines)
    first = outline.sections[0]
    assert [i.heading for i in first.items] == ["经济发展", "民生改善"]
    assert first.items[0].notes == ["原文以“一是”开头，序号改为自动生成的（一）（二）……"]
    assert outline.sections[1].items == []
    assert outline.sections[1].intro == ["一是网格员不足。"]


def test_list_items_with_subpoints_and_unnumbered_paragraphs() -> None:
    lines = [
        line("一、主要成效"),
        line("（一）经济发展"),
        line("前言一段。"),
        line("1.工业增长。"),
        line("（1）规上企业10家。"),
        line("补充一段。"),
        line("2.服务业增长。"),
        line("（二）民生改善"),
        line("新增就业300人。"),
    ]
    items = structure(lines).sections[0].items
    first = items[0]
    assert first.layout == "list"
    assert [p.text for p in first.points] == ["前言一段。", "工业增长。补充一段。", "服务业增长。"]
    assert [p.note for p in first.points] == [
        "原文此段没有序号，导入为列表中的一项",
        "原文另起的段落已并入本项",
        None,
    ]
    assert [p.subpoints for p in first.points] == [[], ["规上企业10家。"], []]
    assert items[1].layout == "run-in"
    assert [p.text for p in items[1].points] == ["新增就业300人。"]


def test_a_document_without_sections() -> None:
    lines = [
        line("今年以来，各项工作稳步推进。"),
        line("1.经济发展。增长6%。"),
        line("2.民生改善。新增就业300人。"),
    ]
    outline = structure(lines)
    assert outline.opening == ["今年以来，各项工作稳步推进。"]
    assert [i.heading for i in outline.sections[0].items] == ["经济发展", "民生改善"]
    assert outline.sections[0].paragraphs == 2
    assert outline.notes == ["原文没有“一、”之类的部分标题，各事项按其内容归入一个部分"]
    with pytest.raises(NoStructure):
        structure([line("只有一段。"), line("1.一项。")])


def test_run_in_item_notes_subpoints_and_a_broken_sentence() -> None:
    long_heading = "持续推进" * 10 + "改造"  # 42 characters, no 。
    lines = [
        line("一、主要成效"),
        line("（一）经济发展：全年增长6%。"),
        line("（1）工业增长8%。"),
        line("（2）服务业增长5%。"),
        line("（二）建成党群服务中心，"),
        line("（三）民生改善。新建党群服务中心，"),
        line("日均服务300人次。"),
        line("另一段。"),
        line("（四）" + long_heading),
    ]
    items = structure(lines).sections[0].items
    assert items[0].heading == "经济发展"
    assert items[0].notes == ["原文小标题后是“：”，生成时小标题以“。”结尾"]
    assert items[0].points[0].subpoints == ["工业增长8%。", "服务业增长5%。"]
    assert items[1].heading == "建成党群服务中心，" and items[1].notes == []
    assert [(p.text, p.note) for p in items[2].points] == [
        ("新建党群服务中心，日均服务300人次。", "原文在句中另起一段，导入后接在前文之后"),
        ("另一段。", "原文另起一段，导入后并入本事项的自然段"),
    ]
    assert items[3].heading == long_heading
    assert items[3].notes == ["原文此段没有句号，整段作为小标题"]


def test_a_heading_of_exactly_40_characters_has_no_note() -> None:
    heading = "持续推进" * 10
    lines = [line("一、主要成效"), line("（一）" + heading), line("（二）民生。增长。")]
    assert structure(lines).sections[0].items[0].notes == []


def test_item_marker_alone_takes_the_next_line_as_heading() -> None:
    lines = [
        line("一、主要成效"),
        line("（一）"),
        line("经济发展。全年增长6%。"),
        line("（二）民生改善。新增就业300人。"),
    ]
    items = structure(lines).sections[0].items
    assert [i.heading for i in items] == ["经济发展", "民生改善"]
    assert [p.text for p in items[0].points] == ["全年增长6%。"]


def test_unnumbered_points_under_a_heading_only_item() -> None:
    lines = [
        line("一、主要成效"),
        line("（一）经济发展"),
        line("工业增长8%。"),
        line("服务业增长5%。"),
        line("（二）民生改善"),
        line("一是新增就业300人。"),
        line("二是新建学校2所。"),
        line("（三）社会治理"),
    ]
    items = structure(lines).sections[0].items
    assert items[0].layout == "list"
    assert [p.text for p in items[0].points] == ["工业增长8%。", "服务业增长5%。"]
    assert items[0].notes == ["原文各段没有序号，导入为编号列表（1. 2. …）"]
    assert items[1].layout == "run-in"
    assert [p.text for p in items[1].points] == ["一是新增就业300人。", "二是新建学校2所。"]
    assert items[2].points == [] and items[2].layout == "run-in"


def test_heading_styles_decide_sections_and_items() -> None:
    lines = [
        line("概述段落。"),
        line("经济建设", 1),
        line("工业发展", 2),
        line("增长8%。"),
        line("农业发展", 2),
        line("增长3%。"),
        line("（二）存在问题", 1),
        line("人才短缺", 2),
        line("缺少专业人才。"),
    ]
    outline = structure(lines)
    assert [(s.heading, s.kind) for s in outline.sections] == [
        ("经济建设", None),
        ("存在问题", "shortcomings"),
    ]
    assert [i.heading for i in outline.sections[0].items] == ["工业发展", "农业发展"]
    assert [i.heading for i in outline.sections[1].items] == ["人才短缺"]


def test_signature_date_without_a_name_line_that_is_too_long() -> None:
    name = "城南街道党工委城南街道办事处城南街道人大工委城南街道政协联络组"  # 31 characters
    lines = [
        line("一、主要成效"),
        line("（一）经济发展。增长6%。"),
        line("（二）民生改善。增长。"),
        line(name),
        line("2023年1月5日"),
    ]
    outline = structure(lines)
    assert outline.signature_name is None
    assert outline.signature_date == dt.date(2023, 1, 5)
    assert outline.parts["signature"] == 1


def test_attachment_lines_must_be_numbered_and_short() -> None:
    base = [
        line("一、主要成效"),
        line("（一）经济发展。增长6%。"),
        line("（二）民生改善。增长。"),
        line("附件："),
    ]
    numbered = structure([*base, line("1." + "表" * 78)])
    assert numbered.attachments == ["表" * 78]  # 80 characters with its 1.
    too_long = structure([*base, line("1." + "表" * 79)])
    assert too_long.attachments == []
    unnumbered = structure([*base, line("主要经济指标表")])
    assert unnumbered.attachments == []


def test_sections_numbered_like_items_when_they_name_a_section() -> None:
    lines = [
        line("（一）主要成效"),
        line("1.经济发展。增长6%。"),
        line("2.民生改善。增长。"),
        line("（二）存在问题"),
        line("1.人才短缺。缺少专业人才。"),
    ]
    outline = structure(lines)
    assert [s.heading for s in outline.sections] == ["主要成效", "存在问题"]
    assert [len(s.items) for s in outline.sections] == [2, 1]


def test_a_section_heading_with_run_in_intro() -> None:
    lines = [
        line("一、主要成效。今年以来，各项工作稳步推进。"),
        line("引言第二段。"),
        line("（一）经济发展。增长6%。"),
        line("（二）民生改善。增长。"),
        line("二、存在问题"),
        line("（一）人才短缺。缺少专业人才。"),
    ]
    section = structure(lines).sections[0]
    assert section.heading == "主要成效"
    assert section.intro == ["今年以来，各项工作稳步推进。", "引言第二段。"]
    assert section.paragraphs == 4

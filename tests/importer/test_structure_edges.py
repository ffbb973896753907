"""importer/structure.py at its edges: the lengths, spellings and levels the mutation run of
issue 11 found unpinned (tests/README.md "Mutation testing"), each with its outline written out
by hand. The documents are short made-up ones in the shapes offices publish.
"""

from __future__ import annotations

import datetime as dt

import pytest

from reportgen.importer.cleaner import Line
from reportgen.importer.reader import RawParagraph
from reportgen.importer.structure import (
    NoStructure,
    Outline,
    mid_sentence,
    split_heading,
    structure,
)


def doc(*specs: str | tuple[str, int]) -> list[Line]:
    """Lines numbered 1, 2, 3 … as a .txt's lines are; ("text", 2) is a Heading 2 paragraph."""
    out = []
    for n, spec in enumerate(specs, start=1):
        text, level = spec if isinstance(spec, tuple) else (spec, None)
        out.append(Line(text, [RawParagraph(text, n)], heading_level=level))
    return out


def items_of(outline: Outline, k: int = 0) -> list[tuple[str, list[str]]]:
    return [(i.heading, [p.text for p in i.points]) for i in outline.sections[k].items]


TWO_ITEMS = ("（一）经济发展。全年增长6%。", "（二）民生改善。新增就业300人。")


# ── split_heading and mid_sentence ─────────────────────────────────────────
@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        # only ： and : make a colon heading, not a Latin letter before the 。
        ("购置X光机2台。全年完成体检3000人次。", ("购置X光机2台", "全年完成体检3000人次。")),
        ("注：本表数据截至11月底。", ("注", "本表数据截至11月底。")),  # one character is enough
        ("考核等次：优", ("考核等次", "优")),  # one character after the colon is text
        ("探索党建+X", ("探索党建+X", "")),  # a heading alone keeps its last letter
        ("推进“1+N+X”：", ("推进“1+N+X”", "")),
    ],
)
def test_split_heading_more_edges(rest: str, expected: tuple[str, str]) -> None:
    assert split_heading(rest) == expected


def test_mid_sentence_ignores_trailing_space_and_a_quote_closed_after_its_full_stop() -> None:
    assert mid_sentence("建成党群服务中心。 ", "日均服务300人次。") is False
    assert mid_sentence("。”", "下一段。") is False  # a quotation's end wrapped onto its own line


# ── sections that are only a line naming them ──────────────────────────────
def _unnumbered(heading: str) -> Outline:
    return structure(doc(heading, "1.经济发展。增长6%。", "2.民生改善。新增就业300人。"))


def test_an_unnumbered_section_heading_is_at_most_20_characters_without_its_colon() -> None:
    twenty = "城南街道二〇二三年经济社会发展存在的问题"
    assert len(twenty) == 20
    for heading in (twenty, twenty + "：", twenty + ":"):
        outline = _unnumbered(heading)
        assert [(s.heading, s.kind) for s in outline.sections] == [(twenty, "shortcomings")]
        assert outline.notes == []
    longer = "城南街道二〇二三年经济社会发展中存在的问题"
    assert len(longer) == 21
    outline = _unnumbered(longer)
    assert [s.heading for s in outline.sections] == [""]  # no section: the items stand alone
    assert outline.opening == [longer]


def test_a_line_announcing_a_list_is_no_section() -> None:
    outline = structure(
        doc(
            "一、主要成效",
            *TWO_ITEMS,
            "二、存在问题",
            "主要问题如下：",
            "（一）人才短缺。缺少专业人才。",
        )
    )
    assert [s.heading for s in outline.sections] == ["主要成效", "存在问题"]
    assert outline.sections[1].intro == ["主要问题如下："]
    assert items_of(outline, 1) == [("人才短缺", ["缺少专业人才。"])]


def test_level_one_items_under_unnumbered_sections() -> None:
    outline = structure(
        doc(
            "工作成效",
            "一、经济发展。全年增长6%。",
            "二、民生改善。新增就业300人。",
            "存在问题",
            "一、人才短缺。缺少专业人才。",
        )
    )
    assert [s.heading for s in outline.sections] == ["工作成效", "存在问题"]
    assert items_of(outline, 0) == [
        ("经济发展", ["全年增长6%。"]),
        ("民生改善", ["新增就业300人。"]),
    ]
    assert items_of(outline, 1) == [("人才短缺", ["缺少专业人才。"])]


# ── heading styles ─────────────────────────────────────────────────────────
def test_styled_sections_with_no_section_word_and_items_styled_like_them() -> None:
    """Heading 1 on 一、 and also on its （一）s: the 一、 lines are the sections whatever they
    say, the （一） lines (no section word) their items, not the section's intro."""
    outline = structure(
        doc(
            ("一、经济建设", 1),
            ("（一）工业发展", 1),
            "规上工业产值增长8%。",
            ("（二）农业发展", 1),
            "粮食产量稳定。",
            ("二、社会事业", 1),
            "新建学校2所。",
        )
    )
    assert [(s.heading, s.kind) for s in outline.sections] == [
        ("经济建设", None),
        ("社会事业", None),
    ]
    assert outline.sections[0].intro == []
    assert items_of(outline, 0) == [
        ("工业发展", ["规上工业产值增长8%。"]),
        ("农业发展", ["粮食产量稳定。"]),
    ]
    assert outline.sections[1].intro == ["新建学校2所。"]


def test_styled_items_without_any_section() -> None:
    outline = structure(
        doc(
            "今年以来，各项工作稳步推进。",
            ("（一）经济发展", 1),
            "全年增长6%。",
            ("（二）民生改善", 1),
            "新增就业300人。",
        )
    )
    assert outline.opening == ["今年以来，各项工作稳步推进。"]
    assert items_of(outline) == [("经济发展", ["全年增长6%。"]), ("民生改善", ["新增就业300人。"])]


def test_a_section_says_where_it_starts() -> None:
    outline = structure(doc("今年以来，工作稳步推进。", "一、主要成效", *TWO_ITEMS))
    assert outline.sections[0].where == "第 2 行"


# ── 一是 二是 as a section's items ────────────────────────────────────────
def test_paragraphs_opening_with_di_yi_yao_are_items() -> None:
    outline = structure(
        doc(
            "一、主要成效",
            *TWO_ITEMS,
            "二、下一步打算",
            "第一要稳增长。全力抓好项目建设。",
            "第二要惠民生。办好十件民生实事。",
        )
    )
    plan = outline.sections[1]
    assert items_of(outline, 1) == [
        ("稳增长", ["全力抓好项目建设。"]),
        ("惠民生", ["办好十件民生实事。"]),
    ]
    assert plan.items[0].notes == ["原文以“第一要”开头，序号改为自动生成的（一）（二）……"]
    assert plan.intro == [] and outline.closing == []


# ── an item's own text ─────────────────────────────────────────────────────
def test_item_marker_alone_then_heading_then_more_text() -> None:
    outline = structure(
        doc(
            "一、主要成效",
            "（一）",
            "经济发展。全年增长6%。",
            "工业增长8%。",
            "（二）民生改善。增长。",
        )
    )
    first = outline.sections[0].items[0]
    assert first.heading == "经济发展"
    assert [(p.text, p.note) for p in first.points] == [
        ("全年增长6%。", None),
        ("工业增长8%。", "原文另起一段，导入后并入本事项的自然段"),
    ]


def test_colon_notes_only_when_text_follows_the_colon() -> None:
    outline = structure(
        doc(
            "一、主要成效",
            "（一）经济发展:全年增长6%。",  # a half-width colon is a colon too
            "（二）加强党建：",  # heading alone, a list under it: nothing to say
            "1.健全组织。",
            "2.规范制度。",
        )
    )
    first, second = outline.sections[0].items
    assert first.notes == ["原文小标题后是“：”，生成时小标题以“。”结尾"]
    assert (second.heading, second.layout, second.notes) == ("加强党建", "list", [])
    assert [p.text for p in second.points] == ["健全组织。", "规范制度。"]


def test_a_numbered_paragraph_under_a_run_in_item_stays_a_paragraph() -> None:
    """（1） under a run-in item is a sub-point; 1. is not (it is rendered （1）), so it stays
    a paragraph of its own, number and all."""
    outline = structure(
        doc(
            "一、主要成效",
            "（一）经济发展。全年增长6%。",
            "1.工业增长8%。",
            "（二）民生改善。增长。",
        )
    )
    first = outline.sections[0].items[0]
    assert [(p.text, p.subpoints, p.note) for p in first.points] == [
        ("全年增长6%。", [], None),
        ("1.工业增长8%。", [], "原文另起一段，导入后并入本事项的自然段"),
    ]


def test_an_items_tables_stay_apart() -> None:
    def row(cells: tuple[str, ...], table: int) -> Line:
        raw = RawParagraph("｜".join(cells), table, "paragraph", None, False, "", True, cells)
        return Line(raw.text, [raw], from_table=True)

    lines = doc("一、主要成效", "（一）经济发展。全年增长6%。")
    lines += [row(("指标", "数值"), 3), row(("产值", "48亿元"), 3), row(("项目", "个数"), 4)]
    lines += doc("（二）民生改善。新增就业300人。")
    first = structure(lines).sections[0].items[0]
    assert first.tables == [[["指标", "数值"], ["产值", "48亿元"]], [["项目", "个数"]]]
    assert [p.text for p in first.points] == ["全年增长6%。"]


# ── a document without numbered sections ──────────────────────────────────
def test_a_document_without_sections_keeps_each_items_paragraphs() -> None:
    outline = structure(
        doc(
            "今年以来，各项工作稳步推进。",
            "1.经济发展",
            "全年增长6%。",
            "2.民生改善",
            "新增就业300人。",
            "3.社会治理",
            "化解矛盾纠纷120件。",
        )
    )
    assert outline.opening == ["今年以来，各项工作稳步推进。"]
    assert outline.parts == {"opening": 1}
    section = outline.sections[0]
    assert (section.heading, section.kind, section.year) == ("", None, None)
    assert section.paragraphs == 6
    assert items_of(outline) == [
        ("经济发展", ["全年增长6%。"]),
        ("民生改善", ["新增就业300人。"]),
        ("社会治理", ["化解矛盾纠纷120件。"]),
    ]


# ── the title ──────────────────────────────────────────────────────────────
def test_a_unit_name_line_of_up_to_20_characters_joins_the_title() -> None:
    name = "中共城南区委城南街道工作委员会城南街道办"
    assert len(name) == 20
    outline = structure(doc(name, "2023年工作总结", "一、主要成效", *TWO_ITEMS))
    assert outline.title == name + "2023年工作总结"
    assert outline.parts["title"] == 2
    longer = "城南区人民政府城南街道办事处党政综合办公室"
    assert len(longer) == 21
    outline = structure(doc(longer, "2023年工作总结", "一、主要成效", *TWO_ITEMS))
    assert outline.title is None
    assert outline.opening == [longer, "2023年工作总结"]


def test_a_first_line_with_a_comma_or_a_number_is_no_unit_name() -> None:
    outline = structure(doc("党建引领，治理增效", "2023年工作总结", "一、主要成效", *TWO_ITEMS))
    assert outline.title is None
    assert outline.opening == ["党建引领，治理增效", "2023年工作总结"]
    outline = structure(doc("一、主要成效", "城南街道工作报告", *TWO_ITEMS))
    assert outline.title is None
    assert [(s.heading, s.intro) for s in outline.sections] == [("主要成效", ["城南街道工作报告"])]


def test_the_second_half_of_a_wrapped_title_is_at_most_30_characters() -> None:
    half = "及2024年城南街道经济社会发展和全面从严治党工作思路"
    assert len(half) == 27
    half30 = half[:-4] + "等各项工作思路"
    assert len(half30) == 30
    outline = structure(doc("城南街道2023年工作总结", half30, "一、主要成效", *TWO_ITEMS))
    assert outline.title == "城南街道2023年工作总结" + half30
    half31 = half[:-4] + "各项重点工作思路"
    assert len(half31) == 31
    outline = structure(doc("城南街道2023年工作总结", half31, "一、主要成效", *TWO_ITEMS))
    assert outline.title == "城南街道2023年工作总结"
    assert outline.opening == [half31]


def test_a_document_that_is_only_its_title_has_no_structure() -> None:
    lines = [
        Line(t, [RawParagraph(t, n)], is_title=True)
        for n, t in enumerate(("城南街道", "2023年工作总结"))
    ]
    with pytest.raises(NoStructure):
        structure(lines)


# ── the ending: 落款 ───────────────────────────────────────────────────────
JOINT = "中共城南区委城南街道工作委员会　城南区人民政府城南街道办事处"


def test_a_signature_line_of_30_characters() -> None:
    assert len(JOINT) == 30
    outline = structure(doc("一、主要成效", *TWO_ITEMS, JOINT, "2023年1月5日"))
    assert (outline.signature_name, outline.signature_date) == (JOINT, dt.date(2023, 1, 5))
    assert outline.parts["signature"] == 2


def test_a_name_and_date_on_one_line_of_up_to_30_characters_before_the_date() -> None:
    outline = structure(doc("一、主要成效", *TWO_ITEMS, JOINT + "2023年1月5日"))
    assert (outline.signature_name, outline.signature_date) == (JOINT, dt.date(2023, 1, 5))
    assert outline.parts["signature"] == 1
    longer = JOINT.replace("　", "　　")
    assert len(longer) == 31
    outline = structure(doc("一、主要成效", *TWO_ITEMS, longer + "2023年1月5日"))
    assert (outline.signature_name, outline.signature_date) == (None, None)
    assert outline.closing == [longer + "2023年1月5日"]


# ── the ending: 附件 ───────────────────────────────────────────────────────
def _attachments(*ending: str) -> Outline:
    return structure(doc("一、主要成效", *TWO_ITEMS, *ending))


@pytest.mark.parametrize(
    ("ending", "expected"),
    [
        (("附件：2023年主要经济指标表",), ["2023年主要经济指标表"]),  # on the last line
        (("附 件 2：重点项目清单",), ["重点项目清单"]),
        (("附件:1.主要经济指标表",), ["主要经济指标表"]),
        (
            ("附件：1.主要经济指标表；2.重点项目清单；3.民生实事完成情况。",),
            ["主要经济指标表", "重点项目清单", "民生实事完成情况"],
        ),
        # 1．5G: a level-3 number although a digit follows its full-width dot; （2） level 4
        (("附件：1．5G基站建设点位表", "（2）重点项目清单"), ["5G基站建设点位表", "重点项目清单"]),
        (("附件：", "①主要经济指标表", "②重点项目清单"), ["主要经济指标表", "重点项目清单"]),
        # one 附件N： line per attachment
        (("附件1：主要经济指标表", "附件2：重点项目清单"), ["主要经济指标表", "重点项目清单"]),
        (
            ("附件：1.主要经济指标表", "附件：2.重点项目清单"),
            ["主要经济指标表", "重点项目清单"],
        ),
    ],
)
def test_attachment_spellings(ending: tuple[str, ...], expected: list[str]) -> None:
    outline = _attachments(*ending)
    assert outline.attachments == expected
    assert outline.parts["attachments"] == len(ending)
    assert outline.closing == []
    assert items_of(outline) == [("经济发展", ["全年增长6%。"]), ("民生改善", ["新增就业300人。"])]


def test_attachments_are_looked_for_in_the_last_11_lines() -> None:
    names = [f"{n}.附表{n}" for n in range(1, 12)]
    ten = _attachments("附件：", *names[:10])
    assert ten.attachments == [f"附表{n}" for n in range(1, 11)]
    eleven = _attachments("附件：", *names)
    assert eleven.attachments == []


def test_attachments_of_a_document_of_four_lines() -> None:
    outline = structure(doc("一、主要成效", "附件：", "1.主要经济指标表", "2.重点项目清单"))
    assert outline.attachments == ["主要经济指标表", "重点项目清单"]
    assert [(s.heading, s.items, s.intro) for s in outline.sections] == [("主要成效", [], [])]


# ── the closing ────────────────────────────────────────────────────────────
def test_a_closing_after_a_last_section_of_one_item() -> None:
    outline = structure(
        doc(
            "一、主要成效",
            *TWO_ITEMS,
            "二、存在问题",
            "（一）人才短缺。缺少专业人才。",
            "总之，我们将再接再厉。",
        )
    )
    assert outline.closing == ["总之，我们将再接再厉。"]
    assert items_of(outline, 1) == [("人才短缺", ["缺少专业人才。"])]


def test_no_closing_is_taken_from_a_last_section_of_prose() -> None:
    outline = structure(
        doc(
            "一、主要成效",
            *TWO_ITEMS,
            "二、下一步打算",
            "明年重点抓好三件事。一是稳增长，二是惠民生。",
            "总之，我们将再接再厉。",
        )
    )
    assert outline.closing == []
    assert outline.sections[1].intro == [
        "明年重点抓好三件事。一是稳增长，二是惠民生。",
        "总之，我们将再接再厉。",
    ]


def test_the_paragraph_under_a_last_heading_alone_is_its_text_not_the_closing() -> None:
    """我们将… opens a closing, but right under a heading alone it is that item's text."""
    outline = structure(
        doc(
            "一、下一步打算",
            "（一）抓好经济发展",
            "全力以赴稳增长。确保增速6%以上。",
            "（二）加强队伍建设",
            "我们将加强干部培训，提升履职能力。",
            "总之，我们将再接再厉。",
        )
    )
    assert items_of(outline) == [
        ("抓好经济发展", ["全力以赴稳增长。确保增速6%以上。"]),
        ("加强队伍建设", ["我们将加强干部培训，提升履职能力。"]),
    ]
    assert outline.closing == ["总之，我们将再接再厉。"]


def test_the_paragraph_under_a_last_styled_heading_is_its_text_not_the_closing() -> None:
    outline = structure(
        doc(
            ("一、主要成效", 1),
            ("经济发展", 2),
            "全年增长6%。",
            ("二、下一步打算", 1),
            ("抓好经济发展", 2),
            "全力以赴稳增长。",
            ("加强队伍建设", 2),
            "我们将加强干部培训，提升履职能力。",
            "总之，我们将再接再厉。",
        )
    )
    assert items_of(outline, 1)[-1] == ("加强队伍建设", ["我们将加强干部培训，提升履职能力。"])
    assert outline.closing == ["总之，我们将再接再厉。"]


def test_a_closing_right_after_a_last_run_in_item() -> None:
    outline = structure(
        doc(
            "一、主要成效",
            "（一）经济发展。全年增长6%。",
            "工业增长8%。",
            "（二）民生改善。新增就业300人。",
            "总之，我们将再接再厉。",
        )
    )
    assert outline.closing == ["总之，我们将再接再厉。"]
    assert items_of(outline) == [
        ("经济发展", ["全年增长6%。", "工业增长8%。"]),
        ("民生改善", ["新增就业300人。"]),
    ]


def test_a_document_that_is_only_a_list_of_attachments_has_no_structure() -> None:
    with pytest.raises(NoStructure):
        structure(doc("附件：", "1.主要经济指标表", "2.重点项目清单"))


def test_twelve_attachment_lines_leave_the_first_outside_the_window() -> None:
    outline = _attachments(*(f"附件{n}：附表{n}" for n in range(1, 13)))
    assert outline.attachments == [f"附表{n}" for n in range(2, 13)]
    assert outline.closing == ["附件1：附表1"]


def test_list_points_take_sub_points_and_paragraphs_under_the_right_point() -> None:
    outline = structure(
        doc(
            "一、主要成效",
            "（一）经济发展",
            "1.工业增长8%。",
            "2.服务业增长5%。",
            "3.农业稳定。",
            "（1）粮食产量持平。",
            "补充一段。",
            "（二）民生改善。新增就业300人。",
        )
    )
    first = outline.sections[0].items[0]
    assert [(p.text, p.subpoints, p.note) for p in first.points] == [
        ("工业增长8%。", [], None),
        ("服务业增长5%。", [], None),
        ("农业稳定。补充一段。", ["粮食产量持平。"], "原文另起的段落已并入本项"),
    ]

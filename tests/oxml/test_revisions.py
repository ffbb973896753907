"""reportgen.oxml.revisions (tracked changes) on small snippets of WordprocessingML."""

from __future__ import annotations

import re

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from reportgen import oxml  # the package names, as render and diff use them

REV = {"author": "审核人", "date": "2024-01-05T09:30:00Z"}


def xml(text: str) -> etree._Element:
    return parse_xml(re.sub(r"^<(w:\w+)", rf"<\1 {nsdecls('w')}", text, count=1))


def shown(element: etree._Element) -> str:
    text = etree.tostring(element, encoding="unicode")
    return re.sub(r' xmlns:\w+="[^"]+"', "", text)


def test_make_ins_wraps_the_run_where_it_stands() -> None:
    p = xml("<w:p><w:r><w:t>完成</w:t></w:r><w:r><w:t>整村结算</w:t></w:r></w:p>")
    oxml.make_ins(p[0], rev_id=7, **REV)
    assert shown(p) == (
        '<w:p><w:ins w:id="7" w:author="审核人" w:date="2024-01-05T09:30:00Z">'
        "<w:r><w:t>完成</w:t></w:r></w:ins><w:r><w:t>整村结算</w:t></w:r></w:p>"
    )


def test_make_del_turns_text_into_deltext() -> None:
    p = xml("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t> 完成</w:t></w:r></w:p>")
    oxml.make_del(p[0], rev_id=3, author="a")
    assert shown(p) == (
        '<w:p><w:del w:id="3" w:author="a"><w:r><w:rPr><w:b/></w:rPr>'
        '<w:delText xml:space="preserve"> 完成</w:delText></w:r></w:del></w:p>'
    )


def test_mark_paragraph_puts_the_revision_first_in_the_mark_properties() -> None:
    p = xml(
        '<w:p><w:pPr><w:jc w:val="both"/><w:rPr><w:b/></w:rPr></w:pPr>'
        "<w:r><w:t>甲</w:t></w:r></w:p>"
    )
    oxml.mark_paragraph(p, "del", rev_id=1, **REV)
    rpr = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
    assert [oxml.local_name(c) for c in rpr] == ["del", "b"]
    oxml.mark_paragraph(p, "ins", rev_id=2, **REV)  # replaces, never both
    assert [oxml.local_name(c) for c in rpr] == ["ins", "b"]
    with pytest.raises(ValueError, match="'ins', 'del', 'moveFrom' or 'moveTo'"):
        oxml.mark_paragraph(p, "move", rev_id=3, **REV)


def test_mark_paragraph_without_properties() -> None:
    p = xml("<w:p><w:r><w:t>甲</w:t></w:r></w:p>")
    oxml.mark_paragraph(p, "ins", rev_id=4, author="a")
    assert shown(p) == (
        '<w:p><w:pPr><w:rPr><w:ins w:id="4" w:author="a"/></w:rPr></w:pPr>'
        "<w:r><w:t>甲</w:t></w:r></w:p>"
    )


BODY = (
    "<w:body>"
    "<w:p><w:r><w:t>半年时间</w:t></w:r>"
    '<w:del w:id="1" w:author="a"><w:r><w:delText>完成</w:delText></w:r></w:del>'
    '<w:ins w:id="2" w:author="a"><w:r><w:t>启动</w:t></w:r></w:ins>'
    "<w:r><w:t>结算</w:t></w:r></w:p>"
    # a paragraph deleted whole, its mark too
    '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr>'
    '<w:del w:id="4" w:author="a"><w:r><w:delText>删去的段落</w:delText></w:r></w:del></w:p>'
    # a paragraph inserted whole
    '<w:p><w:pPr><w:rPr><w:ins w:id="5" w:author="a"/></w:rPr></w:pPr>'
    '<w:ins w:id="6" w:author="a"><w:r><w:t>新增的段落</w:t></w:r></w:ins></w:p>'
    "<w:p><w:r><w:t>结尾</w:t></w:r><w:r><w:br/></w:r></w:p>"
    "</w:body>"
)


def test_paragraph_texts_accepted_and_rejected() -> None:
    body = xml(BODY)
    assert oxml.paragraph_texts(body, accept=True) == ["半年时间启动结算", "新增的段落", "结尾"]
    assert oxml.paragraph_texts(body, accept=False) == ["半年时间完成结算", "删去的段落", "结尾"]


def test_a_removed_mark_joins_what_is_left_to_the_next_paragraph() -> None:
    body = xml(
        "<w:body>"
        '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>'
        "<w:r><w:t>甲</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>乙</w:t></w:r></w:p>"
        "</w:body>"
    )
    assert oxml.paragraph_texts(body, accept=True) == ["甲乙"]
    assert oxml.paragraph_texts(body, accept=False) == ["甲", "乙"]


def test_revisions_lists_runs_and_marks_in_order() -> None:
    found = oxml.revisions(xml(BODY))
    assert [(oxml.local_name(e), e.get(qn("w:id"))) for e in found] == [
        ("del", "1"),
        ("ins", "2"),
        ("del", "3"),
        ("del", "4"),
        ("ins", "5"),
        ("ins", "6"),
    ]


def test_a_move_wraps_runs_and_names_its_ranges() -> None:
    body = xml(
        "<w:body>"
        "<w:p><w:pPr><w:jc w:val='both'/></w:pPr><w:r><w:t>城市建设</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>其他</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>城市建设</w:t></w:r></w:p>"
        "</w:body>"
    )
    away, kept, here = body
    oxml.make_move(away[1], "from", rev_id=1, **REV)
    oxml.mark_paragraph(away, "moveFrom", rev_id=2, **REV)
    oxml.move_range(away, away, "from", "move1", rev_id=3, **REV)
    oxml.make_move(here[0], "to", rev_id=4, **REV)
    oxml.move_range(here, here, "to", "move1", rev_id=5, **REV)
    assert shown(away) == (
        '<w:p><w:pPr><w:jc w:val="both"/><w:rPr><w:moveFrom w:id="2" w:author="审核人" '
        'w:date="2024-01-05T09:30:00Z"/></w:rPr></w:pPr>'
        '<w:moveFromRangeStart w:id="3" w:author="审核人" w:date="2024-01-05T09:30:00Z" '
        'w:name="move1"/>'
        '<w:moveFrom w:id="1" w:author="审核人" w:date="2024-01-05T09:30:00Z">'
        '<w:r><w:delText xml:space="preserve">城市建设</w:delText></w:r></w:moveFrom>'
        '<w:moveFromRangeEnd w:id="3"/></w:p>'
    )
    assert [oxml.local_name(c) for c in here] == ["moveToRangeStart", "moveTo", "moveToRangeEnd"]
    assert oxml.paragraph_texts(body, accept=True) == ["其他", "城市建设"]
    assert oxml.paragraph_texts(body, accept=False) == ["城市建设", "其他", ""]
    assert [oxml.local_name(r) for r in oxml.revisions(body)] == ["moveFrom", "moveFrom", "moveTo"]
    with pytest.raises(ValueError, match="'from' or 'to'"):
        oxml.make_move(kept[0], "away", rev_id=6, **REV)


def test_a_row_inserted_or_deleted_whole_is_marked_in_its_row_properties() -> None:
    from docx import Document

    doc = Document()
    table = doc.add_table(rows=3, cols=2)
    for row, texts in zip(table.rows, (["甲", "1"], ["乙", "2"], ["丙", "3"]), strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.paragraphs[0].add_run(text)
    oxml.mark_row(table.rows[1], "ins", rev_id=7, author="审核人", date="2024-01-05T00:00:00Z")
    oxml.mark_row(table.rows[2], "del", rev_id=8, author="审核人")
    trpr = table.rows[1]._tr.find(qn("w:trPr"))
    [mark] = list(trpr)
    assert (mark.tag, mark.get(qn("w:id")), mark.get(qn("w:author"))) == (
        qn("w:ins"),
        "7",
        "审核人",
    )
    body = doc.element.body
    assert oxml.table_texts(body, accept=True) == [[["甲", "1"], ["乙", "2"]]]
    assert oxml.table_texts(body, accept=False) == [[["甲", "1"], ["丙", "3"]]]
    assert oxml.paragraph_texts(body, accept=True) == []  # the cells' paragraphs are the table's
    with pytest.raises(ValueError):
        oxml.mark_row(table.rows[0], "moveFrom", rev_id=9, author="x")

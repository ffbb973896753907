"""oxml.append_paragraph: a body paragraph added at the end, before the body's w:sectPr."""

from __future__ import annotations

import docx

from reportgen import oxml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_paragraphs_go_before_the_section_properties_in_order() -> None:
    document = docx.Document()
    for text in ("一", "二", "三"):
        oxml.append_paragraph(document).add_run(text)
    tags = [child.tag for child in document.element.body]
    assert tags[-1] == f"{W}sectPr"
    assert [p.text for p in document.paragraphs][-3:] == ["一", "二", "三"]


def test_a_body_without_section_properties_gets_the_paragraph_last() -> None:
    document = docx.Document()
    body = document.element.body
    body.remove(body[-1])  # the w:sectPr
    oxml.append_paragraph(document).add_run("末")
    assert body[-1].tag == f"{W}p"
    assert document.paragraphs[-1].text == "末"

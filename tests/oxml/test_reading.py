"""reportgen.oxml.reading: what import reads from a paragraph or style."""

from __future__ import annotations

import docx

from reportgen.oxml import reading

from .snippets import NS, xml


def test_paragraph_and_style_properties_are_read_as_written() -> None:
    p = xml(
        "<w:p><w:pPr><w:outlineLvl w:val='0'/><w:jc w:val='center'/></w:pPr>"
        "<w:r><w:t>一、总体情况</w:t></w:r></w:p>"
    )
    assert (reading.outline_level(p), reading.alignment(p)) == ("0", "center")
    style = xml("<w:style><w:name w:val='Normal'/><w:pPr><w:jc w:val='both'/></w:pPr></w:style>")
    assert (reading.outline_level(style), reading.alignment(style)) == (None, "both")


def test_a_text_box_paragraph_does_not_lend_its_properties() -> None:
    p = xml(
        "<w:p><w:r><w:pict><w:txbxContent><w:p><w:pPr><w:outlineLvl w:val='0'/>"
        "<w:jc w:val='center'/></w:pPr></w:p></w:txbxContent></w:pict></w:r></w:p>"
    )
    assert (reading.alignment(p), reading.outline_level(p)) == (None, None)
    inner = p.find(".//w:txbxContent/w:p", NS)
    assert (reading.alignment(inner), reading.outline_level(inner)) == ("center", "0")


def test_visible_text_is_what_a_reader_sees() -> None:
    p = xml(
        "<w:p><w:pPr><w:rPr><w:t>no</w:t></w:rPr></w:pPr>"
        "<w:r><w:t>甲</w:t><w:tab/></w:r>"
        "<w:hyperlink><w:r><w:t>乙</w:t></w:r></w:hyperlink>"
        "<w:ins><w:r><w:t>丙</w:t></w:r></w:ins>"
        "<w:del><w:r><w:delText>删去</w:delText></w:r></w:del>"
        "<w:r><w:instrText> PAGE </w:instrText><w:t>1</w:t><w:br/></w:r>"
        "<w:r><w:t>丁</w:t><w:noBreakHyphen/><w:cr/></w:r>"
        "<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent>"
        "</w:pict></w:r></w:p>"
    )
    assert reading.visible_text(p) == "甲\t乙丙1\n丁-\n"
    assert reading.text_box_count(p) == 1
    assert reading.text_box_count(xml("<w:p><w:r><w:t>正文</w:t></w:r></w:p>")) == 0


def test_python_docx_paragraphs_and_styles_are_read_too() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("标题", style="Heading 1")
    assert reading.visible_text(paragraph) == "标题"
    assert reading.outline_level(document.styles["Heading 1"]) == "0"

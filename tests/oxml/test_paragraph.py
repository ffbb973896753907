"""reportgen.oxml.paragraph on snippets."""

from __future__ import annotations

import pytest

from reportgen.oxml import elements, paragraph

from .snippets import shown, xml


def test_paragraph_properties_in_order() -> None:
    ppr = xml("<w:pPr><w:jc w:val='both'/><w:rPr/></w:pPr>")
    paragraph.set_outline_level(ppr, 0)
    paragraph.set_line_spacing(ppr, 579)
    paragraph.set_overflow_punctuation(ppr, True)
    paragraph.set_snap_to_grid(ppr, False)
    assert shown(ppr) == (
        '<w:pPr><w:overflowPunct w:val="1"/><w:snapToGrid w:val="0"/>'
        '<w:spacing w:line="579" w:lineRule="exact"/><w:jc w:val="both"/>'
        '<w:outlineLvl w:val="0"/><w:rPr/></w:pPr>'
    )


def test_snapping_on_is_the_default_and_writes_no_value() -> None:
    ppr = xml("<w:pPr/>")
    paragraph.set_snap_to_grid(ppr, True)
    paragraph.set_line_spacing(ppr, 240, rule="auto")
    assert shown(ppr) == (
        '<w:pPr><w:snapToGrid/><w:spacing w:line="240" w:lineRule="auto"/></w:pPr>'
    )


def test_paragraph_style_comes_first_and_can_go() -> None:
    p = xml("<w:p><w:pPr><w:jc w:val='center'/></w:pPr><w:r><w:t>一</w:t></w:r></w:p>")
    paragraph.set_paragraph_style(p, "Heading1")
    assert shown(p) == (
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:jc w:val="center"/></w:pPr>'
        "<w:r><w:t>一</w:t></w:r></w:p>"
    )
    paragraph.set_paragraph_style(p, "Title")
    assert shown(p[0][0]) == '<w:pStyle w:val="Title"/>'
    paragraph.set_paragraph_style(p, None)
    assert shown(p) == '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>一</w:t></w:r></w:p>'


def test_outline_level_of_a_style_goes_before_its_run_properties() -> None:
    style = xml("<w:style><w:name w:val='x'/><w:rPr/></w:style>")
    paragraph.set_outline_level(style, 1)
    assert shown(style) == (
        '<w:style><w:name w:val="x"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr/></w:style>'
    )


def test_paragraph_format_of_a_style_in_schema_order() -> None:
    ppr = xml(
        "<w:pPr><w:spacing w:line='579' w:lineRule='exact'/><w:outlineLvl w:val='0'/></w:pPr>"
    )
    paragraph.set_widow_control(ppr, False)
    paragraph.set_keep_with_next(ppr, True)
    paragraph.set_alignment(ppr, "both")
    paragraph.set_first_line_indent(ppr, 640)
    paragraph.set_space_after(ppr, 579)
    assert shown(ppr) == (
        '<w:pPr><w:keepNext/><w:widowControl w:val="0"/>'
        '<w:spacing w:line="579" w:lineRule="exact" w:after="579"/><w:ind w:firstLine="640"/>'
        '<w:jc w:val="both"/><w:outlineLvl w:val="0"/></w:pPr>'
    )
    paragraph.set_keep_with_next(ppr, False)
    paragraph.set_widow_control(ppr, True)
    paragraph.set_first_line_indent(ppr, -320)
    assert shown(ppr) == (
        '<w:pPr><w:keepNext w:val="0"/><w:widowControl/>'
        '<w:spacing w:line="579" w:lineRule="exact" w:after="579"/><w:ind w:hanging="320"/>'
        '<w:jc w:val="both"/><w:outlineLvl w:val="0"/></w:pPr>'
    )


@pytest.mark.parametrize("indent", [0, 640, -320])
def test_paragraph_format_is_what_python_docx_writes(indent: int) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Twips

    styles = docx.Document().styles
    theirs = styles.add_style("Theirs", WD_STYLE_TYPE.PARAGRAPH)
    mine = styles.add_style("Mine", WD_STYLE_TYPE.PARAGRAPH)
    fmt = theirs.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.first_line_indent = Twips(indent)
    fmt.space_after = Twips(579)
    fmt.keep_with_next = True
    fmt.widow_control = False
    paragraph.set_alignment(mine, "center")
    paragraph.set_first_line_indent(mine, indent)
    paragraph.set_space_after(mine, 579)
    paragraph.set_keep_with_next(mine, True)
    paragraph.set_widow_control(mine, False)
    ppr = [shown(elements.get_or_add_ppr(style)) for style in (theirs, mine)]
    assert ppr[0] == ppr[1]


def test_side_indents_and_space_before_in_place() -> None:
    ppr = xml("<w:pPr><w:ind w:firstLine='0'/><w:jc w:val='right'/></w:pPr>")
    paragraph.set_side_indents(ppr, right=630)
    paragraph.set_space_before(ppr, 1158)
    paragraph.set_side_indents(ppr, right=0)
    paragraph.set_side_indents(ppr, left=5224)
    paragraph.set_side_indents(ppr)  # nothing given: nothing changes
    assert shown(ppr) == (
        '<w:pPr><w:spacing w:before="1158"/>'
        '<w:ind w:firstLine="0" w:right="0" w:left="5224"/><w:jc w:val="right"/></w:pPr>'
    )


@pytest.mark.parametrize("side", ["left", "right"])
def test_a_paragraphs_format_is_what_python_docx_writes(side: str) -> None:
    """As the writer formats a signature, a date and an attachment line in the body."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Twips

    document = docx.Document()
    theirs, mine = document.add_paragraph("x"), document.add_paragraph("x")
    fmt = theirs.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fmt.first_line_indent = Twips(-315)
    setattr(fmt, f"{side}_indent", Twips(1890))
    fmt.space_before = Twips(1158)
    fmt.keep_with_next = True
    paragraph.set_alignment(mine, "right")
    paragraph.set_first_line_indent(mine, -315)
    paragraph.set_side_indents(mine, **{side: 1890})
    paragraph.set_space_before(mine, 1158)
    paragraph.set_keep_with_next(mine, True)
    ppr = [shown(elements.get_or_add_ppr(p)) for p in (theirs, mine)]
    assert ppr[0] == ppr[1]

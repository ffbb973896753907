"""reportgen.oxml.fields on snippets."""

from __future__ import annotations

from reportgen.oxml import fields, fonts

from .snippets import shown, xml


def test_page_field_is_a_complex_field_with_a_result() -> None:
    paragraph = xml("<w:p><w:r><w:t>— </w:t></w:r></w:p>")
    fields.append_field(paragraph, "PAGE", "1")
    assert shown(paragraph) == (
        "<w:p><w:r><w:t>— </w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    assert fields.field_instructions(paragraph) == ["PAGE"]


def test_every_run_of_a_field_gets_its_own_copy_of_the_properties() -> None:
    paragraph = xml("<w:p/>")
    rpr = fonts.run_properties(latin="宋体", east_asia="宋体")
    fields.append_field(paragraph, "PAGE", "1", rpr)
    rprs = [run[0] for run in paragraph]
    assert len(rprs) == 5 and len({id(r) for r in rprs}) == 5 and rpr not in rprs
    assert {shown(r) for r in rprs} == {shown(rpr)}
    assert shown(paragraph[0]) == (
        '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体" w:cs="宋体" '
        'w:hint="eastAsia"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
    )


def test_simple_fields_are_listed_too() -> None:
    paragraph = xml("<w:p><w:fldSimple w:instr=' NUMPAGES '/></w:p>")
    assert fields.field_instructions(paragraph) == ["NUMPAGES"]

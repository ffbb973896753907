"""reportgen.oxml.elements: children in schema order, python-docx objects unwrapped."""

from __future__ import annotations

import io

import docx
import pytest
from lxml import etree

from reportgen.oxml import elements

from .snippets import shown, tags, xml


def test_children_are_inserted_in_schema_order() -> None:
    rpr = xml("<w:rPr><w:b/><w:sz w:val='32'/></w:rPr>")
    elements.get_or_add(rpr, "lang")
    elements.get_or_add(rpr, "rFonts")
    elements.get_or_add(rpr, "spacing")
    assert shown(rpr) == '<w:rPr><w:rFonts/><w:b/><w:spacing/><w:sz w:val="32"/><w:lang/></w:rPr>'


def test_get_or_add_returns_the_existing_child() -> None:
    ppr = xml("<w:pPr><w:jc w:val='both'/></w:pPr>")
    assert elements.get_or_add(ppr, "jc") is ppr[0]
    assert shown(ppr) == '<w:pPr><w:jc w:val="both"/></w:pPr>'


def test_children_the_order_does_not_know_are_passed_over() -> None:
    settings = xml("<w:settings><w:compat/><w14:docId/></w:settings>")
    elements.get_or_add(settings, "proofState")
    assert tags(settings) == ["w:proofState", "w:compat", "w14:docId"]


def test_a_successor_in_another_namespace_is_recognised() -> None:
    # m:mathPr follows w:rsids in CT_Settings: w:rsids goes before it, not after w14:docId.
    settings = xml("<w:settings><w:compat/><m:mathPr/><w14:docId/></w:settings>")
    elements.get_or_add(settings, "rsids")
    assert tags(settings) == ["w:compat", "w:rsids", "m:mathPr", "w14:docId"]


def test_properties_come_before_content() -> None:
    run = xml("<w:r><w:lastRenderedPageBreak/><w:t>文字</w:t></w:r>")
    elements.get_or_add_rpr(run)
    assert shown(run) == "<w:r><w:rPr/><w:lastRenderedPageBreak/><w:t>文字</w:t></w:r>"
    p = xml("<w:p><w:r><w:t>甲</w:t></w:r></w:p>")
    elements.get_or_add_ppr(p)
    assert shown(p) == "<w:p><w:pPr/><w:r><w:t>甲</w:t></w:r></w:p>"


def test_paragraph_properties_of_a_style_go_before_its_run_properties() -> None:
    style = xml("<w:style><w:name w:val='x'/><w:rPr/><w:tblPr/></w:style>")
    elements.get_or_add_ppr(style)
    assert shown(style) == '<w:style><w:name w:val="x"/><w:pPr/><w:rPr/><w:tblPr/></w:style>'


def test_rpr_and_ppr_are_returned_as_they_are() -> None:
    rpr, ppr = xml("<w:rPr/>"), xml("<w:pPr/>")
    assert elements.get_or_add_rpr(rpr) is rpr
    assert elements.get_or_add_ppr(ppr) is ppr


def test_remove_children_and_set_attributes() -> None:
    rpr = xml("<w:rPr><w:b/><w:bCs/><w:sz/></w:rPr>")
    elements.remove_children(rpr, "b", "bCs")
    elements.set_attributes(rpr[0], val=32)
    assert shown(rpr) == '<w:rPr><w:sz w:val="32"/></w:rPr>'
    elements.set_attributes(rpr[0], val=None)
    assert shown(rpr) == "<w:rPr><w:sz/></w:rPr>"


def test_new_element_with_attributes() -> None:
    assert shown(elements.new("gridCol", w=6000)) == '<w:gridCol w:w="6000"/>'


@pytest.mark.parametrize("tag", ["r", "w:r", "p", "rPr", "t", "w14:docId", "m:mathPr"])
def test_a_new_element_is_python_docx_s_own(tag: str) -> None:
    """The same class (CT_R for w:r …) and the same one namespace declaration as
    OxmlElement gives, so a document serialises to the same bytes."""
    from docx.oxml import OxmlElement

    made, theirs = elements.new(tag), OxmlElement(tag if ":" in tag else f"w:{tag}")
    assert type(made) is type(theirs)
    assert (made.tag, made.nsmap) == (theirs.tag, theirs.nsmap)
    assert etree.tostring(made) == etree.tostring(theirs)


def test_python_docx_objects_are_unwrapped() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("甲")
    run = paragraph.runs[0]
    table = document.add_table(rows=1, cols=1)
    got = {
        "paragraph": elements.element_of(paragraph),
        "run": elements.element_of(run),
        "table": elements.element_of(table),
        "row": elements.element_of(table.rows[0]),
        "section": elements.element_of(document.sections[0]),
        "style": elements.element_of(document.styles["Normal"]),
        "styles": elements.element_of(document.styles),
        "settings": elements.element_of(document.settings),
        "core": elements.element_of(document.core_properties),
    }
    assert {k: elements.local_name(v) for k, v in got.items()} == {
        "paragraph": "p",
        "run": "r",
        "table": "tbl",
        "row": "tr",
        "section": "sectPr",
        "style": "style",
        "styles": "styles",
        "settings": "settings",
        "core": "coreProperties",
    }
    assert elements.element_of(got["run"]) is got["run"]
    with pytest.raises(TypeError, match="python-docx object"):
        elements.element_of(io.BytesIO())

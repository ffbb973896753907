"""reportgen.oxml.numbering: numbering.xml's lists and a paragraph's list, read."""

from __future__ import annotations

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from reportgen.oxml import numbering, package
from reportgen.oxml.numbering import ListLevel

from .snippets import xml


def test_list_levels_take_the_abstract_list_and_the_lists_overrides() -> None:
    root = xml(
        "<w:numbering>"
        "<w:abstractNum w:abstractNumId='7'>"
        "<w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='chineseCounting'/>"
        "<w:lvlText w:val='%1、'/></w:lvl>"
        "<w:lvl w:ilvl='1'><w:numFmt w:val='decimal'/><w:lvlText w:val='（%2）'/></w:lvl>"
        "</w:abstractNum>"
        "<w:num w:numId='1'><w:abstractNumId w:val='7'/></w:num>"
        "<w:num w:numId='2'><w:abstractNumId w:val='7'/>"
        "<w:lvlOverride w:ilvl='0'><w:startOverride w:val='3'/></w:lvlOverride>"
        "<w:lvlOverride w:ilvl='2'><w:lvl w:ilvl='2'><w:numFmt w:val='bullet'/></w:lvl>"
        "</w:lvlOverride></w:num>"
        "</w:numbering>"
    )
    lists = numbering.list_levels(root)
    assert lists["1"] == {
        0: ListLevel("chineseCounting", "%1、", 1),
        1: ListLevel("decimal", "（%2）", 1),
    }
    assert lists["2"][0] == ListLevel("chineseCounting", "%1、", 3)
    assert lists["2"][2] == ListLevel("bullet", "", 1)
    assert lists["1"][0].start == 1  # the override changed list 2's copy only


def test_numbering_reference_of_a_paragraph_and_a_style() -> None:
    p = xml(
        "<w:p><w:pPr><w:numPr><w:ilvl w:val='1'/><w:numId w:val='5'/></w:numPr></w:pPr>"
        "<w:r><w:t>一、总体情况</w:t></w:r></w:p>"
    )
    assert numbering.numbering_reference(p) == ("5", "1")
    style = xml("<w:style><w:name w:val='Normal'/></w:style>")
    assert numbering.numbering_reference(style) == (None, None)


def test_the_lists_of_a_document_and_of_one_without_numbering() -> None:
    document = docx.Document()  # python-docx's template: list 5 is "1.", lists 1-4 bullets
    lists = numbering.document_lists(document)
    assert lists["5"][0] == ListLevel("decimal", "%1.", 1)
    assert lists["1"][0].fmt == "bullet"
    package.drop_relationships(document, RT.NUMBERING)
    assert numbering.document_lists(document) == {}

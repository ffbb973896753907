"""reportgen.oxml.styles on snippets."""

from __future__ import annotations

from reportgen.oxml import styles

from .snippets import shown, xml


def test_doc_defaults_are_created_when_missing() -> None:
    root = xml("<w:styles><w:latentStyles/><w:style/></w:styles>")
    rpr, ppr = styles.doc_defaults(root)
    assert shown(root) == (
        "<w:styles><w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault>"
        "<w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults><w:latentStyles/><w:style/>"
        "</w:styles>"
    )
    assert styles.doc_defaults(root) == (rpr, ppr)
    assert (rpr.getparent().getparent(), ppr.getparent().getparent()) == (root[0], root[0])


def test_paragraph_defaults_are_added_after_the_run_defaults() -> None:
    root = xml("<w:styles><w:docDefaults><w:rPrDefault/></w:docDefaults></w:styles>")
    styles.doc_defaults(root)
    assert shown(root) == (
        "<w:styles><w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault>"
        "<w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults></w:styles>"
    )


def test_clear_formatting_keeps_the_name() -> None:
    style = xml(
        "<w:style><w:name w:val='Title'/><w:basedOn w:val='Normal'/><w:pPr><w:pBdr/></w:pPr>"
        "<w:rPr><w:color/></w:rPr><w:tblPr/></w:style>"
    )
    styles.clear_formatting(style)
    assert shown(style) == '<w:style><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>'

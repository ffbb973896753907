"""reportgen.oxml.tables on snippets."""

from __future__ import annotations

from reportgen.oxml import tables

from .snippets import shown, xml


def test_grid_widths_go_to_the_grid_and_every_cell() -> None:
    tbl = xml(
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:p/></w:tc>"
        "<w:tc><w:tcPr><w:vAlign/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"
    )
    tables.set_grid_widths(tbl, [6000, 2844])
    assert shown(tbl) == (
        '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="6000"/><w:gridCol w:w="2844"/></w:tblGrid>'
        '<w:tr><w:tc><w:tcPr><w:tcW w:w="6000" w:type="dxa"/></w:tcPr><w:p/></w:tc>'
        '<w:tc><w:tcPr><w:tcW w:w="2844" w:type="dxa"/><w:vAlign/></w:tcPr><w:p/></w:tc>'
        "</w:tr></w:tbl>"
    )


def test_a_missing_grid_goes_after_the_table_properties() -> None:
    tbl = xml("<w:tbl><w:tblPr/><w:tr/></w:tbl>")
    tables.set_grid_widths(tbl, [100])
    assert shown(tbl) == (
        '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr/></w:tbl>'
    )


def test_table_properties_in_order() -> None:
    tbl = xml("<w:tbl><w:tblPr><w:tblLook/></w:tblPr></w:tbl>")
    tables.set_table_layout_fixed(tbl)
    tables.set_table_width(tbl, 8844)
    tables.set_table_style(tbl, "GongwenTable")
    tables.set_table_borders(tbl[0], size_eighths=8)
    side = 'w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
    assert shown(tbl) == (
        '<w:tbl><w:tblPr><w:tblStyle w:val="GongwenTable"/><w:tblW w:w="8844" w:type="dxa"/>'
        f"<w:tblBorders><w:top {side}<w:left {side}<w:bottom {side}<w:right {side}"
        f"<w:insideH {side}<w:insideV {side}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/><w:tblLook/></w:tblPr></w:tbl>'
    )


def test_borders_are_replaced_not_doubled() -> None:
    tbl_pr = xml("<w:tblPr><w:tblBorders><w:top w:val='double'/></w:tblBorders></w:tblPr>")
    tables.set_table_borders(tbl_pr)
    assert [c.get(f"{{{tbl_pr.nsmap['w']}}}sz") for c in tbl_pr[0]] == ["4"] * 6


def test_header_row_repeats_and_does_not_split() -> None:
    row = xml("<w:tr><w:tblPrEx/><w:tc><w:p/></w:tc></w:tr>")
    tables.set_repeat_header(row)
    assert shown(row) == (
        "<w:tr><w:tblPrEx/><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:p/></w:tc></w:tr>"
    )


def test_table_style_properties() -> None:
    style = xml("<w:style><w:name w:val='t'/><w:tblStylePr/></w:style>")
    found = tables.table_properties(style)
    assert tables.table_properties(style) is found
    assert shown(style) == '<w:style><w:name w:val="t"/><w:tblPr/><w:tblStylePr/></w:style>'

"""reportgen.oxml.grid on snippets."""

from __future__ import annotations

from reportgen.oxml import grid

from .snippets import shown, xml


def test_doc_grid_records_the_pitch_without_snapping() -> None:
    sect = xml(
        "<w:sectPr><w:pgSz/><w:docGrid w:type='linesAndChars' w:charSpace='-100'/></w:sectPr>"
    )
    grid.set_doc_grid(sect, 579)
    assert shown(sect) == '<w:sectPr><w:pgSz/><w:docGrid w:linePitch="579"/></w:sectPr>'


def test_doc_grid_is_created_before_the_printer_settings() -> None:
    sect = xml("<w:sectPr><w:footerReference/><w:cols/><w:printerSettings/></w:sectPr>")
    grid.set_doc_grid(sect, 579)
    assert shown(sect) == (
        '<w:sectPr><w:footerReference/><w:cols/><w:docGrid w:linePitch="579"/>'
        "<w:printerSettings/></w:sectPr>"
    )

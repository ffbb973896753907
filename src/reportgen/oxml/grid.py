"""The document grid of a section (w:docGrid in w:sectPr).

Schema order (ISO/IEC 29500 transitional, wml.xsd) of the elements this module inserts into:

w:sectPr (CT_SectPr): headerReference footerReference footnotePr endnotePr type pgSz pgMar
    paperSrc pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection
    bidi rtlGutter docGrid printerSettings sectPrChange
"""

from __future__ import annotations

from typing import Any

from lxml.etree import _Element

from reportgen.oxml.elements import get_or_add, set_attributes


def set_doc_grid(section: Any, line_pitch: int) -> _Element:
    """Record the line pitch without a snapping grid: a character grid as Word writes it lays out
    19 lines × 14 characters in LibreOffice, so the grid comes from exact line spacing instead.

    ``section``: a w:sectPr, or a python-docx section."""
    grid = get_or_add(section, "docGrid")
    grid.attrib.clear()
    return set_attributes(grid, linePitch=line_pitch)

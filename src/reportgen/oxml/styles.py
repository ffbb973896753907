"""Styles and defaults: w:docDefaults in styles.xml, clearing a style's inherited formatting.

Schema order (ISO/IEC 29500 transitional, wml.xsd) of the elements this module inserts into:

w:styles (CT_Styles): docDefaults latentStyles style

w:docDefaults (CT_DocDefaults): rPrDefault pPrDefault

w:rPrDefault (CT_RPrDefault): rPr

w:pPrDefault (CT_PPrDefault): pPr
"""

from __future__ import annotations

from typing import Any

from lxml.etree import _Element

from reportgen.oxml.elements import get_or_add, remove_children


def doc_defaults(styles: Any) -> tuple[_Element, _Element]:
    """The ``w:rPr`` and ``w:pPr`` of ``w:docDefaults`` in styles.xml, created when missing."""
    defaults = get_or_add(styles, "docDefaults")
    rpr_default = get_or_add(defaults, "rPrDefault")
    ppr_default = get_or_add(defaults, "pPrDefault")
    return get_or_add(rpr_default, "rPr"), get_or_add(ppr_default, "pPr")


def clear_formatting(style: Any) -> None:
    """Drop a style's paragraph, run and table formatting (python-docx's template gives Title a
    border and a theme colour), keeping its name and place."""
    remove_children(style, "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr")

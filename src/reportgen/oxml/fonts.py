"""Fonts and language: w:rFonts, w:lang, theme fonts removed, word/fontTable.xml.

python-docx's ``font.name`` sets only w:ascii/w:hAnsi. Chinese text takes w:eastAsia, and any
``*Theme`` attribute overrides the named font, so they go. The font table names the document's
fonts with their GB2312 character set and the alternate Word shows where one is missing.

Schema order (ISO/IEC 29500 transitional, wml.xsd) of the elements this module inserts into:

w:rPr (CT_RPr, CT_ParaRPr): ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps
    strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden color
    spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang
    eastAsianLayout specVanish oMath rPrChange

w:font (CT_Font): altName panose1 charset family notTrueType pitch sig embedRegular embedBold
    embedItalic embedBoldItalic
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docx.oxml.ns import qn
from lxml import etree
from lxml.etree import _Element

from reportgen.oxml.elements import (
    element_of,
    get_or_add,
    get_or_add_rpr,
    new,
    new_child,
    set_attributes,
)

_THEME_ATTRIBUTES = tuple(
    qn(f"w:{name}") for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
)


def set_fonts(parent: Any, *, latin: str, east_asia: str, hint_east_asia: bool = True) -> _Element:
    """Fonts of a run, style or defaults: ``latin`` for digits and Latin letters, ``east_asia``
    for Chinese. The East Asian hint makes curly quotes, dashes and …… take the Chinese font."""
    fonts = get_or_add(get_or_add_rpr(parent), "rFonts")
    for name in _THEME_ATTRIBUTES:
        fonts.attrib.pop(name, None)
    set_attributes(
        fonts,
        ascii=latin,
        hAnsi=latin,
        eastAsia=east_asia,
        cs=latin,
        hint="eastAsia" if hint_east_asia else None,
    )
    return fonts


def run_properties(*, latin: str, east_asia: str) -> _Element:
    """A free-standing ``w:rPr`` with these fonts, to copy into runs (e.g. of a field)."""
    rpr = new("rPr")
    set_fonts(rpr, latin=latin, east_asia=east_asia)
    return rpr


def remove_theme_fonts(root: Any) -> int:
    """Strip theme font attributes from every w:rFonts under ``root``; how many were removed."""
    removed = 0
    for fonts in element_of(root).iter(qn("w:rFonts")):
        for name in _THEME_ATTRIBUTES:
            if fonts.attrib.pop(name, None) is not None:
                removed += 1
    return removed


def set_language(parent: Any, *, east_asia: str, latin: str = "en-US") -> _Element:
    lang = get_or_add(get_or_add_rpr(parent), "lang")
    return set_attributes(lang, val=latin, eastAsia=east_asia, bidi="ar-SA")


def font_table(fonts: Iterable[tuple[str, str | None, bool]]) -> bytes:
    """word/fontTable.xml naming the document's fonts: (name, alternate, Chinese?).

    A Chinese font declares the GB2312 character set (86), and its alternate (w:altName) is
    what Word shows where the font is missing, e.g. 仿宋 for 仿宋_GB2312.
    """
    root = new("fonts")
    for name, alternate, chinese in fonts:
        font = new_child(root, "font", name=name)
        if alternate:
            set_attributes(get_or_add(font, "altName"), val=alternate)
        set_attributes(get_or_add(font, "charset"), val="86" if chinese else "00")
        set_attributes(get_or_add(font, "family"), val="auto")
        set_attributes(get_or_add(font, "pitch"), val="variable")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

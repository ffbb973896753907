"""Small WordprocessingML snippets in, their XML out, for the tests of reportgen.oxml."""

from __future__ import annotations

import re

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def xml(text: str) -> etree._Element:
    """A snippet whose first tag gets the w: (and m:, w14:) namespace declarations."""
    return parse_xml(re.sub(r"^<(\w+:\w+)", rf"<\1 {nsdecls('w', 'm', 'w14')}", text, count=1))


def shown(element: etree._Element) -> str:
    """``element`` as text, without its namespace declarations, to compare with a snippet."""
    return re.sub(r' xmlns:\w+="[^"]+"', "", etree.tostring(element, encoding="unicode"))


def tags(element: etree._Element) -> list[str]:
    """The prefixed names of ``element``'s children: ``w:rFonts``, ``w14:docId`` …"""
    return [f"{child.prefix}:{etree.QName(child).localname}" for child in element]

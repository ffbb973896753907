"""Reading (for ``reportgen import``): a paragraph's visible text, outline level, alignment,
text boxes. Reads only, never writes, so this module inserts no elements.

Each function takes a w:p or a w:style, or the python-docx paragraph or style holding one.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import nsmap, qn
from lxml.etree import _Element

from reportgen.oxml.elements import element_of


def xpath(element: Any, expression: str) -> list[_Element]:
    """lxml's own xpath with the w: prefix: python-docx's element classes override ``xpath``
    without a namespaces argument, and numbering.xml's children may be plain lxml elements."""
    return _Element.xpath(element_of(element), expression, namespaces=nsmap)


def val(element: Any, expression: str) -> str | None:
    """The ``w:val`` of the first element ``expression`` finds under ``element``."""
    nodes = xpath(element, expression)
    return nodes[0].get(qn("w:val")) if nodes else None


def outline_level(element: Any) -> str | None:
    """A paragraph's or style's own ``w:outlineLvl`` as written ("0" is level 1), if any."""
    return val(element, "./w:pPr/w:outlineLvl")


def alignment(element: Any) -> str | None:
    """A paragraph's or style's own ``w:jc`` (center, both …), if any."""
    return val(element, "./w:pPr/w:jc")


def text_box_count(element: Any) -> int:
    """How many text boxes (``w:txbxContent``) ``element`` holds."""
    return len(xpath(element, ".//w:txbxContent"))


# Deleted text, text boxes (their paragraphs are read on their own), the fallback copy of
# mc:AlternateContent, field codes and property elements are no part of what a reader sees.
_NOT_SEEN = {"del", "txbxContent", "Fallback", "instrText", "delText", "pPr", "rPr"}


def visible_text(paragraph: Any) -> str:
    """Everything a reader sees in a paragraph: runs, hyperlinks, field results, tracked
    insertions; a tab as ``\\t``, a line break as ``\\n``, a non-breaking hyphen as ``-``."""
    out: list[str] = []
    _collect_text(element_of(paragraph), out)
    return "".join(out)


def _collect_text(element: _Element, out: list[str]) -> None:
    for node in element:
        tag = node.tag if isinstance(node.tag, str) else ""  # comments, processing instructions
        local = tag.rsplit("}", 1)[-1]
        if local in _NOT_SEEN:
            continue
        if local == "t":
            out.append(node.text or "")
        elif local == "tab":
            out.append("\t")
        elif local in ("br", "cr"):
            out.append("\n")
        elif local == "noBreakHyphen":
            out.append("-")
        else:
            _collect_text(node, out)

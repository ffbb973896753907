"""Reading (for ``reportgen import``): a paragraph's visible text, outline level, alignment,
text boxes. Reads only, never writes, so this module inserts no elements.

Each function takes a w:p or a w:style, or the python-docx paragraph or style holding one.
"""

from __future__ import annotations

from typing import IO, Any

from docx.oxml.ns import nsmap, qn
from lxml import etree
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


def style_id(element: Any) -> str | None:
    """A paragraph's own ``w:pStyle`` (None: the default paragraph style)."""
    return val(element, "./w:pPr/w:pStyle")


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


# Word's own limits: a list starts at most at 32767, a table has at most 63 columns, there are
# 9 list and outline levels. A number past them in a hostile file is clamped, never trusted.
MAX_LIST_START = 32767
MAX_LEVEL = 8


def number(text: str | None, default: int, cap: int) -> int:
    """An XML attribute as a count: ASCII digits only ("²", "x" and "-1" give ``default``),
    at most ``cap`` (5000 digits too, without ever calling int() on them)."""
    if not text or not text.isascii() or not text.isdigit():
        return default
    return cap if len(text) > 9 else min(int(text), cap)


def count_paragraphs(stream: IO[bytes], limit: int) -> int:
    """How many ``w:p`` a part holds, streamed (the tree is never built), stopping at
    ``limit + 1``; entities are not resolved."""
    count = 0
    parser = etree.iterparse(
        stream, events=("end",), tag=qn("w:p"), resolve_entities=False, no_network=True
    )
    for _, element in parser:
        count += 1
        element.clear()
        if count > limit:
            break
    return count


def table_rows(table: Any) -> list[list[list[_Element]]]:
    """A table's rows as written: each row's cells (``w:tc``), each cell's paragraphs.
    Read from the XML itself, so a ``w:gridSpan`` of 300 000 000 spans one cell, not a
    list of 300 000 000 references."""
    return [
        [xpath(cell, "./w:p") for cell in xpath(row, "./w:tc")] for row in xpath(table, "./w:tr")
    ]

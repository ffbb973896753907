"""Numbering (for ``reportgen import``): the lists of numbering.xml and which list a paragraph
or style is in. Reads only, never writes, so this module inserts no elements.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn
from lxml.etree import _Element

from reportgen.oxml.reading import MAX_LEVEL, MAX_LIST_START, number, val, xpath


@dataclass
class ListLevel:
    """One level (``w:lvl``) of a Word list: number format, label (``%1、``), first number."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


def numbering_reference(element: Any) -> tuple[str | None, str | None]:
    """A paragraph's or style's own list (``w:numId``) and list level (``w:ilvl``), as written."""
    return val(element, "./w:pPr/w:numPr/w:numId"), val(element, "./w:pPr/w:numPr/w:ilvl")


def document_lists(document: Any) -> dict[str, dict[int, ListLevel]]:
    """The lists of a python-docx document's numbering part (:func:`list_levels`); none when
    it has no numbering part."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        root = document.part.part_related_by(RT.NUMBERING).element
    except (KeyError, AttributeError, ValueError):  # none, or two numbering parts: no lists
        return {}
    return list_levels(root)


def list_levels(numbering: Any) -> dict[str, dict[int, ListLevel]]:
    """The lists of numbering.xml: for each ``w:numId``, its levels by ``w:ilvl``, with the
    list's overrides (a level of its own, or another start) applied to its abstract list."""
    abstract: dict[str, dict[int, ListLevel]] = {}
    for node in xpath(numbering, "./w:abstractNum"):
        abstract[node.get(qn("w:abstractNumId"))] = {
            _level(lvl): _list_level(lvl) for lvl in xpath(node, "./w:lvl")
        }
    out: dict[str, dict[int, ListLevel]] = {}
    for num in xpath(numbering, "./w:num"):
        abstract_id = val(num, "./w:abstractNumId")
        levels = {
            k: ListLevel(v.fmt, v.text, v.start)
            for k, v in abstract.get(abstract_id or "", {}).items()
        }
        for override in xpath(num, "./w:lvlOverride"):
            ilvl = _level(override)
            for lvl in xpath(override, "./w:lvl"):
                levels[ilvl] = _list_level(lvl)
            start = val(override, "./w:startOverride")
            if start is not None:
                levels.setdefault(ilvl, ListLevel()).start = number(start, 1, MAX_LIST_START)
        out[num.get(qn("w:numId"))] = levels
    return out


def _list_level(lvl: _Element) -> ListLevel:
    start = val(lvl, "./w:start")
    return ListLevel(
        fmt=val(lvl, "./w:numFmt") or "decimal",
        text=val(lvl, "./w:lvlText") or "",
        start=number(start, 1, MAX_LIST_START),
    )


def _level(element: _Element) -> int:
    """``w:ilvl`` as a level 0–8; anything else ("x", "²", 5000 digits) is level 0."""
    level = number(element.get(qn("w:ilvl"), "0"), 0, MAX_LEVEL + 1)
    return level if level <= MAX_LEVEL else 0

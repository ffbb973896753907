"""Fields and footers: PAGE and other complex fields, as the page number of a footer needs.

A complex field is five runs (begin, instruction, separate, result, end) at the end of a
paragraph; each run's properties come first in it.

Schema order (ISO/IEC 29500 transitional, wml.xsd) of the elements this module inserts into:

w:r (CT_R): rPr *
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from docx.oxml.ns import qn
from lxml.etree import _Element

from reportgen.oxml.elements import XML_SPACE, element_of, get_or_add, new_child, set_attributes


def _field_run(paragraph: _Element, rpr: _Element | None) -> _Element:
    run = new_child(paragraph, "r")
    if rpr is not None:
        run.append(deepcopy(rpr))
    return run


def append_field(paragraph: Any, instruction: str, shown: str, rpr: _Element | None = None) -> None:
    """A complex field (begin, instruction, separate, result, end) at the end of ``paragraph``.

    ``shown`` is the result displayed until the field is updated; ``rpr`` formats every run.
    """
    target = element_of(paragraph)
    begin = _field_run(target, rpr)
    set_attributes(get_or_add(begin, "fldChar"), fldCharType="begin")
    code = _field_run(target, rpr)
    text = new_child(code, "instrText")
    text.set(XML_SPACE, "preserve")
    text.text = f" {instruction} "
    separate = _field_run(target, rpr)
    set_attributes(get_or_add(separate, "fldChar"), fldCharType="separate")
    result = _field_run(target, rpr)
    new_child(result, "t").text = shown
    end = _field_run(target, rpr)
    set_attributes(get_or_add(end, "fldChar"), fldCharType="end")


def field_instructions(root: Any) -> list[str]:
    """The instructions of every field under ``root`` (complex and simple), stripped."""
    root = element_of(root)
    found = [(node.text or "").strip() for node in root.iter(qn("w:instrText"))]
    found += [node.get(qn("w:instr"), "").strip() for node in root.iter(qn("w:fldSimple"))]
    return found

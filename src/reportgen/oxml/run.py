"""Run properties: condensed characters, size, bold; a run's properties and text written at once.

Schema order (ISO/IEC 29500 transitional, wml.xsd) of the elements this module inserts into:

w:rPr (CT_RPr, CT_ParaRPr): ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps
    strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden color
    spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang
    eastAsianLayout specVanish oMath rPrChange
"""

from __future__ import annotations

import copy
from typing import Any

from lxml.etree import _Element

from reportgen.oxml.elements import (
    element_of,
    get_or_add,
    get_or_add_rpr,
    new,
    remove_children,
    set_attributes,
)

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def run_template(rpr: _Element) -> _Element:
    """A ``w:r`` holding a copy of ``rpr`` and an empty ``w:t``: what :func:`append_run`
    copies, made once per font and weight."""
    r = new("r")
    r.append(copy.deepcopy(rpr))
    r.append(new("t"))
    return r


def append_run(paragraph: Any, template: _Element, text: str) -> _Element:
    """A copy of ``template`` (:func:`run_template`) with ``text`` (which holds no tab or line
    break) at the end of ``paragraph``: its ``w:r``. What python-docx's ``add_run(text)`` and
    setting each property write, in one copy: no ``Run`` object, no character-by-character
    scan, no lookup per property, no new element per run and property (each ~7 µs, every
    run of a document goes through here)."""
    r = copy.copy(template)  # lxml copies an element with everything in it
    t = r[-1]
    if text:
        t.text = text
        if text != text.strip():
            t.set(_XML_SPACE, "preserve")
    else:
        r.remove(t)
    element_of(paragraph).append(r)
    return r


def set_character_spacing(parent: Any, twips: int) -> None:
    """Condense (negative) or expand the advance of every character, in twentieths of a point.

    0 is written too: a style based on the condensed body text must undo the condensing."""
    set_attributes(get_or_add(get_or_add_rpr(parent), "spacing"), val=twips)


def set_size(parent: Any, half_points: int) -> None:
    """Font size for Chinese and Latin text alike (w:sz and w:szCs), in half-points."""
    rpr = get_or_add_rpr(parent)
    set_attributes(get_or_add(rpr, "sz"), val=half_points)
    set_attributes(get_or_add(rpr, "szCs"), val=half_points)


def set_bold(parent: Any, bold: bool) -> None:
    """Bold on (w:b, w:bCs), or no bold of its own."""
    rpr = get_or_add_rpr(parent)
    if bold:
        get_or_add(rpr, "b")
        get_or_add(rpr, "bCs")
    else:
        remove_children(rpr, "b", "bCs")

"""Elements and their order: find, create in schema place, remove, set ``w:`` attributes.

Every other module of :mod:`reportgen.oxml` creates children through :func:`get_or_add` or
:func:`insert_in_order`, which place a child before the first sibling the schema puts after it
(the sequences are in :mod:`reportgen.oxml.schema`); a child that goes last (content, a
paragraph's runs) is made there by :func:`new_child`, inside its parent's document. An element
may be given as a python-docx object (paragraph, run, style …) wherever an element is
expected: :func:`element_of` unwraps it.

Schema order (ISO/IEC 29500 transitional, wml.xsd) of the elements this module inserts into:

w:rPr (CT_RPr, CT_ParaRPr): ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps
    strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden color
    spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang
    eastAsianLayout specVanish oMath rPrChange

w:pPr (CT_PPr): pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr
    suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct
    topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind
    contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment
    textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange

w:style (CT_Style): name aliases basedOn next link autoRedefine hidden uiPriority semiHidden
    unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr trPr
    tcPr tblStylePr

w:rPrDefault (CT_RPrDefault): rPr

w:pPrDefault (CT_PPrDefault): pPr

w:p (CT_P): pPr *

w:r (CT_R): rPr *
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from lxml.etree import SubElement, _Element

from reportgen.oxml.schema import ORDERS

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def element_of(node: Any) -> _Element:
    """The XML element of ``node``: the element itself, or the one a python-docx object holds
    (a paragraph's w:p, a run's w:r, a style's w:style, a section's w:sectPr, a part's root …).

    This is the one place that knows where python-docx keeps them."""
    if isinstance(node, _Element):
        return node
    for name in ("_element", "_sectPr"):  # proxies and parented objects; sections
        found = getattr(node, name, None)
        if isinstance(found, _Element):
            return found
    found = getattr(node, "element", None)  # XML parts (numbering, settings …)
    if isinstance(found, _Element):
        return found
    raise TypeError(f"not an OOXML element nor a python-docx object holding one: {node!r}")


def local_name(element: _Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


# A document writes a few hundred elements and attributes of a few dozen names: each name's
# Clark form is made once (qn and OxmlElement split and format the prefixed name every time).
@cache
def _tag(name: str) -> str:
    return qn(name if ":" in name else f"w:{name}")


@cache
def _declared(name: str) -> tuple[str, dict[str, str]]:
    """The Clark tag of ``w:name`` (or ``prefix:name``) and its namespace declaration."""
    prefix = name.split(":")[0] if ":" in name else "w"
    return _tag(name), {prefix: nsmap[prefix]}


def child(parent: Any, name: str) -> _Element | None:
    """The first ``w:name`` child of ``parent``, if any."""
    return element_of(parent).find(_tag(name))


@lru_cache(maxsize=64)
def _ranks(order: tuple[str, ...]) -> tuple[dict[str, int], int | None]:
    """Each child's place in ``order``, by Clark tag; and the place of ``"*"`` (content)."""
    ranks = {_tag(name): n for n, name in enumerate(order) if name != "*"}
    return ranks, (order.index("*") if "*" in order else None)


def insert_in_order(
    parent: _Element, element: _Element, order: tuple[str, ...] | None = None
) -> _Element:
    """Put ``element`` before the first child of ``parent`` that ``order`` (by default the
    schema order of ``parent``) places after it; last when none does. Children the order does
    not know (``w14:`` extensions …) are passed over, unless the order has content (``"*"``)."""
    if order is None:
        order = ORDERS.get(local_name(parent), ())
    ranks, content = _ranks(order)
    rank = ranks.get(element.tag, content)
    if rank is not None:
        for sibling in parent:
            if not isinstance(sibling.tag, str):  # comments, processing instructions
                continue
            theirs = ranks.get(sibling.tag, content)
            if theirs is not None and theirs > rank:
                sibling.addprevious(element)
                return element
    parent.append(element)
    return element


def new(tag: str, /, **attributes: str | int | None) -> _Element:
    """A new ``w:tag`` element with these ``w:`` attributes: python-docx's ``OxmlElement``
    (its element class, its one namespace declaration), the tag's Clark form made once."""
    clark, declared = _declared(tag)
    return set_attributes(oxml_parser.makeelement(clark, nsmap=declared), **attributes)


def new_child(parent: Any, tag: str, /, **attributes: str | int | None) -> _Element:
    """A new ``w:tag`` element with these ``w:`` attributes, the last child of ``parent``.

    Made inside ``parent``'s document, which :func:`new` followed by an append is not: that
    makes a document for each element (~7 µs), then moves the element out of it. The
    namespace is declared on it only where ``parent`` does not declare it, as after a move."""
    clark, declared = _declared(tag)
    return set_attributes(SubElement(element_of(parent), clark, nsmap=declared), **attributes)


def get_or_add(parent: Any, name: str) -> _Element:
    """The ``w:name`` child of ``parent``, created in its schema place when missing."""
    parent = element_of(parent)
    found = parent.find(_tag(name))
    if found is not None:
        return found
    return insert_in_order(parent, new_child(parent, name))


def remove_children(parent: Any, *names: str) -> None:
    parent = element_of(parent)
    for name in names:
        for element in parent.findall(_tag(name)):
            parent.remove(element)


def set_attributes(element: _Element, **values: str | int | None) -> _Element:
    """Set ``w:`` attributes by local name; ``None`` removes one."""
    for name, value in values.items():
        key = _tag(name)
        if value is None:
            element.attrib.pop(key, None)
        else:
            element.set(key, str(value))
    return element


def get_or_add_rpr(parent: Any) -> _Element:
    """The ``w:rPr`` of a run, style or paragraph properties (its mark), or of ``w:rPrDefault``;
    ``parent`` itself when it is one."""
    parent = element_of(parent)
    if local_name(parent) == "rPr":
        return parent
    return get_or_add(parent, "rPr")


def get_or_add_ppr(parent: Any) -> _Element:
    """The ``w:pPr`` of a paragraph or style, or of ``w:pPrDefault``; ``parent`` itself when
    it is one."""
    parent = element_of(parent)
    if local_name(parent) == "pPr":
        return parent
    return get_or_add(parent, "pPr")

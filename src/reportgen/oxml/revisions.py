"""Tracked changes (修订) as Word records them, written and read.

Inserted runs sit inside w:ins, deleted runs inside w:del with their text in w:delText, and a
paragraph's own mark (¶) is inserted or deleted in its w:pPr/w:rPr, so that accepting or
rejecting a whole paragraph removes it rather than leaving it empty. Every revision carries
w:id (unique in the document), w:author and w:date.

Schema order (ISO/IEC 29500 transitional, wml.xsd) of the elements this module inserts into:

w:pPr (CT_PPr): pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr
    suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct
    topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind
    contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment
    textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange

w:rPr (CT_RPr, CT_ParaRPr): ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps
    strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden color
    spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang
    eastAsianLayout specVanish oMath rPrChange

w:p (CT_P): pPr *
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from lxml.etree import _Element

from reportgen.oxml.elements import (
    XML_SPACE,
    child,
    element_of,
    get_or_add,
    get_or_add_ppr,
    insert_in_order,
    new,
    remove_children,
)


def _revision(name: str, *, rev_id: int, author: str, date: str | None) -> _Element:
    return new(name, id=rev_id, author=author, date=date)


def make_ins(run: Any, *, rev_id: int, author: str, date: str | None = None) -> _Element:
    """Wrap the run ``run`` (w:r, or a python-docx run) in a w:ins where it stands; the w:ins."""
    run = element_of(run)
    wrapper = _revision("ins", rev_id=rev_id, author=author, date=date)
    run.addprevious(wrapper)
    wrapper.append(run)
    return wrapper


def make_del(run: Any, *, rev_id: int, author: str, date: str | None = None) -> _Element:
    """Wrap ``run`` in a w:del where it stands; its w:t become w:delText, as the schema asks."""
    run = element_of(run)
    for text in run.findall(qn("w:t")):
        text.tag = qn("w:delText")
        text.set(XML_SPACE, "preserve")
    wrapper = _revision("del", rev_id=rev_id, author=author, date=date)
    run.addprevious(wrapper)
    wrapper.append(run)
    return wrapper


def mark_paragraph(
    paragraph: Any, change: str, *, rev_id: int, author: str, date: str | None = None
) -> _Element:
    """Record the paragraph mark of ``paragraph`` (w:p, or a python-docx paragraph) as inserted
    (``ins``) or deleted (``del``).

    Accepting a deleted mark joins the paragraph to the next one; with its runs deleted too,
    the whole paragraph goes. Rejecting an inserted mark does the same for an inserted one.
    """
    if change not in ("ins", "del"):
        raise ValueError(f"a paragraph mark is 'ins' or 'del', not {change!r}")
    rpr = get_or_add(get_or_add_ppr(paragraph), "rPr")
    remove_children(rpr, "ins", "del")
    mark = _revision(change, rev_id=rev_id, author=author, date=date)
    return insert_in_order(rpr, mark)  # w:ins / w:del come first in a mark's properties


def revisions(root: Any) -> list[_Element]:
    """Every w:ins and w:del under ``root``, runs and paragraph marks alike, in order."""
    return list(element_of(root).iter(qn("w:ins"), qn("w:del")))


def paragraph_texts(body: Any, *, accept: bool) -> list[str]:
    """The text of each paragraph of ``body`` once every revision is accepted (or rejected).

    Accepting keeps w:ins and drops w:del; rejecting does the reverse. A paragraph whose mark
    goes joins the next paragraph, as it does in Word. Line breaks (w:br) read as nothing.
    """
    kept, dropped = ("ins", "del") if accept else ("del", "ins")
    keep, drop = qn(f"w:{kept}"), qn(f"w:{dropped}")
    out: list[str] = []
    carried = ""
    for paragraph in element_of(body).iter(qn("w:p")):
        text = carried
        for node in paragraph.iter(qn("w:t"), qn("w:delText")):
            ancestors = {a.tag for a in node.iterancestors() if a.tag in (keep, drop)}
            if drop in ancestors:
                continue
            text += node.text or ""
        ppr = child(paragraph, "pPr")
        rpr = child(ppr, "rPr") if ppr is not None else None
        if rpr is not None and child(rpr, dropped) is not None:
            carried = text  # its mark is gone: what is left joins the next paragraph
            continue
        carried = ""
        out.append(text)
    if carried:
        out.append(carried)
    return out

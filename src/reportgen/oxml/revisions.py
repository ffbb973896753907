"""Tracked changes (修订) as Word records them, written and read.

A moved paragraph is recorded as a move: its runs at the old place inside w:moveFrom (text in
w:delText), at the new place inside w:moveTo, each place between a w:moveFromRangeStart /
w:moveFromRangeEnd (w:moveToRangeStart / …End) pair sharing one w:name, so that Word shows
the two as one move. Accepting a move keeps the new place; rejecting it, the old one.

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

w:trPr (CT_TrPr): cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight
    tblHeader tblCellSpacing jc hidden ins del trPrChange

A table row inserted or deleted whole carries w:ins / w:del in its w:trPr (and its runs are
inserted or deleted too, so that a reader that does not know row revisions still shows them).
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


def make_move(
    run: Any, side: str, *, rev_id: int, author: str, date: str | None = None
) -> _Element:
    """Wrap ``run`` in a w:moveFrom (``side="from"``, its text becomes w:delText) or a w:moveTo
    (``side="to"``) where it stands."""
    if side not in ("from", "to"):
        raise ValueError(f"a move's side is 'from' or 'to', not {side!r}")
    run = element_of(run)
    if side == "from":
        for text in run.findall(qn("w:t")):
            text.tag = qn("w:delText")
            text.set(XML_SPACE, "preserve")
    wrapper = _revision(
        "moveFrom" if side == "from" else "moveTo", rev_id=rev_id, author=author, date=date
    )
    run.addprevious(wrapper)
    wrapper.append(run)
    return wrapper


def move_range(
    first: Any,
    last: Any,
    side: str,
    name: str,
    *,
    rev_id: int,
    author: str,
    date: str | None = None,
) -> None:
    """Open a move's range at the start of paragraph ``first`` (after its w:pPr) and close it
    at the end of paragraph ``last``; ``name`` pairs the moveFrom range with its moveTo."""
    tag = "moveFromRange" if side == "from" else "moveToRange"
    start = new(f"{tag}Start", id=rev_id, author=author, date=date, name=name)
    first = element_of(first)
    ppr = child(first, "pPr")
    if ppr is not None:
        ppr.addnext(start)
    else:
        first.insert(0, start)
    element_of(last).append(new(f"{tag}End", id=rev_id))


def mark_paragraph(
    paragraph: Any, change: str, *, rev_id: int, author: str, date: str | None = None
) -> _Element:
    """Record the paragraph mark of ``paragraph`` (w:p, or a python-docx paragraph) as inserted
    (``ins``) or deleted (``del``).

    Accepting a deleted mark joins the paragraph to the next one; with its runs deleted too,
    the whole paragraph goes. Rejecting an inserted mark does the same for an inserted one.
    """
    if change not in ("ins", "del", "moveFrom", "moveTo"):
        raise ValueError(
            f"a paragraph mark is 'ins', 'del', 'moveFrom' or 'moveTo', not {change!r}"
        )
    rpr = get_or_add(get_or_add_ppr(paragraph), "rPr")
    remove_children(rpr, "ins", "del", "moveFrom", "moveTo")
    mark = _revision(change, rev_id=rev_id, author=author, date=date)
    return insert_in_order(rpr, mark)  # w:ins / w:del come first in a mark's properties


def mark_row(
    row: Any, change: str, *, rev_id: int, author: str, date: str | None = None
) -> _Element:
    """Record the table row ``row`` (w:tr, or a python-docx row) as inserted (``ins``) or
    deleted (``del``) whole, in its w:trPr."""
    if change not in ("ins", "del"):
        raise ValueError(f"a table row is 'ins' or 'del', not {change!r}")
    trpr = get_or_add(row, "trPr")
    remove_children(trpr, "ins", "del")
    return insert_in_order(trpr, _revision(change, rev_id=rev_id, author=author, date=date))


def revisions(root: Any) -> list[_Element]:
    """Every w:ins, w:del, w:moveFrom and w:moveTo under ``root``, runs and paragraph marks
    alike, in order."""
    return list(element_of(root).iter(qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo")))


def paragraph_texts(body: Any, *, accept: bool) -> list[str]:
    """The text of each paragraph of ``body`` once every revision is accepted (or rejected).

    Accepting keeps w:ins and w:moveTo and drops w:del and w:moveFrom; rejecting does the
    reverse. A paragraph whose mark goes joins the next paragraph, as it does in Word. Line
    breaks (w:br) read as nothing; paragraphs in tables are left to :func:`table_texts`.
    """
    dropped = ("del", "moveFrom") if accept else ("ins", "moveTo")
    drop = {qn(f"w:{d}") for d in dropped}
    out: list[str] = []
    carried = ""
    for paragraph in element_of(body).iter(qn("w:p")):
        if any(a.tag == _TABLE for a in paragraph.iterancestors()):
            continue  # a table cell's: see table_texts
        text = carried
        for node in paragraph.iter(qn("w:t"), qn("w:delText")):
            if any(a.tag in drop for a in node.iterancestors()):
                continue
            text += node.text or ""
        ppr = child(paragraph, "pPr")
        rpr = child(ppr, "rPr") if ppr is not None else None
        if rpr is not None and any(child(rpr, d) is not None for d in dropped):
            carried = text  # its mark is gone: what is left joins the next paragraph
            continue
        carried = ""
        out.append(text)
    if carried:
        out.append(carried)
    return out


_TABLE = qn("w:tbl")


def table_texts(body: Any, *, accept: bool) -> list[list[list[str]]]:
    """The text of each cell, row by row, of each table of ``body`` once every revision is
    accepted (or rejected): a row inserted whole (w:trPr/w:ins) goes when rejected, one
    deleted whole when accepted. A cell's paragraphs are joined by a newline."""
    dropped = ("del", "moveFrom") if accept else ("ins", "moveTo")
    drop = {qn(f"w:{d}") for d in dropped}
    row_drop = qn("w:del") if accept else qn("w:ins")
    tables: list[list[list[str]]] = []
    for table in element_of(body).iter(_TABLE):
        rows: list[list[str]] = []
        for row in table.iterfind(qn("w:tr")):
            trpr = child(row, "trPr")
            if trpr is not None and trpr.find(row_drop) is not None:
                continue
            cells = []
            for cell in row.iterfind(qn("w:tc")):
                paragraphs = []
                for paragraph in cell.iterfind(qn("w:p")):
                    kept = [
                        node.text or ""
                        for node in paragraph.iter(qn("w:t"), qn("w:delText"))
                        if not any(a.tag in drop for a in node.iterancestors())
                    ]
                    paragraphs.append("".join(kept))
                cells.append("\n".join(paragraphs))
            rows.append(cells)
        tables.append(rows)
    return tables

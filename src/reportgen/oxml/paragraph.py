"""Paragraph properties: style, outline level, hanging punctuation, grid snapping, line spacing.

Schema order (ISO/IEC 29500 transitional, wml.xsd) of the elements this module inserts into:

w:pPr (CT_PPr): pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr
    suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct
    topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind
    contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment
    textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange
"""

from __future__ import annotations

from typing import Any

from reportgen.oxml.elements import (
    get_or_add,
    get_or_add_ppr,
    new_child,
    remove_children,
    set_attributes,
)


def append_paragraph(document: Any) -> Any:
    """A new empty paragraph at the end of ``document``'s body (a python-docx Document),
    before the body's closing w:sectPr, in constant time: python-docx's ``add_paragraph``
    searches the body's children for the w:sectPr on every call, which made a
    10,000-paragraph document (diff -f docx of two large years) quadratic."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    body = document.element.body
    try:
        last = body[-1]
    except IndexError:
        last = None
    paragraph = new_child(body, "p")
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(paragraph)
    return Paragraph(paragraph, document._body)


def set_paragraph_style(paragraph: Any, style_id: str | None) -> None:
    """Give a paragraph the style ``style_id`` (its w:pStyle); ``None`` gives it the default."""
    if style_id is None:
        remove_children(get_or_add_ppr(paragraph), "pStyle")
        return
    set_attributes(get_or_add(get_or_add_ppr(paragraph), "pStyle"), val=style_id)


def set_outline_level(parent: Any, level: int) -> None:
    """Outline level (0 = level 1): the heading appears in Word's navigation pane."""
    set_attributes(get_or_add(get_or_add_ppr(parent), "outlineLvl"), val=level)


def set_overflow_punctuation(parent: Any, allow: bool) -> None:
    """Whether punctuation may hang past the right margin (w:overflowPunct; Word's default: yes)."""
    set_attributes(get_or_add(get_or_add_ppr(parent), "overflowPunct"), val=1 if allow else 0)


def set_snap_to_grid(parent: Any, snap: bool) -> None:
    set_attributes(get_or_add(get_or_add_ppr(parent), "snapToGrid"), val=None if snap else 0)


def set_line_spacing(parent: Any, twips: int, *, rule: str = "exact") -> None:
    """Line spacing without space before or after: ``exact`` twips, or ``auto`` (240 = single)."""
    spacing = get_or_add(get_or_add_ppr(parent), "spacing")
    set_attributes(spacing, line=twips, lineRule=rule)


# What python-docx's ParagraphFormat writes, for the styles a document sets up: python-docx
# places each new child by probing for every one of its ~35 possible successors (~40 µs a
# property); these go through the schema order's ranks.


def set_alignment(parent: Any, value: str) -> None:
    """``w:jc``: ``left``, ``center``, ``right`` or ``both`` (justified)."""
    set_attributes(get_or_add(get_or_add_ppr(parent), "jc"), val=value)


def set_first_line_indent(parent: Any, twips: int) -> None:
    """The first line's indent (``w:ind``): a negative one hangs, as python-docx writes it."""
    ind = get_or_add(get_or_add_ppr(parent), "ind")
    set_attributes(ind, firstLine=None, hanging=None)
    if twips < 0:
        set_attributes(ind, hanging=-twips)
    else:
        set_attributes(ind, firstLine=twips)


def set_side_indents(parent: Any, *, left: int | None = None, right: int | None = None) -> None:
    """``w:ind``'s left and right indents in twips, each only when given (python-docx's
    ``left_indent`` and ``right_indent``; the two set in the order given)."""
    given = {k: v for k, v in (("left", left), ("right", right)) if v is not None}
    set_attributes(get_or_add(get_or_add_ppr(parent), "ind"), **given)


def set_space_before(parent: Any, twips: int) -> None:
    set_attributes(get_or_add(get_or_add_ppr(parent), "spacing"), before=twips)


def set_space_after(parent: Any, twips: int) -> None:
    set_attributes(get_or_add(get_or_add_ppr(parent), "spacing"), after=twips)


def set_keep_with_next(parent: Any, keep: bool) -> None:
    set_attributes(get_or_add(get_or_add_ppr(parent), "keepNext"), val=None if keep else 0)


def set_widow_control(parent: Any, control: bool) -> None:
    set_attributes(get_or_add(get_or_add_ppr(parent), "widowControl"), val=None if control else 0)

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

from reportgen.oxml.elements import get_or_add, get_or_add_ppr, remove_children, set_attributes


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

"""Raw OOXML: every ``OxmlElement``, ``qn`` and xpath of reportgen lives here.

python-docx covers paragraphs, runs, styles and sections; what a Chinese official document
needs beyond that (East Asian fonts, language, condensed characters, page-number fields,
table grids …) is done by the small functions below, each tested on a snippet of XML in
``tests/test_oxml.py``. The renderer above speaks in paragraphs, headings and runs; so does
the importer, which reads a .docx through section 12.

Sections, in this order — keep new functions in their section:

1. Elements and order    the schema order of children, so Word accepts what we write
2. Text                  characters XML 1.0 cannot hold
3. Fonts and language    w:rFonts, w:lang, w:themeFontLang, theme fonts removed
4. Run properties        condensed characters (w:spacing)
5. Paragraph properties  outline levels
6. Styles and defaults   w:docDefaults, clearing inherited formatting
7. Section and settings  document grid
8. Fields                PAGE and other complex fields
9. Tables                widths, borders, repeated header rows
10. Package              document properties, reproducible zip files
11. Tracked changes      w:ins / w:del runs and paragraph marks; texts accepted or rejected
12. Reading              (import) a paragraph's visible text, outline level, alignment and
                         list numbering; the lists of numbering.xml. Reads only, never writes
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from lxml.etree import _Element

# ── 1. Elements and order ───────────────────────────────────────────────────────────────────
# Word refuses a file whose property children are out of schema order (ECMA-376 §17.3), so
# every child is inserted before the first sibling that must follow it.

RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
)  # fmt: skip
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
    "cnfStyle", "rPr", "sectPr", "pPrChange",
)  # fmt: skip
SECTPR_ORDER = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
    "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings",
    "sectPrChange",
)  # fmt: skip
SETTINGS_ORDER = (  # the tail of w:settings, from the part reportgen writes
    "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)  # fmt: skip
TBLPR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
)  # fmt: skip
TRPR_ORDER = (
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
    "tblHeader", "tblCellSpacing", "jc", "hidden",
)  # fmt: skip
_ORDERS = {"rPr": RPR_ORDER, "pPr": PPR_ORDER, "sectPr": SECTPR_ORDER, "settings": SETTINGS_ORDER,
           "tblPr": TBLPR_ORDER, "trPr": TRPR_ORDER}  # fmt: skip
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def local_name(element: _Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def child(parent: _Element, name: str) -> _Element | None:
    """The first ``w:name`` child of ``parent``, if any."""
    return parent.find(qn(f"w:{name}"))


def get_or_add(parent: _Element, name: str) -> _Element:
    """The ``w:name`` child of ``parent``, created in its schema place when missing."""
    found = child(parent, name)
    if found is not None:
        return found
    element = OxmlElement(f"w:{name}")
    order = _ORDERS.get(local_name(parent), ())
    later = order[order.index(name) + 1 :] if name in order else ()
    return _insert_before(parent, element, later)


def _insert_before(parent: _Element, element: _Element, successors: Iterable[str]) -> _Element:
    """Put ``element`` before the first child of ``parent`` named in ``successors``, else last."""
    tags = {qn(f"w:{n}") for n in successors}
    for sibling in parent:
        if sibling.tag in tags:
            sibling.addprevious(element)
            return element
    parent.append(element)
    return element


def remove_children(parent: _Element, *names: str) -> None:
    for name in names:
        for element in parent.findall(qn(f"w:{name}")):
            parent.remove(element)


def set_attributes(element: _Element, **values: str | int | None) -> _Element:
    """Set ``w:`` attributes by local name; ``None`` removes one."""
    for name, value in values.items():
        key = qn(f"w:{name}")
        if value is None:
            element.attrib.pop(key, None)
        else:
            element.set(key, str(value))
    return element


# In a run and a style the rPr follows pPr and name-like children, and comes before these.
_RPR_SUCCESSORS = (
    "t", "tab", "br", "fldChar", "instrText", "tblPr", "trPr", "tcPr", "tblStylePr", "delText",
    "sym",
)  # fmt: skip


def get_or_add_rpr(parent: _Element) -> _Element:
    """The ``w:rPr`` of a run, style or paragraph properties, or of ``w:rPrDefault``."""
    if local_name(parent) == "rPr":
        return parent
    if local_name(parent) == "pPr":
        return get_or_add(parent, "rPr")
    found = child(parent, "rPr")
    if found is None:
        found = _insert_before(parent, OxmlElement("w:rPr"), _RPR_SUCCESSORS)
    return found


def get_or_add_ppr(parent: _Element) -> _Element:
    """The ``w:pPr`` of a paragraph or style, or of ``w:pPrDefault``."""
    if local_name(parent) == "pPr":
        return parent
    found = child(parent, "pPr")
    if found is None:
        found = OxmlElement("w:pPr")
        if local_name(parent) == "p":
            parent.insert(0, found)
        else:  # a style: after name, basedOn, next … qFormat, before rPr / tblPr
            _insert_before(parent, found, ("rPr", "tblPr", "trPr", "tcPr", "tblStylePr"))
    return found


# ── 2. Text ─────────────────────────────────────────────────────────────────────────────────
# XML 1.0 cannot hold most C0 controls (\x0b from Word's line break, \x0c from a page break,
# \x00 …), lone surrogates or U+FFFE/U+FFFF; lxml refuses them, and a file that held them
# would not open. Text is cleaned before it reaches an element.

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def forbidden_characters(text: str) -> list[str]:
    """The characters of ``text`` that XML 1.0 cannot hold, in order of appearance."""
    return _NOT_XML.findall(text)


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (``&``, ``<`` are escaped by lxml)."""
    return _NOT_XML.sub("", text)


# ── 3. Fonts and language ───────────────────────────────────────────────────────────────────
# python-docx's font.name sets only w:ascii/w:hAnsi. Chinese text takes w:eastAsia, and any
# *Theme attribute overrides the named font, so they go.

_THEME_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def set_fonts(
    parent: _Element, *, latin: str, east_asia: str, hint_east_asia: bool = True
) -> _Element:
    """Fonts of a run, style or defaults: ``latin`` for digits and Latin letters, ``east_asia``
    for Chinese. The East Asian hint makes curly quotes, dashes and …… take the Chinese font."""
    fonts = get_or_add(get_or_add_rpr(parent), "rFonts")
    for name in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(f"w:{name}"), None)
    set_attributes(
        fonts,
        ascii=latin,
        hAnsi=latin,
        eastAsia=east_asia,
        cs=latin,
        hint="eastAsia" if hint_east_asia else None,
    )
    return fonts


def run_properties(*, latin: str, east_asia: str) -> _Element:
    """A free-standing ``w:rPr`` with these fonts, to copy into runs (e.g. of a field)."""
    rpr = OxmlElement("w:rPr")
    set_fonts(rpr, latin=latin, east_asia=east_asia)
    return rpr


def remove_theme_fonts(root: _Element) -> int:
    """Strip theme font attributes from every w:rFonts under ``root``; how many were removed."""
    removed = 0
    for fonts in root.iter(qn("w:rFonts")):
        for name in _THEME_ATTRIBUTES:
            if fonts.attrib.pop(qn(f"w:{name}"), None) is not None:
                removed += 1
    return removed


def set_language(parent: _Element, *, east_asia: str, latin: str = "en-US") -> _Element:
    lang = get_or_add(get_or_add_rpr(parent), "lang")
    return set_attributes(lang, val=latin, eastAsia=east_asia, bidi="ar-SA")


def set_theme_font_lang(settings: _Element, *, east_asia: str, latin: str = "en-US") -> _Element:
    """python-docx's template says ja-JP here; Word picks fallback fonts and glyphs from it."""
    lang = get_or_add(settings, "themeFontLang")
    for name in ("bidi",):
        lang.attrib.pop(qn(f"w:{name}"), None)
    return set_attributes(lang, val=latin, eastAsia=east_asia)


# ── 4. Run properties ───────────────────────────────────────────────────────────────────────


def set_character_spacing(parent: _Element, twips: int) -> None:
    """Condense (negative) or expand the advance of every character, in twentieths of a point.

    0 is written too: a style based on the condensed body text must undo the condensing."""
    set_attributes(get_or_add(get_or_add_rpr(parent), "spacing"), val=twips)


def set_size(parent: _Element, half_points: int) -> None:
    """Font size for Chinese and Latin text alike (w:sz and w:szCs), in half-points."""
    rpr = get_or_add_rpr(parent)
    set_attributes(get_or_add(rpr, "sz"), val=half_points)
    set_attributes(get_or_add(rpr, "szCs"), val=half_points)


def set_bold(parent: _Element, bold: bool) -> None:
    """Bold on (w:b, w:bCs), or no bold of its own."""
    rpr = get_or_add_rpr(parent)
    if bold:
        get_or_add(rpr, "b")
        get_or_add(rpr, "bCs")
    else:
        remove_children(rpr, "b", "bCs")


# ── 5. Paragraph properties ─────────────────────────────────────────────────────────────────


def set_outline_level(parent: _Element, level: int) -> None:
    """Outline level (0 = level 1): the heading appears in Word's navigation pane."""
    set_attributes(get_or_add(get_or_add_ppr(parent), "outlineLvl"), val=level)


def set_overflow_punctuation(parent: _Element, allow: bool) -> None:
    """Whether punctuation may hang past the right margin (w:overflowPunct; Word's default: yes)."""
    set_attributes(get_or_add(get_or_add_ppr(parent), "overflowPunct"), val=1 if allow else 0)


def set_snap_to_grid(parent: _Element, snap: bool) -> None:
    set_attributes(get_or_add(get_or_add_ppr(parent), "snapToGrid"), val=None if snap else 0)


def set_line_spacing(parent: _Element, twips: int, *, rule: str = "exact") -> None:
    """Line spacing without space before or after: ``exact`` twips, or ``auto`` (240 = single)."""
    spacing = get_or_add(get_or_add_ppr(parent), "spacing")
    set_attributes(spacing, line=twips, lineRule=rule)


# ── 6. Styles and defaults ──────────────────────────────────────────────────────────────────


def doc_defaults(styles: _Element) -> tuple[_Element, _Element]:
    """The ``w:rPr`` and ``w:pPr`` of ``w:docDefaults`` in styles.xml, created when missing."""
    defaults = child(styles, "docDefaults")
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = get_or_add(defaults, "rPrDefault")
    ppr_default = child(defaults, "pPrDefault")
    if ppr_default is None:
        ppr_default = OxmlElement("w:pPrDefault")
        rpr_default.addnext(ppr_default)
    return get_or_add(rpr_default, "rPr"), get_or_add(ppr_default, "pPr")


def clear_formatting(style: _Element) -> None:
    """Drop a style's paragraph, run and table formatting (python-docx's template gives Title a
    border and a theme colour), keeping its name and place."""
    remove_children(style, "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr")


# ── 7. Section and settings ─────────────────────────────────────────────────────────────────


def set_doc_grid(sect_pr: _Element, line_pitch: int) -> _Element:
    """Record the line pitch without a snapping grid: a character grid as Word writes it lays out
    19 lines × 14 characters in LibreOffice, so the grid comes from exact line spacing instead."""
    grid = get_or_add(sect_pr, "docGrid")
    grid.attrib.clear()
    return set_attributes(grid, linePitch=line_pitch)


# ── 8. Fields ───────────────────────────────────────────────────────────────────────────────


def _field_run(rpr: _Element | None) -> _Element:
    run = OxmlElement("w:r")
    if rpr is not None:
        from copy import deepcopy

        run.append(deepcopy(rpr))
    return run


def append_field(
    paragraph: _Element, instruction: str, shown: str, rpr: _Element | None = None
) -> None:
    """A complex field (begin, instruction, separate, result, end) at the end of ``paragraph``.

    ``shown`` is the result displayed until the field is updated; ``rpr`` formats every run.
    """
    begin = _field_run(rpr)
    set_attributes(get_or_add(begin, "fldChar"), fldCharType="begin")
    code = _field_run(rpr)
    text = OxmlElement("w:instrText")
    text.set(_XML_SPACE, "preserve")
    text.text = f" {instruction} "
    code.append(text)
    separate = _field_run(rpr)
    set_attributes(get_or_add(separate, "fldChar"), fldCharType="separate")
    result = _field_run(rpr)
    shown_text = OxmlElement("w:t")
    shown_text.text = shown
    result.append(shown_text)
    end = _field_run(rpr)
    set_attributes(get_or_add(end, "fldChar"), fldCharType="end")
    for run in (begin, code, separate, result, end):
        paragraph.append(run)


def field_instructions(root: _Element) -> list[str]:
    """The instructions of every field under ``root`` (complex and simple), stripped."""
    found = [(node.text or "").strip() for node in root.iter(qn("w:instrText"))]
    found += [node.get(qn("w:instr"), "").strip() for node in root.iter(qn("w:fldSimple"))]
    return found


# ── 9. Tables ───────────────────────────────────────────────────────────────────────────────


def set_table_width(tbl: _Element, twips: int) -> None:
    tbl_pr = get_or_add(tbl, "tblPr")
    set_attributes(get_or_add(tbl_pr, "tblW"), w=twips, type="dxa")


def set_grid_widths(tbl: _Element, widths: Iterable[int]) -> None:
    """Column widths in w:tblGrid (WPS reads these, not w:tblW) and on every cell."""
    widths = list(widths)
    grid = child(tbl, "tblGrid")
    if grid is None:
        grid = OxmlElement("w:tblGrid")
        get_or_add(tbl, "tblPr").addnext(grid)
    remove_children(grid, "gridCol")
    for width in widths:
        grid.append(set_attributes(OxmlElement("w:gridCol"), w=width))
    for row in tbl.iterfind(qn("w:tr")):
        for cell, width in zip(row.iterfind(qn("w:tc")), widths, strict=False):
            tc_pr = child(cell, "tcPr")
            if tc_pr is None:
                tc_pr = OxmlElement("w:tcPr")
                cell.insert(0, tc_pr)
            set_attributes(get_or_add(tc_pr, "tcW"), w=width, type="dxa")


def set_table_borders(tbl_pr: _Element, *, size_eighths: int = 4) -> None:
    """Single lines around and between every cell (size in eighths of a point)."""
    borders = get_or_add(tbl_pr, "tblBorders")
    remove_children(borders, "top", "left", "bottom", "right", "insideH", "insideV")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        set_attributes(border, val="single", sz=size_eighths, space=0, color="000000")
        borders.append(border)


def set_three_line_borders(
    tbl: _Element,
    header_cells: Iterable[_Element],
    *,
    outer_eighths: int = 12,
    rule_eighths: int = 6,
) -> None:
    """A three-line table (三线表): a thick line above and below the table, a thin one under the
    header row (the ``w:tc`` of ``header_cells``), none between the columns or the other rows."""
    borders = get_or_add(get_or_add(tbl, "tblPr"), "tblBorders")
    remove_children(borders, "top", "left", "bottom", "right", "insideH", "insideV")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        if side in ("top", "bottom"):
            set_attributes(border, val="single", sz=outer_eighths, space=0, color="000000")
        else:
            set_attributes(border, val="nil")
        borders.append(border)
    for cell in header_cells:
        tc_pr = child(cell, "tcPr")
        if tc_pr is None:
            tc_pr = OxmlElement("w:tcPr")
            cell.insert(0, tc_pr)
        cell_borders = child(tc_pr, "tcBorders")
        if cell_borders is None:
            cell_borders = _insert_before(
                tc_pr, OxmlElement("w:tcBorders"), ("shd", "noWrap", "tcMar", "vAlign", "hideMark")
            )
        remove_children(cell_borders, "bottom")
        bottom = OxmlElement("w:bottom")
        set_attributes(bottom, val="single", sz=rule_eighths, space=0, color="000000")
        cell_borders.append(bottom)


def set_table_layout_fixed(tbl: _Element) -> None:
    set_attributes(get_or_add(get_or_add(tbl, "tblPr"), "tblLayout"), type="fixed")


def set_table_style(tbl: _Element, style_id: str) -> None:
    set_attributes(get_or_add(get_or_add(tbl, "tblPr"), "tblStyle"), val=style_id)


def table_properties(style: _Element) -> _Element:
    """The ``w:tblPr`` of a table style."""
    found = child(style, "tblPr")
    if found is None:
        found = OxmlElement("w:tblPr")
        style.append(found)
    return found


def set_repeat_header(tr: _Element) -> None:
    """Repeat this row at the top of every page the table runs onto."""
    tr_pr = child(tr, "trPr")
    if tr_pr is None:
        tr_pr = OxmlElement("w:trPr")
        tc = child(tr, "tc")
        if tc is not None:
            tc.addprevious(tr_pr)
        else:
            tr.append(tr_pr)
    get_or_add(tr_pr, "tblHeader")
    get_or_add(tr_pr, "cantSplit")


# ── 10. Package ─────────────────────────────────────────────────────────────────────────────

_CORE_DATES = ("{http://purl.org/dc/terms/}created", "{http://purl.org/dc/terms/}modified")
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def remove_core_dates(core: _Element) -> None:
    """python-docx's template says 2013; a document without dates is honest and reproducible."""
    for tag in _CORE_DATES:
        for element in core.findall(tag):
            core.remove(element)


def reproducible_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps: the same report gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, _FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info))
    return out.getvalue()


def font_table(fonts: Iterable[tuple[str, str | None, bool]]) -> bytes:
    """word/fontTable.xml naming the document's fonts: (name, alternate, Chinese?).

    A Chinese font declares the GB2312 character set (86), and its alternate (w:altName) is
    what Word shows where the font is missing, e.g. 仿宋 for 仿宋_GB2312.
    """
    root = OxmlElement("w:fonts")
    for name, alternate, chinese in fonts:
        font = set_attributes(OxmlElement("w:font"), name=name)
        if alternate:
            font.append(set_attributes(OxmlElement("w:altName"), val=alternate))
        font.append(set_attributes(OxmlElement("w:charset"), val="86" if chinese else "00"))
        font.append(set_attributes(OxmlElement("w:family"), val="auto"))
        font.append(set_attributes(OxmlElement("w:pitch"), val="variable"))
        root.append(font)
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ── 11. Tracked changes ─────────────────────────────────────────────────────────────────────
# Revisions (修订) as Word records them: inserted runs inside w:ins, deleted runs inside w:del
# with their text in w:delText, and a paragraph's own mark (¶) inserted or deleted in its
# w:pPr/w:rPr, so that accepting or rejecting a whole paragraph removes it rather than leaving
# it empty. Every revision carries w:id (unique in the document), w:author and w:date.


def _revision(name: str, *, rev_id: int, author: str, date: str | None) -> _Element:
    element = OxmlElement(f"w:{name}")
    return set_attributes(element, id=rev_id, author=author, date=date)


def make_ins(run: _Element, *, rev_id: int, author: str, date: str | None = None) -> _Element:
    """Wrap the run ``run`` (w:r) in a w:ins where it stands; the w:ins is returned."""
    wrapper = _revision("ins", rev_id=rev_id, author=author, date=date)
    run.addprevious(wrapper)
    wrapper.append(run)
    return wrapper


def make_del(run: _Element, *, rev_id: int, author: str, date: str | None = None) -> _Element:
    """Wrap ``run`` in a w:del where it stands; its w:t become w:delText, as the schema asks."""
    for text in run.findall(qn("w:t")):
        text.tag = qn("w:delText")
        text.set(_XML_SPACE, "preserve")
    wrapper = _revision("del", rev_id=rev_id, author=author, date=date)
    run.addprevious(wrapper)
    wrapper.append(run)
    return wrapper


def mark_paragraph(
    paragraph: _Element, change: str, *, rev_id: int, author: str, date: str | None = None
) -> _Element:
    """Record the paragraph mark of ``paragraph`` (w:p) as inserted (``ins``) or deleted (``del``).

    Accepting a deleted mark joins the paragraph to the next one; with its runs deleted too,
    the whole paragraph goes. Rejecting an inserted mark does the same for an inserted one.
    """
    if change not in ("ins", "del"):
        raise ValueError(f"a paragraph mark is 'ins' or 'del', not {change!r}")
    rpr = get_or_add(get_or_add_ppr(paragraph), "rPr")
    remove_children(rpr, "ins", "del")
    mark = _revision(change, rev_id=rev_id, author=author, date=date)
    rpr.insert(0, mark)  # w:ins / w:del come first in a paragraph mark's properties
    return mark


def revisions(root: _Element) -> list[_Element]:
    """Every w:ins and w:del under ``root``, runs and paragraph marks alike, in order."""
    return [e for e in root.iter(qn("w:ins"), qn("w:del"))]


def paragraph_texts(body: _Element, *, accept: bool) -> list[str]:
    """The text of each paragraph of ``body`` once every revision is accepted (or rejected).

    Accepting keeps w:ins and drops w:del; rejecting does the reverse. A paragraph whose mark
    goes joins the next paragraph, as it does in Word. Line breaks (w:br) read as nothing.
    """
    kept, dropped = ("ins", "del") if accept else ("del", "ins")
    keep, drop = qn(f"w:{kept}"), qn(f"w:{dropped}")
    out: list[str] = []
    carried = ""
    for paragraph in body.iter(qn("w:p")):
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


# ── 12. Reading ─────────────────────────────────────────────────────────────────────────────
# What `reportgen import` needs from a .docx beyond python-docx's paragraphs and styles. Each
# function takes a w:p or a w:style (``paragraph._p``, ``style.element``) and only reads.


def _xpath(element: _Element, expression: str) -> list[_Element]:
    # lxml's own xpath with the w: prefix: python-docx's element classes override ``xpath``
    # without a namespaces argument, and numbering.xml's children may be plain lxml elements.
    return _Element.xpath(element, expression, namespaces=nsmap)


def _val(element: _Element, expression: str) -> str | None:
    """The ``w:val`` of the first element ``expression`` finds under ``element``."""
    nodes = _xpath(element, expression)
    return nodes[0].get(qn("w:val")) if nodes else None


def outline_level(element: _Element) -> str | None:
    """A paragraph's or style's own ``w:outlineLvl`` as written ("0" is level 1), if any."""
    return _val(element, "./w:pPr/w:outlineLvl")


def alignment(element: _Element) -> str | None:
    """A paragraph's or style's own ``w:jc`` (center, both …), if any."""
    return _val(element, "./w:pPr/w:jc")


def numbering_reference(element: _Element) -> tuple[str | None, str | None]:
    """A paragraph's or style's own list (``w:numId``) and list level (``w:ilvl``), as written."""
    return _val(element, "./w:pPr/w:numPr/w:numId"), _val(element, "./w:pPr/w:numPr/w:ilvl")


def text_box_count(element: _Element) -> int:
    """How many text boxes (``w:txbxContent``) ``element`` holds."""
    return len(_xpath(element, ".//w:txbxContent"))


@dataclass
class ListLevel:
    """One level (``w:lvl``) of a Word list: number format, label (``%1、``), first number."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


def list_levels(numbering: _Element) -> dict[str, dict[int, ListLevel]]:
    """The lists of numbering.xml: for each ``w:numId``, its levels by ``w:ilvl``, with the
    list's overrides (a level of its own, or another start) applied to its abstract list."""
    abstract: dict[str, dict[int, ListLevel]] = {}
    for node in _xpath(numbering, "./w:abstractNum"):
        abstract[node.get(qn("w:abstractNumId"))] = {
            int(lvl.get(qn("w:ilvl"), "0")): _list_level(lvl) for lvl in _xpath(node, "./w:lvl")
        }
    out: dict[str, dict[int, ListLevel]] = {}
    for num in _xpath(numbering, "./w:num"):
        abstract_id = _val(num, "./w:abstractNumId")
        levels = {
            k: ListLevel(v.fmt, v.text, v.start)
            for k, v in abstract.get(abstract_id or "", {}).items()
        }
        for override in _xpath(num, "./w:lvlOverride"):
            ilvl = int(override.get(qn("w:ilvl"), "0"))
            for lvl in _xpath(override, "./w:lvl"):
                levels[ilvl] = _list_level(lvl)
            start = _val(override, "./w:startOverride")
            if start is not None and start.isdigit():
                levels.setdefault(ilvl, ListLevel()).start = int(start)
        out[num.get(qn("w:numId"))] = levels
    return out


def _list_level(lvl: _Element) -> ListLevel:
    start = _val(lvl, "./w:start")
    return ListLevel(
        fmt=_val(lvl, "./w:numFmt") or "decimal",
        text=_val(lvl, "./w:lvlText") or "",
        start=int(start) if start and start.isdigit() else 1,
    )


# Deleted text, text boxes (their paragraphs are read on their own), the fallback copy of
# mc:AlternateContent, field codes and property elements are no part of what a reader sees.
_NOT_SEEN = {"del", "txbxContent", "Fallback", "instrText", "delText", "pPr", "rPr"}


def visible_text(paragraph: _Element) -> str:
    """Everything a reader sees in a paragraph: runs, hyperlinks, field results, tracked
    insertions; a tab as ``\\t``, a line break as ``\\n``, a non-breaking hyphen as ``-``."""
    out: list[str] = []
    _collect_text(paragraph, out)
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

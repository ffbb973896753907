"""ISO/IEC 29500 validation of a .docx, for the tests: every XML part against the transitional
schemas vendored in tests/ooxml_xsd/ (see its README), plus what the schemas cannot say.

``validate_docx(docx)`` lists, as ``part:line: message`` strings (empty = valid):
- every schema error of every XML part, after markup compatibility is applied as Word applies
  it (``mc:Ignorable`` namespaces removed, ``mc:AlternateContent`` replaced by its
  ``mc:Fallback``);
- a part whose root element is not the one its content type names, or whose content type has
  no schema here;
- child order of ``w:pPr``, ``w:rPr``, ``w:sectPr``, ``w:tblPr``, ``w:tcPr`` and
  ``w:settings`` (``schema_order_problems``), which lists every misplaced child where lxml
  stops at the first, and which checks ``w:rPr`` where the transitional schema does not;
- package soundness: a content type for every part, every internal relationship target
  present, every ``r:id`` found in the part's relationships; revision marks sound (unique
  ``w:id``, ``w:delText`` only inside ``w:del``, no ``w:t`` inside it).

The compiled schema is cached per process (compiling takes ~70 ms; validating a report ~50 ms,
most of it in styles.xml).
Imports resolve to the vendored files through their relative ``schemaLocation``; the parser
refuses the network.
"""

from __future__ import annotations

import copy
import io
import posixpath
import zipfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from lxml import etree

XSD_DIR = Path(__file__).resolve().parent / "ooxml_xsd"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
SL = "http://schemas.openxmlformats.org/schemaLibrary/2006/main"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
PKG_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
PREFIXES = {"w": W, "m": M, "sl": SL, "mc": MC}

_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# Content type → the root element its part must have (ISO/IEC 29500-1 §11, §13, §15; -2 §9–10).
ROOTS = {
    _WML + "document.main+xml": f"{{{W}}}document",
    _WML + "styles+xml": f"{{{W}}}styles",
    _WML + "settings+xml": f"{{{W}}}settings",
    _WML + "webSettings+xml": f"{{{W}}}webSettings",
    _WML + "fontTable+xml": f"{{{W}}}fonts",
    _WML + "numbering+xml": f"{{{W}}}numbering",
    _WML + "footer+xml": f"{{{W}}}ftr",
    _WML + "header+xml": f"{{{W}}}hdr",
    _WML + "comments+xml": f"{{{W}}}comments",
    _WML + "footnotes+xml": f"{{{W}}}footnotes",
    _WML + "endnotes+xml": f"{{{W}}}endnotes",
    "application/vnd.openxmlformats-officedocument.theme+xml": (
        "{http://schemas.openxmlformats.org/drawingml/2006/main}theme"
    ),
    "application/vnd.openxmlformats-officedocument.extended-properties+xml": (
        "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Properties"
    ),
    "application/vnd.openxmlformats-package.core-properties+xml": (
        "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}coreProperties"
    ),
    "application/vnd.openxmlformats-officedocument.customXmlProperties+xml": (
        "{http://schemas.openxmlformats.org/officeDocument/2006/customXml}datastoreItem"
    ),
    "application/vnd.openxmlformats-package.relationships+xml": f"{{{PKG_REL}}}Relationships",
    # A custom XML data part (customXml/itemN.xml) may hold anything; the one python-docx's
    # template carries is a bibliography store, the only kind with a schema here.
    "application/xml": "{http://schemas.openxmlformats.org/officeDocument/2006/bibliography}Sources",
}
CONTENT_TYPES_PART = "[Content_Types].xml"

# ── Child order, from the xsd:sequence of each type in tests/ooxml_xsd/wml.xsd ──────────────
# Written out by hand (tests/test_ooxml_schemas.py compares them with the schema file).

# CT_PPrBase, then CT_PPr's extension (rPr, sectPr, pPrChange); a style's CT_PPrGeneral is
# CT_PPrBase + pPrChange, an order this list also holds.
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange",
)  # fmt: skip
# EG_RPrBase (an unbounded xsd:choice in the transitional schema, a sequence in ECMA-376 1st
# edition and the order Word writes), then rPrChange. A paragraph mark's CT_ParaRPr starts
# with EG_ParaRPrTrackChanges (ins, del, moveFrom, moveTo).
RPR_BASE = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
    "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
    "oMath",
)  # fmt: skip
RPR_ORDER = ("ins", "del", "moveFrom", "moveTo", *RPR_BASE, "rPrChange")
# CT_SectPr: EG_HdrFtrReferences (headerReference | footerReference, any order among
# themselves, so they share a rank), EG_SectPrContents, sectPrChange.
SECTPR_ORDER = (
    ("headerReference", "footerReference"), "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
    "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
)  # fmt: skip
# CT_TblPrBase, then CT_TblPr's tblPrChange.
TBLPR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription", "tblPrChange",
)  # fmt: skip
# CT_TcPrBase, CT_TcPrInner's EG_CellMarkupElements (cellIns, cellDel, cellMerge), tcPrChange.
TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel",
    "cellMerge", "tcPrChange",
)  # fmt: skip
# CT_Settings.
SETTINGS_ORDER = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
    "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop",
    "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle", "proofState",
    "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions",
    "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
    "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
    "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
    "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
    "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
    "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter",
    "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml",
    "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
    "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
    "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr",
    "compat", "docVars", "rsids", "m:mathPr", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
    "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "sl:schemaLibrary",
    "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)  # fmt: skip

# Container (w:name) → (the schema's name for its order, the order).
ORDERS: dict[str, tuple[str, tuple[str | tuple[str, ...], ...]]] = {
    "pPr": ("CT_PPr", PPR_ORDER),
    "rPr": ("CT_ParaRPr/CT_RPr", RPR_ORDER),
    "sectPr": ("CT_SectPr", SECTPR_ORDER),
    "tblPr": ("CT_TblPr", TBLPR_ORDER),
    "tcPr": ("CT_TcPr", TCPR_ORDER),
    "settings": ("CT_Settings", SETTINGS_ORDER),
}

_PARSER = etree.XMLParser(no_network=True, resolve_entities=False, remove_blank_text=False)


def _clark(name: str) -> str:
    prefix, _, local = name.rpartition(":")
    return f"{{{PREFIXES[prefix or 'w']}}}{local}"


def _ranks(order: Iterable[str | tuple[str, ...]]) -> dict[str, int]:
    ranks = {}
    for rank, entry in enumerate(order):
        for name in (entry,) if isinstance(entry, str) else entry:
            ranks[_clark(name)] = rank
    return ranks


_RANKS = {_clark(name): (type_name, _ranks(order)) for name, (type_name, order) in ORDERS.items()}


@cache
def schema() -> etree.XMLSchema:
    """tests/ooxml_xsd/parts.xsd compiled, once per process."""
    return etree.XMLSchema(etree.parse(str(XSD_DIR / "parts.xsd"), _PARSER))


# ── Markup compatibility (ISO/IEC 29500-3) ───────────────────────────────────────────────────


def apply_markup_compatibility(root: etree._Element) -> tuple[etree._Element, list[str]]:
    """A copy of ``root`` as a consumer that knows no extension sees it: the namespaces named in
    ``mc:Ignorable`` removed (elements with their content, and attributes), every
    ``mc:AlternateContent`` replaced by its ``mc:Fallback``'s children; with the problems met
    (an ignorable prefix that is not declared)."""
    root = copy.deepcopy(root)
    problems: list[str] = []
    ignorable: set[str] = set()
    for element in root.xpath("//*[@mc:Ignorable]", namespaces={"mc": MC}):
        value = element.attrib.pop(f"{{{MC}}}Ignorable")
        for prefix in value.split():
            if prefix in element.nsmap:
                ignorable.add(element.nsmap[prefix])
            else:
                problems.append(
                    f"{element.sourceline}: mc:Ignorable names prefix {prefix!r}, not declared"
                )
    for choice in list(root.iter(f"{{{MC}}}AlternateContent")):
        fallback = choice.find(f"{{{MC}}}Fallback")
        for kept in list(fallback) if fallback is not None else []:
            choice.addprevious(kept)
        _remove(choice)
    for namespace in ignorable:
        for element in list(root.iter(f"{{{namespace}}}*")):
            _remove(element)
        for attribute in root.xpath("//@*[namespace-uri() = $ns]", ns=namespace):
            del attribute.getparent().attrib[attribute.attrname]
    return root, problems


def _remove(element: etree._Element) -> None:
    """Remove ``element`` (if still attached), keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


# ── Child order ─────────────────────────────────────────────────────────────────────────────


def schema_order_problems(part_xml: bytes | str | etree._Element, part: str = "") -> list[str]:
    """Every child of a ``w:pPr``, ``w:rPr``, ``w:sectPr``, ``w:tblPr``, ``w:tcPr`` or
    ``w:settings`` in ``part_xml`` that comes after a sibling the schema puts later, or that
    the schema's sequence does not name; markup compatibility applied first."""
    root, _ = apply_markup_compatibility(_root(part_xml))
    return _order_problems(root, part)


def _order_problems(root: etree._Element, part: str) -> list[str]:
    where = f"{part}:" if part else ""
    problems = []
    for element in root.iter(*_RANKS):
        type_name, ranks = _RANKS[element.tag]
        container = _short(element.tag)
        latest: etree._Element | None = None
        for child in element.iterchildren("*"):
            rank = ranks.get(child.tag)
            if rank is None:
                problems.append(
                    f"{where}{child.sourceline}: {_short(child.tag)} is not a child "
                    f"{type_name} allows in {container}"
                )
                continue
            if latest is not None and rank < ranks[latest.tag]:
                problems.append(
                    f"{where}{child.sourceline}: {_short(child.tag)} comes after "
                    f"{_short(latest.tag)} in {container}; {type_name} puts it before"
                )
            elif latest is None or rank > ranks[latest.tag]:
                latest = child
    return problems


def _short(tag: str) -> str:
    qname = etree.QName(tag)
    prefix = next((p for p, uri in PREFIXES.items() if uri == qname.namespace), None)
    return f"{prefix}:{qname.localname}" if prefix else tag


def _root(part_xml: bytes | str | etree._Element) -> etree._Element:
    if isinstance(part_xml, etree._Element):
        return part_xml
    data = part_xml.encode("utf-8") if isinstance(part_xml, str) else part_xml
    return etree.fromstring(data, _PARSER)


# ── Parts ───────────────────────────────────────────────────────────────────────────────────


def validate_part(part: str, data: bytes, content_type: str | None) -> list[str]:
    """Schema, root element, order and revision problems of one XML part."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        return [f"{part}: not well-formed XML: {error}"]
    expected = f"{{{PKG_CT}}}Types" if part == CONTENT_TYPES_PART else ROOTS.get(content_type or "")
    if expected is None:
        return [f"{part}: no schema here for content type {content_type!r}"]
    if root.tag != expected:
        return [f"{part}: root element {root.tag}, but {content_type} needs {expected}"]
    cleaned, problems = apply_markup_compatibility(root)
    problems = [f"{part}:{p}" for p in problems]
    validator = schema()
    if not validator.validate(cleaned):
        problems += [f"{part}:{e.line}: {e.message} (at {e.path})" for e in validator.error_log]
    problems += _order_problems(cleaned, part)
    problems += _revision_problems(cleaned, part)
    return problems


_REVISIONS = tuple(
    f"{{{W}}}{name}"
    for name in (
        "ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange",
        "tblPrChange", "tcPrChange", "trPrChange", "cellIns", "cellDel", "numberingChange",
    )
)  # fmt: skip


def _revision_problems(root: etree._Element, part: str) -> list[str]:
    """Revision ids unique in the part; deleted text as w:delText inside w:del (or w:moveFrom:
    text moved away), never w:t."""
    problems = []
    seen: dict[str, int | None] = {}
    for mark in root.iter(*_REVISIONS):
        ident = mark.get(f"{{{W}}}id")
        if ident in seen:
            problems.append(
                f"{part}:{mark.sourceline}: revision w:id {ident} also used on line {seen[ident]}"
            )
        seen[ident] = mark.sourceline
    for text in root.iter(f"{{{W}}}t", f"{{{W}}}delText"):
        gone = (f"{{{W}}}del", f"{{{W}}}moveFrom")
        deleted = any(a.tag in gone for a in text.iterancestors())
        if deleted != (text.tag == f"{{{W}}}delText"):
            problems.append(
                f"{part}:{text.sourceline}: {_short(text.tag)} "
                + ("inside w:del (deleted text is w:delText)" if deleted else "outside w:del")
            )
    return problems


# ── The package ─────────────────────────────────────────────────────────────────────────────


def validate_docx(docx: bytes | str | Path) -> list[str]:
    """Every problem of every part of the .docx (file path or bytes); empty when it is valid."""
    data = docx if isinstance(docx, bytes) else Path(docx).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {name: package.read(name) for name in package.namelist() if not name.endswith("/")}
    if CONTENT_TYPES_PART not in parts:
        return [f"{CONTENT_TYPES_PART}: missing"]
    problems = validate_part(CONTENT_TYPES_PART, parts[CONTENT_TYPES_PART], None)
    types = etree.fromstring(parts[CONTENT_TYPES_PART], _PARSER)
    defaults = {
        d.get("Extension", "").lower(): d.get("ContentType")
        for d in types.iter(f"{{{PKG_CT}}}Default")
    }
    overrides = {
        o.get("PartName", ""): o.get("ContentType") for o in types.iter(f"{{{PKG_CT}}}Override")
    }
    for name in overrides:
        if name.lstrip("/") not in parts:
            problems.append(f"{CONTENT_TYPES_PART}: Override for {name}, a part the package lacks")
    for name, content in parts.items():
        if name == CONTENT_TYPES_PART:
            continue
        content_type = overrides.get("/" + name) or defaults.get(name.rpartition(".")[2].lower())
        if content_type is None:
            problems.append(f"{name}: no content type in {CONTENT_TYPES_PART}")
        elif content_type.endswith("+xml") or content_type == "application/xml":
            problems += validate_part(name, content, content_type)
    problems += relationship_problems(parts)
    return problems


def relationship_problems(parts: dict[str, bytes]) -> list[str]:
    """Internal targets that are not in the package; r:id-style references in a part that its
    relationships do not define."""
    problems = []
    ids_by_source: dict[str, set[str]] = {}
    for name, content in parts.items():
        folder, _, file = name.rpartition("/")
        if not file.endswith(".rels") or posixpath.basename(folder) != "_rels":
            continue
        source = posixpath.join(posixpath.dirname(folder), file.removesuffix(".rels"))
        base = posixpath.dirname(source)
        ids = ids_by_source.setdefault(source, set())
        for rel in etree.fromstring(content, _PARSER).iter(f"{{{PKG_REL}}}Relationship"):
            ids.add(rel.get("Id", ""))
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            resolved = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(base, target))
            )
            if resolved not in parts:
                problems.append(f"{name}: {rel.get('Id')} targets {target}, not in the package")
    for name, content in parts.items():
        if not name.endswith(".xml") or name == CONTENT_TYPES_PART:
            continue
        root = etree.fromstring(content, _PARSER)
        for element in root.iter("*"):
            for attribute, value in element.attrib.items():
                if etree.QName(attribute).namespace == R and value not in ids_by_source.get(
                    name, set()
                ):
                    problems.append(
                        f"{name}:{element.sourceline}: {_short(element.tag)} "
                        f"r:{etree.QName(attribute).localname}={value!r} has no relationship"
                    )
    return problems

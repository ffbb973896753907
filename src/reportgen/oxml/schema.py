"""The schema order of every element reportgen inserts children into.

Word refuses (or "repairs") a file whose children are out of schema order, so every child is
inserted before the first sibling that must follow it (:func:`reportgen.oxml.elements.get_or_add`).
The sequences are copied from ISO/IEC 29500-1 transitional, ``wml.xsd`` (the type each one
comes from is named), complete, so that any child — not only the ones reportgen writes today —
lands in its place. A name is ``w:`` unless it carries its own prefix (``m:mathPr``).
``"*"`` stands for the content of a paragraph, run, row or cell: every child the sequence does
not name (runs, text, cells …).

Where the schema has a choice instead of a sequence (the run properties of ``EG_RPrBase`` and
the row properties of ``CT_TrPrBase`` may come in any order in the transitional schema), the
order is the one the choice lists, which is the order Word writes and ECMA-376's first
edition required.
"""

from __future__ import annotations

# CT_PPr = CT_PPrBase + rPr, sectPr, pPrChange
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
    "cnfStyle", "rPr", "sectPr", "pPrChange",
)  # fmt: skip

# CT_RPr (EG_RPrBase, rPrChange) and CT_ParaRPr, the properties of a paragraph mark, which
# begin with its revisions (EG_ParaRPrTrackChanges: ins, del, moveFrom, moveTo). A run's
# w:rPr never holds those four, so one order serves both.
RPR_ORDER = (
    "ins", "del", "moveFrom", "moveTo",
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
    "rPrChange",
)  # fmt: skip

# CT_SectPr = EG_HdrFtrReferences, EG_SectPrContents, sectPrChange
SECTPR_ORDER = (
    "headerReference", "footerReference",
    "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType",
    "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi",
    "rtlGutter", "docGrid", "printerSettings",
    "sectPrChange",
)  # fmt: skip

# CT_Settings, the whole sequence of w:settings (word/settings.xml)
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

# CT_TblPr = CT_TblPrBase + tblPrChange
TBLPR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription", "tblPrChange",
)  # fmt: skip

# CT_TrPr = CT_TrPrBase (a choice) + ins, del, trPrChange
TRPR_ORDER = (
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
    "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange",
)  # fmt: skip

# CT_TcPr = CT_TcPrBase + EG_CellMarkupElements (cellIns | cellDel | cellMerge) + tcPrChange
TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel",
    "cellMerge", "tcPrChange",
)  # fmt: skip

# CT_TblBorders
TBL_BORDERS_ORDER = ("top", "start", "left", "bottom", "end", "right", "insideH", "insideV")

# CT_Style
STYLE_ORDER = (
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
    "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
    "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr",
)  # fmt: skip

STYLES_ORDER = ("docDefaults", "latentStyles", "style")  # CT_Styles
DOC_DEFAULTS_ORDER = ("rPrDefault", "pPrDefault")  # CT_DocDefaults
RPR_DEFAULT_ORDER = ("rPr",)  # CT_RPrDefault
PPR_DEFAULT_ORDER = ("pPr",)  # CT_PPrDefault

# Elements with content: their properties come first, then everything else.
P_ORDER = ("pPr", "*")  # CT_P: pPr, EG_PContent
R_ORDER = ("rPr", "*")  # CT_R: rPr, EG_RunInnerContent
TBL_ORDER = ("tblPr", "tblGrid", "*")  # CT_Tbl: EG_RangeMarkupElements come first, then these
TR_ORDER = ("tblPrEx", "trPr", "*")  # CT_Row
TC_ORDER = ("tcPr", "*")  # CT_Tc

# CT_Font (a font of word/fontTable.xml)
FONT_ORDER = (
    "altName", "panose1", "charset", "family", "notTrueType", "pitch", "sig", "embedRegular",
    "embedBold", "embedItalic", "embedBoldItalic",
)  # fmt: skip

# The order of the children of each element, by the element's own name.
ORDERS: dict[str, tuple[str, ...]] = {
    "pPr": PPR_ORDER,
    "rPr": RPR_ORDER,
    "sectPr": SECTPR_ORDER,
    "settings": SETTINGS_ORDER,
    "tblPr": TBLPR_ORDER,
    "trPr": TRPR_ORDER,
    "tcPr": TCPR_ORDER,
    "tblBorders": TBL_BORDERS_ORDER,
    "style": STYLE_ORDER,
    "styles": STYLES_ORDER,
    "docDefaults": DOC_DEFAULTS_ORDER,
    "rPrDefault": RPR_DEFAULT_ORDER,
    "pPrDefault": PPR_DEFAULT_ORDER,
    "p": P_ORDER,
    "r": R_ORDER,
    "tbl": TBL_ORDER,
    "tr": TR_ORDER,
    "tc": TC_ORDER,
    "font": FONT_ORDER,
}

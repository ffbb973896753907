"""Document settings (word/settings.xml): any setting in its schema place, the theme font
language.

python-docx's template ends w:settings with ``w14:docId`` and ``w14:defaultImageDpi``; a setting
appended after them breaks the schema, so every setting is inserted by the whole sequence of
CT_Settings, before the first setting that must follow it.

Schema order (ISO/IEC 29500 transitional, wml.xsd) of the elements this module inserts into:

w:settings (CT_Settings): writeProtection view zoom removePersonalInformation removeDateAndTime
    doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText
    printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts
    saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader
    bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors
    activeWritingStyle proofState formsDesign attachedTemplate linkStyles stylePaneFormatFilter
    stylePaneSortMethod documentType mailMerge revisionView trackRevisions doNotTrackMoves
    doNotTrackFormatting documentProtection autoFormatOverride styleLockTheme styleLockQFSet
    defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps
    showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders
    bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing
    drawingGridVerticalSpacing displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery
    doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin
    doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne
    strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore savePreviewPicture
    doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText
    doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags
    alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars
    rsids m:mathPr attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats
    doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType
    sl:schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from lxml.etree import _Element

from reportgen.oxml.elements import get_or_add, set_attributes


def get_or_add_setting(settings: Any, name: str) -> _Element:
    """The setting ``w:name`` of w:settings (or of python-docx's settings), created in its
    schema place when missing."""
    return get_or_add(settings, name)


def set_theme_font_lang(settings: Any, *, east_asia: str, latin: str = "en-US") -> _Element:
    """python-docx's template says ja-JP here; Word picks fallback fonts and glyphs from it."""
    lang = get_or_add(settings, "themeFontLang")
    lang.attrib.pop(qn("w:bidi"), None)
    return set_attributes(lang, val=latin, eastAsia=east_asia)

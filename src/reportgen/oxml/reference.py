"""reportgen's own reference template: the smallest package a document is written into.

python-docx's default template is a 2010 Word-for-Mac document: a 438 kB styles.xml (parsed
for every document, ~9 ms), a copy of it as stylesWithEffects, a theme, numbering, custom XML,
a thumbnail, app.xml naming "Microsoft Macintosh Word", ja-JP as the theme font language and a
``<w:zoom>`` without the ``w:percent`` ISO/IEC 29500 requires. This template holds only what
the writer uses:

- styles: the defaults and Normal, Title, heading 1, heading 2, footer (python-docx finds them
  by these names), with Word's default character, table and list styles; no formatting; the
  writer sets every font, size and spacing from the layout (render/docx.py);
- settings: zoom 100 %, East Asian layout, no compression of CJK punctuation and Word 2010's
  compatibility mode (LibreOffice lays a page out by these, so they stay as python-docx's
  template had them), zh-CN;
- core and app properties with no author, dates or application leftovers; an empty font table
  (the writer writes the document's).

It is made here, in code, rather than committed as a binary: :func:`reference_package` builds
the bytes once per process (cached) and every document opens them (a few kB to parse). A
project may still supply its own ``templates/reference.docx``; the settings stage reads it.

This module inserts no elements: it writes whole parts. The order of each part follows wml.xsd
(w:settings: zoom defaultTabStop evenAndOddHeaders characterSpacingControl compat themeFontLang
decimalSymbol listSeparator; w:style: name basedOn next uiPriority semiHidden unhideWhenUsed
qFormat pPr rPr tblPr).
"""

from __future__ import annotations

import functools
import io
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# (style id, type, name, based on, next, uiPriority, flags) — Word's own ids and names.
_STYLES = (
    ("Normal", "paragraph", "Normal", "", "", "", "default qFormat"),
    ("Title", "paragraph", "Title", "Normal", "Normal", "10", "qFormat"),
    ("Heading1", "paragraph", "heading 1", "Normal", "Normal", "9", "qFormat"),
    ("Heading2", "paragraph", "heading 2", "Normal", "Normal", "9", "unhideWhenUsed qFormat"),
    ("Footer", "paragraph", "footer", "Normal", "", "99", "unhideWhenUsed"),
    ("DefaultParagraphFont", "character", "Default Paragraph Font", "", "", "1", "default hidden"),
    ("TableNormal", "table", "Normal Table", "", "", "99", "default hidden"),
    ("NoList", "numbering", "No List", "", "", "99", "default hidden"),
)
_TABLE_NORMAL = (
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'
)


def _style(style_id: str, kind: str, name: str, based: str, nxt: str, ui: str, flags: str) -> str:
    default = ' w:default="1"' if "default" in flags else ""
    xml = f'<w:style w:type="{kind}"{default} w:styleId="{style_id}"><w:name w:val="{name}"/>'
    xml += f'<w:basedOn w:val="{based}"/>' if based else ""
    xml += f'<w:next w:val="{nxt}"/>' if nxt else ""
    xml += f'<w:uiPriority w:val="{ui}"/>' if ui else ""
    xml += "<w:semiHidden/><w:unhideWhenUsed/>" if "hidden" in flags else ""
    xml += "<w:unhideWhenUsed/>" if "unhideWhenUsed" in flags else ""
    xml += "<w:qFormat/>" if "qFormat" in flags else ""
    xml += _TABLE_NORMAL if style_id == "TableNormal" else ""
    return xml + "</w:style>"


def styles_xml(language: str = "zh-CN") -> str:
    styles = "".join(_style(*style) for style in _STYLES)
    return (
        f'{_DECLARATION}<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>'
        f'<w:lang w:val="en-US" w:eastAsia="{language}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        f"<w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>{styles}</w:styles>"
    )


def settings_xml(language: str = "zh-CN") -> str:
    compat = "".join(
        f'<w:compatSetting w:name="{name}" w:uri="http://schemas.microsoft.com/office/word" '
        f'w:val="{value}"/>'
        for name, value in (
            ("compatibilityMode", "14"),
            ("overrideTableStyleFontSizeAndJustification", "1"),
            ("enableOpenTypeFeatures", "1"),
            ("doNotFlipMirrorIndents", "1"),
        )
    )
    return (
        f'{_DECLARATION}<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
        f"<w:compat><w:useFELayout/>{compat}</w:compat>"
        f'<w:themeFontLang w:val="en-US" w:eastAsia="{language}"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
    )


DOCUMENT_XML = (
    f'{_DECLARATION}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body><w:sectPr>'
    '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" '
    'w:left="1800" w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="720"/>'
    '<w:docGrid w:linePitch="312"/></w:sectPr></w:body></w:document>'
)
FONTS_XML = f'{_DECLARATION}<w:fonts xmlns:w="{W}"/>'
CORE_XML = (
    f"{_DECLARATION}<cp:coreProperties "
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title></dc:title></cp:coreProperties>'
)
APP_XML = (
    f"{_DECLARATION}<Properties "
    'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>reportgen</Application><DocSecurity>0</DocSecurity></Properties>"
)


def _relationships(rels: tuple[tuple[str, str, str], ...]) -> str:
    items = "".join(
        f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in rels
    )
    return f'{_DECLARATION}<Relationships xmlns="{PKG_RELS}">{items}</Relationships>'


def _content_types() -> str:
    overrides = (
        ("/word/document.xml", f"{CT}.document.main+xml"),
        ("/word/styles.xml", f"{CT}.styles+xml"),
        ("/word/settings.xml", f"{CT}.settings+xml"),
        ("/word/fontTable.xml", f"{CT}.fontTable+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        ),
    )
    items = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
    return (
        f'{_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{items}</Types>"
    )


def reference_parts(language: str = "zh-CN") -> dict[str, str]:
    """Every part of the reference template by its name in the zip, in the order written."""
    package_rels = (
        ("rId1", f"{OFFICE_RELS}/officeDocument", "word/document.xml"),
        ("rId2", f"{PKG_RELS}/metadata/core-properties", "docProps/core.xml"),
        ("rId3", f"{OFFICE_RELS}/extended-properties", "docProps/app.xml"),
    )
    document_rels = (
        ("rId1", f"{OFFICE_RELS}/styles", "styles.xml"),
        ("rId2", f"{OFFICE_RELS}/settings", "settings.xml"),
        ("rId3", f"{OFFICE_RELS}/fontTable", "fontTable.xml"),
    )
    return {
        "[Content_Types].xml": _content_types(),
        "_rels/.rels": _relationships(package_rels),
        "docProps/core.xml": CORE_XML,
        "docProps/app.xml": APP_XML,
        "word/document.xml": DOCUMENT_XML,
        "word/_rels/document.xml.rels": _relationships(document_rels),
        "word/styles.xml": styles_xml(language),
        "word/settings.xml": settings_xml(language),
        "word/fontTable.xml": FONTS_XML,
    }


@functools.cache
def reference_package(language: str = "zh-CN") -> bytes:
    """The reference template as the bytes of a .docx (made once per process).

    Its parts are stored, not deflated: the bytes are opened in this process and nowhere
    else, and compressing nine parts only for python-docx to inflate them cost every cold
    build ~0.25 ms. A document written into it is deflated as ever."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        for name, xml in reference_parts(language).items():
            info = zipfile.ZipInfo(name, _FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            package.writestr(info, xml.encode("utf-8"))
    return out.getvalue()

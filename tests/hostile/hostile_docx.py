"""Small hostile .docx files, made at test time: a valid document from python-docx with one
part of its XML replaced. Each is a few kB to a few hundred kB on disk."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

NUMBERING_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
WORK = "工作。".encode()


def _document(style: str | None = None) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("某街道2022年工作总结")
    heading = document.styles.add_style(style, 1) if style else None
    document.add_paragraph("一、主要工作及成效", style=heading)
    document.add_paragraph("（一）经济发展稳中有进。完成规上工业总产值12亿元。")
    document.add_paragraph("二、存在的问题和不足")
    document.add_paragraph("产业结构有待优化。")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _patched(raw: bytes, parts: dict[str, Callable[[bytes], bytes]]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in parts:
                data = parts[info.filename](data)
            archive.writestr(info.filename, data)
    return out.getvalue()


def _body(xml: bytes, raw: bytes | None = None) -> bytes:
    return _patched(
        raw or _document(),
        {"word/document.xml": lambda d: d.replace(b"<w:sectPr", xml + b"<w:sectPr", 1)},
    )


def grid_span() -> bytes:
    """One table cell spanning 300 000 000 grid columns."""
    return _body(
        b"<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr>"
        b'<w:gridSpan w:val="300000000"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p>'
        b"</w:tc></w:tr></w:tbl>"
    )


def empty_paragraphs(megabytes: int = 190) -> bytes:
    """``megabytes`` of ``<w:p/>``: about 330 kB zipped."""
    return _body(b"<w:p/>" * (megabytes * 1024 * 1024 // 6))


def paragraphs(count: int) -> bytes:
    return _body((b"<w:p><w:r><w:t>" + WORK + b"</w:t></w:r></w:p>") * count)


def odd_numbers(paragraph_count: int = 300) -> bytes:
    """Lists starting at 2 000 000 000 in upper-case letters, ``w:ilvl="x"``, a start override
    of 14 digits, ``w:outlineLvl="²"`` and a style named ``heading ¹``."""
    numbering = (
        f"<w:numbering {W}>".encode()
        + b'<w:abstractNum w:abstractNumId="1">'
        + b'<w:lvl w:ilvl="x"><w:start w:val="2000000000"/><w:numFmt w:val="upperLetter"/>'
        + b'<w:lvlText w:val="%1."/></w:lvl>'
        + b'<w:lvl w:ilvl="1"><w:start w:val="2000000000"/><w:numFmt w:val="upperLetter"/>'
        + b'<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'
        + b'<w:num w:numId="5"><w:abstractNumId w:val="1"/>'
        + '<w:lvlOverride w:ilvl="²"><w:startOverride w:val="99999999999999"/>'.encode()
        + b"</w:lvlOverride></w:num></w:numbering>"
    )
    body = b"".join(
        '<w:p><w:pPr><w:outlineLvl w:val="²"/><w:numPr><w:ilvl w:val="{}"/>'.format(
            "x" if k % 2 else "1"
        ).encode()
        + b'<w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>'
        + WORK
        + b"</w:t></w:r></w:p>"
        for k in range(paragraph_count)
    )
    raw = _document(style="heading \u00b9")

    def types(data: bytes) -> bytes:
        if b"/word/numbering.xml" in data:
            return data
        override = f'<Override PartName="/word/numbering.xml" ContentType="{NUMBERING_TYPE}"/>'
        return data.replace(b"</Types>", override.encode() + b"</Types>")

    def relationships(data: bytes) -> bytes:
        if b"numbering.xml" in data:
            return data
        link = (
            '<Relationship Id="rIdNumbering" Target="numbering.xml" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/numbering"/>'
        )
        return data.replace(b"</Relationships>", link.encode() + b"</Relationships>")

    return _patched(
        raw,
        {
            "word/document.xml": lambda d: d.replace(b"<w:sectPr", body + b"<w:sectPr", 1),
            "word/numbering.xml": lambda _: numbering,
            "[Content_Types].xml": types,
            "word/_rels/document.xml.rels": relationships,
        },
    )

"""The package: the main document's parts and relationships, and the zip file itself.

This module inserts no elements in a part: it empties the body of the template's paragraphs,
adds footer parts, replaces the font table part's bytes, drops relationships, and rewrites the
zip reproducibly.
"""

from __future__ import annotations

import copy
import io
import zipfile
from functools import cache
from typing import Any

from lxml.etree import _Element

from reportgen.oxml.elements import child, element_of, local_name

_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def clear_body(document: Any) -> None:
    """Remove every paragraph and table of a python-docx document's body, keeping its
    section properties (the last w:sectPr)."""
    body = document.element.body
    for element in list(body):
        if local_name(element) != "sectPr":
            body.remove(element)


def add_footer(document: Any, section: Any, *, even: bool) -> _Element | None:
    """A new footer part for ``section``'s odd (or ``even``) pages, related to the main
    document and referenced by the section, as python-docx's ``is_linked_to_previous = False``
    adds one; its paragraph (w:p). ``None`` when the section has such a footer already (a
    project's reference .docx): python-docx's footer then is the one to write in.

    python-docx reads and parses its default-footer.xml from disk for every footer and looks
    the section's footer references up by XPath five times over: ~0.1 ms a footer."""
    from docx.enum.section import WD_HEADER_FOOTER
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.parts.hdrftr import FooterPart

    kind = WD_HEADER_FOOTER.EVEN_PAGE if even else WD_HEADER_FOOTER.PRIMARY
    sectpr = element_of(section)
    if sectpr.get_footerReference(kind) is not None:
        return None
    part = document.part
    package = part.package
    partname = package.next_partname("/word/footer%d.xml")
    footer = FooterPart(partname, CT.WML_FOOTER, copy.deepcopy(_footer_xml()), package)
    sectpr.add_footerReference(kind, part.relate_to(footer, RT.FOOTER))
    return child(footer.element, "p")


@cache
def _footer_xml() -> _Element:
    """python-docx's new footer (one empty paragraph), parsed once per process."""
    from docx.oxml.parser import parse_xml
    from docx.parts.hdrftr import FooterPart

    return parse_xml(FooterPart._default_footer_xml())


def replace_part(document: Any, reltype: str, data: bytes) -> None:
    """Replace the bytes of the part the main document relates to by ``reltype`` (a part
    python-docx keeps as bytes, such as the font table)."""
    document.part.part_related_by(reltype)._blob = data


def drop_relationships(document: Any, reltype: str, *, package: bool = False) -> None:
    """Remove the main document's relationships of type ``reltype`` (with ``package``, the
    package's own, e.g. its thumbnail)."""
    rels = document.part.package.rels if package else document.part.rels
    for rel_id in [r for r, rel in rels.items() if rel.reltype == reltype]:
        del rels[rel_id]


def save_package(document: Any) -> bytes:
    """A python-docx document as the bytes of a .docx, in one zip pass with fixed timestamps:
    what ``document.save()`` writes (content types, relationships, every part, in its order),
    without the second pass :func:`reproducible_zip` would take over its output."""
    from docx.opc.pkgwriter import _ContentTypesItem

    package = document.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:

        def write(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, _FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)

        write("[Content_Types].xml", _ContentTypesItem.from_parts(parts).blob)
        write("_rels/.rels", package.rels.xml)
        for part in parts:
            write(part.partname.membername, part.blob)
            if len(part.rels):
                write(part.partname.rels_uri.membername, part.rels.xml)
    return out.getvalue()


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

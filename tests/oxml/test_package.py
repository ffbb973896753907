"""reportgen.oxml.package: the body emptied, parts replaced, relationships dropped, the zip."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from reportgen.oxml import package

from .snippets import tags


def test_reproducible_zip_ignores_when_it_was_made() -> None:
    def made(when: tuple[int, int, int, int, int, int]) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            z.writestr(zipfile.ZipInfo("a.xml", when), "<a/>")
        return out.getvalue()

    first, second = made((2023, 1, 5, 9, 0, 0)), made((2024, 2, 6, 10, 30, 0))
    assert first != second
    assert package.reproducible_zip(first) == package.reproducible_zip(second)
    with zipfile.ZipFile(io.BytesIO(package.reproducible_zip(first))) as z:
        (info,) = z.infolist()
        assert (info.date_time, info.compress_type) == ((1980, 1, 1, 0, 0, 0), zipfile.ZIP_DEFLATED)
        assert z.read("a.xml") == b"<a/>"


def test_clear_body_keeps_only_the_section_properties() -> None:
    document = docx.Document()
    document.add_paragraph("甲")
    document.add_table(rows=1, cols=1)
    package.clear_body(document)
    assert tags(document.element.body) == ["w:sectPr"]


def test_a_part_is_replaced_and_relationships_dropped() -> None:
    document = docx.Document()
    thumbnails = [r for r in document.part.package.rels.values() if r.reltype == RT.THUMBNAIL]
    assert len(thumbnails) == 1  # python-docx's template has one
    package.replace_part(document, RT.FONT_TABLE, b"<w:fonts/>")
    assert document.part.part_related_by(RT.FONT_TABLE).blob == b"<w:fonts/>"
    package.drop_relationships(document, RT.FONT_TABLE)
    package.drop_relationships(document, RT.THUMBNAIL, package=True)
    kinds = {rel.reltype for rel in document.part.rels.values()}
    assert RT.FONT_TABLE not in kinds and RT.STYLES in kinds
    assert RT.THUMBNAIL not in {rel.reltype for rel in document.part.package.rels.values()}

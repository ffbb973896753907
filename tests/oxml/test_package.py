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


def test_a_new_footer_is_the_one_python_docx_adds() -> None:
    add_footer, save_package = package.add_footer, package.save_package
    theirs, mine = docx.Document(), docx.Document()
    for document in (theirs, mine):
        document.settings.odd_and_even_pages_header_footer = True
    section = theirs.sections[0]
    for footer in (section.footer, section.even_page_footer):
        footer.is_linked_to_previous = False
    paragraphs = [add_footer(mine, mine.sections[0], even=even) for even in (False, True)]
    assert all(p is not None and p.tag.endswith("}p") for p in paragraphs)
    assert paragraphs[0] is not paragraphs[1]  # each footer its own copy
    assert save_package(theirs) == save_package(mine)


def test_a_section_with_its_own_footer_gets_none_added() -> None:
    add_footer = package.add_footer
    document = docx.Document()
    document.sections[0].footer.is_linked_to_previous = False
    parts = len(list(document.part.package.iter_parts()))
    assert add_footer(document, document.sections[0], even=False) is None
    assert len(list(document.part.package.iter_parts())) == parts
    assert add_footer(document, document.sections[0], even=True) is not None
    assert len(list(document.part.package.iter_parts())) == parts + 1

"""reportgen.oxml.reference: reportgen's own reference template, and saving in one zip pass."""

from __future__ import annotations

import io
import zipfile

import docx
from lxml import etree

from ooxml import validate_docx
from reportgen.oxml import package
from reportgen.oxml.reference import reference_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def test_the_template_holds_only_the_parts_a_document_needs() -> None:
    with zipfile.ZipFile(io.BytesIO(reference_package())) as z:
        names = z.namelist()
        assert sum(z.getinfo(n).file_size for n in names) < 8000  # python-docx's: 917 kB
    assert names == [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
        "word/fontTable.xml",
    ]


def test_the_template_is_valid_iso_29500_on_its_own() -> None:
    assert validate_docx(reference_package()) == []


def test_zoom_has_its_percent_and_the_language_is_chinese() -> None:
    settings = part(reference_package(), "word/settings.xml")
    assert settings.find(f"{W}zoom").attrib == {f"{W}percent": "100"}
    assert settings.find(f"{W}themeFontLang").get(f"{W}eastAsia") == "zh-CN"
    # Kept from python-docx's template: LibreOffice lays CJK punctuation out by it.
    assert settings.find(f"{W}characterSpacingControl").get(f"{W}val") == "doNotCompress"
    styles = part(reference_package(), "word/styles.xml")
    assert styles.find(f".//{W}rPrDefault//{W}lang").get(f"{W}eastAsia") == "zh-CN"


def test_app_properties_have_no_macintosh_word_leftovers() -> None:
    with zipfile.ZipFile(io.BytesIO(reference_package())) as z:
        app = z.read("docProps/app.xml").decode()
        core = z.read("docProps/core.xml").decode()
    assert "Macintosh" not in app and "Normal.dotm" not in app
    assert "<Application>reportgen</Application>" in app
    assert "creator" not in core and "created" not in core


def test_only_the_styles_the_document_uses() -> None:
    styles = part(reference_package(), "word/styles.xml")
    names = [s.find(f"{W}name").get(f"{W}val") for s in styles.iter(f"{W}style")]
    assert names == [
        "Normal",
        "Title",
        "heading 1",
        "heading 2",
        "footer",
        "Default Paragraph Font",
        "Normal Table",
        "No List",
    ]
    document = docx.Document(io.BytesIO(reference_package()))
    assert document.styles["Heading 1"].style_id == "Heading1"
    assert document.styles["Footer"].base_style.name == "Normal"


def test_the_template_is_made_once_per_process_and_always_the_same() -> None:
    assert reference_package() is reference_package()
    with zipfile.ZipFile(io.BytesIO(reference_package())) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_save_package_writes_what_python_docx_saves_in_one_pass() -> None:
    document = docx.Document(io.BytesIO(reference_package()))
    document.add_paragraph("正文")
    saved = io.BytesIO()
    document.save(saved)
    ours = package.save_package(document)
    with zipfile.ZipFile(saved) as theirs, zipfile.ZipFile(io.BytesIO(ours)) as mine:
        assert mine.namelist() == theirs.namelist()
        for name in theirs.namelist():
            assert mine.read(name) == theirs.read(name), name
        assert {i.date_time for i in mine.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.compress_type for i in mine.infolist()} == {zipfile.ZIP_DEFLATED}
    assert package.save_package(document) == ours

"""reportgen.oxml on small snippets of WordprocessingML."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from reportgen import oxml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


SRC = Path(oxml.__file__).resolve().parents[1]  # src/reportgen
RAW_OOXML = re.compile(
    r"\bOxmlElement\b|\bqn\(|\.xpath\(|\bnsmap\b|\bparse_xml\b|wordprocessingml/"
)


def test_raw_ooxml_lives_in_this_module_only() -> None:
    found = [
        f"{path.relative_to(SRC)}:{n}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        if "oxml" not in path.relative_to(SRC).parts
        for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if RAW_OOXML.search(line)
    ]
    assert found == []


def xml(text: str) -> etree._Element:
    """A snippet whose first tag gets the w: namespace declaration."""
    return parse_xml(re.sub(r"^<(w:\w+)", rf"<\1 {nsdecls('w')}", text, count=1))


def tags(element: etree._Element) -> list[str]:
    return [oxml.local_name(child) for child in element]


def attr(element: etree._Element, name: str) -> str | None:
    return element.get(f"{{{W}}}{name}")


# ── 1. Elements and order ─────────────────────────────────────────────────────────────────


def test_children_are_inserted_in_schema_order() -> None:
    rpr = xml("<w:rPr><w:b/><w:sz w:val='32'/></w:rPr>")
    oxml.get_or_add(rpr, "lang")
    oxml.get_or_add(rpr, "rFonts")
    oxml.get_or_add(rpr, "spacing")
    assert tags(rpr) == ["rFonts", "b", "spacing", "sz", "lang"]


def test_get_or_add_returns_the_existing_child() -> None:
    ppr = xml("<w:pPr><w:jc w:val='both'/></w:pPr>")
    assert oxml.get_or_add(ppr, "jc") is ppr[0]
    assert len(ppr) == 1


def test_run_properties_come_before_the_text() -> None:
    run = xml("<w:r><w:t>文字</w:t></w:r>")
    oxml.set_fonts(run, latin="Times New Roman", east_asia="仿宋_GB2312")
    assert tags(run) == ["rPr", "t"]


# ── 2. Text ───────────────────────────────────────────────────────────────────────────────


def test_characters_xml_cannot_hold_are_found_and_dropped() -> None:
    text = "甲\x0b乙\x00丙\ufffe丁\t戊\n"
    assert oxml.forbidden_characters(text) == ["\x0b", "\x00", "\ufffe"]
    assert oxml.xml_text(text) == "甲乙丙丁\t戊\n"


@given(st.text())
def test_cleaned_text_always_fits_in_an_element(text: str) -> None:
    element = etree.Element("t")
    element.text = oxml.xml_text(text)  # lxml raises ValueError on what XML cannot hold
    assert etree.fromstring(etree.tostring(element)).text in (element.text, None)


# ── 3. Fonts and language ─────────────────────────────────────────────────────────────────


def test_set_fonts_names_east_asian_font_and_drops_theme_fonts() -> None:
    rpr = xml(
        "<w:rPr><w:rFonts w:asciiTheme='minorHAnsi' w:eastAsiaTheme='minorEastAsia'/></w:rPr>"
    )
    fonts = oxml.set_fonts(rpr, latin="Times New Roman", east_asia="黑体")
    assert {k.split("}")[1]: v for k, v in fonts.attrib.items()} == {
        "ascii": "Times New Roman",
        "hAnsi": "Times New Roman",
        "cs": "Times New Roman",
        "eastAsia": "黑体",
        "hint": "eastAsia",
    }


def test_remove_theme_fonts_everywhere() -> None:
    styles = xml(
        "<w:styles><w:style><w:rPr><w:rFonts w:asciiTheme='majorHAnsi' w:cstheme='majorBidi'"
        " w:ascii='Arial'/></w:rPr></w:style></w:styles>"
    )
    assert oxml.remove_theme_fonts(styles) == 2
    fonts = styles.find(".//w:rFonts", NS)
    assert list(fonts.attrib.values()) == ["Arial"]


def test_language_and_theme_font_language_are_chinese() -> None:
    style = xml("<w:style/>")
    oxml.set_language(style, east_asia="zh-CN")
    lang = style.find("w:rPr/w:lang", NS)
    assert (attr(lang, "val"), attr(lang, "eastAsia")) == ("en-US", "zh-CN")
    settings = xml("<w:settings><w:themeFontLang w:val='en-US' w:eastAsia='ja-JP'/></w:settings>")
    oxml.set_theme_font_lang(settings, east_asia="zh-CN")
    assert attr(settings.find("w:themeFontLang", NS), "eastAsia") == "zh-CN"


def test_theme_font_language_lands_before_the_colour_mapping() -> None:
    settings = xml("<w:settings><w:rsids/><w:clrSchemeMapping/></w:settings>")
    oxml.set_theme_font_lang(settings, east_asia="zh-CN")
    assert tags(settings) == ["rsids", "themeFontLang", "clrSchemeMapping"]


def test_run_properties_for_a_field() -> None:
    rpr = oxml.run_properties(latin="宋体", east_asia="宋体")
    assert oxml.local_name(rpr) == "rPr"
    assert attr(rpr.find("w:rFonts", NS), "ascii") == "宋体"


def test_font_table_names_fonts_and_alternates() -> None:
    table = etree.fromstring(
        oxml.font_table([("Times New Roman", None, False), ("仿宋_GB2312", "仿宋", True)])
    )
    fonts = table.findall("w:font", NS)
    assert [attr(f, "name") for f in fonts] == ["Times New Roman", "仿宋_GB2312"]
    assert attr(fonts[1].find("w:altName", NS), "val") == "仿宋"
    assert attr(fonts[1].find("w:charset", NS), "val") == "86"
    assert fonts[0].find("w:altName", NS) is None


# ── 4. Run properties ─────────────────────────────────────────────────────────────────────


def test_character_spacing_condenses_and_zero_overrides_a_style() -> None:
    rpr = xml("<w:rPr><w:sz w:val='32'/></w:rPr>")
    oxml.set_character_spacing(rpr, -5)
    assert tags(rpr) == ["spacing", "sz"] and attr(rpr[0], "val") == "-5"
    oxml.set_character_spacing(rpr, 0)
    assert attr(rpr.find("w:spacing", NS), "val") == "0"


def test_size_sets_both_scripts_and_bold_comes_and_goes() -> None:
    rpr = xml("<w:rPr/>")
    oxml.set_size(rpr, 44)
    oxml.set_bold(rpr, True)
    assert tags(rpr) == ["b", "bCs", "sz", "szCs"]
    oxml.set_bold(rpr, False)
    assert tags(rpr) == ["sz", "szCs"]


# ── 5. Paragraph properties ───────────────────────────────────────────────────────────────


def test_paragraph_properties_in_order() -> None:
    ppr = xml("<w:pPr><w:jc w:val='both'/></w:pPr>")
    oxml.set_outline_level(ppr, 0)
    oxml.set_line_spacing(ppr, 579)
    oxml.set_overflow_punctuation(ppr, True)
    oxml.set_snap_to_grid(ppr, False)
    assert tags(ppr) == ["overflowPunct", "snapToGrid", "spacing", "jc", "outlineLvl"]
    spacing = ppr.find("w:spacing", NS)
    assert (attr(spacing, "line"), attr(spacing, "lineRule")) == ("579", "exact")
    assert attr(ppr.find("w:overflowPunct", NS), "val") == "1"


def test_paragraph_properties_of_a_style_go_before_its_run_properties() -> None:
    style = xml("<w:style><w:name w:val='x'/><w:rPr/></w:style>")
    oxml.set_outline_level(style, 1)
    assert tags(style) == ["name", "pPr", "rPr"]


# ── 6. Styles and defaults ────────────────────────────────────────────────────────────────


def test_doc_defaults_are_created_when_missing() -> None:
    styles = xml("<w:styles><w:style/></w:styles>")
    rpr, ppr = oxml.doc_defaults(styles)
    assert tags(styles) == ["docDefaults", "style"]
    assert tags(styles[0]) == ["rPrDefault", "pPrDefault"]
    assert oxml.local_name(rpr) == "rPr" and oxml.local_name(ppr) == "pPr"
    assert oxml.doc_defaults(styles) == (rpr, ppr)


def test_clear_formatting_keeps_the_name() -> None:
    style = xml(
        "<w:style><w:name w:val='Title'/><w:pPr><w:pBdr/></w:pPr>"
        "<w:rPr><w:color/></w:rPr></w:style>"
    )
    oxml.clear_formatting(style)
    assert tags(style) == ["name"]


# ── 7. Section ────────────────────────────────────────────────────────────────────────────


def test_doc_grid_records_the_pitch_without_snapping() -> None:
    sect = xml(
        "<w:sectPr><w:pgSz/><w:docGrid w:type='linesAndChars' w:charSpace='-100'/></w:sectPr>"
    )
    grid = oxml.set_doc_grid(sect, 579)
    assert {k.split("}")[1]: v for k, v in grid.attrib.items()} == {"linePitch": "579"}


# ── 8. Fields ─────────────────────────────────────────────────────────────────────────────


def test_page_field_is_a_complex_field_with_a_result() -> None:
    paragraph = xml("<w:p><w:r><w:t>— </w:t></w:r></w:p>")
    oxml.append_field(paragraph, "PAGE", "1", oxml.run_properties(latin="宋体", east_asia="宋体"))
    runs = paragraph.findall("w:r", NS)
    assert len(runs) == 6
    assert [attr(f, "fldCharType") for f in paragraph.iter(f"{{{W}}}fldChar")] == [
        "begin", "separate", "end"
    ]  # fmt: skip
    assert oxml.field_instructions(paragraph) == ["PAGE"]
    assert runs[4].find("w:t", NS).text == "1"
    assert all(r.find("w:rPr/w:rFonts", NS) is not None for r in runs[1:])


def test_simple_fields_are_listed_too() -> None:
    paragraph = xml("<w:p><w:fldSimple w:instr=' NUMPAGES '/></w:p>")
    assert oxml.field_instructions(paragraph) == ["NUMPAGES"]


# ── 9. Tables ─────────────────────────────────────────────────────────────────────────────


def test_grid_widths_go_to_the_grid_and_every_cell() -> None:
    tbl = xml("<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:p/></w:tc>"
              "<w:tc><w:p/></w:tc></w:tr></w:tbl>")  # fmt: skip
    oxml.set_grid_widths(tbl, [6000, 2844])
    assert [attr(c, "w") for c in tbl.iterfind("w:tblGrid/w:gridCol", NS)] == ["6000", "2844"]
    assert [attr(c, "w") for c in tbl.iterfind("w:tr/w:tc/w:tcPr/w:tcW", NS)] == ["6000", "2844"]
    assert tags(tbl.find("w:tr/w:tc", NS)) == ["tcPr", "p"]


def test_table_properties_in_order() -> None:
    tbl = xml("<w:tbl><w:tblPr><w:tblLook/></w:tblPr></w:tbl>")
    oxml.set_table_layout_fixed(tbl)
    oxml.set_table_width(tbl, 8844)
    oxml.set_table_style(tbl, "GongwenTable")
    oxml.set_table_borders(tbl.find("w:tblPr", NS))
    assert tags(tbl.find("w:tblPr", NS)) == [
        "tblStyle",
        "tblW",
        "tblBorders",
        "tblLayout",
        "tblLook",
    ]
    borders = tbl.find("w:tblPr/w:tblBorders", NS)
    assert tags(borders) == ["top", "left", "bottom", "right", "insideH", "insideV"]
    assert {attr(b, "val") for b in borders} == {"single"}


def test_header_row_repeats_and_does_not_split() -> None:
    row = xml("<w:tr><w:tc><w:p/></w:tc></w:tr>")
    oxml.set_repeat_header(row)
    assert tags(row) == ["trPr", "tc"]
    assert tags(row[0]) == ["cantSplit", "tblHeader"]


def test_table_style_properties() -> None:
    style = xml("<w:style><w:name w:val='t'/></w:style>")
    found = oxml.table_properties(style)
    assert oxml.table_properties(style) is found and tags(style) == ["name", "tblPr"]


# ── 10. Package ───────────────────────────────────────────────────────────────────────────


def test_core_dates_are_removed() -> None:
    core = etree.fromstring(
        b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        b'core-properties" xmlns:dcterms="http://purl.org/dc/terms/"><dcterms:created>2013'
        b"</dcterms:created><dcterms:modified>2013</dcterms:modified></cp:coreProperties>"
    )
    oxml.remove_core_dates(core)
    assert len(core) == 0


def test_reproducible_zip_ignores_when_it_was_made() -> None:
    def package(when: tuple[int, int, int, int, int, int]) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            z.writestr(zipfile.ZipInfo("a.xml", when), "<a/>")
        return out.getvalue()

    first, second = package((2023, 1, 5, 9, 0, 0)), package((2024, 2, 6, 10, 30, 0))
    assert first != second
    assert oxml.reproducible_zip(first) == oxml.reproducible_zip(second)
    with zipfile.ZipFile(io.BytesIO(oxml.reproducible_zip(first))) as z:
        assert z.read("a.xml") == b"<a/>"


# ── 12. Reading ───────────────────────────────────────────────────────────────────────────


def test_paragraph_and_style_properties_are_read_as_written() -> None:
    p = xml(
        "<w:p><w:pPr><w:outlineLvl w:val='0'/><w:numPr><w:ilvl w:val='1'/>"
        "<w:numId w:val='5'/></w:numPr><w:jc w:val='center'/></w:pPr>"
        "<w:r><w:t>一、总体情况</w:t></w:r></w:p>"
    )
    assert oxml.outline_level(p) == "0"
    assert oxml.alignment(p) == "center"
    assert oxml.numbering_reference(p) == ("5", "1")
    style = xml("<w:style><w:name w:val='Normal'/><w:pPr><w:jc w:val='both'/></w:pPr></w:style>")
    assert oxml.alignment(style) == "both"
    assert oxml.outline_level(style) is None
    assert oxml.numbering_reference(style) == (None, None)


def test_a_text_box_paragraph_does_not_lend_its_properties() -> None:
    p = xml(
        "<w:p><w:r><w:pict><w:txbxContent><w:p><w:pPr><w:outlineLvl w:val='0'/>"
        "<w:jc w:val='center'/></w:pPr></w:p></w:txbxContent></w:pict></w:r></w:p>"
    )
    assert (oxml.alignment(p), oxml.outline_level(p)) == (None, None)
    inner = p.find(".//w:txbxContent/w:p", NS)
    assert (oxml.alignment(inner), oxml.outline_level(inner)) == ("center", "0")


def test_list_levels_take_the_abstract_list_and_the_lists_overrides() -> None:
    numbering = xml(
        "<w:numbering>"
        "<w:abstractNum w:abstractNumId='7'>"
        "<w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='chineseCounting'/>"
        "<w:lvlText w:val='%1、'/></w:lvl>"
        "<w:lvl w:ilvl='1'><w:numFmt w:val='decimal'/><w:lvlText w:val='（%2）'/></w:lvl>"
        "</w:abstractNum>"
        "<w:num w:numId='1'><w:abstractNumId w:val='7'/></w:num>"
        "<w:num w:numId='2'><w:abstractNumId w:val='7'/>"
        "<w:lvlOverride w:ilvl='0'><w:startOverride w:val='3'/></w:lvlOverride>"
        "<w:lvlOverride w:ilvl='2'><w:lvl w:ilvl='2'><w:numFmt w:val='bullet'/></w:lvl>"
        "</w:lvlOverride></w:num>"
        "</w:numbering>"
    )
    lists = oxml.list_levels(numbering)
    assert lists["1"] == {
        0: oxml.ListLevel("chineseCounting", "%1、", 1),
        1: oxml.ListLevel("decimal", "（%2）", 1),
    }
    assert lists["2"][0] == oxml.ListLevel("chineseCounting", "%1、", 3)
    assert lists["2"][2] == oxml.ListLevel("bullet", "", 1)
    assert lists["1"][0].start == 1  # the override changed list 2's copy only


def test_visible_text_is_what_a_reader_sees() -> None:
    p = xml(
        "<w:p><w:pPr><w:rPr><w:t>no</w:t></w:rPr></w:pPr>"
        "<w:r><w:t>甲</w:t><w:tab/></w:r>"
        "<w:hyperlink><w:r><w:t>乙</w:t></w:r></w:hyperlink>"
        "<w:ins><w:r><w:t>丙</w:t></w:r></w:ins>"
        "<w:del><w:r><w:delText>删去</w:delText></w:r></w:del>"
        "<w:r><w:instrText> PAGE </w:instrText><w:t>1</w:t><w:br/></w:r>"
        "<w:r><w:t>丁</w:t><w:noBreakHyphen/><w:cr/></w:r>"
        "<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent>"
        "</w:pict></w:r></w:p>"
    )
    assert oxml.visible_text(p) == "甲\t乙丙1\n丁-\n"
    assert oxml.text_box_count(p) == 1
    assert oxml.text_box_count(xml("<w:p><w:r><w:t>正文</w:t></w:r></w:p>")) == 0

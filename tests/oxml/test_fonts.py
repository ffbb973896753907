"""reportgen.oxml.fonts on snippets."""

from __future__ import annotations

from lxml import etree

from reportgen.oxml import fonts

from .snippets import shown, xml


def test_set_fonts_names_east_asian_font_and_drops_theme_fonts() -> None:
    rpr = xml(
        "<w:rPr><w:b/><w:rFonts w:asciiTheme='minorHAnsi' w:eastAsiaTheme='minorEastAsia'/></w:rPr>"
    )
    fonts.set_fonts(rpr, latin="Times New Roman", east_asia="黑体")
    assert shown(rpr) == (
        '<w:rPr><w:b/><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
        'w:eastAsia="黑体" w:cs="Times New Roman" w:hint="eastAsia"/></w:rPr>'
    )


def test_run_properties_come_before_the_text() -> None:
    run = xml("<w:r><w:t>文字</w:t></w:r>")
    fonts.set_fonts(run, latin="Times New Roman", east_asia="仿宋_GB2312", hint_east_asia=False)
    assert shown(run) == (
        '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
        'w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/></w:rPr><w:t>文字</w:t></w:r>'
    )


def test_remove_theme_fonts_everywhere() -> None:
    styles = xml(
        "<w:styles><w:style><w:rPr><w:rFonts w:asciiTheme='majorHAnsi' w:cstheme='majorBidi'"
        " w:ascii='Arial'/></w:rPr></w:style></w:styles>"
    )
    assert fonts.remove_theme_fonts(styles) == 2
    assert shown(styles) == (
        '<w:styles><w:style><w:rPr><w:rFonts w:ascii="Arial"/></w:rPr></w:style></w:styles>'
    )


def test_language_goes_last_among_the_run_properties() -> None:
    style = xml("<w:style><w:name w:val='Normal'/><w:rPr><w:sz w:val='32'/></w:rPr></w:style>")
    fonts.set_language(style, east_asia="zh-CN")
    assert shown(style) == (
        '<w:style><w:name w:val="Normal"/><w:rPr><w:sz w:val="32"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:style>'
    )


def test_run_properties_for_a_field() -> None:
    assert shown(fonts.run_properties(latin="宋体", east_asia="宋体")) == (
        '<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体" w:cs="宋体" '
        'w:hint="eastAsia"/></w:rPr>'
    )


def test_font_table_names_fonts_and_alternates() -> None:
    data = fonts.font_table([("Times New Roman", None, False), ("仿宋_GB2312", "仿宋", True)])
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>")
    assert shown(etree.fromstring(data)) == (
        '<w:fonts><w:font w:name="Times New Roman"><w:charset w:val="00"/>'
        '<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
        '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>'
        '<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font></w:fonts>'
    )

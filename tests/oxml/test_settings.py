"""reportgen.oxml.settings on w:settings shaped like python-docx's template."""

from __future__ import annotations

from reportgen.oxml import settings

from .snippets import shown, tags, xml

# python-docx's default settings.xml, its children emptied: it ends with two w14 extensions.
TEMPLATE = (
    "<w:settings><w:proofState/><w:defaultTabStop w:val='720'/><w:characterSpacingControl/>"
    "<w:savePreviewPicture/><w:compat/><w:rsids/><m:mathPr/><w:themeFontLang/>"
    "<w:clrSchemeMapping/><w:doNotAutoCompressPictures/><w:shapeDefaults/><w:decimalSymbol/>"
    "<w:listSeparator/><w14:docId/><w14:defaultImageDpi/></w:settings>"
)


def test_settings_are_added_in_schema_order() -> None:
    root = xml(TEMPLATE)
    settings.get_or_add_setting(root, "trackRevisions")
    settings.get_or_add_setting(root, "evenAndOddHeaders")
    settings.get_or_add_setting(root, "zoom")
    assert tags(root) == [
        "w:zoom",
        "w:proofState",
        "w:trackRevisions",
        "w:defaultTabStop",
        "w:evenAndOddHeaders",
        "w:characterSpacingControl",
        "w:savePreviewPicture",
        "w:compat",
        "w:rsids",
        "m:mathPr",
        "w:themeFontLang",
        "w:clrSchemeMapping",
        "w:doNotAutoCompressPictures",
        "w:shapeDefaults",
        "w:decimalSymbol",
        "w:listSeparator",
        "w14:docId",
        "w14:defaultImageDpi",
    ]


def test_an_existing_setting_is_returned() -> None:
    root = xml(TEMPLATE)
    assert settings.get_or_add_setting(root, "defaultTabStop") is root[1]
    assert len(root) == 15


def test_theme_font_language_is_chinese() -> None:
    root = xml("<w:settings><w:themeFontLang w:val='en-US' w:eastAsia='ja-JP' w:bidi='ar-SA'/>"
               "</w:settings>")  # fmt: skip
    settings.set_theme_font_lang(root, east_asia="zh-CN")
    assert (
        shown(root)
        == '<w:settings><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>'
    )


def test_theme_font_language_lands_before_the_colour_mapping() -> None:
    root = xml("<w:settings><w:rsids/><w:clrSchemeMapping/><w14:docId/></w:settings>")
    settings.set_theme_font_lang(root, east_asia="zh-CN")
    assert shown(root) == (
        '<w:settings><w:rsids/><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        "<w:clrSchemeMapping/><w14:docId/></w:settings>"
    )

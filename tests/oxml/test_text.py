"""reportgen.oxml.text: the characters XML 1.0 cannot hold."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from reportgen.oxml import text


def test_characters_xml_cannot_hold_are_found_and_dropped() -> None:
    value = "甲\x0b乙\x00丙\ufffe丁\t戊\n\ud800"
    assert text.forbidden_characters(value) == ["\x0b", "\x00", "\ufffe", "\ud800"]
    assert text.xml_text(value) == "甲乙丙丁\t戊\n"


@given(st.text())
def test_cleaned_text_always_fits_in_an_element(value: str) -> None:
    element = etree.Element("t")
    element.text = text.xml_text(value)  # lxml raises ValueError on what XML cannot hold
    assert etree.fromstring(etree.tostring(element)).text in (element.text, None)

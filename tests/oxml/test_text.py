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


# Every character XML 1.0 refuses, written out: what the module's one character class says.
REFUSED = [*map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])]
REFUSED += [*map(chr, range(0xD800, 0xE000)), "\ufffe", "\uffff"]


def test_every_refused_character_is_found_alone_and_among_chinese() -> None:
    for char in REFUSED:
        assert text.forbidden_characters(char) == [char]
        assert text.xml_text(f"甲{char}乙") == "甲乙"


def test_the_neighbours_of_refused_characters_are_kept() -> None:
    kept = "\t\n\r \x7f\x80\x9f\ud7ff\ue000\ufffd\U0001f600\U00010000"
    assert text.forbidden_characters(kept) == []
    assert text.xml_text(kept) == kept


def test_a_lone_surrogate_is_found_where_it_stands_among_controls() -> None:
    value = "\udc00甲\x01\ud83d乙\uffff"
    assert text.forbidden_characters(value) == ["\udc00", "\x01", "\ud83d", "\uffff"]
    assert text.xml_text(value) == "甲乙"


@given(st.text(alphabet=st.characters(exclude_categories=())))
def test_found_and_dropped_are_what_the_character_class_says(value: str) -> None:
    refused = set(REFUSED)
    assert text.forbidden_characters(value) == [c for c in value if c in refused]
    assert text.xml_text(value) == "".join(c for c in value if c not in refused)

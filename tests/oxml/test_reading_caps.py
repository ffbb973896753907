"""Counts read from a hostile .docx are capped (issue 16): numbers, paragraphs, spans."""

from __future__ import annotations

import io

import pytest

from reportgen.oxml import numbering, reading

from .snippets import W, xml


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", 3),
        ("32767", 32767),
        ("2000000000", 32767),  # Word's own maximum list start
        ("9" * 5000, 32767),  # past Python's int limit: capped, no ValueError
        ("²", 1),  # str.isdigit() is true, int() raises
        ("x", 1),
        ("-1", 1),
        ("", 1),
        (None, 1),
        ("٣", 1),  # an Arabic-Indic three
    ],
)
def test_a_number_is_ascii_digits_and_capped(text: str | None, expected: int) -> None:
    assert reading.number(text, 1, reading.MAX_LIST_START) == expected


def test_paragraphs_are_counted_by_streaming_and_the_count_stops_past_the_limit() -> None:
    body = f'<w:document xmlns:w="{W}"><w:body>' + "<w:p/>" * 50 + "</w:body></w:document>"
    assert reading.count_paragraphs(io.BytesIO(body.encode()), 100) == 50
    assert reading.count_paragraphs(io.BytesIO(body.encode()), 10) == 11


def test_a_span_of_300_million_columns_is_one_cell() -> None:
    table = xml(
        "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val='300000000'/></w:tcPr>"
        "<w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p><w:p/></w:tc></w:tr></w:tbl>"
    )
    rows = reading.table_rows(table)
    assert [[len(cell) for cell in row] for row in rows] == [[1, 2]]
    assert reading.visible_text(rows[0][0][0]) == "甲"


def test_list_levels_and_starts_from_hostile_numbering_are_clamped() -> None:
    part = xml(
        "<w:numbering><w:abstractNum w:abstractNumId='1'>"
        "<w:lvl w:ilvl='x'><w:start w:val='2000000000'/><w:numFmt w:val='upperLetter'/>"
        "<w:lvlText w:val='%1.'/></w:lvl>"
        "<w:lvl w:ilvl='²'><w:start w:val='²'/></w:lvl>"
        "<w:lvl w:ilvl='99'><w:start w:val='5'/></w:lvl></w:abstractNum>"
        "<w:num w:numId='5'><w:abstractNumId w:val='1'/>"
        "<w:lvlOverride w:ilvl='3'><w:startOverride w:val='99999999999999'/></w:lvlOverride>"
        "</w:num></w:numbering>"
    )
    levels = numbering.list_levels(part)["5"]
    assert sorted(levels) == [0, 3]  # "x", "²" and 99 are no level 1-8: all read as level 0
    assert levels[3].start == reading.MAX_LIST_START
    assert all(level.start <= reading.MAX_LIST_START for level in levels.values())

"""Line and page breaking of the preview, on hand-measured text: 16 pt characters condensed
by 0.25 pt are 15.75 pt, so the 442.2 pt line holds 28 of them (28 × 15.75 = 441)."""

from __future__ import annotations

import pytest

from reportgen.compose.document import Block, Composed, Span
from reportgen.render.pagelayout import break_lines, char_width, paginate
from reportgen.settings import load_settings

LAYOUT = load_settings(None).layout
WIDTH = LAYOUT.page.text_width_pt  # 442.2 pt


def lines(text: str, indent: float = 0.0) -> list[str]:
    broken = break_lines([Span(text)], 0, WIDTH, indent, 16, -0.25)
    return ["".join(c for c, _ in chars) for chars, _ in broken]


def test_widths_of_chinese_figures_and_letters() -> None:
    assert char_width("国", 16, -0.25) == 15.75
    assert char_width("，", 16, -0.25) == 15.75
    assert char_width("7", 16, -0.25) == 7.75  # Times New Roman figures are half an em
    assert char_width("M", 16, -0.25) == 16 * 0.889 - 0.25


def test_twenty_eight_characters_a_line() -> None:
    text = "甲" * 60
    assert [len(line) for line in lines(text)] == [28, 28, 4]
    # The first line indented two characters holds 26.
    assert [len(line) for line in lines(text, 31.5)] == [26, 28, 6]


def test_a_closing_mark_never_starts_a_line_and_does_not_hang() -> None:
    # 28 characters then a comma: the comma takes the 28th character with it.
    out = lines("甲" * 28 + "，乙")
    assert out == ["甲" * 27, "甲，乙"]


def test_an_opening_mark_never_ends_a_line() -> None:
    out = lines("甲" * 27 + "“乙”")
    assert out == ["甲" * 27, "“乙”"]


def test_figures_stay_together_and_autospace_widens_them() -> None:
    # 25 characters (393.75 pt) + "2022" (31 pt) + a quarter em each side (8 pt) = 432.75:
    # fits; one more character (448.5) does not.
    out = lines("甲" * 25 + "2022" + "乙丙")
    assert out == ["甲" * 25 + "2022", "乙丙"]
    out = lines("甲" * 26 + "2022乙")
    assert out == ["甲" * 26, "2022乙"]


def test_no_break_between_a_closing_mark_and_a_figure() -> None:
    out = lines("甲" * 26 + "区、32个")
    assert out == ["甲" * 26, "区、32个"]


def test_a_heading_keeps_with_the_paragraph_after_it() -> None:
    body = Block("paragraph", (Span("甲" * 20),))
    heading = Block("heading", (Span("一、", "number"), Span("标题", "heading")), 1)
    # Title (1 line + 1 blank) and 19 one-line paragraphs fill 21 rows: the heading would
    # be the last line of page 1, so it moves to page 2 with its paragraph.
    blocks = [Block("title", (Span("题"),)), *[body] * 19, heading, body]
    pages = paginate(Composed("题", blocks), LAYOUT)
    assert [p.tops[0] for p in pages.placed[-3:]] == [(1, 20 * 28.95), (2, 0), (2, 28.95)]
    assert pages.count == 2


def test_long_paragraphs_run_on_to_the_next_page() -> None:
    blocks = [Block("paragraph", (Span("甲" * (26 + 28 * 24)),))]  # 25 lines
    pages = paginate(Composed("", blocks), LAYOUT)
    tops = pages.placed[0].tops
    assert tops[21] == (1, pytest.approx(21 * 28.95)) and tops[22] == (2, 0)
    assert tops[-1] == (2, pytest.approx(2 * 28.95))

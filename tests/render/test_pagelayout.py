"""Line and page breaking of the preview, on hand-measured text: 16 pt characters condensed
by 0.25 pt are 15.75 pt, so the 442.2 pt line holds 28 of them (28 × 15.75 = 441)."""

from __future__ import annotations

import pytest

from reportgen.compose.document import Block, Composed, MetricRow, Span
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


def _table(*rows: tuple[str, ...]) -> Block:
    text = "\n".join("｜".join(r) for r in rows)
    return Block("table", (Span(text),), rows=rows)


def test_a_table_runs_onto_the_next_page_under_its_repeated_header() -> None:
    # 20 lines (579 pt), then the table: top border 1.5, header 20.25 + rule 0.75, rows of
    # 20.1. The first row ends at 621.6; the second would end at 641.7, past the 637.8 pt
    # text block: it opens page 2 under the top border and the header again (whose rule
    # takes no room there), and the paragraph after the table follows its bottom border.
    body = Block("paragraph", (Span("甲" * 20),))
    table = _table(("项目", "数量"), ("甲", "一"), ("乙", "二"), ("丙", "三"))
    pages = paginate(Composed("", [*[body] * 20, table, body]), LAYOUT)
    laid = pages.placed[20]
    texts = ["项目", "数量", "甲", "一", "项目", "数量", "乙", "二", "丙", "三"]
    assert [line.text for line in laid.lines] == texts
    rows = [(1, 580.5), (1, 601.5), (2, 1.5), (2, 21.75), (2, 41.85)]  # a row's two cells
    assert laid.tops == [(p, pytest.approx(t)) for p, t in rows for _ in range(2)]
    rules = [(r.page, r.top_pt, r.height_pt) for r in laid.rules]
    # top border, header rule, and again on page 2; the bottom border under the last row
    expected = [(1, 579.0, 1.5), (1, 600.75, 0.75), (2, 0.0, 1.5), (2, 21.75, 0.75)]
    expected.append((2, 61.95, 1.5))
    assert rules == [(p, pytest.approx(t), h) for p, t, h in expected]
    assert pages.placed[21].tops == [(2, pytest.approx(63.45))]
    assert pages.count == 2


def test_a_row_of_several_lines_at_the_foot_of_a_page_is_split_between_its_lines() -> None:
    # 19 lines (550.05 pt); top border to 551.55, header to 571.8, rule to 572.55, the first
    # row to 592.65. The second row's cell holds 40 characters: 15 a line in a column of
    # 210.3 pt, so 3 lines of 20.1 pt; two fit (to 632.85), the third goes to page 2 under
    # the repeated header (21.75), then the bottom border (to 63.45 − 20.1 = 43.35).
    body = Block("paragraph", (Span("甲" * 20),))
    table = _table(("项目", "说明"), ("甲", "一"), ("乙", "丙" * 40))
    pages = paginate(Composed("", [*[body] * 19, table, body]), LAYOUT)
    laid = pages.placed[19]
    texts = ["项目", "说明", "甲", "一", "乙", "丙" * 15, "丙" * 15, "项目", "说明", "丙" * 10]
    assert [line.text for line in laid.lines] == texts
    tops = [(1, 551.55)] * 2 + [(1, 572.55)] * 2 + [(1, 592.65), (1, 592.65), (1, 612.75)]
    tops += [(2, 1.5)] * 2 + [(2, 21.75)]
    assert laid.tops == [(p, pytest.approx(t)) for p, t in tops]
    assert pages.placed[20].tops == [(2, pytest.approx(43.35))]


def test_a_table_starts_where_its_header_and_one_line_of_its_first_row_fit() -> None:
    # 20 lines (579 pt); top border to 580.5, header to 600.75, rule to 601.5; the first row's
    # three lines need to 661.8, one fits (621.6). On page 2 the rule under the repeated header
    # takes its room (to 22.5) above the rest of the first row; the next row follows at 62.7.
    body = Block("paragraph", (Span("甲" * 20),))
    table = _table(("项目", "说明"), ("乙", "丙" * 40), ("丁", "戊"))
    pages = paginate(Composed("", [*[body] * 20, table]), LAYOUT)
    laid = pages.placed[20]
    texts = ["项目", "说明", "乙", "丙" * 15, "项目", "说明", "丙" * 15, "丙" * 10, "丁", "戊"]
    assert [line.text for line in laid.lines] == texts
    tops = [(1, 580.5)] * 2 + [(1, 601.5)] * 2 + [(2, 1.5)] * 2 + [(2, 22.5), (2, 42.6)]
    tops += [(2, 62.7)] * 2
    assert laid.tops == [(p, pytest.approx(t)) for p, t in tops]


def test_a_table_whose_header_and_first_row_do_not_fit_starts_the_next_page() -> None:
    # 21 lines (607.95 pt) + 1.5 + 20.25 + 0.75 + 20.1 = 650.55 > 637.8.
    body = Block("paragraph", (Span("甲" * 20),))
    pages = paginate(Composed("", [*[body] * 21, _table(("项目",), ("甲",))]), LAYOUT)
    assert pages.placed[21].tops == [(2, 1.5), (2, 22.5)]


METRICS = [MetricRow("规上工业总产值", "1-12月", "54600", "万元", "+6.1%")]


def test_the_key_figures_table_follows_on_a_page_of_its_own() -> None:
    layout = LAYOUT.model_copy(update={"metrics_table": True})
    composed = Composed("题", [Block("paragraph", (Span("甲"),))], METRICS)
    pages = paginate(composed, layout)
    label, title, table = pages.placed[1:]
    assert pages.count == 2
    # 附表 in 黑体 at the top of page 2, the title on the next line, a blank line under it.
    assert [label.lines[0].text, label.lines[0].pieces[0].role] == ["附表", "label"]
    assert label.tops == [(2, 0.0)]
    assert [title.lines[0].text, title.lines[0].align] == ["主要指标", "center"]
    assert title.tops == [(2, 28.95)]
    # The table at line 3 (86.85 pt) in 0.5 pt lines: over the header (20.25), between the
    # rows, under the last (20.1); the columns' lines from top to bottom (41.85 pt).
    cells = ["指标", "时期", "数值", "单位", "同比"]
    cells += ["规上工业总产值", "1-12月", "54600", "万元", "+6.1%"]
    assert [line.text for line in table.lines] == cells
    assert [t for _, t in table.tops] == pytest.approx([87.35] * 5 + [108.1] * 5)
    across = [r for r in table.rules if r.width_pt > 1]
    assert [r.top_pt for r in across] == pytest.approx([86.85, 107.6, 128.2])
    assert {r.height_pt for r in across} == {0.5}
    down = [r for r in table.rules if r.width_pt <= 1]
    edges = [-5.4, 145.05, 206.95, 286.5, 339.55, 436.8]
    assert [r.left_pt + 0.25 for r in down] == pytest.approx(edges)
    assert [(r.top_pt, r.height_pt) for r in down] == [(86.85, pytest.approx(41.85))] * 6


def test_no_key_figures_page_unless_the_layout_asks_for_it() -> None:
    pages = paginate(Composed("题", [Block("paragraph", (Span("甲"),))], METRICS), LAYOUT)
    assert pages.count == 1 and len(pages.placed) == 1

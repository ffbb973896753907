"""Tables on the preview's page: column edges, cell lines and row heights, against values
worked out by hand from the .docx's widths and measured in LibreOffice's PDF."""

from __future__ import annotations

import pytest

from reportgen.render.docx import TABLE_COLUMN_SHARES, column_twips
from reportgen.render.pagetable import (
    column_edges,
    lay_table,
    line_height,
    three_line_borders,
)
from reportgen.settings import load_settings

LAYOUT = load_settings(None).layout  # text block 442.2 pt = 8844 twips; tables at 14 pt


def test_column_widths_are_the_docx_shares_rounded_down_the_first_taking_the_rest() -> None:
    # 0.34 × 8844 = 3006.96 → 3006 (+3 left over), 1238.16, 1591.92, 1061.28, 1945.68.
    assert column_twips(8844, TABLE_COLUMN_SHARES) == [3009, 1238, 1591, 1061, 1945]


def test_columns_start_a_cell_margin_left_of_the_text_block() -> None:
    edges = column_edges(LAYOUT, TABLE_COLUMN_SHARES)
    assert edges == pytest.approx((-5.4, 145.05, 206.95, 286.5, 339.55, 436.8))


def test_line_heights_are_the_fonts_in_whole_twips() -> None:
    assert line_height("收入", 14, "仿宋_GB2312") == 20.1  # 1.437 em = 20.118 pt → 402 twips
    assert line_height("指标", 14, "黑体") == 20.25  # 1.448 em = 20.272 pt → 405 twips
    assert line_height("4.18%", 14, "仿宋_GB2312") == 16.1  # Latin only: 1.149 em → 322 twips
    assert line_height("", 14, "黑体") == 16.1  # an empty cell is as high as a Latin line


def test_a_long_cell_wraps_in_its_column_and_makes_its_row_taller() -> None:
    # Four columns of 2211 twips (110.55 pt): 99.75 pt inside the margins, 7 characters of
    # 14 pt; LibreOffice breaks this cell after 限上消费品零售 too.
    rows = [["限上消费品零售总额", "1.8亿元", "", ""]]
    table = lay_table(["指标", "目标", "完成", "增幅"], rows, [0.25] * 4, ["left", *["center"] * 3],
                      LAYOUT, three_line_borders())  # fmt: skip
    header, body = table.rows
    assert header.header and not body.header
    assert [line.text for line in body.cells[0]] == ["限上消费品零售", "总额"]
    assert body.height_pt == pytest.approx(2 * 20.1)
    assert header.height_pt == 20.25
    assert [line.left_pt for cell in body.cells for line in cell] == pytest.approx([0, 0, 110.55])
    assert [line.align for line in header.cells[0] + body.cells[0]] == ["center", "left", "left"]
    assert table.borders.top == 1.5 and table.borders.header == 0.75
    assert table.borders.between == 0 and table.borders.columns == 0

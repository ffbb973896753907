"""Every composed span knows where its text was written: YAML path, and for each character
its line and column (hand-counted below), through filling, normalising and line joining."""

from __future__ import annotations

from reportgen.compose.document import ADDED, compose
from reportgen.model.loader import load_yaml_text
from reportgen.model.report import Report
from reportgen.model.sourcemap import locate
from reportgen.model.validate import validate_loaded

SECTIONS = {"highlights": "{year}年亮点工作", "shortcomings": "存在问题", "priorities": "重点"}

YAML = """\
organisation: 某街道
year: 2022
metrics:
  - id: output
    label: 产值
    value: 4720
    unit: 万元
highlights:
  - id: economy
    heading: 经济运行稳中有进
    points:
      - lead: 稳进提质
        text: |
          实现产值{{output}},
          同比增长。
      - 第二点,完成。
"""


def composed():
    loaded = load_yaml_text(YAML, "2022.yaml")
    review = validate_loaded(loaded, "review")
    return loaded, compose(Report(review=review), SECTIONS)


def test_item_block_knows_its_item() -> None:
    _, doc = composed()
    block = next(b for b in doc.blocks if b.item is not None)
    item = block.item
    assert (item.section, item.index, item.id, item.document) == (
        "highlights",
        1,
        "economy",
        "review",
    )
    assert item.heading == "经济运行稳中有进"  # the 。 compose adds is not the heading's
    assert item.points == ("稳进提质，实现产值4720万元，同比增长。", "第二点，完成。")
    assert item.section_title == "2022年亮点工作"
    assert block.section == "highlights"
    assert next(b for b in doc.blocks if b.kind == "heading").section == "highlights"


def test_spans_map_back_to_line_and_column() -> None:
    loaded, doc = composed()
    block = next(b for b in doc.blocks if b.item is not None)
    spans = {s.text: s for s in block.spans}
    heading = spans["经济运行稳中有进。"]
    assert heading.origin.path == ("highlights", 0, "heading")
    assert heading.origin.offsets[-1] == ADDED
    # 稳 of 经济运行稳中有进 is its 5th character: line 10, column 14 + 4.
    at = locate(loaded, heading.origin.path, heading.origin.offset(4))
    assert (at.file, at.line, at.column) == ("2022.yaml", 10, 18)
    rest = spans["，实现产值4720万元，同比增长。"]
    assert rest.origin.path == ("highlights", 0, "points", 0, "text")
    assert rest.origin.offsets[0] == ADDED  # the comma after the lead is compose's
    # 4 of 4720 was filled from {{output}}, which starts line 14 at column 15.
    at = locate(loaded, rest.origin.path, rest.origin.offset(rest.text.index("4")))
    assert (at.line, at.column) == (14, 15)
    # the comma made full-width after }} is the half-width one at line 14, column 25
    at = locate(loaded, rest.origin.path, rest.origin.offset(rest.text.index("，", 1)))
    assert (at.line, at.column) == (14, 25)
    # 同 begins the wrapped second line: line 15, column 11
    at = locate(loaded, rest.origin.path, rest.origin.offset(rest.text.index("同")))
    assert (at.line, at.column) == (15, 11)
    bare = spans["第二点，完成。"]
    at = locate(loaded, bare.origin.path, bare.origin.offset(3))  # a bare-string point
    assert (at.line, at.column) == (16, 12)

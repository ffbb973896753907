"""A table of figures inside an item (issue 12): after the item's text, in every output —
a three-line table in Word, a pipe table in Markdown, a <table> in HTML, one row a line in
plain text with its cells joined by ｜ (the importer's own way of keeping a table as text)."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from ooxml import validate_docx
from reportgen.compose.document import compose_documents
from reportgen.model.report import Highlight, Point, Review
from reportgen.render import render_text
from reportgen.render.docx import render_docx
from reportgen.settings import load_settings

SHIPPED = load_settings(None)
SECTIONS = {"highlights": "{year}年工作", "shortcomings": "问题", "priorities": "{year}年打算"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def review(*rows: list[str]) -> Review:
    table = [list(r) for r in rows] or [["指标", "完成", "增长"], ["税收|收入", "4.18亿元", "6.3%"]]
    return Review(
        organisation="某街道",
        year=2022,
        highlights=[
            Highlight(heading="指标增长", points=[Point(text="完成情况见下表：")], tables=[table]),
            Highlight(heading="项目推进", points=[Point(text="主体封顶。")]),
        ],
    )


def test_plain_text_puts_each_row_on_its_line_after_the_item() -> None:
    out = render_text(compose_documents(review(), None, SECTIONS), "txt", SHIPPED.templates)
    lines = out.decode().splitlines()
    at = lines.index("（一）指标增长。完成情况见下表：")
    assert lines[at + 1 : at + 4] == [
        "指标｜完成｜增长",
        "税收|收入｜4.18亿元｜6.3%",
        "（二）项目推进。主体封顶。",
    ]


def test_markdown_is_a_pipe_table_with_bars_and_html_escaped() -> None:
    doc = review(["指标", "<b>完成</b>"], ["税收|收入", "4.18亿元"])
    out = render_text(compose_documents(doc, None, SECTIONS), "md", SHIPPED.templates).decode()
    assert "| 指标 | &lt;b&gt;完成&lt;/b&gt; |\n| --- | --- |\n| 税收\\|收入 | 4.18亿元 |\n" in out
    assert out.index("完成情况见下表") < out.index("| 指标 |") < out.index("项目推进")
    assert "| 4.18亿元 |\n\n**（二）项目推进。**" in out  # one blank line, as between paragraphs


def test_html_is_a_table_with_a_header_row_escaped() -> None:
    doc = review(["指标", "<b>完成</b>"], ["收入", "4.18亿元"])
    out = render_text(compose_documents(doc, None, SECTIONS), "html", SHIPPED.templates).decode()
    assert (
        "<table>\n<tr><th>指标</th><th>&lt;b&gt;完成&lt;/b&gt;</th></tr>\n"
        "<tr><td>收入</td><td>4.18亿元</td></tr>\n</table>" in out
    )


@pytest.fixture(scope="module")
def package() -> bytes:
    doc = review(["指标", "完成", "增长"], ["收入", "4.18亿元"])  # a short row: filled
    return render_docx(compose_documents(doc, None, SECTIONS), SHIPPED.layout)


def test_word_writes_a_valid_three_line_table_after_the_item(package: bytes) -> None:
    assert validate_docx(package) == []
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{W}body")
    children = [c for c in body if c.tag in (f"{W}p", f"{W}tbl")]
    texts = ["".join(c.itertext()) for c in children]
    at = next(i for i, t in enumerate(texts) if t.startswith("（一）指标增长"))
    table = children[at + 1]
    assert table.tag == f"{W}tbl"
    rows = [["".join(tc.itertext()) for tc in tr.iter(f"{W}tc")] for tr in table.iter(f"{W}tr")]
    assert rows == [["指标", "完成", "增长"], ["收入", "4.18亿元", ""]]
    assert texts[at + 2].startswith("（二）项目推进")
    borders = table.find(f"{W}tblPr/{W}tblBorders")
    assert borders is not None and borders.find(f"{W}top") is not None


def test_the_preview_draws_the_three_line_table_in_cells_under_the_item() -> None:
    from reportgen.render.pagelayout import paginate

    doc = review(["指标", "完成"], ["收入", "4.18亿元"])
    pages = paginate(compose_documents(doc, None, SECTIONS), SHIPPED.layout)
    table = next(p for p in pages.placed if p.block.kind == "table")
    # Two columns of 4422 twips (221.1 pt) from 5.4 pt left of the text block; each cell's
    # text 5.4 pt in; the header centred, the first column left, the others centred.
    assert [(line.text, line.left_pt, line.width_pt, line.align) for line in table.lines] == [
        ("指标", 0.0, pytest.approx(210.3), "center"),
        ("完成", pytest.approx(221.1), pytest.approx(210.3), "center"),
        ("收入", 0.0, pytest.approx(210.3), "left"),
        ("4.18亿元", pytest.approx(221.1), pytest.approx(210.3), "center"),
    ]
    # Title, blank line, 一、, （一）: the table's top border at line 4 (115.8 pt), 1.5 pt
    # thick; the header row (黑体 14 pt: 20.25 pt) and its 0.75 pt rule; then the body row.
    header, body = 115.8 + 1.5, 115.8 + 1.5 + 20.25 + 0.75
    assert table.tops == [(1, pytest.approx(t)) for t in (header, header, body, body)]
    rules = [x for r in table.rules for x in (r.top_pt, r.height_pt)]
    assert rules == pytest.approx([115.8, 1.5, header + 20.25, 0.75, body + 20.1, 1.5])

"""The Word output read back as XML: page, grid, fonts, language, footers, 落款, 附表.

What LibreOffice makes of the same file is proven in tests/test_pdf.py; these tests pin the
XML that gets it there, and a golden copy of the normalised parts (tests/golden/docx/) shows
every change to it in review. Regenerate the golden files on purpose with
``REPORTGEN_UPDATE_GOLDEN=1 pytest tests/render/test_docx.py`` and read the diff.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from reportgen.compose.document import Block, Composed, Span, compose_documents
from reportgen.model.report import (
    Highlight,
    Metric,
    Plan,
    Point,
    Priority,
    Review,
    Shortcoming,
    Signature,
)
from reportgen.render.docx import DroppedCharacters, render_docx, text_width, title_lines
from reportgen.settings import load_settings
from reportgen.settings.layout import Layout, load_layout
from reportgen.settings.templating import Templates

SHIPPED = load_settings(None)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "docx"
SECTIONS = {
    "highlights": "{year}年亮点工作",
    "shortcomings": "存在问题及短板",
    "priorities": "{year}年重点工作",
}
MM = 56.7  # twips


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def sample() -> Composed:
    """Every kind of block: opening, three levels, run-in and list items, quotes and dashes,
    figures, attachments, a signature, and metrics."""
    review = Review(
        organisation="*街道",
        year=2022,
        opening="2022年来，*街道坚定扛起“后拆迁时代”区域更新发展的使命担当——真抓实干、"
        "务实求变……现将主要工作汇报如下。",
        metrics=[
            Metric(
                id="output",
                label="规上工业总产值",
                value=4720,
                unit="万元",
                change=7.8,
                period="1-9月",
            ),
            Metric(id="invest", label="固定资产投资", value=12.43, unit="亿元", previous=10),
        ],
        highlights=[
            Highlight(
                heading="社会发展开拓新局面",
                points=[
                    Point(text="慎终如始筑牢疫情防线，完善平战结合防控机制。"),
                    Point(
                        lead="稳进提质统筹经济指标",
                        text="实现{{output}}，同比增长{{output.change}}；固定资产投资{{invest}}。",
                    ),
                ],
            ),
            Highlight(
                heading="拆征安置取得新突破",
                layout="list",
                points=[
                    Point(lead="护航重点项目建设", text="确保九大项目顺利进场完工。"),
                    Point(text="完成吕家岸、罗西2389户安置认购。"),
                ],
            ),
        ],
        shortcomings=[Shortcoming(heading="招商引资短板明显", points=[Point(text="空间不足。")])],
        attachments=["2022年主要指标完成情况", "2023年重点项目清单"],
        signature=Signature(name="温州市瓯海区*街道办事处", date=dt.date(2023, 1, 5)),
    )
    plan = Plan(
        organisation="*街道",
        year=2023,
        priorities=[
            Priority(heading="全面强化项目为王这一支撑", points=[Point(text="加快结算。")]),
        ],
    )
    return compose_documents(review, plan, SECTIONS)


def layout_with(**changes: object) -> Layout:
    """The shipped layout with some values replaced, e.g. ``bold_leads=True``."""
    return SHIPPED.layout.model_copy(update=changes)


def parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {
            name: etree.fromstring(package.read(name))
            for name in package.namelist()
            if name.endswith(".xml") and name.startswith(("word/", "docProps/"))
        }


@pytest.fixture(scope="module")
def package() -> bytes:
    return render_docx(sample(), layout_with(metrics_table=True))


@pytest.fixture(scope="module")
def built(package: bytes) -> dict[str, etree._Element]:
    return parts(package)


@pytest.fixture(scope="module")
def document(built: dict[str, etree._Element]) -> etree._Element:
    return built["word/document.xml"]


@pytest.fixture(scope="module")
def styles(built: dict[str, etree._Element]) -> etree._Element:
    return built["word/styles.xml"]


def style(styles: etree._Element, style_id: str) -> etree._Element:
    found = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
    assert found is not None, style_id
    return found


def paragraphs(document: etree._Element) -> list[etree._Element]:
    return document.findall(".//w:body/w:p", NS)


def text_of(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(w("t")))


def paragraph_starting(document: etree._Element, start: str) -> etree._Element:
    return next(p for p in paragraphs(document) if text_of(p).startswith(start))


def runs_of(paragraph: etree._Element) -> list[tuple[str, str, bool]]:
    """(text, East Asian font, bold) of each run."""
    out = []
    for run in paragraph.findall("w:r", NS):
        fonts = run.find("w:rPr/w:rFonts", NS)
        bold = run.find("w:rPr/w:b", NS) is not None
        out.append((text_of(run), fonts.get(w("eastAsia")) if fonts is not None else "", bold))
    return [r for r in out if r[0]]


def val(element: etree._Element | None, attribute: str = "val") -> str | None:
    return None if element is None else element.get(w(attribute))


# ── Page ──────────────────────────────────────────────────────────────────────────────────


def test_a4_with_the_standard_margins_within_a_millimetre(document: etree._Element) -> None:
    sect = document.find(".//w:body/w:sectPr", NS)
    size, margins = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    expected = {"w": 210, "h": 297}
    for name, mm in expected.items():
        assert abs(int(val(size, name)) - mm * MM) <= MM, name
    for name, mm in {"top": 37, "bottom": 35, "left": 28, "right": 26}.items():
        assert abs(int(val(margins, name)) - mm * MM) <= MM, name


def test_number_line_sits_seven_millimetres_under_the_text_block(document: etree._Element) -> None:
    margins = document.find(".//w:body/w:sectPr/w:pgMar", NS)
    line_mm = 14 / 72 * 25.4  # the footer's one exact line of 四号
    footer_mm = int(val(margins, "footer")) / MM
    assert abs((35 - footer_mm - line_mm) - 7) < 0.2


def test_body_lines_are_exact_28_95_pt_without_widow_control(styles: etree._Element) -> None:
    normal = style(styles, "Normal")
    spacing = normal.find("w:pPr/w:spacing", NS)
    assert (val(spacing, "line"), val(spacing, "lineRule")) == ("579", "exact")
    assert val(normal.find("w:pPr/w:widowControl", NS)) == "0"
    assert val(normal.find("w:rPr/w:spacing", NS)) == "-5"  # 28 characters in 156 mm
    assert val(normal.find("w:pPr/w:ind", NS), "firstLine") == "630"  # two condensed characters
    assert val(normal.find("w:pPr/w:jc", NS)) == "both"
    for heading in ("Title", "Heading1", "Heading2"):
        assert val(style(styles, heading).find("w:pPr/w:spacing", NS), "line") == "579"


def test_22_lines_and_28_characters_fit_the_text_block() -> None:
    layout = SHIPPED.layout
    assert int(layout.page.text_height_pt // layout.grid.line_spacing_pt) == 22
    assert int(layout.page.text_width_pt // layout.char_width_pt) == 28


# ── Fonts and language ────────────────────────────────────────────────────────────────────


def test_every_run_with_chinese_text_names_its_east_asian_font(
    built: dict[str, etree._Element],
) -> None:
    checked = 0
    for name, root in built.items():
        for run in root.iter(w("r")):
            text = text_of(run)
            if any(text_width(c) == 1 for c in text):
                fonts = run.find("w:rPr/w:rFonts", NS)
                assert val(fonts, "eastAsia"), (name, text)
                assert val(fonts, "hint") == "eastAsia", (name, text)  # “” — … in the CJK font
                checked += 1
    assert checked > 20


def test_no_theme_font_can_override_a_named_one(built: dict[str, etree._Element]) -> None:
    for name, root in built.items():
        for fonts in root.iter(w("rFonts")):
            themed = [a for a in fonts.attrib if "Theme" in a or "theme" in a]
            assert not themed, (name, themed)


def test_styles_and_defaults_carry_fonts_size_and_chinese_language(
    styles: etree._Element, built: dict[str, etree._Element]
) -> None:
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert val(defaults.find("w:rFonts", NS), "eastAsia") == "仿宋_GB2312"
    assert val(defaults.find("w:rFonts", NS), "ascii") == "Times New Roman"
    assert val(defaults.find("w:lang", NS), "eastAsia") == "zh-CN"
    expected = {
        "Normal": "仿宋_GB2312",
        "Title": "方正小标宋简体",
        "Heading1": "黑体",
        "Heading2": "楷体_GB2312",
        "Footer": "宋体",
        "TableText": "仿宋_GB2312",
    }
    for style_id, font in expected.items():
        rpr = style(styles, style_id).find("w:rPr", NS)
        assert val(rpr.find("w:rFonts", NS), "eastAsia") == font, style_id
        if style_id != "Footer":
            assert val(rpr.find("w:lang", NS), "eastAsia") == "zh-CN", style_id
    assert val(style(styles, "Title").find("w:rPr/w:sz", NS)) == "44"  # 二号
    assert val(style(styles, "Normal").find("w:rPr/w:sz", NS)) == "32"  # 三号
    settings = built["word/settings.xml"]
    assert val(settings.find("w:themeFontLang", NS), "eastAsia") == "zh-CN"


def test_heading_levels_take_their_fonts(document: etree._Element) -> None:
    level1 = paragraph_starting(document, "一、")
    assert val(level1.find("w:pPr/w:pStyle", NS)) == "Heading1"
    assert {font for _, font, _ in runs_of(level1)} == {"黑体"}
    run_in = runs_of(paragraph_starting(document, "（一）社会发展"))
    assert run_in[:2] == [
        ("（一）", "楷体_GB2312", False),
        ("社会发展开拓新局面。", "楷体_GB2312", False),
    ]
    assert {font for _, font, _ in run_in[2:]} == {"仿宋_GB2312"}  # the text after it
    alone = paragraph_starting(document, "（二）拆征安置")
    assert val(alone.find("w:pPr/w:pStyle", NS)) == "Heading2"
    point = runs_of(paragraph_starting(document, "1.护航"))
    assert [font for _, font, _ in point] == ["仿宋_GB2312"] * 3
    assert not any(bold for *_, bold in point)


def test_bold_leads_and_bold_level_3_are_settings() -> None:
    heading = SHIPPED.layout.headings.level3.model_copy(update={"bold": True})
    layout = layout_with(
        bold_leads=True, headings=SHIPPED.layout.headings.model_copy(update={"level3": heading})
    )
    document = parts(render_docx(sample(), layout))["word/document.xml"]
    run_in = runs_of(paragraph_starting(document, "（一）社会发展"))
    lead = next(r for r in run_in if r[0] == "稳进提质统筹经济指标")
    assert lead[2] and not run_in[0][2]  # the lead bold, the 楷体 heading not
    point = runs_of(paragraph_starting(document, "1.护航"))
    assert [(text, bold) for text, _, bold in point] == [
        ("1.", True),
        ("护航重点项目建设", True),
        ("，确保九大项目顺利进场完工。", False),
    ]


def test_title_is_centred_in_its_own_style(
    document: etree._Element, styles: etree._Element
) -> None:
    title = paragraphs(document)[0]
    assert val(title.find("w:pPr/w:pStyle", NS)) == "Title"
    assert val(style(styles, "Title").find("w:pPr/w:jc", NS)) == "center"
    assert val(style(styles, "Title").find("w:pPr/w:spacing", NS), "after") == "579"  # 空一行
    assert text_of(title) == "*街道2022年工作总结及2023年工作思路"


def test_a_project_override_changes_fonts_without_python(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "layout.yaml").write_text("body:\n  font: 仿宋\n", encoding="utf-8")
    layout = load_layout(Templates(templates))
    document = parts(render_docx(sample(), layout))
    normal = style(document["word/styles.xml"], "Normal")
    assert val(normal.find("w:rPr/w:rFonts", NS), "eastAsia") == "仿宋"
    opening = runs_of(paragraph_starting(document["word/document.xml"], "2022年来"))
    assert {font for _, font, _ in opening} == {"仿宋"}


# ── Page numbers ──────────────────────────────────────────────────────────────────────────


def footers(data: bytes) -> dict[str, etree._Element]:
    """Footer roots by type (default: odd pages; even), found through the relationships."""
    relationship = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        relations = etree.fromstring(package.read("word/_rels/document.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in relations}
        body = etree.fromstring(package.read("word/document.xml"))
        return {
            val(reference, "type"): etree.fromstring(
                package.read("word/" + targets[reference.get(relationship)])
            )
            for reference in body.iterfind(".//w:sectPr/w:footerReference", NS)
        }


def test_odd_and_even_footers_hold_a_page_field(
    package: bytes, built: dict[str, etree._Element]
) -> None:
    assert built["word/settings.xml"].find("w:evenAndOddHeaders", NS) is not None
    found = footers(package)
    assert set(found) == {"default", "even"}
    for kind, footer in found.items():
        paragraph = footer.find("w:p", NS)
        instructions = [(t.text or "").strip() for t in paragraph.iter(w("instrText"))]
        assert instructions == ["PAGE"], kind
        chars = [val(f, "fldCharType") for f in paragraph.iter(w("fldChar"))]
        assert chars == ["begin", "separate", "end"]
        assert text_of(paragraph) == "— 1 —"  # the field shows 1 until Word updates it
        assert {val(f, "eastAsia") for f in paragraph.iter(w("rFonts"))} == {"宋体"}
        assert {val(f, "ascii") for f in paragraph.iter(w("rFonts"))} == {"宋体"}
    odd, even = found["default"].find("w:p/w:pPr", NS), found["even"].find("w:p/w:pPr", NS)
    assert val(odd.find("w:jc", NS)) == "right" and val(odd.find("w:ind", NS), "right") == "280"
    assert val(even.find("w:jc", NS)) == "left" and val(even.find("w:ind", NS), "left") == "280"


# ── 落款, 附件, 附表 ──────────────────────────────────────────────────────────────────────


def test_signature_and_date_follow_the_standard(document: etree._Element) -> None:
    char = 315  # twips: one condensed 三号 character
    signature = paragraph_starting(document, "温州市")
    date = paragraph_starting(document, "2023年1月5日")
    assert val(signature.find("w:pPr/w:jc", NS)) == "right"
    assert int(val(signature.find("w:pPr/w:ind", NS), "right")) == 2 * char
    assert int(val(signature.find("w:pPr/w:spacing", NS), "before")) == 579  # one blank line
    assert signature.find("w:pPr/w:keepNext", NS) is not None
    # The date starts two characters right of the signature's first character.
    text_width_twips = 8844
    signature_width = 11 * char + (160 - 5)  # 11 Chinese characters and *
    left = int(val(date.find("w:pPr/w:ind", NS), "left"))
    assert abs(left - (text_width_twips - 2 * char - signature_width + 2 * char)) <= 2


def test_a_date_longer_than_the_signature_moves_the_signature_left() -> None:
    blocks = [Block("signature", (Span("*街道"),)), Block("date", (Span("2023年12月25日"),))]
    document = parts(
        render_docx(Composed("标题", [Block("title", (Span("标题"),)), *blocks]), SHIPPED.layout)
    )
    body = document["word/document.xml"]
    signature, date = paragraphs(body)[1:3]
    char = 315
    assert int(val(date.find("w:pPr/w:ind", NS), "right")) == 2 * char
    # date 4+1+1+1+2+1 = 7 characters wide, and 3.2 pt (64 twips) at each of its five joins
    # of figures and Chinese, as LibreOffice sets it; signature 2.5: the signature's first
    # character sits two characters left of the date's.
    signature_right = int(val(signature.find("w:pPr/w:ind", NS), "right"))
    date_width = 8 * (160 - 5) + 3 * char + 5 * 64
    signature_width = 2 * char + (160 - 5)
    assert abs(signature_right - (2 * char + date_width + 2 * char - signature_width)) <= 2


def test_attachments_are_indented_and_aligned_under_the_first_name(
    document: etree._Element,
) -> None:
    first = paragraph_starting(document, "附件：1.")
    second = paragraph_starting(document, "2.2023年")
    ind1, ind2 = first.find("w:pPr/w:ind", NS), second.find("w:pPr/w:ind", NS)
    char = 315
    # "附件：1." starts two characters in; wrapped lines and the next name align under the name.
    assert int(val(ind1, "left")) - int(val(ind1, "hanging")) == 2 * char
    assert int(val(ind1, "left")) == int(val(ind2, "left")) == 6 * char  # 2 + 附件： + "1."
    assert int(val(first.find("w:pPr/w:spacing", NS), "before")) == 579


def test_metrics_table_has_its_own_styles(document: etree._Element, styles: etree._Element) -> None:
    table = document.find(".//w:tbl", NS)
    assert table is not None
    assert val(table.find("w:tblPr/w:tblStyle", NS)) == "GongwenTable"
    widths = [int(val(c, "w")) for c in table.iterfind("w:tblGrid/w:gridCol", NS)]
    assert len(widths) == 5 and sum(widths) == 8844  # WPS reads these: the full text width
    rows = table.findall("w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert [text_of(c) for c in rows[0].findall("w:tc", NS)] == [
        "指标",
        "时期",
        "数值",
        "单位",
        "同比",
    ]
    assert [text_of(c) for c in rows[1].findall("w:tc", NS)] == [
        "规上工业总产值",
        "1-9月",
        "4720",
        "万元",
        "+7.8%",
    ]
    assert [text_of(c) for c in rows[2].findall("w:tc", NS)][-1] == "+24.3%"
    for cell in table.iter(w("p")):
        assert val(cell.find("w:pPr/w:pStyle", NS)) == "TableText"
    spacing = style(styles, "TableText").find("w:pPr/w:spacing", NS)
    assert (val(spacing, "line"), val(spacing, "lineRule")) == ("240", "auto")  # not exact
    assert val(style(styles, "TableText").find("w:pPr/w:ind", NS), "firstLine") == "0"
    label = paragraph_starting(document, "附表")
    assert label.find(".//w:br[@w:type='page']", NS) is not None


def test_metrics_table_is_off_by_default() -> None:
    assert SHIPPED.layout.metrics_table is False
    document = parts(render_docx(sample(), SHIPPED.layout))["word/document.xml"]
    assert document.find(".//w:tbl", NS) is None


# ── Text ──────────────────────────────────────────────────────────────────────────────────


def test_the_documents_text_is_the_models_text(document: etree._Element) -> None:
    composed = sample()
    body = [text_of(p) for p in paragraphs(document)]
    assert body[: len(composed.blocks)] == [b.text for b in composed.blocks]


def test_xml_special_characters_are_escaped_and_forbidden_ones_dropped() -> None:
    blocks = [Block("title", (Span("A&B<C>"),)), Block("paragraph", (Span("甲\x0b乙\x00丙"),))]
    with pytest.warns(DroppedCharacters, match="U\\+000B"):
        data = render_docx(Composed("A&B<C>", blocks), SHIPPED.layout)
    import docx

    opened = docx.Document(io.BytesIO(data))
    assert [p.text for p in opened.paragraphs] == ["A&B<C>", "甲乙丙"]


def test_the_same_report_gives_the_same_bytes() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert render_docx(sample(), SHIPPED.layout) == render_docx(sample(), SHIPPED.layout)
    core = parts(render_docx(sample(), SHIPPED.layout))["docProps/core.xml"]
    text = etree.tostring(core, encoding="unicode")
    assert "python-docx" not in text and "2013" not in text
    assert "街道2022年工作总结" in text  # the document's title as its property


# ── Title ─────────────────────────────────────────────────────────────────────────────────


def test_a_short_title_is_one_line() -> None:
    assert title_lines("*街道2022年工作总结及2023年工作思路", 20) == [
        "*街道2022年工作总结及2023年工作思路"
    ]


def test_a_long_title_breaks_between_words_before_及() -> None:
    title = "温州市瓯海区*街道2022年工作总结及2023年工作思路"
    lines = title_lines(title, 20)
    assert lines == ["温州市瓯海区*街道2022年工作总结", "及2023年工作思路"]


def test_a_very_long_title_makes_a_trapezoid_or_diamond() -> None:
    title = "关于进一步加强和改进新时代街道社区治理工作推动基层治理体系和治理能力现代化的实施意见"
    lines = title_lines(title, 20)
    widths = [text_width(line) for line in lines]
    assert "".join(lines) == title and len(lines) == 3
    assert max(widths) <= 20
    assert not (widths[1] < widths[0] and widths[1] < widths[2])  # never an hourglass


def test_a_long_title_is_broken_in_the_document() -> None:
    title = "温州市瓯海区*街道2022年工作总结及2023年工作思路"
    composed = Composed(title, [Block("title", (Span(title),))])
    document = parts(render_docx(composed, SHIPPED.layout))["word/document.xml"]
    paragraph = paragraphs(document)[0]
    assert len(paragraph.findall(".//w:br", NS)) == 1
    assert text_of(paragraph) == title


@given(st.text(alphabet="街道工作总结及年思路关于的实施意见2023和与推进", min_size=1, max_size=60))
def test_title_lines_keep_every_character(title: str) -> None:
    lines = title_lines(title, 20)
    assert "".join(lines) == title
    if len(lines) > 1:
        assert all(text_width(line) <= 20 for line in lines)


# ── Golden ────────────────────────────────────────────────────────────────────────────────

# python-docx's template styles that reportgen does not use are left out of the golden copy:
# they change with python-docx, not with reportgen.
GOLDEN_STYLES = {"Normal", "Title", "Heading1", "Heading2", "Footer", "TableText", "GongwenTable"}


def normalised(data: bytes) -> dict[str, str]:
    """document, styles (reportgen's part) and footers, pretty-printed."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in sorted(package.namelist()):
            if name not in ("word/document.xml", "word/styles.xml") and not name.startswith(
                "word/footer"
            ):
                continue
            root = etree.fromstring(package.read(name))
            if name == "word/styles.xml":
                for element in list(root):
                    if element.tag == w("latentStyles") or (
                        element.tag == w("style") and element.get(w("styleId")) not in GOLDEN_STYLES
                    ):
                        root.remove(element)
            etree.indent(root, space="  ")
            key = name.removeprefix("word/")
            out[key] = etree.tostring(root, encoding="unicode") + "\n"
    return out


def test_golden_xml_parts() -> None:
    actual = normalised(render_docx(sample(), layout_with(metrics_table=True)))
    if os.environ.get("REPORTGEN_UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for name, text in actual.items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
    expected = {p.name: p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.xml"))}
    assert expected, "no golden files: run with REPORTGEN_UPDATE_GOLDEN=1 and review them"
    assert sorted(actual) == sorted(expected)
    for name in actual:
        assert actual[name] == expected[name], (
            f"{name} differs from tests/golden/docx/{name}; if the change is intended, "
            "regenerate with REPORTGEN_UPDATE_GOLDEN=1 and review the diff"
        )

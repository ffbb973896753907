"""The import's parts on small inputs: markers, lead phrases, titles, decoding, debris, YAML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from import_helpers import DOCX_BUILDERS

from reportgen.errors import UserError
from reportgen.importer.cleaner import clean, preface_title, squeeze_spaces
from reportgen.importer.docx_reader import format_number
from reportgen.importer.numbering import enumeration_starts, parse_marker
from reportgen.importer.points import find_leads, split_points
from reportgen.importer.reader import RawParagraph, decode_text, read_document
from reportgen.importer.structure import split_heading
from reportgen.importer.title import parse_date_suffix, parse_title
from reportgen.importer.yaml_writer import render_yaml, scalar, wrap
from reportgen.model.loader import load_yaml_text
from reportgen.model.report import Highlight, Point, Review
from reportgen.model.validate import validate_loaded
from reportgen.text.cleaning import clean_text


@pytest.mark.parametrize(
    ("text", "level", "rest"),
    [
        ("一、2022年亮点工作", 1, "2022年亮点工作"),
        ("三．存在问题", 1, "存在问题"),
        ("第二部分：存在问题", 1, "存在问题"),
        ("（一）社会发展开拓新局面。", 2, "社会发展开拓新局面。"),
        ("(二)拆征安置取得新突破。", 2, "拆征安置取得新突破。"),
        ("（三）、城市建设", 2, "城市建设"),
        ("1.安全生产形势持续稳定。", 3, "安全生产形势持续稳定。"),
        ("2、重点项目加快推进。", 3, "重点项目加快推进。"),
        ("3．营商环境持续优化。", 3, "营商环境持续优化。"),
        ("1.2022年主要经济指标完成情况表", 3, "2022年主要经济指标完成情况表"),
        ("（1）加强组织领导", 4, "加强组织领导"),
        ("2）明确责任", 4, "明确责任"),
        ("①完善制度", 4, "完善制度"),
    ],
)
def test_numbering_variants(text: str, level: int, rest: str) -> None:
    marker = parse_marker(text)
    assert marker is not None and (marker.level, marker.rest) == (level, rest)


@pytest.mark.parametrize(
    "text",
    [
        "12.43亿元固定资产投资",
        "2022年来，在区委的领导下",
        "一年来，全镇新建农田",
        "十分重要",
        "1.5万人次",
    ],
)
def test_text_that_only_looks_numbered(text: str) -> None:
    assert parse_marker(text) is None


def test_a_short_phrase_before_a_colon_is_a_run_in_heading() -> None:
    assert split_heading("加强党建工作：一是健全组织；二是开展活动。") == (
        "加强党建工作",
        "一是健全组织；二是开展活动。",
    )
    assert split_heading("主要工作成效：") == ("主要工作成效", "")
    # a colon late in a long sentence is not a heading's
    long = "全年共完成各类项目建设任务，主要包括以下三个方面：道路、桥梁和公园。"
    assert split_heading(long) == (long[:-1], "")


def test_enumerations_must_run_in_order() -> None:
    text = "围绕需求，一是建成食堂；二是开办课堂；三是选树典型。"
    assert [text[i : i + 2] for i in enumeration_starts(text)] == ["一是", "二是", "三是"]
    assert enumeration_starts("统一是关键，二是其次。") == []
    assert enumeration_starts("一是只有一项。") == []


def test_inline_enumeration_becomes_points_that_rebuild_the_text() -> None:
    body = "围绕需求，一是建成食堂；二是开办课堂。"
    points = split_points(body)
    assert [p.text for p in points] == ["围绕需求，", "一是建成食堂；", "二是开办课堂。"]
    assert "".join(p.text for p in points) == body


SEED_ITEM = (
    "按照“疫情要防住”要求，慎终如始筑牢疫情防线，完善机制。截止10月，排查169人。"
    "稳进提质统筹经济指标，深入实施攻坚行动。多措并举聚力稳控化解，压实责任。"
)


def test_lead_phrases_open_sentences_and_need_company() -> None:
    points = split_points(SEED_ITEM)
    assert [p.lead for p in points] == [None, "稳进提质统筹经济指标", "多措并举聚力稳控化解"]
    # 截止10月 opens a sentence and ends at a comma, but holds figures: not a lead
    assert all("截止" not in (p.lead or "") for p in points)
    assert "".join(f"{p.lead}，{p.text}" if p.lead else p.text for p in points) == SEED_ITEM
    # A single candidate is no pattern: no lead at all
    assert [p.lead for p in split_points("加强组织领导，成立专班。")] == [None]


def test_an_opening_sentence_before_parallel_leads_is_not_a_lead() -> None:
    body = "抢抓试点契机，打造场景。突出存量提升，挖掘空间。突出增量建设，打造步道。"
    assert [p.lead for p in split_points(body)] == [None, "突出存量提升", "突出增量建设"]
    same_start = (
        "大力拓宽发展空间，做好规划。大力实施强链补链，引导集聚。大力推动招大引强，靶向发力。"
    )
    assert split_points(same_start)[0].lead == "大力拓宽发展空间"


def test_a_lead_after_a_semicolon_only_when_it_parallels_the_others() -> None:
    body = (
        "以闭环管理牵引治理变革，完善架构。以多元化解优化信访生态，改进局面；"
        "以系统排查筑牢安全防线，深化评估。"
    )
    assert len(find_leads(body)) == 3
    unlike = "突出存量提升，打造大厅；盘活社区服务用房，建成中心。突出增量建设，打造步道。"
    assert [body_lead for body_lead in (p.lead for p in split_points(unlike))] == [
        "突出存量提升",
        "突出增量建设",
    ]


@pytest.mark.parametrize(
    ("title", "organisation", "review", "plan"),
    [
        ("*街道2022年工作总结及2023年工作思路", "*街道", 2022, 2023),
        ("XX区应急管理局2021年工作总结和2022年工作计划", "XX区应急管理局", 2021, 2022),
        ("某某镇二〇二一年工作总结及二〇二二年工作打算", "某某镇", 2021, 2022),
        ("关于XX街道2021年度工作情况的报告", "XX街道", 2021, None),
        ("XX镇2022年工作总结暨下一年工作打算", "XX镇", 2022, 2023),
        ("XX社区2023年工作计划", "XX社区", None, 2023),
        ("街道工作总结及2023年工作思路", "街道", None, 2023),
    ],
)
def test_title_parts(title: str, organisation: str, review: int | None, plan: int | None) -> None:
    info = parse_title(title)
    assert (info.organisation, info.review_year, info.plan_year) == (organisation, review, plan)


def test_dates_in_both_numeral_systems() -> None:
    assert parse_date_suffix("2023年1月16日") == ("", dt.date(2023, 1, 16))
    assert parse_date_suffix("二〇二二年一月十日") == ("", dt.date(2022, 1, 10))
    assert parse_date_suffix("二〇二二年十二月二十五日") == ("", dt.date(2022, 12, 25))
    assert parse_date_suffix("XX县发展和改革局 2023年1月16日") == (
        "XX县发展和改革局",
        dt.date(2023, 1, 16),
    )
    assert parse_date_suffix("2023年2月30日") is None
    assert parse_date_suffix("2023年1月16日召开会议") is None


def test_decoding_the_encodings_offices_save() -> None:
    text = "一、2022年亮点工作\n"
    assert decode_text(text.encode("utf-8"), "a.txt") == (text, "utf-8")
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8"), "a.txt") == (text, "utf-8")
    assert decode_text(text.encode("gb18030"), "a.txt") == (text, "gb18030")
    assert decode_text(text.encode("utf-16"), "a.txt") == (text, "utf-16")


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"", "是空文件"),
        (b"  \n\n ", "是空文件"),
        (bytes(range(256)) * 4, "二进制数据"),
        (b"PK\x03\x04rest", "zip"),
        (b"%PDF-1.7", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc"),
    ],
)
def test_what_is_not_text_is_named(raw: bytes, words: str) -> None:
    with pytest.raises(UserError) as caught:
        decode_text(raw, "a.txt")
    assert words in caught.value.message


def test_debris_is_dropped_and_reported() -> None:
    lines = [
        "下面是小编为大家整理的街道工作总结及2023年工作思路,供大家参考。",
        "发布日期：2023-01-12　　来源：XX区人民政府",
        "一、2022年 亮点 工作",
        "(一)社会救助兜底有力。全年发放低保金2860万元;",
        "发放特困供养金920万元。",
        "- 1 -",
        "第 2 页 共 3 页",
        "【打印本页】【关闭窗口】",
    ]
    cleaned = clean([RawParagraph(text, n) for n, text in enumerate(lines, start=1)])
    assert [d.reason for d in cleaned.dropped] == [
        "web preface",
        "metadata",
        "page number",
        "page number",
        "web page chrome",
    ]
    assert cleaned.preface_title == "街道工作总结及2023年工作思路"
    assert [line.text for line in cleaned.lines] == [
        "一、2022年亮点工作",
        "（一）社会救助兜底有力。全年发放低保金2860万元；发放特困供养金920万元。",
    ]
    assert cleaned.rejoined == 1 and cleaned.spaces == 1
    assert [s.index for s in cleaned.lines[1].sources] == [4, 5]


def test_a_semicolon_before_a_numbered_line_is_a_real_paragraph_end() -> None:
    cleaned = clean([RawParagraph("1.加强领导；", 1), RawParagraph("2.明确责任；", 2)])
    assert len(cleaned.lines) == 2 and cleaned.rejoined == 0


def test_punctuation_is_kept_on_request() -> None:
    cleaned = clean([RawParagraph("(一)社会发展,开拓新局面。", 1)], normalise=False)
    assert cleaned.lines[0].text == "(一)社会发展,开拓新局面。" and cleaned.punctuation == 0


def test_spaces_go_next_to_chinese_only() -> None:
    assert squeeze_spaces("社 会 事 业  发展") == "社会事业发展"
    assert squeeze_spaces("S1 line 桥下") == "S1 line桥下"
    assert (
        preface_title("以下是小编整理的《XX镇2022年工作总结》，欢迎阅读。") == "XX镇2022年工作总结"
    )


def test_a_zip_that_unpacks_to_too_much_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen.importer import docx_reader

    path = DOCX_BUILDERS["heading_styles"](tmp_path / "h.docx")
    monkeypatch.setattr(docx_reader, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(UserError, match="解压后有"):
        read_document(path)


@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (3, "chineseCounting", "三"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCountingThousand", "二十"),
        (3, "decimal", "3"),
        (2, "decimalEnclosedCircle", "②"),
        (2, "ideographTraditional", "乙"),
        (28, "lowerLetter", "bb"),
        (14, "upperRoman", "XIV"),
        (12, "decimalFullWidth", "１２"),
    ],
)
def test_word_number_formats(n: int, fmt: str, shown: str) -> None:
    assert format_number(n, fmt) == shown


def test_word_paragraphs_carry_numbering_levels_and_tracked_text(tmp_path: Path) -> None:
    numbered = read_document(DOCX_BUILDERS["auto_numbering"](tmp_path / "n.docx")).paragraphs
    labels = [p.auto_number for p in numbered if p.auto_number]
    assert labels == [
        "一、",
        "（一）",
        "（二）",
        "1.",
        "2.",
        "二、",
        "（一）",
        "三、",
        "（一）",
        "（二）",
    ]
    assert numbered[0].is_title
    outlined = read_document(DOCX_BUILDERS["outline_levels"](tmp_path / "o.docx")).paragraphs
    texts = [p.text for p in outlined]
    assert "（一）教育质量稳步提升。全区中考平均分提高5分。" in texts  # tracked insertion kept
    assert not any("这句已删除" in t for t in texts)  # tracked deletion left out
    assert texts[6:8] == ["（二）办学条件持续改善。新建学校3所，", "改扩建学校5所。"]  # soft break
    assert [p.heading_level for p in outlined if p.text.startswith(("一、", "二、"))] == [1, 1]
    assert [p.text for p in outlined if p.from_table] == ["指标｜数值", "新增学位｜3200个"]
    styled = read_document(DOCX_BUILDERS["heading_styles"](tmp_path / "h.docx")).paragraphs
    assert [(p.heading_level, p.text) for p in styled if p.heading_level][:2] == [
        (1, "主要成绩"),
        (2, "经济发展稳中有进"),
    ]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("*街道", '"*街道"'),
        ("2023", '"2023"'),
        ("yes", '"yes"'),
        ("社会发展", "社会发展"),
        ("a: b", '"a: b"'),
    ],
)
def test_scalars_are_quoted_only_when_yaml_would_misread_them(value: str, written: str) -> None:
    assert scalar(value) == written
    assert yaml.safe_load(f"k: {written}") == {"k": value}


_PIECES = st.sampled_from(list("社会发展稳中有进，。；、：“”！？ 12.5%SabcX*#-"))


@given(st.lists(_PIECES, min_size=1, max_size=200).map("".join))
def test_wrapped_lines_join_back_to_the_text(text: str) -> None:
    text = text.strip()
    lines = wrap(text)
    assert "".join(lines) == text
    assert all(line == line.strip() for line in lines[1:-1]) or len(lines) <= 1


@given(st.lists(st.lists(_PIECES, min_size=1, max_size=120).map("".join), min_size=1, max_size=4))
def test_written_yaml_reads_back_as_the_same_model(texts: list[str]) -> None:
    values = [clean_text(t) for t in texts]
    values = [v for v in values if v.strip()]
    if not values:
        return
    review = Review(
        organisation="*街道",
        year=2022,
        opening="\n\n".join(values),
        highlights=[Highlight(heading=values[0], points=[Point(text=v) for v in values])],
    )
    text = render_yaml(review, {("review", "highlights", 0): ["说明"]}, ["header"])
    again = validate_loaded(load_yaml_text(text, "t.yaml"), "review")
    assert again == review


def test_an_enumeration_inside_one_sentence_stays_one_point() -> None:
    body = "一是推行“一窗通办”，二是打造便民服务圈，三是引进社会组织2家。"
    assert [p.text for p in split_points(body)] == [body]


def test_an_items_tables_are_written_one_row_a_line_and_read_back_the_same() -> None:
    table = [["指标", "数值, 单位", ""], ["[注]", "{1}", "a: b"], ["# 号", "1,200", "是"]]
    review = Review(
        organisation="某镇",
        year=2022,
        highlights=[Highlight(heading="指标", tables=[table, [["甲"]]])],
    )
    text = render_yaml(review, {}, ["header"])
    assert '    tables:\n      - - [指标, "数值, 单位", ""]\n' in text
    assert "\n      - - [甲]\n" in text
    again = validate_loaded(load_yaml_text(text, "t.yaml"), "review")
    assert again == review

"""Lint rules one by one: what each finds, and what correct official prose it leaves alone."""

from __future__ import annotations

import pytest

from reportgen.check.lint import REGISTRY, View, build_view, length, lint, placeholders
from reportgen.model.loader import load_yaml_text
from reportgen.settings import load_settings
from reportgen.settings.messages import set_language
from reportgen.settings.rules import Rule

SHIPPED = load_settings(None)  # the shipped settings: a project without templates/


@pytest.fixture(autouse=True)
def _english():
    set_language("en")
    yield
    set_language("zh")


def findings(text: str, kind: str = "review") -> list[tuple[str, str]]:
    view = build_view(load_yaml_text(text, "data/2022.yaml"), kind)
    return [(p.rule, p.message) for p in lint([view], SHIPPED.rules)]


def opening(sentence: str) -> str:
    return f"organisation: 城南街道\nyear: 2022\nopening: {sentence}\n"


def test_every_rule_in_rules_yaml_is_implemented() -> None:
    lint([], SHIPPED.rules)  # loads the rule families
    assert set(REGISTRY) == set(SHIPPED.rules)


@pytest.mark.parametrize(
    "sentence",
    [
        "1-9月实现规上工业总产值4720万元，同比增长7.8%。",
        "重点投建S1线桥下4000㎡文体公园，会议于12:30召开。",
        "限上消费品零售总额同比增长1073.1%，增长率150%。",
        "二〇二二年完成3×4米展板制作，“业标街管”、“业财社管”试点启动。",
        "14件积案100%化解、0再访，调解成功率达98%。",
        "构建“三微+三单”机制（试行），推动《条例》落实……",
        "报送信息117篇——其中中宣部采用50篇！",
    ],
)
def test_correct_prose_has_no_findings(sentence: str) -> None:
    assert findings(opening(sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "rule", "words"),
    [
        ("全年完成X项任务。", "placeholder", "'X'"),
        ("资金○○万元。", "placeholder", "○○"),
        ("全年完成___项任务。", "placeholder", "___"),
        ("报告待完善。", "placeholder", "待完善"),
        ("今年“成效显著。", "punct-unbalanced", "'“' has no matching '”'"),
        ("今年成效显著）。", "punct-unbalanced", "'）' has no matching '（'"),
        ("完成任务，。", "punct-doubled", "'，。'"),
        ("完成任务.", "punct-ending", "half-width '.'"),
        ("打造“一心三化六大场景”", "punct-ending", "no closing punctuation"),
        ("全年增长率由50%提高到60%，疫苗覆盖率为101.5%。", "figures-share", "101.5%"),
    ],
)
def test_rule_finds(sentence: str, rule: str, words: str) -> None:
    found = findings(opening(sentence))
    assert [r for r, _ in found] == [rule], found
    assert words in found[0][1]


def test_text_change_accepts_computed_change() -> None:
    text = (
        opening("产值{{output}}，同比增长{{output.change}}，同比增长10%。")
        + "metrics:\n  - {id: output, label: 产值, value: 110, previous: 100, unit: 万元}\n"
    )
    assert findings(text) == []


def test_lead_phrases_out_of_form() -> None:
    text = """\
organisation: 城南街道
year: 2022
highlights:
  - heading: 城市建设呈现新蝶变
    points:
      - {lead: 突出存量提升, text: 升级便民服务大厅。}
      - {lead: 突出增量建设, text: 打造智慧健康步道。}
      - {lead: 全量优化, text: 综合整治两侧疤点。}
"""
    assert findings(text) == [
        (
            "structure-parallel",
            "the other headings at this level open with '突出'; '全量优化' does not",
        )
    ]


def test_long_paragraph_counts_a_run_in_item_as_one() -> None:
    point = "完成任务" * 60 + "。"
    text = f"""\
organisation: 城南街道
year: 2022
highlights:
  - heading: 社会发展开拓新局面
    points: [{point}, {point}, {point}, {point}]
  - heading: 城市建设呈现新蝶变
    layout: list
    points: [{point}, {point}, {point}, {point}]
"""
    found = findings(text)
    assert [r for r, _ in found].count("length-paragraph") == 1
    assert any(r == "structure-duplicate" for r, _ in found)


def test_a_closing_paragraph_without_its_full_stop_is_reported() -> None:
    text = (
        "organisation: 城南街道\nyear: 2022\nopening: 全年工作取得新成效。\n"
        "closing: |\n  新的一年，我们将继续努力\n"
    )
    view = build_view(load_yaml_text(text, "data/2022.yaml"), "review")
    found = list(lint([view], SHIPPED.rules))
    assert [(p.rule, p.path, p.fix) for p in found] == [("punct-ending", "closing", "。")]
    assert (found[0].location.line, found[0].location.column) == (5, 15)
    assert found[0].message == "no closing punctuation after '…一年，我们将继续努力'"


def _with(rule_id: str, **options: object) -> Rule:
    """The shipped rule with some settings changed (a small max, say), its wording kept."""
    shipped = SHIPPED.rules[rule_id]
    return Rule(rule_id, shipped.severity, True, {**shipped.options, **options})


def _view(text: str, kind: str = "review") -> View:
    return build_view(load_yaml_text(text, "data/2022.yaml"), kind)


def test_length_counts_no_whitespace() -> None:
    assert length.count("全 年\t工作\n完成　") == 6  # the ideographic space is whitespace too
    assert length.count("") == 0


_ITEMS = """\
organisation: 城南街道
year: 2022
opening: |
  第一段。

  第二 段。
highlights:
  - heading: 社会发展
    points:
      - {lead: 抓党建, text: 强基础。, subpoints: [甲事。, 乙事。]}
      - 办实事。
  - points:
      - {lead: 无标题, text: 首句。}
  - heading: 城市建设
    layout: list
    points:
      - {lead: 抓建设, text: 见实效。, subpoints: [丙事。]}
      - 第二点。
  - heading: 平安建设
    points:
      - {lead: 抓稳定}
  - points:
      - {subpoints: [戊事。]}
closing: 结束语。
"""


def test_length_paragraphs_are_what_the_reader_sees() -> None:
    got = [(p.where, offset, text) for p, offset, text in length.paragraphs(_view(_ITEMS))]
    assert got == [
        ("opening", 0, "第一段。"),
        ("opening", 5, "第二 段。"),
        ("closing", 0, "结束语。"),
        # a run-in item is one paragraph: heading, lead，text, its （1）（2）, the next point
        ("highlights[0].heading", 0, "社会发展抓党建，强基础。（1）甲事。（2）乙事。办实事。"),
        # without a heading it starts at its first point's lead
        ("highlights[1].points[0].lead", 0, "无标题，首句。"),
        # a list item: the heading, each point and each sub-point a paragraph of its own
        ("highlights[2].heading", 0, "城市建设"),
        ("highlights[2].points[0].lead", 0, "抓建设，见实效。"),
        ("highlights[2].points[0].subpoints[0]", 0, "丙事。"),
        ("highlights[2].points[1]", 0, "第二点。"),
        # a lead without text reads as the lead and its comma
        ("highlights[3].heading", 0, "平安建设抓稳定，"),
        # a run-in item with neither heading nor lead nor text has nowhere to start: none
    ]


def test_length_paragraph_over_the_max_is_reported_where_it_starts() -> None:
    text = (
        "organisation: 城南街道\nyear: 2022\nopening: |\n"
        "  一二三四五六七八九。\n\n  一二三四五六七八九十。\n"
    )
    found = list(length.long_paragraphs([_view(text)], _with("length-paragraph", max=10)))
    assert [(p.message, p.path, p.location.line, p.location.column) for p in found] == [
        ("this paragraph has 11 characters, more than 10", "opening", 6, 3)
    ]
    assert found[0].hint == "split or shorten it"


def test_length_total_counts_every_passage_but_labels_and_periods() -> None:
    text = """\
organisation: 城南街道
year: 2022
opening: 一二三四五六七八九十。
metrics:
  - {id: output, label: 规上工业总产值, value: 1, unit: 万元, period: 1-9月}
"""
    # 城南街道 4 + 一…十。 11 = 15; the label (7) and the period (4) are not read as prose
    views = [_view(text)]
    assert list(length.long_document(views, _with("length-total", max=15))) == []
    found = list(length.long_document(views, _with("length-total", max=14)))
    assert [
        (p.message, p.path, p.location.file, p.location.line, p.location.column) for p in found
    ] == [("the document has 15 characters, more than 14", "", "data/2022.yaml", 1, 1)]
    assert found[0].hint == "shorten it, or change length-total's max in templates/rules.yaml"
    assert list(length.long_document([], _with("length-total", max=0))) == []


def test_placeholder_message_quotes_six_characters_either_side_on_one_line() -> None:
    text = (
        "organisation: 城南街道\nyear: 2022\nopening: |\n"
        "  前面一二三四五六七完成XX项任务后面一二三四五六七。\n\n  ○○街道\n"
    )
    found = list(placeholders.placeholders([_view(text)], SHIPPED.rules["placeholder"]))
    assert [(p.message, p.path, p.location.line, p.location.column) for p in found] == [
        ("placeholder 'XX' left unfilled: …四五六七完成XX项任务后面一…", "opening", 4, 14),
        ("placeholder '○○' left unfilled: …四五六七。 ○○街道…", "opening", 6, 3),
    ]
    assert found[0].hint == "fill in the real content before submitting"


def test_placeholder_at_the_start_quotes_from_the_start() -> None:
    found = list(
        placeholders.placeholders(
            [_view(opening("XX项任务已完成。"))], SHIPPED.rules["placeholder"]
        )
    )
    assert [p.message for p in found] == ["placeholder 'XX' left unfilled: …XX项任务已完成…"]


def test_placeholder_name_has_its_own_wording() -> None:
    found = list(
        placeholders.placeholder_names(
            [_view(opening("会同*街道开展检查。"))], SHIPPED.rules["placeholder-name"]
        )
    )
    assert [(p.message, p.location.column) for p in found] == [
        ("'*' stands for a name: …会同*街道开展检查…", 12)
    ]


def test_a_pattern_that_matches_nothing_at_all_reports_nothing() -> None:
    # a project's own pattern may match the empty string (X*): only real text is a finding
    rule = _with("placeholder", patterns=["X*"])
    found = list(placeholders.placeholders([_view(opening("完成X项。"))], rule))
    assert [p.message for p in found] == ["placeholder 'X' left unfilled: …完成X项。…"]


def _only(rule_id: str, text: str) -> list[tuple[str, str, int | None, int | None]]:
    """(message, path, line, column) of one rule's findings on a review file."""
    found = lint([_view(text)], {rule_id: SHIPPED.rules[rule_id]})
    return [(p.message, p.path, p.location.line, p.location.column) for p in found]


def test_punct_ending_points_end_a_paragraph_at_the_last_and_in_a_list() -> None:
    text = """\
organisation: 城南街道
year: 2022
highlights:
  - heading: 社会发展
    points:
      - 完成任务;
      - 推进工作；
  - heading: 城市建设
    layout: list
    points:
      - 完成任务；
      - {text: 有三项：, subpoints: [甲事；, 乙事。]}
  - heading: 民生保障
    points:
      - {text: 有两项：, subpoints: [丙事；, 丁事]}
"""
    semicolon = "the paragraph ends with '；' after '…{}'; end it with '。'"
    assert _only("punct-ending", text) == [
        # a run-in item's points end in ； (half-width ; too) but its last one ends the paragraph
        (semicolon.format("推进工作；"), "highlights[0].points[1]", 7, 13),
        # in a list every point is a paragraph; a point with sub-points ends with its last one
        (semicolon.format("完成任务；"), "highlights[1].points[0]", 11, 13),
        (semicolon.format("甲事；"), "highlights[1].points[1].subpoints[0]", 12, 36),
        ("no closing punctuation after '…丁事'", "highlights[2].points[0].subpoints[1]", 15, 41),
    ]


def test_punct_ending_in_prose_paragraphs() -> None:
    text = """\
organisation: 城南街道
year: 2022
opening: |
  他说：“全年任务完成。”

  一二三四五六七八九十增长7.8.

  全年任务完成.”
closing: 结束，
"""
    assert _only("punct-ending", text) == [
        ("no closing punctuation after '…七八九十增长7.8.'", "opening", 6, 19),
        ("a half-width '.' ends '…全年任务完成.”'; use '。'", "opening", 8, 9),
        ("the paragraph ends with '，' after '…结束，'; end it with '。'", "closing", 9, 12),
    ]


def test_punct_ending_a_paragraph_of_closing_marks_only_is_reported() -> None:
    assert _only("punct-ending", opening("”")) == [
        ("no closing punctuation after '…”'", "opening", 3, 11)
    ]


def test_punct_unbalanced_names_the_mark_and_quotes_eight_characters_either_side() -> None:
    text = opening("一二三四五六七八九十“甲乙丙丁戊己庚辛壬癸。")
    assert _only("punct-unbalanced", text) == [
        ("'“' has no matching '”': …三四五六七八九十“甲乙丙丁戊己庚辛…", "opening", 3, 20)
    ]


def test_punct_unbalanced_a_closing_quote_does_not_close_a_bracket() -> None:
    # ” closes “ and leaves （ open; half-width and full-width parentheses pair with each other
    assert _only("punct-unbalanced", opening("甲“乙（丙”。（丁)(戊）。")) == [
        ("'（' has no matching '）': …甲“乙（丙”。（丁)(戊…", "opening", 3, 13)
    ]


def test_punct_width_reports_a_mark_where_it_is_written_not_where_it_is_filled_in() -> None:
    text = """\
organisation: 城南街道
year: 2022
opening: 全年{{output.label}}稳步增长。
metrics:
  - id: output
    label: 产值,税收
    value: 1
    unit: 万元
"""
    assert _only("punct-width", text) == [
        ("half-width ',' between Chinese characters; use '，'", "metrics[0].label", 6, 14)
    ]


def test_punct_ending_short_paragraphs_and_what_ends_them() -> None:
    text = """\
organisation: 城南街道
year: 2022
opening: |
  是。

  好.

  评为A级.

  完成任务；

  型号X

  甲。\x20\x20

  .
"""
    assert _only("punct-ending", text) == [
        ("a half-width '.' ends '…好.'; use '。'", "opening", 6, 4),
        ("a half-width '.' ends '…评为A级.'; use '。'", "opening", 8, 7),
        ("the paragraph ends with '；' after '…完成任务；'; end it with '。'", "opening", 10, 7),
        ("no closing punctuation after '…型号X'", "opening", 12, 6),
        # spaces after the full stop are not an ending; a lone '.' follows nothing Chinese
        ("no closing punctuation after '….'", "opening", 16, 4),
    ]


def test_punct_unbalanced_goes_on_after_a_closing_mark_without_its_opening() -> None:
    assert _only("punct-unbalanced", opening("甲）乙“丙。")) == [
        ("'）' has no matching '（': …甲）乙“丙。…", "opening", 3, 11),
        ("'“' has no matching '”': …甲）乙“丙。…", "opening", 3, 13),
    ]


_TABLED = """\
organisation: 城南街道
year: 2022
highlights:
  - heading: 指标稳步增长
    points: [主要指标完成情况见下表：]
{tables}  - heading: 项目加快推进
    points: [主体封顶：]
"""


def test_a_point_announcing_its_items_table_may_end_in_a_colon() -> None:
    tables = "    tables:\n      - - [指标, 完成]\n        - [收入, 4亿元]\n"
    found = findings(_TABLED.format(tables=tables))
    assert [r for r, _ in found] == ["punct-ending"]  # the item without a table still is one
    assert "主体封顶" in found[0][1]
    without = findings(_TABLED.format(tables=""))
    assert [r for r, _ in without] == ["punct-ending", "punct-ending"]

"""Lint rules one by one: what each finds, and what correct official prose it leaves alone."""

from __future__ import annotations

import pytest

from reportgen.check.lint import REGISTRY, build_view, lint
from reportgen.model.loader import load_yaml_text
from reportgen.settings import load_settings
from reportgen.settings.messages import set_language

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

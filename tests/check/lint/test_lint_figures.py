"""lint/figures and lint/typed: each finding's rule, line:column, message and fix written out by
hand, and the near misses that must say nothing."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.check.lint import build_view, figures, lint, typed
from reportgen.check.lint.view import document_of
from reportgen.model.loader import load_yaml_text
from reportgen.settings import load_settings

SHIPPED = load_settings(None)


@pytest.fixture(autouse=True)
def _english(english: None) -> None:
    pass


def found(text: str, prefix: str = "figures-", name: str = "data/2022.yaml", kind: str = "review"):
    view = build_view(load_yaml_text(text, name), kind)
    return [
        (p.rule, str(p.location).split(":", 1)[1], p.message, p.fix)
        for p in lint([view], SHIPPED.rules)
        if p.rule.startswith(prefix) and p.rule != "figures-unused"
    ]


def doc(sentence: str, metrics: str = "") -> str:
    return f"organisation: 城南街道\nyear: 2022\nopening: {sentence}\n" + (
        f"metrics:\n{metrics}" if metrics else ""
    )


OUTPUT = "  - {id: output, label: 规上工业总产值, value: 90, previous: 100, unit: 万元}\n"


def test_sign_of_every_direction_word() -> None:
    assert [figures._sign(w) for w in figures._UP] == [1] * 7
    assert [figures._sign(w) for w in figures._DOWN] == [-1] * 6


def test_a_stated_change_against_both_years_values() -> None:
    metric = "  - {id: output, label: 产值, value: 90, previous: 100, unit: 万元, change: 10}\n"
    assert found(doc("产值{{output}}。", metric)) == [
        (
            "figures-yoy",
            "5:73",
            "a change of 10% does not match the values 100万元 → 90万元: that is 10%",
            "-10",
        )
    ]
    metric = metric.replace("change: 10", "change: -10.05")  # within the 0.1 tolerance
    assert found(doc("产值{{output}}。", metric)) == []
    metric = metric.replace("change: -10.05", "change: -10.2")  # just outside it
    assert [r for r, *_ in found(doc("产值{{output}}。", metric))] == ["figures-yoy"]


def test_a_direction_word_against_the_metrics_change() -> None:
    assert found(doc("产值{{output}}，同比增长{{output.change}}。", OUTPUT)) == [
        (
            "figures-yoy",
            "3:27",
            "the text says '增长' but the change of '规上工业总产值' is -10%",
            None,
        )
    ]
    assert found(doc("产值{{output}}，同比下降{{output.change}}。", OUTPUT)) == []
    up = OUTPUT.replace("value: 90", "value: 110")
    assert found(doc("产值{{output}}，同比下降{{output.change}}。", up)) == [
        (
            "figures-yoy",
            "3:27",
            "the text says '下降' but the change of '规上工业总产值' is 10%",
            None,
        )
    ]
    # the last word before the reference counts: 增长…下降{{…}}
    assert found(doc("增长后又下降{{output.change}}。", up))[0][2].startswith(
        "the text says '下降'"
    )
    # a word past the clause's end (，) or more than 8 characters back is not read
    assert found(doc("下降，{{output.change}}。", up)) == []
    assert found(doc("下降一二三四五六七{{output.change}}。", up)) == []
    assert found(doc("下降一二三四五六{{output.change}}。", up)) != []


def test_a_typed_change_after_a_reference() -> None:
    assert found(doc("产值{{output}}，同比增长10%。", OUTPUT)) == [
        (
            "figures-yoy",
            "3:27",
            "the text states a change of 10%, but '规上工业总产值' changed by -10%",
            "10",
        )
    ]
    assert found(doc("产值{{output}}，同比下降10%。", OUTPUT)) == []
    assert found(doc("产值{{output}}，同比下降10.1%。", OUTPUT)) == []  # within 0.1
    assert [r for r, *_ in found(doc("产值{{output}}，同比下降10.2%。", OUTPUT))] == ["figures-yoy"]
    assert found(doc("产值{{output.value}}，同比增长10%。", OUTPUT))[0][1] == "3:33"
    assert found(doc("产值{{output.previous}}，同比增长10%。", OUTPUT)) == []  # not the value
    no_previous = "  - {id: output, label: 产值, value: 90, unit: 万元}\n"
    assert found(doc("产值{{output}}，同比增长10%。", no_previous)) == []
    assert found(doc("产值{{unknown}}，同比增长10%。", OUTPUT)) == []


def test_from_one_value_to_another_in_the_text() -> None:
    assert found(doc("产值由100万元增长到90万元，增长10%。")) == [
        (
            "figures-yoy",
            "3:28",
            "a change of 10% does not match the values 100万元 → 90万元: that is 10%",
            "10",
        )
    ]
    assert found(doc("产值由100万元下降到90万元，下降10%。")) == []
    assert found(doc("产值从100万元下降至90万元，同比下降了10.1%。")) == []
    assert found(doc("产值由100万元增长到90万元，下降12.5%。"))[0][2] == (
        "a change of 12.5% does not match the values 100万元 → 90万元: that is 10%"
    )
    assert found(doc("产值由80增长到100，增长20%。"))[0][2:] == (
        "a change of 20% does not match the values 80 → 100: that is 25%",
        "25",
    )
    assert found(doc("产值由0万元增长到90万元，增长10%。")) == []  # from nothing: no percentage
    assert found(doc("产值由100万元增长到1亿元，增长10%。")) == []  # units differ: not comparable
    assert found(doc("产值由100增长到1亿元，增长10%。")) != []  # one unit only: compared


def test_the_same_figure_with_two_values() -> None:
    metrics = (
        "  - {id: a, label: 规上工业总产值, value: 4720, unit: 万元}\n"
        "  - {id: b, label: 规上工业总产值, value: 4950, unit: 万元}\n"
        "  - {id: c, label: 规上工业总产值, value: 4950, unit: 万元, period: 1-9月}\n"
        "  - {id: d, label: 规上工业总产值, value: 4720, unit: 万元}\n"
    )
    assert found(doc("产值{{a}}{{b}}{{c}}{{d}}。", metrics)) == [
        (
            "figures-conflict",
            "6:36",
            "'规上工业总产值' is 4950万元 here but 4720万元 at data/2022.yaml:5:36",
            None,
        )
    ]


def test_a_figure_typed_after_its_label_with_another_value() -> None:
    metric = "  - {id: a, label: 规上工业总产值, value: 4720, unit: 万元}\n"
    # (figures-typed reports this figure too: 达 stands between the label and the number)
    assert found(doc("全年{{a}}，规上工业总产值达4950万元。", metric), "figures-conflict") == [
        (
            "figures-conflict",
            "3:26",
            "'规上工业总产值' is 4950万元 here but 4720万元 at data/2022.yaml:5:36",
            "4720万元",
        )
    ]
    for same in (
        "规上工业总产值4720万元",
        "规上工业总产值为4720.0万元",
        "规上工业总产值{{a.value}}万元",
    ):
        assert found(doc(f"全年{{{{a}}}}，{same}。", metric)) == [], same
    assert (
        found(doc("全年{{a}}，规上工业总产值4950亿元。", metric), "figures-conflict") == []
    )  # another unit
    one_char = "  - {id: a, label: 值, value: 4720, unit: 万元}\n"
    assert found(doc("全年{{a}}，值4950万元。", one_char)) == []
    no_unit = "  - {id: a, label: 企业数, value: 47}\n"
    assert found(doc("全年{{a}}，企业数50。", no_unit)) == []


def test_a_share_over_a_hundred_percent() -> None:
    metric = "  - {id: r, label: 调解成功率, value: 101, previous: 100.5, unit: '%'}\n"
    assert found(doc("全年{{r}}。", metric)) == [
        (
            "figures-share",
            "5:34",
            "'调解成功率' is a share and cannot exceed 100%; found 101%",
            None,
        ),
        (
            "figures-share",
            "5:49",
            "'调解成功率' is a share and cannot exceed 100%; found 100.5%",
            None,
        ),
    ]
    assert found(doc("全年{{r}}。", metric.replace("调解成功率", "营收增长率"))) == []
    assert found(doc("全年{{r}}。", metric.replace("'%'", "万元"))) == []
    assert found(doc("全年{{r}}。", metric.replace("101", "100").replace("100.5", "100"))) == []
    assert found(doc("全年调解成功率达100.1%。")) == [
        (
            "figures-share",
            "3:18",
            "'全年调解成功率达' is a share and cannot exceed 100%; found 100.1%",
            None,
        )
    ]
    assert found(doc("调解成功率100%。营业额增长率达150%。")) == []
    # only the 14 characters before the number, after the last clause end, are read
    assert found(doc("覆盖率，达到一百零一的是150%。")) == []
    assert found(doc("比例一二三四五六七八九十一二三150%。")) == []
    assert found(doc("比例一二三四五六七八九十一二150%。")) != []


# ── figures-typed ────────────────────────────────────────────────────────────

FUNDS = "  - {id: funds, label: 拆征安置累计发放资金, value: 26.76, unit: 亿元}\n"


def test_a_typed_figure_pointing_to_a_metric_with_another_value() -> None:
    assert found(doc("累计发放资金27.5亿元。{{funds}}", FUNDS), "figures-typed") == [
        (
            "figures-typed",
            "3:16",
            "the text says 27.5亿元, but '拆征安置累计发放资金' is 26.76亿元 "
            "(data/2022.yaml:5:43), that is 26.76亿元",
            "26.76亿元",
        )
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "累计发放资金约27亿元。",  # rounded to the figure's places
        "累计发放资金26.8亿元。",
        "累计发放资金267600万元。",  # converted
        "累计发放资金300户。",  # a unit that measures something else
        "发放补助资金30亿元。",  # the head noun, but too little of the label and not near
        "拆征安置累计发放资金30亿元。",  # the whole label in its own unit: figures-conflict's
        "全年{{funds}}亿元。",  # filled in, not typed
    ],
)
def test_typed_figures_that_agree_or_point_nowhere(sentence: str) -> None:
    assert found(doc(sentence, FUNDS), "figures-typed") == []


def test_a_typed_figure_is_held_to_the_surest_metric_in_a_unit_it_converts_to() -> None:
    # 安置累计发放资金 (7 character pairs, 5 in the clause) is surer than 拆征安置累计发放资金
    # (5 of 9), but counts 户: the figure in 亿元 is held to the metric in 亿元.
    households = "  - {id: homes, label: 安置累计发放资金, value: 300, unit: 户}\n"
    assert found(
        doc("累计发放资金27.5亿元。{{funds}}{{homes}}", FUNDS + households), "figures-typed"
    ) == [
        (
            "figures-typed",
            "3:16",
            "the text says 27.5亿元, but '拆征安置累计发放资金' is 26.76亿元 "
            "(data/2022.yaml:5:43), that is 26.76亿元",
            "26.76亿元",
        )
    ]


def test_points_to() -> None:
    from reportgen.model.report import Metric

    metric = Metric(id="m", label="受理隐患事项", value=1)  # pairs: 受理 理隐 隐患 患事 事项
    assert typed._points_to("受理隐患事项", metric) == 1.0
    assert typed._points_to("隐患的事项受理", metric) == 0.6  # 隐患 事项 受理: 3 of 5
    assert typed._points_to("患事项", metric) == 0.4  # head noun right before: 0.3 enough
    assert typed._points_to("患事项已经办结了", metric) == 0.0  # head noun 5 back: not near
    assert typed._points_to("患事项已经办了", metric) == 0.4  # 4 back: near
    assert typed._points_to("事项增至", metric) == 0.0  # 1 of 5: under 0.3
    assert typed._points_to("受理隐患", metric) == 0.0  # no head noun
    assert typed._points_to("项", Metric(id="m", label="项", value=1)) == 0.0  # too short


def test_agrees_rounds_half_up_to_the_written_places() -> None:
    from reportgen.model.report import Metric
    from reportgen.settings.units import UnitTable

    table = SHIPPED.units
    assert isinstance(table, UnitTable)
    m = Metric(id="m", label="资金", value=26.75, unit="亿元")
    assert typed._agrees("26.8", "亿元", m, table) is True  # 26.75 → 26.8
    assert typed._agrees("27", "亿元", m, table) is True
    assert typed._agrees("26.7", "亿元", m, table) is False
    assert typed._agrees("267500", "万元", m, table) is True
    assert typed._agrees("2", "户", m, table) is None
    half = Metric(id="m", label="资金", value=2.5, unit="亿元")
    assert typed._agrees("3", "亿元", half, table) is True  # half-up; half-even says 2
    assert typed._agrees("2", "亿元", half, table) is False


def test_a_metric_of_next_years_plan_is_the_same_document() -> None:
    review = build_view(load_yaml_text(doc("累计发放资金27.5亿元。"), "data/2022.yaml"), "review")
    plan_text = "kind: plan\norganisation: 城南街道\nyear: 2023\nmetrics:\n" + FUNDS
    plan = build_view(load_yaml_text(plan_text, "data/2023_plan.yaml"), "plan")
    other_year = build_view(
        load_yaml_text(plan_text.replace("2023", "2024"), "data/2024_plan.yaml"), "plan"
    )
    problems = [p for p in lint([review, plan], SHIPPED.rules) if p.rule == "figures-typed"]
    assert [str(p.location) for p in problems] == ["data/2022.yaml:3:16"]
    problems = [p for p in lint([review, other_year], SHIPPED.rules) if p.rule == "figures-typed"]
    assert problems == []
    assert document_of(plan, [review, plan, other_year]) == [plan, review]
    no_year = build_view(load_yaml_text("organisation: x\nyear: true\n", "a.yaml"), "review")
    assert document_of(no_year, [review, plan]) == [no_year]


def test_unused_metrics() -> None:
    metrics = (
        "  - {id: used, label: 规上工业总产值, value: 4720, unit: 万元}\n"
        "  - {id: named, label: 企业数, value: 47, unit: 家}\n"
        "  - {id: typed_about, label: 拆征安置累计发放资金, value: 26.76, unit: 亿元}\n"
        "  - {id: alone, label: 调解成功率, value: 98, unit: '%'}\n"
    )
    text = doc("全年{{used}}，企业数保持稳定，累计发放资金27亿元。", metrics)
    view = build_view(load_yaml_text(text, "data/2022.yaml"), "review")
    assert [
        (str(p.location), p.path, p.message)
        for p in lint([view], SHIPPED.rules)
        if p.rule == "figures-unused"
    ] == [
        (
            "data/2022.yaml:8:10",
            "metrics[3]",
            "metric '调解成功率' (alone) is not referred to in the text",
        )
    ]


def test_a_reference_without_a_change_does_not_stop_the_next_ones() -> None:
    # 产10 值11 {{unknown}}12-22 ，23 {{output}}24-33 ，34 同35 比36 增37 长38 1 at 39
    assert [
        loc for _, loc, *_ in found(doc("产值{{unknown}}，{{output}}，同比增长10%。", OUTPUT))
    ] == ["3:39"]


def test_where_the_typed_change_is_read_from() -> None:
    # right after the reference's }}: 产10 值11 {{output}}12-21 同22 比23 增24 长25 1 at 26
    assert [loc for _, loc, *_ in found(doc("产值{{output}}同比增长10%。", OUTPUT))] == ["3:26"]
    # 同比 up to 12 characters after the }}: ，一二三四五六七八九十 is 11
    assert found(doc("产值{{output}}，一二三四五六七八九十同比增长10%。", OUTPUT)) != []
    assert found(doc("产值{{output}}，一二三四五六七八九十一二同比增长10%。", OUTPUT)) == []
    # the }} of this reference, not of a later one
    assert found(doc("产值{{output}}，同比增长10%，{{unknown}}。", OUTPUT)) != []


def test_a_small_change_in_the_direction_the_text_says() -> None:
    small = OUTPUT.replace("value: 90", "value: 100.5")  # +0.5%
    assert found(doc("产值{{output}}，同比增长{{output.change}}。", small)) == []


def test_a_finding_names_the_passage() -> None:
    view = build_view(
        load_yaml_text(
            doc("产值{{output}}，同比增长{{output.change}}。", OUTPUT), "data/2022.yaml"
        ),
        "review",
    )
    assert [p.path for p in lint([view], SHIPPED.rules) if p.rule == "figures-yoy"] == ["opening"]


def test_the_chinese_messages_name_both_directions() -> None:
    from reportgen.settings.messages import set_language

    set_language("zh")  # the english fixture puts English back afterwards
    stated = "  - {id: output, label: 产值, value: 90, previous: 100, unit: 万元, change: 10}\n"
    rose = "  - {id: output, label: 产值, value: 110, previous: 100, unit: 万元, change: -10}\n"
    assert [m for _, _, m, _ in found(doc("产值{{output}}。", stated))] == [
        "同比增长10%与两年数值不符：由 100万元 到 90万元，应为下降10%"
    ]
    assert [m for _, _, m, _ in found(doc("产值{{output}}。", rose))] == [
        "同比下降10%与两年数值不符：由 100万元 到 110万元，应为增长10%"
    ]
    assert [m for _, _, m, _ in found(doc("产值{{output}}，同比增长10%。", OUTPUT))] == [
        "正文写同比增长10%，但指标“规上工业总产值”的同比变化是 -10%"
    ]
    assert [m for _, _, m, _ in found(doc("产值由100万元增长到90万元，增长10%。"))] == [
        "同比增长10%与两年数值不符：由 100万元 到 90万元，应为下降10%"
    ]
    assert [m for _, _, m, _ in found(doc("产值由80增长到100，下降20%。"))] == [
        "同比下降20%与两年数值不符：由 80 到 100，应为增长25%"
    ]


def test_a_typed_change_finding_names_the_passage() -> None:
    view = build_view(
        load_yaml_text(doc("产值{{output}}，同比增长10%。", OUTPUT), "data/2022.yaml"), "review"
    )
    assert [p.path for p in lint([view], SHIPPED.rules) if p.rule == "figures-yoy"] == ["opening"]


def test_a_typed_change_exactly_the_tolerance_away_is_accepted() -> None:
    flat = OUTPUT.replace("value: 90", "value: 100")  # 0%; 0.1 - 0 is exactly 0.1
    assert found(doc("产值{{output}}，同比增长0.1%。", flat)) == []
    assert found(doc("产值{{output}}，同比增长0.2%。", flat)) != []


def test_from_to_edges() -> None:
    # a skipped pair (from 0) does not stop the next one in the same passage
    assert (
        len(found(doc("产值由0万元增长到90万元，增长10%；产值由100万元增长到90万元，增长10%。")))
        == 1
    )
    assert found(doc("产值由100增长到100，增长0.1%。")) == []  # exactly the tolerance away
    assert found(doc("产值由3增长到4，增长30%。"))[0][2:] == (
        "a change of 30% does not match the values 3 → 4: that is 33.33%",
        "33.33",
    )
    view = build_view(load_yaml_text(doc("产值由80增长到100，增长20%。"), "a.yaml"), "review")
    assert [p.path for p in lint([view], SHIPPED.rules) if p.rule == "figures-yoy"] == ["opening"]


def test_from_to_no_change_or_a_small_rise_reads_as_growth() -> None:
    from reportgen.settings.messages import set_language

    set_language("zh")
    assert found(doc("产值由100增长到100，下降5%。"))[0][2] == (
        "同比下降5%与两年数值不符：由 100 到 100，应为增长0%"
    )
    assert found(doc("产值由100增长到100.5，下降5%。"))[0][2] == (
        "同比下降5%与两年数值不符：由 100 到 100.5，应为增长0.5%"
    )


def test_stated_in_text_edges() -> None:
    two = "  - {id: a, label: 产值, value: 120, unit: 万元}\n"
    assert [r for r, *_ in found(doc("全年{{a}}，产值达100万元。", two), "figures-conflict")] == [
        "figures-conflict"
    ]
    in_a_label = two + "  - {id: b, label: 产值100万元以上企业数, value: 5, unit: 家}\n"
    assert found(doc("全年{{a}}{{b}}。", in_a_label), "figures-conflict") == []
    unitless_first = "  - {id: x, label: 企业数, value: 5}\n" + two
    assert [
        r for r, *_ in found(doc("全年{{x}}，产值达100万元。", unitless_first), "figures-conflict")
    ] == ["figures-conflict"]
    # a filled-in figure first, then a typed one, in the same passage
    assert [
        loc
        for _, loc, *_ in found(
            doc("产值{{a.value}}万元，产值达100万元。", two), "figures-conflict"
        )
    ] == [
        "3:29"  # 产10 值11 {{a.value}}12-22 万23 元24 ，25 产26 值27 达28 1 at 29
    ]


def test_points_to_edges() -> None:
    from reportgen.model.report import Metric

    assert typed._points_to("资金", Metric(id="m", label="资金", value=1)) == 1.0  # two: enough
    four = Metric(id="m", label="发放总资金", value=1)  # 发放 放总 总资 资金
    assert typed._points_to("资金发放了很多很多", four) == 0.5  # half: enough, near or not
    five = Metric(id="m", label="受理隐患事项", value=1)
    assert typed._points_to("事项一二三四五患事项", five) == 0.4  # the last 事项 is near
    ten = Metric(id="m", label="一二三四五六七八九资金", value=1)  # ten pairs
    assert typed._points_to("八九资金", ten) == 0.3  # three of ten, near: enough


def test_the_clause_starts_after_the_last_mark() -> None:
    metric = "  - {id: f, label: 发放资金, value: 26.76, unit: 亿元}\n"
    assert found(doc("一，资金很多，发放27.5亿元。", metric), "figures-typed") == []
    assert [loc for _, loc, *_ in found(doc("资金27.5亿元。", metric), "figures-typed")] == ["3:12"]


def test_a_unit_only_a_metric_uses() -> None:
    metric = "  - {id: cams, label: 安装监控设备, value: 5, unit: 台}\n"  # 台: not in units.yaml
    assert [r for r, *_ in found(doc("监控设备安装6台。", metric), "figures-typed")] == [
        "figures-typed"
    ]


def test_a_document_that_is_not_a_mapping_or_a_metric_that_is_not_one() -> None:
    view = build_view(load_yaml_text("- 1\n- 2\n", "data/2023.yaml"), "review")
    assert lint([view], SHIPPED.rules) == []
    odd = doc("累计发放资金27.5亿元。", "  - just words\n" + FUNDS)
    assert [r for r, *_ in found(odd, "figures-typed")] == ["figures-typed"]


def test_a_figure_stated_after_its_label_names_the_passage() -> None:
    metric = "  - {id: a, label: 产值, value: 120, unit: 万元}\n"
    view = build_view(load_yaml_text(doc("全年{{a}}，产值100万元。", metric), "a.yaml"), "review")
    assert [p.path for p in lint([view], SHIPPED.rules) if p.rule == "figures-conflict"] == [
        "opening"
    ]


def test_units_come_from_the_project_holding_the_data_folder(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(typed, "_units", lambda root: asked.append(root) or SHIPPED.units)
    for name in ("proj/data/2022.yaml", "proj/drafts/2022.yaml"):
        typed.units_for(build_view(load_yaml_text("year: 2022\n", str(tmp_path / name)), "review"))
    assert asked == [str(tmp_path / "proj"), str(tmp_path / "proj" / "drafts")]


def test_the_surest_metric_is_the_one_compared() -> None:
    metrics = (
        "  - {id: special, label: 专项资金, value: 27.5, unit: 亿元}\n"  # 资金 only: 0.33
        "  - {id: funds, label: 累计发放资金, value: 26.76, unit: 亿元}\n"  # 4 of 5: 0.8
    )
    assert [
        r for r, *_ in found(doc("全年累计发放了资金27.5亿元。", metrics), "figures-typed")
    ] == ["figures-typed"]
    tie = (
        "  - {id: first, label: 发放资金, value: 26.76, unit: 亿元}\n"
        "  - {id: second, label: 发放资金, value: 27.5, unit: 亿元}\n"
    )
    assert [m for _, _, m, _ in found(doc("全年发放了资金27.5亿元。", tie), "figures-typed")] == [
        "the text says 27.5亿元, but '发放资金' is 26.76亿元 (data/2022.yaml:5:37), "
        "that is 26.76亿元"
    ]


def test_an_invalid_metric_is_not_a_candidate() -> None:
    odd = doc("累计发放资金27.5亿元。", "  - {id: broken}\n" + FUNDS)
    assert [r for r, *_ in found(odd, "figures-typed")] == ["figures-typed"]


def test_a_figure_inside_a_metrics_label_is_not_typed_text() -> None:
    metrics = (
        "  - {id: a, label: 产值, value: 120, unit: 万元}\n"
        "  - {id: b, label: 企业产值超100万元的企业数, value: 5, unit: 家}\n"
    )
    assert found(doc("全年{{a}}，{{b}}。", metrics), "figures-typed") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("产值增长", "产值增长"),
        ("一，产值增长", "产值增长"),
        ("一,二；三;四。五！六？七\n八", "八"),
        ("产值增长。", ""),
        ("，", ""),
        ("一：二", "一：二"),  # the full-width colon does not end a clause here
    ],
)
def test_the_last_clause(text: str, expected: str) -> None:
    assert figures._last_clause(text) == expected


def _stated_by_pattern(text: str, label: str, unit: str) -> list[tuple[int, str]]:
    # The pattern each metric had compiled for it: the tests' own reference.
    pattern = re.compile(
        re.escape(label)
        + r"(?:达到|达|为|实现|完成|共|累计|约)?(?P<n>\d+(?:\.\d+)?)"
        + re.escape(unit)
    )
    return [(m.start("n"), m["n"]) for m in pattern.finditer(text)]


def _stated(text: str, label: str, unit: str) -> list[tuple[int, str]]:
    return [(m.start("n"), m["n"]) for m in figures._stated_after(text, label, unit)]


@pytest.mark.parametrize(
    ("text", "label", "unit", "expected"),
    [
        ("产值100万元", "产值", "万元", [(2, "100")]),
        ("产值达到100万元", "产值", "万元", [(4, "100")]),
        ("产值达100万元", "产值", "万元", [(3, "100")]),
        ("产值累计12.5万元，产值约3万元", "产值", "万元", [(4, "12.5"), (14, "3")]),
        ("产值100亿元", "产值", "万元", []),
        ("产值达到了100万元", "产值", "万元", []),
        ("产值100.万元", "产值", "万元", []),  # "100." is no figure
        ("产值12.5.6万元", "产值", "万元", []),
        ("产产值5件", "产值", "件", [(3, "5")]),
        ("值值值5件", "值值", "件", [(3, "5")]),  # the second occurrence, overlapping the first
        ("产值5件产值6件", "产值", "件", [(2, "5"), (6, "6")]),
        ("产值٣件", "产值", "件", [(2, "٣")]),  # any decimal digit, as \d
        ("产值12.5%", "产值", "%", [(2, "12.5")]),
        # a unit beginning with a digit or ".": the figure gives back what the unit needs
        ("产值1002号", "产值", "2号", [(2, "100")]),
        ("产值10.5号", "产值", ".5号", [(2, "10")]),
        ("产值10.55号", "产值", "5号", [(2, "10.5")]),
    ],
)
def test_a_figure_stated_after_a_label(
    text: str, label: str, unit: str, expected: list[tuple[int, str]]
) -> None:
    assert _stated(text, label, unit) == expected
    assert _stated_by_pattern(text, label, unit) == expected


@given(
    text=st.text(alphabet="产值达到为约共累计实现完成12.5万元件%号，", max_size=40),
    label=st.sampled_from(["产值", "产值达", "值值", "达到"]),
    unit=st.sampled_from(["万元", "元", "件", "%", "2号", ".5", "5", "达", "产值"]),
)
def test_a_figure_stated_after_a_label_as_one_pattern_per_metric_found_it(
    text: str, label: str, unit: str
) -> None:
    assert _stated(text, label, unit) == _stated_by_pattern(text, label, unit)


@pytest.mark.parametrize(
    ("built", "written"),
    [
        (figures._NOT_SENTENCE_END, "[^。；;！？\n{]"),
        (figures._NOT_FIGURE_OR_CLAUSE_END, r"[^\d，。；,;]"),
    ],
)
def test_none_of_is_the_class_it_stands_for(built: str, written: str) -> None:
    # The character classes the patterns were written with: the tests' own reference.
    one, other = re.compile(built), re.compile(written)
    differ = [
        c for c in map(chr, range(0x110000)) if bool(one.fullmatch(c)) != bool(other.fullmatch(c))
    ]
    assert differ == []


def test_none_of_edges() -> None:
    sentence = re.compile(figures._NOT_SENTENCE_END)
    assert [c for c in "。；;！？\n{，,5a增" if sentence.fullmatch(c)] == [
        "，",
        ",",
        "5",
        "a",
        "增",
    ]
    clause = re.compile(figures._NOT_FIGURE_OR_CLAUSE_END)
    assert [c for c in "，。；,;5٣！？\n{a增" if clause.fullmatch(c)] == [
        "！",
        "？",
        "\n",
        "{",
        "a",
        "增",
    ]
    assert sentence.fullmatch("") is None and clause.fullmatch("ab") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", False),
        ("由", False),
        ("由此可见，从严治党", False),
        ("由 100", False),  # the pattern wants the figure right after
        ("100由", False),
        ("由一百", False),
        ("由100增长到110", True),
        ("从严，从5", True),  # the second 从
        ("由٣", True),  # any decimal digit, as \d
    ],
)
def test_from_a_figure(text: str, expected: bool) -> None:
    assert figures._from_a_figure(text) is expected


@given(st.text(alphabet="由从到至增长下降同比了为达12.5%％万元，, ", max_size=30))
def test_a_text_with_two_years_stated_has_a_figure_after_from(text: str) -> None:
    if any(figures._two_years_pattern().finditer(text)):
        assert figures._from_a_figure(text)

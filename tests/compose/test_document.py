from __future__ import annotations

import datetime as dt

import pytest

from reportgen.compose.document import compose_documents
from reportgen.errors import UserError
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
from reportgen.text.references import resolve_metric

SECTIONS = {
    "highlights": "{year}年亮点工作",
    "shortcomings": "存在问题及短板",
    "priorities": "{year}年重点工作",
}


def review(**extra) -> Review:
    fields = dict(
        organisation="*街道",
        year=2022,
        opening="2022年来,成绩显著。",
        metrics=[Metric(id="output", label="规上工业总产值", value=4720, unit="万元", change=7.8)],
        highlights=[
            Highlight(
                heading="社会发展开拓新局面",
                points=[
                    Point(text="慎终如始筑牢疫情防线。"),
                    Point(
                        lead="稳进提质统筹经济指标",
                        text="实现{{output}},同比增长{{output.change}};",
                    ),
                ],
            ),
            Highlight(heading="拆征安置取得新突破", points=[Point(text="完成安置。")]),
        ],
        shortcomings=[Shortcoming(heading="招商引资短板明显", points=[Point(text="空间不足。")])],
    )
    fields.update(extra)
    return Review(**fields)


def plan(**extra) -> Plan:
    fields = dict(
        organisation="*街道",
        year=2023,
        priorities=[
            Priority(heading="全面强化项目为王这一支撑", points=[Point(text="加快结算。")])
        ],
    )
    fields.update(extra)
    return Plan(**fields)


def test_combined_document_structure() -> None:
    composed = compose_documents(review(), plan(), SECTIONS)
    assert composed.title == "*街道2022年工作总结及2023年工作思路"
    assert [b.text for b in composed.blocks] == [
        "*街道2022年工作总结及2023年工作思路",
        "2022年来，成绩显著。",
        "一、2022年亮点工作",
        "（一）社会发展开拓新局面。慎终如始筑牢疫情防线。稳进提质统筹经济指标，实现4720万元，同比增长7.8%；",
        "（二）拆征安置取得新突破。完成安置。",
        "二、存在问题及短板",
        "（一）招商引资短板明显。空间不足。",
        "三、2023年重点工作",
        "（一）全面强化项目为王这一支撑。加快结算。",
    ]


def test_spans_carry_roles_for_fonts() -> None:
    block = compose_documents(review(), None, SECTIONS).blocks[3]
    assert block.level == 2
    assert [(s.role, s.text) for s in block.spans[:4]] == [
        ("number", "（一）"),
        ("heading", "社会发展开拓新局面。"),
        ("text", "慎终如始筑牢疫情防线。"),
        ("lead", "稳进提质统筹经济指标"),
    ]
    assert block.head == "（一）社会发展开拓新局面。"


def test_review_alone_and_plan_alone() -> None:
    alone = compose_documents(review(), None, SECTIONS)
    assert alone.title == "*街道2022年工作总结"
    assert "三、" not in alone.plain_text()
    only_plan = compose_documents(None, plan(), SECTIONS)
    assert only_plan.title == "*街道2023年工作思路"
    assert only_plan.blocks[1].text == "一、2023年重点工作"


def test_empty_section_is_left_out_and_numbering_closes_up() -> None:
    composed = compose_documents(review(shortcomings=[]), plan(), SECTIONS)
    assert "二、2023年重点工作" in composed.plain_text()


def test_list_layout_numbers_points_at_level_three() -> None:
    item = Highlight(
        heading="重点", layout="list", points=[Point(text="甲。"), Point(lead="乙", text="丙。")]
    )
    composed = compose_documents(review(highlights=[item]), None, SECTIONS)
    texts = [(b.level, b.text) for b in composed.blocks]
    assert (2, "（一）重点。") in texts
    assert (3, "1.甲。") in texts
    assert (3, "2.乙，丙。") in texts


def test_signature_date_in_arabic_numerals_and_attachments() -> None:
    composed = compose_documents(
        review(
            signature=Signature(name="*街道办事处", date=dt.date(2023, 1, 5)),
            attachments=["主要指标表", "重点项目清单"],
        ),
        None,
        SECTIONS,
    )
    tail = [(b.kind, b.text) for b in composed.blocks[-4:]]
    assert tail == [
        ("attachment", "附件：1.主要指标表"),
        ("attachment", "2.重点项目清单"),
        ("signature", "*街道办事处"),
        ("date", "2023年1月5日"),
    ]


def test_metric_rows() -> None:
    [row] = compose_documents(review(), None, SECTIONS).metrics
    assert (row.label, row.value, row.unit, row.change) == (
        "规上工业总产值",
        "4720",
        "万元",
        "+7.8%",
    )


def test_metric_references() -> None:
    metric = Metric(id="x", label="信访批次", value=20, unit="批", previous=60)
    assert resolve_metric(metric, None) == "20批"
    assert resolve_metric(metric, "previous") == "60批"
    assert resolve_metric(metric, "change") == "66.67%"  # a fall: the text says 下降
    with pytest.raises(KeyError):
        resolve_metric(metric, "period")


def test_undefined_reference_is_a_user_error() -> None:
    bad = review(opening="共{{missing}}。")
    with pytest.raises(UserError, match="未定义的指标"):
        compose_documents(bad, None, SECTIONS)

"""The pieces issue 12 added to import, each on hand-written input: web debris anywhere, hard
wraps, meaningful spaces, the publisher row, refusals, squashed documents, attachments."""

from __future__ import annotations

import pytest

from reportgen.importer.cleaner import Line, clean, metadata_organisation, squeeze_spaces
from reportgen.importer.doctype import refused_kind
from reportgen.importer.reader import RawParagraph
from reportgen.importer.structure import structure
from reportgen.importer.unsquash import unsquash


def lines(*texts: str) -> list[RawParagraph]:
    return [RawParagraph(text, n) for n, text in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("当前位置：首页 > 政务公开 > 计划总结", "breadcrumb"),
        ("您的位置：首页>新闻中心", "breadcrumb"),
        ("索引号：A-1|发布单位：某街道|发布日期：2023-01-09", "metadata"),
        ("发布机构：某社区 | 发布日期：2023-01-18 | 浏览次数：96", "metadata"),
        ("更新时间：2023-11-05  来源：网友投稿", "metadata"),
        ("更新时间：2023-11来源：网友投稿", "metadata"),
        ("索引号|JS-2023-01|发布单位|建设街道|发布日期|2023-01-05", "metadata"),
        ("点击：208", "metadata"),
        ("打印本页 关闭窗口 分享到", "web page chrome"),
        ("打印本页\u3000关闭窗口", "web page chrome"),
        ("【字体：大 中 小】", "web page chrome"),
        ("扫一扫在手机打开当前页", "web page chrome"),
        ("上一篇：某街道2023年上半年工作总结", "web footer"),
        ("— 2 —", "page number"),
        ("第 2 页 共 5 页", "page number"),
    ],
)
def test_debris_is_dropped_wherever_it_stands(text: str, reason: str) -> None:
    # in the middle of the document, far from its head and tail
    body = [f"（{n}）第{n}项工作。完成任务。" for n in "一二三四五六七八九"]
    cleaned = clean(lines(*body[:5], text, *body[5:]))
    assert [(d.reason, d.text) for d in cleaned.dropped] == [(reason, text)]
    assert len(cleaned.lines) == 9


def test_the_publisher_row_names_the_organisation() -> None:
    assert (
        metadata_organisation("索引号：A-1|发布单位：云溪街道|发布日期：2023-01-09") == "云溪街道"
    )
    assert metadata_organisation("来源：金沙社区\u3000\u3000发布时间：2023-01-16") == "金沙社区"
    assert metadata_organisation("更新时间：2023-11-05  来源：网友投稿") is None
    assert metadata_organisation("索引号|JS-2023-01|发布单位|建设街道|发布日期|2023-01-05") == (
        "建设街道"
    )


def test_a_space_between_phrases_is_content() -> None:
    assert squeeze_spaces("坚持“品质建设 文化古城”发展主线") == "坚持“品质建设 文化古城”发展主线"
    assert squeeze_spaces("“一街一品\u3000一巷一景”") == "“一街一品\u3000一巷一景”"
    assert squeeze_spaces("一、2022年 亮点 工作") == "一、2022年亮点工作"


def test_hard_wraps_in_an_indented_text_are_joined() -> None:
    cleaned = clean(
        lines(
            "\u3000\u30002022年，南湖镇党委、政府团结带领全镇干部群众，",
            "坚决落实上级决策部署，全力以赴稳经济、促发展、保民",
            "生，全镇经济社会保持平稳健康发展态势。",
            "\u3000\u3000一、2022年工作成效",
            "\u3000\u3000（一）农业基础更加稳固。全镇粮食播种面积稳定在",
            "4.2万亩。",
        )
    )
    assert [line.text for line in cleaned.lines] == [
        "2022年，南湖镇党委、政府团结带领全镇干部群众，坚决落实上级决策部署，"
        "全力以赴稳经济、促发展、保民生，全镇经济社会保持平稳健康发展态势。",
        "一、2022年工作成效",
        "（一）农业基础更加稳固。全镇粮食播种面积稳定在4.2万亩。",
    ]
    assert cleaned.wrapped == 3


@pytest.mark.parametrize(
    ("title", "found"),
    [
        ("区人民政府办公室关于做好2023年度安全生产工作的通知", "通知"),
        ("关于申请拨付老旧小区改造配套资金的请示", "请示"),
        ("区自然资源局关于商请提供用地规划意见的函", "函"),
    ],
)
def test_other_kinds_of_document_are_named(title: str, found: str) -> None:
    assert refused_kind([Line(title, [])]) == (found, title)


def test_a_summary_or_plan_is_not_refused() -> None:
    assert refused_kind([Line("关于2022年工作总结和2023年工作计划的报告", [])]) is None
    assert refused_kind([Line("某街道2022年工作总结", [])]) is None


def test_a_squashed_document_is_split_where_its_markers_run_in_order() -> None:
    text = (
        "2022年，某社区紧紧围绕街道中心工作，认真履行社区服务职能，较好完成了年度目标任务。"
        "一、2022年工作总结（一）党建加强。开展活动52次。"
        "（二）治理提效。协商解决事项18件。二、存在的问题（一）设施老化，场地不足。"
        "三、2023年工作打算（一）建强组织。覆盖率达到80%以上。新的一年，某社区将再接再厉。"
    )
    split, count = unsquash([Line(text, [RawParagraph(text, 1)])])
    assert count == 1
    assert [line.text for line in split] == [
        "2022年，某社区紧紧围绕街道中心工作，认真履行社区服务职能，较好完成了年度目标任务。",
        "一、2022年工作总结",
        "（一）党建加强。开展活动52次。",
        "（二）治理提效。协商解决事项18件。",
        "二、存在的问题",
        "（一）设施老化，场地不足。",
        "三、2023年工作打算",
        "（一）建强组织。覆盖率达到80%以上。",
        "新的一年，某社区将再接再厉。",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "会议强调。二、稳就业。一、保民生。" * 20,  # long, but 一、二、 not in order
        "会议强调。一、稳就业。二、保民生。一、再强调。" * 10,  # 一、 again: not one sequence
        "要抓好两件事：一、稳就业；二、保民生。" * 20,  # an enumeration inside a sentence
    ],
)
def test_markers_out_of_sequence_do_not_split(text: str) -> None:
    split, count = unsquash([Line(text, [RawParagraph(text, 1)])])
    assert count == 0 and [line.text for line in split] == [text]


def test_attachments_on_one_line_are_one_each() -> None:
    outline = structure(
        [
            Line(text, [RawParagraph(text, n)])
            for n, text in enumerate(
                [
                    "一、2022年工作总结",
                    "（一）工作推进有力。完成任务。",
                    "附件：1.2022年主要指标完成情况表 2.2023年重点项目计划表",
                ],
                start=1,
            )
        ]
    )
    assert outline.attachments == ["2022年主要指标完成情况表", "2023年重点项目计划表"]

"""compose places the author's titles, parts and sub-points (issue 12): where each part stands,
how sections and parts share the numbers 一、二、…, and that a part's item knows its YAML path."""

from __future__ import annotations

from reportgen.compose.document import compose
from reportgen.model.loader import load_yaml_text
from reportgen.model.report import Plan, Report, Review
from reportgen.model.sourcemap import locate
from reportgen.model.validate import validate_loaded

SECTIONS = {
    "highlights": "{year}年亮点工作",
    "shortcomings": "存在问题",
    "priorities": "{year}年重点",
}


def item(heading: str, *points: object) -> dict[str, object]:
    return {"heading": heading, "points": list(points) or ["完成。"]}


def texts(report: Report) -> list[str]:
    return [b.text for b in compose(report, SECTIONS).body]


def test_parts_stand_where_after_says_and_are_numbered_with_sections() -> None:
    review = Review.model_validate(
        {
            "organisation": "某镇",
            "year": 2022,
            "opening": "开头。",
            "parts": [
                {"title": "结尾部分"},
                {"title": "基本情况", "after": "opening", "text": "概况。"},
                {"title": "中间部分", "after": "highlights"},
            ],
            "highlights": [item("亮点")],
            "shortcomings": [item("短板")],
        }
    )
    assert texts(Report(review=review)) == [
        "开头。",
        "一、基本情况",
        "概况。",
        "二、2022年亮点工作",
        "（一）亮点。完成。",
        "三、中间部分",
        "四、存在问题",
        "（一）短板。完成。",
        "五、结尾部分",
    ]


def test_a_part_after_an_empty_section_keeps_its_place() -> None:
    review = Review.model_validate(
        {
            "organisation": "某镇",
            "year": 2022,
            "parts": [{"title": "附记", "after": "highlights", "text": "说明。"}],
            "shortcomings": [item("短板")],
        }
    )
    assert texts(Report(review=review)) == [
        "一、附记",
        "说明。",
        "二、存在问题",
        "（一）短板。完成。",
    ]


def test_combined_report_keeps_each_documents_parts_in_its_own_half() -> None:
    review = Review.model_validate(
        {
            "organisation": "某镇",
            "year": 2022,
            "titles": {"highlights": "主要工作及成效"},
            "parts": [{"title": "意见建议", "items": [item("加大支持")]}],
            "highlights": [item("亮点")],
        }
    )
    plan = Plan.model_validate(
        {
            "organisation": "某镇",
            "year": 2023,
            "opening": "明年思路如下。",
            "titles": {"priorities": "下一步工作打算"},
            "parts": [{"title": "总体思路", "after": "opening", "text": "稳中求进。"}],
            "priorities": [item("抓项目")],
        }
    )
    assert texts(Report(review=review, plan=plan)) == [
        "一、主要工作及成效",
        "（一）亮点。完成。",
        "二、意见建议",
        "（一）加大支持。完成。",
        "三、总体思路",
        "稳中求进。",
        "四、下一步工作打算",
        "明年思路如下。",
        "（一）抓项目。完成。",
    ]


YAML = """\
organisation: 某镇
year: 2022
titles:
  highlights: 主要工作及成效
parts:
  - id: suggestions
    title: 意见建议
    items:
      - heading: 强化人才保障
        layout: list
        points:
          - text: 建议：
            subpoints:
              - 选派干部驻村。
highlights:
  - heading: 亮点
    points:
      - text: 做了两件事：
        subpoints: [修路。, 建桥。]
"""


def composed():
    loaded = load_yaml_text(YAML, "2022.yaml")
    return loaded, compose(Report(review=validate_loaded(loaded, "review")), SECTIONS)


def test_a_parts_items_are_their_own_section_with_their_yaml_path() -> None:
    _, doc = composed()
    blocks = [b for b in doc.blocks if b.item is not None and b.section == "parts/suggestions"]
    assert [b.text for b in blocks] == ["（一）强化人才保障。", "1.建议：", "（1）选派干部驻村。"]
    ref = blocks[0].item
    assert ref is not None
    assert (ref.section, ref.section_title, ref.index) == ("parts/suggestions", "意见建议", 1)
    assert ref.path == ("parts", 0, "items", 0)
    assert ref.points == ("建议：（1）选派干部驻村。",)
    assert [b.level for b in blocks] == [2, 3, 4]


def test_part_item_sub_point_and_title_locate_at_their_line_and_column() -> None:
    loaded, doc = composed()
    sub = next(b for b in doc.blocks if b.text == "（1）选派干部驻村。")
    span = sub.spans[1]
    assert span.origin is not None
    assert span.origin.path == ("parts", 0, "items", 0, "points", 0, "subpoints", 0)
    at = locate(loaded, span.origin.path, span.origin.offset(2))  # 干
    assert (at.line, at.column) == (14, 19)
    title = next(b for b in doc.blocks if b.text == "一、主要工作及成效").spans[1]
    assert title.origin is not None and title.origin.path == ("titles", "highlights")
    at = locate(loaded, title.origin.path, title.origin.offset(0))
    assert (at.line, at.column) == (4, 15)


def test_run_in_sub_points_follow_their_point_in_the_paragraph() -> None:
    _, doc = composed()
    block = next(b for b in doc.blocks if b.section == "highlights" and b.item is not None)
    assert block.text == "（一）亮点。做了两件事：（1）修路。（2）建桥。"
    assert [s.role for s in block.spans] == [
        "number",
        "heading",
        "text",
        "text",
        "text",
        "text",
        "text",
    ]
    assert [s.text for s in block.spans[3:]] == ["（1）", "修路。", "（2）", "建桥。"]
    assert block.spans[3].origin is None  # the number is compose's, not the author's
    assert block.spans[6].origin is not None
    assert block.spans[6].origin.path == ("highlights", 0, "points", 0, "subpoints", 1)


def test_an_intro_stands_under_its_section_title_before_the_items() -> None:
    review = Review.model_validate(
        {
            "organisation": "某镇",
            "year": 2022,
            "titles": {"shortcomings": "存在的问题"},
            "intros": {"highlights": "总的看。\n\n分项看。", "shortcomings": "人手少、任务重。"},
            "highlights": [item("亮点")],
        }
    )
    # a section with an intro and no items still stands, with its number
    assert texts(Report(review=review)) == [
        "一、2022年亮点工作",
        "总的看。",
        "分项看。",
        "（一）亮点。完成。",
        "二、存在的问题",
        "人手少、任务重。",
    ]


def test_a_reviews_own_title_is_the_whole_title_also_with_its_plan() -> None:
    plan = Plan(organisation="某镇", year=2023, priorities=[item("重点")])
    titled = Review(organisation="某镇", year=2022, title="某镇2022年工作总结和2023年工作计划")
    untitled = Review(organisation="某镇", year=2022)
    assert Report(review=titled, plan=plan).title == "某镇2022年工作总结和2023年工作计划"
    assert Report(review=untitled, plan=plan).title == "某镇2022年工作总结及2023年工作思路"
    assert Report(review=titled).title == "某镇2022年工作总结和2023年工作计划"

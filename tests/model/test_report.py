"""The model's own shapes for issue 12: parts made in code, titles per document kind."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from reportgen.model.report import (
    PLAN_SECTIONS,
    REVIEW_SECTIONS,
    Item,
    Part,
    Plan,
    PlanTitles,
    Point,
    Review,
    ReviewPart,
    ReviewTitles,
)


def test_a_part_made_in_code_becomes_the_documents_part() -> None:
    part = Part(title="基本情况", after="opening", items=[Item(heading="概况")])
    review = Review(organisation="某镇", year=2022, parts=[part])
    assert isinstance(review.parts[0], ReviewPart)
    assert (review.parts[0].after, review.parts[0].items[0].heading) == ("opening", "概况")
    assert review.parts[0].key == "parts/基本情况"
    with pytest.raises(ValidationError, match="'opening' or 'priorities'"):
        Plan(organisation="某镇", year=2023, parts=[Part(title="x", after="highlights")])


def test_titles_hold_exactly_the_documents_section_kinds() -> None:
    assert tuple(ReviewTitles.model_fields) == REVIEW_SECTIONS == ("highlights", "shortcomings")
    assert tuple(PlanTitles.model_fields) == PLAN_SECTIONS == ("priorities",)


def test_a_points_all_text_numbers_its_sub_points() -> None:
    point = Point(lead="抓项目", text="落地12个：", subpoints=["工业7个；", "农业5个。"])
    assert point.full_text == "抓项目，落地12个："
    assert point.all_text == "抓项目，落地12个：（1）工业7个；（2）农业5个。"
    assert Point.model_validate("只有正文。").subpoints == []

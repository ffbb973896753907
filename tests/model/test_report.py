"""The model's own shapes for issue 12: parts made in code, titles per document kind."""

from __future__ import annotations

from typing import Literal

import pytest
from pydantic import BaseModel, Field, ValidationError

from reportgen.model.report import (
    PLAN_SECTIONS,
    REVIEW_SECTIONS,
    Item,
    Metric,
    Part,
    Plan,
    PlanIntros,
    PlanPart,
    PlanTitles,
    Point,
    Review,
    ReviewIntros,
    ReviewPart,
    ReviewTitles,
    _document_model,
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


# A kind of document made up for the test: two section kinds of its own.
_MINUTES_SECTIONS = {
    "kind": (Literal["minutes"], "minutes"),
    "decisions": (list[Item], Field(default=[])),
    "follow_ups": (list[Item], Field(default=[])),
}


def test_a_new_kind_of_document_gets_titles_intros_and_parts_from_its_sections() -> None:
    minutes = _document_model("Minutes", _MINUTES_SECTIONS, "Minutes of a meeting.")
    assert [name for name in minutes.model_fields if name in ("titles", "intros", "parts")] == [
        "titles",
        "intros",
        "parts",
    ]
    titles = minutes.model_fields["titles"].annotation
    intros = minutes.model_fields["intros"].annotation
    assert (titles.__name__, intros.__name__) == ("MinutesTitles", "MinutesIntros")
    assert tuple(titles.model_fields) == tuple(intros.model_fields) == ("decisions", "follow_ups")
    document = minutes(
        organisation="某镇",
        year=2022,
        titles={"follow_ups": "下一步工作"},
        parts=[{"title": "会议概况", "after": "decisions"}],
    )
    assert document.titles.follow_ups == "下一步工作"
    assert document.titles.decisions is None
    assert type(document.parts[0]).__name__ == "MinutesPart"
    assert minutes(organisation="某镇", year=2022).parts == []
    with pytest.raises(ValidationError, match="'opening', 'decisions' or 'follow_ups'"):
        minutes(organisation="某镇", year=2022, parts=[{"title": "x", "after": "highlights"}])
    with pytest.raises(ValidationError) as caught:
        minutes(organisation="某镇", year=2022, titles={"highlights": "亮点"})
    assert [error["loc"] for error in caught.value.errors()] == [("titles", "highlights")]


def test_the_review_and_the_plan_keep_their_named_models() -> None:
    common = ["organisation", "year", "title", "opening", "closing", "metrics", "signature"]
    own = ["attachments", "kind"]
    assert list(Review.model_fields) == [
        *common,
        *own,
        "highlights",
        "shortcomings",
        "titles",
        "intros",
        "parts",
    ]
    assert list(Plan.model_fields) == [*common, *own, "priorities", "titles", "intros", "parts"]
    assert Review.model_fields["titles"].annotation is ReviewTitles
    assert Review.model_fields["intros"].annotation is ReviewIntros
    assert Review.model_fields["parts"].annotation == list[ReviewPart]
    assert Plan.model_fields["titles"].annotation is PlanTitles
    assert Plan.model_fields["intros"].annotation is PlanIntros
    assert Plan.model_fields["parts"].annotation == list[PlanPart]
    assert [m.__name__ for m in (ReviewTitles, ReviewIntros, ReviewPart)] == [
        "ReviewTitles",
        "ReviewIntros",
        "ReviewPart",
    ]
    assert tuple(PlanIntros.model_fields) == ("priorities",)
    assert (
        Review(organisation="某镇", year=2022).titles
        is not Review(organisation="某镇", year=2022).titles
    )  # each document its own titles, never one shared default


def test_the_review_and_the_plan_place_their_errors_as_before() -> None:
    with pytest.raises(ValidationError) as caught:
        Review(
            organisation="某镇",
            year=2022,
            titles={"priorities": "重点工作"},
            intros={"highlights": ""},
            parts=[{"title": "基本情况", "after": "priorities"}],
        )
    assert [(e["loc"], e["type"]) for e in caught.value.errors()] == [
        (("titles", "priorities"), "extra_forbidden"),
        (("intros", "highlights"), "too_short"),
        (("parts", 0, "after"), "literal_error"),
    ]
    with pytest.raises(ValidationError) as caught:
        Plan(organisation="某镇", year=2023, titles={"highlights": "亮点"}, parts=[{}])
    assert [(e["loc"], e["type"]) for e in caught.value.errors()] == [
        (("titles", "highlights"), "extra_forbidden"),
        (("parts", 0, "title"), "missing"),
    ]


def _errors(model: type[BaseModel], data: object) -> list[tuple[object, ...]]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return [(e["loc"], e["type"], e["input"], e.get("ctx")) for e in caught.value.errors()]


_EMPTY = {"field_type": "Value", "min_length": 1, "actual_length": 0}


def test_a_line_is_checked_in_order_invisible_cleaned_one_paragraph_not_empty() -> None:
    """One function per text type stands in for three validators and ``min_length=1``: each
    failure keeps pydantic's type, place, input and context, and the first check to fail wins."""
    assert _errors(Point, {"lead": "", "text": "  \n\n "}) == [
        (("lead",), "too_short", "", _EMPTY),  # pydantic's own min_length words
        (("text",), "too_short", "  \n\n ", _EMPTY),  # emptied by cleaning: no blank line left
    ]
    paragraphs = _errors(Point, {"text": "x", "subpoints": ["a\n\nb", "\x0b\n\nb", 3, None]})
    assert [(loc, kind, value) for loc, kind, value, _ in paragraphs] == [
        (("subpoints", 0), "one_paragraph", "a\n\nb"),
        (("subpoints", 1), "value_error", "\x0b\n\nb"),  # invisible refused before the blank line
        (("subpoints", 2), "string_type", 3),
        (("subpoints", 3), "string_type", None),
    ]
    assert Point.model_validate({"text": " a\n  b \n c "}).text == "abc"


def test_prose_keeps_its_paragraphs_and_a_cell_may_be_empty() -> None:
    assert Part.model_validate({"title": "t", "text": " a\n  b\n\n c "}).text == "ab\nc"
    assert _errors(Part, {"title": "t", "text": " \n "}) == [
        (("text",), "too_short", " \n ", _EMPTY)
    ]
    item = Item.model_validate({"heading": "h", "tables": [[["", " a\n b "]]]})
    assert item.tables == [[["", "ab"]]]
    cells = _errors(Item, {"heading": "h", "tables": [[["a\n\nb", "\x07"]], [[]]]})
    assert [(loc, kind) for loc, kind, _, _ in cells] == [
        (("tables", 0, 0, 0), "one_paragraph"),
        (("tables", 0, 0, 1), "value_error"),
        (("tables", 1, 0), "too_short"),  # a row needs a cell
    ]


def test_a_plain_value_refuses_only_invisible_characters() -> None:
    metric = Metric.model_validate({"id": "a", "label": "l", "value": 1, "unit": " \n\n "})
    assert metric.unit == " \n\n "  # not cleaned, and may be empty
    errors = _errors(Metric, {"id": "a", "label": "l", "value": 1, "period": "1-9\x0c月"})
    assert [(loc, kind, value) for loc, kind, value, _ in errors] == [
        (("period",), "value_error", "1-9\x0c月")
    ]

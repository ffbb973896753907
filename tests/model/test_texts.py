"""model.texts: the words of the one-paragraph refusal, and a kind of text made in a test (the
model's own kinds are made when the module is imported, before any test runs)."""

from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from reportgen.model.report import Point
from reportgen.model.texts import _Checked, one_paragraph

BLANK_LINE = "a blank line starts a paragraph; only opening and closing may"


def test_a_blank_line_is_refused_in_these_words() -> None:
    with pytest.raises(PydanticCustomError) as caught:
        one_paragraph("甲\n乙")
    assert (caught.value.type, caught.value.message()) == ("one_paragraph", BLANK_LINE)
    with pytest.raises(ValidationError) as error:
        Point.model_validate({"text": "x", "subpoints": ["甲\n\n乙"]})
    assert [e["msg"] for e in error.value.errors()] == [BLANK_LINE]
    assert one_paragraph("甲乙") == "甲乙"


def shouted(value: str) -> str:
    return value.upper() + "!"


def test_a_kind_runs_its_one_check_after_str_and_tells_the_schema_its_length() -> None:
    # Made here, not at import: mutmut's mutants start after the test modules are imported.
    class Made(BaseModel):
        loud: Annotated[str, _Checked(shouted, min_length=2)]
        quiet: Annotated[str, _Checked(shouted)]

    assert Made(loud="ab", quiet="c").model_dump() == {"loud": "AB!", "quiet": "C!"}
    with pytest.raises(ValidationError) as caught:
        Made(loud=1, quiet="c")  # type: ignore[arg-type]
    assert [e["type"] for e in caught.value.errors()] == ["string_type"]  # str first
    properties = Made.model_json_schema()["properties"]
    assert properties["loud"] == {"minLength": 2, "title": "Loud", "type": "string"}
    assert properties["quiet"] == {"title": "Quiet", "type": "string"}

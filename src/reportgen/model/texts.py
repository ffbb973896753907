"""The model's kinds of text, and what each is checked for: invisible characters refused,
wrapped lines joined (``clean_text``), one paragraph where a blank line cannot stand, and
something left after all that.

Each kind is one function that pydantic calls after its own ``str``, in the order the checks
run: the same errors (type, place, input, words) as the three ``AfterValidator``s and
``Field(min_length=1)`` it stands for, built once per use instead of four times.
"""

# No ``from __future__ import annotations``: see model/report.py.

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

from pydantic_core import PydanticCustomError, PydanticKnownError, core_schema

from reportgen.model.chars import refuse_invisible
from reportgen.text.cleaning import clean_text

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema


def one_paragraph(value: str) -> str:
    """Headings, points, labels and names sit inside one paragraph: a blank line in them
    would start a paragraph that the document cannot show, so it is refused, not guessed at."""
    if "\n" in value:
        raise PydanticCustomError(
            "one_paragraph", "a blank line starts a paragraph; only opening and closing may"
        )
    return value


def not_empty(value: str) -> str:
    """What is left after cleaning must hold a character: the error is pydantic's own
    ``min_length=1`` (``too_short``), word for word, which this check stands in for."""
    if not value:
        raise PydanticKnownError(
            "too_short", {"field_type": "Value", "min_length": 1, "actual_length": 0}
        )
    return value


# Invisible control characters are refused here as well as by the loader, for documents built
# in code: no renderer may ever see one (a .docx holding one does not open).
def _text(value: str) -> str:
    return not_empty(clean_text(refuse_invisible(value)))


def _line(value: str) -> str:
    return not_empty(one_paragraph(clean_text(refuse_invisible(value))))


def _cell(value: str) -> str:
    return one_paragraph(clean_text(refuse_invisible(value)))


class _Checked:
    """A kind of text's checks as one function after pydantic's ``str``.

    Written as ``AfterValidator``s and ``Field(min_length=1)``, a kind was three to four nested
    validators, each built again at every one of its ~25 uses: one function made pydantic's
    first validation of a review and a plan ~2 ms cheaper (its schema is the same)."""

    __slots__ = ("check", "min_length")

    def __init__(self, check: Callable[[str], str], min_length: int | None = None) -> None:
        self.check = check
        self.min_length = min_length  # what the JSON Schema tells an editor; ``check`` holds it

    def __get_pydantic_core_schema__(
        self, source: Any, handler: "GetCoreSchemaHandler"
    ) -> "CoreSchema":
        return core_schema.no_info_after_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: "CoreSchema", handler: "GetJsonSchemaHandler"
    ) -> "JsonSchemaValue":
        json_schema = handler(schema)
        if self.min_length is not None:
            json_schema["minLength"] = self.min_length
        return json_schema


Text = Annotated[str, _Checked(_text, min_length=1)]  # prose: a blank line starts a paragraph
Line = Annotated[str, _Checked(_line, min_length=1)]  # one paragraph: a heading, a point, a name
Plain = Annotated[str, _Checked(refuse_invisible)]
# A table's cell: one line, empty when the table leaves it blank.
Cell = Annotated[str, _Checked(_cell)]

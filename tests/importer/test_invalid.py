"""An imported model that does not validate: the user's doing is said as such (issue 16)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from reportgen.errors import UsageError, UserError
from reportgen.importer.invalid import invalid_import
from reportgen.model.report import Highlight, Point, Review
from reportgen.settings.messages import set_language


@pytest.fixture(autouse=True)
def _chinese() -> None:
    set_language("zh")


def _error(**values: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        Review(**values)  # type: ignore[arg-type]
    return caught.value


def test_ten_thousand_items_say_the_document_is_too_long() -> None:
    item = Highlight(heading="推进项目建设", points=[Point(text="完成投资。")])
    error = invalid_import(
        _error(organisation="某街道", year=2022, highlights=[item] * 10_000), "in.docx", "review"
    )
    assert type(error) is UserError
    assert error.message == "in.docx 的 highlights 部分超过 9999 项，一份工作总结只有几十项，未导入"
    assert "report" not in error.hint and "分成几个文件" in error.hint


def test_an_invisible_character_in_the_organisation_is_a_usage_error() -> None:
    error = invalid_import(_error(organisation="某\v街道", year=2022), "in.docx", "review")
    assert isinstance(error, UsageError) and error.exit_code == 2
    assert error.message.startswith("--organisation 的值不能用：")
    assert "U+000B" in error.message and "Value error" not in error.message


def test_anything_else_is_still_a_limitation_of_import() -> None:
    error = invalid_import(_error(organisation="某街道", year="明年"), "in.docx", "review")
    assert type(error) is UserError
    assert "导入的 review 不合格" in error.message and "year" in error.message
    assert "导入功能的局限" in error.hint

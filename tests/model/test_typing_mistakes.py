"""model/typing_mistakes: a full-width colon after a word is a mistyped key only when the word
is a key the file could hold; ``- GDP：全年增长5.2%。`` is a point's text."""

from __future__ import annotations

import pytest

from reportgen.errors import InvalidInput
from reportgen.model.keys import field_names
from reportgen.model.loader import load_yaml_text

REVIEW = """\
organisation: 某街道办事处
year: 2022
highlights:
  - heading: 经济发展稳中有进
    points:
      - {point}
"""


@pytest.mark.parametrize(
    "point",
    ["GDP：全年增长5.2%。", "APP：“随手拍”上线运行。", "S：", "TODO：下半年完成。"],
)
def test_a_latin_word_before_a_full_width_colon_in_a_text_is_the_authors(point: str) -> None:
    loaded = load_yaml_text(REVIEW.format(point=point), "data/2022.yaml")
    assert loaded.value["highlights"][0]["points"] == [point]


@pytest.mark.parametrize(
    ("point", "column"),
    [("heading：社会发展", 16), ("lead：稳进提质", 13), ("text：全年完成", 13)],
)
def test_a_key_of_the_file_before_a_full_width_colon_is_a_typing_mistake(
    point: str, column: int
) -> None:
    with pytest.raises(InvalidInput) as raised:
        load_yaml_text(REVIEW.format(point=point), "data/2022.yaml")
    [problem] = raised.value.problems
    assert (problem.location.line, problem.location.column) == (6, column)


def test_when_yaml_cannot_read_the_file_any_word_before_the_colon_is_named() -> None:
    # The file does not parse (a mapping line without its colon): the full-width colon is
    # the likeliest reason, whatever the word before it.
    text = "organisation: 某街道办事处\nyear：2022\nopening: 一年来。\n"
    with pytest.raises(InvalidInput) as raised:
        load_yaml_text(text, "data/2022.yaml")
    [problem] = raised.value.problems
    assert (problem.location.line, problem.location.column) == (2, 5)


def test_the_keys_a_file_may_hold_reach_every_depth() -> None:
    names = field_names()
    for key in ("organisation", "highlights", "heading", "points", "lead", "subpoints"):
        assert key in names
    for key in ("titles", "intros", "parts", "after", "tables", "reports_on", "answers"):
        assert key in names
    assert "GDP" not in names and "S" not in names

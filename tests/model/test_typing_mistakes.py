"""model/typing_mistakes: a full-width colon after a word is a mistyped key only when the word
is a key the file could hold; ``- GDP：全年增长5.2%。`` is a point's text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.errors import InvalidInput
from reportgen.model import typing_mistakes
from reportgen.model.keys import field_names
from reportgen.model.loader import LoadError, load_yaml_text

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


def _places(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(InvalidInput) as raised:
        load_yaml_text(text, "data/2022.yaml")
    return [(p.location.line, p.location.column, p.rule) for p in raised.value.problems]


def test_lines_of_a_text_yaml_read_are_the_authors_and_the_others_are_looked_at() -> None:
    # YAML reads this file: the lines continuing the quoted organisation and the | block are
    # the author's text (a key-like word, a full-width space or dash there are prose); the
    # line outside them is looked at.
    text = (
        'organisation: "某街道\n'
        "  heading：不是键\n"
        '  　　缩进"\n'
        "opening: |\n"
        "  　　今年以来\n"
        "  －一项\n"
        "highlights:\n"
        "  - heading：甲\n"
    )
    assert _places(text) == [(8, 12, "yaml")]


def test_when_yaml_cannot_read_the_file_block_text_is_told_by_its_indentation() -> None:
    # Unreadable (line 5 has no colon): the | block's lines are skipped by their indentation,
    # its last line lost it and is prose, and the full-width space on line 6 is named.
    text = "opening: |\n  今年以来\n  　　缩进\nyear：2022\n这一行丢了缩进\n　title: x\n"
    assert _places(text) == [(4, 5, "yaml"), (6, 1, "yaml")]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("opening: |\n  今年以来\n这一行丢了缩进\nyear: 2022\n", (3, 1)),  # a block's lost line
        ("title: “某街道: 总结”\n", (1, 8)),  # Chinese quotes, and a colon inside them
    ],
)
def test_yaml_errors_a_typing_mistake_explains_are_placed_at_it(
    text: str, place: tuple[int, int]
) -> None:
    with pytest.raises(LoadError) as raised:
        load_yaml_text(text, "data/2022.yaml")
    location = raised.value.location
    assert location is not None and (location.line, location.column) == place


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("", set()),
        ("a: 1\nb: 2\n", set()),
        ("a：1\nb: 2\n", {1}),
        ("a: 1\n\u3000b\n－c\n", {2, 3}),
        ("—\n\n–：\n", {1, 3}),  # two in one line: the line once
        ("\n\n\n：", {4}),  # the last line, without a break after it
        ("a\r\n：\r\n", {2}),  # lines split at \n as the check splits them
    ],
)
def test_the_lines_holding_a_full_width_colon_space_or_dash(text: str, numbers: set[int]) -> None:
    assert typing_mistakes._lines_holding(text, typing_mistakes._TYPED) == numbers


@given(
    st.lists(
        st.sampled_from(
            ["a: 1", "heading：甲", "  - text：乙", "　b: 2", "－ c", "— d", "– e", "x", "", "c：—"]
        ),
        max_size=8,
    ),
    st.sets(st.integers(1, 8)),
)
def test_only_the_lines_holding_one_are_looked_at_and_nothing_is_missed(
    lines: list[str], text_lines: set[int]
) -> None:
    text = "\n".join(lines)
    keys = field_names
    found = typing_mistakes.typing_mistakes(text, "f.yaml", text_lines, keys=keys)
    every = set(range(1, len(text.split("\n")) + 1))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typing_mistakes, "_lines_holding", lambda text, chars: every)
        assert typing_mistakes.typing_mistakes(text, "f.yaml", text_lines, keys=keys) == found

"""punct-doubled finds runs of marks with str.find over a translated copy, and punct-unbalanced
skips a text without a mark of a pair: the same findings as looking at every character."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.check.lint import View, build_view, punctuation
from reportgen.check.lint.view import Passage
from reportgen.model.loader import load_yaml_text
from reportgen.settings import load_settings

SHIPPED = load_settings(None)
MARKS = SHIPPED.rules["punct-doubled"]["marks"]


@pytest.fixture(autouse=True)
def _english(english: None) -> None:
    pass


def _view(*texts: str, role: str = "text") -> View:
    view = build_view(load_yaml_text("year: 2022\n", "data/2022.yaml"), "review")
    for n, text in enumerate(texts):
        origin = tuple(range(len(text)))
        view.passages.append(Passage(("highlights", n), role, text, text, origin))
    return view


def _doubled(*texts: str, role: str = "text") -> list[tuple[str, str | None]]:
    rule = SHIPPED.rules["punct-doubled"]
    found = punctuation.doubled([_view(*texts, role=role)], rule)
    return [(p.message, p.fix) for p in found]


def _by_each_character(text: str, marks: str) -> list[tuple[int, str]]:
    # The walk the rule made before: the tests' own reference.
    found, i = [], 0
    while i < len(text) - 1:
        if text[i] in marks and text[i + 1] in marks:
            j = i + 1
            while j < len(text) and text[j] in marks:
                j += 1
            found.append((i, text[i:j]))
            i = j
        else:
            i += 1
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("完成任务。", []),
        ("，。开头", [("doubled punctuation '，。'", "。")]),
        ("完成任务，，", [("doubled punctuation '，，'", "，")]),
        (
            "甲，，，乙；：丙",
            [
                ("doubled punctuation '，，，'", "，"),
                ("doubled punctuation '；：'", "；"),
            ],
        ),
        ("甲,;乙", [("doubled punctuation ',;'", ",")]),  # a lone half-width mark stays
        ("甲，乙，丙。", []),
        ("甲\x00\x00乙", []),  # the characters the copy marks with are no marks
        ("甲\x00，，\x01", [("doubled punctuation '，，'", "，")]),
        ("……——", []),  # doubled by design
    ],
)
def test_doubled_runs(text: str, expected: list[tuple[str, str]]) -> None:
    assert _doubled(text) == expected


def test_doubled_in_several_passages_and_a_lead() -> None:
    assert _doubled("甲。。", "乙", "丙、、丁") == [
        ("doubled punctuation '。。'", "。"),
        ("doubled punctuation '、、'", "、"),
    ]
    assert _doubled("抓党建。", role="lead") == [
        ("the lead phrase ends with '。'; the build adds '，' after it", "抓党建")
    ]


@given(st.text(alphabet=MARKS + "甲乙 \x00\x01\n…", max_size=30))
def test_doubled_finds_what_a_walk_over_each_character_found(text: str) -> None:
    expected = [f"doubled punctuation '{run}'" for _, run in _by_each_character(text, MARKS)]
    assert [message for message, _ in _doubled(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("没有成对的标点。", []),
        ("甲“乙", [(1, "“", "”")]),
        ("甲）乙", [(1, "）", "（")]),
        ("(甲）", []),  # half-width and full-width parentheses pair
    ],
)
def test_unpaired(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert list(punctuation._unpaired(text)) == expected


def _unpaired_by_each_character(text: str) -> list[tuple[int, str, str]]:
    # The walk over every character the rule made before: the tests' own reference.
    pairs, closers = punctuation.PAIRS, {c: o for o, c in punctuation.PAIRS.items()}
    same = {"(": "（", ")": "）"}
    stack: list[tuple[int, str]] = []
    found = []
    for i, char in enumerate(text):
        if char in pairs:
            stack.append((i, char))
        elif char in closers:
            wanted = same.get(closers[char], closers[char])
            depth = next(
                (
                    d
                    for d in range(len(stack) - 1, -1, -1)
                    if same.get(stack[d][1], stack[d][1]) == wanted
                ),
                None,
            )
            if depth is None:
                found.append((i, char, closers[char]))
                continue
            found.extend((offset, opener, pairs[opener]) for offset, opener in stack[depth + 1 :])
            del stack[depth:]
    found.extend((offset, opener, pairs[opener]) for offset, opener in stack)
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“甲（乙”", [(2, "（", "）")]),  # the inner opener left open when its outer pair closes
        ("《甲》》", [(3, "》", "《")]),
        ("（甲)", []),
        ("「『」", [(1, "『", "』")]),
        ("”“", [(0, "”", "“"), (1, "“", "”")]),
    ],
)
def test_unpaired_in_order(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert list(punctuation._unpaired(text)) == expected


@given(st.text(alphabet="“”‘’（）()《》【】〔〕「」『』甲 ", max_size=30))
def test_unpaired_finds_what_a_walk_over_each_character_found(text: str) -> None:
    assert list(punctuation._unpaired(text)) == _unpaired_by_each_character(text)


@given(st.text(alphabet="“”‘’（）()《》【】〔〕「」『』甲 \n", max_size=30))
def test_unpaired_with_the_marks_a_file_holds_finds_the_same(text: str) -> None:
    # The rule searches each paragraph for the marks its whole file holds, a superset of
    # the paragraph's own.
    present = punctuation._marks_in(text + "“”")
    for paragraph in text.split("\n"):
        assert list(punctuation._unpaired(paragraph, present)) == list(
            punctuation._unpaired(paragraph)
        )


def test_the_marks_a_text_holds() -> None:
    assert punctuation._marks_in("甲（乙）“丙") == ("“", "（", "）")
    assert punctuation._marks_in("") == ()

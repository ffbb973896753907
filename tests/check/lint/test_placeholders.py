"""The placeholder rules leave a costly shipped pattern out when no text checked could match it:
the findings are the same either way, written out here by hand for the edges."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.check.lint import build_view, placeholders
from reportgen.model.loader import load_yaml_text
from reportgen.settings import load_settings

SHIPPED = load_settings(None)


@pytest.fixture(autouse=True)
def _english(english: None) -> None:
    pass


def _view(sentence: str, name: str = "data/2022.yaml"):  # the sentence starts at column 10
    text = f"organisation: 城南街道\nyear: 2022\nopening: {sentence}\n"
    return build_view(load_yaml_text(text, name), "review")


def _found(rule_id: str, *sentences: str) -> list[tuple[str, int | None, str]]:
    views = [_view(s, f"data/{2020 + n}.yaml") for n, s in enumerate(sentences)]
    rule = placeholders.placeholders if rule_id == "placeholder" else placeholders.placeholder_names
    return [
        (p.location.file, p.location.column, p.message.split(" left")[0].split(" stands")[0])
        for p in rule(views, SHIPPED.rules[rule_id])
    ]


def test_each_costly_pattern_is_a_shipped_one() -> None:
    shipped = [
        *SHIPPED.rules["placeholder"]["patterns"],
        *SHIPPED.rules["placeholder-name"]["patterns"],
    ]
    assert set(placeholders.NEEDS) <= set(shipped)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("完成××项任务。", [("data/2020.yaml", 12, "placeholder '××'")]),
        ("会同×街道开展检查。", [("data/2020.yaml", 12, "placeholder '×'")]),
        ("会同✕✕开展检查。", [("data/2020.yaml", 12, "placeholder '✕✕'")]),
        ("完成3×4米展板。", []),  # a × between figures is a multiplication
        ("完成×a项。", []),
        ("完成X项任务。", [("data/2020.yaml", 12, "placeholder 'X'")]),  # left out: same
        (
            "完成X项，×街道。",
            [  # both, in one alternation
                ("data/2020.yaml", 12, "placeholder 'X'"),
                ("data/2020.yaml", 15, "placeholder '×'"),
            ],
        ),
    ],
)
def test_placeholder_with_and_without_a_multiplication_sign(
    sentence: str, expected: list[tuple[str, int, str]]
) -> None:
    assert _found("placeholder", sentence) == expected


def test_a_multiplication_sign_in_another_file_checked_with_it() -> None:
    assert _found("placeholder", "完成X项。", "会同×街道。") == [
        ("data/2020.yaml", 12, "placeholder 'X'"),
        ("data/2021.yaml", 12, "placeholder '×'"),
    ]


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (("会同*街道开展检查。",), [("data/2020.yaml", 12, "'*'")]),
        (("会同＊＊街道开展检查。",), [("data/2020.yaml", 12, "'＊＊'")]),
        (("会同*a开展检查。",), []),
        (("完成任务。",), []),  # no star anywhere: nothing compiled, nothing found
        (("完成任务。", "会同*街道。"), [("data/2021.yaml", 12, "'*'")]),
    ],
)
def test_placeholder_name_with_and_without_a_star(
    sentences: tuple[str, ...], expected: list[tuple[str, int, str]]
) -> None:
    assert _found("placeholder-name", *sentences) == expected


@given(
    st.text(
        alphabet="XxＸｘ○◯〇一年□_＿?？【】[]（）()〔〕［］“”TODOBF 完成项街道12×✕*", max_size=30
    )
)
def test_leaving_out_a_pattern_that_cannot_match_finds_the_same(text: str) -> None:
    patterns = SHIPPED.rules["placeholder"]["patterns"]
    needs = placeholders.NEEDS
    kept = [p for p in patterns if p not in needs or any(s in text for s in needs[p])]

    def spans(chosen: list[str]) -> list[tuple[int, int]]:
        return [m.span() for m in re.finditer(placeholders._joined(chosen), text)]

    assert spans(kept) == spans(patterns)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("编号〇〇号。", [("data/2020.yaml", 12, "placeholder '〇〇'")]),
        ("二〇二二年。", []),  # a year written in numerals: no 〇〇, the pattern is left out
        ("二〇〇八年。", []),  # 〇〇 after a numeral: the pattern is there and finds nothing
        ("第〇〇〇期。", [("data/2020.yaml", 11, "placeholder '〇〇〇'")]),
    ],
)
def test_placeholder_with_and_without_two_zeros(
    sentence: str, expected: list[tuple[str, int, str]]
) -> None:
    assert _found("placeholder", sentence) == expected


def test_each_run_pattern_is_a_shipped_one() -> None:
    assert set(placeholders.RUNS_BEFORE_IDEOGRAPH) <= set(
        SHIPPED.rules["placeholder-name"]["patterns"]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("*", []),
        ("*街道", [(0, "*")]),
        ("会同**街道", [(2, "**")]),
        ("*＊中", [(0, "*＊")]),
        ("*a街", []),
        ("**a", []),
        ("a*b*中", [(3, "*")]),
        ("*\u4dff", []),  # just below the ideographs
        ("*\u4e00", [(0, "*")]),
        ("*\u9fff", [(0, "*")]),
        ("*\ua000", []),  # just above
        ("*\U00020000", []),  # an ideograph of plane 2 is not in the class
        ("*，中", []),
    ],
)
def test_runs_before_an_ideograph(text: str, expected: list[tuple[int, str]]) -> None:
    runs = placeholders._RunsBeforeIdeograph("*＊")
    assert [(m.start(), m.group()) for m in runs.finditer(text)] == expected
    pattern = re.compile(next(iter(placeholders.RUNS_BEFORE_IDEOGRAPH)))
    assert [(m.start(), m.group()) for m in pattern.finditer(text)] == expected


@given(st.text(alphabet="*＊中一a \u4dff\u4e00\u9fff\ua000，", max_size=30))
def test_runs_before_an_ideograph_as_the_pattern_finds_them(text: str) -> None:
    runs = placeholders._RunsBeforeIdeograph("*＊")
    pattern = re.compile(next(iter(placeholders.RUNS_BEFORE_IDEOGRAPH)))
    assert [m.span() for m in runs.finditer(text)] == [m.span() for m in pattern.finditer(text)]


# ── the shipped patterns as they are scanned (placeholders.SCANNED) ─────────────────────────


def test_each_scanned_pattern_is_a_shipped_one() -> None:
    assert set(placeholders.SCANNED) <= set(SHIPPED.rules["placeholder"]["patterns"])


def test_a_case_blind_x_is_the_four_x() -> None:
    every = "".join(map(chr, range(0x110000)))
    assert re.findall("(?i:[xｘ])", every) == ["X", "x", "Ｘ", "ｘ"]


def _scanned_and_written(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    patterns = tuple(SHIPPED.rules["placeholder"]["patterns"])
    scanned = [m.span() for m in placeholders._shipped(patterns).finditer(text)]
    written = [m.span() for m in re.finditer(placeholders._joined(patterns), text)]
    return scanned, written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("X个月", [(0, 1)]),
        ("XXX项", [(0, 3)]),
        ("XXXX项", []),  # four is a word, not a placeholder
        ("ＸＸＸＸ项", [(0, 3), (3, 4)]),  # full-width: not a letter to [A-Za-z0-9]
        ("aX", []),
        ("3X", []),
        ("Xa", []),
        ("X3", []),
        ("中x中", [(1, 2)]),
        ("ｘＸx", [(0, 3)]),
        ("\nX", [(1, 2)]),
        ("X\n", [(0, 1)]),
        ("○", [(0, 1)]),
        ("◯○◯", [(0, 3)]),
        ("□□", [(0, 2)]),
        ("_", []),
        ("__", [(0, 2)]),
        ("_＿", []),
        ("＿＿＿", [(0, 3)]),
        ("TODO", [(0, 4)]),
        (" TBD.", [(1, 4)]),
        ("FIXME", [(0, 5)]),
        ("xTODO", []),  # a letter follows the x, and one comes before TODO
        ("TODOs", []),
        ("中TODO", []),  # an ideograph is a word character: no boundary
        ("FODO", []),
        ("TIXME", []),
        ("待填写", [(0, 3)]),
        ("待填", [(0, 2)]),
        ("待", []),
        ("?", []),
        ("?？?", [(0, 3)]),
        ("【 】", [(0, 3)]),
        ("( )[]（）", [(0, 3), (3, 5), (5, 7)]),
        ("“\n”", [(0, 3)]),
    ],
)
def test_scanned_patterns_find_what_the_written_ones_find(
    text: str, expected: list[tuple[int, int]]
) -> None:
    scanned, written = _scanned_and_written(text)
    assert written == expected
    assert scanned == expected


_SCANNED_ALPHABET = (
    "XxＸｘaZ09○◯〇一年□_＿?？【】[]（）()〔〕［］“” \nTODOBFIXME待补充填写完善更新中×✕"
)


@given(st.text(alphabet=_SCANNED_ALPHABET, max_size=30))
def test_scanned_patterns_as_the_written_ones_find_them(text: str) -> None:
    scanned, written = _scanned_and_written(text)
    assert scanned == written

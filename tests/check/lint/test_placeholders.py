"""The placeholder rules leave a costly shipped pattern out when no text checked could match it:
the findings are the same either way, written out here by hand for the edges."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.check.lint import build_view, placeholders
from reportgen.errors import UserError
from reportgen.model.loader import load_yaml_text
from reportgen.settings import load_settings
from reportgen.settings.rules import Rule

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


# ── which engine, which patterns compiled, and a project's own patterns' time budget ──────


def test_the_joined_alternation_keeps_each_pattern_whole() -> None:
    assert placeholders._joined(["a|b", "c"]) == "(?:a|b)|(?:c)"
    assert placeholders._joined(["x"]) == "(?:x)"


def test_a_costly_pattern_could_match_only_a_text_holding_what_it_needs() -> None:
    times = r"(?<![0-9])[×✕](?=[\u4e00-\u9fff])|[×✕]{2,}"
    blanks = "□+"  # needs nothing: always kept
    assert placeholders._could_match(times, [_view("完成X项。")]) is False
    assert placeholders._could_match(times, [_view("完成X项。"), _view("会同✕街道。")]) is True
    assert placeholders._could_match(blanks, [_view("完成任务。")]) is True


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """The pattern tuples the shipped path compiles (the cache is bypassed: it spans tests)."""
    seen: list[tuple[str, ...]] = []

    def shipped(patterns: tuple[str, ...]) -> re.Pattern[str]:
        seen.append(patterns)
        return re.compile(placeholders._joined(patterns))

    monkeypatch.setattr(placeholders, "_shipped", shipped)
    return seen


def test_only_the_patterns_that_could_match_are_compiled(compiled: list[tuple[str, ...]]) -> None:
    assert _found("placeholder", "完成X项。") == [("data/2020.yaml", 12, "placeholder 'X'")]
    patterns = SHIPPED.rules["placeholder"]["patterns"]
    # All but the second (×) and the fourth (〇〇): no text checked holds × or 〇〇.
    assert compiled == [tuple(patterns[i] for i in (0, 2, 4, 5, 6, 7, 8, 9))]
    assert len(patterns) == 10


def test_a_lone_star_pattern_is_found_as_runs_without_compiling(
    compiled: list[tuple[str, ...]],
) -> None:
    assert _found("placeholder-name", "会同*街道开展检查。") == [("data/2020.yaml", 12, "'*'")]
    assert compiled == []


def _own(*patterns: str) -> Rule:
    """The placeholder rule with a project's own patterns (not the shipped ones)."""
    shipped = SHIPPED.rules["placeholder"]
    return shipped._replace(options={**shipped.options, "patterns": list(patterns)})


@pytest.fixture
def searches(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The timeout given to each search of a project's own patterns, under a clock that reads
    100 s at the start, then 100.5, 101, 103 and 104 s at the four passages searched."""
    import regex

    given_timeouts: list[object] = []
    real = regex.compile

    class Timed:
        def __init__(self, pattern: str) -> None:
            self.pattern = real(pattern)

        def finditer(self, text: str, **options: object) -> object:
            given_timeouts.append(options.get("timeout", "none"))
            return self.pattern.finditer(text)

    monkeypatch.setattr(regex, "compile", Timed)
    clock = iter([100.0, 100.5, 101.0, 103.0, 104.0])
    monkeypatch.setattr(placeholders, "time", SimpleNamespace(monotonic=lambda: next(clock)))
    return given_timeouts


def test_a_projects_own_patterns_share_two_seconds_per_check(searches: list[object]) -> None:
    views = [_view("完成XX项。", "data/2021.yaml"), _view("待补充。", "data/2022.yaml")]
    found = list(placeholders.placeholders(views, _own("待补充", "XX")))
    assert [(p.location.file, p.location.column) for p in found] == [
        ("data/2021.yaml", 12),
        ("data/2022.yaml", 10),
    ]
    # Each view's organisation, then its opening. 2 s from 100: 1.5 s left at the first
    # passage, 1 s at the second, then none (the floor: 0.01 s).
    assert searches == [1.5, 1.0, 0.01, 0.01]


def test_the_shipped_patterns_need_no_time_limit(
    searches: list[object], compiled: list[tuple[str, ...]]
) -> None:
    views = [_view("完成X项。")]
    assert len(list(placeholders.placeholders(views, SHIPPED.rules["placeholder"]))) == 1
    assert searches == [] and len(compiled) == 1  # the standard library's engine


def test_a_pattern_out_of_time_is_stopped_where_it_ran(monkeypatch: pytest.MonkeyPatch) -> None:
    import regex

    class Slow:
        def __init__(self, pattern: str) -> None:
            pass

        def finditer(self, text: str, **options: object) -> object:
            if text.startswith("待"):
                raise TimeoutError
            return iter(())

    monkeypatch.setattr(regex, "compile", Slow)
    views = [_view("完成任务。", "data/2021.yaml"), _view("待补充。", "data/2022.yaml")]
    with pytest.raises(UserError) as caught:
        list(placeholders.placeholders(views, _own("(x|xx)+y")))
    assert caught.value.message == (
        "the patterns of rule 'placeholder' ran for more than 2.0 s at data/2022.yaml:3:10"
        " and were stopped"
    )
    assert caught.value.hint == (
        "simplify the pattern in templates/rules.yaml: no nested repetition such as (x|xx)+y"
        " or (x+x+)+y"
    )

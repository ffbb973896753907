from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.text.numbering import chinese_numeral, number_marker
from reportgen.text.punctuation import as_heading_sentence, normalise_punctuation
from reportgen.text.references import format_number


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (111, "一百一十一"),
        (1000, "一千"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (1100, "一千一百"),
        (102, "一百零二"),
        (120, "一百二十"),
        (200, "二百"),
        (999, "九百九十九"),
        (1011, "一千零一十一"),
        (2022, "二千零二十二"),
        (2305, "二千三百零五"),
        (5050, "五千零五十"),
        (9000, "九千"),
        (9009, "九千零九"),
        (9090, "九千零九十"),
        (9909, "九千九百零九"),
        (9999, "九千九百九十九"),
    ],
)
def test_chinese_numeral(n: int, expected: str) -> None:
    assert chinese_numeral(n) == expected


@pytest.mark.parametrize("n", [0, -1, 10000])
def test_chinese_numeral_out_of_range(n: int) -> None:
    with pytest.raises(ValueError, match=f"cannot number item {n}: 1 to 9999 are supported"):
        chinese_numeral(n)


_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")}
_PLACE = {"万": 10000, "千": 1000, "百": 100, "十": 10}


def _parse_numeral(text: str) -> int:
    """An independent, strict reading of a standard Chinese numeral: 一百一十 is 110, while
    一百十, 一十, 一百一 and 一千零零一 are not standard numerals and are refused."""
    total, last, zero, i = 0, None, False, 0
    while i < len(text):
        char = text[i]
        if char == "零":
            if zero or last is None:
                raise ValueError(f"misplaced 零 in {text}")
            zero, i = True, i + 1
            continue
        if char == "十" and i == 0:
            digit, place, i = 1, 10, i + 1  # 十, 十五: the only unit that drops its 一
        elif char in _VALUE and char != "零":
            digit, i = _VALUE[char], i + 1
            place = _PLACE[text[i]] if i < len(text) and text[i] in _PLACE else 1
            i += place != 1
            if last is None and (digit, place) == (1, 10):
                raise ValueError(f"{text}: ten is 十, not 一十")
        else:
            raise ValueError(f"{char} out of place in {text}")
        if last is not None:
            if place >= last:
                raise ValueError(f"{text}: places must fall")
            if zero != (place * 10 < last):  # 零 exactly when a place is skipped
                raise ValueError(f"{text}: 零 where a place is (not) skipped")
        total, last, zero = total + digit * place, place, False
    if zero or last is None:
        raise ValueError(f"{text}: ends in 零 or is empty")
    return total


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("二十五", 25),
        ("一百", 100),
        ("一百零一", 101),
        ("一百一十", 110),
        ("一百一十一", 111),
        ("二百零五", 205),
        ("九百九十九", 999),
        ("一千", 1000),
        ("一千零一", 1001),
        ("一千零一十", 1010),
        ("一千零一十一", 1011),
        ("一千一百", 1100),
        ("二千零二十二", 2022),
        ("三千四百零五", 3405),
        ("五千零五十", 5050),
        ("九千零九", 9009),
        ("九千九百九十九", 9999),
        ("一万", 10000),
        ("一万零一", 10001),
    ],
)
def test_the_reference_parser_reads_standard_numerals(text: str, n: int) -> None:
    assert _parse_numeral(text) == n


@pytest.mark.parametrize(
    "text", ["一百十", "一十", "一百一", "一千零零一", "一百零", "零一", "十十", "百", "二十十", ""]
)
def test_the_reference_parser_refuses_what_is_not_a_standard_numeral(text: str) -> None:
    with pytest.raises(ValueError):
        _parse_numeral(text)


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_numeral_reads_back(n: int) -> None:
    text = chinese_numeral(n)
    assert _parse_numeral(text) == n


@given(st.integers(min_value=1, max_value=500))
def test_number_markers_for_any_count(n: int) -> None:
    assert number_marker(1, n) == chinese_numeral(n) + "、"
    assert number_marker(2, n) == f"（{chinese_numeral(n)}）"
    assert number_marker(3, n) == f"{n}."
    assert number_marker(4, n) == f"（{n}）"


def test_number_marker_rejects_level_five() -> None:
    with pytest.raises(ValueError, match="numbering levels are 1 to 4, not 5"):
        number_marker(5, 1)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2022年来,在区委", "2022年来，在区委"),
        ("落实管控37人;\n排查", "落实管控37人；\n排查"),
        ("(一)社会发展", "（一）社会发展"),
        ("同比增长7.8%;", "同比增长7.8%；"),
        ("4720万元,同比", "4720万元，同比"),
        ("问题:一是", "问题：一是"),
        ("是否完成?", "是否完成？"),
        # figures and Latin stay half-width
        ("1-9月实现12.43亿元,100%化解", "1-9月实现12.43亿元，100%化解"),
        ("S1线桥下", "S1线桥下"),
        ("12:30开会", "12:30开会"),
        ("1,000人", "1,000人"),
        ("Hello, world (ok)", "Hello, world (ok)"),
        ("B-24地块(含配套)", "B-24地块（含配套）"),
        ("已是全角，不变；", "已是全角，不变；"),
        # a mark right after another half-width mark still sees its Chinese neighbour
        ("ok:,中", "ok：，中"),  # and so, beside a full-width mark, does the first
        ("A:!、", "A：！、"),
        # a mark ending a text after another mark is not "a figure's" mark
        ("a!!", "a!!"),
        ("1\n:::", "1\n:::"),
        ("增长7.8%;", "增长7.8%；"),
        ("完成100%!", "完成100%！"),
        ("共(12)个", "共（12）个"),
        ("见附件(A3)", "见附件（A3）"),
        ("(A3)见附件", "（A3）见附件"),
        ("x(附件)y", "x（附件）y"),
        ("x(A3)y", "x(A3)y"),
        ("完成率5‰;", "完成率5‰；"),
        ("(a)(b)", "(a)(b)"),
        ("中,  中", "中，中"),
        ("中,\n中", "中，\n中"),
        ("中 ,中", "中 ，中"),
        # only a figure (digit, % or ‰) ending the text takes a full-width mark: not a letter
        ("型号X;", "型号X;"),
        # none of , ; : ? ! ( in the text: left as it is without a substitution
        ("", ""),
        ("中)文", "中)文"),
        ("中) 文。", "中) 文。"),
        ("中.文", "中.文"),
        ("中(文", "中(文"),  # an unpaired ( stays too, after the substitutions
    ],
)
def test_normalise_punctuation(raw: str, expected: str) -> None:
    assert normalise_punctuation(raw) == expected


_texty = st.text(
    alphabet=st.sampled_from(list("街道工作总结12.%abS ,;:?!()（），；\n")), max_size=40
)


@given(_texty)
def test_normalise_punctuation_is_idempotent(text: str) -> None:
    once = normalise_punctuation(text)
    assert normalise_punctuation(once) == once


@given(_texty)
def test_normalise_punctuation_keeps_every_letter_and_digit(text: str) -> None:
    def content(s: str) -> str:
        return "".join(c for c in s if c.isalnum())

    assert content(normalise_punctuation(text)) == content(text)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("社会发展开拓新局面", "社会发展开拓新局面。"),
        ("社会发展开拓新局面。", "社会发展开拓新局面。"),
        ("为什么？", "为什么？"),
    ],
)
def test_as_heading_sentence(heading: str, expected: str) -> None:
    assert as_heading_sentence(heading) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (4720, "4720"),
        (4720.0, "4720"),
        (12.43, "12.43"),
        (1073.1, "1073.1"),
        (100000, "100000"),
        (1e-7, "0.0000001"),
        (-66.67, "-66.67"),
    ],
)
def test_format_number(value: float, expected: str) -> None:
    assert format_number(value) == expected


@given(st.text(st.sampled_from(list("改革,;:?!() ab1\n%")), max_size=30))
def test_normalise_with_origin_maps_each_character_to_its_source(text: str) -> None:
    from reportgen.text.punctuation import HALF_TO_FULL, normalise_with_origin

    fixed, origin = normalise_with_origin(text, list(range(len(text))))
    assert fixed == normalise_punctuation(text)
    assert len(origin) == len(fixed)
    assert origin == sorted(set(origin))  # one source character each, in order
    for char, at in zip(fixed, origin, strict=True):
        assert text[at] == char or HALF_TO_FULL.get(text[at]) == char


def test_normalise_with_origin_drops_the_space_after_a_mark() -> None:
    from reportgen.text.punctuation import normalise_with_origin

    # "完成, 推进": the comma becomes ， and the space after it goes; 推 keeps offset 4.
    assert normalise_with_origin("完成, 推进", [0, 1, 2, 3, 4, 5]) == (
        "完成，推进",
        [0, 1, 2, 4, 5],
    )


def test_normalise_with_origin_without_origins_maps_to_zero() -> None:
    from reportgen.text.punctuation import normalise_with_origin

    assert normalise_with_origin("中,中", []) == ("中，中", [0, 0, 0])


def test_normalise_with_origin_past_a_short_origin_keeps_its_last_entry() -> None:
    from reportgen.text.punctuation import normalise_with_origin

    assert normalise_with_origin("中,中", [7, 9]) == ("中，中", [7, 9, 9])


@pytest.mark.parametrize(
    ("origin", "expected"),
    [
        ([4, 5, 8], [4, 5, 8]),
        ([4, 5, 8, 9, 10], [4, 5, 8]),  # a longer origin: its first entries
        ([7, 9], [7, 9, 9]),  # a shorter one: its last entry repeated
        ([3], [3, 3, 3]),
        ([], [0, 0, 0]),
    ],
)
def test_normalise_with_origin_of_a_text_it_does_not_change(
    origin: list[int], expected: list[int]
) -> None:
    from reportgen.text.punctuation import normalise_with_origin

    assert normalise_with_origin("中)文", origin) == ("中)文", expected)
    assert normalise_with_origin("", origin) == ("", [])


@given(
    st.text(st.sampled_from(list("改革,;:?!() ab1\n%")), max_size=30),
    st.lists(st.integers(0, 99), max_size=35),
)
def test_normalise_with_origin_of_any_origin_as_the_walk_gives_it(
    text: str, origin: list[int]
) -> None:
    from reportgen.text.punctuation import HALF_TO_FULL, normalise_with_origin

    # The walk over each character, for changed and unchanged texts: the tests' own reference.
    fixed = normalise_punctuation(text)
    walked, i = [], 0
    for char in fixed:
        while i < len(text) and not (text[i] == char or HALF_TO_FULL.get(text[i]) == char):
            i += 1
        walked.append(origin[min(i, len(origin) - 1)] if origin else 0)
        i += 1
    assert normalise_with_origin(text, origin) == (fixed, walked)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中,中(甲)", [(1, ","), (3, "("), (5, ")")]),
        ("已是全角，不变；", []),
        # spaces after a mark are dropped: offsets still point into the text as written
        ("完成, 推进; 工作", [(2, ","), (6, ";")]),
        ("a, b中, 中", [(5, ",")]),
        ("中,  中?", [(1, ","), (5, "?")]),
        # a half-width mark left as it is, after one made full-width, is not reported
        ("中, 中 a, b", [(1, ",")]),
        ("中, (", [(1, ",")]),
        ("(中, ", [(2, ",")]),  # the unpaired ( stays, and so is not reported
        ("中, ", [(1, ",")]),
        ("", []),
        ("中)文", []),
        ("a,b", []),  # changed by nothing: the same text, nothing to report
    ],
)
def test_half_width_marks(text: str, expected: list[tuple[int, str]]) -> None:
    from reportgen.text.punctuation import half_width_marks

    assert half_width_marks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("完成任务。", True),
        ("完成任务。 ", True),
        ("完成任务。”", True),
        ("Done.", True),
        ("完成任务", False),
        ("型号X", False),
        ("", False),
        ("   ", False),
    ],
)
def test_ends_sentence(text: str, expected: bool) -> None:
    from reportgen.text.punctuation import ends_sentence

    assert ends_sentence(text) is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  第一行\n  第二行\n\n  第二段  \n", "第一行第二行\n第二段"),
        ("甲 \t\n\t 乙", "甲乙"),
        ("甲\n  \n乙", "甲\n乙"),
        ("甲\n\n\n\n乙", "甲\n乙"),
        ("甲\n\n乙\n\n丙", "甲\n乙\n丙"),
        ("  \n ", ""),
    ],
)
def test_clean_text(raw: str, expected: str) -> None:
    from reportgen.text.cleaning import clean_text

    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "text", "origin"),
    [
        # 甲 at 2, 乙 at 6, the paragraph break at the first of its two \n (7), 丙 at 11
        ("  甲\n  乙\n\n  丙", "甲乙\n丙", [2, 6, 7, 11]),
        ("甲\n\n乙\n\n丙", "甲\n乙\n丙", [0, 1, 3, 4, 6]),
        ("甲 \t\n\t 乙", "甲乙", [0, 6]),
        ("  \n ", "", []),
        # one line: stripped, each character at its own offset
        ("甲乙", "甲乙", [0, 1]),
        (" \t甲 乙\r ", "甲 乙", [2, 3, 4]),
        ("甲\r乙", "甲\r乙", [0, 1, 2]),  # only \n breaks a line here
        ("", "", []),
    ],
)
def test_clean_with_origin(raw: str, text: str, origin: list[int]) -> None:
    from reportgen.text.cleaning import clean_with_origin

    assert clean_with_origin(raw) == (text, origin)


@dataclass(frozen=True)
class _Metric:
    value: float | int
    unit: str = "万元"
    label: str = "规上工业总产值"
    period: str | None = None
    previous: float | int | None = None
    change: float | int | None = None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1e20, "100000000000000000000"),
        (1.5e-5, "0.000015"),
        (0, "0"),
        (0.123456789012, "0.123456789012"),  # more than ten places: as written
        (1e-11, "0"),  # below ten places: nothing left but 0
    ],
)
def test_format_number_never_writes_an_exponent(value: float, expected: str) -> None:
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        (_Metric(110, previous=100), 10.0),
        (_Metric(90, previous=100), -10.0),
        (_Metric(4, previous=3), 33.33),  # rounded to two places
        (_Metric(4, previous=3, change=5), 5),  # as stated wins over computed
        (_Metric(4, previous=3, change=0), 0),  # a stated 0 is a change too
        (_Metric(4, previous=0), None),  # no change from nothing
        (_Metric(4), None),
    ],
)
def test_stated_or_computed_change(metric: _Metric, expected: float | None) -> None:
    from reportgen.text.references import stated_or_computed_change

    assert stated_or_computed_change(metric) == expected


_OUTPUT = _Metric(4720, period="1-9月", previous=4000.0)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        (None, "4720万元"),
        ("value", "4720"),
        ("unit", "万元"),
        ("label", "规上工业总产值"),
        ("period", "1-9月"),
        ("previous", "4000万元"),
        ("change", "18%"),
    ],
)
def test_resolve_metric(field: str | None, expected: str) -> None:
    from reportgen.text.references import resolve_metric

    assert resolve_metric(_OUTPUT, field) == expected


def test_resolve_metric_change_is_written_without_its_sign() -> None:
    from reportgen.text.references import resolve_metric

    assert resolve_metric(_Metric(90, previous=100), "change") == "10%"


@pytest.mark.parametrize("field", ["period", "previous", "change", "colour"])
def test_resolve_metric_a_field_the_metric_lacks(field: str) -> None:
    from reportgen.text.references import resolve_metric

    with pytest.raises(KeyError, match=rf"^'{field}'$"):
        resolve_metric(_Metric(1), field)


def test_fill_with_origin_maps_a_figure_to_its_reference_and_keeps_unknown_ones() -> None:
    from reportgen.text.references import fill_with_origin

    text = "产值{{output}}，{{x}}{{ output.period }}{{output.colour}}{{output.unit}}。"
    filled, origin = fill_with_origin(text, list(range(len(text))), {"output": _OUTPUT})
    assert filled == "产值4720万元，{{x}}1-9月{{output.colour}}万元。"
    # {{output}} at 2-11, ， 12, {{x}} 13-17, {{ output.period }} 18-36,
    # {{output.colour}} 37-53 (kept: no such field), {{output.unit}} 54-68, 。 69
    assert origin == [0, 1, *[2] * 6, 12, 13, 14, 15, 16, 17, *[18] * 4, *range(37, 54), 54, 54, 69]


@pytest.mark.parametrize("text", ["", "产值。", "{output}}", "{ {output}}", "产值}}{"])
def test_fill_with_origin_without_a_reference_copies_the_origin(text: str) -> None:
    from reportgen.text.references import fill_with_origin

    origin = [5 + n for n in range(len(text))]
    filled, out = fill_with_origin(text, origin, {"output": _OUTPUT}, strict=True)
    assert (filled, out) == (text, origin) and out is not origin
    assert fill_with_origin(text, [9], {}) == (text, [9])  # a short origin, as it is


def test_fill_metrics_names_an_undefined_metric_or_field() -> None:
    from reportgen.errors import UserError
    from reportgen.text.references import fill_metrics

    assert fill_metrics("{{output.value}}", {"output": _OUTPUT}) == "4720"
    with pytest.raises(UserError, match=r"^引用了未定义的指标 “x”，请在 metrics 中定义它$"):
        fill_metrics("共{{x}}", {"output": _OUTPUT})
    with pytest.raises(UserError, match=r"^指标 “output” 没有 colour，无法引用$"):
        fill_metrics("{{output.colour}}", {"output": _OUTPUT})


def test_read_fills_then_normalises_keeping_the_origin() -> None:
    from reportgen.text.pipeline import Reading, read

    metrics = {"output": _Metric(110, previous=100)}
    assert read("产值{{output}},同比增长{{output.change}}", metrics) == Reading(
        "产值110万元，同比增长10%", (0, 1, 2, 2, 2, 2, 2, 12, 13, 14, 15, 16, 17, 17, 17)
    )


def test_read_refuses_an_undefined_reference() -> None:
    from reportgen.errors import UserError
    from reportgen.text.pipeline import read

    with pytest.raises(UserError, match=r"^引用了未定义的指标 “x”，请在 metrics 中定义它$"):
        read("共{{x}}", {})
    with pytest.raises(UserError, match=r"^指标 “output” 没有 period，无法引用$"):
        read("{{output.period}}", {"output": _Metric(1)})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # A pair right after a pair: the first one's neighbour is the second's "(", which
        # must still be looked at as the start of its own pair.
        ("()()、", "（）（）、"),
        ("中(a)(b)", "中（a）（b）"),
        ("(1)(2)项", "（1）（2）项"),
        ("a(b)(c)d", "a(b)(c)d"),
    ],
)
def test_adjacent_bracket_pairs_are_each_looked_at(raw: str, expected: str) -> None:
    assert normalise_punctuation(raw) == expected

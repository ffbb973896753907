from __future__ import annotations

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
        (9999, "九千九百九十九"),
    ],
)
def test_chinese_numeral(n: int, expected: str) -> None:
    assert chinese_numeral(n) == expected


@pytest.mark.parametrize("n", [0, -1, 10000])
def test_chinese_numeral_out_of_range(n: int) -> None:
    with pytest.raises(ValueError):
        chinese_numeral(n)


_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _parse_numeral(text: str) -> int:
    """An independent reading of a Chinese numeral, to check chinese_numeral against."""
    total, digit = 0, 0
    for char in text:
        if char in "千百十":
            total += (digit or 1) * {"千": 1000, "百": 100, "十": 10}[char]
            digit = 0
        else:
            digit = _VALUE[char]
    return total + digit


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_numeral_reads_back(n: int) -> None:
    text = chinese_numeral(n)
    assert _parse_numeral(text) == n
    assert "零零" not in text and not text.endswith("零")


@given(st.integers(min_value=1, max_value=500))
def test_number_markers_for_any_count(n: int) -> None:
    assert number_marker(1, n) == chinese_numeral(n) + "、"
    assert number_marker(2, n) == f"（{chinese_numeral(n)}）"
    assert number_marker(3, n) == f"{n}."
    assert number_marker(4, n) == f"（{n}）"


def test_number_marker_rejects_level_five() -> None:
    with pytest.raises(ValueError):
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

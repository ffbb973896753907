from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportgen.errors import UserError
from reportgen.settings.templating import Templates
from reportgen.settings.units import UnitTable, as_decimal, load_units, parse_groups


@pytest.fixture(scope="module")
def units() -> UnitTable:
    return load_units(Templates(None))


@pytest.mark.parametrize(
    ("value", "old", "new", "expected"),
    [
        ("31407", "万元", "亿元", "3.1407"),
        ("12.43", "亿元", "万元", "124300"),
        ("26.76", "亿元", "元", "2676000000"),
        ("1.2", "km", "米", "1200"),
        ("1.2", "公里", "km", "1.2"),
        ("743", "㎡", "平方米", "743"),
        ("5.2", "万平方米", "㎡", "52000"),
        ("263", "人", "万人", "0.0263"),
        ("98", "%", "%", "98"),
        ("44", "件", "件", "44"),
    ],
)
def test_converts_within_a_group(
    units: UnitTable, value: str, old: str, new: str, expected: str
) -> None:
    assert units.convert(Decimal(value), old, new) == Decimal(expected)
    assert str(units.convert(Decimal(value), old, new)) == expected  # no 3.14070000, no 1.2E+3


@pytest.mark.parametrize(
    ("old", "new"), [("万元", "户"), ("个", "件"), ("人", "人次"), ("%", "万元"), ("亩", "㎡")]
)
def test_different_measures_do_not_convert(units: UnitTable, old: str, new: str) -> None:
    assert units.convert(Decimal(1), old, new) is None
    assert not units.convertible(old, new)


def test_an_unknown_unit_compares_with_itself_only(units: UnitTable) -> None:
    assert units.convert(Decimal("3"), "座", "座") == Decimal("3")
    assert units.convert(Decimal("3"), "座", "个") is None


def test_figures_keep_the_digits_the_author_wrote() -> None:
    assert as_decimal(12.43) == Decimal("12.43")
    assert as_decimal(4720) == Decimal("4720")


def test_a_project_adds_units(tmp_path: Path) -> None:
    (tmp_path / "units.yaml").write_text("area:\n  亩: 666.67\nmoney:\n  千元: 1000\n", "utf-8")
    units = load_units(Templates(tmp_path))
    assert units.convert(Decimal(3), "亩", "平方米") == Decimal("2000.01")
    assert units.convert(Decimal(5), "千元", "万元") == Decimal("0.5")
    assert units.convert(Decimal(1), "亿元", "万元") == Decimal("10000")  # shipped units stay


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("money: 3\n", "必须列出各个单位及其大小"),
        ("money:\n  元: zero\n", "需要一个正数"),
        ("money:\n  元: -1\n", "需要一个正数"),
        ("money:\n  元: true\n", "需要一个正数"),
        ("- 元\n", "对应表"),
    ],
)
def test_a_wrong_units_file_is_a_clear_error(tmp_path: Path, text: str, words: str) -> None:
    (tmp_path / "units.yaml").write_text(text, "utf-8")
    with pytest.raises(UserError, match=words):
        load_units(Templates(tmp_path))


def test_parse_groups_names_the_file() -> None:
    with pytest.raises(UserError, match=r"^my/units.yaml：单位组“money”中的单位“元”"):
        parse_groups("my/units.yaml", {"money": {"元": 0}})


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("万元", "亿元", True),
        (" 万元", "亿元 ", True),  # names are compared stripped
        ("座", "座", True),  # unknown, but the same
        (" 座", "座 ", True),
        ("座", "个", False),  # unknown, different
        ("座", "万元", False),  # one unknown
        ("万元", "座", False),
        ("万元", "户", False),  # known, different groups
        ("", "", True),
        ("", "万元", False),
    ],
)
def test_which_units_convert(units: UnitTable, old: str, new: str, expected: bool) -> None:
    assert units.convertible(old, new) is expected


def test_units_of_a_group_named_empty_convert() -> None:
    table = UnitTable.from_groups({"": {"a": Decimal(1), "b": Decimal(2)}, "x": {"c": Decimal(1)}})
    assert table.convertible("a", "b") and not table.convertible("a", "c")
    assert table.group("a") == ""

"""diff's figure arithmetic on hand-made metrics, every expected value worked out by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.diff.figures import FigureRow, compare_figures
from reportgen.model.report import Metric
from reportgen.settings.units import UnitTable

UNITS = UnitTable.from_groups(
    {
        "money": {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)},
        "people": {"人": Decimal(1), "万人": Decimal(10000)},
    }
)


def _one(old: Metric, new: Metric) -> FigureRow:
    [row] = compare_figures([old], [new], UNITS)
    return row


def _metric(value: float, unit: str = "件", **more: object) -> Metric:
    return Metric(id="cases", label="受理案件", value=value, unit=unit, **more)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("old", "new", "percent"),
    [
        # 1/800 = 0.125%: half-up gives 0.13 (half-even would give 0.12)
        (800, 801, "0.13"),
        # -1/800 = -0.125%: away from zero, -0.13 (half-even: -0.12)
        (800, 799, "-0.13"),
        # 3/800 = 0.375%: 0.38 either way; 5/800 = 0.625%: half-up 0.63 (half-even 0.62)
        (800, 803, "0.38"),
        (800, 805, "0.63"),
        # 1/3 = 33.333…%: rounds down
        (3, 4, "33.33"),
        # 2/3 = 66.666…%: rounds up
        (3, 5, "66.67"),
        (100, 50, "-50.00"),
        (7, 7, "0.00"),
    ],
)
def test_percent_change_rounds_half_up_to_hundredths(old: int, new: int, percent: str) -> None:
    row = _one(_metric(old), _metric(new))
    assert row.percent == Decimal(percent)
    assert str(row.percent) == percent
    assert row.change == Decimal(new - old)


def test_a_value_in_another_unit_is_converted_before_the_change() -> None:
    # 31407万元 last year, 3.52亿元 this year: 3.1407亿元 → +0.3793亿元, +12.0769…% → 12.08
    row = _one(_metric(31407, "万元"), _metric(3.52, "亿元"))
    assert row.status == "changed"
    assert (row.old, row.old_unit, row.new, row.new_unit) == (
        Decimal("31407"),
        "万元",
        Decimal("3.52"),
        "亿元",
    )
    assert row.old_converted == Decimal("3.1407")
    assert row.change == Decimal("0.3793")
    assert row.percent == Decimal("12.08")
    assert row.unit == "亿元"
    assert row.change_unit == "亿元"
    assert row.notes == (("unit", "万元", "亿元"),)


def test_units_that_do_not_convert_are_incomparable() -> None:
    row = _one(_metric(5, "万元"), _metric(5, "人"))
    assert row.status == "incomparable"
    assert row.changed
    assert (row.old_converted, row.change, row.percent) == (None, None, None)
    assert (row.old, row.new) == (Decimal(5), Decimal(5))


def test_no_percentage_from_zero() -> None:
    row = _one(_metric(0), _metric(12))
    assert (row.status, row.change, row.percent) == ("changed", Decimal(12), None)


def test_an_unchanged_figure() -> None:
    row = _one(_metric(12.5, period="全年"), _metric(12.5, period="全年"))
    assert row.status == "unchanged"
    assert not row.changed
    assert (row.change, row.percent, row.notes) == (Decimal(0), Decimal("0.00"), ())
    assert (row.old_period, row.new_period) == ("全年", "全年")


def test_a_percentage_changes_in_percentage_points() -> None:
    row = _one(_metric(98, "%"), _metric(98.5, "%"))
    assert (row.change, row.change_unit, row.percent) == (
        Decimal("0.5"),
        "个百分点",
        Decimal("0.51"),
    )


def test_same_value_but_another_field_changed_is_a_change() -> None:
    row = _one(_metric(10, period="1-9月"), _metric(10, period="全年", change=5.5))
    assert row.status == "changed"
    assert row.change == 0
    assert row.notes == (("period", "1-9月", "全年"), ("change", "—", "5.5"))


def test_notes_show_every_field_that_differs() -> None:
    old = Metric(id="a", label="产值", value=1, unit="万元", previous=2, change=-3)
    new = Metric(id="a", label="工业产值", value=1, unit="万元", previous=3, change=None)
    row = _one(old, new)
    assert row.notes == (
        ("label", "产值", "工业产值"),
        ("previous", "2", "3"),
        ("change", "-3", "—"),
    )
    assert row.label == "工业产值"


def test_metrics_pair_by_id_then_by_label_in_the_new_order() -> None:
    old = [
        Metric(id="x", label="信访批次", value=20, unit="批"),
        Metric(id="output", label="产值", value=100, unit="万元"),
        Metric(id="gone", label="拆除面积", value=5, unit="㎡", period="全年"),
        Metric(id="renamed_old", label="接待人次", value=40, unit="人"),
    ]
    new = [
        Metric(id="renamed_new", label="接待人次", value=50, unit="人"),
        Metric(id="output", label="工业产值", value=110, unit="万元"),
        Metric(id="fresh", label="新增就业", value=7, unit="人", period="1-9月"),
        Metric(id="x", label="信访批次", value=20, unit="批"),
    ]
    rows = compare_figures(old, new, UNITS)
    assert [(r.id, r.status) for r in rows] == [
        ("renamed_new", "changed"),
        ("output", "changed"),
        ("fresh", "added"),
        ("x", "unchanged"),
        ("gone", "removed"),
    ]
    renamed, output, fresh, same, gone = rows
    assert renamed.notes == (("id", "renamed_old", "renamed_new"),)
    assert (renamed.change, renamed.percent) == (Decimal(10), Decimal("25.00"))
    assert output.label == "工业产值"
    assert (output.change, output.percent) == (Decimal(10), Decimal("10.00"))
    assert (fresh.old, fresh.new, fresh.new_unit, fresh.new_period) == (
        None,
        Decimal(7),
        "人",
        "1-9月",
    )
    assert (fresh.unit, fresh.label, fresh.old_unit, fresh.old_period) == ("人", "新增就业", "", "")
    assert (gone.old, gone.new, gone.old_unit, gone.old_period) == (Decimal(5), None, "㎡", "全年")
    assert (gone.unit, gone.label, gone.new_unit, gone.new_period) == ("㎡", "拆除面积", "", "")
    assert same.notes == ()


def test_an_id_match_wins_over_an_earlier_label_match() -> None:
    old = [
        Metric(id="b", label="产值", value=1, unit="万元"),
        Metric(id="a", label="其他", value=2, unit="万元"),
    ]
    new = [Metric(id="a", label="产值", value=4, unit="万元")]
    rows = compare_figures(old, new, UNITS)
    assert [(r.id, r.status, r.old) for r in rows] == [
        ("a", "changed", Decimal(2)),
        ("b", "removed", Decimal(1)),
    ]


def test_no_period_and_no_unit_show_as_nothing_and_a_dash() -> None:
    old = [Metric(id="a", label="产值", value=1), Metric(id="b", label="人次", value=2)]
    new = [Metric(id="a", label="产值", value=1, unit="万元"), Metric(id="c", label="户", value=3)]
    changed, added, removed = compare_figures(old, new, UNITS)
    assert (changed.old_period, changed.new_period) == ("", "")
    assert changed.notes == (("unit", "—", "万元"),)
    assert changed.status == "incomparable"  # no unit and 万元 do not convert
    assert (added.id, added.new_period, removed.id, removed.old_period) == ("c", "", "b", "")


def test_from_zero_there_is_a_change_and_no_percentage() -> None:
    row = _one(_metric(0), _metric(5))
    assert (row.status, row.change, row.percent) == ("changed", Decimal(5), None)


def test_a_percentage_past_28_digits_is_left_out() -> None:
    row = _one(_metric(1), _metric(1e30))  # 1e32 % to the hundredth: 35 digits
    assert (row.status, row.percent) == ("changed", None)

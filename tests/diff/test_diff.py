"""diff on the test fixtures: a lightly edited 2022 review, and an invented 2023 review."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from reportgen.cli.diff.printer import render_terminal
from reportgen.diff import DocumentDiff, compare
from reportgen.diff.figures import FigureRow
from reportgen.diff.output import render_text, summary, to_json
from reportgen.model.validate import load_document
from reportgen.settings import load_settings
from reportgen.settings.messages import set_language

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "diff"
SHIPPED = load_settings(None)
TEMPLATES = SHIPPED.templates


def diff_files(old: str, new: str) -> DocumentDiff:
    return compare(
        load_document(FIXTURES / old),
        load_document(FIXTURES / new),
        sections=TEMPLATES.sections(),
        units=SHIPPED.units,
        old_name=old,
        new_name=new,
    )


@pytest.fixture(scope="module")
def edited() -> DocumentDiff:
    return diff_files("data/2022.yaml", "2022_edited.yaml")


@pytest.fixture(scope="module")
def next_year() -> DocumentDiff:
    return diff_files("data/2022.yaml", "data/2023.yaml")


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


def changed(ops: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(op.a, op.b) for op in ops if op.kind != "equal"]


def figure(diff: DocumentDiff, metric_id: str) -> FigureRow:
    return next(f for f in diff.figures if f.id == metric_id)


# ── a lightly edited copy ──────────────────────────────────────────────────────────────────


def test_edited_structure(edited: DocumentDiff) -> None:
    items = edited.items
    assert [v.id for v in items.added] == ["digital-governance"]
    assert [v.id for v in items.removed] == ["common-prosperity"]
    assert [(m.b.id, m.a.place, m.b.place) for m in items.moved] == [
        ("social-development", "2022年亮点工作（一）", "2022年亮点工作（四）")
    ]
    assert [(m.a.id, m.b.id, m.matched_by) for m in items.reworded] == [
        ("demolition-resettlement", "demolition-resettlement", "id"),
        ("governance-reform", None, "heading"),
        ("investment-attraction", "investment-attraction", "id"),
    ]


def test_edited_words(edited: DocumentDiff) -> None:
    demolition, governance, investment = edited.items.reworded
    assert changed(demolition.body_ops) == [("26.76亿元", "267600万元"), ("完成", "启动")]
    assert changed(demolition.heading_ops) == []
    assert changed(governance.heading_ops) == [("新跑道", "新台阶")]
    assert changed(governance.body_ops) == [("2161", "2168")]
    assert changed(investment.body_ops) == [("", "仍")]
    assert [(t.field, changed(t.ops)) for t in edited.texts] == [("opening", [("坚定", "坚决")])]


def test_punctuation_width_alone_is_not_a_change(edited: DocumentDiff) -> None:
    social = next(m for m in edited.items.matched if m.b.id == "social-development")
    assert "100％化解" in social.b.body and "100%化解" in social.a.body
    assert social.moved and not social.reworded


def test_edited_figures(edited: DocumentDiff) -> None:
    assert [(f.id, f.status) for f in edited.changed_figures] == [
        ("compensation_paid", "changed"),
        ("hazards_closed", "changed"),
        ("digital_events", "added"),
    ]
    money = figure(edited, "compensation_paid")
    # 26.76亿元 written as 267600万元: converted, the same amount, not a 10,000-fold jump
    assert (money.old, money.old_unit, money.new, money.new_unit) == (
        Decimal("26.76"),
        "亿元",
        Decimal("267600"),
        "万元",
    )
    assert (money.old_converted, money.change, money.percent) == (Decimal("267600"), 0, 0)
    assert money.notes == (("unit", "亿元", "万元"),)
    closed = figure(edited, "hazards_closed")
    assert (closed.change, closed.percent) == (Decimal("7"), Decimal("0.32"))
    assert len(edited.figures) == 11  # every metric of either file


def test_edited_summary(edited: DocumentDiff) -> None:
    assert summary(edited) == (
        "data/2022.yaml → 2022_edited.yaml：新增 1 项，删除 1 项，移动 1 项，改写 3 项，"
        "其他文字改动 1 处，指标变化 3 项"
    )
    assert not edited.identical


# ── a year on ──────────────────────────────────────────────────────────────────────────────


def test_next_year_structure(next_year: DocumentDiff) -> None:
    items = next_year.items
    assert [v.id for v in items.added] == ["economy-stability", "party-building", "cadre-capacity"]
    assert [v.id for v in items.removed] == [
        "social-development",
        "common-prosperity",
        "party-building-planning",
        "public-satisfaction",
    ]
    assert [(m.a.heading, m.b.heading, m.matched_by) for m in items.reworded] == [
        ("拆征安置取得新突破", "拆征安置实现新跨越", "id"),
        ("改革治理迈上新跑道", "改革治理迈上新台阶", "id"),
        ("城市建设呈现新蝶变", "城市建设呈现新面貌", "heading"),
        ("街道招商引资短板明显", "招商引资仍是突出短板", "id"),
    ]
    # 拆征 stays （二）; 改革 （四）→（三） and 城市 （三）→（四） swapped: one of them moved
    assert len(items.moved) == 1
    assert {items.moved[0].b.heading} <= {"改革治理迈上新台阶", "城市建设呈现新面貌"}
    # the default section title carries the year: 2022年亮点工作 → 2023年亮点工作
    assert [t.field for t in next_year.texts] == ["title", "opening", "titles/highlights"]


@pytest.mark.parametrize(
    ("metric_id", "old", "new", "unit", "change", "percent"),
    [
        ("industrial_output", "4720", "5160", "万元", "440", "9.32"),
        ("retail_sales", "5692", "6210", "万元", "518", "9.10"),
        # 31407万元 in 2022, 3.52亿元 in 2023: converted to 3.1407亿元, +12.08%, not ×10,000
        ("wholesale_sales", "3.1407", "3.52", "亿元", "0.3793", "12.08"),
        ("fixed_asset_investment", "12.43", "13.85", "亿元", "1.42", "11.42"),
        ("compensation_paid", "26.76", "31.2", "亿元", "4.44", "16.59"),
        ("households_paid", "932", "1286", "户", "354", "37.98"),
        ("hazards_received", "2286", "2410", "件", "124", "5.42"),
        ("hazards_closed", "2161", "2355", "件", "194", "8.98"),
        ("mediation_success_rate", "98", "98.5", "%", "0.5", "0.51"),
    ],
)
def test_next_year_figures(
    next_year: DocumentDiff,
    metric_id: str,
    old: str,
    new: str,
    unit: str,
    change: str,
    percent: str,
) -> None:
    row = figure(next_year, metric_id)
    assert row.status == "changed"
    assert (row.old_converted, row.new, row.unit) == (Decimal(old), Decimal(new), unit)
    assert (row.change, row.percent) == (Decimal(change), Decimal(percent))


def test_next_year_figures_added_and_removed(next_year: DocumentDiff) -> None:
    statuses = {f.id: f.status for f in next_year.figures}
    assert [k for k, v in statuses.items() if v == "added"] == [
        "houses_cleared",
        "certificates_issued",
        "relief_funds",
        "waste_sorting_rate",
    ]
    assert [k for k, v in statuses.items() if v == "removed"] == ["resettlement_subscribed"]
    assert figure(next_year, "wholesale_sales").notes[0] == ("unit", "万元", "亿元")


def test_a_unit_that_does_not_convert_is_flagged(tmp_path: Path) -> None:
    text = (FIXTURES / "data/2022.yaml").read_text("utf-8")
    changed_unit = text.replace("value: 932\n    unit: 户", "value: 932\n    unit: 人")
    assert changed_unit != text
    (tmp_path / "b.yaml").write_text(changed_unit, "utf-8")
    result = compare(
        load_document(FIXTURES / "data/2022.yaml"),
        load_document(tmp_path / "b.yaml"),
        sections=TEMPLATES.sections(),
        units=SHIPPED.units,
    )
    row = figure(result, "households_paid")
    assert (row.status, row.old_converted, row.change) == ("incomparable", None, None)


# ── identical files ────────────────────────────────────────────────────────────────────────


def rendered(result: DocumentDiff, fmt: str) -> str:
    """The diff as the command shows it: drawn by the CLI on a terminal, else made as text."""
    if fmt == "terminal":
        return render_terminal(result, color=False)
    return render_text(result, fmt, templates=TEMPLATES)


@pytest.mark.parametrize("fmt", ["terminal", "md", "html", "json"])
def test_identical_files(fmt: str) -> None:
    result = diff_files("data/2022.yaml", "data/2022.yaml")
    assert result.identical
    assert not any(result.counts().values())
    out = rendered(result, fmt)
    if fmt == "json":
        assert json.loads(out)["identical"] is True
    else:
        assert out == "data/2022.yaml 与 data/2022.yaml 内容相同\n"


# ── outputs ────────────────────────────────────────────────────────────────────────────────


def test_terminal_view_marks_changes_without_colour(edited: DocumentDiff) -> None:
    out = render_terminal(edited, color=False)
    assert "\x1b[" not in out
    assert "[-完成-]{+启动+}" in out
    assert "改革治理迈上[-新跑道-]{+新台阶+}" in out
    assert "新增  2022年亮点工作（五） 数字治理跑出加速度" in out
    assert out.splitlines()[-1] == summary(edited)
    assert all(line == line.rstrip() for line in out.splitlines())


def test_terminal_view_in_colour(edited: DocumentDiff) -> None:
    out = render_terminal(edited, color=True)
    assert "\x1b[" in out and "[-完成-]" not in out
    assert "完成" in out and "启动" in out


def test_markdown(next_year: DocumentDiff) -> None:
    out = render_text(next_year, "md", templates=TEMPLATES)
    assert out.startswith("# 对比：data/2022.yaml → data/2023.yaml\n")
    assert "城市建设呈现~~新蝶变~~**新面貌**" in out
    assert "| 限上批发业销售额 | 3.1407 | 3.52 | 亿元 | +0.3793亿元 | +12.08% |" in out
    assert "| 调解成功率 | 98 | 98.5 | % | +0.5个百分点 | +0.51% |" in out


def test_html_escapes_and_marks(edited: DocumentDiff) -> None:
    out = render_text(edited, "html", templates=TEMPLATES)
    assert "<del>完成</del><ins>启动</ins>" in out
    assert "<td>办结隐患事项</td>" in out
    assert out.rstrip().endswith("</html>")


def test_json(next_year: DocumentDiff) -> None:
    data = json.loads(render_text(next_year, "json", templates=TEMPLATES))
    assert data["counts"] == {
        "added": 3,
        "removed": 4,
        "moved": 1,
        "reworded": 4,
        "relinked": 3,
        "texts": 3,  # title, opening and the highlights' title (its default carries the year)
        "figures": 14,
    }
    wholesale = next(f for f in data["figures"] if f["id"] == "wholesale_sales")
    assert wholesale == {
        "id": "wholesale_sales",
        "label": "限上批发业销售额",
        "status": "changed",
        "old": 31407,
        "old_unit": "万元",
        "new": 3.52,
        "new_unit": "亿元",
        "old_in_new_unit": 3.1407,
        "change": 0.3793,
        "change_unit": "亿元",
        "percent": 12.08,
        "old_period": "1-9月",
        "new_period": "1-9月",
        "notes": [
            {"field": "unit", "old": "万元", "new": "亿元"},
            {"field": "change", "old": "281.5", "new": "12.1"},
        ],
    }
    city = next(m for m in data["matched"] if m["new"]["heading"] == "城市建设呈现新面貌")
    assert (city["matched_by"], city["old"]["id"], city["new"]["id"]) == (
        "heading",
        "urban-renewal",
        None,
    )
    assert {"op": "replace", "old": "新蝶变", "new": "新面貌"} in city["heading_diff"]
    assert to_json(next_year) == data


def test_labels_in_english(edited: DocumentDiff) -> None:
    set_language("en")
    out = render_terminal(edited, color=False)
    assert "reworded" in out and "改写" not in out
    assert summary(edited).endswith(
        "1 added, 1 removed, 1 moved, 3 reworded, 1 other text changes, 3 figures changed"
    )

"""diff between two years of a document with parts (issue 12): a part's items are matched as a
section of their own, and a part's prose is a text of its own, named by the part's title."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportgen.cli import app
from reportgen.diff import compare
from reportgen.diff.output import to_json
from reportgen.model.validate import load_document
from reportgen.settings import load_settings

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "parts" / "data" / "2024.yaml"
SHIPPED = load_settings(None)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """The fixture, and next year's copy in which only the part 意见建议 and 基本情况 changed."""
    old = tmp_path / "2024.yaml"
    old.write_text(FIXTURE.read_text("utf-8"), "utf-8")
    text = FIXTURE.read_text("utf-8")
    new_text = (
        text.replace("建议提高村级运转经费标准。", "建议提高村级运转经费和办公经费标准。")
        .replace("全镇耕地面积4.5万亩。", "全镇耕地面积4.6万亩。")
        .replace("year: 2024", "year: 2025")
    )
    assert new_text.count("4.6万亩") == 1 and new_text.count("办公经费") == 1
    new = tmp_path / "2025.yaml"
    new.write_text(new_text, "utf-8")
    return old, new


def test_only_the_changed_part_shows(files: tuple[Path, Path]) -> None:
    old, new = files
    diff = compare(
        load_document(old),
        load_document(new),
        sections=SHIPPED.templates.sections(),
        units=SHIPPED.units,
    )
    assert diff.items.added == [] and diff.items.removed == []
    [reworded] = diff.items.reworded
    assert (reworded.a.section, reworded.a.place) == ("parts/suggestions", "意见建议（一）")
    assert reworded.b.body == "建议提高村级运转经费和办公经费标准。"
    # the title changed with the year; of the rest, only the part whose prose changed
    assert [(t.field, t.label) for t in diff.texts] == [("title", ""), ("parts/basics", "基本情况")]
    basics = diff.texts[1]
    assert basics.old == "基本情况\n青石镇下辖8个行政村，户籍人口3.2万人。\n全镇耕地面积4.5万亩。"
    assert basics.new.endswith("全镇耕地面积4.6万亩。")
    data = to_json(diff)
    assert [t["field"] for t in data["texts"]] == ["title", "parts/basics"]


def test_a_part_added_next_year_is_a_new_text_and_new_items(tmp_path: Path) -> None:
    old = tmp_path / "2024.yaml"
    old.write_text("organisation: 青石镇\nyear: 2024\nhighlights:\n  - heading: 亮点\n", "utf-8")
    new = tmp_path / "2025.yaml"
    new.write_text(
        "organisation: 青石镇\nyear: 2025\nhighlights:\n  - heading: 亮点\n"
        "parts:\n  - title: 意见建议\n    text: 建议加大投入。\n"
        "    items:\n      - heading: 强化保障\n",
        "utf-8",
    )
    diff = compare(
        load_document(old),
        load_document(new),
        sections=SHIPPED.templates.sections(),
        units=SHIPPED.units,
    )
    assert [v.place for v in diff.items.added] == ["意见建议（一）"]
    assert [(t.field, t.old, t.new) for t in diff.texts[1:]] == [
        ("titles/highlights", "2024年亮点工作", "2025年亮点工作"),  # the default carries the year
        ("parts/意见建议", "", "意见建议\n建议加大投入。"),
    ]


def test_the_command_names_the_part_in_every_text_format(
    files: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    old, new = files
    terminal = CliRunner().invoke(app, ["diff", str(old), str(new)])
    assert terminal.exit_code == 1, terminal.output
    assert "基本情况" in terminal.output and "意见建议（一）" in terminal.output
    for fmt in ("md", "html"):
        result = CliRunner().invoke(app, ["diff", str(old), str(new), "-f", fmt, "-o", f"d.{fmt}"])
        assert result.exit_code == 1, result.output
        shown = (tmp_path / f"d.{fmt}").read_text("utf-8")
        assert "基本情况：" in shown and "意见建议（一）" in shown


def test_a_sections_intro_is_a_text_named_by_the_sections_title(tmp_path: Path) -> None:
    def year(n: int, output: str) -> Path:
        path = tmp_path / f"{n}.yaml"
        path.write_text(
            f"kind: review\norganisation: 某镇\nyear: {n}\n"
            "titles:\n  highlights: 主要工作及成效\n"
            f"intros:\n  highlights: 全年完成地区生产总值{output}亿元。\n"
            "highlights:\n  - heading: 经济稳中有进\n    points: [完成投资。]\n",
            "utf-8",
        )
        return path

    diff = compare(
        load_document(year(2022, "42")),
        load_document(year(2023, "45")),
        sections=SHIPPED.templates.sections(),
        units=SHIPPED.units,
    )
    assert diff.items.reworded == [] and diff.items.added == []
    [intro] = [t for t in diff.texts if t.field != "title"]
    assert (intro.field, intro.label) == ("intros/highlights", "主要工作及成效")
    assert intro.old == "主要工作及成效\n全年完成地区生产总值42亿元。"
    assert intro.new == "主要工作及成效\n全年完成地区生产总值45亿元。"


def test_a_changed_cell_of_an_items_table_is_a_reworded_item(tmp_path: Path) -> None:
    # issue 12: a table of figures inside an item is part of what diff compares
    head = (
        "organisation: 青石镇\nhighlights:\n  - heading: 经济指标\n    points: [完成情况见下表：]\n"
    )
    table = "    tables:\n      - - [指标, 完成]\n        - [财政收入, {value}]\n"
    old = tmp_path / "2024.yaml"
    old.write_text(f"year: 2024\n{head}{table.format(value='4.18亿元')}", "utf-8")
    new = tmp_path / "2025.yaml"
    new.write_text(f"year: 2025\n{head}{table.format(value='4.45亿元')}", "utf-8")
    diff = compare(
        load_document(old),
        load_document(new),
        sections=SHIPPED.templates.sections(),
        units=SHIPPED.units,
    )
    [reworded] = diff.items.reworded
    assert reworded.a.body == "完成情况见下表：\n指标｜完成\n财政收入｜4.18亿元"
    assert reworded.b.body == "完成情况见下表：\n指标｜完成\n财政收入｜4.45亿元"

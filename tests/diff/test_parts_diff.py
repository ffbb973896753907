"""diff between two years of a document with parts (issue 12): a part's items are matched as a
section of their own, and a part's prose is a text of its own, named by the part's title."""

from __future__ import annotations

import io
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
    assert intro.old == "全年完成地区生产总值42亿元。"  # the title names it, no more
    assert intro.new == "全年完成地区生产总值45亿元。"


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


def _renamed(tmp_path: Path, old_intro: str, new_intro: str) -> tuple[Path, Path]:
    """Two years of a review whose author renamed 主要工作及成效 → 主要工作和成效; the section
    has an intro in both (``old_intro``, ``new_intro``) and one unchanged item."""

    def year(n: int, title: str, intro: str) -> Path:
        path = tmp_path / f"{n}.yaml"
        path.write_text(
            f"kind: review\norganisation: 某镇\nyear: {n}\n"
            f"titles:\n  highlights: {title}\n"
            f"intros:\n  highlights: {intro}\n"
            "highlights:\n  - heading: 经济稳中有进\n    points: [完成固定资产投资。]\n",
            "utf-8",
        )
        return path

    return year(2022, "主要工作及成效", old_intro), year(2023, "主要工作和成效", new_intro)


def test_a_renamed_section_with_an_unchanged_intro_is_one_change(tmp_path: Path) -> None:
    # review: the rename showed twice, as titles/highlights and as the first line of
    # intros/highlights, though the intro itself had not changed
    old, new = _renamed(tmp_path, "全年完成地区生产总值42亿元。", "全年完成地区生产总值42亿元。")
    diff = compare(
        load_document(old),
        load_document(new),
        sections=SHIPPED.templates.sections(),
        units=SHIPPED.units,
    )
    assert [(t.field, t.old, t.new) for t in diff.texts] == [
        ("title", "某镇2022年工作总结", "某镇2023年工作总结"),
        ("titles/highlights", "主要工作及成效", "主要工作和成效"),
    ]
    assert diff.items.changed == []
    assert [t["field"] for t in to_json(diff)["texts"]] == ["title", "titles/highlights"]


def test_a_renamed_section_whose_intro_changed_shows_the_intro_alone(tmp_path: Path) -> None:
    old, new = _renamed(tmp_path, "全年完成地区生产总值42亿元。", "全年完成地区生产总值45亿元。")
    diff = compare(
        load_document(old),
        load_document(new),
        sections=SHIPPED.templates.sections(),
        units=SHIPPED.units,
    )
    assert [(t.field, t.label, t.old, t.new) for t in diff.texts[1:]] == [
        ("titles/highlights", "", "主要工作及成效", "主要工作和成效"),
        # named by the section's new title, its text the intro alone
        (
            "intros/highlights",
            "主要工作和成效",
            "全年完成地区生产总值42亿元。",
            "全年完成地区生产总值45亿元。",
        ),
    ]


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (
            "md",
            [
                "- 标题：某镇~~2022~~**2023**年工作总结",
                "- 章节标题：主要工作~~及~~**和**成效",
            ],
        ),
        (
            "html",
            [
                "<li>标题：某镇<del>2022</del><ins>2023</ins>年工作总结</li>",
                "<li>章节标题：主要工作<del>及</del><ins>和</ins>成效</li>",
            ],
        ),
        (
            "terminal",
            [
                "  ~ 标题  某镇[-2022-]{+2023+}年工作总结",
                "  ~ 章节标题  主要工作[-及-]{+和+}成效",
            ],
        ),
    ],
)
def test_every_text_output_shows_the_rename_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, expected: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    old, new = _renamed(tmp_path, "全年完成地区生产总值42亿元。", "全年完成地区生产总值42亿元。")
    args = ["--lang", "zh", "diff", str(old), str(new), "-f", fmt]
    result = CliRunner().invoke(app, [*args, "-o", "out"] if fmt != "terminal" else args)
    assert result.exit_code == 1, result.output
    shown = (tmp_path / "out").read_text("utf-8") if fmt != "terminal" else result.output
    changed = [line for line in shown.splitlines() if line.startswith(("- ", "  ~ ", "<li>"))]
    assert changed == expected  # the intro, unchanged, is not among them


def test_the_tracked_changes_document_shows_the_rename_once(tmp_path: Path) -> None:
    from docx import Document as Word
    from docx.oxml.ns import qn

    from reportgen.render.docx_diff import render_docx_diff

    old, new = _renamed(tmp_path, "全年完成地区生产总值42亿元。", "全年完成地区生产总值42亿元。")
    diff = compare(
        load_document(old),
        load_document(new),
        sections=SHIPPED.templates.sections(),
        units=SHIPPED.units,
    )
    assert diff.old_composed is not None and diff.new_composed is not None
    data = render_docx_diff(diff.old_composed, diff.new_composed, SHIPPED.layout, items=diff.items)
    body = Word(io.BytesIO(data)).element.body
    deleted = ["".join(t.text for t in d.iter(qn("w:delText"))) for d in body.iter(qn("w:del"))]
    inserted = ["".join(t.text for t in i.iter(qn("w:t"))) for i in body.iter(qn("w:ins"))]
    assert [d for d in deleted if d] == ["2022", "及"]
    assert [i for i in inserted if i] == ["2023", "和"]

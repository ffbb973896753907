"""The district's table on a generated district of 30 offices (tests/rollup_district.py): the
workbook's cells, units, totals and medians equal what is computed here by hand; openpyxl and
LibreOffice read the file back; the Word table opens in LibreOffice with the same figures."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reportgen.app.rollup import RollupRequest, RollupResult, run
from rollup_district import BROKEN, CONFLICT, MISSING, UNMATCHED, YEAR, Office, make_district

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="needs LibreOffice (soffice): apt install libreoffice-calc-nogui",
)

TEN_THOUSAND = Decimal(10000)


def in_yi(value: str, unit: str) -> Decimal:
    """规上工业总产值 in 亿元, by hand: 1 亿元 = 10000 万元."""
    return Decimal(value) / TEN_THOUSAND if unit == "万元" else Decimal(value)


def median(values: list[Decimal]) -> Decimal:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


@pytest.fixture
def district(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[Office]]:
    offices = make_district(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path, offices


@pytest.fixture
def result(district: tuple[Path, list[Office]]) -> RollupResult:
    return run(RollupRequest(str(YEAR), ("orgs/*",), ("xlsx", "docx", "csv", "json")))


def read(offices: list[Office]) -> list[Office]:
    """The offices the table holds: all but the broken one (the missing one wrote nothing)."""
    return [o for o in offices if o.number != BROKEN]


def test_the_run_reads_28_offices_and_lists_the_missing_and_the_failed(
    result: RollupResult,
) -> None:
    assert [o.shown for o in result.missing] == [f"orgs/p{MISSING:02d}"]
    assert [o.shown for o in result.failed] == [f"orgs/p{BROKEN:02d}"]
    assert len(result.rollup.rows) == 28
    assert result.exit_code == 1
    assert sorted(p.name for p in result.written) == [
        "2022.csv",
        "2022.docx",
        "2022.json",
        "2022.xlsx",
    ]


def test_the_metrics_sheet_holds_every_office_in_the_districts_units(
    result: RollupResult, district: tuple[Path, list[Office]]
) -> None:
    root, offices = district
    book = load_workbook(root / "rollup" / "2022.xlsx")
    assert book.sheetnames == ["主要指标", "检查结果", "缺报及未能读取", "未匹配指标"]
    sheet = book["主要指标"]
    header = [c.value for c in sheet[1]]
    assert header == [
        "报送单位",
        "规上工业总产值（亿元）",
        "上年规上工业总产值（亿元）",
        "规上工业总产值同比（%）",
        "限上消费品零售总额（万元）",
        "资金发放到户户数（户）",
        "调解成功率（%）",
    ]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    present = read(offices)
    assert [r[0] for r in rows[:-2]] == [o.name for o in present]
    for row, o in zip(rows, present, strict=False):
        assert Decimal(str(row[1])) == in_yi(o.output, o.output_unit), o.name
        previous = None if o.output_previous is None else in_yi(o.output_previous, o.output_unit)
        assert (None if row[2] is None else Decimal(str(row[2]))) == previous, o.name
        assert row[4] == 1000 + o.number * 101
        assert row[5] == o.number * 13 + 7
        assert Decimal(str(row[6])) == Decimal(f"{90 + o.number % 10}.5")
    # The alias (gyzcz / 规模以上工业总产值) landed in the same column: office 4 is in 亿元.
    fourth = next(r for r in rows if r[0] == "第4街道")
    assert Decimal(str(fourth[1])) == Decimal(4000 + 4 * 37) / TEN_THOUSAND


def test_totals_and_medians_are_the_hand_computed_ones(
    result: RollupResult, district: tuple[Path, list[Office]]
) -> None:
    root, offices = district
    rows = list(load_workbook(root / "rollup" / "2022.xlsx")["主要指标"].values)
    total, middle = rows[-2], rows[-1]
    assert (total[0], middle[0]) == ("合计", "中位数")
    present = read(offices)
    output = [in_yi(o.output, o.output_unit) for o in present]
    previous = [in_yi(o.output_previous, o.output_unit) for o in present if o.output_previous]
    retail = [Decimal(1000 + o.number * 101) for o in present]
    households = [Decimal(o.number * 13 + 7) for o in present]
    rates = [Decimal(f"{90 + o.number % 10}.5") for o in present]
    assert Decimal(str(total[1])) == sum(output)
    assert Decimal(str(total[2])) == sum(previous)
    assert total[3] is None  # changes are not added up
    assert Decimal(str(total[4])) == sum(retail)
    assert Decimal(str(total[5])) == sum(households)
    assert total[6] is None  # nor are rates
    for n, values in ((1, output), (2, previous), (4, retail), (5, households), (6, rates)):
        assert Decimal(str(middle[n])) == median(values), n
    # 28 offices: the median is the mean of the 14th and 15th of the sorted retail figures.
    assert Decimal(str(middle[4])) == (sorted(retail)[13] + sorted(retail)[14]) / 2


def test_number_formats_follow_the_unit_and_the_header_is_frozen(
    result: RollupResult, district: tuple[Path, list[Office]]
) -> None:
    sheet = load_workbook(district[0] / "rollup" / "2022.xlsx")["主要指标"]
    assert sheet.freeze_panes == "B2"
    formats = [sheet.cell(2, c).number_format for c in range(2, 8)]
    assert formats == ["#,##0.0000", "#,##0.0000", "#,##0.00", "#,##0.00", "#,##0", "#,##0.00"]
    # 报送单位 (4 Chinese characters: 8) and 第10街道 (3 Chinese and 2 digits: 8), + 2.
    assert sheet.column_dimensions["A"].width == 10
    findings = load_workbook(district[0] / "rollup" / "2022.xlsx")["检查结果"]
    assert findings.freeze_panes == "A2"


def test_the_figure_conflict_is_marked_commented_and_listed_with_its_place(
    result: RollupResult, district: tuple[Path, list[Office]]
) -> None:
    root, _ = district
    book = load_workbook(root / "rollup" / "2022.xlsx")
    sheet = book["主要指标"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == f"第{CONFLICT}街道")
    change = row[3]
    assert change.value == 50
    assert change.fill.fgColor.rgb.endswith("FFC7CE")
    assert "figures-yoy" in change.comment.text and "10%" in change.comment.text
    assert row[1].comment is None  # the value itself is as written
    text = (root / "orgs" / f"p{CONFLICT}" / "data" / "2022.yaml").read_text(encoding="utf-8")
    line = text.splitlines().index("    change: 50") + 1
    listed = list(book["检查结果"].values)
    assert listed[0] == ("报送单位", "位置", "规则", "级别", "说明")
    assert (f"第{CONFLICT}街道", f"orgs/p{CONFLICT}/data/2022.yaml:{line}:13", "figures-yoy") in [
        r[:3] for r in listed
    ]


def test_missing_failed_and_unmatched_sheets(
    result: RollupResult, district: tuple[Path, list[Office]]
) -> None:
    book = load_workbook(district[0] / "rollup" / "2022.xlsx")
    absent = list(book["缺报及未能读取"].values)
    assert absent[0] == ("报送单位", "项目文件夹", "情况", "原因")
    assert absent[1][:3] == (f"p{MISSING:02d}", f"orgs/p{MISSING:02d}", "缺报")
    assert f"orgs/p{MISSING:02d}/data/2022.yaml" in absent[1][3]
    assert absent[2][:3] == (f"p{BROKEN}", f"orgs/p{BROKEN}", "未能读取")
    assert absent[2][3].startswith(f"orgs/p{BROKEN}/data/2022.yaml:4:")
    unmatched = list(book["未匹配指标"].values)
    assert unmatched[1:] == [(f"第{UNMATCHED}街道", "new_firms", "新增市场主体", 120, "家")]


def test_csv_and_json_hold_the_same_exact_figures(
    result: RollupResult, district: tuple[Path, list[Office]]
) -> None:
    import json

    root, offices = district
    raw = (root / "rollup" / "2022.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())  # Excel opens it as UTF-8
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    first = read(offices)[0]
    assert lines[1][:2] == [first.name, str(in_yi(first.output, first.output_unit))]
    body = json.loads((root / "rollup" / "2022.json").read_text(encoding="utf-8"))
    fourth = next(o for o in body["offices"] if o["office"] == "第4街道")
    assert fourth["figures"]["industrial_output"]["value"] == 0.4148
    assert body["absent"][0]["status"] == "missing"


def test_without_a_mapping_each_id_is_its_own_column_in_its_most_used_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_district(tmp_path, 12, mapping=False)
    monkeypatch.chdir(tmp_path)
    result = run(RollupRequest(str(YEAR), ("orgs/*",), ("json",)))
    columns = {c.id: c.unit for c in result.rollup.columns}
    # industrial_output: offices 1 2 3 5 6 9 10 11 (7 is missing), 3 6 9 in 亿元: 5 to 3.
    assert columns["industrial_output"] == "万元"
    assert columns["gyzcz"] == "万元"  # offices 4 and 8 in 万元, 12 in 亿元
    assert "new_firms" in columns
    assert result.rollup.unmatched == []


def test_a_unit_that_does_not_convert_is_shown_as_written_and_marked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_district(tmp_path, 3)
    review = tmp_path / "orgs" / "p02" / "data" / "2022.yaml"
    text = review.read_text(encoding="utf-8")
    review.write_text(text.replace("    unit: 户\n", "    unit: 人\n"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(RollupRequest(str(YEAR), ("orgs/*",), ("xlsx",)))
    sheet = load_workbook(tmp_path / "rollup" / "2022.xlsx")["主要指标"]
    cell = sheet.cell(3, 6)  # 第2街道, 资金发放到户户数（户）
    assert cell.value == f"{2 * 13 + 7}人"
    assert "“人” 无法换算为本列的 “户”" in cell.comment.text
    # the total leaves it out: offices 1 and 3 only
    assert sheet.cell(5, 6).value == (1 * 13 + 7) + (3 * 13 + 7)
    assert result.exit_code == 0


def soffice_convert(source: Path, target: str, folder: Path) -> Path:
    """Convert with LibreOffice in a profile of its own (two runs never share one)."""
    profile = folder / f"profile-{source.suffix[1:]}"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", target, "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return folder / f"{source.stem}.{target.split(':')[0]}"


def shown(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)


@needs_soffice
def test_libreoffice_reads_the_workbook_with_the_same_figures(
    result: RollupResult,
    district: tuple[Path, list[Office]],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root, offices = district
    out = tmp_path_factory.mktemp("calc")
    converted = soffice_convert(
        root / "rollup" / "2022.xlsx", "csv:Text - txt - csv (StarCalc):44,34,76", out
    )
    lines = list(csv.reader(io.StringIO(converted.read_text(encoding="utf-8"))))
    assert lines[0][1] == "规上工业总产值（亿元）"
    present = read(offices)

    def number(text: str) -> Decimal:
        return Decimal(text.replace(",", ""))

    for line, o in zip(lines[1:], present, strict=False):
        assert line[0] == o.name
        assert number(line[1]) == shown(in_yi(o.output, o.output_unit), 4)
        assert number(line[4]) == 1000 + o.number * 101
        assert number(line[5]) == o.number * 13 + 7
    total = lines[-2]
    assert total[0] == "合计"
    assert number(total[1]) == shown(sum(in_yi(o.output, o.output_unit) for o in present), 4)
    assert number(total[4]) == sum(1000 + o.number * 101 for o in present)


@needs_soffice
def test_the_word_table_opens_in_libreoffice_with_the_figures(
    result: RollupResult,
    district: tuple[Path, list[Office]],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root, offices = district
    out = tmp_path_factory.mktemp("writer")
    text = soffice_convert(root / "rollup" / "2022.docx", "txt:Text (encoded):UTF8", out)
    words = text.read_text(encoding="utf-8-sig")
    assert "2022年各单位主要指标汇总表" in words
    present = read(offices)
    for o in present:
        assert o.name in words
        assert f"{shown(in_yi(o.output, o.output_unit), 4)}" in words
        assert f"{1000 + o.number * 101}.00" in words
    total = sum(Decimal(1000 + o.number * 101) for o in present)
    assert f"合计\n{shown(sum(in_yi(o.output, o.output_unit) for o in present), 4)}" in words
    assert f"{total}.00" in words


def test_the_word_table_is_a_three_line_table_with_figures_right_aligned(
    result: RollupResult, district: tuple[Path, list[Office]]
) -> None:
    import re
    import zipfile

    xml = zipfile.ZipFile(district[0] / "rollup" / "2022.docx").read("word/document.xml").decode()
    borders = re.findall(r"<w:tblBorders>(.*?)</w:tblBorders>", xml)
    assert borders, "no table borders"
    for table in borders:
        assert re.search(r'<w:top w:val="single" w:sz="12"', table)
        assert re.search(r'<w:bottom w:val="single" w:sz="12"', table)
        assert '<w:insideH w:val="nil"/>' in table and '<w:insideV w:val="nil"/>' in table
    # the line under the header: on each header cell of each table
    # The Word table holds each metric's value (4 metrics: one table): office + 4 header cells
    assert xml.count('<w:tcBorders><w:bottom w:val="single" w:sz="6"') == 1 + 4
    # and 30 rows (28 offices, total, median) of 4 figures, each right-aligned
    assert xml.count('<w:jc w:val="right"/>') == 30 * 4
    assert "仿宋_GB2312" in xml or "仿宋" in xml

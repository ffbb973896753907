"""The tracked-changes Word document of ``reportgen diff --format docx``.

Proven twice: by reading its XML (keep w:ins, drop w:del → the new text; the reverse → the
old), and by LibreOffice itself: it opens the file, and its own record of the revisions
(saved as .odt) accepted gives the new text, rejected the old.
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from lxml import etree

from reportgen import oxml
from reportgen.compose.document import Block, Composed, MetricRow, Span
from reportgen.diff.compare import compose_alone
from reportgen.model.validate import load_document
from reportgen.render.docx_diff import Piece, PlannedBlock, pieces, plan, render_docx_diff
from reportgen.render.pdf import find_soffice
from reportgen.settings import load_settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "diff"
SHIPPED = load_settings(None)
SECTIONS = SHIPPED.sections
WHEN = datetime(2024, 1, 5, 9, 30, tzinfo=UTC)


def composed(name: str) -> Composed:
    return compose_alone(load_document(FIXTURES / name), SECTIONS)


def body(docx: bytes) -> Any:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    return root.find(qn("w:body"))


def texts(document: Composed) -> list[str]:
    return [block.text for block in document.blocks]


PAIRS = [
    ("data/2022.yaml", "2022_edited.yaml"),
    ("data/2022.yaml", "data/2023.yaml"),
    ("data/2023.yaml", "data/2022.yaml"),
    ("data/2023_plan.yaml", "data/2023.yaml"),
]


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, str], tuple[Composed, Composed, bytes]]:
    out = {}
    for old, new in PAIRS:
        a, b = composed(old), composed(new)
        out[(old, new)] = (a, b, render_docx_diff(a, b, SHIPPED.layout, date=WHEN, author="审核人"))
    return out


# ── planning paragraphs and runs ───────────────────────────────────────────────────────────


def para(text: str, level: int = 0) -> Block:
    return Block("paragraph", (Span(text),), level)


def test_plan_pairs_alike_paragraphs_and_keeps_order() -> None:
    old = [
        para("一样的开头。"),
        para("完成整村结算工作。"),
        para("删去的一段话。"),
        para("一样的结尾。"),
    ]
    new = [
        para("一样的开头。"),
        para("新写的一段话。"),
        para("启动整村结算工作。"),
        para("一样的结尾。"),
    ]
    planned = plan(old, new)
    assert [(p.status, p.block.text) for p in planned] == [
        ("equal", "一样的开头。"),
        ("insert", "新写的一段话。"),
        ("change", "启动整村结算工作。"),
        ("delete", "删去的一段话。"),
        ("equal", "一样的结尾。"),
    ]
    assert [(p.kind, p.text) for p in planned[2].pieces] == [
        ("delete", "完成"),
        ("insert", "启动"),
        ("equal", "整村结算工作。"),
    ]


def test_paragraphs_of_different_kinds_are_never_paired() -> None:
    end = para("结尾。")
    planned = plan(
        [para("二、存在问题", 0), end], [Block("heading", (Span("二、存在问题"),), 1), end]
    )
    assert [p.status for p in planned] == ["delete", "insert", "equal"]
    assert [p.mark for p in planned] == ["del", "ins", None]


def test_the_last_paragraphs_are_paired_however_unlike() -> None:
    # The document's last paragraph mark can be neither inserted nor deleted.
    planned = plan(
        [para("开头。"), para("完全不同的旧结尾。")], [para("开头。"), para("另一段新话")]
    )
    assert [(p.status, p.mark) for p in planned] == [("equal", None), ("change", None)]


@pytest.mark.parametrize(
    ("old", "new", "marks"),
    [
        (["甲。", "乙。"], ["甲。", "乙。", "丙。", "丁。"], ["ins", "ins", None]),
        (["甲。", "乙。", "丙。"], ["甲。"], ["del", "del", None]),
    ],
)
def test_a_run_at_the_end_moves_its_marks_up_one_paragraph(
    old: list[str], new: list[str], marks: list[str | None]
) -> None:
    before, after = [para(t) for t in old], [para(t) for t in new]
    planned = plan(before, after)
    assert [p.mark for p in planned][-len(marks) :] == marks
    docx = render_docx_diff(
        Composed("题", before), Composed("题", after), SHIPPED.layout, date=WHEN
    )
    assert oxml.paragraph_texts(body(docx), accept=True) == new
    assert oxml.paragraph_texts(body(docx), accept=False) == old


def test_words_keep_the_font_role_of_their_span() -> None:
    old = Block(
        "paragraph",
        (Span("（二）", "number"), Span("拆征安置取得新突破。", "heading"), Span("完成安置。")),
        2,
    )
    new = Block(
        "paragraph",
        (Span("（三）", "number"), Span("拆征安置实现新跨越。", "heading"), Span("启动安置。")),
        2,
    )
    assert pieces(old, new) == (
        Piece("equal", "number", "（"),
        Piece("delete", "number", "二"),
        Piece("insert", "number", "三"),
        Piece("equal", "number", "）"),
        Piece("equal", "heading", "拆征安置"),
        # the 。 between two changes joins them (one change reads better than two)
        Piece("delete", "heading", "取得新突破。"),
        Piece("delete", "text", "完成"),
        Piece("insert", "heading", "实现新跨越。"),
        Piece("insert", "text", "启动"),
        Piece("equal", "text", "安置。"),
    )


# ── the XML ────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_accepting_gives_the_new_text_and_rejecting_the_old(
    rendered: Any, old: str, new: str
) -> None:
    a, b, docx = rendered[(old, new)]
    assert oxml.paragraph_texts(body(docx), accept=True) == texts(b)
    assert oxml.paragraph_texts(body(docx), accept=False) == texts(a)


def test_revisions_are_signed_dated_and_numbered(rendered: Any) -> None:
    _, _, docx = rendered[("data/2022.yaml", "2022_edited.yaml")]
    marks = oxml.revisions(body(docx))
    assert len(marks) > 10
    ids = [m.get(qn("w:id")) for m in marks]
    assert len(set(ids)) == len(ids)
    assert {m.get(qn("w:author")) for m in marks} == {"审核人"}
    assert {m.get(qn("w:date")) for m in marks} == {"2024-01-05T09:30:00Z"}


def test_a_changed_word_is_one_deletion_and_one_insertion(rendered: Any) -> None:
    _, _, docx = rendered[("data/2022.yaml", "2022_edited.yaml")]
    root = body(docx)
    deleted = ["".join(d.itertext()) for d in root.iter(qn("w:del")) if len(d)]
    inserted = ["".join(i.itertext()) for i in root.iter(qn("w:ins")) if len(i)]
    assert "完成" in deleted and "启动" in inserted
    assert "坚定" in deleted and "坚决" in inserted
    # a whole removed item is deleted with its paragraph mark, so accepting leaves no gap
    removed = next(p for p in root.iter(qn("w:p")) if "共同富裕开启新征程" in "".join(p.itertext()))
    assert removed.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}") is not None


def test_deleted_text_is_deltext(rendered: Any) -> None:
    _, _, docx = rendered[("data/2022.yaml", "data/2023.yaml")]
    for deletion in body(docx).iter(qn("w:del")):
        assert deletion.find(f".//{qn('w:t')}") is None


def test_runs_keep_the_layout_fonts(rendered: Any) -> None:
    _, _, docx = rendered[("data/2022.yaml", "2022_edited.yaml")]
    root = body(docx)
    inserted_heading = next(i for i in root.iter(qn("w:ins")) if "".join(i.itertext()) == "新台阶")
    fonts = inserted_heading.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(qn("w:eastAsia")) == "楷体_GB2312"  # a level-2 heading, as render_docx sets it


def test_identical_documents_have_no_revisions() -> None:
    a = composed("data/2022.yaml")
    docx = render_docx_diff(a, a, SHIPPED.layout, date=WHEN)
    assert oxml.revisions(body(docx)) == []
    assert oxml.paragraph_texts(body(docx), accept=True) == texts(a)


def test_plan_of_identical_documents_is_all_equal() -> None:
    a = composed("data/2022.yaml")
    assert {p.status for p in plan(a.blocks, a.blocks)} == {"equal"}
    assert all(isinstance(p, PlannedBlock) for p in plan(a.blocks, a.blocks))


# ── LibreOffice ────────────────────────────────────────────────────────────────────────────

ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
T = f"{{{ODF_TEXT}}}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
BREAK = object()


def _inline(element: Any, out: list[Any]) -> None:
    if element.text:
        out.append(element.text)
    for node in element:
        if node.tag == T + "s":
            out.append(" " * int(node.get(T + "c", "1")))
        elif node.tag == T + "tab":
            out.append("\t")
        elif node.tag in (T + "change", T + "change-start", T + "change-end"):
            out.append((etree.QName(node).localname, node.get(T + "change-id")))
        elif node.tag != T + "line-break":  # the title's manual line breaks
            _inline(node, out)
        if node.tail:
            out.append(node.tail)


def _stream(paragraphs: list[Any]) -> list[Any]:
    out: list[Any] = []
    for n, paragraph in enumerate(paragraphs):
        if n:
            out.append(BREAK)
        _inline(paragraph, out)
    return out


def libreoffice_texts(odt: bytes, *, accept: bool) -> list[str]:
    """Paragraph texts of an .odt with every tracked change accepted or rejected.

    LibreOffice keeps deleted text out of the body, in text:tracked-changes, and marks where
    it stood (text:change); inserted text stays in the body between text:change-start and
    text:change-end. Accepting drops the deletions; rejecting drops the insertions and puts
    each deletion back where it stood (a deleted paragraph comes back with its break).
    """
    text, regions = _odt(odt)
    paragraphs = [e for e in text if e.tag in (T + "p", T + "h")]
    return _resolved(_stream(paragraphs), regions, accept=accept)


def _odt(odt: bytes) -> tuple[Any, dict[str, tuple[str, list[Any]]]]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(odt)).read("content.xml"))
    text = root.find(f"{{{ODF_OFFICE}}}body/{{{ODF_OFFICE}}}text")
    regions = {}
    for region in text.iterfind(f"{T}tracked-changes/{T}changed-region"):
        change = region[0]
        content = _stream([e for e in change if e.tag in (T + "p", T + "h")])
        regions[region.get(T + "id")] = (etree.QName(change).localname, content)
    return text, regions


def libreoffice_tables(odt: bytes, *, accept: bool) -> list[list[list[str]]]:
    """Cell texts, row by row, of each table of an .odt with every change accepted (rejected).

    LibreOffice 7.4 keeps no row revision in .odt (w:trPr/w:ins and w:del are 7.5's): a row
    inserted or deleted whole comes back as a row whose every cell's text is inserted or
    deleted, and a row left with no text at all is the row that goes.
    """
    text, regions = _odt(odt)
    tables = []
    for table in text.iter(f"{TABLE}table"):
        rows = []
        for row in table.iter(f"{TABLE}table-row"):
            cells = [
                "\n".join(_resolved(_stream(cell.findall(T + "p")), regions, accept=accept))
                for cell in row.iterfind(f"{TABLE}table-cell")
            ]
            if any(cells):
                rows.append(cells)
        tables.append(rows)
    return tables


def _resolved(
    tokens: list[Any], regions: dict[str, tuple[str, list[Any]]], *, accept: bool
) -> list[str]:
    out: list[Any] = []
    inside_insertion = None
    for token in tokens:
        if isinstance(token, tuple):
            where, change_id = token
            kind, content = regions[change_id]
            if accept:
                continue
            if where == "change" and kind == "deletion":
                out.extend(content)
            elif where == "change-start" and kind == "insertion":
                inside_insertion = change_id
            elif where == "change-end" and change_id == inside_insertion:
                inside_insertion = None
        elif inside_insertion is None:
            out.append(token)
    result = [""]
    for token in out:
        if token is BREAK:
            result.append("")
        else:
            result[-1] += token
    return result


@pytest.fixture(scope="module")
def soffice() -> str:
    found = find_soffice()
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def to_odt(soffice: str, docx: bytes, folder: Path) -> bytes:
    source = folder / "diff.docx"
    source.write_bytes(docx)
    subprocess.run(
        [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--norestore", "--convert-to", "odt", "--outdir", str(folder / "out"), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return (folder / "out" / "diff.odt").read_bytes()


@pytest.mark.parametrize(("old", "new"), PAIRS[:2])
def test_libreoffice_accepts_to_the_new_text_and_rejects_to_the_old(
    rendered: Any, soffice: str, tmp_path: Path, old: str, new: str
) -> None:
    a, b, docx = rendered[(old, new)]
    odt = to_odt(soffice, docx, tmp_path)
    changes = etree.fromstring(zipfile.ZipFile(io.BytesIO(odt)).read("content.xml")).findall(
        f".//{T}changed-region"
    )
    assert len(changes) > 10  # LibreOffice read them as revisions, not as plain text
    assert libreoffice_texts(odt, accept=True) == texts(b)
    assert libreoffice_texts(odt, accept=False) == texts(a)


@pytest.mark.parametrize(
    ("old", "new"),
    [(["甲。", "乙。"], ["甲。", "乙。", "丙。", "丁。"]), (["甲。", "乙。", "丙。"], ["甲。"])],
    ids=["inserted-at-end", "deleted-at-end"],
)
def test_libreoffice_agrees_at_the_end_of_the_document(
    soffice: str, tmp_path: Path, old: list[str], new: list[str]
) -> None:
    a = Composed("题", [para(t) for t in old])
    b = Composed("题", [para(t) for t in new])
    odt = to_odt(soffice, render_docx_diff(a, b, SHIPPED.layout, date=WHEN), tmp_path)
    assert libreoffice_texts(odt, accept=True) == new
    assert libreoffice_texts(odt, accept=False) == old


# ── a two-year pair with moves and a changed title (tests/fixtures/pairing/two_years) ──────

TWO_YEARS = Path(__file__).resolve().parents[1] / "fixtures" / "pairing" / "two_years" / "data"


@pytest.fixture(scope="module")
def two_years() -> tuple[Composed, Composed, bytes]:
    a = compose_alone(load_document(TWO_YEARS / "2022.yaml"), SECTIONS)
    b = compose_alone(load_document(TWO_YEARS / "2023.yaml"), SECTIONS)
    return a, b, render_docx_diff(a, b, SHIPPED.layout, date=WHEN)


def test_a_moved_item_is_a_move_in_named_ranges(two_years: Any) -> None:
    _, _, docx = two_years
    root = body(docx)

    def texts_in(tag: str) -> list[str]:
        found = []
        for wrapper in root.iter(qn(f"w:{tag}")):
            if wrapper.getparent().tag == qn("w:p"):  # a run's, not a paragraph mark's
                found.append("".join(wrapper.itertext()))
        return found

    moved_from, moved_to = "".join(texts_in("moveFrom")), "".join(texts_in("moveTo"))
    # README of the fixture: urban (highlights 三 → 五) and cadres (shortcomings 三 → 一) moved
    assert "城市建设呈现新蝶变" in moved_from and "城市建设呈现新蝶变" in moved_to
    assert "干部队伍能力有待提高" in moved_from and "干部队伍能力有待提高" in moved_to
    assert "生态环境持续改善" not in moved_to  # added, not moved: w:ins
    names = {
        side: sorted(e.get(qn("w:name")) for e in root.iter(qn(f"w:move{side}RangeStart")))
        for side in ("From", "To")
    }
    assert names["From"] == names["To"] == ["move1", "move2"]
    starts = [e.get(qn("w:id")) for e in root.iter(qn("w:moveFromRangeStart"))]
    ends = [e.get(qn("w:id")) for e in root.iter(qn("w:moveFromRangeEnd"))]
    assert starts == ends


def test_the_two_year_pair_accepts_to_b_and_rejects_to_a(two_years: Any) -> None:
    a, b, docx = two_years
    assert oxml.paragraph_texts(body(docx), accept=True) == texts(b)
    assert oxml.paragraph_texts(body(docx), accept=False) == texts(a)
    assert texts(a)[0] == "*镇2022年工作总结" and texts(b)[0] == "*街道2023年工作总结"


def test_the_two_year_pair_is_valid_ooxml(two_years: Any) -> None:
    from ooxml import validate_docx
    from test_ooxml_schemas import ZOOM  # issue 14's known settings.xml problem, not ours

    assert [p for p in validate_docx(two_years[2]) if p != ZOOM] == []


def test_libreoffice_accepts_and_rejects_the_moves(
    two_years: Any, soffice: str, tmp_path: Path
) -> None:
    a, b, docx = two_years
    odt = to_odt(soffice, docx, tmp_path)
    assert libreoffice_texts(odt, accept=True) == texts(b)
    assert libreoffice_texts(odt, accept=False) == texts(a)


@pytest.mark.parametrize("table", [False, True], ids=["shipped-layout", "metrics-table"])
def test_libreoffice_on_the_whole_documents_build_makes(
    soffice: str, tmp_path: Path, reportgen_cmd: list[str], table: bool
) -> None:
    """``diff 2022 2023 -f docx`` on the two-year project: 2022 builds with its 2023 plan,
    2023 alone; LibreOffice's accept-all is build 2023's paragraphs, reject-all build 2022's;
    with the project's layout showing 附表, its cells too."""
    import shutil

    from docx import Document

    project = tmp_path / "project"
    shutil.copytree(TWO_YEARS, project / "data")
    if table:
        (project / "templates").mkdir()
        (project / "templates" / "layout.yaml").write_text("metrics_table: true\n", "utf-8")

    def cli(*args: str) -> None:
        done = subprocess.run(
            [*reportgen_cmd, *args], cwd=project, capture_output=True, text=True, timeout=120
        )
        assert done.returncode in (0, 1), done.stderr

    cli("diff", "2022", "2023", "-f", "docx", "-o", "changes.docx")
    cli("build", "2022")
    cli("build", "2023")
    built = {
        year: [p.text for p in Document(str(project / "build" / f"{year}.docx")).paragraphs]
        for year in ("2022", "2023")
    }
    assert built["2022"][0] == "*镇2022年工作总结及2023年工作思路"
    odt = to_odt(soffice, (project / "changes.docx").read_bytes(), tmp_path)
    assert libreoffice_texts(odt, accept=True) == built["2023"]
    assert libreoffice_texts(odt, accept=False) == built["2022"]
    cells = {
        year: [
            [[c.text for c in row.cells] for row in t.rows]
            for t in Document(str(project / "build" / f"{year}.docx")).tables
        ]
        for year in ("2022", "2023")
    }
    assert ("附表" in built["2023"]) is table and len(cells["2023"]) == int(table)
    assert libreoffice_tables(odt, accept=True) == cells["2023"]
    assert libreoffice_tables(odt, accept=False) == cells["2022"]


# ── 附表 (key figures), when the layout shows it ──────────────────────────────────────────

WITH_TABLE = SHIPPED.layout.model_copy(update={"metrics_table": True})


def built_docx(document: Composed) -> tuple[list[str], list[list[list[str]]]]:
    """The paragraphs and table cells of ``document`` as build writes it (the oracle)."""
    from docx import Document

    from reportgen.render.docx import render_docx

    built = Document(io.BytesIO(render_docx(document, WITH_TABLE)))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in built.tables]
    return [p.text for p in built.paragraphs], tables


@pytest.fixture(scope="module")
def with_table() -> tuple[Composed, Composed, bytes]:
    """The two-year pair, 2023's 固定资产投资 dropped and a 新增指标 added in its place."""
    a = compose_alone(load_document(TWO_YEARS / "2022.yaml"), SECTIONS)
    b = compose_alone(load_document(TWO_YEARS / "2023.yaml"), SECTIONS)
    assert b.metrics[1].label == "固定资产投资"
    period = b.metrics[1].period
    b.metrics[1] = MetricRow("新增市场主体", period, "312", "户", "", id="new_firms")
    return a, b, render_docx_diff(a, b, WITH_TABLE, date=WHEN)


def test_the_metrics_table_is_laid_out_and_accepts_to_b(with_table: Any) -> None:
    a, b, docx = with_table
    root = body(docx)
    assert oxml.paragraph_texts(root, accept=True) == built_docx(b)[0]
    assert oxml.paragraph_texts(root, accept=False) == built_docx(a)[0]
    assert oxml.table_texts(root, accept=True) == built_docx(b)[1]
    assert oxml.table_texts(root, accept=False) == built_docx(a)[1]
    [table] = oxml.table_texts(root, accept=True)
    assert table[1] == ["规上工业总产值", "1-9月", "5310", "万元", "+12.5%"]  # the fixture's 2023
    assert table[2] == ["新增市场主体", "1-9月", "312", "户", ""]


def test_a_changed_figure_is_a_deletion_and_an_insertion_in_its_cell(with_table: Any) -> None:
    root = body(with_table[2])
    [table] = root.iter(qn("w:tbl"))
    cell = table.findall(qn("w:tr"))[1].findall(qn("w:tc"))[2]  # 规上工业总产值's value
    kinds = [
        (etree.QName(w).localname, "".join(w.itertext()))
        for w in cell.iter(qn("w:ins"), qn("w:del"))
    ]
    assert kinds == [("del", "4720"), ("ins", "5310")]


def test_a_metric_added_or_dropped_is_a_row_inserted_or_deleted(with_table: Any) -> None:
    root = body(with_table[2])
    [table] = root.iter(qn("w:tbl"))
    marked = {}
    for row in table.findall(qn("w:tr")):
        trpr = row.find(qn("w:trPr"))
        for change in trpr.iterfind("*") if trpr is not None else ():
            if etree.QName(change).localname in ("ins", "del"):
                marked["".join(row.find(qn("w:tc")).itertext())] = etree.QName(change).localname
                assert change.get(qn("w:author")) == "reportgen" and change.get(qn("w:id"))
    assert marked == {"固定资产投资": "del", "新增市场主体": "ins"}


def test_the_metrics_table_diff_is_valid_ooxml(with_table: Any) -> None:
    from ooxml import validate_docx
    from test_ooxml_schemas import ZOOM

    assert [p for p in validate_docx(with_table[2]) if p != ZOOM] == []


def test_a_table_only_the_new_year_has_is_inserted_with_its_label_and_title() -> None:
    a = Composed("题", [para("甲。")])
    b = Composed("题", [para("甲。")], [MetricRow("人口", "年末", "3.2", "万人", "", id="p")])
    root = body(render_docx_diff(a, b, WITH_TABLE, date=WHEN))
    assert oxml.paragraph_texts(root, accept=True) == ["甲。", "附表", "主要指标"]
    assert oxml.paragraph_texts(root, accept=False) == ["甲。"]
    assert oxml.table_texts(root, accept=True) == [
        [["指标", "时期", "数值", "单位", "同比"], ["人口", "年末", "3.2", "万人", ""]]
    ]
    assert oxml.table_texts(root, accept=False) == [[]]


def test_libreoffice_accepts_the_metrics_table_to_b_and_rejects_to_a(
    with_table: Any, soffice: str, tmp_path: Path
) -> None:
    a, b, docx = with_table
    odt = to_odt(soffice, docx, tmp_path)
    assert libreoffice_texts(odt, accept=True) == built_docx(b)[0]
    assert libreoffice_texts(odt, accept=False) == built_docx(a)[0]
    assert libreoffice_tables(odt, accept=True) == built_docx(b)[1]
    assert libreoffice_tables(odt, accept=False) == built_docx(a)[1]


# ── a renamed section and an added part (issue 12's titles: and parts:) ───────────────────

RENAMED = """year: 2023

titles:
  highlights: 主要工作及成效

parts:
  - id: basics
    title: 基本情况
    after: opening
    text: |
      全街道下辖12个社区，常住人口8.6万人。
    items:
      - heading: 人口结构持续优化
        points: [新增落户人口1200人。]
"""


@pytest.fixture
def renamed(tmp_path: Path) -> Path:
    """The two-year project, 2023's author naming the highlights 主要工作及成效 (2022 kept the
    default 2022年亮点工作) and adding a part 基本情况 after the opening."""
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    (project / "data" / "2022.yaml").write_bytes((TWO_YEARS / "2022.yaml").read_bytes())
    text = (TWO_YEARS / "2023.yaml").read_text("utf-8")
    assert text.count("year: 2023\n") == 1 and "titles:" not in text and "parts:" not in text
    (project / "data" / "2023.yaml").write_text(text.replace("year: 2023\n", RENAMED), "utf-8")
    return project


def _run(cmd: list[str], project: Path, *args: str) -> str:
    done = subprocess.run([*cmd, *args], cwd=project, capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def test_a_renamed_section_and_an_added_part_are_revisions_in_the_text_output(
    renamed: Path, reportgen_cmd: list[str]
) -> None:
    shown = _run(reportgen_cmd, renamed, "diff", "2022", "2023")
    assert "~ 章节标题  [-2022年亮点工作-]{+主要工作及成效+}" in shown
    assert "~ 基本情况  {+基本情况\n全街道下辖12个社区，常住人口8.6万人。+}" in shown
    assert "+ 新增  基本情况（一） 人口结构持续优化" in shown


def test_a_renamed_section_and_an_added_part_are_revisions_in_the_docx(
    renamed: Path, reportgen_cmd: list[str], soffice: str, tmp_path: Path
) -> None:
    from docx import Document

    _run(reportgen_cmd, renamed, "diff", "2022", "2023", "-f", "docx", "-o", "changes.docx")
    _run(reportgen_cmd, renamed, "build", "2022")
    _run(reportgen_cmd, renamed, "build", "2023")
    built = {
        year: [p.text for p in Document(str(renamed / "build" / f"{year}.docx")).paragraphs]
        for year in ("2022", "2023")
    }
    assert "二、主要工作及成效" in built["2023"] and "一、2022年亮点工作" in built["2022"]
    docx = (renamed / "changes.docx").read_bytes()
    root = body(docx)
    heading = next(p for p in root.iter(qn("w:p")) if "主要工作及成效" in "".join(p.itertext()))
    changes = [
        (etree.QName(w).localname, "".join(w.itertext()))
        for w in heading.iter(qn("w:ins"), qn("w:del"))
        if w.getparent().tag == qn("w:p")
    ]  # 一、 → 二、 (the part comes first now) and the title, each a deletion and an insertion
    assert ("del", "2022年亮点工作") in changes and ("ins", "主要工作及成效") in changes
    inserted = [
        "".join(p.itertext())
        for p in root.iter(qn("w:p"))
        if p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:ins')}") is not None
    ]
    assert "一、基本情况" in inserted and "（一）人口结构持续优化。新增落户人口1200人。" in inserted
    assert oxml.paragraph_texts(root, accept=True) == built["2023"]
    assert oxml.paragraph_texts(root, accept=False) == built["2022"]
    odt = to_odt(soffice, docx, tmp_path)
    assert libreoffice_texts(odt, accept=True) == built["2023"]
    assert libreoffice_texts(odt, accept=False) == built["2022"]


def test_the_docx_of_9999_items_takes_seconds(tmp_path: Path, reportgen_cmd: list[str]) -> None:
    """Near-linear: finding each paired item's paragraphs by scanning the whole document made
    9,999 items take 127 s of CPU; with every item's extent found in one pass, 7 s."""
    import resource
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "diff"))
    from test_meaning import big_review

    text = big_review(9999)
    (tmp_path / "a.yaml").write_text(text, "utf-8")
    renamed = text.replace("highlights:", "titles:\n  highlights: 主要工作及成效\nhighlights:", 1)
    (tmp_path / "b.yaml").write_text(renamed, "utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [*reportgen_cmd, "diff", "a.yaml", "b.yaml", "-f", "docx", "-o", "d.docx"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(f"diff -f docx of 9,999 items, a section renamed: {cpu:.1f} s of CPU")
    assert done.returncode == 1, done.stderr
    assert cpu < 30

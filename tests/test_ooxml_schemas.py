"""Every kind of .docx reportgen writes is valid ISO/IEC 29500 (transitional): every XML part
against the schemas in tests/ooxml_xsd/, child order of the property elements Word is strict
about, relationships and revision marks (tests/ooxml.py). Each document is made as a user makes
it, through the CLI in this process; a deliberately broken part proves the checks can fail."""

from __future__ import annotations

import io
import shutil
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from ooxml import (
    ORDERS,
    XSD_DIR,
    W,
    apply_markup_compatibility,
    schema,
    schema_order_problems,
    validate_docx,
    validate_part,
)
from reportgen.cli import app

TESTS = Path(__file__).resolve().parent
DATA = TESTS.parent / "data"
DIFF = TESTS / "fixtures" / "diff"
SEED = TESTS / "fixtures" / "seed.txt"
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

# The one error python-docx's default template brought (issue 14), exactly as lxml words it;
# reportgen's own reference template (oxml/reference.py) gives w:zoom its w:percent.
ZOOM = (
    f"word/settings.xml:2: Element '{{{W}}}zoom': The attribute '{{{W}}}percent' is required "
    "but missing. (at /w:settings/w:zoom)"
)
SIGNATURE = """
signature:
  name: 温州市瓯海区*街道办事处
  date: 2022-12-20
attachments:
  - 2022年主要指标完成情况
  - 2023年重点项目清单
"""


def reportgen(*args: str, status: int = 0) -> None:
    """Run the CLI in this process; ``status`` is the exit status expected (diff: 1 = differ)."""
    result = CliRunner().invoke(app, list(args))
    assert (result.exit_code, type(result.exception)) == (
        status,
        SystemExit if status else type(None),
    ), result.output


def project(root: Path, *, plan: bool = True, layout: str = "", extra: str = "") -> Path:
    """The bundled project, perhaps without its plan, with a layout override or more keys."""
    shutil.copytree(DATA, root / "data")
    if not plan:
        (root / "data" / "2023_plan.yaml").unlink()
    if layout:
        (root / "templates").mkdir()
        (root / "templates" / "layout.yaml").write_text(layout, "utf-8")
    if extra:
        review = root / "data" / "2022.yaml"
        review.write_text(review.read_text("utf-8") + extra, "utf-8")
    return root


def built(root: Path, spec: str = "2022") -> Path:
    reportgen("build", spec, "-p", str(root), "-o", str(root / "out.docx"))
    return root / "out.docx"


def report(tmp: Path) -> Path:
    return built(project(tmp))


def review_alone(tmp: Path) -> Path:
    return built(project(tmp, plan=False))


def plan_alone(tmp: Path) -> Path:
    return built(project(tmp), "2023_plan")


def metrics_table(tmp: Path) -> Path:
    return built(project(tmp, layout="metrics_table: true\n"))


def signature_and_attachments(tmp: Path) -> Path:
    return built(project(tmp, extra=SIGNATURE))


def tracked_changes(tmp: Path) -> Path:
    shutil.copytree(DIFF / "data", tmp / "data")
    edited = str(shutil.copy(DIFF / "2022_edited.yaml", tmp / "2022_edited.yaml"))
    reportgen(
        "diff", "2022", edited, "-f", "docx", "-p", str(tmp), "-o", str(tmp / "d.docx"), status=1
    )
    return tmp / "d.docx"


def tracked_changes_added_and_removed(tmp: Path) -> Path:
    shutil.copytree(DIFF / "data", tmp / "data")
    reportgen(
        "diff", "2022", "2023", "-f", "docx", "-p", str(tmp), "-o", str(tmp / "d.docx"), status=1
    )
    return tmp / "d.docx"


def import_round_trip(tmp: Path) -> Path:
    """The seed imported and built, that .docx imported and built again."""
    first, second = tmp / "first", tmp / "second"
    first.mkdir(), second.mkdir()
    reportgen("import", str(SEED), "-p", str(first))
    reportgen("import", str(built(first)), "-p", str(second))
    return built(second)


KINDS: dict[str, Callable[[Path], Path]] = {
    "report": report,
    "review alone": review_alone,
    "plan alone": plan_alone,
    "metrics table": metrics_table,
    "signature and attachments": signature_and_attachments,
    "tracked changes": tracked_changes,
    "tracked changes, items added and removed": tracked_changes_added_and_removed,
    "import round trip": import_round_trip,
}
TIMES: dict[str, float] = {}


@pytest.fixture(scope="module")
def problems(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Each kind of document built once and validated; the time each validation took."""
    out = {}
    for kind, make in KINDS.items():
        path = make(tmp_path_factory.mktemp("docx"))
        started = time.perf_counter()
        out[kind] = validate_docx(path)
        TIMES[kind] = time.perf_counter() - started
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_every_part_is_valid_and_in_schema_order(kind: str, problems: dict[str, list[str]]) -> None:
    assert problems[kind] == []


@pytest.mark.parametrize("kind", KINDS)
def test_settings_zoom_has_its_percent(kind: str, problems: dict[str, list[str]]) -> None:
    assert ZOOM not in problems[kind]


def test_validation_takes_well_under_a_second_a_document(problems: dict[str, list[str]]) -> None:
    # Measured ~45 ms for the bundled report (styles.xml is 340 kB); a generous bound.
    assert max(TIMES.values()) < 1.0, TIMES


# ── The checks can fail ─────────────────────────────────────────────────────────────────────


def document_xml(body: str) -> bytes:
    return (
        f'<w:document xmlns:w="{W}"><w:body>{body}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    ).encode()


MISORDERED_RPR = document_xml(
    '<w:p><w:r><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/><w:b/></w:rPr>'
    "<w:t>标题</w:t></w:r></w:p>"
)


def with_part(docx: bytes, name: str, content: bytes) -> bytes:
    """The package with one part's bytes replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, content if item.filename == name else source.read(item))
    return out.getvalue()


@pytest.fixture(scope="module")
def report_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return report(tmp_path_factory.mktemp("report")).read_bytes()


def test_a_misordered_rpr_fails_the_order_check() -> None:
    assert schema_order_problems(MISORDERED_RPR, "word/document.xml") == [
        "word/document.xml:1: w:b comes after w:sz in w:rPr; CT_ParaRPr/CT_RPr puts it before"
    ]


def test_a_misordered_rpr_fails_validation_of_the_package(report_bytes: bytes) -> None:
    """The bundled report with one run made bold and large, w:b written after w:sz."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(report_bytes)).read("word/document.xml"))
    rpr = root.find(f".//{{{W}}}body/{{{W}}}p/{{{W}}}r/{{{W}}}rPr")
    rpr.append(etree.fromstring(f'<w:sz xmlns:w="{W}" w:val="32"/>'))
    rpr.append(etree.fromstring(f'<w:b xmlns:w="{W}"/>'))
    broken = with_part(report_bytes, "word/document.xml", etree.tostring(root))
    found = validate_docx(broken)
    assert len(found) == 1
    assert found[0].startswith("word/document.xml:")
    assert found[0].endswith(": w:b comes after w:sz in w:rPr; CT_ParaRPr/CT_RPr puts it before")


def test_the_transitional_xsd_alone_accepts_any_rpr_order() -> None:
    """Why the order check exists: EG_RPrBase is an unbounded xsd:choice in this schema."""
    assert schema().validate(etree.fromstring(MISORDERED_RPR))


def test_a_misordered_ppr_fails_both_the_xsd_and_the_order_check() -> None:
    xml = document_xml('<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:line="579"/></w:pPr></w:p>')
    found = validate_part("word/document.xml", xml, DOCUMENT_TYPE)
    assert found == [
        f"word/document.xml:1: Element '{{{W}}}spacing': This element is not expected. "
        f"Expected is one of ( {{{W}}}textDirection, {{{W}}}textAlignment, "
        f"{{{W}}}textboxTightWrap, {{{W}}}outlineLvl, {{{W}}}divId, {{{W}}}cnfStyle, "
        f"{{{W}}}rPr, {{{W}}}sectPr, {{{W}}}pPrChange ). "
        "(at /w:document/w:body/w:p/w:pPr/w:spacing)",
        "word/document.xml:1: w:spacing comes after w:jc in w:pPr; CT_PPr puts it before",
    ]


def test_the_order_check_lists_every_misplaced_child() -> None:
    xml = document_xml(
        '<w:p><w:pPr><w:jc w:val="both"/><w:ind w:firstLine="640"/><w:spacing w:line="579"/>'
        '<w:keepNext/></w:pPr><w:r><w:rPr><w:lang w:eastAsia="zh-CN"/><w:rFonts w:ascii="x"/>'
        '<w:sz w:val="32"/></w:rPr></w:r></w:p>'
    ).replace(b"<w:sectPr>", b'<w:sectPr><w:pgMar w:top="1"/>')
    assert schema_order_problems(xml) == [
        "1: w:ind comes after w:jc in w:pPr; CT_PPr puts it before",
        "1: w:spacing comes after w:jc in w:pPr; CT_PPr puts it before",
        "1: w:keepNext comes after w:jc in w:pPr; CT_PPr puts it before",
        "1: w:rFonts comes after w:lang in w:rPr; CT_ParaRPr/CT_RPr puts it before",
        "1: w:sz comes after w:lang in w:rPr; CT_ParaRPr/CT_RPr puts it before",
        "1: w:pgSz comes after w:pgMar in w:sectPr; CT_SectPr puts it before",
    ]


def test_settings_tables_and_cells_are_checked_too() -> None:
    xml = (
        f'<w:settings xmlns:w="{W}"><w:defaultTabStop w:val="720"/><w:zoom w:percent="100"/>'
        "</w:settings>"
    )
    assert schema_order_problems(xml) == [
        "1: w:zoom comes after w:defaultTabStop in w:settings; CT_Settings puts it before"
    ]
    table = document_xml(
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblStyle w:val="T"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>'
        '<w:tr><w:tc><w:tcPr><w:vAlign w:val="center"/>'
        '<w:tcW w:w="100" w:type="dxa"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>'
    )
    assert schema_order_problems(table) == [
        "1: w:tblStyle comes after w:tblW in w:tblPr; CT_TblPr puts it before",
        "1: w:tcW comes after w:vAlign in w:tcPr; CT_TcPr puts it before",
    ]


def test_a_dangling_relationship_and_a_bad_revision_are_found(report_bytes: bytes) -> None:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(report_bytes)).read("word/document.xml"))
    sect = root.find(f".//{{{W}}}body/{{{W}}}sectPr")
    reference = sect.find(f"{{{W}}}footerReference")
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    reference.set(r_id, "rId99")
    paragraph = root.find(f".//{{{W}}}body/{{{W}}}p")
    paragraph.append(
        etree.fromstring(
            f'<w:del xmlns:w="{W}" w:id="7" w:author="a"><w:r><w:t>旧</w:t></w:r></w:del>'
        )
    )
    paragraph.append(
        etree.fromstring(
            f'<w:ins xmlns:w="{W}" w:id="7" w:author="a"><w:r><w:t>新</w:t></w:r></w:ins>'
        )
    )
    broken = with_part(report_bytes, "word/document.xml", etree.tostring(root))
    found = [p.split(":", 2)[2] for p in validate_docx(broken)]
    assert sorted(found) == [
        " revision w:id 7 also used on line 1",
        " w:footerReference r:id='rId99' has no relationship",
        " w:t inside w:del (deleted text is w:delText)",
    ]


# ── Markup compatibility, as Word reads it ──────────────────────────────────────────────────

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def test_ignorable_extensions_are_removed_and_others_are_errors() -> None:
    body = (
        '<w:p w14:paraId="1A2B3C4D"><w:r><w14:glow/><w:t>文</w:t></w:r></w:p>'
        '<mc:AlternateContent><mc:Choice Requires="w14"><w14:x/></mc:Choice>'
        "<mc:Fallback><w:p/></mc:Fallback></mc:AlternateContent>"
    )
    xml = (
        f'<w:document xmlns:w="{W}" xmlns:w14="{W14}" xmlns:mc="{MC}" mc:Ignorable="w14">'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    )
    cleaned, notes = apply_markup_compatibility(etree.fromstring(xml))
    assert notes == []
    assert etree.tostring(cleaned.find(f"{{{W}}}body"), encoding="unicode").count("<w:p") == 2
    assert validate_part("word/document.xml", xml.encode(), DOCUMENT_TYPE) == []
    strict = xml.replace(' mc:Ignorable="w14"', "")
    found = validate_part("word/document.xml", strict.encode(), DOCUMENT_TYPE)
    assert found and all("w14" in p or W14 in p for p in found), found


def test_a_part_of_an_unknown_type_or_with_the_wrong_root_is_reported() -> None:
    assert validate_part("word/x.xml", b"<x/>", "application/vnd.example+xml") == [
        "word/x.xml: no schema here for content type 'application/vnd.example+xml'"
    ]
    styles = f'<w:styles xmlns:w="{W}"/>'.encode()
    assert validate_part("word/document.xml", styles, DOCUMENT_TYPE) == [
        f"word/document.xml: root element {{{W}}}styles, but {DOCUMENT_TYPE} needs {{{W}}}document"
    ]


# ── The hand-written orders are the schema's ────────────────────────────────────────────────

XS = "http://www.w3.org/2001/XMLSchema"
# Container → the xsd definitions whose sequences, in turn, make its order.
SEQUENCES = {
    "pPr": [("complexType", "CT_PPrBase"), ("complexType", "CT_PPr")],
    "rPr": [("group", "EG_ParaRPrTrackChanges"), ("group", "EG_RPrBase"), ("rPrChange", "")],
    "sectPr": [("group", "EG_HdrFtrReferences"), ("group", "EG_SectPrContents"),
               ("sectPrChange", "")],
    "tblPr": [("complexType", "CT_TblPrBase"), ("complexType", "CT_TblPr")],
    "tcPr": [("complexType", "CT_TcPrBase"), ("group", "EG_CellMarkupElements"),
             ("complexType", "CT_TcPr")],
    "settings": [("complexType", "CT_Settings")],
}  # fmt: skip


@pytest.mark.parametrize("container", SEQUENCES)
def test_order_lists_match_the_vendored_schema(container: str) -> None:
    wml = etree.parse(str(XSD_DIR / "wml.xsd"))
    expected: list[str] = []
    for kind, name in SEQUENCES[container]:
        if not name:  # a single element the type's sequence adds
            expected.append(kind)
            continue
        node = wml.find(f"{{{XS}}}{kind}[@name='{name}']")
        expected += [
            e.get("name") or e.get("ref") for e in node.iter(f"{{{XS}}}element") if e is not node
        ]
    order = ORDERS[container][1]
    flat = [n for entry in order for n in ((entry,) if isinstance(entry, str) else entry)]
    assert flat == expected

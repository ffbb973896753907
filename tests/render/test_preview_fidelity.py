"""The preview's lines and pages against LibreOffice's: the bundled report is converted with
``reportgen build --pdf`` and read back with ``pdftotext -bbox-layout``; every full line (28
Chinese characters) must break where LibreOffice breaks it, and every paragraph must start on
the page LibreOffice starts it on. Tables (an item's, and 附表 on its page after the document)
are compared word by word with ``pdftotext -bbox-layout``: page and height of every line. Also:
the PDF's fonts are the open stand-ins (pdffonts)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reportgen.app.build import BuildRequest, run
from reportgen.app.preview import rebuild_document
from reportgen.files.project import open_project
from reportgen.render.pagelayout import paginate

needs_libreoffice = pytest.mark.skipif(
    any(shutil.which(p) is None for p in ("soffice", "pdftotext", "pdffonts")),
    reason="needs LibreOffice and poppler: apt install libreoffice-writer-nogui poppler-utils "
    "fonts-noto-cjk fonts-arphic-ukai",
)
CHINESE = re.compile(r"^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]+$")


REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"


def convert(root: Path, data: Path, spec: str) -> tuple[Path, Path, list[str]]:
    shutil.copytree(data, root / "data")
    result = run(BuildRequest(spec, project=root, pdf=True))
    return root, root / "build" / f"{spec}.pdf", result.notes


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    return convert(tmp_path_factory.mktemp("fidelity"), REPO / "data", "2022")


def pdf_lines(pdf: Path) -> list[tuple[int, str]]:
    """(page, text without spaces) of each line of the PDF, page numbers left out."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    out = []
    for number, page in enumerate(re.findall(r"<page.*?</page>", xml, re.S), start=1):
        for line in re.findall(r"<line.*?</line>", page, re.S):
            text = "".join(html.unescape(w) for w in re.findall(r"<word[^>]*>(.*?)</word>", line))
            if not re.fullmatch(r"—\d+—", text):
                out.append((number, text))
    return out


@needs_libreoffice
@pytest.mark.parametrize(
    ("data", "spec", "full_lines"),
    [
        (REPO / "data", "2022", 57),  # the bundled report, with its plan
        (FIXTURES / "diff" / "data", "2023", 12),
        (FIXTURES / "pairing" / "two_years" / "data", "2022", 1),
        (FIXTURES / "pairing" / "two_years" / "data", "2023", 1),
    ],
    ids=["bundled", "diff-2023", "pairing-2022", "pairing-2023"],
)
def test_full_lines_and_pages_are_libreoffices(
    tmp_path: Path, data: Path, spec: str, full_lines: int
) -> None:
    root, pdf, _ = convert(tmp_path, data, spec)
    built = rebuild_document(open_project(root), spec)
    pages = paginate(built.composed, built.layout)
    theirs = pdf_lines(pdf)
    full = same = 0
    at = 0
    for placed in pages.placed:
        target = placed.block.text.replace(" ", "")
        lines: list[tuple[int, str]] = []
        while at < len(theirs) and len("".join(t for _, t in lines)) < len(target):
            lines.append(theirs[at])
            at += 1
        assert "".join(t for _, t in lines) == target  # the PDF holds the same paragraphs
        assert placed.page == lines[0][0], f"page of {target[:20]}"
        for k, (_, text) in enumerate(lines):
            if len(text) == 28 and CHINESE.match(text):
                full += 1
                mine = placed.lines[k].text.replace(" ", "") if k < len(placed.lines) else ""
                assert mine == text
                same += 1
    assert at == len(theirs)
    assert full == same == full_lines


@needs_libreoffice
def test_the_pdf_draws_title_headings_and_body_in_distinct_open_faces(
    converted: tuple[Path, Path, list[str]],
) -> None:
    _, pdf, notes = converted
    said = [n for n in notes if "Noto Serif CJK SC Bold" in n]
    assert said and "方正小标宋简体" in said[0] and "AR PL UKai CN" in said[0]
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    names = {line.split()[0].split("+", 1)[-1] for line in fonts.splitlines()[2:]}
    faces = {n.removesuffix("-VKana") for n in names}
    assert any(re.fullmatch(r"NotoSerifCJK\w\w-Bold", f) for f in faces), faces  # title
    assert any(re.fullmatch(r"NotoSansCJK\w\w-Regular", f) for f in faces), faces  # 黑体
    assert "UKaiCN" in faces, faces  # 楷体_GB2312
    assert any(re.fullmatch(r"NotoSerifCJK\w\w-Regular", f) for f in faces), faces  # 仿宋


# Where pdftotext puts the top of a line's words below the line's top, by the kind of line
# (measured in LibreOffice's PDF): a 16 pt body line of 28.95 pt, the 22 pt title, a 14 pt
# cell line in Noto Serif CJK (仿宋) and in Noto Sans CJK (黑体, the header).
WORD_TOP = {"body": 8.02, "title": 2.32, "cell": 2.85, "header": 2.97}
TOP_MARGIN_PT = 37 * 72 / 25.4


def pdf_words(pdf: Path) -> list[list[tuple[str, float]]]:
    """Each page's words (text, top) as pdftotext reads them, page numbers left out."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    word = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>(.*?)</word>')
    pages = []
    for page in re.findall(r"<page.*?</page>", xml, re.S):
        words = [(html.unescape(t), float(y)) for y, t in word.findall(page)]
        pages.append([(t, y) for t, y in words if t != "—" and not t.isdigit()])
    return pages


@needs_libreoffice
@pytest.mark.parametrize("spec", ["2024", "2025"])
def test_tables_and_the_key_figures_page_are_where_libreoffice_puts_them(
    tmp_path: Path, spec: str
) -> None:
    """Our own documents (tests/fixtures/tables), each with an item's table that runs onto
    page 2, a cell of three lines split by that page break (one line on page 1, two under the
    repeated header) and 附表 on page 3. 2024: the split row in the middle of the table, more
    paragraphs after it; 2025: the table starts at the foot of page 1 with room for its header
    and one line of its first row only."""
    from reportgen.render.pagelayout import wide

    source = FIXTURES / "tables"
    shutil.copytree(source / "templates", tmp_path / "templates")
    root, pdf, _ = convert(tmp_path, source / "data", spec)
    built = rebuild_document(open_project(root), spec)
    pages = paginate(built.composed, built.layout)
    theirs = pdf_words(pdf)
    assert pages.count == len(theirs) == 3
    label = next(p for p in pages.placed if p.lines and p.lines[0].pieces[0].role == "label")
    appendix = [n for n, words in enumerate(theirs, 1) if any(t == "附表" for t, _ in words)]
    assert label.page == 3 and appendix == [3]
    # Every line that starts with a Chinese character is on LibreOffice's page, its words
    # within half a point of where LibreOffice puts them; and every such word of the PDF is
    # on a line of ours.
    ours = []
    for placed in pages.placed:
        for line, (page, top) in zip(placed.lines, placed.tops, strict=True):
            role = line.pieces[0].role
            kind = role if role in WORD_TOP else "body"
            ours.append((page, line.text.replace(" ", ""), TOP_MARGIN_PT + top + WORD_TOP[kind]))
    for page, text, y in ours:
        if wide(text[0]):
            near = [t for t, at in theirs[page - 1] if abs(at - y) < 0.5 and text.startswith(t)]
            assert near, f"page {page}: {text} at {y:.2f}"
    for number, words in enumerate(theirs, 1):
        for text, y in words:
            if wide(text[0]):
                found = [t for p, t, at in ours if p == number and abs(at - y) < 0.5 and text in t]
                assert found, f"page {number}: {text} at {y:.2f} is not in the preview"
    cells = [t for p, t, _ in ours if p == 2]
    assert cells[:4] == ["社区（村）", "常住户数", "常住人口", "较上年"]  # the repeated header
    assert cells[4:6] == ["工业园区安置小", "区）"]  # the rest of the split cell


@needs_libreoffice
def test_the_bundled_report_with_its_key_figures_has_libreoffices_pages(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "tables" / "templates", tmp_path / "templates")  # 附表 on
    root, pdf, _ = convert(tmp_path, REPO / "data", "2022")
    built = rebuild_document(open_project(root), "2022")
    pages = paginate(built.composed, built.layout)
    theirs = pdf_words(pdf)
    appendix = [n for n, words in enumerate(theirs, 1) if any(t == "附表" for t, _ in words)]
    label = next(p for p in pages.placed if p.lines and p.lines[0].pieces[0].role == "label")
    assert (pages.count, label.page) == (len(theirs), appendix[0]) == (9, 9)

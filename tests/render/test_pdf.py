"""PDF export, and the Word layout proven in a real client: LibreOffice lays out the seed's .docx.

The LibreOffice tests convert the bundled report (data/2022.yaml with data/2023_plan.yaml) once,
read the PDF back with poppler's pdftotext, and measure what a reader sees: lines a page,
characters a line, page numbers and where they sit, and the text itself. They need soffice and
pdftotext (.ci/run installs libreoffice-writer-nogui, fonts-noto-cjk and poppler-utils) and skip
with that reason elsewhere. LibreOffice substitutes Noto CJK for the GB2312 fonts, which has the
same square, one-em Chinese characters, so lines and characters count the same.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest

from reportgen.errors import UserError
from reportgen.render import pdf
from reportgen.settings import load_settings
from reportgen.settings.layout import PT_PER_MM

REPO = Path(__file__).resolve().parents[2]
HAVE_LIBREOFFICE = shutil.which("soffice") is not None and shutil.which("pdftotext") is not None
needs_libreoffice = pytest.mark.skipif(
    not HAVE_LIBREOFFICE,
    reason="needs LibreOffice (soffice) and poppler (pdftotext): "
    "apt install libreoffice-writer-nogui fonts-noto-cjk poppler-utils",
)
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fake soffice is a shell script")

SHIPPED = load_settings(None)
LAYOUT = SHIPPED.layout
TOP = LAYOUT.page.margin_top_mm * PT_PER_MM
LEFT = LAYOUT.page.margin_left_mm * PT_PER_MM
RIGHT = LEFT + LAYOUT.page.text_width_pt
BOTTOM = TOP + LAYOUT.page.text_height_pt
PITCH = LAYOUT.grid.line_spacing_pt
CHAR = LAYOUT.char_width_pt
NO_LINE_START = set("，。、；：？！）》」』”’…—")
NO_LINE_END = set("（《「『“‘")
CJK = re.compile(r"^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…]+$")


# ── pdf.py without LibreOffice ────────────────────────────────────────────────────────────


def fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_missing_libreoffice_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pdf.ENV_SOFFICE, raising=False)
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    monkeypatch.setattr(pdf, "_KNOWN_PLACES", ())
    with pytest.raises(UserError) as caught:
        pdf.require_soffice()
    assert "soffice" in caught.value.message
    assert "apt install libreoffice-writer" in caught.value.hint  # Debian/Ubuntu
    assert "winget install TheDocumentFoundation.LibreOffice" in caught.value.hint  # Windows


def test_soffice_named_by_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(pdf.ENV_SOFFICE, str(tmp_path / "nowhere"))
    with pytest.raises(UserError, match="不是文件"):
        pdf.require_soffice()
    script = fake_soffice(tmp_path, "exit 0")
    monkeypatch.setenv(pdf.ENV_SOFFICE, script)
    assert pdf.find_soffice() == script


@posix_only
def test_conversion_returns_what_soffice_wrote(tmp_path: Path) -> None:
    # Arguments: -env:… --headless … --convert-to pdf:… --outdir DIR FILE
    script = fake_soffice(
        tmp_path,
        'for a; do last="$a"; done\n'
        'out=$(echo "$@" | sed "s/.*--outdir \\([^ ]*\\) .*/\\1/")\n'
        'mkdir -p "$out" && cp "$last" "$out/document.pdf"',
    )
    assert pdf.convert_to_pdf(b"%PDF-fake", soffice=script) == b"%PDF-fake"


@posix_only
def test_a_failed_conversion_is_a_user_error(tmp_path: Path) -> None:
    script = fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 1")
    with pytest.raises(UserError, match="could not be loaded"):
        pdf.convert_to_pdf(b"x", soffice=script)


@posix_only
def test_a_hanging_libreoffice_is_stopped(tmp_path: Path) -> None:
    script = fake_soffice(tmp_path, "sleep 30 & wait")
    with pytest.raises(UserError, match=r"0\.5 秒内"):
        pdf.convert_to_pdf(b"x", soffice=script, timeout=0.5)


def test_build_without_libreoffice_writes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen.app.build import build
    from reportgen.files.project import Project

    monkeypatch.delenv(pdf.ENV_SOFFICE, raising=False)
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    monkeypatch.setattr(pdf, "_KNOWN_PLACES", ())
    with pytest.raises(UserError, match="LibreOffice"):
        build(Project(project), "2022", ["docx"], pdf=True)
    assert not (project / "build").exists()


# ── LibreOffice: the seed as a reader sees it ─────────────────────────────────────────────


@dataclass(frozen=True)
class Line:
    x0: float
    y0: float
    x1: float
    y1: float
    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(self.words)

    @property
    def grid_index(self) -> int:
        """Which of the page's 22 lines this is, counted from the top of the text block."""
        return int((self.y0 - TOP) // PITCH)


@dataclass(frozen=True)
class Page:
    number: int
    body: tuple[Line, ...]
    footer: tuple[Line, ...]


def read_pdf(path: Path) -> list[Page]:
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xhtml))
    ns = "{http://www.w3.org/1999/xhtml}"
    pages = []
    for number, page in enumerate(root.iter(f"{ns}page"), start=1):
        lines = [
            Line(
                float(line.get("xMin")),
                float(line.get("yMin")),
                float(line.get("xMax")),
                float(line.get("yMax")),
                tuple(w.text or "" for w in line.iter(f"{ns}word")),
            )
            for line in page.iter(f"{ns}line")
        ]
        lines.sort(key=lambda line: (round(line.y0), line.x0))
        body = tuple(line for line in lines if line.y1 < BOTTOM + 6)
        footer = tuple(line for line in lines if line.y1 >= BOTTOM + 6)
        pages.append(Page(number, body, footer))
    return pages


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Page], str]:
    """The bundled report built with --pdf: the PDF, its pages, and the model's text."""
    if not HAVE_LIBREOFFICE:
        pytest.skip("needs LibreOffice and poppler")
    from reportgen.app.build import build, load_sources
    from reportgen.compose.document import compose_documents
    from reportgen.files.project import Project

    root = tmp_path_factory.mktemp("seed")
    shutil.copytree(REPO / "data", root / "data")
    project = Project(root)
    result = build(project, "2022", ["docx"], pdf=True)
    path = root / "build" / "2022.pdf"
    assert path in result.written
    sources = load_sources(project, "2022")
    composed = compose_documents(sources.review, sources.plan, SHIPPED.sections)
    return path, read_pdf(path), composed.plain_text()


def is_heading(line: Line) -> bool:
    return bool(
        re.match(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）[^。]*。?$)", line.text)
    )


@needs_libreoffice
def test_every_full_page_holds_22_lines(seed: tuple[Path, list[Page], str]) -> None:
    _, pages, _ = seed
    assert len(pages) >= 3
    for page, following in itertools.pairwise(pages):
        indices = [line.grid_index for line in page.body]
        assert len(indices) == len(set(indices)), f"page {page.number}: two lines on one grid line"
        blank = {1} if page.number == 1 else set()  # the blank line under the title
        expected = [i for i in range(22) if i not in blank]
        if indices != expected:
            # Only a heading kept with its text may leave the last line of a page empty.
            assert indices == expected[:-1] and is_heading(following.body[0]), (
                f"page {page.number} holds lines {indices}"
            )


@needs_libreoffice
def test_lines_follow_the_grid_pitch(seed: tuple[Path, list[Page], str]) -> None:
    _, pages, _ = seed
    for page in pages[1:-1]:
        tops = [line.y0 for line in page.body]
        gaps = {round(b - a, 1) for a, b in itertools.pairwise(tops)}
        assert gaps <= {round(PITCH, 1), round(PITCH, 1) - 0.1, round(PITCH, 1) + 0.1}, gaps


def kinsoku(following: str, short: int) -> bool:
    """Whether line-breaking rules explain a line ``short`` characters short of 28: a mark that
    may not start a line (，”) or end one (“) pulls the characters before it onto the next line,
    so every break point between the 28th character and the line's own end is forbidden."""
    if not 0 < short <= 3 or len(following) <= short:
        return False
    return all(
        following[j] in NO_LINE_START or following[j - 1] in NO_LINE_END
        for j in range(1, short + 1)
    )


@needs_libreoffice
def test_full_lines_of_chinese_hold_28_characters(seed: tuple[Path, list[Page], str]) -> None:
    _, pages, _ = seed
    lines = [line for page in pages for line in page.body]
    counted = []
    for line, following in itertools.pairwise(lines):
        full = line.x1 > RIGHT - 2 and abs(line.x0 - LEFT) < 2  # justified, not a first line
        if not (full and CJK.match(line.text)):
            continue
        count = len(line.text)
        assert count == 28 or kinsoku(following.text, 28 - count), f"{count}: {line.text}"
        counted.append(count)
    assert len(counted) >= 40
    assert counted.count(28) / len(counted) > 0.8  # the rest explained by kinsoku above


@needs_libreoffice
def test_first_lines_are_indented_two_characters(seed: tuple[Path, list[Page], str]) -> None:
    _, pages, _ = seed
    starts = [line.x0 for page in pages for line in page.body[1 if page.number == 1 else 0 :]]
    indented = [x for x in starts if abs(x - LEFT) > 2]
    assert indented and all(abs(x - (LEFT + 2 * CHAR)) < 1.5 for x in indented)


@needs_libreoffice
def test_page_numbers_alternate_sides_under_the_text_block(
    seed: tuple[Path, list[Page], str],
) -> None:
    _, pages, _ = seed
    one = LAYOUT.page_number.size_pt  # one character of 四号
    line_mm = LAYOUT.page_number.size_pt / PT_PER_MM
    for page in pages:
        (number,) = page.footer
        assert " ".join(number.words) == f"— {page.number} —"
        if page.number % 2:
            assert abs(number.x1 - (RIGHT - one)) < 2, f"page {page.number}: {number.x1}"
        else:
            assert abs(number.x0 - (LEFT + one)) < 2, f"page {page.number}: {number.x0}"
        # The number's line starts 7 mm under the text block; its glyphs are centred in it.
        centre_mm = ((number.y0 + number.y1) / 2 - BOTTOM) / PT_PER_MM
        assert abs(centre_mm - (7 + line_mm / 2)) < 1, centre_mm


@needs_libreoffice
def test_the_pdf_says_what_the_model_says(seed: tuple[Path, list[Page], str]) -> None:
    _, pages, model_text = seed
    shown = "".join(line.text for page in pages for line in page.body)
    assert re.sub(r"\s+", "", shown) == re.sub(r"\s+", "", model_text)


@needs_libreoffice
def test_fonts_are_embedded(seed: tuple[Path, list[Page], str]) -> None:
    path, _, _ = seed
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    rows = listing.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), listing


@needs_libreoffice
def test_build_pdf_on_the_command_line(reportgen_cmd: list[str], project: Path) -> None:
    result = subprocess.run(
        [*reportgen_cmd, "build", "2022", "--pdf"], cwd=project, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["已写入 build/2022.docx", "已写入 build/2022.pdf"]
    assert (project / "build" / "2022.pdf").read_bytes().startswith(b"%PDF")


@needs_libreoffice
def test_metrics_table_rows_are_not_stretched_to_the_body_grid(
    project: Path,
) -> None:
    from reportgen.app.build import build
    from reportgen.files.project import Project

    (project / "templates").mkdir()
    (project / "templates" / "layout.yaml").write_text("metrics_table: true\n", encoding="utf-8")
    build(Project(project), "2022", ["docx"], pdf=True)
    pages = read_pdf(project / "build" / "2022.pdf")
    rows: list[list[Line]] = []  # a table row: its cells side by side, give or take a baseline
    for line in sorted(pages[-1].body, key=lambda line: line.y0):
        if rows and line.y0 - rows[-1][0].y0 < 8:
            rows[-1].append(line)
        else:
            rows.append([line])
    texts = ["".join(cell.text for cell in sorted(row, key=lambda c: c.x0)) for row in rows]
    assert texts[:3] == ["附表", "主要指标", "指标时期数值单位同比"]
    assert texts[3].startswith("规上工业总产值1-9月4720万元+7.8%")
    gaps = [b[0].y0 - a[0].y0 for a, b in itertools.pairwise(rows[2:])]
    assert len(gaps) >= 3 and max(gaps) < PITCH * 0.9, gaps  # 四号 rows, not 28.95 pt lines

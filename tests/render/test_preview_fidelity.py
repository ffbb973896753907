"""The preview's lines and pages against LibreOffice's: the bundled report is converted with
``reportgen build --pdf`` and read back with ``pdftotext -bbox-layout``; every full line (28
Chinese characters) must break where LibreOffice breaks it, and every paragraph must start on
the page LibreOffice starts it on. Also: the PDF's fonts are the open stand-ins (pdffonts)."""

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

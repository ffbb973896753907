"""落款 (GB/T 9704-2012 §7.3.5.2) measured where a reader sees it: in LibreOffice's PDF.

The signature sits two characters from the right margin and the date starts two characters
right of the signature's first character; a date longer than that ends two characters from
the right margin and the signature moves left to keep the two characters. One character is
the grid's 15.75 pt (16 pt, condensed 0.25 pt); positions must hold to 0.1 character (1.6 pt),
which is what LibreOffice's rounding of indents and glyph advances leaves.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from reportgen.compose.document import Block, Composed, Span
from reportgen.render.docx import render_docx
from reportgen.render.pdf import convert_to_pdf
from reportgen.settings import load_settings
from reportgen.settings.layout import PT_PER_MM

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="needs LibreOffice (soffice) and poppler (pdftotext): "
    "apt install libreoffice-writer-nogui fonts-noto-cjk poppler-utils",
)

LAYOUT = load_settings(None).layout
CHAR = 15.75  # 三号 16 pt less the grid's 0.25 pt
RIGHT_MARGIN = 28 * PT_PER_MM + 156 * PT_PER_MM  # left margin 28 mm + text width 156 mm
TOLERANCE = 0.1 * CHAR


def lines_of(pdf: bytes, tmp_path: Path) -> dict[str, tuple[float, float]]:
    """Each line's text (words joined) → its left and right edge in points."""
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xhtml))
    ns = "{http://www.w3.org/1999/xhtml}"
    return {
        "".join(w.text or "" for w in line.iter(f"{ns}word")): (
            float(line.get("xMin")),
            float(line.get("xMax")),
        )
        for line in root.iter(f"{ns}line")
    }


def signed(signature: str, date: str, tmp_path: Path) -> tuple[tuple[float, float], ...]:
    blocks = [
        Block("title", (Span("关于落款位置的测试"),)),
        Block("paragraph", (Span("正文一段，结束于此。"),)),
        Block("signature", (Span(signature),)),
        Block("date", (Span(date),)),
    ]
    lines = lines_of(convert_to_pdf(render_docx(Composed("落款", blocks), LAYOUT)), tmp_path)
    return lines[signature], lines[date]


def test_the_right_margin_is_where_the_layout_says() -> None:
    assert LAYOUT.page.margin_left_mm == 28 and round(LAYOUT.page.text_width_pt, 2) == 442.20
    assert LAYOUT.body.size_pt + LAYOUT.grid.char_spacing_pt == CHAR


@needs_libreoffice
def test_a_date_longer_than_the_signature_ends_two_characters_from_the_right(
    tmp_path: Path,
) -> None:
    # *街道办事处: 5.5 characters; 2022年12月20日: 7 characters and five joins.
    (sig_left, sig_right), (date_left, date_right) = signed(
        "*街道办事处", "2022年12月20日", tmp_path
    )
    assert abs((RIGHT_MARGIN - date_right) - 2 * CHAR) <= TOLERANCE
    assert abs((date_left - sig_left) - 2 * CHAR) <= TOLERANCE
    assert sig_right < date_right - CHAR  # the signature moved left of its usual place


@needs_libreoffice
def test_a_date_shorter_than_the_signature_starts_two_characters_right_of_it(
    tmp_path: Path,
) -> None:
    (sig_left, sig_right), (date_left, date_right) = signed(
        "温州市瓯海区*街道办事处", "2022年12月20日", tmp_path
    )
    assert abs((RIGHT_MARGIN - sig_right) - 2 * CHAR) <= TOLERANCE
    assert abs((date_left - sig_left) - 2 * CHAR) <= TOLERANCE
    assert date_right < sig_right

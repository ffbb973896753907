"""Read a .docx into raw paragraphs: text, heading level, and the numbering Word generated.

The XML itself is read by :mod:`reportgen.oxml` (its ``reading`` and ``numbering``
modules); this module walks the document through python-docx. Numbering that Word shows but
does not store as text (automatic lists: ``w:numPr`` → ``numbering.xml``) is computed and put
back in front of the paragraph's text, so the structurer sees ``一、`` whether the author typed
it or Word generated it.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

from reportgen import oxml
from reportgen.errors import UserError, display_path
from reportgen.importer.reader import RawParagraph, ReadResult
from reportgen.settings.messages import message
from reportgen.text.numbering import chinese_numeral

_HEADING_NAMES = ("heading ", "标题 ")
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # what the zip may unpack to: no zip bombs
# What one XML part may unpack to: a summary's document.xml is well under 2 MB; its pictures
# (not parsed) are parts of their own. 190 MB of <w:p/> would cost gigabytes as a tree.
MAX_XML_PART_BYTES = 20 * 1024 * 1024
# Paragraphs of the body, counted by streaming before the document is parsed: a work summary
# has a few hundred; 100 000 would take minutes to structure.
MAX_PARAGRAPHS = 10_000


def read_docx(path: Path, raw: bytes) -> ReadResult:
    shown = display_path(path)
    if not raw.strip():
        raise UserError(
            message("import_read_empty", file=shown), hint=message("import_read_empty_hint")
        )
    if not zipfile.is_zipfile(BytesIO(raw)):
        hint = message("import_docx_not_zip_hint")
        if raw.startswith(b"\xd0\xcf\x11\xe0"):
            raise UserError(message("import_docx_old_word", file=shown), hint=hint)
        raise UserError(message("import_docx_not_zip", file=shown), hint=hint)
    with zipfile.ZipFile(BytesIO(raw)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise UserError(
            message("import_docx_too_large", file=shown, size=f"{unpacked / 1024 / 1024:.0f}"),
            hint=message("import_docx_too_large_hint"),
        )
    with zipfile.ZipFile(BytesIO(raw)) as archive:
        _check_parts(shown, archive)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise UserError(
            message("import_docx_unreadable", file=shown, error=f"{type(exc).__name__}: {exc}"),
            hint=message("import_docx_unreadable_hint"),
        ) from None
    except Exception as exc:  # lxml's XMLSyntaxError and friends: a damaged file
        raise UserError(
            message("import_docx_damaged", file=shown, error=type(exc).__name__),
            hint=message("import_docx_damaged_hint"),
        ) from None
    reader = _DocxReader(document)
    paragraphs = list(reader.paragraphs())
    if not any(p.text.strip() for p in paragraphs):
        raise UserError(
            message("import_docx_no_text", file=shown), hint=message("import_docx_no_text_hint")
        )
    return ReadResult(paragraphs, "docx", reader.notes)


def _check_parts(shown: str, archive: zipfile.ZipFile) -> None:
    """Each XML part small enough to parse, and a body of at most MAX_PARAGRAPHS paragraphs,
    found by streaming the zip (the sizes in its directory may lie: the reads are capped)."""
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        with archive.open(info) as part:
            size = len(part.read(MAX_XML_PART_BYTES + 1))
        if size > MAX_XML_PART_BYTES:
            raise UserError(
                message(
                    "import_part_too_large",
                    path=shown,
                    part=info.filename,
                    limit=MAX_XML_PART_BYTES // 1024 // 1024,
                ),
                hint=message("import_part_too_large_hint"),
            )
    if "word/document.xml" not in archive.namelist():
        return
    with archive.open("word/document.xml") as body:
        try:
            count = oxml.count_paragraphs(body, MAX_PARAGRAPHS)
        except Exception:  # a damaged part: python-docx reports it below, in its words
            return
    if count > MAX_PARAGRAPHS:
        raise UserError(
            message("import_too_many_paragraphs", path=shown, limit=MAX_PARAGRAPHS),
            hint=message("import_too_many_paragraphs_hint"),
        )


@dataclass
class _Numbering:
    """numbering.xml, read once: levels per numId, and the running counters of each list."""

    levels: dict[str, dict[int, oxml.ListLevel]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Any) -> _Numbering:
        return cls(oxml.document_lists(document))

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return ""
        text = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token in text:
                value = counters.get(k, levels.get(k, oxml.ListLevel()).start)
                text = text.replace(
                    token, format_number(value, levels.get(k, oxml.ListLevel()).fmt)
                )
        return text


_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def format_number(n: int, fmt: str) -> str:
    """A counter as Word shows it for a ``w:numFmt``: chineseCounting 3 → 三, decimal 3 → 3."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
        "chineseLegalSimplified",
        "ideographDigital",
    ):
        return chinese_numeral(n) if 1 <= n <= 9999 else str(n)
    if fmt in ("ideographTraditional",) and 1 <= n <= 10:
        return _HEAVENLY[n - 1]
    if fmt.startswith("decimalEnclosedCircle") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt in ("upperLetter", "lowerLetter") and 1 <= n <= 26 * 30:  # Word: A … Z, AA … ZZ …
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 1 <= n < 4000:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


class _DocxReader:
    def __init__(self, document: Any):
        self.document = document
        self.numbering = _Numbering.of(document)
        self.notes: list[str] = []
        self.index = 0
        self._styles: dict[str | None, Any] = {}

    def style(self, paragraph: Any) -> Any:
        """The paragraph's style, looked up once per style id: python-docx scans every style
        for the default one on each call, which made 10 000 paragraphs take minutes."""
        style_id = oxml.style_id(paragraph)
        if style_id not in self._styles:
            self._styles[style_id] = _safe_style(paragraph)
        return self._styles[style_id]

    def paragraphs(self) -> Iterator[RawParagraph]:
        from docx.table import Table

        first_text_seen = False
        text_boxes = 0
        for block in self.document.iter_inner_content():
            if isinstance(block, Table):
                yield from self.table(block)
                continue
            self.index += 1
            text_boxes += oxml.text_box_count(block)
            text = oxml.visible_text(block)
            level = self.heading_level(block)
            label = self.auto_number(block)
            is_title = self.is_title(block, first_text_seen)
            if text.strip():
                first_text_seen = True
            if is_title:  # a title is broken into lines for its shape, not into paragraphs
                yield RawParagraph(
                    label + text.replace("\n", ""), self.index, "paragraph", level, True, label
                )
                continue
            for k, part in enumerate(text.split("\n")):
                yield RawParagraph(
                    (label if k == 0 else "") + part,
                    self.index,
                    "paragraph",
                    level,
                    False,
                    label if k == 0 else "",
                )
        if text_boxes:
            self.notes.append(message("import_docx_text_boxes", count=text_boxes))

    def table(self, table: Any) -> Iterator[RawParagraph]:
        """A table's rows as paragraphs, cells joined by ｜ and kept as ``cells``: inside an
        item the structurer makes it the item's table, elsewhere it stays text; never dropped."""
        self.index += 1
        self.notes.append(message("import_docx_table", n=self.index))
        for row in oxml.table_rows(table):
            cells: list[str] = []
            for cell in row:
                value = " ".join(oxml.visible_text(p).strip() for p in cell).strip()
                if value and (not cells or cells[-1] != value):  # merged cells repeat
                    cells.append(value)
            if cells:
                yield RawParagraph(
                    "｜".join(cells), self.index, "paragraph", None, False, "", True, tuple(cells)
                )

    def heading_level(self, paragraph: Any) -> int | None:
        """1-based heading level: the paragraph's or its style's outline level, or Heading N."""
        outline = oxml.outline_level(paragraph)
        style = self.style(paragraph)
        seen = 0
        while outline is None and style is not None and seen < 20:
            name = (style.name or "").lower()
            for prefix in _HEADING_NAMES:
                number = oxml.number(name[len(prefix) :].strip(), 0, oxml.MAX_LEVEL + 1)
                if name.startswith(prefix) and number >= 1:
                    return number
            outline = oxml.outline_level(style)
            style = style.base_style
            seen += 1
        level = oxml.number(outline, oxml.MAX_LEVEL + 1, oxml.MAX_LEVEL + 1)
        return level + 1 if level <= oxml.MAX_LEVEL else None

    def auto_number(self, paragraph: Any) -> str:
        num_id, ilvl = oxml.numbering_reference(paragraph)
        style = self.style(paragraph)
        seen = 0
        while num_id is None and style is not None and seen < 20:
            num_id, style_ilvl = oxml.numbering_reference(style)
            ilvl = ilvl or style_ilvl
            style = style.base_style
            seen += 1
        if num_id is None or num_id == "0":
            return ""
        level = oxml.number(ilvl, 0, oxml.MAX_LEVEL + 1)
        return self.numbering.label(num_id, level if level <= oxml.MAX_LEVEL else 0)

    def is_title(self, paragraph: Any, first_text_seen: bool) -> bool:
        style = self.style(paragraph)
        name = (style.name or "").lower() if style is not None else ""
        if name in ("title", "标题"):
            return True
        if first_text_seen or not paragraph.text.strip():
            return False
        alignment = oxml.alignment(paragraph)
        if alignment is None and style is not None:
            alignment = oxml.alignment(style)
        return alignment == "center"


def _safe_style(paragraph: Any) -> Any:
    try:
        return paragraph.style
    except (KeyError, ValueError, AttributeError):
        return None

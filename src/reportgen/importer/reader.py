"""Read a document into raw paragraphs: what the text says, and what the file says about it.

A .txt gives lines; a .docx (see :mod:`reportgen.importer.docx_reader`) gives paragraphs with
their heading level and the numbering Word generated. Everything after this stage works on
:class:`RawParagraph` and never looks at the file again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.errors import UserError, display_path
from reportgen.files.read import read_regular
from reportgen.settings.messages import message

MAX_TEXT_BYTES = 5 * 1024 * 1024  # a year's summary is ~20 kB of text
MAX_DOCX_BYTES = 50 * 1024 * 1024  # Word files carry images; still, 50 MB is not a summary

# What a file that is not text starts with, and what to tell the user about it.
# (magic bytes, catalogue key of what it is, catalogue key of the hint)
_MAGIC = (
    (b"PK\x03\x04", "import_magic_zip", "import_magic_zip_hint"),
    (b"%PDF", "import_magic_pdf", "import_magic_pdf_hint"),
    (b"\xd0\xcf\x11\xe0", "import_magic_old_word", "import_magic_word_hint"),
    (b"\x89PNG", "import_magic_image", "import_magic_image_hint"),
    (b"\xff\xd8\xff", "import_magic_image", "import_magic_image_hint"),
    (b"{\\rtf", "import_magic_rtf", "import_magic_word_hint"),
)


@dataclass(frozen=True)
class RawParagraph:
    """One paragraph (a line of a .txt, a paragraph of a .docx) as the file gives it."""

    text: str
    index: int  # 1-based line or paragraph number, for messages
    unit: str = "line"  # "line" or "paragraph"
    heading_level: int | None = None  # 1 for Heading 1 / outline level 1, … ; None for body text
    is_title: bool = False  # the Title style, or a centred first paragraph
    auto_number: str = ""  # the label Word generated (一、), already prefixed to ``text``
    from_table: bool = False
    cells: tuple[str, ...] = ()  # a table row's cells (from_table)

    @property
    def where(self) -> str:
        return message(f"import_where_{self.unit}", n=self.index)


@dataclass
class ReadResult:
    paragraphs: list[RawParagraph]
    encoding: str = ""
    notes: list[str] | None = None


def read_document(path: Path) -> ReadResult:
    """The paragraphs of a .txt or .docx; a clear :class:`UserError` for anything else."""
    shown = display_path(path)
    if path.is_dir():
        raise UserError(
            message("import_read_folder", file=shown), hint=message("import_read_folder_hint")
        )
    if not path.exists():
        raise UserError(
            message("import_read_not_found", file=shown),
            hint=message("import_read_not_found_hint"),
        )
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from reportgen.importer.docx_reader import read_docx

        return read_docx(path, _read_bytes(path, MAX_DOCX_BYTES))
    if suffix in (".txt", ".text", ""):
        text, encoding = decode_text(_read_bytes(path, MAX_TEXT_BYTES), shown)
        lines = text.splitlines()
        paragraphs = [RawParagraph(line, n) for n, line in enumerate(lines, start=1)]
        return ReadResult(paragraphs, encoding)
    if suffix in (".doc", ".wps", ".rtf", ".pdf", ".odt"):
        raise UserError(
            message("import_read_old_format", file=shown, suffix=suffix),
            hint=message("import_read_old_format_hint"),
        )
    raise UserError(
        message("import_read_unknown_format", file=shown),
        hint=message("import_read_unknown_format_hint"),
    )


def _read_bytes(path: Path, limit: int) -> bytes:
    # The one reader: regular files only (no FIFO, no /dev/zero), at most ``limit`` bytes.
    return read_regular(path, limit=limit)


def decode_text(raw: bytes, shown: str) -> tuple[str, str]:
    """Text of a .txt file as offices save it: UTF-8 (with or without BOM), GB18030/GBK, UTF-16."""
    if not raw.strip():
        raise UserError(
            message("import_read_empty", file=shown), hint=message("import_read_empty_hint")
        )
    for magic, what, hint in _MAGIC:
        if raw.startswith(magic):
            raise UserError(
                message("import_read_not_text", file=shown, what=message(what)),
                hint=message(hint),
            )
    if raw.startswith(b"\xef\xbb\xbf"):
        return _checked(raw[3:].decode("utf-8", errors="strict"), shown), "utf-8"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked(raw.decode("utf-16"), shown), "utf-16"
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in raw[:4096]:
        for encoding in ("utf-8", "gb18030"):
            try:
                return _checked(raw.decode(encoding), shown), encoding
            except UnicodeDecodeError:
                continue
    raise UserError(
        message("import_read_binary", file=shown),
        hint=message("import_read_binary_hint"),
    )


def _checked(text: str, shown: str) -> str:
    """Refuse text that decoded but is mostly control characters: binary data, not a document."""
    control = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f\v")
    if control > max(2, len(text) // 100):
        raise UserError(
            message("import_read_binary", file=shown),
            hint=message("import_read_binary_hint"),
        )
    if not text.strip():
        raise UserError(
            message("import_read_empty", file=shown), hint=message("import_read_empty_hint")
        )
    return text

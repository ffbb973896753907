"""Composed blocks → a Word document laid out to GB/T 9704-2012.

Every number and font comes from the :class:`~reportgen.settings.layout.Layout`; every piece of raw
XML from :mod:`reportgen.oxml`. This module speaks in styles, paragraphs and runs:

- styles carry the formatting (Normal is the body text, so a paragraph typed in Word looks
  right), and every run also names its fonts, which WPS and old Word versions need;
- a span's role picks its font: the numbering and heading of a level-1 block take 黑体, of a
  level-2 block 楷体, levels 3 and 4 仿宋; lead phrases are bold when the layout says so;
- the page number is a PAGE field in odd and even footers.

Long because ``DocxWriter`` is one public class (the tracked-changes and roll-up writers
subclass or call it): styles, page, footers, blocks and tables share its layout and state.
"""

from __future__ import annotations

import io
import itertools
import math
import unicodedata
import warnings
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from reportgen import oxml
from reportgen.compose.document import Block, Composed, MetricRow, Span
from reportgen.records import Record, set_field
from reportgen.settings.layout import PT_PER_MM, Heading, Layout

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

TWIPS_PER_PT = 20
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
TABLE_STYLE = "Gongwen Table"
TABLE_TEXT_STYLE = "Table Text"
# The space set between Chinese and a figure or Latin letter, in ems of the text's size: measured
# in LibreOffice 7.4's PDF (3.2 pt at 16 pt between "2022" and "年"); LibreOffice sets it
# whatever w:autoSpaceDN says, so it is counted rather than turned off.
AUTOSPACE_EM = 0.2
# Column shares of the key figures table: 指标, 时期, 数值, 单位, 同比.
TABLE_COLUMN_SHARES = (0.34, 0.14, 0.18, 0.12, 0.22)


class DroppedCharacters(UserWarning):
    """Text held characters a Word file cannot hold; they were left out."""


def render_docx(composed: Composed, layout: Layout, reference: bytes | None = None) -> bytes:
    """The document as the bytes of a .docx file, written into ``reference`` (the bytes of a
    project's own reference .docx) or reportgen's own template.

    Characters that XML 1.0 cannot hold (``\\x0b`` pasted from Word …) are left out with a
    :class:`DroppedCharacters` warning rather than producing a file Word cannot open.
    """
    return DocxWriter(layout, reference).render(composed)


def twips(points: float) -> int:
    return round(points * TWIPS_PER_PT)


def text_width(text: str) -> float:
    """Width in characters of Chinese text: Chinese and full-width marks 1, figures and Latin ½."""
    return sum(1.0 if _wide(c) else 0.5 for c in text)


def _wide(char: str) -> bool:
    # Ambiguous-width marks (“” ‘’ — …) are set full width by a Chinese font.
    return unicodedata.east_asian_width(char) in "WFA"


def _alphanumeric(char: str) -> bool:
    return char.isascii() and char.isalnum()


# ── Title ───────────────────────────────────────────────────────────────────────────────────

_BREAK_BEFORE = ("及", "和", "与", "暨", "并", "关于")  # "…工作总结 / 及2023年工作思路"
_BREAK_AFTER = ("的", "关于")
_NO_LINE_START = set("，。、；：？！）》」』”’%‰·…—")
_NO_LINE_END = set("（《「『“‘")


def title_lines(title: str, max_width: float) -> list[str]:
    """A title in lines of at most ``max_width`` characters, broken between words.

    Lines are as even as the words allow, a break before 及/和/与 or after 的 is preferred,
    and three or more lines never narrow in the middle: the shape is a trapezoid or a
    diamond, as GB/T 9704 §7.3.2 asks.
    """
    if text_width(title) <= max_width:
        return [title]
    from reportgen.text.segment import words

    pieces = [w for w in words(title) if w]
    cuts = [i for i in range(1, len(pieces)) if _can_break(pieces[i - 1], pieces[i])]
    total = text_width(title)
    for count in range(max(2, math.ceil(total / max_width)), 6):
        best: tuple[float, list[str]] | None = None
        for chosen in itertools.combinations(_near_even(pieces, cuts, count, total), count - 1):
            lines = _split(pieces, chosen)
            widths = [text_width(line) for line in lines]
            if max(widths) > max_width:
                continue
            cost = _shape_cost(widths) + sum(_break_cost(pieces, i) for i in chosen)
            if best is None or cost < best[0]:
                best = (cost, lines)
        if best is not None:
            return best[1]
    return [title]  # a title with no place to break: let Word wrap it


def _near_even(pieces: list[str], cuts: list[int], count: int, total: float) -> list[int]:
    """The cuts worth trying for ``count`` lines: the few nearest each even split point, so
    that a long title tries thousands of combinations, not C(180, 4) = 42 million."""
    at = list(itertools.accumulate(text_width(p) for p in pieces))
    near: set[int] = set()
    for k in range(1, count):
        ideal = total * k / count
        near.update(sorted(cuts, key=lambda i: abs(at[i - 1] - ideal))[:_CUTS_PER_SPLIT])
    return sorted(near)


_CUTS_PER_SPLIT = 8


def _can_break(before: str, after: str) -> bool:
    if after[0] in _NO_LINE_START or before[-1] in _NO_LINE_END:
        return False
    # "2023|年" and "B|组" belong together.
    return not (before[-1].isascii() and before[-1].isalnum() and not after[0].isascii())


def _break_cost(pieces: list[str], at: int) -> float:
    if pieces[at].startswith(_BREAK_BEFORE) or pieces[at - 1].endswith(_BREAK_AFTER):
        return 0.0
    return 5.0  # a break at a conjunction is worth lines up to ten characters uneven


def _shape_cost(widths: list[float]) -> float:
    spread = max(widths) - min(widths)
    middle = widths[1:-1]
    hourglass = bool(middle) and min(middle) < min(widths[0], widths[-1])
    return spread * 0.5 + (10.0 if hourglass else 0.0)


def _split(pieces: list[str], cuts: Iterable[int]) -> list[str]:
    bounds = [0, *cuts, len(pieces)]
    return ["".join(pieces[a:b]) for a, b in itertools.pairwise(bounds)]


# ── The writer ──────────────────────────────────────────────────────────────────────────────


class DocxWriter:
    """Writes composed blocks into a new Word document laid out by ``layout``.

    :func:`render_docx` is how a report is written. A subclass changes what is written by
    overriding these methods, as :mod:`reportgen.render.docx_diff` does to record tracked
    changes; the rest is internal:

    - :meth:`render` sets up styles, page, footers and properties, writes every block and
      returns the bytes of the .docx;
    - :meth:`block` writes one block as one paragraph and returns it, through :meth:`title`,
      :meth:`heading`, :meth:`paragraph`, :meth:`attachment` or :meth:`signature`;
    - :meth:`spans` writes a block's spans into its paragraph, each in the font and weight
      :meth:`span_font` gives its role;
    - :meth:`run` writes one run of text; every run of the document goes through it.

    ``layout`` and ``doc`` (the python-docx document being written) are there to be read.
    """

    def __init__(self, layout: Layout, reference: bytes | None = None):
        from docx import Document as new_document

        self.layout = layout
        # The template's bytes are made once per process; each document parses a few kB.
        template = reference or oxml.reference_package(layout.language)
        self.doc: Document = new_document(io.BytesIO(template))
        self.style_ids: dict[str, str | None] = {}
        self.styles: dict[str, Any] = {}  # what style() found or added, by name
        self.dropped: list[str] = []
        self.signature_paragraph: Paragraph | None = None
        self.run_templates: dict[tuple[str, str, bool], Any] = {}
        self.pitch = twips(layout.grid.line_spacing_pt)

    def set_style(self, paragraph: Paragraph, name: str) -> None:
        """Give ``paragraph`` the paragraph style ``name``. Its id is looked up once per
        document: python-docx looks a style up by name, and the default style, by scanning
        every style of the template each time."""
        from docx.enum.style import WD_STYLE_TYPE

        if name not in self.style_ids:
            style = self.styles[name] if name in self.styles else self.doc.styles[name]
            self.style_ids[name] = self.doc.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        oxml.set_paragraph_style(paragraph, self.style_ids[name])

    # Text ──────────────────────────────────────────────────────────────────

    def clean(self, text: str) -> str:
        dropped = oxml.forbidden_characters(text)
        if dropped:  # text is cleaned only when it needs it: nearly never
            self.dropped += dropped
            text = oxml.xml_text(text)
        return text.replace("\n", "").replace("\t", "")

    def run(
        self,
        paragraph: Paragraph,
        text: str,
        font: str,
        *,
        bold: bool = False,
        latin: str | None = None,
    ) -> Any:
        """Add ``text`` to ``paragraph`` as a run in the Chinese ``font`` (and ``latin``, by
        default the layout's, for figures and Latin letters); the run's element, which the
        :mod:`reportgen.oxml` functions take as they take a python-docx run."""
        key = (latin or self.layout.latin_font, font, bold)
        template = self.run_templates.get(key)
        if template is None:  # made once per font and weight, copied into each run
            rpr = oxml.run_properties(latin=key[0], east_asia=font)
            if bold:
                oxml.set_bold(rpr, True)
            template = self.run_templates[key] = oxml.run_template(rpr)
        return oxml.append_run(paragraph, template, self.clean(text))

    # Document ──────────────────────────────────────────────────────────────

    def render(self, composed: Composed) -> bytes:
        self.begin(composed.title)
        for block in composed.blocks:
            self.block(block)
        if self.layout.metrics_table and composed.metrics:
            self.metrics_table(composed.metrics)
        return self.finish()

    def render_tables(self, title: str, tables: Iterable[Table]) -> bytes:
        """A document of ``title`` and ``tables`` alone, each a three-line table: a district's
        figures, ready to paste into its own summary."""
        self.begin(title)
        self.title(title)
        for table in tables:
            if table.caption:
                self.title_line(table.caption)
            grid = self.table(table.header, table.rows, table.shares, table.align)
            oxml.set_three_line_borders(grid, grid.rows[0].cells)
        return self.finish()

    def begin(self, title: str) -> None:
        """Styles, page, footers and properties; an empty body."""
        self.setup_styles()
        self.setup_page()
        self.setup_footers()
        self.setup_properties(title)
        oxml.clear_body(self.doc)

    def finish(self) -> bytes:
        """The document's bytes (warning about characters left out)."""
        if self.dropped:
            shown = ", ".join(sorted({f"U+{ord(c):04X}" for c in self.dropped}))
            warnings.warn(
                f"left out {len(self.dropped)} character(s) a Word file cannot hold ({shown})",
                DroppedCharacters,
                stacklevel=4,
            )
        self.setup_package()
        return oxml.save_package(self.doc)

    def setup_properties(self, title: str) -> None:
        core = self.doc.core_properties
        # docProps/core.xml holds at most 255 characters; the page shows the whole title.
        title = self.clean(title)
        core.title = title if len(title) <= 255 else title[:254] + "…"
        core.language = self.layout.language
        core.author = ""
        core.comments = ""
        core.last_modified_by = ""
        oxml.remove_core_dates(core)

    def setup_package(self) -> None:
        """Our fonts in the font table; no stale copy of the template's styles, no thumbnail of
        a page that is not this document's."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        layout = self.layout
        fonts = [(layout.latin_font, None, False)]
        fonts += [(f, layout.font_alternates.get(f), True) for f in layout.chinese_fonts]
        oxml.replace_part(self.doc, RT.FONT_TABLE, oxml.font_table(fonts))
        oxml.drop_relationships(self.doc, STYLES_WITH_EFFECTS)
        oxml.drop_relationships(self.doc, RT.THUMBNAIL, package=True)

    def setup_page(self) -> None:
        from docx.shared import Mm

        page = self.layout.page
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
        section.top_margin, section.bottom_margin = (
            Mm(page.margin_top_mm),
            Mm(page.margin_bottom_mm),
        )
        section.left_margin, section.right_margin = (
            Mm(page.margin_left_mm),
            Mm(page.margin_right_mm),
        )
        section.gutter = 0
        section.header_distance = Mm(page.margin_top_mm / 2)
        # The number line sits below_text_mm under the text block: Word measures the footer
        # from the bottom edge of the page to the bottom of its (one, exact-height) line.
        number = self.layout.page_number
        line_mm = number.size_pt / PT_PER_MM
        section.footer_distance = Mm(max(page.margin_bottom_mm - number.below_text_mm - line_mm, 0))
        oxml.set_doc_grid(section, self.pitch)

    # Styles ────────────────────────────────────────────────────────────────

    def setup_styles(self) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        layout, styles = self.layout, self.doc.styles
        oxml.remove_theme_fonts(styles)
        rpr, ppr = oxml.doc_defaults(styles)
        oxml.set_fonts(rpr, latin=layout.latin_font, east_asia=layout.body.font)
        oxml.set_size(rpr, round(layout.body.size_pt * 2))
        oxml.set_language(rpr, east_asia=layout.language)
        oxml.remove_children(ppr, "spacing")
        oxml.set_line_spacing(ppr, 240, rule="auto")

        normal = self.style("Normal")
        oxml.clear_formatting(normal)
        self.paragraph_style(
            normal,
            layout.body.font,
            layout.body.size_pt,
            char_spacing=layout.grid.char_spacing_pt,
        )
        oxml.set_alignment(normal, "both")
        oxml.set_first_line_indent(normal, self.chars_twips(layout.body.first_line_indent_chars))
        # Or lines jump to the next page and full pages hold 21.
        oxml.set_widow_control(normal, False)
        # Word's own default, written out for LibreOffice: its .docx import reads this flag
        # inverted, and 7.4 with hanging punctuation on drops the 。 that ends a justified line.
        oxml.set_overflow_punctuation(normal, True)

        title = self.style("Title")
        oxml.clear_formatting(title)
        self.paragraph_style(title, layout.title.font, layout.title.size_pt, char_spacing=0)
        oxml.set_alignment(title, "center")
        oxml.set_first_line_indent(title, 0)
        oxml.set_space_after(title, self.pitch * layout.title.blank_lines_after)
        oxml.set_keep_with_next(title, True)

        for level in (1, 2):
            style = self.style(f"Heading {level}")
            oxml.clear_formatting(style)
            heading = layout.headings.at(level)
            self.paragraph_style(
                style,
                heading.font,
                layout.body.size_pt,
                char_spacing=layout.grid.char_spacing_pt,
                bold=heading.bold,
            )
            oxml.set_keep_with_next(style, heading.keep_with_next)
            oxml.set_outline_level(style, level - 1)

        footer = self.style("Footer")
        oxml.clear_formatting(footer)
        number = layout.page_number
        oxml.set_fonts(footer, latin=number.font, east_asia=number.font)
        oxml.set_size(footer, round(number.size_pt * 2))
        oxml.set_character_spacing(footer, 0)
        oxml.set_line_spacing(footer, twips(number.size_pt))
        oxml.set_first_line_indent(footer, 0)

        table_text = self.style(TABLE_TEXT_STYLE)
        table_text.base_style = normal
        table = layout.table
        # Its own line spacing: a cell in the body's exact 28.95 pt lines grows tall rows.
        self.paragraph_style(table_text, table.font, table.size_pt, char_spacing=0)
        oxml.set_line_spacing(table_text, 240, rule="auto")
        oxml.set_first_line_indent(table_text, 0)
        oxml.set_alignment(table_text, "center")

        table_style = self.style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
        oxml.set_table_borders(oxml.table_properties(table_style))

        oxml.set_theme_font_lang(self.doc.settings, east_asia=layout.language)

    def style(self, name: str, kind: Any = None) -> Any:
        """The template's style ``name``, added when the template lacks it: a project's own
        reference.docx saved by Word holds only the styles it uses."""
        from docx.enum.style import WD_STYLE_TYPE

        found = self.styles.get(name)
        if found is None:  # python-docx finds a style by name with an XPath query, each time
            styles = self.doc.styles
            try:
                found = styles[name]
            except KeyError:
                found = styles.add_style(name, kind or WD_STYLE_TYPE.PARAGRAPH)
            self.styles[name] = found
        return found

    def paragraph_style(
        self, style: Any, font: str, size_pt: float, *, char_spacing: float, bold: bool = False
    ) -> None:
        layout = self.layout
        oxml.set_fonts(style, latin=layout.latin_font, east_asia=font)
        oxml.set_bold(style, bold)
        oxml.set_character_spacing(style, twips(char_spacing))
        oxml.set_size(style, round(size_pt * 2))
        oxml.set_language(style, east_asia=layout.language)
        oxml.set_line_spacing(style, self.pitch)

    def chars_twips(self, count: float) -> int:
        """A length of ``count`` body characters, as the grid lays them, in twips."""
        return twips(self.layout.chars_pt(count))

    # Footers ───────────────────────────────────────────────────────────────

    def setup_footers(self) -> None:
        from docx.shared import Pt

        self.doc.settings.odd_and_even_pages_header_footer = True
        section = self.doc.sections[0]
        number = self.layout.page_number
        indent = Pt(number.size_pt * number.indent_chars).twips  # as python-docx rounds it
        for odd in (True, False):
            paragraph = oxml.add_footer(self.doc, section, even=not odd)
            if paragraph is None:  # the reference .docx has its own: python-docx's, written in
                footer = section.footer if odd else section.even_page_footer
                footer.is_linked_to_previous = False
                paragraph = footer.paragraphs[0]
            self.set_style(paragraph, "Footer")
            # Through oxml, not python-docx's paragraph_format (~40 µs a property: it probes
            # for every possible successor of a new child), as every paragraph below.
            oxml.set_alignment(paragraph, "right" if odd else "left")
            if odd:
                oxml.set_side_indents(paragraph, right=indent)
            else:
                oxml.set_side_indents(paragraph, left=indent)
            before, after = number.format.split("{page}")
            # Half-width digits in 宋体 too, as §7.5 asks: the number's font is its Latin font.
            if before:
                self.run(paragraph, before, number.font, latin=number.font)
            rpr = oxml.run_properties(latin=number.font, east_asia=number.font)
            oxml.append_field(paragraph, "PAGE", "1", rpr)
            if after:
                self.run(paragraph, after, number.font, latin=number.font)

    # Blocks ────────────────────────────────────────────────────────────────

    def block(self, block: Block) -> Any:
        """Write ``block`` as the next paragraph (or table) of the document; that paragraph."""
        match block.kind:
            case "table":
                return self.item_table(block.rows)
            case "title":
                return self.title(block.text)
            case "heading":
                return self.heading(block)
            case "paragraph" if block.level == 2 and not block.tail:
                return self.heading(block)
            case "paragraph":
                return self.paragraph(block)
            case "attachment":
                return self.attachment(block)
            case "signature" | "date":
                return self.signature(block)

    def title(self, text: str) -> Paragraph:
        """The title, broken into lines of a good shape (:func:`title_lines`)."""
        layout = self.layout
        paragraph = oxml.append_paragraph(self.doc)
        self.set_style(paragraph, "Title")
        max_width = layout.page.text_width_pt / layout.title.size_pt
        for n, line in enumerate(title_lines(self.clean(text), max_width)):
            if n:
                paragraph.add_run().add_break()
            self.run(paragraph, line, layout.title.font)
        return paragraph

    def heading(self, block: Block) -> Paragraph:
        """A level-1 heading, or a level-2 heading standing alone (items laid out as lists)."""
        level = max(1, min(block.level, 2))
        paragraph = oxml.append_paragraph(self.doc)
        self.set_style(paragraph, f"Heading {level}")
        self.spans(paragraph, block.spans, block.level)
        return paragraph

    def paragraph(self, block: Block) -> Paragraph:
        paragraph = oxml.append_paragraph(self.doc)
        self.spans(paragraph, block.spans, block.level)
        return paragraph

    def spans(self, paragraph: Paragraph, spans: Iterable[Span], level: int) -> None:
        """The spans of a block at numbering ``level`` as runs of ``paragraph``."""
        for span in spans:
            font, bold = self.span_font(span, level)
            self.run(paragraph, span.text, font, bold=bold)

    def span_font(self, span: Span, level: int) -> tuple[str, bool]:
        """The Chinese font of a span, and whether it is bold, from its role and level."""
        layout = self.layout
        heading: Heading | None = layout.headings.at(level) if 1 <= level <= 4 else None
        if heading is not None and span.role in ("number", "heading"):
            return heading.font, heading.bold
        if span.role == "lead":
            # A point's lead phrase is the heading of a level-3 or level-4 point.
            if heading is not None and level >= 3:
                return heading.font, heading.bold or layout.bold_leads
            return layout.body.font, layout.bold_leads
        return layout.body.font, False

    def attachment(self, block: Block) -> Paragraph:
        """附件说明: "附件：1.名称", later names under the first, wrapped lines under the name."""
        layout = self.layout
        spans = list(block.spans)
        prefix = spans[0].text if len(spans) > 1 else ""
        first = prefix.startswith("附件")
        paragraph = oxml.append_paragraph(self.doc)
        label = text_width("附件：")
        number = text_width(prefix) - (label if first else 0)
        left = self.chars_twips(layout.attachment.indent_chars + label + number)
        oxml.set_side_indents(paragraph, left=left)
        oxml.set_first_line_indent(
            paragraph, -self.chars_twips(label + number if first else number)
        )
        if first:
            oxml.set_space_before(paragraph, self.pitch * layout.attachment.blank_lines_before)
        self.spans(paragraph, spans, 0)
        return paragraph

    def signature(self, block: Block) -> Paragraph:
        """落款 (§7.3.5.2): the signature two characters from the right margin, the date on the
        next line starting two characters right of the signature's first character; a date
        longer than that ends two characters from the right and moves the signature left.

        Both lines are placed by their rendered widths (:meth:`width_pt`): Chinese one
        character, figures and ``*`` half, and the space set where Chinese meets figures or
        Latin letters; "2022年12月20日" has five such joins and sets a character wider than its
        characters alone."""
        layout = self.layout.signature
        paragraph = oxml.append_paragraph(self.doc)
        oxml.set_alignment(paragraph, "right")
        oxml.set_first_line_indent(paragraph, 0)
        oxml.set_side_indents(paragraph, right=self.chars_twips(layout.right_indent_chars))
        self.spans(paragraph, block.spans, 0)
        if block.kind == "signature":
            self.signature_paragraph = paragraph
            oxml.set_space_before(paragraph, self.pitch * layout.blank_lines_before)
            oxml.set_keep_with_next(paragraph, True)
            return paragraph
        signature = self.signature_paragraph
        if signature is None:  # a date alone stays where the standard puts a date
            return paragraph
        right = self.layout.chars_pt(layout.right_indent_chars)
        shift = self.layout.chars_pt(layout.date_shift_chars)
        sig_width, date_width = self.width_pt(signature.text), self.width_pt(paragraph.text)
        if shift + date_width <= sig_width:
            # Placed from the signature's first character, which needs only its CJK width.
            oxml.set_alignment(paragraph, "left")
            oxml.set_side_indents(paragraph, right=0)
            left = twips(self.layout.page.text_width_pt - right - sig_width + shift)
            oxml.set_side_indents(paragraph, left=left)
        else:
            oxml.set_side_indents(signature, right=twips(right + shift + date_width - sig_width))
        return paragraph

    def width_pt(self, text: str) -> float:
        """The rendered advance of body text: Chinese and full-width marks one character,
        figures and Latin half, plus :data:`AUTOSPACE_EM` at every join of Chinese with a
        figure or Latin letter (the space Word and LibreOffice add there by default)."""
        size, spacing = self.layout.body.size_pt, self.layout.grid.char_spacing_pt
        width = sum((size if _wide(c) else size / 2) + spacing for c in text)
        joins = sum(
            1
            for a, b in itertools.pairwise(text)
            if (_wide(a) and _alphanumeric(b)) or (_alphanumeric(a) and _wide(b))
        )
        return width + joins * AUTOSPACE_EM * size

    # Key figures ───────────────────────────────────────────────────────────

    def metrics_table(self, rows: list[MetricRow]) -> Any:
        """附表 on a page of its own: its label, its title and the table; the table."""
        self.metrics_heading()
        return self.metrics_grid(rows)

    def metrics_heading(self) -> tuple[Paragraph, Paragraph]:
        """The key figures' label (附表, after a page break) and title; the two paragraphs."""
        from docx.enum.text import WD_BREAK

        layout, table_layout = self.layout, self.layout.table
        label = oxml.append_paragraph(self.doc)
        label.add_run().add_break(WD_BREAK.PAGE)
        oxml.set_first_line_indent(label, 0)
        self.run(label, table_layout.label, layout.headings.level1.font)
        return label, self.title(table_layout.title)

    def metrics_grid(self, rows: list[MetricRow]) -> Any:
        return self.table(*metrics_grid(rows, self.layout))

    def item_table(self, rows: Sequence[Sequence[str]]) -> Any:
        """A table of figures inside an item: a three-line table (:func:`item_grid`)."""
        grid = self.table(*item_grid(rows))
        oxml.set_three_line_borders(grid, grid.rows[0].cells)
        return grid

    def title_line(self, text: str) -> Paragraph:
        """A table's caption: one line in the table's header font, centred."""
        paragraph = oxml.append_paragraph(self.doc)
        self.set_style(paragraph, TABLE_TEXT_STYLE)
        oxml.set_alignment(paragraph, "center")
        oxml.set_space_before(paragraph, self.pitch)
        self.run(paragraph, text, self.layout.table.header_font)
        return paragraph

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        shares: Sequence[float],
        aligns: Sequence[str],
    ) -> Any:
        """A table across the text width in the layout's table fonts: the ``header`` row (in
        the header font, repeated on every page) over ``rows``; column ``c`` takes
        ``shares[c]`` of the width and its body cells are aligned ``aligns[c]`` (left, center,
        right). The python-docx table."""
        layout, table_layout = self.layout, self.layout.table
        table = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        table.style = self.style(TABLE_STYLE)  # set up by setup_styles
        width = twips(layout.page.text_width_pt)
        widths = column_twips(width, shares)
        oxml.set_table_width(table, width)
        oxml.set_table_layout_fixed(table)
        oxml.set_grid_widths(table, widths)
        oxml.set_repeat_header(table.rows[0])
        cells = [list(header), *[list(row) for row in rows]]
        for r, (row, values) in enumerate(zip(table.rows, cells, strict=True)):
            for c, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                paragraph = cell.paragraphs[0]
                self.set_style(paragraph, TABLE_TEXT_STYLE)
                if r and aligns[c] in ("left", "right"):  # centred by the style
                    oxml.set_alignment(paragraph, aligns[c])
                font = table_layout.header_font if r == 0 else table_layout.font
                self.run(paragraph, value, font)
        return table


def metric_cells(row: MetricRow) -> list[str]:
    """The cells of a key figure's row in 附表, in column order."""
    return [row.label, row.period, row.value, row.unit, row.change]


Grid = tuple[list[str], list[list[str]], list[float], list[str]]


def column_twips(width: int, shares: Sequence[float]) -> list[int]:
    """Each column's width in twips: its share of ``width`` rounded down, the first column
    taking what the rounding left over."""
    widths = [math.floor(width * share) for share in shares]
    widths[0] += width - sum(widths)
    return widths


def metrics_grid(rows: Sequence[MetricRow], layout: Layout) -> Grid:
    """附表's header, rows, column shares and alignments, as :meth:`DocxWriter.table` takes
    them."""
    aligns = ["left", "center", "center", "center", "center"]
    cells = [metric_cells(r) for r in rows]
    return list(layout.table.columns), cells, list(TABLE_COLUMN_SHARES), aligns


def item_grid(rows: Sequence[Sequence[str]]) -> Grid:
    """A table of figures inside an item: its first row the header, columns of equal width,
    the first left-aligned and the others centred; a short row is filled with empty cells."""
    width = max(len(row) for row in rows)
    cells = [[*row, *[""] * (width - len(row))] for row in rows]
    aligns = ["left", *["center"] * (width - 1)]
    return cells[0], cells[1:], [1 / width] * width, aligns


class Table(Record):
    """A table of text for :meth:`DocxWriter.render_tables`: its caption, header and rows,
    each column's share of the text width and its alignment (left, center, right)."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    shares: tuple[float, ...]
    align: tuple[str, ...]
    _fields = ("caption", "header", "rows", "shares", "align")

    def __init__(
        self,
        caption: str,
        header: tuple[str, ...],
        rows: tuple[tuple[str, ...], ...],
        shares: tuple[float, ...],
        align: tuple[str, ...],
    ):
        set_field(self, "caption", caption)
        set_field(self, "header", header)
        set_field(self, "rows", rows)
        set_field(self, "shares", shares)
        set_field(self, "align", align)


def render_tables(
    title: str, tables: Iterable[Table], layout: Layout, reference: bytes | None = None
) -> bytes:
    """A .docx of ``title`` and ``tables`` in the document's own layout, written into
    ``reference`` (a project's own reference .docx) or reportgen's own template."""
    return DocxWriter(layout, reference).render_tables(title, tables)

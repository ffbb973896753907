"""Raw OOXML: every ``OxmlElement``, ``qn``, xpath and python-docx private attribute of
reportgen lives in this package; nothing outside it touches them.

python-docx covers paragraphs, runs, styles and sections; what a Chinese official document
needs beyond that (East Asian fonts, language, condensed characters, page-number fields,
table grids …) is done by small functions, one module per concern, each tested on snippets of
XML in ``tests/oxml/test_<module>.py``. Their arguments are elements, or the python-docx
objects holding them (a paragraph, run, style, section …). Callers import the package and use
the names below (``oxml.set_fonts``); the modules:

- ``schema``       the full schema order (wml.xsd) of every element children are inserted into
- ``elements``     find, create in schema order, remove; set attributes; unwrap python-docx
- ``text``         characters XML 1.0 cannot hold
- ``fonts``        w:rFonts, w:lang, theme fonts removed, word/fontTable.xml
- ``run``          run properties: condensed characters, size, bold
- ``paragraph``    paragraph properties: style, outline level, punctuation, line spacing
- ``styles``       w:docDefaults, clearing inherited formatting
- ``grid``         the section's document grid
- ``settings``     word/settings.xml: any setting in its place, the theme font language
- ``fields``       PAGE and other complex fields (the footers' page numbers)
- ``tables``       widths, borders, fixed layout, repeated header rows
- ``core``         core properties (docProps/core.xml)
- ``package``      the body emptied, parts replaced, relationships dropped, saved in one zip pass
- ``reference``    reportgen's own reference template (the package a document is written into)
- ``revisions``    tracked changes: w:ins / w:del / moves; texts accepted or rejected
- ``numbering``    (import) numbering.xml's lists and a paragraph's list
- ``reading``      (import) a paragraph's visible text, outline level, alignment, text boxes

Each module states at its top the schema order of every element it inserts children into.
This package may import python-docx and lxml, and nothing else of reportgen.
"""

import importlib
from typing import TYPE_CHECKING

from reportgen.oxml.core import remove_core_dates
from reportgen.oxml.elements import (
    child,
    element_of,
    get_or_add,
    get_or_add_ppr,
    get_or_add_rpr,
    insert_in_order,
    local_name,
    remove_children,
    set_attributes,
)
from reportgen.oxml.fields import append_field, field_instructions
from reportgen.oxml.fonts import (
    font_table,
    remove_theme_fonts,
    run_properties,
    set_fonts,
    set_language,
)
from reportgen.oxml.grid import set_doc_grid
from reportgen.oxml.package import (
    add_footer,
    clear_body,
    drop_relationships,
    replace_part,
    reproducible_zip,
    save_package,
)
from reportgen.oxml.paragraph import (
    append_paragraph,
    set_alignment,
    set_first_line_indent,
    set_keep_with_next,
    set_line_spacing,
    set_outline_level,
    set_overflow_punctuation,
    set_paragraph_style,
    set_side_indents,
    set_snap_to_grid,
    set_space_after,
    set_space_before,
    set_widow_control,
)
from reportgen.oxml.reference import reference_package
from reportgen.oxml.revisions import (
    make_del,
    make_ins,
    make_move,
    mark_paragraph,
    mark_row,
    move_range,
    paragraph_texts,
    revisions,
    table_texts,
)
from reportgen.oxml.run import (
    append_run,
    run_template,
    set_bold,
    set_character_spacing,
    set_size,
)
from reportgen.oxml.schema import (
    PPR_ORDER,
    RPR_ORDER,
    SECTPR_ORDER,
    SETTINGS_ORDER,
    TBLPR_ORDER,
    TCPR_ORDER,
    TRPR_ORDER,
)
from reportgen.oxml.settings import get_or_add_setting, set_theme_font_lang
from reportgen.oxml.styles import clear_formatting, doc_defaults
from reportgen.oxml.tables import (
    set_grid_widths,
    set_repeat_header,
    set_table_borders,
    set_table_layout_fixed,
    set_table_style,
    set_table_width,
    set_three_line_borders,
    table_properties,
)
from reportgen.oxml.text import forbidden_characters, xml_text

if TYPE_CHECKING:
    from reportgen.oxml.numbering import (
        ListLevel,
        document_lists,
        list_levels,
        numbering_reference,
    )
    from reportgen.oxml.reading import (
        MAX_LEVEL,
        MAX_LIST_START,
        alignment,
        count_paragraphs,
        number,
        outline_level,
        style_id,
        table_rows,
        text_box_count,
        visible_text,
    )

# What only ``reportgen import`` reads (lists, visible text, levels) is imported on first use:
# a build never reads a document, and the two modules cost it ~0.5 ms (ListLevel is a
# dataclass). Each name is bound here once its module is loaded.
_LAZY = {
    "numbering": ("ListLevel", "document_lists", "list_levels", "numbering_reference"),
    "reading": (
        "MAX_LEVEL", "MAX_LIST_START", "alignment", "count_paragraphs", "number",
        "outline_level", "style_id", "table_rows", "text_box_count", "visible_text",
    ),
}  # fmt: skip


def __getattr__(name: str) -> object:
    for module, names in _LAZY.items():
        if name in names:
            loaded = importlib.import_module(f"{__name__}.{module}")
            globals().update({n: getattr(loaded, n) for n in names})
            return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "MAX_LEVEL",
    "MAX_LIST_START",
    "PPR_ORDER",
    "RPR_ORDER",
    "SECTPR_ORDER",
    "SETTINGS_ORDER",
    "TBLPR_ORDER",
    "TCPR_ORDER",
    "TRPR_ORDER",
    "ListLevel",
    "add_footer",
    "alignment",
    "append_field",
    "append_paragraph",
    "append_run",
    "child",
    "clear_body",
    "clear_formatting",
    "count_paragraphs",
    "doc_defaults",
    "document_lists",
    "drop_relationships",
    "element_of",
    "field_instructions",
    "font_table",
    "forbidden_characters",
    "get_or_add",
    "get_or_add_ppr",
    "get_or_add_rpr",
    "get_or_add_setting",
    "insert_in_order",
    "list_levels",
    "local_name",
    "make_del",
    "make_ins",
    "make_move",
    "mark_paragraph",
    "mark_row",
    "move_range",
    "number",
    "numbering_reference",
    "outline_level",
    "paragraph_texts",
    "reference_package",
    "remove_children",
    "remove_core_dates",
    "remove_theme_fonts",
    "replace_part",
    "reproducible_zip",
    "revisions",
    "run_properties",
    "run_template",
    "save_package",
    "set_alignment",
    "set_attributes",
    "set_bold",
    "set_character_spacing",
    "set_doc_grid",
    "set_first_line_indent",
    "set_fonts",
    "set_grid_widths",
    "set_keep_with_next",
    "set_language",
    "set_line_spacing",
    "set_outline_level",
    "set_overflow_punctuation",
    "set_paragraph_style",
    "set_repeat_header",
    "set_side_indents",
    "set_size",
    "set_snap_to_grid",
    "set_space_after",
    "set_space_before",
    "set_table_borders",
    "set_table_layout_fixed",
    "set_table_style",
    "set_table_width",
    "set_theme_font_lang",
    "set_three_line_borders",
    "set_widow_control",
    "style_id",
    "table_properties",
    "table_rows",
    "table_texts",
    "text_box_count",
    "visible_text",
    "xml_text",
]

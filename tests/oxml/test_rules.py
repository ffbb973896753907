"""The rules of the oxml package: raw OOXML and python-docx's private attributes only inside
it, and every module stating the full schema order of what it inserts into."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

from reportgen import oxml
from reportgen.oxml.schema import ORDERS

SRC = Path(oxml.__file__).resolve().parents[1]  # src/reportgen
RAW_OOXML = re.compile(
    r"\bOxmlElement\b|\bqn\(|\.xpath\(|\bnsmap\b|\bparse_xml\b|wordprocessingml/"
)
# python-docx's private attributes (a paragraph's _p, a run's _r, a table's _tbl, a row's _tr, a
# section's _sectPr, any proxy's _element, a part's _blob …) and the public ``.element`` that
# hands out the raw XML of a document, style, styles, settings or part.
DOCX_INTERNALS = re.compile(
    r"\.(?:_p|_r|_t|_tbl|_tr|_tc|_pPr|_rPr|_tblPr|_sectPr|_body|_element|_blob|_parent|_part"
    r"|_document_part|_styles_part|_settings_part|_numbering_part|_rels|_package|_partname)\b"
    r"|\.element\b"
)


def leaks(source: str) -> list[str]:
    """The lines of ``source`` that use raw OOXML or python-docx's internals, numbered."""
    return [
        f"{n}: {line.strip()}"
        for n, line in enumerate(source.splitlines(), start=1)
        if RAW_OOXML.search(line) or DOCX_INTERNALS.search(line)
    ]


def test_raw_ooxml_and_docx_internals_live_in_oxml_only() -> None:
    found = [
        f"{path.relative_to(SRC)}:{leak}"
        for path in sorted(SRC.rglob("*.py"))
        if "oxml" not in path.relative_to(SRC).parts
        for leak in leaks(path.read_text("utf-8"))
    ]
    assert found == []


@pytest.mark.parametrize(
    "planted",
    [
        "        paragraph._p.style = self.style_ids[name]",
        "        part._blob = oxml.font_table(fonts)",
        "        oxml.set_doc_grid(section._sectPr, self.pitch)",
        "    oxml.remove_core_dates(core._element)",
        "    return run._r",
        "    tbl = table._tbl",
        "    oxml.set_repeat_header(table.rows[0]._tr)",
        "    body = self.doc.element.body",
        "    oxml.clear_formatting(style.element)",
        "    root = document.part.part_related_by(RT.NUMBERING).element",
        "    settings = self.doc.settings._element",
        "    el = OxmlElement('w:b')",
        "    tag = qn('w:p')",
        "    nodes = p.xpath('./w:r')",
    ],
)
def test_the_rule_catches_a_planted_line(planted: str) -> None:
    source = f"def f(self):\n    x = 1\n{planted}\n"
    assert leaks(source) == [f"3: {planted.strip()}"]


def test_the_rule_lets_ordinary_code_through() -> None:
    source = (
        "from reportgen import oxml\n"
        "oxml.set_fonts(run, latin='Times New Roman', east_asia='仿宋_GB2312')\n"
        "node = oxml.element_of(paragraph)\n"
        "for element in elements: self._parse(element.elements)\n"
        "self._rows = rows; self._text = text; page._pitch = 1\n"
    )
    assert leaks(source) == []


# ── Schema order stated at the top of each module ───────────────────────────────────────────

MODULES = [
    importlib.import_module(f"reportgen.oxml.{m.name}")
    for m in pkgutil.iter_modules(oxml.__path__)
    if m.name != "schema"
]
STATED = re.compile(r"^w:(\w+) \(CT_\w+(?:, CT_\w+)*\):(.*?)(?=\n\n|\Z)", re.M | re.S)


def stated_orders(doc: str) -> dict[str, list[str]]:
    return {name: body.split() for name, body in STATED.findall(doc)}


def test_stated_orders_are_parsed_from_a_docstring() -> None:
    doc = "Intro.\n\nw:tc (CT_Tc): tcPr\n    *\n\nw:p (CT_P, CT_X): pPr *\n"
    assert stated_orders(doc) == {"tc": ["tcPr", "*"], "p": ["pPr", "*"]}


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_each_module_states_the_full_order_of_what_it_inserts_into(module: object) -> None:
    doc = module.__doc__ or ""
    source = Path(module.__file__).read_text("utf-8")  # type: ignore[attr-defined]
    stated = stated_orders(doc)
    inserts = re.search(r"\b(get_or_add\w*|insert_in_order)\(", source.split('"""', 2)[2])
    if inserts:
        assert stated, f"{module.__name__} inserts children but states no schema order"
    else:
        assert "inserts no elements" in doc or module.__name__ == "reportgen.oxml"
    for name, order in stated.items():
        assert order == list(ORDERS[name]), f"{module.__name__}: the order of w:{name}"

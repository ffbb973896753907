"""Properties over generated documents (hypothesis): whatever a valid YAML file holds, every
format renders, the .docx reads back to exactly the document's text, and the text functions
keep their promises for any input."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.app.build import render
from reportgen.compose.document import Composed, compose_documents
from reportgen.errors import InvalidInput
from reportgen.model.chars import INVISIBLE
from reportgen.model.loader import load_yaml_text
from reportgen.model.report import Plan, Review
from reportgen.model.validate import validate_loaded
from reportgen.render import FORMATS
from reportgen.settings import load_settings
from reportgen.settings.messages import language, set_language
from reportgen.settings.templating import markdown_escape
from reportgen.text.cleaning import clean_text
from reportgen.text.punctuation import normalise_punctuation

SHIPPED = load_settings(None)  # the shipped settings: a project without templates/

docx = pytest.importorskip("docx")

# Text as people write it, and what they paste: Chinese, figures, half- and full-width marks,
# characters that mean something to Markdown, HTML and Jinja, astral-plane characters,
# zero-width and no-break spaces, line breaks.
_CJK = "街道工作总结经济发展稳中有进社会治理新局面亿元万人同比增长完成"
_MARKS = ",;:?!()（），；：。、“”‘’《》%-.·…—"
_SPECIAL = "<>&*_#`[]|\\'\"{}$"
_ODD = "😀𠮷\u00a0\u3000\u200b\ufeffé"
_ALPHABET = _CJK + "0123456789" + "abcSXZ" + _MARKS + _SPECIAL + _ODD + " \n"

paragraphs = st.text(alphabet=st.sampled_from(_ALPHABET), min_size=1, max_size=30).filter(
    lambda s: s.strip() and "{{" not in s
)
# Only opening and closing may hold several paragraphs (a blank line); every other text is one.
texts = paragraphs.filter(lambda s: "\n" not in clean_text(s))


@st.composite
def metrics(draw: st.DrawFn) -> list[dict[str, Any]]:
    ids = draw(
        st.lists(st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True), max_size=3, unique=True)
    )
    figures = st.one_of(
        st.integers(min_value=-(10**12), max_value=10**12),
        st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15),
    )
    out = []
    for metric_id in ids:
        metric: dict[str, Any] = {"id": metric_id, "label": draw(texts), "value": draw(figures)}
        if draw(st.booleans()):
            metric["unit"] = draw(st.sampled_from(["亿元", "万元", "人", "%", "个", ""]))
        if draw(st.booleans()):
            metric["previous"] = draw(figures)
        if draw(st.booleans()):
            metric["change"] = draw(st.floats(min_value=-100, max_value=1000))
        out.append(metric)
    return out


def _with_references(draw: st.DrawFn, ids: list[str], kind: st.SearchStrategy = texts) -> str:
    """A text, sometimes with a {{metric}} reference in it."""
    text = draw(kind)
    if ids and draw(st.booleans()):
        ref = draw(st.sampled_from(ids)) + draw(st.sampled_from(["", ".value", ".unit", ".label"]))
        cut = draw(st.integers(min_value=0, max_value=len(text)))
        text = f"{text[:cut]}{{{{{ref}}}}}{text[cut:]}"
    return text


@st.composite
def items(draw: st.DrawFn, ids: list[str]) -> dict[str, Any]:
    points = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        text = _with_references(draw, ids)
        points.append({"lead": draw(texts), "text": text} if draw(st.booleans()) else text)
    item: dict[str, Any] = {"heading": _with_references(draw, ids), "points": points}
    if draw(st.booleans()):
        item["layout"] = "list"
    return item


@st.composite
def documents(draw: st.DrawFn, kind: str, year: int) -> dict[str, Any]:
    found = draw(metrics())
    ids = [m["id"] for m in found]
    doc: dict[str, Any] = {"organisation": draw(texts), "year": year, "metrics": found}
    for key, strategy in (("title", texts), ("opening", paragraphs), ("closing", paragraphs)):
        if draw(st.booleans()):
            doc[key] = _with_references(draw, ids, strategy)
    sections = ("priorities",) if kind == "plan" else ("highlights", "shortcomings")
    for section in sections:
        doc[section] = draw(st.lists(items(ids), max_size=3))
    if draw(st.booleans()):
        doc["signature"] = {"name": draw(texts), "date": "2023-01-05"}
    doc["attachments"] = draw(st.lists(texts, max_size=2))
    return doc


def _validated(doc: dict[str, Any], kind: str) -> Review | Plan:
    """Through the real pipeline: YAML text, the loader, validation."""
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    result = validate_loaded(load_yaml_text(text, f"generated-{kind}.yaml"), kind)
    assert isinstance(result, Review if kind == "review" else Plan)
    return result


def _composed(data: st.DataObject) -> Composed:
    review = _validated(data.draw(documents("review", 2022)), "review")
    plan = (
        _validated(data.draw(documents("plan", 2023)), "plan") if data.draw(st.booleans()) else None
    )
    return compose_documents(review, plan, SHIPPED.sections)


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


_SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SLOW
@given(st.data())
def test_any_valid_document_renders_to_every_format(data: st.DataObject) -> None:
    composed = _composed(data)
    outputs = {fmt: render(composed, fmt, SHIPPED) for fmt in FORMATS}

    paragraphs = [p.text for p in docx.Document(io.BytesIO(outputs["docx"])).paragraphs]
    paragraphs[0] = paragraphs[0].replace("\n", "")  # a long title is set in lines
    assert paragraphs == [block.text for block in composed.blocks]

    text = outputs["txt"].decode("utf-8")
    assert text == "".join(
        f"{line}\n" for line in [composed.title, "", *(b.text for b in composed.body)]
    )

    parser = _TextOf()
    parser.feed(outputs["html"].decode("utf-8"))
    html_text = "".join(parser.parts)
    for block in composed.blocks:
        assert block.text in html_text  # escaped where needed, never swallowed as markup

    assert outputs["md"].decode("utf-8").count("\n") >= len(composed.body)


@_SLOW
@given(st.data())
def test_no_rendered_document_holds_a_character_xml_forbids(data: st.DataObject) -> None:
    composed = _composed(data)
    assert not INVISIBLE.search(composed.plain_text())


@given(st.text(min_size=1, max_size=20).filter(lambda s: INVISIBLE.search(s) is not None))
def test_a_document_built_in_code_refuses_invisible_characters(text: str) -> None:
    from pydantic import ValidationError

    before = language()
    set_language("en")
    try:
        with pytest.raises(ValidationError, match="invisible character"):
            Review(organisation=text, year=2022)
    finally:
        set_language(before)


@given(st.text(alphabet=st.sampled_from(_ALPHABET + "\t\r"), max_size=60))
def test_punctuation_normalisation_is_idempotent(text: str) -> None:
    once = normalise_punctuation(text)
    assert normalise_punctuation(once) == once


@given(st.text(max_size=60))
def test_punctuation_normalisation_is_idempotent_on_any_unicode(text: str) -> None:
    once = normalise_punctuation(text)
    assert normalise_punctuation(once) == once


@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=60))
def test_markdown_escape_only_adds_backslashes_and_entities(text: str) -> None:
    import html

    escaped = markdown_escape(text)
    assert "<" not in escaped and ">" not in escaped
    assert html.unescape(re.sub(r"\\(.)", r"\1", escaped, flags=re.S)) == text


_VALUE = dict(zip("一二三四五六七八九", range(1, 10), strict=True))
_UNIT = {"十": 10, "百": 100, "千": 1000}


def _read_numeral(text: str) -> int:
    """An independent reading of 一 … 九千九百九十九."""
    total, digit = 0, 0
    for char in text:
        if char == "零":
            continue
        if char in _UNIT:
            total += (digit or 1) * _UNIT[char]
            digit = 0
        else:
            digit = _VALUE[char]
    return total + digit


_ITEM_MARKER = re.compile(r"^（([一二三四五六七八九十百千零]+)）")


@settings(max_examples=25, deadline=None)
@given(
    st.integers(min_value=1, max_value=120),
    st.integers(min_value=0, max_value=40),
    st.sampled_from(["run-in", "list"]),
)
def test_numbering_is_right_for_any_number_of_items(n: int, points: int, layout: str) -> None:
    review = Review(
        organisation="*街道",
        year=2022,
        highlights=[
            {"heading": f"事项{i}", "points": [f"要点{k}" for k in range(points)], "layout": layout}
            for i in range(n)
        ],
        shortcomings=[{"heading": "短板"}],
    )
    composed = compose_documents(review, None, SHIPPED.sections)
    headings = [b.text for b in composed.blocks if b.kind == "heading"]
    assert headings == ["一、2022年亮点工作", "二、存在问题及短板"]
    item_blocks = [b for b in composed.blocks if b.level == 2]
    numbers = [_read_numeral(_ITEM_MARKER.match(b.text)[1]) for b in item_blocks]
    assert numbers == [*range(1, n + 1), 1]
    for block, i in zip(item_blocks, range(n), strict=False):
        assert block.text.startswith(f"{block.spans[0].text}事项{i}。")
    point_markers = [b.spans[0].text for b in composed.blocks if b.level == 3]
    expected = [f"{k}." for k in range(1, points + 1)] * n if layout == "list" else []
    assert point_markers == expected


def test_a_section_may_not_outgrow_its_numbering() -> None:
    """（一）…（九千九百九十九）: a ten-thousandth item is refused at validation, located."""
    text = "organisation: x\nyear: 2022\nhighlights:\n" + "  - heading: 事项\n" * 10000
    with pytest.raises(InvalidInput) as caught:
        validate_loaded(load_yaml_text(text, "big.yaml"), "review")
    problem = caught.value.problems[0]
    assert problem.path == "highlights"
    assert problem.location.line == 4
    assert "9999" in problem.message

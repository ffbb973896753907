"""The import corpus is self-consistent, without calling reportgen's importer.

Every document exists or builds, decodes in its declared encoding, and every text its expected
outline names (debris lines, title, headings, points, 落款, 附件) is in the document as written,
in document order. The importer tests then compare the importer with outlines that are known to
describe their documents.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from corpus import (
    ENCODINGS,
    FORMATS,
    KINDS,
    LAYOUTS,
    PART_KINDS,
    README,
    TEXTS,
    Entry,
    builders,
    entries,
    entry,
    load_expected,
    names,
)

TOP_KEYS = {
    "source",
    "kind",
    "title",
    "organisation",
    "organisation_from",
    "year",
    "plan_year",
    "needs",
    "reason_words",
    "debris",
    "opening",
    "parts",
    "closing",
    "signature",
    "attachments",
}
PART_KEYS = {"marker", "title", "kind", "points", "items"}
ITEM_KEYS = {"marker", "heading", "layout", "points", "tables", "subpoints"}
DOCX_FEATURES = {"heading-styles", "auto-numbering", "outline-levels", "table", "soft-breaks"}


def source_text(item: Entry, folder: Path) -> str:
    """The document's text as a reader sees it: one line per paragraph (docx: per table cell)."""
    path = item.materialise(folder)
    if item.format == "txt":
        assert item.encoding is not None
        codec = "utf-16" if item.encoding == "utf-16" else item.encoding
        return path.read_bytes().decode(codec).replace("\r\n", "\n")
    import docx

    lines: list[str] = []
    for block in docx.Document(str(path)).iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                for cell in row.cells:
                    lines.extend(p.text for p in cell.paragraphs)
        else:
            lines.append(block.text)
    return "\n".join(lines)


_WRAP = r"(?:[ \t\u3000]*\n[ \t\u3000]*)?"


def pattern(text: str) -> re.Pattern[str]:
    """``text`` as it may stand in the source: a space in ``text`` must be a space there (it is
    content); anywhere else the source may only have a line break (hard wrap, soft break)."""
    parts: list[str] = []
    for char in text:
        if char in " \u3000":
            if not parts or parts[-1] != "[ \u3000]+":
                parts.append("[ \u3000]+")
        else:
            parts.append(re.escape(char))
    return re.compile(_WRAP.join(parts))


def find(text: str, source: str, start: int, what: str) -> tuple[int, int]:
    match = pattern(text).search(source, start)
    assert match is not None, f"{what} {text!r} not found after offset {start}"
    return match.start(), match.end()


_END = "。；：！？"


def check_whole(
    what: str, text: str, layout: str | None, source: str, span: tuple[int, int]
) -> None:
    """A heading or point is whole: not a piece cut from a longer sentence."""
    before = source[: span[0]].rstrip(" \t\u3000")
    after = source[span[1] :]
    if what == "point":
        assert text[-1] in _END, f"point {text!r} does not end a sentence"
        assert not before or before[-1] in "\n" + _END, f"point {text!r} starts mid-sentence"
    if what == "heading" and layout == "alone":
        assert after.lstrip(" \t\u3000")[:1] in ("", "\n"), f"heading {text!r} is not its line"
    if what == "heading" and layout == "run-in":
        assert after[:1] in _END, f"run-in heading {text!r} is not followed by its 。"


def _body_in_order(outline: dict[str, Any]) -> list[tuple[str, ...]]:
    """(what, text) for everything of the body, in the order it must appear."""
    out: list[tuple[str, ...]] = []
    if outline["title"]:
        out.append(("title", outline["title"]))
    out += [("opening", t) for t in outline["opening"]]
    for part in outline["parts"]:
        out.append(("part", (part["marker"] or "") + part["title"]))
        out += [("part point", t) for t in part["points"]]
        for item in part["items"]:
            out += _item_in_order(item)
    out += [("closing", t) for t in outline["closing"]]
    return out


def _item_in_order(item: dict[str, Any]) -> list[tuple[str, ...]]:
    out = [("heading", (item["marker"] or "") + item["heading"], item["layout"])]
    out += [("point", t) for t in item["points"]]
    out += [("table cell", cell) for table in item["tables"] for row in table for cell in row]
    for sub in item["subpoints"]:
        out += _item_in_order(sub)
    return out


def _items(outline: dict[str, Any]) -> list[dict[str, Any]]:
    def walk(item: dict[str, Any]) -> list[dict[str, Any]]:
        return [item] + [x for sub in item["subpoints"] for x in walk(sub)]

    return [x for part in outline["parts"] for item in part["items"] for x in walk(item)]


# ── the corpus as a whole ────────────────────────────────────────────────────


def test_the_corpus_is_large_and_varied_enough() -> None:
    all_entries = entries()
    assert len(all_entries) >= 25
    assert len(names(fmt="docx")) >= 8
    assert len(names(refused=True)) >= 3
    encodings = {e.encoding for e in all_entries}
    assert {"gb18030", "utf-16"} <= encodings
    kinds = {e.expected["kind"] for e in all_entries}
    assert kinds == set(KINDS)
    part_counts = {len(e.expected["parts"]) for e in all_entries if not e.refused}
    assert {3, 4, 5} <= part_counts
    assert any(p["kind"] == "other" for e in all_entries for p in e.expected["parts"])


def test_every_source_has_an_outline_and_every_outline_a_source() -> None:
    text_names = {p.stem for p in TEXTS.glob("*.txt")}
    assert text_names == set(names(fmt="txt"))
    assert set(builders()) == set(names(fmt="docx"))


def test_the_readme_table_lists_every_document() -> None:
    readme = README.read_text(encoding="utf-8").split("## The documents", 1)[1]
    listed = set(re.findall(r"^\| `([a-z0-9_]+)` \|", readme, flags=re.M))
    assert listed == set(names())


# ── each document ────────────────────────────────────────────────────────────


@pytest.mark.parametrize("name", names())
def test_the_outline_follows_the_documented_format(name: str) -> None:
    raw = load_expected(name)
    assert set(raw) <= TOP_KEYS, set(raw) - TOP_KEYS
    assert raw["source"]["format"] in FORMATS
    assert raw["source"].get("encoding", "utf-8") in ENCODINGS
    assert set(raw["source"].get("features", [])) <= DOCX_FEATURES
    outline = entry(name).expected
    assert outline["kind"] in KINDS
    if outline["kind"] == "refused":
        assert outline["reason_words"], "a refused document names what it is"
        assert outline["parts"] == []
        return
    assert outline["parts"], "a summary or plan has parts"
    assert outline["reason_words"] == []
    if outline["organisation"] is None:
        assert "organisation" in outline["needs"]
    else:
        assert outline["organisation_from"] in ("title", "metadata", "signature")
    if outline["kind"] == "summary":
        assert outline["year"] is not None or "year" in outline["needs"]
    else:
        assert outline["year"] is None
        assert outline["plan_year"] is not None or "year" in outline["needs"]
    for part in outline["parts"]:
        assert part["marker"] is None or isinstance(part["marker"], str)
        assert set(part) <= PART_KEYS
        assert part["kind"] in PART_KINDS
        assert part["title"]
    texts = [text for _, text, *_ in _body_in_order(outline)]
    texts += outline["debris"] + outline["attachments"]
    assert all(isinstance(text, str) and text for text in texts), "quote YAML numbers like '1.'"
    for item in _items(outline):
        assert set(item) <= ITEM_KEYS
        assert item["marker"] is None or isinstance(item["marker"], str)
        assert item["layout"] in LAYOUTS
        assert item["heading"]
    signature = outline["signature"]
    if signature is not None:
        assert set(signature) == {"name", "date", "iso"}
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", str(signature["iso"]))


@pytest.mark.parametrize("name", names(fmt="txt"))
def test_a_text_decodes_only_in_its_declared_encoding(name: str, tmp_path: Path) -> None:
    item = entry(name)
    data = item.materialise(tmp_path).read_bytes()
    if item.encoding == "utf-16":
        assert data[:2] == b"\xff\xfe"
        data[2:].decode("utf-16-le")
    else:
        data.decode(item.encoding or "")
    if item.encoding in ("gb18030", "utf-16"):
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
    if item.encoding == "utf-8-sig":
        assert data[:3] == b"\xef\xbb\xbf"
    assert (b"\r\n" in data or b"\r\x00\n\x00" in data) == (item.newline == "\r\n")


@pytest.mark.parametrize("name", names(fmt="docx"))
def test_a_word_document_builds_with_the_features_it_declares(name: str, tmp_path: Path) -> None:
    import docx

    item = entry(name)
    path = item.materialise(tmp_path)
    document = docx.Document(str(path))
    features = set(load_expected(name)["source"].get("features", []))
    paragraphs = document.paragraphs
    found = {
        "heading-styles": any(p.style.name.startswith(("Heading", "Title")) for p in paragraphs),
        "auto-numbering": any(
            p._p.pPr is not None and p._p.pPr.numPr is not None for p in paragraphs
        ),
        "outline-levels": any("<w:outlineLvl " in p._p.xml for p in paragraphs),
        "table": bool(document.tables),
        "soft-breaks": any("<w:br/>" in p._p.xml for p in paragraphs),
    }
    assert {f for f, present in found.items() if present} == features


@pytest.mark.parametrize("name", names())
def test_every_debris_line_is_a_line_of_the_document(name: str, tmp_path: Path) -> None:
    item = entry(name)
    lines = [line.strip(" \t\u3000") for line in source_text(item, tmp_path).split("\n")]
    for debris in item.expected["debris"]:
        assert debris in lines, debris


@pytest.mark.parametrize("name", names())
def test_the_body_is_in_the_document_in_order(name: str, tmp_path: Path) -> None:
    item = entry(name)
    source = source_text(item, tmp_path)
    position = 0
    for what, text, *layout in _body_in_order(item.expected):
        span = find(text, source, position, what)
        check_whole(what, text, layout[0] if layout else None, source, span)
        position = span[1]
    outline = item.expected
    for attachment in outline["attachments"]:
        find(attachment, source, position, "attachment")
    if outline["signature"] is not None:
        _, after = find(outline["signature"]["name"], source, position, "signature name")
        find(outline["signature"]["date"], source, after, "signature date")
    for word in outline["reason_words"]:
        assert word in source


@pytest.mark.parametrize("name", names(refused=False))
def test_the_organisation_is_where_the_outline_says(name: str, tmp_path: Path) -> None:
    outline = entry(name).expected
    organisation, where = outline["organisation"], outline["organisation_from"]
    if organisation is None:
        return
    if where == "title":
        assert organisation in outline["title"]
    elif where == "metadata":
        assert any(organisation in line for line in outline["debris"])
        assert not outline["title"] or organisation not in outline["title"]
    else:
        assert organisation in outline["signature"]["name"]
        assert not outline["title"] or organisation not in outline["title"]


def test_the_text_pattern_keeps_meaningful_spaces_and_allows_line_wraps() -> None:
    assert pattern("品质建设 文化古城").search("“品质建设 文化古城”")
    assert not pattern("品质建设文化古城").search("“品质建设 文化古城”")
    assert not pattern("品质建设 文化古城").search("“品质建设文化古城”")
    assert pattern("完成投资9.3亿元").search("完成投\n  资9.3亿元")
    assert not pattern("完成投资").search("完成 投资")

"""diff -f md/json and diff -f docx report the same changes: one pairing of items decides both.

Before the alignment was shared, the tracked-changes document paired paragraphs on its own:
on 2022 → 2023 it deleted and re-inserted three items the report called reworded, and paired
two shortcomings the report called removed and added.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportgen.compose.document import ItemRef
from reportgen.diff import compare
from reportgen.diff.align import PlannedBlock, plan
from reportgen.diff.output import to_json
from reportgen.model.validate import load_document
from reportgen.settings import load_settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "diff"
SHIPPED = load_settings(None)  # the shipped settings: a project without templates/
PAIRS = [
    ("data/2022.yaml", "2022_edited.yaml"),
    ("data/2022.yaml", "data/2023.yaml"),
    ("data/2023.yaml", "data/2022.yaml"),
]

Key = tuple[str, int]


def key(ref: ItemRef | None) -> Key:
    assert ref is not None
    return (ref.section, ref.index)


def diffed(old: str, new: str):
    result = compare(
        load_document(FIXTURES / old),
        load_document(FIXTURES / new),
        sections=SHIPPED.sections,
        units=SHIPPED.units,
    )
    assert result.old_composed is not None and result.new_composed is not None
    planned = plan(result.old_composed.blocks, result.new_composed.blocks)
    return result, planned


def docx_changes(planned: list[PlannedBlock], matched: set[tuple[Key, Key]]) -> dict[str, set]:
    """What the tracked-changes document shows, item by item."""
    out: dict[str, set] = {"inserted": set(), "deleted": set(), "reworded": set(), "texts": set()}
    for p in planned:
        item, old_item = p.block.item, p.old.item if p.old is not None else None
        if item is None and old_item is None:
            if p.block.kind == "heading":  # a section's title, its 一、 aside
                if any(x.kind != "equal" and x.role != "number" for x in p.pieces):
                    out["texts"].add(f"titles/{p.block.section}")
            elif p.status != "equal":
                origin = p.block.origin
                name = p.block.kind if p.block.kind in ("title", "signature", "date") else None
                if p.block.kind == "attachment":
                    name = "attachments"
                out["texts"].add(name or str(origin.path[0]))
            continue
        if p.status == "insert":
            out["inserted"].add(key(item))
        elif p.status == "delete":
            out["deleted"].add(key(item))
        elif p.status == "change":
            if (key(old_item), key(item)) in matched:
                if any(x.kind != "equal" and x.role != "number" for x in p.pieces):
                    out["reworded"].add(key(item))
            else:
                out["deleted"].add(key(old_item))
                out["inserted"].add(key(item))
    return out


def report_changes(old: str, new: str) -> tuple[dict[str, set], set[tuple[Key, Key]]]:
    """What ``diff -f json`` reports, read from its JSON."""
    result, _ = diffed(old, new)
    data = json.loads(json.dumps(to_json(result), ensure_ascii=False))

    def at(item: dict) -> Key:
        return (item["section"], item["number"])

    matched = data["matched"]
    moved = [m for m in matched if m["moved"]]
    assert data["added"] or data["removed"]  # every fixture pair has some
    staying = {(at(m["old"]), at(m["new"])) for m in matched if not m["moved"]}
    return {
        "inserted": {at(v) for v in data["added"]} | {at(m["new"]) for m in moved},
        "deleted": {at(v) for v in data["removed"]} | {at(m["old"]) for m in moved},
        "reworded": {at(m["new"]) for m in matched if m["reworded"] and not m["moved"]},
        "texts": {t["field"] for t in data["texts"]},
    }, staying


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_docx_shows_what_the_report_says(old: str, new: str) -> None:
    expected, staying = report_changes(old, new)
    _, planned = diffed(old, new)
    assert docx_changes(planned, staying) == expected


def test_2022_to_2023_by_hand() -> None:
    """Hand-read from the two files: which items the docx marks, after the shared pairing."""
    result, planned = diffed("data/2022.yaml", "data/2023.yaml")
    staying = {(key(m.a.ref), key(m.b.ref)) for m in result.items.matched if not m.moved}
    shown = docx_changes(planned, staying)
    h, s = "highlights", "shortcomings"
    # 拆征安置 (二), 城市建设 (四) and 招商引资 (一) are reworded in place, as the report says;
    # 改革治理 moved (四 → 三), so it is deleted and inserted.
    assert shown["reworded"] == {(h, 2), (h, 4), (s, 1)}
    assert shown["inserted"] == {(h, 1), (h, 3), (h, 5), (s, 2)}
    assert shown["deleted"] == {(h, 1), (h, 4), (h, 5), (s, 1), (s, 3)}
    assert shown["texts"] == {"title", "opening", "titles/highlights"}  # 2022年亮点工作 → 2023年…


def test_a_rewritten_section_keeps_its_heading_paired_among_whole_items(tmp_path: Path) -> None:
    # every item replaced: between the anchors only the title and the section headings can
    # pair (the table is kept over those: 10,000 items a side no longer make 10⁸ cells), the
    # items are deleted, then inserted, in order; the last paragraph pairs (its mark stays)
    def year(n: int, highlights: list[str], shortcoming: str) -> Path:
        path = tmp_path / f"{n}.yaml"
        text = f"kind: review\norganisation: 某镇\nyear: {n}\nhighlights:\n"
        text += "".join(f"  - heading: {h}\n    points: [{h}的具体做法。]\n" for h in highlights)
        path.write_text(text + f"shortcomings:\n  - heading: {shortcoming}\n", "utf-8")
        return path

    result = compare(
        load_document(year(2022, ["湿地公园开园", "老旧小区改造"], "招商空间不足")),
        load_document(year(2023, ["数字治理上线", "养老服务扩面"], "停车难题突出")),
        sections=SHIPPED.sections,
        units=SHIPPED.units,
    )
    assert result.old_composed is not None and result.new_composed is not None
    planned = plan(result.old_composed.blocks, result.new_composed.blocks, result.items)
    assert [(p.status, p.block.text.split("。")[0]) for p in planned] == [
        ("change", "某镇2023年工作总结"),
        ("change", "一、2023年亮点工作"),
        ("delete", "（一）湿地公园开园"),
        ("delete", "（二）老旧小区改造"),
        ("insert", "（一）数字治理上线"),
        ("insert", "（二）养老服务扩面"),
        ("equal", "二、存在问题及短板"),
        ("change", "（一）停车难题突出"),
    ]
    assert planned[1].old is not None and planned[1].old.text == "一、2022年亮点工作"


def test_a_region_of_whole_items_scores_only_the_blocks_that_can_pair() -> None:
    # 300 items removed and 300 added around one heading a side: the old table scored every
    # one of the 301 × 301 pairs; now the heading pair and one look per step of the walk
    from reportgen.compose.document import Block, Span
    from reportgen.diff.align import _outside, _pairable_outside, _region

    def item(n: int, side: str) -> Block:
        ref = ItemRef(
            document="review", section="highlights", section_title="亮点", index=n, id=None,
            heading=f"{side}{n}", points=(), layout="run-in", references=(),
        )  # fmt: skip
        return Block("paragraph", (Span(f"{side}{n}", "text"),), 2, section="highlights", item=ref)

    def heading(text: str) -> Block:
        return Block("heading", (Span(text, "heading"),), 1, section="highlights")

    old = [heading("2022年亮点工作"), *(item(n, "旧") for n in range(300))]
    new = [heading("2023年亮点工作"), *(item(n, "新") for n in range(300))]
    calls = 0

    def counted(a: Block, b: Block) -> float:
        nonlocal calls
        calls += 1
        return _pairable_outside(a, b)

    planned = _region(old, new, counted, _outside)
    assert [p.status for p in planned] == ["change"] + ["delete"] * 300 + ["insert"] * 300
    assert calls <= 1 + 301  # the table's one cell, then at most one look per paired step

"""A :class:`DocumentDiff` as the user reads it: terminal, Markdown, HTML or JSON.

Markdown and HTML go through Jinja templates (``templates/diff.md.j2``, ``diff.html.j2``) that
a project may override; they receive ``diff``, a plain view of the result with every figure
already formatted, and ``t``, the labels in the chosen language.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.diff.compare import DocumentDiff
from reportgen.diff.figures import FigureRow
from reportgen.diff.items import ItemView, MatchedItem
from reportgen.diff.words import Op, segments
from reportgen.settings.messages import language, localised, message

if TYPE_CHECKING:
    from reportgen.settings.templating import Templates

TEXT_FORMATS = ("md", "json", "html")  # the terminal view is drawn in reportgen.cli.diff

LABELS: dict[str, dict[str, str]] = {
    "title": {"zh": "对比", "en": "diff"},
    "structure": {"zh": "结构", "en": "Structure"},
    "added": {"zh": "新增", "en": "added"},
    "removed": {"zh": "删除", "en": "removed"},
    "moved": {"zh": "移动", "en": "moved"},
    "reworded": {"zh": "改写", "en": "reworded"},
    "relinked": {"zh": "关联", "en": "links"},
    "restyled": {"zh": "版式", "en": "layout"},
    "texts": {"zh": "文字", "en": "Text"},
    "figures": {"zh": "指标", "en": "Figures"},
    "metric": {"zh": "指标", "en": "metric"},
    "unit": {"zh": "单位", "en": "unit"},
    "change": {"zh": "增减", "en": "change"},
    "percent": {"zh": "增幅", "en": "change %"},
    "notes": {"zh": "说明", "en": "notes"},
    "place": {"zh": "位置", "en": "place"},
    "heading": {"zh": "小标题", "en": "heading"},
    "field:title": {"zh": "标题", "en": "title"},
    "field:opening": {"zh": "开头", "en": "opening"},
    "field:closing": {"zh": "结尾", "en": "closing"},
    "field:signature": {"zh": "落款", "en": "signature"},
    "field:date": {"zh": "日期", "en": "date"},
    "field:attachments": {"zh": "附件", "en": "attachments"},
    "field:titles": {"zh": "章节标题", "en": "section title"},
    "status:added": {"zh": "新增", "en": "new"},
    "status:removed": {"zh": "删除", "en": "gone"},
    "status:changed": {"zh": "变化", "en": "changed"},
    "status:unchanged": {"zh": "", "en": ""},
    "status:incomparable": {"zh": "单位不可比", "en": "units differ"},
    "note:id": {"zh": "id", "en": "id"},
    "note:label": {"zh": "名称", "en": "label"},
    "note:unit": {"zh": "单位", "en": "unit"},
    "note:period": {"zh": "时期", "en": "period"},
    "note:previous": {"zh": "上年值", "en": "previous"},
    "note:change": {"zh": "同比", "en": "stated change"},
    "points": {"zh": "个百分点", "en": " pp"},
    "was": {"zh": "原值", "en": "was"},
    "by:id": {"zh": "按 id 对应", "en": "matched by id"},
    "by:heading": {"zh": "按小标题相似对应", "en": "matched by heading"},
    "by:text": {"zh": "按正文相似对应", "en": "matched by text"},
}


def labels() -> dict[str, str]:
    return localised(LABELS)


def summary(diff: DocumentDiff) -> str:
    """The one line every output ends with."""
    old, new = diff.old_name, diff.new_name
    zh = language() == "zh"
    if diff.identical:
        return f"{old} 与 {new} 内容相同" if zh else f"no differences between {old} and {new}"
    counts = diff.counts()
    counts["restyled"] = sum(1 for m in diff.items.matched if m.restyled)
    words_zh = {
        "added": "新增 {} 项",
        "removed": "删除 {} 项",
        "moved": "移动 {} 项",
        "reworded": "改写 {} 项",
        "relinked": "关联变化 {} 项",
        "restyled": "版式变化 {} 项",
        "texts": "其他文字改动 {} 处",
        "figures": "指标变化 {} 项",
    }
    words_en = {
        "added": "{} added",
        "removed": "{} removed",
        "moved": "{} moved",
        "reworded": "{} reworded",
        "relinked": "{} with changed links",
        "restyled": "{} with changed layout",
        "texts": "{} other text changes",
        "figures": "{} figures changed",
    }
    table = words_zh if zh else words_en
    parts = [table[k].format(n) for k, n in counts.items() if n]
    return f"{old} → {new}：{'，'.join(parts)}" if zh else f"{old} → {new}: {', '.join(parts)}"


def number(value: Decimal | None, *, signed: bool = False) -> str:
    """A Decimal as a person writes it: 3.1407, 124300, +380, −0.5."""
    if value is None:
        return ""
    text = format(value, "f")  # no context arithmetic: 40 digits stay exact, never raise
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if signed and value > 0:
        return f"+{text}"
    return text


def _item(view: ItemView) -> dict[str, Any]:
    return {"place": view.place, "heading": view.heading, "id": view.id or ""}


def _matched(m: MatchedItem, context: int | None) -> dict[str, Any]:
    return {
        **_item(m.b),
        "old_place": m.a.place,
        "old_heading": m.a.heading,
        "matched_by": m.matched_by,
        "confidence": m.score,
        # how it was paired, with the confidence of a pairing by meaning
        "matched_note": ""
        if m.matched_by == "id"
        else message(
            "diff_paired_by_meaning", how=labels()["by:" + m.matched_by], score=f"{m.score:.2f}"
        ),
        "heading_segments": segments(m.heading_ops, context) if m.reworded else [],
        "body_segments": segments(m.body_ops, context) if m.reworded else [],
        "old_links": list(m.a.references),
        "new_links": list(m.b.references),
        "old_layout": m.a.layout,
        "new_layout": m.b.layout,
    }


def _figure(row: FigureRow) -> dict[str, Any]:
    percent = "" if row.percent is None else f"{number(row.percent, signed=True)}%"
    shown = row.changed and row.change is not None
    return {
        "id": row.id,
        "label": row.label,
        "status": row.status,
        # In the row's unit: last year's 31407万元 shows as 3.1407 in a row of 亿元.
        "old": number(row.old_converted)
        if row.old_converted is not None
        else number(row.old) + (row.old_unit if row.old_unit != row.unit else ""),
        "new": number(row.new),
        "unit": row.unit,
        "old_converted": number(row.old_converted),
        "change": number(row.change, signed=True)
        + ((labels()["points"] if row.unit == "%" else row.unit) if row.change else "")
        if shown
        else "",
        "percent": percent if shown else "",
        "notes": _notes(row),
        "changed": row.changed,
    }


def _notes(row: FigureRow) -> list[str]:
    t = labels()
    notes = [f"{t['note:' + name]} {old} → {new}" for name, old, new in row.notes]
    if row.old_converted is not None and row.old_unit != row.new_unit:
        was = f"{number(row.old)}{row.old_unit}"
        notes = [f"{n}（{t['was']} {was}）" if n.startswith(t["note:unit"]) else n for n in notes]
    if row.status in ("added", "removed", "incomparable"):
        notes.insert(0, t["status:" + row.status])
    return notes


def view(diff: DocumentDiff, context: int | None = 12) -> dict[str, Any]:
    """Everything the templates and the terminal show, as plain formatted values."""
    items = diff.items
    return {
        "old": diff.old_name,
        "new": diff.new_name,
        "old_short": Path(diff.old_name).name,
        "new_short": Path(diff.new_name).name,
        "identical": diff.identical,
        "summary": summary(diff),
        "added": [_item(v) for v in items.added],
        "removed": [_item(v) for v in items.removed],
        "moved": [_matched(m, context) for m in items.moved],
        "reworded": [_matched(m, context) for m in items.reworded],
        "relinked": [_matched(m, context) for m in items.matched if m.relinked],
        "restyled": [_matched(m, context) for m in items.matched if m.restyled],
        "texts": [
            {
                "field": t.field,
                "label": t.label or labels()["field:" + t.field.split("/")[0]],
                "segments": segments(t.ops, context),
            }
            for t in diff.texts
        ],
        "figures": [_figure(row) for row in diff.figures],
        "figures_changed": bool(diff.changed_figures),
    }


def render_text(
    diff: DocumentDiff,
    fmt: str,
    *,
    templates: Templates,
    context: int | None = 12,
) -> str:
    """The diff in one of :data:`TEXT_FORMATS`."""
    if fmt == "json":
        return json.dumps(to_json(diff), ensure_ascii=False, indent=2) + "\n"
    data = view(diff, context)
    if diff.identical:
        return f"{data['summary']}\n"
    return templates.render(f"diff.{fmt}.j2", diff=data, t=labels())


# ── json ──────────────────────────────────────────────────────────────────────────────────


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _json_ops(ops: list[Op]) -> list[dict[str, str]]:
    out = []
    for op in ops:
        entry = {"op": op.kind}
        if op.kind != "insert":
            entry["old"] = op.a
        if op.kind != "delete":
            entry["new"] = op.b
        out.append(entry)
    return out


def _json_item(view: ItemView) -> dict[str, Any]:
    return {
        "section": view.section,
        "number": view.number,
        "place": view.place,
        "id": view.id,
        "heading": view.heading,
        "text": view.body,
        "links": list(view.references),
    }


def to_json(diff: DocumentDiff) -> dict[str, Any]:
    items = diff.items
    return {
        "old": diff.old_name,
        "new": diff.new_name,
        "identical": diff.identical,
        "counts": diff.counts(),
        "summary": summary(diff),
        "added": [_json_item(v) for v in items.added],
        "removed": [_json_item(v) for v in items.removed],
        "matched": [
            {
                "old": _json_item(m.a),
                "new": _json_item(m.b),
                "matched_by": m.matched_by,
                "similarity": m.score,
                "moved": m.moved,
                "reworded": m.reworded,
                "relinked": m.relinked,
                "restyled": m.restyled,
                "heading_diff": _json_ops(m.heading_ops) if m.reworded else [],
                "text_diff": _json_ops(m.body_ops) if m.reworded else [],
            }
            for m in items.matched
        ],
        "texts": [
            {"field": t.field, "old": t.old, "new": t.new, "diff": _json_ops(t.ops)}
            for t in diff.texts
        ],
        "figures": [
            {
                "id": row.id,
                "label": row.label,
                "status": row.status,
                "old": _json_number(row.old),
                "old_unit": row.old_unit,
                "new": _json_number(row.new),
                "new_unit": row.new_unit,
                "old_in_new_unit": _json_number(row.old_converted),
                "change": _json_number(row.change),
                "change_unit": row.change_unit if row.change is not None else "",
                "percent": _json_number(row.percent),
                "old_period": row.old_period,
                "new_period": row.new_period,
                "notes": [{"field": name, "old": old, "new": new} for name, old, new in row.notes],
            }
            for row in diff.figures
        ],
    }

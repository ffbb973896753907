"""JSON Schema of the review and plan files, for editors (YAML language server, VS Code, JetBrains).

Generated from the pydantic model, so it cannot drift from what ``reportgen check`` accepts;
a copy is committed in ``schema/`` (the data files point at it in their first line) and a test
fails when that copy is stale. Written as draft-07, which every YAML editor plugin reads.
"""

from __future__ import annotations

import json
from typing import Any

from reportgen.model.report import Plan, Review

KINDS = {"review": Review, "plan": Plan}
DRAFT = "http://json-schema.org/draft-07/schema#"
_TITLES = {
    "review": (
        "reportgen review (年度工作总结)",
        "A year's review: data/YEAR.yaml. Build it with `reportgen build YEAR`.",
    ),
    "plan": (
        "reportgen plan (下一年工作思路)",
        "A year's plan: data/YEAR_plan.yaml, merged into the previous year's review.",
    ),
}
# Python's \w takes Chinese characters; an editor's JavaScript \w does not.
_ID_PATTERN = "^[0-9A-Za-z_\u00c0-\u024f\u3400-\u9fff\uf900-\ufaff-]+$"
_POINT_TEXT = {
    "type": "string",
    "minLength": 1,
    "description": "a point without a lead phrase, as plain text",
}


def json_schema(kind: str) -> dict[str, Any]:
    model = KINDS[kind]
    schema = model.model_json_schema(mode="validation", ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    title, description = _TITLES[kind]
    out: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": f"https://reportgen.invalid/schema/{kind}.schema.json",
        "title": title,
        "description": description,
    }
    out.update({k: v for k, v in schema.items() if k not in ("title", "description")})
    out["definitions"] = definitions
    return _adjust(out)


def _adjust(node: Any) -> Any:
    if isinstance(node, dict):
        if node.get("$ref") == "#/definitions/Point":
            return {"anyOf": [dict(_POINT_TEXT), {"$ref": "#/definitions/Point"}]}
        out = {key: _adjust(value) for key, value in node.items()}
        if out.get("pattern") == r"^[\w-]+$":
            out["pattern"] = _ID_PATTERN
        return out
    if isinstance(node, list):
        return [_adjust(child) for child in node]
    return node


def schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"

"""The JSON Schema editors read: generated from the model, committed in schema/, never stale."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from reportgen.model.schema import KINDS, json_schema, schema_text

REPO = Path(__file__).resolve().parents[2]
jsonschema = pytest.importorskip("jsonschema")


@pytest.mark.parametrize("kind", KINDS)
def test_committed_copy_is_current(kind: str) -> None:
    committed = (REPO / "schema" / f"{kind}.schema.json").read_text("utf-8")
    target = f"schema/{kind}.schema.json"
    assert committed == schema_text(kind), (
        f"{target} is stale: run `reportgen schema {kind} > {target}`"
    )


@pytest.mark.parametrize(("name", "kind"), [("2022.yaml", "review"), ("2023_plan.yaml", "plan")])
def test_data_files_point_editors_at_the_schema(name: str, kind: str) -> None:
    first = (REPO / "data" / name).read_text("utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schema/{kind}.schema.json"
    assert (
        REPO / "data" / first.split("=", 1)[1]
    ).resolve() == REPO / "schema" / f"{kind}.schema.json"


@pytest.mark.parametrize(("name", "kind"), [("2022.yaml", "review"), ("2023_plan.yaml", "plan")])
def test_bundled_data_is_valid_against_the_schema(name: str, kind: str) -> None:
    data = yaml.safe_load((REPO / "data" / name).read_text("utf-8"))
    validator = jsonschema.Draft7Validator(
        json_schema(kind), format_checker=jsonschema.FormatChecker()
    )
    assert list(validator.iter_errors(data)) == []


def _errors(kind: str, data: object) -> list[str]:
    validator = jsonschema.Draft7Validator(json_schema(kind))
    return sorted("/".join(map(str, e.absolute_path)) for e in validator.iter_errors(data))


def test_schema_flags_what_check_flags() -> None:
    good = {"organisation": "城南街道", "year": 2022}
    assert _errors("review", good) == []
    assert _errors("review", {**good, "shortcommings": []}) == [""]  # unknown key
    assert _errors("review", {"organisation": "城南街道"}) == [""]  # missing year
    assert _errors("review", {**good, "year": "二〇二二"}) == ["year"]
    point_as_text = {
        "heading": "社会发展开拓新局面",
        "points": ["完成任务。", {"lead": "稳进提质", "text": "增长。"}],
    }
    assert _errors("review", {**good, "highlights": [point_as_text]}) == []
    assert _errors("review", {**good, "highlights": [{"points": []}]}) == ["highlights/0"]
    assert _errors("review", {**good, "highlights": [{"heading": "x", "id": "中文-id_1"}]}) == []
    assert _errors("review", {**good, "highlights": [{"heading": "x", "id": "a b"}]}) == [
        "highlights/0/id"
    ]
    assert (
        _errors(
            "plan", {**good, "kind": "plan", "priorities": [{"heading": "x", "answers": ["a"]}]}
        )
        == []
    )
    assert _errors("plan", {**good, "highlights": []}) == [""]


def test_schema_is_draft_07_with_descriptions() -> None:
    schema = json.loads(schema_text("review"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(schema)
    assert "小标题" in schema["definitions"]["Highlight"]["properties"]["heading"]["description"]


def test_schema_knows_titles_parts_and_subpoints() -> None:
    good = {"organisation": "城南街道", "year": 2022}
    data = yaml.safe_load(
        (REPO / "tests" / "fixtures" / "parts" / "data" / "2024.yaml").read_text("utf-8")
    )
    assert _errors("review", data) == []
    assert _errors("review", {**good, "titles": {"highlight": "主要工作"}}) == ["titles"]
    assert _errors("review", {**good, "titles": {"highlights": ""}}) == ["titles/highlights"]
    assert _errors("plan", {**good, "titles": {"priorities": "下一步打算"}}) == []
    assert _errors("review", {**good, "parts": [{"title": "x", "after": "priorities"}]}) == [
        "parts/0/after"
    ]
    assert _errors("plan", {**good, "parts": [{"title": "x", "after": "priorities"}]}) == []
    assert _errors("review", {**good, "parts": [{"after": "opening"}]}) == ["parts/0"]
    assert _errors(
        "review", {**good, "parts": [{"title": "x", "items": [{"heading": "y", "reports_on": []}]}]}
    ) == ["parts/0/items/0"]
    point = {"text": "两件事：", "subpoints": ["甲。", "乙。"]}
    assert _errors("review", {**good, "highlights": [{"heading": "x", "points": [point]}]}) == []
    point = {"text": "两件事：", "subpoints": [1]}
    assert _errors("review", {**good, "highlights": [{"heading": "x", "points": [point]}]}) == [
        "highlights/0/points/0"
    ]

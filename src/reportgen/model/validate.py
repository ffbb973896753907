"""YAML file → typed model, with every problem located at its line and column.

pydantic reports *all* errors of a file at once; each is mapped back to the YAML node it
concerns and worded from ``messages.yaml``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from reportgen.errors import InvalidInput, Location, Problem
from reportgen.model.keys import inner_model
from reportgen.model.loader import Loaded, PathKey, format_path, load_yaml
from reportgen.model.report import (
    PLAN_SECTIONS,
    REVIEW_SECTIONS,
    Metric,
    Plan,
    Review,
    _Document,
)
from reportgen.model.sourcemap import SourceMap
from reportgen.settings.messages import describe_value, has_message, message
from reportgen.text.references import METRIC_FIELDS, METRIC_REF

DocumentT = TypeVar("DocumentT", Review, Plan)


def detect_kind(loaded: Loaded, path: Path | None = None) -> str:
    """``review`` or ``plan``: from the file's ``kind`` key, else its name (``2023_plan.yaml``)."""
    value = loaded.value
    if isinstance(value, dict) and value.get("kind") in ("review", "plan"):
        return str(value["kind"])
    name = (path.stem if path else Path(loaded.file).stem).lower()
    if name.endswith("plan") or (
        isinstance(value, dict) and any(kind in value for kind in PLAN_SECTIONS)
    ):
        return "plan"
    return "review"


def load_document(path: Path, kind: str | None = None) -> Review | Plan:
    """Load a review or plan file; raise :class:`InvalidInput` listing every problem."""
    loaded = load_yaml(path)
    return validate_loaded(loaded, kind or detect_kind(loaded, path))


def load_review(path: Path) -> Review:
    result = load_document(path, "review")
    assert isinstance(result, Review)
    return result


def load_plan(path: Path) -> Plan:
    result = load_document(path, "plan")
    assert isinstance(result, Plan)
    return result


def validate_loaded(loaded: Loaded, kind: str) -> Review | Plan:
    model: type[Review] | type[Plan] = Plan if kind == "plan" else Review
    document, problems = validate_schema(loaded, model)
    if document is None:
        raise InvalidInput(problems)
    return checked_references(loaded, document)


def checked_references(loaded: Loaded, document: DocumentT) -> DocumentT:
    """``document`` if its metric references resolve and its ids are unique; else raise
    :class:`InvalidInput` listing every problem."""
    problems = list(reference_problems(loaded, document.kind))
    if problems:
        raise InvalidInput(problems)
    return document


def validate_schema(
    loaded: Loaded, model: type[DocumentT]
) -> tuple[DocumentT | None, list[Problem]]:
    """The document ``loaded`` holds as a ``model``, or None and every schema problem."""
    value = loaded.value
    if not isinstance(value, dict):
        problem = Problem(loaded.locate(()), message("not_a_mapping", input=describe_value(value)))
        return None, [problem]
    declared = value.get("kind")
    expected = model.model_fields["kind"].default
    if declared in ("review", "plan") and declared != expected:
        problem = Problem(
            loaded.locate(("kind",)),
            message("wrong_kind", input=declared, expected=expected),
            path="kind",
            hint="build takes data/YEAR.yaml as the review and data/YEAR+1_plan.yaml as the plan",
        )
        return None, [problem]
    try:
        return model.model_validate(value), []
    except ValidationError as exc:
        return None, located_problems(loaded, model, exc)


def located_problems(loaded: Loaded, model: type[BaseModel], exc: ValidationError) -> list[Problem]:
    """Every error of validating ``loaded`` as ``model``, located at its line and column and
    worded from messages.yaml (a misspelt key with the key it likely is), in file order."""
    by_path: dict[tuple[str, str], Problem] = {}
    for error in exc.errors():
        problem = _problem(loaded, model, error)
        # A union (int | float) fails once per member: the last member's words are the
        # most general ("expected a number"), so keep one problem per path and kind.
        by_path[(problem.path, "missing" if error["type"] == "missing" else "value")] = problem
    return sorted(by_path.values(), key=lambda p: (p.location.line or 0, p.location.column or 0))


def _data_path(value: Any, loc: tuple[Any, ...]) -> PathKey:
    """pydantic's ``loc`` holds union members and validator names; keep what is in the data."""
    out: list[str | int] = []
    node = value
    for part in loc:
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            out.append(part)
            node = node[part]
        elif (
            isinstance(node, dict)
            and isinstance(part, str)
            and part not in node
            and part == loc[-1]
        ):
            out.append(part)  # a missing key: point at its parent, name the key
    return tuple(out)


def _problem(loaded: Loaded, model: type[BaseModel], error: dict[str, Any]) -> Problem:
    path = _data_path(loaded.value, error["loc"])
    kind = error["type"]
    text, hint = describe_error(error, model, path)
    if kind == "extra_forbidden":
        location = loaded.locate(path, key=True)
    elif kind == "missing" or not _exists(loaded.value, path):
        location = loaded.locate(path[:-1])
    else:
        location = loaded.locate(path)
    return Problem(location, text, path=format_path(path), hint=hint)


def describe_error(error: Any, model: type[BaseModel], path: PathKey) -> tuple[str, str]:
    """A pydantic error at ``path`` in the data of ``model``, as a message and a hint worded
    from messages.yaml (pydantic's own words for an error it does not know): an unknown key
    with the declared key it is likely a misspelling of, a missing key with where to add it."""
    kind = error["type"]
    field = str(path[-1]) if path else ""
    if kind == "extra_forbidden":
        suggestion = _suggest_key(model, path)
        suggest = message("suggest", expected=suggestion) if suggestion else ""
        hint = (
            message("hint_rename_key", expected=suggestion)
            if suggestion
            else message("hint_remove_key")
        )
        return message(kind, field=field, suggest=suggest), hint
    if kind == "missing":
        return message(kind, field=field), message("hint_add_key", field=field)
    if not has_message(kind):
        return error["msg"], ""
    ctx = error.get("ctx") or {}
    text = message(
        kind,
        field=field,
        input=describe_value(error.get("input")),
        expected=ctx.get("expected", ""),
    )
    return text, _literal_hint(kind, error.get("input"), str(ctx.get("expected", "")))


def _literal_hint(kind: str, found: Any, expected: str) -> str:
    """For a value that must be one of a few words (a layout, a kind), the one it is likely a
    misspelling of."""
    if kind != "literal_error" or not isinstance(found, str):
        return ""
    choices = re.findall(r"'([^']*)'", expected)
    close = difflib.get_close_matches(found, choices, n=1, cutoff=0.6)
    return message("hint_did_you_mean", expected=close[0]) if close else ""


def _exists(value: Any, path: PathKey) -> bool:
    node = value
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return False
    return True


def _suggest_key(model: type[BaseModel], path: PathKey) -> str | None:
    """The declared key closest to a misspelt one (``shortcommings`` → ``shortcomings``)."""
    target = _model_at(model, path[:-1])
    if target is None:
        return None
    choices = list(target.model_fields)
    matches = difflib.get_close_matches(str(path[-1]), choices, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _model_at(model: type[BaseModel], path: PathKey) -> type[BaseModel] | None:
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def text_fields(document: _Document) -> Iterator[tuple[PathKey, str]]:
    """Every text of a document with its YAML path, in reading order."""

    def walk(node: Any, path: PathKey) -> Iterator[tuple[PathKey, str]]:
        if isinstance(node, str):
            yield path, node
        elif isinstance(node, BaseModel):
            for name in type(node).model_fields:
                if name in (
                    "id",
                    "kind",
                    "reports_on",
                    "answers",
                    "layout",
                    "unit",
                    "metrics",
                    "after",
                ):
                    continue
                yield from walk(getattr(node, name), (*path, name))
        elif isinstance(node, list):
            for i, child in enumerate(node):
                yield from walk(child, (*path, i))

    yield from walk(document, ())


# Keys whose strings are not text a reader sees: no reference is filled in them.
_NOT_TEXT = frozenset(
    ("id", "kind", "reports_on", "answers", "layout", "unit", "year", "value", "previous", "after")
)


def reference_problems(loaded: Loaded, kind: str) -> Iterator[Problem]:
    """Metric references to undefined ids or fields, and duplicate ids: the one reference
    checker that build, check and diff share. It reads the file as written (so it reports
    even when the file has schema errors) and points at the ``{{`` of each reference."""
    value = loaded.value if isinstance(loaded.value, dict) else {}
    entries = value.get("metrics")
    entries = entries if isinstance(entries, list) else []
    defined = {e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)}
    metrics = dict(_valid_metrics(entries))
    source: SourceMap | None = None
    for path, text in _raw_texts(value, ()):
        for match in METRIC_REF.finditer(text):
            metric_id, field_name = match["id"], match["field"]
            if metric_id not in defined:
                # The map of the source is made for a problem only: a file whose references
                # all resolve is not composed again (~1 ms of a build).
                source = source or SourceMap.of(loaded)
                where = _located(loaded, source, path, text, match.start())
                close = difflib.get_close_matches(metric_id, sorted(defined), n=1, cutoff=0.6)
                yield Problem(
                    where,
                    message("undefined_metric", field=metric_id),
                    path=format_path(path),
                    hint=message("undefined_metric_close", field=metric_id, expected=close[0])
                    if close
                    else message("undefined_metric_hint", field=metric_id),
                )
            elif (
                metric_id in metrics
                and field_name
                and metric_field_missing(metrics[metric_id], field_name)
            ):
                source = source or SourceMap.of(loaded)
                yield Problem(
                    _located(loaded, source, path, text, match.start()),
                    message("metric_field", field=metric_id, expected=field_name),
                    path=format_path(path),
                )
    yield from _duplicate_ids(loaded, value, entries, kind)


def _valid_metrics(entries: list[Any]) -> Iterator[tuple[str, Metric]]:
    for entry in entries:
        try:
            metric = Metric.model_validate(entry)
        except ValidationError:
            continue  # the schema reports it
        yield metric.id, metric


def _raw_texts(node: Any, path: PathKey) -> Iterator[tuple[PathKey, str]]:
    """Every string of the file as written, with its path, in reading order."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, child in node.items():
            if key not in _NOT_TEXT:
                yield from _raw_texts(child, (*path, key))
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield from _raw_texts(child, (*path, i))


def _located(loaded: Loaded, source: SourceMap, path: PathKey, text: str, offset: int) -> Location:
    index = source.index(path, text, offset)
    if index is None:
        return loaded.locate(path)
    line, column = source.position(index)
    return Location(loaded.file, line, column)


def metric_field_missing(metric: Any, field_name: str) -> bool:
    """Whether ``{{id.field_name}}`` has nothing to stand for in ``metric``."""
    if field_name not in METRIC_FIELDS:
        return True
    if field_name == "change":
        return metric.change is None and not metric.previous
    return field_name in ("previous", "period") and getattr(metric, field_name) is None


def _duplicate_ids(
    loaded: Loaded, value: dict[str, Any], entries: list[Any], kind: str
) -> Iterator[Problem]:
    """Ids must be unique: metrics among metrics, items across all sections of a file."""
    metric_ids = [
        (("metrics", i, "id"), m.get("id")) for i, m in enumerate(entries) if isinstance(m, dict)
    ]
    item_ids: list[tuple[PathKey, object]] = []
    for section in PLAN_SECTIONS if kind == "plan" else REVIEW_SECTIONS:
        items = value.get(section)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and item.get("id") is not None:
                item_ids.append(((section, i, "id"), item["id"]))
    parts = value.get("parts")
    part_ids: list[tuple[PathKey, object]] = []
    for p, part in enumerate(parts if isinstance(parts, list) else []):
        if not isinstance(part, dict):
            continue
        if part.get("id") is not None:
            part_ids.append((("parts", p, "id"), part["id"]))
        items = part.get("items")
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and item.get("id") is not None:
                item_ids.append((("parts", p, "items", i, "id"), item["id"]))
    yield from duplicate_id_problems(loaded, (metric_ids, item_ids, part_ids))


def duplicate_id_problems(
    loaded: Loaded, groups: Iterable[Iterable[tuple[PathKey, object]]]
) -> Iterator[Problem]:
    """Each id that repeats within a group of (path, id), at the repeat, naming the first's line.
    What is not a string is no id (the schema reports it)."""
    for group in groups:
        first: dict[str, PathKey] = {}
        for path, ident in group:
            if not isinstance(ident, str):
                continue
            if ident in first:
                line = loaded.locate(first[ident]).line
                yield Problem(
                    loaded.locate(path),
                    message("duplicate_id", field=ident, expected=line),
                    path=format_path(path),
                )
            else:
                first[ident] = path

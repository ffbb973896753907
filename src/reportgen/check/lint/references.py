"""References that must resolve: ``{{metric}}`` in the text, and ids that must be unique.

These are schema errors (rule ``schema``), not lint findings: a build cannot fill an undefined
reference. They are found on the :class:`View`, so they are reported even when the file has
other schema errors, and each points at the ``{{`` of the reference itself.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.check.lint.view import SECTIONS, View, metric_refs
from reportgen.errors import Problem
from reportgen.model.loader import PathKey
from reportgen.model.validate import duplicate_id_problems, metric_field_missing
from reportgen.settings.messages import message


def reference_problems(view: View) -> Iterator[Problem]:
    metrics = view.metric_table()
    defined = {str(m.raw.get("id")) for m in view.metrics if isinstance(m.raw.get("id"), str)}
    for passage in view.passages:
        for offset, metric_id, field_name in metric_refs(passage):
            where = view.locate_raw(passage, offset)
            if metric_id not in defined:
                yield Problem(
                    where,
                    message("undefined_metric", field=metric_id),
                    path=passage.where,
                    hint=message("undefined_metric_hint", field=metric_id),
                )
            elif (
                metric_id in metrics
                and field_name
                and metric_field_missing(metrics[metric_id], field_name)
            ):
                yield Problem(
                    where,
                    message("metric_field", field=metric_id, expected=field_name),
                    path=passage.where,
                )
    yield from _duplicate_ids(view)


def _duplicate_ids(view: View) -> Iterator[Problem]:
    value = view.loaded.value if isinstance(view.loaded.value, dict) else {}
    metric_ids = [((*m.path, "id"), m.raw.get("id")) for m in view.metrics]
    item_ids: list[tuple[PathKey, object]] = []
    for section in SECTIONS.get(view.kind, ()):
        items = value.get(section)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and item.get("id") is not None:
                item_ids.append(((section, i, "id"), item["id"]))
    yield from duplicate_id_problems(view.loaded, (metric_ids, item_ids))

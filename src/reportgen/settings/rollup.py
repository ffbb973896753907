"""The district's mapping of metrics, as data: ``rollup.yaml``.

Offices name the same figure differently (``规上工业总产值`` / ``规模以上工业总产值``, or ids of
their own). The district office lists each figure once, with its canonical id, its label, the
unit the district counts it in, and the other names (ids or labels) offices use for it::

    metrics:
      - id: industrial_output
        label: 规上工业总产值
        unit: 亿元
        aliases: [规模以上工业总产值, gyzcz]

The file is checked like a report: every problem at its line and column, a misspelt key with
the key it likely is, a unit the units table does not know with the unit it likely is.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reportgen.errors import InvalidInput, Problem
from reportgen.model.loader import Loaded, format_path, load_yaml
from reportgen.model.report import Id, Line, Plain
from reportgen.model.validate import duplicate_id_problems, located_problems
from reportgen.settings.messages import message
from reportgen.settings.units import UnitTable

MAPPING_FILE = "rollup.yaml"
_SPACE = re.compile(r"\s+")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MappedMetric(_Strict):
    """One figure as the district counts it."""

    id: Id
    label: Line
    unit: Plain = ""
    aliases: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)


class MappingFile(_Strict):
    metrics: Annotated[list[MappedMetric], Field(min_length=1)]


def name_key(name: str) -> str:
    """How names are compared: without spaces (a label wrapped in YAML keeps none)."""
    return _SPACE.sub("", name)


@dataclass(frozen=True)
class Mapping:
    """The district's figures, in the order of the file, and every name that leads to one."""

    metrics: tuple[MappedMetric, ...]
    names: dict[str, str]  # name_key(id, label or alias) → canonical id

    def find(self, metric_id: str, label: str) -> str | None:
        """The canonical id of an office's figure: by its id, else by its label."""
        return self.names.get(name_key(metric_id)) or self.names.get(name_key(label))


def load_mapping(path: Path, units: UnitTable) -> Mapping:
    """Read and check ``rollup.yaml``; raise :class:`InvalidInput` with every problem."""
    loaded = load_yaml(path)
    if not isinstance(loaded.value, dict):
        raise InvalidInput([Problem(loaded.locate(()), message("rollup_mapping_not_mapping"))])
    try:
        parsed = MappingFile.model_validate(loaded.value)
    except ValidationError as exc:
        raise InvalidInput(located_problems(loaded, MappingFile, exc)) from None
    problems = list(_name_problems(loaded, parsed))
    problems += _unit_problems(loaded, parsed, units)
    if problems:
        raise InvalidInput(sorted(problems, key=lambda p: (p.location.line or 0, p.path)))
    names: dict[str, str] = {}
    for metric in parsed.metrics:
        for name in (metric.id, metric.label, *metric.aliases):
            names.setdefault(name_key(name), metric.id)
    return Mapping(tuple(parsed.metrics), names)


def _name_problems(loaded: Loaded, parsed: MappingFile) -> list[Problem]:
    """Ids repeated, and a name (label or alias) that two figures both claim."""
    ids = [(("metrics", i, "id"), m.id) for i, m in enumerate(parsed.metrics)]
    problems = list(duplicate_id_problems(loaded, [ids]))
    owner: dict[str, tuple[str, int]] = {}
    for i, metric in enumerate(parsed.metrics):
        names = [(("metrics", i, "id"), metric.id), (("metrics", i, "label"), metric.label)]
        names += [(("metrics", i, "aliases", j), a) for j, a in enumerate(metric.aliases)]
        for where, name in names:
            first = owner.setdefault(name_key(name), (metric.id, i))
            if first[0] != metric.id:
                problems.append(
                    Problem(
                        loaded.locate(where),
                        message("rollup_name_twice", field=name, expected=first[0]),
                        path=format_path(where),
                        rule="rollup",
                        hint=message("rollup_name_twice_hint"),
                    )
                )
    return problems


def _unit_problems(loaded: Loaded, parsed: MappingFile, units: UnitTable) -> list[Problem]:
    """A unit the units table does not know, close to one it does, is most likely a typo (万园);
    one close to none (家) is the district's own, and compares only with itself."""
    problems = []
    for i, metric in enumerate(parsed.metrics):
        if not metric.unit or units.group(metric.unit) is not None:
            continue
        where = ("metrics", i, "unit")
        close = difflib.get_close_matches(metric.unit, list(units.units), n=1, cutoff=0.5)
        if not close:
            continue
        suggest = message("suggest", expected=close[0])
        problems.append(
            Problem(
                loaded.locate(where),
                message("rollup_unknown_unit", input=metric.unit, suggest=suggest),
                path=format_path(where),
                rule="rollup",
                hint=message("rollup_unknown_unit_hint"),
            )
        )
    return problems

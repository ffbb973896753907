"""References across years: a review's ``reports_on`` names priorities of its year's plan
(``2023.yaml`` → ``2023_plan.yaml``, written the year before), a plan's ``answers`` names
shortcomings of the review written with it (``2023_plan.yaml`` → ``2022.yaml``).

Each id that the other file does not have is a finding at the id's own line and column, with
the id it most likely misspells. When the other file is not there (or cannot be read) nothing
is said here: ``track`` notes the missing file. The other file is found beside the checked
one (its path as shown, from the current folder, as ``check`` shows it).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from reportgen.check.lint import rule
from reportgen.check.lint.view import View
from reportgen.errors import Problem
from reportgen.model.loader import Loaded, load_yaml_text, read_text
from reportgen.model.report import SECTION_ITEMS, Priority, Shortcoming
from reportgen.settings.messages import message
from reportgen.settings.rules import Rule

# field → (rule id, kind of the other file, its year relative to this one, class of the items
# it names)
LINKS: dict[str, tuple[str, str, int, type]] = {
    "reports_on": ("ref-reports-on", "plan", 0, Priority),
    "answers": ("ref-answers", "review", -1, Shortcoming),
}


def other_file(path: Path, kind: str, year: int) -> Path:
    return path.parent / (f"{year}_plan.yaml" if kind == "plan" else f"{year}.yaml")


def known_ids(
    path: Path, item: type, read: Mapping[Path, Loaded] | None = None
) -> list[str] | None:
    """The ids of the items of class ``item`` in ``path``; None when it cannot be read.
    ``read``: files already loaded by this check, by resolved path (not read again)."""
    loaded = (read or {}).get(path.resolve())
    if loaded is None:
        try:
            loaded = load_yaml_text(read_text(path), str(path))
        except Exception:
            return None
    value = loaded.value if isinstance(loaded.value, dict) else {}
    ids: list[str] = []
    for section, cls in SECTION_ITEMS.items():
        if not issubclass(cls, item) or not isinstance(value.get(section), list):
            continue
        ids.extend(str(i["id"]) for i in value[section] if isinstance(i, dict) and i.get("id"))
    return ids


def likely_id(wrong: str, ids: list[str]) -> str | None:
    close = difflib.get_close_matches(wrong, ids, n=1, cutoff=0.6)
    return close[0] if close else None


@rule("ref-reports-on")
def reports_on(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    read = _already_read(views)
    for view in views:
        yield from _unknown(view, "reports_on", settings, read)


@rule("ref-answers")
def answers(views: Sequence[View], settings: Rule) -> Iterator[Problem]:
    read = _already_read(views)
    for view in views:
        yield from _unknown(view, "answers", settings, read)


def _already_read(views: Sequence[View]) -> dict[Path, Loaded]:
    """The files this check has loaded (a review and its plan are usually checked together)."""
    return {Path(view.file).resolve(): view.loaded for view in views}


def _names(value: dict[str, Any], field: str) -> bool:
    """Whether any item of the document fills ``field``."""
    for section in SECTION_ITEMS:
        entries = value.get(section)
        if isinstance(entries, list) and any(isinstance(e, dict) and e.get(field) for e in entries):
            return True
    return False


def _unknown(
    view: View, field: str, settings: Rule, read: Mapping[Path, Loaded]
) -> Iterator[Problem]:
    """The ids ``view``'s items name in ``field`` that the other year's file does not have."""
    loaded: Loaded = view.loaded
    value = loaded.value if isinstance(loaded.value, dict) else {}
    year = value.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not _names(value, field):
        return  # nothing to look up: the other file is not read
    _, other_kind, offset, item = LINKS[field]
    other = other_file(Path(view.file), other_kind, year + offset)
    if not other.is_file():
        return
    ids = known_ids(other, item, read)
    if ids is None:
        return
    for section in SECTION_ITEMS:
        entries = value.get(section)
        for i, entry in enumerate(entries if isinstance(entries, list) else []):
            refs = entry.get(field) if isinstance(entry, dict) else None
            for k, ref in enumerate(refs if isinstance(refs, list) else []):
                if not isinstance(ref, str) or ref in ids:
                    continue
                likely = likely_id(ref, ids)
                yield settings.problem(
                    loaded.locate((section, i, field, k)),
                    f"{section}[{i}].{field}[{k}]",
                    id=ref,
                    other=other.name,
                    suggest=message("suggest", expected=likely) if likely else "",
                )

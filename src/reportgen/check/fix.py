"""``reportgen check --fix``: rewrite half-width punctuation in the YAML files themselves.

Only what the build would change anyway is rewritten (:func:`text.normalise_punctuation`:
``,`` → ``，`` next to Chinese, and the spaces it drops), so the document is the same before
and after; the YAML file gets it right for the next reader and the next tool.

The file is edited character by character at the places the source map gives, never
re-serialised, so comments, quotes, indentation, line wrapping and line endings stay as they
were. Every edit is proved before it is written: the new text is loaded again and each value
must be the expected one, reading the same in the document; an edit that cannot be proved is
left out and reported. The original is kept as ``FILE.bak``; both are written atomically.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.check.lint.view import build_view
from reportgen.errors import Location, Problem, UserError, display_path
from reportgen.files.guard import rewrite_source
from reportgen.files.read import read_regular
from reportgen.model.loader import Loaded, PathKey, decode, format_path, load_yaml_text
from reportgen.model.sourcemap import SourceMap
from reportgen.model.validate import detect_kind
from reportgen.settings.messages import message
from reportgen.settings.rules import Rule
from reportgen.text.cleaning import clean_text
from reportgen.text.punctuation import HALF_TO_FULL, normalise_punctuation

BOM = b"\xef\xbb\xbf"
Edit = tuple[int, str]  # source index, replacement ("" deletes the character)


@dataclass
class Change:
    location: Location
    old: str
    new: str


@dataclass
class FixResult:
    path: Path
    shown: str
    changes: list[Change] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    diff: list[str] = field(default_factory=list)
    new_text: str | None = None

    @property
    def backup(self) -> Path:
        return self.path.with_name(self.path.name + ".bak")

    @property
    def backup_shown(self) -> str:
        return display_path(self.backup)


def fix_text(text: str, shown: str, kind: str | None = None) -> FixResult:
    """Work out the rewrite of one file's text; nothing is written."""
    result = FixResult(Path(shown), shown)
    try:
        loaded = load_yaml_text(text, shown)
    except UserError:
        return result  # `check` reports why the file cannot be read
    view = build_view(loaded, kind or detect_kind(loaded, Path(shown)))
    source = SourceMap.of(loaded)
    planned: dict[PathKey, tuple[str, list[Edit]]] = {}
    for passage in view.passages:
        fixed = normalise_punctuation(passage.raw)
        if fixed == passage.raw or passage.path in planned:
            continue
        edits = _edits(source, passage.path, passage.raw, fixed)
        if edits is None:
            result.skipped.append(_skipped(view.locate_raw(passage, 0), passage.where))
        else:
            planned[passage.path] = (fixed, edits)
    while planned:
        new_text = _apply(text, [e for _, edits in planned.values() for e in edits])
        wrong = list(_unproved(loaded, new_text, shown, {p: f for p, (f, _) in planned.items()}))
        if not wrong:
            result.new_text = new_text
            result.changes = [
                Change(Location(shown, *source.position(index)), text[index], new)
                for _, edits in planned.values()
                for index, new in sorted(edits)
                if new
            ]
            result.changes.sort(key=lambda c: (c.location.line or 0, c.location.column or 0))
            result.diff = list(
                difflib.unified_diff(
                    text.splitlines(),
                    new_text.splitlines(),
                    shown,
                    f"{shown} (fixed)",
                    n=0,
                    lineterm="",
                )
            )
            break
        culprits = [path for path in wrong if path in planned] or list(planned)
        for path in culprits:
            planned.pop(path)
            result.skipped.append(_skipped(loaded.locate(path), format_path(path)))
    return result


def _skipped(location: Location, path: str) -> Problem:
    return Problem(
        location, message("fix_skipped"), path=path, rule="punct-width", severity="warning"
    )


def _edits(source: SourceMap, path: PathKey, raw: str, fixed: str) -> list[Edit] | None:
    """Source edits turning ``raw`` into ``fixed``: marks replaced, same-line spaces removed."""
    ops = _ops(raw, fixed)
    if ops is None:
        return None
    edits: list[Edit] = []
    for offset, new in ops:
        index = source.index(path, raw, offset)
        if index is None or source.text[index] != raw[offset]:
            return None  # written as an escape, or not where we think: leave it to the author
        if not new and raw[offset] not in " \t":
            return None  # a line break folded into a space: removing it would join lines
        edits.append((index, new))
    return edits


def _ops(raw: str, fixed: str) -> list[tuple[int, str]] | None:
    out: list[tuple[int, str]] = []
    j = 0
    for i, char in enumerate(raw):
        if j < len(fixed) and char == fixed[j]:
            j += 1
        elif j < len(fixed) and HALF_TO_FULL.get(char) == fixed[j]:
            out.append((i, fixed[j]))
            j += 1
        elif char.isspace():
            out.append((i, ""))
        else:
            return None
    return out if j == len(fixed) else None


def _apply(text: str, edits: list[Edit]) -> str:
    chars = list(text)
    for index, new in sorted(edits, reverse=True):
        chars[index] = new
    return "".join(chars)


def _unproved(
    loaded: Loaded, new_text: str, shown: str, fixed: dict[PathKey, str]
) -> Iterator[PathKey]:
    """Paths whose new value is not the one planned (all of them if the text no longer loads)."""
    try:
        reloaded = load_yaml_text(new_text, shown)
    except UserError:
        yield from fixed
        return
    for path, old, new in _pairs(loaded.value, reloaded.value, ()):
        if path in fixed:
            same_reading = normalise_punctuation(clean_text(new)) == normalise_punctuation(
                clean_text(old)
            )
            if new != fixed[path] or not same_reading:
                yield path
        elif old != new:
            yield path


def _pairs(old: Any, new: Any, path: PathKey) -> Iterator[tuple[PathKey, Any, Any]]:
    if isinstance(old, dict) and isinstance(new, dict) and list(old) == list(new):
        for key in old:
            yield from _pairs(old[key], new[key], (*path, key))
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            yield from _pairs(a, b, (*path, i))
    else:
        yield path, old, new


def fix_files(paths: Sequence[Path], rules: Mapping[str, Rule]) -> list[FixResult]:
    """Rewrite each file's half-width punctuation in place, keeping ``FILE.bak``; nothing
    when the project turned the ``punct-width`` rule off."""
    rule = rules.get("punct-width")
    if rule is not None and not rule.enabled:
        return []
    results = []
    for path in paths:
        shown = display_path(path)
        try:
            raw = read_regular(path)  # regular files only, at most 5 MB, as `check` reads
            text = decode(raw, shown)
        except (OSError, UserError):
            continue  # `check` reports it
        result = fix_text(text, shown)
        result.path = path
        if result.new_text is not None and result.changes:
            new = result.new_text.encode("utf-8")
            # Keeps FILE.bak, and refuses if an editor saved the file since it was read.
            rewrite_source(path, BOM + new if raw.startswith(BOM) else new, original=raw)
        results.append(result)
    return results

"""Rule settings: the shipped defaults (``settings/rules.yaml``) and a project's overrides
(``templates/rules.yaml``), checked with the same care as the report itself."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from reportgen.errors import Location, Problem, UserError, display_path
from reportgen.files.cache import load_shipped
from reportgen.model.loader import load_yaml
from reportgen.settings.messages import language, message
from reportgen.settings.templating import project_file

SEVERITIES = ("error", "warning")
OVERRIDE_FILE = "rules.yaml"
_WORDING = ("about",)  # keys that are documentation only


class Rule(NamedTuple):
    """One rule's settings, with its wording in the current language. A named tuple, not a
    frozen dataclass: as immutable, ~0.35 ms less on every run; ``rule[name]`` is an option."""

    id: str
    severity: str = "error"
    enabled: bool = True
    options: Mapping[str, Any] = MappingProxyType({})

    def __getitem__(self, name: str) -> Any:  # type: ignore[override]
        return self.options[name]

    def text(self, key: str, **values: Any) -> str:
        entry = self.options.get(key) or self.options.get("message") or {}
        template = entry.get(language()) or entry.get("en") or ""
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return template  # a user's wording with a misspelt {name}: show it as written

    def problem(
        self,
        location: Location,
        path: str,
        *,
        key: str = "message",
        fix: str | None = None,
        **values: Any,
    ) -> Problem:
        values.setdefault("fix", fix or "")
        return Problem(
            location=location,
            message=self.text(key, **values),
            path=path,
            rule=self.id,
            severity=self.severity,
            hint=self.text("hint", **values) if "hint" in self.options else "",
            fix=fix,
        )


@cache
def _defaults() -> dict[str, dict[str, Any]]:
    return load_shipped("reportgen.settings", "rules.yaml")


def rule_ids() -> list[str]:
    return list(_defaults())


def load_rules(templates_dir: Path | None) -> dict[str, Rule]:
    """The rules in force: defaults, then ``templates_dir/rules.yaml`` if the project has one."""
    merged = {rule_id: dict(settings) for rule_id, settings in _defaults().items()}
    override = project_file(templates_dir, OVERRIDE_FILE) if templates_dir is not None else None
    if override is not None:
        _apply_overrides(merged, override)
    rules = {}
    for rule_id, settings in merged.items():
        options = {k: v for k, v in settings.items() if k not in ("severity", "enabled")}
        rules[rule_id] = Rule(rule_id, settings["severity"], settings.get("enabled", True), options)
    return rules


def _apply_overrides(merged: dict[str, dict[str, Any]], path: Path) -> None:
    loaded = load_yaml(path)
    shown = display_path(path)
    value = loaded.value
    if not isinstance(value, dict):
        raise UserError(
            message("rules_not_mapping", file=shown),
            hint=message("rules_not_mapping_hint"),
            location=loaded.locate(()),
        )
    problems: list[Problem] = []
    for rule_id, setting in value.items():
        where = loaded.locate((rule_id,), key=True)
        if rule_id not in merged:
            close = difflib.get_close_matches(rule_id, list(merged), n=1)
            problems.append(
                Problem(
                    where,
                    message("rule_unknown", input=rule_id),
                    rule="config",
                    hint=message("hint_did_you_mean", expected=close[0])
                    if close
                    else message("rule_list", expected=", ".join(merged)),
                )
            )
            continue
        target = merged[rule_id]
        if setting is False or setting is True:
            target["enabled"] = setting
        elif setting in SEVERITIES:
            target["severity"], target["enabled"] = setting, True
        elif isinstance(setting, dict):
            for key, new in setting.items():
                problem = _check_setting(rule_id, key, new, target, loaded.locate((rule_id, key)))
                if problem:
                    problems.append(problem)
                else:
                    target[key] = _merge_wording(target.get(key), new)
        else:
            problems.append(
                Problem(
                    loaded.locate((rule_id,)),
                    message("rules_bad_setting", field=rule_id, input=repr(setting)),
                    rule="config",
                )
            )
    if problems:
        detail = "\n".join(
            f"  {p.location}: {p.message}" + (f" → {p.hint}" if p.hint else "") for p in problems
        )
        raise UserError(
            message("rules_problems", file=shown, count=len(problems)) + f"\n{detail}",
            hint=message("rules_problems_hint"),
            location=problems[0].location,
        )


def _check_setting(
    rule_id: str, key: str, new: Any, target: dict[str, Any], where: Location
) -> Problem | None:
    if key == "severity":
        if new in SEVERITIES:
            return None
        return Problem(
            where, message("rules_bad_severity", field=rule_id, input=repr(new)), rule="config"
        )
    if key == "enabled":
        return (
            None
            if isinstance(new, bool)
            else Problem(
                where, message("rules_bad_enabled", field=rule_id, input=repr(new)), rule="config"
            )
        )
    if key not in target or key in _WORDING:
        close = difflib.get_close_matches(str(key), [k for k in target if k not in _WORDING], n=1)
        return Problem(
            where,
            message("rule_no_setting", field=rule_id, input=key),
            rule="config",
            hint=message("hint_did_you_mean", expected=close[0]) if close else "",
        )
    old = target[key]
    if isinstance(old, bool) or isinstance(new, bool):
        ok = isinstance(old, bool) and isinstance(new, bool)
    elif isinstance(old, int | float):
        ok = isinstance(new, int | float) and new >= 0
    elif isinstance(old, dict):  # wording: {zh: ..., en: ...}
        ok = isinstance(new, dict) and all(
            k in ("zh", "en") and isinstance(v, str) for k, v in new.items()
        )
    elif isinstance(old, list):
        ok = isinstance(new, list) and all(isinstance(v, str) for v in new)
    else:
        ok = isinstance(new, str)
    if ok and key == "patterns":
        return _check_patterns(rule_id, new, where)
    if ok and isinstance(new, dict):
        return _check_wording(rule_id, key, new, where)
    if ok:
        return None
    return Problem(
        where,
        message("rules_bad_value", field=f"{rule_id}.{key}", expected=repr(old), input=repr(new)),
        rule="config",
    )


def shipped_patterns(rule_id: str, patterns: list[str]) -> bool:
    """Whether ``patterns`` are the ones reportgen ships for ``rule_id`` (known to match in
    linear time, so they need neither the ``regex`` module nor its time limit)."""
    return patterns == _defaults().get(rule_id, {}).get("patterns")


def _check_patterns(rule_id: str, patterns: list[str], where: Location) -> Problem | None:
    import regex  # only a project's own patterns need it (~15 ms to import)

    for pattern in patterns:
        weight = repeat_weight(pattern)
        if weight > MAX_REPEAT_WEIGHT:  # refused before compiling: compiling is the bomb
            return Problem(
                where,
                message(
                    "rules_pattern_repeats",
                    rule=rule_id,
                    pattern=pattern[:80],
                    weight=weight,
                    limit=MAX_REPEAT_WEIGHT,
                ),
                rule="config",
            )
        try:
            regex.compile(pattern)
        except regex.error as exc:
            return Problem(
                where,
                message("rules_bad_pattern", field=rule_id, input=repr(pattern), expected=exc),
                rule="config",
            )
    return None


# The regex module unrolls counted repeats when it compiles: (?:(?:a{1000}){1000}){1000}
# asks for a billion nodes (4.7 GB before it was stopped). The product of the counts along
# any nesting of groups is capped; a placeholder pattern needs a few tens.
MAX_REPEAT_WEIGHT = 100_000


@cache
def _count() -> re.Pattern[str]:
    """A counted repeat; compiled for a project's own patterns only."""
    return re.compile(r"\{(\d*)(?:,(\d*))?\}")


def repeat_weight(pattern: str) -> int:
    """The largest product of counted repeats ``{m}``, ``{m,n}`` along one nesting path of
    ``pattern``'s groups (escapes, ``\\p{…}`` names and character classes skipped)."""
    frames = [1]  # the heaviest atom so far in each open group
    last = 1  # the weight of the atom just read, which a following count multiplies
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            named = pattern[i + 1 : i + 3] in ("p{", "P{", "N{", "X{")
            i = pattern.find("}", i) + 1 if named and "}" in pattern[i:] else i + 2
            last = 1
            continue
        if char == "[":
            i = _class_end(pattern, i)
            last = 1
            continue
        if char == "(":
            frames.append(1)
            i += 1
            continue
        if char == ")" and len(frames) > 1:
            last = frames.pop()
            frames[-1] = max(frames[-1], last)
            i += 1
            continue
        count = _count().match(pattern, i) if char == "{" else None
        if count and (count[1] or count[2]):
            times = max(int(count[1] or 0), int(count[2] or 0))
            last *= max(times, 1)
            frames[-1] = max(frames[-1], last)
            i = count.end()
            continue
        last = 1
        i += 1
    return max(frames)


def _class_end(pattern: str, start: int) -> int:
    """The index after the ``]`` closing the character class opened at ``start``."""
    i = start + 1
    if pattern[i : i + 1] == "^":
        i += 1
    if pattern[i : i + 1] == "]":
        i += 1
    depth = 1
    while i < len(pattern) and depth:
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "[":  # the regex module's nested sets
            depth += 1
        elif pattern[i] == "]":
            depth -= 1
        i += 1
    return i


_FIELD_NAME = r"[^\W\d]\w*"  # compiled (by re's own cache) for a project's wording only


def _check_wording(
    rule_id: str, key: str, wording: dict[str, str], where: Location
) -> Problem | None:
    """A message is filled with ``str.format``: allow ``{name}`` alone, so a shared rules.yaml
    can neither read Python attributes (``{text.__class__}``) nor pad to gigabytes
    (``{text:>1500000000}``)."""
    import string

    for text in wording.values():
        try:
            fields = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(text)]
        except ValueError:
            fields = [("{", "", None)]
        for name, spec, conversion in fields:
            if name is None or (re.fullmatch(_FIELD_NAME, name) and not spec and not conversion):
                continue
            used = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            return Problem(
                where,
                message("rules_wording_field", rule=rule_id, key=key, used=used),
                rule="config",
                hint=message("rules_wording_field_hint"),
            )
    return None


def _merge_wording(old: Any, new: Any) -> Any:
    if isinstance(old, dict) and isinstance(new, dict):
        return {**old, **new}
    return new

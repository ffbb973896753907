"""``reportgen check``: fix the punctuation if asked, then check the files; the CLI prints
what this returns (as text for people or json for CI)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.check.run import CheckReport, check_project, targets
from reportgen.files.project import open_project
from reportgen.settings import load_settings
from reportgen.settings.rules import Rule

if TYPE_CHECKING:
    from reportgen.check.fix import FixResult


@dataclass(frozen=True)
class CheckRequest:
    specs: tuple[str, ...] = ()  # years or files; none: every file in data/
    fix: bool = False
    list_rules: bool = False
    project: Path | None = None


@dataclass
class CheckOutcome:
    rules: dict[str, Rule]
    report: CheckReport | None = None  # None when only the rules were asked for
    fixes: list[FixResult] = field(default_factory=list)


def run(request: CheckRequest) -> CheckOutcome:
    project = open_project(request.project)
    rules = load_settings(project.root).rules
    if request.list_rules:
        return CheckOutcome(rules)
    fixes: list[FixResult] = []
    if request.fix:  # imported only then: check stays light
        from reportgen.check.fix import fix_files

        fixes = fix_files(targets(project, request.specs), rules)
    return CheckOutcome(rules, check_project(project, request.specs, rules), fixes)

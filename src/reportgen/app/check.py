"""``reportgen check``: fix the punctuation if asked, then check the files; the CLI prints
what this returns (as text for people or json for CI)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.check.run import CheckReport, check_project, targets
from reportgen.files.project import Project, open_project
from reportgen.settings.rules import Rule, load_rules

if TYPE_CHECKING:
    from reportgen.check.fix import FixResult


# Plain classes, not dataclasses: a dataclass compiles its generated methods when the module is
# imported, 6 M instructions (~0.7 ms of every check) for these two.


class CheckRequest:
    """``reportgen check``: these years or files (none: every file in data/), fixed first if
    asked; or only the list of rules."""

    __slots__ = ("fix", "list_rules", "project", "specs")

    def __init__(
        self,
        specs: tuple[str, ...] = (),
        fix: bool = False,
        list_rules: bool = False,
        project: Path | None = None,
    ) -> None:
        self.specs = specs
        self.fix = fix
        self.list_rules = list_rules
        self.project = project


class CheckOutcome:
    """The project's rules, what the check found (None when only the rules were asked for) and
    the fixes it made."""

    __slots__ = ("fixes", "report", "rules")

    def __init__(
        self,
        rules: dict[str, Rule],
        report: CheckReport | None = None,
        fixes: list[FixResult] | None = None,
    ) -> None:
        self.rules = rules
        self.report = report
        self.fixes = [] if fixes is None else fixes


def run(request: CheckRequest) -> CheckOutcome:
    project = open_project(request.project)
    rules = rules_of(project)
    if request.list_rules:
        return CheckOutcome(rules)
    fixes: list[FixResult] = []
    if request.fix:  # imported only then: check stays light
        from reportgen.check.fix import fix_files

        fixes = fix_files(targets(project, request.specs), rules)
    return CheckOutcome(rules, check_project(project, request.specs, rules), fixes)


def rules_of(project: Project) -> dict[str, Rule]:
    """The lint rules in force. A project with a ``templates/`` folder has its whole settings
    loaded, so that check refuses a broken ``layout.yaml`` there as build does, with the same
    words; one without has reportgen's shipped settings alone, valid, of which check uses the
    rules only: the layout, sections and units loaded for nothing cost a cold check
    ~20 M instructions (~2 ms)."""
    if project.templates_dir is None:
        return load_rules(None)
    from reportgen.settings import load_settings

    return load_settings(project.root).rules

"""``reportgen check``: every problem of every file, in one run, each at its line and column.

For each file: read it (encoding, empty file, YAML syntax), validate it against the schema,
resolve its references, then run the lint rules over all the files together (a review and
its plan are one document). A file that cannot be read is reported and the others are still
checked; a file with schema errors is still linted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from reportgen.check.lint import Rule, View, build_view, lint, sort_problems
from reportgen.errors import InvalidInput, Location, Problem, UsageError, display_path
from reportgen.files.project import Project, is_year, require_file
from reportgen.model.loader import Loaded, LoadError, load_yaml_text, read_text
from reportgen.model.report import Plan, Review
from reportgen.model.validate import detect_kind, reference_problems, validate_schema
from reportgen.settings.messages import message

LOAD_RULES = ("file", "encoding", "empty", "yaml")
BLOCKING_RULES = (*LOAD_RULES, "schema")  # what stops a build: it cannot read the input


# FileCheck and CheckReport are plain classes: every check and build creates them, and
# Python 3.11 spends ~0.2 ms making each dataclass, for equality nothing asks of them.


class FileCheck:
    """One file: what it is, and what is wrong with it."""

    def __init__(
        self,
        path: Path,
        shown: str,
        kind: str | None = None,
        loaded: Loaded | None = None,
        document: Review | Plan | None = None,  # when it is valid: a build uses it as it is
        view: View | None = None,
        problems: list[Problem] | None = None,
    ) -> None:
        self.path = path
        self.shown = shown
        self.kind = kind
        self.loaded = loaded
        self.document = document
        self.view = view
        self.problems: list[Problem] = [] if problems is None else problems


class CheckReport:
    """The files checked together, and their problems in file, line and column order."""

    def __init__(self, files: list[FileCheck]) -> None:
        self.files = files

    @property
    def problems(self) -> list[Problem]:
        return sort_problems([p for f in self.files for p in f.problems])

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    @property
    def blocking(self) -> list[Problem]:
        """Problems that make a file unreadable or invalid: a build refuses these."""
        return [p for p in self.problems if p.rule in BLOCKING_RULES]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))


def targets(project: Project, specs: Sequence[str]) -> list[Path]:
    """The files to check: ``2022`` is the review and next year's plan (as build reads them),
    ``2023_plan`` the plan alone, anything else a path; nothing means every file in data/."""
    if not specs:
        found = sorted([*project.data_dir.glob("*.yaml"), *project.data_dir.glob("*.yml")])
        if not found:
            raise UsageError(
                message("check_no_files", path=display_path(project.data_dir)),
                hint=message("check_no_files_hint"),
            )
        return found
    paths: list[Path] = []
    for spec in specs:
        if is_year(spec):
            inputs = project.inputs(spec)
            if inputs.plan_only:
                assert inputs.plan is not None
                paths.append(require_file(inputs.plan, message("what_plan", year=inputs.year)))
            else:
                assert inputs.review is not None
                paths.append(require_file(inputs.review, message("what_review", year=inputs.year)))
                paths.extend([inputs.plan] if inputs.plan else [])
        else:
            path = Path(spec)
            paths.append(require_file(path if path.is_absolute() else Path.cwd() / path, spec))
    unique: dict[Path, None] = {}
    for path in paths:
        unique.setdefault(path.resolve(), None)
    return list(unique)


def check_paths(paths: Sequence[Path], rules: Mapping[str, Rule]) -> CheckReport:
    """Check files together, with the project's lint ``rules`` (:attr:`Settings.rules`)."""
    files = [_check_file(path) for path in paths]
    views = [f.view for f in files if f.view is not None]
    found = lint(views, rules)
    by_file: dict[str, FileCheck] = {f.shown: f for f in files}
    for problem in found:
        target = by_file.get(problem.location.file)
        (target or files[0]).problems.append(problem)
    for f in files:
        f.problems = sort_problems(f.problems)
    return CheckReport(files)


def check_project(project: Project, specs: Sequence[str], rules: Mapping[str, Rule]) -> CheckReport:
    return check_paths(targets(project, specs), rules)


def check_text(text: str, shown: str, kind: str | None = None) -> FileCheck:
    """Read, validate and resolve one file's text (no lint): the first half of a check."""
    result = FileCheck(Path(shown), shown)
    if not text.strip():
        result.problems.append(
            _problem(Location(shown, 1, 1), "empty", "load_empty", "load_empty_hint")
        )
        return result
    try:
        loaded = load_yaml_text(text, shown)
    except InvalidInput as exc:  # invisible characters: one located problem for each
        result.problems.extend(exc.problems)
        return result
    except LoadError as exc:
        result.problems.append(_load_problem(exc, shown))
        return result
    result.loaded = loaded
    result.kind = kind or detect_kind(loaded, Path(shown))
    model = Plan if result.kind == "plan" else Review
    result.document, problems = validate_schema(loaded, model)
    result.problems.extend(problems)
    valid = result.document.metrics if result.document is not None else None
    result.view = build_view(loaded, result.kind, valid)
    result.problems.extend(reference_problems(loaded, result.kind))
    return result


def _check_file(path: Path) -> FileCheck:
    shown = display_path(path)
    try:
        text = read_text(path)
    except LoadError as exc:  # the loader's own words: UTF-16 is named UTF-16
        return FileCheck(path, shown, problems=[_load_problem(exc, shown)])
    result = check_text(text, shown)
    result.path = path
    return result


def _problem(location: Location, rule: str, kind: str, hint: str = "", **values: Any) -> Problem:
    return Problem(
        location, message(kind, **values), rule=rule, hint=message(hint, **values) if hint else ""
    )


def _load_problem(exc: LoadError, shown: str) -> Problem:
    """A file the loader could not read, as a finding of the stage that failed."""
    return Problem(exc.location or Location(shown), exc.message, rule=exc.rule, hint=exc.hint)


# ── output ───────────────────────────────────────────────────────────────────


def as_json(report: CheckReport, fixes: Sequence[Any] = ()) -> str:
    """The report for CI: one record per problem, and counts (and the fixes made, if any)."""
    data: dict[str, Any] = {
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "files": [
            {
                "file": f.shown,
                "kind": f.kind,
                "errors": sum(p.severity == "error" for p in f.problems),
                "warnings": sum(p.severity != "error" for p in f.problems),
            }
            for f in report.files
        ],
        "problems": [problem_record(p) for p in report.problems],
    }
    if fixes:
        data["fixed"] = [
            {
                "file": c.location.file,
                "line": c.location.line,
                "column": c.location.column,
                "old": c.old,
                "new": c.new,
            }
            for result in fixes
            for c in result.changes
        ]
    import json  # --format json only: a text check does without it

    return json.dumps(data, ensure_ascii=False, indent=2)


def problem_record(problem: Problem) -> dict[str, Any]:
    return {
        "file": problem.location.file,
        "line": problem.location.line,
        "column": problem.location.column,
        "path": problem.path,
        "rule": problem.rule,
        "severity": problem.severity,
        "message": problem.message,
        "hint": problem.hint,
        "fix": problem.fix,
    }


def summary(report: CheckReport) -> str:
    if not report.problems:
        return message("check_clean", files=len(report.files))
    return message(
        "check_summary",
        errors=len(report.errors),
        warnings=len(report.warnings),
        files=len(report.files),
    )

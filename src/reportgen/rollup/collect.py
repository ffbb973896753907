"""One office of the district: its review's figures and its check findings, or why there are
none. Runs in a worker process, so everything it returns is plain, picklable data."""

from __future__ import annotations

import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from reportgen.errors import InvalidInput, Location, Problem, UserError, display_path
from reportgen.settings.messages import message

Status = Literal["ok", "missing", "failed"]


@dataclass(frozen=True)
class Figure:
    """One metric of an office's review, as the office wrote it."""

    index: int  # its place in the review's metrics: findings at metrics[index] concern it
    id: str
    label: str
    value: Decimal
    unit: str
    previous: Decimal | None = None
    change: Decimal | None = None  # percent, as stated or computed from last year's value


@dataclass(frozen=True)
class Finding:
    """A check finding, as the findings sheet shows it."""

    location: str  # file:line:col
    rule: str
    severity: str
    message: str
    path: str = ""  # the YAML path, e.g. metrics[2].change

    @classmethod
    def of(cls, problem: Problem) -> Finding:
        text = f"{problem.message} → {problem.hint}" if problem.hint else problem.message
        return cls(str(problem.location), problem.rule, problem.severity, text, problem.path)

    def concerns(self, figure: Figure) -> str | None:
        """Which of ``figure``'s cells this finding is about (value, previous, change), if any."""
        prefix = f"metrics[{figure.index}]"
        if self.path != prefix and not self.path.startswith(prefix + "."):
            return None
        field = self.path.removeprefix(prefix + ".")
        return field if field in ("previous", "change") else "value"


@dataclass(frozen=True)
class Office:
    """What the rollup learnt of one project."""

    project: Path
    name: str  # the review's organisation; the folder's name when there is no review
    status: Status = "ok"
    reason: str = ""
    figures: tuple[Figure, ...] = ()
    findings: tuple[Finding, ...] = ()
    bug: bool = False
    seconds: float = 0.0

    @property
    def shown(self) -> str:
        return display_path(self.project)


def collect_one(project: Path, year: int) -> Office:
    """Check and load ``project``'s review of ``year`` as ``reportgen build YEAR`` does; never
    raises: a project that cannot be read is an office with status ``failed`` and the reason."""
    from reportgen.app.build import load_sources, validate_first
    from reportgen.compose.document import stated_or_computed_change
    from reportgen.files.project import Project
    from reportgen.settings import load_settings
    from reportgen.settings.units import as_decimal

    started = time.perf_counter()
    folder = Project(project)
    review_path = folder.review_path(year)
    if not review_path.exists():
        reason = message("rollup_no_review", year=year, path=display_path(review_path))
        return Office(project, project.name, "missing", reason)
    try:
        settings = load_settings(project)  # each office's own templates/, as its build
        problems, checked = validate_first(folder, str(year), settings)
        if checked.blocking:  # unreadable (the loader would refuse it): say so as check does
            raise InvalidInput(checked.blocking)
        review = load_sources(folder, str(year), checked).review
    except InvalidInput as exc:
        findings = tuple(Finding.of(p) for p in exc.problems)
        first = exc.problems[0]
        reason = f"{first.location}: {first.message}"
        return _failed(project, reason, findings, started)
    except UserError as exc:
        where = exc.location or Location(display_path(review_path))
        finding = Problem(where, exc.message, rule="file", hint=exc.hint)
        return _failed(project, f"{where}: {exc.message}", (Finding.of(finding),), started)
    except Exception as exc:  # a bug must not take the other offices down with it
        reason = message("rollup_bug", error=f"{type(exc).__name__}: {exc}")
        return Office(project, project.name, "failed", reason, bug=True)
    assert review is not None
    figures = []
    for index, metric in enumerate(review.metrics):
        change = stated_or_computed_change(metric)
        figures.append(
            Figure(
                index,
                metric.id,
                metric.label,
                as_decimal(metric.value),
                metric.unit,
                None if metric.previous is None else as_decimal(metric.previous),
                None if change is None else as_decimal(change),
            )
        )
    return Office(
        project,
        review.organisation,
        figures=tuple(figures),
        findings=tuple(Finding.of(p) for p in problems),
        seconds=time.perf_counter() - started,
    )


def _failed(project: Path, reason: str, findings: tuple[Finding, ...], started: float) -> Office:
    return Office(
        project,
        project.name,
        "failed",
        reason,
        findings=findings,
        seconds=time.perf_counter() - started,
    )

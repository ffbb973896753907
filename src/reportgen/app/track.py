"""``reportgen track YEAR``: find YEAR's plan and the reviews around it, link them, and make
the md or json text; the terminal view is drawn by :mod:`reportgen.cli.track`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.diff.track import TRACK_FORMATS, TrackResult, render, summary, track
from reportgen.errors import UsageError, display_path
from reportgen.files.project import Project, open_project, parse_year, require_file
from reportgen.settings import load_settings
from reportgen.settings.messages import message

FORMATS = ("terminal", *TRACK_FORMATS)


@dataclass(frozen=True)
class TrackRequest:
    year: str
    fmt: str = "terminal"
    project: Path | None = None


@dataclass(frozen=True)
class TrackReport:
    result: TrackResult
    text: str | None  # md or json; None for the terminal, which the CLI draws
    summary: str


def run(request: TrackRequest) -> TrackReport:
    if request.fmt not in FORMATS:
        from reportgen.settings.messages import message

        raise UsageError(
            message("unknown_format", input=request.fmt),
            hint=message("choose_from", expected=", ".join(FORMATS)),
        )
    project = open_project(request.project)
    settings = load_settings(project.root)
    result = track_year(project, request.year, settings.sections)
    text = None
    if request.fmt != "terminal":
        text = render(result, request.fmt, templates=settings.templates)
    return TrackReport(result, text, summary(result))


def track_year(project: Project, spec: str, sections: dict[str, str]) -> TrackResult:
    """``track 2023``: data/2023_plan.yaml against data/2023.yaml and data/2022.yaml."""
    from reportgen.model.validate import load_plan, load_review

    year = parse_year(spec)
    plan_path = require_file(project.plan_path(year), message("what_plan", year=year))
    plan = load_plan(plan_path)
    review_path, previous_path = project.review_path(year), project.review_path(year - 1)
    review = load_review(review_path) if review_path.exists() else None
    previous = load_review(previous_path) if previous_path.exists() else None
    result = track(
        plan,
        review,
        previous,
        sections=sections,
        names=(display_path(plan_path), display_path(review_path), display_path(previous_path)),
    )
    if review is None:
        result.notes.append(message("track_no_review", year=year, path=display_path(review_path)))
    if previous is None:
        result.notes.append(
            message("track_no_previous", year=year - 1, path=display_path(previous_path))
        )
    return result

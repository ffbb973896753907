"""``reportgen new YEAR``: find YEAR's plan (and last year's review for its figures), draft
data/YEAR.yaml from them, check the draft loads, and write it, never over an existing file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.diff.new import NewReview, review_text, write_new_review
from reportgen.errors import UserError, display_path
from reportgen.files.project import Project, open_project, parse_year, require_file
from reportgen.settings import load_settings
from reportgen.settings.messages import message


@dataclass(frozen=True)
class NewRequest:
    year: str
    project: Path | None = None


def run(request: NewRequest) -> NewReview:
    """Write the draft; the result says where, how many items it holds, and any notes."""
    project = open_project(request.project)
    draft = new_review(project, request.year, load_settings(project.root).sections)
    write_new_review(draft)
    return draft


def new_review(project: Project, spec: str, sections: dict[str, str]) -> NewReview:
    """Compose data/YEAR.yaml from data/YEAR_plan.yaml (and data/YEAR-1.yaml's figures)."""
    from reportgen.model.loader import load_yaml_text
    from reportgen.model.validate import load_plan, load_review, validate_loaded

    year = parse_year(spec)
    target = project.review_path(year)
    if target.exists():
        raise UserError(
            message("new_exists", path=display_path(target)),
            hint=message("new_exists_hint"),
        )
    plan = load_plan(require_file(project.plan_path(year), message("what_plan", year=year)))
    if plan.year != year:
        raise UserError(
            message(
                "new_plan_year",
                path=display_path(project.plan_path(year)),
                input=plan.year,
                year=year,
            )
        )
    previous_path = project.review_path(year - 1)
    previous = load_review(previous_path) if previous_path.exists() else None
    text, notes = review_text(plan, previous, sections)
    # What we write must load: a draft that fails validation would be a poor start.
    validate_loaded(load_yaml_text(text, display_path(target)), "review")
    return NewReview(target, text, len(plan.priorities), tuple(notes))

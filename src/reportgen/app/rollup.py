"""``reportgen rollup YEAR --projects 'orgs/*'``: every office's key figures side by side.

Each project is checked and loaded exactly as ``reportgen build YEAR`` does it (in ``jobs``
processes); a project with no review for the year is *missing*, one that cannot be read is
*failed*, and both are listed while the others are put together. Nothing is printed here: the
CLI shows the result.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from reportgen.errors import UsageError, display_path
from reportgen.rollup.collect import Office, collect_one
from reportgen.rollup.table import Rollup
from reportgen.settings.messages import message

FORMATS = ("xlsx", "docx", "csv", "json")
DEFAULT_FORMATS = ("xlsx", "docx")


class Progress(Protocol):
    """Told about the run as it goes; the CLI draws a progress bar with it."""

    def start(self, total: int) -> None: ...

    def done(self, office: Office) -> None: ...

    def finish(self) -> None: ...


class NoProgress:
    def start(self, total: int) -> None:
        pass

    def done(self, office: Office) -> None:
        pass

    def finish(self) -> None:
        pass


@dataclass(frozen=True)
class RollupRequest:
    year: str
    patterns: tuple[str, ...]
    formats: tuple[str, ...] = DEFAULT_FORMATS
    output: Path = Path("rollup")  # the folder the files go into
    mapping: Path | None = None  # rollup.yaml; None: ./rollup.yaml if there is one
    templates: Path | None = None  # the district's templates/ (units.yaml); None: ./templates
    jobs: int = 1
    force: bool = False


@dataclass
class RollupResult:
    rollup: Rollup
    offices: list[Office]
    written: list[Path] = field(default_factory=list)
    mapping: Path | None = None
    seconds: float = 0.0
    jobs: int = 1

    @property
    def failed(self) -> list[Office]:
        return [o for o in self.offices if o.status == "failed"]

    @property
    def missing(self) -> list[Office]:
        return [o for o in self.offices if o.status == "missing"]

    @property
    def exit_code(self) -> int:
        """0 when every project was read (missing ones are news, not errors); 1 when one
        failed; 3 when one failed on a bug."""
        if any(o.bug for o in self.offices):
            return 3
        return 1 if self.failed else 0


def parse_formats(text: str) -> tuple[str, ...]:
    if text == "all":
        return FORMATS
    formats = tuple(dict.fromkeys(f.strip() for f in text.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise UsageError(
            message("rollup_unknown_format", input=unknown[0] if unknown else text),
            hint=message("rollup_unknown_format_hint", expected=", ".join(FORMATS)),
        )
    return formats


def run(request: RollupRequest, progress: Progress | None = None) -> RollupResult:
    from reportgen.app.batch import default_jobs, find_projects
    from reportgen.files.guard import write_outputs
    from reportgen.files.project import Project, parse_year
    from reportgen.rollup.table import build_rollup
    from reportgen.settings.rollup import MAPPING_FILE, load_mapping
    from reportgen.settings.templating import Templates
    from reportgen.settings.units import load_units

    year = parse_year(request.year)
    if request.year.endswith("_plan"):
        raise UsageError(message("rollup_plan_year", input=request.year))
    if request.jobs < 0:
        raise UsageError(message("rollup_jobs", input=request.jobs))
    if request.output.exists() and not request.output.is_dir():
        raise UsageError(message("rollup_output_file", path=display_path(request.output)))
    # The district's settings, once, before any office is read: a broken rollup.yaml is one
    # located error, not thirty.
    # The district's templates/, inside its folder like any project's (a link out refused).
    templates = request.templates or Project(Path.cwd()).templates_dir
    units = load_units(Templates(templates))
    mapping_path = request.mapping
    if mapping_path is None and os.path.lexists(Path.cwd() / MAPPING_FILE):
        mapping_path = Path.cwd() / MAPPING_FILE  # a FIFO or device there: the reader says so
    if mapping_path is not None and not os.path.lexists(mapping_path):
        raise UsageError(message("rollup_no_mapping", path=display_path(mapping_path)))
    mapping = load_mapping(mapping_path, units) if mapping_path else None
    projects = find_projects(request.patterns)

    started = time.perf_counter()
    jobs = min(request.jobs or default_jobs(), max(len(projects), 1))
    offices = _collect(projects, year, jobs, progress or NoProgress())
    rollup = build_rollup(year, offices, units, mapping)
    files = {
        request.output / f"{year}.{fmt}": _render(rollup, fmt, templates) for fmt in request.formats
    }
    write_outputs(files, force=request.force)
    return RollupResult(
        rollup,
        offices,
        list(files),
        mapping_path,
        seconds=time.perf_counter() - started,
        jobs=jobs,
    )


def _collect(projects: Sequence[Path], year: int, jobs: int, progress: Progress) -> list[Office]:
    """Every project's office, in the order given."""
    from reportgen.app.batch import in_processes

    by_project: dict[Path, Office] = {}
    try:
        if jobs == 1:
            progress.start(len(projects))
            for project in projects:
                by_project[project] = office = collect_one(project, year)
                progress.done(office)
        else:
            work = [(collect_one, (project, year)) for project in projects]
            warm = ["reportgen.app.build", "reportgen.check.run"]
            for project, found in in_processes(work, projects, jobs, progress.start, warm=warm):
                office = found or Office(
                    project, project.name, "failed", message("rollup_worker_died"), bug=True
                )
                by_project[project] = office
                progress.done(office)
    finally:
        progress.finish()
    return [by_project[p] for p in projects]


def _render(rollup: Rollup, fmt: str, templates: Path | None) -> bytes:
    if fmt == "xlsx":
        from reportgen.rollup.xlsx import write_xlsx

        return write_xlsx(rollup)
    if fmt == "docx":
        from reportgen.rollup.docx import write_docx
        from reportgen.settings.layout import load_layout
        from reportgen.settings.stage import reference_of
        from reportgen.settings.templating import Templates

        folder = templates if templates is not None and templates.is_dir() else None
        return write_docx(rollup, load_layout(Templates(folder)), reference_of(folder))
    from reportgen.rollup.text import write_csv, write_json

    return write_csv(rollup) if fmt == "csv" else write_json(rollup)

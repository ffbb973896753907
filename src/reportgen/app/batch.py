"""Build many organisations' documents in one run: a district office's whole batch.

Start-up (Python, pydantic, python-docx) is paid once per worker instead of once per document.
Each project is built exactly as ``reportgen build`` builds it alone; one bad project is
reported and skipped, and the others are still built.
"""

from __future__ import annotations

import gc
import glob
import importlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from reportgen.errors import UsageError, UserError, display_path
from reportgen.settings.messages import message


@dataclass(frozen=True)
class Outcome:
    """What happened to one project of a batch."""

    project: Path
    written: tuple[Path, ...] = ()
    notes: tuple[str, ...] = ()
    findings: int = 0  # check's findings, which a build reports and does not refuse
    error: str = ""  # the message the user would have seen building this project alone
    bug: bool = False  # the error is an internal error, not bad input
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def name(self) -> str:
        return display_path(self.project)


@dataclass
class BatchResult:
    outcomes: list[Outcome] = field(default_factory=list)  # in the order the projects were given
    seconds: float = 0.0
    jobs: int = 1

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def built(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.ok]

    @property
    def exit_code(self) -> int:
        """0 when every project was built; 1 when some failed; 3 when one failed on a bug."""
        if any(o.bug for o in self.outcomes):
            return 3
        return 1 if self.failed else 0

    def summary(self) -> str:
        total = len(self.outcomes)
        per_doc = self.seconds / total if total else 0.0
        jobs = message("batch_summary_jobs", count=self.jobs) if self.jobs > 1 else ""
        line = message(
            "batch_summary",
            built=len(self.built),
            total=total,
            seconds=f"{self.seconds:.1f}",
            each=f"{per_doc * 1000:.0f}",
            jobs=jobs,
        )
        if self.failed:
            names = [o.name for o in self.failed[:10]]
            more = len(self.failed) - len(names)
            line += message("batch_summary_failed", count=len(self.failed), input=", ".join(names))
            line += message("batch_summary_more", count=more) if more else ""
        return line


class Reporter:
    """Told about a batch as it runs; the CLI draws a progress bar with it."""

    def start(self, total: int) -> None:
        """Called once, after the worker processes exist and before the first result."""

    def done(self, outcome: Outcome) -> None:
        """Called for every project as it finishes, in the order they finish."""

    def finish(self) -> None:
        """Called once at the end, also when the batch is interrupted."""


def find_projects(patterns: Iterable[str]) -> list[Path]:
    """The project folders that ``patterns`` (folders or glob patterns, ``orgs/*``) name.

    Matches that are files (``orgs/README.md``) are not projects and are left out; a pattern
    that matches no folder at all is a usage error, since it is most likely mistyped.
    """
    found: dict[Path, None] = {}
    for pattern in patterns:
        matches = sorted(glob.glob(os.path.expanduser(pattern), recursive=True))
        folders = [Path(m) for m in matches if Path(m).is_dir()]
        if not folders:
            raise UsageError(
                message("batch_no_folder", input=pattern),
                hint=message("batch_no_folder_hint"),
            )
        for folder in folders:
            found.setdefault(folder.resolve(), None)
    return list(found)


def output_for(
    project: Path, spec: str, formats: Sequence[str], output: Path | None
) -> Path | None:
    """Where a project's files go: its own build/ by default; ``--output DIR`` gives each
    project a folder of its own, DIR/NAME/, named after the project folder."""
    if output is None:
        return None
    folder = output / project.name
    return folder / f"{spec}.{formats[0]}" if len(formats) == 1 else folder


def check_names(projects: Sequence[Path], output: Path | None) -> None:
    """With ``--output``, two projects of the same folder name would overwrite each other."""
    if output is None:
        return
    seen: dict[str, Path] = {}
    for project in projects:
        other = seen.setdefault(project.name, project)
        if other != project:
            raise UsageError(
                message(
                    "batch_same_name",
                    input=project.name,
                    first=display_path(other),
                    second=display_path(project),
                ),
                hint=message("batch_same_name_hint"),
            )


def build_one(
    project: Path, spec: str, formats: tuple[str, ...], output: Path | None, force: bool = False
) -> Outcome:
    """Build one project; never raises: a failure becomes the outcome's error."""
    from reportgen.app.build import build
    from reportgen.files.project import Project

    started = time.perf_counter()
    try:
        target = output_for(project, spec, formats, output)
        result = build(Project(project), spec, list(formats), target, force=force)
    except UserError as exc:
        return Outcome(project, error=exc.format(), seconds=time.perf_counter() - started)
    except Exception as exc:  # a bug must not take the other projects down with it
        message = (
            f"internal error: {type(exc).__name__}: {exc}\n"
            "  → this is a bug in reportgen; build this project alone with --debug and report it"
        )
        return Outcome(project, error=message, bug=True, seconds=time.perf_counter() - started)
    return Outcome(
        project,
        written=tuple(result.written),
        notes=(*result.notes, *_findings_note(project, spec, len(result.findings))),
        findings=len(result.findings),
        seconds=time.perf_counter() - started,
    )


def _findings_note(project: Path, spec: str, count: int) -> list[str]:
    if not count:
        return []
    where = display_path(project)
    return [f"{count} check finding(s): `reportgen check {spec} --project {where}` explains them"]


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def build_many(
    projects: Sequence[Path],
    spec: str,
    formats: Sequence[str],
    *,
    output: Path | None = None,
    jobs: int = 1,
    force: bool = False,
    reporter: Reporter | None = None,
) -> BatchResult:
    """Build ``spec`` (``2022``) in every project; ``jobs`` > 1 builds in that many processes."""
    if jobs < 0:
        raise UsageError(message("batch_jobs_negative", input=jobs))
    check_names(projects, output)
    jobs = min(jobs or default_jobs(), max(len(projects), 1))
    reporter = reporter or Reporter()
    formats = tuple(formats)
    # The command turned the cycle collector off for a short process; a batch lives for many
    # documents, each a cyclic python-docx package. What is loaded so far is frozen: never
    # scanned again, and not copied into forked workers by the collector touching it.
    gc.freeze()
    gc.enable()
    started = time.perf_counter()
    by_project: dict[Path, Outcome] = {}
    try:
        if jobs == 1:
            reporter.start(len(projects))
            for project in projects:
                outcome = build_one(project, spec, formats, output, force)
                by_project[project] = outcome
                reporter.done(outcome)
        else:
            work = _in_processes(projects, spec, formats, output, force, jobs, reporter)
            for outcome in work:
                by_project[outcome.project] = outcome
    finally:
        reporter.finish()
    return BatchResult(
        [by_project[p] for p in projects], seconds=time.perf_counter() - started, jobs=jobs
    )


def _in_processes(
    projects: Sequence[Path],
    spec: str,
    formats: tuple[str, ...],
    output: Path | None,
    force: bool,
    jobs: int,
    reporter: Reporter,
) -> Iterable[Outcome]:
    # Where workers are forked (Linux), they inherit what is imported here: import the build's
    # libraries once, not once per worker.
    warm = ["reportgen.app.build"]
    if "docx" in formats:
        warm += ["reportgen.render.docx", "reportgen.oxml.reference"]
        importlib.import_module("reportgen.oxml.reference").reference_package()
    work = [(build_one, (project, spec, formats, output, force)) for project in projects]
    for project, outcome in in_processes(work, projects, jobs, reporter.start, warm=warm):
        if outcome is None:
            outcome = Outcome(project, error="the worker process building it died", bug=True)
        reporter.done(outcome)
        yield outcome


T = TypeVar("T")
K = TypeVar("K")


def in_processes(
    work: Sequence[tuple[Callable[..., T], tuple[Any, ...]]],
    keys: Sequence[K],
    jobs: int,
    start: Callable[[int], None],
    *,
    warm: Sequence[str] = (),
) -> Iterator[tuple[K, T | None]]:
    """Run each ``work`` call (function, arguments) in ``jobs`` processes, yielding each key and
    its result as it finishes (None when the worker process itself died: killed, out of memory).

    ``start(total)`` is called once the workers exist: a progress bar (which runs a thread)
    starts after them, so that no process is forked while another thread holds a lock. The
    modules named in ``warm`` are imported first, so that forked workers inherit them.
    """
    from reportgen.settings.messages import language

    for name in warm:
        importlib.import_module(name)
    gc.freeze()  # what the workers inherit stays shared, never scanned by their collector
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(language(),)) as pool:
        futures: dict[Future[T], K] = {
            pool.submit(function, *args): key
            for (function, args), key in zip(work, keys, strict=True)
        }
        start(len(futures))
        try:
            for future in as_completed(futures):
                try:
                    result: T | None = future.result()
                except Exception:  # the worker process itself died
                    result = None
                yield futures[future], result
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _start_worker(language: str) -> None:
    from reportgen.settings.messages import set_language

    set_language(language)


@dataclass(frozen=True)
class BatchRequest:
    """``reportgen build YEAR --projects PATTERN… [--jobs N]``."""

    spec: str
    formats: tuple[str, ...]
    patterns: tuple[str, ...] = ()
    output: Path | None = None
    jobs: int = 1
    force: bool = False
    project: Path | None = None  # --project: refused beside --projects


def run(request: BatchRequest, reporter: Reporter | None = None) -> BatchResult:
    """Check the request as a whole (one usage error, not one failure per project), then
    build every project; ``reporter`` is told of each as it finishes."""
    from reportgen.files.project import normalise_spec, parse_year
    from reportgen.render import FORMATS

    if not request.patterns:
        raise UsageError(message("batch_jobs_needs_projects"))
    if request.project is not None:
        raise UsageError(message("batch_project_and_projects"))
    unknown = [f for f in request.formats if f not in FORMATS]
    if unknown:
        raise UsageError(
            message("unknown_format", input=unknown[0]),
            hint=message("choose_from", expected=", ".join(FORMATS) + ", all"),
        )
    parse_year(request.spec)  # a mistyped year is one usage error, not one per project
    output = request.output
    if output is not None and output.exists() and not output.is_dir():
        raise UsageError(
            message("batch_output_file", path=display_path(output)),
            hint=message("batch_output_file_hint"),
        )
    return build_many(
        find_projects(request.patterns),
        normalise_spec(request.spec),
        request.formats,
        output=output,
        jobs=request.jobs,
        force=request.force,
        reporter=reporter,
    )

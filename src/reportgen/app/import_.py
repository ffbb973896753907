"""``reportgen import FILE``: read a .docx or .txt summary, structure it as a review (and the
next year's plan), and write the YAML. Two steps, so that the CLI can show what was found
before anything is written (and still show it when the writing is refused)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import UsageError
from reportgen.files.project import open_project
from reportgen.importer import Imported, Options, import_document, output_paths, write_imported
from reportgen.settings import load_settings
from reportgen.settings.messages import message


@dataclass(frozen=True)
class ImportRequest:
    file: Path
    output: Path | None = None
    plan_output: Path | None = None
    organisation: str | None = None
    year: int | None = None
    keep_punctuation: bool = False
    dry_run: bool = False
    force: bool = False
    project: Path | None = None


@dataclass
class ImportResult:
    imported: Imported
    targets: dict[str, Path]
    written: list[Path] = field(default_factory=list)

    @property
    def spec(self) -> str:
        """What to build next: ``2022``, or ``2023_plan`` for a plan alone."""
        imported = self.imported
        return str(imported.review.year) if imported.review else f"{imported.first.year}_plan"


def prepare(request: ImportRequest) -> ImportResult:
    """Read and structure the file, and decide where each document goes; write nothing."""
    if request.year is not None and not 1949 <= request.year <= 2100:
        raise UsageError(
            message("import_bad_year", input=request.year),
            hint=message("import_bad_year_hint"),
        )
    root = open_project(request.project)
    imported = import_document(
        request.file,
        Options(organisation=request.organisation, year=request.year),
        normalise=not request.keep_punctuation,
        sections=load_settings(root.root).sections,
    )
    targets = output_paths(imported, root.data_dir, request.output, request.plan_output)
    return ImportResult(imported, targets)


def write(result: ImportResult, request: ImportRequest) -> ImportResult:
    """Write what :func:`prepare` found (nothing under ``dry_run``)."""
    if not request.dry_run:
        result.written = write_imported(result.imported, result.targets, force=request.force)
    return result


def run(request: ImportRequest) -> ImportResult:
    return write(prepare(request), request)

"""``reportgen build YEAR``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reportgen.cli.app import app
from reportgen.cli.common import ProjectOption
from reportgen.settings.messages import message


@app.command(help="help_cmd_build")
def build(
    year: Annotated[str, typer.Argument(metavar="metavar_year", help="help_build_year")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="help_build_format")] = "docx",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="help_build_output"),
    ] = None,
    project: ProjectOption = None,
    projects: Annotated[
        list[str] | None,
        typer.Option(
            "--projects",
            metavar="PATTERN",
            help="help_build_projects",
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            help="help_build_jobs",
        ),
    ] = 1,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="help_build_force",
        ),
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="help_build_strict")] = False,
    pdf: Annotated[
        bool,
        typer.Option("--pdf", help="help_build_pdf"),
    ] = False,
) -> None:
    """Build the year's review, with next year's plan when there is one, into build/."""
    from reportgen.app.build import BuildRequest
    from reportgen.app.build import run as run_build
    from reportgen.errors import display_path
    from reportgen.render import FORMATS

    formats = list(FORMATS) if fmt == "all" else [f.strip() for f in fmt.split(",")]
    if projects or jobs != 1:
        if pdf:
            from reportgen.errors import UsageError

            raise UsageError(message("build_pdf_one_project"), hint=message("build_pdf_hint"))
        from reportgen.app.batch import BatchRequest
        from reportgen.app.batch import run as run_batch
        from reportgen.cli.batch import ConsoleReporter

        request = BatchRequest(
            year, tuple(formats), tuple(projects or ()), output, jobs, force, project
        )
        batch = run_batch(request, ConsoleReporter())
        typer.echo(batch.summary(), err=True)
        raise typer.Exit(batch.exit_code)
    request = BuildRequest(year, tuple(formats), output, project, force, pdf)
    result = run_build(request)
    for note in result.notes:
        typer.echo(message("note_prefix") + note, err=True)
    from dataclasses import replace

    for finding in result.findings:
        line = replace(finding, hint="").format()
        typer.echo(f"{message(f'severity_{finding.severity}')}: {line}", err=True)
    for path in result.written:
        typer.echo(message("wrote", path=display_path(path)))
    errors = sum(1 for finding in result.findings if finding.severity == "error")
    warnings = len(result.findings) - errors
    built = message("list_separator").join(display_path(path) for path in result.written)
    if errors and warnings:
        summary = message(
            "build_summary_problems", path=built, errors=errors, warnings=warnings, year=year
        )
    elif errors:
        summary = message("build_summary_errors", path=built, errors=errors, year=year)
    elif warnings:
        summary = message("build_summary_warnings", path=built, warnings=warnings, year=year)
    else:
        summary = message("build_summary_clean", path=built)
    typer.echo(summary, err=True)
    if strict and errors:
        raise typer.Exit(1)

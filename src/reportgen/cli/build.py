"""``reportgen build YEAR``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reportgen.cli.app import app
from reportgen.cli.common import ProjectOption


@app.command()
def build(
    year: Annotated[
        str, typer.Argument(help="The year to build, e.g. 2022 (or 2023_plan for a plan alone).")
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="docx, md, txt, html, or all.")
    ] = "docx",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Output file (one format) or folder (all)."),
    ] = None,
    project: ProjectOption = None,
    projects: Annotated[
        list[str] | None,
        typer.Option(
            "--projects",
            metavar="PATTERN",
            help="Build every project folder these name ('orgs/*', quoted), in one run.",
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            help="With --projects: build in N processes (0: one per core).",
        ),
    ] = 1,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Replace output files even if they were changed since reportgen wrote them.",
        ),
    ] = False,
    pdf: Annotated[
        bool,
        typer.Option("--pdf", help="Also export a PDF of the Word document (needs LibreOffice)."),
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

            raise UsageError("--pdf builds one project at a time", hint="leave out --projects")
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
        typer.echo(f"note: {note}", err=True)
    if result.findings:
        from dataclasses import replace

        from reportgen.settings.messages import message

        for finding in result.findings:
            line = replace(finding, hint="").format()
            typer.echo(f"{message(f'severity_{finding.severity}')}: {line}", err=True)
        typer.echo(f"note: `reportgen check {year}` explains each finding", err=True)
    for path in result.written:
        typer.echo(f"wrote {display_path(path)}")

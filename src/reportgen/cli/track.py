"""``reportgen track YEAR``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reportgen.cli.app import app

HELP = (
    "Follow up YEAR's plan: which items of YEAR's review report on each priority, and which "
    "priority answers each shortcoming of the year before."
    "\n\n"
    "Reads data/YEAR_plan.yaml, data/YEAR.yaml and data/YEAR-1.yaml. Links are the ids named "
    "in reports_on (review items) and answers (plan priorities); where none is named, the "
    "item that reads most alike is suggested."
)


@app.command(help=HELP, short_help="Follow up a plan: what reports on it, what it answers.")
def track(
    year: Annotated[str, typer.Argument(help="The year whose plan to follow up, e.g. 2023.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="terminal (default), md or json.")
    ] = "terminal",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (default: standard output)."),
    ] = None,
    project: Annotated[
        Path | None,
        typer.Option("--project", "-p", help="Project folder holding data/ (default: here)."),
    ] = None,
    color: Annotated[
        bool | None,
        typer.Option(
            "--color/--no-color", help="Colour the terminal view (default: on a terminal)."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an output file even if it was edited since.")
    ] = False,
) -> None:
    """``reportgen track YEAR``: see :data:`HELP`."""
    from reportgen.errors import UsageError, display_path
    from reportgen.guard import write_output
    from reportgen.project import open_project
    from reportgen.templating import Templates
    from reportgen.track import TRACK_FORMATS, render, summary, track_year

    if fmt not in TRACK_FORMATS:
        raise UsageError(f"unknown format {fmt!r}", hint=f"choose from {', '.join(TRACK_FORMATS)}")
    opened = open_project(project)
    templates = Templates(opened.templates_dir)
    result = track_year(opened, year, templates.sections())
    text = render(result, fmt, templates=templates, color=color)
    if output is None:
        typer.echo(text, nl=False, color=color)
        return
    write_output(output, text.encode("utf-8"), force=force)
    typer.echo(summary(result))
    typer.echo(f"wrote {display_path(output)}")

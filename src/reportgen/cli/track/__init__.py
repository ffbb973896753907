"""``reportgen track YEAR``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reportgen.cli.app import app
from reportgen.cli.common import ColorOption, ForceOutputOption, ProjectOption

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
        str, typer.Option("--format", "-f", help="terminal (default), md, json or html.")
    ] = "terminal",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (default: standard output)."),
    ] = None,
    project: ProjectOption = None,
    color: ColorOption = None,
    force: ForceOutputOption = False,
) -> None:
    """``reportgen track YEAR``: see :data:`HELP`."""
    from reportgen.app.track import TrackRequest
    from reportgen.app.track import run as run_track
    from reportgen.cli.common import show_or_write

    report = run_track(TrackRequest(year, fmt, project))
    text = report.text
    if text is None:
        from reportgen.cli.track.printer import render_terminal

        text = render_terminal(report.result, color=color)
    show_or_write(text, output, report.summary, color=color, force=force)

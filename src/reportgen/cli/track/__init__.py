"""``reportgen track YEAR``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reportgen.cli.app import app
from reportgen.cli.common import ColorOption, ForceOutputOption, ProjectOption


@app.command(help="help_cmd_track", short_help="short_cmd_track")
def track(
    year: Annotated[str, typer.Argument(metavar="metavar_year", help="help_track_year")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="help_track_format")] = "terminal",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="help_track_output"),
    ] = None,
    project: ProjectOption = None,
    color: ColorOption = None,
    force: ForceOutputOption = False,
) -> None:
    """``reportgen track YEAR``: see the catalogue's ``help_cmd_track``."""
    from reportgen.app.track import TrackRequest
    from reportgen.app.track import run as run_track
    from reportgen.cli.common import show_or_write

    report = run_track(TrackRequest(year, fmt, project))
    text = report.text
    if text is None:
        from reportgen.cli.track.printer import render_terminal

        text = render_terminal(report.result, color=color)
    show_or_write(text, output, report.summary, color=color, force=force)

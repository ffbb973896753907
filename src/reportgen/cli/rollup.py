"""``reportgen rollup YEAR --projects 'orgs/*'``: the district office's table."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reportgen.cli.app import app
from reportgen.cli.common import ForceOutputOption
from reportgen.cli.progress import ProgressBar

if TYPE_CHECKING:
    from reportgen.app.rollup import RollupResult
    from reportgen.rollup.collect import Office


@app.command(help="help_cmd_rollup")
def rollup(
    year: Annotated[str, typer.Argument(metavar="metavar_year", help="help_rollup_year")],
    projects: Annotated[
        list[str],
        typer.Option(
            "--projects",
            metavar="PATTERN",
            help="help_rollup_projects",
        ),
    ],
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="help_rollup_format"),
    ] = "xlsx,docx",
    output: Annotated[Path, typer.Option("--output", "-o", help="help_rollup_output")] = Path(
        "rollup"
    ),
    mapping: Annotated[
        Path | None,
        typer.Option("--mapping", help="help_rollup_mapping"),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", metavar="N", help="help_rollup_jobs"),
    ] = 1,
    force: ForceOutputOption = False,
) -> None:
    """Put every office's key figures side by side: an Excel workbook and a Word table."""
    from reportgen.app.rollup import RollupRequest, parse_formats
    from reportgen.app.rollup import run as run_rollup

    request = RollupRequest(
        year,
        tuple(projects),
        parse_formats(fmt),
        output,
        mapping,
        jobs=jobs,
        force=force,
    )
    result = run_rollup(request, ProgressPrinter())
    show(result)
    raise typer.Exit(result.exit_code)


def show(result: RollupResult) -> None:
    """The summary and what went where: files on stdout, the rest on stderr."""
    from reportgen.errors import display_path
    from reportgen.settings.messages import message

    rollup = result.rollup
    if rollup.unmatched and result.mapping is not None:
        shown = display_path(result.mapping)
        _err(message("rollup_line_unmatched", count=len(rollup.unmatched), mapping=shown))
    if rollup.findings:
        _err(message("rollup_line_findings", count=len(rollup.findings)))
    _err(
        message(
            "rollup_summary",
            total=len(result.offices),
            ok=len(result.offices) - len(result.missing) - len(result.failed),
            missing=len(result.missing),
            failed=len(result.failed),
            seconds=f"{result.seconds:.1f}",
            jobs=result.jobs,
        )
    )
    for path in result.written:
        typer.echo(message("rollup_wrote", path=display_path(path)))


def _err(line: str) -> None:
    typer.echo(line, err=True)


class ProgressPrinter:
    """Says which offices are missing or failed as they are found, and draws a progress bar
    on stderr when stderr is a terminal (never into a pipe or a log file)."""

    def __init__(self, *, bar: bool | None = None) -> None:
        from reportgen.settings.messages import message

        self.progress = ProgressBar(message("rollup_progress"), bar=bar)

    def start(self, total: int) -> None:
        self.progress.start(total)

    def done(self, office: Office) -> None:
        from reportgen.settings.messages import message

        if office.status == "failed":
            lines = [
                message("rollup_line_failed", office=office.shown),
                textwrap.indent(office.reason, "  "),
            ]
        elif office.status == "missing":
            lines = [message("rollup_line_missing", office=office.shown, reason=office.reason)]
        else:
            lines = []
        self.progress.say(lines)
        self.progress.advance()

    def finish(self) -> None:
        self.progress.finish()

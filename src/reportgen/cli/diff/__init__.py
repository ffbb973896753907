"""``reportgen diff A B``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reportgen.cli.app import app
from reportgen.cli.common import ColorOption, ForceOutputOption, ProjectOption

if TYPE_CHECKING:
    from reportgen.app.diff import DiffReport, DiffRequest


@app.command(help="help_cmd_diff", short_help="short_cmd_diff")
def diff(
    old: Annotated[str, typer.Argument(help="help_diff_old")],
    new: Annotated[str, typer.Argument(help="help_diff_new")],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="help_diff_format",
        ),
    ] = "terminal",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="help_diff_output",
        ),
    ] = None,
    project: ProjectOption = None,
    context: Annotated[
        int,
        typer.Option("--context", "-c", help="help_diff_context"),
    ] = 12,
    color: ColorOption = None,
    author: Annotated[str, typer.Option("--author", help="help_diff_author")] = "reportgen",
    force: ForceOutputOption = False,
) -> None:
    """``reportgen diff OLD NEW``: see the catalogue's ``help_cmd_diff``."""
    from reportgen.app.diff import DiffRequest
    from reportgen.app.diff import run as run_diff
    from reportgen.errors import UserError

    request = DiffRequest(old, new, fmt, output, project, context, author)
    try:  # as diff(1): trouble (an unreadable file, an output edited by hand) is exit 2
        report = run_diff(request)
        show(report, request, color=color, force=force)
    except UserError as exc:
        typer.echo(exc.format(), err=True)
        raise typer.Exit(2) from None
    raise typer.Exit(0 if report.identical else 1)


def show(report: DiffReport, request: DiffRequest, *, color: bool | None, force: bool) -> None:
    """The diff on standard output or into its file (the terminal view drawn here)."""
    from reportgen.cli.common import show_or_write, write_and_report

    if report.docx is not None:
        assert report.target is not None
        write_and_report(report.target, report.docx, report.summary, force=force)
        return
    text = report.text
    if text is None:
        from reportgen.cli.diff.printer import render_terminal

        text = render_terminal(report.result, context=request.context, color=color)
    show_or_write(text, report.target, report.summary, color=color, force=force)

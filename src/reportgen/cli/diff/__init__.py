"""``reportgen diff A B``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reportgen.cli.app import app
from reportgen.cli.common import ColorOption, ForceOutputOption, ProjectOption

if TYPE_CHECKING:
    from reportgen.app.diff import DiffReport, DiffRequest

HELP = (
    "Compare two years: items added, removed, moved and reworded, the text word by word, "
    "and every key figure with both values and the change."
    "\n\n"
    "OLD and NEW are years (2022, 2023_plan: files in data/) or paths. Items are matched by "
    "their id, else by meaning (shared words, figures and named projects), one to one, with "
    "the confidence shown; metrics by id, with a changed unit "
    "(万元 → 亿元) converted."
    "\n\n"
    "Exit status, as diff(1): 0 when the files say the same, 1 when they differ, 2 when a "
    "file cannot be read or is not valid (the error is on standard error)."
)


@app.command(help=HELP, short_help="Compare two years: structure, text and figures.")
def diff(
    old: Annotated[
        str, typer.Argument(help="The earlier file: a year (2022, 2023_plan) or a path.")
    ],
    new: Annotated[str, typer.Argument(help="The later file: a year or a path.")],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="terminal (default), md, json, html, or docx: a Word document of NEW with "
            "OLD's differences as tracked changes (修订).",
        ),
    ] = "terminal",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (default: standard output; for docx build/OLD-NEW.diff.docx).",
        ),
    ] = None,
    project: ProjectOption = None,
    context: Annotated[
        int,
        typer.Option("--context", "-c", help="Characters of unchanged text shown around a change."),
    ] = 12,
    color: ColorOption = None,
    author: Annotated[
        str, typer.Option("--author", help="docx: the reviser's name Word shows on each change.")
    ] = "reportgen",
    force: ForceOutputOption = False,
) -> None:
    """``reportgen diff OLD NEW``: see :data:`HELP`."""
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

"""What several commands share: their common options, declared once so that they read and
behave the same everywhere, and how a command hands over the text it made."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reportgen.settings.messages import message

ProjectOption = Annotated[
    Path | None,
    typer.Option("--project", "-p", help="help_option_project"),
]
ColorOption = Annotated[
    bool | None,
    typer.Option("--color/--no-color", help="help_option_color"),
]
ForceOutputOption = Annotated[bool, typer.Option("--force", help="help_option_force_output")]


def write_and_report(path: Path, data: bytes, summary: str, *, force: bool) -> None:
    """Write ``data`` to ``path`` (never over a file edited since reportgen wrote it, unless
    ``force``), then say what was found and where it went."""
    from reportgen.errors import display_path
    from reportgen.files.guard import write_output

    write_output(path, data, force=force)
    typer.echo(summary)
    typer.echo(message("wrote", path=display_path(path)))


def show_or_write(
    text: str, output: Path | None, summary: str, *, color: bool | None, force: bool
) -> None:
    """``text`` on standard output, or into ``output`` with the one-line ``summary`` shown."""
    if output is None:
        typer.echo(text, nl=False, color=color)
    else:
        write_and_report(output, text.encode("utf-8"), summary, force=force)

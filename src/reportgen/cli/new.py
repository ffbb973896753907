"""``reportgen new YEAR``."""

from __future__ import annotations

from typing import Annotated

import typer

from reportgen.cli.app import app
from reportgen.cli.common import ProjectOption


@app.command(help="help_cmd_new", short_help="short_cmd_new")
def new(
    year: Annotated[str, typer.Argument(metavar="metavar_year", help="help_new_year")],
    project: ProjectOption = None,
) -> None:
    """``reportgen new YEAR``: see the catalogue's ``help_cmd_new``."""
    from reportgen.app.new import NewRequest
    from reportgen.app.new import run as run_new
    from reportgen.errors import display_path

    draft = run_new(NewRequest(year, project))
    for note in draft.notes:
        typer.echo(f"note: {note}", err=True)
    typer.echo(f"wrote {display_path(draft.path)}: {draft.items} item(s) to fill, one per priority")
    typer.echo(f"next: replace every 待填写; `reportgen check {year}` lists those left")

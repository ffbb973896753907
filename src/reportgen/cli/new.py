"""``reportgen new YEAR``."""

from __future__ import annotations

from typing import Annotated

import typer

from reportgen.cli.app import app
from reportgen.cli.common import ProjectOption
from reportgen.settings.messages import message


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
        typer.echo(message("note_prefix") + note, err=True)
    typer.echo(message("new_wrote", path=display_path(draft.path), count=draft.items))
    typer.echo(message("new_next", year=year))

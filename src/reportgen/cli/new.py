"""``reportgen new YEAR``."""

from __future__ import annotations

from typing import Annotated

import typer

from reportgen.cli.app import app
from reportgen.cli.common import ProjectOption

HELP = (
    "Start data/YEAR.yaml from data/YEAR_plan.yaml: one item to fill per priority, linked to "
    "it by id for `reportgen track`, with 待填写 placeholders that `reportgen check` reports "
    "until they are filled."
    "\n\n"
    "Never overwrites an existing file."
)


@app.command(help=HELP, short_help="Start next year's review from its plan.")
def new(
    year: Annotated[str, typer.Argument(help="The year of the review to start, e.g. 2023.")],
    project: ProjectOption = None,
) -> None:
    """``reportgen new YEAR``: see :data:`HELP`."""
    from reportgen.app.new import NewRequest
    from reportgen.app.new import run as run_new
    from reportgen.errors import display_path

    draft = run_new(NewRequest(year, project))
    for note in draft.notes:
        typer.echo(f"note: {note}", err=True)
    typer.echo(f"wrote {display_path(draft.path)}: {draft.items} item(s) to fill, one per priority")
    typer.echo(f"next: replace every 待填写; `reportgen check {year}` lists those left")

"""``reportgen import FILE``: an existing .docx or .txt summary → data/YEAR.yaml (+ the plan)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reportgen.cli.app import app
from reportgen.cli.common import ProjectOption
from reportgen.settings.messages import message

if TYPE_CHECKING:
    from reportgen.app.import_ import ImportResult


@app.command("import", help="help_cmd_import")
def import_command(
    file: Annotated[Path, typer.Argument(help="help_import_file")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="help_import_output",
        ),
    ] = None,
    plan_output: Annotated[
        Path | None,
        typer.Option(
            "--plan-output",
            help="help_import_plan_output",
        ),
    ] = None,
    organisation: Annotated[
        str | None,
        typer.Option("--organisation", help="help_import_organisation"),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", help="help_import_year"),
    ] = None,
    keep_punctuation: Annotated[
        bool,
        typer.Option("--keep-punctuation", help="help_import_keep_punctuation"),
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="help_import_dry_run")] = False,
    force: Annotated[bool, typer.Option("--force", help="help_import_force")] = False,
    project: ProjectOption = None,
) -> None:
    """Import an existing work summary (.docx or .txt) as reportgen YAML, for review."""
    from reportgen.app import import_ as use_case
    from reportgen.errors import display_path

    request = use_case.ImportRequest(
        file,
        output,
        plan_output,
        organisation,
        year,
        keep_punctuation=keep_punctuation,
        dry_run=dry_run,
        force=force,
        project=project,
    )
    result = use_case.prepare(request)
    report = result.imported.report
    typer.echo(report.summary())
    for line in report.details():
        typer.echo(f"  {line}", err=True)
    if dry_run:
        for path in result.targets.values():
            typer.echo(message("would_write", path=display_path(path)))
        return
    for path in use_case.write(result, request).written:
        typer.echo(message("wrote", path=display_path(path)))
    typer.echo(next_step(result), err=True)


def next_step(result: ImportResult) -> str:
    """The command that builds what was written, exactly as it must be typed from here."""
    import shlex

    from reportgen.errors import display_path
    from reportgen.settings.messages import message

    project = result.project
    if project is None:
        return message("import_next_outside", spec=result.spec)
    command = f"reportgen build {result.spec} --format txt"
    if project.resolve() != Path.cwd().resolve():
        command += f" -p {shlex.quote(display_path(project))}"
    return message("import_next", command=command)

"""``reportgen diff A B``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reportgen.cli.app import app
from reportgen.cli.common import ColorOption, ForceOutputOption, ProjectOption

DIFF_FORMATS = ("terminal", "md", "json", "html", "docx")
HELP = (
    "Compare two years: items added, removed, moved and reworded, the text word by word, "
    "and every key figure with both values and the change."
    "\n\n"
    "OLD and NEW are years (2022, 2023_plan: files in data/) or paths. Items are matched by "
    "their id, else by how alike their headings read; metrics by id, with a changed unit "
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
    from reportgen.errors import UsageError, UserError

    try:
        if fmt not in DIFF_FORMATS:
            raise UsageError(
                f"unknown format {fmt!r}", hint=f"choose from {', '.join(DIFF_FORMATS)}"
            )
        if context < 0:
            raise UsageError("--context must be 0 or more")
        identical = _run(old, new, fmt, output, project, context, color, author, force)
    except UserError as exc:
        typer.echo(exc.format(), err=True)
        raise typer.Exit(2) from None
    raise typer.Exit(0 if identical else 1)


def _run(
    old: str,
    new: str,
    fmt: str,
    output: Path | None,
    project_dir: Path | None,
    context: int,
    color: bool | None,
    author: str,
    force: bool,
) -> bool:
    from reportgen.cli.common import show_or_write, write_and_report
    from reportgen.diff import compare, load_input
    from reportgen.diff.output import render_text, summary
    from reportgen.files.project import open_project
    from reportgen.settings.templating import Templates
    from reportgen.settings.units import load_units

    project = open_project(project_dir)
    templates = Templates(project.templates_dir)
    old_doc, old_name = load_input(project, old)
    new_doc, new_name = load_input(project, new)
    sections = templates.sections()
    result = compare(
        old_doc,
        new_doc,
        sections=sections,
        units=load_units(templates),
        old_name=old_name,
        new_name=new_name,
    )
    if fmt == "docx":
        from reportgen.diff.compare import compose_alone
        from reportgen.render.docx_diff import render_docx_diff
        from reportgen.settings.layout import load_layout

        data = render_docx_diff(
            result.old_composed or compose_alone(old_doc, sections),
            result.new_composed or compose_alone(new_doc, sections),
            load_layout(templates),
            author=author,
            items=result.items,
        )
        target = (
            output or project.build_dir / f"{Path(old_name).stem}-{Path(new_name).stem}.diff.docx"
        )
        write_and_report(target, data, summary(result), force=force)
        return result.identical
    text = render_text(result, fmt, templates=templates, context=context, color=color)
    show_or_write(text, output, summary(result), color=color, force=force)
    return result.identical

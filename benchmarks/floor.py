"""The floor of the stack: reportgen's command line with nothing behind it.

A typer application with the same root options and the same ``build`` and ``check`` signatures
as reportgen's, whose commands only import what such a command cannot do without: python-docx
and PyYAML for ``build`` (reading YAML, writing a .docx), PyYAML for ``check``. Python's
start-up, typer (and the pydantic it converts every parameter with) and those libraries are
what any tool built on this stack pays; ``run.py`` compares reportgen's cold commands with these:

    python benchmarks/floor.py build 2022 -o out.docx
    python benchmarks/floor.py check 2022
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="floor",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
ProjectOption = Annotated[Path | None, typer.Option("--project", "-p", help="Project folder.")]


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Tracebacks.")] = False,
    lang: Annotated[str, typer.Option("--lang", help="zh or en.")] = "zh",
    version: Annotated[bool, typer.Option("--version", is_eager=True, help="Version.")] = False,
) -> None:
    pass


def build(
    year: Annotated[str, typer.Argument(help="The year.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="Formats.")] = "docx",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Output.")] = None,
    project: ProjectOption = None,
    projects: Annotated[
        list[str] | None, typer.Option("--projects", metavar="PATTERN", help="Projects.")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", metavar="N", help="Processes.")] = 1,
    force: Annotated[bool, typer.Option("--force", help="Replace.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Strict.")] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="PDF.")] = False,
) -> None:
    import docx  # noqa: F401
    import yaml  # noqa: F401


def check(
    specs: Annotated[list[str] | None, typer.Argument(metavar="YEAR|FILE", help="Files.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Strict.")] = False,
    fix: Annotated[bool, typer.Option("--fix", help="Fix.")] = False,
    list_rules: Annotated[bool, typer.Option("--list-rules", help="Rules.")] = False,
    project: ProjectOption = None,
) -> None:
    import yaml  # noqa: F401


COMMANDS = {"build": build, "check": check}


def named(args: list[str]) -> str | None:
    """The command ``args`` run: the first word that is neither an option nor --lang's value."""
    words = iter(args)
    for word in words:
        if word == "--lang":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


if __name__ == "__main__":
    # As reportgen's own entry point does (reportgen/__main__.py): the same process, the same
    # rules. No collection while the libraries load, no interpreter teardown at the end, and
    # only the command this run names is turned into a click command (reportgen's CommandLine
    # group loads a command's module when it is run).
    gc.disable()
    name = named(sys.argv[1:])
    for command, function in COMMANDS.items():
        if name not in COMMANDS or name == command:
            app.command(command)(function)
    try:
        app()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)

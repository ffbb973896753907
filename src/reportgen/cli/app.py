"""The typer application and the error boundary shared by every command."""

from __future__ import annotations

import os
import sys
import traceback
from typing import Annotated

import typer

app = typer.Typer(
    name="reportgen",
    help="Build, check and compare an annual work summary (工作总结及工作思路) kept as YAML.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help and usage errors: rich's boxes cost `reportgen --help` 110 ms of its 210.
    rich_markup_mode=None,
)

_state = {"debug": False}


def _version(value: bool) -> None:
    if value:
        from reportgen import __version__

        typer.echo(f"reportgen {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show Python tracebacks for errors.")
    ] = False,
    lang: Annotated[str, typer.Option("--lang", help="Language of messages: zh or en.")] = "zh",
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    from reportgen.settings.messages import LANGUAGES, set_language

    if lang not in LANGUAGES:
        raise typer.BadParameter(f"choose zh or en, not {lang!r}", param_hint="--lang")
    _state["debug"] = debug or bool(os.environ.get("REPORTGEN_DEBUG"))
    set_language(lang)


def run(application: typer.Typer) -> int:
    """Run the CLI; turn user errors into messages and exit codes, bugs into a short report."""
    from reportgen.errors import UserError

    try:
        # Standalone mode: typer prints usage errors itself and exits 2.
        application()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except UserError as exc:
        if _state["debug"]:
            traceback.print_exc()
        print(exc.format(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so plainly, trace only under --debug
        if _state["debug"] or "--debug" in sys.argv:
            traceback.print_exc()
        else:
            print(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "  → this is a bug in reportgen; run again with --debug and report the output",
                file=sys.stderr,
            )
        return 3
    return 0

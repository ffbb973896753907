"""The typer application and the error boundary shared by every command."""

from __future__ import annotations

import os
import sys
import traceback
from typing import Annotated

import typer

from reportgen.cli.language import LocalisedGroup

app = typer.Typer(
    name="reportgen",
    cls=LocalisedGroup,
    help="help_app",
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
    debug: Annotated[bool, typer.Option("--debug", help="help_option_debug")] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", metavar="zh|en", help="help_option_lang")
    ] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="help_option_no_color")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="help_option_version"),
    ] = False,
) -> None:
    from reportgen.cli.terminal import forbid_color
    from reportgen.settings.messages import LANGUAGES, message, set_language

    if lang is not None and lang not in LANGUAGES:
        raise typer.BadParameter(message("lang_choice", input=lang), param_hint="--lang")
    _state["debug"] = debug or bool(os.environ.get("REPORTGEN_DEBUG"))
    if lang is not None:
        set_language(lang)
    if no_color:
        forbid_color()


def run(application: typer.Typer) -> int:
    """Run the CLI; turn user errors into messages and exit codes, bugs into a short report."""
    from typer import Abort
    from typer._click.exceptions import ClickException, UsageError

    from reportgen.cli.language import usage_error_text
    from reportgen.errors import UserError
    from reportgen.settings.messages import message

    try:
        # Not standalone: usage errors come here to be worded in the user's language.
        returned = application(standalone_mode=False)
        return returned if isinstance(returned, int) else 0
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except UsageError as exc:
        print(usage_error_text(exc), file=sys.stderr)
        return exc.exit_code
    except ClickException as exc:
        exc.show()
        return exc.exit_code
    except Abort:
        print(message("click_aborted"), file=sys.stderr)
        return 1
    except UserError as exc:
        if _state["debug"]:
            traceback.print_exc()
        print(exc.format(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(message("interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so plainly, trace only under --debug
        if _state["debug"] or "--debug" in sys.argv:
            traceback.print_exc()
        else:
            print(message("internal_error", kind=type(exc).__name__, input=exc), file=sys.stderr)
        return 3

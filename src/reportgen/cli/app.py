"""The typer application and the error boundary shared by every command."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer
from typer._click import core as click_core

from reportgen.cli.language import LocalisedGroup

# The name a user types → the module of reportgen.cli that registers it, in --help's order.
COMMANDS = {
    "build": "build",
    "check": "check",
    "diff": "diff",
    "import": "import_",
    "new": "new",
    "preview": "preview",
    "rollup": "rollup",
    "schema": "schema",
    "track": "track",
}


class CommandLine(LocalisedGroup):
    """The root command, which loads a command's module when that command is run.

    typer turns every registered command into a click command (its parameters, their types
    and help) before it parses the command line: for all nine, a quarter of the instructions
    a cold ``reportgen build`` runs. So ``reportgen build 2022`` imports and converts ``build``
    alone, as click's lazy groups do; the help, and a name that is no command (whose
    did-you-mean needs every name), load them all.
    """

    def get_command(self, ctx: click_core.Context, cmd_name: str) -> click_core.Command | None:
        if cmd_name not in self.commands:
            self._load([cmd_name] if cmd_name in COMMANDS else list(COMMANDS))
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click_core.Context) -> list[str]:
        self._load(list(COMMANDS))
        known = [name for name in COMMANDS if name in self.commands]
        return known + [name for name in self.commands if name not in COMMANDS]

    def _load(self, names: list[str]) -> None:
        import importlib

        from typer.main import get_command_from_info, get_command_name

        for name in names:
            if name in self.commands:
                continue
            importlib.import_module(f"reportgen.cli.{COMMANDS[name]}")  # registers it on app
            for info in app.registered_commands:
                callback = info.callback
                if (
                    callback is not None
                    and (info.name or get_command_name(callback.__name__)) == name
                ):
                    self.commands[name] = get_command_from_info(
                        info,
                        pretty_exceptions_short=app.pretty_exceptions_short,
                        rich_markup_mode=app.rich_markup_mode,
                    )


app = typer.Typer(
    name="reportgen",
    cls=CommandLine,
    help="help_app",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help and usage errors: rich's boxes cost `reportgen --help` 110 ms of its 210.
    rich_markup_mode=None,
)

_state = {"debug": False, "interrupted": False}


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
    from reportgen.settings.messages import LANGUAGES, message, set_language

    if lang is not None and lang not in LANGUAGES:
        raise typer.BadParameter(message("lang_choice", input=lang), param_hint="--lang")
    _state["debug"] = debug or bool(os.environ.get("REPORTGEN_DEBUG"))
    if lang is not None:
        set_language(lang)
    if no_color:  # cli.terminal is imported then only: build prints no colour (0.4 M instructions)
        from reportgen.cli.terminal import forbid_color

        forbid_color()


def run(application: typer.Typer) -> int:
    """Run the CLI; turn user errors into messages and exit codes, bugs into a short report."""
    _tolerant_streams()
    real = sys.stdout
    sys.stdout = _Output(real)  # type: ignore[assignment]
    previous = _watch_ctrl_c()
    try:
        code = _run(application)
        sys.stdout.flush()
    except _OutputFailed as exc:  # stdout is /dev/full, or a pipe whose reader went away
        return _stdout_failed(exc.error, real)
    except KeyboardInterrupt:
        return interrupted()
    finally:
        sys.stdout = real
        if previous is not None:
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(signal.SIGINT, previous)
    return code


def _watch_ctrl_c() -> object:
    """Note Ctrl-C when it comes, whatever a library turns its KeyboardInterrupt into
    (pydantic wraps one raised while it builds a validator in a SchemaError)."""
    _state["interrupted"] = False

    def on_ctrl_c(signum: int, frame: object) -> None:
        _state["interrupted"] = True
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGINT, on_ctrl_c)
    except ValueError:  # not the main thread (a test runner): Python's own handler stays
        return None


class _OutputFailed(Exception):
    def __init__(self, error: OSError):
        super().__init__(error)
        self.error = error


class _Output:
    """stdout, whose failures are told apart from every other OSError."""

    def __init__(self, stream: object):
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)  # type: ignore[attr-defined,no-any-return]
        except OSError as exc:
            raise _OutputFailed(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()  # type: ignore[attr-defined]
        except OSError as exc:
            raise _OutputFailed(exc) from None

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def interrupted() -> int:
    """Ctrl-C: one line, exit code 130 (the shell's own code for it)."""
    from reportgen.settings.messages import message

    with contextlib.suppress(ValueError):  # a second Ctrl-C must not cut this line short
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        line = message("interrupted")
    except Exception:  # the catalogue's loading itself was cut off (yaml half-imported)
        line = _catalogue_line("interrupted")
    with contextlib.suppress(OSError):
        print(line, file=sys.stderr)
    return 130


def _catalogue_line(key: str) -> str:
    """One plain ``key:`` entry of messages.yaml read without yaml, in the current language."""
    from reportgen.settings.messages import language

    path = Path(__file__).resolve().parents[1] / "settings" / "messages.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index(f"{key}:")
    texts = dict(line.strip().split(": ", 1) for line in lines[at + 1 : at + 3])
    return texts.get(language(), texts["en"]).strip('"')


def _tolerant_streams() -> None:
    """A terminal (or PYTHONIOENCODING) that cannot show Chinese gets ``\\uXXXX`` escapes
    for what it cannot show, rather than a crash in the middle of a message."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            "中→".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            with contextlib.suppress(AttributeError, ValueError, OSError):
                stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


def _stdout_failed(exc: OSError, stdout: object) -> int:
    """Say once, on stderr, that the output could not be written; and point stdout at
    nothing, so that the interpreter's own flush at exit does not complain again."""
    from reportgen.settings.messages import message

    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stdout.fileno())  # type: ignore[attr-defined]
        os.close(devnull)
    if exc.errno != errno.EPIPE:  # `reportgen check | head`: the reader has what it wanted
        with contextlib.suppress(OSError):
            print(message("stdout_failed", reason=exc.strerror or exc), file=sys.stderr)
    return 1


def _run(application: typer.Typer) -> int:
    from typer import Abort
    from typer._click.exceptions import ClickException, UsageError

    from reportgen.cli.language import usage_error_text
    from reportgen.errors import UserError
    from reportgen.settings.messages import message

    try:
        # Not standalone: usage errors come here to be worded in the user's language.
        returned = application(standalone_mode=False)
        if returned == 130:  # typer turns Ctrl-C into a silent Exit(130): say what happened
            return interrupted()
        return returned if isinstance(returned, int) else 0
    except SystemExit as exc:
        if exc.code == 130:  # typer turned Ctrl-C into a silent exit 130: say what happened
            return interrupted()
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except UsageError as exc:
        print(usage_error_text(exc), file=sys.stderr)
        return exc.exit_code
    except ClickException as exc:
        exc.show()
        return exc.exit_code
    except Abort as exc:
        # Not standalone, click turns Ctrl-C into Abort: it is still Ctrl-C (one line, 130)
        if _state["interrupted"] or isinstance(exc.__cause__, KeyboardInterrupt):
            return interrupted()
        print(message("click_aborted"), file=sys.stderr)
        return 1
    except UserError as exc:
        if _state["debug"]:
            traceback.print_exc()
        print(exc.format(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return interrupted()
    except _OutputFailed:
        raise
    except Exception as exc:  # a bug: say so plainly, trace only under --debug
        if _state["interrupted"]:  # a KeyboardInterrupt a library wrapped in its own error
            return interrupted()
        return _bug(exc)
    return 0


def _bug(exc: Exception) -> int:
    """A bug: say so plainly, trace only under --debug."""
    from reportgen.settings.messages import message

    if _state["debug"] or "--debug" in sys.argv:
        traceback.print_exc()
    else:
        print(message("internal_error", error=type(exc).__name__, input=exc), file=sys.stderr)
    return 3

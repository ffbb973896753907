"""The error boundary of cli/app.py: a bug is said in one line of the user's language."""

from __future__ import annotations

import sys

import pytest
import typer

from reportgen.cli.app import run
from reportgen.settings.messages import set_language


def _buggy() -> typer.Typer:
    application = typer.Typer()

    @application.command()
    def boom() -> None:
        raise RuntimeError("boom")

    @application.command()
    def other() -> None:  # two commands, so the name "boom" is a subcommand
        pass

    return application


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh", "内部错误：RuntimeError: boom"),
        ("en", "internal error: RuntimeError: boom"),
    ],
)
def test_a_bug_is_one_line_naming_it_and_exit_3(
    lang: str, line: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    set_language(lang)
    monkeypatch.setattr(sys, "argv", ["reportgen", "boom"])
    assert run(_buggy()) == 3
    err = capsys.readouterr().err
    assert err.splitlines()[0] == line
    assert "--debug" in err and "Traceback" not in err


def test_every_command_module_is_in_the_table_of_commands() -> None:
    # A command added without its line in COMMANDS would never be loaded by name.
    import pkgutil

    from typer.main import get_command, get_command_name

    import reportgen.cli
    from reportgen.cli.app import COMMANDS, app

    group = get_command(app)
    names = group.list_commands(typer.Context(group))  # loads every command
    assert names == [
        "build",
        "check",
        "diff",
        "import",
        "new",
        "preview",
        "rollup",
        "schema",
        "track",
    ]
    registered = {
        info.name or get_command_name(info.callback.__name__)
        for info in app.registered_commands
        if info.callback is not None
    }
    assert registered == set(COMMANDS)
    modules = {m.name for m in pkgutil.iter_modules(reportgen.cli.__path__)}
    assert set(COMMANDS.values()) <= modules

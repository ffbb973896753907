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

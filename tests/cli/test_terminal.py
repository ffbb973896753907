"""reportgen.cli.terminal: the rich console diff and track print through."""

from __future__ import annotations

import io

import pytest

from reportgen.cli import terminal


def test_plain_console_has_no_escapes_and_no_padding() -> None:
    from rich.table import Table

    out = io.StringIO()
    console = terminal.console(out, color=False)
    table = Table(box=None)
    table.add_column("指标")
    table.add_column("数值", justify="right")
    table.add_row("规上工业总产值:smile:", "4720")
    table.add_row("x", "1")
    console.print(table, style="bold red")
    text = terminal.printed(out)
    assert "\x1b[" not in text
    assert ":smile:" in text  # no emoji substitution
    assert all(line == line.rstrip() for line in text.splitlines())
    assert text.endswith("\n") and len(text.splitlines()) == 3


def test_coloured_console_styles_text() -> None:
    from rich.text import Text

    out = io.StringIO()
    terminal.console(out, color=True, width=80).print(Text("删除", style="red"))
    assert "\x1b[" in out.getvalue()


def test_long_lines_are_not_wrapped() -> None:
    out = io.StringIO()
    terminal.console(out, color=False).print("字" * 700)
    assert terminal.printed(out) == "字" * 700 + "\n"


@pytest.mark.parametrize("asked", [True, False])
def test_colour_as_asked(asked: bool) -> None:
    assert terminal.wants_color(asked) is asked


def test_colour_by_default_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout", io.StringIO())
    assert terminal.wants_color(None) is False

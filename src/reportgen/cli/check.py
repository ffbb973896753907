"""``reportgen check [YEAR | FILE]... [--fix] [--format json] [--strict]``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from reportgen.cli.app import app
from reportgen.cli.common import ProjectOption

if TYPE_CHECKING:
    from collections.abc import Mapping

    from reportgen.check.fix import FixResult
    from reportgen.check.run import CheckReport
    from reportgen.errors import Problem
    from reportgen.settings.rules import Rule


@app.command(help="help_cmd_check")
def check(
    specs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="metavar_year_or_file",
            help="help_check_specs",
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="help_check_format")] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="help_check_strict")] = False,
    fix: Annotated[
        bool,
        typer.Option("--fix", help="help_check_fix"),
    ] = False,
    list_rules: Annotated[bool, typer.Option("--list-rules", help="help_check_list_rules")] = False,
    project: ProjectOption = None,
) -> None:
    """Check the YAML files: schema, references and lint rules, every problem with its line.

    Exit code 0 when there are no errors, 1 when there are (warnings too under --strict).
    """
    from reportgen.app.check import CheckRequest
    from reportgen.app.check import run as run_check
    from reportgen.errors import UsageError

    if fmt not in ("text", "json"):
        from reportgen.settings.messages import message

        raise UsageError(
            message("unknown_format", input=fmt), hint=message("choose_from", expected="text, json")
        )
    outcome = run_check(CheckRequest(tuple(specs or ()), fix, list_rules, project))
    if outcome.report is None:
        _print_rules(outcome.rules)
        return
    report, fixes = outcome.report, outcome.fixes
    if fmt == "json":
        from reportgen.check.run import as_json

        typer.echo(as_json(report, fixes))
    else:
        _print_fixes(fixes)
        _print_report(report)
    raise typer.Exit(1 if report.failed(strict) else 0)


# A line is a list of pieces: (text, rich style or "").
Pieces = list[tuple[str, str]]
# What rich leaves out of text (BEL, BS, VT, FF, CR) or expands (tab): a line holding one is
# printed by rich, so that plain output stays what rich would print.
_RICH_CHANGES = frozenset("\x07\x08\x0b\x0c\r\t")


class _Printer:
    """Prints lines in colour through rich on a terminal, as plain text elsewhere (a pipe, a
    file, CI), where rich would print the same text and costs ~30 ms to import."""

    def __init__(self) -> None:
        self.console = _console() if _styled() else None

    def print(self, pieces: Pieces | None = None) -> None:
        pieces = pieces or []
        if self.console is None and not any(_RICH_CHANGES.intersection(t) for t, _ in pieces):
            sys.stdout.write("".join(text for text, _ in pieces) + "\n")
            return
        from rich.text import Text

        self.console = self.console or _console()
        self.console.print(Text.assemble(*pieces))


def _styled() -> bool:
    """Whether rich would write escape codes to standard output (its own test, without it)."""
    import os

    from reportgen.cli.terminal import color_forbidden

    if color_forbidden():
        return False
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    if "FORCE_COLOR" in os.environ:
        return os.environ["FORCE_COLOR"] != ""
    try:
        return sys.stdout.isatty()
    except ValueError:  # closed
        return False


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False)


def _print_report(report: CheckReport) -> None:
    from reportgen.check.run import BLOCKING_RULES, summary

    out = _Printer()
    explained: set[tuple[str, str]] = set()  # a rule's advice is given once, at its first finding
    for checked in report.files:
        if not checked.problems:
            continue
        out.print([(checked.shown, "bold")])
        for problem in checked.problems:
            first = (problem.rule, problem.hint) not in explained or problem.rule in BLOCKING_RULES
            explained.add((problem.rule, problem.hint))
            out.print(_line(problem, hint=first))
    if report.errors:
        style = "bold red"
    elif report.warnings:
        style = "bold yellow"
    else:
        style = "bold green"
    out.print([(summary(report), style)])


def _line(problem: Problem, *, hint: bool = True) -> Pieces:
    from reportgen.settings.messages import message

    colour = "red" if problem.severity == "error" else "yellow"
    words = {s: message(f"severity_{s}") for s in ("error", "warning")}
    word = words[problem.severity].ljust(max(map(len, words.values())))
    path = f"{problem.path}: " if problem.path else ""
    pieces = [
        ("  ", ""),
        (str(problem.location), "cyan"),
        ("  ", ""),
        (word, colour),
        (f"  {path}{problem.message} ", ""),
        (f"[{problem.rule}]", "dim"),
    ]
    if problem.hint and hint:
        pieces += [("\n      ", ""), (f"→ {problem.hint}", "dim")]
    return pieces


def _print_fixes(fixes: list[FixResult]) -> None:
    from reportgen.settings.messages import message

    if not fixes:
        return
    out = _Printer()
    for result in fixes:
        if not result.changes:
            continue
        changed = message(
            "fix_changed",
            field=result.shown,
            expected=len(result.changes),
            input=result.backup_shown,
        )
        out.print([(changed, "bold green")])
        for line in result.diff:
            style = "red" if line.startswith("-") else "green" if line.startswith("+") else "dim"
            out.print([(line, style)])
        for problem in result.skipped:
            out.print([("  ", ""), (str(problem.location), "yellow"), (f"  {problem.message}", "")])
    if not any(r.changes for r in fixes):
        out.print([(message("fix_nothing"), "dim")])
    out.print()
    sys.stdout.flush()


def _print_rules(rules: Mapping[str, Rule]) -> None:
    from reportgen.settings.messages import message

    out = _Printer()
    for rule in rules.values():
        state = rule.severity if rule.enabled else "off"
        colour = {"error": "red", "warning": "yellow"}.get(state, "dim")
        about = rule.text("about") if isinstance(rule.options.get("about"), dict) else ""
        word = message(f"rule_state_{state}")
        out.print([(f"{rule.id:20}", "bold"), (" ", ""), (word, colour), (f"  {about}", "")])
        for name, value in rule.options.items():
            if (
                name == "about"
                or name == "hint"
                or name.startswith("message")
                or name == "patterns"
            ):
                continue
            out.print([("    ", ""), (f"{name}: {value}", "dim")])

"""No user-facing English literal in the code: what the user reads comes from the catalogue
(settings/messages.yaml) in their language. The scan reads the source's syntax tree: every
string constant (f-string parts too) passed to something that prints or raises a user error,
and every help text of the command line, must not be English prose. A few places are known
and listed below with the reason; the list may only shrink."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "reportgen"

# Calls whose string arguments reach the user.
PRINTING = {"echo", "secho", "print", "say"}
USER_ERRORS = {"UserError", "UsageError", "LoadError", "BadParameter", "Problem", "ChangedByHand"}
HELP_KEYWORDS = {"help", "short_help", "hint", "message"}
# Two English words in a row (a key like help_build_year is not prose) ...
PROSE = re.compile(r"\b[A-Za-z]{2,}[ ,;:'()-]+[A-Za-z]{2,}\b")
# ... unless every word is a rich style or a name the user types as it is (a format, a kind).
NAMES = re.compile(
    r"^(?:[\s,|/]|bold|dim|italic|red|green|yellow|cyan|blue|magenta"
    r"|text|json|md|txt|html|docx|xlsx|csv|all|review|plan)*$"
)

# (module, how many literals) known to be English still, and why.
ALLOWED = {
    # A YAML tag is named as YAML writes it; "binary data" is compared with, not shown.
    "model/loader.py": 2,
    # Rule-setting and model errors raised as ValueError/PydanticCustomError are worded by
    # pydantic's error types through the catalogue; this one is the model's own rule.
    "model/validate.py": 1,
}


def _english_literals(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name in PRINTING or name in USER_ERRORS:
            arguments = [*node.args, *(k.value for k in node.keywords if k.arg != "rule")]
        else:
            arguments = [k.value for k in node.keywords if k.arg in HELP_KEYWORDS]
        for argument in arguments:
            for part in ast.walk(argument):
                if (
                    isinstance(part, ast.Constant)
                    and isinstance(part.value, str)
                    and PROSE.search(part.value)
                    and not NAMES.match(part.value)
                ):
                    found.append((part.lineno, part.value))
    return found


def test_no_user_facing_english_literal_remains() -> None:
    counts: Counter[str] = Counter()
    shown = []
    for source in sorted(SRC.rglob("*.py")):
        module = source.relative_to(SRC).as_posix()
        literals = _english_literals(ast.parse(source.read_text("utf-8")))
        counts[module] = len(literals)
        if len(literals) > ALLOWED.get(module, 0):
            shown += [f"{module}:{line}: {text!r}" for line, text in literals]
    assert not shown, "English for users in the code; use message(key):\n" + "\n".join(shown)
    stale = {m: n for m, n in ALLOWED.items() if counts[m] < n}
    assert not stale, f"fewer English literals than allowed; lower the counts: {stale}"


def test_the_scan_finds_what_it_looks_for() -> None:
    tree = ast.parse(
        'typer.echo(f"wrote {path}")\n'
        'raise UserError("file not found", hint="check the path")\n'
        'typer.Option("--x", help="Show the version.")\n'
        'typer.Option("--x", help="help_option_version")\n'
        'typer.echo(message("wrote", path=p))\n'
    )
    assert [line for line, _ in _english_literals(tree)] == [2, 2, 3]

"""Text for a terminal or a pipe, as ``diff`` and ``track`` show it: one rich setup for both.

rich is imported when a console is made, not with this module.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

# Plain text (a pipe, a file) is never wrapped: a table keeps one line a row.
PIPE_WIDTH = 1000


_forbidden = {"color": False}


def forbid_color() -> None:
    """``--no-color`` given before or after the command: no colour anywhere in this run."""
    _forbidden["color"] = True


def color_forbidden() -> bool:
    """Whether ``--no-color`` or the ``NO_COLOR`` environment variable (no-color.org: any
    non-empty value) asked for plain text."""
    return _forbidden["color"] or bool(os.environ.get("NO_COLOR"))


def wants_color(color: bool | None) -> bool:
    """``color`` as asked; by default, whether standard output is a terminal and colour is not
    forbidden."""
    if color is not None:
        return color
    return not color_forbidden() and sys.stdout.isatty()


def terminal_width() -> int:
    return max(60, shutil.get_terminal_size((120, 24)).columns)


def console(out: io.StringIO, *, color: bool, width: int = PIPE_WIDTH) -> Console:
    """A rich console printing into ``out``: styled only when ``color``, nothing highlighted or
    turned into emoji, long lines left whole."""
    from rich.console import Console

    return Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        width=width,
        highlight=False,
        emoji=False,
        soft_wrap=True,
    )


def printed(out: io.StringIO) -> str:
    """What was printed into ``out``, each line without the spaces rich pads it with."""
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())

"""The ``reportgen`` command. Each command lives in its own module and only parses options,
calls the library and prints; heavy libraries are imported inside the commands. A command's
module is imported when the command is run (:class:`reportgen.cli.app.CommandLine`).
"""

from __future__ import annotations

import sys

from reportgen.cli.app import COMMANDS, app, run


def main() -> None:
    sys.exit(run(app))


__all__ = ["COMMANDS", "app", "main"]

"""``reportgen build --projects``: each project's result as it finishes, and a progress bar
on standard error when it is a terminal (never into a pipe or a log file)."""

from __future__ import annotations

import sys
import textwrap

from reportgen.app.batch import Outcome, Reporter
from reportgen.cli.progress import ProgressBar
from reportgen.errors import display_path
from reportgen.settings.messages import message


class ConsoleReporter(Reporter):
    """Prints each project's result as it finishes, and draws a progress bar on stderr when
    stderr is a terminal (never into a pipe or a log file)."""

    def __init__(self, *, bar: bool | None = None) -> None:
        self.progress = ProgressBar(message("batch_progress"), bar=bar, timing=True)

    def start(self, total: int) -> None:
        self.progress.start(total)

    def done(self, outcome: Outcome) -> None:
        if outcome.ok:
            notes = [message("note_prefix") + f"{outcome.name}: {note}" for note in outcome.notes]
            self.progress.say(
                [message("wrote", path=display_path(path)) for path in outcome.written], sys.stdout
            )
        else:
            notes = [
                message("batch_failed", input=outcome.name),
                textwrap.indent(outcome.error, "  "),
            ]
        self.progress.say(notes)
        self.progress.advance()

    def finish(self) -> None:
        self.progress.finish()

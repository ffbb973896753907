"""``reportgen build --projects``: each project's result as it finishes, and a progress bar
on standard error when it is a terminal (never into a pipe or a log file)."""

from __future__ import annotations

import sys
import textwrap

from reportgen.app.batch import Outcome, Reporter
from reportgen.errors import display_path


class ConsoleReporter(Reporter):
    """Prints each project's result as it finishes, and draws a progress bar on stderr when
    stderr is a terminal (never into a pipe or a log file)."""

    def __init__(self, *, bar: bool | None = None) -> None:
        self.bar = sys.stderr.isatty() if bar is None else bar
        self._progress = None
        self._task = None

    def start(self, total: int) -> None:
        if not self.bar or total < 2:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("building"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(file=sys.stderr),
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = self._progress.add_task("build", total=total)
        self._progress.start()

    def done(self, outcome: Outcome) -> None:
        if outcome.ok:
            notes = [f"note: {outcome.name}: {note}" for note in outcome.notes]
            self._say([f"wrote {display_path(path)}" for path in outcome.written], sys.stdout)
        else:
            notes = [f"failed: {outcome.name}", textwrap.indent(outcome.error, "  ")]
        self._say(notes, sys.stderr)
        if self._progress is not None:
            self._progress.advance(self._task)

    def finish(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def _say(self, lines: list[str], stream: object) -> None:
        # While the bar is drawn, lines bound for the same terminal go above it.
        if self._progress is not None and (stream is sys.stderr or sys.stdout.isatty()):
            for line in lines:
                self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            for line in lines:
                print(line, file=stream)

"""The progress bar of the commands that work through many projects (``build --projects``,
``rollup``): drawn on standard error only when it is a terminal (never into a pipe or a log
file), with the lines said meanwhile printed above it."""

from __future__ import annotations

import sys
from typing import Any, TextIO


class ProgressBar:
    """A bar labelled ``label`` over ``total`` steps, for runs of two steps or more; ``timing``
    adds the elapsed and remaining time."""

    def __init__(self, label: str, *, bar: bool | None = None, timing: bool = False) -> None:
        self.label = label
        self.bar = sys.stderr.isatty() if bar is None else bar
        self.timing = timing
        self._progress: Any = None
        self._task: Any = None

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

        columns: list[Any] = [TextColumn(self.label), BarColumn(), MofNCompleteColumn()]
        if self.timing:
            columns += [TimeElapsedColumn(), TimeRemainingColumn()]
        self._progress = Progress(
            *columns,
            console=Console(file=sys.stderr),
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = self._progress.add_task(self.label, total=total)
        self._progress.start()

    def say(self, lines: list[str], stream: TextIO | None = None) -> None:
        """Print ``lines`` to ``stream`` (standard error by default); while the bar is drawn,
        lines bound for the same terminal go above it."""
        stream = sys.stderr if stream is None else stream
        if self._progress is not None and (stream is sys.stderr or sys.stdout.isatty()):
            for line in lines:
                self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            for line in lines:
                print(line, file=stream)

    def advance(self) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def finish(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

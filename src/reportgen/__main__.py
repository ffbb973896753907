"""``python -m reportgen`` and the ``reportgen`` command.

The entry point imports nothing heavy itself, so that Ctrl-C while the command's libraries
are still loading (typer, pydantic… the first tenth of a second) ends like Ctrl-C at any
later moment: one line, exit code 130, no traceback.
"""

from __future__ import annotations

import gc
import os
import signal
import sys


def main() -> None:
    # A command is one short process: collecting cycles while the libraries import and the
    # document is written cost ~7 % of a build's CPU and freed nothing its peak memory shows.
    # A batch turns collection back on in its workers (app/batch.py), which live for many
    # documents.
    gc.disable()
    # pydantic looks for plugins by reading the entry points of every installed distribution
    # (54 files in the test environment, hundreds in a crowded one) the first time it builds a
    # validator; reportgen uses none. Setting the variable yourself (even to "") keeps it.
    try:
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        from reportgen.cli import app, run
    except KeyboardInterrupt:
        sys.exit(_interrupted_while_loading())
    code = run(app)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the work is done: Ctrl-C now changes nothing
    _leave(code)


def _leave(code: int) -> None:
    """End the process once everything is written, without tearing the interpreter down.

    Every file is written (atomically) and every stream flushed before this point; what
    Python's own exit would add is freeing each object of every module one by one, ~45 ms of
    a 290 ms build (a sixth), for memory the operating system takes back at once. Nothing of
    reportgen's waits for exit: no ``atexit`` handler, every temporary folder and process pool
    is closed by its ``with`` block. ``python -m reportgen`` and the ``reportgen`` script both
    come here; ``reportgen.cli.main`` (for embedding) exits the ordinary way.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader gone away: nothing more can reach it
            code = code or 1
    os._exit(code)


def _interrupted_while_loading() -> int:
    try:
        from reportgen.cli.app import interrupted

        return interrupted()
    except BaseException:  # interrupted again, or the catalogue itself half-loaded
        print("^C", file=sys.stderr)
        return 130


if __name__ == "__main__":
    main()

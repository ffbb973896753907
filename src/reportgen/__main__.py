"""``python -m reportgen`` and the ``reportgen`` console script."""

from __future__ import annotations

import gc


def main() -> None:
    # A command is one short process: collecting cycles while the libraries import and the
    # document is written cost ~7 % of a build's CPU and freed nothing its peak memory shows.
    # A batch turns collection back on in its workers (app/batch.py), which live for many
    # documents.
    gc.disable()
    from reportgen.cli import main as run_cli

    run_cli()


if __name__ == "__main__":
    main()

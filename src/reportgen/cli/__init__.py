"""The ``reportgen`` command. Each command lives in its own module and only parses options,
calls the library and prints; heavy libraries are imported inside the commands."""

from __future__ import annotations

import sys

from reportgen.cli import build as _build  # noqa: F401  (registers the command)
from reportgen.cli import check as _check  # noqa: F401
from reportgen.cli import diff as _diff  # noqa: F401
from reportgen.cli import import_ as _import  # noqa: F401
from reportgen.cli import new as _new  # noqa: F401
from reportgen.cli import preview as _preview  # noqa: F401
from reportgen.cli import rollup as _rollup  # noqa: F401
from reportgen.cli import schema as _schema  # noqa: F401
from reportgen.cli import track as _track  # noqa: F401
from reportgen.cli.app import app, run


def main() -> None:
    sys.exit(run(app))


__all__ = ["app", "main"]

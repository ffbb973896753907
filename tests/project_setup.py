"""The project most command tests start from, made in one place: a folder whose ``data/``
holds the YAML files a test gives; and reportgen run on it in this process, as ``main`` runs
it. Tests in any folder import it (``from project_setup import ...``), like ``ooxml``."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

TXT_BUILD = ("build", "2022", "-f", "txt")


def make_project(root: Path, files: Mapping[str, str] | None = None) -> Path:
    """``root`` (made, with its parents) with a new ``data/`` folder and each of ``files``
    (path relative to ``root``, e.g. ``data/2022.yaml`` → text, written as UTF-8); ``root``
    returned."""
    (root / "data").mkdir(parents=True)
    for relative, text in (files or {}).items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def run_in_process(
    args: Sequence[str], monkeypatch: pytest.MonkeyPatch, *, cwd: Path | None = None
) -> int:
    """``reportgen ARGS`` in this process (in ``cwd`` when given): its exit code; what it
    printed is in capsys."""
    from reportgen.cli import app
    from reportgen.cli.app import run

    if cwd is not None:
        monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "argv", ["reportgen", *args])
    return run(app)


def build_with_command(
    reportgen_cmd: list[str], root: Path, args: Sequence[str] = TXT_BUILD
) -> None:
    """The installed command run in ``root``, which must succeed (the good build a hostile
    input may not cost the user)."""
    subprocess.run([*reportgen_cmd, *args], cwd=root, check=True, capture_output=True, timeout=120)

"""The project the hostile tests attack: the valid review, built once to txt by the installed
command."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_cases import DATA, REVIEW

from project_setup import build_with_command, make_project


@pytest.fixture
def built(tmp_path: Path, reportgen_cmd: list[str]) -> Path:
    """A project with a good build of the valid review."""
    root = make_project(tmp_path / "project", {DATA: REVIEW})
    build_with_command(reportgen_cmd, root)
    assert (root / "build" / "2022.txt").read_bytes().startswith("*街道".encode())
    return root

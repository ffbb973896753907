"""Shared fixtures. Tests never read ../shared: the seed is copied into tests/fixtures."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled project (data/ only) in a temporary folder."""
    root = tmp_path / "project"
    shutil.copytree(DATA, root / "data")
    return root


@pytest.fixture
def reportgen_cmd() -> list[str]:
    """The installed console script, as a user runs it."""
    script = Path(sys.executable).with_name("reportgen")
    if not script.exists():
        pytest.skip("the reportgen console script is not installed (pip install -e .)")
    return [str(script)]

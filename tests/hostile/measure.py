"""Run the installed command in a fresh subprocess and measure it: exit code, output, wall
time, and the peak memory of the command alone (``RUSAGE_CHILDREN`` of a small wrapper
process whose only child is the command, so no earlier test's children count)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

MEMORY_MB = 500  # issue 16: every bomb stays under this…
SECONDS = 20  # …and under this

_WRAPPER = r"""
import json, resource, subprocess, sys, time
start = time.monotonic()
try:
    done = subprocess.run(sys.argv[2:], capture_output=True, text=True, timeout=float(sys.argv[1]))
    code, out, err = done.returncode, done.stdout, done.stderr
except subprocess.TimeoutExpired:
    code, out, err = None, "", "timed out"
seconds = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kB on Linux
print(json.dumps({"code": code, "out": out, "err": err, "seconds": seconds, "peak_mb": peak}))
"""


@dataclass
class Measured:
    code: int | None
    out: str
    err: str
    seconds: float
    peak_mb: float

    @property
    def text(self) -> str:
        return self.out + self.err

    def within_bounds(self) -> None:
        assert self.code is not None, f"still running after {SECONDS} s"
        assert self.seconds < SECONDS, f"{self.seconds:.1f} s"
        assert self.peak_mb < MEMORY_MB, f"peak {self.peak_mb:.0f} MB"
        assert "Traceback" not in self.err and "internal error" not in self.err, self.err


def measured(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Measured:
    if sys.platform == "win32":  # pragma: no cover
        pytest.skip("resource.getrusage is POSIX only")
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, str(SECONDS), *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=SECONDS + 30,
        env={**os.environ, **(env or {})},
    )
    return Measured(**json.loads(done.stdout))


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``folder`` (links not followed): bytes, or None."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() and not p.is_symlink() else None)
        for p in sorted(folder.rglob("*"))
    }

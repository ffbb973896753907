"""A build killed at any moment (SIGKILL: no clean-up, no finally) leaves the previous .docx or
the new one, complete, and a project the next build accepts without --force."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

RUNS_ANYWHERE = 14  # killed at a random moment of the whole command
RUNS_MID_WRITE = 16  # killed while the bytes are being written
NEW_TITLE = "故障测试新版标题"

# A build through the library whose file writes are slowed to 2 kB every 2 ms, announcing
# each write on stdout, so that the parent can kill it while the bytes are going out. Every
# file opened for writing is slowed (open, io.open, os.fdopen, Path.write_bytes), not only
# write_atomic's temporary: a write of the target in place would otherwise finish before any
# kill could land in it. With REPORTGEN_TEST_IN_PLACE set, write_atomic is replaced by a
# non-atomic write of the target (write_all likewise), so a test can prove the detector catches one.
SLOW_WRITER = r"""
import builtins, io, os, sys, time
from pathlib import Path
from reportgen.files import atomic, guard
from reportgen.app.build import build
from reportgen.files.project import Project

real_open, real_fdopen = io.open, os.fdopen

class Slow:
    def __init__(self, handle):
        self.handle = handle
    def write(self, data):
        print("writing", flush=True)
        for start in range(0, len(data), 2048):
            self.handle.write(data[start:start + 2048])
            self.handle.flush()
            time.sleep(0.002)
        return len(data)
    def __getattr__(self, name):
        return getattr(self.handle, name)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return self.handle.__exit__(*exc)

def slowed(handle, mode):
    # os.fdopen opens through io.open: a handle already slowed is not wrapped again, so each
    # write is announced once ("writing" n times = the n-th file write has begun).
    if isinstance(handle, Slow) or not any(c in str(mode) for c in "wax+"):
        return handle
    return Slow(handle)

def slow_open(file, mode="r", *args, **kwargs):
    return slowed(real_open(file, mode, *args, **kwargs), mode)

builtins.open = io.open = slow_open
atomic.os.fdopen = lambda fd, mode="r", *a, **k: slowed(real_fdopen(fd, mode, *a, **k), mode)

if os.environ.get("REPORTGEN_TEST_IN_PLACE"):
    def in_place(target, data, **options):
        with open(target, "wb") as handle:
            handle.write(data)
    def all_in_place(files, **options):
        for target, data in files.items():
            in_place(target, data)
    atomic.write_atomic = guard.write_atomic = in_place
    atomic.write_all = guard.write_all = all_in_place

build(Project(Path(sys.argv[1])), "2022", ["docx"])
print("done", flush=True)
"""


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def _complete(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.testzip() is None
    except zipfile.BadZipFile:
        return False


def _retitle(data: Path) -> None:
    text = data.read_text(encoding="utf-8")
    if re.search(r"^title:", text, flags=re.M):
        text = re.sub(r"^title:.*$", f"title: {NEW_TITLE}", text, count=1, flags=re.M)
    else:
        text += f"\ntitle: {NEW_TITLE}\n"
    data.write_text(text, encoding="utf-8")


def _kill_after(process: subprocess.Popen[bytes], delay: float) -> None:
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


def _kill_mid_write(project: Path, writes: int, delay: float) -> None:
    """Run the slowed build; SIGKILL it ``delay`` seconds after its ``writes``-th write began."""
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, str(project)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdout is not None
    for _ in range(writes):
        line = process.stdout.readline()
        if line.strip() != b"writing":
            break
    _kill_after(process, delay)
    process.stdout.close()


def test_the_detector_catches_a_write_of_the_target_in_place(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mid-write kills above must fail for a non-atomic write_atomic: proven here with
    one that writes the target in place, killed while the .docx is going out."""
    target = project / "build" / "2022.docx"
    subprocess.run(
        [sys.executable, "-c", SLOW_WRITER, str(project)], check=True, capture_output=True
    )
    assert _complete(target)
    monkeypatch.setenv("REPORTGEN_TEST_IN_PLACE", "1")
    broken = 0
    for delay in (0.0, 0.005, 0.01):
        # The project is unchanged: the manifest already records the .docx and is not
        # written again, so the 1st write is the .docx itself.
        _kill_mid_write(project, 1, delay)
        broken += not _complete(target)
    assert broken == 3, f"only {broken} of 3 in-place writes were caught mid-write"


def test_a_killed_build_leaves_the_old_or_the_new_file_complete(
    project: Path, reportgen_cmd: list[str]
) -> None:
    seed = int(os.environ.get("REPORTGEN_FAULT_SEED", random.randrange(1 << 30)))
    chance = random.Random(seed)
    target = project / "build" / "2022.docx"

    def build() -> float:
        started = time.perf_counter()
        result = subprocess.run(
            [*reportgen_cmd, "build", "2022"], cwd=project, capture_output=True, timeout=120
        )
        assert result.returncode == 0, result.stderr.decode()
        return time.perf_counter() - started

    build()
    old_bytes = target.read_bytes()
    old_text = _paragraphs(target)
    _retitle(project / "data" / "2022.yaml")
    duration = build()  # how long a whole build takes here: the range of the random kills
    new_text = _paragraphs(target)
    assert old_text != new_text and new_text[0].startswith(NEW_TITLE)
    seen = {"old": 0, "new": 0}

    def check(run: str) -> None:
        from reportgen.files.guard import check_replaceable

        if target.read_bytes() == old_bytes:
            seen["old"] += 1
        else:
            assert _complete(target), f"{run}: a broken .docx (seed {seed})"
            assert _paragraphs(target) == new_text, f"{run}: a .docx of neither build"
            seen["new"] += 1
        check_replaceable(target)  # the manifest accepts whatever is on disk: no --force needed
        leftovers = [p.name for p in target.parent.iterdir() if p.name.endswith(".tmp")]
        assert all(name.startswith(".") for name in leftovers), leftovers

    def restore_old() -> None:
        # Put the previous build back the way a build would (recorded), so both outcomes stay
        # distinguishable in every run.
        from reportgen.files.guard import write_output

        write_output(target, old_bytes, force=True)

    for run in range(RUNS_ANYWHERE):
        restore_old()
        process = subprocess.Popen(
            [*reportgen_cmd, "build", "2022"],
            cwd=project,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _kill_after(process, chance.uniform(0, duration * 1.1))
        check(f"anywhere #{run}")

    for run in range(RUNS_MID_WRITE):
        restore_old()
        # the manifest, the .docx, the manifest again (after the .docx's rename): each in turn,
        # so that kills land on both sides of the rename whatever the machine's speed
        _kill_mid_write(project, 1 + run % 3, chance.uniform(0, 0.04))
        check(f"mid-write #{run}")

    # Kills landed on both sides of the rename, or the test proved little.
    assert seen["old"] > 0 and seen["new"] > 0, f"{seen} (seed {seed})"
    build()  # and the project is still fine to build, without --force
    assert _paragraphs(target) == new_text

"""Issue 16, cases 5 and 6: races. ``check --fix`` against an editor that saves at any moment
(150 runs, zero lost saves), and eight builds at once into one ``build/`` (30 rounds, zero
lost manifest records)."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hostile_cases import DATA, REVIEW

from project_setup import make_project
from reportgen.errors import UserError
from reportgen.files.guard import MANIFEST, check_replaceable, write_outputs

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and flock: POSIX")

EDITOR_RUNS = 150
ROUNDS, BUILDS = 30, 8
HALF_WIDTH = REVIEW.replace("招商引资持续发力。", "招商引资,持续发力。")


def _save_as_an_editor(path: Path, text: str, in_place: bool) -> None:
    """How editors save: most write a temporary file and rename it over the file (vim,
    VS Code, WPS); some truncate and write the file itself (nano, Notepad)."""
    if in_place:
        path.write_text(text, encoding="utf-8")
    else:
        temporary = path.with_name(f".{path.name}.editor")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)


def _editor(path: Path, text: str, delay: float, in_place: bool) -> None:
    time.sleep(delay)
    _save_as_an_editor(path, text, in_place)


def test_check_fix_never_loses_an_editors_save(tmp_path: Path) -> None:
    from reportgen.check.fix import fix_files
    from reportgen.settings.rules import load_rules

    rules = load_rules(None)
    source = tmp_path / "2022.yaml"
    backup = tmp_path / "2022.yaml.bak"
    # How long a fix takes here, so that the editor's saves land all over it.
    source.write_text(HALF_WIDTH, encoding="utf-8")
    start = time.perf_counter()
    fix_files([source], rules)
    span = time.perf_counter() - start
    assert "招商引资，持续发力。" in source.read_text(encoding="utf-8"), "the fix itself works"
    seed = int(os.environ.get("REPORTGEN_RACE_SEED", random.randrange(1 << 30)))
    chance = random.Random(seed)
    lost, refused, fixed = [], 0, 0
    for run in range(EDITOR_RUNS):
        source.write_text(HALF_WIDTH, encoding="utf-8")
        backup.unlink(missing_ok=True)
        marker = f"编辑器第{run}次保存"
        saved = HALF_WIDTH.replace("招商引资", marker, 1)
        delay = chance.uniform(0, span * 1.3)
        editor = threading.Thread(target=_editor, args=(source, saved, delay, run % 3 == 0))
        editor.start()
        try:
            fix_files([source], rules)
            fixed += 1
        except UserError as exc:
            assert "在磁盘上被改动了" in exc.message or "changed on disk" in exc.message
            refused += 1
        editor.join()
        kept = [p.read_text(encoding="utf-8") for p in (source, backup) if p.exists()]
        if not any(marker in text for text in kept):
            lost.append(run)
    assert not lost, f"saves lost in runs {lost} (seed {seed}; {fixed} fixed, {refused} refused)"
    assert fixed and refused, f"the editor never raced the fix ({fixed} fixed, {refused} refused)"


def _one_build(folder: str, index: int, barrier: multiprocessing.synchronize.Barrier) -> None:
    barrier.wait()
    name = f"report-{index}.{['docx', 'md', 'txt', 'html'][index % 4]}"
    write_outputs({Path(folder) / name: f"第{index}份".encode()})


def test_concurrent_builds_keep_every_manifest_record(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    lost = []
    for round_ in range(ROUNDS):
        folder = tmp_path / f"round-{round_}" / "build"
        barrier = context.Barrier(BUILDS)
        builds = [
            context.Process(target=_one_build, args=(str(folder), i, barrier))
            for i in range(BUILDS)
        ]
        for process in builds:
            process.start()
        for process in builds:
            process.join(timeout=60)
            assert process.exitcode == 0
        records = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
        names = sorted(p.name for p in folder.iterdir() if p.name != MANIFEST)
        assert len(names) == BUILDS, names  # and no temporary left
        missing = [n for n in names if n not in records]
        lost += missing
        for name in names:  # the next build accepts each file as its own
            check_replaceable(folder / name, b"next build")
    assert not lost, f"{len(lost)} records lost in {ROUNDS} rounds"


def test_eight_builds_of_the_command_at_once(tmp_path: Path, reportgen_cmd: list[str]) -> None:
    root = make_project(tmp_path / "project", {DATA: REVIEW})
    formats = ["txt", "md", "html", "docx"]
    commands = [
        [*reportgen_cmd, "build", "2022", "-f", fmt, "-o", f"build/{prefix}{fmt}.{fmt}"]
        for prefix in ("a-", "b-")
        for fmt in formats
    ]
    running = [
        subprocess.Popen(c, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for c in commands
    ]
    for process in running:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
    records = json.loads((root / "build" / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert sorted(records) == sorted(f"{p}{f}.{f}" for p in ("a-", "b-") for f in formats)
    again = subprocess.run(
        [*reportgen_cmd, "build", "2022", "-f", "txt", "-o", "build/a-txt.txt"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert again.returncode == 0, again.stderr  # never "not written by reportgen"

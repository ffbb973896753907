"""Issue 16, cases 9 and 11 (in process): a multi-format build is one transaction. A full
disk at any one output, a rename that fails, or Ctrl-C between two renames leaves every
previous output and the manifest byte for byte as they were, and no temporary file."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_cases import DATA, REVIEW
from measure import snapshot

from project_setup import make_project, run_in_process
from reportgen.files import atomic

FORMATS = ["txt", "md", "html", "docx"]
ALL = ("build", "2022", "-f", ",".join(FORMATS), "-o", "out")
EDITED = REVIEW.replace("招商引资持续发力。", "招商引资持续发力，成效明显。")


@pytest.fixture
def previous(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> dict[str, bytes | None]:
    """A good four-format build in out/, then an edited review: the next build has new bytes
    for every output."""
    root = make_project(tmp_path / "project", {DATA: REVIEW})
    assert run_in_process(ALL, monkeypatch, cwd=root) == 0, capsys.readouterr().err
    good = snapshot(root / "out")
    assert sorted(good) == [".reportgen.json", *sorted(f"2022.{f}" for f in FORMATS)]
    (root / DATA).write_text(EDITED, encoding="utf-8")
    capsys.readouterr()
    return good


def _on_the_nth(name: str, real: Callable[..., object], action: Callable[..., object]):  # type: ignore[no-untyped-def]
    """``real``, except on the call whose first argument names ``name``: ``action``."""

    def call(*args: object, **kwargs: object) -> object:
        first = str(args[0] if args else kwargs.get("prefix", ""))
        if name in first or name in str(kwargs.get("prefix", "")):
            return action(*args, **kwargs)
        return real(*args, **kwargs)

    return call


@pytest.mark.parametrize("full_at", FORMATS)
def test_a_full_disk_at_any_output_leaves_the_previous_build(
    full_at: str,
    previous: dict[str, bytes | None],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    real = atomic.tempfile.mkstemp

    def on_full_disk(**kwargs: object) -> tuple[int, str]:
        fd, name = real(**kwargs)  # type: ignore[arg-type]
        os.close(fd)
        return os.open("/dev/full", os.O_WRONLY), name  # the kernel's own ENOSPC

    monkeypatch.setattr(
        atomic.tempfile, "mkstemp", _on_the_nth(f".2022.{full_at}.", real, on_full_disk)
    )
    code = run_in_process(ALL, monkeypatch)
    err = capsys.readouterr().err
    assert code == 1, err
    assert f"无法写入 out/2022.{full_at}：磁盘已满" in err
    assert "原来的文件没有改动" in err
    assert "Traceback" not in err
    assert snapshot(Path("out")) == previous  # outputs and manifest, no temporary file


def test_a_failed_rename_puts_back_the_outputs_already_replaced(
    previous: dict[str, bytes | None],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(*args: object) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    # html is renamed third: txt and md are already new by then.
    real = atomic.os.replace
    monkeypatch.setattr(atomic.os, "replace", _on_the_nth(".2022.html.", real, broken))
    code = run_in_process(ALL, monkeypatch)
    err = capsys.readouterr().err
    assert code == 1, err
    assert "无法写入 out/2022.html" in err and "Traceback" not in err
    assert snapshot(Path("out")) == previous


@pytest.mark.parametrize("at", FORMATS)
def test_ctrl_c_between_two_renames_rolls_back(
    at: str,
    previous: dict[str, bytes | None],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    real = atomic.os.replace
    monkeypatch.setattr(atomic.os, "replace", _on_the_nth(f".2022.{at}.", real, interrupted))
    code = run_in_process(ALL, monkeypatch)
    err = capsys.readouterr().err
    assert code == 130
    assert err.strip().splitlines()[-1] == "已中断（Ctrl-C），原有文件没有改动"
    assert "Traceback" not in err
    assert snapshot(Path("out")) == previous


def test_a_killed_builds_manifest_temporary_goes_with_the_next_build(
    previous: dict[str, bytes | None],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    leftover = Path("out") / "..reportgen.json.k1ll3d00.tmp"  # SIGKILL a second ago
    leftover.write_text('{"files": {}}', encoding="utf-8")
    assert run_in_process(ALL, monkeypatch) == 0, capsys.readouterr().err
    assert not leftover.exists()
    assert sorted(snapshot(Path("out"))) == sorted(previous)

"""files/lock: one reportgen at a time in a folder's bookkeeping."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from pathlib import Path

import pytest

from reportgen.errors import UserError
from reportgen.files import lock
from reportgen.files.lock import folder_lock

pytestmark = pytest.mark.skipif(os.name == "nt", reason="flock on the folder is POSIX only")


def _free(folder: Path) -> bool:
    """Whether another holder could take ``folder``'s lock now."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)  # closing drops the lock just taken
    return True


def test_the_lock_is_held_inside_the_block_only(tmp_path: Path) -> None:
    assert _free(tmp_path)
    with folder_lock(tmp_path):
        assert not _free(tmp_path)
    assert _free(tmp_path)


def test_a_busy_folder_is_refused_after_the_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "build").mkdir()
    started = time.monotonic()
    with folder_lock(tmp_path / "build"), pytest.raises(UserError) as caught:  # noqa: SIM117
        with folder_lock(tmp_path / "build", wait=0.3):
            pytest.fail("entered a folder another holder has locked")
    waited = time.monotonic() - started
    assert 0.3 <= waited < 2.0
    assert caught.value.message == "另一个 reportgen 进程一直占用着 build"
    assert caught.value.hint == "请等它结束后重新运行"
    assert _free(tmp_path / "build")


def test_the_lock_is_taken_as_soon_as_the_holder_lets_go(tmp_path: Path) -> None:
    holder = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)
    threading.Timer(0.2, os.close, args=(holder,)).start()
    started = time.monotonic()
    with folder_lock(tmp_path, wait=5.0):
        waited = time.monotonic() - started
        assert not _free(tmp_path)
    assert 0.15 <= waited < 1.0  # polled every 20 ms, not once a second


def test_a_folder_that_is_not_there_is_not_locked(tmp_path: Path) -> None:
    entered = False
    with folder_lock(tmp_path / "missing"):
        entered = True
    assert entered
    assert not (tmp_path / "missing").exists()


def test_no_descriptor_is_left_open(tmp_path: Path) -> None:
    before = len(os.listdir("/proc/self/fd"))
    with folder_lock(tmp_path):
        pass
    with folder_lock(tmp_path), pytest.raises(UserError):  # noqa: SIM117
        with folder_lock(tmp_path, wait=0.0):
            pass
    assert len(os.listdir("/proc/self/fd")) == before


def test_the_default_wait_is_two_minutes() -> None:
    assert lock.WAIT == 120.0

"""files/lock, its Windows branch, run here on any system: the module is loaded afresh as if
``os.name`` were ``nt``, with a fake ``msvcrt`` that keeps byte locks as Windows does (one
holder per region; a second ``LK_NBLCK`` and an unlock of a region not held raise the
``PermissionError`` [Errno 13] the C runtime's EACCES becomes) and records every call."""

from __future__ import annotations

import errno
import importlib.util
import os
import sys
import time
import types
from pathlib import Path

import pytest

from reportgen.errors import UserError
from reportgen.files import lock as posix_lock

LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4  # msvcrt's values


class FakeMsvcrt(types.ModuleType):
    """``msvcrt.locking`` over byte 0.. of files, by file identity; every call recorded as
    (handle, mode, bytes, file position at the call)."""

    LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = (
        LK_UNLCK,
        LK_LOCK,
        LK_NBLCK,
        LK_RLCK,
        LK_NBRLCK,
    )

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.calls: list[tuple[int, int, int, int]] = []
        self.held: dict[tuple[int, int, int], int] = {}  # (device, inode, offset) -> handle

    def locking(self, handle: int, mode: int, nbytes: int) -> None:
        offset = os.lseek(handle, 0, os.SEEK_CUR)
        self.calls.append((handle, mode, nbytes, offset))
        info = os.fstat(handle)
        region = (info.st_dev, info.st_ino, offset)
        if mode == LK_NBLCK:
            if region in self.held:
                raise PermissionError(errno.EACCES, "Permission denied")
            self.held[region] = handle
        elif mode == LK_UNLCK:
            if self.held.get(region) != handle:
                raise PermissionError(errno.EACCES, "Permission denied")
            del self.held[region]
        else:  # pragma: no cover - lock.py asks for no other mode
            raise AssertionError(f"mode {mode} is not one lock.py uses")

    def hold(self, path: Path) -> None:
        """Another process takes ``path``'s byte 0."""
        info = path.stat()
        self.held[(info.st_dev, info.st_ino, 0)] = -1

    def release(self, path: Path) -> None:
        info = path.stat()
        del self.held[(info.st_dev, info.st_ino, 0)]


@pytest.fixture
def msvcrt(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    return fake


@pytest.fixture
def lock(msvcrt: FakeMsvcrt, monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """A copy of reportgen.files.lock as Windows loads it (reportgen's own stays as it is)."""
    spec = importlib.util.spec_from_file_location("_lock_as_on_windows", posix_lock.__file__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    with monkeypatch.context() as windows:
        windows.setattr(os, "name", "nt")
        spec.loader.exec_module(module)
    assert module.msvcrt is msvcrt
    return module


def test_the_lock_is_byte_0_of_a_lock_file_taken_and_given_back(
    lock: types.ModuleType, msvcrt: FakeMsvcrt, tmp_path: Path
) -> None:
    with lock.folder_lock(tmp_path):
        assert len(msvcrt.held) == 1
        ((handle, mode, nbytes, offset),) = msvcrt.calls
        assert (mode, nbytes, offset) == (LK_NBLCK, 1, 0)
        os.lseek(handle, 7, os.SEEK_SET)  # wherever the handle was left, byte 0 is unlocked
    assert msvcrt.calls == [(handle, LK_NBLCK, 1, 0), (handle, LK_UNLCK, 1, 0)]
    assert msvcrt.held == {}
    assert (tmp_path / ".reportgen.lock").is_file()  # left in place; empty, not locked
    assert (tmp_path / ".reportgen.lock").read_bytes() == b""
    with pytest.raises(OSError):
        os.fstat(handle)  # the handle was closed


def test_a_busy_folder_is_refused_after_the_wait(
    lock: types.ModuleType, msvcrt: FakeMsvcrt, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / ".reportgen.lock").write_bytes(b"")
    msvcrt.hold(tmp_path / "build" / ".reportgen.lock")
    started = time.monotonic()
    with pytest.raises(UserError) as caught, lock.folder_lock(tmp_path / "build", wait=0.2):
        pytest.fail("entered a folder another process has locked")
    waited = time.monotonic() - started
    assert 0.2 <= waited < 2.0
    assert caught.value.message == "另一个 reportgen 进程一直占用着 build"
    assert caught.value.hint == "请等它结束后重新运行"
    tries = [call for call in msvcrt.calls if call[1] == LK_NBLCK]
    assert 3 <= len(tries) == len(msvcrt.calls)  # polled every 20 ms; nothing to unlock
    assert {(mode, nbytes, offset) for _, mode, nbytes, offset in tries} == {(LK_NBLCK, 1, 0)}
    with pytest.raises(OSError):
        os.fstat(tries[0][0])  # the handle was closed all the same


def test_the_lock_is_taken_once_the_holder_lets_go(
    lock: types.ModuleType, msvcrt: FakeMsvcrt, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / ".reportgen.lock"
    path.write_bytes(b"")
    msvcrt.hold(path)
    tries = 0
    real_sleep = time.sleep

    def holder_lets_go_after_three_tries(seconds: float) -> None:
        nonlocal tries
        tries += 1
        if tries == 3:
            msvcrt.release(path)
        real_sleep(seconds)

    monkeypatch.setattr(lock.time, "sleep", holder_lets_go_after_three_tries)
    with lock.folder_lock(tmp_path, wait=5.0):
        assert [mode for _, mode, _, _ in msvcrt.calls] == [LK_NBLCK] * 4
        assert len(msvcrt.held) == 1
    assert msvcrt.calls[-1][1] == LK_UNLCK
    assert msvcrt.held == {}


def test_a_failed_unlock_is_not_the_users_trouble(
    lock: types.ModuleType, msvcrt: FakeMsvcrt, tmp_path: Path
) -> None:
    with lock.folder_lock(tmp_path):
        msvcrt.held.clear()  # the region is not held any more: Windows refuses the unlock
    assert [mode for _, mode, _, _ in msvcrt.calls] == [LK_NBLCK, LK_UNLCK]
    with lock.folder_lock(tmp_path):  # and the folder can be locked again
        pass


def test_an_error_inside_the_block_still_unlocks(
    lock: types.ModuleType, msvcrt: FakeMsvcrt, tmp_path: Path
) -> None:
    with pytest.raises(KeyError), lock.folder_lock(tmp_path):
        raise KeyError("inside")
    assert [mode for _, mode, _, _ in msvcrt.calls] == [LK_NBLCK, LK_UNLCK]
    assert msvcrt.held == {}


def test_a_folder_that_is_not_there_is_not_locked(
    lock: types.ModuleType, msvcrt: FakeMsvcrt, tmp_path: Path
) -> None:
    with lock.folder_lock(tmp_path / "missing"):
        pass
    assert msvcrt.calls == []
    assert not (tmp_path / "missing").exists()


def test_reportgens_own_lock_module_is_left_as_this_system_loads_it(
    lock: types.ModuleType,
) -> None:
    assert lock is not posix_lock
    assert sys.modules["reportgen.files.lock"] is posix_lock
    assert not hasattr(posix_lock, "msvcrt") or os.name == "nt"

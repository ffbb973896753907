"""write_atomic: a reader or a crash sees the old file or the new one, never half of one; every
OS failure is a clear message, and the previous file survives it."""

from __future__ import annotations

import errno
import os
import pwd
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reportgen.errors import UserError
from reportgen.files import atomic
from reportgen.files.atomic import write_atomic

pytestmark = pytest.mark.usefixtures("english")  # they read the English wording


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_and_replaces_without_leaving_temporaries(tmp_path: Path) -> None:
    target = tmp_path / "out" / "2022.txt"
    write_atomic(target, b"first")
    assert target.read_bytes() == b"first"
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert _temporaries(target.parent) == []


def test_new_file_follows_the_umask_and_a_replaced_one_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    old_mask = os.umask(0o027)
    try:
        write_atomic(target, b"x")
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # not mkstemp's private 0o600
    target.chmod(0o604)
    write_atomic(target, b"y")
    assert stat.S_IMODE(target.stat().st_mode) == 0o604


def test_a_folder_in_the_way_is_refused(tmp_path: Path) -> None:
    (tmp_path / "2022.docx").mkdir()
    with pytest.raises(UserError, match="it is a folder") as caught:
        write_atomic(tmp_path / "2022.docx", b"x")
    assert "give a file name" in caught.value.hint


def test_a_file_in_place_of_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "build").write_text("not a folder")
    with pytest.raises(UserError, match="a file has that name"):
        write_atomic(tmp_path / "build" / "2022.txt", b"x")
    with pytest.raises(UserError, match="cannot"):
        write_atomic(tmp_path / "build" / "deeper" / "2022.txt", b"x")


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    target = tmp_path / "2022.docx"
    target.write_bytes(b"last good version")
    return target


def _fail_with(code: int) -> Callable[..., None]:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return fail


def test_full_disk_on_write_keeps_the_previous_file(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kernel's own ENOSPC: the temporary file is opened on /dev/full."""
    if not Path("/dev/full").exists():
        pytest.skip("/dev/full is Linux only")
    real_mkstemp = atomic.tempfile.mkstemp

    def mkstemp_on_full_disk(**kwargs: object) -> tuple[int, str]:
        fd, name = real_mkstemp(**kwargs)  # a real name in the folder, to be cleaned up
        os.close(fd)
        return os.open("/dev/full", os.O_WRONLY), name

    monkeypatch.setattr(atomic.tempfile, "mkstemp", mkstemp_on_full_disk)
    with pytest.raises(UserError, match="the disk is full") as caught:
        write_atomic(previous, b"x" * 100_000)
    assert "previous file is unchanged" in caught.value.hint
    assert previous.read_bytes() == b"last good version"
    assert _temporaries(previous.parent) == []


def test_full_disk_on_fsync_keeps_the_previous_file(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Network and delayed-allocation file systems report ENOSPC only when flushing."""
    monkeypatch.setattr(atomic.os, "fsync", _fail_with(errno.ENOSPC))
    with pytest.raises(UserError, match="the disk is full"):
        write_atomic(previous, b"new")
    assert previous.read_bytes() == b"last good version"
    assert _temporaries(previous.parent) == []


@pytest.mark.parametrize("code", [errno.EACCES, errno.EPERM, errno.EROFS])
def test_permission_denied_keeps_the_previous_file(
    previous: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """Simulated: the tests run as root in CI, and root ignores permission bits."""
    monkeypatch.setattr(atomic.os, "replace", _fail_with(code))
    with pytest.raises(UserError, match="permission denied") as caught:
        write_atomic(previous, b"new")
    assert "--output" in caught.value.hint
    assert previous.read_bytes() == b"last good version"
    assert _temporaries(previous.parent) == []


def _as_unprivileged_user(run: Callable[[], str], owned: list[Path]) -> str:
    """``run()`` in a forked child that dropped root for ``nobody`` (root ignores permission
    bits, and CI runs as root); ``owned`` are handed to ``nobody`` first. Returns what
    ``run`` returned, or the child's error."""
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("running as root and there is no user 'nobody' to drop to")
    for path in owned:
        os.chown(path, nobody.pw_uid, nobody.pw_gid)
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe
        os.close(read)
        try:
            os.setgroups([])
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            answer = run()
        except BaseException as exc:
            answer = f"child failed: {exc!r}"
        os.write(write, answer.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        answer = pipe.read().decode()
    os.waitpid(child, 0)
    return answer


def test_read_only_folder_for_real() -> None:
    # Not tmp_path: nobody must be able to reach the folder (pytest's root folders are 0700).
    base = Path(tempfile.mkdtemp(prefix="reportgen-perm-"))
    try:
        base.chmod(0o755)
        folder = base / "locked"
        folder.mkdir()
        (folder / "2022.txt").write_text("old")
        folder.chmod(0o555)

        def attempt() -> str:
            if os.access(folder, os.W_OK):
                return "the folder is writable: the test cannot prove anything"
            try:
                write_atomic(folder / "2022.txt", b"new")
            except UserError as exc:
                return exc.message
            return "written"

        if os.geteuid() == 0:
            said = _as_unprivileged_user(attempt, [folder, folder / "2022.txt"])
        else:
            said = attempt()
        assert "permission denied" in said, said
        assert (folder / "2022.txt").read_text() == "old"
        assert sorted(p.name for p in folder.iterdir()) == ["2022.txt"]
    finally:
        (base / "locked").chmod(0o755)
        shutil.rmtree(base)


def test_other_os_errors_are_messages_too(previous: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic.os, "replace", _fail_with(errno.EIO))
    with pytest.raises(UserError, match=f"cannot write .*{os.strerror(errno.EIO)}"):
        write_atomic(previous, b"new")
    assert previous.read_bytes() == b"last good version"


def test_an_interruption_mid_write_keeps_the_previous_file(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(previous, b"new")
    assert previous.read_bytes() == b"last good version"
    assert _temporaries(previous.parent) == []


def test_stale_temporaries_of_a_killed_write_are_cleared(tmp_path: Path) -> None:
    target = tmp_path / "2022.docx"
    stale = tmp_path / ".2022.docx.abc123.tmp"
    young = tmp_path / ".2022.docx.def456.tmp"  # perhaps another write in progress
    other = tmp_path / ".2022.md.abc123.tmp"  # another target's: not ours to judge
    for leftover in (stale, young, other):
        leftover.write_bytes(b"half a file")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    write_atomic(target, b"complete")
    assert not stale.exists()
    assert young.exists()
    assert other.exists()
    assert target.read_bytes() == b"complete"

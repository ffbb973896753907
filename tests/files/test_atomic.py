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


# write_all: several files as one transaction; exact messages.


def test_write_all_writes_every_file_in_new_and_existing_folders(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"old a")
    atomic.write_all({tmp_path / "a.txt": b"new a", tmp_path / "sub" / "b.txt": b"new b"})
    assert (tmp_path / "a.txt").read_bytes() == b"new a"
    assert (tmp_path / "sub" / "b.txt").read_bytes() == b"new b"
    assert _temporaries(tmp_path) == [] and _temporaries(tmp_path / "sub") == []


def test_a_failed_rename_puts_back_every_file_already_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, third = tmp_path / "1.docx", tmp_path / "2.md", tmp_path / "3.txt"
    first.write_bytes(b"old 1")
    real = os.replace

    def full_on_the_third(src: str, dst: Path) -> None:
        if Path(dst) == third:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", full_on_the_third)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UserError) as caught:
        atomic.write_all({first: b"new 1", second: b"new 2", third: b"new 3"})
    assert caught.value.message == "cannot write 3.txt: the disk is full"
    assert caught.value.hint == "free some space and build again; the previous file is unchanged"
    assert first.read_bytes() == b"old 1"  # put back
    assert not second.exists()  # was not there before: removed again
    assert not third.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1.docx"]


def test_an_interruption_between_two_renames_puts_back_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "1.docx", tmp_path / "2.md"
    first.write_bytes(b"old 1")
    second.write_bytes(b"old 2")
    real = os.replace

    def interrupted_on_the_second(src: str, dst: Path) -> None:
        if Path(dst) == second:
            raise KeyboardInterrupt
        real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", interrupted_on_the_second)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_all({first: b"new 1", second: b"new 2"})
    assert (first.read_bytes(), second.read_bytes()) == (b"old 1", b"old 2")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1.docx", "2.md"]


def test_one_refused_target_stops_the_transaction_before_any_write(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(UserError, match="it is a folder"):
        atomic.write_all({tmp_path / "a.txt": b"a", tmp_path / "folder.txt": b"b"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.txt"]


def test_keep_previous_is_a_link_beside_the_target(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    assert atomic._keep_previous(target) is None  # nothing to keep
    target.write_bytes(b"old")
    kept = atomic._keep_previous(target)
    assert kept is not None
    name = Path(kept).name
    assert Path(kept).parent == tmp_path
    assert name.startswith(f".a.txt.{os.getpid()}-") and name.endswith(".tmp")
    assert os.stat(kept).st_ino == target.stat().st_ino


def test_without_hard_links_nothing_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_bytes(b"old")
    monkeypatch.setattr(atomic.os, "link", _fail_with(errno.EPERM))
    assert atomic._keep_previous(tmp_path / "a.txt") is None


@pytest.mark.parametrize(
    ("code", "text", "hint"),
    [
        (
            errno.ENOSPC,
            "cannot write x.txt: the disk is full",
            "free some space and build again; the previous file is unchanged",
        ),
        (
            errno.EACCES,
            "cannot write x.txt: permission denied",
            "choose another --output folder, or close the file if Word has it open",
        ),
        (
            errno.EPERM,
            "cannot write x.txt: permission denied",
            "choose another --output folder, or close the file if Word has it open",
        ),
        (
            errno.EROFS,
            "cannot write x.txt: permission denied",
            "choose another --output folder, or close the file if Word has it open",
        ),
        (errno.EIO, "cannot write x.txt: Input/output error", ""),
    ],
)
def test_os_error_messages(code: int, text: str, hint: str) -> None:
    error = atomic.os_error(OSError(code, os.strerror(code)), "x.txt")
    assert (error.message, error.hint) == (text, hint)


def test_an_os_error_without_a_reason_is_shown_whole() -> None:
    assert atomic.os_error(OSError("odd"), "x.txt").message == "cannot write x.txt: odd"


def test_check_target_messages_are_exact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out.docx").mkdir()
    with pytest.raises(UserError) as caught:
        atomic.check_target(tmp_path / "out.docx")
    assert caught.value.message == "cannot write out.docx: it is a folder"
    assert caught.value.hint == "give a file name, e.g. build/report.docx"
    (tmp_path / "build").write_text("a file")
    with pytest.raises(UserError) as caught:
        atomic.check_target(tmp_path / "build" / "2022.txt")
    assert caught.value.message == "cannot create folder build: a file has that name"
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(UserError) as caught:
        atomic.check_target(tmp_path / "pipe")
    assert caught.value.message == (
        "cannot write pipe: it is not a regular file but a named pipe (FIFO); "
        "reportgen never replaces one, not even with --force"
    )
    assert caught.value.hint == "give the path of a regular file with --output"
    atomic.check_target(tmp_path / "new" / "deeper" / "2022.txt")
    assert (tmp_path / "new" / "deeper").is_dir()  # its folder is made


def test_check_target_a_path_too_long_for_the_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    deep = Path(*["d" * 250] * 20) / "2022.txt"  # every name fits; the whole path does not
    with pytest.raises(UserError) as caught:
        atomic.check_target(deep)
    assert caught.value.message == f"cannot write {deep}: File name too long"


def test_check_target_a_folder_that_cannot_be_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    def denied(*_: object, **__: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(Path, "mkdir", denied)
    with pytest.raises(UserError) as caught:
        atomic.check_target(tmp_path / "new" / "2022.txt")
    assert caught.value.message == "cannot write new: permission denied"


def test_stale_temporaries_of_a_name_with_glob_characters(tmp_path: Path) -> None:
    assert atomic.STALE_AFTER == 60.0
    stale = tmp_path / ".a[1].txt.abc.tmp"
    stale.write_bytes(b"half")
    lookalike = tmp_path / ".a1.txt.abc.tmp"  # what the unescaped pattern a[1] would match
    lookalike.write_bytes(b"half")
    for leftover in (stale, lookalike):
        os.utime(leftover, (time.time() - 61, time.time() - 61))
    atomic.remove_stale_temporaries(tmp_path, "a[1].txt")
    assert not stale.exists()
    assert lookalike.exists()


def test_with_older_than_zero_even_a_fresh_temporary_goes(tmp_path: Path) -> None:
    fresh = tmp_path / ".a.txt.abc.tmp"
    fresh.write_bytes(b"half")
    atomic.remove_stale_temporaries(tmp_path, "a.txt")
    assert fresh.exists()
    atomic.remove_stale_temporaries(tmp_path, "a.txt", older_than=0)
    assert not fresh.exists()


def test_stage_writes_beside_the_target_with_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    staged = Path(atomic.stage(target, b"new"))
    assert staged.parent == tmp_path
    assert staged.name.startswith(".a.txt.") and staged.name.endswith(".tmp")
    assert staged.read_bytes() == b"new"
    assert stat.S_IMODE(staged.stat().st_mode) == 0o640
    assert target.read_bytes() == b"old"


def test_stage_a_failure_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(atomic.os, "fsync", _fail_with(errno.ENOSPC))
    with pytest.raises(UserError, match=r"^cannot write a\.txt: the disk is full$"):
        atomic.stage(tmp_path / "a.txt", b"new")
    assert _temporaries(tmp_path) == []


def test_sync_folder_syncs_the_folder_and_closes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real = os.fsync

    def spy(fd: int) -> None:
        synced.append(os.fstat(fd).st_ino)
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", spy)
    before = len(os.listdir("/proc/self/fd"))
    atomic.sync_folder(tmp_path)
    assert synced == [tmp_path.stat().st_ino]
    assert len(os.listdir("/proc/self/fd")) == before
    atomic.sync_folder(tmp_path / "missing")  # never raises


def test_umask_is_read_without_changing_it() -> None:
    old = os.umask(0o027)
    try:
        assert atomic._umask() == 0o027
        assert os.umask(0o027) == 0o027
    finally:
        os.umask(old)


def test_a_new_file_under_umask_022_is_not_executable(tmp_path: Path) -> None:
    old_mask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.txt", b"x")
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o644


def test_a_file_system_that_refuses_chmod_still_gets_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic.os, "chmod", _fail_with(errno.EPERM))
    write_atomic(tmp_path / "new.txt", b"new")  # no mode to copy
    write_atomic(tmp_path / "new.txt", b"again")  # the old file's mode to copy
    assert (tmp_path / "new.txt").read_bytes() == b"again"


def test_a_temporary_that_cannot_be_removed_does_not_hide_the_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(atomic.os, "fsync", _fail_with(errno.ENOSPC))
    monkeypatch.setattr(atomic.os, "unlink", _fail_with(errno.EBUSY))
    with pytest.raises(UserError, match=r"^cannot write a\.txt: the disk is full$"):
        atomic.stage(tmp_path / "a.txt", b"new")


def test_a_stale_temporary_that_cannot_be_removed_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    leftover = tmp_path / ".a.txt.abc.tmp"
    leftover.write_bytes(b"half")
    monkeypatch.setattr(Path, "unlink", _fail_with(errno.EPERM))
    atomic.remove_stale_temporaries(tmp_path, "a.txt", older_than=0)
    assert leftover.exists()


def test_a_temporary_exactly_sixty_seconds_old_is_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    leftover = tmp_path / ".a.txt.abc.tmp"
    leftover.write_bytes(b"half")
    os.utime(leftover, (1_000_000.0, 1_000_000.0))
    monkeypatch.setattr(atomic.time, "time", lambda: 1_000_059.5)
    atomic.remove_stale_temporaries(tmp_path, "a.txt")
    assert leftover.exists()
    monkeypatch.setattr(atomic.time, "time", lambda: 1_000_060.0)
    atomic.remove_stale_temporaries(tmp_path, "a.txt")
    assert not leftover.exists()


@pytest.mark.parametrize(
    ("name", "present", "found"),
    [
        (
            "a.txt",
            [".a.txt.x.tmp", ".a.txt..tmp", ".a.txt.tmp", "a.txt.x.tmp", ".a.txt.x.tmpx"],
            [
                ".a.txt..tmp",
                ".a.txt.x.tmp",
            ],
        ),
        ("a*.txt", [".a*.txt.1.tmp", ".ab.txt.1.tmp"], [".a*.txt.1.tmp"]),
        ("a?.txt", [".a?.txt.1.tmp", ".ab.txt.1.tmp"], [".a?.txt.1.tmp"]),
        ("[ab].txt", [".[ab].txt.1.tmp", ".a.txt.1.tmp"], [".[ab].txt.1.tmp"]),
        (
            ".reportgen.json",
            ["..reportgen.json.a.b.tmp", ".reportgen.json.a.tmp"],
            ["..reportgen.json.a.b.tmp"],
        ),
        ("报告.docx", [".报告.docx.甲.tmp", ".报告.docx.tmp"], [".报告.docx.甲.tmp"]),
        ("t", [".t.tmp", ".t..tmp", ".t.a.tmp"], [".t..tmp", ".t.a.tmp"]),  # .t. and .tmp apart
    ],
)
def test_the_temporaries_found_are_the_globs(
    tmp_path: Path, name: str, present: list[str], found: list[str]
) -> None:
    import glob

    for leftover in present:
        (tmp_path / leftover).write_bytes(b"half")
    expected = sorted(p.name for p in tmp_path.glob(f".{glob.escape(name)}.*.tmp"))
    assert expected == sorted(found)  # the behaviour kept, written out by hand
    assert sorted(p.name for p in atomic._temporaries(tmp_path, name)) == sorted(found)
    atomic.remove_stale_temporaries(tmp_path, name, older_than=0)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(set(present) - set(found))


def test_no_temporaries_in_a_folder_that_is_not_there(tmp_path: Path) -> None:
    assert atomic._temporaries(tmp_path / "missing", "a.txt") == []
    (tmp_path / "file").write_bytes(b"")
    assert atomic._temporaries(tmp_path / "file", "a.txt") == []
    atomic.remove_stale_temporaries(tmp_path / "missing", "a.txt")

"""files/read: the one reader of the files reportgen is given (regular files only, size-capped,
never blocking). Expected messages are the catalogue's Chinese wording, written out by hand."""

from __future__ import annotations

import errno
import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportgen.errors import UserError
from reportgen.files import read
from reportgen.files.read import (
    ReadError,
    check_name,
    read_regular,
    regular_or_absent,
    special_kind,
)

MIB = 1024 * 1024


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every path is shown relative to the test's folder, so messages are short and exact."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


@pytest.fixture
def sock(tmp_path: Path) -> Iterator[Path]:
    server = socket.socket(socket.AF_UNIX)
    server.bind("sock")  # relative: a tmp_path may be longer than a socket's name allows
    try:
        yield tmp_path / "sock"
    finally:
        server.close()


def _refusal(path: Path, **limit: int) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_regular(path, **limit)
    return caught.value


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"year: 2022\n")
    assert read_regular(tmp_path / "a.yaml") == b"year: 2022\n"


def test_a_file_larger_than_one_read_is_read_whole(tmp_path: Path) -> None:
    data = bytes(range(256)) * (MIB // 256) + b"tail"  # one MiB and four bytes: two reads
    (tmp_path / "big").write_bytes(data)
    assert read_regular(tmp_path / "big") == data


def test_a_missing_file(tmp_path: Path) -> None:
    error = _refusal(tmp_path / "a.yaml")
    assert (error.kind, error.message, error.hint) == (
        "missing",
        "找不到文件：a.yaml",
        "请检查路径或年份",
    )


def test_a_folder(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    error = _refusal(tmp_path / "data")
    assert (error.kind, error.message, error.hint) == (
        "folder",
        "data 是文件夹，不是文件",
        "请给出 .yaml 文件的路径",
    )


def test_a_folder_refused_by_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> int:
        raise IsADirectoryError(errno.EISDIR, "Is a directory")

    monkeypatch.setattr(read.os, "open", refuse)
    error = _refusal(tmp_path / "data")
    assert (error.kind, error.message) == ("folder", "data 是文件夹，不是文件")


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(read.os, "open", refuse)
    error = _refusal(tmp_path / "a.yaml")
    assert (error.kind, error.message, error.hint) == (
        "permission",
        "无法读取 a.yaml：没有读取权限",
        "",
    )


def test_a_loop_of_links_fails_with_the_systems_reason(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to("loop")
    error = _refusal(Path("loop"))  # shown as given: a loop has no resolved path
    assert (error.kind, error.message, error.hint) == (
        "failed",
        "无法读取 loop：Too many levels of symbolic links",
        "",
    )


def test_an_error_without_a_reason_shows_the_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> int:
        raise OSError("no reason given")

    monkeypatch.setattr(read.os, "open", refuse)
    assert _refusal(tmp_path / "a.yaml").message == "无法读取 a.yaml：no reason given"


def test_a_socket_is_refused_when_opened(sock: Path) -> None:
    error = _refusal(sock)
    assert (error.kind, error.message, error.hint) == (
        "special",
        "sock 不是普通文件，而是特殊文件，reportgen 不读取它",
        "请给出一个普通文件的路径（不要用命名管道、设备或指向它们的链接）",
    )


def test_a_fifo_is_refused_without_waiting_for_a_writer(fifo: Path) -> None:
    error = _refusal(fifo)
    assert (error.kind, error.message) == (
        "special",
        "pipe 不是普通文件，而是命名管道（FIFO），reportgen 不读取它",
    )


def test_a_device_is_refused() -> None:
    error = _refusal(Path("/dev/zero"))
    assert (error.kind, error.message) == (
        "special",
        "/dev/zero 不是普通文件，而是设备文件，reportgen 不读取它",
    )


def test_a_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"0123456789")
    assert read_regular(tmp_path / "a", limit=10) == b"0123456789"


def test_a_file_over_the_limit_is_refused_in_whole_mebibytes(tmp_path: Path) -> None:
    with (tmp_path / "big").open("wb") as handle:
        handle.truncate(3 * MIB + MIB // 2)  # 3.5 MiB, sparse: shown as 3
    error = _refusal(tmp_path / "big", limit=2 * MIB)
    assert (error.kind, error.message, error.hint) == (
        "too-large",
        "big 有 3 MB，而一份报告文件只有几 kB",
        "请确认没有选错文件",
    )


def test_a_small_file_over_a_small_limit_is_shown_as_one_mebibyte(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"01234567890")
    assert _refusal(tmp_path / "a", limit=10).message == "a 有 1 MB，而一份报告文件只有几 kB"


def test_the_default_limit_is_five_mebibytes(tmp_path: Path) -> None:
    assert read.MAX_BYTES == 5 * MIB
    with (tmp_path / "big").open("wb") as handle:
        handle.truncate(5 * MIB + 1)
    assert _refusal(tmp_path / "big").message == "big 有 5 MB，而一份报告文件只有几 kB"


def test_a_file_that_grows_while_read_is_refused() -> None:
    # /proc files say they are 0 bytes long and then give more: the read itself must stop.
    path = Path("/proc/self/status")
    assert path.stat().st_size == 0
    error = _refusal(path, limit=10)
    assert (error.kind, error.message) == (
        "too-large",
        "/proc/self/status 有 1 MB，而一份报告文件只有几 kB",
    )


def test_a_read_that_fails_midway(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.yaml").write_bytes(b"year: 2022\n")

    def fail(*_: object) -> bytes:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(read.os, "read", fail)
    error = _refusal(tmp_path / "a.yaml")
    assert (error.kind, error.message, error.hint) == (
        "failed",
        "无法读取 a.yaml：Input/output error",
        "",
    )


def test_the_file_is_closed_after_reading_and_after_a_refusal(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"text")
    (tmp_path / "folder").mkdir()
    before = len(os.listdir("/proc/self/fd"))
    read_regular(tmp_path / "a")
    _refusal(tmp_path / "folder")
    assert len(os.listdir("/proc/self/fd")) == before


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        ("nothing", True),
        ("file", True),
        ("link to a file", True),
        ("under a file", True),  # NotADirectoryError: nothing can be there
        ("folder", False),
        ("fifo", False),
        ("loop", False),  # an OSError other than "not there"
        ("nul", False),  # ValueError: a name no file can have
    ],
)
def test_regular_or_absent(tmp_path: Path, make: str, expected: bool) -> None:
    (tmp_path / "f").write_bytes(b"")
    path = {
        "nothing": tmp_path / "none",
        "file": tmp_path / "f",
        "link to a file": tmp_path / "link",
        "under a file": tmp_path / "f" / "x",
        "folder": tmp_path,
        "fifo": tmp_path / "p",
        "loop": tmp_path / "loop",
        "nul": tmp_path / "a\0b",
    }[make]
    (tmp_path / "link").symlink_to("f")
    os.mkfifo(tmp_path / "p")
    (tmp_path / "loop").symlink_to("loop")
    assert regular_or_absent(path) is expected


def test_special_kind(tmp_path: Path, fifo: Path, sock: Path) -> None:
    (tmp_path / "f").write_bytes(b"")
    assert special_kind(tmp_path / "f") is None
    assert special_kind(tmp_path) is None
    assert special_kind(tmp_path / "none") is None
    assert special_kind(tmp_path / "a\0b") is None
    assert special_kind(fifo) == "file_kind_fifo"
    assert special_kind(Path("/dev/null")) == "file_kind_device"
    assert special_kind(sock) == "file_kind_socket"


def test_kind_of_every_mode() -> None:
    assert read._kind(stat.S_IFIFO) == "file_kind_fifo"
    assert read._kind(stat.S_IFCHR) == "file_kind_device"
    assert read._kind(stat.S_IFBLK) == "file_kind_device"
    assert read._kind(stat.S_IFSOCK) == "file_kind_socket"
    assert read._kind(stat.S_IFDOOR if hasattr(stat, "S_IFDOOR") else 0) == "file_kind_other"


def test_a_name_of_255_bytes_is_accepted_and_256_refused(tmp_path: Path) -> None:
    check_name(Path("短" * 85))  # 3 bytes each in UTF-8: 255
    check_name(Path("短" * 85) / ("a" * 255))
    with pytest.raises(UserError) as caught:
        check_name(Path("ok") / ("a" * 256) / "b")
    assert caught.value.message == (
        f"无法写入 ok/{'a' * 256}/b：文件名有 256 字节，文件系统最多允许 255 字节"
    )
    assert caught.value.hint == "请用 --output 给出一个短一些的文件名"


def test_a_growing_file_is_counted_across_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file that says it is empty (as /proc files do) but holds 3 MiB: refused once the
    # bytes read in several 1 MiB reads pass the 2 MiB limit.
    with (tmp_path / "big").open("wb") as handle:
        handle.truncate(3 * MIB)
    real = os.fstat

    def says_empty(fd: int) -> os.stat_result:
        info = list(real(fd))
        info[stat.ST_SIZE] = 0
        return os.stat_result(info)

    monkeypatch.setattr(read.os, "fstat", says_empty)
    error = _refusal(tmp_path / "big", limit=2 * MIB)
    assert (error.kind, error.message) == ("too-large", "big 有 2 MB，而一份报告文件只有几 kB")

"""guard: reportgen never replaces a file changed by hand, and keeps a .bak of YAML it rewrites."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from project_setup import make_project, run_in_process
from reportgen.errors import UserError
from reportgen.files import guard
from reportgen.files.guard import (
    MANIFEST,
    ChangedByHand,
    check_replaceable,
    record,
    rewrite_source,
    write_output,
    write_outputs,
)

pytestmark = pytest.mark.usefixtures("english")  # they read the English wording


def _manifest(folder: Path) -> dict[str, list[str]]:
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]


def _every_write_through(
    monkeypatch: pytest.MonkeyPatch, write: Callable[[Path, bytes], None]
) -> None:
    """guard's single and batched writes both made by ``write`` (a crash stand-in)."""
    monkeypatch.setattr(guard, "write_atomic", write)
    monkeypatch.setattr(
        guard, "write_all", lambda files, **options: [write(*item) for item in files.items()]
    )


def _recording_writes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every path guard writes from now on, in order (the writes themselves still happen)."""
    real = guard.write_atomic
    calls: list[Path] = []

    def recorded(path: Path, data: bytes, **options: bool) -> None:
        calls.append(path)
        real(path, data)

    _every_write_through(monkeypatch, recorded)
    return calls


def test_a_file_reportgen_wrote_is_replaced_and_recorded(tmp_path: Path) -> None:
    target = tmp_path / "build" / "2022.docx"
    write_output(target, b"version 1")
    assert _manifest(target.parent) == {"2022.docx": [guard.sha256(b"version 1")]}
    write_output(target, b"version 2")
    assert target.read_bytes() == b"version 2"
    assert _manifest(target.parent) == {"2022.docx": [guard.sha256(b"version 2")]}


def test_a_file_edited_by_hand_is_not_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "2022.docx"
    write_output(target, b"as built")
    target.write_bytes(b"as built, then polished in Word")
    with pytest.raises(ChangedByHand) as caught:
        write_output(target, b"rebuilt")
    assert caught.value.exit_code == 1
    assert "was changed since reportgen wrote it" in caught.value.message
    assert "--force" in caught.value.hint
    assert target.read_bytes() == b"as built, then polished in Word"
    write_output(target, b"rebuilt", force=True)
    assert target.read_bytes() == b"rebuilt"
    write_output(target, b"rebuilt again")  # recorded again: no --force needed now
    assert target.read_bytes() == b"rebuilt again"


def test_a_file_reportgen_never_wrote_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "2022.docx"
    target.write_bytes(b"the user's own document")
    with pytest.raises(ChangedByHand, match="exists and was not written by reportgen"):
        write_output(target, b"generated")
    assert target.read_bytes() == b"the user's own document"


def test_identical_content_is_never_a_conflict(tmp_path: Path) -> None:
    target = tmp_path / "2022.txt"
    target.write_bytes(b"same")
    write_output(target, b"same")
    assert _manifest(tmp_path) == {"2022.txt": [guard.sha256(b"same")]}


def test_a_read_only_file_is_left_alone_without_force(tmp_path: Path) -> None:
    target = tmp_path / "2022.txt"
    write_output(target, b"v1")
    target.chmod(0o444)
    with pytest.raises(ChangedByHand, match="read-only") as caught:
        write_output(target, b"v2")
    assert "make it writable" in caught.value.hint
    assert target.read_bytes() == b"v1"
    write_output(target, b"v2", force=True)
    assert target.read_bytes() == b"v2"


def test_one_refused_target_means_nothing_is_written(tmp_path: Path) -> None:
    docx, md = tmp_path / "2022.docx", tmp_path / "2022.md"
    write_outputs({docx: b"d1", md: b"m1"})
    md.write_bytes(b"m1 edited")
    with pytest.raises(ChangedByHand, match=r"2022\.md"):
        write_outputs({docx: b"d2", md: b"m2"})
    assert docx.read_bytes() == b"d1"
    assert md.read_bytes() == b"m1 edited"


def test_a_crash_before_the_replace_leaves_the_old_file_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "2022.docx"
    write_output(target, b"old")
    real = guard.write_atomic

    def killed_on_target(path: Path, data: bytes, **options: bool) -> None:
        if path == target:
            raise KeyboardInterrupt  # stands for SIGKILL between the two steps
        real(path, data)

    _every_write_through(monkeypatch, killed_on_target)
    with pytest.raises(KeyboardInterrupt):
        write_output(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    check_replaceable(target, b"newer")  # the old content is still recognised as ours


def test_a_crash_after_the_replace_leaves_the_new_file_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "2022.docx"
    write_output(target, b"old")
    real = guard.write_atomic
    calls: list[Path] = []

    def killed_after_target(path: Path, data: bytes, **options: bool) -> None:
        calls.append(path)
        if path.name == MANIFEST and target in calls:
            raise KeyboardInterrupt  # the final manifest update never happens
        real(path, data)

    _every_write_through(monkeypatch, killed_after_target)
    with pytest.raises(KeyboardInterrupt):
        write_output(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"new"
    check_replaceable(target, b"newer")  # the new content was recorded before the replace


def test_a_new_file_is_recorded_once_before_the_replace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new file's manifest, written before the replace, is already the final one: nothing is
    written after the replace, so no crash there can leave the file unrecorded."""
    target = tmp_path / "2022.md"
    calls = _recording_writes(monkeypatch)
    write_output(target, b"first build")
    monkeypatch.undo()
    assert calls == [tmp_path / MANIFEST, target]
    check_replaceable(target, b"second build")


def test_an_unchanged_output_leaves_the_manifest_unwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The manifest already records the bytes being written again: it is not rewritten (two
    fsyncs before the replace and one after, each ms on a busy disk), and a killed build's
    temporary of it is still removed."""
    target = tmp_path / "2022.docx"
    write_output(target, b"same")
    manifest = (tmp_path / MANIFEST).read_bytes()
    leftover = tmp_path / f".{MANIFEST}.killed.tmp"
    leftover.write_bytes(b"{")
    calls = _recording_writes(monkeypatch)
    write_output(target, b"same")
    monkeypatch.undo()
    assert calls == [target]
    assert (tmp_path / MANIFEST).read_bytes() == manifest
    assert not leftover.exists()
    write_output(target, b"changed")  # a change is recorded, before the replace and after
    assert _manifest(tmp_path) == {"2022.docx": [guard.sha256(b"changed")]}


def test_a_damaged_manifest_only_makes_reportgen_more_careful(tmp_path: Path) -> None:
    target = tmp_path / "2022.txt"
    write_output(target, b"v1")
    for damage in ("{not json", "[]", '{"files": 3}', '{"files": {"2022.txt": "abc"}}'):
        (tmp_path / MANIFEST).write_text(damage, encoding="utf-8")
        with pytest.raises(ChangedByHand, match="not written by reportgen"):
            write_output(target, b"v2")
    write_output(target, b"v2", force=True)
    assert _manifest(tmp_path) == {"2022.txt": [guard.sha256(b"v2")]}


def test_the_manifest_forgets_files_that_are_gone(tmp_path: Path) -> None:
    write_output(tmp_path / "old-name.txt", b"a")
    (tmp_path / "old-name.txt").unlink()
    write_output(tmp_path / "new-name.txt", b"b")
    assert list(_manifest(tmp_path)) == ["new-name.txt"]


def test_a_folder_that_cannot_be_written_is_named_by_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr("reportgen.files.atomic.tempfile.mkstemp", denied)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UserError) as caught:
        write_output(tmp_path / "build" / "2022.docx", b"x")
    assert caught.value.message == "cannot write build/2022.docx: permission denied"
    assert caught.value.hint == (
        "choose another --output folder, or close the file if Word has it open"
    )


def test_record_lets_a_command_adopt_a_file(tmp_path: Path) -> None:
    target = tmp_path / "2024.yaml"
    target.write_bytes(b"organisation: x\n")
    record(target, b"organisation: x\n")
    write_output(target, b"organisation: y\n")
    assert target.read_bytes() == b"organisation: y\n"


def test_rewrite_source_keeps_a_backup(tmp_path: Path) -> None:
    source = tmp_path / "2022.yaml"
    source.write_bytes(b"text: a,b\n")
    backup = rewrite_source(source, b"text: a\xef\xbc\x8cb\n", original=b"text: a,b\n")
    assert backup == tmp_path / "2022.yaml.bak"
    assert backup.read_bytes() == b"text: a,b\n"
    assert source.read_text(encoding="utf-8") == "text: a，b\n"


def test_rewrite_source_refuses_a_file_saved_meanwhile(tmp_path: Path) -> None:
    source = tmp_path / "2022.yaml"
    source.write_bytes(b"text: saved by the editor a moment ago\n")
    with pytest.raises(ChangedByHand, match="changed on disk while reportgen was working"):
        rewrite_source(source, b"fixed\n", original=b"text: what the command read\n")
    assert source.read_bytes() == b"text: saved by the editor a moment ago\n"
    assert not (tmp_path / "2022.yaml.bak").exists()


# The command line, in process: exit codes and words as a user sees them.

REVIEW = """\
organisation: "*街道"
year: 2022
highlights:
  - heading: 经济发展稳中有进
    points:
      - 完成全年目标。
"""


def _cli(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    return run_in_process(["--lang", "en", *args], monkeypatch, cwd=cwd)


def test_build_refuses_an_edited_output_and_force_replaces_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project(tmp_path, {"data/2022.yaml": REVIEW})
    assert _cli(["build", "2022", "-f", "txt,md"], tmp_path, monkeypatch) == 0
    assert _cli(["build", "2022", "-f", "txt,md"], tmp_path, monkeypatch) == 0  # unchanged: fine
    edited = tmp_path / "build" / "2022.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nmy notes\n", encoding="utf-8")
    capsys.readouterr()
    assert _cli(["build", "2022", "-f", "txt,md"], tmp_path, monkeypatch) == 1
    err = capsys.readouterr().err
    assert "build/2022.md was changed since reportgen wrote it" in err
    assert "--force" in err and "Traceback" not in err
    assert "my notes" in edited.read_text(encoding="utf-8")
    assert _cli(["build", "2022", "-f", "txt,md", "--force"], tmp_path, monkeypatch) == 0
    assert "my notes" not in edited.read_text(encoding="utf-8")


def test_an_output_over_one_mib_is_judged_by_all_its_bytes(tmp_path: Path) -> None:
    # 1 MiB of the same bytes, then what differs: a hash of the first MiB alone would
    # accept the edited file and refuse nothing.
    target = tmp_path / "2022.pdf"
    built = b"%" * (1 << 20) + b"as built" * 1000
    write_output(target, built)
    write_output(target, built + b"rebuilt")  # unchanged since written: accepted
    assert target.read_bytes() == built + b"rebuilt"
    target.write_bytes(built + b"edited by hand")
    with pytest.raises(ChangedByHand, match="was changed since reportgen wrote it"):
        write_output(target, built + b"rebuilt again")
    assert target.read_bytes() == built + b"edited by hand"


def test_a_build_flushes_the_folder_after_the_first_manifest_and_the_output_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The manifest's tidy-up after the output is in place needs no flush of the folder: a
    crash that loses it leaves the manifest that accepts both the old and the new file."""
    from reportgen.files import atomic

    target = tmp_path / "2022.docx"
    write_output(target, b"old")
    flushed: list[Path] = []
    real = atomic.sync_folder
    monkeypatch.setattr(
        atomic, "sync_folder", lambda folder: (flushed.append(folder), real(folder))
    )
    write_output(target, b"new")
    assert flushed == [tmp_path, tmp_path]  # the manifest with both hashes, then the output
    assert target.read_bytes() == b"new"
    check_replaceable(target, b"newer")


# Exact wording (the catalogue's English, written out) and the manifest's own shape.


def _refused(target: Path, data: bytes) -> ChangedByHand:
    with pytest.raises(ChangedByHand) as caught:
        write_output(target, data)
    return caught.value


def test_every_refusal_says_which_file_and_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "out" / "2022.md"
    write_output(target, b"built")
    target.write_bytes(b"edited")
    edited = _refused(target, b"rebuilt")
    assert edited.message == "out/2022.md was changed since reportgen wrote it (edited by hand?)"
    assert edited.hint == (
        "save your version under another name, write elsewhere with --output, "
        "or pass --force to replace it"
    )
    own = tmp_path / "out" / "mine.md"
    own.write_bytes(b"mine")
    foreign = _refused(own, b"generated")
    assert foreign.message == "out/mine.md exists and was not written by reportgen"
    assert foreign.hint == edited.hint
    target.chmod(0o444)
    read_only = _refused(target, b"rebuilt")
    assert read_only.message == "out/2022.md is read-only; reportgen leaves it as it is"
    assert read_only.hint == (
        "make it writable, write elsewhere with --output, or pass --force to replace it"
    )


def test_a_file_with_only_its_owners_write_bit_is_writable(tmp_path: Path) -> None:
    for mode in (0o600, 0o420, 0o402):  # any one of the three write bits counts
        target = tmp_path / f"{mode:o}.txt"
        write_output(target, b"v1")
        target.chmod(mode)
        write_output(target, b"v2")
        assert target.read_bytes() == b"v2"


def test_check_replaceable_without_data_judges_by_the_manifest(tmp_path: Path) -> None:
    target = tmp_path / "2022.txt"
    check_replaceable(target)  # nothing there: nothing to lose
    write_output(target, b"v1")
    check_replaceable(target)  # as written: accepted
    target.write_bytes(b"v1 edited")
    with pytest.raises(ChangedByHand, match="was changed since"):
        check_replaceable(target)
    check_replaceable(target, force=True)
    check_replaceable(tmp_path)  # a folder: left to the writer's own message


def test_the_manifest_is_readable_json_with_its_explanation(tmp_path: Path) -> None:
    write_output(tmp_path / "总结.txt", b"v1")
    digest = guard.sha256(b"v1")  # the digest itself: test_sha256_is_the_standard_digest
    assert (tmp_path / MANIFEST).read_text(encoding="utf-8") == (
        "{\n"
        ' "about": "SHA-256 of the files reportgen wrote here, so it never replaces one you '
        'changed by hand. Safe to delete: reportgen then asks for --force once.",\n'
        ' "files": {\n'
        '  "总结.txt": [\n'
        f'   "{digest}"\n'
        "  ]\n"
        " }\n"
        "}\n"
    )


def test_sha256_is_the_standard_digest() -> None:
    assert guard.sha256(b"abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"  # FIPS 180-2, B.1
    )


def test_the_manifest_lists_files_in_name_order(tmp_path: Path) -> None:
    write_outputs({tmp_path / "b.txt": b"b", tmp_path / "a.txt": b"a"})
    assert list(_manifest(tmp_path)) == ["a.txt", "b.txt"]


def test_three_hashes_are_remembered_per_file_the_newest_last() -> None:
    manifest = {"f": ["h1", "h2", "h3"], "g": ["x"]}
    guard._remember(manifest, "f", "h4")
    assert manifest == {"f": ["h2", "h3", "h4"], "g": ["x"]}
    guard._remember(manifest, "f", "h2")  # known again: moves to the end, not doubled
    assert manifest["f"] == ["h3", "h4", "h2"]
    guard._remember(manifest, "new", "n1")
    assert manifest["new"] == ["n1"]


def test_a_damaged_manifests_good_records_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "2022.txt"
    target.write_bytes(b"v1")
    (tmp_path / MANIFEST).write_text(
        json.dumps({"files": {"2022.txt": [3, guard.sha256(b"v1")], "x.txt": "not a list"}}),
        encoding="utf-8",
    )
    assert guard._read_manifest(tmp_path) == {"2022.txt": [guard.sha256(b"v1")]}
    write_output(target, b"v2")  # the one good hash still accepts the file
    assert target.read_bytes() == b"v2"


def test_a_manifest_nested_past_the_stack_counts_as_empty(tmp_path: Path) -> None:
    (tmp_path / MANIFEST).write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert guard._read_manifest(tmp_path) == {}


def test_a_fifo_in_place_of_the_manifest_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    monkeypatch.chdir(tmp_path)
    os.mkfifo(tmp_path / MANIFEST)
    (tmp_path / "2022.txt").write_bytes(b"v1")
    with pytest.raises(UserError) as caught:
        write_output(tmp_path / "2022.txt", b"v2")
    assert caught.value.message == (
        ".reportgen.json is not a regular file but a named pipe (FIFO); reportgen does not read it"
    )


def test_a_manifest_over_five_mib_is_refused_not_read(tmp_path: Path) -> None:
    assert guard.MANIFEST_LIMIT == 5 * 1024 * 1024
    with (tmp_path / MANIFEST).open("wb") as handle:
        handle.truncate(guard.MANIFEST_LIMIT + 1)
    with pytest.raises(UserError, match="is 5 MB; a report file is a few kB"):
        guard._read_manifest(tmp_path)


def test_a_left_over_temporary_of_the_manifest_is_cleared_at_once(tmp_path: Path) -> None:
    leftover = tmp_path / f".{MANIFEST}.abc123.tmp"
    leftover.write_bytes(b"{}")  # written a moment ago by a build that was killed
    write_output(tmp_path / "2022.txt", b"v1")
    assert not leftover.exists()


def test_a_failed_write_puts_the_manifest_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "2022.txt"
    write_output(target, b"v1")
    before = (tmp_path / MANIFEST).read_bytes()

    def full(files: object) -> None:
        raise UserError("disk full")

    monkeypatch.setattr(guard, "write_all", full)
    with pytest.raises(UserError, match="disk full"):
        write_outputs({target: b"v2", tmp_path / "new.txt": b"n"})
    assert (tmp_path / MANIFEST).read_bytes() == before


def test_after_the_write_only_the_new_hash_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "2022.txt"
    write_output(target, b"v1")
    write_output(target, b"v2")
    write_outputs({target: b"v3", tmp_path / "other.txt": b"o"})
    assert _manifest(tmp_path) == {
        "2022.txt": [guard.sha256(b"v3")],
        "other.txt": [guard.sha256(b"o")],
    }


def test_rewrite_source_refusals_are_exact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "2022.yaml"
    source.write_bytes(b"saved\n")
    with pytest.raises(ChangedByHand) as caught:
        rewrite_source(source, b"fixed\n", original=b"read\n")
    assert caught.value.message == "2022.yaml changed on disk while reportgen was working on it"
    assert caught.value.hint == "run the command again"
    source.chmod(0o444)
    with pytest.raises(ChangedByHand) as caught:
        rewrite_source(source, b"fixed\n", original=b"saved\n")
    assert caught.value.message == "2022.yaml is read-only; reportgen leaves it as it is"
    assert caught.value.hint == (
        "make it writable (chmod u+w, or untick Read-only in its properties) "
        "and run check --fix again"
    )
    assert source.read_bytes() == b"saved\n"


def test_rewrite_source_refuses_a_fifo_where_the_backup_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    monkeypatch.chdir(tmp_path)
    source = tmp_path / "2022.yaml"
    source.write_bytes(b"a,b\n")
    os.mkfifo(tmp_path / "2022.yaml.bak")
    with pytest.raises(UserError) as caught:
        rewrite_source(source, b"a\xef\xbc\x8cb\n", original=b"a,b\n")
    assert caught.value.message == (
        "cannot write 2022.yaml.bak: it is not a regular file but a named pipe (FIFO); "
        "reportgen never replaces one, not even with --force"
    )
    assert caught.value.hint == "give the path of a regular file with --output"
    assert source.read_bytes() == b"a,b\n"


def test_rewrite_source_reads_no_more_than_the_original_and_one_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "2022.yaml"
    source.write_bytes(b"a,b\n")
    limits: list[int] = []
    real = guard.read_regular

    def spy(path: Path, *, limit: int) -> bytes:
        limits.append(limit)
        return real(path, limit=limit)

    monkeypatch.setattr(guard, "read_regular", spy)
    rewrite_source(source, b"fixed\n", original=b"a,b\n")
    assert limits == [5, 5]  # the file, then the backup it was moved to
    assert source.read_bytes() == b"fixed\n"
    assert (tmp_path / "2022.yaml.bak").read_bytes() == b"a,b\n"


def test_rewrite_source_refuses_when_the_file_grew_meanwhile(tmp_path: Path) -> None:
    source = tmp_path / "2022.yaml"
    source.write_bytes(b"a,b\n and more saved by the editor\n")
    with pytest.raises(ChangedByHand):
        rewrite_source(source, b"fixed\n", original=b"a,b\n")
    assert source.read_bytes() == b"a,b\n and more saved by the editor\n"


def test_link_if_absent_links_and_never_replaces(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"a")
    guard._link_if_absent(tmp_path / "a", tmp_path / "b")
    assert (tmp_path / "b").read_bytes() == b"a"
    assert (tmp_path / "a").stat().st_ino == (tmp_path / "b").stat().st_ino
    (tmp_path / "c").write_bytes(b"c")
    with pytest.raises(FileExistsError):
        guard._link_if_absent(tmp_path / "a", tmp_path / "c")
    assert (tmp_path / "c").read_bytes() == b"c"


def test_link_if_absent_copies_where_the_file_system_has_no_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    def no_links(*_: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(guard.os, "link", no_links)
    data = b"x" * (70 * 1024)  # more than one buffer of copyfileobj
    (tmp_path / "a").write_bytes(data)
    guard._link_if_absent(tmp_path / "a", tmp_path / "b")
    assert (tmp_path / "b").read_bytes() == data
    assert (tmp_path / "a").read_bytes() == data  # copied, not moved
    (tmp_path / "c").write_bytes(b"c")
    with pytest.raises(FileExistsError):
        guard._link_if_absent(tmp_path / "a", tmp_path / "c")
    assert (tmp_path / "c").read_bytes() == b"c"
    monkeypatch.undo()
    os.umask(umask := os.umask(0))
    assert (tmp_path / "b").stat().st_mode & 0o777 == 0o666 & ~umask


def test_rewrite_source_puts_back_an_editors_save_made_just_before_the_move(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    source = tmp_path / "2022.yaml"
    source.write_bytes(b"a,b\n")
    real = os.replace

    def editor_saves_first(src: object, dst: object) -> None:
        source.write_bytes(b"the editor's save\n")
        real(src, dst)

    monkeypatch.setattr(guard.os, "replace", editor_saves_first)
    with pytest.raises(ChangedByHand, match="changed on disk"):
        rewrite_source(source, b"fixed\n", original=b"a,b\n")
    assert source.read_bytes() == b"the editor's save\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_rewrite_source_keeps_an_editors_save_made_just_after_the_move(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    source = tmp_path / "2022.yaml"
    source.write_bytes(b"a,b\n")
    real = os.replace

    def editor_saves_after(src: object, dst: object) -> None:
        real(src, dst)
        source.write_bytes(b"the editor's save\n")

    monkeypatch.setattr(guard.os, "replace", editor_saves_after)
    with pytest.raises(ChangedByHand, match="changed on disk"):
        rewrite_source(source, b"fixed\n", original=b"a,b\n")
    assert source.read_bytes() == b"the editor's save\n"
    assert (tmp_path / "2022.yaml.bak").read_bytes() == b"a,b\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2022.yaml", "2022.yaml.bak"]


def test_rewrite_source_move_refused_by_the_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    monkeypatch.chdir(tmp_path)
    source = tmp_path / "2022.yaml"
    source.write_bytes(b"a,b\n")

    def denied(*_: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(guard.os, "replace", denied)
    with pytest.raises(UserError) as caught:
        rewrite_source(source, b"fixed\n", original=b"a,b\n")
    assert caught.value.message == "cannot write 2022.yaml: permission denied"
    assert source.read_bytes() == b"a,b\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2022.yaml"]


def test_rewrite_source_link_refused_puts_the_original_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    monkeypatch.chdir(tmp_path)
    source = tmp_path / "2022.yaml"
    source.write_bytes(b"a,b\n")
    real = guard._link_if_absent

    def full_for_the_new_text(src: object, dst: Path) -> None:
        if str(src).endswith(".tmp"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(guard, "_link_if_absent", full_for_the_new_text)
    with pytest.raises(UserError) as caught:
        rewrite_source(source, b"fixed\n", original=b"a,b\n")
    assert caught.value.message == "cannot write 2022.yaml: the disk is full"
    assert source.read_bytes() == b"a,b\n"


def test_rewrite_source_interrupted_after_the_move_puts_the_original_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "2022.yaml"
    source.write_bytes(b"a,b\n")
    real = guard.read_regular
    calls = []

    def interrupted_on_the_backup(path: Path, *, limit: int) -> bytes:
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(path, limit=limit)

    monkeypatch.setattr(guard, "read_regular", interrupted_on_the_backup)
    with pytest.raises(KeyboardInterrupt):
        rewrite_source(source, b"fixed\n", original=b"a,b\n")
    assert source.read_bytes() == b"a,b\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_the_lock_is_taken_on_a_new_folder_made_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = guard.folder_lock
    seen: list[tuple[Path, bool]] = []

    def spy(folder: Path):  # type: ignore[no-untyped-def]
        seen.append((folder, folder.is_dir()))
        return real(folder)

    monkeypatch.setattr(guard, "folder_lock", spy)
    write_output(tmp_path / "a" / "b" / "2022.txt", b"x")
    assert seen == [(tmp_path / "a" / "b", True)]


def test_a_file_in_place_of_the_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "build").write_bytes(b"a file")
    with pytest.raises(UserError) as caught:
        write_output(tmp_path / "build" / "2022.txt", b"x")
    assert caught.value.message == "cannot create folder build: a file has that name"


def test_a_manifest_that_cannot_be_put_back_does_not_hide_the_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = guard._write_manifest
    calls = []

    def fails_after_the_first(*args: object, **options: bool) -> None:
        calls.append(args)
        if len(calls) > 1:
            raise UserError("the folder went read-only")
        real(*args, **options)  # type: ignore[arg-type]

    def full(files: object) -> None:
        raise UserError("disk full")

    monkeypatch.setattr(guard, "_write_manifest", fails_after_the_first)
    monkeypatch.setattr(guard, "write_all", full)
    with pytest.raises(UserError, match=r"^disk full$"):
        write_output(tmp_path / "2022.txt", b"x")


def test_a_file_with_no_write_bit_but_execute_is_read_only(tmp_path: Path) -> None:
    target = tmp_path / "run.sh"
    write_output(target, b"v1")
    target.chmod(0o555)
    with pytest.raises(ChangedByHand, match="is read-only"):
        write_output(target, b"v2")
    source = tmp_path / "2022.yaml"
    source.write_bytes(b"a,b\n")
    source.chmod(0o555)
    with pytest.raises(ChangedByHand, match="is read-only"):
        rewrite_source(source, b"fixed\n", original=b"a,b\n")


@pytest.mark.parametrize("kind", ["missing", "failed", "permission"])
def test_a_manifest_that_cannot_be_read_counts_as_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    from reportgen.files.read import ReadError

    def refuse(path: Path, *, limit: int) -> bytes:
        raise ReadError(kind, "cannot read")

    monkeypatch.setattr(guard, "read_regular", refuse)
    assert guard._read_manifest(tmp_path) == {}


def test_rewrite_source_succeeds_when_the_staged_file_cannot_be_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def busy(*_: object) -> None:
        raise OSError(errno.EBUSY, "Device or resource busy")

    source = tmp_path / "2022.yaml"
    source.write_bytes(b"a,b\n")
    monkeypatch.setattr(guard.os, "unlink", busy)
    rewrite_source(source, b"fixed\n", original=b"a,b\n")
    assert source.read_bytes() == b"fixed\n"


def test_rewrite_source_interrupted_when_even_the_put_back_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    source = tmp_path / "2022.yaml"
    source.write_bytes(b"a,b\n")

    def interrupted(path: Path, *, limit: int) -> bytes:
        if path.name.endswith(".bak"):
            raise KeyboardInterrupt
        return b"a,b\n"

    def no_link(*_: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(guard, "read_regular", interrupted)
    monkeypatch.setattr(guard, "_link_if_absent", no_link)
    with pytest.raises(KeyboardInterrupt):  # the interruption, not the failed put-back
        rewrite_source(source, b"fixed\n", original=b"a,b\n")
    assert (tmp_path / "2022.yaml.bak").read_bytes() == b"a,b\n"  # nothing lost

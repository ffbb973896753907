"""Never replace a file the user changed by hand, nor lose the YAML a command rewrites.

Every file reportgen writes is recorded in a small manifest beside it, ``.reportgen.json`` in
the same folder, as the SHA-256 of the bytes written. Before replacing a file:

- it does not exist, or holds exactly the new bytes: nothing can be lost, write;
- its hash is one reportgen recorded: nobody touched it since, write;
- otherwise it was edited by hand (a .docx polished in Word) or never written by reportgen
  (a file of the user's own with the same name): refuse, unless ``force``.

A read-only file is refused too: making a file read-only is how people say "keep this".

Which command calls what:

- a command that *generates* a file (build outputs, ``import``, ``new``):
  :func:`write_output` / :func:`write_outputs`, passing the command's ``--force``;
- a command that *edits the user's own source* (``check --fix``): :func:`rewrite_source`,
  which keeps ``NAME.bak`` with the previous text and refuses if the file changed on disk
  since the command read it.

Files are written with :func:`reportgen.files.atomic.write_atomic` either way, and in an order
that a crash at any moment leaves the manifest accepting whatever is on disk: the new hash is
recorded (beside the old one) before the file is replaced, the old one dropped after.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from pathlib import Path

from reportgen.errors import UserError, display_path
from reportgen.files.atomic import (
    check_target,
    os_error,
    remove_stale_temporaries,
    stage,
    sync_folder,
    write_all,
    write_atomic,
)
from reportgen.files.lock import folder_lock
from reportgen.files.read import ReadError, read_regular, special_kind
from reportgen.settings.messages import message

MANIFEST = ".reportgen.json"
MANIFEST_LIMIT = 5 * 1024 * 1024  # a manifest of a thousand outputs is ~100 kB
_KEEP = 3  # hashes remembered per file: the one on disk, and one being written


class ChangedByHand(UserError):
    """A file reportgen would replace holds someone's work."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_output(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write a generated file atomically, unless that would destroy a change made by hand."""
    write_outputs({path: data}, force=force)


def write_outputs(files: dict[Path, bytes], *, force: bool = False) -> None:
    """Check every target, then write them all as one transaction (see
    :func:`reportgen.files.atomic.write_all`): one refused or failed file leaves all
    untouched. Each folder's manifest is read, changed and written under that folder's lock,
    so builds running at once never drop each other's records."""
    by_folder: dict[Path, dict[Path, bytes]] = {}
    for path, data in files.items():
        by_folder.setdefault(path.parent, {})[path] = data
    # Each output's hash once (it was taken three times: ~80 µs for each 40 kB .docx).
    digests = {path: sha256(data) for path, data in files.items()}
    with contextlib.ExitStack() as stack:
        for folder in sorted(by_folder):
            with contextlib.suppress(OSError):
                folder.mkdir(parents=True, exist_ok=True)
            stack.enter_context(folder_lock(folder))
        for path, data in files.items():
            check_target(path)  # before the manifest names it: a FIFO there is never replaced
            check_replaceable(path, data, force=force, digest=digests[path])
        manifests = {}
        previous: dict[Path, dict[str, list[str]]] = {}
        written: dict[Path, bytes | None] = {}  # each manifest's bytes on disk now
        for folder, group in by_folder.items():
            names = {path.name for path in group}
            written[folder] = _manifest_bytes(folder)
            manifest = _parse_manifest(written[folder])
            previous[folder] = {name: list(hashes) for name, hashes in manifest.items()}
            for path in group:
                _remember(manifest, path.name, digests[path])
            try:
                written[folder] = _rewrite_manifest(folder, manifest, names, written[folder])
            except UserError as exc:
                # The folder's own trouble (full, read-only, not a folder): tell it about the
                # file the user asked for, not about our bookkeeping.
                shown = display_path(next(iter(group)))
                text = exc.message.replace(display_path(folder / MANIFEST), shown)
                raise UserError(text, hint=exc.hint) from None
            manifests[folder] = (manifest, names)
        try:
            write_all(files)
        except BaseException:  # nothing was replaced: the manifest goes back to what it was
            for folder, (_, names) in manifests.items():
                if written[folder] != _manifest_data(folder, previous[folder], names):
                    with contextlib.suppress(UserError):
                        _write_manifest(folder, previous[folder], names)
            raise
        for folder, (manifest, names) in manifests.items():
            for path in by_folder[folder]:
                manifest[path.name] = [digests[path]]
            # The outputs are complete; the manifest already accepts them (old and new
            # hashes), so failing to tidy it up now loses nothing. For the same reason its
            # rename need not reach the disk before the command ends: a crash that loses it
            # leaves the previous manifest, which accepts both (one fsync of the folder less
            # per build; the file itself is still flushed before it is renamed).
            with contextlib.suppress(UserError):
                _rewrite_manifest(folder, manifest, names, written[folder], settle=False)


def _rewrite_manifest(
    folder: Path,
    manifest: dict[str, list[str]],
    names: set[str],
    on_disk: bytes | None,
    *,
    settle: bool = True,
) -> bytes | None:
    """Write the manifest unless the file already holds exactly these bytes (a build of
    unchanged outputs, or the first build of a folder, whose tidied manifest is the one
    already written): each write that changes nothing costs an fsync of the file and one of
    the folder, ~2-20 ms of a build on a busy disk. Its bytes on disk afterwards."""
    data = _manifest_data(folder, manifest, names)
    if data == on_disk:
        # Whatever its age, a temporary of it now is a killed build's leftover (we hold the
        # folder's lock, as every writer of the manifest does): removed as a write would.
        remove_stale_temporaries(folder, MANIFEST, older_than=0)
        return on_disk
    _write_manifest(folder, manifest, names, settle=settle)
    return data


def check_replaceable(
    path: Path, data: bytes | None = None, *, force: bool = False, digest: str | None = None
) -> None:
    """Raise :class:`ChangedByHand` if writing ``path`` could lose someone's work. A FIFO or a
    device at ``path`` is refused by the writer, with or without ``force``. ``digest``: the
    caller's :func:`sha256` of ``data``, when it has it."""
    if force or not path.is_file():
        return  # a folder in the way is refused by write_atomic, with its own message
    shown = display_path(path)
    if not path.stat().st_mode & 0o222:
        raise ChangedByHand(
            message("guard_read_only", file=shown), hint=message("guard_read_only_hint")
        )
    current = _hash_file(path)
    if data is not None and current == (digest or sha256(data)):
        return
    recorded = _read_manifest(path.parent).get(path.name)
    if recorded and current in recorded:
        return
    if recorded:
        what = message("guard_changed", file=shown)
    else:
        what = message("guard_foreign", file=shown)
    raise ChangedByHand(what, hint=message("guard_changed_hint"))


def rewrite_source(path: Path, data: bytes, *, original: bytes) -> Path:
    """Replace a user's YAML file that a command edited (``check --fix``).

    ``original`` is the content the command read. The file is rewritten only if it still holds
    exactly that (an editor may have saved it meanwhile), and never when it is read-only. The
    replacement cannot lose an editor's save at any moment:

    1. under the folder's lock, the file is read again and compared with ``original``;
    2. the file is *moved* to ``NAME.bak`` (whatever is there at that instant moves, an
       editor's save included) and ``NAME.bak`` is compared again: if an editor saved just
       before the move, their file is put back and the command refuses;
    3. the new text is linked in at ``NAME`` only if nothing is there: an editor who saved
       after the move keeps their file, and the command refuses.

    An editor's save therefore always ends in ``NAME`` or in ``NAME.bak``. Returns the
    backup's path.
    """
    shown = display_path(path)
    changed = ChangedByHand(
        message("guard_changed_on_disk", file=shown),
        hint=message("guard_changed_on_disk_hint"),
    )
    with folder_lock(path.parent):
        try:
            current = read_regular(path, limit=len(original) + 1)
        except UserError:
            current = None
        if current != original:
            raise changed
        if not path.stat().st_mode & 0o222:
            raise ChangedByHand(
                message("guard_read_only", file=shown), hint=message("fix_read_only_hint")
            )
        backup = path.with_name(path.name + ".bak")
        kind = special_kind(backup)
        if kind:  # moving the file onto a FIFO's name would drop the FIFO: refuse instead
            raise UserError(
                message("write_special", file=display_path(backup), what=message(kind)),
                hint=message("write_special_hint"),
            )
        staged = stage(path, data)
        try:
            try:
                os.replace(path, backup)
            except OSError as exc:
                raise os_error(exc, shown) from None
            try:
                moved = read_regular(backup, limit=len(original) + 1)
            except UserError:
                moved = None
            if moved != original:
                _link_if_absent(backup, path)  # the editor's save, back where it belongs
                raise changed
            try:
                _link_if_absent(staged, path)
            except FileExistsError:
                raise changed from None  # saved after the move: the editor's file stays
            except OSError as exc:
                _link_if_absent(backup, path)
                raise os_error(exc, shown) from None
        finally:
            with contextlib.suppress(OSError):
                os.unlink(staged)
            if not os.path.lexists(path):  # interrupted between the move and the link
                with contextlib.suppress(OSError):
                    _link_if_absent(backup, path)
        sync_folder(path.parent)
    return backup


def _link_if_absent(source: str | Path, target: Path) -> None:
    """Make ``target`` hold ``source``'s file, only if nothing is at ``target``
    (:class:`FileExistsError` otherwise)."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        if os.name == "nt":  # pragma: no cover - no hard links here; rename never replaces
            shutil.copy2(source, f"{source}.copy")
            os.rename(f"{source}.copy", target)
            return
        # A file system without hard links: create exclusively, then copy the bytes in.
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            shutil.copyfileobj(src, out)


def record(path: Path, data: bytes) -> None:
    """Note that ``path`` holds ``data`` as reportgen wrote it (for files written elsewhere)."""
    with folder_lock(path.parent):
        manifest = _read_manifest(path.parent)
        manifest[path.name] = [sha256(data)]
        _write_manifest(path.parent, manifest, {path.name})


def _remember(manifest: dict[str, list[str]], name: str, digest: str) -> None:
    hashes = [h for h in manifest.get(name, []) if h != digest]
    manifest[name] = [*hashes, digest][-_KEEP:]


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _read_manifest(folder: Path) -> dict[str, list[str]]:
    """The manifest's records; an unreadable or foreign one counts as empty (which only ever
    makes reportgen more careful: unrecorded files are not replaced without --force)."""
    return _parse_manifest(_manifest_bytes(folder))


def _manifest_bytes(folder: Path) -> bytes | None:
    """The manifest file's bytes; None when there is none or it cannot be read."""
    try:
        return read_regular(folder / MANIFEST, limit=MANIFEST_LIMIT)
    except ReadError as exc:
        if exc.kind in ("missing", "failed", "permission"):
            return None
        raise  # a FIFO, /dev/zero or a 5 MB file where the manifest should be: say so


def _parse_manifest(raw_bytes: bytes | None) -> dict[str, list[str]]:
    if raw_bytes is None:
        return {}
    try:
        raw = json.loads(raw_bytes.decode("utf-8"))
    except (ValueError, RecursionError):  # not JSON, or nested past Python's stack
        return {}
    files = raw.get("files") if isinstance(raw, dict) else None
    if not isinstance(files, dict):
        return {}
    return {
        name: [h for h in hashes if isinstance(h, str)]
        for name, hashes in files.items()
        if isinstance(name, str) and isinstance(hashes, list)
    }


def _manifest_data(folder: Path, manifest: dict[str, list[str]], writing: set[str]) -> bytes:
    """The manifest file's bytes for these records."""
    # Forget files that are gone, so the manifest does not grow with every renamed output;
    # keep the ones being written, which may not exist yet.
    kept = {
        name: hashes
        for name, hashes in sorted(manifest.items())
        if name in writing or (folder / name).exists()
    }
    body = {
        "about": "SHA-256 of the files reportgen wrote here, so it never replaces one you "
        "changed by hand. Safe to delete: reportgen then asks for --force once.",
        "files": kept,
    }
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _write_manifest(
    folder: Path, manifest: dict[str, list[str]], writing: set[str], *, settle: bool = True
) -> None:
    data = _manifest_data(folder, manifest, writing)
    # Every writer of the manifest holds the folder's lock: any temporary of it now is a
    # killed build's leftover, whatever its age.
    remove_stale_temporaries(folder, MANIFEST, older_than=0)
    write_atomic(folder / MANIFEST, data, settle=settle)

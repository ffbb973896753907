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
from pathlib import Path

from reportgen.errors import UserError, display_path
from reportgen.files.atomic import write_atomic
from reportgen.settings.messages import message

MANIFEST = ".reportgen.json"
_KEEP = 3  # hashes remembered per file: the one on disk, and one being written


class ChangedByHand(UserError):
    """A file reportgen would replace holds someone's work."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_output(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write a generated file atomically, unless that would destroy a change made by hand."""
    write_outputs({path: data}, force=force)


def write_outputs(files: dict[Path, bytes], *, force: bool = False) -> None:
    """Check every target first, then write them all: one refused file leaves all untouched."""
    for path, data in files.items():
        check_replaceable(path, data, force=force)
    by_folder: dict[Path, dict[Path, bytes]] = {}
    for path, data in files.items():
        by_folder.setdefault(path.parent, {})[path] = data
    for folder, group in by_folder.items():
        names = {path.name for path in group}
        manifest = _read_manifest(folder)
        for path, data in group.items():
            _remember(manifest, path.name, sha256(data))
        try:
            _write_manifest(folder, manifest, names)
        except UserError as exc:
            # The folder's own trouble (full, read-only, not a folder): tell it about the file
            # the user asked for, not about our bookkeeping.
            shown = display_path(next(iter(group)))
            message = exc.message.replace(display_path(folder / MANIFEST), shown)
            raise UserError(message, hint=exc.hint) from None
        for path, data in group.items():
            write_atomic(path, data)
        for path, data in group.items():
            manifest[path.name] = [sha256(data)]
        # The outputs are complete; the manifest already accepts them (old and new hashes),
        # so failing to tidy it up now loses nothing.
        with contextlib.suppress(UserError):
            _write_manifest(folder, manifest, names)


def check_replaceable(path: Path, data: bytes | None = None, *, force: bool = False) -> None:
    """Raise :class:`ChangedByHand` if writing ``path`` could lose someone's work."""
    if force or not path.is_file():
        return  # a folder in the way is refused by write_atomic, with its own message
    shown = display_path(path)
    if not path.stat().st_mode & 0o222:
        raise ChangedByHand(
            message("guard_read_only", file=shown), hint=message("guard_read_only_hint")
        )
    current = _hash_file(path)
    if data is not None and current == sha256(data):
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
    exactly that (an editor may have saved it meanwhile); the original is kept as ``NAME.bak``,
    written before the file is touched. Returns the backup's path.
    """
    shown = display_path(path)
    try:
        current = path.read_bytes()
    except OSError:
        current = None
    if current != original:
        raise ChangedByHand(
            message("guard_changed_on_disk", file=shown),
            hint=message("guard_changed_on_disk_hint"),
        )
    backup = path.with_name(path.name + ".bak")
    write_atomic(backup, original)
    write_atomic(path, data)
    return backup


def record(path: Path, data: bytes) -> None:
    """Note that ``path`` holds ``data`` as reportgen wrote it (for files written elsewhere)."""
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
    try:
        raw = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = raw.get("files") if isinstance(raw, dict) else None
    if not isinstance(files, dict):
        return {}
    return {
        name: [h for h in hashes if isinstance(h, str)]
        for name, hashes in files.items()
        if isinstance(name, str) and isinstance(hashes, list)
    }


def _write_manifest(folder: Path, manifest: dict[str, list[str]], writing: set[str]) -> None:
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
    text = json.dumps(body, ensure_ascii=False, indent=1) + "\n"
    write_atomic(folder / MANIFEST, text.encode("utf-8"))

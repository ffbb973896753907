"""The parsed form of a file shipped inside reportgen, kept beside it as Python keeps bytecode.

The message catalogue (75 kB of YAML) and the lint rules are read on every run; parsing them
with libyaml cost ~10 ms of a 250 ms build. The shipped layout, sections and units are too,
with their positions (settings.templating: ~2 ms with the located loader). The first run
stores the parsed value with :mod:`marshal` in the ``__pycache__`` folder beside the file (or
beside reportgen's code, for the shipped ``templates/``), stamped with the file's size and
modification time (as a ``.pyc`` is stamped with its source's); later runs load that in a
fraction of a millisecond. A stamp that does not match, a cache that cannot be read, or a
folder that cannot be written (a read-only install) only means parsing the file again: the
cache is never the only copy of anything, and only shipped, trusted files go through it (a
project's own files are read by the located loader every time).
"""

from __future__ import annotations

import importlib
import marshal
import struct
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

_MAGIC = b"RGC1"
_STAMP = struct.Struct("<4sqq")  # magic, the source's st_mtime_ns and st_size


def load_shipped(package: str, name: str) -> Any:
    """A YAML data file shipped inside reportgen's ``package`` (``messages.yaml``,
    ``rules.yaml``): trusted and read on every run, so parsed by libyaml when present, without
    positions, and kept parsed beside it. Without the loader or ``importlib.resources`` in the
    usual case: ``reportgen --help`` needs the catalogue and nothing of the model."""
    beside = Path(importlib.import_module(package).__file__ or "").with_name(name)
    if beside.is_file():  # installed as files, as pip does
        return load_cached(beside, _parse_yaml)
    from importlib import resources

    text = resources.files(package).joinpath(name).read_text("utf-8")
    return _parse_yaml(text)  # inside a zip: no folder to keep it in


def _parse_yaml(text: str) -> Any:
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def cache_path(source: Path, beside: Path | None = None) -> Path:
    """Where the parsed form of ``source`` is kept: ``__pycache__/<name>.<python tag>.marshal``
    (marshal's format belongs to one Python version, as bytecode does) in the source's folder,
    or in ``beside``'s folder, named ``<folder>.<name>…``, for a source in a folder of data
    that must hold nothing else (the shipped ``templates/``, copied whole into a wheel)."""
    tag = sys.implementation.cache_tag or "python"
    if beside is None:
        return source.parent / "__pycache__" / f"{source.name}.{tag}.marshal"
    return beside.parent / "__pycache__" / f"{source.parent.name}.{source.name}.{tag}.marshal"


def load_cached(
    source: Path,
    parse: Callable[[str], Any],
    beside: Path | None = None,
    code: tuple[Path, ...] = (),
) -> Any:
    """``parse(text of source)``, from the cache when its stamp matches the source; kept in
    the ``__pycache__`` folder of the source's folder, or of ``beside``'s (:func:`cache_path`).
    ``code``: the modules whose code ``parse`` runs, when its result may change with them
    (the located loader's positions): their stamps are the cache's too, so a checkout whose
    code changed parses again."""
    stamp = b"".join(
        _STAMP.pack(_MAGIC, stat.st_mtime_ns, stat.st_size)
        for stat in (path.stat() for path in (source, *code))
    )
    kept = cache_path(source, beside)
    try:
        data = kept.read_bytes()
        if data[: len(stamp)] == stamp:
            return marshal.loads(data[len(stamp) :])
    except (OSError, ValueError, EOFError, TypeError):
        pass  # no cache yet, or a damaged one: parse again
    value = parse(source.read_text("utf-8"))
    _store(kept, stamp, value)
    return value


def _store(kept: Path, stamp: bytes, value: Any) -> None:
    from reportgen.errors import UserError
    from reportgen.files.atomic import write_atomic

    try:
        body = marshal.dumps(value)
    except ValueError:  # a type marshal cannot keep (a YAML date): parse it every time
        return
    try:
        kept.parent.mkdir(exist_ok=True)
        # Readers see the old cache or the whole new one; no flush: losing it loses nothing.
        write_atomic(kept, stamp + body, settle=False)
    except (OSError, UserError):
        pass  # a read-only install: parse on every run, as before

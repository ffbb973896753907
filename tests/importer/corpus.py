"""The import corpus (``tests/fixtures/import_corpus``): each document, how to get its bytes,
and its hand-written expected outline, for parametrised tests.

    from corpus import entries, names

    @pytest.mark.parametrize("name", names())
    def test_something(name, tmp_path):
        item = entry(name)
        path = item.materialise(tmp_path)   # the file to give ``reportgen import``
        outline = item.expected             # the oracle, defaults filled in

Nothing here calls reportgen: the corpus must stay valid while the importer changes.
See ``tests/fixtures/import_corpus/README.md`` for the expected format.
"""

from __future__ import annotations

import codecs
import copy
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "import_corpus"
TEXTS = CORPUS / "texts"
EXPECTED = CORPUS / "expected"
README = CORPUS / "README.md"

#: How a text source (always committed as UTF-8, LF) becomes the bytes given to import.
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16")
FORMATS = ("txt", "docx")
KINDS = ("summary", "plan", "refused")
PART_KINDS = ("highlights", "shortcomings", "priorities", "other")
LAYOUTS = ("alone", "run-in")


@dataclass(frozen=True)
class Entry:
    name: str
    format: str  # "txt" or "docx"
    encoding: str | None  # txt only: the encoding of the bytes import receives
    newline: str  # txt only: "\n" or "\r\n" in the bytes import receives
    expected: dict[str, Any]  # the outline, every optional key filled with its default
    text_source: Path | None  # txt: the committed UTF-8 source
    builder: Callable[[Path], Path] | None  # docx: writes the document to the path given

    def materialise(self, folder: Path) -> Path:
        """The document as a user would hand it to ``reportgen import``.

        A UTF-8 (LF) text is the committed file itself; other encodings and docx are written
        into ``folder`` (a test's ``tmp_path``)."""
        if self.builder is not None:
            return self.builder(folder / f"{self.name}.docx")
        assert self.text_source is not None
        if self.encoding == "utf-8" and self.newline == "\n":
            return self.text_source
        path = folder / f"{self.name}.txt"
        path.write_bytes(encode(self.text_source.read_text(encoding="utf-8"), self))
        return path

    @property
    def refused(self) -> bool:
        return self.expected["kind"] == "refused"


def encode(text: str, entry: Entry) -> bytes:
    text = text.replace("\n", entry.newline)
    if entry.encoding == "utf-16":
        # What Windows Notepad writes as "Unicode": a little-endian BOM, then UTF-16-LE.
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    assert entry.encoding is not None
    return text.encode(entry.encoding)


@cache
def _builders() -> dict[str, Callable[[Path], Path]]:
    spec = importlib.util.spec_from_file_location(
        "import_corpus_build_docx", CORPUS / "build_docx.py"
    )
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.BUILDERS)


def builders() -> dict[str, Callable[[Path], Path]]:
    return _builders()


_ITEM_DEFAULTS: dict[str, Any] = {
    "marker": None,
    "layout": "alone",
    "points": [],
    "tables": [],
    "subpoints": [],
}
_PART_DEFAULTS: dict[str, Any] = {"marker": None, "points": [], "items": []}
_TOP_DEFAULTS: dict[str, Any] = {
    "title": None,
    "organisation": None,
    "organisation_from": None,
    "year": None,
    "plan_year": None,
    "needs": [],
    "reason_words": [],
    "debris": [],
    "opening": [],
    "parts": [],
    "closing": [],
    "signature": None,
    "attachments": [],
}


def _with_defaults(raw: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(raw)
    for key, value in _TOP_DEFAULTS.items():
        out.setdefault(key, copy.deepcopy(value))
    for part in out["parts"]:
        for key, value in _PART_DEFAULTS.items():
            part.setdefault(key, copy.deepcopy(value))
        for item in part["items"]:
            _item_defaults(item)
    return out


def _item_defaults(item: dict[str, Any]) -> None:
    for key, value in _ITEM_DEFAULTS.items():
        item.setdefault(key, copy.deepcopy(value))
    for sub in item["subpoints"]:
        _item_defaults(sub)


def load_expected(name: str) -> dict[str, Any]:
    """The expected outline as written (no defaults filled in)."""
    return yaml.safe_load((EXPECTED / f"{name}.yaml").read_text(encoding="utf-8"))


@cache
def _entries() -> tuple[Entry, ...]:
    out = []
    docx = builders()
    for path in sorted(EXPECTED.glob("*.yaml")):
        name = path.stem
        raw = load_expected(name)
        source = raw["source"]
        fmt = source["format"]
        out.append(
            Entry(
                name=name,
                format=fmt,
                encoding=source.get("encoding", "utf-8") if fmt == "txt" else None,
                newline={"lf": "\n", "crlf": "\r\n"}[source.get("newline", "lf")],
                expected=_with_defaults(raw),
                text_source=TEXTS / f"{name}.txt" if fmt == "txt" else None,
                builder=docx.get(name) if fmt == "docx" else None,
            )
        )
    return tuple(out)


def entries() -> list[Entry]:
    """Every document of the corpus, in name order."""
    return list(_entries())


def names(*, refused: bool | None = None, fmt: str | None = None) -> list[str]:
    """Names for ``pytest.mark.parametrize``; ``refused`` and ``fmt`` narrow the list."""
    return [
        e.name
        for e in _entries()
        if (refused is None or e.refused == refused) and (fmt is None or e.format == fmt)
    ]


def entry(name: str) -> Entry:
    for e in _entries():
        if e.name == name:
            return e
    raise KeyError(name)

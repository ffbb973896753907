"""Read a YAML file into plain Python values, keeping the line and column of every node.

PyYAML's composer gives us nodes with marks; we construct values ourselves so that
- every value's place is known (``Positions``), for errors that name the line to fix;
- duplicate keys are errors (PyYAML silently keeps the last one);
- only plain YAML types are accepted: no ``!!python/...`` tags, no anchors or aliases
  (which is also what keeps "billion laughs" files harmless).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reportgen.errors import Location, Problem, UserError, display_path

MAX_BYTES = 5 * 1024 * 1024  # a year's summary is ~20 kB; anything this large is a mistake
MAX_DEPTH = 50

PathKey = tuple[str | int, ...]


@dataclass
class Loaded:
    """A loaded YAML document: its value, where each part of it sits, and the source text."""

    file: str
    value: Any
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    text: str = ""
    seen_nodes: set[int] = field(default_factory=set, repr=False)

    def locate(self, path: PathKey, *, key: bool = False) -> Location:
        """The location of ``path``, or of its nearest ancestor that exists."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                line, col = table[probe]
                return Location(self.file, line, col)
            if probe in self.positions:
                line, col = self.positions[probe]
                return Location(self.file, line, col)
            probe = probe[:-1]
        line, col = self.positions.get((), (1, 1))
        return Location(self.file, line, col)


def read_text(path: Path) -> str:
    """Read a user's UTF-8 text file, turning every way it can fail into a clear message."""
    shown = display_path(path)
    if path.is_dir():
        raise UserError(f"{shown} is a folder, not a file", hint="give the path of a .yaml file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UserError(
                f"{shown} is {size // 1024 // 1024} MB; a report file is a few kB",
                hint="check that this is the right file",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"file not found: {shown}", hint="check the path or the year") from None
    except PermissionError:
        raise UserError(f"cannot read {shown}: permission denied") from None
    except OSError as exc:
        raise UserError(f"cannot read {shown}: {exc.strerror}") from None
    return decode(raw, shown)


def decode(raw: bytes, shown: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte order mark, as Windows Notepad writes: harmless
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4096]:
        kind = "UTF-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "binary data"
        raise UserError(
            f"{shown} is not a UTF-8 text file (it looks like {kind})",
            hint="open it in your editor and save it as UTF-8",
            location=Location(shown),
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        guess = ""
        try:
            raw.decode("gb18030")
            guess = " (it looks like GBK/GB18030)"
        except UnicodeDecodeError:
            pass
        raise UserError(
            f"{shown} is not UTF-8{guess}",
            hint="save the file as UTF-8 in your editor (WPS/Notepad: 另存为 → 编码 UTF-8)",
            location=Location(shown, line, column),
        ) from None


def load_yaml(path: Path) -> Loaded:
    """Load one YAML file; raise :class:`UserError` with file, line and column on any failure."""
    shown = display_path(path)
    text = read_text(path)
    return load_yaml_text(text, shown)


def load_yaml_text(text: str, shown: str) -> Loaded:
    if not text.strip():
        raise UserError(
            f"{shown} is empty",
            hint="start from the bundled data/2022.yaml, or run `reportgen new`",
            location=Location(shown, 1, 1),
        )
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, shown, text) from None
    except yaml.YAMLError as exc:  # pragma: no cover - reader errors without a mark
        raise UserError(f"{shown}: not valid YAML: {exc}") from None
    loaded = Loaded(shown, None, text=text)
    if node is None:
        raise UserError(f"{shown} holds no YAML content", location=Location(shown, 1, 1))
    try:
        loaded.value = _construct(node, (), loaded, 0)
    except _AliasFound:
        raise UserError(
            "YAML anchors and aliases (&name / *name) are not supported in report files",
            hint="write the value out in full",
            location=_first_alias(text, shown),
        ) from None
    loaded.seen_nodes.clear()
    return loaded


class _AliasFound(Exception):
    pass


def _first_alias(text: str, shown: str) -> Location:
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            return Location(shown, event.start_mark.line + 1, event.start_mark.column + 1)
    return Location(shown)  # pragma: no cover - only called when an alias exists


def _syntax_error(exc: yaml.MarkedYAMLError, shown: str, text: str) -> UserError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    problem = exc.problem or "not valid YAML"
    hint = "fix the YAML syntax at this place"
    source_line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
    if "\t" in problem or "'\\t'" in str(exc) or "\t" in source_line[: (column or 1)]:
        hint = "YAML does not allow tab characters for indentation; indent with spaces"
    elif "found undefined alias" in problem or "expected alphabetic or numeric character" in problem:
        hint = 'a value starting with * or & must be quoted, e.g. organisation: "*街道"'
    elif "mapping values are not allowed" in problem:
        hint = "a value containing ': ' must be quoted, or written as a block (|)"
    elif "could not find expected ':'" in problem or "expected <block end>" in problem:
        hint = "check the indentation of this line against the lines above it"
    elif "found unexpected end of stream" in problem or "found unexpected end" in problem:
        hint = "a quote opened here is never closed"
    return UserError(f"not valid YAML: {problem}", hint=hint, location=Location(shown, line, column))


_ALLOWED_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_constructor = yaml.SafeLoader.__new__(yaml.SafeLoader)
yaml.constructor.SafeConstructor.__init__(_constructor)


def _construct(node: yaml.Node, path: PathKey, loaded: Loaded, depth: int) -> Any:
    shown = loaded.file
    here = Location(shown, node.start_mark.line + 1, node.start_mark.column + 1)
    loaded.positions[path] = (here.line or 1, here.column or 1)
    if depth > MAX_DEPTH:
        raise UserError("the YAML is nested too deeply", location=here)
    if id(node) in loaded.seen_nodes:  # a node met twice came through an alias
        raise _AliasFound
    loaded.seen_nodes.add(id(node))
    if isinstance(node, yaml.MappingNode):
        if node.tag != "tag:yaml.org,2002:map":
            raise _tag_error(node, here)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_here = Location(shown, key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise UserError("YAML merge keys (<<) are not supported", location=key_here)
            if not isinstance(key_node, yaml.ScalarNode):
                raise UserError("a key must be a plain word", location=key_here)
            key = str(key_node.value)
            if key in result:
                first = loaded.key_positions[(*path, key)]
                raise UserError(
                    f"duplicate key '{key}' (first at line {first[0]})",
                    hint="remove one of them, or merge their contents",
                    location=key_here,
                )
            loaded.key_positions[(*path, key)] = (key_here.line or 1, key_here.column or 1)
            result[key] = _construct(value_node, (*path, key), loaded, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            raise _tag_error(node, here)
        return [_construct(child, (*path, i), loaded, depth + 1) for i, child in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    if node.tag not in _ALLOWED_SCALAR_TAGS:
        raise _tag_error(node, here)
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value  # dates stay text; the model parses the ones it needs
    return _constructor.construct_object(node, deep=True)


def _tag_error(node: yaml.Node, here: Location) -> UserError:
    what = f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed"
    return UserError(
        f"{what}: report files hold only text, numbers, lists and mappings",
        hint="remove the tag",
        location=here,
    )


def problem_at(loaded: Loaded, path: PathKey, message: str, **kwargs: Any) -> Problem:
    return Problem(location=loaded.locate(path), message=message, path=format_path(path), **kwargs)


def format_path(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out

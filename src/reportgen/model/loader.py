"""Read a YAML file into plain Python values, keeping the line and column of every node.

PyYAML's composer gives us nodes with marks; we construct values ourselves so that
- every value's place is known (``Positions``), for errors that name the line to fix;
- duplicate keys are errors (PyYAML silently keeps the last one);
- only plain YAML types are accepted: no ``!!python/...`` tags, no anchors or aliases
  (which is also what keeps "billion laughs" files harmless).

Long because one safe reader is the point: the constructor, its position records and every
refusal (tags, aliases, duplicate keys, encodings, size and depth caps) must be read together.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from reportgen.errors import InvalidInput, Location, Problem, UserError, display_path
from reportgen.files.read import MAX_BYTES, ReadError, read_regular
from reportgen.model.chars import describe_invisible, invisible
from reportgen.model.typing_mistakes import block_break, quoting_mistake, typing_mistakes
from reportgen.settings.messages import message


class LoadError(UserError):
    """A file that cannot be read as YAML, and which stage failed: ``rule`` is ``file`` (it
    cannot be read), ``encoding`` (not UTF-8 text), ``empty`` or ``yaml`` (the syntax).
    ``check`` reports it as a finding of that rule, with the loader's own words."""

    def __init__(
        self, rule: str, message: str, *, hint: str = "", location: Location | None = None
    ):
        super().__init__(message, hint=hint, location=location)
        self.rule = rule


MAX_DEPTH = 50

PathKey = tuple[str | int, ...]


class Loaded:
    """A loaded YAML document: its value, where each part of it sits, and the source text.
    (A plain class: a dataclass cost every command ~0.2 ms to make.)"""

    def __init__(
        self,
        file: str,
        value: Any,
        positions: dict[PathKey, tuple[int, int]] | None = None,
        key_positions: dict[PathKey, tuple[int, int]] | None = None,
        text: str = "",
    ) -> None:
        self.file = file
        self.value = value
        self.positions: dict[PathKey, tuple[int, int]] = {} if positions is None else positions
        self.key_positions: dict[PathKey, tuple[int, int]] = (
            {} if key_positions is None else key_positions
        )
        self.text = text
        self.seen_nodes: set[int] = set()
        # The composed node tree (styles and end marks), for the source map of a finding.
        self.node: yaml.Node | None = None

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
    try:
        raw = read_regular(path, limit=MAX_BYTES)
    except ReadError as exc:
        raise LoadError("file", exc.message, hint=exc.hint) from None
    return decode(raw, display_path(path))


def decode(raw: bytes, shown: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte order mark, as Windows Notepad writes: harmless
    kind = _not_text(raw)
    if kind:
        raise LoadError(
            "encoding",
            message(
                "read_not_text", encoding=message("read_binary") if kind == "binary data" else kind
            ),
            hint=message("read_not_text_hint"),
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
            guess = message("load_encoding_guess")
        except UnicodeDecodeError:
            pass
        raise LoadError(
            "encoding",
            message("read_not_utf8", guess=guess),
            hint=message("read_not_utf8_hint"),
            location=Location(shown, line, column),
        ) from None


def _not_text(raw: bytes) -> str:
    """``UTF-16`` or ``binary data`` when the bytes are plainly not UTF-8 text, else ``""``."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = raw[:4096]
    nul = head.count(b"\x00")
    if (
        nul >= 4
        and nul * 20 >= len(head)
        and max(head[0::2].count(0), head[1::2].count(0)) * 10 >= nul * 9
    ):
        return "UTF-16"  # without a byte order mark: every other byte of ASCII text is zero
    controls = sum(head.count(bytes([b])) for b in (*range(0, 9), 11, 12, *range(14, 32)))
    # A stray control character pasted into text is reported at its line later on; many of
    # them, or a NUL at the very start, mean this is not a text file at all.
    if head[:1] == b"\x00" or (controls >= 16 and controls * 20 > len(head)):
        return "binary data"
    return ""


def load_yaml(path: Path) -> Loaded:
    """Load one YAML file; raise :class:`UserError` with file, line and column on any failure."""
    shown = display_path(path)
    text = read_text(path)
    return load_yaml_text(text, shown)


def load_yaml_text(text: str, shown: str) -> Loaded:
    if not text.strip():
        raise LoadError(
            "empty",
            message("load_empty"),
            hint=message("read_empty_hint"),
            location=Location(shown, 1, 1),
        )
    if invisible(text).search(text):
        raise InvalidInput(_invisible_problems(text, shown))
    try:
        node = compose(text)
    except _TooDeep as exc:
        raise LoadError(
            "yaml",
            message("yaml_too_deep", limit=MAX_DEPTH),
            hint=message("yaml_too_deep_hint"),
            location=Location(shown, exc.mark.line + 1, exc.mark.column + 1),
        ) from None
    except yaml.MarkedYAMLError as exc:
        mistakes = typing_mistakes(text, shown)
        if mistakes:  # what the input method typed, at its place, rather than YAML's echo of it
            raise InvalidInput(mistakes) from None
        raise _syntax_error(exc, shown, text) from None
    except yaml.YAMLError as exc:  # pragma: no cover - reader errors are caught by invisible()
        raise LoadError(
            "yaml", message("yaml_syntax", input=exc), location=Location(shown)
        ) from None
    # A mistake YAML accepted (``heading：…`` read as a text) is still one; lines inside a
    # quoted or block text spanning several lines are the author's text, not YAML.
    mistakes = typing_mistakes(text, shown, _text_lines(node), keys=schema_keys)
    if mistakes:
        raise InvalidInput(mistakes)
    loaded = Loaded(shown, None, text=text)
    if node is None:
        raise LoadError(
            "yaml",
            message("yaml_no_content"),
            location=Location(shown, 1, 1),
        )
    try:
        loaded.value = _construct(node, (), loaded, 0)
    except _AliasFound:
        raise LoadError(
            "yaml",
            message("yaml_alias"),
            hint=message("yaml_alias_hint"),
            location=_first_alias(text, shown),
        ) from None
    loaded.seen_nodes.clear()
    loaded.node = node
    return loaded


@cache
def schema_keys() -> frozenset[str]:
    """Every key a review or plan file may hold (at any depth): a word before a full-width
    colon that YAML read as text is a mistyped key only when it is one of these."""
    from reportgen.model.keys import field_names

    return field_names()


def _text_lines(node: yaml.Node | None) -> set[int]:
    """The 1-based lines that continue a text begun on an earlier line. Each node is visited
    once: an alias is the same node again, and a billion-laughs document must not make this
    walk the expansion its aliases stand for (it is refused just after, by construction).
    Gathered into a set as found (a generator's step per line, and most scalars hold one
    line: an empty range, were ~40 % of the walk)."""
    lines: set[int] = set()
    seen: set[int] = set()
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.ScalarNode):
            first, end = current.start_mark.line + 2, current.end_mark.line + 2
            if end > first:
                lines.update(range(first, end))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.extend((value, key))
    return lines


def _invisible_problems(text: str, shown: str, limit: int = 20) -> list[Problem]:
    """One problem per invisible character in the source text, naming its field."""
    try:  # parse a copy with the characters blanked, only to name the fields they sit in
        fields = load_yaml_text(invisible(text).sub(" ", text), shown)
    except UserError:
        fields = None
    problems = []
    for match in list(invisible(text).finditer(text))[:limit]:
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        path = _path_at(fields, line, column) if fields else ()
        problems.append(
            Problem(
                Location(shown, line, column),
                message("invisible", char=describe_invisible(match.group())),
                path=format_path(path),
                rule="characters",
                hint=message("invisible_hint"),
            )
        )
    return problems


def _path_at(loaded: Loaded, line: int, column: int) -> PathKey:
    """The path of the last node that starts at or before a place: the value holding it."""
    before = [
        (pos, len(path), path) for path, pos in loaded.positions.items() if pos <= (line, column)
    ]
    return max(before, key=lambda entry: entry[:2])[2] if before else ()


class _TooDeep(Exception):
    def __init__(self, mark: yaml.Mark):
        super().__init__()
        self.mark = mark


class _DepthLimit:
    """PyYAML's composer recurses once per level: stop at MAX_DEPTH, long before Python's limit."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH + 1:
                raise _TooDeep(self.peek_event().start_mark)  # type: ignore[attr-defined]
            return yaml.composer.Composer.compose_node(self, parent, index)  # type: ignore[arg-type]
        finally:
            self._depth -= 1


class _Loader(_DepthLimit, yaml.SafeLoader):
    """Pure Python: the reference, and the one whose error messages the hints are written for."""


try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml
    _FastLoader = None
else:

    class _FastLoader(  # type: ignore[no-redef]
        _DepthLimit,
        CParser,
        yaml.composer.Composer,
        yaml.constructor.SafeConstructor,
        yaml.resolver.Resolver,
    ):
        """libyaml's parser (ten times faster) under the same depth-limited Python composer:
        the same nodes, marks and columns as :class:`_Loader`."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

        get_single_node = yaml.composer.Composer.get_single_node

        def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
            """PyYAML's ``Composer.compose_node`` and its three ``compose_*_node`` in one
            method, under the same depth limit: one Python call a node instead of five (the
            composer was a sixth of a warm check). The same nodes, tags, marks and styles;
            the resolver's descend/ascend steps are left out, as they do nothing without path
            resolvers (reportgen adds none). An error here sends the text to :class:`_Loader`,
            which words it."""
            self._depth += 1
            try:
                if self._depth > MAX_DEPTH + 1:
                    raise _TooDeep(self.peek_event().start_mark)
                event = self.get_event()
                anchor = event.anchor
                anchors = self.anchors
                if isinstance(event, yaml.AliasEvent):
                    if anchor not in anchors:
                        raise yaml.composer.ComposerError(
                            None, None, f"found undefined alias {anchor!r}", event.start_mark
                        )
                    return anchors[anchor]  # type: ignore[no-any-return]
                if anchor is not None and anchor in anchors:
                    raise yaml.composer.ComposerError(
                        f"found duplicate anchor {anchor!r}; first occurrence",
                        anchors[anchor].start_mark,
                        "second occurrence",
                        event.start_mark,
                    )
                tag = event.tag
                node: yaml.Node
                if isinstance(event, yaml.ScalarEvent):
                    if tag is None or tag == "!":
                        tag = self.resolve(yaml.ScalarNode, event.value, event.implicit)
                    # libyaml calls a plain scalar's style '', PyYAML None
                    node = yaml.ScalarNode(
                        tag,
                        event.value,
                        event.start_mark,
                        event.end_mark,
                        style=event.style or None,
                    )
                    if anchor is not None:
                        anchors[anchor] = node
                    return node
                if isinstance(event, yaml.SequenceStartEvent):
                    if tag is None or tag == "!":
                        tag = self.DEFAULT_SEQUENCE_TAG  # what resolve gives a collection
                    node = yaml.SequenceNode(
                        tag, [], event.start_mark, None, flow_style=event.flow_style
                    )
                    if anchor is not None:
                        anchors[anchor] = node
                    items = node.value
                    i = 0
                    while not self.check_event(yaml.SequenceEndEvent):
                        items.append(self.compose_node(node, i))
                        i += 1
                else:
                    if tag is None or tag == "!":
                        tag = self.DEFAULT_MAPPING_TAG
                    node = yaml.MappingNode(
                        tag, [], event.start_mark, None, flow_style=event.flow_style
                    )
                    if anchor is not None:
                        anchors[anchor] = node
                    pairs = node.value
                    while not self.check_event(yaml.MappingEndEvent):
                        key = self.compose_node(node, None)
                        pairs.append((key, self.compose_node(node, key)))
                node.end_mark = self.get_event().end_mark
                return node
            finally:
                self._depth -= 1


def compose(text: str) -> yaml.Node | None:
    """The document's node tree, with marks. A file libyaml refuses is parsed again in pure
    Python, so that every error reads the same whichever parser this PyYAML was built with."""
    if _FastLoader is not None:
        fast = _FastLoader(text)
        try:
            return fast.get_single_node()
        except (yaml.YAMLError, _TooDeep):
            pass
        finally:
            fast.dispose()
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class _AliasFound(Exception):
    pass


def _first_alias(text: str, shown: str) -> Location:
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            return Location(shown, event.start_mark.line + 1, event.start_mark.column + 1)
    return Location(shown)  # pragma: no cover - only called when an alias exists


def _syntax_error(exc: yaml.MarkedYAMLError, shown: str, text: str) -> UserError:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "not valid YAML"  # PyYAML's own words: English in every language
    lines = text.split("\n")
    if exc.context == "while scanning a quoted scalar" and exc.context_mark:
        # The scanner fails at the end of the file; the mistake is where the quote opened.
        mark = exc.context_mark
        problem = message("yaml_quote_unclosed")
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    hint = message("yaml_hint")
    source_line = lines[mark.line] if mark and mark.line < len(lines) else ""
    unclosed = _unclosed_quote_line(lines[: mark.line] if mark else [])
    typed = block_break(text, shown, line) or quoting_mistake(text, shown, line) if line else None
    if typed is not None:
        return LoadError("yaml", typed.message, hint=typed.hint, location=typed.location)
    if "\t" in problem or "'\\t'" in str(exc) or "\t" in source_line[: (column or 1)]:
        return LoadError(
            "yaml",
            message("load_tab"),
            hint=message("load_tab_hint"),
            location=Location(shown, line, column),
        )
    elif problem == message("yaml_quote_unclosed"):
        hint = message("yaml_hint_close_quote")
    elif unclosed:
        # A quote left open swallows the lines after it until the next quote mark, and the
        # error surfaces far below: name the line where it went wrong.
        hint = message("yaml_hint_unclosed_line", line=unclosed)
    elif (
        "found undefined alias" in problem or "expected alphabetic or numeric character" in problem
    ):
        hint = message("yaml_hint_star")
    elif "mapping values are not allowed" in problem:
        hint = message("yaml_hint_colon")
    elif "could not find expected ':'" in problem or "expected <block end>" in problem:
        hint = message("yaml_hint_indent")
    elif "found unexpected end of stream" in problem or "found unexpected end" in problem:
        hint = message("yaml_quote_unclosed")
    return LoadError(
        "yaml",
        message("yaml_syntax", input=problem),
        hint=hint,
        location=Location(shown, line, column),
    )


# Only a file YAML cannot read needs it: compiled on first use, by re's cache.
_OPENING_QUOTE = r"""^\s*(?:-\s+|[^\s#'"][^#'"]*?:\s+)(?P<quote>["'])(?P<rest>.*)$"""


def _unclosed_quote_line(lines: list[str]) -> int | None:
    """The first line whose value opens a quote that the same line does not close."""
    for number, line in enumerate(lines, start=1):
        match = re.match(_OPENING_QUOTE, line)
        if not match:
            continue
        rest = match["rest"]
        rest = re.sub(r"\\.", "", rest) if match["quote"] == '"' else rest.replace("''", "")
        if match["quote"] not in rest:
            return number
    return None


_ALLOWED_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
# A number in a report has a few digits; 5000 of them passed Python's int conversion limit
# (an internal error) and would overflow every format after it.
MAX_NUMBER_CHARS = 40
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_constructor = yaml.SafeLoader.__new__(yaml.SafeLoader)
yaml.constructor.SafeConstructor.__init__(_constructor)


def _construct(node: yaml.Node, path: PathKey, loaded: Loaded, depth: int) -> Any:
    # Every node passes here (~250 in a year's file): a Location is made only for an error,
    # and a string, the usual scalar, is its node's value without PyYAML's constructor.
    mark = node.start_mark
    place = loaded.positions[path] = (mark.line + 1, mark.column + 1)
    if depth > MAX_DEPTH:
        raise LoadError("yaml", message("yaml_too_deep_short"), location=_at(loaded, place))
    if id(node) in loaded.seen_nodes:  # a node met twice came through an alias
        raise _AliasFound
    loaded.seen_nodes.add(id(node))
    tag = node.tag
    if isinstance(node, yaml.MappingNode):
        if tag != "tag:yaml.org,2002:map":
            raise _tag_error(node, _at(loaded, place))
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_mark = key_node.start_mark
            key_place = (key_mark.line + 1, key_mark.column + 1)
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise LoadError("yaml", message("yaml_merge_key"), location=_at(loaded, key_place))
            if not isinstance(key_node, yaml.ScalarNode):
                raise LoadError(
                    "yaml", message("yaml_key_not_plain"), location=_at(loaded, key_place)
                )
            key = str(key_node.value)
            key_path = (*path, key)
            if key_node.style == '"':
                _refuse_escaped_invisible(key, key_path, _at(loaded, key_place))
            if key in result:
                first = loaded.key_positions[key_path]
                raise LoadError(
                    "yaml",
                    message("load_duplicate_key", field=key, expected=first[0]),
                    hint=message("load_duplicate_key_hint"),
                    location=_at(loaded, key_place),
                )
            loaded.key_positions[key_path] = key_place
            result[key] = _construct(value_node, key_path, loaded, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        if tag != "tag:yaml.org,2002:seq":
            raise _tag_error(node, _at(loaded, place))
        return [
            _construct(child, (*path, i), loaded, depth + 1) for i, child in enumerate(node.value)
        ]
    assert isinstance(node, yaml.ScalarNode)
    if tag == "tag:yaml.org,2002:str":
        value = node.value  # what SafeConstructor.construct_yaml_str returns
    elif tag not in _ALLOWED_SCALAR_TAGS:
        raise _tag_error(node, _at(loaded, place))
    elif tag == "tag:yaml.org,2002:timestamp":
        return node.value  # dates stay text; the model parses the ones it needs
    elif tag in _NUMBER_TAGS and len(node.value) > MAX_NUMBER_CHARS:
        raise LoadError(
            "yaml",
            message("yaml_number_too_long", count=len(node.value), limit=MAX_NUMBER_CHARS),
            hint=message("yaml_number_too_long_hint"),
            location=_at(loaded, place),
        )
    else:
        value = _constructor.construct_object(node, deep=True)
    # The text itself holds no invisible character (load_yaml_text refused it): only a
    # double-quoted escape ("\x0b") can put one in a value.
    if node.style == '"' and isinstance(value, str):
        _refuse_escaped_invisible(value, path, _at(loaded, place))
    return value


def _at(loaded: Loaded, place: tuple[int, int]) -> Location:
    return Location(loaded.file, *place)


def _refuse_escaped_invisible(value: str, path: PathKey, here: Location) -> None:
    """A double-quoted "\\x0b" or "\\ud800" puts in a value what the raw text may not hold."""
    match = invisible(value).search(value)
    if match:
        problem = Problem(
            here,
            message("invisible_escaped", char=describe_invisible(match.group())),
            path=format_path(path),
            rule="characters",
            hint=message("invisible_escaped_hint"),
        )
        raise InvalidInput([problem])


def _tag_error(node: yaml.Node, here: Location) -> UserError:
    return LoadError(
        "yaml",
        message("yaml_tag", tag=node.tag.replace("tag:yaml.org,2002:", "!!")),
        hint=message("yaml_tag_hint"),
        location=here,
    )


def problem_at(loaded: Loaded, path: PathKey, message: str, **kwargs: Any) -> Problem:
    return Problem(location=loaded.locate(path), message=message, path=format_path(path), **kwargs)


def format_path(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out

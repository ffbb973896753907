"""The one YAML writer of reportgen's hand-laid files (``new`` and ``import``): scalars and
comments that YAML reads back exactly as written, whatever the text holds.

YAML ends a line, and so a comment or a plain scalar, at \\r, \\n, U+0085, U+2028 and U+2029:
a plan heading holding U+2028 and then ``  - id: injected`` would otherwise add an item to
the file ``new`` writes. Values holding one are double-quoted with the break escaped; comments
are split at every one of them into comment lines of their own.

Both writers lay the file out themselves (comments beside the items they belong to, ``|``
blocks broken after each sentence); a round-trip emitter (ruamel.yaml) would be a second
dependency for two functions, so only the quoting is shared, here.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable, Iterator

import yaml

# Every character YAML treats as a line break; and what else may not stand unquoted.
LINE_BREAKS = "\r\n\x85\u2028\u2029"
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029]")
# json.dumps leaves these as they are; YAML's double-quoted style names them \N, \L, \P.
_YAML_ESCAPES = str.maketrans({"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"})


def scalar(value: str | int | float) -> str:
    """``value`` as a YAML scalar: plain when YAML reads it back as the same string, else
    double-quoted with every line break and control character escaped."""
    if not isinstance(value, str):
        return str(value)
    if "\n" not in value and value == value.strip() and not UNPRINTABLE.search(value):
        try:
            if yaml.safe_load(f"k: {value}\n") == {"k": value}:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False).translate(_YAML_ESCAPES)


def split_lines(text: str) -> list[str]:
    """``text`` cut at every character YAML (or Python) takes for a line break."""
    return text.splitlines() or [""]


def comment_lines(
    texts: Iterable[str], indent: int, *, prefix: str = "# ", width: int | None = None
) -> Iterator[str]:
    """Each text as comment lines: one per line of the text (no line break of any kind is
    left inside a comment), wrapped at ``width`` characters if given."""
    for text in texts:
        for line in split_lines(text):
            pieces = textwrap.wrap(line, width) if width else [line]
            for piece in pieces or [""]:
                yield f"{' ' * indent}{prefix}{piece}".rstrip()

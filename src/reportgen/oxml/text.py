"""Text: the characters XML 1.0 cannot hold.

Most C0 controls (\\x0b from Word's line break, \\x0c from a page break, \\x00 …), lone
surrogates and U+FFFE/U+FFFF: lxml refuses them, and a file that held them would not open.
Text is cleaned before it reaches an element. This module inserts no elements.
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def forbidden_characters(text: str) -> list[str]:
    """The characters of ``text`` that XML 1.0 cannot hold, in order of appearance."""
    return _NOT_XML.findall(text)


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (``&``, ``<`` are escaped by lxml)."""
    return _NOT_XML.sub("", text)

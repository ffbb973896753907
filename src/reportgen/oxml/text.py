"""Text: the characters XML 1.0 cannot hold.

Most C0 controls (\\x0b from Word's line break, \\x0c from a page break, \\x00 …), lone
surrogates and U+FFFE/U+FFFF: lxml refuses them, and a file that held them would not open.
Text is cleaned before it reaches an element. This module inserts no elements.
"""

from __future__ import annotations

import functools
import re

_NOT_XML_CHARACTERS = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
# Whether a text holds one is asked of the controls alone: any character past U+00FF in a
# class (the surrogates, U+FFFE) makes it a 64k-character bitmap, 0.2-0.6 ms to compile, which
# a document without such a character (every document, nearly) need not pay.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


@functools.cache
def _not_xml() -> re.Pattern[str]:
    return re.compile(_NOT_XML_CHARACTERS)


def _holds_any(text: str) -> bool:
    """Whether ``text`` holds a character XML 1.0 cannot hold."""
    if _CONTROLS.search(text) is not None or "\ufffe" in text or "\uffff" in text:
        return True
    try:
        text.encode("utf-8")  # fails on a lone surrogate, and only on one
    except UnicodeEncodeError:
        return True
    return False


def forbidden_characters(text: str) -> list[str]:
    """The characters of ``text`` that XML 1.0 cannot hold, in order of appearance."""
    return _not_xml().findall(text) if _holds_any(text) else []


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (``&``, ``<`` are escaped by lxml)."""
    return _not_xml().sub("", text) if _holds_any(text) else text

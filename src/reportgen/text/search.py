"""Where short strings stand in a text, found with ``str.find`` (in C) rather than a Python
loop over every character or a compiled character class: the punctuation rules' pair marks,
the typing mistakes' full-width marks, figure rules' leading words."""

from __future__ import annotations

from collections.abc import Iterable


def occurrences(text: str, needles: Iterable[str]) -> list[tuple[int, str]]:
    """``(offset, needle)`` of every occurrence of each of ``needles`` in ``text``, in order
    of offset (overlapping ones included: ``"。。"`` is found at 0 and 1 in ``"。。。"``)."""
    found = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            found.append((at, needle))
            at = text.find(needle, at + 1)
    found.sort()
    return found

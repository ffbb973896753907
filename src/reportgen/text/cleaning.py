"""How a YAML string reads: wrapped lines joined (Chinese needs no space between them), a
blank line a paragraph break; with, for each character kept, the offset it was written at.

Pure functions over strings; imports nothing of reportgen. The model's validators and check's
views both clean through here, so the document and the findings read the same text.
"""

from __future__ import annotations

import re

LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def clean_text(value: str) -> str:
    """Join wrapped lines (Chinese needs no space between them); a blank line starts a paragraph.

    Authors write long text as YAML block scalars and may wrap it anywhere; the document
    is the same however they wrap.
    """
    paragraphs = PARAGRAPH_BREAK.split(value.strip())
    return "\n".join(LINE_BREAK.sub("", p) for p in paragraphs)


def clean_with_origin(raw: str) -> tuple[str, list[int]]:
    """:func:`clean_text`, keeping the raw offset of every character kept."""
    stripped = raw.strip()
    if not stripped:
        return "", []
    start = len(raw) - len(raw.lstrip())
    if "\n" not in stripped:  # one line (most strings): both breaks need a line break
        return stripped, list(range(start, start + len(stripped)))
    text: list[str] = []
    origin: list[int] = []
    breaks = list(PARAGRAPH_BREAK.finditer(stripped))
    bounds = [(0, breaks[0].start() if breaks else len(stripped))]
    for n, joint in enumerate(breaks):
        bounds.append(
            (joint.end(), breaks[n + 1].start() if n + 1 < len(breaks) else len(stripped))
        )
    for n, (lo, hi) in enumerate(bounds):
        if n:
            text.append("\n")
            origin.append(start + bounds[n - 1][1])
        paragraph = stripped[lo:hi]
        kept = 0
        for joint in LINE_BREAK.finditer(paragraph):
            text.append(paragraph[kept : joint.start()])
            origin.extend(range(start + lo + kept, start + lo + joint.start()))
            kept = joint.end()
        text.append(paragraph[kept:])
        origin.extend(range(start + lo + kept, start + lo + len(paragraph)))
    return "".join(text), origin

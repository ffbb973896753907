"""Double braces in an imported document are the author's text, not metric references:
``{{…}}`` would be read back as a reference to a metric the import does not define and
refused at a line of a file the user never saw. They are written full width (｛｛…｝｝),
as Chinese text sets braces anyway, and the import says so."""

from __future__ import annotations

import dataclasses

from reportgen.importer.reader import ReadResult
from reportgen.settings.messages import message

_FULL_WIDTH = str.maketrans({"{": "｛", "}": "｝"})


def braces_as_text(read: ReadResult) -> ReadResult:
    """``read`` with every ``{{`` and ``}}`` of its paragraphs in full-width braces."""
    changed = [p for p in read.paragraphs if "{{" in p.text or "}}" in p.text]
    if not changed:
        return read
    paragraphs = [
        dataclasses.replace(p, text=_defused(p.text)) if p in changed else p
        for p in read.paragraphs
    ]
    note = message("import_braces_as_text", count=len(changed), where=changed[0].where)
    return dataclasses.replace(read, paragraphs=paragraphs, notes=[*(read.notes or []), note])


def _defused(text: str) -> str:
    return text.replace("{{", "{{".translate(_FULL_WIDTH)).replace(
        "}}", "}}".translate(_FULL_WIDTH)
    )

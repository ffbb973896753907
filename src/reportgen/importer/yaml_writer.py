"""Write a Review or Plan as YAML a person can review: block scalars, comments, safe quoting.

Long text goes into ``|`` blocks, broken after each sentence (the loader joins lines with
nothing between them, so the breaks change nothing). Every scalar is written plain only when
YAML reads it back as the same string; otherwise it is double-quoted ("*街道", "2023", "yes").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from reportgen.model.report import Item, Plan, Point, Review, sections_of
from reportgen.text.yaml_out import UNPRINTABLE as _UNPRINTABLE
from reportgen.text.yaml_out import comment_lines, scalar

CommentPath = tuple[str | int, ...]
WIDTH = 40  # characters a block line grows to before it breaks after a comma
_BLOCK_AT = 30  # text longer than this goes into a | block
_TOKEN = re.compile(r"[^。！？；，：]*[。！？；，：]|[^。！？；，：]+$")
_SENTENCE = "。！？；"
__all__ = ["comment_lines", "render_yaml", "scalar", "text_field", "wrap"]


def wrap(paragraph: str) -> list[str]:
    """A paragraph as lines: one sentence a line, long sentences broken after a comma.

    A break is never put next to a space: the loader drops spaces at line breaks.
    """
    lines: list[str] = []
    current = ""
    offset = 0
    for token in _TOKEN.findall(paragraph):
        quoted = paragraph[:offset].count("“") > paragraph[:offset].count("”")
        if (
            current
            and len(current) + len(token) > WIDTH
            and not quoted
            and _breakable(paragraph, offset)
        ):
            lines.append(current)
            current = ""
        current += token
        offset += len(token)
        if token[-1:] in _SENTENCE and _breakable(paragraph, offset):
            lines.append(current)
            current = ""
    if current:
        lines.append(current)
    return lines


def _breakable(paragraph: str, offset: int) -> bool:
    before = paragraph[offset - 1 : offset]
    after = paragraph[offset : offset + 1]
    return not before.isspace() and not after.isspace()


def text_field(key: str, value: str, indent: int) -> Iterator[str]:
    pad = " " * indent
    block_safe = not _UNPRINTABLE.search(value) and all(p == p.strip() for p in value.split("\n"))
    if (len(value) <= _BLOCK_AT and "\n" not in value) or not block_safe:
        yield f"{pad}{key}: {scalar(value)}"
        return
    yield f"{pad}{key}: |"
    for k, paragraph in enumerate(value.split("\n")):
        if k:
            yield ""
        for line in wrap(paragraph):
            yield f"{pad}  {line}"


class _Writer:
    def __init__(
        self,
        document: Review | Plan,
        comments: dict[CommentPath, list[str]],
    ):
        self.document = document
        self.key = document.kind
        self.comments = comments

    def notes(self, *path: str | int, indent: int = 0) -> Iterator[str]:
        yield from comment_lines(self.comments.get((self.key, *path), []), indent)

    def lines(self, header: list[str]) -> Iterator[str]:
        doc = self.document
        schema = "plan" if isinstance(doc, Plan) else "review"
        yield f"# yaml-language-server: $schema=../schema/{schema}.schema.json"
        yield "#"
        yield from comment_lines(header, 0)
        yield ""
        yield f"kind: {doc.kind}"
        yield f"organisation: {scalar(doc.organisation)}"
        yield f"year: {doc.year}"
        yield from self.notes("title")
        if doc.title:
            yield from text_field("title", doc.title, 0)
        titles = doc.titles.model_dump(exclude_none=True)
        if titles:
            yield ""
            yield "titles:"
            for kind, title in titles.items():
                yield f"  {kind}: {scalar(title)}"
        intros = doc.intros.model_dump(exclude_none=True)
        if intros:
            yield ""
            yield "intros:"
            for kind, intro in intros.items():
                yield from text_field(kind, intro, 2)
        for name in ("opening",):
            value = getattr(doc, name)
            if value:
                yield ""
                yield from self.notes(name)
                yield from text_field(name, value, 0)
        for kind in sections_of(doc):
            items = getattr(doc, kind)
            if not items:
                continue
            yield ""
            yield f"{kind}:"
            for k, item in enumerate(items):
                if k:
                    yield ""
                yield from self.notes(kind, k, indent=2)
                yield from self.item(kind, k, item)
        yield from self.parts()
        if doc.closing:
            yield ""
            yield from self.notes("closing")
            yield from text_field("closing", doc.closing, 0)
        if doc.attachments:
            yield ""
            yield "attachments:"
            for name in doc.attachments:
                yield f"  - {scalar(name)}"
        if doc.signature is not None:
            yield ""
            yield from self.notes("signature")
            yield "signature:"
            yield f"  name: {scalar(doc.signature.name)}"
            yield f"  date: {doc.signature.date.isoformat()}"

    def parts(self) -> Iterator[str]:
        """``parts:`` of the issue-12 contract: title, after, text, items (the item shape)."""
        if not self.document.parts:
            return
        yield ""
        yield "parts:"
        for n, part in enumerate(self.document.parts):
            if n:
                yield ""
            yield f"  - title: {scalar(part.title)}"
            if part.after is not None:
                yield f"    after: {part.after}"
            if part.text:
                yield from text_field("text", part.text, 4)
            if part.items:
                yield "    items:"
                for k, item in enumerate(part.items):
                    if k:
                        yield ""
                    yield from self.notes("parts", n, k, indent=6)
                    yield from self.item(("parts", n), k, item, indent=4)

    def item(
        self, kind: str | tuple[str, int], k: int, item: Item, indent: int = 0
    ) -> Iterator[str]:
        pad = " " * indent
        where = kind if isinstance(kind, tuple) else (kind,)
        yield f"{pad}  - heading: {scalar(item.heading)}"
        if item.layout != "run-in":
            yield f"{pad}    layout: {item.layout}"
        if item.points:
            yield f"{pad}    points:"
        for j, point in enumerate(item.points):
            yield from self.notes(*where, k, "points", j, indent=6 + indent)
            yield from self.point(point, indent)
        if item.tables:  # each table a list of rows, each row one line: [cell, cell, …]
            yield f"{pad}    tables:"
            for table in item.tables:
                for r, row in enumerate(table):
                    lead = "      - - " if r == 0 else "        - "
                    yield f"{pad}{lead}[{', '.join(flow_scalar(c) for c in row)}]"

    def point(self, point: Point, indent: int = 0) -> Iterator[str]:
        pad = " " * indent
        if point.lead:
            yield f"{pad}      - lead: {scalar(point.lead)}"
            yield from text_field("text", point.text, 8 + indent)
        else:
            first = list(text_field("text", point.text, 8 + indent))
            yield f"{pad}      - " + first[0].lstrip()
            yield from first[1:]
        if point.subpoints:  # （1） （2） under the point
            yield f"{pad}        subpoints:"
            for sub in point.subpoints:
                yield f"{pad}          - {scalar(sub)}"


def flow_scalar(value: str) -> str:
    """``value`` as a scalar inside a flow sequence [a, b]: plain when that is safe there."""
    if value and not any(c in value for c in ",[]{}"):
        return scalar(value)
    return json.dumps(value, ensure_ascii=False)


def render_yaml(
    document: Review | Plan,
    comments: dict[CommentPath, list[str]],
    header: list[str],
) -> str:
    return "\n".join(_Writer(document, comments).lines(header)) + "\n"

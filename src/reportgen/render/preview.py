"""The preview's page: composed blocks laid out by :mod:`reportgen.render.pagelayout` as HTML,
each line placed where LibreOffice puts it, with check's findings beside the lines they concern.

Blocks are drawn by kind and level alone (a part or any new kind compose adds is drawn like a
paragraph of its level), in the fonts the .docx names, each through a CSS stack that falls
back to a distinct open face (:mod:`reportgen.render.faces`).
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportgen.compose.document import Block, Composed
from reportgen.errors import Problem
from reportgen.render.faces import css_family, css_font_faces
from reportgen.render.pagelayout import Line, Pages, Piece, Rule, line_top_pt, paginate
from reportgen.settings.layout import PT_PER_MM, Layout
from reportgen.settings.messages import message


@dataclass(frozen=True)
class Note:
    """A finding as the page shows it."""

    where: str  # file:line:col
    text: str
    hint: str
    severity: str

    @classmethod
    def of(cls, problem: Problem) -> Note:
        text = f"{problem.path}: {problem.message}" if problem.path else problem.message
        return cls(str(problem.location), text, problem.hint, problem.severity)


def _path_text(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _block_paths(block: Block) -> list[tuple[str, str]]:
    """(document, YAML path) of each span of the block, the item's own path too."""
    out = [(s.origin.document, _path_text(s.origin.path)) for s in block.spans if s.origin]
    if block.item is not None:
        out.append((block.item.document, _path_text(block.item.path)))
    return out


def attach(
    findings: Sequence[Problem], blocks: Sequence[Block], documents: Mapping[str, str]
) -> tuple[dict[int, list[Problem]], list[Problem]]:
    """Each finding on the block whose text it concerns (the longest YAML path that holds the
    finding's path), keyed by the block's index; the findings no block holds."""
    placed: dict[int, list[Problem]] = {}
    loose: list[Problem] = []
    candidates = [(i, d, p) for i, b in enumerate(blocks) for d, p in _block_paths(b)]
    for finding in findings:
        document = documents.get(finding.location.file)
        best: tuple[int, int] | None = None
        for index, kind, path in candidates:
            if kind != document or not path:
                continue
            target = finding.path
            holds = target == path or target.startswith((path + ".", path + "["))
            if holds and (best is None or len(path) > best[1]):
                best = (index, len(path))
        if best is None:
            loose.append(finding)
        else:
            placed.setdefault(best[0], []).append(finding)
    return placed, loose


def _font(piece: Piece, layout: Layout) -> tuple[str, bool]:
    """The Chinese font of a piece and whether it is bold, as the .docx chooses it."""
    if piece.role == "title":
        return layout.title.font, False
    if piece.role == "label":  # 附表
        return layout.headings.level1.font, False
    if piece.role in ("cell", "header"):
        return (layout.table.header_font if piece.role == "header" else layout.table.font), False
    heading = layout.headings.at(piece.level) if 1 <= piece.level <= 4 else None
    if heading is not None and piece.role in ("number", "heading"):
        return heading.font, heading.bold
    if piece.role == "lead":
        if heading is not None and piece.level >= 3:
            return heading.font, heading.bold or layout.bold_leads
        return layout.body.font, layout.bold_leads
    return layout.body.font, False


def _line_html(line: Line, top: float, layout: Layout, flagged: bool) -> str:
    runs = []
    for piece in line.pieces:
        font, bold = _font(piece, layout)
        family = f'"{css_family(layout.latin_font)}", "{css_family(font)}"'
        weight = "font-weight:bold;" if bold else ""
        runs.append(
            f"<span style='font-family:{html.escape(family)};{weight}'>"
            f"{html.escape(piece.text)}</span>"
        )
    spacing = line.spacing_pt
    if spacing is None:
        spacing = 0 if line.align == "center" else layout.grid.char_spacing_pt
    pitch = line.height_pt or layout.grid.line_spacing_pt
    classes = "line flagged" if flagged else "line"
    return (
        f'<div class="{classes} {line.align}" style="left:{line.left_pt:.2f}pt;top:{top:.2f}pt;'
        f"height:{pitch:g}pt;line-height:{pitch:g}pt;"
        f'width:{line.width_pt:.2f}pt;font-size:{line.size_pt:g}pt;letter-spacing:{spacing:g}pt">'
        f"{''.join(runs)}</div>"
    )


def _rule_html(rule: Rule, layout: Layout) -> str:
    """A table's border line, a black box."""
    top = line_top_pt(layout, rule.top_pt)
    return (
        f'<div class="rule" style="left:{rule.left_pt:.2f}pt;top:{top:.2f}pt;'
        f'width:{rule.width_pt:.2f}pt;height:{rule.height_pt:.2f}pt"></div>'
    )


def _note_html(problem: Problem) -> str:
    note = Note.of(problem)
    hint = f'<div class="hint">→ {html.escape(note.hint)}</div>' if note.hint else ""
    return (
        f'<div class="note {note.severity}">'
        f'<div class="where">{html.escape(note.where)}</div>'
        f'<div class="what">{html.escape(note.text)}</div>{hint}</div>'
    )


def document_html(
    composed: Composed,
    layout: Layout,
    findings: Sequence[Problem] = (),
    documents: Mapping[str, str] | None = None,
) -> str:
    """The pages (and the findings no line holds) as an HTML fragment."""
    pages = paginate(composed, layout)
    placed, loose = attach(findings, composed.blocks, documents or {})
    return _pages_html(pages, placed, loose)


def _pages_html(pages: Pages, notes: dict[int, list[Problem]], loose: list[Problem]) -> str:
    layout = pages.layout
    by_page: dict[int, list[str]] = {n: [] for n in range(1, pages.count + 1)}
    for item in pages.placed:
        found = notes.get(item.index, [])
        for rule in item.rules:
            by_page[rule.page].append(_rule_html(rule, layout))
        for k, (line, (page, at)) in enumerate(zip(item.lines, item.tops, strict=True)):
            top = line_top_pt(layout, at)
            by_page[page].append(_line_html(line, top, layout, bool(found)))
            if k == 0 and found:
                notes_html = "".join(_note_html(p) for p in found)
                by_page[page].append(
                    f'<div class="notes" style="top:{top:.2f}pt">{notes_html}</div>'
                )
    page = layout.page
    number = layout.page_number
    number_top = (page.height_mm - page.margin_bottom_mm + number.below_text_mm) * PT_PER_MM
    out = []
    if loose:
        items = "".join(f"<li>{_note_html(p)}</li>" for p in loose)
        out.append(f'<ul class="loose" aria-label="{html.escape(message("preview_findings"))}">'
                   f"{items}</ul>")  # fmt: skip
    for n, lines in by_page.items():
        side = "right" if n % 2 else "left"
        shown = html.escape(number.format.replace("{page}", str(n)))
        indent = number.size_pt * number.indent_chars
        family = f'"{css_family(number.font)}"'
        out.append(
            f'<section class="page" data-page="{n}">'
            f'<div class="text" style="left:{page.margin_left_mm}mm;'
            f'width:{page.text_width_pt:.2f}pt">'
            f"{''.join(lines)}</div>"
            f'<div class="number" style="top:{number_top:.2f}pt;{side}:'
            f"{(page.margin_right_mm if side == 'right' else page.margin_left_mm)}mm;"
            f"padding-{side}:{indent:g}pt;font-size:{number.size_pt:g}pt;"
            f'font-family:{html.escape(family)}">{shown}</div></section>'
        )
    return "".join(out)


def banner_html(problems: Sequence[Problem]) -> str:
    """The located errors that stopped a rebuild, above the last good page."""
    if not problems:
        return ""
    items = "".join(
        "<li>"
        + (f"<code>{html.escape(str(p.location))}</code> " if str(p.location) else "")
        + html.escape(Note.of(p).text)
        + (f'<div class="hint">→ {html.escape(p.hint)}</div>' if p.hint else "")
        + "</li>"
        for p in problems
    )
    return f"<strong>{html.escape(message('preview_broken'))}</strong><ul>{items}</ul>"


def payload(version: int, document: str, banner: str, title: str) -> str:
    """What the page receives on each rebuild (one server-sent event)."""
    return json.dumps(
        {"version": version, "doc": document, "banner": banner, "title": title},
        ensure_ascii=False,
    )


_CSS = """
body { margin: 0; background: #e8e8e8; font-family: sans-serif; }
#banner { position: sticky; top: 0; z-index: 10; background: #fde2e1; color: #7a1411;
  border-bottom: 2px solid #c9302c; padding: 8px 16px; font-size: 14px; }
#banner:empty { display: none; }
#banner ul { margin: 4px 0 0; padding-left: 18px; }
main { padding: 16px 0 48px; }
.page { position: relative; width: %(width)smm; height: %(height)smm; background: #fff;
  margin: 16px auto; margin-left: max(16px, calc(50%% - %(half)smm - 120px));
  box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.page .text { position: absolute; top: 0; bottom: 0; }
.line { position: absolute; height: %(pitch)spt; line-height: %(pitch)spt; white-space: pre;
  color: #000; }
.line.justify { text-align: justify; text-align-last: justify; }
.line.center { text-align: center; }
.line.right { text-align: right; }
.rule { position: absolute; background: #000; }
.line.flagged { background: #fff3bf; }
.number { position: absolute; line-height: 1; }
.notes { position: absolute; left: calc(%(width)smm - %(left)smm + 8px); width: 260px; }
.note { margin-bottom: 4px; background: #fffbe6; border-left: 3px solid #e0a800;
  padding: 4px 6px; font-size: 12px;
  font-family: sans-serif; box-shadow: 0 1px 2px rgba(0,0,0,.2); }
.note.error { border-color: #c9302c; background: #fdecea; }
.note .where { font-family: monospace; color: #555; }
.loose { list-style: none; width: %(width)smm; margin: 0 auto; padding: 0; }
.loose .note { margin: 4px 0; }
.hint { color: #555; }
"""

_SCRIPT = """
const source = new EventSource("/events");
source.onmessage = (event) => {
  const data = JSON.parse(event.data);
  if (data.doc !== null) document.getElementById("doc").innerHTML = data.doc;
  document.getElementById("banner").innerHTML = data.banner;
  if (data.title) document.title = data.title;
  document.body.dataset.version = data.version;
};
"""


def page_html(layout: Layout, title: str) -> str:
    """The page around the document: styles, fonts, and the script that takes each rebuild
    from the server's events (the document itself arrives with the first event)."""
    css = _CSS % {
        "width": f"{layout.page.width_mm:g}",
        "height": f"{layout.page.height_mm:g}",
        "half": f"{layout.page.width_mm / 2:g}",
        "left": f"{layout.page.margin_left_mm:g}",
        "pitch": f"{layout.grid.line_spacing_pt:g}",
    }
    fonts = css_font_faces([*layout.chinese_fonts, layout.latin_font], latin=layout.latin_font)
    return (
        f'<!doctype html>\n<html lang="{layout.language}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{fonts}\n{css}</style></head>"
        f'<body><div id="banner" role="alert"></div><main id="doc"></main>'
        f"<script>{_SCRIPT}</script></body></html>"
    )

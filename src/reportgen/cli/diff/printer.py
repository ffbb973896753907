"""``reportgen diff`` on a terminal: the diff drawn with rich, coloured on a terminal and
marked ``[-deleted-]{+inserted+}`` in a pipe. The other formats are text made in
:mod:`reportgen.diff.output`; this draws the same :func:`~reportgen.diff.output.view`.
"""

from __future__ import annotations

from typing import Any

from reportgen.diff.compare import DocumentDiff
from reportgen.diff.output import labels, view
from reportgen.diff.words import Segment


def render_terminal(
    diff: DocumentDiff, *, context: int | None = 12, color: bool | None = None
) -> str:
    """Coloured when ``color`` (or, by default, when stdout is a terminal); otherwise the
    changes are marked ``[-deleted-]{+inserted+}`` as ``git diff --word-diff`` does."""
    import io

    from rich.table import Table
    from rich.text import Text

    from reportgen.cli import terminal

    color = terminal.wants_color(color)
    out = io.StringIO()
    width = terminal.terminal_width() if color else terminal.PIPE_WIDTH
    console = terminal.console(out, color=color, width=width)
    data = view(diff, context)
    t = labels()
    if diff.identical:
        console.print(data["summary"], markup=False)
        return out.getvalue()

    def changes(parts: list[Segment]) -> Text:
        text = Text()
        for part in parts:
            if part.kind == "equal":
                text.append(part.text)
            elif color:
                style = "red strike" if part.kind == "delete" else "green underline"
                text.append(part.text, style=style)
            else:
                text.append(f"[-{part.text}-]" if part.kind == "delete" else f"{{+{part.text}+}}")
        return text

    console.print(Text(f"{t['title']} {data['old']} → {data['new']}", style="bold"))
    if any(data[k] for k in ("added", "removed", "moved", "reworded", "relinked", "restyled")):
        console.print(Text(t["structure"], style="bold cyan"))
    for group, mark, style in (("added", "+", "green"), ("removed", "-", "red")):
        for entry in data[group]:
            console.print(
                Text.assemble(
                    (f"  {mark} ", style),
                    (f"{t[group]}  ", style),
                    f"{entry['place']} {entry['heading']}",
                    _id(entry),
                )
            )
    for entry in data["moved"]:
        console.print(
            Text.assemble(
                ("  ↕ ", "yellow"),
                (f"{t['moved']}  ", "yellow"),
                f"{entry['heading']}  {entry['old_place']} → {entry['place']}",
                _id(entry),
            )
        )
    for entry in data["reworded"]:
        console.print(
            Text.assemble(
                ("  ~ ", "yellow"),
                (f"{t['reworded']}  ", "yellow"),
                f"{entry['place']} ",
                changes(entry["heading_segments"]),
                _id(entry),
                (f"  ({entry['matched_note']})", "dim") if entry["matched_by"] != "id" else "",
            )
        )
        if entry["body_segments"] and any(s.kind != "equal" for s in entry["body_segments"]):
            console.print(Text("      ").append(changes(entry["body_segments"])))
    for entry in data["relinked"]:
        console.print(
            Text.assemble(
                ("  ~ ", "yellow"),
                (f"{t['relinked']}  ", "yellow"),
                f"{entry['place']} {entry['heading']}  "
                f"[{', '.join(entry['old_links'])}] → [{', '.join(entry['new_links'])}]",
            )
        )
    for entry in data["restyled"]:
        console.print(
            Text.assemble(
                ("  ~ ", "yellow"),
                (f"{t['restyled']}  ", "yellow"),
                f"{entry['place']} {entry['heading']}  "
                f"{entry['old_layout']} → {entry['new_layout']}",
            )
        )
    if data["texts"]:
        console.print(Text(t["texts"], style="bold cyan"))
    for entry in data["texts"]:
        console.print(
            Text.assemble(
                ("  ~ ", "yellow"),
                (f"{entry['label']}  ", "yellow"),
                changes(entry["segments"]),
            )
        )
    if data["figures"]:
        console.print(Text(t["figures"], style="bold cyan"))
        table = Table(box=None, padding=(0, 1), pad_edge=False, show_edge=False)
        table.add_column("  " + t["metric"])
        table.add_column(data["old_short"], justify="right")
        table.add_column(data["new_short"], justify="right")
        table.add_column(t["unit"])
        table.add_column(t["change"], justify="right")
        table.add_column(t["percent"], justify="right")
        table.add_column(t["notes"])
        for row in data["figures"]:
            style = {"added": "green", "removed": "red", "incomparable": "magenta"}.get(
                row["status"]
            )
            if row["status"] == "changed":
                style = "yellow"
            marker = {"added": "+ ", "removed": "- ", "changed": "~ ", "incomparable": "! "}.get(
                row["status"], "  "
            )
            notes = "；".join(row["notes"])
            table.add_row(
                Text(marker + row["label"], style=style or ""),
                row["old"],
                row["new"],
                row["unit"],
                row["change"],
                row["percent"],
                Text(notes, style="dim"),
            )
        console.print(table)
    console.print(Text(data["summary"], style="bold"))
    return terminal.printed(out)


def _id(entry: dict[str, Any]) -> Any:
    from rich.text import Text

    return Text(f"  [{entry['id']}]", style="dim") if entry["id"] else Text("")

"""``reportgen track`` on a terminal: the follow-up drawn with rich. The md and json formats
are text made in :mod:`reportgen.diff.track`; this draws the same
:func:`~reportgen.diff.track.view`.
"""

from __future__ import annotations

from reportgen.diff.track import TrackResult, labels, view


def render_terminal(result: TrackResult, *, color: bool | None = None) -> str:
    import io

    from rich.text import Text

    from reportgen.cli import terminal

    out = io.StringIO()
    console = terminal.console(out, color=terminal.wants_color(color))
    data, t = view(result), labels()
    marks = {
        "linked": ("✓", "green"),
        "unreported": ("✗", "red"),
        "suggested": ("?", "yellow"),
        "none": ("✗", "red"),
    }

    def name(entry: dict[str, object]) -> Text:
        ident = f"  [{entry['id']}]" if entry["id"] else ""
        return Text.assemble(f"{entry['place']} {entry['heading']}", (ident, "dim"))

    where = " → ".join(str(n) for n in (data["plan"], data["review"]) if n)
    console.print(Text(f"{t['title']} {where}", style="bold"))
    for group, arrow in (("priorities", "←"), ("shortcomings", "→")):
        entries = data[group]
        if not entries:
            continue
        console.print(Text(t[group], style="bold cyan"))
        for entry in entries:  # type: ignore[attr-defined]
            mark, style = marks[entry["status"]]
            line = Text.assemble((f"  {mark} ", style), name(entry))
            if entry["status"] in ("none", "unreported"):
                line.append(f"  {t[entry['status'] + ':' + group]}", style=style)
            console.print(line)
            for other in entry["linked"]:
                unfilled = (f"  ({t['unfilled']})", "yellow") if other["unfilled"] else ""
                undone = "" if other["carried_out"] else (f"  ({t['not_carried_out']})", "red")
                console.print(Text.assemble(f"      {arrow} ", name(other), unfilled, undone))
            if entry["suggestion"]:
                hint = entry["suggestion"]
                console.print(
                    Text.assemble(
                        f"      {arrow} ",
                        name(hint),
                        (f"  ({t['suggested']} {hint['score']:.2f})", "yellow"),
                    )
                )
    if data["unplanned"]:
        console.print(Text(t["unplanned"], style="bold cyan"))
        for entry in data["unplanned"]:  # type: ignore[attr-defined]
            line = Text.assemble("  + ", name(entry))
            if entry["suggestion"]:
                hint = entry["suggestion"]
                line.append(
                    f"  ({t['like']} {hint['place']} {hint['heading']}"
                    f" {hint['score']:.2f}; {t['add']} reports_on: [{hint['id']}])",
                    style="dim",
                )
            console.print(line)
    if data["dangling"]:
        console.print(Text(t["dangling"], style="bold red"))
        for entry in data["dangling"]:  # type: ignore[attr-defined]
            console.print(
                Text.assemble(
                    "  ! ",
                    name(entry),
                    f"  {entry['field']}: {entry['missing']}",
                    (f"  ({entry['likely_text']})", "yellow") if entry["likely"] else "",
                )
            )
    for note in data["notes"]:  # type: ignore[attr-defined]
        console.print(Text(f"note: {note}", style="dim"))
    console.print(Text(str(data["summary"]), style="bold"))
    return terminal.printed(out)

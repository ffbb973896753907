"""Renderers: composed blocks → bytes of one output format."""

from __future__ import annotations

from reportgen.compose.document import Composed
from reportgen.settings.templating import Templates

FORMATS = ("docx", "md", "txt", "html")
TEXT_FORMATS = ("md", "txt", "html")


def render_text(
    composed: Composed,
    fmt: str,
    templates: Templates,
    *,
    bold_leads: bool = False,
    show_metrics: bool = False,
) -> bytes:
    """Markdown, plain text or HTML through the format's Jinja template."""
    text = templates.render(
        f"report.{fmt}.j2", doc=composed, bold_leads=bold_leads, show_metrics=show_metrics
    )
    return text.encode("utf-8")

"""``reportgen schema [review|plan]``: the JSON Schema editors use to complete and check keys."""

from __future__ import annotations

from typing import Annotated

import typer

from reportgen.cli.app import app


@app.command(help="help_cmd_schema")
def schema(
    kind: Annotated[str, typer.Argument(help="help_schema_kind")] = "review",
) -> None:
    """Print the JSON Schema of a review or plan file (a copy is in schema/ for editors)."""
    from reportgen.errors import UsageError
    from reportgen.model.schema import KINDS, schema_text

    if kind not in KINDS:
        from reportgen.settings.messages import message

        raise UsageError(
            message("schema_unknown_kind", input=kind), hint=message("schema_unknown_kind_hint")
        )
    typer.echo(schema_text(kind), nl=False)

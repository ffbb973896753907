"""Templates and template data: a project's ``templates/`` first, then the shipped defaults.

User templates run in Jinja's sandbox: a template shared between offices can format text,
never reach Python internals or the file system.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import TracebackType
from typing import Any

from reportgen.errors import UserError, display_path
from reportgen.loader import load_yaml
from reportgen.project import default_templates_dir

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def markdown_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", str(text))


class Templates:
    """The search path for templates and template data files."""

    def __init__(self, project_dir: Path | None = None):
        self.dirs = [d for d in (project_dir, default_templates_dir()) if d is not None and d.is_dir()]

    def find(self, name: str) -> Path | None:
        return next((d / name for d in self.dirs if (d / name).is_file()), None)

    def data(self, name: str) -> list[tuple[Path, Any]]:
        """Every copy of a YAML data file, defaults first, so later ones override."""
        found = [d / name for d in reversed(self.dirs) if (d / name).is_file()]
        out = []
        for path in found:
            loaded = load_yaml(path)
            if not isinstance(loaded.value, dict):
                raise UserError(f"{display_path(path)} must be a mapping of keys to values")
            out.append((path, loaded.value))
        return out

    def sections(self) -> dict[str, str]:
        merged: dict[str, str] = {}
        for path, values in self.data("sections.yaml"):
            for key, value in values.items():
                if key not in ("highlights", "shortcomings", "priorities") or not isinstance(value, str):
                    raise UserError(
                        f"{display_path(path)}: unknown section '{key}' or not text",
                        hint="keys are highlights, shortcomings, priorities",
                    )
                merged[key] = value
        return merged

    def render(self, name: str, **context: Any) -> str:
        import jinja2
        from jinja2.sandbox import SandboxedEnvironment

        env = SandboxedEnvironment(
            loader=jinja2.FileSystemLoader([str(d) for d in self.dirs]),
            autoescape=jinja2.select_autoescape(["html.j2", "htm.j2"]),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
        )
        env.filters["md"] = markdown_escape
        try:
            template = env.get_template(name)
            return template.render(**context)
        except jinja2.TemplateNotFound:
            raise UserError(f"template {name} not found in {', '.join(map(display_path, self.dirs))}") from None
        except jinja2.TemplateSyntaxError as exc:
            raise UserError(
                f"template syntax error in {_shown(exc.filename, name)}:{exc.lineno}: {exc.message}",
                hint="fix the template; `reportgen build` uses the shipped one if you delete yours",
            ) from None
        except jinja2.exceptions.SecurityError as exc:
            raise UserError(
                f"template {_where(exc.__traceback__, name)} tried something unsafe: {exc}",
                hint="templates may format the report's text, not reach Python internals",
            ) from None
        except jinja2.UndefinedError as exc:
            raise UserError(
                f"template {_where(exc.__traceback__, name)} uses an undefined value: {exc.message}",
                hint="templates receive doc (title, blocks, metrics), bold_leads and show_metrics",
            ) from None


def _shown(filename: str | None, name: str) -> str:
    return display_path(Path(filename)) if filename else name


def _where(tb: TracebackType | None, name: str) -> str:
    """file:line of the template frame in a Jinja traceback."""
    where = name
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where = f"{display_path(Path(filename))}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where

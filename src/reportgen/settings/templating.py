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
from reportgen.files.project import default_templates_dir
from reportgen.model.loader import load_yaml
from reportgen.model.report import SECTION_KINDS

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def markdown_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", str(text))


class Templates:
    """The search path for templates and template data files."""

    def __init__(self, project_dir: Path | None):
        """``project_dir``: the project's ``templates/`` folder, or ``None`` for the shipped
        templates alone (a project without its own)."""
        self.dirs = [
            d for d in (project_dir, default_templates_dir()) if d is not None and d.is_dir()
        ]

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
                if key not in SECTION_KINDS or not isinstance(value, str):
                    raise UserError(
                        f"{display_path(path)}: unknown section '{key}' or not text",
                        hint=f"keys are {', '.join(SECTION_KINDS)}",
                    )
                _check_year_placeholder(path, key, value)
                merged[key] = value
        return merged

    def render(self, name: str, **context: Any) -> str:
        import jinja2

        env = _sandbox(self.dirs)
        env.filters["md"] = markdown_escape
        try:
            template = env.get_template(name)
            return _render_bounded(template, context)
        except UnicodeDecodeError:
            shown = display_path(self.find(name) or Path(name))
            raise UserError(
                f"template {shown} (or a template it includes) is not UTF-8 text",
                hint="save it as UTF-8 in your editor",
            ) from None
        except jinja2.TemplateNotFound as exc:
            missing = exc.name or name
            raise UserError(
                f"template {missing} not found in {', '.join(map(display_path, self.dirs))}",
                hint="templates may include only other templates of these folders",
            ) from None
        except jinja2.TemplateSyntaxError as exc:
            raise UserError(
                f"template syntax error in {_shown(exc.filename, name)}:{exc.lineno}: "
                f"{exc.message}",
                hint="fix the template; `reportgen build` uses the shipped one if you delete yours",
            ) from None
        except jinja2.exceptions.SecurityError as exc:
            raise UserError(
                f"template {_where(exc.__traceback__, name)} tried something unsafe: {exc}",
                hint="templates may format the report's text, not reach Python internals",
            ) from None
        except jinja2.UndefinedError as exc:
            raise UserError(
                f"template {_where(exc.__traceback__, name)} uses an undefined value: "
                f"{exc.message}",
                hint="templates receive doc (title, blocks, metrics), bold_leads and show_metrics",
            ) from None
        except (
            RecursionError,
            MemoryError,
            ArithmeticError,
            LookupError,
            TypeError,
            ValueError,
        ) as exc:
            # Raised by a user's template (endless macro recursion, 1/0, range(10**9)…) it is
            # the template's fault, worded as such; raised by a shipped template it is our bug.
            where = _where(exc.__traceback__, name)
            if not _is_user_template(exc.__traceback__):
                raise
            what = "calls itself without end" if isinstance(exc, RecursionError) else "failed"
            raise UserError(
                f"template {where} {what}: {type(exc).__name__}: {exc}",
                hint="fix the template; `reportgen build` uses the shipped one if you delete yours",
            ) from None


# A template may build text, not exhaust the machine: cap what one expression or the whole
# output can grow to. Loops are capped by the sandbox's own range() limit (100 000).
MAX_TEMPLATE_OUTPUT = 20 * 1024 * 1024
_MAX_VALUE = 1024 * 1024


def _sandbox(dirs: list[Path]) -> Any:
    import jinja2
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Sandbox(ImmutableSandboxedEnvironment):
        """No Python internals, no changing the document (lists and dicts are read-only),
        no text or number larger than a report could need."""

        intercepted_binops = frozenset(["*", "**"])

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and _big_power(left, right):
                raise SecurityError(f"{left!r} ** {right!r} is too large for a template")
            if operator == "*" and _big_repeat(left, right):
                raise SecurityError("a template may not repeat text or lists this many times")
            return super().call_binop(context, operator, left, right)

    return Sandbox(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=jinja2.select_autoescape(["html.j2", "htm.j2"]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _big_power(left: Any, right: Any) -> bool:
    """An integer power of more than 64 kbit (floats overflow on their own, harmlessly)."""
    if not isinstance(left, int) or not isinstance(right, int):
        return False
    return right > 0 and abs(left).bit_length() * right > 65536


def _big_repeat(left: Any, right: Any) -> bool:
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, str | list | tuple) and isinstance(times, int):
            return len(seq) * times > _MAX_VALUE
    return False


def _render_bounded(template: Any, context: dict[str, Any]) -> str:
    from jinja2.exceptions import SecurityError

    parts: list[str] = []
    size = 0
    for chunk in template.generate(**context):
        size += len(chunk)
        if size > MAX_TEMPLATE_OUTPUT:
            raise SecurityError(
                f"its output passed {MAX_TEMPLATE_OUTPUT // 1024 // 1024} MB; a report is a few kB"
            )
        parts.append(chunk)
    return "".join(parts)


def _is_user_template(tb: TracebackType | None) -> bool:
    """Whether the innermost template frame of a traceback is a project's, not a shipped one."""
    shipped = default_templates_dir().resolve()
    innermost = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            innermost = Path(filename).resolve()
        tb = tb.tb_next
    return innermost is not None and not innermost.is_relative_to(shipped)


def _check_year_placeholder(path: Path, key: str, value: str) -> None:
    """Section names are filled with ``str.format(year=…)``: allow ``{year}`` and nothing else,
    or a shared sections.yaml could read attributes (``{year.__class__}``) or crash the build."""
    import string

    try:
        fields = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(value)]
    except ValueError as exc:
        raise UserError(
            f"{display_path(path)}: section '{key}' has a stray brace: {exc}",
            hint="write {year} for the year, and {{ or }} for a literal brace",
        ) from None
    for name, spec, conversion in fields:
        if name is not None and (name != "year" or spec or conversion):
            used = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise UserError(
                f"{display_path(path)}: section '{key}' uses {{{used}}}; "
                "only {year} is filled in",
                hint="write {year} for the year, and {{ or }} for a literal brace",
            )


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

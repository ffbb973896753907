"""Templates and template data: a project's ``templates/`` first, then the shipped defaults.

User templates run in Jinja's sandbox: a template shared between offices can format text,
never reach Python internals or the file system.

Long because the sandbox's caps (one check for each way a template can build a string:
operators, filters, string methods, formats, macros and blocks) live beside the loader and the
error wording they belong to.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from types import TracebackType
from typing import Any

from reportgen.errors import UserError, display_path
from reportgen.files.project import default_templates_dir, inside
from reportgen.model.loader import Loaded, load_yaml_text, read_text
from reportgen.model.report import SECTION_KINDS
from reportgen.settings.messages import message

_MD_SPECIAL = r"([\\`*_\[\]#|])"  # compiled (by re's own cache) for Markdown output only
_HTML_SPECIAL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def markdown_escape(text: str) -> str:
    """User text for Markdown: HTML as entities (a backslash does not stop ``<img onerror>``
    inside an HTML block such as the signature's ``<p align="right">``), then Markdown's own
    specials behind a backslash."""
    return re.sub(_MD_SPECIAL, r"\\\1", str(text).translate(_HTML_SPECIAL))


class Templates:
    """The search path for templates and template data files."""

    def __init__(self, project_dir: Path | None):
        """``project_dir``: the project's ``templates/`` folder, or ``None`` for the shipped
        templates alone (a project without its own)."""
        self.shipped = default_templates_dir()
        self.dirs = [d for d in (project_dir, self.shipped) if d is not None and d.is_dir()]

    def find(self, name: str) -> Path | None:
        return next((p for d in self.dirs if (p := project_file(d, name)) is not None), None)

    def data(self, name: str) -> list[tuple[Path, Any]]:
        """Every copy of a YAML data file, defaults first, so later ones override."""
        found = [p for d in reversed(self.dirs) if (p := project_file(d, name)) is not None]
        out = []
        for path in found:
            loaded = self.load(path)
            assert loaded is not None  # only a blank layout.yaml loads as None
            if not isinstance(loaded.value, dict):
                raise UserError(
                    message("template_data_not_mapping", file=display_path(path)),
                    hint=message("template_data_not_mapping_hint"),
                )
            out.append((path, loaded.value))
        return out

    def load(self, path: Path, *, blank: bool = False) -> Loaded | None:
        """A data file found by :meth:`find` or :meth:`data`, loaded with its positions;
        ``blank``: ``None`` for one holding only comments (an override not yet filled in).

        A shipped file (layout, sections, units) is the same on every run: its loaded form is
        kept in ``__pycache__`` by :func:`~reportgen.files.cache.load_cached`, which saved
        ~2 ms of a build's 6 ms of settings (the located loader parses in Python). A project's
        file is read and checked every time."""
        shown = display_path(path)

        def parse(text: str) -> tuple[Any, ...] | None:
            if blank and all(
                not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
            ):
                return None
            loaded = load_yaml_text(text, shown)
            return loaded.value, loaded.positions, loaded.key_positions, loaded.text

        if path.parent == self.shipped:
            from reportgen.files.cache import load_cached
            from reportgen.model import loader

            # read as a project's file is (bytes decoded as they are, \r\n kept), not as
            # load_cached's text
            kept = load_cached(
                path,
                lambda _: parse(read_text(path)),
                beside=Path(__file__),
                code=(Path(__file__), Path(str(loader.__file__))),
            )
        else:
            kept = parse(read_text(path))
        return None if kept is None else Loaded(shown, *kept)

    def sections(self) -> dict[str, str]:
        merged: dict[str, str] = {}
        for path, values in self.data("sections.yaml"):
            for key, value in values.items():
                if key not in SECTION_KINDS or not isinstance(value, str):
                    raise UserError(
                        message("template_unknown_section", file=display_path(path), key=key),
                        hint=message(
                            "template_unknown_section_hint", keys=", ".join(SECTION_KINDS)
                        ),
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
                message("template_not_utf8", template=shown),
                hint=message("template_not_utf8_hint"),
            ) from None
        except jinja2.TemplateNotFound as exc:
            missing = exc.name or name
            raise UserError(
                message(
                    "template_not_found",
                    template=missing,
                    folders=", ".join(map(display_path, self.dirs)),
                ),
                hint=message("template_not_found_hint"),
            ) from None
        except jinja2.TemplateSyntaxError as exc:
            raise UserError(
                message(
                    "template_syntax",
                    template=_shown(exc.filename, name),
                    line=exc.lineno,
                    error=exc.message,
                ),
                hint=message("template_fix_hint"),
            ) from None
        except jinja2.exceptions.SecurityError as exc:
            raise UserError(
                message("template_unsafe", template=_where(exc.__traceback__, name), error=exc),
                hint=message("template_unsafe_hint"),
            ) from None
        except jinja2.UndefinedError as exc:
            raise UserError(
                message(
                    "template_undefined",
                    template=_where(exc.__traceback__, name),
                    error=exc.message,
                ),
                hint=message("template_undefined_hint"),
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
            kind = "template_recursion" if isinstance(exc, RecursionError) else "template_failed"
            raise UserError(
                message(kind, template=where, error=f"{type(exc).__name__}: {exc}"),
                hint=message("template_fix_hint"),
            ) from None


# A template may build text, not exhaust the machine: cap what one expression or the whole
# output can grow to. Loops are capped by the sandbox's own range() limit (100 000).
MAX_TEMPLATE_OUTPUT = 20 * 1024 * 1024
_MAX_VALUE = 1024 * 1024


def _sandbox(dirs: list[Path]) -> Any:
    import jinja2
    from jinja2.compiler import CodeGenerator
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Capped(CodeGenerator):
        """``a ~ b`` joins through the sandbox, so the joined text is capped like the rest."""

        def visit_Concat(self, node: Any, frame: Any) -> None:
            self.write("environment.capped(")
            super().visit_Concat(node, frame)
            self.write(")")

    class Sandbox(ImmutableSandboxedEnvironment):
        """No Python internals, no changing the document (lists and dicts are read-only),
        no text or number larger than a report could need: every string the template builds
        (``~``, ``+``, ``*``, ``%``, filters, methods, macros, blocks) is capped, not only the
        output."""

        code_generator_class = Capped
        intercepted_binops = frozenset(["*", "**", "+", "%"])

        @staticmethod
        def concat(parts: Any) -> str:
            return _capped_join(parts)

        @staticmethod
        def capped(value: Any) -> Any:
            return _capped(value)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and _big_power(left, right):
                raise SecurityError(f"{left!r} ** {right!r} is too large for a template")
            if operator == "*" and _big_repeat(left, right):
                raise SecurityError("a template may not repeat text or lists this many times")
            if operator == "+" and _size(left) + _size(right) > _MAX_VALUE:
                raise SecurityError(_too_large())
            if operator == "%" and isinstance(left, str):
                _check_percent_format(left)
            return _capped(super().call_binop(context, operator, left, right))

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            name = getattr(__obj, "__name__", "")
            owner = getattr(__obj, "__self__", None)
            if isinstance(owner, str | list | tuple):
                _check_arguments(args, kwargs)
            if isinstance(owner, str) and name in ("replace", "join"):
                _check_estimate(name, owner, args)
            if isinstance(owner, str) and name == "expandtabs":
                size = (args or [kwargs.get("tabsize", 8)])[0]
                if isinstance(size, int) and owner.count("\t") * size > _MAX_VALUE:
                    raise SecurityError(_too_large())
            return _capped(super().call(__context, __obj, *args, **kwargs))

        def wrap_str_format(self, value: Any) -> Any:
            wrapped = super().wrap_str_format(value)
            if wrapped is None:
                return None
            _check_brace_format(value.__self__)
            return wrapped

    env = Sandbox(
        loader=_inside_loader(dirs),
        autoescape=jinja2.select_autoescape(["html.j2", "htm.j2"]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    for name, function in list(env.filters.items()):
        env.filters[name] = _guarded_filter(name, function)
    env.globals.pop("lipsum", None)  # lipsum(n=10**7) builds gigabytes of filler text
    return env


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


def _too_large(limit: int = _MAX_VALUE) -> str:
    return message("template_value_too_large", limit=limit)


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | list | tuple) else 0


def _capped(value: Any) -> Any:
    from jinja2.exceptions import SecurityError

    if _size(value) > _MAX_VALUE:
        raise SecurityError(_too_large())
    return value


def _capped_join(parts: Any) -> str:
    """``"".join`` that stops as soon as the text passes the cap, before building it. This
    joins what macros, ``{% set %}`` blocks and ``{% filter %}`` blocks render, which may be a
    whole section of a long diff or track: their cap is the output's."""
    from jinja2.exceptions import SecurityError

    kept: list[str] = []
    size = 0
    for part in parts:
        size += len(part)
        if size > MAX_TEMPLATE_OUTPUT:
            raise SecurityError(_too_large(MAX_TEMPLATE_OUTPUT))
        kept.append(part)
    return "".join(kept)


def _check_arguments(args: Any, kwargs: dict[str, Any]) -> None:
    """No width, count or length argument larger than the cap (center(1500000000)…)."""
    from jinja2.exceptions import SecurityError

    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _MAX_VALUE:
            raise SecurityError(_too_large())


def _check_estimate(name: str, text: str, args: Any) -> None:
    """What ``join``/``replace``/``indent`` would build, estimated before building it."""
    from jinja2.exceptions import SecurityError

    if name == "join" and args:
        items = args[0] if isinstance(args[0], list | tuple) else []
        estimate = len(text) * max(len(items) - 1, 0) + sum(_size(i) for i in items)
    elif name == "replace" and len(args) >= 2:
        old, new = str(args[0]), str(args[1])
        estimate = len(text) + (len(text) // max(len(old), 1) + 1) * len(new)
    else:
        return
    if estimate > _MAX_VALUE:
        raise SecurityError(_too_large())


# Compiled (by re's own cache) when a template formats text, not on every run.
_WIDTH = r"\d+"
_PERCENT_SPEC = r"%(?:\([^)]*\))?([-#0 +]*)(\*|\d+)?(?:\.(\*|\d+))?"


def _check_width(spec: str) -> None:
    from jinja2.exceptions import SecurityError

    if "*" in spec or "{" in spec or any(int(n) > _MAX_VALUE for n in re.findall(_WIDTH, spec)):
        raise SecurityError(_too_large())


def _check_percent_format(text: str) -> None:
    for match in re.finditer(_PERCENT_SPEC, text):
        _check_width(match.group(0)[1:])


def _check_brace_format(text: str) -> None:
    import string

    try:
        for _, _, spec, _ in string.Formatter().parse(text):
            if spec:
                _check_width(spec)
    except ValueError:
        return  # str.format itself reports the stray brace


def _guarded_filter(name: str, function: Any) -> Any:
    """A filter that refuses huge widths and counts, estimates what join/replace/indent/
    format would build before building it, and caps what it returns."""
    import functools

    from jinja2.exceptions import SecurityError

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        values = [a for a in args if not hasattr(a, "environment") and not hasattr(a, "autoescape")]
        _check_arguments(values[1:], kwargs)
        # Any text argument may be put in once per character of the value (wordwrap's
        # wrapstring, replace's new text…): refuse when that product passes the cap.
        longest = max(
            (len(a) for a in (*values[1:], *kwargs.values()) if isinstance(a, str)), default=0
        )
        if values and isinstance(values[0], str) and len(values[0]) * longest > _MAX_VALUE:
            raise SecurityError(_too_large())
        if name == "join" and values:
            items = list(values[0])
            separator = str(values[1]) if len(values) > 1 else str(kwargs.get("d", ""))
            _check_estimate("join", separator, (items,))
            args = tuple(items if a is values[0] else a for a in args)
        elif name == "replace" and len(values) >= 3:
            _check_estimate("replace", str(values[0]), values[1:3])
        elif name == "indent" and values:
            text = str(values[0])
            width = values[1] if len(values) > 1 else kwargs.get("width", 4)
            estimate = len(text) + (text.count("\n") + 1) * (
                len(width) if isinstance(width, str) else int(width)
            )
            if estimate > _MAX_VALUE:
                raise SecurityError(_too_large())
        elif name == "format" and values:
            _check_percent_format(str(values[0]))
        elif (
            name == "sum"
            and values
            and isinstance(values[0], list | tuple)
            and sum(_size(v) for v in values[0]) > _MAX_VALUE  # sum(start=[]) of lists
        ):
            raise SecurityError(_too_large())
        return _capped(function(*args, **kwargs))

    return guarded


def _inside_loader(dirs: list[Path]) -> Any:
    import jinja2

    class InsideLoader(jinja2.FileSystemLoader):
        """Jinja's loader already refuses ``..``; this one also refuses a template (named
        directly or by include/extends/import) that is, or passes through, a symlink out of
        its templates folder."""

        def get_source(self, environment: Any, template: str) -> Any:
            from jinja2.loaders import split_template_path

            from reportgen.files.read import read_regular

            pieces = split_template_path(template)  # refuses '..' as "not found"
            for folder in dirs:
                found = project_file(folder, "/".join(pieces))
                if found is not None:  # read by the one reader: capped, regular files only
                    source = read_regular(found).decode("utf-8")
                    return source, str(found), lambda: False
            raise jinja2.TemplateNotFound(template)

    return InsideLoader([str(d) for d in dirs])


def project_file(folder: Path, name: str) -> Path | None:
    """``folder/name`` when something is there, else None: a regular file inside ``folder``,
    or a located refusal. A link out of the folder, a FIFO, a device or a folder where a
    template or settings file is expected is said, never silently passed over for the
    shipped default (the project's own settings would then quietly not apply)."""
    from reportgen.files.read import require_regular

    path = folder / name
    if not os.path.lexists(path):
        return None
    inside(folder, path)
    require_regular(path)
    return path


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
            message("template_stray_brace", file=display_path(path), key=key, error=exc),
            hint=message("template_year_hint"),
        ) from None
    for name, spec, conversion in fields:
        if name is not None and (name != "year" or spec or conversion):
            used = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise UserError(
                message("template_bad_placeholder", file=display_path(path), key=key, used=used),
                hint=message("template_year_hint"),
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

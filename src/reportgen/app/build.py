"""``reportgen build``: load, validate, compose, render, write atomically."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.compose.document import Composed, compose_documents
from reportgen.errors import InvalidInput, Problem, UsageError, display_path
from reportgen.files.guard import write_outputs
from reportgen.files.project import (
    Project,
    missing_file_hint,
    near_misses,
    parse_year,
    require_file,
)
from reportgen.files.read import check_name
from reportgen.model.report import Plan, Review
from reportgen.model.validate import DocumentT, checked_references, load_plan, load_review
from reportgen.render import FORMATS, render_text
from reportgen.settings.messages import message
from reportgen.settings.stage import Settings, load_settings

if TYPE_CHECKING:
    from reportgen.check.run import CheckReport


# The records of a cold build are plain classes, not dataclasses: each dataclass compiles its
# generated methods when the module is imported, 8.3 M instructions (~0.9 ms of every build) for
# these three.


class BuildResult:
    """What a build wrote, the notes it has for the user, and the lint findings it printed."""

    __slots__ = ("findings", "notes", "written")

    def __init__(
        self,
        written: list[Path] | None = None,
        notes: list[str] | None = None,
        findings: list[Problem] | None = None,  # lint findings: printed, not fatal
    ) -> None:
        self.written = [] if written is None else written
        self.notes = [] if notes is None else notes
        self.findings = [] if findings is None else findings


class Sources:
    """The files a build reads, and what they hold."""

    __slots__ = ("notes", "plan", "review", "stem")

    def __init__(
        self, review: Review | None, plan: Plan | None, stem: str, notes: list[str] | None = None
    ) -> None:
        self.review = review
        self.plan = plan
        self.stem = stem
        self.notes = [] if notes is None else notes

    def _values(self) -> tuple[object, ...]:
        return (self.review, self.plan, self.stem, self.notes)

    def __eq__(self, other: object) -> bool:  # the same files read to the same documents
        if other.__class__ is self.__class__:
            return self._values() == other._values()  # type: ignore[attr-defined,no-any-return]
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal by value, and its notes change

    def __repr__(self) -> str:
        review, plan, stem, notes = self._values()
        return f"Sources(review={review!r}, plan={plan!r}, stem={stem!r}, notes={notes!r})"


def load_sources(project: Project, spec: str, checked: CheckReport | None = None) -> Sources:
    """``2022``: data/2022.yaml (+ data/2023_plan.yaml if present); ``2023_plan``: the plan.

    A file ``checked`` found valid is taken from the check, not read and validated again."""
    inputs = project.inputs(spec)
    year = inputs.year
    if inputs.plan_only:
        assert inputs.plan is not None
        plan = _load(inputs.plan, message("what_plan", year=year), Plan, checked)
        return Sources(None, plan, spec)
    assert inputs.review is not None
    review = _load(inputs.review, message("what_review", year=year), Review, checked)
    if inputs.plan is not None:
        return Sources(review, _load(inputs.plan, "", Plan, checked), str(year))
    plan_path = project.plan_path(year + 1)
    misses = near_misses(plan_path)
    if misses:
        note = message("build_plan_near_miss", year=year + 1, hint=missing_file_hint(plan_path))
    else:
        shown = display_path(plan_path)
        note = message("build_no_plan", year=year + 1, path=shown, previous=year)
    return Sources(review, None, str(year), [note])


def _load(path: Path, what: str, model: type[DocumentT], checked: CheckReport | None) -> DocumentT:
    shown = display_path(path)
    for found in checked.files if checked else []:
        document = found.document
        if isinstance(document, model) and found.shown == shown and found.path == path.resolve():
            assert found.loaded is not None
            return checked_references(found.loaded, document)
    if what:
        require_file(path, what)
    return load_plan(path) if model is Plan else load_review(path)  # type: ignore[return-value]


def output_paths(
    project: Project, stem: str, formats: list[str], output: Path | None
) -> dict[str, Path]:
    """Where each format goes: ``build/STEM.FMT`` by default. ``--output`` names the file when
    one format is built (or a folder to put it in), and the folder when several are."""
    if output is None:
        return {fmt: project.build_dir / f"{stem}.{fmt}" for fmt in formats}
    check_name(output)
    if len(formats) == 1 and not output.is_dir():
        return {formats[0]: output}
    if output.exists() and not output.is_dir():
        raise UsageError(
            message("build_output_file", path=display_path(output)),
            hint=message("build_output_file_hint"),
        )
    return {fmt: output / f"{stem}.{fmt}" for fmt in formats}


def render(composed: Composed, fmt: str, settings: Settings) -> bytes:
    templates, layout = settings.templates, settings.layout
    if fmt == "docx":
        from reportgen.render.docx import render_docx

        return render_docx(composed, layout, settings.reference)
    return render_text(
        composed, fmt, templates, bold_leads=layout.bold_leads, show_metrics=layout.metrics_table
    )


def render_all(
    composed: Composed, targets: dict[str, Path], settings: Settings, *, pdf: bool = False
) -> tuple[dict[Path, bytes], list[str]]:
    """Every output's bytes (the PDF beside the .docx), and notes on what had to be left out."""
    soffice = None
    if pdf:
        from reportgen.render.pdf import require_soffice

        soffice = require_soffice()  # before any work: say how to install LibreOffice
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = {path: render(composed, fmt, settings) for fmt, path in targets.items()}
        if pdf:
            from reportgen.render.pdf import convert_to_pdf, font_substitutions

            docx = targets.get("docx")
            source = out[docx] if docx else render(composed, "docx", settings)
            fonts = [*settings.layout.chinese_fonts, settings.layout.latin_font]
            substitutes = font_substitutions(fonts)
            out[pdf_path(targets)] = convert_to_pdf(
                source, soffice=soffice, substitutes=substitutes
            )
            if substitutes:
                faces = "; ".join(map(str, substitutes))
                warnings.warn(message("pdf_substituted", faces=faces), UserWarning, stacklevel=1)
    return out, [str(w.message) for w in caught if issubclass(w.category, UserWarning)]


def pdf_path(targets: dict[str, Path]) -> Path:
    """The PDF goes beside the .docx (or the first output), with the same name."""
    return targets.get("docx", next(iter(targets.values()))).with_suffix(".pdf")


def validate_first(
    project: Project, spec: str, settings: Settings
) -> tuple[list[Problem], CheckReport]:
    """Check the files first: refuse them with every schema problem of every file at once;
    return the lint findings, which a build prints and does not refuse, and the check (whose
    valid documents the build takes as they are)."""
    from reportgen.check.run import LOAD_RULES, check_project

    parse_year(spec)  # a build takes a year, not a path
    checked = check_project(project, [spec], settings.rules)
    blocking = checked.blocking
    if blocking and not any(p.rule in LOAD_RULES for p in blocking):
        raise InvalidInput(blocking)
    # A file that cannot be read is refused below by the loader, with its own words.
    return [p for p in checked.problems if p not in blocking], checked


def build(
    project: Project,
    spec: str,
    formats: list[str],
    output: Path | None = None,
    *,
    force: bool = False,
    pdf: bool = False,
) -> BuildResult:
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        from reportgen.settings.messages import message

        raise UsageError(
            message("unknown_format", input=unknown[0]),
            hint=message("choose_from", expected=", ".join(FORMATS) + ", all"),
        )
    settings = settings_of(project)
    findings, checked = validate_first(project, spec, settings)
    sources = load_sources(project, spec, checked)
    composed = compose_documents(sources.review, sources.plan, settings.sections)
    targets = output_paths(project, sources.stem, formats, output)
    # Render everything before writing anything: a template error leaves every old file intact.
    rendered, notes = render_all(composed, targets, settings, pdf=pdf)
    result = BuildResult(notes=[*sources.notes, *notes], findings=findings)
    # Nothing is written if any target holds a change made by hand (unless --force).
    write_outputs(rendered, force=force)
    result.written.extend(rendered)
    return result


class BuildRequest:
    """``reportgen build YEAR``: one project's year, in these formats."""

    __slots__ = ("force", "formats", "output", "pdf", "project", "spec")

    def __init__(
        self,
        spec: str,
        formats: tuple[str, ...] = ("docx",),
        output: Path | None = None,
        project: Path | None = None,
        force: bool = False,
        pdf: bool = False,
    ) -> None:
        self.spec = spec
        self.formats = formats
        self.output = output
        self.project = project
        self.force = force
        self.pdf = pdf


def run(request: BuildRequest) -> BuildResult:
    from reportgen.files.project import normalise_spec, open_project

    return build(
        open_project(request.project),
        normalise_spec(request.spec),
        list(request.formats),
        request.output,
        force=request.force,
        pdf=request.pdf,
    )


class Rebuilder:
    """Rebuilds one project's documents in a long-lived process (the preview server): the
    settings, reference template and Python's imports stay loaded, and a data file is parsed
    and validated again only when it changed on disk.

    ``Rebuilder(project_root).build("2022", "docx")`` is the bytes ``reportgen build 2022``
    would write, computed without writing anything and without running check's lint rules
    (bad input still raises the located :class:`~reportgen.errors.UserError`). Settings are
    read again when a file in the project's ``templates/`` changed. Not thread-safe: one
    Rebuilder per thread, or a lock around :meth:`build`.
    """

    def __init__(self, project_root: Path):
        self.project = Project(project_root)
        self._documents: dict[Path, tuple[tuple[int, int], Review | Plan]] = {}

    @property
    def settings(self) -> Settings:
        return settings_of(self.project)

    def build(self, year: str, fmt: str = "docx") -> bytes:
        """The document for ``year`` (``2022``, or ``2023_plan``) in ``fmt`` (docx, md, txt,
        html), as bytes."""
        if fmt not in FORMATS:
            raise UsageError(
                message("unknown_format", input=fmt),
                hint=message("choose_from", expected=", ".join(FORMATS)),
            )
        settings = self.settings
        inputs = self.project.inputs(year)
        review = self._load(inputs.review, Review) if inputs.review is not None else None
        plan = self._load(inputs.plan, Plan) if inputs.plan is not None else None
        composed = compose_documents(review, plan, settings.sections)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # characters left out: the build says so, not this
            return render(composed, fmt, settings)

    def _load(self, path: Path, model: type[DocumentT]) -> DocumentT:
        require_file(path, display_path(path))
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self._documents.get(path)
        if cached is None or cached[0] != stamp:
            document = load_plan(path) if model is Plan else load_review(path)
            cached = self._documents[path] = (stamp, document)
        return cached[1]  # type: ignore[return-value]


_SETTINGS: dict[tuple[Path | None, tuple[tuple[str, int, int], ...]], Settings] = {}
_SETTINGS_KEPT = 16  # a batch of district projects with templates of their own: start afresh


def settings_of(project: Project) -> Settings:
    """The project's settings, loaded once per process while its ``templates/`` folder is
    unchanged: a batch builds dozens of projects (every one without a ``templates/`` has the
    same shipped settings, ~2 ms of each build), the preview rebuilds one on every edit. A
    file added, removed or changed in ``templates/`` loads them again; the settings hold no
    words of the current language (a rule's text is worded when it is shown)."""
    folder = project.templates_dir
    key = (folder, _stamps(folder))
    found = _SETTINGS.get(key)
    if found is None:
        if len(_SETTINGS) >= _SETTINGS_KEPT:
            _SETTINGS.clear()
        found = _SETTINGS[key] = load_settings(project.root)
    return found


def _stamps(folder: Path | None) -> tuple[tuple[str, int, int], ...]:
    if folder is None:
        return ()
    return tuple(_stamp(p) for p in sorted(folder.iterdir()))


def _stamp(path: Path) -> tuple[str, int, int]:
    try:
        info = path.stat()
    except OSError:  # a dangling link, or removed meanwhile: loading the settings says which
        return (path.name, -1, -1)
    return (path.name, info.st_mtime_ns, info.st_size)

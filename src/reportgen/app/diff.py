"""``reportgen diff OLD NEW``: resolve the two inputs, compare them, and make the output
(md, json or html text, or the tracked-changes .docx); the terminal view is drawn by
:mod:`reportgen.cli.diff`. Nothing is printed here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.compose.document import Composed, compose_documents
from reportgen.diff.compare import Document, DocumentDiff, compare, compose_alone
from reportgen.diff.output import TEXT_FORMATS, render_text, summary
from reportgen.errors import UsageError, display_path
from reportgen.files.project import Project, is_year, open_project, require_file
from reportgen.settings import load_settings
from reportgen.settings.messages import message

FORMATS = ("terminal", *TEXT_FORMATS, "docx")


@dataclass(frozen=True)
class DiffRequest:
    old: str
    new: str
    fmt: str = "terminal"
    output: Path | None = None
    project: Path | None = None
    context: int = 12
    author: str = "reportgen"


@dataclass(frozen=True)
class DiffReport:
    result: DocumentDiff
    summary: str
    text: str | None = None  # md, json or html
    docx: bytes | None = None  # the tracked-changes document
    target: Path | None = None  # where the output goes (None: standard output)

    @property
    def identical(self) -> bool:
        return self.result.identical


def run(request: DiffRequest) -> DiffReport:
    if request.fmt not in FORMATS:
        from reportgen.settings.messages import message

        raise UsageError(
            message("unknown_format", input=request.fmt),
            hint=message("choose_from", expected=", ".join(FORMATS)),
        )
    if request.context < 0:
        raise UsageError(message("diff_context_negative"))
    project = open_project(request.project)
    settings = load_settings(project.root)
    old_doc, old_name = load_input(project, request.old)
    new_doc, new_name = load_input(project, request.new)
    result = compare(
        old_doc,
        new_doc,
        sections=settings.sections,
        units=settings.units,
        old_name=old_name,
        new_name=new_name,
    )
    if request.fmt == "docx":
        from reportgen.render.docx_diff import render_docx_diff

        old_whole = _as_built(project, request.old, settings.sections)
        new_whole = _as_built(project, request.new, settings.sections)
        whole = old_whole is not None or new_whole is not None
        data = render_docx_diff(
            old_whole or result.old_composed or compose_alone(old_doc, settings.sections),
            new_whole or result.new_composed or compose_alone(new_doc, settings.sections),
            settings.layout,
            author=request.author,
            # the report's pairing covers the files compared; a whole document (review and
            # plan) is paired again, by the same rules, over all its items
            items=None if whole else result.items,
            reference=settings.reference,
        )
        stem = f"{Path(old_name).stem}-{Path(new_name).stem}"
        target = request.output or project.build_dir / f"{stem}.diff.docx"
        return DiffReport(result, summary(result), docx=data, target=target)
    text = None
    if request.fmt != "terminal":
        text = render_text(
            result, request.fmt, templates=settings.templates, context=request.context
        )
    return DiffReport(result, summary(result), text=text, target=request.output)


def _as_built(project: Project, spec: str, sections: dict[str, str]) -> Composed | None:
    """``2022``: the document ``build 2022`` makes (the review and next year's plan, when
    there is one), composed as build composes it; None for a path or a plan alone."""
    if not is_year(spec) or project.inputs(spec).plan_only or project.inputs(spec).plan is None:
        return None
    from reportgen.app.build import load_sources

    sources = load_sources(project, spec)
    return compose_documents(sources.review, sources.plan, sections)


def resolve_input(project: Project, spec: str) -> Path:
    """``2022``, ``2023_plan`` (in the project's data/) or a path to a YAML file."""
    return require_file(project.resolve(spec), message("what_file", spec=spec))


def load_input(project: Project, spec: str) -> tuple[Document, str]:
    from reportgen.model.validate import load_document

    path = resolve_input(project, spec)
    return load_document(path), display_path(path)

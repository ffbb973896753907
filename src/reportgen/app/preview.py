"""``reportgen preview``: the document as an HTML page of A4 pages, rebuilt in the running
process when a file changes. No printing and no server here (that is the CLI's): this turns
the project's files into what the page shows, and keeps the last good page when they break.

:func:`rebuild_document` is the one function that loads, checks and composes; a faster warm
build can replace it without touching the rest.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.compose.document import Composed
from reportgen.errors import InvalidInput, Location, Problem, UserError
from reportgen.files.project import Project
from reportgen.settings.layout import Layout


@dataclass(frozen=True)
class Built:
    """One build of the document: what it composed to, in which layout, and check's findings
    (each file's shown path mapped to the document it holds: review or plan)."""

    composed: Composed
    layout: Layout
    findings: list[Problem]
    documents: dict[str, str]


def rebuild_document(project: Project, spec: str) -> Built:
    """Load the settings and the year's files, check them and compose: what a build does
    before it renders. Raises :class:`InvalidInput` (or another :class:`UserError`) on input
    that cannot be built."""
    from reportgen.app.build import load_sources, validate_first
    from reportgen.compose.document import compose_documents
    from reportgen.settings.stage import load_settings

    settings = load_settings(project.root)
    findings, checked = validate_first(project, spec, settings)
    sources = load_sources(project, spec, checked)
    composed = compose_documents(sources.review, sources.plan, settings.sections)
    documents = {f.shown: f.kind for f in checked.files if f.kind}
    return Built(composed, settings.layout, findings, documents)


def problems_of(error: UserError) -> list[Problem]:
    """A refusal as located problems, for the banner."""
    if isinstance(error, InvalidInput):
        return list(error.problems)
    return [Problem(error.location or Location(""), error.message, rule="", hint=error.hint)]


@dataclass
class PreviewState:
    """What the page shows: the last good document (None before the first), the problems that
    stopped the latest rebuild, and a version that grows with every rebuild."""

    version: int = 0
    title: str = ""
    document: str | None = None
    problems: list[Problem] = field(default_factory=list)
    layout: Layout | None = None


class Preview:
    """A project's year, rebuilt on demand; thread-safe (the server reads while the watcher
    rebuilds)."""

    def __init__(self, project: Project, spec: str):
        self.project = project
        self.spec = spec
        self.state = PreviewState()
        self.changed = threading.Condition()

    def rebuild(self) -> PreviewState:
        from reportgen.render.preview import document_html

        try:
            built = rebuild_document(self.project, self.spec)
            document = document_html(built.composed, built.layout, built.findings, built.documents)
        except UserError as exc:
            new = PreviewState(
                self.state.version + 1,
                self.state.title,
                self.state.document,
                problems_of(exc),
                self.state.layout,
            )
        else:
            new = PreviewState(
                self.state.version + 1, built.composed.title, document, [], built.layout
            )
        with self.changed:
            self.state = new
            self.changed.notify_all()
        return new

    def wait(self, seen: int, timeout: float) -> PreviewState:
        """The state once its version passes ``seen`` (or as it is after ``timeout`` s)."""
        with self.changed:
            self.changed.wait_for(lambda: self.state.version > seen, timeout)
            return self.state

    def watched(self) -> list[Path]:
        """The folders whose changes call for a rebuild."""
        folders = [self.project.data_dir, self.project.root / "templates"]
        return [f for f in folders if f.is_dir()]


def relevant(paths: Iterator[str] | list[str]) -> bool:
    """Whether a change touched a file a build reads (YAML), not an editor's swap file."""
    return any(Path(p).suffix in (".yaml", ".yml") for p in paths)

"""The settings stage: everything a project may configure, merged and validated once.

:func:`load_settings` reads the shipped defaults and the project's ``templates/`` (sections,
layout, units, lint rules) in one go; every problem is located in the file that set the value.
The application layer calls it once per project and passes the :class:`Settings` down: no
library function reads a settings file or falls back to the shipped defaults on its own.
The message language is not here: it is the process-wide catalogue of
:mod:`reportgen.settings.messages`, chosen by ``--lang``.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from reportgen.files.project import Project
from reportgen.settings.layout import Layout, load_layout
from reportgen.settings.rules import Rule, load_rules
from reportgen.settings.templating import Templates, project_file
from reportgen.settings.units import UnitTable, load_units


class Settings(NamedTuple):
    """A project's settings: its templates' search path, the level-1 section names, the Word
    layout, the unit table and the lint rules in force; ``reference``, the bytes of the project's
    own ``templates/reference.docx`` when it has one (else reportgen's own template is used).
    A named tuple, not a frozen dataclass: as immutable, ~0.35 ms less on every run."""

    templates: Templates
    sections: dict[str, str]
    layout: Layout
    units: UnitTable
    rules: dict[str, Rule]
    reference: bytes | None = None


def templates_dir(project_root: Path | None) -> Path | None:
    """The project's ``templates/`` folder, if it has one."""
    return Project(project_root).templates_dir if project_root is not None else None


def load_settings(project_root: Path | None) -> Settings:
    """The settings of the project at ``project_root``: the shipped defaults with the project's
    ``templates/`` merged over them. ``None``: no project, the shipped defaults alone."""
    folder = templates_dir(project_root)
    templates = Templates(folder)
    return Settings(
        templates=templates,
        sections=templates.sections(),
        layout=load_layout(templates),
        units=load_units(templates),
        rules=load_rules(folder),
        reference=reference_of(folder),
    )


REFERENCE_DOCX = "reference.docx"


MAX_REFERENCE_BYTES = 50 * 1024 * 1024  # as an imported .docx: fonts and images, not more


def reference_of(folder: Path | None) -> bytes | None:
    """The project's reference .docx (build, diff --format docx, rollup's .docx), read like
    every input (inside the project, a regular file, capped) and refused here, located, when
    it is not a Word package at all; None without one: reportgen's own template."""
    import io
    import zipfile

    from reportgen.errors import UserError, display_path
    from reportgen.files.read import read_regular
    from reportgen.settings.messages import message

    path = project_file(folder, REFERENCE_DOCX) if folder is not None else None
    if path is None:
        return None
    data = read_regular(path, limit=MAX_REFERENCE_BYTES)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            package.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise UserError(
            message("reference_not_docx", file=display_path(path)),
            hint=message("reference_not_docx_hint"),
        ) from None
    return data

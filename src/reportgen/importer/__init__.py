"""``reportgen import``: an existing .docx or .txt work summary → reportgen YAML.

One pipeline: read (txt/docx → raw paragraphs) → clean (debris out, ;-broken lines joined) →
structure (sections, items, points) → assemble (validated Review/Plan) → YAML text. Nothing is
written until every file has been rendered and read back as the same model; text that fits no
field is kept as an item with a comment, and everything dropped is reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from reportgen.errors import UserError, display_path
from reportgen.importer.assemble import Options, assemble
from reportgen.importer.braces import braces_as_text
from reportgen.importer.cleaner import Dropped, clean
from reportgen.importer.doctype import refused_kind
from reportgen.importer.reader import read_document
from reportgen.importer.structure import NoStructure, structure
from reportgen.importer.unsquash import unsquash
from reportgen.importer.yaml_writer import render_yaml
from reportgen.model.report import SECTION_KINDS, Plan, Review
from reportgen.settings.messages import has_message, message

DocumentT = TypeVar("DocumentT", Review, Plan)

__all__ = ["ImportReport", "Imported", "Options", "import_document", "write_imported"]

_PART_ORDER = (
    "title",
    "opening",
    *SECTION_KINDS,
    "other",
    "closing",
    "attachments",
    "signature",
)


@dataclass
class ImportReport:
    """What the import did with every paragraph of the source."""

    source: str
    paragraphs: int = 0
    parts: dict[str, int] = field(default_factory=dict)
    items: dict[str, int] = field(default_factory=dict)
    dropped: list[Dropped] = field(default_factory=list)
    rejoined: int = 0
    spaces: int = 0
    punctuation: int = 0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = []
        for part in _PART_ORDER:
            count = self.parts.get(part, 0)
            if not count:
                continue
            label = message(f"import_part_{part}")
            if part in self.items:
                parts.append(
                    message("import_part_items", part=label, count=count, items=self.items[part])
                )
            else:
                parts.append(message("import_part_count", part=label, count=count))
        separator = message("import_list_separator")
        line = message(
            "import_summary",
            file=self.source,
            paragraphs=self.paragraphs,
            parts=separator.join(parts),
        )
        if self.dropped:
            reasons: dict[str, int] = {}
            for d in self.dropped:
                reasons[d.reason] = reasons.get(d.reason, 0) + 1
            line += message(
                "import_summary_dropped",
                count=len(self.dropped),
                reasons=separator.join(
                    message("import_part_count", part=_reason(k), count=v)
                    for k, v in reasons.items()
                ),
            )
        return line

    def details(self) -> list[str]:
        out = [
            message(
                "import_dropped", where=d.where, reason=_reason(d.reason), text=_excerpt(d.text)
            )
            for d in self.dropped
        ]
        if self.rejoined:
            out.append(message("import_rejoined", count=self.rejoined))
        if self.spaces:
            out.append(message("import_spaces", count=self.spaces))
        if self.punctuation:
            out.append(message("import_punctuation", count=self.punctuation))
        return out + self.notes


def _reason(code: str) -> str:
    """What a reason for dropping a line is called in the current language."""
    key = "import_reason_" + code.replace(" ", "_")
    return message(key) if has_message(key) else code


@dataclass
class Imported:
    review: Review | None
    plan: Plan | None
    review_yaml: str | None
    plan_yaml: str | None
    report: ImportReport

    def data(self) -> dict[str, dict[str, object]]:
        """The written YAML of each document as plain data: what ``build`` will read, in the
        issue-12 contract's shape (``titles:``, ``parts:``)."""
        import yaml

        out = {}
        for key, text in (("review", self.review_yaml), ("plan", self.plan_yaml)):
            if text is not None:
                out[key] = yaml.safe_load(text)
        return out

    @property
    def first(self) -> Review | Plan:
        document = self.review or self.plan
        assert document is not None
        return document


def _excerpt(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[:width] + "…"


def import_document(
    path: Path,
    options: Options | None = None,
    *,
    normalise: bool = True,
    sections: Mapping[str, str],
) -> Imported:
    """Read, clean, structure and assemble ``path``; render its YAML; write nothing."""
    options = options or Options()
    shown = display_path(path)
    read = braces_as_text(read_document(path))
    cleaned = clean(read.paragraphs, normalise=normalise)
    if not cleaned.lines:
        raise UserError(message("import_no_text_left", file=shown))
    cleaned.lines, squashed = unsquash(cleaned.lines)
    refused = refused_kind(cleaned.lines)
    if refused is not None:
        kind, title = refused
        raise UserError(
            message("import_refused_kind", file=shown, found=kind, title=title),
            hint=message("import_refused_kind_hint"),
        )
    try:
        outline = structure(cleaned.lines)
    except NoStructure:
        raise UserError(
            message("import_no_structure", file=shown), hint=message("import_no_structure_hint")
        ) from None
    assembled = assemble(
        outline,
        options,
        sections,
        shown=shown,
        preface_title=cleaned.preface_title,
        metadata_organisation=cleaned.metadata_organisation,
    )
    report = ImportReport(
        source=shown,
        paragraphs=sum(1 for p in read.paragraphs if p.text.strip()),
        parts=assembled.parts,
        items=assembled.items,
        dropped=cleaned.dropped,
        rejoined=cleaned.rejoined,
        spaces=cleaned.spaces,
        punctuation=cleaned.punctuation,
        notes=[
            *(read.notes or []),
            *([message("import_unsquashed", count=squashed)] if squashed else []),
            *([message("import_unwrapped", count=cleaned.wrapped)] if cleaned.wrapped else []),
            *assembled.notes,
        ],
    )
    header = _header(path, report, assembled.review, assembled.plan)
    review_yaml = plan_yaml = None
    review, plan = assembled.review, assembled.plan
    if assembled.review is not None:
        review_yaml = render_yaml(assembled.review, assembled.comments, header)
        review = _check_round_trip(review_yaml, assembled.review, shown)
    if assembled.plan is not None:
        plan_yaml = render_yaml(assembled.plan, assembled.comments, header)
        plan = _check_round_trip(plan_yaml, assembled.plan, shown)
    return Imported(review, plan, review_yaml, plan_yaml, report)


def _header(
    path: Path, report: ImportReport, review: Review | None, plan: Plan | None
) -> list[str]:
    first = review or plan
    assert first is not None
    spec = str(review.year) if review is not None else f"{first.year}_plan"
    lines = [
        f"由 reportgen import 从 {path.name} 导入。",
        "请逐项核对：标有“#”说明的地方是导入时的推断。核对后生成：",
        f"  reportgen build {spec} --format txt",
        "序号（一、（一）1.）自动生成，不写在本文件中；原文的部分标题写在 titles: 中，"
        "未写的按 templates/sections.yaml 生成。",
        "",
        "导入记录：",
        f"  {report.summary().replace(report.source, path.name, 1)}",  # no folders in the file
    ]
    lines += [f"  - {line}" for line in report.details()]
    return lines


def _check_round_trip(text: str, document: DocumentT, shown: str) -> DocumentT:
    """The YAML must read back as exactly the model it was written from (its own titles,
    parts and sub-points included); the document read back is returned."""
    from reportgen.model.loader import load_yaml_text
    from reportgen.model.validate import validate_loaded

    loaded = load_yaml_text(text, f"{shown} (imported)")
    again = validate_loaded(loaded, document.kind)
    if again.model_dump() != document.model_dump():
        raise RuntimeError(
            f"the YAML written for {shown} does not read back as the imported {document.kind}"
        )
    return again  # type: ignore[return-value]


def output_paths(
    imported: Imported, data_dir: Path, output: Path | None, plan_output: Path | None
) -> dict[str, Path]:
    """Where each document goes: data/<year>.yaml and data/<year+1>_plan.yaml by default;
    ``-o`` names the review's file, or a folder for both."""
    out: dict[str, Path] = {}
    if output is not None and is_folder_target(output):
        # A folder: a project's data/ takes the files; any other folder becomes a project
        # (its data/ made), so that ``reportgen build YEAR -p FOLDER`` reads what was written.
        data_dir, output = (output if output.name == "data" else output / "data"), None
    if imported.review is not None:
        out["review"] = output or data_dir / f"{imported.review.year}.yaml"
    if imported.plan is not None:
        if plan_output is not None:
            out["plan"] = plan_output
        elif imported.review is None and output is not None:
            out["plan"] = output
        else:
            folder = output.parent if output is not None else data_dir
            out["plan"] = folder / f"{imported.plan.year}_plan.yaml"
    return out


def is_folder_target(output: Path) -> bool:
    """``-o`` names a folder: one that exists, or a name without .yaml (``-o newdir/``)."""
    return output.is_dir() or output.suffix.lower() not in (".yaml", ".yml")


def build_project(targets: dict[str, Path]) -> Path | None:
    """The project folder ``reportgen build`` must be pointed at to read the written files;
    None when they are not in a folder named data/."""
    folders = {path.parent for path in targets.values()}
    if len(folders) != 1:
        return None
    folder = folders.pop()
    return folder.parent if folder.name == "data" else None


def write_imported(
    imported: Imported, targets: dict[str, Path], *, force: bool = False
) -> list[Path]:
    """Write the rendered YAML; refuse to replace any file unless ``force``; all or nothing."""
    from reportgen.files.guard import write_outputs

    texts = {"review": imported.review_yaml, "plan": imported.plan_yaml}
    if len({p.resolve() for p in targets.values()}) < len(targets):
        raise UserError(message("import_same_file"), hint=message("import_same_file_hint"))
    for path in targets.values():
        if path.is_dir():
            raise UserError(
                message("import_target_is_folder", path=display_path(path)),
                hint=message("import_target_is_folder_hint"),
            )
    existing = [p for p in targets.values() if p.exists()]
    if existing and not force:
        names = ", ".join(display_path(p) for p in existing)
        key = "import_exists" if len(existing) == 1 else "import_exist_many"
        raise UserError(message(key, paths=names), hint=message("import_exists_hint"))
    for path in targets.values():
        if not path.parent.exists():
            try:
                path.parent.mkdir(parents=True)
            except OSError as exc:
                raise UserError(
                    message(
                        "import_folder_failed",
                        path=display_path(path.parent),
                        reason=exc.strerror or exc,
                    )
                ) from None
    files = {path: (texts[key] or "").encode("utf-8") for key, path in targets.items()}
    try:
        write_outputs(files, force=force)
    except UserError:
        for path in targets.values():  # all or nothing: a file this import created goes again
            if path not in existing:
                path.unlink(missing_ok=True)
        raise
    return list(targets.values())

"""Compare two documents: structure (items), text (word by word) and figures (metrics)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.compose.document import Composed, compose, fill_metrics
from reportgen.diff.figures import FigureRow, compare_figures
from reportgen.diff.items import ItemDiff, item_views, match_items
from reportgen.diff.words import Op, has_changes, word_diff
from reportgen.model.report import Plan, Report, Review
from reportgen.settings.units import UnitTable
from reportgen.text.core import normalise_punctuation

Document = Review | Plan


@dataclass(frozen=True)
class TextChange:
    """A changed text outside the items: title, opening, closing, signature, date, attachments."""

    field: str
    old: str
    new: str
    ops: list[Op]


@dataclass
class DocumentDiff:
    old_name: str
    new_name: str
    items: ItemDiff
    texts: list[TextChange] = field(default_factory=list)
    figures: list[FigureRow] = field(default_factory=list)

    @property
    def changed_figures(self) -> list[FigureRow]:
        return [f for f in self.figures if f.changed]

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.items.added),
            "removed": len(self.items.removed),
            "moved": len(self.items.moved),
            "reworded": len(self.items.reworded),
            "relinked": sum(1 for m in self.items.matched if m.relinked),
            "texts": len(self.texts),
            "figures": len(self.changed_figures),
        }

    @property
    def identical(self) -> bool:
        return not any(self.counts().values()) and not self.items.changed


def document_texts(document: Document) -> dict[str, str]:
    """The texts of a document outside its items, as they are printed."""
    metrics = {m.id: m for m in document.metrics}

    def text(raw: str | None) -> str:
        return normalise_punctuation(fill_metrics(raw, metrics)) if raw else ""

    report = report_of(document)
    signature = document.signature
    day = signature.date if signature else None
    return {
        "title": text(report.title),
        "opening": text(document.opening),
        "closing": text(document.closing),
        "signature": text(signature.name) if signature else "",
        "date": f"{day.year}年{day.month}月{day.day}日" if day else "",
        "attachments": "\n".join(text(a) for a in document.attachments),
    }


def report_of(document: Document) -> Report:
    """A document as a report of its own (a review without its plan, or a plan alone)."""
    return Report(review=document) if isinstance(document, Review) else Report(plan=document)


def compose_alone(document: Document, sections: dict[str, str]) -> Composed:
    return compose(report_of(document), sections)


def compare(
    old: Document,
    new: Document,
    *,
    sections: dict[str, str],
    units: UnitTable,
    old_name: str = "a",
    new_name: str = "b",
) -> DocumentDiff:
    texts_old, texts_new = document_texts(old), document_texts(new)
    texts = []
    for name, before in texts_old.items():
        ops = word_diff(before, texts_new[name])
        if has_changes(ops):
            texts.append(TextChange(name, before, texts_new[name], ops))
    return DocumentDiff(
        old_name=old_name,
        new_name=new_name,
        items=match_items(item_views(old, sections), item_views(new, sections)),
        texts=texts,
        figures=compare_figures(list(old.metrics), list(new.metrics), units),
    )

"""Compare two documents: structure (items), text (word by word) and figures (metrics)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.compose.document import Composed, compose
from reportgen.diff.figures import FigureRow, compare_figures
from reportgen.diff.items import ItemDiff, item_views, match_items
from reportgen.diff.words import Op, has_changes, word_diff
from reportgen.model.report import Plan, Report, Review
from reportgen.settings.units import UnitTable

Document = Review | Plan
TEXT_FIELDS = ("title", "opening", "closing", "signature", "date", "attachments")


@dataclass(frozen=True)
class TextChange:
    """A changed text outside the items: title, opening, closing, signature, date, attachments."""

    field: str  # one of TEXT_FIELDS, parts/<id or title> (a part's title and prose),
    # titles/<section kind> (a section's title) or intros/<section kind> (its intro alone)
    old: str
    new: str
    ops: list[Op]
    # a part's title, or the title of the section an intro opens (the new one's, else the old
    # one's); the other fields' names are worded in diff.output
    label: str = ""


@dataclass
class DocumentDiff:
    old_name: str
    new_name: str
    items: ItemDiff
    texts: list[TextChange] = field(default_factory=list)
    figures: list[FigureRow] = field(default_factory=list)
    # The two documents as composed for the comparison; the tracked-changes document is
    # planned from these and from ``items``, so it shows the same changes as the report.
    old_composed: Composed | None = field(default=None, repr=False)
    new_composed: Composed | None = field(default=None, repr=False)

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


def document_texts(composed: Composed) -> dict[str, str]:
    """The texts of a composed document outside its items, as they are printed. A part's
    title and prose are a text of their own, named by the part (``parts/<id or title>``); a
    section's title is one too (``titles/<section kind>``), so that renaming it is a change,
    and so is a section's intro (``intros/<section kind>``), without the title: a renamed
    section with an intro is one change, the rename, not two."""
    found: dict[str, list[str]] = {key: [] for key in TEXT_FIELDS}
    for block in composed.blocks:
        part = block.section if block.section and block.section.startswith("parts/") else None
        if (
            block.kind == "paragraph"
            and block.origin is not None
            and block.origin.path[0] == "intros"
        ):
            found.setdefault(f"intros/{block.section}", []).append(block.text)
        elif part is not None and block.item is None:
            shown = block.spans[1:] if block.kind == "heading" else block.spans  # no 一、
            found.setdefault(part, []).append("".join(s.text for s in shown))
        elif block.kind == "heading" and block.item is None and block.section:
            # a section's own title (issue 12's titles:), without its 一、
            shown = "".join(s.text for s in block.spans if s.role != "number")
            found.setdefault(f"titles/{block.section}", []).append(shown)
        elif block.kind == "title":
            found["title"].append(block.text)
        elif block.kind in ("signature", "date"):
            found[block.kind].append(block.text)
        elif block.kind == "attachment":
            found["attachments"].extend(s.text for s in block.spans if s.origin is not None)
        elif block.kind == "paragraph" and block.item is None and block.origin is not None:
            found[str(block.origin.path[0])].append(block.text)
    return {key: "\n".join(texts) for key, texts in found.items()}


def section_titles(composed: Composed) -> dict[str, str]:
    """Each section's (and part's) title as the document shows it, without its 一、: the
    author's own (``titles:``) where there is one, else the template's."""
    return {
        block.section: "".join(s.text for s in block.spans if s.role != "number")
        for block in composed.blocks
        if block.kind == "heading" and block.level == 1 and block.item is None and block.section
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
    composed_old, composed_new = compose_alone(old, sections), compose_alone(new, sections)
    texts_old, texts_new = document_texts(composed_old), document_texts(composed_new)
    titles = section_titles(composed_old) | section_titles(composed_new)  # the new one wins
    texts = []
    for name in [*texts_old, *(k for k in texts_new if k not in texts_old)]:
        before, after = texts_old.get(name, ""), texts_new.get(name, "")
        ops = word_diff(before, after)
        if has_changes(ops):
            label = ""
            if name.startswith("parts/"):  # a part is named by its title, its first line
                label = (after or before).split("\n")[0]
            elif name.startswith("intros/"):  # an intro, by its section's title
                label = titles.get(name.removeprefix("intros/"), "")
            texts.append(TextChange(name, before, after, ops, label))
    return DocumentDiff(
        old_name=old_name,
        new_name=new_name,
        items=match_items(item_views(composed_old), item_views(composed_new)),
        texts=texts,
        figures=compare_figures(list(old.metrics), list(new.metrics), units),
        old_composed=composed_old,
        new_composed=composed_new,
    )

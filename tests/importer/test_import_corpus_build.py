"""Every corpus document round-trips: import → build txt gives the document's sentences back,
in order; and import → build docx → import gives the same model.

The sentences come from the hand-written expected outline (tests/fixtures/import_corpus), not
from the importer; the author's section titles, parts no kind covers and numbered sub-points
are held by the model (the issue-12 contract), so every accepted document is tested."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from corpus import entry, names

from reportgen.app.build import build
from reportgen.files.project import Project
from reportgen.importer import Options, import_document, output_paths, write_imported
from reportgen.model.validate import load_plan, load_review
from reportgen.settings import load_settings

SECTIONS = load_settings(None).sections
_SENTENCE = re.compile(r"[^。！？；]+[。！？；]?")
_NOISE = re.compile(r"[\s。，,；;：:、！!？?｜|]")


def flat(text: str) -> str:
    return _NOISE.sub("", text)


def _item_texts(item: dict[str, Any]) -> list[str]:
    out = [item["heading"], *item["points"]]
    out += ["".join(row) for table in item["tables"] for row in table]
    for sub in item["subpoints"]:
        out += _item_texts(sub)
    return out


def source_sentences(expected: dict[str, Any]) -> list[str]:
    """The document's words in order, sentence by sentence, as the clerk's outline has them
    (the 落款 date is left out: the build writes dates in one standard form)."""
    texts: list[str] = [expected["title"] or "", *expected["opening"]]
    for part in expected["parts"]:
        texts += [part["title"], *part["points"]]
        for item in part["items"]:
            texts += _item_texts(item)
    texts += [*expected["closing"], *expected["attachments"]]
    if expected["signature"]:
        texts.append(expected["signature"]["name"])
    return [flat(s) for text in texts for s in _SENTENCE.findall(text) if flat(s)]


def options_for(name: str) -> Options:
    """What the user tells import that the document does not say (--organisation, --year)."""
    needs = entry(name).expected["needs"]
    return Options(
        organisation="某单位" if "organisation" in needs else None,
        year=2022 if "year" in needs else None,
    )


def imported_project(name: str, tmp_path: Path) -> Project:
    item = entry(name)
    options = options_for(name)
    project = Project(tmp_path / "project")
    imported = import_document(item.materialise(tmp_path), options, sections=SECTIONS)
    write_imported(imported, output_paths(imported, project.data_dir, None, None))
    return project


def spec_of(project: Project) -> str:
    stems = sorted(p.stem for p in project.data_dir.glob("*.yaml"))
    reviews = [s for s in stems if not s.endswith("_plan")]
    return reviews[0] if reviews else stems[0]


@pytest.mark.parametrize("name", names(refused=False))
def test_build_gives_the_source_sentences_back_in_order(name: str, tmp_path: Path) -> None:
    project = imported_project(name, tmp_path)
    spec = spec_of(project)
    result = build(project, spec, ["txt"])
    built = flat(result.written[0].read_text(encoding="utf-8"))
    at = 0
    missing = []
    for sentence in source_sentences(entry(name).expected):
        found = built.find(sentence, at)
        if found < 0:
            missing.append(sentence)
        else:
            at = found + len(sentence)
    assert missing == []


# (d04_table included: a table of figures inside an item is the item's `tables:`, built as a
# Word table after the item's paragraph and read back from it as the same table.)
@pytest.mark.parametrize("name", names(refused=False))
def test_docx_built_from_the_import_imports_as_the_same_model(name: str, tmp_path: Path) -> None:
    """(Given, as the user would give them again, what the document does not say: a built
    title is the author's, and names no organisation where the author's named none.)"""
    project = imported_project(name, tmp_path)
    spec = spec_of(project)
    docx = build(project, spec, ["docx"]).written[0]
    again = Project(tmp_path / "again")
    options = options_for(name)
    expected = entry(name).expected
    if expected["organisation"] and expected["organisation"] not in (expected["title"] or ""):
        # named only by the page's metadata (gone from the build): the user says it again
        options.organisation = options.organisation or expected["organisation"]
    reimported = import_document(docx, options, sections=SECTIONS)
    write_imported(reimported, output_paths(reimported, again.data_dir, None, None))
    for path in sorted(project.data_dir.glob("*.yaml")):
        load = load_plan if path.stem.endswith("_plan") else load_review
        assert load(again.data_dir / path.name) == load(path)

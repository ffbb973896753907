"""Template data files: the shipped ones kept loaded in ``__pycache__``, a project's read anew."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.files.cache import cache_path
from reportgen.model.loader import load_yaml
from reportgen.settings import templating
from reportgen.settings.templating import Templates


@pytest.mark.parametrize("name", ["layout.yaml", "sections.yaml", "units.yaml"])
def test_a_shipped_file_loads_as_the_located_loader_reads_it(name: str) -> None:
    templates = Templates(None)
    path = templates.find(name)
    assert path is not None and path.parent == templates.shipped
    fresh = load_yaml(path)
    for _ in range(2):  # parsed (or from an earlier run's cache), then from the cache
        kept = templates.load(path)
        assert kept is not None
        assert (kept.file, kept.value, kept.text) == (fresh.file, fresh.value, fresh.text)
        assert kept.positions == fresh.positions
        assert kept.key_positions == fresh.key_positions
        assert list(kept.value) == list(fresh.value)  # the order of the keys too


def test_the_shipped_cache_sits_with_reportgens_code_not_in_templates() -> None:
    templates = Templates(None)
    path = templates.find("units.yaml")
    assert path is not None
    templates.load(path)
    kept = cache_path(path, Path(templating.__file__))
    assert kept.parent == Path(templating.__file__).parent / "__pycache__"
    assert kept.name.startswith("templates.units.yaml.")
    assert not (templates.shipped / "__pycache__").exists()


def test_a_projects_file_is_read_every_time_and_never_kept(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    path = folder / "units.yaml"
    path.write_text("长度:\n  米: 1\n", encoding="utf-8")
    templates = Templates(folder)
    loaded = templates.load(path)
    assert loaded is not None and loaded.value == {"长度": {"米": 1}}
    assert loaded.positions[("长度", "米")] == (2, 6)  # the value 1, after "  米: "
    path.write_text("长度:\n  米: 2\n", encoding="utf-8")  # same size, same second
    loaded = templates.load(path)
    assert loaded is not None and loaded.value == {"长度": {"米": 2}}
    assert not (folder / "__pycache__").exists()


def test_a_blank_file_loads_as_none_only_when_asked(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    path = folder / "layout.yaml"
    path.write_text("# page:\n#   width_mm: 200\n\n", encoding="utf-8")
    assert Templates(folder).load(path, blank=True) is None

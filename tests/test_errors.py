"""reportgen.errors: Location and Problem behave as the dataclasses they were; display_path, a
path as the user would type it."""

from __future__ import annotations

import copy
import dataclasses
import itertools
import operator
import os
import pickle
from dataclasses import FrozenInstanceError
from pathlib import Path
from typing import Any

import pytest

from reportgen.errors import Location, Problem, display_path


def _twin(cls: type, **params: bool) -> Any:
    """The class ``@dataclass(frozen=True, **params)`` itself makes from ``cls``'s fields: what
    errors.py writes by hand (to spare compiling it at every start) must behave like it."""
    fields = [
        (f.name, f.type, dataclasses.field(default=f.default))
        if f.default is not dataclasses.MISSING
        else (f.name, f.type)
        for f in dataclasses.fields(cls)
    ]
    return dataclasses.make_dataclass(cls.__name__, fields, frozen=True, **params)


def _outcome(compare: Any, left: object, right: object) -> object:
    try:
        return compare(left, right)
    except TypeError:  # e.g. a line of None against a line: the same refusal either way
        return TypeError


_LOCATIONS = [
    ("a.yaml",),
    ("a.yaml", 1),
    ("a.yaml", 1, 2),
    ("a.yaml", 1, 3),
    ("a.yaml", 2, 1),
    ("b.yaml", 1, 2),
    ("", None, None),
]
_COMPARISONS = [operator.eq, operator.ne, operator.lt, operator.le, operator.gt, operator.ge]


def test_a_location_compares_hashes_and_shows_as_the_dataclass_did() -> None:
    twin = _twin(Location, order=True)
    for left, right in itertools.product(_LOCATIONS, repeat=2):
        ours, theirs = (Location(*left), Location(*right)), (twin(*left), twin(*right))
        for compare in _COMPARISONS:
            assert _outcome(compare, *ours) == _outcome(compare, *theirs), (compare, left, right)
    for values in _LOCATIONS:
        assert hash(Location(*values)) == hash(twin(*values))
        assert repr(Location(*values)) == repr(twin(*values))
    assert repr(Location("a.yaml", 3)) == "Location(file='a.yaml', line=3, column=None)"
    assert Location("a.yaml", 3) != ("a.yaml", 3, None)  # another class is never equal
    assert _outcome(operator.lt, Location("a.yaml"), ("a.yaml",)) is TypeError
    assert Location.__match_args__ == ("file", "line", "column")


def test_a_problem_compares_hashes_and_shows_as_the_dataclass_did() -> None:
    twin = _twin(Problem)
    here, there = Location("a.yaml", 1, 2), Location("a.yaml", 3)
    samples = [
        (here, "m"),
        (here, "m", "p"),
        (here, "m", "p", "placeholder", "warning", "fill it", "X"),
        (there, "m"),
    ]
    for left, right in itertools.product(samples, repeat=2):
        assert (Problem(*left) == Problem(*right)) == (twin(*left) == twin(*right))
        assert (Problem(*left) != Problem(*right)) == (twin(*left) != twin(*right))
    for values in samples:
        assert hash(Problem(*values)) == hash(twin(*values))
        assert repr(Problem(*values)) == repr(twin(*values))
    with pytest.raises(TypeError):
        Problem(here, "m") < Problem(here, "n")  # noqa: B015 (unordered, as it was)


def _refusal(action: Any, *args: object) -> str:
    with pytest.raises(FrozenInstanceError) as refused:
        action(*args)
    return str(refused.value)


@pytest.mark.parametrize("value", [Location("a.yaml", 1, 2), Problem(Location("a.yaml"), "m")])
def test_records_are_frozen_copied_and_replaced_as_dataclasses_are(value: Any) -> None:
    twin = _twin(type(value))(*vars(value).values())
    for name in ("file", "message", "other"):
        said = _refusal(setattr, value, name, "x")
        assert said == _refusal(setattr, twin, name, "x") == f"cannot assign to field {name!r}"
        said = _refusal(delattr, value, name)
        assert said == _refusal(delattr, twin, name) == f"cannot delete field {name!r}"
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.deepcopy(value) == value == copy.copy(value)
    changed = dataclasses.replace(value, **{dataclasses.fields(value)[1].name: 7})
    assert dataclasses.astuple(changed)[1] == 7
    assert dataclasses.astuple(changed)[0] == dataclasses.astuple(value)[0]


def test_inside_the_current_folder_is_shown_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "data" / "2022.yaml") == "data/2022.yaml"
    assert display_path(Path("data/2022.yaml")) == "data/2022.yaml"


def test_the_same_path_after_a_change_of_folder_follows_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "project" / "data").mkdir(parents=True)
    target = tmp_path / "project" / "data" / "2022.yaml"
    monkeypatch.chdir(tmp_path)
    assert display_path(target) == "project/data/2022.yaml"
    monkeypatch.chdir(tmp_path / "project")
    assert display_path(target) == "data/2022.yaml"  # not the answer kept for the other folder


def test_outside_the_current_folder_is_shown_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    assert display_path(tmp_path / "elsewhere.yaml") == str(tmp_path / "elsewhere.yaml")


def test_a_loop_of_links_is_shown_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    monkeypatch.chdir(tmp_path)
    assert display_path(Path("a") / "2022.yaml") == "a/2022.yaml"


def test_a_removed_current_folder_shows_the_path_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    os.rmdir(gone)
    assert display_path(Path("data/2022.yaml")) == "data/2022.yaml"
    assert display_path(tmp_path / "x.yaml") == str(tmp_path / "x.yaml")

"""reportgen.errors.display_path: a path as the user would type it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reportgen.errors import display_path


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

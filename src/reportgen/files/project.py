"""Where a project's files are: data, templates and layout overrides, and the defaults."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from reportgen.errors import UsageError, UserError, display_path
from reportgen.files.kind_words import PLAN_WORDS, REVIEW_WORDS, alternation
from reportgen.settings.messages import message

# ASCII digits, 1000-9999: \d would take "２０２３" (and write build/２０２３_plan.txt) and
# "0999" (and look for data/999.yaml). Full-width input is folded to ASCII first (NFKC).
_YEAR = re.compile(r"^(?P<year>[1-9][0-9]{3})(?P<plan>_plan)?$")


def normalise_spec(spec: str) -> str:
    """A year argument as typed with a Chinese input method (２０２３＿ｐｌａｎ) in ASCII."""
    if spec.isascii():  # NFKC leaves ASCII as it is; unicodedata is then not loaded (~0.2 ms)
        return spec
    import unicodedata

    folded = unicodedata.normalize("NFKC", spec)
    return folded if _YEAR.match(folded) else spec


# A data file may end in either; .yaml is the one reportgen writes and names.
YAML_SUFFIXES = (".yaml", ".yml")
_OTHER_SUFFIXES = (".yaml.txt", ".yml.txt", ".txt", ".yaml", ".yml")


def default_templates_dir() -> Path:
    """The templates shipped with reportgen: inside the wheel, or the repository's in a checkout."""
    # The package's folder, as importlib.resources.files("reportgen") names it (the folder of
    # the package's __init__.py) without the ~0.5 ms of its readers on every run.
    packaged = Path(__file__).parent.parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


# The records below are named tuples, not frozen dataclasses: as immutable, equal and shown
# alike, and ~0.35 ms less each on every run (a dataclass execs its generated methods).


class Inputs(NamedTuple):
    """The files a year argument names, decided here once for build, check and batch:
    ``2022`` is the review and, when there is one, next year's plan (one document);
    ``2023_plan`` is the plan alone."""

    spec: str
    year: int
    review: Path | None  # data/YEAR.yaml (it may not exist: require it before reading)
    plan: Path | None  # data/YEAR+1_plan.yaml when it exists, or data/YEAR_plan.yaml alone

    @property
    def plan_only(self) -> bool:
        return self.review is None

    @property
    def paths(self) -> list[Path]:
        return [p for p in (self.review, self.plan) if p is not None]


def is_year(spec: str) -> bool:
    """Whether ``spec`` names a year (``2022``, ``2023_plan``) rather than a file."""
    return _YEAR.match(normalise_spec(spec)) is not None


class Project(NamedTuple):
    """A project: the folder holding ``data/`` (and ``templates/``, ``build/``)."""

    root: Path

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def templates_dir(self) -> Path | None:
        """The project's ``templates/`` when it has one, and only when it stays inside the
        project: every reader of settings (build, check, preview, rollup) asks here."""
        folder = self.root / "templates"
        return inside(self.root, folder) if folder.is_dir() else None

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    def review_path(self, year: int) -> Path:
        return data_file(self.data_dir, f"{year}")

    def plan_path(self, year: int) -> Path:
        return data_file(self.data_dir, f"{year}_plan")

    def inputs(self, spec: str) -> Inputs:
        """What ``reportgen build SPEC`` reads; a usage error when SPEC is not a year."""
        spec = normalise_spec(spec)
        year = parse_year(spec)
        if spec.endswith("_plan"):
            return Inputs(spec, year, None, self.plan_path(year))
        plan = self.plan_path(year + 1)
        return Inputs(spec, year, self.review_path(year), plan if plan.exists() else None)

    def resolve(self, spec: str) -> Path:
        """``2022`` → data/2022.yaml, ``2023_plan`` → data/2023_plan.yaml, a path → itself."""
        if is_year(spec):
            return data_file(self.data_dir, normalise_spec(spec))
        path = Path(spec)
        return path if path.is_absolute() else Path.cwd() / path


def open_project(root: Path | None) -> Project:
    root = (root or Path.cwd()).resolve()
    if not root.exists():
        raise UsageError(message("project_not_found", path=display_path(root)))
    if not root.is_dir():
        raise UsageError(message("project_not_folder", path=display_path(root)))
    return Project(root)


def parse_year(spec: str) -> int:
    match = _YEAR.match(normalise_spec(spec))
    if not match:
        raise UsageError(message("not_a_year", spec=spec), hint=message("not_a_year_hint"))
    return int(match["year"])


def data_file(folder: Path, stem: str) -> Path:
    """``folder/stem.yaml``, or ``folder/stem.yml`` when only that one exists."""
    for suffix in YAML_SUFFIXES:
        path = folder / f"{stem}{suffix}"
        if path.exists():
            return path
    return folder / f"{stem}{YAML_SUFFIXES[0]}"


def _name_key(name: str) -> str:
    """A file name as a person means it: ``2023-plan.yaml``, ``2023plan.yml``, ``2023_计划.yaml``
    and ``2023_Plan.yaml.txt`` all mean ``2023plan``; ``2022年总结.yaml`` means ``2022``."""
    base = name.lower()
    for suffix in _OTHER_SUFFIXES:
        if base.endswith(suffix):
            base = base[: -len(suffix)]
            break
    plan_words, review_words = _kind_words()
    base = review_words.sub("", plan_words.sub("plan", base))
    return re.sub(r"[^0-9a-z]", "", base)


@cache
def _kind_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words of a plan or a review (files.kind_words), and those only a file's name uses:
    the English of the names reportgen writes, and 年/年度 after the year. Compiled when a file
    is missing, not on every run."""
    return (
        re.compile(alternation((*PLAN_WORDS, "plan")), re.IGNORECASE),
        re.compile(alternation(("年度", "年", *REVIEW_WORDS, "review")), re.IGNORECASE),
    )


def near_misses(path: Path) -> list[Path]:
    """Files beside ``path`` whose names mean the same as its name but are spelt otherwise."""
    folder = path.parent
    if not folder.is_dir():
        return []
    wanted = _name_key(path.name)
    return sorted(
        found
        for found in folder.iterdir()
        if found.is_file() and found.name != path.name and _name_key(found.name) == wanted
    )


def missing_file_hint(path: Path) -> str:
    """How to find a file that is not there: the near-miss to rename, else what the folder does
    hold, else that the folder itself is missing (the command was run elsewhere)."""
    folder = path.parent
    misses = near_misses(path)
    if misses:
        found = message("list_separator").join(message("quoted", input=p.name) for p in misses)
        return message("file_near_miss", found=found, expected=path.name)
    if folder.is_dir():
        others = sorted(p.name for p in folder.iterdir() if p.suffix in YAML_SUFFIXES)
        if others:
            return message(
                "file_missing_others",
                folder=display_path(folder),
                files=message("list_separator").join(others[:8]),
            )
        return message("file_missing_empty", folder=display_path(folder))
    return message("file_missing_no_folder", folder=display_path(folder))


def require_file(path: Path, what: str) -> Path:
    if not path.exists():
        raise UserError(
            message("file_missing", what=what, path=display_path(path)),
            hint=missing_file_hint(path),
        )
    return path


def inside(folder: Path, path: Path) -> Path:
    """``path`` if it resolves inside ``folder``; a located refusal if a symlink (or an
    absolute or ``..`` name) takes it elsewhere: a shared project must not read the
    machine's files into a report."""
    try:
        real = path.resolve(strict=True)
        ok = real.is_relative_to(folder.resolve(strict=True))
    except (OSError, RuntimeError):
        real, ok = path, False
    if not ok:
        raise UserError(
            # the link's own name, not where it leads (display_path would follow it)
            message(
                "template_outside",
                path=str(Path(display_path(path.parent)) / path.name),
                target=str(real),
            ),
            hint=message("template_outside_hint"),
        )
    return path

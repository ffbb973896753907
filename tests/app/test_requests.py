"""The request and result records of app.build and app.check (plain classes, not dataclasses, to
spare their compilation at every start): the defaults they had, and a fresh list each."""

from __future__ import annotations

from pathlib import Path

from reportgen.app.build import BuildRequest, BuildResult, Sources
from reportgen.app.check import CheckOutcome, CheckRequest


def test_a_build_request_names_one_year_in_docx_by_default() -> None:
    request = BuildRequest("2022")
    assert (request.spec, request.formats, request.output, request.project) == (
        "2022",
        ("docx",),
        None,
        None,
    )
    assert (request.force, request.pdf) == (False, False)
    given = BuildRequest("2022", ("md", "txt"), Path("out"), Path("p"), True, True)
    assert (given.formats, given.output, given.project, given.force, given.pdf) == (
        ("md", "txt"),
        Path("out"),
        Path("p"),
        True,
        True,
    )
    assert BuildRequest(spec="2023_plan", pdf=True).pdf is True


def test_each_result_starts_with_lists_of_its_own() -> None:
    one, other = BuildResult(), BuildResult()
    one.written.append(Path("a.docx"))
    one.notes.append("note")
    assert (other.written, other.notes, other.findings) == ([], [], [])
    kept = ["n"]
    assert BuildResult(notes=kept).notes is kept
    sources = Sources(None, None, "2022")
    sources.notes.append("n")
    assert Sources(None, None, "2022").notes == []
    outcome = CheckOutcome({})
    outcome.fixes.append(None)  # type: ignore[arg-type]
    assert (CheckOutcome({}).report, CheckOutcome({}).fixes) == (None, [])


def test_a_check_request_checks_every_file_without_fixing_by_default() -> None:
    request = CheckRequest()
    assert (request.specs, request.fix, request.list_rules, request.project) == (
        (),
        False,
        False,
        None,
    )
    given = CheckRequest(("2022",), True, True, Path("p"))
    assert (given.specs, given.fix, given.list_rules, given.project) == (
        ("2022",),
        True,
        True,
        Path("p"),
    )


def test_sources_are_equal_when_they_hold_the_same() -> None:
    assert Sources(None, None, "2022", ["n"]) == Sources(None, None, "2022", ["n"])
    assert Sources(None, None, "2022") != Sources(None, None, "2023")
    assert Sources(None, None, "2022") != Sources(None, None, "2022", ["n"])
    assert Sources(None, None, "2022") != ("2022",)
    assert repr(Sources(None, None, "2022")) == (
        "Sources(review=None, plan=None, stem='2022', notes=[])"
    )

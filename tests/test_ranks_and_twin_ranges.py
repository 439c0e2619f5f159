"""A rank the question gives a title ("deputy") is not answered by a line that pays the title
without it; a range written twice, once with its period, is pay of that period; a minimum and a
midpoint give no maximum; a title that another document's catalog holds still says what a
question is about where its own document has no class. The pages are written here."""

from __future__ import annotations

import pytest
import yaml
from test_passage_answers import indexed

from assistant.line_subjects import unranked_namesake
from assistant.service import Assistant
from index.catalog import parse_standard
from index.types import SourceDocument

NOTICE = """Town Health Officer/Deputy Town Health Officer Opportunities

The Selectboard is seeking candidates interested in serving as the Town Health Officer or Deputy
Town Health Officer.

The Town offers a $250 annual stipend to the Town Health Officer.

Residency in the town is not required.
"""

POSTING = """Curator of Collections

Harbourtown
In-person
$71,385 - $83,987 / year
Full-time

CURATOR OF COLLECTIONS Community Services - Job #P1250e
Starting Salary range: 71,385 - 83,987

JOB SUMMARY:
This position reports directly to the Director of the museum.
"""


@pytest.fixture(scope="module")
def notice(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "notice", {"health-officer-notice.txt": NOTICE})


def test_a_stipend_paid_to_the_title_is_not_the_deputys(notice: Assistant) -> None:
    answer = notice.ask("what is the deputy town health officer's pay?")
    assert answer.abstained
    assert "$250" not in answer.text.split("The passage nearest")[0]


def test_the_stipend_of_the_title_itself_is_answered(notice: Assistant) -> None:
    answer = notice.ask("town health officer pay")
    assert not answer.abstained
    assert "$250 annual stipend" in answer.text


@pytest.mark.parametrize(
    ("line", "question", "another"),
    [
        ("The Town offers a $250 annual stipend to the Town Health Officer.",
         "deputy town health officer stipend?", True),
        ("The Deputy Town Health Officer receives $100.", "deputy town health officer pay", False),
        # No rank asked: the title's own line.
        ("The Town offers a $250 annual stipend to the Town Health Officer.",
         "town health officer stipend?", False),
        # A line that names no title says nothing of whose it is.
        ("Stipend: $100 a year", "deputy town health officer stipend", False),
    ],
)  # fmt: skip
def test_a_line_that_writes_the_title_without_the_rank_asked_is_anothers(
    line: str, question: str, another: bool
) -> None:
    assert unranked_namesake(line, question) is another


def test_a_range_written_again_with_its_period_is_pay_of_that_period() -> None:
    document = SourceDocument("curator.txt", "Curator of Collections", POSTING, "0", "txt")
    (record,) = parse_standard(document).classes
    assert (record.salary_min, record.salary_max) == ("$71,385", "$83,987")
    assert record.salary_period == "year"
    assert record.evidence_for("salary") is not None
    assert record.evidence_for("salary").quote == "$71,385 - $83,987 / year"  # type: ignore[union-attr]


MIDPOINT_POSTING = """Survey Technician

City of Riverbend
Riverbend, Texas

GENERAL SUMMARY
Salary: $20.04/hr. minimum - $24.55/hr. mid (Depending on qualifications)

Under general supervision, maintains the city's survey records.
"""


@pytest.fixture(scope="module")
def midpoint(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "midpoint", {"survey-technician.txt": MIDPOINT_POSTING})


def test_a_minimum_and_a_midpoint_give_no_maximum(midpoint: Assistant) -> None:
    answer = midpoint.ask("riverbend survey technician max pay per hour")
    assert answer.abstained
    assert "no maximum" in answer.text
    # The minimum is what the line gives as such.
    assert "$20.04" in midpoint.ask("riverbend survey technician starting pay").text


PROFILE = """Job Title\tJob Family\tJob Code
Survey Analyst III\tProfessional\tSURA03

Performs professional survey work.
"""

DETAIL = """Job Detail

Organization: Redfield County Government
Title: Survey Analyst
Location: Eastbrook, Georgia

Position Description:

Maintains the county's survey records.
"""


@pytest.fixture(scope="module")
def two_counties(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    manifest = {
        "profile.txt": {"title": "Survey Analyst III - job profile", "jurisdiction": "Westmoor"},
        "detail.txt": {"title": "Survey Analyst - county job", "jurisdiction": "Redfield County"},
    }
    files = {
        "profile.txt": PROFILE,
        "detail.txt": DETAIL,
        "manifest.yaml": yaml.safe_dump(manifest),
    }
    return indexed(tmp_path_factory, "two-counties", files)


def test_a_title_another_document_catalogues_is_still_what_the_question_is_about(
    two_counties: Assistant,
) -> None:
    answer = two_counties.ask("Where is Redfield County's Survey Analyst based?")
    assert not answer.abstained, answer.text
    assert "Eastbrook, Georgia" in answer.text

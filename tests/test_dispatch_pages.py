"""Dispatch centre pages as they come: a city's recruiting page whose figures stand under the
sentences that lead into them, asked by its place alone; a class spec whose title shortens a word
("Opr"); the ends of two ranges a line each under their titles, one title the initials of the
other ("PST Trainee", "Public Safety Telecommunicator"). The pages are written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.service import Assistant

RECRUITING = """Steps to Becoming a 9-1-1 Dispatch Telecommunicator

Complete the job application, then testing and an interview with the hiring board.

9-1-1 Telecommunicator Salary & Benefits
The starting salary for an entry level 9-1-1 Telecommunicator is:
$29.18 hourly / $5,058 monthly / $60,703 annually
There are six steps in the 9-1-1 Telecommunicator classification. The salary at the top step \
of this classification is:
$37.25 hourly / $6,456 monthly / $77,474 annually
"""

POSTING = """Job Title: Telecommunicator
Department: 911 Communications
Pay Rate: $38,379 per year ($18.46 p/h)
"""

SPEC = """Support Staff Specifications

Police Communications Opr
Job Class/Code: 8412 Effective Date: 12/15/2008
Pay Grade: 20 FLSA Status: Non-Exempt
"""

RANGES = """Employment - Telecommunicator

PST Trainee

  • Minimum: $25.34 per hour
  • Maximum: $33.08 per hour

Public Safety Telecommunicator

  • Minimum: $28.19 per hour
  • Maximum: $38.38 per hour
"""

MANIFEST = """
recruiting.txt:
  title: Steps to Becoming a 9-1-1 Dispatch Telecommunicator - city recruiting page
  jurisdiction: City of Corvallis, Oregon
posting.txt:
  title: Telecommunicator - county job posting
  jurisdiction: Caswell County, North Carolina
spec.txt:
  title: Police Communications Opr - university class specification
  jurisdiction: University of North Florida (UNF)
ranges.txt:
  title: Employment - Telecommunicator - police salary page
  jurisdiction: City of St. Petersburg, Florida
"""


@pytest.fixture(scope="module")
def dispatch(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "recruiting.txt": RECRUITING,
        "posting.txt": POSTING,
        "spec.txt": SPEC,
        "ranges.txt": RANGES,
        "manifest.yaml": MANIFEST,
    }
    return indexed(tmp_path_factory, "dispatch", files)


def test_a_place_asked_reads_its_own_page_not_other_places_classes(dispatch: Assistant) -> None:
    answer = dispatch.ask("corvallis 911 telecommunicator top step pay per year")
    assert not answer.abstained and "$77,474 annually" in answer.text
    assert "Which class" not in answer.text and "$38,379" not in answer.text


def test_a_title_shortened_as_people_type_is_asked_written_out(dispatch: Assistant) -> None:
    answer = dispatch.ask("What pay grade is UNF's Police Communications Operator?")
    assert not answer.abstained and "Pay Grade: 20" in answer.text


def test_the_lines_of_a_range_s_ends_are_quoted_for_the_class_written_out(
    dispatch: Assistant,
) -> None:
    answer = dispatch.ask("What is the hourly pay range for a PST Trainee?")
    assert "$25.34 per hour" in answer.text and "$33.08 per hour" in answer.text
    assert "$28.19" not in answer.text
    top = dispatch.ask("st pete public safety telecommunicator max hourly rate")
    assert "$38.38 per hour" in top.text

"""A label the question writes ("Salary Range:") over a value that gives one end of the
range only ("Starting salary $31,200.00") answers for that end, not for the other. The
listing is written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.service import Assistant

LISTING = """Job Listing

Department of Job Listing:
Public Works
Salary Range: Starting salary $31,200.00

General Function:
Operates heavy equipment for the Street Division and Park Maintenance.
"""


@pytest.fixture(scope="module")
def listing(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "listing", {"heavy-equipment-operator.txt": LISTING})


def test_a_starting_salary_is_no_top_of_the_range(listing: Assistant) -> None:
    answer = listing.ask("What is the top of the salary range for the heavy equipment operator?")
    assert answer.abstained, answer.text
    assert answer.text.startswith("The sources do not state a maximum salary")
    assert "$31,200.00" in answer.text  # what they do give, quoted


def test_the_starting_salary_is_given(listing: Assistant) -> None:
    answer = listing.ask("What is the starting salary for the heavy equipment operator?")
    assert not answer.abstained and "$31,200.00" in answer.text

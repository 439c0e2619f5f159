"""A place whose standard holds no class the catalog recognised is still a place the questions
can name: its classes are not answered with another place's figures, and a standard that
gives a class two grades has both said."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.service import Assistant

ALDER = """County of Alder
SURVEYOR II
Class Code: 4411
Salary Range: $50,000.00 - $60,000.00 Annually

DEFINITION
Performs journey level land surveys.
"""
# The same title in another county, its code table run together with its prose: no salary.
BIRCH = (
    "County of Birch Revised: 1-2-99 SURVEYOR SERIES Class Code Class Title 5510 Surveyor I "
    "5511 Surveyor II DEFINITION Under supervision, performs land surveys and keeps field "
    "notes.\n"
)
# A standard whose class the catalog cannot read: its place is known from its text alone.
DOGWOOD = (
    "County of Dogwood Human Resources\n\nThe Surveyor II keeps field notes and checks the "
    "work of survey crews in the county.\n"
)
# Two lists (full-time, part-time) that grade one title differently.
CEDAR = (
    "POSITION TITLE GRADE FLSA Deck Hand 8 Non-Exempt Harbor Master 31 Exempt "
    "Lock Keeper 12 Non-Exempt |\n(Ord. 1-2. Passed 3-5-24.)\n"
    "POSITION TITLE GRADE FLSA Deck Hand 6 Non-Exempt Lock Keeper 10 Non-Exempt |\n"
)


@pytest.fixture(scope="module")
def counties(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"alder.txt": ALDER, "birch.txt": BIRCH, "cedar-city.txt": CEDAR, "dw.txt": DOGWOOD}
    return indexed(tmp_path_factory, "counties", files)


def test_a_class_of_a_place_named_is_not_answered_with_another_places_figures(
    counties: Assistant,
) -> None:
    answer = counties.ask("What is the salary range for Surveyor II at the County of Birch?")
    assert "$50,000.00" not in answer.text and answer.abstained
    code = counties.ask("What is the class code for Surveyor II at the County of Birch?")
    assert "5511" in code.text and "4411" not in code.text
    unread = counties.ask("What is the salary of a Surveyor II in the County of Dogwood?")
    assert "$50,000.00" not in unread.text and unread.abstained


def test_a_class_graded_twice_by_its_standard_has_both_grades_said(counties: Assistant) -> None:
    answer = counties.ask("What pay grade is the Deck Hand?")
    assert "Grade 8" in answer.text and "Deck Hand 6 Non-Exempt" in answer.text
    assert len(answer.citations) == 2

"""A job description of "Label: value" lines that gives its grade's minimum and midpoint and
no maximum, titled with a comma in its class's name. The page is written here."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_passage_answers import indexed

from assistant.answer import _range_as_its_label
from assistant.query import QueryAnalysis, detect_intents
from assistant.service import Assistant
from index.types import ClassRecord

DESCRIPTION = """Supervisor, Fleet and Motor Pool Services

Basic Position Information

Job Code: 4410

Title: Supervisor, Fleet and Motor Pool Services

Department: Transportation

FLSA Classification: E

Job Grade: 9

Grade Min: $38,450

Grade Mid: $47,390

Job Summary

The Supervisor plans and inspects the maintenance of the fleet.
"""

MANIFEST = """
description.txt:
  title: Supervisor, Fleet and Motor Pool Services - basic position information (job code, grade
    minimum and midpoint) and job summary (Harrow Valley College job description)
  jurisdiction: Harrow Valley College
"""


@pytest.fixture(scope="module")
def college(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(
        tmp_path_factory,
        "grade-columns",
        {"description.txt": DESCRIPTION, "manifest.yaml": MANIFEST},
    )


def test_a_column_of_a_grade_asks_for_pay_not_the_grade() -> None:
    assert detect_intents("what is the grade maximum for x") == ("salary",)
    assert detect_intents("how far is grade mid above grade min") == ("salary",)
    assert set(detect_intents("what is the pay grade and grade minimum")) == {"salary", "pay_grade"}


def test_the_class_is_titled_by_its_whole_line_not_the_head_before_its_comma(
    college: Assistant,
) -> None:
    answer = college.ask("Which Harrow Valley College job has job code 4410?")
    assert "Supervisor, Fleet and Motor Pool Services" in answer.text


def test_a_minimum_and_midpoint_asked_are_both_quoted(college: Assistant) -> None:
    answer = college.ask(
        "What are the grade minimum and midpoint for the Supervisor, Fleet and Motor Pool "
        "Services at Harrow Valley College?"
    )
    assert not answer.abstained, answer.text
    assert "$38,450" in answer.text
    assert "$47,390" in answer.text


def test_a_midpoint_does_not_answer_the_maximum(college: Assistant) -> None:
    answer = college.ask(
        "What is the grade maximum for Harrow Valley's Supervisor, Fleet and Motor Pool Services?"
    )
    assert answer.abstained, answer.text
    assert "is assigned to" not in answer.text


def test_exempt_asks_the_flsa_line(college: Assistant) -> None:
    answer = college.ask(
        "Is Harrow Valley College's Supervisor, Fleet and Motor Pool Services exempt or non-exempt?"
    )
    assert not answer.abstained, answer.text
    assert "FLSA Classification: E" in answer.text


def test_a_grade_given_with_its_value_is_not_asked_when_a_person_or_a_measure_is() -> None:
    assert "pay_grade" not in detect_intents("who does the grade 16 library tech work under")
    assert "pay_grade" not in detect_intents("where do grade 5 clerks work")
    assert detect_intents("what grade is the library tech") == ("pay_grade",)
    assert "salary" not in detect_intents("which minimum competency must the manager hold")
    assert "salary" in detect_intents("what is the minimum salary of the manager")


def test_range_assignments_ask_for_no_duties() -> None:
    question = "what range is the specialist ii assigned to in the 2017 range assignments"
    assert "duties" not in detect_intents(question)
    assert "pay_grade" in detect_intents(question)
    assert "duties" in detect_intents("what are the specialist's assignments")


def test_a_range_asked_of_classes_their_standard_places_at_a_range_is_their_grade() -> None:
    placed = (
        ClassRecord(source="t.txt", title="Specialist III", pay_label="Range", pay_grade="61"),
        ClassRecord(
            source="t.txt", title="Specialist III - Bilingual", pay_label="Range", pay_grade="64"
        ),
    )
    asked = "How does the range of a Specialist III - Bilingual compare with a Specialist III?"
    analysis = QueryAnalysis(question=asked, intents=("compare", "salary"), classes=placed)
    assert _range_as_its_label(analysis).intents == ("compare", "pay_grade")
    # Pay asked in money stays pay; so does a range of classes whose standard gives dollars.
    money = QueryAnalysis(
        question="What is the salary range of a Specialist III?",
        intents=("salary",),
        classes=placed,
    )
    assert _range_as_its_label(money).intents == ("salary",)
    paid = (replace(placed[0], salary_min="$4,000"),)
    dollars = QueryAnalysis(question=asked, intents=("compare", "salary"), classes=paid)
    assert _range_as_its_label(dollars).intents == ("compare", "salary")

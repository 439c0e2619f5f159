"""Class descriptions whose labels are form fields: two keys joined by a slash with their two
values ("Position Class Code / Title: W9001 / Tree Climber"), a grade written with its colon
("Grade: 07"), a starting range written with its period glued on ("$19.00-21.88/HR"). The
answer quotes what the source writes; a question resting on a grade the source does not give
is corrected with the line that gives the grade. Invented documents."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.service import Assistant
from index.class_facts import key_value_facts

CLIMBER = """Position Classification Description

Position Class Code / Title: W9001 / Tree Climber
FLSA: Non-Exempt
Grade: 07

Summary

Climbs and prunes trees on the grounds of the college.
"""

LEAD = """Position Classification Description

Position Class Code / Title: W9002 / Lead Tree Climber
FLSA: Non-Exempt
Grade: 09

Summary

Leads the crew that climbs and prunes trees on the grounds of the college.
"""

PARK_HAND = """Job Posting: Park Hand

Starting Salary Range: $19.00-21.88/HR

Working Hours: 40 hours per week, Monday to Friday.
"""


@pytest.fixture(scope="module")
def college(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"climber.txt": CLIMBER, "lead.txt": LEAD, "park-hand.txt": PARK_HAND}
    return indexed(tmp_path_factory, "form-fields", files)


def test_two_keys_joined_by_a_slash_take_their_values_in_turn() -> None:
    facts = key_value_facts("Position Class Code / Title: W9001 / Tree Climber")
    assert facts is not None and facts.code == "W9001"
    both = key_value_facts("Job Code / Pay Grade: 1234 / 12")
    assert both is not None and (both.code, both.pay_grade) == ("1234", "12")
    # Keys and values that do not pair up: the last key takes the last value, as before.
    plan = key_value_facts("Union/Salary Plan/Grade: AFSCME/LA-3")
    assert plan is not None and plan.pay_grade == "LA-3"


def test_the_code_of_a_slashed_field_answers(college: Assistant) -> None:
    answer = college.ask("whats the class code for the tree climber")
    assert "W9001" in answer.text and not answer.abstained


def test_a_grade_is_quoted_as_the_source_writes_it(college: Assistant) -> None:
    answer = college.ask("What grade is the Lead Tree Climber?")
    assert '"Grade: 09"' in answer.text


def test_a_question_resting_on_a_wrong_grade_is_corrected(college: Assistant) -> None:
    answer = college.ask(
        "Since the Lead Tree Climber is Grade 08, how many grades is it above the Tree Climber?"
    )
    assert "Correction" in answer.text and '"Grade: 09"' in answer.text


def test_the_starting_rate_is_given_with_the_range_as_written(college: Assistant) -> None:
    answer = college.ask("What is the starting pay for the Park Hand?")
    assert "$19.00" in answer.text and "$19.00-21.88/HR" in answer.text


def test_a_pronoun_before_the_question_mark_points_back() -> None:
    from assistant.class_index import ClassIndex
    from assistant.followup import _elliptic
    from assistant.query import analyse

    assert _elliptic(analyse("what's the union affiliation for it?", ClassIndex([])))


BULLETIN = """Exam Bulletin - Tree Trimmer II - Seasonal (2044)

Department of Parks

Classification Details

TREE TRIMMER II (SEASONAL): $4,100.00 - $5,300.00 per Month

Salary Range: $49,200 - $63,600
"""


def _bulletin(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    from index.catalog import parse_standard
    from index.types import SourceDocument

    title = "Exam Bulletin - Tree Trimmer II - Seasonal (2044)"
    document = SourceDocument(
        source="b.txt", title=title, text=text, content_hash="0", format="txt"
    )
    return [
        (r.title, r.salary_min, r.salary_max, r.salary_period)
        for r in parse_standard(document).classes
    ]


def test_a_bulletin_s_classification_line_names_its_class_and_pay() -> None:
    assert _bulletin(BULLETIN) == [
        ("Tree Trimmer II (seasonal)", "$4,100.00", "$5,300.00", "month")
    ]
    # Two levels each labelling a range: which is the document's class is not said.
    both = BULLETIN.replace(
        "Salary Range: $49,200 - $63,600", "TREE TRIMMER I (SEASONAL): $3,600.00 - $4,500.00"
    )
    assert ("Tree Trimmer II (seasonal)", "$4,100.00", "$5,300.00", "month") not in _bulletin(both)


def test_a_headline_names_the_class_its_employer_recruits() -> None:
    from index.catalog import parse_standard
    from index.types import SourceDocument

    text = "Job Listings\n\nTown of Ashby seeks Tree Warden\n\nSalary: $50,000 - $60,000 Annually\n"
    for headline in (
        "Town of Ashby seeks Tree Warden - town job listing on a society's job page",
        "Ashby Town Council is hiring a Tree Warden - newspaper report",
    ):
        document = SourceDocument(
            source="a.txt", title=headline, text=text, content_hash="0", format="txt"
        )
        records = parse_standard(document).classes
        assert [(r.title, r.salary_min, r.salary_max) for r in records] == [
            ("Tree Warden", "$50,000", "$60,000")
        ]

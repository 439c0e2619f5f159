"""Amounts as the sources write them: a line that writes the amount a question gives says whose
it is (a range it falls within only holds it), and two figures under a range's label are quoted
as the line writes them, with the range's code beside them."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_passage_answers import indexed

from assistant.service import Assistant

SPECIALIST = """Highway Maintenance Specialist

Salary: $53,400 annually ($25.67/hour, overtime $38.50/hour)
"""
OPERATORS = """Equipment Operator Posting

Salary Information:Equipment Operator - Sub-Journey 2 - $22.88 - $25.17 Hourly
Equipment Operator - Journey 1 - $25.51 - $28.09 Hourly
"""
WORKER = """Public Works Maintenance Worker

Salary range $34,490 $58,143 (A04)
General statement of duties
Performs general manual tasks requiring no special training.
"""


@pytest.fixture(scope="module")
def postings(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"specialist.txt": SPECIALIST, "operators.txt": OPERATORS, "worker.txt": WORKER}
    return indexed(tmp_path_factory, "postings", files)


def test_the_line_that_writes_an_amount_answers_which_job_it_is(postings: Assistant) -> None:
    answer = postings.ask("which job lists $25.67/hour?")
    assert not answer.abstained
    assert "$25.67/hour" in answer.text
    assert {c.source for c in answer.citations} == {"specialist.txt"}
    assert "Journey 1" not in answer.text


def test_an_amount_no_line_writes_is_found_in_the_range_that_holds_it(
    postings: Assistant,
) -> None:
    answer = postings.ask("which job pays $26.00 an hour?")
    assert "within the salary range for Equipment Operator - Journey 1" in answer.text


def test_two_figures_under_a_range_label_are_quoted_as_written_with_their_code(
    postings: Assistant,
) -> None:
    answer = postings.ask("What is the salary range for a Public Works Maintenance Worker?")
    assert "$34,490 $58,143" in answer.text and "(A04)" in answer.text


REAL = Path(__file__).resolve().parents[1] / "evals" / "corpora" / "real"


@pytest.fixture(scope="module")
def grade_tables(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    names = {
        "buffalo.txt": "opm/salary-table-2024-bu-buffalo.txt",
        "nhs.txt": "nhs-health-careers/agenda-for-change-pay-rates-2024.txt",
        "hansard.txt": "uk-parliament-hansard/departmental-pay-2008-03-05.txt",
    }
    files = {name: (REAL / path).read_text(encoding="utf-8") for name, path in names.items()}
    return indexed(tmp_path_factory, "grade-tables", files)


def test_a_grade_of_a_standard_that_writes_no_name_the_question_writes_is_not_listed(
    grade_tables: Assistant,
) -> None:
    # "London" is written by the NHS page, not by the federal table whose rows are grades.
    answer = grade_tables.ask("What is the London salary range for Grade 7 in that 2008 answer?")
    assert "buffalo.txt" not in {c.source for c in answer.citations}
    assert "Grade 7 holds" not in answer.text
    listed = grade_tables.ask("Which rows are grade 7 in the salary table?")
    assert "buffalo.txt" in {c.source for c in listed.citations}


def test_a_level_the_series_lacks_is_not_a_longer_title_at_that_level(postings: Assistant) -> None:
    # The posting lists "Journey 1" and "Sub-Journey 2": "Journey 2" is neither.
    answer = postings.ask("How much does an Equipment Operator Journey 2 earn?")
    assert answer.abstained
    assert "$22.88" not in answer.text
    assert "Journey 1" in answer.text  # the level it does list
    sub = postings.ask("How much does an Equipment Operator Sub-Journey 2 earn?")
    assert not sub.abstained and "$22.88 - $25.17 Hourly" in sub.text


def test_an_hourly_rate_written_beside_a_yearly_salary_is_quoted_when_asked(
    postings: Assistant,
) -> None:
    answer = postings.ask("What is the hourly rate of the Highway Maintenance Specialist?")
    assert not answer.abstained
    assert "$25.67/hour" in answer.text and "do not give" not in answer.text
    # A line with no hourly figure still says so.
    worker = postings.ask("What is the hourly rate of the Public Works Maintenance Worker?")
    assert "$25.67" not in worker.text


def test_a_level_the_posting_lacks_is_answered_with_its_level_s_pay_line(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    posting = (
        "City of Halden\nShelving Assistant II (Part-Time), Circulation\nSalary:\n"
        "$23.34 - $30.09 Hourly Location :\nHalden Job Type:\nPart Time\n"
    )
    assistant = indexed(tmp_path_factory, "levels", {"shelving.txt": posting})
    answer = assistant.ask("What is the pay for a Shelving Assistant I?")
    assert answer.abstained
    assert "nearest level it lists is Shelving Assistant II" in answer.text
    assert '"Salary: $23.34 - $30.09 Hourly"' in answer.text


SCALE = """National Pay Scale 2015

The 2015 pay scale lists each entry position at a basic salary by grade.

National Pay Scale Grade Basic Salary in BDT (Taka) Entry & Position
16 9,300 Office Assistant
15 9,700 Primary Assistant Teacher
14 10,200
"""


def test_the_line_holding_the_amount_given_answers_not_one_holding_its_year(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    scale = indexed(tmp_path_factory, "pay-scale", {"national-pay-scale.txt": SCALE})
    answer = scale.ask("Which position does the 2015 pay scale list at a basic salary of 9,700?")
    assert "Primary Assistant Teacher" in answer.text
    assert "lists each entry position" not in answer.text  # it holds the year only

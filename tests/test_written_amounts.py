"""Amounts as the sources write them: a line that writes the amount a question gives says whose
it is (a range it falls within only holds it), and two figures under a range's label are quoted
as the line writes them, with the range's code beside them."""

from __future__ import annotations

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


GRADER = """Class Title: Grain Grader
Class Code: 4821
Salary: $40,000 - $50,000 per year
Vacancy No. MP-1279
Duties: Grades grain samples and supervises inspections of grain.
"""


@pytest.fixture(scope="module")
def grader(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "grader", {"grader.txt": GRADER})


def test_lines_that_write_none_of_the_words_asked_do_not_answer(grader: Assistant) -> None:
    # The catalog knows the class, and no line writes "series": none answers what it is.
    answer = grader.ask("What occupational series is the Grain Grader job?")
    assert answer.abstained and "series" in answer.text
    inspections = grader.ask("Does the Grain Grader supervise inspections?")
    assert not inspections.abstained and "supervises inspections" in inspections.text

"""What the answering lines do not write: a place the question names ("the London salary
range") that another standard writes, and the row asked ("APS 5") where the passage nearest
the question gives other rows only. Neither is answered as if it were."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_passage_answers import indexed

from assistant.service import Assistant

DEPARTMENTAL = """Departmental Pay (written answer)

Salary ranges for grades in each of the three locations are in the following three tables.
£ Grade Minimum Maximum Grade 7 39,695 56,543 Grade 6 50,014 68,410
£ Grade Minimum Maximum Grade 7 41,225 57,452 Grade 6 51,544 69,940
"""
HEALTH = """Health Service pay rates

There is also extra pay for staff who work in high cost areas such as around London.
Band 2 £23,615
"""


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"departmental.txt": DEPARTMENTAL, "health.txt": HEALTH}
    return indexed(tmp_path_factory, "unwritten-names", files)


def test_lines_that_never_write_the_place_asked_do_not_answer_for_it(answers: Assistant) -> None:
    answer = answers.ask("What is the London salary range for Grade 7?")
    assert answer.abstained
    assert 'do not say "London"' in answer.text
    assert "39,695" in answer.text  # what the lines do say is still shown
    plain = answers.ask("What is the salary range for Grade 7?")
    assert not plain.abstained and "39,695" in plain.text


CORPORA = Path(__file__).resolve().parents[1] / "evals" / "corpora"
# A flattened table of base salaries, each grade glued to its first row (PM&C, 2024).
BASE_SALARIES = (
    CORPORA / "real/pmc-australia/ea-2024-27-attachment-a-base-salaries.txt"
).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def salaries(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "zones", {"base-salaries.txt": BASE_SALARIES})


def test_a_passage_of_other_rows_is_not_near_the_row_asked(salaries: Assistant) -> None:
    answer = salaries.ask("What is the APS 5 zone of discretion?")
    assert answer.abstained
    assert "APS 5" in answer.text and "$106,439" not in answer.text


# A recruitment notice that gives no closing date (Waterford City and County Council).
NOTICE = (
    CORPORA / "holdout38/waterford-city-and-county-council/retained-part-time-firefighter.txt"
).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("closing", "abstains", "said"),
    [
        ("", True, ""),
        ("Closing date for applications: Friday, April 19, 2013.", False, "April 19, 2013"),
        # Open until filled is an answer, in words: the notice is quoted, not refused.
        ("This position will remain open until filled.", False, ""),
    ],
)
def test_a_date_asked_of_a_notice_that_gives_none_is_not_answered(
    tmp_path_factory: pytest.TempPathFactory, closing: str, abstains: bool, said: str
) -> None:
    notices = indexed(tmp_path_factory, "notice", {"notice.txt": f"{NOTICE}\n{closing}\n"})
    answer = notices.ask(
        "What is the closing date for the retained (part-time) firefighter applications at "
        "Portlaw, Dunmore East and Tramore?"
    )
    assert answer.abstained is abstains
    assert said in answer.text

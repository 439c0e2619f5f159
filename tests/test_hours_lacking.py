"""How many hours a week a post works is answered by a line that states a number of hours; an
answer whose lines state none (a paragraph about the post, a rate per hour) gains its
document's sentence that states the hours of a week, or abstains and shows them. The postings
are written here, but one."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_passage_answers import indexed

from assistant.citations import Citation
from assistant.hours_lacking import hours_not_stated
from assistant.service import Assistant

ASKED = "How many hours a week does the Harbour Clerk work?"


def _cited(quote: str) -> tuple[Citation, ...]:
    return (Citation(source="c.txt", section="Clerk", quote=quote, doc_title="Clerk"),)


@pytest.mark.parametrize(
    "quote",
    ["Full time (36.25 hours per week)", "a part time, 20 hour per week position",
     "HOURS: 37.5hpw", "a 40-hour work week", "thirty hours over five days"],
)  # fmt: skip
def test_a_line_that_states_a_number_of_hours_answers(quote: str) -> None:
    assert hours_not_stated(ASKED, _cited(quote)) is None


@pytest.mark.parametrize(
    "quote", ["The role offers considerable autonomy.", "Salary: £11.90 per hour", "Full time"]
)
def test_a_line_that_states_none_does_not(quote: str) -> None:
    assert hours_not_stated(ASKED, _cited(quote)) is not None


def test_only_a_count_of_weekly_hours_is_asked_so() -> None:
    rate = _cited("Salary: £11.90 per hour")
    assert hours_not_stated("What is the Harbour Clerk's hourly rate?", rate) is None
    assert hours_not_stated("What hours does the Harbour Clerk work?", rate) is None


CLERK = """Harbour Clerk - Port of Ashby vacancy

Salary: £24,500 per annum (£12.56 per hour)

The role offers the successful candidate considerable autonomy on a busy harbour.
"""


# A real posting, gathered for the fifty-ninth held-out set: its hours stand in a sentence of
# a paragraph that the reader does not quote for the question.
OPERATOR = (
    Path(__file__).parent.parent
    / "evals/corpora/holdout59/municipality-of-argyle-ns"
    / "wastewater-treatment-plant-operator-2021.txt"
).read_text("utf-8")


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "hours-lacking", {"clerk.txt": CLERK})


@pytest.fixture(scope="module")
def plant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "hours-stated", {"plant.txt": OPERATOR})


def test_the_sentence_that_states_the_hours_of_a_week_is_added(plant: Assistant) -> None:
    answer = plant.ask(
        "How many hours a week is the Municipality of the District of Argyle's Wastewater "
        "Treatment Plant Operator position?"
    )
    assert not answer.abstained
    assert "37.5-hour workweek" in answer.text


def test_a_posting_that_states_no_hours_abstains(harbour: Assistant) -> None:
    answer = harbour.ask(ASKED)
    assert answer.abstained

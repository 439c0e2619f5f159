"""A question that gives a rate and asks for pay ("the base salary after the 5 per cent
rise") asks for an amount: a line of percentages alone does not state it, though it answers
"what pay rise will staff get?". The news report is written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.passage_answers import gives_a_rate
from assistant.service import Assistant

REPORT = """Big pay rise for shire staff

STAFF at Ridgeway Shire Council will get a 9.25 per cent pay rise over two years as part of a new agreement endorsed by council last week.

The agreement allows for a 5 per cent pay rise back-paid from 1 July 2022, and another 4.25 per cent rise from 1 July 2023.

Chief executive officer Dana Price told councillors that employees had not had a pay rise in two years, with the last one of 2.1 per cent back in 2019.

"Five per cent may be viewed as a large increase, however given inflation over the past couple of years the base rates had fallen behind," Ms Price said.
"""  # noqa: E501


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "shire-report", {"shire-pay-rise.txt": REPORT})


def test_a_salary_after_a_rise_is_not_a_line_of_percentages(report: Assistant) -> None:
    answer = report.ask(
        "What is the base salary of a Ridgeway Shire employee after the 5 per cent rise?"
    )
    assert answer.abstained, answer.text


def test_the_rise_asked_is_the_line_of_percentages(report: Assistant) -> None:
    answer = report.ask("What pay rise will Ridgeway Shire staff get over two years?")
    assert not answer.abstained and "9.25 per cent" in answer.text


def test_a_rate_given() -> None:
    assert gives_a_rate("the salary after the 5 per cent rise")
    assert gives_a_rate("a 3% increase") and not gives_a_rate("what pay rise did staff get")

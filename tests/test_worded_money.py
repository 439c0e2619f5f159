"""Amounts news reports write with their currency in words ("19 thousand US dollars", "SR 42
million") are money: an answer quotes them as pay, never says the sources give none. The
report is written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.service import Assistant
from index.money import ONE_AMOUNT, money_value


@pytest.mark.parametrize(
    ("text", "amount", "value"),
    [
        ("would rise to 19 thousand US dollars a year", "19 thousand US dollars", 19000),
        ("ministers on 16 thousand 400 dollars and", "16 thousand 400 dollars", 16400),
        ("a cost of 1.86 million US dollars.", "1.86 million US dollars", 1860000),
        ("an allowance of 5,000 rupees per month", "5,000 rupees", 5000),
        ("A provision of SR 42 million has been made", "SR 42 million", 42000000),
        ("a salary of SR 5,000 per month", "SR 5,000", 5000),
    ],
)
def test_an_amount_in_words_is_money(text: str, amount: str, value: int) -> None:
    assert [m.group(0) for m in ONE_AMOUNT.finditer(text)] == [amount]
    assert money_value(amount) == value


@pytest.mark.parametrize(
    "text", ["grade SR 12 applies", "SR 5 of the scheme", "two thousand staff"]
)
def test_codes_and_counts_are_not_money(text: str) -> None:
    assert not ONE_AMOUNT.search(text)


REPORT = """Atoll council agrees pay rise for its officers

The Atoll council on Tuesday agreed a five-percent pay rise for its officers, backdated to March.

The proposal would see the council chairman's salary increase to 21 thousand US dollars, \
and councillors on 14 thousand 500 dollars.
"""


@pytest.fixture(scope="module")
def atoll(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "atoll", {"pay-rise.txt": REPORT})


def test_a_salary_written_in_words_is_answered(atoll: Assistant) -> None:
    answer = atoll.ask("What would the council chairman's salary increase to under the proposal?")
    assert not answer.abstained
    assert "21 thousand US dollars" in answer.text
    assert "do not state" not in answer.text

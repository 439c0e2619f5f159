"""A deadline asked is answered by a line that says when (a date, a month, a weekday, "open
until filled"); an answer whose lines say none of it abstains and shows them."""

from __future__ import annotations

import pytest

from assistant.deadline_lacking import deadline_not_stated
from assistant.types import Citation


def cited(*quotes: str) -> list[Citation]:
    return [Citation("p.txt", "Posting", quote) for quote in quotes]


@pytest.mark.parametrize(
    "quote",
    [
        "Closing Date: 11/13/2024 5:00 PM Pacific",
        "Applications close on Friday",
        "Open until filled",
        "Apply before 30 June 2025",
        "Application Deadline: 2026-03-01",
    ],
)
def test_a_line_that_says_when_answers_a_deadline(quote: str) -> None:
    assert deadline_not_stated("What's the application deadline?", cited(quote)) is None


def test_lines_that_say_no_date_do_not_answer_a_deadline() -> None:
    lines = cited("• City Clerk • Ann Arbor, MI, USA • 63,000 - $80,000 • Salary • Full Time")
    assert deadline_not_stated("What's the closing date for the clerk job?", lines)
    assert deadline_not_stated("When does the clerk posting close?", lines)
    # Not asked for a deadline: the lines stand.
    assert deadline_not_stated("What does the clerk job pay?", lines) is None

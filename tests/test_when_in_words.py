"""A question asking when something happens may be answered by a text that names a month or
a day of the week with no date: such a text says when."""

from __future__ import annotations

import pytest

from assistant.open_answers import says_when


@pytest.mark.parametrize(
    "text",
    [
        "Incremental progression will take place in either April or October.",
        "Cafeteria staff work Monday through Friday.",
        "Closing date: 06 March 2026",
        "This posting is open until filled.",
    ],
)
def test_a_month_a_weekday_or_a_date_says_when(text: str) -> None:
    assert says_when(text)


@pytest.mark.parametrize(
    "text", ["Staff may be paid on a monthly basis.", "Applications to the Clerk's office."]
)
def test_no_month_no_date_says_nothing_of_when(text: str) -> None:
    assert not says_when(text)

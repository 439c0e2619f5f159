"""How dates are written: the names of the months, whole and short, shared by every reader of
dates (table headers, follow-ups that change the date asked, questions asking when)."""

from __future__ import annotations

import re

# "january|...|december", and "jan|...|dec" with "sept": alternations for a regex.
MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
MONTH_SHORT = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
# The months whose name is no everyday word: "may" is a verb as often as a month.
MONTHS_NOT_WORDS = MONTH_NAMES.replace("|may|", "|")

# "Aug. 5", "March 28, 2025", "10/20/2020": a day of a month.
A_DATE = re.compile(
    rf"\b(?:{MONTH_NAMES}|{MONTH_SHORT})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b", re.I
)


def writes_a_date(text: str) -> bool:
    """Whether a text writes a day of a month ("Aug. 5", "10/20/2020")."""
    return A_DATE.search(text) is not None

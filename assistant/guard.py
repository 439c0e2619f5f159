"""The numeric grounding guard: every number in an answer must occur in the text it cites."""

from __future__ import annotations

import re
from collections.abc import Iterable

_MARKER = re.compile(r"\[\d+\]")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def number_tokens(text: str) -> set[str]:
    """Numbers as plain digit strings: "$46,798" -> "46798", "4/2024" -> {"4", "2024"}."""
    text = _MARKER.sub(" ", text.replace("\\$", "$"))
    tokens = set()
    for match in _NUMBER.finditer(text):
        value = match.group(0).rstrip(",.").replace(",", "")
        if value.endswith(".00"):
            value = value[:-3]
        tokens.add(value)
    return tokens


def unsupported_numbers(
    answer: str, quotes: Iterable[str], question: str = "", names: Iterable[str] = ()
) -> list[str]:
    """Numbers in the answer found in no cited quote.

    Numbers the user wrote are allowed, and so are the digits of class titles named in full
    ("Certified Peer Specialist 2" is a name, not a figure).
    """
    for name in sorted(names, key=len, reverse=True):
        if name in answer:  # a whole name only: "Grade 2" is not the start of "Grade 25"
            answer = re.sub(rf"(?<![\w]){re.escape(name)}(?![\w])", " ", answer)
    grounded = number_tokens(question)
    for quote in quotes:
        grounded |= number_tokens(quote)
    return sorted(number_tokens(answer) - grounded)

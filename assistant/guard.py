"""The numeric grounding guard: every number in an answer must occur in the text it cites."""

from __future__ import annotations

import re
from collections.abc import Iterable

_MARKER = re.compile(r"\[\d+\]")
# A number stands apart from the letters before it: the "4" of "Graphic Designer4" is no figure
# a reader can check, and an answer that states it must quote the row instead.
_NUMBER = re.compile(r"(?<![A-Za-z])\d[\d,]*(?:\.\d+)?")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")


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


class NumberedNames:
    """The class names that hold a digit ("Certified Peer Specialist 2"), by their first word:
    an answer is checked against the few names whose first word it holds, not all of them."""

    def __init__(self, names: Iterable[str]) -> None:
        self.by_first: dict[str, list[str]] = {}
        for name in dict.fromkeys(names):
            if _DIGIT.search(name):
                first = _WORD.search(name)
                self.by_first.setdefault(first.group(0) if first else "", []).append(name)

    def in_text(self, text: str) -> list[str]:
        """The names the text holds, longest first."""
        words = {"", *_WORD.findall(text)}
        found = [n for w in words for n in self.by_first.get(w, ()) if n in text]
        return sorted(found, key=len, reverse=True)


# The names of the last catalogs, by identity: a chain passes the same tuple of titles with
# every answer, and arranging thousands of names per answer would cost more than the check.
_ARRANGED: dict[int, tuple[tuple[str, ...], NumberedNames]] = {}


def _numbered(names: Iterable[str]) -> NumberedNames:
    if not isinstance(names, tuple):
        return NumberedNames(names)
    kept = _ARRANGED.get(id(names))
    if kept is None or kept[0] is not names:
        if len(_ARRANGED) >= 4:
            _ARRANGED.clear()
        kept = _ARRANGED[id(names)] = (names, NumberedNames(names))
    return kept[1]


def unsupported_numbers(
    answer: str, quotes: Iterable[str], question: str = "", names: Iterable[str] = ()
) -> list[str]:
    """Numbers in the answer found in no cited quote.

    Numbers the user wrote are allowed, and so are the digits of class titles named in full
    ("Certified Peer Specialist 2" is a name, not a figure). A name without a digit changes
    no number, so only names with one are looked for.
    """
    for name in _numbered(names).in_text(answer):
        # a whole name only: "Grade 2" is not the start of "Grade 25"
        answer = re.sub(rf"(?<![\w]){re.escape(name)}(?![\w])", " ", answer)
    grounded = number_tokens(question)
    for quote in quotes:
        grounded |= number_tokens(quote)
        # "Accountant 200311": a numbered title glued to its code; the code is the rest.
        for name in _numbered(names).in_text(quote):
            grounded |= {m.group(1) for m in re.finditer(rf"{re.escape(name)}(\d+)", quote)}
    return sorted(number_tokens(answer) - grounded)

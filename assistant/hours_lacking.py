"""A question that asks how many hours a week a post works is answered by a line that states
a number of hours ("36.25 hours per week", "a 20 hour per week position", "40-hour week"),
not by one that only speaks of the post or gives its rate per hour ("£11.90 per hour"): an
answer whose lines state none gains the sentence of its documents that states the hours of a
week ("based on a 37.5-hour workweek"), or abstains, and shows them."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from assistant.drafts import Draft
from assistant.passages import sentences
from assistant.quotes import with_each_documents_line
from assistant.retrieve import ChunkLibrary
from assistant.types import Citation
from index.types import Chunk

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|sixteen|twenty|"
    "twenty-four|thirty|thirty-five|thirty-seven|forty"
)
# "how many hours a week", "weekly hours", "hours per week": a count of hours asked.
_ASKS_WEEKLY_HOURS = re.compile(
    r"\bhow many (?:hours|hrs)\b[^?]*\b(?:a|per|each)\s+week\b"
    r"|\bweekly (?:hours|hrs)\b|\b(?:hours|hrs) (?:a|per|each) week\b",
    re.IGNORECASE,
)
# A number of hours: "37 hours", "20 hour per week", "40-hour", "37.5hpw", "thirty hours";
# not a rate per hour.
_STATES_HOURS = re.compile(
    rf"\b(?:\d+(?:\.\d+)?|{_NUMBER_WORDS})(?:\s*(?:-|–|to)\s*\d+(?:\.\d+)?)?[\s-]*"
    r"(?:hours?|hrs?\.?|hpw|h/w)(?![a-z])",
    re.IGNORECASE,
)


# A week named beside a number of hours: "per week", "a 40-hour workweek", "weekly".
_WEEK = re.compile(r"\b(?:work)?weeks?\b|\bweekly\b|\bhpw\b|\bh/w\b", re.IGNORECASE)


def with_hours_said(question: str, draft: Draft, library: ChunkLibrary) -> Draft:
    """The draft, with the sentence of each document it quotes that states the hours of a
    week, when the question asks them and no quoted line states a number of hours;
    abstaining with what it quotes when those documents state none."""
    if draft.abstained:
        return draft
    hourless = hours_not_stated(question, draft.citations)
    if hourless is None:
        return draft
    return with_each_documents_line(draft, hourless, lambda source: _weekly_hours(library, source))


def _weekly_hours(library: ChunkLibrary, source: str) -> Iterator[tuple[Chunk, str]]:
    """The sentences of one document that state a number of hours and a week, in its order."""
    return (
        (chunk, sentence)
        for chunk in library.of_source(source)
        for sentence in sentences(chunk.text)
        if _STATES_HOURS.search(sentence) and _WEEK.search(sentence)
    )


def hours_not_stated(question: str, citations: Sequence[Citation]) -> str | None:
    """The lead of an abstention when the question asks how many hours a week and no quoted
    line states a number of hours; None otherwise."""
    if not _ASKS_WEEKLY_HOURS.search(question) or not citations:
        return None
    if any(_STATES_HOURS.search(c.quote) for c in citations):
        return None
    return "No line of the sources states how many hours a week this is. What they do say:"

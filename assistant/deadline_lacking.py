"""A question that asks for a deadline ("the application deadline", "when does it close?",
"closing date") is answered by a line that says when: a date, a month or a day of the week, or
that the post stays open until filled. An answer whose lines say none of it (a line about the
post, its pay) abstains, and shows them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.drafts import Draft
from assistant.open_answers import says_when
from assistant.types import Citation

_ASKS_DEADLINE = re.compile(
    r"\b(?:deadline|closing\s+date|close\s+date|apply\s+by|last\s+day\s+to\s+apply)\b"
    r"|\bwhen\b[^?]*\b(?:close|closes|closing)\b",
    re.IGNORECASE,
)


def with_deadline_said(question: str, draft: Draft) -> Draft:
    """The draft, abstaining with what it quotes when it asks for a deadline that no quoted
    line gives."""
    if draft.abstained or draft.nearest_only:  # the nearest passage is shown as such already
        return draft
    undated = deadline_not_stated(question, draft.citations)
    return replace(draft, text=f"{undated}\n{draft.text}", abstained=True) if undated else draft


def deadline_not_stated(question: str, citations: Sequence[Citation]) -> str | None:
    """The lead of an abstention when the question asks for a deadline and no quoted line
    says when; None otherwise."""
    if not _ASKS_DEADLINE.search(question) or not citations:
        return None
    if any(says_when(f"{c.section}\n{c.quote}") for c in citations):
        return None
    return "No line of the sources gives a deadline for this. What they do say:"

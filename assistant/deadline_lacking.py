"""A question that asks for a deadline ("the application deadline", "when does it close?",
"closing date") is answered by a line that says when: a date, a month or a day of the week, or
that the post stays open until filled. When the answer's lines say none of it (a line about the
post, its pay), the line of the documents it quotes that labels their deadline is added
("Closing Date: 11/07/2017 11:59 PM EST"); when they have none, the answer abstains and shows
its lines."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from assistant.drafts import Draft
from assistant.open_answers import says_when
from assistant.quotes import with_each_documents_line
from assistant.retrieve import ChunkLibrary
from assistant.types import Citation
from index.types import Chunk

_ASKS_DEADLINE = re.compile(
    r"\b(?:deadline|closing\s+date|close\s+date|apply\s+by|last\s+day\s+to\s+apply)\b"
    r"|\bwhen\b[^?]*\b(?:close|closes|closed|closing)\b"
    # "By what date did applications have to be sent?", "by when must resumes be received?"
    # (not "what licence ... and by when?": when a licence must be held)
    r"|\bby\s+(?:(?:what|which)\s+(?:date|day)|when)\b[^?]*\b(?:appl\w*|submi\w*|resumes?|cvs?)\b"
    r"|\bwhen\b[^?]*\b(?:applications?|resumes?|cvs?)\b[^?]*\bdue\b",
    re.IGNORECASE,
)
# A line that labels a deadline: "Closing Date:", "Application Deadline -", "Apply by".
_DEADLINE_LABEL = re.compile(
    r"\b(?:closing\s+date|close\s+date|deadline|apply\s+by|closes\s+on"
    # "Applications close", "APPLICATIONS FOR THIS POSITION CLOSE AT".
    r"|applications?\s+(?:for\s+(?:this|the)\s+(?:position|post|role|job|vacancy)\s+)?close)\b",
    re.IGNORECASE,
)


def with_deadline_said(question: str, draft: Draft, library: ChunkLibrary) -> Draft:
    """The draft, with the line that labels the deadline of each document it quotes when it
    asks for a deadline that no quoted line gives; abstaining with what it quotes when those
    documents label none."""
    if draft.abstained or draft.nearest_only:  # the nearest passage is shown as such already
        return draft
    undated = deadline_not_stated(question, draft.citations)
    if undated is None:
        return draft
    return with_each_documents_line(
        draft, undated, lambda source: _labelled_deadlines(library, source)
    )


def _labelled_deadlines(library: ChunkLibrary, source: str) -> Iterator[tuple[Chunk, str]]:
    """The lines of one document that label its deadline and say when, in its order; a label
    whose date stands on the next line ("APPLICATIONS FOR THIS POSITION CLOSE AT" over
    "MIDDAY ON TUESDAY, 17 MARCH 2026") with that line."""
    for chunk in library.of_source(source):
        lines = [line.strip() for line in chunk.text.splitlines()]
        for n, line in enumerate(lines):
            if not _DEADLINE_LABEL.search(line):
                continue
            below = next((b for b in lines[n + 1 :] if b), "")
            if says_when(line):
                yield chunk, line
            elif below and says_when(below) and not _DEADLINE_LABEL.search(below):
                yield chunk, f"{line}\n{below}"


def deadline_not_stated(question: str, citations: Sequence[Citation]) -> str | None:
    """The lead of an abstention when the question asks for a deadline and no quoted line
    says when; None otherwise. A heading quoted with a line may say when ("Closing Date:
    ..."); the document's title, which stands where it has no heading, says when it was
    published ("... (June 2020)")."""
    if not _ASKS_DEADLINE.search(question) or not citations:
        return None
    headed = [(c.section if c.section != c.doc_title else "", c.quote) for c in citations]
    if any(says_when(f"{section}\n{quote}") for section, quote in headed):
        return None
    return "No line of the sources gives a deadline for this. What they do say:"

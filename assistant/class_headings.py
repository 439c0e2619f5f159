"""The classes a page of several postings heads its blocks with, and the lines under each.

A page of openings is often titled for what it holds ("Personnel Department - ... (FF
Paramedic with annual starting salary ...; Mechanic with salary and deadline)") and heads a
block with each class ("FF PARAMEDIC", "MECHANIC"). The title names every class on the page,
so it ties each line to all of them: what answers for the mechanic is what its block says, not
a line under the paramedic's heading, nor a line before either."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.passages import stems
from assistant.reader import Reading, question_stems
from index.structure import heading_style
from index.types import Chunk

# A heading that names a class has a few words, none that asks ("Phase Minimum Hourly
# Midpoint" heads a table's columns).
_CLASS_HEADING_WORDS = 4
_NO_HEADING: frozenset[str] = frozenset({""})


class ClassHeadings:
    """The class headings of each document, read once, and the readings under a subject's."""

    def __init__(self, chunks_of: Callable[[str], Sequence[Chunk]]) -> None:
        self._chunks_of = chunks_of
        self._of: dict[str, set[frozenset[str]]] = {}
        self._described: dict[str, set[str]] = {}

    def described(self, source: str) -> set[str]:
        """The stems only the description after a document's title head writes, not its head,
        its path or its place ("shift", "premiums" of "Yukon Employees' Union ... ratify new
        collective agreement - term, ..., shift and weekend premiums ...")."""
        if source not in self._described:
            first = self._chunks_of(source)[0]
            head, _, description = first.doc_title.partition(" - ")
            # The place, not what a note in parentheses adds to it ("Government of The Bahamas
            # (public service; ... Police Force ... recruits)").
            place = (first.jurisdiction or "").split("(")[0]
            named = stems(f"{head} {source} {place}".replace("-", " "))
            self._described[source] = stems(description) - named
        return self._described[source]

    def of(self, source: str) -> set[frozenset[str]]:
        """The headings of a document's blocks (as stems) that its title names only in its
        description, every word of them, and not in its head, its path or its place: the
        classes of a page of openings ("MECHANIC"), not a heading of its subject ("Volunteer
        Fire Supervision" of "... - volunteer fire and EMS pay levels")."""
        if source not in self._of:
            described = self.described(source)
            # A heading is kept only when the description holds all its words: a document
            # whose title describes nothing has no line worth reading here.
            chunks = self._chunks_of(source) if described else []
            headings = {
                frozenset(stems(line))
                for chunk in chunks
                for line in chunk.text.splitlines()
                if heading_style(line) and len(line.split()) <= _CLASS_HEADING_WORDS
            }
            self._of[source] = {
                h for h in headings if h and h <= described and not h & question_stems()
            }
        return self._of[source]

    def words(self, source: str) -> set[str]:
        """The stems of a document's class headings."""
        return {word for heading in self.of(source) for word in heading}

    def under_subject(
        self, readings: list[Reading], subject: Sequence[str], figures: bool
    ) -> list[Reading]:
        """The readings of a document that heads a block with the subject ("MECHANIC") that
        are under that heading, found in its text up to them; the readings of other documents
        as they are. With `figures`, a reading is under the last heading above its first
        figure ("MECHANIC" / "FULL TIME" / "SALARY: 34,413"); else above its first line that
        is no heading."""
        wanted = set(subject)
        headed = {
            r.chunk.source for r in readings if any(h <= wanted for h in self.of(r.chunk.source))
        }
        return [
            r
            for r in readings
            if r.chunk.source not in headed or self._heading_over(r, figures) <= wanted
        ]

    def _heading_over(self, reading: Reading, figures: bool) -> frozenset[str]:
        """The class heading a reading is under; none, when none is above it."""
        headings = self.of(reading.chunk.source)
        text = self._text_up_to(reading.chunk)
        lines = reading.quote.splitlines()
        start = text.rfind(lines[0]) if lines else -1
        above = text[:start].splitlines() if start > 0 else []
        found = _NO_HEADING
        for number, line in enumerate([*above, *lines]):
            in_quote = number >= len(above)
            line_stems = frozenset(stems(line))
            if line_stems in headings:
                found = line_stems
            elif in_quote and (re.search(r"\d", line) if figures else line.strip()):
                break
        return found

    def _text_up_to(self, chunk: Chunk) -> str:
        """The text of a passage's document from its start to the passage's end (a document's
        passages come in its order)."""
        before = [c.text for c in self._chunks_of(chunk.source) if c.position < chunk.position]
        return "\n".join([*before, chunk.text])

"""Namesakes: documents that name a class the catalog knows from another document, where the
catalog could not read it. "Accounting Technician I" is a county's class with an hourly range
and, in a city's class specification whose layout the catalog did not read, a class at Salary
Range 13. A question that names the title and no place matches both, so the answer says what
each document states, the second from its own lines."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.citations import CitationBook
from assistant.class_index import ClassIndex
from assistant.passage_answers import PassageAnswers
from assistant.passages import stem
from assistant.query import QueryAnalysis
from assistant.retrieve import ChunkLibrary
from index.store import ScoredChunk
from index.structure import normalise_title
from index.types import Chunk

# Namesake documents read for one answer: the answer stays short when a title is common.
_MAX_NAMESAKES = 2


class Namesakes:
    """Finds, for a class the question names, the other documents that write its title."""

    def __init__(self, library: ChunkLibrary, index: ClassIndex, passages: PassageAnswers):
        self._library = library
        self._passages = passages
        self._catalogued: dict[str, set[str]] = {}  # a title -> the documents it is read from
        for record in index.records:
            self._catalogued.setdefault(normalise_title(record.title), set()).add(record.source)

    def lines(self, analysis: QueryAnalysis, book: CitationBook) -> list[str]:
        """What each other document that writes the one title asked states of the field
        asked, quoted and cited; nothing when the question names a place or a code, or more
        than one title, or when no such document states it."""
        titles = {normalise_title(r.title): r.title for r in analysis.classes}
        if analysis.jurisdictions or analysis.codes or len(titles) != 1:
            return []
        [(key, title)] = titles.items()
        found: list[str] = []
        for source in self._writing(title, self._catalogued.get(key, set()), _MAX_NAMESAKES):
            found += self._read(analysis, title, source, book)
        return found

    def _writing(self, title: str, known: set[str], limit: int) -> list[str]:
        """The first documents by name, at most `limit`, other than the known ones, that write
        the title as whole words (not "... Technician II" for "... Technician I"). Only the
        passages holding every word of it are read, of the documents holding them all: at
        10,000 standards the words of a common title are together in hundreds of documents,
        thousands of passages, and it is written in a few of them."""
        words = [stem(w) for w in re.findall(r"[a-z0-9]+", title.lower())]
        if not words:
            return []
        holding = set.intersection(*(self._passages.reader.sources_of(w) for w in words)) - known
        if not holding:
            return []
        phrase = _phrase(title)
        candidates = self._library.holding_keywords_of(title)

        def passages(source: str) -> Sequence[Chunk]:
            if candidates is None:
                return self._library.of_source(source)
            return candidates.get(source, ())

        writing = (
            source
            for source in sorted(holding)
            if any(phrase.search(c.text) for c in passages(source))
        )
        return list(itertools.islice(writing, limit))

    def _read(
        self, analysis: QueryAnalysis, title: str, source: str, book: CitationBook
    ) -> list[str]:
        """The lines of one document that state the field asked for the title: its pay, or
        failing that the grade its pay is given by ("Salary Range 13")."""
        chunks: Sequence[ScoredChunk] = [
            ScoredChunk(c, 0.0) for c in self._library.of_source(source)
        ]
        phrase = _phrase(title)
        # A line of a document titled after the class is about it; elsewhere the line must
        # name it.
        titled = bool(chunks) and bool(phrase.search(chunks[0].chunk.doc_title))
        asked = [analysis.intents]
        if "salary" in analysis.intents and "pay_grade" not in analysis.intents:
            asked.append(("pay_grade",))
        for intents in asked:
            trial = CitationBook()
            trial.citations = list(book.citations)
            read = self._passages.answer(
                replace(analysis, intents=intents, classes=()), chunks, trial
            )
            if read is not None and not read[1]:
                stated = [line for line in read[0] if titled or phrase.search(line)]
                if stated:
                    book.citations = trial.citations
                    return stated
        return []


def _phrase(title: str) -> re.Pattern[str]:
    """The title as whole words, however spaced."""
    spaced = r"\s+".join(re.escape(w) for w in title.split())
    return re.compile(rf"(?<![\w-]){spaced}(?![\w-])", re.IGNORECASE)

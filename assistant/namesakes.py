"""Namesakes: documents that name a class the catalog knows from another document, where the
catalog could not read it. "Accounting Technician I" is a county's class with an hourly range
and, in a city's class specification whose layout the catalog did not read, a class at Salary
Range 13. A question that names the title and no place matches both, so the answer says what
each document states, the second from its own lines.

A pay-table row asked by its grade alone ("the Band 1 salary") is a namesake too: the
Senior Civil Service's Pay Band 1 and the NHS's Band 1, which the NHS closed and states no
pay for. The answer gives the one row and says what the other document writes of it."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.citations import CitationBook
from assistant.class_index import ClassIndex
from assistant.figures import graded
from assistant.passage_answers import PassageAnswers
from assistant.passages import stem
from assistant.query import QueryAnalysis
from assistant.retrieve import ChunkLibrary
from assistant.row_keys import row_keys
from index.store import ScoredChunk
from index.structure import normalise_title
from index.types import Chunk, ClassRecord

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
        known = self._catalogued.get(key, set())
        for source in self._writing(title, known, analysis, _MAX_NAMESAKES):
            found += self._read(analysis, title, source, book)
        return found

    def of_grade(self, analysis: QueryAnalysis, book: CitationBook) -> tuple[list[str], list[str]]:
        """For a salary asked of a pay-table row by its grade alone ("the Band 1 salary"),
        what the other documents that write that grade ("Band 1") state of it: their lines
        that state a salary, and the first line of each of the others that names the grade,
        said to state none. Nothing when the question names a place, a code or a class."""
        if analysis.jurisdictions or analysis.codes or "salary" not in analysis.intents:
            return [], []
        keys = [(k, v) for k, v in row_keys(analysis.question) if k.isalpha()]
        if len(keys) != 1:
            return [], []
        [(key, value)] = keys
        if not all(_row_of(r, value, analysis.question) for r in analysis.classes):
            return [], []
        grade = f"{key.capitalize()} {value}"
        known = {r.source for r in analysis.classes} | {c.source for c in book.citations}
        stated: list[str] = []
        unstated: list[str] = []
        # "Band 1" alone, not a span of grades ("Band 1–2")
        phrase = re.compile(_phrase(grade).pattern + r"(?!\s*[-–—]\s*\d)", re.IGNORECASE)
        for source in self._writing(grade, known, analysis, _MAX_NAMESAKES, phrase):
            lines = self._read(analysis, grade, source, book)
            if lines:
                stated += lines
                continue
            # The first line that writes the grade (a passage may write it across two lines).
            written = (
                (chunk, line)
                for chunk in self._library.of_source(source)
                for line in chunk.text.splitlines()
                if phrase.search(line)
            )
            first = next(written, None)
            if first is not None:
                quote = self._passages.quote_sentence(first[0], first[1].strip(), book)
                unstated.append(f"No salary is stated for {grade} in {quote}")
        return stated, unstated

    def _writing(
        self,
        title: str,
        known: set[str],
        analysis: QueryAnalysis,
        limit: int,
        phrase: re.Pattern[str] | None = None,
    ) -> list[str]:
        """The first documents by name, at most `limit`, other than the known ones and those
        the question rules out by naming others, that write the title as whole words (not
        "... Technician II" for "... Technician I"). Only the
        passages holding every word of it are read, of the documents holding them all: at
        10,000 standards the words of a common title are together in hundreds of documents,
        thousands of passages, and it is written in a few of them."""
        words = [stem(w) for w in re.findall(r"[a-z0-9]+", title.lower())]
        if not words:
            return []
        holding = set.intersection(*(self._passages.reader.sources_of(w) for w in words)) - known
        if not holding:
            return []
        phrase = phrase or _phrase(title)
        candidates = self._library.holding_keywords_of(title)

        def passages(source: str) -> Sequence[Chunk]:
            if candidates is None:
                return self._library.of_source(source)
            return candidates.get(source, ())

        writing = (
            source
            for source in sorted(holding)
            if analysis.allows(source) and any(phrase.search(c.text) for c in passages(source))
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
                    # The citations of lines left out close the list: they go with them.
                    marks = re.findall(r"\[(\d+)\]", "\n".join(stated))
                    last = max((int(m) for m in marks), default=len(trial.citations))
                    book.citations = trial.citations[: max(last, len(book.citations))]
                    return stated
        return []


def _row_of(record: ClassRecord, grade: str, question: str) -> bool:
    """Whether a class is a row of the grade asked that the question does not name by its
    title ("SCS" of "the Band 1 salary")."""
    return graded(record, grade) and _phrase(record.title).search(question) is None


def _phrase(title: str) -> re.Pattern[str]:
    """The title as whole words, however spaced."""
    spaced = r"\s+".join(re.escape(w) for w in title.split())
    return re.compile(rf"(?<![\w-]){spaced}(?![\w-])", re.IGNORECASE)

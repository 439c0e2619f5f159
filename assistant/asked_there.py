"""The words that name a document but ask something of it instead, indexed by word.

"library" of a document titled "... Library Assistant I/II/III" whose rows read "Library
Assistant I 687 712 739" names what is asked there, not the document. What each document writes
to say so is read once, when the assistant's state is derived (kept by the start-up snapshot),
and inverted: a question then looks up its few words, instead of reading every document a word
of it names (a place names hundreds of documents at 10,000 standards)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from assistant.class_headings import ClassHeadings
from assistant.passages import stem, stems
from assistant.reader import PAY_NOUNS, pay_element_stems
from assistant.retrieve import ChunkLibrary
from assistant.scope import field_words
from index.vocab import asked_labels

# The words of the labels that questions ask for by other words ("reports", "location").
LABEL_STEMS = frozenset(
    stem(w) for labels in asked_labels().values() for label in labels for w in label.split()
)
_NONE: frozenset[str] = frozenset()
# What a title sets in parentheses: "Deputy Sheriff II - job posting (annual salary, duties)".
_PARENTHESES = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True)
class _AskingWords:
    """The stems by which one document asks something of itself (see AskedThere.asked)."""

    fields: frozenset[str]  # open its rows of figures or label its values
    headings: frozenset[str]  # head its blocks with a class the title describes
    pay: frozenset[str]  # pay other than the base rate its title's description lists
    written: frozenset[str]  # asking words its title's description and its text both write


class AskedThere:
    """Of the words naming documents, those that ask something of them instead, by word."""

    def __init__(self, library: ChunkLibrary, headings: ClassHeadings) -> None:
        self._library = library
        self._headings = headings
        self._of: dict[str, _AskingWords] = {}  # document -> its words
        self._holding: dict[str, dict[str, set[str]]] = {}  # kind -> stem -> documents

    def prepare(self, previous: AskedThere | None = None, changed: Collection[str] = ()) -> None:
        """Read each document's words and index them (kept by the start-up snapshot). A
        prepared index of an earlier library (previous) gives those of each document not
        changed since: only the changed documents are read again."""
        known = previous._of if previous is not None else {}
        kept = {source: words for source, words in known.items() if source not in changed}
        self._of = {s: kept[s] if s in kept else self._read(s) for s in self._library.sources()}
        self._holding = {
            kind: _inverted((source, getattr(words, kind)) for source, words in self._of.items())
            for kind in ("fields", "headings", "pay", "written")
        }

    def asked(self, documents: Collection[str], names: set[str]) -> set[str]:
        """The words of names (those naming these documents) that ask something there
        instead; the others name the documents."""
        if not self._holding:
            self.prepare()

        def held(kind: str, words: Iterable[str]) -> set[str]:
            holding = self._holding[kind]
            return {w for w in words if not holding.get(w, _NONE).isdisjoint(documents)}

        # A word that opens its rows of figures or labels its values ("FLSA" of "FLSA: Non-
        # Exempt"), or heads a block of a page of openings ("MECHANIC"): it names the class
        # or the field there, not the document.
        asked = held("fields", names) | held("headings", names)
        # "shift premiums" of a release titled "... - ..., shift and weekend premiums ...": pay
        # other than the base rate that a title's description lists is what is asked of it,
        # when the question names such pay by its noun ("premiums"; not "education" of a
        # "Higher Education Worker").
        pay = held("pay", names)
        if pay & PAY_NOUNS:
            asked |= pay
        # "report" of a description titled "Custodian - job description (..., reporting line,
        # ...)" whose text says "This job reports to Immediate Supervisor", "minimum age" of
        # "Deputy Sheriff II - job posting (..., minimum age, ...)" whose text says "The
        # Minimum Age for Peace Officers ...": a label's word, or a word of the list of what
        # the document holds, that only the title's description and the text write asks for
        # that text, when other words of the question still name the document.
        written = held("written", names)
        if names - asked - written:
            asked |= written
        return asked

    def _read(self, source: str) -> _AskingWords:
        """What one document writes to ask something of itself."""
        chunks = self._library.of_source(source)
        described = self._headings.described(source)
        # A label's word, or any word of the list in parentheses by which the description
        # says what the document holds ("(annual salary, duties, minimum age, ...)").
        listed = described & stems(" ".join(_PARENTHESES.findall(chunks[0].doc_title)))
        asking = (described & LABEL_STEMS) | listed
        text = {w for c in chunks for w in stems(c.text)} if asking else set()
        return _AskingWords(
            fields=field_words(chunks),
            headings=frozenset(self._headings.words(source)),
            pay=frozenset(described & pay_element_stems()),
            written=frozenset(asking & text),
        )


def _inverted(words_of: Iterable[tuple[str, frozenset[str]]]) -> dict[str, set[str]]:
    """Each stem with the documents holding it."""
    holding: dict[str, set[str]] = {}
    for source, words in words_of:
        for word in words:
            holding.setdefault(word, set()).add(source)
    return holding

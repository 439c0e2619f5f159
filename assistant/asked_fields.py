"""Each field a question asks by its label. "Pay type, contract work year and who do they report
to?" of a job description that writes "Pay Type: ...", "Contract Work Year: ..." and "Reports To:
..." is answered by all three lines, not only by the one that scored best.

A question is cut into its parts at commas and "and"; each part is matched against the labels
of the one document the answer quotes, by the words the part asks with (and by the labels a
question word stands for: "where" asks for a location). A part's best label adds its line when
the answer does not quote it yet. Only a document that states one class is read so: in a
document of several classes, a label's line may belong to another class than the one asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from assistant.citations import CitationBook
from assistant.drafts import Draft
from assistant.line_marks import with_value_below
from assistant.passages import stem
from assistant.query import STOPWORDS
from assistant.quotes import passage_place, title_head
from assistant.retrieve import ChunkLibrary
from assistant.scope import value_label
from index.types import Chunk
from index.vocab import asked_labels

# Where a question passes from one thing it asks to the next.
_PARTS = re.compile(
    r",|;|\band\b|&|\bas well as\b|\bplus\b|\bcompared?\s+(?:with|to)\b|\bvs\b\.?|\bversus\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
# A part that opens with a preposition places the question ("In the 2017 table, ...", "Under
# the agreement, ..."): it asks for no field.
_PLACING = re.compile(
    r"^\s*(?:in|at|on|for|from|under|within|according to|as of|per|by)\b", re.IGNORECASE
)
# "Hours per week:" alone on its line, its value on the next line that holds text.
_BARE_LABEL = re.compile(r"^[A-Z][A-Za-z /&'()-]{1,40}:$")
_UNCOLONED_LABEL = re.compile(r"^[A-Z][A-Za-z/&'-]*(?: [A-Za-z/&'-]+){0,3}$")
# "| Closing date: | 13 February 2026 |": a label's cell, ended by a colon, and its value's.
_LABEL_CELLS = re.compile(r"\|\s*(?P<label>[A-Za-z][\w &/.(),'-]{1,40}?):\s*\|\s*[^|\s][^|]*\|")
# Words that ask how, or how many, never which field; and the nouns that stand for the class
# or the document asked about ("is the job exempt?"), never for a field of it.
_NOT_FIELDS = frozenset(
    {"many", "long", "often", "kind", "get", "need", "needs", "job", "jobs", "position"}
    | {"positions", "post", "posts", "role", "class", "classification", "vacancy", "title"}
    | {"specification", "description", "employee", "employees", "advert", "posting"}
)
# A label of more words than this is a heading or a sentence with a colon in it.
_MOST_LABEL_WORDS = 4
# A label answers a part of a question when that share of its words is asked at least.
_LEAST_SHARE = 0.5
# A level's numeral: "VI" of "Management Analyst VI".
_NUMERAL = re.compile(r"[ivx]{1,4}")
# At most this many lines are added to an answer.
_MOST_ADDED = 4


@dataclass(frozen=True)
class LabelledLine:
    """A value a document gives under a label, quoted as the document writes it."""

    chunk: Chunk
    quote: str
    label: frozenset[str]  # the label's word stems


def labelled_lines(chunks: Sequence[Chunk]) -> Iterator[LabelledLine]:
    """The labelled values of passages: "Label: value" lines (a "|" row's first cell is a
    label too), a bare "Label:" line with the line under it, and the "Label:" and value cells
    of "|" rows. A label that holds a figure, or more words than a label has, is not one."""
    for chunk in chunks:
        for line in chunk.text.splitlines():
            text = line.strip()
            found = [(c.group(0), c["label"]) for c in _LABEL_CELLS.finditer(text)]
            if not found and (label := value_label(text)):
                found = [(text, label)]
            if not found and _BARE_LABEL.match(text):
                whole = with_value_below(chunk.text, text)
                found = [(whole, text)] if whole != text else []
            if not found and _UNCOLONED_LABEL.match(text):
                # A job board's label with no colon over a short value with a figure: "Date
                # Posted" over "8/13/2025" (not "Contact" over a name, which may be a heading's
                # text, nor a heading over a labelled line: "SYS. POSN. NO: 1490000088").
                whole = with_value_below(chunk.text, text)
                below = whole[len(text) :]
                value = below.strip()
                short = len(value.split()) <= _MOST_LABEL_WORDS and ":" not in value
                found = [(whole, text)] if value and short and re.search(r"\d", value) else []
            for quote, label in found:
                words = _WORD.findall(label)
                if len(words) <= _MOST_LABEL_WORDS and not re.search(r"\d", label):
                    yield LabelledLine(chunk, quote, frozenset(_stems(words)))


def with_fields_asked(question: str, draft: Draft, library: ChunkLibrary) -> Draft:
    """The draft with the line of each field the question asks by its label that it does not
    quote yet (of a question that asks one thing, only a label its question words stand for:
    "is it permanent?" asks the "Status" line); the draft as it is when it abstains, or when it
    quotes more than one document or one that states several classes."""
    parts = _PARTS.split(question)
    quoted_one = one_document_quoted(draft, library)
    # A question of one part is read only for the labels its question words stand for ("is it
    # permanent?": "Status: Casual"; "when does it close?": "Closing date", not "Posting
    # date"); a label of its own words is the line it was answered by.
    one_part = len(parts) < 2
    if quoted_one is None:
        return draft
    chunks, classes = quoted_one
    # The words that name the class or the document ask for no field, and a label that holds
    # one names a class ("Building Codes Inspector I: ...").
    subject = _stems(
        _WORD.findall(" ".join([*classes, *(title_head(c.doc_title) for c in chunks[:1])]))
    )
    lines = [x for x in labelled_lines(chunks) if not x.label & subject]
    quoted = " ".join(" ".join(c.quote for c in draft.citations).split())
    taken: set[str] = set()
    book = CitationBook()
    book.citations = list(draft.citations)
    added: list[str] = []
    for part in parts:
        if _PLACING.match(part):
            continue
        candidates = [x for x in lines if x.quote not in taken]
        if one_part:
            candidates = [x for x in candidates if x.label & _mapped(part)]
        best = _best_label(_asked(part) - subject, candidates)
        if best is None:
            continue
        taken.add(best.quote)
        if " ".join(best.quote.split()) not in quoted and len(added) < _MOST_ADDED:
            added.append(_quoted(best, book))
    if not added:
        return draft
    return replace(draft, text="\n".join([draft.text, *added]), citations=tuple(book.citations))


def one_document_quoted(
    draft: Draft, library: ChunkLibrary
) -> tuple[Sequence[Chunk], set[str]] | None:
    """The passages and the classes of the one document a draft quotes, when it states one
    class at most (in a document of several, a line may be another class's); None when the
    draft abstains or quotes several documents."""
    sources = {c.source for c in draft.citations}
    if draft.abstained or draft.unsure or len(sources) != 1:
        return None
    chunks = library.of_source(sources.pop())
    classes = {name for c in chunks for name in c.classes}
    return (chunks, classes) if len(classes) <= 1 else None


def _stems(words: Sequence[str]) -> set[str]:
    """The stems of words that may name a field: not the little words, nor a level's
    numeral ("VI")."""
    return {
        stem(w)
        for w in (w.lower() for w in words)
        if w not in STOPWORDS and not _NUMERAL.fullmatch(w)
    }


def _asked(part: str) -> set[str]:
    """The stems a part of a question asks with, and the label words its question words stand
    for ("where": location)."""
    words = [w.lower() for w in _WORD.findall(part) if w.lower() not in _NOT_FIELDS]
    return _stems(words) | _mapped(part)


def _mapped(part: str) -> set[str]:
    """The stems of the label words a part's question words stand for ("where": location)."""
    by_word = asked_labels()
    words = [w.lower() for w in _WORD.findall(part)]
    return {stem(label) for word in words for label in by_word.get(word, ())}


def _best_label(asked: set[str], lines: Sequence[LabelledLine]) -> LabelledLine | None:
    """The line whose label holds most of the words asked, then the one whose label is most
    made of them; None when no label is made of them by half at least."""
    scored = [
        (len(x.label & asked), len(x.label & asked) / len(x.label), -n, x)
        for n, x in enumerate(lines)
        if x.label and len(x.label & asked) >= len(x.label) * _LEAST_SHARE
    ]
    return max(scored, key=lambda s: s[:3])[3] if scored else None


def _quoted(line: LabelledLine, book: CitationBook) -> str:
    """'Document, Section: "the line" [n]': not quotes.quoted, which cites the row above a
    "| Label: | value |" cell as its columns."""
    where = passage_place(line.chunk, place=False)
    return f'{where}: "{" ".join(line.quote.split())}" {book.cite_chunk(line.chunk, line.quote)}'

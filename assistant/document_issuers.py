"""Who issued a document: "Which county published the Accounting Specialist job description?",
"which university are these pay scales from?", "Which municipality is advertising the Municipal
Manager position?". The answer is the place its index knows the document by (its manifest entry,
or the place its text names), with the line of the document that names it; a document that
names none is said to name none, never placed by the job board that carried it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.citations import CitationBook
from assistant.class_index import place_words
from assistant.drafts import Draft, abstain
from index.types import Chunk

# The kinds of issuer a question asks for, in the singular: a question about one document.
_ISSUERS = (
    r"county|city|town|township|village|borough|municipality|state|province|country|"
    r"university|college|school\s+district|district|employer|organi[sz]ation|institution|"
    r"council|authority|(?:government\s+)?(?:department|ministry|agency)|government"
)
# What an issuer does with a document: published, posted, issued, is hiring, set, adopted;
# employs the one post it offers ("Which state employs peer specialists?" asks of every
# document, not of one's issuer).
_ISSUING = (
    r"publish|post|issu|hir|advertis|set|adopt|approv"
    r"|employs?\s+(?:the|this|that)\b(?!\s+(?:most|more|fewest|least|largest)\b)"
)
_AUXILIARY = r"(?:is|are|was|were|has|had|did|does|do)\s+"
# "Which county published ...", "which city is hiring for ...".
_ISSUER_DOES = re.compile(
    rf"^\s*(?:which|what)\s+(?P<noun>{_ISSUERS})\s+(?:{_AUXILIARY})?(?:{_ISSUING})\w*\b",
    re.IGNORECASE,
)
# "Which university are these pay scales from?"
_ISSUER_FROM = re.compile(
    rf"^\s*(?:which|what)\s+(?P<noun>{_ISSUERS})\s+{_AUXILIARY}(?:this|these|that|those|the)\b"
    r".*\bfrom\s*\??\s*$",
    re.IGNORECASE,
)


# Issuers that are a body within a place, not the place: a state's department of its own name.
_BODIES = ("department", "ministry", "agency")
# A body named: "Department of Administration", "Ministry of Health", "Health Department".
_DETERMINERS = r"(?:the|this|that|each|every|our|your|its|a|an|any|such)"


def issuer_asked(question: str) -> str | None:
    """The kind of issuer a question asks a document's of ("county"), if it asks one."""
    match = _ISSUER_DOES.search(question) or _ISSUER_FROM.search(question)
    return re.sub(r"\s+", " ", match.group("noun").lower()) if match else None


def names_a_body(kind: str) -> bool:
    """Whether the issuer asked is a body within a place ("government department"), which the
    place itself does not name."""
    return kind.split()[-1] in _BODIES


def body_line(kind: str, chunks: Sequence[Chunk]) -> tuple[Chunk, str] | None:
    """The first line of a document's passages that names a body of the kind asked by its own
    name ("Kansas Department of Administration", "MINISTRY OF EDUCATION"), with its passage;
    "The Department is responsible ..." names none."""
    named = _own_name(kind)
    for chunk in chunks:
        for line in chunk.text.splitlines():
            # A line in capitals is read as its words capitalised.
            if named.search(line if not line.isupper() else line.title()):
                return chunk, line.strip()
    return None


def _own_name(kind: str) -> re.Pattern[str]:
    """A body of the kind named by its own name: "Department of Administration", "Mareeba Shire
    Council"; not "the Department", "a local council"."""
    noun = kind.split()[-1].title()
    return re.compile(
        rf"\b{noun}\s+(?i:of|for)\s+(?i:the\s+)?[A-Z]"
        rf"|(?<![\w-])(?!(?i:{_DETERMINERS})\b)[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)*\s+{noun}\b"
    )


def describes_unnamed(kind: str, place: str) -> bool:
    """Whether the place a document is indexed under describes an issuer of the kind asked
    without naming one: "An unnamed local council in Australia", "Not named - a school
    district" (written in lower case, never by its own name)."""
    outer = re.sub(r"\([^)]*\)", " ", place)
    noun = kind.split()[-1]
    writes = re.search(rf"\b{noun}\b", outer, re.IGNORECASE)
    return bool(writes) and not _own_name(kind).search(outer)


def naming_line(place: str, chunks: Sequence[Chunk]) -> tuple[Chunk, str] | None:
    """The first line of a document's passages that names its place ("YAKIMA COUNTY,
    WASHINGTON" of "Yakima County, Washington"), with its passage; None when none does."""
    words = place_words(place)
    if not words:
        return None
    for chunk in chunks:
        for line in chunk.text.splitlines():
            if words & set(re.findall(r"[a-z]+", line.lower())):
                return chunk, line.strip()
    return None


def issuer_answer(
    kind: str,
    chunk: Chunk,
    passages: Sequence[Chunk],
    quote: Callable[[Chunk, str, CitationBook], str],
) -> Draft:
    """The issuer asked of a passage's document (its passages given): its place, with the line
    of it that names the place, or said to be the index's record of it when no line does; a
    body named by its own line; else that the document names none, with its first line."""
    book = CitationBook()
    if names_a_body(kind):  # "which department set ...": a body its line names, or none
        place, unnamed, named = "", False, body_line(kind, passages)
    else:
        place = chunk.jurisdiction or ""
        # (A place that only describes one, "An unnamed US city's police department", is
        # named by no line: its words are "police" and "unnamed".)
        unnamed = describes_unnamed(kind, place)
        named = naming_line(place, passages) if place and not unnamed else None
    if named is not None:
        quoted = quote(*named, book)
        return Draft(f"{place}: {quoted}" if place else quoted, tuple(book.citations), False)
    # Its first line that writes a word ("|" of a flattened page says nothing).
    worded = (
        (passage, line.strip())
        for passage in passages
        for line in passage.text.splitlines()
        if re.search(r"[^\W\d_]{3}", line)
    )
    quoted = quote(*next(worded, (passages[0], passages[0].text)), book)
    if place and unnamed:
        return abstain(
            book,
            f"The sources do not name the {kind}: the document names none, and the index "
            f"records it as {place}. {quoted}",
        )
    if place:
        recorded = f"{place}, as the index records the document; its text does not name it:"
        return Draft(f"{recorded} {quoted}", tuple(book.citations), abstained=False)
    return abstain(book, f"The sources do not name the {kind}: the document names none. {quoted}")

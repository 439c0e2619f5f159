"""A composed answer before timing, as every composer returns it."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.citations import CitationBook
from assistant.types import Citation


@dataclass(frozen=True)
class Draft:
    """A composed answer before timing: text with [n] markers and its citations."""

    text: str
    citations: tuple[Citation, ...]
    abstained: bool
    classes: tuple[str, ...] = ()
    # An abstention that means only that no line was read as the answer (no class known, no
    # line of the field asked found): the passage nearest to the question is worth showing.
    unsure: bool = False


def abstain(book: CitationBook, message: str = "The sources do not say.") -> Draft:
    """Say plainly that the sources do not hold it, with what the book has cited so far."""
    return Draft(message, tuple(book.citations), abstained=True)


def found_no_line(book: CitationBook, message: str) -> Draft:
    """Say that no line was read as the answer, which is not that the sources lack it."""
    return Draft(message, tuple(book.citations), abstained=True, unsure=True)

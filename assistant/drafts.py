"""A composed answer before timing, as every composer returns it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

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
    # No line answers, and the passage nearest to the question is shown whole in its stead.
    nearest_only: bool = False
    # An abstention the document's own rows settle (a thing its table states for other classes
    # only): no general passage answers instead.
    settled: bool = False


def abstain(book: CitationBook, message: str = "The sources do not say.") -> Draft:
    """Say plainly that the sources do not hold it, with what the book has cited so far."""
    return Draft(message, tuple(book.citations), abstained=True)


def found_no_line(book: CitationBook, message: str) -> Draft:
    """Say that no line was read as the answer, which is not that the sources lack it."""
    return Draft(message, tuple(book.citations), abstained=True, unsure=True)


def merged(drafts: Sequence[Draft]) -> Draft:
    """Answers one after the other, their citations numbered on from one to the next."""
    texts: list[str] = []
    citations: list[Citation] = []
    for draft in drafts:
        texts.append(_numbered_from(draft.text, len(citations)))
        citations += draft.citations
    classes = tuple(dict.fromkeys(c for d in drafts for c in d.classes))
    return replace(
        drafts[0],
        text="\n\n".join(texts),
        citations=tuple(citations),
        abstained=False,
        classes=classes,
        unsure=False,
    )


def _numbered_from(text: str, offset: int) -> str:
    """A text's citation markers moved on by offset: "[1]" is "[4]" after three citations."""
    return re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + offset}]", text)

"""A heading with nothing under it answers nothing. A posting cut short, or a form left blank,
ends on "Eligibility/Other Requirements:" or "ESSENTIAL DUTIES": quoted as the answer to "what are
the eligibility requirements?", it would say that the sources state them. The answer says instead
that the document has the heading and nothing under it, cited, and abstains."""

from __future__ import annotations

import re

from assistant.citations import CitationBook
from assistant.drafts import Draft
from assistant.retrieve import ChunkLibrary
from assistant.types import Citation

# A heading: a line that ends with a colon, or a short line of capitals, with no figure.
_HEADING_WORDS = 8
# How far above a heading the line that places it may be.
_PLACING_LINES = 3


def without_empty_headings(draft: Draft, library: ChunkLibrary) -> Draft:
    """The draft, or an abstention when every line it quotes is a heading that ends its
    document: nothing follows it in its passage, and no passage of the document comes after
    it."""
    if draft.abstained or not draft.citations:
        return draft
    headings = [c for c in draft.citations if _heads_nothing(c, library)]
    # The line quoted to say where a heading stands ('under "· packing services"') is no
    # answer of its own.
    others = [c for c in draft.citations if c not in headings]
    placing = [c for c in others if _just_above(c, headings, library)]
    if not headings or len(headings) + len(placing) < len(draft.citations):
        return draft
    book = CitationBook()
    named = dict.fromkeys(f'"{" ".join(c.quote.split())}" {book.cite(c)}' for c in headings)
    heading, it = ("headings", "them") if len(named) > 1 else ("heading", "it")
    text = (
        f"The sources do not say: the document ends on the {heading} "
        f"{' and '.join(named)}, with nothing under {it}."
    )
    return Draft(text, tuple(book.citations), abstained=True, classes=draft.classes)


def _heads_nothing(citation: Citation, library: ChunkLibrary) -> bool:
    lines = [x.strip() for x in citation.quote.splitlines() if x.strip()]
    if not lines or not all(_is_heading(x) for x in lines):
        return False
    chunk = library.containing(citation.source, citation.quote)
    if chunk is None:
        return False
    after = chunk.text[chunk.text.index(citation.quote) + len(citation.quote) :]
    later = any(c.position > chunk.position for c in library.of_source(citation.source))
    return not after.strip() and not later


def _just_above(citation: Citation, headings: list[Citation], library: ChunkLibrary) -> bool:
    """Whether a quote is of the lines just above one of the headings, in its passage."""
    for heading in headings:
        chunk = library.containing(heading.source, heading.quote)
        if chunk is None or citation.source != heading.source:
            continue
        before = chunk.text[: chunk.text.index(heading.quote)]
        near = " ".join(" ".join(before.strip().splitlines()[-_PLACING_LINES:]).split())
        quote = " ".join(citation.quote.split())
        if quote and quote in near:
            return True
    return False


def _is_heading(line: str) -> bool:
    words = re.findall(r"[A-Za-z]+", line)
    if not words or len(words) > _HEADING_WORDS or re.search(r"\d", line):
        return False
    return line.endswith(":") or all(w.isupper() for w in words)

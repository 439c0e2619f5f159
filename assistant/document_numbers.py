"""The number a document gives itself: "What is the number of the resolution that set the
step schedule?" is answered by the line "RESOLUTION NO. 051-06", "the statutory instrument
number of the pay order" by "S.I. No. 441/1994". The kind of document the question names is
looked for, written out or by its initials, before "No." or "Number" and an identifier."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.types import Chunk

# The kinds of document that number themselves.
_KINDS = (
    "statutory instrument|resolution|by-?law|ordinance|order|regulation|determination|"
    "circular|bulletin|memorandum|directive|announcement|advertisement|advert|requisition|notice|"
    "award|posting|vacancy|competition"
)
# "the number of the Port Orchard resolution", "the statutory instrument number of ...".
_ASKED = re.compile(
    rf"\bnumber\s+of\s+(?:the\s+|this\s+|that\s+)?(?:[\w'.-]+\s+){{0,4}}?(?P<after>{_KINDS})\b"
    rf"|\b(?P<before>{_KINDS})\s+(?:number|no\b|#)",
    re.IGNORECASE,
)
# A number the question writes itself: "Order No. 1005", "Notice No. 003/2024".
_WRITTEN_NUMBER = re.compile(r"(?:\bno\b|\bnumber\b|#)\s*\.?\s*:?\s*[a-z]{0,3}\d", re.IGNORECASE)
# An identifier: letters, figures and separators, one figure at least ("051-06", "441/1994").
_IDENTIFIER = r"(?P<number>[A-Z0-9][\w./-]*\d[\w/-]*)"


def number_asked(question: str) -> str | None:
    """The kind of document whose own number a question asks for ("resolution"), if any."""
    match = _ASKED.search(question)
    if not match or _WRITTEN_NUMBER.search(question):
        return None  # "in Municipal Order No. 1005": the document named by its number
    return (match.group("after") or match.group("before")).lower()


def numbering_lines(kind: str, chunks: Sequence[Chunk]) -> list[tuple[Chunk, str]]:
    """The lines of these passages that give a document of that kind its number, each with its
    passage: the kind written out or by its initials ("S.I."), then "No." or "Number"."""
    words = re.findall(r"[a-z]+", kind.replace("-", ""))
    written = r"[\s-]*".join(re.escape(w) for w in words) if words != ["bylaw"] else r"by-?law"
    initials = r"\.?\s?".join(w[0] for w in words) + r"\.?" if len(words) > 1 else None
    named = f"(?:{written}|{initials})" if initials else written
    # The kind may be run into the word before it in capitals ("AssistantRESOLUTION .NO.").
    start = r"(?:\b|(?<=[a-z])(?-i:(?=[A-Z])))"
    pattern = re.compile(
        rf"{start}{named}\s*\.?\s*(?:No|Number|#)\s*\.?\s*:?\s*{_IDENTIFIER}", re.IGNORECASE
    )
    found: list[tuple[Chunk, str]] = []
    for chunk in chunks:
        for line in chunk.text.splitlines():
            if pattern.search(line):
                found.append((chunk, line.strip()))
    return found

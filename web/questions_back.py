"""A question back ("Which class do you mean?") narrowed to the page's filters, with its choices."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from assistant.types import Answer, Citation
from index.types import ClassRecord

# How the composer opens a question back. The Answer carries no flag for it yet, so the page
# knows one by these words and the classes it names (see the hand-over note of issue 10).
ASKS_BACK = "Which class do you mean?"
_OPTION = re.compile(r"^(?P<label>.+?)(?: \[(?P<number>\d+)\])?$")


@dataclass(frozen=True)
class Choice:
    """One class a question back offers: its title, how the answer names it, its citation."""

    title: str
    label: str
    citation: Citation | None


def asks_back(answer: Answer) -> bool:
    return answer.text.startswith(ASKS_BACK) and len(answer.classes) > 1


def choices_of(answer: Answer) -> list[Choice]:
    """The classes a question back lists, in its order ("Title (Place) [n]; ...")."""
    _, _, listed = answer.text.partition(": ")
    choices = []
    for option in listed.rstrip(".").split("; "):
        found = _OPTION.match(option.strip())
        if not found:
            continue
        label = found["label"]
        title = next((t for t in answer.classes if label == t or label.startswith(f"{t} (")), None)
        if title is None:
            continue
        number = int(found["number"]) if found["number"] else 0
        cited = answer.citations[number - 1] if 1 <= number <= len(answer.citations) else None
        choices.append(Choice(title, label, cited))
    return choices


def _allowed(
    choice: Choice, records: Sequence[ClassRecord], jurisdiction: str, source: str
) -> bool:
    return any(
        r.title == choice.title
        and (not jurisdiction or r.jurisdiction == jurisdiction)
        and (not source or r.source == source)
        and (not r.jurisdiction or f"({r.jurisdiction})" in choice.label)
        for r in records
    )


def narrowed(
    answer: Answer, catalog: Iterable[ClassRecord], jurisdiction: str = "", source: str = ""
) -> tuple[Answer, tuple[str, ...]]:
    """The question back with only the classes the filters allow, renumbered, and their titles
    (the buttons that ask again); any other answer as it is, with no choices."""
    if not asks_back(answer):
        return answer, ()
    records = list(catalog)
    offered = choices_of(answer)
    kept = [c for c in offered if _allowed(c, records, jurisdiction, source)]
    if not jurisdiction and not source:
        kept = offered
    where = " and ".join(filter(None, (jurisdiction, source)))
    if not kept:
        others = "; ".join(c.label for c in offered)
        text = (
            f"Your question matches no class in {where}. It matches {others}. "
            "Choose “All jurisdictions” and “All documents” above to ask about them."
        )
        return replace(answer, text=text, citations=(), classes=()), ()
    if len(kept) == len(offered):
        return answer, tuple(c.title for c in kept)
    citations: list[Citation] = []
    parts = []
    for choice in kept:
        if choice.citation is None:
            parts.append(choice.label)
            continue
        citations.append(choice.citation)
        parts.append(f"{choice.label} [{len(citations)}]")
    text = f"{ASKS_BACK} In {where}, your question matches: {'; '.join(parts)}."
    titles = tuple(c.title for c in kept)
    return replace(answer, text=text, citations=tuple(citations), classes=titles), titles

"""Pure scoring functions: fact matching with normalised numbers, citations, abstention,
invented numbers, retrieval ranks, percentiles. No model, no I/O."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

from index.load import unescape_symbols

_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2012]")
_SPACE = re.compile(r"\s+")
_DOLLAR_BEFORE_DIGIT = re.compile(r"\$\s*(?=\d)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_CITATION_MARKER = re.compile(r"\[\d+(?:\s*[,\-–]\s*\d+)*\]")
# A figure: an optional short letter prefix (A12, GS-5) and digits with thousands and decimals.
# A figure, with the letters of a code before it ("A12", "GS-7"); a currency sign glued to the
# word before it ("Librarian I$37,293") starts an amount, not a code.
_NUMBER = re.compile(
    r"(?<![A-Za-z0-9.,])(?:[A-Za-z]{1,2}-?(?=\d))?(?:\$\s?)?\d+(?:,\d{3})*(?:\.\d+)?"
    r"|(?<=[A-Za-z])\$\s?\d+(?:,\d{3})*(?:\.\d+)?"
)


def as_written(text: str) -> str:
    """Lenient only about case, whitespace, dash style and markdown escapes."""
    return _SPACE.sub(" ", _DASHES.sub("-", unescape_symbols(text))).strip().lower()


def normalise(text: str) -> str:
    """as_written, plus number formats: "$30,840" == "30,840" == "30840"."""
    return _THOUSANDS.sub("", _DOLLAR_BEFORE_DIGIT.sub("", as_written(text)))


def _occurs(needle: str, haystack: str) -> bool:
    """needle in haystack, not as part of a longer word or number ("A1" is not in "A12")."""
    if not needle:
        return False
    head = r"(?<![a-z0-9])" if needle[0].isalnum() else ""
    tail = r"(?![a-z0-9])" if needle[-1].isalnum() else ""
    return re.search(head + re.escape(needle) + tail, haystack) is not None


def contains_fact(text: str, fact: str) -> bool:
    """The fact occurs in the text, numbers compared by value ("$46,798" matches "46798")."""
    return _occurs(normalise(fact), normalise(text))


def contains_fact_as_written(text: str, fact: str) -> bool:
    """The fact occurs with the source's own number format ("$46,798", not "46798")."""
    return _occurs(as_written(fact), as_written(text))


def facts_found(text: str, expected: Sequence[str]) -> list[str]:
    return [fact for fact in expected if contains_fact(text, fact)]


def fact_recall(text: str, expected: Sequence[str]) -> float | None:
    """Share of expected facts in the text; None when nothing is expected."""
    if not expected:
        return None
    return len(facts_found(text, expected)) / len(expected)


def exact_match(text: str, expected: Sequence[str]) -> bool | None:
    """Every expected fact is in the text exactly as the source writes it."""
    if not expected:
        return None
    return all(contains_fact_as_written(text, fact) for fact in expected)


def document_cited(cited_sources: Sequence[str], expected_sources: Sequence[str]) -> bool | None:
    """Whether the answer cites one of the documents that hold its answer; None when the case
    names none."""
    if not expected_sources:
        return None
    return bool(set(cited_sources) & set(expected_sources))


def citation_precision(quotes: Sequence[str], expected: Sequence[str]) -> float | None:
    """Share of cited quotes that hold at least one expected fact."""
    if not quotes or not expected:
        return None
    return sum(any(contains_fact(q, f) for f in expected) for q in quotes) / len(quotes)


def fact_support(text: str, quotes: Sequence[str], expected: Sequence[str]) -> float | None:
    """Of the expected facts the answer states, the share that a cited quote really contains."""
    stated = facts_found(text, expected)
    if not stated:
        return None
    return sum(any(contains_fact(q, f) for q in quotes) for f in stated) / len(stated)


def numbers_in(text: str) -> set[str]:
    """Figures in a text, normalised: "$30,840" -> "30840", "a12" -> "A12"; markers [1] ignored."""
    found = set()
    for match in _NUMBER.finditer(_CITATION_MARKER.sub(" ", unescape_symbols(text))):
        token = re.sub(r"[\s$,]", "", match.group()).upper()
        if "." in token:
            token = token.rstrip("0").rstrip(".")
        found.add(token)
    return found


def invented_numbers(text: str, quotes: Iterable[str], given: Iterable[str] = ()) -> list[str]:
    """Figures in an answer that occur in none of its cited quotes nor in what the user gave
    (the question, earlier turns, the titles of the classes the answer is about)."""
    allowed: set[str] = set()
    for source in (*quotes, *given):
        allowed |= numbers_in(source)
    return sorted(numbers_in(text) - allowed)


def abstention_correct(abstained: bool, answer_absent: bool) -> bool:
    return abstained == answer_absent


def abstention_precision(pairs: Sequence[tuple[bool, bool]]) -> float | None:
    """Of the (abstained, answer_absent) cases where the system abstained, the share it should."""
    abstained = [absent for did, absent in pairs if did]
    return sum(abstained) / len(abstained) if abstained else None


def abstention_recall(pairs: Sequence[tuple[bool, bool]]) -> float | None:
    """Of the cases whose answer is absent from the sources, the share where it abstained."""
    absent = [did for did, should in pairs if should]
    return sum(absent) / len(absent) if absent else None


def retrieval_ranks(
    retrieved_sources: Sequence[str], expected_sources: Sequence[str], k: int
) -> dict[str, float | None]:
    """hit@1, hit@k, MRR and recall@k of the expected documents among the ranked passages."""
    if not expected_sources:
        return {"hit_at_1": None, "hit_at_k": None, "mrr": None, "recall_at_k": None}
    wanted = set(expected_sources)
    first = next(
        (rank for rank, source in enumerate(retrieved_sources, start=1) if source in wanted), None
    )
    top = set(retrieved_sources[:k])
    return {
        "hit_at_1": float(first == 1),
        "hit_at_k": float(first is not None and first <= k),
        "mrr": 1.0 / first if first else 0.0,
        "recall_at_k": len(wanted & top) / len(wanted),
    }


def context_recall(contexts: Sequence[str], expected: Sequence[str]) -> float | None:
    """Share of expected facts that occur in at least one retrieved passage."""
    if not expected or not contexts:
        return None
    return sum(any(contains_fact(c, f) for c in contexts) for f in expected) / len(expected)


def percentile(values: Sequence[float], p: float) -> float | None:
    """The p-th percentile (0-100), linearly interpolated; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * p / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def mean(values: Iterable[float | bool | None]) -> float | None:
    """Mean of the values that apply (None ones are skipped); None when none apply."""
    present = [float(v) for v in values if v is not None]
    return sum(present) / len(present) if present else None

"""A question's field words typed one slip away ("levle 2", "salray", "anual pay") read as the
field words they stand for, before the question is analysed: the words that name what is
asked and the rows of a table ("level", "grade", "step") are a small, known vocabulary."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

from assistant.passages import stem
from assistant.reader import question_words

# A slip of one letter is read only in words this long; a shorter word is read only when two
# letters changed places ("stpe").
_MIN_SLIP = 5
_MIN_SWAP = 4
# A typed word this frequent in English is a word of its own ("levee", "grace"), not a slip.
_RARE_ZIPF = 2.0


@cache
def _field_words() -> frozenset[str]:
    """The words that say what is asked or key a row: "salary", "level", "qualifications"."""
    return frozenset(w for w in question_words() if w.isalpha() and len(w) >= _MIN_SWAP)


def respelt_field_words(question: str, known: Collection[str] = ()) -> str:
    """The question with each word that is no word (not in English use, not `known`: the
    indexed titles' and places' words, nor written with a capital past the first word) and one
    slip from exactly one field word written as that word: "kenyon grade levle 2" -> "kenyon
    grade level 2"."""

    def respelt(match: re.Match[str]) -> str:
        typed = match.group(0)
        word = typed.lower()
        if typed[0].isupper() and match.start() > 0:
            return typed  # a capital inside the question writes a name ("Dr. Stepp"), no slip
        if word in _field_words() or word in known or zipf_frequency(word, "en") >= _RARE_ZIPF:
            return typed
        near = [f for f in _field_words() if _one_slip(word, f)]
        if len(near) != 1:
            return typed
        return near[0].capitalize() if typed[0].isupper() else near[0]

    return re.sub(r"[A-Za-z]{4,}", respelt, question)


def _one_slip(typed: str, word: str) -> bool:
    """Whether a typed word is a field word with one letter missing, added, changed or two
    letters swapped (only a swap in a short word)."""
    if abs(len(typed) - len(word)) > 1 or OSA.distance(typed, word) != 1:
        return False
    if len(typed) >= _MIN_SLIP:
        return True
    return sorted(typed) == sorted(word)  # "stpe": the same letters, two swapped


def respelt_keywords(keywords: tuple[str, ...], frequency: Mapping[str, int]) -> tuple[str, ...]:
    """The question's keywords, each that no indexed passage holds and no English use knows
    written as the one word the passages hold that it is one slip from ("trafic" -> "traffic"
    of a posting for a Traffic Warden); kept as typed when none or several are.
    frequency: how many passages hold each word stem."""

    def respelt(word: str) -> str:
        known = stem(word) in frequency or zipf_frequency(word, "en") >= _RARE_ZIPF
        if len(word) < _MIN_SLIP or not word.isalpha() or known:
            return word
        near = process.extract(word, frequency.keys(), scorer=OSA.distance, score_cutoff=1, limit=2)
        held = [n for n, _, _ in near if frequency[n] >= _HELD_TWICE and _one_slip(word, n)]
        return held[0] if len(held) == 1 else word

    return tuple(respelt(word) for word in keywords)


# A word the passages hold at least this often is one a slip may stand for.
_HELD_TWICE = 2

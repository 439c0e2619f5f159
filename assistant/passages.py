"""Pick the sentences of passages that answer a question's own words, weighted by rarity."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from index.types import Chunk
from index.vocab import spellings

_SUFFIXES = ("ions", "ion", "ing", "ed", "es", "s", "e")
_HELD_POST = re.compile(r"(?<=\w{3})(ant|ent|er|or|ar|ice|ee|ist)ships?$")
# Words people ask with -> words standards write (a small HR thesaurus).
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "report": ("supervision", "supervised", "supervisor", "direction", "directed"),
    "boss": ("supervision", "supervised", "supervisor", "direction", "directed"),
    "old": ("age",),
    "age": ("old",),
    "license": ("licensure", "licensed", "certificate"),
    "degree": ("bachelor", "education", "college"),
    "diploma": ("high school", "graduation"),
    "travel": ("driver", "vehicle"),
    "cdl": ("commercial driver",),
    # "FLSA status" is what "FLSA: Non-Exempt" states; "is X exempt?" what "FLSA
    # Classification: NE" does.
    "status": ("exempt", "nonexempt"),
    "exempt": ("flsa",),
    # "When did that take effect?": its effective date.
    "effect": ("effective",),
    # "How much weight must they lift?": in pounds or kilograms.
    "weight": ("pounds", "lbs", "kg", "kilograms"),
    # "What security clearance ...?": a posting may write the level alone ("Top Secret").
    "clearance": ("secret", "confidential", "public trust", "access authorization"),
    # "Is it eligible for overtime?": the FLSA status says so.
    "overtime": ("flsa", "exempt", "nonexempt"),
    # Whether a post is permanent, or a test compulsory, is said by the word for the other
    # case: "This is a temporary appointment", "Optional Irish Language Test".
    "permanent": ("temporary", "seasonal", "limited", "fixed", "contract"),
    "temporary": ("permanent", "seasonal", "limited", "fixed", "contract"),
    "seasonal": ("permanent", "temporary"),
    "compulsory": ("optional", "mandatory"),
    "mandatory": ("optional", "compulsory"),
    # "How many employees does Sitka have?": "Sitka employs 180 FTEs".
    "employees": ("employs", "employ", "staff", "ftes", "fte", "headcount"),
    "raise": ("increase",),
    # "How long is the job?": "Length of assignment:", its duration or term.
    "long": ("length", "duration", "term", "weeks", "months"),
    "raises": ("increase",),
    "rise": ("increase",),
}
_WORD = re.compile(r"[a-z0-9]+")
# An adverb of an adjective in "-al" is longer than this ("physically", "annually"; "really").
_ADVERB_LENGTH = 6
# Share of the question's (rarity-weighted) words a sentence must hold to count as an answer.
MIN_SHARE = 0.4


@lru_cache(maxsize=262_144)  # words recur endlessly; the vocabulary of a corpus is bounded
def stem(word: str) -> str:
    """A crude stem, enough to match "dated" with "Date", "certifies" with "certified",
    "located" with "Location" and "qualify" with "qualifies" (a final y after a consonant is an
    i: "salary", "salari"). A British spelling stems as the American one ("licence")."""
    word = word.lower()
    word = spellings().get(word, word)
    if word.endswith("ally") and len(word) > _ADVERB_LENGTH:
        word = word[:-2]  # "physically" asks what "physical" says
    # The post a student or trainee holds is its holder's: "assistantship" of "graduate
    # assistants", "traineeships" of "trainee" (not "township" of "town").
    word = _HELD_POST.sub(r"\1", word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word.endswith("y") and word[-2] not in "aeiouy":
        return word[:-1] + "i"
    return word


def stems(text: str) -> set[str]:
    lowered = text.lower()
    if "-" in lowered:  # "9-1-1" is written "911" too
        lowered = _DIGITS_SPELT.sub(lambda m: m.group(0).replace("-", ""), lowered)
    return {stem(w) for w in set(_WORD.findall(lowered))}


# A number written a digit at a time with hyphens: "9-1-1".
_DIGITS_SPELT = re.compile(r"\b\d(?:-\d){2,3}\b")


def words_held(words: Iterable[str], text: str) -> set[str]:
    """The words given that a text holds as people shorten, glue or mistype them: by stem,
    as the start of a word of at least _SHORTENED_AT letters ("sac" of "Sacramento", "oct"),
    glued from two words in a row ("lineworker" of "Line Worker"), or one letter off in a
    long word ("bargining")."""
    written = _WORD.findall(text.lower())
    own = {stem(w) for w in written}
    glued = {a + b for a, b in pairwise(written)}
    held: set[str] = set()
    for word in words:
        # "employed" of "employment": a long stem may start a word of another form.
        start = stem(word) if len(stem(word)) >= _STEM_STARTS else word
        shortened = len(word) >= _SHORTENED_AT and any(w.startswith(start) for w in written)
        if stem(word) in own or word in glued or shortened or _one_letter_off(word, written):
            held.add(word)
    return held


def echoes(line: str, question: str) -> bool:
    """Whether every word and figure of a line is one the question writes: "Class No. 2682"
    says back "the job title of Class No. 2682?" and states nothing of it."""
    said = {stem(w) for w in _WORD.findall(line.lower())}
    return bool(said) and said <= {stem(w) for w in _WORD.findall(question.lower())}


# A word this long may be the start of a longer one; this long, one letter off another.
_SHORTENED_AT = 3
_STEM_STARTS = 5
_MISTYPED_AT = 7


def _one_letter_off(word: str, written: Sequence[str]) -> bool:
    """Whether a long word is another with one letter dropped, added or changed."""
    if len(word) < _MISTYPED_AT:
        return False
    for other in written:
        if abs(len(other) - len(word)) > 1 or other[0] != word[0]:
            continue
        if len(other) == len(word) and sum(a != b for a, b in zip(word, other, strict=True)) == 1:
            return True
        shorter, longer = sorted((word, other), key=len)
        if len(shorter) < len(longer) and any(
            longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer))
        ):
            return True
    return False


def sentences(text: str) -> list[str]:
    """The sentences of a text, a line break ending one too; "e.g." or "No." ends none."""
    found: list[str] = []
    for line in text.split("\n"):
        found += split_sentences(line)
        found.append("")  # a line break ends a sentence
    return [s for s in found if s]


def split_sentences(line: str) -> list[str]:
    """A line's sentences, split after "." or ";". A period does not end a sentence after an
    abbreviation ("e.g.", "No.") nor before a word in lower case ("Washington, D.C.
    (headquarters) is 23.31 percent"), nor does a semicolon ("a starting salary of
    $39,661.44; after a successful probationary period ...")."""
    found: list[str] = []
    for part in re.split(r"(?<=[.;])\s+", line):
        part = part.strip()
        if not part:
            continue
        previous = found[-1] if found else ""
        runs_on = previous.endswith((".", ";")) and _LOWER_START.match(part)
        numbered = _LIST_NUMBER_END.search(previous)  # "... one of the following:- 1."
        if previous and (_ABBREVIATION_END.search(previous) or runs_on or numbered):
            found[-1] = f"{previous} {part}"
        else:
            found.append(part)
    return found


# The number of a list's item run into a sentence, after the colon that opens the list or
# after an item before it: "the following:- 1. Operational/Casework 2. Clerical support".
_LIST_NUMBER_END = re.compile(r"(?:[:;]-?\s*|\s\d{1,2}\.\s[^.;]{1,60}\s)\d{1,2}\.$")
# A sentence's rest after a period that did not end it: a word in lower case, bracketed or not.
_LOWER_START = re.compile(r"[(\[\"“']?[a-z]")


# Abbreviations that end with a period without ending the sentence; a time of day and a
# month shortened run on into the date after them ("until 8 p.m. Aug. 2.").
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|vs|no|nos|approx|incl|esp|cf|nr|st|dr|mr|mrs|ms|jr|sr|dept|mt|ft"
    r"|a\.m|p\.m|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.)$",
    re.I,
)


@dataclass(frozen=True)
class SentenceHit:
    chunk: Chunk
    sentence: str
    share: float


class Rarity:
    """Inverse document frequency of word stems over all passages."""

    def __init__(self, chunks: Iterable[Chunk]) -> None:
        self.frequency: Counter[str] = Counter()
        self.total = 0
        for chunk in chunks:
            self.frequency.update(stems(chunk.text))
            self.total += 1

    @classmethod
    def counted(cls, frequency: dict[str, int], total: int) -> Rarity:
        """The rarity of passages counted before: the start-up snapshot keeps the counts, as
        stemming every passage takes a second a thousand standards."""
        rarity = cls(())
        rarity.frequency.update(frequency)
        rarity.total = total
        return rarity

    def patched(self, gone: Iterable[Chunk], new: Iterable[Chunk]) -> Rarity:
        """The rarity over these passages less the gone ones, with the new ones."""
        rarity = Rarity.counted(self.frequency, self.total)
        for chunk in gone:
            rarity.frequency.subtract(stems(chunk.text))
            rarity.total -= 1
        for chunk in new:
            rarity.frequency.update(stems(chunk.text))
            rarity.total += 1
        rarity.frequency = Counter({s: n for s, n in rarity.frequency.items() if n > 0})
        return rarity

    def weight(self, word_stem: str) -> float:
        return math.log((self.total + 1) / (self.frequency[word_stem] + 0.5))

    def best_sentences(
        self, keywords: Sequence[str], chunks: Sequence[Chunk], limit: int = 3
    ) -> list[SentenceHit]:
        """Sentences holding at least MIN_SHARE of the keywords' weight, best first.

        A keyword found in no passage weighs most, so "can a CPS 2 work remotely?" finds
        nothing: "work" is everywhere and "remotely" nowhere.
        """
        # Each keyword is found by itself or a synonym, and weighs what its own rarity says.
        wanted = {
            stem(k): {stem(k)} | {stem(w) for s in _SYNONYMS.get(k, ()) for w in s.split()}
            for k in keywords
        }
        total = math.fsum(self.weight(s) for s in wanted)
        if not wanted or total <= 0:
            return []
        hits = []
        for chunk in chunks:
            for sentence in sentences(chunk.text):
                found = stems(sentence)
                weight = math.fsum(self.weight(s) for s, forms in wanted.items() if forms & found)
                if weight / total >= MIN_SHARE:
                    hits.append(SentenceHit(chunk, sentence, weight / total))
        hits.sort(key=lambda h: -h.share)
        # Keep only sentences nearly as good as the best: one good answer, not loose echoes.
        return [h for h in hits if h.share >= hits[0].share * 0.75][:limit] if hits else []

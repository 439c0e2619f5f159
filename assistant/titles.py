"""Find class titles and levels in a question: full titles with typos, shortened titles,
acronyms ("CPSS", "pw supervisor"), abbreviations ("bldg", "acct"), levels ("II", "2", "two")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate

from rapidfuzz import fuzz

from index.levels import LEVEL_TOKEN, LEVEL_WORDS, ROMAN_PATTERN, level_value
from index.types import ClassRecord
from index.vocab import intents

_LEVEL_JOINERS = ("and", "or", "to", "through", "vs", "versus")
# Short words that never abbreviate a title word or stand for its initials.
_NOT_ABBREVIATIONS = frozenset(
    "an as at be by do if in is it me my no of on or so to up us we and are can for how the "
    "was who why what does did its".split()
)


# Words that may stand before a bare head noun ("the supervisor", "a worker II").
_FUNCTION_WORDS = frozenset("a an the for about of to as is and or our your my their what".split())

# Everyday words that questions are written with. Written in lower case, such a word is the
# word, not the initials of a title: "salary range for Audit Specialist 4" does not name the
# Facilities Outreach Representative (FOR); written "FOR 2" it does.
_EVERYDAY_WORDS = (
    _NOT_ABBREVIATIONS
    | _FUNCTION_WORDS
    | frozenset(w for i in intents().values() for phrase in i.words for w in phrase.split())
    | frozenset(
        "all any are but can day did each few get had has her him his its let may new not now "
        "off old one our out own per see she than that them then they this two use was way "
        "who why yes you also been both does done from have here into just like long many "
        "more most much must only over same some such take very want well were what when will "
        "with year your about after again above below other their there these those under "
        "where which while would".split()
    )
)


@dataclass
class Series:
    """One series of a standard: the title without its level, and its classes (levels)."""

    name: str  # "Certified Peer Support Specialist"
    words: tuple[str, ...]
    acronym: str
    records: list[ClassRecord] = field(default_factory=list)

    @property
    def roman_levels(self) -> bool:
        """Whether the standard numbers its levels I, II, III (Texas) rather than 1, 2 (NY)."""
        return any(re.search(rf"\s{ROMAN_PATTERN}$", r.title) for r in self.records)


@dataclass(frozen=True)
class Mention:
    """Where a question names a series: words[start:end], and how surely (3 is surest)."""

    series: Series
    tier: int
    start: int
    end: int


def levels_after(words: list[str], position: int) -> list[int]:
    """Levels written right after a title or acronym: "cps 2", "cpss ii", "level 2",
    "operator i and ii", "levels 1, 2 and 3"."""
    levels: list[int] = []
    index = position
    while index < len(words) and len(levels) < 6:
        word = words[index]
        if word in ("level", "levels") and not levels:
            index += 1
        elif re.fullmatch(LEVEL_TOKEN, word):
            value = level_value(word)
            if value is not None:
                levels.append(value)
            index += 1
        elif (
            levels
            and word in _LEVEL_JOINERS
            and index + 1 < len(words)
            and re.fullmatch(LEVEL_TOKEN, words[index + 1])
        ):
            index += 1
        else:
            break
    return levels


def words_in_capitals(question: str) -> frozenset[str]:
    """The words a question writes in capitals ("FOR", "CPSS"), in lower case: initials that
    are also everyday words name a series only when written so."""
    return frozenset(w.lower() for w in re.findall(r"\b[A-Z]{2,}\b", question))


def split_glued_levels(words: list[str], acronyms: set[str]) -> list[str]:
    """ "cps2" -> "cps", "2"; "cpssii" -> "cpss", "ii" (longest acronym first)."""
    if not acronyms:
        return words
    alternatives = "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))
    pattern = re.compile(rf"({alternatives})({LEVEL_TOKEN})")
    result: list[str] = []
    for word in words:
        match = pattern.fullmatch(word)
        # "iii" is a level, not the acronym "ii" glued to "i".
        glued = match and level_value(word) is None
        result += [match.group(1), match.group(2)] if match and glued else [word]
    return result


def find_mentions(
    words: list[str], series_list: list[Series], capitals: frozenset[str] = frozenset()
) -> list[Mention]:
    """Series named in the question, by full title (typos allowed), acronym or head noun.

    Initials that are an everyday word ("for", "and", "pay") stand for a title only when the
    question writes them in capitals (`capitals`, from `words_in_capitals`).

    A title with words left out still counts ("certified peer specialist" may mean the Texas
    "certified peer support specialist"), but a title whose span holds an extra word that another
    series explains does not, and a longer exact title hides the shorter one inside it ("senior
    building inspector" is not also "building inspector"). A head noun alone ("the supervisor",
    "worker II") names the series it ends when followed by a level or when no other series ends
    with it.
    """
    mentions: list[Mention] = []
    for series in series_list:
        if len(series.acronym) >= 3 and initials_allowed(series.acronym, capitals):
            mentions += [Mention(series, 3, i, i + 1) for i, w in enumerate(words)
                         if w == series.acronym]  # fmt: skip
        mentions += _title_mentions(words, series, capitals)
    named = {m.series.name for m in mentions}
    heads: dict[str, int] = {}
    for series in series_list:
        heads[series.words[-1]] = heads.get(series.words[-1], 0) + 1
    for series in series_list:
        if series.name not in named and len(series.words) > 1:
            mentions += _head_noun_mentions(words, series, unique=heads[series.words[-1]] == 1)
    if not mentions:
        return []
    best = max(m.tier for m in mentions)
    kept = [m for m in mentions if m.tier >= 2 or best < 3]
    inside = _inside_exact({(m.start, m.end) for m in kept if m.tier == 3})
    return [m for m in kept if not inside(m.start, m.end)]


def _inside_exact(exact: set[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a span lies inside an exact title span other than itself, in O(log n) a span:
    a long history repeats titles thousands of times, and comparing every mention with every
    exact span was quadratic."""
    spans = sorted(exact)
    starts = [start for start, _ in spans]
    furthest = list(accumulate((end for _, end in spans), max))  # over spans starting earlier
    longest_at: dict[int, int] = {}
    for start, end in spans:
        longest_at[start] = max(end, longest_at.get(start, end))

    def inside(start: int, end: int) -> bool:
        earlier = bisect_left(starts, start)  # spans that start before this one
        if earlier and furthest[earlier - 1] >= end:
            return True
        return longest_at.get(start, end) > end  # a longer span from the same word

    return inside


def initials_allowed(word: str, capitals: frozenset[str] = frozenset()) -> bool:
    """Whether a question word may stand for the initials of a title."""
    return word not in _EVERYDAY_WORDS or word in capitals


def _title_mentions(
    words: list[str], series: Series, capitals: frozenset[str] = frozenset()
) -> list[Mention]:
    """Every non-overlapping alignment of the series title in the words, best first."""
    expanded, origin = _expand_initials(words, series.words, capitals)
    found = []
    for start in range(len(expanded)):
        tier, end = _align(expanded, start, series.words)
        if tier:
            found.append(Mention(series, tier, origin[start], origin[end - 1] + 1))
    chosen: list[Mention] = []
    taken = [False] * len(words)  # a mark per word, not a comparison with every chosen span
    for mention in sorted(found, key=lambda m: (-m.tier, m.start)):
        if not any(taken[mention.start : mention.end]):
            chosen.append(mention)
            taken[mention.start : mention.end] = [True] * (mention.end - mention.start)
    return chosen


def _expand_initials(
    words: list[str], title: tuple[str, ...], capitals: frozenset[str] = frozenset()
) -> tuple[list[str], list[int]]:
    """ "pw supervisor" -> "public works supervisor" for the title "public works supervisor".

    Returns the words and, for each, the position of the question word it came from.
    """
    expanded: list[str] = []
    origin: list[int] = []
    initials = "".join(w[0] for w in title)
    for position, word in enumerate(words):
        usable = 2 <= len(word) < len(title) and word.isalpha() and initials_allowed(word, capitals)
        run = initials.find(word) if usable else -1
        parts = list(title[run : run + len(word)]) if run >= 0 else [word]
        expanded += parts
        origin += [position] * len(parts)
    return expanded, origin


def _align(words: list[str], start: int, title: tuple[str, ...]) -> tuple[int, int]:
    """(tier, end) of the in-order fuzzy alignment of a title starting at words[start].

    tier 3: every title word, none between; 2: up to half the title words left out but the
    head noun (last word), or the part before "and" ("miscellaneous clerk" for "miscellaneous
    clerk and assistant"); 1: every title word with extra words between; 0: no match.
    """
    first = words[start]
    if not same_word(first, title[0]) and not (len(title) > 2 and same_word(first, title[1])):
        return 0, 0
    matched, position, extras, last = 0, start, 0, start
    for title_word in title:
        window = words[position : position + 3]
        hit = next((i for i, w in enumerate(window) if same_word(w, title_word)), None)
        if hit is None:
            continue
        matched += 1
        extras += hit
        last = position + hit
        position = last + 1
    missing = len(title) - matched
    if missing == 0 and extras == 0:
        return 3, last + 1
    core = _core_length(words, start, title)
    if core:
        return 2, start + core
    shortened = 0 < missing <= max(1, len(title) // 2) and matched >= 2 and extras == 0
    if shortened and same_word(words[last], title[-1]):
        return 2, last + 1
    return (1, last + 1) if missing == 0 else (0, 0)


def _core_length(words: list[str], start: int, title: tuple[str, ...]) -> int:
    """Length of the title part before "and" when the words name exactly that part, else 0."""
    if "and" not in title[1:]:
        return 0
    core = title[: title.index("and")]
    span = words[start : start + len(core)]
    if len(core) >= 2 and len(span) == len(core) and all(map(same_word, span, core)):
        return len(core)
    return 0


def _head_noun_mentions(words: list[str], series: Series, unique: bool) -> list[Mention]:
    head = series.words[-1]
    mentions = []
    for position, word in enumerate(words):
        if not same_word(word, head) or len(head) < 5:
            continue
        if position and words[position - 1] not in _FUNCTION_WORDS:
            continue  # "library assistant" is another title, not "... and Assistant"
        followed_by_level = bool(levels_after(words, position + 1))
        if followed_by_level or unique:
            mentions.append(Mention(series, 2, position, position + 1))
    return mentions


def written_as_titled(mention: Mention, words: list[str]) -> bool:
    """The question writes this series' title in full with the level as its standard does
    ("certified peer specialist 2" is New York's title; "... II" could be either state's)."""
    if mention.tier != 3 or mention.end >= len(words):
        return False
    level = words[mention.end]
    if not re.fullmatch(LEVEL_TOKEN, level) or level in LEVEL_WORDS:
        return False
    return level.isdigit() != mention.series.roman_levels


def same_word(word: str, title_word: str) -> bool:
    """A question word names a title word: equal, plural, a typo, or an abbreviation."""
    if word == title_word or word.rstrip("s") == title_word.rstrip("s"):
        return True
    if _abbreviates(word, title_word):
        return True
    if len(word) < 5 or len(title_word) < 5:
        return False
    return fuzz.ratio(word, title_word) >= 80


def _abbreviates(word: str, title_word: str) -> bool:
    """ "bldg" for "building", "acct" for "accounting", "elig" for "eligibility"."""
    if not 3 <= len(word) <= 5 or len(word) >= len(title_word) or word in _NOT_ABBREVIATIONS:
        return False
    if word[0] != title_word[0] or not word.isalpha():
        return False
    letters = iter(title_word)
    return all(letter in letters for letter in word)

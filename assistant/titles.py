"""Find class titles and levels in a question: full titles with typos, shortened titles,
acronyms ("CPSS", "pw supervisor"), abbreviations ("bldg", "acct"), levels ("II", "2", "two")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import Any

from rapidfuzz import fuzz, process
from wordfreq import zipf_frequency

from index.levels import LEVEL_TOKEN, LEVEL_WORDS, ROMAN_PATTERN, level_value
from index.types import ClassRecord
from index.vocab import intents

_LEVEL_JOINERS = ("and", "or", "to", "through", "vs", "versus")
_LEVEL = re.compile(LEVEL_TOKEN)
# Short words that never abbreviate a title word or stand for its initials.
_NOT_ABBREVIATIONS = frozenset(
    "an as at be by do if in is it me my no of on or so to up us we and are can for how the "
    "was who why what does did its".split()
)


# Words that may stand before a bare head noun ("the supervisor", "a worker II").
_FUNCTION_WORDS = frozenset(
    "a an the for about of to as is and or our your my their what vs versus than".split()
)

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
    "operator i and ii", "levels 1, 2 and 3", "operator 1 and operator 3" (the title's last
    word again before the next level)."""
    levels: list[int] = []
    index = position
    head = words[position - 1] if 0 < position <= len(words) else ""
    while index < len(words) and len(levels) < 6:
        word = words[index]
        if word in ("level", "levels") and not levels:
            index += 1
        elif (
            levels
            and word in _LEVEL_JOINERS
            and words[index + 1 : index + 2] == [head]
            and index + 2 < len(words)
            and re.fullmatch(LEVEL_TOKEN, words[index + 2])
        ):
            index += 2
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


def split_glued_levels(words: list[str], acronyms: Collection[str]) -> list[str]:
    """ "cps2" -> "cps", "2"; "cpssii" -> "cpss", "ii" (longest acronym first).

    Each word is tried at each split point against the set of acronyms: the cost depends on
    the word, not on how many acronyms the catalog has."""
    if not acronyms:
        return words
    known = acronyms if isinstance(acronyms, (set, frozenset)) else set(acronyms)
    result: list[str] = []
    for word in words:
        # "iii" is a level, not the acronym "ii" glued to "i"; "tax" is a word, not the
        # acronym "ta" glued to level "x".
        whole = level_value(word) is not None or common_english(word)
        glued = None if whole else _glued(word, known)
        result += list(glued) if glued else [word]
    return result


def _glued(word: str, acronyms: Collection[str]) -> tuple[str, str] | None:
    for split in range(len(word) - 1, 0, -1):
        head, level = word[:split], word[split:]
        if head in acronyms and _LEVEL.fullmatch(level):
            return head, level
    return None


class SeriesCatalog(list[Series]):
    """The series of a catalog with what finding them in a question needs, built once: series
    by acronym, by title word, by runs of their initials and by head noun, so that a question
    looks at the few series its words could name instead of every series."""

    def __init__(self, members: Iterable[Series] = ()) -> None:
        super().__init__(members)
        self.acronyms = frozenset(s.acronym for s in self)
        self.position = {id(s): n for n, s in enumerate(self)}
        self.by_acronym: dict[str, list[Series]] = {}
        self.by_word: dict[str, list[Series]] = {}
        self.by_initials: dict[str, list[Series]] = {}
        self.heads: dict[str, int] = {}
        # The words of the places the classes belong to ("yakima", "county"): a one-word title
        # after them is still that title ("Yakima County Accountant").
        self.place_words = frozenset(
            w
            for s in self
            for r in s.records
            for w in re.findall(r"[a-z]+", (r.jurisdiction or "").lower())
        )
        self.one_word: dict[str, list[Series]] = {}  # the titles of one word, by it
        for series in self:
            if len(series.words) == 1:
                self.one_word.setdefault(series.words[0], []).append(series)
            self.by_acronym.setdefault(series.acronym, []).append(series)
            for word in dict.fromkeys(series.words):
                self.by_word.setdefault(word, []).append(series)
            self.heads[series.words[-1]] = self.heads.get(series.words[-1], 0) + 1
            initials = "".join(w[0] for w in series.words)
            runs = {initials[a:b] for a in range(len(initials))
                    for b in range(a + 2, len(initials) + 1)}  # fmt: skip
            for run in runs:
                self.by_initials.setdefault(run, []).append(series)
        # The series a standard names by its abbreviation alone ("CO" of "CO I"), by it in
        # lower case: a question may spell it out ("Correctional Officer I").
        self.abbreviated: dict[str, list[Series]] = {}
        for series in self:
            if _ABBREVIATED.fullmatch(series.name):
                self.abbreviated.setdefault(series.name.lower(), []).append(series)
        self._plain: dict[str, list[str]] = {}  # "work" -> ["work", "works"]
        for title_word in self.by_word:
            self._plain.setdefault(title_word.rstrip("s"), []).append(title_word)
        self._vocabulary = sorted(self.by_word)
        self._same: dict[str, tuple[str, ...]] = {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Unpickled from the start-up snapshot: its series are new objects, so the
        positions, kept by identity, are counted again."""
        self.__dict__.update(state)
        self.position = {id(s): n for n, s in enumerate(self)}

    def spelled_out(self, words: list[str]) -> list[Mention]:
        """The abbreviated series that runs of the question's words spell out: their initials
        are its abbreviation and its standard's title writes the words ("Correctional Officer
        Salary Rates" spells out the "CO" of its "CO I" row)."""
        if not self.abbreviated:
            return []
        found: list[Mention] = []
        for start in range(len(words)):
            for end in range(start + 2, min(start + _MAX_SPELLED, len(words)) + 1):
                run = words[start:end]
                if run[-1] in _FUNCTION_WORDS:
                    break
                initials = "".join(w[0] for w in run)
                for series in self.abbreviated.get(initials, ()):
                    if _titled_with(series, run):
                        found.append(Mention(series, 3, start, end))
        return found

    def title_words_named(self, word: str) -> tuple[str, ...]:
        """The title words of the catalog that this question word names (see same_word)."""
        if word not in self._same:
            found = set(self._plain.get(word.rstrip("s"), ()))
            found |= {t for t in self._near(word) if same_word(word, t)}
            if len(self._same) > 50_000:  # questions bring new words forever: stay bounded
                self._same.clear()
            self._same[word] = tuple(sorted(found))
        return self._same[word]

    def _near(self, word: str) -> list[str]:
        """Title words that could be a typo or an abbreviation of this word: the fuzzy
        matcher over the vocabulary for typos, the words of the same initial for abbreviations."""
        near = []
        if len(word) >= 5:
            near += [m[0] for m in process.extract(word, self._vocabulary, scorer=fuzz.ratio,
                                                   score_cutoff=80, limit=None)]  # fmt: skip
        if 3 <= len(word) <= 5:
            start = bisect_left(self._vocabulary, word[0])
            for title_word in self._vocabulary[start:]:
                if title_word[0] != word[0]:
                    break
                near.append(title_word)
        return near

    def candidates(self, words: list[str], capitals: frozenset[str]) -> list[Series]:
        """The series whose title the words could name: two of its words (one for a one-word
        title), or a run of its initials; in catalog order."""
        chosen: dict[int, Series] = {}
        named_words = {t for w in dict.fromkeys(words) for t in self.title_words_named(w)}
        # A longer title is named by two of its words, so by one besides the most common word
        # named ("specialist", in thousands of titles): only the rarer words' series are read.
        ordered = sorted(named_words, key=lambda w: (len(self.by_word[w]), w))
        for title_word in ordered[:-1]:
            for series in self.by_word[title_word]:
                if len(series.words) == 1 or len(named_words.intersection(series.words)) >= 2:
                    chosen[id(series)] = series
        if ordered:
            chosen.update((id(s), s) for s in self.one_word.get(ordered[-1], ()))
        for word in dict.fromkeys(words):
            if len(word) >= 2 and word.isalpha() and initials_allowed(word, capitals):
                chosen.update((id(s), s) for s in self.by_initials.get(word, ()))
        return sorted(chosen.values(), key=lambda s: self.position[id(s)])

    def names_alone(
        self, words: list[str], mention: Mention, capitals: frozenset[str] = frozenset()
    ) -> bool:
        """Whether a one-word title ("Manager", "Buyer") is named on its own, not as the head
        of a longer title the catalog does not know ("construction mgr senior"): at the start,
        after a function word, a place or initials in capitals ("the TVA OIG Auditor"), written
        in capitals ("these AO ranges"), or followed by a level."""
        before = words[mention.start - 1] if mention.start else None
        if before is None or before in _FUNCTION_WORDS or before in self.place_words:
            return True
        if before in capitals:  # "the TVA OIG Auditor": an organisation's initials, no title
            return True
        if words[mention.start] in capitals:
            return True
        return bool(levels_after(words, mention.end))

    def head_mentions(
        self, words: list[str], named: set[str], places: Collection[str] = ()
    ) -> list[Mention]:
        """A head noun alone ("the supervisor", "worker II", "san leandro operator I") names
        the series it ends, those not named otherwise: all of them when a level follows, else
        the only one. After a word of a place (`places`) it stands alone as well."""
        found: list[tuple[int, Mention]] = []
        for position, word in enumerate(words):
            before = words[position - 1] if position else ""
            if before and before not in _FUNCTION_WORDS and before not in places:
                continue  # "library assistant" is another title, not "... and Assistant"
            if word.rstrip("s") in _FIELD_HEADS:
                continue  # "at what grade ...?" asks a grade, naming no "Support Grade 1"
            after = words[position + 1] if position + 1 < len(words) else ""
            if word in _RANK_ADJECTIVES and after not in _RANK_NOUNS:
                continue  # "senior pay of ...": no "Accounting Technician, Senior"
            # A head noun alone is the title word itself or its plural: a word one typo away
            # from it ("corrections" for "collections") is too little to name a class by.
            heads = [
                t
                for t in self.title_words_named(word)
                if len(t) >= 5 and t in self.heads and word.rstrip("s") == t.rstrip("s")
            ]
            # "police clerk I": a head noun before another one is a word of a title the
            # catalog does not know, not "Secretary to the Chief of Police".
            if heads and any(t in self.heads for t in self.title_words_named(after)):
                continue
            followed_by_level = bool(heads) and bool(levels_after(words, position + 1))
            for head in heads:
                if not followed_by_level and self.heads[head] != 1:
                    continue
                for series in self.by_word[head]:
                    ends = series.words[-1] == head and len(series.words) > 1
                    if ends and series.name not in named:
                        mention = Mention(series, 2, position, position + 1)
                        found.append((self.position[id(series)], mention))
        return [m for _, m in sorted(found, key=lambda f: (f[0], f[1].start))]


# Ranks that end a title only after a comma ("Accounting Technician, Senior") and never stand
# for a post alone, as "the assistant" or "the chief" may.
_RANK_ADJECTIVES = frozenset({"senior", "junior", "supervising"})
# What a rank alone may be followed by when it names the post: "and the senior level?".
_RANK_NOUNS = frozenset({"", "level", "one", "class", "post", "position", "role", "grade"})
# Words that name a field of a class; a title that ends in one ("Support Grade 1", "Executive
# Band") is not named by the field's word alone.
_FIELD_HEADS = frozenset(
    "grade band level step range group scale point code class rate pay salary series".split()
)


def find_mentions(
    words: list[str],
    series_list: list[Series],
    capitals: frozenset[str] = frozenset(),
    places: Collection[str] = (),
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

    Only the series that the words could name are aligned (see SeriesCatalog): a plain list is
    arranged so first, which costs as much as the list is long.
    """
    catalog = series_list if isinstance(series_list, SeriesCatalog) else SeriesCatalog(series_list)
    mentions: list[Mention] = []
    acronym_hits: dict[int, list[Mention]] = {}
    for position, word in enumerate(words):
        if len(word) >= 3 and initials_allowed(word, capitals):
            for series in catalog.by_acronym.get(word, ()):
                acronym_hits.setdefault(id(series), []).append(
                    Mention(series, 3, position, position + 1)
                )
    for mention in catalog.spelled_out(words):
        acronym_hits.setdefault(id(mention.series), []).append(mention)
    candidates = {id(s): s for s in catalog.candidates(words, capitals)}
    candidates.update((id(m[0].series), m[0].series) for m in acronym_hits.values())
    # The same title recurs in many jurisdictions: it is aligned once.
    spans: dict[tuple[str, ...], list[tuple[int, int, int]]] = {}
    for series in sorted(candidates.values(), key=lambda s: catalog.position[id(s)]):
        mentions += acronym_hits.get(id(series), [])
        if series.words not in spans:
            spans[series.words] = _title_spans(words, series.words, capitals)
        mentions += [
            m
            for m in (Mention(series, *span) for span in spans[series.words])
            if len(series.words) > 1 or catalog.names_alone(words, m, capitals)
        ]
    # A series aligned only loosely ("journey" inside "sub journey 2") is dropped below when
    # another is named exactly: its head noun may still name it ("... and Journey 1").
    best = max((m.tier for m in mentions), default=0)
    named = {m.series.name for m in mentions if m.tier >= 2 or best < 3}
    mentions += catalog.head_mentions(words, named, places)
    if not mentions:
        return []
    best = max(m.tier for m in mentions)
    kept = [m for m in mentions if m.tier >= 2 or best < 3]
    inside = _inside_exact({(m.start, m.end) for m in kept if m.tier == 3})
    kept = [m for m in kept if not inside(m.start, m.end)]
    # "PST Trainee" names the series "PST" written out, not "Public Safety Telecommunicator"
    # by its initials: a word that is a series' own name stands for no other's initials.
    initials = {id(m) for hits in acronym_hits.values() for m in hits if m.end - m.start == 1}
    spelt = {(m.start, m.end) for m in kept if m.tier == 3 and id(m) not in initials}
    kept = [m for m in kept if id(m) not in initials or (m.start, m.end) not in spelt]
    return _without_shortened_siblings(kept)


def _without_shortened_siblings(mentions: list[Mention]) -> list[Mention]:
    """The mentions less each title with a word left out whose standard writes the question's
    words as a title of its own: a posting listing "Equipment Operator - Sub-Journey 2" and
    "Equipment Operator - Journey 1" means the latter by "equipment operator journey". In
    another standard the shorter title may still mean the longer one (the question is then
    ambiguous). The exact titles' standards are gathered by span once: a common title is
    named in hundreds of standards at 10,000."""
    exact: dict[tuple[int, int], set[str]] = {}
    for mention in mentions:
        if mention.tier == 3:
            sources = exact.setdefault((mention.start, mention.end), set())
            sources.update(r.source for r in mention.series.records)

    def sibling(mention: Mention) -> bool:
        beside = exact.get((mention.start, mention.end), set())
        return mention.tier == 2 and any(r.source in beside for r in mention.series.records)

    return [m for m in mentions if not sibling(m)]


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


# A series named by an abbreviation alone: "CO", "HEO"; and the longest run of words that
# may spell one out.
_ABBREVIATED = re.compile(r"[A-Z]{2,5}")
_MAX_SPELLED = 5


def _titled_with(series: Series, words: list[str]) -> bool:
    """Whether the title of a standard of the series writes the words (a plural too)."""
    for record in series.records:
        written = {w.rstrip("s") for w in re.findall(r"[a-z]+", record.doc_title.lower())}
        if all(w.rstrip("s") in written for w in words):
            return True
    return False


def initials_allowed(word: str, capitals: frozenset[str] = frozenset()) -> bool:
    """Whether a question word may stand for the initials of a title: not a level ("ii",
    "III" are levels even when a title's initials spell them), and not an everyday word
    unless written in capitals."""
    if level_value(word) is not None:
        return False
    return word not in _EVERYDAY_WORDS or word in capitals


def _title_spans(
    words: list[str], title: tuple[str, ...], capitals: frozenset[str] = frozenset()
) -> list[tuple[int, int, int]]:
    """(tier, start, end) of every non-overlapping alignment of the title in the words, best
    first."""
    expanded, origin = _expand_initials(words, title, capitals)
    found = []
    for start in range(len(expanded)):
        tier, end = _align(expanded, start, title)
        if tier:
            found.append((tier, origin[start], origin[end - 1] + 1))
    chosen: list[tuple[int, int, int]] = []
    taken = [False] * len(words)  # a mark per word, not a comparison with every chosen span
    for tier, start, end in sorted(found, key=lambda f: (-f[0], f[1])):
        if not any(taken[start:end]):
            chosen.append((tier, start, end))
            taken[start:end] = [True] * (end - start)
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
    left_out: list[str] = []
    for title_word in title:
        window = words[position : position + 3]
        hit = next((i for i, w in enumerate(window) if same_word(w, title_word)), None)
        if hit is None:
            left_out.append(title_word)
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
    # "Harbour Master" is not the "Assistant Harbour Master": a rank left out names another post.
    shortened = shortened and not _RANKS_OF_POSTS.intersection(left_out)
    if shortened and same_word(words[last], title[-1]):
        return 2, last + 1
    return (1, last + 1) if missing == 0 else (0, 0)


# Words that make a post of another rank than the title without them.
_RANKS_OF_POSTS = frozenset(
    "assistant deputy associate senior junior chief head lead principal trainee apprentice vice "
    "supervising".split()
)


def _core_length(words: list[str], start: int, title: tuple[str, ...]) -> int:
    """Length of the title part before "and" when the words name exactly that part, else 0."""
    if "and" not in title[1:]:
        return 0
    core = title[: title.index("and")]
    span = words[start : start + len(core)]
    if len(core) >= 2 and len(span) == len(core) and all(map(same_word, span, core)):
        return len(core)
    return 0


def written_as_titled(mention: Mention, words: list[str]) -> bool:
    """The question writes this series' title in full with the level as its standard does
    ("certified peer specialist 2" is New York's title; "... II" could be either state's)."""
    if mention.tier != 3 or mention.end >= len(words):
        return False
    level = words[mention.end]
    if not re.fullmatch(LEVEL_TOKEN, level) or level in LEVEL_WORDS:
        return False
    return level.isdigit() != mention.series.roman_levels


def letters_swapped(word: str) -> Iterator[str]:
    """The word with each two letters side by side typed the other way round, as a slip writes
    them ("releif" -> "erleif", "rleeif", "reelif", "relief", "relefi"); not the word itself."""
    for n in range(len(word) - 1):
        swapped = f"{word[:n]}{word[n + 1]}{word[n]}{word[n + 2 :]}"
        if swapped != word:
            yield swapped


def same_word(word: str, title_word: str) -> bool:
    """A question word names a title word: equal, plural, a typo, or an abbreviation."""
    if word == title_word or word.rstrip("s") == title_word.rstrip("s"):
        return True
    # ... or the title abbreviates what the question spells out ("General Transp Tech I" for
    # "general transportation technician i").
    if abbreviates(word, title_word) or abbreviates(title_word, word):
        return True
    if len(word) < 5 or len(title_word) < 5:
        return False
    return fuzz.ratio(word, title_word) >= 80


def abbreviates(word: str, title_word: str) -> bool:
    """ "bldg" for "building", "acct" for "accounting", "elig" for "eligibility": the title
    word's start, or its letters in order, but not a common English word spelt from them
    ("act" is not "accountant", "art" not "administrator"; "tech" is still "technician")."""
    if not 3 <= len(word) <= 5 or len(word) >= len(title_word) or word in _NOT_ABBREVIATIONS:
        return False
    if word[0] != title_word[0] or not word.isalpha():
        return False
    if title_word.startswith(word):
        return True
    letters = iter(title_word)
    return all(letter in letters for letter in word) and not common_english(word)


def abbreviation_like(word: str) -> bool:
    """Whether a word may be an abbreviation as people type one ("acct", "oct", "mgmt"):
    three to five letters, and no everyday English word ("car" is not "carpenter")."""
    short = 3 <= len(word) <= 5 and word.isalpha() and word not in _NOT_ABBREVIATIONS
    return short and not common_english(word)


def acronym_like(word: str) -> bool:
    """Whether a word may be an acronym or a short abbreviation as people type one ("hra",
    "mgmt"): an abbreviation of four letters at most ("nurse" is a word)."""
    return len(word) <= _ACRONYM_LETTERS and abbreviation_like(word)


_ACRONYM_LETTERS = 4
# Zipf frequency (log10 of uses per billion words) from which a word is everyday English:
# "act" and "art" are 5.3; "acct", "mgmt", "bldg" and "supt" are 3 or less.
_COMMON_ZIPF = 4.5


@lru_cache(maxsize=65_536)  # questions bring new words forever: stay bounded
def common_english(word: str) -> bool:
    """Whether a word is in everyday English use, by wordfreq's frequency lists (shipped with
    the package; nothing is downloaded)."""
    return zipf_frequency(word, "en") >= _COMMON_ZIPF

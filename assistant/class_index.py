"""The class catalog arranged for matching questions: series, codes, grades, amounts, places."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache
from itertools import pairwise, takewhile

from rapidfuzz import fuzz, process
from wordfreq import zipf_frequency

from assistant.titles import Series, SeriesCatalog
from index.catalog import split_level
from index.jurisdictions import find_jurisdictions, state_codes
from index.levels import level_value
from index.money import money_value
from index.structure import normalise_title
from index.types import ClassRecord
from index.vocab import abbreviations, field_labels

_GENERIC_PLACE_WORDS = frozenset(
    "city county town village borough state states united federal government department office"
    " service services civil public affairs administration division agency authority commission"
    # The kinds of public body: "the school district" names none of them.
    " board district school schools university college council".split()
)
# Zipf frequency from which a word is one of English's commonest ("which" 6.3, "never" 5.9),
# above any place name's ("south" 5.4, "york" 5.4).
_FUNCTION_WORD_ZIPF = 5.9


# A title whose rank is written last, after a comma: "Accounting Technician, Senior".
def _roles(name: str) -> list[tuple[str, ...]]:
    """The words of each role a title joins with slashes, of two words at least and no level
    ("Municipal Clerk / Library Chief Executive Officer"); none for one role, for
    "Clerk/Typist", or for a title that writes a level ("Electrician I/II", "Building Inspector
    II/Building Inspector III", "Foreign Service Officer I/Chief of Protocol")."""
    parts = [tuple(normalise_title(p).split()) for p in re.split(r"\s*/\s*", name)]
    if len(parts) < 2 or _levelled([w for p in parts for w in p]):
        return []
    return [p for p in parts if len(p) >= _ROLE_WORDS]


_ROLE_WORDS = 2
_SPACED_DASH = re.compile(r"\s[-–—]\s")


def _before_dash(name: str) -> tuple[str, ...]:
    """The words of a title before a spaced dash, two at least and no level: "Electoral
    Services Officer" of "Electoral Services Officer - Maternity Leave Cover"; none for "Clerk -
    Elections" (one word names too much), "Engineer II - Civil" or "Equipment Operator -
    Journey 1" (a level names the class whole)."""
    parts = _SPACED_DASH.split(name, maxsplit=1)
    if len(parts) < 2:
        return ()
    words = tuple(normalise_title(parts[0]).split())
    levelled = _levelled(normalise_title(name).split())
    return words if len(words) >= _ROLE_WORDS and not levelled else ()


def _levelled(words: Sequence[str]) -> bool:
    """Whether a title's words write a level ("II", "3")."""
    return any(level_value(w) is not None or w.isdigit() for w in words)


_INVERTED_RANK = re.compile(
    r",\s*(?:senior|junior|lead|principal|chief|associate|assistant|trainee|supervising)$",
    re.IGNORECASE,
)
# A trailing parenthesis of several words after a title: the unit or branch it belongs to.
_QUALIFIER = re.compile(r"\s*\([^()]*\s[^()]*\)\s*$")


class ClassIndex:
    """The catalog arranged for question matching: series, acronyms, codes, grades, amounts."""

    def __init__(
        self,
        records: Sequence[ClassRecord],
        places: Iterable[str] = (),
        titles: Iterable[tuple[str, str]] = (),
    ) -> None:
        """The catalog's records, the places of every indexed document (places): a question
        names a place whose standard holds no recognised class as well, and every document's
        (place, title) pair."""
        self.records = list(records)
        series: dict[tuple[str, str | None], Series] = {}
        for record in self.records:
            if record.names_only_its_grade:
                continue  # "Grade 9" would make the word "grade" name a class
            name = record.series or split_level(record.title)[0]
            key = (normalise_title(name), record.jurisdiction)
            if key not in series:
                # "Manager Service Delivery (Government Information Services)": the unit in
                # parentheses says where, a question names the title without it.
                words = tuple(normalise_title(_QUALIFIER.sub("", name) or name).split())
                series[key] = Series(name, words, "".join(w[0] for w in words))
            series[key].records.append(record)
        # "Accounting Technician, Senior" is asked for as "Senior Accounting Technician" too:
        # the title in reading order names the same classes.
        inverted = [
            Series(one.name, (*one.words[-1:], *one.words[:-1]), one.acronym, one.records)
            for one in series.values()
            if _INVERTED_RANK.search(one.name)
        ]
        # "Weed Department Supervisor/Junk Vehicle Coordinator/Mosquito Control": one post of
        # several roles, each of which names it ("the weed department supervisor").
        roles = [
            Series(one.name, words, "".join(w[0] for w in words), one.records)
            for one in series.values()
            for words in _roles(one.name)
        ]
        # "Electoral Services Officer - Maternity Leave Cover": the words before the dash name
        # the post, the rest says how it is held or where - unless other titles share those
        # words ("Equipment Operator - Journey 1", "- Sub-Journey 2": the rest tells them apart).
        before = Counter(_before_dash(one.name) for one in series.values())
        dashed = [
            Series(one.name, words, "".join(w[0] for w in words), one.records)
            for one in series.values()
            if (words := _before_dash(one.name)) and before[words] == 1
        ]
        # "Police Communications Opr" is asked for as "Police Communications Operator": a title
        # that shortens a word as people type it names its class written out too.
        short = abbreviations()
        spelt = [
            Series(one.name, words, "".join(w[0] for w in words), one.records)
            for one in series.values()
            if (words := tuple(short.get(w, w) for w in one.words)) != one.words
            and all(" " not in w for w in words)
        ]
        self.series = SeriesCatalog([*series.values(), *inverted, *roles, *dashed, *spelt])
        self.jurisdictions = sorted(
            {r.jurisdiction for r in self.records if r.jurisdiction} | set(places)
        )

        # Indexes built once: what a question costs must not grow with the catalog.
        self._series_of = {r: s for s in reversed(self.series) for r in s.records}
        self._series_in: dict[str | None, list[Series]] = {}
        self._named: dict[tuple[tuple[str, ...], str | None], Series] = {}
        self._by_words: dict[tuple[str, ...], list[Series]] = {}
        for one in self.series:
            self._series_in.setdefault(one.records[0].jurisdiction, []).append(one)
            self._named.setdefault((one.words, one.records[0].jurisdiction), one)
            self._by_words.setdefault(one.words, []).append(one)
        self._of_source: dict[str, list[ClassRecord]] = {}
        for record in self.records:
            self._of_source.setdefault(record.source, []).append(record)
        self._by_code: dict[str, list[ClassRecord]] = {}
        self._by_grade: dict[str, list[ClassRecord]] = {}
        self._by_amount: dict[Decimal, list[ClassRecord]] = {}
        for record in self.records:
            if record.code:
                self._by_code.setdefault(record.code.lower(), []).append(record)
            if record.pay_grade:
                self._by_grade.setdefault(record.pay_grade.lower(), []).append(record)
            for written in {record.salary_min, record.salary_max}:
                amount = money_value(written or "")
                if amount is not None:
                    self._by_amount.setdefault(amount, []).append(record)
        # A code is looked for only when the question holds its first word ("4008", "maaa"),
        # and its pattern is compiled then (compiling thousands at load took half a second).
        self._codes: dict[str, list[str]] = {}
        for code in dict.fromkeys(r.code for r in self.records if r.code):
            first = re.findall(r"\w+", code.lower())
            if first:
                self._codes.setdefault(first[0], []).append(code)
        self._code_patterns: dict[str, re.Pattern[str]] = {}
        self._grades = [(grade, _grade_pattern(grade)) for grade in
                        dict.fromkeys(r.pay_grade for r in records if r.pay_grade)]  # fmt: skip
        # A word of some class title ("Department of justice consumer protection
        # investigator", "Division of veterans services director") names no place.
        title_words = {w for r in self.records for w in re.findall(r"[a-z]+", r.title.lower())}
        named_by = {j: place_words(j) for j in self.jurisdictions}
        # Nor does a word that titles a document of another place in words not its place's
        # ("transit" of "Transit Driver - Frederick County" names no transit authority).
        titled_in: dict[str, set[str]] = {}  # word -> the places whose documents it titles
        for place, title in set(titles):
            for word in set(re.findall(r"[a-z]+", title.lower())) - place_words(place):
                titled_in.setdefault(word, set()).add(place)
        self._place_words = {
            j: {w for w in words - title_words if not titled_in.get(w, set()) - {j}}
            for j, words in named_by.items()
        }
        # The words that name those places ("leandro"): a title's head noun after one stands
        # for the title ("san leandro operator I").
        self.place_words = frozenset(w for words in named_by.values() for w in words)
        # Every word of a title or a place: a question that writes one means it as written.
        self.words = frozenset(title_words | self.place_words)
        self._places_by_word: dict[str, list[str]] = {}
        for jurisdiction, own in self._place_words.items():
            for word in own:
                self._places_by_word.setdefault(word, []).append(jurisdiction)
        # A long place word, or two run together ("portphillip"), as a typo may stand for it.
        self._typo_places: dict[str, list[str]] = {}
        for jurisdiction in self.jurisdictions:
            own = self._place_words[jurisdiction]
            ordered = [w for w in place_words_in_order(jurisdiction) if w in own]
            for word in [*ordered, *(a + b for a, b in pairwise(ordered))]:
                if len(word) >= _MIN_TYPO_PLACE:
                    self._typo_places.setdefault(word, []).append(jurisdiction)
        self._typo_words = list(self._typo_places)
        self._places_by_initials: dict[str, list[str]] = {}
        for jurisdiction in self.jurisdictions:
            for initials in place_initials(jurisdiction):
                self._places_by_initials.setdefault(initials, []).append(jurisdiction)
        self._level_labels: dict[str, tuple[re.Pattern[str], list[tuple[int, ClassRecord]]]] = {}
        for position, record in enumerate(self.records):
            if record.level_label:
                label = record.level_label.lower()
                if label not in self._level_labels:
                    self._level_labels[label] = (re.compile(rf"\b{re.escape(label)}\b"), [])
                self._level_labels[label][1].append((position, record))

    def by_level_label(self, text: str) -> list[ClassRecord]:
        """ "the supervisory level" -> the classes whose standard calls them that; each label
        is looked for once, however many classes share it. In catalog order."""
        found = [
            (position, record)
            for label, (pattern, labelled) in self._level_labels.items()
            if label in text and pattern.search(text)
            for position, record in labelled
        ]
        return [record for _, record in sorted(found, key=lambda f: f[0])]

    def codes_in(self, text: str) -> tuple[str, ...]:
        """Class codes of the catalog written in the (normalised) question."""
        found = []
        for word in dict.fromkeys(re.findall(r"\w+", text)):
            for code in self._codes.get(word, ()):
                if code not in self._code_patterns:
                    self._code_patterns[code] = _whole_token(code)
                if self._code_patterns[code].search(text):
                    found.append(code)
        return tuple(dict.fromkeys(found))

    def pay_grades_in(self, text: str) -> tuple[str, ...]:
        """Grades or groups of the catalog written in the (normalised) question, in the order
        it writes them ("between GS-4 and GS-5": GS-4 first)."""
        found = [(m.start(), grade) for grade, rx in self._grades if (m := rx.search(text))]
        return tuple(grade for _, grade in sorted(found, key=lambda pair: pair[0]))

    def words_of_place(self, jurisdiction: str | None) -> set[str]:
        """The words that name a jurisdiction and no class title ("bernardino")."""
        return self._place_words.get(jurisdiction or "", set())

    def names_another_place(self, words: Sequence[str], jurisdiction: str | None) -> bool:
        """Whether these words name an indexed place and none of them this jurisdiction's:
        "national city" before a title says it is not San Bernardino's."""
        named = {w for w in words if w in self.place_words}
        return bool(named) and not named & self.words_of_place(jurisdiction)

    def jurisdictions_in(self, question: str) -> tuple[str, ...]:
        """Jurisdictions a question names: states and federal by any alias, and the places of
        the indexed standards by their own names ("Riverbend" -> "City of Riverbend")."""
        found: list[str] = []
        for name in find_jurisdictions(question):
            if self._code_is_a_series(question, name):
                continue  # "CO II" is a Correctional Officer II, not Colorado
            indexed = [j for j in self.jurisdictions if name in j]
            # "LA Metro" when no Louisiana standard is indexed, but one from Los Angeles is.
            initialled = [] if indexed else self._initialled(question, name)
            found += indexed or initialled or [name]
        words = re.findall(r"[a-z]+", question.lower())
        by_words: dict[str, set[str]] = {}  # place -> the question's words that name it
        for word in dict.fromkeys(words):
            for place in self._places_by_word.get(word, []):
                by_words.setdefault(place, set()).add(word)
        # "cherokee county school district": not also every other place of a "School District"
        # whose own name the question does not write.
        lesser = {p for p, named in by_words.items() if any(named < o for o in by_words.values())}
        found += [place for place in by_words if place not in lesser]
        # Nor is it brought back as a typo: "school" and "district" run together are its words.
        found += [place for place in self._misspelt_places(words) if place not in lesser]
        return tuple(dict.fromkeys(found))

    def _code_is_a_series(self, question: str, state: str) -> bool:
        """Whether a state is read only from its code ("CO"), which a standard here writes as
        the abbreviation of a series ("CO I" ... "CO V"), and the question does not write the
        state's name."""
        codes = _codes_written(question, state)
        written = state.lower() in question.lower()
        return bool(codes) and not written and all(c in self.series.abbreviated for c in codes)

    def _initialled(self, question: str, state: str) -> list[str]:
        """The indexed places whose initials the question writes in capitals where a state's
        code was read ("LA" for Los Angeles County ...)."""
        codes = _codes_written(question, state)
        return [p for code in codes for p in self._places_by_initials.get(code, ())]

    def _misspelt_places(self, words: Sequence[str]) -> list[str]:
        """The place words that words no dictionary knows are typed for, one letter or two
        off, alone or run together ("portphilip" -> "port phillip", "sacremento")."""
        typed = [*words, *(a + b for a, b in pairwise(words))]
        found: list[str] = []
        for word in dict.fromkeys(typed):
            if len(word) < _MIN_TYPO_PLACE or word in self._places_by_word:
                continue
            if zipf_frequency(word, "en") >= _KNOWN_WORD:
                continue
            match = process.extractOne(
                word, self._typo_words, scorer=fuzz.ratio, score_cutoff=_PLACE_TYPO_SCORE
            )
            if match is not None:
                found += self._typo_places[match[0]]
        return found

    def of_source(self, source: str) -> list[ClassRecord]:
        """The classes of one document, in its order."""
        return list(self._of_source.get(source, ()))

    def by_code(self, code: str) -> list[ClassRecord]:
        return list(self._by_code.get(code.lower(), ()))

    def by_pay_grade(self, grade: str) -> list[ClassRecord]:
        return list(self._by_grade.get(grade.lower(), ()))

    def by_amount(self, amount: str) -> list[ClassRecord]:
        value = money_value(amount)
        return list(self._by_amount.get(value, ())) if value is not None else []

    def series_of(self, record: ClassRecord) -> list[ClassRecord]:
        """Every level of the record's series in the same standard, lowest level first."""
        series = self._series_of.get(record)
        return sorted(series.records, key=lambda r: r.level or 0) if series else [record]

    def at_level(self, record: ClassRecord, level: int) -> list[ClassRecord]:
        """The classes of the record's series at a level: in its standard, or else in the
        standards of its place that specify one level each ("Equipment Operator I" and "...
        II" in two files, their places noted apart in parentheses)."""
        own = [r for r in self.series_of(record) if r.level == level]
        series = self._series_of.get(record)
        if own or series is None:
            return own
        place = _unnoted(record.jurisdiction)
        return [
            r
            for other in self._by_words.get(series.words, ())
            if _unnoted(other.records[0].jurisdiction) == place
            for r in other.records
            if r.level == level
        ]

    def ranked(self, record: ClassRecord, rank: str) -> list[ClassRecord]:
        """The classes titled as the record's series with a rank word before or after it
        ("Senior Accounting Technician", "Accounting Technician, Senior"), in its standard's
        place."""
        series = self._series_of.get(record)
        if series is None:
            return []
        for words in ((rank, *series.words), (*series.words, rank)):
            found = self._named.get((words, record.jurisdiction))
            if found is not None and found is not series:
                return list(found.records)
        return []

    def counterpart(self, record: ClassRecord, jurisdiction: str) -> list[ClassRecord]:
        """The classes of another jurisdiction that match this one's series and level."""
        matches = []
        for series in self._series_in.get(jurisdiction, ()):
            if fuzz.token_set_ratio(series.name.lower(), (record.series or "").lower()) < 75:
                continue
            if record.level is None:
                matches += series.records
            else:  # a level the other series lacks has no counterpart there
                matches += [r for r in series.records if r.level == record.level]
        return matches


def _unnoted(jurisdiction: str | None) -> str:
    """A place without the notes in parentheses after it: "San Joaquin County, California"."""
    return re.sub(r"\s*\(.*$", "", jurisdiction or "").strip().lower()


def _whole_token(code: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){re.escape(code.lower())}(?![\w])")


@cache
def _grade_words() -> str:
    """The words that name a grade before its number, longest first: "grade", "group",
    "range", "band" and the labels of more than one word ("pay code", "salary plan"); not a
    single word such as "schedule" ("the increase in Schedule 1" names no grade)."""
    labels = {w for w in field_labels().grade if " " in w}
    words = sorted({*labels, "grade", "group", "range", "band"}, key=len)
    return "|".join(re.escape(w) for w in reversed(words))


def _grade_pattern(grade: str) -> re.Pattern[str]:
    """Letters in a grade ("a12", "gs-5") are distinctive, and the hyphen may be spaced or
    missing; a bare number ("14", "964") or a lone letter ("A", a word too) counts only after a
    word that names a grade ("grade", "group", "range", "band", "pay code" ...)."""
    grade = grade.lower()
    if not re.search(r"[a-z]", grade) or len(grade) == 1:
        return re.compile(rf"\b(?:{_grade_words()})\s+{re.escape(grade)}\b")
    flexible = r"\s*-?\s*".join(re.escape(part) for part in re.split(r"\s*-\s*", grade))
    return re.compile(rf"(?<![\w]){flexible}(?![\w])")


# A typed word stands for a place word when no dictionary knows it (a Zipf frequency below
# this), it is this long, and this close to the place word (rapidfuzz ratio).
_KNOWN_WORD = 2.5
_MIN_TYPO_PLACE = 6
_PLACE_TYPO_SCORE = 88


def place_words_in_order(jurisdiction: str) -> list[str]:
    """The words of a jurisdiction's name as written, its parentheses left out."""
    return re.findall(r"[a-z]+", re.sub(r"\([^)]*\)", " ", jurisdiction).lower())


def place_initials(jurisdiction: str) -> set[str]:
    """The initials a place's name is written short by: of its first two or three words, or
    of those after "of", when they are capitalised ("la" and "lac" of "Los Angeles County
    ...", "sf" of "City of San Francisco")."""
    words = re.sub(r"\([^)]*\)|,.*", " ", jurisdiction).split()
    starts = [0] + [n + 1 for n, word in enumerate(words) if word == "of"]
    found = set()
    for start in starts:
        run = list(takewhile(lambda w: w[:1].isupper(), words[start : start + 3]))
        found |= {"".join(w[0] for w in run[:size]).lower() for size in range(2, len(run) + 1)}
    # "ut" of "The University of Texas at Austin": its capitalised words, the small words
    # between them and a leading "The" skipped.
    named = takewhile(lambda w: w[:1].isupper() or w in _JOINING_WORDS, words)
    capitals = "".join(w[0] for w in named if w[:1].isupper() and w != "The")[:3].lower()
    found |= {capitals[:size] for size in range(2, len(capitals) + 1)}
    return found


_JOINING_WORDS = frozenset({"of", "at", "and", "for", "the", "in"})


def place_words(jurisdiction: str) -> set[str]:
    """The words that name a place ("riverbend" of "City of Riverbend"), not "city" or "of"."""
    # "Singapore (Civil Service)": what the parentheses add says which part, not which place.
    words = place_words_in_order(jurisdiction)
    return {
        w
        for w in words
        if len(w) >= 4
        and w not in _GENERIC_PLACE_WORDS
        # A place written as a sentence ("Not named - ... which suggests ..."): its words of
        # grammar ("which", "never") name nothing.
        and zipf_frequency(w, "en") < _FUNCTION_WORD_ZIPF
    }


def _codes_written(question: str, state: str) -> list[str]:
    """The state's two-letter codes the question writes in capitals ("CO", "LA"), lower case."""
    return [a for a in state_codes(state) if re.search(rf"\b{a.upper()}\b", question)]

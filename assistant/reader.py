"""The extractive reader: the lines of the retrieved passages that state the field asked for the
class asked, whatever the layout. It answers where the class catalog does not know, so the
catalog is a cache of what this reads, not a gate.

A line is read with its context: the section it sits in, the document's title, the header of
its table, the title-like line above it that names its class ("ENGINEERING TECHNICIAN II
(#EC4 )" above its pay line), and a bare label line above its value ("Pay grade" above "G3").
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from rapidfuzz import fuzz, process

from assistant.passage_layout import (
    OTHER_PAY_UNIT,
    blocks,
    owner_line,
    plausible_for,
    span,
    states_field,
    table_headers,
    typical_for,
)
from assistant.passages import Rarity, stem, stems
from assistant.query import STOPWORDS, QueryAnalysis, normalise_question
from assistant.row_keys import (
    another_in_column,
    has_row_key,
    has_step_column,
    keyed_by_value,
    keyed_in_column,
    lacks_step,
    other_step,
    row_under_key,
    starts_with_key,
    step_number,
    writes_coded_value,
)
from assistant.scope import name_acronyms
from assistant.titles import abbreviates, abbreviation_like, acronym_like, letters_swapped
from index.cells import FIGURE, ROW_TITLE, is_figure_row
from index.class_facts import key_value_facts
from index.dates import MONTHS_NOT_WORDS
from index.levels import LEVEL_TOKEN, level_value
from index.money import periods_in
from index.types import Chunk
from index.vocab import field_labels, intents, pay_elements, typed_question_words

# The fields a line can state, by the intent that asks for them.
FIELD_OF_INTENT = {"salary": "salary", "pay_grade": "grade", "code": "code"}
FIELD_NOUNS = {"salary": "salary", "grade": "grade or pay range", "code": "class code"}

# Share of the subject's weight a line with its context must hold to be about the subject:
# a figure must belong to the very class asked (all but a light word of its name found); a
# sentence may answer in other words.
MIN_FIELD_COVERAGE = 0.8
MIN_COVERAGE = 0.6
# A row of a grade key asked is scored on the words its document writes when they carry this
# share of the subject's weight (otherwise the document is about something else).
_KEYED_WRITTEN_SHARE = 0.5
# A sentence must itself hold this share of the question's words, not only its context.
MIN_OWN_SENTENCE = 0.35
# A word of the question no passage holds is read as a misspelling of an indexed word this alike.
_MIN_TYPO_LENGTH = 5
# A word of the question no passage holds, this short, is read as an abbreviation ("hr", "dcs").
_ABBREVIATION = 4
# A short label and a number run together, as people type a grade key: "hew1", "gs3", "aps4".
_GLUED_KEY = re.compile(r"([a-z]{2,5})\d{1,3}")
_TYPO_SIMILARITY = 85
# A word no passage holds, this long, may be two indexed words typed as one, each this long.
_MIN_GLUED_LENGTH = 7
_MIN_GLUED_PART = 3


_LEVEL_AFTER = re.compile(rf"^\s*(?:level\s+)?({LEVEL_TOKEN})\b", re.IGNORECASE)


# A heading or a column's head: a few words, not a sentence, not a row of figures.
_HEADING_WORDS = 10


def _heads(line: str) -> bool:
    """Whether a line is a heading or a column's head: short, no sentence, not figures."""
    text = line.strip()
    short = 0 < len(text.split()) <= _HEADING_WORDS
    return short and not text.endswith((".", ";", ":")) and not is_figure_row(text)


@cache
def pay_element_stems() -> frozenset[str]:
    """The stems of the pay other than the base rate ("longevity", "differential")."""
    return frozenset(stem(w) for w in pay_elements())


# Pay other than the base rate named by its noun: "shift premiums", "retention bonus".
PAY_NOUNS = frozenset(
    stem(w)
    for w in ("premium", "allowance", "bonus", "stipend", "differential", "incentive",
              "gratuity", "pension", "overtime", "longevity")
)  # fmt: skip
# The words that ask where a range starts, which a standard may label a line of its own with
# ("Starting Salary: Rs. 40,403/-" beside "Salary Scale: Rs. 46,220 – 84,350").
ENTRY_WORDS = frozenset(stem(w) for w in ("starting", "start", "entry", "hiring", "hire"))


@cache
def question_words() -> frozenset[str]:
    """Words that say what is asked, not about what: intent words and their stems."""
    words = {w for i in intents().values() for phrase in i.words for w in phrase.split()}
    words |= {w for labels in (field_labels().code, field_labels().grade) for p in labels
              for w in p.split()}  # fmt: skip
    words |= typed_question_words()
    return frozenset(words)


@cache
def question_stems() -> frozenset[str]:
    """The stems of the question words: a line's words say what is asked, not about what."""
    return frozenset(stem(w) for w in question_words())


# A note in parentheses: "(job code and bargaining unit, basic function)".
_NOTES = re.compile(r"\([^()]*\)")
# A month without its day says when something happened ("announced in January 2025"), not a
# date a table heads a column with ("from 11 July 2019", "April 1, 2024").
_MONTH_ALONE = re.compile(rf"(?<!\d )\b({MONTHS_NOT_WORDS})\b(?! \d{{1,2}}\b)", re.I)


def months_alone(question: str) -> set[str]:
    """The months a question names without their day."""
    return {m.group(1).lower() for m in _MONTH_ALONE.finditer(question)}


@dataclass(frozen=True)
class Reading:
    """One line of a passage, scored against the question's subject."""

    chunk: Chunk
    quote: str  # as in the passage: the line, from the line that names its class when above it
    coverage: float  # share of the subject's weight in the line and its context
    own: float  # share of the subject's weight in the line itself
    aspect: float  # share of the words its context lacks (what is asked of it) in the line
    states: bool  # holds a value of the asked field's shape
    rank: int  # rank of its passage in the retrieval
    header: str = ""  # the header line of the table the line is a row of, when it has one
    step_row: bool = False  # the row of the step asked, found under the key asked

    @property
    def score(self) -> float:
        return self.coverage + 0.5 * self.own + (1.0 if self.states else 0.0) - 0.03 * self.rank


def passages_in_order(chunks: Sequence[Chunk]) -> Callable[[str], list[Chunk]]:
    """A document's passages in its order, looked for among these (a library keeps them by
    document; a reader of a few passages looks them over)."""

    def of(source: str) -> list[Chunk]:
        return sorted((c for c in chunks if c.source == source), key=lambda c: c.position)

    return of


class PassageReader:
    """Finds, in ranked passages, the lines that state a field for the subject of a question."""

    def __init__(
        self,
        rarity: Rarity,
        chunks: Sequence[Chunk],
        chunks_of: Callable[[str], Sequence[Chunk]] | None = None,
    ) -> None:
        self.rarity = rarity
        self._chunks = chunks
        self._chunks_of = chunks_of or passages_in_order(chunks)
        # The stems of the places of the indexed documents ("colorado", "yakima", "county").
        self.places = {
            stem(w) for c in chunks for w in re.findall(r"[a-z]+", (c.jurisdiction or "").lower())
        }
        self._known: list[str] | None = None
        self._documents: dict[str, set[str]] = {}  # source -> the word stems it holds
        self._sources_of: dict[str, set[str]] = {}  # stem -> the documents holding it
        self._heading_stems: dict[str, set[str]] = {}  # source -> the stems of its headings
        self._title_stems: set[str] = set()  # the stems of every class title the passages name
        self._step_columns: dict[str, set[str]] = {}  # source -> the steps its headers list
        self._leads: dict[tuple[str, str], set[str]] = {}  # (source, field) -> its lead's stems

    def subject(self, keywords: Sequence[str], chunks: Sequence[Chunk] = ()) -> list[str]:
        """The stems of what the question is about: its content words less its question words,
        a misspelt word read as the indexed word it nearly is ("enginering" -> "engineering"),
        a compound typed as one word as its two ("lineworker"), an abbreviation as the word
        of the passages it shortens ("acct" -> "accounting"). A word no passage holds and
        none resembles stays: it is what the sources do not cover."""
        skip = question_words()
        words = [self.unglued(w) for w in keywords if w not in skip and len(w) > 1]
        spelt = [s for w in words for s in self._spelt_apart(w)]
        return list(dict.fromkeys(self._unabbreviated(s, spelt, chunks) for s in spelt))

    def respelt(
        self, words: Sequence[str], chunks: Sequence[Chunk], question: Sequence[str] = ()
    ) -> list[str]:
        """Words as the passages write them (their stems), where no passage writes them as
        typed (read as `subject` reads them, an abbreviation beside the question's other
        words); a word stays as typed when it is indexed or nothing resembles it."""
        spelt = [(w, self._spelt_apart(w)) for w in words]
        beside = [s for _, parts in spelt for s in parts] + [stem(w) for w in question]
        resolved = []
        for word, parts in spelt:
            if parts == [stem(word)]:
                parts = [self._unabbreviated(parts[0], beside, chunks)]
            resolved += [word] if parts == [stem(word)] else parts
        return resolved

    def _spelt_apart(self, word: str) -> list[str]:
        """The stems a typed word stands for: its own, a typo's indexed word, or the two
        words of a compound typed as one ("lineworker" of "Line Worker")."""
        word_stem = stem(word)
        spelt = self._spelt(word_stem, longer=False)
        if spelt != word_stem or self._indexed(word_stem):
            return [spelt]
        return self._apart(word) or [self._spelt(word_stem)]

    def _apart(self, word: str) -> list[str]:
        """The two indexed words, held by one document, that a long word is glued from
        ("paraeducator": "para" and "educator"); none when it is not."""
        if len(word) < _MIN_GLUED_LENGTH or not word.isalpha():
            return []
        skip = STOPWORDS | question_words()  # "statcan" is no "stat" glued to "can"
        for cut in range(_MIN_GLUED_PART, len(word) - _MIN_GLUED_PART + 1):
            if word[:cut] in skip or word[cut:] in skip:
                continue
            first, second = stem(word[:cut]), stem(word[cut:])
            if self.sources_of(first) & self.sources_of(second):
                return [first, second]
        return []

    def _unabbreviated(
        self, word_stem: str, subject: Sequence[str], chunks: Sequence[Chunk]
    ) -> str:
        """The word of the passages, or of their documents' places, that a short word no
        passage holds abbreviates ("acct" of "Accounting Technician I", "sac" of
        "Sacramento"): of the words it could shorten, the one written in a
        line with the most of the subject's other words, the first such line in the
        passages' order; else a word of a document's place it shortens. It stays as typed
        when neither is found."""
        if self._indexed(word_stem) or not abbreviation_like(word_stem):
            return word_stem
        names = {f"{c.doc_title}\n{c.jurisdiction or ''}" for c in chunks}
        if any(word_stem in name_acronyms(name) for name in names):
            return word_stem  # "anu" is the Australian National University, not "annual"
        others = {s for s in subject if s != word_stem}
        best, best_score = word_stem, 0.0
        for chunk in chunks:
            # A word of the document's place, when no line does better: "sac" of a posting of
            # "California State University, Sacramento" whose text never writes the city.
            placed = [
                w for w in sorted(stems(chunk.jurisdiction or "")) if abbreviates(word_stem, w)
            ]
            if placed and best_score < _PLACE_SCORE:
                best, best_score = placed[0], _PLACE_SCORE
            for line in chunk.text.splitlines():
                found = stems(line)
                score = len(found & others)
                if score <= best_score:
                    continue
                shortened = [w for w in sorted(found) if abbreviates(word_stem, w)]
                if shortened:
                    best, best_score = shortened[0], score
        return best

    def unglued(self, word: str) -> str:
        """A label typed glued to its number ("hew1", "gs3") that no passage holds is its
        label, as the passages write it apart ("HEW 1", "GS-03"); the number is a key."""
        glued = _GLUED_KEY.fullmatch(word)
        if glued and not self._indexed(stem(word)) and self._indexed(stem(glued.group(1))):
            return glued.group(1)
        return word

    def known_subject(self, subject: Sequence[str], places: Iterable[str]) -> list[str]:
        """The subject less the words no passage holds, when at least two indexed words
        besides place names still name it: one word of any length ("eng" of "eng tech III"),
        or any number of short ones, abbreviations as people type them ("hr", "dcs" of "tn hr
        analyst 2 dcs jackson"). A class whose name is unknown ("registered nurse in Texas")
        keeps its unknown words, and so finds no line."""
        unknown = [s for s in subject if not self._indexed(s)]
        place_stems = {stem(w) for p in places for w in re.findall(r"[a-z]+", p.lower())}
        named = [s for s in subject if self._indexed(s) and s not in place_stems]
        abbreviations = all(len(s) <= _ABBREVIATION for s in unknown)
        if unknown and (len(unknown) == 1 or abbreviations) and len(named) >= 2:
            return [s for s in subject if s not in unknown]
        return list(subject)

    def _indexed(self, word_stem: str) -> bool:
        """Whether a passage, or a document's title or place, holds the stem ("analyst" of a
        posting titled "HR Analyst 2" whose text never writes it)."""
        return bool(self.rarity.frequency[word_stem]) or bool(self.sources_of(word_stem))

    def _spelt(self, word_stem: str, longer: bool = True) -> str:
        """The indexed stem a typo stands for; with `longer`, the shortest indexed stem that
        begins with it when no stem is alike."""
        if self._indexed(word_stem) or len(word_stem) < _MIN_TYPO_LENGTH:
            return word_stem
        # Two letters typed the wrong way round ("releif"): the word with them swapped back.
        swapped = next((s for s in letters_swapped(word_stem) if self._indexed(s)), None)
        if swapped is not None:
            return swapped
        # Two letters swapped in a long word ("maintanence") cost more of a short word's score.
        cutoff = _TYPO_SIMILARITY - 5 if len(word_stem) >= 8 else _TYPO_SIMILARITY
        match = process.extractOne(
            word_stem, self._vocabulary(), scorer=fuzz.ratio, score_cutoff=cutoff
        )
        if match:
            return str(match[0])
        if not longer:
            return word_stem
        # The crude stem of another form of the word: "qualifi" of "qualifies" is
        # "qualification" in the passages.
        forms = [s for s in self._vocabulary() if s.startswith(word_stem)]
        return min(forms, key=lambda s: (len(s), s)) if forms else word_stem

    def _vocabulary(self) -> list[str]:
        """The stems a typo may stand for, in alphabetical order: a tie between two goes the
        same way whatever order the passages were read in."""
        if self._known is None:
            # The passages' words, and those of the documents' titles and places only: a
            # university a manifest names and its page never does ("hudersfield").
            self._read_documents()
            words = set(self.rarity.frequency) | set(self._sources_of)
            self._known = sorted(s for s in words if len(s) >= _MIN_TYPO_LENGTH)
        return self._known

    def read(
        self,
        subject: Sequence[str],
        chunks: Sequence[Chunk],
        field: str | None,
        level: int | None = None,
        period: str | None = None,
        with_owner: bool = False,
        keys: Sequence[tuple[str, str]] = (),
        step: str | None = None,
        level_of: Sequence[str] = (),
    ) -> list[Reading]:
        """Every line of the passages scored for the subject, best first. A line that states a
        field (or every line, with_owner) is quoted from the line naming its class. A row of a
        grade key asked is scored on the subject's words its document writes: the key finds
        the row, and "hiring rate" or "midpoint" name a column its table may write short.
        The level asked is the subject's, or that of the words given (level_of)."""
        total = math.fsum(self.rarity.weight(s) for s in subject)
        readings: list[Reading] = []
        codes = _codes_stated(chunks) if keys else {}
        # "Level 3" asked as a row's key: a line's "Level 5" is another row, not the class's.
        level_word = not any(label == "level" for label, _ in keys)
        asked_level = (level, level_of or subject)  # the level, and the words it is of
        for rank, chunk in enumerate(chunks):
            context = "\n".join(
                (chunk.doc_title, chunk.jurisdiction or "", chunk.section, chunk.table_header or "")
            )
            context_stems = stems(context) | {stem(c) for t in chunk.classes for c in t.split()}
            # "SDCCD" of a passage of the San Diego Community College District: the acronyms
            # its names spell.
            context_stems |= name_acronyms(f"{chunk.doc_title}\n{chunk.jurisdiction or ''}")
            document = self.document_stems(chunk.source)
            written = [s for s in subject if s in document]
            written_total = math.fsum(self.rarity.weight(s) for s in written)
            # A key that is the code of the document's class, in its title and after a code's
            # label in its text ("Class Code: HB40"), names the class, not a row of its table:
            # every line of the document is its. (A title naming grades "HEW 1 to HEW 7" or a
            # bill "HB30" does not make every line of their tables the one asked.)
            titled = has_row_key(chunk.doc_title, keys) and has_row_key(
                codes.get(chunk.source, ""), keys
            )
            lead_in = ""  # the last line of the block before, when it leads into this one
            # The header over rows written a paragraph each ("Step DAILY RATE" / "ANNUAL" /
            # "SALARY" over "0 $292.51 54,700"), which their own blocks do not hold; only rows
            # keyed by the question read it.
            rows_header = chunk.table_header or (header_over_rows(chunk.text) if keys else "")
            for block in _headed_blocks(chunk):
                headers = table_headers(block)
                for position, line in enumerate(block):
                    header = headers[position] or chunk.table_header or ""
                    by_value = keyed_by_value(block, position, keys, rows_header)
                    # A row found by its value under a header of cells is read under it.
                    header = header or (rows_header if by_value else "")
                    owner = owner_line(block, position, field, header)
                    by_value = by_value or keyed_in_column(line, header, keys)
                    keyed = by_value or has_row_key(f"{chunk.section}\n{owner}\n{line}", keys)
                    keyed = (
                        keyed or titled or has_row_key(_key_heading_above(block, position), keys)
                    )
                    # "grade A54" of a row "SSM401AA54000 A54 6,181.00 ..." under "GRED": a
                    # value of letters and digits names its row under any label.
                    keyed = keyed or writes_coded_value(line, keys)
                    if keyed and not by_value and _heads_another_row(line, keys):
                        keyed = False  # "CG-01 | ..." under a heading naming "CM-00" too
                    if keys and not keyed:
                        continue  # "Band 5" asked: the row must be Band 5's
                    if another_in_column(line, header, keys):
                        continue  # "Grade 4 | A |" is not Grade 4's level D
                    if (
                        other_step(line, step)
                        and not by_value
                        and not has_row_key(line, keys)
                        and step not in self.step_columns(chunk.source)
                    ):
                        # "ANUO5 step 3" asked: the key's row of another step. (Under a
                        # header "Range Step 1 Step 2 ...", "3 136,580 ..." is range 3's row.)
                        continue
                    if by_value and not has_step_column(chunk, step):
                        continue  # "SG 33 step 3": a table with no steps gives no step's pay
                    if lacks_step(header, step):
                        continue  # "HR-03 step 6" of a table of steps 1 to 5
                    row_subject, row_total = subject, total
                    if keys and written_total >= total * _KEYED_WRITTEN_SHARE:
                        row_subject, row_total = written, written_total
                    if by_value or (owner and owner in header) or _own_row(line, owner):
                        # The lines above a row written by its value are its header, shown
                        # beside the row, not quoted above it.
                        owner = ""
                    carried = _row_carried_on(block, position)
                    owner = carried or owner
                    values = row_under_key(block, position, keys, step)
                    below = block.index(values, position + 1) if values else position + 1
                    between = block[position + 1 : below]
                    if any(lacks_step(head, step) for head in between):
                        continue  # "HR-03" over "Effective dates | Step 1 | ... | Step 5"
                    if values:  # the key on one line, its row of figures on the next
                        line = span(chunk.text, line, values)
                    beside = _named_beside(block, position, owner, lead_in)
                    if refers_back(line):
                        beside += "\n" + self._text_before(chunk, line)
                    reading = self._reading(
                        row_subject, row_total, chunk, rank, line, owner, header, context,
                        context_stems, document, field, asked_level, period, bool(values),
                        level_word, beside,
                    )  # fmt: skip
                    if reading is not None and values and step is not None:
                        reading = replace(reading, step_row=True)
                    if reading is not None and carried:
                        # The row's first line is the line's own: its words name the row.
                        own = self._share(row_subject, stems(f"{carried}\n{line}"), row_total)
                        reading = replace(reading, own=max(reading.own, own))
                    # A row that begins with the key asked names itself: no title above it.
                    heads_row = bool(keys) and starts_with_key(line, keys)
                    # So does a line that names the level asked: "The salary range for level
                    # III is ...", "Level II $16.69 - $18.78 Hourly" under "Hiring Range:".
                    heads_row = heads_row or (
                        level is not None and level_word and bool(levels_by_the_word(line))
                    )
                    if reading is not None and owner and not heads_row and (field or with_owner):
                        below = position + 1 < len(block) and owner == block[position + 1]
                        first, last = (line, owner) if below else (owner, line)
                        reading = replace(reading, quote=span(chunk.text, first, last))
                    if reading is not None:
                        readings.append(reading)
                lead_in = block[-1] if block[-1].rstrip().endswith(":") else ""
        readings.sort(key=lambda r: -r.score)
        return readings

    def _text_before(self, chunk: Chunk, line: str) -> str:
        """The text of a document up to a line, as far back as _BACK_REACH characters: what a
        line that refers back to it ("Both positions offer ...") names."""
        passages = self._chunks_of(chunk.source)
        earlier = [c.text for c in passages if c.position < chunk.position]
        own = chunk.text[: max(chunk.text.find(line), 0)]
        return "\n".join((*earlier, own))[-_BACK_REACH:]

    def prepare(self, previous: PassageReader | None = None, changed: Collection[str] = ()) -> None:
        """Build now what the first question would otherwise wait for (kept by the start-up
        snapshot): each document's stems, and the stems a typo may stand for. A prepared
        reader of an earlier library (previous), which this one consumes, gives what it read
        of each document not changed since: only the changed documents are read again."""
        if previous is not None and previous._documents:
            self._carry(previous, changed)
        self._read_documents()
        self._vocabulary()

    def _carry(self, previous: PassageReader, changed: Collection[str]) -> None:
        """Take the previous reader's stems of each document still here and not changed, its
        inverted index less the documents gone or changed, and read the changed ones."""
        here = dict.fromkeys(c.source for c in self._chunks)
        gone = [s for s in previous._documents if s not in here or s in changed]
        sources_of = previous._sources_of
        for source in gone:
            for word in previous._documents[source]:
                holding = sources_of[word]
                holding.discard(source)
                if not holding:
                    del sources_of[word]
        known = previous._documents
        read = [c for c in self._chunks if c.source not in known or c.source in changed]
        for chunk in read:
            self._read_chunk(chunk)
        # A title of a document gone may linger: it only keeps a word counted against a line.
        self._title_stems |= previous._title_stems
        for source in dict.fromkeys(c.source for c in read):
            for word in self._documents[source]:
                sources_of.setdefault(word, set()).add(source)
        # Each document in the order of the passages, as reading them all would give.
        for source in here:
            if source not in self._documents:
                self._documents[source] = previous._documents[source]
                self._heading_stems[source] = previous._heading_stems[source]
                self._step_columns[source] = previous._step_columns[source]
        self._documents = {s: self._documents[s] for s in here}
        self._heading_stems = {s: self._heading_stems[s] for s in here}
        self._step_columns = {s: self._step_columns[s] for s in here}
        self._sources_of = sources_of

    def sources_of(self, word_stem: str) -> set[str]:
        """The documents whose text, title or place holds the stem."""
        self._read_documents()
        return self._sources_of.get(word_stem, set())

    def heading_stems(self, source: str) -> set[str]:
        """The word stems of a document's short lines that are neither sentences nor rows of
        figures: its headings, and the heads of its tables' columns ("19 October 2017",
        "$1,800 flat rate", "Constables appointed on or after 1 April 2013")."""
        self._read_documents()
        return self._heading_stems.get(source, set())

    def step_columns(self, source: str) -> set[str]:
        """The steps a document's header lines list as columns ("Step 1 Step 2 Step 3 ...")."""
        self._read_documents()
        return self._step_columns.get(source, set())

    def document_stems(self, source: str) -> set[str]:
        """The word stems of one document's text, title and place."""
        self._read_documents()
        return self._documents.get(source, set())

    def _read_documents(self) -> None:
        """One pass over the passages, on first use: each document's stems and, inverted,
        the documents of each stem."""
        if self._documents:
            return
        for chunk in self._chunks:
            self._read_chunk(chunk)
        for source, words in self._documents.items():
            for word in words:
                self._sources_of.setdefault(word, set()).add(source)

    def _read_chunk(self, chunk: Chunk) -> None:
        """Add a passage's stems (with its document's title and place) to its document's."""
        words = stems(f"{chunk.text} {chunk.doc_title} {chunk.jurisdiction or ''}")
        self._documents.setdefault(chunk.source, set()).update(words)
        heads = self._heading_stems.setdefault(chunk.source, set())
        heads.update(w for line in chunk.text.splitlines() if _heads(line) for w in stems(line))
        self._title_stems.update(w for title in chunk.classes for w in stems(title))
        columns = self._step_columns.setdefault(chunk.source, set())
        for line in (chunk.table_header or "", *chunk.text.splitlines()):
            named = {step_number(s) for s in _STEP_COLUMN.findall(line)}
            if len(named) >= _STEP_COLUMNS:
                columns |= named

    def written_share(self, source: str, subject: Sequence[str], question: str) -> float:
        """The share of the subject's weight left for a document's lines to cover once the
        words it never writes and no class title holds are set aside ("the hiring range ...
        in Greeley's Parks division"): the way a user puts it, they cannot point to another
        line of that document. A class word it lacks ("Groundskeeper Supervisor") still
        counts, and so do a word for pay other than the base rate ("overtime") and words
        written next to a word of the subject that the document does write: they name which
        one ("machine operator" of a "Snow Plow Operator", "support services specialist").
        Words weighing more than half the subject are not set aside: they are what it asks."""
        document = self.document_stems(source)
        # An abbreviation no indexed text writes ("DA and HRA") names what is asked.
        typed = re.findall(r"[a-z]+", question.lower())
        unknown = {stem(w) for w in typed if acronym_like(w) and not self._indexed(stem(w))}
        unwritten = [
            s
            for s in subject
            if s not in document
            and s not in self._title_stems
            and s not in pay_element_stems()
            and not any(map(str.isdigit, s))
            and s not in unknown
        ]
        if not unwritten:
            return 1.0
        named = _phrased_with(question, set(unwritten), {s for s in subject if s in document})
        unwritten = [s for s in unwritten if s not in named]
        total = math.fsum(self.rarity.weight(s) for s in subject)
        if total <= 0 or not unwritten:
            return 1.0
        share = 1.0 - math.fsum(map(self.rarity.weight, unwritten)) / total
        return share if share >= _LEAST_WRITTEN_SHARE else 1.0

    def _reading(
        self,
        subject: Sequence[str],
        total: float,
        chunk: Chunk,
        rank: int,
        line: str,
        owner: str,
        header: str,
        context: str,
        context_stems: set[str],
        document: set[str],
        field: str | None,
        level: tuple[int | None, Sequence[str]],  # the level asked, and of which words
        period: str | None,
        keyed: bool = False,  # a row under the key line asked ("SM1" over "(1) 107,632")
        level_word: bool = True,  # "level III" in a line names the subject's level
        beside: str = "",  # the lines that name it around it: a label, a title's rest
    ) -> Reading | None:
        """One line scored, or None when it gives the subject another level than asked. The
        line's own words count in full, and so do its owner's (the line above that names the
        class it belongs to), the passage's context, and a year or place found elsewhere in the
        same document: it places the document."""
        own_stems = stems(line)
        own = self._share(subject, own_stems, total)
        asked = [s for s in subject if s not in context_stems]
        aspect = self._share(asked, own_stems, math.fsum(self.rarity.weight(s) for s in asked))
        # The header of the line's table names its columns: "Exempt / Non-exempt ... Grade".
        near = own_stems | stems(owner) | stems(header) | stems(beside) | context_stems
        coverage = self._share(subject, near, total)
        # A year or a place found elsewhere in the document places it ("Colorado's 1993
        # series"); a word of a class title found elsewhere does not place this line.
        placing = [s for s in subject if s not in near and (s.isdigit() or s in self.places)]
        coverage += self._share(placing, document, total)
        if field is not None and coverage < MIN_FIELD_COVERAGE:
            # "Salary Range: $58,300-$93,100" of a posting headed "Tennessee Valley Authority /
            # Office of the Inspector General / ... / Auditor": its one labelled salary is the
            # post's its lead names.
            lead = self._lead_of_one_post(chunk.source, field, line)
            coverage += self._share([s for s in subject if s not in near], lead, total)
        if keyed:
            # A step's row under the key line asked is found by the key: the rest of the
            # subject may head its table or column, in a passage above ("SM1 step 1 after the
            # 19 October 2017 flat-rate increase"); a sentence elsewhere does not place it. (A
            # row that writes its key itself may be one of a matrix whose column asked it
            # leaves empty: "Max-1 53965 65862" under "Legal Trainee C1 C2".)
            heads = self.heading_stems(chunk.source)
            above = [s for s in subject if s not in near and s not in placing and s in heads]
            coverage += self._share(above, document, total)
        fits = level[0] is None or _level_fits(
            line, f"{owner}\n{context}", level[1], level[0], level_word, owner
        )
        if not fits:
            return None
        context = f"{owner}\n{context}"
        heading = f"{header}\n{context}"
        if field == "salary":
            # What a document's title and place say in parentheses describes the document
            # ("(job code and bargaining unit ...; holds no pay)"): it makes none of its bare
            # figures pay. (A passage under no heading has its document's title as its section.)
            described = f"{chunk.doc_title}\n{chunk.jurisdiction or ''}\n{chunk.section}"
            heading = f"{header}\n{owner}\n{_NOTES.sub(' ', described)}\n{chunk.table_header or ''}"
        states = field is not None and states_field(field, line, heading)
        if states and field == "salary" and period:
            written = periods_in(line)
            named = written or periods_in(f"{header}\n{chunk.table_header or ''}")
            if named:
                states = period in named
            else:  # "$120 per day" is no hourly rate, however small
                states = typical_for(period, line) and not OTHER_PAY_UNIT.search(line)
            if states and not written and len(named) > 1:
                # A header of several periods ("Monthly Annual Bi-Weekly Hourly") over a row
                # that leaves the hourly cell empty: the row must hold an hourly amount.
                states = plausible_for(period, line)
        return Reading(chunk, line, coverage, own, aspect, states, rank, header)

    def _lead_of_one_post(self, source: str, field: str, line: str) -> set[str]:
        """The word stems of a document's lead (its lines before the first that labels a
        class fact) when the line labels the field asked and no other line of the document
        labels it with another value: a posting's head names the post its labelled lines are
        of. Empty otherwise (a document of several posts labels each one's pay)."""
        if not _labels(line, field):
            return set()
        if (source, field) not in self._leads:
            self._leads[source, field] = self._lead(source, field)
        return self._leads[source, field]

    def _lead(self, source: str, field: str) -> set[str]:
        lead: list[str] = []
        values: set[str] = set()
        for passage in self._chunks_of(source):
            for text in passage.text.splitlines():
                value = _labels(text, field)
                if value:
                    values.add(value)
                elif not values:
                    lead.append(text)
        return stems("\n".join(lead)) if len(values) == 1 else set()

    def _share(self, subject: Sequence[str], found: set[str], total: float) -> float:
        if total <= 0:
            return 1.0 if not subject else 0.0
        return math.fsum(self.rarity.weight(s) for s in subject if s in found) / total


def _labels(line: str, field: str) -> str | None:
    """The value a "Label: value" line gives the field ("Salary Range: $58,300-$93,100" gives
    a salary), or None."""
    facts = key_value_facts(line) if ":" in line else None
    if facts is None:
        return None
    value = {
        "salary": f"{facts.salary_min or ''} {facts.salary_max or ''}".strip(),
        "grade": facts.pay_grade or "",
        "code": facts.code or "",
    }.get(field, "")
    return value or None


# A row's own key at its start: "CG-01 |", "APS 4", "GS-12".
_LEADING_KEY = re.compile(r"^\s*[A-Z]{1,5}[- ]?\d{1,3}[A-Z]?\b")


def _codes_stated(chunks: Sequence[Chunk]) -> dict[str, str]:
    """The codes each document's passages state after a code's label ("Class Code: HB40"),
    by document."""
    codes: dict[str, list[str]] = {}
    for chunk in chunks:
        for line in chunk.text.splitlines():
            facts = key_value_facts(line) if ":" in line else None
            if facts is not None and facts.code:
                codes.setdefault(chunk.source, []).append(facts.code)
    return {source: " ".join(found) for source, found in codes.items()}


def _key_heading_above(block: list[str], position: int) -> str:
    """The nearest line above a row that begins with a grade's key and is no row of figures:
    the heading of that grade's table ("HR-01 – Annual rates of pay" over its rows)."""
    for line in reversed(block[:position]):
        if _LEADING_KEY.match(line) and not is_figure_row(line):
            return line
    return ""


def _heads_another_row(line: str, keys: Sequence[tuple[str, str]]) -> bool:
    """Whether a line begins with a key of its own that is not one asked: the row of another
    grade, whatever its heading names."""
    return bool(_LEADING_KEY.match(line)) and not has_row_key(line, keys)


def _own_row(line: str, above: str) -> bool:
    """Whether a row of figures that begins with its own value ("12 30584 ...") sits under
    another such row, which names nothing of it; a row that begins with a label ("Maximum
    $4,656.00") carries on the row above, which names its grade."""
    first = line.split()[0] if line.split() else ""
    return bool(above) and any(c.isdigit() for c in first) and is_figure_row(above)


# A line that names what it speaks of by referring back to it: "Both positions offer identical
# salary structures ...", "These posts are paid ...", "Each of the three roles ...". The text
# before it, this far back, names them.
_REFERS_BACK = re.compile(
    r"\s*(?:both|these|the two|the three|all (?:three|four|five|of these)|each of (?:these|the))"
    r"\s+(?:\w+\s+)?(?:positions?|posts?|roles?|jobs?|vacancies|classes|classifications)\b",
    re.IGNORECASE,
)
_BACK_REACH = 1200


def refers_back(line: str) -> bool:
    """Whether a line (or a passage, by its first line) names what it speaks of by referring
    back to the posts named before it ("Both positions offer ...")."""
    return bool(_REFERS_BACK.match(line))


# The share of a subject's weight a document must write for its lines to answer it.
_LEAST_WRITTEN_SHARE = 0.5
# An abbreviation read as a word of its document's place scores below a line holding a word of
# the subject beside the word it shortens.
_PLACE_SCORE = 0.5


def _phrased_with(question: str, unwritten: set[str], written: set[str]) -> set[str]:
    """The unwritten words of a question that run up to a written word of its subject, as
    the question writes them: "machine" of "machine operator", both words of "support
    services specialist"."""
    words = [stem(w) for w in re.findall(r"[a-z0-9]+", question.lower())]
    named: set[str] = set()
    start = 0
    while start < len(words):
        if words[start] not in unwritten:
            start += 1
            continue
        end = start
        while end < len(words) and words[end] in unwritten:
            end += 1
        before = words[start - 1] if start else ""
        after = words[end] if end < len(words) else ""
        if before in written or after in written:
            named.update(words[start:end])
        start = end
    return named


# A step's column in a header ("Step 1 Step 2 Step 3"); a line naming this many heads a table.
_STEP_COLUMN = re.compile(r"\bstep\s*(\d{1,2})\b", re.IGNORECASE)
_STEP_COLUMNS = 3

# A label alone on its line, its values on the lines below: "Hiring Range:", "Salary Grade:".
_LABEL_ALONE = re.compile(r"^[A-Z][A-Za-z/&'()-]*(?: [A-Za-z/&'()-]+){0,4}:$")
# At most this many value lines below their label.
_LABEL_REACH = 4


def _named_beside(block: list[str], position: int, owner: str, lead_in: str = "") -> str:
    """The lines around a line that name it besides its owner: the label alone above its
    values, the lead-in of its list (the last line of the block before, when the list opens
    this one), and the rest of a title that wraps around its row ("Director/Manager III/"
    over "3 136,580 ..." over "Dean (670)")."""
    label = _label_above(block, position)
    opens = lead_in and all(_LIST_ITEM.match(line.strip()) for line in block[: position + 1])
    if opens and not label and len(lead_in) <= _LEAD_IN_CHARS:
        label = lead_in
    wraps = owner.rstrip().endswith(_TITLE_JOINERS) and position + 1 < len(block)
    rest = block[position + 1] if wraps else ""
    if rest and (is_figure_row(rest) or ":" in rest or len(rest.split()) > _TITLE_REST_WORDS):
        rest = ""
    return f"{label}\n{rest}".strip()


# A title cut at one of these goes on after the row it names: "Director/Manager III/".
_TITLE_JOINERS = ("/", "&", "-", ",", " and", " of")
_TITLE_REST_WORDS = 6


def _label_above(block: list[str], position: int) -> str:
    """The label alone on a line above whose values a line is one of ("Hiring Range:" over
    "Level I $15.14 - $17.04 Hourly" and "Level II ..."), or the lead-in of the list a list
    item is one of ("Cadets will receive the following percentage of the applicable rate:" over
    "• 2nd year 75%"): no line between them is a label or a "Label: value" line of its own;
    "" when there is none. (A block's line may be the label read with its first value:
    "Hiring Range:\nLevel I ...".)"""
    item = bool(_LIST_ITEM.match(block[position].strip()))
    reach = _LIST_REACH if item else _LABEL_REACH
    for above in range(position - 1, max(-1, position - 1 - reach), -1):
        line = block[above].strip().split("\n")[0]
        if _LABEL_ALONE.match(line):
            return line
        if item and _LIST_ITEM.match(line):
            continue
        if item and line.endswith(":") and len(line) <= _LEAD_IN_CHARS:
            return line
        if ":" in line:
            return ""
    return ""


# A list's item: "• 2nd year 75%", "- Level I", "(a) Clerk", "3. Finance".
_LIST_ITEM = re.compile(r"^(?:[-•*–·▪]|\(?[a-z0-9]{1,2}[.)])\s")
_LIST_REACH = 12
_LEAD_IN_CHARS = 300


def _row_carried_on(block: list[str], position: int) -> str:
    """The row a line carries on, when it begins with a label rather than a value and the
    line above is a row that begins with its key ("M-G Minimum $2,885.00 ..." over "Maximum
    $4,656.00 ..."): that row names its grade."""
    if not position:
        return ""
    line, above = block[position], block[position - 1]
    if _titled_row(above) and _figures_alone(line, above):
        # "Library Assistant I 687 712 739 768 797" over "(4.17) (4.32) (4.49) (4.66)": a
        # second line of figures, with no word of its own, is the same row's.
        return above
    keyed_above = any(c.isdigit() or c == "-" for c in (above.split() or [""])[0])
    label_first = not any(c.isdigit() for c in (line.split() or [""])[0])
    # The cheap tests first: this runs for every line read.
    if not (keyed_above and label_first):
        return ""
    return above if is_figure_row(line) and is_figure_row(above) else ""


# A line of figures alone: amounts, in parentheses or not, and marks; no word.
_FIGURES_ALONE = re.compile(r"[\s*()$£€.,:;~\]\[-]*(?:\d[\d.,]*[\s*()$£€.,:;~\]\[-]*){2,}")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _figures_alone(line: str, above: str) -> bool:
    """Whether a line is figures alone, as many as the row above holds, and not a row of its
    own: it does not open with a bare number, a row's key ("2 $37.65 $38.59")."""
    if not _FIGURES_ALONE.fullmatch(line) or re.match(r"\s*\d{1,3}\s", line):
        return False
    return len(_NUMBER.findall(line)) == len(_NUMBER.findall(above))


def _titled_row(line: str) -> bool:
    """A row that a title opens and figures follow: "Librarian I 919 957 996"."""
    return bool(ROW_TITLE.match(line)) and is_figure_row(line)


def header_over_rows(text: str) -> str:
    """The short lines with no figure right above a passage's first row of figures, blank
    lines between them or not (at most _ROWS_HEADER_LINES): the header of its table; "" when
    it has none."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = next((n for n, line in enumerate(lines) if is_figure_row(line)), 0)
    header: list[str] = []
    for line in reversed(lines[:first][-_ROWS_HEADER_LINES:]):
        if len(line) > _HEADER_LINE_CHARS or line.endswith((".", ";")) or FIGURE.search(line):
            break
        header.insert(0, line)
    return "\n".join(header)


_ROWS_HEADER_LINES = 3
_HEADER_LINE_CHARS = 40


def _headed_blocks(chunk: Chunk) -> list[list[str]]:
    """The passage's blocks, after the headings above it that are not the document's title:
    a heading such as "TRANSPORTATION MAINTENANCE I D7D1XX" states the code of what it heads."""
    headings = [
        part.strip()
        for part in chunk.section.split(" > ")
        if part.strip() and part.strip().lower() != chunk.doc_title.strip().lower()
    ]
    return ([headings] if headings else []) + blocks(chunk.text)


def level_asked(question: str, subject: Sequence[str]) -> int | None:
    """The one level the question gives its subject ("accountant 1", "technician II"), if any;
    "the bus monitor one" gives none: that "one" stands for the job named."""
    found = _levels_after_subject(_PRONOUN_ONE.sub(r"\1", question), subject)
    return found.pop() if len(found) == 1 else None


# "(the bus monitor one)": "one" after a noun phrase the article opens, ending a clause.
_PRONOUN_ONE = re.compile(r"(\b(?:the|this|that)\s+(?:[a-z]+\s+){1,4}?)one\b(?=\s*(?:[)?.!,;]|$))")


def question_level(
    analysis: QueryAnalysis, subject: Sequence[str], keys: Sequence[tuple[str, str]]
) -> tuple[int | None, list[str]]:
    """The level a question gives its subject ("accountant 1"), with the words it is written
    after. When all its words name its document, a level in words after one of those
    ("harbour crane mechanic III" of "Harbour Crane Mechanic II/III"), unless the question
    keys rows ("HEW 5 Level 3"): a figure after a name word may be a grade's ("CASB 12")."""
    question = normalise_question(analysis.question)
    if analysis.level or subject:
        return analysis.level or level_asked(question, subject), list(subject)
    named = sorted(analysis.naming.words) if analysis.naming and not keys else []
    return level_asked(re.sub(r"\b\d+\b", " ", question), named), named


def levels_named(text: str, subject: Sequence[str]) -> set[int]:
    """The levels a text gives the subject ("Office Assistant 5": {5}); empty when it names
    none, or names the subject with no level."""
    return _levels_after_subject(text, subject)


def _level_fits(
    line: str,
    context: str,
    subject: Sequence[str],
    level: int,
    level_word: bool = True,
    owner: str = "",
) -> bool:
    """Whether the line, or failing that its context, gives the subject the level asked: a
    line that names no level of the subject may be about another level, or none. A line that
    names a level with the word itself ("The salary range for level III is ...") names one of
    the subject its passage is about (unless levels key the rows asked: "HEW 5 Level 3"), and
    so does the heading it is under ("Level II" over "Pay Range: $15.95 - $19.12 per hour");
    a context naming several that way does not pick one."""
    line_levels = _levels_after_subject(line, subject)
    if not line_levels and level_word:
        line_levels = levels_by_the_word(line)
    if line_levels:
        return level in line_levels
    context_levels = _levels_after_subject(context, subject)
    if not context_levels and level_word:
        context_levels = levels_by_the_word(owner)
    return level in context_levels


def levels_by_the_word(line: str) -> set[int]:
    """The levels a line names by the word: {2} of "Level II $16.69 - $18.78 Hourly"."""
    return _levels_after_subject(line, ["level"])


def _levels_after_subject(text: str, subject: Sequence[str]) -> set[int]:
    """Levels written right after a subject word: "Technician II", "Specialist 3"."""
    wanted = set(subject)
    found: set[int] = set()
    for match in re.finditer(r"[A-Za-z]+", text):
        if stem(match.group()) not in wanted:
            continue
        after = _LEVEL_AFTER.match(text[match.end() :])
        if after:
            value = level_value(after.group(1))
            if value is not None:
                found.add(value)
    return found

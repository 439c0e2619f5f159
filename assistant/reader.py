"""The extractive reader: the lines of the retrieved passages that state the field asked for the
class asked, whatever the layout. It answers where the class catalog does not know, so the
catalog is a cache of what this reads, not a gate.

A line is read with its context: the section it sits in, the document's title, the header of
its table, the title-like line above it that names its class ("ENGINEERING TECHNICIAN II
(#EC4 )" above its pay line), and a bare label line above its value ("Pay grade" above "G3").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from rapidfuzz import fuzz, process

from assistant.passages import Rarity, stem, stems
from index.levels import LEVEL_TOKEN, level_value
from index.money import MONEY, TYPED_MONEY, YEAR, money_value, periods_in
from index.types import Chunk
from index.vocab import field_labels, intents

# The fields a line can state, by the intent that asks for them.
FIELD_OF_INTENT = {"salary": "salary", "pay_grade": "grade", "code": "code"}
FIELD_NOUNS = {"salary": "salary", "grade": "grade or pay range", "code": "class code"}

# A line this long is read sentence by sentence: paragraphs are not table rows.
_LONG_LINE = 300
# Share of the subject's weight a line with its context must hold to be about the subject:
# a figure must belong to the very class asked (all but a light word of its name found); a
# sentence may answer in other words.
MIN_FIELD_COVERAGE = 0.8
MIN_COVERAGE = 0.6
# A sentence must itself hold this share of the question's words, not only its context.
MIN_OWN_SENTENCE = 0.35
# How far above a figure the line naming its class may sit, and how long such a line may be.
_OWNER_REACH = 8
_TITLE_WORDS = 10
# A word of the question no passage holds is read as a misspelling of an indexed word this alike.
_MIN_TYPO_LENGTH = 5
_TYPO_SIMILARITY = 85


def _words_pattern(words: Iterable[str]) -> str:
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return r"(?<![\w])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


@cache
def _shapes() -> dict[str, re.Pattern[str]]:
    labels = field_labels()
    return {
        "grade": re.compile(
            _words_pattern(labels.grade)
            + r"(?![\w])\s*[:#.]?\s*\(?\s*(?:[A-Z]{1,3}\s?-?\s?)?\d{1,3}(?:[.\s]\d)?[A-Z]?(?![\w,])"
            + r"|\b(?:GS|GG|GM|WG|WS)-\s?\d{1,2}\b",
            re.IGNORECASE,
        ),
        "code": re.compile(
            _words_pattern(labels.code)
            + r"(?![\w])\s*[:#.]?\s*(?:no\.?\s*)?\(?#?\s*(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{1,11}\b"
            + r"|\(#\s*[A-Z0-9-]+\s*\)",
            re.IGNORECASE,
        ),
    }


# Bare cells that are a grade or a code when their column says so.
_CELLS = {
    "grade": re.compile(r"(?<![\w$.-])[A-Z]{0,3}-?\d{1,3}[A-Z]?(?![\w,.$%-])"),
    "code": re.compile(r"(?<![\w$.-])(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,11}(?![\w,.$%-])"),
}
_MONEY = re.compile(MONEY)
# The amounts that can be pay for each period, a wide net: it only tells hourly from yearly.
_PERIOD_AMOUNTS = {
    "hour": (Decimal(3), Decimal(500)),
    "week": (Decimal(100), Decimal(20000)),
    "biweek": (Decimal(200), Decimal(40000)),
    "semimonth": (Decimal(200), Decimal(40000)),
    "month": (Decimal(400), Decimal(80000)),
    "year": (Decimal(5000), Decimal(2000000)),
}
# Figures that are pay only where the line or its header speaks of pay: "62620", "20.02".
_BARE_PAY = re.compile(
    r"(?<![\w.,$£€])(?:\d{1,3}(?:,\d{3})+(?:\.\d{2})?|\d{1,6}\.\d{2}|\d{5,6})(?![\w,]|\.\d)"
)
_LABEL_ONLY = re.compile(r"^[A-Za-z][A-Za-z .#/&()-]{0,60}:?$")
_LEVEL_AFTER = re.compile(rf"^\s*(?:level\s+)?({LEVEL_TOKEN})\b", re.IGNORECASE)


@cache
def _labels() -> dict[str, re.Pattern[str]]:
    labels = field_labels()
    return {
        "grade": re.compile(_words_pattern(labels.grade) + r"(?![\w])", re.IGNORECASE),
        "code": re.compile(_words_pattern(labels.code) + r"(?![\w])", re.IGNORECASE),
    }


@cache
def _pay_words() -> re.Pattern[str]:
    return re.compile(_words_pattern(field_labels().salary) + r"(?![\w])|[$£€]", re.IGNORECASE)


@cache
def _question_words() -> frozenset[str]:
    """Words that say what is asked, not about what: intent words and their stems."""
    words = {w for i in intents().values() for phrase in i.words for w in phrase.split()}
    words |= {w for labels in (field_labels().code, field_labels().grade) for p in labels
              for w in p.split()}  # fmt: skip
    words |= set(
        "what which who whom how much many does do did is are was the for of in at a an and or "
        "with per year years hour hours week weeks month months annual yearly hourly monthly "
        "biweekly weekly tell give show name please their its there this that about assigned "
        "has have had under according listed given get paid pay number amount figure value "
        "rate rates "
        "say says state states standard standards document spec specification class classes "
        "position positions job jobs title titles kind type sort".split()
    )
    return frozenset(words)


def gives_value(field: str | None, question: str) -> bool:
    """Whether a question itself gives a value of the field it names ("has code 9844", "pays
    101010", "a maximum of $74,760"): then it asks what holds that value, a reverse lookup."""
    if field == "salary":
        return bool(TYPED_MONEY.search(question))
    if field in ("code", "grade"):
        return bool(_shapes()[field].search(question)) or (
            field == "grade" and bool(row_keys(question))
        )
    return False


def plausible_for(period: str, text: str) -> bool:
    """Whether some amount in text could be pay for that period: an hourly rate is not
    $45,672, nor a yearly salary $24.30."""
    low, high = _PERIOD_AMOUNTS[period]
    amounts = [money_value(m) for m in _MONEY.findall(text)] or [
        money_value(m) for m in _BARE_PAY.findall(text)
    ]
    return any(a is not None and low <= a <= high for a in amounts)


def states_field(field: str, text: str, header: str = "") -> bool:
    """Whether text holds a value of the field's shape (a grade, a code, an amount of pay).
    Under a table header that names the field ("Job Code  Salary Grade"), a bare cell of the
    field's shape is its value: "NC15", "32000217", "62620"."""
    if field == "salary":
        if _MONEY.search(text):
            return True
        figures = [f for f in _BARE_PAY.findall(text) if not YEAR.match(f)]
        return bool(figures) and bool(_pay_words().search(f"{text}\n{header}"))
    if _shapes()[field].search(text):
        return True
    return (
        bool(header) and bool(_labels()[field].search(header)) and bool(_CELLS[field].search(text))
    )


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

    @property
    def score(self) -> float:
        return self.coverage + 0.5 * self.own + (1.0 if self.states else 0.0) - 0.03 * self.rank


class PassageReader:
    """Finds, in ranked passages, the lines that state a field for the subject of a question."""

    def __init__(self, rarity: Rarity, chunks: Sequence[Chunk]) -> None:
        self.rarity = rarity
        self._chunks = chunks
        # The stems of the places of the indexed documents ("colorado", "yakima", "county").
        self.places = {
            stem(w) for c in chunks for w in re.findall(r"[a-z]+", (c.jurisdiction or "").lower())
        }
        self._known: list[str] | None = None
        self._documents: dict[str, set[str]] = {}  # source -> the word stems it holds
        self._sources_of: dict[str, set[str]] = {}  # stem -> the documents holding it

    def subject(self, keywords: Sequence[str]) -> list[str]:
        """The stems of what the question is about: its content words less its question words,
        a misspelt word read as the indexed word it nearly is ("enginering" -> "engineering").
        A word no passage holds and none resembles stays: it is what the sources do not cover."""
        skip = _question_words()
        words = [w for w in keywords if w not in skip and len(w) > 1]
        return list(dict.fromkeys(self._spelt(stem(w)) for w in words))

    def known_subject(self, subject: Sequence[str], places: Iterable[str]) -> list[str]:
        """The subject less one word no passage holds ("eng" of "eng tech III"), when at least
        two indexed words besides place names still name it. A class whose name is unknown
        ("registered nurse in Texas") keeps its unknown words, and so finds no line."""
        unknown = [s for s in subject if not self.rarity.frequency[s]]
        place_stems = {stem(w) for p in places for w in re.findall(r"[a-z]+", p.lower())}
        named = [s for s in subject if self.rarity.frequency[s] and s not in place_stems]
        if len(unknown) == 1 and len(named) >= 2:
            return [s for s in subject if s not in unknown]
        return list(subject)

    def _spelt(self, word_stem: str) -> str:
        if self.rarity.frequency[word_stem] or len(word_stem) < _MIN_TYPO_LENGTH:
            return word_stem
        # Two letters swapped in a long word ("maintanence") cost more of a short word's score.
        cutoff = _TYPO_SIMILARITY - 5 if len(word_stem) >= 8 else _TYPO_SIMILARITY
        match = process.extractOne(
            word_stem, self._vocabulary(), scorer=fuzz.ratio, score_cutoff=cutoff
        )
        if match:
            return str(match[0])
        # The crude stem of another form of the word: "qualifi" of "qualifies" is
        # "qualification" in the passages.
        longer = [s for s in self._vocabulary() if s.startswith(word_stem)]
        return min(longer, key=lambda s: (len(s), s)) if longer else word_stem

    def _vocabulary(self) -> list[str]:
        if self._known is None:
            self._known = [s for s in self.rarity.frequency if len(s) >= _MIN_TYPO_LENGTH]
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
    ) -> list[Reading]:
        """Every line of the passages scored for the subject, best first. A line that states a
        field (or every line, with_owner) is quoted from the line naming its class."""
        total = sum(self.rarity.weight(s) for s in subject)
        readings: list[Reading] = []
        for rank, chunk in enumerate(chunks):
            context = "\n".join(
                (chunk.doc_title, chunk.jurisdiction or "", chunk.section, chunk.table_header or "")
            )
            context_stems = stems(context) | {stem(c) for t in chunk.classes for c in t.split()}
            document = self._document_stems(chunk.source)
            for block in _blocks(chunk.text):
                headers = _headers(block)
                for position, line in enumerate(block):
                    header = headers[position] or chunk.table_header or ""
                    owner = _owner(block, position, field, header)
                    reading = self._reading(
                        subject, total, chunk, rank, line, owner, header, context,
                        context_stems, document, field, level, period,
                    )  # fmt: skip
                    keyed = f"{chunk.section}\n{owner}\n{line}"
                    if keys and reading is not None and not has_row_key(keyed, keys):
                        continue  # "Band 5" asked: the row must be Band 5's
                    if reading is not None and owner and (field is not None or with_owner):
                        reading = replace(reading, quote=_span(chunk.text, owner, line))
                    if reading is not None:
                        readings.append(reading)
        readings.sort(key=lambda r: -r.score)
        return readings

    def sources_of(self, word_stem: str) -> set[str]:
        """The documents whose text, title or place holds the stem."""
        self._read_documents()
        return self._sources_of.get(word_stem, set())

    def _document_stems(self, source: str) -> set[str]:
        """The word stems of one document's text, title and place."""
        self._read_documents()
        return self._documents.get(source, set())

    def _read_documents(self) -> None:
        """One pass over the passages, on first use: each document's stems and, inverted,
        the documents of each stem."""
        if self._documents:
            return
        for chunk in self._chunks:
            words = stems(f"{chunk.text} {chunk.doc_title} {chunk.jurisdiction or ''}")
            self._documents.setdefault(chunk.source, set()).update(words)
        for source, words in self._documents.items():
            for word in words:
                self._sources_of.setdefault(word, set()).add(source)

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
        level: int | None,
        period: str | None,
    ) -> Reading | None:
        """One line scored, or None when it gives the subject another level than asked. The
        line's own words count in full, and so do its owner's (the line above that names the
        class it belongs to) and the passage's context; words found only elsewhere in the same
        document count half: they place the document, not the line."""
        own_stems = stems(line)
        own = self._share(subject, own_stems, total)
        asked = [s for s in subject if s not in context_stems]
        aspect = self._share(asked, own_stems, sum(self.rarity.weight(s) for s in asked))
        near = own_stems | stems(owner) | context_stems
        coverage = self._share(subject, near, total)
        # A year or a place found elsewhere in the document places it; a word of a class title
        # found elsewhere does not place this line.
        placing = [s for s in subject if s not in near and (s.isdigit() or s in self.places)]
        coverage += 0.5 * self._share(placing, document, total)
        context = f"{owner}\n{context}"
        if level is not None and not _level_fits(line, context, subject, level):
            return None
        states = field is not None and states_field(field, line, f"{header}\n{context}")
        if states and field == "salary" and period:
            named = periods_in(line) or periods_in(f"{header}\n{chunk.table_header or ''}")
            states = period in named if named else plausible_for(period, line)
        return Reading(chunk, line, coverage, own, aspect, states, rank)

    def _share(self, subject: Sequence[str], found: set[str], total: float) -> float:
        if total <= 0:
            return 1.0 if not subject else 0.0
        return sum(self.rarity.weight(s) for s in subject if s in found) / total


def _blocks(text: str) -> list[list[str]]:
    """The blocks of a passage (runs of lines between blank lines), each as its lines. A block
    of one title-like line ("Band 5") heads the block below it."""
    blocks: list[list[str]] = []
    heading: list[str] = []
    for raw in re.split(r"\n\s*\n", text):
        lines = _lines(raw) if raw.strip() else []
        if not lines:
            continue
        if len(lines) == 1 and _title_like(lines[0]) and not heading:
            heading = lines
            continue
        blocks.append(heading + lines)
        heading = []
    if heading:
        blocks.append(heading)
    return blocks


def _lines(text: str) -> list[str]:
    """The lines of a block; a bare label line goes with the value line below it, and a long
    line is split into sentences."""
    raw = [line.strip() for line in text.splitlines() if line.strip()]
    lines: list[str] = []
    index = 0
    while index < len(raw):
        line = raw[index]
        if (
            index + 1 < len(raw)
            and _LABEL_ONLY.match(line)
            and (line.endswith(":") or len(line.split()) <= 3)
            and len(raw[index + 1]) <= 60
        ):
            lines.append(f"{line}\n{raw[index + 1]}")
            index += 2
            continue
        if len(line) > _LONG_LINE:
            lines += [s for s in re.split(r"(?<=[.;])\s+", line) if s.strip()]
        else:
            lines.append(line)
        index += 1
    return lines


def level_asked(question: str, subject: Sequence[str]) -> int | None:
    """The one level the question gives its subject ("accountant 1", "technician II"), if any."""
    found = _levels_after_subject(question, subject)
    return found.pop() if len(found) == 1 else None


def _span(text: str, first: str, last: str) -> str:
    """The passage's own text from one line to a later one (both as read), or the last alone."""
    end = text.find(last)
    start = text.rfind(first.split("\n")[0], 0, end) if end >= 0 else -1
    return text[start : end + len(last)] if 0 <= start < end else last


# A grade, band or level named with its value: "Band 5", "GS-9", "PSS 5", "APS4", "AU-1",
# "EL 2". In a pay table it is the key of the row, as a class title is elsewhere. Steps are
# columns, not rows; a code in parentheses ("(EC4)") names a class, not a grade.
_ROW_KEY = re.compile(
    r"(?<![\w(#-])(?P<label>[A-Za-z]{2,5}|pay band|pay grade|salary grade)\s*-?\s*"
    r"(?P<value>\d{1,2}[A-Za-z]?|[A-Da-d])(?![\w-])"
)
_KEY_LABELS_NOT = frozenset("step steps the and for per to of in at by year years yrs".split())


def row_keys(question: str) -> list[tuple[str, str]]:
    """The grade-like keys a question names: ("band", "5") of "NHS Band 5", ("gs", "9")."""
    grade_words = {w for phrase in field_labels().grade for w in phrase.split()}
    keys = []
    for match in _ROW_KEY.finditer(question):
        label, value = match.group("label"), match.group("value")
        named_grade = label.lower() in grade_words or label.lower().startswith("pay ")
        acronym = label.isupper() and len(label) <= 4  # "PSS", "APS", "GS", "AU", "EL"
        if label.lower() in _KEY_LABELS_NOT or not (named_grade or acronym):
            continue
        if not value.isdigit() and not acronym:
            continue  # "grade A" may be; "band a" of prose is not
        keys.append((label.lower(), value.lower()))
    return keys


def has_row_key(text: str, keys: Sequence[tuple[str, str]]) -> bool:
    """Whether text names one of the keys, the label and value written together or apart."""
    for label, value in keys:
        pattern = rf"(?<![\w-]){re.escape(label)}\s*[-–]?\s*{re.escape(value)}(?![\w])"
        if re.search(pattern, text, re.IGNORECASE):
            return True
    return False


def _title_like(line: str) -> bool:
    """A line that can name a class: short, not a sentence, not a "Label: value" pair."""
    words = line.split()
    return (
        0 < len(words) <= _TITLE_WORDS
        and not line.rstrip().endswith((".", ";", ","))
        and not re.search(r":\s*\S", line)
        and not _MONEY.search(line)
    )


def _headers(block: list[str]) -> list[str]:
    """For each line, the header of the table it sits in: the nearest line above with two or
    more field labels and no figures ("Job Classification Job Code Salary Grade")."""
    labels = _labels()
    headers: list[str] = []
    current = ""
    for line in block:
        headers.append(current)
        found = sum(len(rx.findall(line)) for rx in labels.values())
        found += len(_pay_words().findall(line))
        if found >= 2 and not re.search(r"\d{3,}|[$£€]", line):
            current = line
    return headers


def _owner(block: list[str], position: int, field: str | None, header: str) -> str:
    """The line a line belongs to: for a field, the nearest title-like line above it that does
    not itself state the field ("ENGINEERING TECHNICIAN II (#EC4 )" above its pay line), with
    the line above that too when the title wraps; for a topic, the block's first line."""
    if position == 0:
        return ""
    if field is None:
        return block[0]
    for above in range(position - 1, max(-1, position - 1 - _OWNER_REACH), -1):
        line = block[above]
        if line == header or not _title_like(line) or states_field(field, line, header):
            continue
        wrapped = block[above - 1] if above > 0 else ""
        if wrapped and wrapped != header and len(wrapped.split()) <= 3 and _title_like(wrapped):
            return f"{wrapped}\n{line}"
        return line
    return ""


def _level_fits(line: str, context: str, subject: Sequence[str], level: int) -> bool:
    """Whether the line, or failing that its context, gives the subject the level asked: a
    line that names no level of the subject may be about another level, or none."""
    for text in (line, context):
        found = _levels_after_subject(text, subject)
        if found:
            return level in found
    return False


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

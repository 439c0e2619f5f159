"""Which documents a question names by their own names: "at FERC", "in the 2024 Buffalo table",
"under the PM&C agreement". A document is named by words of its file path, its title and its
place (and the acronyms its title and first lines spell) that few other documents hold."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from wordfreq import zipf_frequency

from assistant.passages import stem, stems
from assistant.retrieve import ChunkLibrary
from assistant.row_keys import row_keys
from index.cells import ROW_TITLE, is_figure_row
from index.types import Chunk

# A name word held by more documents than this share (and more than _FEW) names none of them.
_RARE_SHARE = 0.05
_FEW = 2
# Rare name words that name a document between them, where none of them is a sure name.
_NAMING_VOTES = 2
# The acronym of a run of capitalised words: "Federal Energy Regulatory Commission" -> "ferc".
_CAPITALISED_RUN = re.compile(
    r"(?:\b[A-Z][a-z]+\b(?:[ \t]+(?:of|and|for|the|&)[ \t]+|[ \t]+)?){2,}"
)
_HEAD_CHARS = 400
# A word of capitals alone, as a text writes an acronym ("SCS pay band 2").
_CAPITALS_WORD = re.compile(r"\b[A-Z]{3,10}\b")
_TYPED_ACRONYM = 4
_LONG_ACRONYM = 6
# A word this frequent in English is a word, not an acronym ("CLERK" of a heading in capitals).
_RARE_ZIPF = 2.0
# A title the question writes out: this many of its words (of this length at least), this share
# of them, each word in the titles of few documents.
_TITLE_WORD = 4
_TITLE_MATCH = 3
_TITLE_SHARE_WRITTEN = 0.6
_TITLE_FEW = 3
_TITLE_SHARE = 0.1


# A question that sets two subjects side by side.
_COMPARING = re.compile(
    r"\b(?:compare[sd]?|comparison|vs|versus|differ(?:s|ence)?|both|between)\b"
    r"|\bwhich\b.*\b(?:more|less|higher|lower|most|least)\b",
    re.IGNORECASE,
)


class DocumentNames:
    """The name words of every indexed document, and the documents a question names by them."""

    def __init__(self, library: ChunkLibrary, holders: Callable[[str], set[str]]) -> None:
        """holders(stem) gives the documents whose text holds a word: a name word common in
        the texts ("table", "salary") names no document."""
        self._library = library
        self._holders = holders
        self._named_by: dict[str, set[str]] = {}  # name stem -> documents it names
        self._titled_by: dict[str, set[str]] = {}  # title stem -> documents whose title has it
        self._title_words: dict[str, int] = {}  # document -> how many stems its title has
        self._places: dict[str, str] = {}  # document -> its place's words, lower case
        self._of_place: dict[str, set[str]] = {}  # a place as indexed -> its documents
        self._placed_by: dict[tuple[str, str], set[str]] = {}  # two words -> documents
        # Acronyms of titles that their documents' text writes ("SCS"): they name a document,
        # though some class's title spells them too.
        self._spelt: set[str] = set()
        sources = library.sources()
        for source in sources:
            own = library.of_source(source)
            self._of_place.setdefault(own[0].jurisdiction or "", set()).add(source)
            place = re.findall(r"[a-z0-9]+", (own[0].jurisdiction or "").lower())
            self._places[source] = " ".join(place)
            for pair in itertools.pairwise(place):
                self._placed_by.setdefault(pair, set()).add(source)
            spelt = _acronyms_written(own[0].doc_title, own)  # read once: every passage
            self._spelt.update(spelt)
            for word in _names_given(source, own) | set(spelt):
                self._named_by.setdefault(word, set()).add(source)
            title = {w for w in _words(own[0].doc_title) if len(w) >= _TITLE_WORD}
            self._title_words[source] = len(title)
            for word in title:
                self._titled_by.setdefault(word, set()).add(source)
        self._rare = max(_FEW, math.ceil(_RARE_SHARE * len(sources)))
        self._title_rare = max(_TITLE_FEW, math.ceil(_TITLE_SHARE * len(sources)))

    def naming(
        self, question: str, ignore: Collection[str] = (), given: Collection[str] = ()
    ) -> Naming:
        """What the question names of the documents: each document two of its rare name
        words name, or one sure name: a word the passages never write ("FERC" of a file
        path), one the question writes as a name ("MU", "the 2024 Buffalo table"), a code
        ("523X"). One ordinary word ("assistant") may be part of a class title.
        ignore: stems that say what is asked or which class; given: the codes it gives."""
        # Only the question's own words are looked up in `ignore`: the set is narrowed to them
        # first (at 10,000 standards it holds every title's stems, too many to copy per question).
        own = {*_words(question), *(stem(w.lower()) for w in re.findall(r"[A-Za-z]+", question))}
        ignore = {w for w in own if (w in ignore and w not in self._spelt) or w in given}
        sure = set(_words(" ".join(_sure_names(question, ignore))))
        # "GS" of "GS-9" says which grade, whatever document spells it.
        ignore = {*ignore, *(stem(label) for label, _ in row_keys(question))}
        holders_of: dict[str, frozenset[str]] = {}
        votes: dict[str, int] = {}
        strong: set[str] = set()
        named_by: dict[str, set[str]] = {}  # document -> the words that name it
        for word in dict.fromkeys(_words(question)):
            if word in ignore or word not in self._named_by:
                continue
            holders = self._named_by[word] | self._holders(word)
            if len(holders) > self._rare:
                continue
            holders_of[word] = frozenset(holders)
            for source in self._named_by[word]:
                named_by.setdefault(source, set()).add(word)
            # A name of one document that no other document holds, typed in lower case: an
            # acronym its document writes in capitals ("band 6 nhs"), a proper noun it writes
            # capitalised ("the tay clerk" of the Township of Tay).
            only_one = len(holders) == 1 and self._written_as_a_name(word, next(iter(holders)))
            is_sure = word in sure or not self._holders(word) or not word.isalpha() or only_one
            for source in self._named_by[word]:
                votes[source] = votes.get(source, 0) + 1
                if is_sure:
                    strong.add(source)
        for source in self._titles_written(question):
            votes[source] = votes.get(source, 0) + 1
            strong.add(source)
        named = {s: n for s, n in votes.items() if n >= _NAMING_VOTES or s in strong}
        # An employer's name written out, as its documents' place writes it ("at the Indian
        # Health Service"): a document named only by that name's words and by words the
        # question writes in lower case ("registered nurses") is not named, unless the
        # question compares (its other subject may be named in lower case: "the park ranger").
        placed, run_words, run_names = self._places_written(question)
        if placed and not _COMPARING.search(question):
            written = re.findall(r"[\w&'’]+", question)
            capitalised = set(_words(" ".join(w for w in written[1:] if w[0].isupper())))
            named = {
                s: n
                for s, n in named.items()
                if s in placed or named_by.get(s, set()) - run_words & capitalised
            }
        words = {w: h for w, h in holders_of.items() if self._named_by[w] & named.keys()}
        return Naming(named, words, run_names)

    def names_a_document(self, word: str) -> bool:
        """Whether a word is one of the names a document is known by (its path, title, place
        or acronyms)."""
        return any(w in self._named_by for w in _words(word))

    def _places_written(self, question: str) -> tuple[set[str], set[str], tuple[str, ...]]:
        """The documents whose place holds a run of capitalised words the question writes
        ("Indian Health Service" of "U.S. Department of Health and Human Services, Indian
        Health Service"), when few do; the words of those names; those names as written."""
        placed: set[str] = set()
        words: set[str] = set()
        runs: list[str] = []
        for run in _CAPITALISED_RUN.finditer(question):
            found = re.findall(r"[a-z0-9]+", run.group(0).lower())
            # The longest part of the run that a place writes ("Indian Health Service" of
            # "Indian Health Service Title").
            parts = [
                " ".join(found[start : start + size])
                for size in range(len(found), 1, -1)
                for start in range(len(found) - size + 1)
            ]
            for name in parts:
                # The documents whose place holds each two words of the name, then the name.
                pairs = list(itertools.pairwise(name.split()))
                holding = set.intersection(*(self._placed_by.get(p, set()) for p in pairs))
                pattern = re.compile(rf"\b{re.escape(name)}\b")
                holding = {s for s in holding if pattern.search(self._places[s])}
                if holding and len(holding) <= self._rare:
                    placed |= holding
                    words |= set(_words(name))
                    written = r"\W+".join(re.escape(w) for w in name.split())
                    runs += [m.group(0) for m in re.finditer(written, run.group(0), re.I)][:1]
                    break
        return placed, words, tuple(runs)

    def _written_as_a_name(self, word: str, source: str) -> bool:
        """Whether a word is a name in the document, never written in lower case: short and
        in capitals (an acronym, "NHS"), or capitalised and a word of the document's place
        ("Tay" of a posting of the Township of Tay; not "Worker" of a university's "Higher
        Education Worker" levels, nor "Harbor" of "Harbor Pilot")."""
        if not word.isalpha():
            return False
        # "SAHRA", "NATMO": a longer acronym is no word of English.
        acronym = len(word) <= _TYPED_ACRONYM or (
            len(word) <= _LONG_ACRONYM and zipf_frequency(word, "en") < _RARE_ZIPF
        )
        forms = [word.upper()] if acronym else []
        forms += [word.capitalize()] if word in self._places[source].split() else []
        if not forms:
            return False
        named = re.compile(rf"\b(?:{'|'.join(map(re.escape, forms))})\b")
        lower = re.compile(rf"\b{re.escape(word)}\b")
        texts = [c.text for c in self._library.of_source(source)]
        return any(named.search(t) for t in texts) and not any(lower.search(t) for t in texts)

    def _titles_written(self, question: str) -> set[str]:
        """The documents whose title the question writes out, most of its words if not all
        ("under OPM's qualification standard for administrative and management positions")."""
        titled = [
            held
            for word in dict.fromkeys(_words(question))
            if len(word) >= _TITLE_WORD
            and len(held := self._titled_by.get(word, set())) <= self._title_rare
        ]
        if len(titled) < _TITLE_MATCH:
            return set()
        # A title holding _TITLE_MATCH of the question's words is in one at least of any
        # len(titled) - _TITLE_MATCH + 1 of their sets: the smallest are walked, not the largest.
        titled.sort(key=len)
        candidates = set().union(*titled[: len(titled) - _TITLE_MATCH + 1])
        found = {source: sum(source in held for held in titled) for source in candidates}
        return {
            source
            for source, count in found.items()
            if count >= _TITLE_MATCH and count >= _TITLE_SHARE_WRITTEN * self._title_words[source]
        }

    def of_places(self, places: Collection[str]) -> set[str]:
        """The documents indexed under these places, as the index writes them."""
        return {source for place in places for source in self._of_place.get(place, ())}

    def passages_about(
        self, sources: Collection[str], words: Collection[str], limit: int = 10
    ) -> list[Chunk]:
        """The passages of these documents that hold the most of these words (stems); of
        those holding as many, the ones whose own text and heading hold the most first: a
        title every passage of its document carries says nothing of which one answers ("who
        does the clerk report to?" of "Clerk - posting (duties, reporting)")."""
        wanted = {stem(w) for w in words}
        chunks = [c for s in sorted(sources) for c in self._library.of_source(s)]

        def held(chunk: Chunk) -> tuple[int, int]:
            own = len(wanted & stems(f"{chunk.section}\n{chunk.text}"))
            return -len(wanted & stems(chunk.embedding_text())), -own

        ranked = sorted(chunks, key=held)
        return ranked[:limit]


@dataclass(frozen=True)
class Naming:
    """The documents a question names, with how many of its words name each, and the rare
    name words it holds with the documents that hold each (in their names or their text)."""

    named: dict[str, int] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    # An employer's name written out as a document's place writes it, as the question writes
    # it ("Western Health and Social Care Trust"): it says where, never which class.
    place_names: tuple[str, ...] = ()

    def allows(self, source: str) -> bool:
        """Whether a document may answer: one the question names, or one that holds every
        rare name word it writes ("Band 7 in the Agenda for Change rates" is not a federal
        Grade 7)."""
        return source in self.named or all(source in held for held in self.words.values())

    def most_named(self) -> set[str]:
        """The documents named by the most words: "the 2024 Buffalo table" is Buffalo's."""
        best = max(self.named.values(), default=0)
        return {source for source, count in self.named.items() if count == best}


# The acronym of the end of a name ("dps" of "Arizona Department of Public Safety") is kept
# from three letters: two name too much.
_MIN_TAIL_ACRONYM = 3
# A place before the body's name has one or two words ("Arizona", "New Jersey").
_PLACE_WORDS = 2


def name_stems(source: str, chunks: Sequence[Chunk]) -> set[str]:
    """The stems a document is known by: its path's words, its title's, its place's, the
    acronyms its title and first lines spell, and those of its title's words its text writes."""
    return _names_given(source, chunks) | set(_acronyms_written(chunks[0].doc_title, chunks))


def _names_given(source: str, chunks: Sequence[Chunk]) -> set[str]:
    """The stems of a document's path, title and place, and the acronyms its title and first
    lines spell."""
    first = min(chunks, key=lambda c: c.position)
    title = first.doc_title
    head = f"{title}\n{first.jurisdiction or ''}\n{first.text[:_HEAD_CHARS]}"
    words = _words(f"{source.rsplit('.', 1)[0]} {title} {first.jurisdiction or ''}")
    words += name_acronyms(head)
    words += _words(" ".join(re.findall(r"\b[A-Z][A-Z&]{1,4}\b", head)))
    return set(words)


def _acronyms_written(title: str, chunks: Sequence[Chunk]) -> list[str]:
    """The acronyms of runs of the title's capitalised words (three at least) that the
    document's text writes in capitals: "Senior Civil Service Pay Framework" is "SCS" to a
    text that says "SCS pay band 2"."""
    written = {w for c in chunks for w in _CAPITALS_WORD.findall(c.text)}
    found: list[str] = []
    if not written:
        return found
    for run in _CAPITALISED_RUN.finditer(title):
        initials = [w[0] for w in run.group(0).split() if w[0].isupper()]
        for start in range(len(initials)):
            for end in range(start + _MIN_TAIL_ACRONYM, len(initials) + 1):
                acronym = "".join(initials[start:end])
                if acronym in written:
                    found.append(acronym.lower())
    return found


# "FLSA: Non-Exempt", "Reports To: Planning Director", "Level code: M3": a value's label
# opening its line.
FIELD_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z][\w &/.()-]{1,40}?)\s*:\s*\S")
# "|Competition Reference |3796.19 |": a value's label in the first cell of a "|" row.
_CELL_LABEL = re.compile(r"^\s*\|\s*(?P<label>[A-Za-z][\w &/.(),'-]{1,40}?)\s*\|\s*[^|\s]")
_DIGIT = re.compile(r"\d")


def field_words(chunks: Sequence[Chunk]) -> frozenset[str]:
    """The stems of the words a document writes to say what a line gives: the titles that
    open its rows of figures (the classes its tables list) and the labels of its values
    ("FLSA", "Reports To", a "|" row's first cell). A question's word among them asks
    something of the document, though its title or first lines hold the word too."""
    found: set[str] = set()
    for chunk in chunks:
        for line in chunk.text.splitlines():
            # A row of figures has a digit: the sentences without one are passed over fast
            # (every document is read so when the assistant's state is derived).
            opening = _DIGIT.search(line) and ROW_TITLE.match(line.strip())
            if opening and is_figure_row(line):
                found.update(_words(opening.group("title")))
            label = value_label(line)
            if label:
                found.update(_words(label))
    return frozenset(found)


def value_label(line: str) -> str | None:
    """The label a line gives its value with: "FLSA" of "FLSA: Non-Exempt", "Closing Date" of
    "|Closing Date |Tuesday 3rd November 2019 |"."""
    # Most lines have neither mark: looking for it first halves reading a document's labels.
    labelled = (":" in line and FIELD_LABEL.match(line)) or (
        "|" in line and _CELL_LABEL.match(line)
    )
    return labelled.group("label") if labelled else None


def _words(text: str) -> list[str]:
    """The stems of the words of a name or a question, as the passages' words are read
    ("PM&C" is "pmc", "APS1" is "aps1"); single letters and bare numbers name nothing, but
    for a long number that is no year ("job posting 6407")."""
    found = re.findall(r"[a-z0-9]+", text.lower().replace("&", ""))
    return [stem(w) for w in found if len(w) >= 2 and (not w.isdigit() or _IDENTIFIER.match(w))]


# A number that may identify a posting or a document: four digits at least, not a year.
_IDENTIFIER = re.compile(r"^(?!(?:19|20)\d\d$)\d{4,}$")


def _sure_names(question: str, title_words: Collection[str] = ()) -> list[str]:
    """The words a question writes as a name: in capitals ("NHS", "MU"), or capitalised on
    their own after its first word ("the 2024 Buffalo table"). A run of capitalised words
    is more likely a class title ("Library Assistant"), unless none of its words is a word
    of a class title or of what is asked (`title_words`, stems): "Colorado Springs" names a
    place."""
    words = re.findall(r"[\w&'’]+", question)
    names = [w for w in words if re.fullmatch(r"[A-Z][A-Z0-9&]+", w)]
    capitalised = [w[0].isupper() and w[1:].islower() for w in words]
    for at in range(1, len(words)):
        alone = not any(capitalised[max(at - 1, 0) : at] + capitalised[at + 1 : at + 2])
        if capitalised[at] and alone:
            names.append(words[at])
    for run in re.finditer(r"(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+", question):
        parts = run.group().split()
        if title_words and not any(stem(p.lower()) in title_words for p in parts):
            names += parts
    return names


@lru_cache(maxsize=4096)  # the reader asks it of the same titles and places at every question
def name_acronyms(text: str) -> frozenset[str]:
    """The acronyms a text's runs of capitalised words spell ("Australian National
    University" is "anu"), lower case."""
    return frozenset(a for run in _CAPITALISED_RUN.finditer(text) for a in _acronyms(run.group(0)))


def _acronym(run: str) -> str:
    """ "Federal Energy Regulatory Commission" -> "ferc"; small joining words are skipped."""
    return "".join(w[0] for w in run.split() if w[0].isupper()).lower()


def _acronyms(run: str) -> list[str]:
    """The acronym of a run of capitalised words, and of the run without its first word or
    two, most often the place of the body it names: "Arizona Department of Public Safety" is
    "adps" and "dps", "New Jersey Department of Environmental Protection" also "dep"."""
    capitals = [w for w in run.split() if w[0].isupper()]
    tails = ["".join(w[0] for w in capitals[n:]).lower() for n in range(1, _PLACE_WORDS + 1)]
    # "Bureau of Reclamation" is also "bor", "Department of Transportation" "dot".
    with_of = "".join(w[0] for w in run.split() if w[0].isupper() or w == "of").lower()
    spelled = [with_of] if with_of != _acronym(run) and len(with_of) >= _MIN_TAIL_ACRONYM else []
    return [_acronym(run), *(t for t in tails if len(t) >= _MIN_TAIL_ACRONYM), *spelled]

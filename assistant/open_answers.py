"""Answers from the retrieved passages when the question names no class the catalog knows:
the sentence or row that states what was asked, quoted, or a plain statement of what is not."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from assistant.citations import CitationBook
from assistant.class_answers import ClassAnswers
from assistant.drafts import Draft, abstain, found_no_line
from assistant.line_marks import extreme_asked, gives_other_end
from assistant.line_subjects import item_of_another
from assistant.passage_answers import PassageAnswers, gives_a_rate
from assistant.passages import Rarity, echoes, stem, stems
from assistant.query import CATALOG_INTENTS, STOPWORDS, QueryAnalysis
from assistant.quotes import key_row, quoted
from assistant.reader import (
    FIELD_NOUNS,
    FIELD_OF_INTENT,
    Reading,
    levels_named,
    pay_element_stems,
    question_words,
)
from assistant.retrieve import ChunkLibrary
from assistant.row_keys import (
    MONEY_AMOUNT,
    has_row_key,
    has_step_column,
    key_line_above,
    keyed_by_value,
    lacks_step,
    row_keyed_in,
    row_keys,
    row_of_figures,
    starts_a_row,
    step_asked,
    writes_coded_value,
    written_key,
)
from assistant.titles import acronym_like
from assistant.topic_answers import asks_about_text
from index.catalog import levels_titled
from index.dates import MONTH_SHORT, MONTHS_NOT_WORDS, writes_a_date
from index.levels import level_value
from index.money import ONE_AMOUNT
from index.store import ScoredChunk
from index.types import ClassRecord

# Lines of the grade asked quoted when no line names the question's subject.
_MAX_KEYED_LINES = 3
# A sentence that states a grade, group, salary or code.
_FIGURE = re.compile(
    r"\$\s?\d|\b(?:grade|group|range|code)\s+[A-Z]{0,3}-?\d|\b(?!(?:19|20)\d\d\b)\d{4,}\b"
    # Pay as a share of another rate: "65 percent of the top bus operator wage rate".
    r"|\d\s?(?:%|percent\b|per cent\b)\s*of\s+(?:the\s+)?(?:[\w-]+\s+){0,4}"
    r"(?:rate|salary|pay|wage)",
    re.I,
)
# A document's own reference number: "Resolution No. 98 -1452", "Nos. 12-34", "# 40869".
_REFERENCE_NUMBER = re.compile(r"\b(?:nos?|numbers?)\.?\s*\d[\d -]*\d|#\s*\d+", re.I)


def _states_figure(sentence: str, asks_code: bool) -> bool:
    """Whether a sentence states a grade, salary or code; a reference number after "No." is
    one only when a code is asked."""
    return (
        _FIGURE.search(sentence if asks_code else _REFERENCE_NUMBER.sub("", sentence)) is not None
    )


class OpenAnswers:
    """The lines of the retrieved passages that answer a question about no known class."""

    def __init__(
        self, library: ChunkLibrary, passages: PassageAnswers, classes: ClassAnswers
    ) -> None:
        self.library = library
        self.rarity = library.rarity
        self.passages = passages
        self.classes = classes

    def _key_row(
        self, sources: Collection[str], keys: Sequence[tuple[str, str]], book: CitationBook
    ) -> str:
        """The first row of these documents that a grade key heads, quoted; "" when none does."""
        for source in sorted(sources):
            found = key_row(self.library.of_source(source), keys)
            if found is not None:
                # The row's cells a line each, quoted as one row.
                return quoted(Reading(found[0], found[1], 0.0, 0.0, 0.0, False, 0), book)
        return ""

    def _key_definitions(
        self, retrieved: Sequence[ScoredChunk], keys: Sequence[tuple[str, str]], book: CitationBook
    ) -> list[str]:
        """The lines of the best-ranked document that defines the grade asked in words."""
        for scored in retrieved:
            lines = [
                line.strip()
                for line in scored.chunk.text.splitlines()
                if _definition_of(line, keys)
            ]
            if lines:
                return [self.passages.quote_sentence(scored.chunk, x, book) for x in lines]
        return []

    def _keyed_figure_lines(
        self,
        retrieved: Sequence[ScoredChunk],
        question: str,
        keys: Sequence[tuple[str, str]],
        topic: Sequence[str],
        book: CitationBook,
    ) -> list[str]:
        """The lines stating an amount of the grade asked ("Grade 2 | $15.25 | ...", or
        "$15.25 |" on the line below "Grade 2 |"), in the retrieved passages whose document
        title, section or text names the question's subject ("student" of a student
        employment guide) when it names one; at most _MAX_KEYED_LINES."""
        wanted = {stem(w) for w in topic}
        # "Starts at ₹56100" is no maximum.
        extreme = extreme_asked(question)
        step = step_asked(question)
        found: list[str] = []
        for scored in retrieved:
            chunk = scored.chunk
            stepped = has_step_column(chunk, step)
            about = f"{chunk.doc_title} {chunk.section} {chunk.text}"
            context = re.findall(r"[a-z]+", about.lower())
            if wanted and not wanted & {stem(w) for w in context}:
                continue
            lines = [line.strip() for line in chunk.text.splitlines() if line.strip()]
            for position, line in enumerate(lines):
                below = lines[position + 1] if position + 1 < len(lines) else ""
                if has_row_key(line, keys):
                    stating = line if ONE_AMOUNT.search(line) else below
                    states = bool(ONE_AMOUNT.search(stating))
                elif (stepped or ONE_AMOUNT.search(line)) and keyed_by_value(
                    lines, position, keys, chunk.table_header or ""
                ):
                    # "24 | 94,134 |" under "Salary Grade | Minimum Monthly Salary (PHP) |":
                    # the header says what its figures are, their currency with them; "I |
                    # 6-10 hrs/week | $2,200 per Semester |" under "Tiers | ...".
                    stating, states = line, True
                else:
                    continue
                if states and not gives_other_end(extreme, stating):
                    found.append(self.passages.quote_sentence(chunk, stating, book))
        return list(dict.fromkeys(found))[:_MAX_KEYED_LINES]

    def _words_written_in(self, analysis: QueryAnalysis, documents: Collection[str]) -> list[str]:
        """The question's own words (not those that ask, nor its places) that the text of the
        documents it names writes."""
        written: set[str] = set()
        for source in documents:
            written |= {w for c in self.library.of_source(source) for w in stems(c.text)}
        own = _own_words(analysis)
        # An abbreviation no indexed text writes ("DA and HRA on top of the basic pay") is
        # what is asked, and no passage states it.
        if any(_unknown_abbreviation(w, self.rarity) for w in own):
            return []
        return [w for w in own if stem(w) in written]

    def _place_writes_class(
        self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]
    ) -> bool:
        """Whether a retrieved line of the places asked writes every word the question names
        its class by, with the level asked when it asks one ("- Apprentice IV: $71,620.00"):
        a class the catalog did not read is still there, and "none matches" would be false."""
        typed = _own_words(analysis)
        words = {stem(w) for w in typed}
        # An abbreviation no indexed text writes ("DA and HRA on top of the basic pay") names
        # what no line holds.
        if not words or any(_unknown_abbreviation(w, self.rarity) for w in typed):
            return False
        asked_level = analysis.level or next(
            iter(levels_named(analysis.question, sorted(words))), None
        )
        for scored in retrieved:
            if not self.passages.in_places(scored.chunk, analysis.jurisdictions):
                continue
            # A word its document never writes names no class of it ("change" of "under the
            # 2022 change, what do new bus operators start at?").
            written = words & self.passages.reader.document_stems(scored.chunk.source)
            for line in scored.chunk.text.splitlines():
                if (
                    written
                    and written <= stems(line)
                    and (asked_level is None or asked_level in levels_named(line, sorted(words)))
                ):
                    return True
        return False

    def answer(
        self,
        analysis: QueryAnalysis,
        retrieved: Sequence[ScoredChunk],
        topic: list[str],
        book: CitationBook,
    ) -> Draft:
        """The lines that state what is asked about `topic` (the question's own subject
        words), or an abstention that says what the sources hold instead."""
        asks_figure = [i for i in analysis.intents if i in CATALOG_INTENTS]
        keys = row_keys(analysis.question)
        place_only = asks_figure and not topic and analysis.jurisdictions and not keys
        # "the lowest point on Welwyn Hatfield's pay spine" names a place and what it asks,
        # no class: the passages of the place are read for it.
        if (
            place_only
            and _own_words(analysis)
            and not self._place_writes_class(analysis, retrieved)
        ):
            # "Manager IV in Colorado": a class of another place is not what was asked.
            places = " or ".join(analysis.jurisdictions)
            return abstain(book, f"No class of the {places} standards matches the class asked.")
        if asks_figure and not topic and keys:
            # "step 1 for SG 33": no class and no passage is of the grade the question names.
            keyed = [
                s
                for s in retrieved
                if has_row_key(s.chunk.text, keys) or starts_a_row(s.chunk.text, keys)
            ]
            # "Which class has range code P40?" of "OPERATOR II (P40)- $4,152.00": the value is
            # written, only not after its label; the passages that write it are read.
            written = [s for s in retrieved if writes_coded_value(s.chunk.text, keys)]
            if not keyed and not written:
                named = written_key(analysis.question, keys[0])
                return found_no_line(book, f"The indexed standards give nothing for {named}.")
            if not keyed:
                lines = [
                    self.passages.quote_sentence(s.chunk, line.strip(), book)
                    for s in written
                    for line in s.chunk.text.splitlines()
                    if writes_coded_value(line, keys) and not echoes(line, analysis.question)
                ]
                if not lines:  # "Class No. 2682" alone says back the number asked about
                    named = written_key(analysis.question, keys[0])
                    return found_no_line(book, f"No line says more of {named} than its number.")
                return Draft("\n".join(dict.fromkeys(lines)), tuple(book.citations), False)
            # "Master Pay Scale point 20": in the document the question names, the row that
            # begins with the point asked ("20 43,460 44,765").
            named_documents = analysis.naming.named if analysis.naming else ()
            step = step_asked(analysis.question)
            rows = [
                self.passages.quote_sentence(s.chunk, line.strip(), book)
                for s in keyed
                if s.chunk.source in named_documents and has_step_column(s.chunk, step)
                for line in s.chunk.text.splitlines()
                if row_of_figures(line, keys)
            ]
            if rows:
                return Draft("\n".join(dict.fromkeys(rows)), tuple(book.citations), abstained=False)
        documents: Collection[str] = analysis.naming.named if analysis.naming else {}
        if not documents and analysis.jurisdictions:
            # "corvallis 911 telecommunicator top step pay": the place's documents retrieved
            # are those asked; classes of other places are no choice to offer.
            documents = {
                s.chunk.source
                for s in retrieved
                if self.passages.in_places(s.chunk, analysis.jurisdictions)
            }
        if asks_figure and not topic and (documents or not keys):
            # The classes to choose from: of the documents the question names, if it names
            # any (none there, none matches); those whose titles share a word with it first.
            # A grade it names ("sg 24") is looked for in the passages instead.
            records = [
                r for r in self.classes.index.records if not documents or r.source in documents
            ]
            if not records and keys:
                # "a GS-9 position under the group standard": its GS-9 line states no figure;
                # what its row does state is shown ("1 year equivalent to at least GS-7").
                named = written_key(analysis.question, keys[0])
                noun = FIELD_NOUNS[FIELD_OF_INTENT[asks_figure[0]]]
                lacking = f"The standard asked states no {noun} for {named}."
                said = self._key_row(documents, keys, book)
                return abstain(
                    book, f"{lacking} What it says of {named}: {said}" if said else lacking
                )
            if not records:
                # A standard whose classes the catalog did not read (a news item) may still
                # state it: the words naming it that its text writes ask it there ("what do
                # new bus operators start at?" of "... adjustment to bus operators' pay").
                topic = self._words_written_in(analysis, documents)
            if not records and not topic:
                return abstain(book, "No class of the named standard matches the class asked.")
        if asks_figure and not topic and (documents or not keys):
            asked = {stem(w) for w in analysis.keywords if level_value(w) is None}
            related = [
                r
                for r in records
                if asked & {stem(w) for w in r.title.lower().split() if level_value(w) is None}
            ]
            levels = levels_named(analysis.question, sorted(asked))
            covered = {v for r in related for v in _levels_of(r)}
            if related and levels and covered and not levels & covered:
                # "maintenance V" of "Maintenance I-IV": no class of that level is indexed.
                named = self.classes.class_list(related, book)
                return abstain(book, f"No class of the level asked is indexed; there are: {named}.")
            return self.classes.ask_back(related or records, book)
        ranks = _ranks_named(analysis.question)
        if ranks and not analysis.intents:
            # "Who counts as Level II?": the line that defines it ("Level II: Post-master's").
            defined = self._key_definitions(retrieved, ranks, book)
            if defined:
                return Draft("\n".join(defined), tuple(book.citations), abstained=False)
        chunks = [s.chunk for s in retrieved]
        spelt = self.passages.reader.respelt(topic, chunks, analysis.keywords)  # "acct"
        hits = self.rarity.best_sentences(spelt, chunks)
        if keys:  # the grade the question names ("AU-4") is answered by a line of that grade
            # or one under the line that keys it ("Grade Level I - Pay Rate: $10.45" over
            # "Students are highly-supervised.")
            hits = [
                h
                for h in hits
                if self.passages.keyed(
                    h.chunk,
                    f"{h.chunk.section}\n{key_line_above(h.chunk.text, h.sentence, keys)}\n"
                    f"{h.sentence}",
                    keys,
                )
            ]
        if asks_figure:
            # A grade, salary or code can only come from a passage that states one, of the
            # step asked when its table names its steps, and not of another level of the
            # class ("Eligibility Worker II: $22.55 - $28.79" for "eligibility worker III").
            step = step_asked(analysis.question)
            level = levels_named(analysis.question, spelt)
            wanted = {stem(w) for w in spelt}
            # "the base salary after the 5 per cent rise": the rise is given, the salary asked;
            # a sentence of percentages alone does not state it.
            amount_asked = "salary" in asks_figure and gives_a_rate(analysis.question)
            hits = [
                h
                for h in hits
                if _states_figure(h.sentence, "code" in asks_figure)
                and (not amount_asked or MONEY_AMOUNT.search(h.sentence))
                and not lacks_step(h.sentence, step)
                and not _other_levels(h.sentence, spelt, level)
                # "c. Board members ... signed off by the Road Warden": another item's pay.
                and not item_of_another(h.sentence, wanted, self.library.of_source(h.chunk.source))
            ]
        # "the stipend for Tier I" (pay other than a field) is read from its row too.
        asks_pay = asks_figure or bool(stems(analysis.question) & pay_element_stems())
        if asks_pay and keys and not hits and not asks_about_text(analysis):
            rows = self._keyed_figure_lines(retrieved, analysis.question, keys, topic, book)
            if rows:
                return Draft("\n".join(rows), tuple(book.citations), abstained=False)
        if not hits and asks_figure and asks_about_text(analysis):
            # "When does the 3.8% increase apply?", "how much wider is each grade?": pay
            # words, but the answer is the line that says it.
            best = self.passages.best_lines(analysis, retrieved, book)
            if best:
                return Draft(best, tuple(book.citations), abstained=False)
        if not hits:
            # What the question is about, as its own words say it, if any are left.
            subject = f' for "{" ".join(topic)}"' if topic else ""
            about = f' about "{" ".join(topic)}"' if topic else ""
            closest = self.passages.closest(analysis, retrieved, book)
            if asks_figure and closest and closest[1]:
                # The line about it gives a figure of that field, in a form not read for
                # certain: quoted as it stands, the reader judges it.
                return Draft(closest[0], tuple(book.citations), abstained=False)
            if asks_figure and closest:
                return found_no_line(
                    book,
                    f"I found no line that states the figure asked{subject}. "
                    f"The closest passage:\n{closest[0]}",
                )
            if asks_figure:
                return found_no_line(book, f"The sources give no grade, salary or code{subject}.")
            best = self.passages.best_lines(analysis, retrieved, book)
            if best:
                return Draft(best, tuple(book.citations), abstained=False)
            # "report" is indexed when a passage says "Reports To": words are compared by stem.
            unknown = [
                w
                for w in topic
                if w not in self.library.vocabulary and not self.rarity.frequency.get(stem(w))
            ]
            if unknown and len(unknown) == len(topic):  # not one word of it is indexed
                return abstain(
                    book, f'No passage of the indexed standards mentions "{" ".join(unknown)}".'
                )
            # The sources speak of it, only not in one line that holds enough of the
            # question: the passage the search ranked first answers when it holds at least
            # half of the question's own words.
            chunk = self.passages.nearest(analysis, retrieved)
            held = chunk is not None and self.passages.holds(chunk, topic, share=0.5)
            of_key = chunk is not None and (
                has_row_key(chunk.text, keys) or row_keyed_in(chunk, keys)
            )
            if held and chunk is not None and keys and not of_key:
                # "the APS 5 zone of discretion": a passage of APS 1's rows is not near it.
                named = written_key(analysis.question, keys[0])
                return found_no_line(
                    book, f"No passage of the indexed standards states this for {named}."
                )
            # "the closing date" of a notice that gives no date, nor says it stays open.
            if held and asks_a_date(analysis.question) and not _says_when(retrieved):
                return found_no_line(
                    book, f"No passage of the indexed standards gives a date{subject}."
                )
            nearest = self.passages.quote_whole(chunk, book) if chunk is not None and held else None
            if nearest:
                text = f"No one line answers this{about}; the passage nearest to it: {nearest}"
                return Draft(text, tuple(book.citations), abstained=False, nearest_only=True)
            return found_no_line(book, f"No passage of the indexed standards answers this{about}.")
        lines = [self.passages.quote_sentence(h.chunk, h.sentence, book) for h in hits]
        return Draft("\n".join(lines), tuple(book.citations), abstained=False)


# "Level II", "Band 5", "Class D", "Tier 2": a rank a question names by its label and value.
_RANK = re.compile(
    r"\b(?P<label>level|band|grade|tier|class|step|category|group)\s+"
    r"(?P<value>[IVX]{1,4}|\d{1,2}[A-Z]?|[A-Z])\b",
    re.IGNORECASE,
)


def _ranks_named(question: str) -> list[tuple[str, str]]:
    """The ranks a question names: ("level", "II") of "who counts as Level II?"."""
    return [(m.group("label"), m.group("value")) for m in _RANK.finditer(question)]


def _definition_of(line: str, keys: Sequence[tuple[str, str]]) -> bool:
    """Whether a line defines the grade a question names in words: "• Level II: Post-master's
    and/or passed the Ph.D. preliminary"; not its pay ("Level I = $4,500 - $12,500")."""
    for label, value in keys:
        match = re.match(
            rf"^\W*{re.escape(label)}[\s-]*{re.escape(value)}\s*[:=–—-]\s*(?P<said>.+)$",
            line.strip(),
            re.IGNORECASE,
        )
        if match and re.search(r"[A-Za-z]{3}", match.group("said")):
            return not ONE_AMOUNT.search(match.group("said"))
    return False


# A question that asks when: "the closing date", "when does it close?", "the deadline".
_DATE_ASKED = re.compile(r"\b(?:when|date|dates|deadline)\b", re.IGNORECASE)


# A notice that stays open says so in words: "open until filled", "continuous recruitment".
_OPEN_ENDED = re.compile(
    r"\buntil (?:filled|further notice)\b|\bopen until\b|\bcontinuous(?:ly)?\b|\bongoing\b",
    re.IGNORECASE,
)


def asks_a_date(question: str) -> bool:
    """Whether a question asks when, or for a date."""
    return _DATE_ASKED.search(question) is not None


def _says_when(retrieved: Sequence[ScoredChunk]) -> bool:
    """Whether a passage says when: see `says_when`."""
    return any(says_when(s.chunk.text) for s in retrieved)


def says_when(text: str) -> bool:
    """Whether a text writes a date, names a month or a day of the week ("Incremental
    progression will take place in either April or October"), or says its post stays open
    with none."""
    return bool(
        writes_a_date(text)
        or _OPEN_ENDED.search(text)
        or _WHEN.search(text)
        or _ISO_DATE.search(text)
    )


# The months shortened as a date writes them, capitalised: "Mar", "Sept".
_SHORT_MONTH = "|".join(month.capitalize() for month in MONTH_SHORT.split("|"))
# A date written year first ("Application Deadline: 2026-03-01", "Closing Date 2023/12/19"),
# or its day, its month shortened and its year ("Closing date: 02-Feb-2026", "Closes 26 Mar
# 2020"); month first ("Mar 26, 2020") is writes_a_date's.
_ISO_DATE = re.compile(
    r"\b(?:19|20)\d\d([-/])[01]?\d\1[0-3]?\d\b|\b\d{1,2}-[A-Z][a-z]{2}-(?:19|20)?\d\d\b"
    rf"|\b\d{{1,2}}\s+(?:{_SHORT_MONTH})\.?,?\s+(?:19|20)\d\d\b"
)
# A month or a day of the week, written out: when something happens, with no date.
_WHEN = re.compile(
    rf"\b(?:{MONTHS_NOT_WORDS}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b", re.IGNORECASE
)


def _levels_of(record: ClassRecord) -> set[int]:
    """The levels a class stands for: its own, or those its title runs over ("I-IV")."""
    if record.level is not None:
        return {record.level}
    titled = [level_value(t.split()[-1]) for t in levels_titled(record.title)]
    return {v for v in titled if v is not None}


def _own_words(analysis: QueryAnalysis) -> list[str]:
    """The question's words as typed that neither ask, nor name a level or its places."""
    places = {stem(w) for p in analysis.jurisdictions for w in re.findall(r"[a-z]+", p.lower())}
    skip = question_words()
    return [
        w
        for w in re.findall(r"[a-z]+", analysis.question.lower())
        if w not in STOPWORDS and w not in skip and level_value(w) is None and stem(w) not in places
    ]


def _unknown_abbreviation(word: str, rarity: Rarity) -> bool:
    """Whether a word is typed as an abbreviation ("hra") that no indexed text writes."""
    return acronym_like(word) and not rarity.frequency.get(stem(word))


def _other_levels(sentence: str, subject: Sequence[str], asked: set[int]) -> bool:
    """Whether a sentence names levels of the subject, none of them the one asked."""
    named = levels_named(sentence, subject)
    return bool(asked) and bool(named) and not named & asked

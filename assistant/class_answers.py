"""Answers about the classes a question names, from the catalog and their own standards'
sections: facts, sections, comparisons, listings, or a question back."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import chain

from assistant.citations import CitationBook
from assistant.class_index import ClassIndex
from assistant.class_lines import stated_for_others_only, topic_line
from assistant.drafts import Draft
from assistant.figures import (
    CatalogFacts,
    column_asked,
    in_period_asked,
    label,
    labels,
    names_pay_label,
)
from assistant.line_marks import with_value_below
from assistant.passage_answers import PassageAnswers
from assistant.passages import SentenceHit, sentences, stem, stems
from assistant.query import CATALOG_INTENTS, STOPWORDS, QueryAnalysis, question_parts
from assistant.reader import ENTRY_WORDS, PAY_NOUNS, question_words
from assistant.retrieve import ChunkLibrary
from assistant.row_keys import row_keys
from assistant.topic_answers import asks_when_why_whether
from assistant.word_indexes import value_tokens
from index.catalog import smart_title, split_level
from index.money import ONE_AMOUNT
from index.store import ScoredChunk
from index.structure import normalise_title, section_kind
from index.types import Chunk, ClassRecord
from index.vocab import intents

# Which sections answer which kind of question, in the order they are shown.
SECTION_KINDS_FOR_INTENT: dict[str, tuple[str, ...]] = {
    i.name: i.sections for i in intents().values() if i.sections
}
# The catalog's figures are read from the title block and the class tables.
_CATALOG_KINDS = ("pay_table", "heading")

# Words that ask for pay itself, beside a grade the question gives ("the salary range for Pay
# Grade 67"), not the words of the grade's own label ("pay range II").
_PAY_ASKED = re.compile(r"\b(?:salary|salaries|wages?|earn\w*|how much|dollars)\b", re.IGNORECASE)


def section_kinds(intents: Sequence[str]) -> list[str]:
    """The section kinds that hold the answer to these intents."""
    kinds = [k for i in intents for k in SECTION_KINDS_FOR_INTENT.get(i, ())]
    if any(i in CATALOG_INTENTS for i in intents):
        kinds += _CATALOG_KINDS
    return list(dict.fromkeys(kinds))


# "How does X define the class?", "what is the definition of X?"
_DEFINES = re.compile(r"\bdefin(?:e|es|ed|ition)\b", re.IGNORECASE)

_INTENT_NOUNS = {i.name: i.noun for i in intents().values() if i.noun}
MAX_CLASSES_PER_ANSWER = 4
_COVERAGE_LIMIT = 8
# A requirement stated in no section of its own: a credential and how much of it.
_UNLABELLED_INTENTS = frozenset({"qualifications", "certification"})
_REQUIREMENT_LINE = re.compile(
    r"\b(?:degree|diploma|bachelor'?s|master'?s|associate'?s|high school|ged|graduation"
    r"|licen[cs]e|certificat\w+)\b",
    re.IGNORECASE,
)
_AMOUNT_OF_IT = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+)?"
    r"(?:years?|months?|semester|credits?|units?|hours)\b|\bequivalen\w+|\bvalid\b",
    re.IGNORECASE,
)
_MAX_UNLABELLED = 4
# A question answered yes or no: "Do the clerks need a driver's licence?"
_YES_NO = re.compile(
    r"\s*(?:do|does|did|is|are|was|were|can|could|must|will|would|should|shall|has|have|may)\b",
    re.IGNORECASE,
)


# Lines of a qualified pay quoted at most ("trainee", "certified").
_MAX_QUALIFIED_LINES = 3
_SHORT = 3  # words this short qualify nothing ("hr", "per")
# A question asking which row of a table holds what it gives: "which stage pays 58500?".
_ASKS_ROW = re.compile(
    r"\bwhich\s+(?:\w+\s+)?(?:stage|step|point|level|grade|band|increment|row|scale)\b", re.I
)
# A line's label: "Starting Salary" of "- Starting Salary: Rs. 40,403/-".
_LABEL = re.compile(r"^[-*•–\s]*(?P<label>[A-Za-z][A-Za-z /&]{2,40}):")


class ClassAnswers:
    """What the sources say of the classes a question names, each statement cited."""

    def __init__(
        self,
        library: ChunkLibrary,
        index: ClassIndex,
        figures: CatalogFacts,
        passages: PassageAnswers,
    ) -> None:
        self.library = library
        self.index = index
        self.figures = figures
        self.passages = passages
        self.rarity = library.rarity
        self._catalogued = {r.source for r in index.records}  # documents with known classes

    def about(
        self,
        analysis: QueryAnalysis,
        classes: list[ClassRecord],
        book: CitationBook,
        retrieved: Sequence[ScoredChunk],
        topic: list[str],
    ) -> Draft:
        """The answer for these classes; `topic` is the question's own subject words."""
        intents = analysis.intents
        # "Which job has OCCU 9428?", "downey range 19 - what class": the class the code or
        # grade given names.
        figures = self.figures
        named = figures.named_by_code(classes, analysis, book) or figures.named_by_grade(
            classes, analysis, book
        )
        if named:
            titles = tuple(r.title for r in classes)
            return Draft("\n".join(named), tuple(book.citations), abstained=False, classes=titles)
        if "compare" in intents:
            return self._compare(classes, analysis, book)
        if "list" in intents and len(classes) > 1:
            return self._listing(classes, book)
        wants_sections = [i for i in intents if i in SECTION_KINDS_FOR_INTENT]
        if len(classes) > MAX_CLASSES_PER_ANSWER and wants_sections:
            # "Which engineering technician level is the full journey level?": a sentence
            # that holds every word of the topic answers it; otherwise ask which class.
            pool = self._chunks_about(classes, retrieved)
            hits = self.rarity.best_sentences(topic, pool) if topic else []
            whole = [h for h in hits if h.share >= 1.0]
            if whole:
                lines = [self.passages.quote_sentence(h.chunk, h.sentence, book) for h in whole]
                return Draft("\n".join(lines), tuple(book.citations), abstained=False)
            return self.ask_back(classes, book)
        if topic and not [i for i in intents if i in CATALOG_INTENTS] and not wants_sections:
            return self._about_topic(analysis, classes, topic, book, retrieved)
        paragraphs: list[str] = []
        if len({r.source for r in classes}) > 1:
            paragraphs.append(
                "Your question matches classes in more than one standard, so here is each of them:"
            )
        elif len({r.series for r in classes}) > 1:
            paragraphs.append("Your question matches more than one class, so here is each of them:")
        if wants_sections and _YES_NO.match(analysis.question):
            unmentioned = self._unmentioned(analysis, classes)
            if unmentioned:
                return self._not_mentioned(classes, unmentioned, book)
        if topic and wants_sections and asks_when_why_whether(analysis.question):
            paragraphs += self._telling_sentence(analysis, classes, topic, book, retrieved)
        unpaid = self._other_pay_unstated(analysis, classes, book)
        if unpaid is not None:
            return unpaid
        rows = self._rows_paying(analysis, classes, book)
        if rows:
            return Draft(rows, tuple(book.citations), abstained=False, classes=(classes[0].title,))
        qualified = self._qualified_pay(analysis, classes, book)
        if qualified:
            return Draft(
                qualified, tuple(book.citations), abstained=False, classes=(classes[0].title,)
            )
        missing = 0
        for record in classes:
            text, found = self._class_answer(record, analysis, book)
            paragraphs.append(text)
            missing += not found
        return Draft(
            "\n\n".join(paragraphs),
            tuple(book.citations),
            abstained=missing == len(classes),
            classes=tuple(r.title for r in classes),
            # The catalog may have missed a field its standard states in a layout not read.
            unsure=missing == len(classes),
        )

    def _qualified_pay(
        self,
        analysis: QueryAnalysis,
        classes: list[ClassRecord],
        book: CitationBook,
    ) -> str:
        """For the pay of one class that the question qualifies ("the trainee pay rate"), the
        lines of its standard that give an amount with that word ("$27.91 - $33.64 Trainee
        Pay Rate*"), when its catalog range is not one of them: the catalog keeps one range
        a class, the standard may give several. Empty when no such line is found."""
        if "salary" not in analysis.intents or len(classes) != 1:
            return ""
        record = classes[0]
        # A grade or point asked ("Pay Scale Point 5") is read from its table; one the class's
        # title holds ("Management Assistant Grade III") says which class.
        titled = set(row_keys(record.title))
        if any(key not in titled for key in row_keys(analysis.question)):
            return ""
        named = stems(f"{record.title} {record.jurisdiction or ''}")
        skip = question_words() | STOPWORDS
        words = re.findall(r"[a-z]+", analysis.question.lower())
        wanted = {stem(w) for w in words if w not in skip and len(w) > _SHORT} - named
        # "What starting salary ...?" of a standard that labels its own line "Starting Salary:
        # Rs. 40,403/-": that line, not the minimum of the range beside it.
        entry = {stem(w) for w in words} & ENTRY_WORDS
        if not wanted and not entry:
            return ""
        evidence = record.evidence_for("salary")
        lines = self._own_lines(
            classes,
            lambda line: bool(
                ONE_AMOUNT.search(line) and (wanted & stems(line) or entry & stems(_label_of(line)))
            ),
        )
        if not lines or (evidence and any(evidence.quote in line for _, line in lines)):
            return ""
        return self._quoted_lines(lines, book)

    def _rows_paying(
        self, analysis: QueryAnalysis, classes: list[ClassRecord], book: CitationBook
    ) -> str:
        """ "Which stage pays 58500?" of a class whose standard writes the amount on a row
        ("| 17 | 58500 |"): those lines, which say where it stands (its range only holds it).
        Empty when the question asks no row or no line writes the amount."""
        if not analysis.amounts or not _ASKS_ROW.search(analysis.question):
            return ""
        asked = value_tokens(" ".join(analysis.amounts))
        lines = self._own_lines(classes, lambda line: bool(asked & value_tokens(line)))
        return self._quoted_lines(lines, book)

    def _other_pay_unstated(
        self, analysis: QueryAnalysis, classes: list[ClassRecord], book: CitationBook
    ) -> Draft | None:
        """ "How much are the allowances paid with X's salary?" where no line of X's standard
        gives an amount with that pay's noun: the class's range is no answer. A plain "not
        stated", with the lines that name that pay without a figure ("Other Benefits:
        Approved government allowances"); None when the question names no such pay or a line
        pays it."""
        asked = stems(analysis.question) & PAY_NOUNS
        if "salary" not in analysis.intents or not asked or len(classes) != 1:
            return None
        lines = self._own_lines(classes, lambda line: bool(asked & stems(line)))
        if any(ONE_AMOUNT.search(line) for _, line in lines):
            return None
        record = classes[0]
        noun = " or ".join(
            sorted(
                {w for w in re.findall(r"[a-z]+", analysis.question.lower()) if stem(w) in asked}
            )
        )
        said = self._quoted_lines(lines, book)
        text = f"The sources do not state an amount of {noun} for {label(record)}."
        if said:
            text += f" What they say of it:\n{said}"
        return Draft(text, tuple(book.citations), abstained=True, classes=(record.title,))

    def _own_lines(
        self, classes: Sequence[ClassRecord], keep: Callable[[str], bool]
    ) -> list[tuple[Chunk, str]]:
        """(passage, line) for each line of these classes' passages that `keep` keeps."""
        return [
            (chunk, line.strip())
            for chunk in self._chunks_about(classes)
            for line in chunk.text.splitlines()
            if keep(line)
        ]

    def _quoted_lines(self, lines: list[tuple[Chunk, str]], book: CitationBook) -> str:
        """The first few of these lines, each quoted and cited once, a line each."""
        quoted = [self.passages.quote_sentence(chunk, line, book) for chunk, line in lines]
        return "\n".join(dict.fromkeys(quoted[:_MAX_QUALIFIED_LINES]))

    def _unmentioned(self, analysis: QueryAnalysis, classes: list[ClassRecord]) -> list[str]:
        """The words a yes-or-no question asks about ("driver" of "do the clerks need a
        driver's licence?": not the classes' titles, documents or places, nor the words of
        what is asked) when no passage of these classes' standards holds any of them."""
        named = " ".join(f"{r.title} {r.doc_title} {r.jurisdiction or ''}" for r in classes)
        series = [re.findall(r"[a-z]+", split_level(r.title)[0].lower()) for r in classes]
        initials = {"".join(w[0] for w in words) for words in series}  # "cpss"
        own = stems(named) | {stem(w) for w in question_words()}
        asked = [
            w
            for w in analysis.keywords
            if stem(w) not in own and not w.isdigit() and w not in initials
        ]
        held: set[str] = set()
        for chunk in self._chunks_about(classes):
            held |= stems(chunk.text)
        return [] if any(stem(w) in held for w in asked) else asked

    def _not_mentioned(
        self, classes: list[ClassRecord], topic: list[str], book: CitationBook
    ) -> Draft:
        """ "Does X require a driver's licence?" where X's standard never speaks of one: say
        so, with the class each standard names, rather than show its requirements as if they
        answered."""
        named = ", ".join(f"{label(r)} {self.figures.cite(r, 'title', book)}" for r in classes)
        text = f'The standard for {named} says nothing about "{" ".join(topic)}".'
        return Draft(text, tuple(book.citations), abstained=True)

    def _telling_sentence(
        self,
        analysis: QueryAnalysis,
        classes: list[ClassRecord],
        topic: list[str],
        book: CitationBook,
        retrieved: Sequence[ScoredChunk],
    ) -> list[str]:
        """ "How many staff does X supervise?": the sentence of these classes' standards that
        holds most of the question's own words, to lead the sections shown, when they do not
        hold it already (it may stand in another section than the one the question names)."""
        hits = self.rarity.best_sentences(topic, self._chunks_about(classes, retrieved), limit=1)
        scratch = CitationBook()
        shown = "\n".join(self._class_answer(r, analysis, scratch)[0] for r in classes)
        said = [h for h in hits if " ".join(h.sentence.split()) not in " ".join(shown.split())]
        return [self.passages.quote_sentence(h.chunk, h.sentence, book) for h in said]

    def _class_answer(
        self, record: ClassRecord, analysis: QueryAnalysis, book: CitationBook
    ) -> tuple[str, bool]:
        """The answer for one class, and whether the sources held what was asked."""
        parts: list[str] = []
        found = True
        premise = self.figures.premise_check(record, analysis, book)
        if premise:
            parts.append(premise)
        # No need to repeat a grade the question gave correctly, or one just corrected.
        grade_known = premise or record.pay_grade in analysis.pay_grades
        catalog_intents = [
            i
            for i in analysis.intents
            if i in CATALOG_INTENTS and not (grade_known and i == "pay_grade")
        ]
        # "The salary range for Pay Grade 67": its own grade given, and pay asked beside it.
        given = record.pay_grade in analysis.pay_grades and bool(
            _PAY_ASKED.search(analysis.question)
        )
        if names_pay_label(record, analysis.question) and not record.salary_text and not given:
            # In Northfield, "pay range 8" is the grade: "what pay range" asks for it, not dollars.
            catalog_intents = [i for i in catalog_intents if i != "salary"]
            if not grade_known and "pay_grade" not in catalog_intents:
                catalog_intents.append("pay_grade")
        section_intents = [i for i in analysis.intents if i in SECTION_KINDS_FOR_INTENT]
        if not catalog_intents and not section_intents and not premise:
            catalog_intents, section_intents = ["summary"], ["description"]
        for intent in catalog_intents:
            sentence, ok = self.figures.catalog_sentence(record, intent, analysis, book)
            parts.append(sentence)
            found = found and ok
        shown: set[str] = set()
        for intent in dict.fromkeys(section_intents):
            text, ok = self._section_text(record, intent, book, shown, analysis.question)
            parts.append(text)
            found = found and ok
        return "\n".join(p for p in parts if p), found

    def _about_topic(
        self,
        analysis: QueryAnalysis,
        classes: list[ClassRecord],
        topic: list[str],
        book: CitationBook,
        retrieved: Sequence[ScoredChunk] = (),
    ) -> Draft:
        """A question about something other than pay or a section ("competitive?", "agency?"):
        the sentences of these classes' standards that hold its words, or a plain "not said"."""
        chunks = self._chunks_about(classes, retrieved)
        # "when does the cleaner releif job close?": a typo as the passages spell the word (not
        # a longer form of it: "effect" stays, for the synonyms it has).
        topic = [spelt for word in topic for spelt in self._typo_fixed(word, chunks)]
        by_row = self._from_class_rows(classes, topic, book) if len(classes) == 1 else None
        if by_row is not None:
            return by_row
        hits = self.rarity.best_sentences(topic, chunks)
        if hits:
            hits = self._of_each_part(analysis.question, topic, chunks) or hits
        titles = tuple(r.title for r in classes)
        if hits:
            # "Closes" over "26 Mar 2020": a label alone on its line is quoted with its value.
            # (Not the class's title line, which reads as a label too.)
            own = {normalise_title(r.title) for r in classes}
            lines = [
                self.passages.quote_sentence(
                    h.chunk,
                    h.sentence
                    if normalise_title(h.sentence) in own
                    else with_value_below(h.chunk.text, h.sentence),
                    book,
                )
                for h in hits
            ]
            return Draft("\n".join(lines), tuple(book.citations), abstained=False, classes=titles)
        about = " ".join(dict.fromkeys(topic))  # "exempt or non-exempt": "exempt" once
        named = labels(classes) if len(classes) <= MAX_CLASSES_PER_ANSWER else "these classes"
        lines = [f'The sources do not say anything about "{about}" for {named}. What they give:']
        lines += [
            f"{label(r)}: {self.figures.facts(r, book)}." for r in classes[:MAX_CLASSES_PER_ANSWER]
        ]
        return Draft("\n".join(lines), tuple(book.citations), abstained=True, classes=titles)

    def _from_class_rows(
        self, classes: list[ClassRecord], topic: list[str], book: CitationBook
    ) -> Draft | None:
        """In a document of several classes, the line that names the class and holds the
        topic ("Executive Level 2Zone of discretion*$168,610" / "to $178,558"), or "not said"
        when only other classes' lines hold it; None when the document does not tell its
        classes apart so."""
        record = classes[0]
        others = [r.title for r in self.index.of_source(record.source) if r.title != record.title]
        if not others:
            return None
        lines = "\n".join(c.text for c in self.library.of_source(record.source)).splitlines()
        line = topic_line(lines, record.title, topic)
        titles = (record.title,)
        if line is not None:
            chunk = self.library.containing(record.source, line)
            if chunk is None:
                return None
            quoted = self.passages.quote_sentence(chunk, line, book)
            return Draft(quoted, tuple(book.citations), abstained=False, classes=titles)
        if not stated_for_others_only(lines, record.title, others, topic):
            return None
        about = " ".join(dict.fromkeys(topic))
        text = (
            f'Its standard gives "{about}" for other classes, not for {label(record)}. What it '
            f"gives for {record.title}: {self.figures.facts(record, book)}."
        )
        return Draft(text, tuple(book.citations), abstained=True, classes=titles, settled=True)

    def _of_each_part(
        self, question: str, topic: list[str], chunks: Sequence[Chunk]
    ) -> list[SentenceHit]:
        """ "Who does X report to, and how many employees does it have?": the best sentences of
        each question in turn, not only those holding words of both; none for a question that
        asks one thing."""
        parts = question_parts(question)
        if len(parts) < 2:
            return []
        by_part = [
            self.rarity.best_sentences([w for w in topic if stem(w) in stems(part)], chunks)
            for part in parts
        ]
        return list({(h.chunk.chunk_id, h.sentence): h for h in chain(*by_part)}.values())

    def _typo_fixed(self, word: str, chunks: Sequence[Chunk]) -> list[str]:
        """The word as the passages spell it when it is a typo of theirs ("releif"); as typed
        otherwise, or when they only write a longer form of it."""
        spelt = self.passages.reader.respelt([word], chunks)
        return [word] if spelt == [word] or spelt[0].startswith(stem(word)) else spelt

    def _chunks_about(
        self, classes: Sequence[ClassRecord], retrieved: Sequence[ScoredChunk] = ()
    ) -> list[Chunk]:
        """Passages of these classes' standards about them or about the whole document, and
        the retrieved passages of documents whose classes the catalog does not know."""
        wanted = {(r.source, r.title) for r in classes}
        sources = {r.source for r in classes}
        own = [
            c
            for source in sorted(sources)
            for c in self.library.of_source(source)
            if len(c.classes) != 1 or (c.source, c.classes[0]) in wanted
        ]
        unknown = [s.chunk for s in retrieved if s.chunk.source not in self._catalogued]
        return own + [c for c in unknown if c not in own]

    def no_such_level(self, analysis: QueryAnalysis, book: CitationBook) -> Draft:
        """ "Certified Peer Specialist 3" when the series stops at 2: say so, list the levels."""
        lines = []
        for series, asked, jurisdiction in analysis.missing_levels:
            records = self._of_series(series, jurisdiction)
            levels = "; ".join(
                f"{label(r)}, {r.pay_text or 'no grade given'} "
                f"{self.figures.cite(r, 'title', book)}"
                for r in records
            )
            where = f"The {jurisdiction} standard" if jurisdiction else "The standard"
            lines.append(f"{where} lists no such level of {series}. Its levels are: {levels}.")
            nearest = self._nearest_level(records, asked, book)
            if nearest:
                lines.append(nearest)
        return Draft("\n".join(lines), tuple(book.citations), abstained=True)

    def no_such_rank(self, analysis: QueryAnalysis, book: CitationBook) -> Draft:
        """ "Maintenance Worker Lead" when no class of the series is a lead: say so, list the
        classes it has."""
        lines = []
        for series, rank, jurisdiction in analysis.missing_ranks:
            records = self._of_series(series, jurisdiction)
            listed = "; ".join(f"{label(r)}: {self.figures.facts(r, book)}" for r in records)
            where = f"The {jurisdiction} standards" if jurisdiction else "The standards"
            named = f"{series} {rank.title()}"
            lines.append(f"{where} name no {named}. Their {series} classes are: {listed}.")
        return Draft("\n".join(lines), tuple(book.citations), abstained=True)

    def _of_series(self, series: str, jurisdiction: str | None) -> list[ClassRecord]:
        """The classes of a series in one place's standards."""
        return [
            r for r in self.index.records if r.series == series and r.jurisdiction == jurisdiction
        ]

    def _nearest_level(
        self, records: Sequence[ClassRecord], asked: int, book: CitationBook
    ) -> str | None:
        """The line of the level nearest the one asked, quoted as the standard writes it
        ("Manager VII 1606 B28"; its pay line when it has no grade), so that the reader sees
        where the series ends."""
        levelled = [r for r in records if r.level is not None]
        if not levelled:
            return None
        nearest = min(levelled, key=lambda r: (abs((r.level or 0) - asked), -(r.level or 0)))
        evidence = (
            nearest.evidence_for("pay_grade")
            or nearest.evidence_for("salary")
            or nearest.evidence_for("title")
        )
        if evidence is None:
            return None
        line = " ".join(evidence.quote.split())
        cited = self.figures.cite(nearest, evidence.field, book)
        return f'The nearest level it lists is {label(nearest)}: "{line}" {cited}.'

    def _section_text(
        self,
        record: ClassRecord,
        intent: str,
        book: CitationBook,
        shown: set[str],
        question: str = "",
    ) -> tuple[str, bool]:
        """The sections that answer the intent for this class, skipping passages already shown.
        A description is the class's distinguishing characteristics, or its definition when
        the question asks how the standard defines it."""
        kinds = SECTION_KINDS_FOR_INTENT[intent]
        chunks = self.library.sections_for(record, kinds) or self._labelled_inline(record, kinds)
        if not chunks and intent in intents():
            # No section of duties: the part of the standard its title heads, which
            # describes it ("Student Library Assistant III" over its wage and its work).
            fallback = intents()[intent].fallback
            own = self.library.sections_for(record, fallback) if fallback else []
            chunks = [c for c in own if c.section.endswith(f"> {record.title}")]
        if intent == "certification":
            specific = [c for c in chunks if c.section_kind == "certification"]
            chunks = specific or [c for c in chunks if "certif" in c.text.lower()]
        elif intent == "description":
            wanted = "description" if _DEFINES.search(question) else "distinguishing"
            chunks = [c for c in chunks if c.section_kind == wanted] or chunks
        if not chunks:
            stated = self._unlabelled_requirements(record, intent, book)
            if stated:
                heading = f"{_INTENT_NOUNS[intent].capitalize()} of {label(record)}:"
                return "\n".join([heading, *stated]), True
            return self._missing_section(record, intent, book), False
        chunks = [c for c in chunks if c.chunk_id not in shown]
        shown.update(c.chunk_id for c in chunks)
        if not chunks:
            return "", True
        lines = [f"{_INTENT_NOUNS[intent].capitalize()} of {label(record)}:"]
        lines += [_passage_line(chunk, book) for chunk in chunks]
        return "\n".join(lines), True

    def _labelled_inline(self, record: ClassRecord, kinds: Sequence[str]) -> list[Chunk]:
        """The passages of the class's document that open a section with a label inside a
        line ("Entry Requirements: Candidates should have :"), not a heading of its own: the
        standard describes that much, however it lays it out."""
        kinds = [k for k in kinds if k in _LABELLED_KINDS]
        found: list[Chunk] = []
        carried = 0  # the passages after a labelled one carry its section on, up to a label
        for chunk in self.library.of_source(record.source):
            if chunk.classes and record.title not in chunk.classes:
                carried = 0
                continue
            labels = list(_INLINE_LABEL.finditer(chunk.text))
            start = next((m.start() for m in labels if section_kind(m.group(1)) in kinds), None)
            if start is not None:  # the passage from that label on
                found.append(replace(chunk, text=chunk.text[start:].strip()))
                carried = _CARRIED_PASSAGES
            elif carried and not (labels and labels[0].start() == 0):
                found.append(chunk)
                carried -= 1
            else:
                carried = 0
        return found

    def _unlabelled_requirements(
        self, record: ClassRecord, intent: str, book: CitationBook
    ) -> list[str]:
        """The lines of the class's own passages that state a requirement though no heading
        says so ("1. Bachelor's Degree and one year of related experience, or an equivalent
        combination."): a credential with an amount of it, quoted; none for other intents."""
        if intent not in _UNLABELLED_INTENTS:
            return []
        found = []
        for chunk in self._chunks_about([record]):
            for line in chunk.text.splitlines():
                if _REQUIREMENT_LINE.search(line) and _AMOUNT_OF_IT.search(line):
                    found.append(self.passages.quote_sentence(chunk, line.strip(), book))
        return list(dict.fromkeys(found))[:_MAX_UNLABELLED]

    def _missing_section(self, record: ClassRecord, intent: str, book: CitationBook) -> str:
        """Say plainly that the standard does not cover it, then what it does hold."""
        noun = _INTENT_NOUNS[intent]
        where = f"The {record.jurisdiction} standard" if record.jurisdiction else "The standard"
        lacks = "gives no description" if noun == "description" else f"does not describe the {noun}"
        if not (record.code or record.pay_text or record.salary_text):
            return f"{where} {lacks} of {label(record)} {self.figures.cite(record, 'title', book)}."
        return (
            f"{where} {lacks} of {label(record)}; for this class it "
            f"gives only: {self.figures.facts(record, book)}."
        )

    def _compare(
        self, classes: list[ClassRecord], analysis: QueryAnalysis, book: CitationBook
    ) -> Draft:
        """Each class's facts, then its own passages for what is compared (by default what
        distinguishes it and its qualifications); passages shared by all are shown once."""
        aspects = [i for i in analysis.intents if i in SECTION_KINDS_FOR_INTENT]
        lines = [f"Comparison of {labels(classes)}:"]
        for record in (in_period_asked(r, analysis.question) for r in classes):
            lines += ["", self.figures.summary_sentence(record, book)]
            column = column_asked(record, analysis.question)
            if column:  # "how do the midpoints of PSS 7 and PSS D compare?"
                cite = self.figures.cite(record, "salary", book)
                lines.append(f"{column[0]} for {label(record)}: {column[1]} {cite}".rstrip())
            spoken = []
            for intent in aspects or ["description", "qualifications"]:
                chunks = self.library.sections_for(record, SECTION_KINDS_FOR_INTENT[intent])
                own = [c for c in chunks if c.classes == (record.title,)]
                lines += [_passage_line(chunk, book) for chunk in own or chunks[:1]]
                if not chunks and intent in aspects:
                    # A standard with no headings: the sentence that speaks of what is
                    # compared ("Under immediate supervision performs skilled work ...").
                    spoken += self._sentence_on(record, intent, book)
            lines += spoken
            if not spoken and not self.describes(record):
                lines.append("The standard describes this class only by the line above.")
        titles = tuple(r.title for r in classes)
        return Draft("\n".join(lines), tuple(book.citations), abstained=False, classes=titles)

    def _sentence_on(self, record: ClassRecord, intent: str, book: CitationBook) -> list[str]:
        """The first sentence of the class's own passages that writes one of the words asking
        for `intent` ("supervision"), quoted; none when no sentence does."""
        words = {stem(w) for w in intents()[intent].words}
        for chunk in sorted(self._chunks_about([record]), key=lambda c: c.position):
            for sentence in sentences(chunk.text):
                if words & stems(sentence):
                    return [self.passages.quote_sentence(chunk, sentence, book)]
        return []

    def _listing(self, classes: list[ClassRecord], book: CitationBook) -> Draft:
        """ "List the classes on the Riverbend schedule": one line per class, each cited."""
        lines = [f"- {self.figures.summary_sentence(r, book)}" for r in classes]
        titles = tuple(r.title for r in classes)
        return Draft("\n".join(lines), tuple(book.citations), abstained=False, classes=titles)

    def ask_back(self, classes: list[ClassRecord], book: CitationBook) -> Draft:
        options = self.class_list(classes, book)
        return Draft(
            f"Which class do you mean? Your question matches: {options}.",
            tuple(book.citations),
            abstained=False,
            classes=tuple(r.title for r in classes),
        )

    def class_list(self, classes: Sequence[ClassRecord], book: CitationBook) -> str:
        """ "Title (Place) [1]; Title (Place) [2]; and more (see the class catalog)" """
        listed = [
            f"{label(r)} {self.figures.cite(r, 'title', book)}" for r in classes[:_COVERAGE_LIMIT]
        ]
        # No count of the rest: every number in an answer must come from a cited passage.
        more = "; and more (see the class catalog)" if len(classes) > _COVERAGE_LIMIT else ""
        return "; ".join(listed) + more

    def describes(self, record: ClassRecord) -> bool:
        return any(
            record.title in c.classes and c.section_kind not in ("pay_table", "heading")
            for c in self.library.of_source(record.source)
        )


# A section's label at the start of a line, its text after it: "Entry Requirements: ...", and
# how many passages after it carry its section on.
_CARRIED_PASSAGES = 2
# The sections a label inside a line opens for certain; "Class Characteristics WWTP Operator
# I:" may be any level's description.
_LABELLED_KINDS = frozenset({"qualifications", "certification", "knowledge_skills", "duties"})
_INLINE_LABEL = re.compile(r"^[ \t]*([A-Za-z][A-Za-z ,&/-]{2,40}?)[ \t]*:", re.MULTILINE)


def _passage_line(chunk: Chunk, book: CitationBook) -> str:
    """ "Minimum Qualifications: <the passage> [n]" """
    return f"{_section_label(chunk)}: {_passage_text(chunk)} {book.cite_chunk(chunk)}"


def _section_label(chunk: Chunk) -> str:
    """The heading a reader knows the passage by ("Minimum Qualifications"), not a class title."""
    parts = [
        p
        for p in chunk.section.split(" > ")
        if not any(normalise_title(p) == normalise_title(c) for c in chunk.classes)
    ]
    return smart_title(parts[-1] if parts else chunk.section)


def _passage_text(chunk: Chunk) -> str:
    """A table row reads as "Column: value; ..." with its header; other passages flattened."""
    if chunk.table_header:
        names = [smart_title(name.strip()) for name in chunk.table_header.split("\t")]
        values = [value.strip() for value in chunk.text.split("\t")]
        if len(names) == len(values):
            return "; ".join(f"{n}: {v}" for n, v in zip(names, values, strict=True) if v)
    return _flatten(chunk.text)


def _flatten(text: str) -> str:
    """Passage text on as few lines as reads well: paragraphs joined, list items kept."""
    lines = [line.strip() for line in text.replace("\t", " | ").splitlines() if line.strip()]
    return "\n".join(lines) if any(line.startswith("-") for line in lines) else " ".join(lines)


def _label_of(line: str) -> str:
    """The label a line opens with ("Starting Salary" of "Starting Salary: Rs. 40,403/-"), or ""."""
    match = _LABEL.match(line)
    return match.group("label") if match else ""

"""The default answer composer: deterministic, grounded, every statement cited from the sources."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.citations import CitationBook
from assistant.class_index import ClassIndex, place_words
from assistant.figures import (
    CatalogFacts,
    column_asked,
    in_period_asked,
    key_fits,
    label,
    labels,
    names_pay_label,
)
from assistant.grid_answers import GridAnswers
from assistant.namesakes import Namesakes
from assistant.passage_answers import PassageAnswers, asks_about_text, asks_when_why_whether
from assistant.passage_layout import has_row_key, row_keys, starts_a_row
from assistant.passages import stem
from assistant.query import CATALOG_INTENTS, INTENT_WORDS, STOPWORDS, QueryAnalysis
from assistant.reader import question_words
from assistant.retrieve import ChunkLibrary
from assistant.scope import DocumentNames
from assistant.types import Citation
from index.catalog import smart_title
from index.jurisdictions import JURISDICTION_WORDS, find_jurisdictions
from index.money import CURRENCY_SIGNS, period_in
from index.store import ScoredChunk
from index.structure import normalise_title
from index.types import Chunk, ClassRecord
from index.vocab import intents

# Which sections answer which kind of question, in the order they are shown.
SECTION_KINDS_FOR_INTENT: dict[str, tuple[str, ...]] = {
    i.name: i.sections for i in intents().values() if i.sections
}
# The catalog's figures are read from the title block and the class tables.
_CATALOG_KINDS = ("pay_table", "heading")


def section_kinds(intents: Sequence[str]) -> list[str]:
    """The section kinds that hold the answer to these intents."""
    kinds = [k for i in intents for k in SECTION_KINDS_FOR_INTENT.get(i, ())]
    if any(i in CATALOG_INTENTS for i in intents):
        kinds += _CATALOG_KINDS
    return list(dict.fromkeys(kinds))


_INTENT_NOUNS = {i.name: i.noun for i in intents().values() if i.noun}
# Words that say what is asked, not what it is about: ignored when matching passages.
_QUESTION_WORDS = frozenset(
    {w for phrases in INTENT_WORDS.values() for p in phrases for w in p.split()}
    | {"salaries", "pay", "paid", "class", "classes", "level", "levels", "much", "many", "does"}
    | {"standard", "standards", "job", "jobs", "title", "position", "state"}
)
# An amount as a line states pay: with a currency sign, or with thousands separators.
_AMOUNT = re.compile(rf"[{CURRENCY_SIGNS}]\s?\d|\b\d{{1,3}}(?:,\d{{3}})+\b")
_MAX_CLASSES_PER_ANSWER = 4
# A sentence that states a grade, group, salary or code.
_FIGURE = re.compile(
    r"\$\s?\d|\b(?:grade|group|range|code)\s+[A-Z]{0,3}-?\d|\b(?!(?:19|20)\d\d\b)\d{4,}\b", re.I
)
_COVERAGE_LIMIT = 8
# A question word this long that begins a word of a class's title shortens it ("eng", "tech").
_SHORTENED = 3
# How many passages the words of a question naming an unlisted place are looked for in.
_PLACE_SEARCH_DEPTH = 20
# A word of the question this long that only other standards hold places it elsewhere.
_PLACING_WORD = 3


@dataclass(frozen=True)
class Draft:
    """A composed answer before timing: text with [n] markers and its citations."""

    text: str
    citations: tuple[Citation, ...]
    abstained: bool
    classes: tuple[str, ...] = ()


class ExtractiveComposer:
    """Answers from the class catalog and the retrieved passages, never from anywhere else."""

    def __init__(self, library: ChunkLibrary, index: ClassIndex) -> None:
        self.library = library
        self.index = index
        self.figures = CatalogFacts(library, index)
        self.rarity = library.rarity  # read from the start-up snapshot when there is one
        # Words that name a class ("certified", "cpss") say which class, not what is asked.
        self._title_stems = {stem(w) for r in index.records for w in r.title.split()} | {
            s.acronym for s in index.series
        }
        self._places = indexed_places(library.chunks, index.jurisdictions)
        self._place_words = {w for j in self._places for w in place_words(j)}
        self.passages = PassageAnswers(self.rarity, library.chunks, library.of_source)
        self.grids = GridAnswers(library)
        self.namesakes = Namesakes(library, index, self.passages)
        self._catalogued = {r.source for r in index.records}  # documents with known classes
        self.names = DocumentNames(library, self.passages.reader.sources_of)
        # Words that say what is asked or which class, never which document.
        self._not_names = question_words() | STOPWORDS | self._title_stems

    def prepare(self) -> None:
        """Build now what the first question would otherwise wait for (the start-up snapshot
        keeps the composer prepared)."""
        self.passages.reader.prepare()

    def name_documents(self, analysis: QueryAnalysis) -> QueryAnalysis:
        """The analysis with the documents its question names by their names ("at FERC").
        The words that name them say which document, not what its passages must hold."""
        if analysis.naming is not None:
            return analysis
        naming = self.names.naming(analysis.question, self._not_names)
        keywords = tuple(k for k in analysis.keywords if stem(k) not in naming.words)
        return replace(analysis, naming=naming, keywords=keywords)

    def compose(self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]) -> Draft:
        """The catalog's answer when it has one; otherwise the reader's, from the passages. An
        abstention stands only when no passage states what was asked. The documents an answer
        quotes are among what it is about: their titles name them."""
        draft = self._with_similar(self._compose(analysis, retrieved), analysis)
        documents = tuple(c.doc_title for c in draft.citations if c.doc_title)
        return replace(draft, classes=tuple(dict.fromkeys((*draft.classes, *documents))))

    def read_passages(
        self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]
    ) -> Draft | None:
        """The reader's answer alone, the lines that state the field asked, quoted; None when
        no passage states it. What an answer the numeric guard refused falls back to: a
        catalog figure its quote holds only inside a longer run ("Accountant 300312": code
        00312) is not stated, the line is shown."""
        analysis = analysis.with_classes(self._catalog_classes(self.name_documents(analysis)))
        book = CitationBook()
        read = self.passages.answer(analysis, self._about_asked(analysis, retrieved), book)
        if read is None or read[1]:
            return None
        return Draft("\n".join(read[0]), tuple(book.citations), abstained=False)

    def _with_similar(self, draft: Draft, analysis: QueryAnalysis) -> Draft:
        """The answer, then the classes of the same title whose levels other standards write
        otherwise ("Water Auditor 1" when "Water Auditor I" was asked), named and cited but
        not answered for: the question names one class, the user may have meant another."""
        cited = {c.source for c in draft.citations}
        others = [r for r in analysis.similar if r.source not in cited]
        if not others:
            return draft
        book = CitationBook()
        book.citations = list(draft.citations)
        shown = others[:_MAX_CLASSES_PER_ANSWER]
        mentions = [f"{label(r)} {self.figures.cite(r, 'title', book)}".rstrip() for r in shown]
        named = "; ".join(mentions)
        text = f"{draft.text}\n\nOther standards have a class of this title: {named}."
        classes = tuple(dict.fromkeys((*draft.classes, *(r.title for r in shown))))
        return replace(draft, text=text, citations=tuple(book.citations), classes=classes)

    def _compose(self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]) -> Draft:
        elsewhere = [j for j in analysis.jurisdictions if not self._indexed(j, analysis.question)]
        if elsewhere:
            return self._abstain(
                CitationBook(),
                f"The indexed standards include none from {' or '.join(elsewhere)}.",
            )
        analysis = self.name_documents(analysis)
        # A question that names documents is answered from them ("in the Buffalo table").
        retrieved = [s for s in retrieved if analysis.allows(s.chunk.source)] or retrieved
        analysis = analysis.with_classes(self._catalog_classes(analysis))
        book = CitationBook()
        cells = self.grids.answer(analysis, retrieved, book)
        if cells:  # "AU-2 step 1 effective June 22, 2008": one cell of a pay grid
            return Draft("\n".join(cells[0]), tuple(book.citations), abstained=cells[1])
        draft = self._from_catalog(analysis, retrieved, CitationBook())
        lacking = _lacking(analysis)
        if draft is not None and not draft.abstained and not lacking:
            return self._with_namesakes(draft, analysis)
        book = CitationBook()
        read = self.passages.answer(analysis, self._about_asked(analysis, retrieved), book)
        if read is not None and not read[1]:
            # Lines that only repeat what the catalog gave for the classes it knows leave
            # its answer, which also says what the others lack ("no dollar salary; Grade 31");
            # a question giving an amount asks which class, which the lines may name.
            complete = {r.source for r in analysis.classes if r not in lacking}
            repeats = {c.source for c in book.citations} <= complete and not analysis.amounts
            if draft is not None and not draft.abstained and repeats:
                return draft
            # Lines that state no amount do not answer a salary question better than the
            # catalog's "no dollar salary; Pay Range 20.5" for the classes it names.
            pay_asked = "salary" in analysis.intents and analysis.classes
            if draft is not None and pay_asked and not any(_AMOUNT.search(x) for x in read[0]):
                return self._with_grade_read(draft, analysis, retrieved)
            return Draft("\n".join(read[0]), tuple(book.citations), abstained=False)
        asks_figure = any(i in CATALOG_INTENTS for i in analysis.intents)
        if draft is not None and draft.abstained and (read is None or read[1]) and not asks_figure:
            # The catalog knows the class but not this of it ("where does X sit in its
            # series?"): the passages may still say it, in words the question uses.
            found = self._from_passages(analysis, retrieved, CitationBook())
            if not found.abstained:
                return found
        if draft is not None:  # the catalog's answer, or its abstention with the partial truth
            return self._with_namesakes(self._with_grade_read(draft, analysis, retrieved), analysis)
        if read is not None:
            return Draft("\n".join(read[0]), tuple(book.citations), abstained=True)
        return self._from_passages(analysis, retrieved, CitationBook())

    def _with_namesakes(self, draft: Draft, analysis: QueryAnalysis) -> Draft:
        """A class's answer, with what the documents the catalog could not read that write its
        title state of it (the city's "Accounting Technician I" beside the county's)."""
        book = CitationBook()
        book.citations = list(draft.citations)
        lines = self.namesakes.lines(analysis, book)
        if not lines:
            return draft
        text = "\n".join([draft.text, "Other standards that name this title say:", *lines])
        # What the catalog lacks for its class, another standard's class of the title states.
        return replace(draft, text=text, citations=tuple(book.citations), abstained=False)

    def _about_asked(
        self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]
    ) -> list[ScoredChunk]:
        """The passages that may answer for the classes the question names: those of their
        standards, and those of standards whose classes the catalog does not know that write a
        class's name ("Engineering Technician", not "Audit Data Specialist" for an Audit
        Specialist). Another known standard's passage is about its own classes (Texas's CPSS I
        is not New York's CPS). Classes found by a grade the question names are only some of
        that grade's rows."""
        if not analysis.classes or analysis.pay_grades:
            return list(retrieved)
        own = {r.source for r in analysis.classes}
        names = {" ".join((r.series or r.title).lower().split()) for r in analysis.classes}
        return [
            s
            for s in retrieved
            if s.chunk.source in own
            or (s.chunk.source not in self._catalogued and _writes_any(s.chunk, names))
        ]

    def _with_grade_read(
        self, draft: Draft, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]
    ) -> Draft:
        """A catalog's "no dollar salary" for classes it knows no grade of, with the grade
        line the reader finds in the passages ("Executive Advisor 5 ... E MSP 28")."""
        asked_pay = "salary" in analysis.intents and "pay_grade" not in analysis.intents
        ungraded = analysis.classes and not any(r.pay_text for r in analysis.classes)
        if not (draft.abstained and asked_pay and ungraded):
            return draft
        book = CitationBook()
        book.citations = list(draft.citations)
        graded = replace(analysis, intents=("pay_grade",))
        read = self.passages.answer(graded, retrieved, book)
        if read is None or read[1]:
            return draft
        text = "\n".join([draft.text, "What they do give:", *read[0]])
        return replace(draft, text=text, citations=tuple(book.citations))

    def _catalog_classes(self, analysis: QueryAnalysis) -> list[ClassRecord]:
        """The catalog's classes for the question: those it names, else the pay-table rows of
        the grade it names (for pay, not duties); only those that fit the question."""
        classes = list(analysis.classes)
        if not classes and not any(i in SECTION_KINDS_FOR_INTENT for i in analysis.intents):
            classes = self._grade_rows(analysis)
        matched = {r.source for r in classes}
        allowed = [r for r in classes if analysis.allows(r.source)]
        fitting = [r for r in allowed if self._fits(r, analysis, matched)]
        if fitting:
            return fitting
        # Pay only for another period ("hourly" asked, a yearly range given): the class is
        # still the one asked, and its answer says which period the source gives.
        return [r for r in allowed if self._fits(r, analysis, matched, any_period=True)]

    def _grade_rows(self, analysis: QueryAnalysis) -> list[ClassRecord]:
        """The pay-table rows a question names by grade ("GS-9", "Band 5", "PSS 5"), when it
        names no class: a row's grade and a label of the same kind (a grade word, or the
        acronym the row's standard writes)."""
        rows = []
        for key_label, value in row_keys(analysis.question):
            for record in self.index.records:
                if not record.pay_grade or record.pay_grade.lower().split()[-1] != value:
                    continue
                if key_fits(record, key_label):
                    rows.append(record)
        found = list(dict.fromkeys(rows))
        return found if len(found) <= _MAX_CLASSES_PER_ANSWER * 3 else []

    def _fits(
        self,
        record: ClassRecord,
        analysis: QueryAnalysis,
        matched: set[str],
        any_period: bool = False,
    ) -> bool:
        """Whether a class the catalog matched can answer: the names the question writes
        (capitalised, or an acronym) are found in its standard or in another matched one
        ("SCS pay band 2" is not the NHS's Band 2), and its pay is for the period asked (a
        yearly salary is not on an hourly row)."""
        asked = period_in(analysis.question)
        other_period = record.salary_period not in (None, asked)
        if asked and "salary" in analysis.intents and other_period and not any_period:
            return False
        reader = self.passages.reader
        for name in _proper_names(analysis.question):
            holders = reader.sources_of(stem(name))
            if holders and record.source not in holders and not holders & matched:
                return False
        return True

    def _indexed(self, jurisdiction: str, question: str) -> bool:
        """Whether any indexed document is from this place: its manifest, title or heading says
        so, or a passage the question's words find names it ("located ... in Salisbury NC")."""
        wanted = jurisdiction.lower()
        if jurisdiction in self._places or any(wanted in p.lower() for p in self._places):
            return True
        found = self.library.keyword_search(f"{question} {jurisdiction}", _PLACE_SEARCH_DEPTH)
        return any(jurisdiction in find_jurisdictions(chunk.text) for chunk in found)

    def _from_catalog(
        self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk], book: CitationBook
    ) -> Draft | None:
        """The answer from the class catalog, or None when it names no class for the question."""
        classes = list(analysis.classes) or [
            r
            for r in self.figures.classes_in_grades(analysis)
            if self._fits(r, analysis, set()) and analysis.allows(r.source)
        ]
        if not classes and not (analysis.pay_grades or analysis.amounts):
            jurisdiction_classes = [
                r for r in self.index.records if r.jurisdiction in analysis.jurisdictions
            ]
            if any(i in SECTION_KINDS_FOR_INTENT for i in analysis.intents):
                classes = [r for r in jurisdiction_classes if self._describes(r)]
            elif "list" in analysis.intents:
                classes = jurisdiction_classes
        if classes:
            return self._about_classes(analysis, classes, book, retrieved)
        if analysis.missing_levels:
            return self._no_such_level(analysis, book)
        if analysis.pay_grades or analysis.amounts:
            return self._reverse_lookup(analysis, book)
        return None

    # -- answers about named classes -------------------------------------------------------

    def _about_classes(
        self,
        analysis: QueryAnalysis,
        classes: list[ClassRecord],
        book: CitationBook,
        retrieved: Sequence[ScoredChunk] = (),
    ) -> Draft:
        intents = analysis.intents
        by_code = self.figures.named_by_code(classes, analysis, book)
        if by_code:
            titles = tuple(r.title for r in classes)
            return Draft("\n".join(by_code), tuple(book.citations), abstained=False, classes=titles)
        if "compare" in intents:
            return self._compare(classes, analysis, book)
        if "list" in intents and len(classes) > 1:
            return self._listing(classes, book)
        wants_sections = [i for i in intents if i in SECTION_KINDS_FOR_INTENT]
        topic = self._topic_words(analysis)
        if len(classes) > _MAX_CLASSES_PER_ANSWER and wants_sections:
            # "Which engineering technician level is the full journey level?": a sentence
            # that holds every word of the topic answers it; otherwise ask which class.
            pool = self._chunks_about(classes, retrieved)
            hits = self.rarity.best_sentences(topic, pool) if topic else []
            whole = [h for h in hits if h.share >= 1.0]
            if whole:
                lines = [self.passages.quote_sentence(h.chunk, h.sentence, book) for h in whole]
                return Draft("\n".join(lines), tuple(book.citations), abstained=False)
            return self._ask_back(classes, book)
        if topic and not [i for i in intents if i in CATALOG_INTENTS] and not wants_sections:
            return self._about_topic(analysis, classes, topic, book, retrieved)
        paragraphs: list[str] = []
        if len({r.source for r in classes}) > 1:
            paragraphs.append(
                "Your question matches classes in more than one standard, so here is each of them:"
            )
        elif len({r.series for r in classes}) > 1:
            paragraphs.append("Your question matches more than one class, so here is each of them:")
        if topic and wants_sections and asks_when_why_whether(analysis.question):
            paragraphs += self._telling_sentence(analysis, classes, topic, book, retrieved)
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
        )

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
        if names_pay_label(record, analysis.question) and not record.salary_text:
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
            text, ok = self._section_text(record, intent, book, shown)
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
        hits = self.rarity.best_sentences(topic, self._chunks_about(classes, retrieved))
        titles = tuple(r.title for r in classes)
        if hits:
            lines = [self.passages.quote_sentence(h.chunk, h.sentence, book) for h in hits]
            return Draft("\n".join(lines), tuple(book.citations), abstained=False, classes=titles)
        about = " ".join(topic)
        named = labels(classes) if len(classes) <= _MAX_CLASSES_PER_ANSWER else "these classes"
        lines = [f'The sources do not say anything about "{about}" for {named}. What they give:']
        lines += [
            f"{label(r)}: {self.figures.facts(r, book)}." for r in classes[:_MAX_CLASSES_PER_ANSWER]
        ]
        return Draft("\n".join(lines), tuple(book.citations), abstained=True, classes=titles)

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

    def _no_such_level(self, analysis: QueryAnalysis, book: CitationBook) -> Draft:
        """ "Certified Peer Specialist 3" when the series stops at 2: say so, list the levels."""
        lines = []
        for series, _, jurisdiction in analysis.missing_levels:
            records = [
                r
                for r in self.index.records
                if r.series == series and r.jurisdiction == jurisdiction
            ]
            levels = "; ".join(
                f"{label(r)}, {r.pay_text or 'no grade given'} "
                f"{self.figures.cite(r, 'title', book)}"
                for r in records
            )
            where = f"The {jurisdiction} standard" if jurisdiction else "The standard"
            lines.append(f"{where} lists no such level of {series}. Its levels are: {levels}.")
        return Draft("\n".join(lines), tuple(book.citations), abstained=True)

    def _topic_words(self, analysis: QueryAnalysis) -> list[str]:
        """The question's own subject words: not class names, places or question words, nor
        a shortening of a word of the classes it names ("eng tech 3" of Engineering
        Technician 3)."""
        titled = [w.lower() for r in analysis.classes for w in r.title.split()]
        return [
            w
            for w in analysis.keywords
            if w not in _QUESTION_WORDS
            and stem(w) not in self._title_stems
            and w not in JURISDICTION_WORDS
            and w not in self._place_words
            and not w.isdigit()
            and not (len(w) >= _SHORTENED and any(t.startswith(w) for t in titled))
        ]

    def _section_text(
        self, record: ClassRecord, intent: str, book: CitationBook, shown: set[str]
    ) -> tuple[str, bool]:
        """The sections that answer the intent for this class, skipping passages already shown."""
        kinds = SECTION_KINDS_FOR_INTENT[intent]
        chunks = self.library.sections_for(record, kinds)
        if intent == "certification":
            specific = [c for c in chunks if c.section_kind == "certification"]
            chunks = specific or [c for c in chunks if "certif" in c.text.lower()]
        elif intent == "description":
            distinguishing = [c for c in chunks if c.section_kind == "distinguishing"]
            chunks = distinguishing or chunks
        if not chunks:
            return self._missing_section(record, intent, book), False
        chunks = [c for c in chunks if c.chunk_id not in shown]
        shown.update(c.chunk_id for c in chunks)
        if not chunks:
            return "", True
        lines = [f"{_INTENT_NOUNS[intent].capitalize()} of {label(record)}:"]
        lines += [_passage_line(chunk, book) for chunk in chunks]
        return "\n".join(lines), True

    def _missing_section(self, record: ClassRecord, intent: str, book: CitationBook) -> str:
        """Say plainly that the standard does not cover it, then what it does hold."""
        noun = _INTENT_NOUNS[intent]
        where = f"The {record.jurisdiction} standard" if record.jurisdiction else "The standard"
        lacks = "gives no description" if noun == "description" else f"does not describe the {noun}"
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
            for intent in aspects or ["description", "qualifications"]:
                chunks = self.library.sections_for(record, SECTION_KINDS_FOR_INTENT[intent])
                own = [c for c in chunks if c.classes == (record.title,)]
                lines += [_passage_line(chunk, book) for chunk in own or chunks[:1]]
            if not self._describes(record):
                lines.append("The standard describes this class only by the line above.")
        titles = tuple(r.title for r in classes)
        return Draft("\n".join(lines), tuple(book.citations), abstained=False, classes=titles)

    def _listing(self, classes: list[ClassRecord], book: CitationBook) -> Draft:
        """ "List the classes on the Riverbend schedule": one line per class, each cited."""
        lines = [f"- {self.figures.summary_sentence(r, book)}" for r in classes]
        titles = tuple(r.title for r in classes)
        return Draft("\n".join(lines), tuple(book.citations), abstained=False, classes=titles)

    def _ask_back(self, classes: list[ClassRecord], book: CitationBook) -> Draft:
        options = self._class_list(classes, book)
        return Draft(
            f"Which class do you mean? Your question matches: {options}.",
            tuple(book.citations),
            abstained=False,
            classes=tuple(r.title for r in classes),
        )

    # -- reverse lookups: grade or amount -> classes -----------------------------------------

    def _reverse_lookup(self, analysis: QueryAnalysis, book: CitationBook) -> Draft:
        lines, found = self.figures.reverse_lookup(analysis, book)
        if not lines:
            return self._abstain(book)
        abstained = not found and all(line.startswith("No class") for line in lines)
        titles = tuple(dict.fromkeys(r.title for r in found))
        return Draft("\n".join(lines), tuple(book.citations), abstained=abstained, classes=titles)

    # -- answers from passages when no class is named ---------------------------------------

    def _from_passages(
        self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk], book: CitationBook
    ) -> Draft:
        topic = self._topic_words(analysis)
        asks_figure = [i for i in analysis.intents if i in CATALOG_INTENTS]
        if asks_figure and not topic and analysis.jurisdictions:
            # "Manager IV in Colorado": a class of another place is not what was asked.
            places = " or ".join(analysis.jurisdictions)
            return self._abstain(
                book, f"No class of the {places} standards matches the class asked."
            )
        keys = row_keys(analysis.question)
        if asks_figure and not topic and keys:
            # "step 1 for SG 33": no class and no passage is of the grade the question names.
            keyed = [
                s
                for s in retrieved
                if has_row_key(s.chunk.text, keys) or starts_a_row(s.chunk.text, keys)
            ]
            if not keyed:
                named = f"{keys[0][0]} {keys[0][1]}".upper()
                return self._abstain(book, f"The indexed standards give nothing for {named}.")
            # "Master Pay Scale point 20": in the document the question names, the row that
            # begins with the point asked ("20 43,460 44,765").
            named_documents = analysis.naming.named if analysis.naming else ()
            rows = [
                self.passages.quote_sentence(s.chunk, line.strip(), book)
                for s in keyed
                if s.chunk.source in named_documents
                for line in s.chunk.text.splitlines()
                if starts_a_row(line, keys)
            ]
            if rows:
                return Draft("\n".join(dict.fromkeys(rows)), tuple(book.citations), abstained=False)
        if asks_figure and not topic:
            return self._ask_back(self.index.records, book)
        hits = self.rarity.best_sentences(topic, [s.chunk for s in retrieved])
        if keys:  # the grade the question names ("AU-4") is answered by a line of that grade
            hits = [
                h
                for h in hits
                if self.passages.keyed(h.chunk, f"{h.chunk.section}\n{h.sentence}", keys)
            ]
        if asks_figure:
            # A grade, salary or code can only come from a passage that states one.
            hits = [h for h in hits if _FIGURE.search(h.sentence)]
        if not hits and asks_figure and asks_about_text(analysis):
            # "When does the 3.8% increase apply?", "how much wider is each grade?": pay
            # words, but the answer is the line that says it.
            best = self.passages.best_lines(analysis, retrieved, book)
            if best:
                return Draft(best, tuple(book.citations), abstained=False)
        if not hits:
            subject = " ".join(topic)
            closest = self.passages.closest(analysis, retrieved, book)
            if asks_figure and closest and closest[1]:
                # The line about it gives a figure of that field, in a form not read for
                # certain: quoted as it stands, the reader judges it.
                return Draft(closest[0], tuple(book.citations), abstained=False)
            if asks_figure and closest:
                return self._abstain(
                    book,
                    f'I found no line that states the figure asked for "{subject}". '
                    f"The closest passage:\n{closest[0]}",
                )
            if asks_figure:
                return self._abstain(
                    book, f'The sources give no grade, salary or code for "{subject}".'
                )
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
                return self._abstain(
                    book, f'No passage of the indexed standards mentions "{" ".join(unknown)}".'
                )
            # Every word is indexed: the sources speak of it, only not as asked.
            return self._abstain(
                book, f'No passage of the indexed standards answers this about "{subject}".'
            )
        lines = [self.passages.quote_sentence(h.chunk, h.sentence, book) for h in hits]
        return Draft("\n".join(lines), tuple(book.citations), abstained=False)

    def _abstain(self, book: CitationBook, message: str = "The sources do not say.") -> Draft:
        """Say plainly that the sources do not hold it."""
        return Draft(message, tuple(book.citations), abstained=True)

    def _class_list(self, classes: Sequence[ClassRecord], book: CitationBook) -> str:
        """ "Title (Place) [1]; Title (Place) [2]; and more (see the class catalog)" """
        listed = [
            f"{label(r)} {self.figures.cite(r, 'title', book)}" for r in classes[:_COVERAGE_LIMIT]
        ]
        # No count of the rest: every number in an answer must come from a cited passage.
        more = "; and more (see the class catalog)" if len(classes) > _COVERAGE_LIMIT else ""
        return "; ".join(listed) + more

    # -- helpers -----------------------------------------------------------------------------

    def _describes(self, record: ClassRecord) -> bool:
        return any(
            record.title in c.classes and c.section_kind not in ("pay_table", "heading")
            for c in self.library.of_source(record.source)
        )


def _writes_any(chunk: Chunk, names: set[str]) -> bool:
    """Whether a passage, its section or its document's title writes one of these names,
    word for word."""
    text = " ".join(f"{chunk.doc_title} {chunk.section} {chunk.text}".lower().split())
    return any(name in text for name in names)


def _lacking(analysis: QueryAnalysis) -> list[ClassRecord]:
    """The classes the catalog matched that lack a figure the question asks for: the
    passages may state it where the catalog did not read it ("compare the grades of ...")."""
    wanted = {
        "salary": lambda r: r.salary_min,
        "pay_grade": lambda r: r.pay_grade,
        "code": lambda r: r.code,
    }
    asked = [wanted[i] for i in analysis.intents if i in wanted]
    if "salary" in analysis.intents and _MIDPOINT.search(analysis.question):
        # A midpoint is in the row's line; the catalog has it only where it read the columns.
        return [r for r in analysis.classes if not column_asked(r, analysis.question)]
    return [r for r in analysis.classes if any(not has(r) for has in asked)]


_MIDPOINT = re.compile(r"\bmid-?\s?point\b|\bmarket reference\b", re.IGNORECASE)


def _proper_names(question: str) -> list[str]:
    """Words the question writes as names: an acronym ("SCS") or a capitalised word after the
    first ("... in Buffalo"); lower-case words could be anything."""
    words = re.findall(r"[A-Za-z]+", question)
    return [
        w
        for position, w in enumerate(words)
        if len(w) >= _PLACING_WORD
        and (w.isupper() or (position and w[0].isupper() and w[1:].islower()))
        and w.lower() not in _QUESTION_WORDS
    ]


def indexed_places(chunks: Sequence[Chunk], catalog_places: Sequence[str]) -> set[str]:
    """Every place an indexed document is from: its manifest's jurisdiction, and the places its
    title or its first passage names. What the assistant says about coverage comes from here."""
    places = set(catalog_places)
    for chunk in chunks:
        if chunk.jurisdiction:
            places.add(chunk.jurisdiction)
    described = {(c.jurisdiction or "", c.doc_title) for c in chunks}
    for jurisdiction, title in described:
        places.update(find_jurisdictions(f"{jurisdiction}. {title}"))
    for chunk in chunks:
        if chunk.position == 0:
            places.update(find_jurisdictions(chunk.text))
    return places


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

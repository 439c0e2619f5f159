"""The default answer composer: deterministic, grounded, every statement cited from the sources."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import replace
from functools import partial

from assistant.asked_there import AskedThere
from assistant.citations import Citation, CitationBook
from assistant.class_answers import (
    MAX_CLASSES_PER_ANSWER,
    SECTION_KINDS_FOR_INTENT,
    ClassAnswers,
)
from assistant.class_index import ClassIndex, place_words
from assistant.comparisons import weighs
from assistant.document_issuers import issuer_answer, issuer_asked
from assistant.document_numbers import number_asked, numbering_lines
from assistant.drafts import Draft, abstain, found_no_line, merged
from assistant.figures import CatalogFacts, column_asked, graded, key_fits, label
from assistant.grid_answers import GridAnswers
from assistant.hours_lacking import with_hours_said
from assistant.label_answers import answers_a_label, states_pay_in_words
from assistant.line_marks import extreme_asked
from assistant.line_subjects import (
    REQUIREMENT_INTENTS,
    asks_requirement,
    section_words,
    states_requirement,
    title_stems,
)
from assistant.namesakes import Namesakes
from assistant.open_answers import OpenAnswers
from assistant.passage_answers import PassageAnswers
from assistant.passage_layout import typical_for
from assistant.passages import stem, stems
from assistant.pay_changes import new_pay_not_stated, old_pay_not_stated, top_not_stated
from assistant.pay_lacking import (
    AMOUNT,
    MIDPOINT,
    amount_not_stated,
    column_not_quoted,
    other_hours_paid,
    pay_of_other_period,
    service_pay_not_stated,
)
from assistant.query import (
    CATALOG_INTENTS,
    INTENT_WORDS,
    STOPWORDS,
    QueryAnalysis,
    detect_intents,
    is_claim,
    normalise_question,
)
from assistant.reader import question_words
from assistant.retrieve import ChunkLibrary
from assistant.row_keys import (
    has_step_column,
    row_keys,
    spans_asked,
    step_asked,
    writes_a_key_value,
    writes_a_span,
    written_key,
)
from assistant.scope import FIELD_LABEL, DocumentNames, Naming
from assistant.topic_answers import asks_for_requirements
from assistant.word_indexes import value_tokens
from index.jurisdictions import JURISDICTION_WORDS, find_jurisdictions
from index.levels import level_value
from index.money import YEAR, asked_period, money_value, periods_in
from index.store import ScoredChunk
from index.structure import normalise_title
from index.types import Chunk, ClassRecord
from index.vocab import abbreviations, intents, linking_verbs

# What introduces the passage shown after an abstention.
NEAREST_PASSAGE = "The passage nearest to the question:"
# Words that say what is asked, not what it is about: ignored when matching passages.
_QUESTION_WORDS = frozenset(
    {w for phrases in INTENT_WORDS.values() for p in phrases for w in p.split()}
    | {"salaries", "pay", "paid", "class", "classes", "level", "levels", "much", "many", "does"}
    | {"standard", "standards", "job", "jobs", "title", "position", "state"}
    # Words that weigh or compare what is asked, never name it: "which starts higher",
    # "how did it change", "is it the same for both".
    | {"higher", "lower", "more", "less", "most", "least", "highest", "lowest", "bigger"}
    | {"smaller", "larger", "greater", "big", "change", "changed", "changes", "differs"}
    | {"different", "compared", "same", "both", "either", "relative", "according", "worth"}
    | linking_verbs()
)
# An amount as a line states pay: with a currency sign, or with thousands separators.

# A question word this long that begins a word of a class's title shortens it ("eng", "tech").
_SHORTENED = 3
# How many passages the words of a question naming an unlisted place are looked for in.
_PLACE_SEARCH_DEPTH = 20
# At most this many documents a question names are read whole when the search found none.
_NAMED_READ_WHOLE = 2
# A document's own number is looked for in so many of the documents retrieved.
_NUMBER_DOCUMENTS = 2
# A word of the question this long that only other standards hold places it elsewhere.
_PLACING_WORD = 3


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
        self.classes = ClassAnswers(library, index, self.figures, self.passages)
        self.open = OpenAnswers(library, self.passages, self.classes)
        # Words that say what is asked or which class, never which document.
        # ("does" is "doe" once stemmed, and names no document that writes "Salary DOE").
        stopped = STOPWORDS | {stem(w) for w in STOPWORDS}
        self._not_names = question_words() | stopped | self._title_stems
        self.asked_there = AskedThere(library, self.passages.headings)

    def prepare(
        self, previous: ExtractiveComposer | None = None, changed: Collection[str] = ()
    ) -> None:
        """Build now what the first question would otherwise wait for (the start-up snapshot
        keeps the composer prepared); what a composer of an earlier library (previous, which
        this one consumes) read of the documents not changed since is taken from it."""
        self.passages.prepare(previous.passages if previous else None, changed)
        self.asked_there.prepare(previous.asked_there if previous else None, changed)

    def name_documents(self, analysis: QueryAnalysis) -> QueryAnalysis:
        """The analysis with the documents its question names by their names ("at FERC").
        The words that name them say which document, not what its passages must hold."""
        if analysis.naming is not None:
            return analysis
        # A code the question gives asks of its class ("the 0343 flysheet"), naming no posting.
        codes = {code.lower() for code in analysis.codes}
        naming = self.names.naming(analysis.question, self._not_names, codes)
        naming = self._of_places(naming, analysis)
        # A word that names only other documents than those the question names most is about
        # what it asks there: "officer" of "a TSA Transportation Security Officer" names a
        # Foreign Service Officer's document, not the TSA's.
        most = naming.most_named()
        names = {w for w, held in naming.words.items() if held & most or not most}
        names -= self.asked_there.asked(most, names)
        names |= _kinds_of_place(analysis.question, names)
        keywords = tuple(k for k in analysis.keywords if stem(k) not in names)
        if not names:
            return replace(analysis, naming=naming, keywords=keywords)
        # "the salary for GS-9 under the qualification standard" asks for a salary: the words
        # that name a document ask for none of its sections, when the others still ask. A
        # figure asked stays asked ("grade and code" of a document titled "... code").
        unnamed = " ".join(w for w in analysis.question.split() if stem(_bare(w)) not in names)
        asked = detect_intents(normalise_question(unnamed))
        dropped = set(analysis.intents) - set(asked)
        narrower = asked and set(asked) < set(analysis.intents)
        kept = narrower and not dropped & set(CATALOG_INTENTS)
        intents = asked if kept else analysis.intents
        return replace(analysis, naming=naming, keywords=keywords, intents=intents)

    def _of_places(self, naming: Naming, analysis: QueryAnalysis) -> Naming:
        """The naming without the documents of other places than those the question names:
        "montana dot" is Montana's Department of Transportation, not a Georgia DOT release."""
        if not analysis.jurisdictions:
            return naming
        outside = {
            source
            for source in {*naming.named, *(s for held in naming.words.values() for s in held)}
            if (chunks := self.library.of_source(source))
            and not self.passages.in_places(chunks[0], analysis.jurisdictions)
        }
        if not outside:
            return naming
        return replace(
            naming,
            named={s: n for s, n in naming.named.items() if s not in outside},
            words={w: held for w, held in naming.words.items() if held - outside},
        )

    def _by_label_asked(
        self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk], draft: Draft
    ) -> Draft | None:
        """ "What level code does X have?" of a block that writes "Job code: 0559" and "Level
        code: M3": the catalog's code is the job code; the line the question names by its
        label answers. None when the catalog's answer quotes that line already."""
        if not set(analysis.intents) & {"code", "pay_grade", "salary"}:
            return None
        chunks = [s.chunk for s in self._about_asked(analysis, retrieved)]
        book = CitationBook()
        # The class is known: its block's lines need not write the question's other words.
        if self.passages.labels.answer_by_label(analysis, chunks, book, code_given=True) is None:
            return None
        # Only the lines of the class's own block, beside the line the catalog read it from:
        # not the labelled lines of other classes, nor the line the catalog quoted already.
        near = {
            line.strip()
            for c in draft.citations
            for line in _lines_around(self.library.containing(c.source, c.quote), c.quote)
        }
        quoted = "\n".join(c.quote for c in draft.citations)
        own = [c for c in book.citations if c.quote.strip() in near and c.quote not in quoted]
        cited = CitationBook()
        lines = [
            self.passages.quote_sentence(chunk, c.quote, cited)
            for c in own
            if (chunk := self.library.containing(c.source, c.quote)) is not None
        ]
        return Draft("\n".join(lines), tuple(cited.citations), abstained=False) if lines else None

    def compose(self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]) -> Draft:
        """The catalog's answer when it has one; otherwise the reader's, from the passages. An
        abstention stands only when no passage states what was asked. The documents an answer
        quotes are among what it is about: their titles name them."""
        draft = self._with_similar(
            self._of_similar(self._compose(analysis, retrieved), analysis, retrieved), analysis
        )
        unwritten = None if draft.abstained else self._name_not_written(analysis, draft)
        if unwritten:
            draft = replace(draft, text=f"{unwritten}\n{draft.text}", abstained=True)
        draft = with_hours_said(analysis.question, draft, self.library)
        # Lines that give another figure than the pay asked: only that pay is paid ("how much
        # on-call pay"), the raise for the new rate, where pay starts for its top, two ends of a
        # range for the pay at ten years, a full-time post's for a part-time one's.
        unstated = None
        if not draft.abstained:
            unstated = (
                amount_not_stated(analysis.question, draft.citations)
                or new_pay_not_stated(analysis.question, draft.citations)
                or old_pay_not_stated(analysis.question, draft.citations)
                or service_pay_not_stated(
                    analysis.question, draft.citations, self._texts_cited(draft)
                )
                or other_hours_paid(analysis.question, draft.citations)
                or top_not_stated(analysis.question, draft.citations)
            )
        if unstated:
            draft = replace(draft, text=f"{unstated}\n{draft.text}", abstained=True)
        documents = tuple(c.doc_title for c in draft.citations if c.doc_title)
        return replace(draft, classes=tuple(dict.fromkeys((*draft.classes, *documents))))

    def _texts_cited(self, draft: Draft) -> Iterator[str]:
        """The text of each document the draft quotes, passage by passage, read only as far as
        it is asked for (most answers never ask)."""
        sources = dict.fromkeys(c.source for c in draft.citations)
        return (chunk.text for source in sources for chunk in self.library.of_source(source))

    def with_nearest_passage(
        self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk], draft: Draft
    ) -> Draft:
        """An abstention, then the passage the search ranked first, quoted whole: the user
        reads what the sources hold nearest to the question, and judges it, instead of being
        told only that no line was found."""
        if not draft.unsure:
            return draft
        book = CitationBook()
        book.citations = list(draft.citations)
        chunk = self.passages.nearest(analysis, retrieved)
        # A passage is near when its document is one the question names, or it speaks of
        # what was asked: the rows of the peer support classes are not near "registered nurse".
        subject = self._subject_words(analysis)
        named = analysis.naming.most_named() if analysis.naming else set()
        keys = row_keys(analysis.question)
        near = (
            chunk is not None
            # A grade asked ("Job Group A7"): a passage without its value is of other grades.
            and (not keys or writes_a_key_value(chunk.text, keys))
            and (
                chunk.source in named
                or not subject
                or self.passages.holds(chunk, subject, share=0.0)
            )
        )
        nearest = self.passages.quote_whole(chunk, book) if chunk is not None and near else None
        if nearest is None:
            return draft
        text = f"{draft.text}\n\n{NEAREST_PASSAGE} {nearest}"
        titles = (c.doc_title for c in book.citations if c.doc_title)
        classes = tuple(dict.fromkeys((*draft.classes, *titles)))
        return replace(draft, text=text, citations=tuple(book.citations), classes=classes)

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

    def _of_other_employment(self, analysis: QueryAnalysis, asked: str, written: str) -> Draft:
        """The classes asked are titled for the other kind of employment than asked: said,
        with the line that titles each, and nothing of their pay given."""
        book = CitationBook()
        named = ", ".join(
            f"{label(r)} {self.figures.cite(r, 'title', book)}".rstrip() for r in analysis.classes
        )
        return abstain(
            book, f"The standard for {named} is for {written} positions, not {asked} ones."
        )

    def _of_similar(
        self, draft: Draft, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]
    ) -> Draft:
        """An abstention for the class a question writes exactly, then the answer for the
        classes of the same title whose levels other standards write otherwise, when theirs
        state what it lacks ("Engineering Technician 1" asked, with no salary amount; Santa
        Cruz County's "Engineering Technician I" gives one)."""
        if not (draft.abstained and analysis.similar and analysis.classes):
            return draft
        others = self._compose(replace(analysis, classes=analysis.similar, similar=()), retrieved)
        return draft if others.abstained else merged([draft, others])

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
        shown = others[:MAX_CLASSES_PER_ANSWER]
        mentions = [f"{label(r)} {self.figures.cite(r, 'title', book)}".rstrip() for r in shown]
        named = "; ".join(mentions)
        text = f"{draft.text}\n\nOther standards have a class of this title: {named}."
        classes = tuple(dict.fromkeys((*draft.classes, *(r.title for r in shown))))
        return replace(draft, text=text, citations=tuple(book.citations), classes=classes)

    def _compose(self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]) -> Draft:
        elsewhere = [j for j in analysis.jurisdictions if not self._indexed(j, analysis.question)]
        if elsewhere:
            return abstain(
                CitationBook(),
                f"The indexed standards include none from {' or '.join(elsewhere)}.",
            )
        analysis = self.name_documents(analysis)
        # A question that names documents is answered from them ("in the Buffalo table"),
        # read whole when the search, drawn to classes of other documents, found none of them.
        allowed = [s for s in retrieved if analysis.allows(s.chunk.source)]
        retrieved = allowed or self._passages_of_named(analysis) or retrieved
        # "the Cordova Public Works Director": not another city's posting of that title.
        retrieved = self._of_places_named(analysis, retrieved)
        analysis = _range_as_its_label(analysis.with_classes(self._catalog_classes(analysis)))
        numbered = self._document_number(analysis, retrieved)
        if numbered is not None:  # "the number of the resolution": "RESOLUTION NO. 051-06"
            return numbered
        issuer = self._document_issuer(analysis, retrieved)
        if issuer is not None:  # "which county published ...": the place the document is of
            return issuer
        other = _other_employment(analysis)
        if other:  # "a full-time LA Metro Bus Operator" of a part-time posting
            return self._of_other_employment(analysis, *other)
        book = CitationBook()
        cells = self.grids.answer(analysis, retrieved, book)
        if cells:  # "AU-2 step 1 effective June 22, 2008": one cell of a pay grid
            grid = Draft("\n".join(cells[0]), tuple(book.citations), abstained=cells[1])
            return grid if grid.abstained else self._with_namesakes(grid, analysis)
        draft = self._from_catalog(analysis, retrieved, CitationBook())
        if draft is not None and draft.settled:
            return draft
        if draft is not None and analysis.missing_ranks and not analysis.classes:
            # The lines of a series' classes do not answer for a rank none of them holds
            # ("Maintenance Worker Lead" of levels I, II and 3): the catalog says so.
            return draft
        lacking = _lacking(analysis)
        if draft is not None and not draft.abstained and not lacking:
            relabelled = self._by_label_asked(analysis, retrieved, draft)
            return relabelled or self._with_namesakes(draft, analysis)
        book = CitationBook()
        read = self.passages.answer(analysis, self._about_asked(analysis, retrieved), book)
        if read is not None and not read[1]:
            # Lines that only repeat what the catalog gave for the classes it knows leave
            # its answer, which also says what the others lack ("no salary amount; Grade 31");
            # a question giving an amount asks which class, which the lines may name.
            complete = {r.source for r in analysis.classes if r not in lacking}
            repeats = {c.source for c in book.citations} <= complete and not analysis.amounts
            if draft is not None and not draft.abstained and repeats:
                return draft
            # Lines the catalog read already, and knows to be of another period than asked
            # (a lead-in said "annual"), do not answer "the monthly salary": its answer says
            # which period the source gives.
            if draft is not None and draft.abstained and _of_other_period(analysis, book):
                return draft
            # Lines the catalog read as a class's bottom alone do not give its top ("$20.04/hr.
            # minimum - $24.55/hr. mid" asked the maximum): its answer says so.
            if draft is not None and draft.abstained and _bottom_only(analysis, book):
                return draft
            # Lines for a level the series asked lacks that name a longer title of their
            # document at that level ("Equipment Operator - Sub-Journey 2" when "Equipment
            # Operator Journey 2" is asked and the posting lists "Journey 1" only).
            if draft is not None and draft.abstained and self._longer_title_read(analysis, book):
                return draft
            # Lines of no step, in passages with no column of steps, do not answer "the top
            # step (step 12)": the catalog's answer says what the sources give instead.
            if draft is not None and draft.abstained and self._stepless(analysis, book):
                return draft
            # Lines that state no amount do not answer a salary question better than the
            # catalog's "no salary amount; Pay Range 20.5" for the classes it names.
            pay_asked = "salary" in analysis.intents and analysis.classes
            # A line the question names by its label ("Hay Point Range: 225-270") answers it.
            named_label = answers_a_label(read[0], analysis.question)
            amount = any(AMOUNT.search(x) or _CELL_FIGURE.search(x) for x in read[0])
            # "SALARY: £ (Dependent upon experience)": what the posting says of the pay.
            amount = amount or any(states_pay_in_words(c.quote) for c in book.citations)
            if draft is not None and pay_asked and not amount and not named_label:
                return self._with_grade_read(draft, analysis, retrieved)
            lead = pay_of_other_period(analysis, book) or column_not_quoted(analysis, book)
            if not (amount or named_label) and _pay_of_a_period(analysis) and not _figures(read[0]):
                # "fortnightly pay" read as the posting's title line: no pay of any period.
                lead = "The sources do not state a salary for this. What they do say:"
            if lead is not None:  # "how much is that per year?" of an hourly range
                return Draft("\n".join([lead, *read[0]]), tuple(book.citations), abstained=True)
            return Draft("\n".join(read[0]), tuple(book.citations), abstained=False)
        ungraded = self._grade_not_paid(analysis, draft, lacking)
        if ungraded is not None:
            return ungraded
        asks_figure = any(i in CATALOG_INTENTS for i in analysis.intents)
        if draft is not None and draft.abstained and (read is None or read[1]) and not asks_figure:
            # The catalog knows the class but not this of it ("where does X sit in its
            # series?"): the passages may still say it, in words the question uses, and in a
            # word of the section asked when one is ("qualifications", "license"). Only the
            # passages about it: another known class's lines (Maintenance Worker I's lifting
            # for Maintenance Worker II) are not its own.
            found = self._from_passages(analysis, self._about_asked(analysis, retrieved))
            asked = section_words(analysis.intents)
            # A line that only names the class ("ACCOUNTING TECHNICIAN") says nothing of it.
            named = {normalise_title(r.title) for r in analysis.classes}
            titles_only = bool(found.citations) and all(
                normalise_title(c.quote) in named for c in found.citations
            )
            # The passage nearest to the question, when no line answers, does not outweigh
            # the catalog's "the sources do not say this of X".
            answers = not found.abstained and not found.nearest_only
            if answers and (not asked or asked & stems(found.text)) and not titles_only:
                return found
        # A class known by its title alone has no partial truth to tell: what the passages
        # say of it does.
        titles_only = not any(r.code or r.pay_text or r.salary_text for r in analysis.classes)
        if draft is not None and not (titles_only and read is not None):
            # The catalog's answer, or its abstention with the partial truth.
            return self._with_namesakes(self._with_grade_read(draft, analysis, retrieved), analysis)
        if read is not None:
            return Draft("\n".join(read[0]), tuple(book.citations), abstained=True, unsure=True)
        return self._from_passages(analysis, retrieved)

    def _name_not_written(self, analysis: QueryAnalysis, draft: Draft) -> str | None:
        """What to say before an answer whose documents never write a name the question
        qualifies it by, when another indexed document writes it: "the London salary range for
        Grade 7" of an answer whose three tables are for locations it does not name."""
        if weighs(analysis.question) or is_claim(analysis.question):
            return None  # each subject's names are its own answer's; a claim's are checked
        cited = {c.source for c in draft.citations}
        # A name in capitals is an acronym, which a document may spell otherwise ("DOT" of
        # "MDT"); a word of a title names a class, and a word of a document's name that
        # document: only the other names qualify what is asked ("London").
        unwritten = [
            name
            for name in _proper_names(analysis.question)
            if not name.isupper()
            and name.lower() not in self.index.series.by_word
            and not self.names.names_a_document(name)
            and (holders := self.passages.reader.sources_of(stem(name)))
            and not holders & cited
        ]
        if not unwritten or not cited:
            return None
        names = " or ".join(f'"{name}"' for name in unwritten)
        return f"The lines that answer this do not say {names}; what they say:"

    def _longer_title_read(self, analysis: QueryAnalysis, book: CitationBook) -> bool:
        """Whether every line quoted writes, at a level the question names and its series
        lacks, the title of another class of its document that holds the series' words and
        more."""
        if not analysis.missing_levels or not book.citations:
            return False

        def longer(citation: Citation) -> bool:
            quoted = stems(citation.quote)
            records = self.index.of_source(citation.source)
            for series, level, _ in analysis.missing_levels:
                named = title_stems(series)
                for record in records:
                    at_level = record.level == level and record.series != series
                    if at_level and named < title_stems(record.title) <= quoted:
                        return True
            return False

        return all(longer(c) for c in book.citations)

    def _grade_not_paid(
        self, analysis: QueryAnalysis, draft: Draft | None, lacking: list[ClassRecord]
    ) -> Draft | None:
        """When the pay of a grade the question names ("GS-13") is asked of classes whose
        catalog range is not that grade's and no line states it: the catalog's answer, led by
        a plain "not stated" for that grade; None otherwise."""
        keys = row_keys(analysis.question)
        asked = "salary" in analysis.intents and keys and lacking
        if draft is None or draft.abstained or not asked or set(lacking) != set(analysis.classes):
            return None
        named = written_key(analysis.question, keys[0])
        lead = f"The sources do not state the pay of {named} for this. What they give:"
        return replace(draft, text=f"{lead}\n{draft.text}", abstained=True)

    def _stepless(self, analysis: QueryAnalysis, book: CitationBook) -> bool:
        """Whether the question asks a step of classes whose pay the catalog knows, and no
        line quoted is of a passage that gives steps (a column of them, or a line naming one):
        the catalog then says which figure the sources give instead."""
        step = step_asked(analysis.question)
        known = bool(analysis.classes) and all(r.salary_text for r in analysis.classes)
        if step is None or not known or not book.citations:
            return False
        chunks = [self.library.containing(c.source, c.quote) for c in book.citations]
        return not any(
            chunk is None or has_step_column(chunk, step) or "step" in c.quote.lower()
            for chunk, c in zip(chunks, book.citations, strict=True)
        )

    def _document_number(
        self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]
    ) -> Draft | None:
        """The line that gives the document asked about its own number, in the best-ranked
        of the documents retrieved that has one (read whole: the number heads its first
        page), when the question asks for it; else None."""
        kind = number_asked(analysis.question)
        if kind is None:
            return None
        sources = list(dict.fromkeys(s.chunk.source for s in retrieved))[:_NUMBER_DOCUMENTS]
        for source in sources:
            lines = numbering_lines(kind, self.library.of_source(source))
            if lines:
                book = CitationBook()
                quote = self.passages.quote_sentence(*lines[0], book)
                return Draft(quote, tuple(book.citations), abstained=False)
        return None

    def _document_issuer(
        self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]
    ) -> Draft | None:
        """The place of the document whose issuer a question asks ("which county published
        the Accounting Specialist job description?"), the best-ranked of those retrieved:
        with the line of it that names the place, or said to be the index's record of it when
        no line does; a document of no known place is said to name none. None when the
        question asks no issuer."""
        kind = issuer_asked(analysis.question)
        # The place asked is not one the document must be of: any retrieved is a candidate.
        allowed = (s.chunk for s in retrieved if analysis.allows(s.chunk.source))
        chunk = next(allowed, None)
        if kind is None or chunk is None:
            return None
        passages = self.library.of_source(chunk.source) or [chunk]
        return issuer_answer(kind, chunk, passages, self.passages.quote_sentence)

    def _passages_of_named(self, analysis: QueryAnalysis) -> list[ScoredChunk]:
        """The passages of the documents a question names most (two at most), in their order,
        for the reader when the search found none of them; it reads the first few."""
        named = analysis.naming.most_named() if analysis.naming else set()
        if not named or len(named) > _NAMED_READ_WHOLE:
            return []
        return [
            ScoredChunk(c, 0.0) for source in sorted(named) for c in self.library.of_source(source)
        ]

    def _with_namesakes(self, draft: Draft, analysis: QueryAnalysis) -> Draft:
        """A class's answer, with what the documents the catalog could not read that write its
        title state of it (the city's "Accounting Technician I" beside the county's)."""
        book = CitationBook()
        book.citations = list(draft.citations)
        lines = self.namesakes.lines(analysis, book)
        of_grade, unstated = self.namesakes.of_grade(analysis, book)
        if not (lines or of_grade or unstated):
            return draft
        parts = [draft.text]
        if lines:
            parts += ["Other standards that name this title say:", *lines]
        if of_grade:
            parts += ["Other standards that write this grade say:", *of_grade]
        text = "\n".join([*parts, *unstated])
        # What the catalog lacks for its class, another standard's class of the title states.
        abstained = draft.abstained and not (lines or of_grade)
        return replace(draft, text=text, citations=tuple(book.citations), abstained=abstained)

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

    def _of_places_named(
        self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]
    ) -> Sequence[ScoredChunk]:
        """The passages of the places a question names, when it names one: another city's
        posting of the same title answers nothing about this city's. A passage is of a place
        its document's place, title or heading, or its own text, names. All of them when none
        is of a place named."""
        named = set(re.findall(r"[a-z]+", analysis.question.lower())) & self.index.place_words
        if not named:
            return retrieved
        named_documents = analysis.naming.named if analysis.naming else {}
        placed = [
            s
            for s in retrieved
            if s.chunk.jurisdiction is None
            or s.chunk.source in named_documents  # "the Buffalo ... locality table"
            # (a place its title, heading or text names: "NZPFU Auckland Local members")
            or named & set(re.findall(r"[a-z]+", s.chunk.embedding_text().lower()))
        ]
        return placed or retrieved

    def _with_grade_read(
        self, draft: Draft, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]
    ) -> Draft:
        """A catalog's "no salary amount" for classes it knows no grade of, with the grade
        line the reader finds in the passages ("Executive Advisor 5 ... E MSP 28")."""
        asked_pay = "salary" in analysis.intents and "pay_grade" not in analysis.intents
        ungraded = analysis.classes and not any(r.pay_text for r in analysis.classes)
        if not (draft.abstained and asked_pay and ungraded):
            return draft
        book = CitationBook()
        book.citations = list(draft.citations)
        grade_asked = replace(analysis, intents=("pay_grade",))
        read = self.passages.answer(grade_asked, retrieved, book)
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
        # A class of a place the question names by a word of its own is named with it, though
        # the question's other name words are another document's ("National City ... with
        # San Bernardino's"); a word all their places share ("Arizona") does not.
        shared = {w for r in allowed for w in self.index.words_of_place(r.jurisdiction)}
        asked = set(re.findall(r"[a-z]+", analysis.question.lower()))
        allowed += [
            r
            for r in classes
            if r not in allowed and (self.index.words_of_place(r.jurisdiction) & asked) - shared
        ]
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
                if graded(record, value) and key_fits(record, key_label):
                    rows.append(record)
        found = list(dict.fromkeys(rows))
        return found if len(found) <= MAX_CLASSES_PER_ANSWER * 3 else []

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
        asked = asked_period(analysis.question)
        other_period = record.salary_period not in (None, asked)
        if asked and "salary" in analysis.intents and other_period and not any_period:
            return False
        reader = self.passages.reader
        # A document that never writes its own place or employer has them in its title and
        # its manifest ("Oak Park Public Library" of a page that says only "the library"); a
        # class's title is its standard's, glued in its row or not ("Library Assistant2"), and
        # so are those of the other classes the question names there.
        titles = " ".join(r.title for r in analysis.classes if r.source == record.source)
        # A title's word shortened as people type it names its word written out ("Opr").
        spelt = " ".join(abbreviations().get(w.lower(), w) for w in record.title.split())
        own = f"{record.title} {spelt} {titles} {record.doc_title} {record.jurisdiction or ''}"
        named = stems(f"{own} {record.publisher or ''}")
        for name in _proper_names(analysis.question):
            holders = reader.sources_of(stem(name))
            held = record.source in holders or stem(name) in named
            if holders and not held and not holders & matched:
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
                r
                for r in self.index.records
                if r.jurisdiction in analysis.jurisdictions and analysis.allows(r.source)
            ]
            if any(i in SECTION_KINDS_FOR_INTENT for i in analysis.intents):
                classes = [r for r in jurisdiction_classes if self.classes.describes(r)]
            elif "list" in analysis.intents:
                classes = jurisdiction_classes
        if classes:
            classes = _paying_amount(classes, analysis) or classes
            # "IDFG" of "the IDFG Wildlife Habitat Technician": the words that name the classes'
            # publishers or places say whose class, not what is asked of it.
            named = stems(" ".join(f"{r.jurisdiction or ''} {r.publisher or ''}" for r in classes))
            topic = [w for w in self._topic_words(analysis) if stem(w) not in named]
            return self.classes.about(analysis, classes, book, retrieved, topic)
        if analysis.missing_levels:
            return self.classes.no_such_level(analysis, book)
        if analysis.missing_ranks:
            return self.classes.no_such_rank(analysis, book)
        if analysis.pay_grades or analysis.amounts:
            # None when the catalog has no line
            return self._reverse_lookup(analysis, book, retrieved)
        return None

    def _subject_words(self, analysis: QueryAnalysis) -> list[str]:
        """What the question is about, class names included: its words less question words,
        places and the names of the documents it names."""
        named = set(analysis.naming.words) if analysis.naming else set()
        return [w for w in analysis.keywords if self._names_a_subject(w) and stem(w) not in named]

    def _names_a_subject(self, word: str) -> bool:
        """Whether a word of a question may name what it is about: no question word, place
        or bare number."""
        return (
            word not in _QUESTION_WORDS
            and word not in JURISDICTION_WORDS
            and word not in self._place_words
            and not word.isdigit()
        )

    def _topic_words(self, analysis: QueryAnalysis, titles: bool = False) -> list[str]:
        """The question's own subject words: not class names (unless `titles`), places or
        question words, nor a shortening of a word of the classes it names ("eng tech 3" of
        Engineering Technician 3)."""
        titled = [w.lower() for r in analysis.classes for w in r.title.split()]
        return [
            w
            for w in map(self.passages.reader.unglued, analysis.keywords)
            if self._names_a_subject(w)
            and (titles or stem(w) not in self._title_stems)
            and not (len(w) >= _SHORTENED and any(t.startswith(w) for t in titled))
        ]

    # -- reverse lookups: grade or amount -> classes -----------------------------------------

    def _from_passages(self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]) -> Draft:
        """The lines of the passages about the question's topic; for what a class requires
        (qualifications, a licence), only lines that speak of it: a definition of the work
        that names no education, experience or licence does not answer "what does it need?"."""
        topic = self._topic_words(analysis)
        found = self.open.answer(analysis, retrieved, topic, CitationBook())
        titled = self._topic_words(analysis, titles=True)
        figure = any(i in CATALOG_INTENTS for i in analysis.intents)
        if found.abstained and not analysis.classes and not figure and titled != topic:
            # No class the question names is known: the words another document's class title
            # shares ("GIS Analyst" of another city's profile) say what it is about here. (A
            # figure asked is read by its field, and a title's words find lines of other pay.)
            retried = self.open.answer(analysis, retrieved, titled, CitationBook())
            found = found if retried.abstained else retried
        if not found.abstained and self._titled_elsewhere(analysis, retrieved, found.citations):
            # "a support services specialist": not a public affairs specialist's line.
            return found_no_line(CitationBook(), "No passage of the standard asked states this.")
        if found.abstained or not asks_requirement(analysis.intents):
            return found
        # "Knowledge required": a line that speaks of knowledge answers it too.
        spoken = section_words(analysis.intents, strict=True)
        said = stems("\n".join(f"{c.section}\n{c.quote}" for c in found.citations))
        # "What are the minimum qualifications ...?": a line that states one, not one that
        # only names them ("rates based on the applicant's qualifications").
        stated = not asks_for_requirements(analysis) or any(
            states_requirement(c.quote) for c in found.citations
        )
        if spoken & said and stated:
            return found
        required = [i for i in analysis.intents if i in REQUIREMENT_INTENTS]
        section = self._section_of_kind(retrieved, found, required)
        if section is not None:
            return section
        noun = " or ".join(dict.fromkeys(intents()[i].noun for i in required))
        about = " ".join(topic) or "this"
        return found_no_line(CitationBook(), f'No passage about "{about}" states {noun}.')

    def _titled_elsewhere(
        self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk], cited: Sequence[Citation]
    ) -> bool:
        """Whether the question names a retrieved document by more of its title's words (two
        at least) than any document an answer quotes: their lines are of another class."""
        if not cited:
            return False
        asked = {stem(w) for w in analysis.keywords if self._names_a_subject(w)}
        asked |= set(analysis.naming.words) if analysis.naming else set()
        asked -= {stem(w) for w in _QUESTION_WORDS}

        def named(title: str) -> int:
            return len(asked & stems(title))

        titles = {s.chunk.doc_title for s in retrieved}
        best = max(titles, key=named, default="")
        quoted = max(named(c.doc_title) for c in cited)
        return named(best) >= 2 and named(best) > quoted

    def _section_of_kind(
        self, retrieved: Sequence[ScoredChunk], found: Draft, required: Sequence[str]
    ) -> Draft | None:
        """The first retrieved passage of a section of the kind asked ("Minimum
        Requirements") in the documents the lines found came from, quoted whole; None when
        they have none."""
        kinds = {kind for name in required for kind in intents()[name].sections}
        documents = {c.source for c in found.citations}
        for scored in retrieved:
            chunk = scored.chunk
            if chunk.source in documents and chunk.section_kind in kinds:
                book = CitationBook()
                line = self.passages.quote_whole(chunk, book)
                if line:
                    return Draft(line, tuple(book.citations), abstained=False)
        return None

    def _reverse_lookup(
        self, analysis: QueryAnalysis, book: CitationBook, retrieved: Sequence[ScoredChunk]
    ) -> Draft | None:
        # "the London salary range for Grade 7": not the Grade 7 of a standard that does not
        # write "London" when another does.
        fits = partial(self._fits, analysis=analysis, matched=set(), any_period=True)
        lines, found = self.figures.reverse_lookup(analysis, book, fits)
        if not lines:  # the passages may still say it ("the base rate is $18.33")
            return None
        asked = value_tokens(" ".join(analysis.amounts))
        # A class whose range only holds the amount does not say where it stands: a row that
        # writes it does ("| 17 | 58500 |" of "which stage pays 58500?").
        at_ends = [r for r in found if asked & value_tokens(f"{r.salary_min} {r.salary_max}")]
        if not at_ends and any(asked & value_tokens(s.chunk.text) for s in retrieved):
            # "which job lists $25.67/hour ...?": no class starts, ends or is paid at the
            # amount, and a passage writes it: that line says whose it is, where a range
            # it falls within would only hold it.
            book.citations.clear()
            return None
        abstained = not found and all(line.startswith("No class") for line in lines)
        titles = tuple(dict.fromkeys(r.title for r in found))
        return Draft("\n".join(lines), tuple(book.citations), abstained=abstained, classes=titles)


# Words that ask for pay in money, not for the range a class is placed at.
_MONEY_ASKED = re.compile(
    r"\b(?:salar\w*|pay|paid|wages?|dollars?|earn\w*|make|makes|hourly|weekly|biweekly"
    r"|monthly|yearly|annual\w*|per (?:hour|week|month|year|annum))\b|\$",
    re.IGNORECASE,
)


def _range_as_its_label(analysis: QueryAnalysis) -> QueryAnalysis:
    """ "How does the range of X compare with Y?" of classes placed at a "Range 61" and no
    dollars: the range asked is the one their standard labels so, a grade, not pay."""
    classes = analysis.classes
    if "salary" not in analysis.intents or "pay_grade" in analysis.intents or not classes:
        return analysis
    asked = set(re.findall(r"[a-z]+", analysis.question.lower()))
    labelled = all(
        r.pay_label and not r.salary_text and set(r.pay_label.lower().split()) <= asked
        for r in classes
    )
    if not labelled or _MONEY_ASKED.search(analysis.question):
        return analysis
    intents = tuple("pay_grade" if i == "salary" else i for i in analysis.intents)
    return replace(analysis, intents=intents)


def _writes_any(chunk: Chunk, names: set[str]) -> bool:
    """Whether a passage, its section or its document's title writes one of these names,
    word for word."""
    text = " ".join(f"{chunk.doc_title} {chunk.section} {chunk.text}".lower().split())
    return any(name in text for name in names)


_EMPLOYMENT = re.compile(r"\b(full|part)[- ]?time\b", re.IGNORECASE)


def _other_employment(analysis: QueryAnalysis) -> tuple[str, str] | None:
    """(asked, written) when the question asks for full-time (or part-time) work and every
    class it names is titled, or its document is, for the other kind only."""
    asked = _EMPLOYMENT.search(analysis.question)
    if asked is None or not analysis.classes:
        return None
    kinds = [
        {m.lower() for m in _EMPLOYMENT.findall(f"{r.title} {r.doc_title}")}
        for r in analysis.classes
    ]
    wanted = asked.group(1).lower()
    other = "part" if wanted == "full" else "full"
    if all(written == {other} for written in kinds):
        return f"{wanted}-time", f"{other}-time"
    return None


def _of_other_period(analysis: QueryAnalysis, book: CitationBook) -> bool:
    """Whether every line quoted is a salary line of a class asked whose period the catalog
    knows, and that period is not the one the question asks; or holds the range of one that
    names no period and is no pay of the period asked, and names that period nowhere
    ("Salary: $130,270 - $154,876" asked monthly)."""
    asked = asked_period(analysis.question)
    if not asked:
        return False
    known, unnamed = set(), set()
    for record in analysis.classes:
        evidence = record.evidence_for("salary")
        if evidence is None:
            continue
        if record.salary_period not in (None, asked):
            known.add(evidence.quote)
        elif record.salary_period is None and not typical_for(asked, evidence.quote):
            unnamed.add(evidence.quote)  # (not "$33,571.20 ($16.14 hr)" asked hourly)

    def other(quote: str) -> bool:
        held = any(u in quote for u in unnamed) and asked not in periods_in(quote)
        return quote in known or held

    return bool(known | unnamed) and all(other(c.quote) for c in book.citations)


def _bottom_only(analysis: QueryAnalysis, book: CitationBook) -> bool:
    """Whether the top of a range is asked and every line quoted is the salary line of a class
    asked that the catalog read as its bottom alone."""
    if extreme_asked(analysis.question) != "maximum" or not book.citations:
        return False
    bottoms = {
        evidence.quote
        for record in analysis.classes
        if record.salary_min
        and not record.salary_max
        and (evidence := record.evidence_for("salary")) is not None
    }
    return all(c.quote in bottoms for c in book.citations)


def _lines_around(chunk: Chunk | None, quote: str) -> list[str]:
    """The run of "Label: value" lines that the line holding the quote stands in: the fields
    of one class's block, up to its title above and whatever is not a field below."""
    if chunk is None:
        return []
    lines = chunk.text.splitlines()
    at = next((n for n, line in enumerate(lines) if quote.strip() in line), None)
    if at is None:
        return []
    start, end = at, at + 1
    while start > 0 and FIELD_LABEL.match(lines[start - 1]):
        start -= 1
    while end < len(lines) and FIELD_LABEL.match(lines[end]):
        end += 1
    return lines[start:end]


def _lacking(analysis: QueryAnalysis) -> list[ClassRecord]:
    """The classes the catalog matched that lack a figure the question asks for: the
    passages may state it where the catalog did not read it ("compare the grades of ...")."""
    wanted = {
        "salary": lambda r: r.salary_min,
        "pay_grade": lambda r: r.pay_grade,
        "code": lambda r: r.code,
    }
    asked = [wanted[i] for i in analysis.intents if i in wanted]
    column = MIDPOINT.search(analysis.question) or step_asked(analysis.question) is not None
    if "salary" in analysis.intents and column:
        # A midpoint or a step is in the row's line ("step 3" of "$20.82 - $26.58" is not
        # given); the catalog has it only where it read the columns.
        return [r for r in analysis.classes if not column_asked(r, analysis.question)]
    keys = row_keys(analysis.question)
    if "salary" in analysis.intents and keys:
        # "the GS-11 salary range" of a posting whose range spans GS-07 to GS-12: the range is
        # not the grade's, which a row of its own may state ("GS-11: $81,963 – $106,549").
        # A class placed at another grade is the premise's to correct ("Since X is in PW12").
        return [r for r in analysis.classes if not r.pay_grade and not _keyed_record(r, keys)]
    spans = spans_asked(analysis.question)
    if "salary" in analysis.intents and spans:
        # "a lateral with 8 years of experience": a row keyed by years ("7-9 years of
        # experience-$22.83 Hourly"), which the class's own range line does not write.
        return [r for r in analysis.classes if not _keyed_by(r, spans)]
    return [r for r in analysis.classes if any(not has(r) for has in asked)]


# A figure alone in a table's cell, as pay matrices write amounts: "| 10 | 47500 |".
_CELL_FIGURE = re.compile(r"\|\s*\d{4,7}(?:\.\d{2})?\s*\|")


def _keyed_record(record: ClassRecord, keys: list[tuple[str, str]]) -> bool:
    """Whether a class's title, grade or code names one of the grade keys a question gives
    ("Grade III" of "Management Assistant Grade III", "GS-11" of its pay grade, "EC2")."""
    own = row_keys(f"{record.title}\n{record.pay_grade or ''}\n{record.code or ''}")
    return bool(own) and any(key in own for key in keys)


def _keyed_by(record: ClassRecord, spans: list[str]) -> bool:
    """Whether the line a class's pay was read from writes one of the spans asked."""
    evidence = record.evidence_for("salary")
    return evidence is not None and writes_a_span(evidence.quote, spans)


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
        and w.lower() not in STOPWORDS  # "And over 3 years?" after the question it follows
        and level_value(w) is None  # "III" is a level, whatever a standard's text writes
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


def _kinds_of_place(question: str, names: set[str]) -> set[str]:
    """The stems of the words that say what kind of place a naming word is ("city" of "the
    City of Corinth"): part of the name, not of the class asked about."""
    return {
        stem(kind.lower())
        for kind, name in _PLACE_OF.findall(question)
        if stem(_bare(name)) in names
    }


# "City of Corinth", "County of Kauai", "Town of Morinville".
_PLACE_OF = re.compile(
    r"\b(city|county|town|township|village|borough|municipality|shire|district|state)\s+of\s+"
    r"(?:the\s+)?([\w'’-]+)",
    re.IGNORECASE,
)


def _bare(word: str) -> str:
    """A word of a question as a name is compared: lower case, without the marks around it
    ("standard?" -> "standard")."""
    return re.sub(r"^\W+|\W+$", "", word.lower())


def _paying_amount(classes: list[ClassRecord], analysis: QueryAnalysis) -> list[ClassRecord]:
    """Of the levels of a series named with no level, those whose pay holds the amount the
    question gives ("which correctional officer level paid $2,982.02?"); [] when the question
    names a level or no amount, or no level pays it."""
    if not analysis.amounts or not analysis.series_named or analysis.level is not None:
        return []
    values = [v for v in map(money_value, analysis.amounts) if v is not None]

    def pays(record: ClassRecord) -> bool:
        low = money_value(record.salary_min or "")
        high = money_value(record.salary_max or "") if record.salary_max else low
        return low is not None and high is not None and any(low <= v <= high for v in values)

    return [r for r in classes if pays(r)] if len(classes) > 1 else []


def _pay_of_a_period(analysis: QueryAnalysis) -> bool:
    """Whether the question asks pay of one period ("fortnightly pay")."""
    return "salary" in analysis.intents and asked_period(analysis.question) is not None


def _figures(lines: Sequence[str]) -> bool:
    """Whether lines write a figure that may be pay, however bare ("2536 - 4156 euro",
    "15.7017"): not a year, nor the digits of a code ("ZPA3121111")."""
    bare = (_MARKER.sub(" ", line) for line in lines)  # "[1]" marks a citation
    found = (m.group(0) for line in bare for m in _FIGURE.finditer(line))
    return any(not YEAR.fullmatch(figure) for figure in found)


_MARKER = re.compile(r"\[\d+\]")
# A figure standing alone: "2536", "15.7017", "52,104", a grouped amount after its currency's
# letters ("K40,000", "Rs.12,400"); not the digits of a code ("ZPA3121111"), nor "1/2".
_FIGURE = re.compile(
    r"(?<![\w.,/-])\d[\d,]*(?:\.\d+)?(?![\w-]|/\d)"
    r"|(?<![\w.,/-])[A-Za-z]{1,3}\.?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w-]|/\d)"
)

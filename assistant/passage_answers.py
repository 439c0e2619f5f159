"""Answers composed from the retrieved passages by the reader: the figure's own line, quoted and
cited, or a plain "the sources do not state it" with what they do say about the subject."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from assistant.citations import CitationBook
from assistant.class_headings import ClassHeadings
from assistant.comparisons import TWO_SUBJECTS, split_at_joiners
from assistant.label_answers import LabelAnswers, labels_asked, names_label
from assistant.line_marks import (
    MIDDLE_ASKED,
    amounts,
    code_before_title,
    excludes_subject,
    extreme_asked,
    gives_other_end,
    marks_end,
)
from assistant.line_subjects import (
    item_of_another,
    labelled_for_another,
    names_a_sibling,
    paid_to_another_role,
    ranked_namesake,
    unranked_namesake,
)
from assistant.passage_layout import (
    asked_labels,
    gives_label,
    gives_value,
    names_field,
    states_field,
)
from assistant.passages import Rarity, echoes, stem, stems, words_held
from assistant.query import STOPWORDS, QueryAnalysis, is_claim, likened_words, untagged
from assistant.quotes import (
    continued,
    keyed_rows,
    led,
    line_above,
    quoted,
    quoted_under_owner,
    whole_row,
    with_revision,
)
from assistant.reader import (
    FIELD_NOUNS,
    FIELD_OF_INTENT,
    MIN_FIELD_COVERAGE,
    PassageReader,
    Reading,
    levels_by_the_word,
    months_alone,
    passages_in_order,
    pay_element_stems,
    question_level,
    refers_back,
)
from assistant.row_keys import (
    MONEY_AMOUNT,
    amounts_under_other_keys,
    has_row_key,
    keys_other_years,
    lacks_step,
    names_steps,
    question_keys,
    row_keys,
    spans_asked,
    step_asked,
    writes_a_span,
    year_of_row,
)
from assistant.topic_answers import (
    TopicAnswers,
    asks_about_text,
    near_best,
)
from assistant.word_indexes import asked_values, percentages, value_tokens
from index.catalog import POST_TERMS
from index.jurisdictions import find_jurisdictions
from index.levels import level_value
from index.money import article, asked_period, periods_in
from index.store import ScoredChunk
from index.types import Chunk

# A line counting what "how many" asks answers first when it writes this many of the question's
# other words (a figure before "hours" is common: "40 hours per week" of the work schedule).
_COUNT_WORDS_HELD = 2
# A question that goes on to ask something more: "..., and what does it involve?".
_ASKS_MORE = re.compile(r"\band\s+(?:what|how|which|who|when|where|why|is|are|does|do)\b", re.I)
# Passages read for one answer: the reader looks past the first few, the fused ranking is good.
_READ_DEPTH = 10
# A passage shown beside an abstention must hold this share of the question's subject.
_CLOSEST_COVERAGE = 0.5
# The best line of the top passages: how deep it looks, the share of the question's weight a
# line must hold, what a grade key the question names adds, and what a lower rank costs.
_WINDOW_DEPTH = 6
_WINDOW_SHARE = 0.45
_WINDOW_OWN_SHARE = 0.2
_KEY_BONUS = 0.3
_RANK_COST = 0.02
# A question that gives a figure and asks what it belongs to.
_REVERSE = re.compile(
    r"\b(?:which|what|whose|who)\b.*\b(?:class|title|job|position|classification|grade|band|"
    r"step|level|role|series|progression|point|stage|rank|post|office|phase|length|"
    # who pays it: "which electoral body advertised election work at $25.54 to $48.29?"
    r"body|employer|organi[sz]ation|agency|authority|council|commission|board|district)\b"
    r"|\b(?:is|are)\s+(?:class|code|job)\b",
    re.IGNORECASE,
)
# A question that asks which grade or band, not what a named one pays.
_ASKS_GRADE = re.compile(
    r"\b(?:which|what)\s+(?:\w+\s+)?(?:grade|band|group|range|level|classification)\b", re.I
)
# A question that asks which class holds a grade it gives: "Which post is in Band 1?".
_ASKS_HOLDER = re.compile(
    r"^\s*(?:which|what)\s+(?:\w+\s+)?(?:posts?|class(?:es)?|titles?|jobs?|positions?|roles?"
    r"|classifications?|occupations?)\b(?!\s+(?:pays?|earns?|gets?|makes?)\b)",
    re.I,
)
# Pay elements a base rate's own line may name ("the benefit package", "per shift").
_BASE_WORDS = frozenset({stem(w) for w in ("benefit", "benefits", "shift", "education", "degree")})
# What a post held beside other work is paid instead of a wage: "The Town offers a $250 annual
# stipend to the Town Health Officer" is what the post pays.
_POST_PAY = frozenset({stem(w) for w in ("stipend", "stipends", "honorarium", "retainer")})
# A question about a change or a share of pay, answered by a percentage, and one written.
_RATE_ASKED = re.compile(
    r"\bincre\w*|\b(?:raises?|rises?|adjustments?|cola|percent(?:age)?|per cent|contributions?"
    r"|(?:share|proportion|fraction)\s+of)\b"
    r"|%",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\d(?:[\d.,]*\d)?\s?(?:%|per ?cent\b)", re.IGNORECASE)


_DIGIT = re.compile(r"\d")


class PassageAnswers:
    """The reader's answers: a field of a subject, or the sentences that answer a topic."""

    def __init__(
        self,
        rarity: Rarity,
        chunks: Sequence[Chunk],
        chunks_of: Callable[[str], Sequence[Chunk]] | None = None,
    ) -> None:
        self._chunks = chunks
        # (place, document) -> the places of its place and title, and with its passages'.
        self._titled_places: dict[tuple[str, str], set[str]] = {}
        self._places_of: dict[tuple[str, str], set[str]] = {}
        self._in_shares: dict[str, bool] = {}  # source -> whether it pays in shares of a rate
        # A document's passages in its order, to learn which grade labels it writes.
        self._chunks_of = chunks_of or passages_in_order(chunks)
        self.reader = PassageReader(rarity, chunks, self._chunks_of)
        self.headings = ClassHeadings(self._chunks_of)
        self.labels = LabelAnswers(self.reader, self._chunks_of)
        self.topics = TopicAnswers(self.reader, self._chunks_of, self.headings)

    def _with_what_follows(self, chunks: list[Chunk]) -> list[Chunk]:
        """The passages read, each followed by the next passage of its document when that
        one refers back to it ("Both positions offer identical salary structures ..." after
        the paragraphs naming the two posts): it speaks of what they name."""
        read = {c.chunk_id for c in chunks}
        following = []
        for chunk in chunks:
            after = [c for c in self._chunks_of(chunk.source) if c.position == chunk.position + 1]
            if after and after[0].chunk_id not in read and refers_back(after[0].text):
                read.add(after[0].chunk_id)
                following.append(after[0])
        return chunks + following

    def prepare(
        self, previous: PassageAnswers | None = None, changed: Collection[str] = ()
    ) -> None:
        """Build now what the first question would otherwise wait for (kept by the start-up
        snapshot): the reader's stems, and the places each document's own place and title
        name (a place asked names hundreds of documents at 10,000 standards). A prepared
        instance of an earlier library (previous, consumed here) gives what it read of the
        documents not changed since."""
        self.reader.prepare(previous.reader if previous else None, changed)
        known = previous._titled_places if previous else {}
        for chunk in self._chunks:
            key = (chunk.jurisdiction or "", chunk.source)
            if key not in self._titled_places:
                carried = key in known and chunk.source not in changed
                self._titled_places[key] = known[key] if carried else _own_places(chunk)

    def keyed(self, chunk: Chunk, text: str, keys: Sequence[tuple[str, str]]) -> bool:
        """Whether a line may answer for the grade keys a question names (see TopicAnswers)."""
        return self.topics.keyed(chunk, text, keys)

    def answer(
        self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk], book: CitationBook
    ) -> tuple[list[str], bool] | None:
        """(lines of the answer, whether it abstains), or None when no passage is about the
        question's subject at all."""
        chunks = [s.chunk for s in retrieved if self.in_places(s.chunk, analysis.jurisdictions)]
        chunks = self._with_what_follows(chunks[:_READ_DEPTH])
        if not chunks:
            return None
        counted = self.labels.counted(analysis, chunks, book)
        if counted is None and not _ASKS_MORE.search(analysis.question):
            # "for 24 vacancies for the posts of District Judge" (a question that asks more,
            # "... and what does it involve?", is answered by the lines read for all of it)
            counted = self.labels.counted_in_lines(analysis, chunks, book, _COUNT_WORDS_HELD)
        if counted is not None:  # "how many posts?" of "Total Post : 24"
            return counted
        field = next((FIELD_OF_INTENT[i] for i in analysis.intents if i in FIELD_OF_INTENT), None)
        # A code or amount the question gives is looked up as written only when the question
        # asks what it belongs to ("which class has code 4268K1?", "which grade has a job rate
        # of 37500?").
        gives = gives_value(field, analysis.question) or bool(analysis.amounts)
        gives = gives or bool(percentages(analysis.question))  # "which step earns 75%?"
        reverse = not analysis.intents or (bool(_REVERSE.search(analysis.question)) and gives)
        tokens = asked_values(analysis.question) if reverse else set()
        if field is None or (tokens and not analysis.intents):
            return self._or_counted(
                self.topics.answer(analysis, chunks, book, tokens), analysis, chunks, book
            )
        if asks_about_text(analysis):
            # "How much experience for GS-5 under the group standard?", "When does the 3.8%
            # increase apply?": the answer is a sentence, though the question names pay words.
            told = self.topics.answer(analysis, chunks, book, set())
            if told is not None:
                return told
        answer = self._fields(analysis, chunks, book)
        if answer is not None and set(analysis.intents) == {"code"} and gives:
            # "the fed category for class code HB40": the code is given, not asked; a line
            # the question names by its label ("Fed Category: E2") answers.
            by_label = self.labels.answer_by_label(analysis, chunks, book, code_given=True)
            if by_label is not None:
                return by_label
        if tokens and answer is not None and not answer[1]:
            # "Which classification is number 6598?": a line that states some other code
            # does not answer; the line that holds 6598 does.
            trial = CitationBook()
            holding = self.topics.answer(analysis, chunks, trial, tokens)
            if holding is not None and any(tokens & value_tokens(x) for x in holding[0]):
                book.citations[:] = trial.citations
                return holding
        if tokens and (answer is None or answer[1]):
            # "Which class has code 4268K1?": the line that holds the code names the class.
            book.citations.clear()
            return self.topics.answer(analysis, chunks, book, tokens)
        if answer is None or answer[1]:
            # "What is the Hay point range of X?": the subject's document labels a line with
            # the question's own words ("Hay Point Range: 225-270"), though not a field read.
            by_label = self.labels.answer_by_label(analysis, chunks, book)
            if by_label is not None:
                return by_label
        if answer is not None and answer[1] and asks_about_text(analysis):
            book.citations.clear()
            return None  # "how much wider is each grade?" is not a salary the lines lack
        return answer

    def _or_counted(
        self,
        answer: tuple[list[str], bool] | None,
        analysis: QueryAnalysis,
        chunks: list[Chunk],
        book: CitationBook,
    ) -> tuple[list[str], bool] | None:
        """The answer, or where none was read, the line that counts what "how many" asks."""
        if answer is not None and not answer[1]:
            return answer
        trial = CitationBook()
        counted = self.labels.counted_in_lines(analysis, chunks, trial)
        if counted is None:
            return answer
        book.citations[:] = trial.citations
        return counted

    def _pays_in_shares(self, source: str) -> bool:
        """Whether a document gives pay as shares of a rate ("cadet rates as a percentage of
        Schedule 1", "65 percent of the top wage rate"), in its title or its text; read once."""
        if source not in self._in_shares:
            chunks = self._chunks_of(source)
            texts = [chunks[0].doc_title] if chunks else []
            texts += [c.text for c in chunks]
            self._in_shares[source] = any(_shares_pay(text) for text in texts)
        return self._in_shares[source]

    def closest(
        self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk], book: CitationBook
    ) -> tuple[str, bool] | None:
        """The passage line most about the question's subject, quoted and cited, and whether
        it gives a figure of the field asked in some form (an amount of the period asked, a
        labelled grade or code): then it is the answer, else it is shown with an abstention;
        None when no passage is near it."""
        chunks = [s.chunk for s in retrieved if self.in_places(s.chunk, analysis.jurisdictions)]
        chunks = chunks[:_READ_DEPTH]
        subject = self.reader.subject(analysis.keywords, chunks)
        keys = row_keys(analysis.question)
        # A line of another level of the class ("Eligibility Worker II: ...") is not near it;
        # a grade the question keys rows by ("grade 6 level c") finds its row itself.
        level, level_of = question_level(analysis, subject, keys) if not keys else (None, ())
        readings = self.reader.read(subject, chunks, None, level, level_of=level_of)
        # A line's coverage of what its document writes of the subject: words the document
        # never writes may be the way the user puts it.
        shares = {
            c.source: self.reader.written_share(c.source, subject, analysis.question)
            for c in chunks
        }
        near = [
            r
            for r in readings
            if r.coverage >= _CLOSEST_COVERAGE * shares[r.chunk.source]
            and self.keyed(r.chunk, f"{r.chunk.section}\n{r.quote}", keys)
            and not item_of_another(r.quote, subject, self._chunks_of(r.chunk.source))
        ]
        if not near:
            return None
        best = continued(near[0])
        # It answers only when it is about the very class asked, and of the grade asked.
        sure = near[0].coverage >= MIN_FIELD_COVERAGE * shares[near[0].chunk.source] and (
            not keys or has_row_key(f"{best.chunk.section}\n{best.quote}", keys)
        )
        sure = sure and not lacks_step(best.quote, step_asked(analysis.question))
        gives = any(_gives(field, best.quote, analysis) for field in _fields_asked(analysis))
        return quoted(best, book), sure and gives

    def best_lines(
        self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk], book: CitationBook
    ) -> str | None:
        """The lines of the best passages that hold most of the question's own words, its
        question words included ("education", "degree"): the row of the grade it names in a
        flattened table ("GS-9" and the cells below it), else the best line with the lines
        that run on from it. What a reader scanning the passages would point at; None when no
        line holds enough of the question."""
        words = {stem(w) for w in re.findall(r"[a-z0-9]+", analysis.question.lower())}
        words -= STOPWORDS | set(analysis.naming.words if analysis.naming else ())
        weights = {w: self.reader.rarity.weight(w) for w in words}
        total = math.fsum(weights.values())
        if total <= 0:
            return None
        keys = row_keys(analysis.question)
        key_words = {stem(w) for key in keys for part in key for w in part.split()}
        best: tuple[float, Chunk, str, bool] | None = None
        for rank, scored in enumerate(retrieved[:_WINDOW_DEPTH]):
            chunk = scored.chunk
            # The document and section a passage sits in hold words of the question for it.
            context = stems(f"{chunk.doc_title} {chunk.section} {chunk.jurisdiction or ''}")
            rows = keyed_rows(chunk.text, keys) if keys else []
            for window in rows or [line.strip() for line in chunk.text.splitlines()]:
                if keys and not rows and not self.keyed(chunk, f"{chunk.section}\n{window}", keys):
                    continue  # "APS 5" asked: a line of APS 6 is not its answer
                # A row is read with the line that introduces its table ("the amounts of
                # education and/or experience required").
                own = stems(f"{window}\n{line_above(chunk.text, window)}" if rows else window)
                own &= words
                share = math.fsum(weights[w] for w in own | (context & words)) / total
                score = share - _RANK_COST * rank + (_KEY_BONUS if rows else 0.0)
                # The row of the grade asked needs one more of the question's words; a line,
                # its share of them.
                enough = (
                    bool(own - key_words)
                    if rows
                    else share >= _WINDOW_SHARE
                    and math.fsum(weights[w] for w in own) / total >= _WINDOW_OWN_SHARE
                )
                # A line that only says back the number the question gives ("Class No. 2682")
                # answers nothing; a title line heads the lines after it, and a row of the
                # grade asked is read with its cells.
                said_back = not rows and echoes(window, analysis.question)
                enough = enough and not (said_back and _DIGIT.search(window))
                if enough and (best is None or score > best[0]):
                    best = (score, chunk, window, bool(rows))
        if best is None:
            return None
        _, chunk, window, is_row = best
        reading = Reading(chunk, window, 0.0, 0.0, 0.0, False, 0)
        # A row ends where the next grade's begins; a line runs on to the end of its sentence.
        return quoted(reading if is_row or "\n" in window else continued(reading), book)

    def nearest(self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]) -> Chunk | None:
        """The passage the search ranked first among those of the documents and places the
        question allows; None when there is none."""
        for scored in retrieved:
            chunk = scored.chunk
            allowed = analysis.allows(chunk.source)
            if allowed and self.in_places(chunk, analysis.jurisdictions) and chunk.text.strip():
                return chunk
        return None

    def holds(self, chunk: Chunk, words: Sequence[str], share: float) -> bool:
        """Whether a passage, with its document's title and section, holds at least that
        share of the words given, and one at least ("pension plan" not, in a header block),
        shortened, glued or mistyped as people write them."""
        asked = {w.lower() for w in words}
        held = words_held(asked, f"{chunk.doc_title}\n{chunk.section}\n{chunk.text}")
        return bool(held) and len(held) >= share * len(asked)

    def quote_whole(self, chunk: Chunk, book: CitationBook) -> str | None:
        """A passage quoted whole under its document's title, without the place a manifest
        may have given it (all it shows is the source's); None when the answer quotes it whole
        already."""
        if any((c.source, c.quote) == (chunk.source, chunk.text) for c in book.citations):
            return None
        return quoted(Reading(chunk, chunk.text, 0.0, 0.0, 0.0, False, 0), book, place=False)

    def quote_sentence(self, chunk: Chunk, sentence: str, book: CitationBook) -> str:
        """A sentence a search found, quoted with where it stands: its document and section,
        and for a short line the title-like line above it that names its class
        ("Accounting Technician I" above "OCCU: 9428")."""
        return quoted_under_owner(Reading(chunk, sentence, 0.0, 0.0, 0.0, False, 0), book)

    def in_places(self, chunk: Chunk, places: Sequence[str]) -> bool:
        """Whether a passage's document is from one of the places the question names, or names
        it (any document when the question names none)."""
        if not places:
            return True
        key = (chunk.jurisdiction or "", chunk.source)
        if key not in self._titled_places:
            self._titled_places[key] = _own_places(chunk)
        # Its place and its title's, then those its passages name ("Halden Harbor, ME"). A
        # document of a place asked needs no reading of its passages: they only add places.
        if _holds_a_place(self._titled_places[key], places):
            return True
        if key not in self._places_of:
            passages = [c.text for c in self._chunks_of(chunk.source)]
            named = {p.lower() for text in passages for p in find_jurisdictions(text)}
            self._places_of[key] = self._titled_places[key] | named
        return _holds_a_place(self._places_of[key], places)

    # -- a field (salary, grade, code) of one subject or of each compared subject --------------

    def _fields(
        self, analysis: QueryAnalysis, chunks: list[Chunk], book: CitationBook
    ) -> tuple[list[str], bool] | None:
        """The lines that state any field asked ("the class code and grade"), or, when none
        is stated, a plain "not stated" with what the passages say of the subject; None when
        no passage is about it."""
        readings = [self._field(analysis, chunks, field) for field in _fields_asked(analysis)]
        found = [r for stated, _, _, _ in readings for r in stated]
        # A line about the class that gives the field in a form not read for certain ("Pay
        # Band(s): 5, 6 and 7") is quoted as it stands: the reader judges, nothing is lost.
        step = step_asked(analysis.question)
        found += [
            r
            for _, partial, _, field in readings
            for r in partial[:1]
            if names_field(field, r.quote, analysis.question) and not lacks_step(r.quote, step)
        ]
        if found:
            # A heading above several passages is one line of its document, quoted once.
            once: dict[tuple[str, str], Reading] = {}
            for reading in found:
                once.setdefault((reading.chunk.source, reading.quote), reading)
            # Lines a longer quote of the same passage holds ("Salary: Minimum: $27,510.00"
            # inside the quote that runs on to its maximum) are quoted once, in it.
            kept = [
                r
                for r in once.values()
                if not any(
                    o is not r and o.chunk.chunk_id == r.chunk.chunk_id and r.quote in o.quote
                    for o in once.values()
                )
            ]
            return [quoted(r, book) for r in kept], False
        asked_stems = stems(analysis.question)
        for _, partial, asked, _ in readings:
            # "PAY RANGE: CP10-13-A" for "philly HR professional 1 pay range?": the line the
            # question names by its label is the answer, whatever form its value takes.
            named = [r for r in partial if labels_asked(r.quote, asked_stems)]
            if named:
                return [quoted(named[0], book)], False
            if partial:
                lines = [
                    f"The sources do not state {article(asked)} {asked} for this. What they do say:"
                ]
                return lines + [quoted(r, book) for r in dict.fromkeys(partial)], True
        return None

    def _field(
        self, analysis: QueryAnalysis, chunks: list[Chunk], field: str
    ) -> tuple[list[Reading], list[Reading], str, str]:
        """(lines that state the field for each subject, lines about a subject that state no
        such field, the field's name as asked: "monthly salary", the field read: a grade
        given asks for pay)."""
        period = asked_period(analysis.question) if field == "salary" else None
        if is_claim(analysis.question):
            period = None  # "... $1,928.80 - $2,584.80 a month, correct?": the claim's period
        subjects = self._subjects(analysis, chunks)
        texts = [chunk.text for chunk in chunks]
        keys = question_keys(analysis.question, analysis.pay_grades, texts)
        headed = (f"{chunk.section}\n{chunk.text}" for chunk in chunks)
        if _level_only(keys) and not any(has_row_key(text, keys) for text in headed):
            # "apprentice lineworker level 1": no passage keys a row "Level 1" (nor "ALL 1",
            # the initials before it); the level is the class's ("Apprentice I: $44,990.00").
            keys = []
        if keys and field == "grade" and is_claim(analysis.question):
            # "Nurses start on Band 6, don't they?": the band given is checked against the
            # line that gives the class's, not read as the row asked.
            keys = []
        asks_grade = _ASKS_GRADE.search(analysis.question) or _ASKS_HOLDER.search(analysis.question)
        if keys and field == "grade" and not asks_grade:
            # "What does Band 5 pay?" gives the band and asks for its pay; "which post is in
            # Band 1?" for the lines that give it.
            field, period = "salary", asked_period(analysis.question)
        found: list[Reading] = []
        partial: list[Reading] = []
        labels = asked_labels(analysis.question) if field == "code" else []
        # "What pay increase ...", "what pension contribution ...": a rate, given in percent.
        rate_asked = bool(_RATE_ASKED.search(analysis.question))
        elements = stems(analysis.question) & pay_element_stems()
        extreme = extreme_asked(analysis.question) if field == "salary" else None
        middle = MIDDLE_ASKED.search(analysis.question) is not None
        question_stems = stems(analysis.question)
        # The documents that give each step's pay on a line of its own, by the step's name
        # (looked for only when a step is asked).
        stepped = {
            chunk.source
            for chunk in (chunks if step_asked(analysis.question) is not None else ())
            if any(names_steps(x) and MONEY_AMOUNT.search(x) for x in chunk.text.splitlines())
        }
        every_key = keys
        for subject, compared_level in _readings_planned(analysis, subjects):
            # Two levels compared are read as the subject's levels, not as rows' keys.
            keys = [k for k in every_key if k[0] != "level"] if compared_level else every_key
            level, level_of = question_level(analysis, subject, keys)
            level = compared_level or level
            if level is not None and ("level", str(level)) in keys:
                level = None  # "Level 6" of a pay matrix keys its row: the row says it
            step = step_asked(analysis.question)
            readings = self.reader.read(
                subject, chunks, field, level, period, keys=keys, step=step, level_of=level_of
            )
            about = [r for r in readings if r.coverage >= MIN_FIELD_COVERAGE]
            # Of subjects compared, each is asked without the words only the others write: "the
            # Court Interpreter" beside "the Senior Court Interpreter" gives no rank.
            theirs = {w for other in subjects if other is not subject for w in other}
            theirs -= set(subject)
            own_words = " ".join(
                w
                for w in re.findall(r"[\w$'-]+", analysis.question)
                if stem(w.lower()) not in theirs
            )
            # A lead-in ("the salary range ... is:") states what the lines under it give; a
            # line that names the subject only to leave it out ("other than the Secretary of
            # the Cabinet") is not about it.
            about = [
                with_revision(led(r, field))
                for r in about
                if not excludes_subject(r.quote, subject)
                and not names_a_sibling(r, analysis.classes)
                and not labelled_for_another(r, subject)
                and not ranked_namesake(r, subject, own_words)
                and not (field == "salary" and unranked_namesake(r.quote, own_words))
                and not item_of_another(r.quote, subject, self._chunks_of(r.chunk.source))
                # "Presiding Officers will be paid ..." asked of poll clerks.
                and not (field == "salary" and r.states and paid_to_another_role(r.quote, subject))
            ]
            # "the control number": a line that writes that label with a value states it; so
            # does a listing's code written before the title asked ("CPF Carpenter Foreman").
            stating = [
                whole_row(r, keys)
                for r in about
                if r.states
                or gives_label(labels, r.quote)
                or (field == "code" and code_before_title(r.quote, subject, level))
                or (rate_asked and _PERCENT.search(r.quote))
            ]
            if field == "salary":
                stating = _of_the_pay_asked(stating, about, keys, elements)
            stating = self.headings.under_subject(stating, subject, figures=True)
            if any(r.step_row for r in stating):
                # "stage 10 of level 16": the row found under the key at that step answers,
                # not the lines that state the level's pay whole.
                stating = [r for r in stating if r.step_row]
            if (
                field == "salary"
                and not stating
                and not extreme
                and not _MONEY_ASKED.search(analysis.question)
            ):
                # "acu cadets - 1st year rate" of a document that pays in shares of a rate
                # ("the following percentage of the applicable rate"): "• 1st year 60%". Not
                # "the top wage in dollars": a share of the top rate is neither.
                stating = [
                    replace(r, states=True)
                    for r in about
                    if _PERCENT.search(r.quote) and self._pays_in_shares(r.chunk.source)
                ]
            # "The top of X's range" is not stated by a line that gives only its start.
            other_end = [
                r
                for r in stating
                if field == "salary" and gives_other_end(extreme, r.quote, middle)
            ]
            # "GS-7 step 10" is not stated by a row of a document that never names a step
            # ("GS-7 | $38,503 |"): what it does state is shown, the step is not claimed.
            stepless = [
                r
                for r in stating
                if field == "salary"
                and step is not None
                and not _STEP_WORDS & self.reader.document_stems(r.chunk.source)
            ]
            # Nor by a line of a document whose passages name its steps a line each ("Police
            # Officer Step 2$70,220", no header of step columns) when neither the line nor its
            # header names one ("The current starting pay for a Police Recruit is $57,290").
            stepless += [
                r
                for r in stating
                if field == "salary"
                and step is not None
                and r.chunk.source in stepped
                and not self.reader.step_columns(r.chunk.source)
                and not names_steps(f"{r.quote}\n{r.header}\n{r.chunk.table_header or ''}")
                and r not in stepless
            ]
            # A lead-in quoted down to a header of other steps ("steps 1 2 3 4 5") does not
            # state the step asked.
            stating = [
                r
                for r in stating
                if r not in other_end and r not in stepless and not lacks_step(r.quote, step)
            ]
            # "The top hourly pay" of a progression, one amount a line: the line marked as
            # its top ("Final Progression (Top Pay): $27.93/hour"), not the steps before it.
            marked = [
                r for r in stating if field == "salary" and marks_end(extreme, r.quote, middle)
            ]
            ranges = [r for r in stating if len(amounts(r.quote)) > 1]
            stating = marked + ranges if marked else stating
            # "The top hourly rate" of rates by year of service ("Year 1: $17 per hour" ...
            # "Years 5 and beyond: $22 per hour"): the row of the last year, or of the first.
            by_year = [r for r in stating if year_of_row(r.quote) is not None]
            if field == "salary" and extreme and not marked and len(by_year) > 1:
                end = max if extreme == "maximum" else min
                kept = end(by_year, key=lambda r: year_of_row(r.quote) or 0.0)
                stating = [r for r in stating if r not in by_year or r is kept]
            # "5-9 yrs on license": of the rows of a list keyed by spans of years, its own.
            spans = spans_asked(analysis.question)
            spanned = [r for r in stating if writes_a_span(r.quote, spans)]
            # "Year 20" of a schedule whose rows are Year 1 to Year 15: no row is the one asked.
            other_years = [r for r in stating if not spanned and keys_other_years(r.quote, spans)]
            stating = spanned or [r for r in stating if r not in other_years]
            # "grade 6A main rate": of the labelled points of a grade ("Point 1: ...", "Main
            # Rate: ..."), the one the question names by its label.
            named = [r for r in stating if names_label(r.quote, question_stems, subject)]
            stating = named or stating
            if stating:
                found += near_best(stating)
            elif other_end or stepless or other_years or about:
                # Pay of another period than asked is what the sources do say of it: "$53,000
                # annually" when an hourly rate is asked, before "leave accrued at an hourly rate".
                paid = [r for r in about if field == "salary" and MONEY_AMOUNT.search(r.quote)]
                # Else a line that speaks of pay in words ("will negotiate ... an agreeable
                # monthly stipend"), before one that only names the post.
                worded = [r for r in about if field == "salary" and stems(r.quote) & _PAY_STEMS]
                partial.append((other_end or stepless or other_years or paid or worded or about)[0])
        noun = FIELD_NOUNS[field]
        asked = f"{period_word(period)} {noun}".strip() if period else noun
        return found, partial, f"{extreme} {asked}" if extreme else asked, field

    def _subjects(self, analysis: QueryAnalysis, chunks: Sequence[Chunk] = ()) -> list[list[str]]:
        """The question's subject, or each subject of a comparison ("X and Y", "X vs Y")."""
        # "Nurses start on Band 6 like social workers, don't they?" asks of nurses; "announced
        # in January 2025" of no month.
        likened = likened_words(analysis.question) | months_alone(analysis.question)
        keywords = [k for k in analysis.keywords if k.lower() not in likened] or analysis.keywords
        whole = self.reader.known_subject(
            self.reader.subject(keywords, chunks), analysis.jurisdictions
        )
        # "the casual domestic services job": how a post is held, which a posting says on a line
        # of its own ("Employment type: Casual"), not what it is called - unless a title of the
        # passages says so ("Seasonal Litter Patrol Operative").
        titled = {w for chunk in chunks for w in stems(f"{chunk.doc_title} {chunk.section}")}
        whole = [s for s in whole if s not in _TERMS_OF_POST or s in titled] or whole
        if "compare" not in analysis.intents and not TWO_SUBJECTS.search(analysis.question):
            return [whole]
        # An employer's name written out with an "and" ("Western Health and Social Care
        # Trust") joins no subjects: it is left out of the parts.
        question = untagged(analysis.question)  # "..., don't they?" names no subject
        for name in analysis.naming.place_names if analysis.naming else ():
            if re.search(r"\s(?:and|&)\s", name):
                question = question.replace(name, " ")
        parts = [
            self.reader.subject(re.findall(r"[a-z0-9]+", part.lower()), chunks)
            for part in split_at_joiners(question)
        ]
        parts = [p for p in parts if p]
        shared = set.intersection(*(set(p) for p in parts)) if len(parts) > 1 else set()
        # Words every part shares ("pay grade in Kansas") belong to each subject already.
        distinct = [p for p in parts if set(p) - shared]
        return distinct if len(distinct) > 1 else [whole]


# The words for how a post is held: casual, seasonal, fixed-term ... (full- and part-time work
# asked of a class titled for the other is told apart before the passages are read).
_TERMS_OF_POST = frozenset(
    stem(word) for term in POST_TERMS if not term.endswith("-time") for word in term.split("-")
)
# "Pay grade number", "range #": the number of a grade, not a class code.
_GRADE_NUMBER = re.compile(r"\b(?:grade|range|band|group|level|step)\s+(?:number|no\b|#)", re.I)
_CODE_WORD = re.compile(r"\bcode\b", re.I)


def _level_only(keys: Sequence[tuple[str, str]]) -> bool:
    """Whether the keys a question names are one level's ("level 1", and initials before
    it), which may be a row's key or a class's level."""
    levels = {value for label, value in keys if label == "level"}
    return len(levels) == 1 and all(value in levels for _, value in keys)


def _readings_planned(
    analysis: QueryAnalysis, subjects: list[list[str]]
) -> list[tuple[list[str], int | None]]:
    """Each subject to read, with the level to read it at when a comparison of one subject
    names two levels by the word ("Level I ... compare with Level III"): the subject at each of
    them; else each subject with no level of its own (None: the question's is read)."""
    compares = "compare" in analysis.intents or TWO_SUBJECTS.search(analysis.question)
    levels = sorted(levels_by_the_word(analysis.question)) if compares else []
    # "... Level I student hire rate compare with Level III": a part that is only a level names
    # no subject of its own.
    named = [s for s in subjects if any(level_value(w) is None for w in s)]
    if len(named) == 1 and len(levels) > 1:
        return [(named[0], level) for level in levels]
    return [(subject, None) for subject in subjects]


def _fields_asked(analysis: QueryAnalysis) -> list[str]:
    """The fields a question asks for, in its order: "the class code and grade" asks two."""
    fields = [FIELD_OF_INTENT[i] for i in analysis.intents if i in FIELD_OF_INTENT]
    question = analysis.question
    if "grade" in fields and _GRADE_NUMBER.search(question) and not _CODE_WORD.search(question):
        fields = [f for f in fields if f != "code"]
    # "The salary for pay grade 118" gives the grade and asks for the salary.
    given = [f for f in fields if gives_value(f, question)]
    if "grade" in given and _ASKS_GRADE.search(question):
        given.remove("grade")
    asked = [f for f in fields if f not in given]
    return list(dict.fromkeys(asked or fields))


def _gives(field: str, quote: str, analysis: QueryAnalysis) -> bool:
    """Whether a quote gives a figure of the field asked: an amount of the period asked, a
    grade or code read for certain or by its label."""
    if field != "salary":
        return states_field(field, quote) or names_field(field, quote, analysis.question)
    if gives_a_rate(analysis.question) and not MONEY_AMOUNT.search(quote):
        return False  # "the salary after the 5 per cent rise": not a line of percentages
    asked = asked_period(analysis.question)
    return states_field(field, quote) and (asked is None or asked in periods_in(quote))


def gives_a_rate(question: str) -> bool:
    """Whether a question gives a rate ("after the 5 per cent rise", "a 3% increase"): a pay
    asked with it is an amount, which a line of percentages alone does not state."""
    return _PERCENT.search(question) is not None


def _of_the_pay_asked(
    stating: list[Reading], about: list[Reading], keys: list[tuple[str, str]], elements: set[str]
) -> list[Reading]:
    """The lines that state the pay asked, of those that state some pay (`stating`) or speak of
    the subject (`about`). "What longevity pay ...": a line that writes that pay with a
    percentage states it, as a line of the range states the range. "Salary Scale 10": a line
    whose amounts follow "Salary Scale 7" does not. "What hourly wage ...": a line whose every
    amount is a bonus or an allowance ("a $500 retention bonus") states other pay."""
    named = [
        r for r in about if not r.states and elements & stems(r.quote) and _PERCENT.search(r.quote)
    ]
    stating = [r for r in stating if r not in named]
    stating += [whole_row(replace(r, states=True), keys) for r in named]
    if keys:
        stating = [r for r in stating if not amounts_under_other_keys(r.quote, keys)]
    if not elements:
        stating = [r for r in stating if not _pays_other_elements(r.quote)]
    return stating


# The words by which a document names its steps, as questions ask them ("step 3", "stage 10").
_STEP_WORDS = frozenset({stem("step"), stem("stage")})
# A question that asks for money itself: "in dollars", "$".
_MONEY_ASKED = re.compile(r"\b(?:dollars?|pounds?|euros?|rupees?|money)\b|[$£€]", re.IGNORECASE)
# Pay given as a share of a rate: "a percentage of Schedule 1", "65 percent of the top rate".
_SHARE_OF_PAY = re.compile(
    r"\b(?:percentage|per\s?cent|\d+(?:\.\d+)?\s?%)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,4}"
    r"(?:rates?|salary|salaries|pay|wages?|schedule)\b",
    re.IGNORECASE,
)
# What a share of pay may be of besides pay: "66.6% of regular salary" under "Retirement
# Benefits" is a pension.
_NOT_PAY = re.compile(r"\b(?:retire\w*|pensions?|superannuation)\b", re.IGNORECASE)


def _shares_pay(text: str) -> bool:
    """Whether a text gives pay as a share of a rate, on a line neither it nor the heading
    above it says is of a pension."""
    heading = ""
    for line in text.splitlines():
        if _SHARE_OF_PAY.search(line) and not _NOT_PAY.search(f"{heading}\n{line}"):
            return True
        if line.strip() and not line.strip().startswith(("*", "•", "-")):
            heading = line  # the last line that is no item of a list
    return False


# The words that speak of pay, with or without a figure.
_PAY_STEMS = frozenset(
    stem(w)
    for w in "salary wage wages pay paid compensate compensated compensation stipend "
    "remuneration remunerated earn earnings".split()
)
# How many words on each side of an amount may say what it pays: "a $500 retention bonus".
_BESIDE_WORDS = 3
# The word after an amount that joins other pay to it: "plus overtime", "+ mileage".
_ADDED = re.compile(r"(?:^|\s)(?:plus|\+)\s", re.IGNORECASE)
# The words before a rate that say where the base rate starts or what it rises to.
_RATE_MOVES = re.compile(
    r"\b(?:increas\w*|rais\w*|ris\w*|start\w*|begin\w*)\s+(?:to|at)\s*$", re.IGNORECASE
)
# The words before a rate that say it is how the post is paid, whatever they call it: "This
# part-time position is compensated at an annual stipend of $500.00", "paid an allowance of".
_PAID_AS = re.compile(
    r"\b(?:compensated|remunerated|paid)\s+(?:(?:at|by|with|through|via|as)\s+)?(?:an?\s+)?"
    r"(?:[a-z-]+\s+)?(?:stipend|allowance|honorarium|retainer)\s+of\s+$",
    re.IGNORECASE,
)


def _pays_other_elements(line: str) -> bool:
    """Whether every amount of a line is named beside it as pay other than the base rate ("a
    $500 retention bonus and $200 for ..." is not what lifeguards earn an hour)."""
    others = pay_element_stems() - _BASE_WORDS - _POST_PAY
    amounts = list(MONEY_AMOUNT.finditer(line))

    def beside(match: re.Match[str]) -> set[str]:
        if _RATE_MOVES.search(line[: match.start()]) or _PAID_AS.search(line[: match.start()]):
            # "will start at $15.50 and increase to $16.20": the base rate, where it starts and
            # what it rises to; "compensated at an annual stipend of $500.00": the post's pay.
            return set()
        before = line[: match.start()].split()[-_BESIDE_WORDS:]
        # "$17.72/hour plus overtime paid at ...": what follows "plus" is pay besides it.
        after = _ADDED.split(line[match.end() :], maxsplit=1)[0].split()[:_BESIDE_WORDS]
        return stems(" ".join([*before, *after]))

    return bool(amounts) and all(beside(m) & others for m in amounts)


def period_word(period: str | None) -> str:
    from index.money import PERIOD_NAMES

    return PERIOD_NAMES.get(period or "", "")


def _own_places(chunk: Chunk) -> set[str]:
    """The places a passage's own place and its document's title name, in lower case."""
    place = chunk.jurisdiction or ""
    titled = find_jurisdictions(f"{place}. {chunk.doc_title}")
    return {place.lower(), *(p.lower() for p in titled)}


def _holds_a_place(own: set[str], places: Sequence[str]) -> bool:
    """Whether a document's places hold one of those asked, or a place that contains its name
    ("texas" in "state of texas")."""
    return any(p.lower() in own or any(p.lower() in o for o in own if o) for p in places)

"""Answers that are sentences, not a field's figure: the lines of the retrieved passages that
speak of what a question asks about its subject (duties, requirements, when or whether a rule
applies), and the lines that hold a code or amount the question gives ("which class is 6598?")."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from assistant.citations import CitationBook
from assistant.class_headings import ClassHeadings
from assistant.line_marks import heading_over
from assistant.line_subjects import (
    asks_requirement,
    only_notice,
    section_words,
    states_requirement,
)
from assistant.passage_layout import names_itself
from assistant.passages import stem, stems
from assistant.query import QueryAnalysis
from assistant.quotes import continued, grade_lead_in, quoted_under_owner, title_head
from assistant.reader import (
    MIN_COVERAGE,
    MIN_OWN_SENTENCE,
    PassageReader,
    Reading,
    question_level,
)
from assistant.reporting_lines import other_way_up, same_way_up
from assistant.row_keys import (
    has_row_key,
    row_keyed_in,
    row_keys,
    spans_asked,
    starts_with_key,
    writes_a_span,
)
from assistant.scope import value_label
from assistant.word_indexes import identifier_tokens, value_tokens
from index.cells import is_figure_row
from index.money import YEAR
from index.types import Chunk
from index.vocab import intents

# Lines quoted for one subject, and readings kept when they score nearly as well as the best.
MAX_LINES = 3
NEAR_BEST = 0.7
# What a line holding the words of what is asked ("work" of "what kind of work") adds to its
# score, and words that ask nothing of their own.
_ASKED_WEIGHT = 0.5
_VAGUE_WORDS = frozenset({"kind", "type", "sort", "thing", "things", "someone", "somebody"})
# The nouns that stand for the post asked about, never for what is asked of it ("the closing
# date for the harbour master job"; "the posts" may be what is asked: "how many posts?").
_POST_NOUNS = frozenset({stem("job"), stem("jobs")})
# How much of a list a lead-in that ends its passage is quoted with, from the next passages,
# and the bullets its items open with.
_LIST_REACH = 1200
_LIST_ITEM = re.compile(r"^\s*(?:[-–•*▪·]|\d{1,2}[.)])\s")


class TopicAnswers:
    """The reader's answers in sentences: what the passages say of a topic of a subject."""

    def __init__(
        self,
        reader: PassageReader,
        chunks_of: Callable[[str], Sequence[Chunk]],
        headings: ClassHeadings,
    ) -> None:
        self.reader = reader
        self._chunks_of = chunks_of  # a document's passages
        self.headings = headings
        self._labels_of: dict[tuple[str, str], bool] = {}

    def keyed(self, chunk: Chunk, text: str, keys: Sequence[tuple[str, str]]) -> bool:
        """Whether a line may answer for the grade keys a question names ("AU-4"): it names
        one, or its document's title does, or its document writes none of their labels with a
        value (it calls EL1 "Executive Level 1", so "EL1" cannot be looked for in it)."""
        if not keys or has_row_key(text, keys) or _titled_for(chunk.doc_title, keys):
            return True  # "Clerical Officer - Grade III": every line of it is Grade III's
        if row_keyed_in(chunk, keys, within=text):
            return True  # "I | 6-10 hrs/week | $2,200 ..." under "Tiers | ...", for Tier I
        return not any(self._writes_label(chunk.source, label) for label, _ in keys)

    def _lead_in(self, reading: Reading, keys: Sequence[tuple[str, str]]) -> str:
        """The lead-in line of the list a line is in (quotes.grade_lead_in), looked for in its
        passage and the passage before it: a list may begin a passage."""
        if not keys:
            return ""
        chunk = reading.chunk
        earlier = [c for c in self._chunks_of(chunk.source) if c.position == chunk.position - 1]
        start = chunk.text.find(reading.quote.split("\n")[0])
        above = "\n".join([*(c.text for c in earlier), chunk.text[: max(start, 0)]])
        return grade_lead_in(above, keys)

    def _under(self, reading: Reading, lead: str, subject: Sequence[str]) -> Reading:
        """A line of a list read with its lead-in: "b) Completed ... graduate degree" under
        "To qualify for GS-09, you must have:" speaks of qualifying as well."""
        if not lead:
            return reading
        own = stems(reading.quote)
        added = [s for s in subject if s in stems(lead) and s not in own]
        total = math.fsum(self.reader.rarity.weight(s) for s in subject)
        if not added or total <= 0:
            return reading
        share = math.fsum(self.reader.rarity.weight(s) for s in added) / total
        return replace(reading, coverage=min(1.0, reading.coverage + share))

    def _writes_label(self, source: str, label: str) -> bool:
        """Whether the document writes the label with a value ("AU-1"), once per document."""
        if (source, label) not in self._labels_of:
            # "AU-1", "MP-II": a number or a level's numeral after the label.
            written = re.compile(
                rf"(?<![\w-]){re.escape(label)}\s*[-–]?\s*(?:\d|[IVX]{{1,4}}(?![\w]))",
                re.IGNORECASE,
            )
            self._labels_of[source, label] = any(
                written.search(chunk.text) for chunk in self._chunks_of(source)
            )
        return self._labels_of[source, label]

    def answer(
        self, analysis: QueryAnalysis, chunks: list[Chunk], book: CitationBook, tokens: set[str]
    ) -> tuple[list[str], bool] | None:
        """(the lines that answer, False), or None when no line speaks of what is asked about
        the subject; with tokens (a code or amount the question gives), the lines that hold
        them."""
        subject = self.reader.subject(analysis.keywords, chunks)
        kinds = {k for i in analysis.intents for k in intents()[i].sections if i in intents()}
        asked_kind = [c for c in chunks if c.section_kind in kinds] if kinds else []
        # "What does X do?" of a posting with a job summary and no duties: the summary, read
        # alone (the lines elsewhere that speak of duties do not stand beside it).
        fallback = {k for i in analysis.intents if i in intents() for k in intents()[i].fallback}
        preferred = asked_kind or [c for c in chunks if c.section_kind in fallback]
        keys = row_keys(analysis.question)  # "APS 5" asked: a line of APS 6 does not answer
        # Outside the sections that answer it, a line answers "what qualifications..." only
        # when it speaks of them: the class's title line is not its qualifications.
        spoken = section_words(analysis.intents, strict=asks_requirement(analysis.intents))
        # The sections that answer it first, then every passage; a line elsewhere that speaks
        # of what is asked stands beside them ("There is no degree requirement for this
        # series" outside the qualifications table).
        # "What does Office Assistant II do?": not the lines of Office Assistant I. (What a
        # level requires may be experience at the level below: "One year as ... Level I".)
        level, level_of = question_level(analysis, subject, keys)
        level = None if asks_requirement(analysis.intents) else level
        # "What are the minimum qualifications for X?": outside a section of requirements, a
        # line answers only when it states one ("rates based on the applicant's
        # qualifications" does not).
        stated_only = asks_for_requirements(analysis)
        duties = "duties" in analysis.intents
        for pool in (preferred, chunks):
            readings = self.reader.read(
                subject, pool, None, level, with_owner=bool(tokens), level_of=level_of
            )
            if stated_only:
                # The notice a posting sets above its requirements requires nothing.
                readings = [r for r in readings if not only_notice(r.quote)]
            if pool is not preferred and spoken and not tokens:
                # Outside a section of requirements, a line answers what a class requires
                # only when it states one; outside a section of duties, an item of a list of
                # duties is one ("Reviews unit budget submissions ...;").
                readings = [
                    r
                    for r in readings
                    if (_speaks_of(r, spoken, subject) or (duties and tells_the_work(r.quote)))
                    and (not stated_only or states_requirement(continued(r).quote))
                ]
            elif not spoken and not tokens:
                # A question that names no section is answered by a line that holds a word
                # it asks with beyond the class and its document ("exempt" of "is the Line
                # Worker exempt under the FLSA?"), when it has such words.
                readings = [
                    r
                    for r in readings
                    if _speaks_of(r, spoken, subject) or not _asked_beyond(r, subject)
                ]
            elif pool is preferred and asked_kind and spoken and not tokens:
                others = [c for c in chunks if c not in preferred]
                readings += [
                    r
                    for r in self.reader.read(subject, others, None, level, level_of=level_of)
                    if spoken & stems(r.quote)
                    and (not stated_only or states_requirement(continued(r).quote))
                    # The heading of another section speaks of it only to name that section
                    # ("Job Standards (... needed to perform essential job functions)").
                    and not _heads_its_section(r)
                ]
            readings = [r for r in readings if not other_way_up(analysis.question, r.quote)]
            led = [(r, self._lead_in(r, keys)) for r in readings]
            readings = [
                self._under(r, lead, subject)
                for r, lead in led
                if self.keyed(r.chunk, f"{r.chunk.section}\n{lead}\n{r.quote}", keys)
                and not _another_row(r.quote, keys)
            ]
            # A code or amount the question names is found as written in the line, unless
            # the document's own title names it ("Class Code 523F"): then the question asks
            # something of that document, and its lines answer as any others do.
            found = _tightest([r for r in readings if tokens & value_tokens(r.quote)], tokens)
            # "the 2015 pay scale ... a basic salary of 9,700": the line holding the amount
            # answers, not one holding only the year that places the question.
            figures = {t for t in tokens if not YEAR.match(t)}
            found = [r for r in found if figures & value_tokens(r.quote)] or found
            titled = [r for r in readings if tokens and tokens <= _title_tokens(r.chunk)]
            good = [r for r in found if r not in titled] + [
                r
                for r in (titled if tokens else readings)
                if r.coverage >= MIN_COVERAGE and r.aspect >= MIN_OWN_SENTENCE
            ]
            lead_in = _duties_lead_in(good) if duties and not asked_kind else None
            if lead_in is not None:
                # "As a HYDROLOGIC TECHNICIAN ..., some of your specific duties will include:"
                # introduces the list of them: the list is the answer, not lines picked from it.
                return [quoted_under_owner(r, book) for r in self._with_list(lead_in)], False
            items = _headless_duties(good) if duties and not asked_kind else []
            # "What does X do?" of a posting that tells its reader the work ("In this role,
            # you'll help manage ..."): those sentences, in the document's order.
            items = items or (
                _addressed_duties(readings, good) if duties and not asked_kind else []
            )
            if items:  # "What does X do?" of a list of duties with no heading: its items
                return [quoted_under_owner(r, book) for r in items], False
            # "the minimum qualifications for the Mechanic" of a page of openings: the lines
            # under its heading, not the paramedic's.
            good = self.headings.under_subject(good, subject, figures=False)
            if good:
                # "5-9 yrs on license": of a list's rows keyed by spans, the one asked.
                spans = spans_asked(analysis.question)
                good = [r for r in good if writes_a_span(r.quote, spans)] or good
                # The lines of the section asked stay beside the line that writes the words
                # asked ("eligible candidates" above "Eligibility criteria: (a) a holder of
                # Degree in Law ...").
                # (A section of duties is quoted item by item below.)
                in_section = [r for r in good if r.chunk.section_kind in kinds and not duties]
                good = self._by_asked_words(good, analysis, subject)
                good += [r for r in in_section if r not in good]
                # The section of duties the best reading in one stands in (a summary's line
                # that speaks of the same work is no item of it).
                best = next((r for r in good if r.chunk.section_kind in kinds), good[0])
                listed = _section_items(best, readings) if duties and asked_kind else []
                if len(listed) > len(good):
                    # "What does X do?" of its section of duties: the section's items in their
                    # order, not the three lines that hold a stray word of the question.
                    return [quoted_under_owner(r, book) for r in listed], False
                # A row of the grade asked is its own line, and so is a row of figures; a
                # sentence runs on.
                whole = [
                    r
                    if starts_with_key(r.quote, keys)
                    or names_itself(r.quote)
                    or is_figure_row(r.quote)
                    else continued(r)
                    for r in good
                ]
                return [quoted_under_owner(r, book) for r in _once(whole)], False
            asks_section = pool is preferred and not tokens and not keys
            named = self._section_of_named(analysis) if asks_section else []
            if named:
                # "What do I need to apply for the X job?" of the posting the question names:
                # its section of what is asked ("About you:"), though its lines write none of
                # the question's words.
                return [quoted_under_owner(_whole_passage(c), book) for c in named], False
        return None

    def _section_of_named(self, analysis: QueryAnalysis) -> list[Chunk]:
        """The first passage of the section asked for (its kinds in the order the question's
        intents give them: certification before qualifications) in the one document the
        question names most, when none of its passages is known to be of a class (a posting
        whose title the catalog did not read); none otherwise."""
        named = analysis.naming.most_named() if analysis.naming else set()
        if len(named) != 1:
            return []
        passages = [c for c in self._chunks_of(next(iter(named))) if not c.classes]
        for kind in (k for i in analysis.intents if i in intents() for k in intents()[i].sections):
            first = next((c for c in passages if c.section_kind == kind), None)  # document order
            if first is not None:
                return [first]
        return []

    def _with_list(self, lead_in: Reading) -> list[Reading]:
        """A lead-in quoted with the list it introduces: in its passage, or, when the lead-in
        ends its passage, from the start of the passages after it, item by item, as far as a
        list is quoted (each passage's part quoted from it)."""
        whole = continued(lead_in)
        text = lead_in.chunk.text
        ends_passage = text[text.find(lead_in.quote) :].strip() == lead_in.quote.strip()
        if whole.quote != lead_in.quote or not ends_passage:
            return [whole]
        chunks = {c.position: c for c in self._chunks_of(lead_in.chunk.source)}
        parts, reach, position = [whole], _LIST_REACH, lead_in.chunk.position + 1
        while reach > 0 and position in chunks:
            chunk = chunks[position]
            paragraphs = [p.strip() for p in re.split(r"\n\s*\n", chunk.text) if p.strip()]
            items: list[str] = []
            for paragraph in paragraphs:
                first = not items and len(parts) == 1
                if not (first or _LIST_ITEM.match(paragraph)) or len(paragraph) > reach:
                    break
                items.append(paragraph)
                reach -= len(paragraph)
            if not items:
                break
            quote = chunk.text[: chunk.text.find(items[-1]) + len(items[-1])].strip()
            parts.append(Reading(chunk, quote, 0.0, 0.0, 0.0, False, 0))
            if len(items) < len(paragraphs):
                break
            position += 1
        return parts

    def _by_asked_words(
        self, readings: list[Reading], analysis: QueryAnalysis, subject: Sequence[str]
    ) -> list[Reading]:
        """The best readings, those holding the words of what is asked first: "what kind of
        work is X?" is answered by the line that speaks of work, not by X's title line."""
        # "the closing date for the harbour master job": "job" says what is asked of, as the
        # subject leaves it out.
        asked = {stem(k) for k in analysis.keywords} - set(subject) - _VAGUE_WORDS - _POST_NOUNS
        if not asked:
            # "Who does the Tay Municipal Clerk/Library CEO report to?": the words that do not
            # name the post or its place (its document's title, the classes its passages hold,
            # its jurisdiction) ask of it.
            named = {
                w
                for r in readings
                for name in (title_head(r.chunk.doc_title), r.chunk.jurisdiction or "")
                for w in stems(" ".join((name, *r.chunk.classes)))
            }
            asked = set(subject) - named - _VAGUE_WORDS
        # "Subordinates: ..." of "who does X supervise?": a label that states what is asked.
        stating = {
            stem(word)
            for name in analysis.intents
            if name in intents()
            for word in intents()[name].stated_by
        } - set(subject)

        def score(reading: Reading) -> float:
            # A line under a heading of what is asked ("Entry Requirement") speaks of it.
            own = stems(f"{reading.quote}\n{heading_over(reading.chunk.text, reading.quote)}")
            found = len(asked & own) / len(asked) if asked else 0.0
            # A value labelled with a word of the subject or one asked ("|Closing Date |..." of
            # "when does the competition close?", "HOURS: ..." of "what hours does X work?") is
            # what it asks, not a line naming its class.
            label = value_label(reading.quote)
            labelled = bool(label and stems(label) & (set(subject) | stating | asked))
            labelled = labelled or same_way_up(analysis.question, reading.quote)
            return reading.score + _ASKED_WEIGHT * (found + labelled)

        return near_best(readings, score)


_TEXT_QUESTION = re.compile(
    # The question may open with a clause of its own: "Under the 2003 code, can ...".
    r"^\s*(?:[^,?]{3,80},\s*)?"
    r"(?:(?:when|why|how long|how many|how often|who|whose|where|does|do|is|are|can|could|should)\b"
    # "How much wider is each grade", "how much experience": not "how much does X pay".
    r"|how much\s+(?!(?:does|do|did|is|are|was|were|will|would|could|can|has|have|had|pay"
    r"|paid|salary|money|per)\b))"
    r"|\bwhat\s+(?:defines|determines|decides|happens|counts|kind|type|sort|period|dates?)\b"
    # "What divisions make up the office?", "under which regulations is it set?", "how close
    # must the steps be?": a sentence names them.
    r"|\b(?:make|makes) up\b|\bconsists? of\b|\bcompris(?:e|es|ed)\b"
    r"|\b(?:under|by) (?:which|what)\b|\bhow (?:close|far|soon)\b"
    # "How are presidents' salaries set?", "how did the rate rise with experience?", "what
    # does a Scale Bar row mean?": how a figure comes about, or what a word means.
    r"|\bhow\b(?!\s+much\b)[^?]{0,80}\b(?:set|determined|calculated|worked out|decided|fixed"
    r"|progress(?:es|ed)?|rises?|rose|risen|advances?|advanced)\b"
    r"|\bwhat does\b[^?]{0,80}\bmean\b|\bwhat is meant by\b",
    re.IGNORECASE,
)


_BULLETED = re.compile(r"^\s*(?:[-•*]|\d{1,2}[.)])\s")
# A list of duties has this many items at least.
_LEAST_DUTY_ITEMS = 3
_MOST_DUTY_ITEMS = 20
# An item of a list of duties with no heading over it: a verb in the third person opens it
# and it ends as an item does ("Prepares draft budgets to delineate unit requests;").
# The mark that may open an item of a list: a bullet or a number ("- ", "3. ", "4) ").
_ITEM_MARK = r"^\s*(?:[-•*]\s*|\d{1,2}[.)]\s*)?"
_DUTY_ITEM = re.compile(
    rf"{_ITEM_MARK}(?P<verb>[A-Z][a-z]{{2,}}(?<![su])s)\s+(?:and\s+\w+s\s+)?[a-z][^\n]*[;.]\s*$"
)


def _whole_passage(chunk: Chunk) -> Reading:
    return Reading(chunk, chunk.text.strip(), 0.0, 0.0, 0.0, False, 0)


def _duties_lead_in(readings: list[Reading]) -> Reading | None:
    """The line among those read that leads into a list of duties: it ends with a colon and
    names them ("... your specific duties will include:"; not "... a benefits package that
    includes:", though it speaks of hard work); None when none does."""
    return next(
        (r for r in readings if r.quote.rstrip().endswith(":") and _DUTY_NOUNS & stems(r.quote)),
        None,
    )


_DUTY_NOUNS = frozenset(
    stem(w) for w in ("duties", "duty", "responsibilities", "tasks", "functions")
)


def _headless_duties(readings: list[Reading]) -> list[Reading]:
    """The items of a list of duties among the lines read, in the document's order, when the
    list lost its heading and its bullets (a bulleted list is ranked as any lines are); none
    when fewer than three items are found."""
    items = [r for r in readings if is_duty_item(r.quote) and not _BULLETED.match(r.quote)]
    if len(items) < _LEAST_DUTY_ITEMS:
        return []
    items.sort(key=lambda r: (r.chunk.source, r.chunk.position, r.chunk.text.find(r.quote)))
    return _once(items)[:_MOST_DUTY_ITEMS]


def _addressed_duties(readings: list[Reading], good: list[Reading]) -> list[Reading]:
    """The lines of the best reading's document that tell the reader the work they will do
    ("You'll also coordinate significant ceremonial events ..."), in its order; none when
    fewer than two do."""
    if not good:
        return []
    source = good[0].chunk.source
    told = [r for r in readings if r.chunk.source == source and _ADDRESSED.search(r.quote)]
    if len(told) < _LEAST_ADDRESSED:
        return []
    told.sort(key=lambda r: (r.chunk.position, r.chunk.text.find(r.quote)))
    return _once(told)[:_MOST_DUTY_ITEMS]


def tells_the_work(line: str) -> bool:
    """Whether a line is an item of a list of duties, or tells the reader the work they will
    do."""
    return is_duty_item(line) or bool(_ADDRESSED.search(line))


# "you'll help manage", "you will also coordinate": the work a posting tells its reader of.
_ADDRESSED = re.compile(r"\byou(?:'ll|’ll| will)\s+(?:also\s+|be\s+)?[a-z]+", re.IGNORECASE)
_LEAST_ADDRESSED = 2


def is_duty_item(line: str) -> bool:
    """Whether a line is an item of a list of duties: "Reviews unit budget submissions to
    determine adherence ...;" (not "Employees in this class receive ...": a plural noun is
    followed by a preposition, not by what it acts on)."""
    match = _DUTY_ITEM.match(line)
    if match is None:
        return False
    after = line[match.end("verb") :].split()
    return bool(after) and after[0].lower() not in _NOT_AFTER_A_VERB


_NOT_AFTER_A_VERB = frozenset(
    {"in", "of", "at", "on", "for", "from", "with", "to", "who", "which", "that", "are", "is",
     "were", "was", "will", "may", "must", "should", "can", "have", "has"}
)  # fmt: skip


def _speaks_of(reading: Reading, spoken: set[str], subject: Sequence[str]) -> bool:
    """Whether a line speaks of what is asked: a word naming the section asked for
    ("education"), or a word of the question that does not name the class or its document
    ("overtime" of "is the Accountant eligible for overtime?")."""
    own = stems(reading.quote)
    return bool(spoken & own) or bool(_asked_beyond(reading, subject) & own)


def _asked_beyond(reading: Reading, subject: Sequence[str]) -> set[str]:
    """The words of the question that name neither the class nor the document of a line."""
    return set(subject) - _context(reading.chunk) - {stem(w) for w in _VAGUE_WORDS}


def _context(chunk: Chunk) -> set[str]:
    """The stems of the words that name a passage's document, section, place and classes."""
    context = stems(f"{chunk.doc_title}\n{chunk.section}\n{chunk.jurisdiction or ''}")
    return context | {stem(w) for title in chunk.classes for w in title.split()}


def asks_about_text(analysis: QueryAnalysis) -> bool:
    """A question answered by a sentence rather than a figure: one about a section
    (requirements, duties) or one asking when, why, whether, how long."""
    sections = [i for i in analysis.intents if intents()[i].sections]
    return bool(sections) or asks_when_why_whether(analysis.question)


# The words that ask what a class requires by name; "need", "eligible" or "board" may ask
# anything ("what knowledge does X need?", "which local board ...").
_REQUIREMENTS_NAMED = re.compile(
    r"\b(?:qualifications?|quals|requirements?|education|degree|diploma|licen[cs]es?"
    r"|certifications?)\b",
    re.IGNORECASE,
)


def asks_for_requirements(analysis: QueryAnalysis) -> bool:
    """Whether a question asks what a class requires, by name ("what are the minimum
    qualifications", "what education does X require"), not whether a line says so."""
    named = _REQUIREMENTS_NAMED.search(analysis.question)
    return (
        asks_requirement(analysis.intents)
        and bool(named)
        and not (asks_when_why_whether(analysis.question))
    )


def asks_when_why_whether(question: str) -> bool:
    """A question asking when, why, whether, how long or how many, or what kind: one
    sentence answers it, not a whole section ("how many staff does X supervise?"). A claim
    to confirm that states no figure asks whether ("X is a permanent position, right?")."""
    claim = _CLAIM_TAG.search(question) and not re.search(r"\d", question)
    return bool(_TEXT_QUESTION.search(question) or claim)


# "..., right?", "..., isn't it?", "..., correct?": a statement put to be confirmed.
_CLAIM_TAG = re.compile(
    r"(?:,|\s)\s*(?:right|correct|true|isn'?t (?:it|that|she|he|there)|aren'?t they"
    r"|don'?t they|doesn'?t (?:it|she|he)|is that (?:right|so|correct))\s*\??\s*$",
    re.IGNORECASE,
)


def _once(readings: list[Reading]) -> list[Reading]:
    """The readings less repeats: a heading read above several passages, or a line that
    another quote of its document runs on past, is quoted once."""

    def repeats(n: int, reading: Reading) -> bool:
        return any(
            other.chunk.source == reading.chunk.source
            and reading.quote in other.quote
            and (len(other.quote) > len(reading.quote) or m < n)
            for m, other in enumerate(readings)
            if m != n
        )

    return [r for n, r in enumerate(readings) if not repeats(n, r)]


def _title_tokens(chunk: Chunk) -> set[str]:
    """The codes and figures a passage's document title and section name."""
    return identifier_tokens(f"{chunk.doc_title}\n{chunk.section}")


def _another_row(line: str, keys: Sequence[tuple[str, str]]) -> bool:
    """Whether a line heads the row of another grade than those asked ("HB-7 ... at HB-5")."""
    labels = [(label, r"\w+") for label, _ in keys]
    heads_a_row = starts_with_key(line, labels, literal=False)
    return bool(keys) and heads_a_row and not starts_with_key(line, keys)


def _tightest(readings: list[Reading], tokens: set[str]) -> list[Reading]:
    """The readings less those whose quote spans a listing entry from the same passage that
    holds the same codes asked: the entry that holds a code is its answer ("6598 Animal
    Disease Diagnostic Laboratory Director"), not a run of the list above it that reaches it."""
    held = {id(r): tokens & value_tokens(r.quote) for r in readings}
    return [
        r
        for r in readings
        if not any(
            o.chunk is r.chunk
            and names_itself(o.quote)
            and len(o.quote) < len(r.quote)
            and o.quote in r.quote
            and held[id(o)] >= held[id(r)]
            for o in readings
        )
    ]


def near_best(
    readings: list[Reading], score: Callable[[Reading], float] = lambda r: r.score
) -> list[Reading]:
    """The readings that score nearly as well as the best, best first (ties in their order)."""
    ranked = sorted(readings, key=score, reverse=True)
    best = score(ranked[0])
    return [r for r in ranked if score(r) >= best * NEAR_BEST][:MAX_LINES]


def _section_items(best: Reading, readings: list[Reading]) -> list[Reading]:
    """The lines of the section the best reading stands in, in their order, that begin an
    item (a capital or a bullet; a line in lower case continues the one above), the first
    few."""
    section = (best.chunk.source, best.chunk.section)
    lines = [
        r
        for r in readings
        if (r.chunk.source, r.chunk.section) == section
        and not _heads_its_section(r)
        and _ITEM_START.match(r.quote)
    ]
    lines.sort(key=lambda r: (r.chunk.position, r.chunk.text.find(r.quote)))
    return _once(lines)[:_MOST_SECTION_ITEMS]


def _heads_its_section(reading: Reading) -> bool:
    """Whether a reading is the heading of its passage's section, not a line under it."""
    return reading.quote.strip() == reading.chunk.section.strip()


# A section of duties quoted whole up to this many items: the rest are in the document.
_MOST_SECTION_ITEMS = 20
_ITEM_START = re.compile(rf"{_ITEM_MARK}[A-Z]")


def _titled_for(title: str, keys: Sequence[tuple[str, str]]) -> bool:
    """Whether a document's title names one of the keys as its only one of that label
    ("Clerical Officer - Grade III"; not "Grade Levels I and II", which names two)."""
    written = row_keys(title)
    return any(key in written and [k for k in written if k[0] == key[0]] == [key] for key in keys)

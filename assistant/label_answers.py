"""Answers read from a passage's labelled lines: the "Label: value" line a question names by
its label ("Hay Point Range: 225-270" for "what is the Hay point range ...?"), a posting's pay in
words, and a labelled count ("Total Post : 24" for "how many posts?")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.citations import CitationBook
from assistant.line_marks import extreme_asked, gives_other_end
from assistant.passage_layout import OTHER_PAY_UNIT
from assistant.passages import stem, stems
from assistant.query import STOPWORDS, QueryAnalysis
from assistant.quotes import quoted
from assistant.reader import PassageReader, Reading, levels_named, question_stems
from assistant.row_keys import MONEY_AMOUNT, other_step, row_keys, step_asked
from assistant.topic_answers import MAX_LINES
from assistant.word_indexes import asked_values, value_tokens
from index.levels import level_value
from index.money import CURRENCY_SIGNS, asked_period, periods_in
from index.types import Chunk

# A line that labels its value: "Hay Point Range: 225-270", "Bargaining Unit: BU-13".
_LABEL_LINE = re.compile(
    r"^[ \t]*(?:[A-Z0-9]{1,2}[.)][ \t]+|[-*\u2022\u2013][ \t]+)?"  # "C. PAYBAND LEVEL: I", "- "
    r"(?P<label>[A-Za-z][A-Za-z &/.-]{2,40}?)[ \t]*:[ \t]*(?P<value>\S[^\n]{0,120})$",
    re.M,
)
# A label alone on its line, its value on the line below ("Announcement Number:" / "CIP-GR18-01").
_LABEL_ABOVE = re.compile(
    r"^[ \t]*(?P<label>[A-Za-z][A-Za-z &/.-]{2,40}?)[ \t]*:[ \t]*\n[ \t]*"
    r"(?P<value>[^\s:][^\n:]{0,120})[ \t]*$",
    re.M,
)
# A label with no colon alone on its line, over one word with a figure, on the next line or
# past one blank line, as a job board prints its fields: "Control number" / "" / "555072500"
# (a heading in capitals over a row, "GENERAL SALARIES" / "GS1 ...", is no such label, nor a
# title over a line of its text: "Parks Maintenance" / "Competition No. 2024-23").
_LABEL_OVER = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]+)?(?P<label>[A-Z](?=[^\n]*[a-z])[A-Za-z &/.-]{2,40}?)[ \t]*\n"
    r"(?:[ \t]*\n)?[ \t]*(?P<value>(?=[^\s]*\d)[^\s:]{1,40})[ \t]*$",
    re.M,
)
# A pay label with no colon alone on its line, over its value in a few words, as a job board
# prints its fields: "Salary" / "" / "Depends On Qualifications".
_PAY_OVER = re.compile(
    r"^[ \t]*(?P<label>(?:Salary|Pay|Wages?|Compensation)(?: Range| Rate)?)[ \t]*\n"
    r"(?:[ \t]*\n)?[ \t]*(?P<value>[A-Z][A-Za-z'’-]*(?: [A-Za-z'’-]+){0,5})[ \t]*$",
    re.M | re.IGNORECASE,
)
# A form's label and its value with no colon between, the label in capitals or words each
# capitalised: "Pay Plan 12", "Salary Grade/Range 1".
_LABEL_BESIDE = re.compile(
    r"^[ \t]*(?P<label>[A-Z][A-Za-z]+(?:[ /][A-Z][A-Za-z]+){1,3})[ \t]+"
    r"(?P<value>[$£€]?\d[\w$.,/%-]*(?:[ \t]+[a-z]+)?)[ \t]*$",
    re.M,
)
_LABEL_WORDS = 2
# A "Label: value" quote read as one line is read this far.
_LABEL_LINE_CHARS = 160
# The stems of the words that say what is asked or label a field ("pay", "grade", "code").
_FIELD_STEMS = question_stems()
# "how many posts", "how many district judge vacancies did ...": the words after "how many",
# up to a verb.
_COUNT_ASKED = re.compile(
    r"\bhow many (?P<words>[a-z]+(?: (?!(?:are|is|was|were|do|does|did|can|could|must|will|would"
    r"|should|have|has|had|may|might|a|an|the|of|per|in|for|at|on|to|with)\b)[a-z]+){0,3})",
    re.IGNORECASE,
)
# A count as a label's value: "24".
_COUNT = re.compile(r"\s*\d{1,5}\s*")
# Words that ask for a count, not what is counted.
_COUNT_WORDS = frozenset({stem("many"), stem("much"), stem("number")})
# A figure (not a year) and the three words after it, which may be the noun counted: "72
# quarter credits", not "2013 District Judge".
_FIGURE_BEFORE = re.compile(r"\b(?!(?:19|20)\d\d\b)\d[\d,.]*\s+((?:[A-Za-z-]+\s+){0,2}[A-Za-z]+)")
# The nouns whose labelled number names a row or a class, not a count ("Pay Level: 3").
_KEY_NOUNS = frozenset(
    stem(w) for w in "level grade step band range class group tier point code scale".split()
)


class LabelAnswers:
    """Answers from the labelled lines of the passages read for a question."""

    def __init__(self, reader: PassageReader, chunks_of: Callable[[str], Sequence[Chunk]]) -> None:
        self.reader = reader
        self._chunks_of = chunks_of

    def answer_by_label(
        self,
        analysis: QueryAnalysis,
        chunks: list[Chunk],
        book: CitationBook,
        code_given: bool = False,
    ) -> tuple[list[str], bool] | None:
        """The lines the question names by their labels as the answer, their citations in
        place of the book's; None when there are none."""
        trial = CitationBook()
        labelled = self._labelled(analysis, chunks, trial, code_given)
        if not labelled:
            return None
        book.citations[:] = trial.citations
        return labelled, False

    def _labelled(
        self,
        analysis: QueryAnalysis,
        chunks: list[Chunk],
        book: CitationBook,
        code_given: bool = False,
    ) -> list[str]:
        """The "Label: value" lines whose label the question writes word for word (two words
        at least, "Hay Point Range", "Bargaining Unit"; of a class the question gives by its
        code, the label may be all its subject) and whose value holds a figure, in the
        documents that hold every word of the question's subject or that it names, titled with
        no other level than it asks ("Office Assistant 4" is not answered from Office Assistant
        5's specification)."""
        asked = stems(analysis.question)
        question = " ".join(re.findall(r"[a-z0-9]+", analysis.question.lower()))
        subject = self.reader.known_subject(
            self.reader.subject(analysis.keywords, chunks), analysis.jurisdictions
        )
        asked_levels = _levels_written(analysis.question)
        written = asked_values(analysis.question)
        found: list[str] = []
        named = analysis.naming.named if analysis.naming else {}
        own_words = () if code_given else subject
        period = asked_period(analysis.question)
        step = step_asked(analysis.question)
        extreme = extreme_asked(analysis.question) if "salary" in analysis.intents else None
        pay_in_words = (
            "salary" in analysis.intents
            and not analysis.amounts
            and asked_period(analysis.question) is None
            and not row_keys(analysis.question)  # "pay band X": a row of a table
        )
        for chunk in chunks:
            holds = set(subject) <= self.reader.document_stems(chunk.source)
            if not holds and chunk.source not in named:
                continue
            # The words naming the document may have left the subject: the question's own too.
            titled = levels_named(chunk.doc_title, sorted(asked | set(subject)))
            if titled and asked_levels and not titled & asked_levels:
                continue
            # A field's own label ("Class Code", "Reference Number") is read here only in the
            # standard of a class asked, or in a document with no class known that writes every
            # word of the subject, which the field reader found no line for.
            own = chunk.source in {r.source for r in analysis.classes} or (
                holds and self._classless(chunk.source)
            )
            for match in label_values(chunk.text):
                if other_step(match.group(0), step):
                    continue  # "Police Officer Step 2$70,220" when step 5 is asked
                figure = any(c.isdigit() for c in match.group("value"))
                # "Class Code: 100K" of "which category is class code 100K in?" repeats what
                # the question gives.
                given = value_tokens(match.group("value")) or {"-"}
                if given <= written:
                    continue
                label = match.group("label")
                # "What pay plan is X in?" of "Pay Plan: Career Service": a label the question
                # writes as it stands is answered by its value, a figure or words.
                phrased = figure or (
                    _writes_phrase(question, label)
                    and not _AMOUNT_LABEL.search(label)
                    and "$" not in match.group("value")  # "Salary Range: $Min - $Max"
                    # "Wildlife Biologist II: Antelope Island State Park" names the class asked
                    and any(level_value(w) is None for w in stems(label) - set(subject))
                )
                # "Moorings Aide II: $22.55 - $28.79" pays the class its label names; "-
                # Operator II: state Grade 2 ... certificate" is its item of another list.
                of_the_class = not names_more_than_the_class(label, own_words)
                paid = "salary" in analysis.intents and MONEY_AMOUNT.search(match["value"])
                by_label = (
                    phrased
                    and labelled_by(label, asked, own_words, fields_too=own)
                    and (not of_the_class or bool(paid))
                )
                # "Salary: National minimum wage will apply": a posting's pay in words is what
                # it says of the pay, when the question asks for no period and no figure.
                worded = own and pay_in_words and _pay_label(label) and _in_words(match["value"])
                # "Anticipated hourly: $ 24.4464" does not answer "the anticipated annual
                # salary": a line that names its period answers for that period only.
                periods = periods_in(match.group(0))
                other_period = period is not None and (
                    period not in periods if periods else bool(OTHER_PAY_UNIT.search(match[0]))
                )
                # "Salary Range: Starting salary $32,988.80" gives no top of the range.
                other_end = gives_other_end(extreme, match.group(0))
                if (by_label or worded) and not other_period and not other_end:
                    line = match.group(0).strip()
                    found.append(quoted(Reading(chunk, line, 0.0, 0.0, 0.0, True, 0), book))
        return list(dict.fromkeys(found))[:MAX_LINES]

    def counted(
        self, analysis: QueryAnalysis, chunks: list[Chunk], book: CitationBook
    ) -> tuple[list[str], bool] | None:
        """The labelled count that answers "how many posts?" ("Total Post : 24", "Number of
        Vacancies: 3"): the first line whose label names what is counted and whose value is a
        number; None when none does."""
        counted = _counted_noun(analysis.question)
        if not counted:
            return None
        for chunk in chunks:
            for match in label_values(chunk.text):
                if counted & stems(match.group("label")) and _COUNT.fullmatch(match["value"]):
                    line = match.group(0).strip()
                    return [quoted(Reading(chunk, line, 0.0, 0.0, 0.0, True, 0), book)], False
        return None

    def counted_in_lines(
        self,
        analysis: QueryAnalysis,
        chunks: list[Chunk],
        book: CitationBook,
        least_words: int = 1,
    ) -> tuple[list[str], bool] | None:
        """What answers "how many college credits ...?" when no reading does: the first line
        that counts the noun in figures ("Earn 72 quarter credits or 48 semester credits ...
        from an accredited college") and writes `least_words` other words the question asks
        with at least; None when none does."""
        counted = _counted_noun(analysis.question)
        if not counted:
            return None
        others = stems(" ".join(analysis.keywords)) - counted - _COUNT_WORDS
        for chunk in chunks:
            for line in chunk.text.splitlines():
                said = stems(line)
                if counted & said and len(others & said) >= least_words and _counts(line, counted):
                    reading = Reading(chunk, line.strip(), 0.0, 0.0, 0.0, True, 0)
                    return [quoted(reading, book)], False
        return None

    def _classless(self, source: str) -> bool:
        """Whether no passage of a document is known to be of a class (a posting whose title
        the catalog did not read): its labelled lines are of the document itself."""
        return not any(chunk.classes for chunk in self._chunks_of(source))


def _levels_written(question: str) -> set[int]:
    """The levels a question writes as words of their own ("office asistant 4", "II"): not
    years or codes."""
    words = re.findall(r"\b(?:\d{1,2}|[ivx]{2,5})\b", question.lower())
    values = (level_value(w) for w in words)
    return {v for v in values if v is not None}  # the shared table's levels, 1 to 20


def labelled_by(
    label: str, asked: set[str], subject: Sequence[str] = (), fields_too: bool = False
) -> bool:
    """Whether a line's label is written word for word by the question (`asked`, its stems):
    two words at least, one of them not the subject's own, and one no field's vocabulary
    holds ("Hay Point Range", "Payband Level"; a "Pay Grade" or "Class Code" line is the
    field reader's to judge), unless `fields_too` (the field reader found nothing)."""
    words = stems(label)
    named = len(words) >= _LABEL_WORDS and words <= asked
    return named and bool(words - set(subject)) and (fields_too or bool(words - _FIELD_STEMS))


def names_more_than_the_class(label: str, subject: Sequence[str]) -> bool:
    """Whether a label names something besides the class asked and its level: "Hay Point
    Range" does, "Operator II" ("- Operator II: state Grade 2 ... certificate", an item of
    the class asked in a list of licences) does not."""
    return any(level_value(w) is None for w in stems(label) - set(subject))


def label_values(text: str) -> list[re.Match[str]]:
    """The "Label: value" pairs of a passage, in its order: on one line, or the label alone on
    its line and the value on the next (with or without its colon), or a form's label and its
    figure with no colon ("Pay Plan 12")."""
    found = [*_LABEL_LINE.finditer(text), *_LABEL_ABOVE.finditer(text)]
    found += [*_LABEL_BESIDE.finditer(text), *_LABEL_OVER.finditer(text)]
    found += _PAY_OVER.finditer(text)
    return sorted(found, key=lambda match: match.start())


def states_pay_in_words(quote: str) -> bool:
    """Whether a quote is a pay label and the pay in words ("SALARY: £ (Dependent upon
    experience)", "Salary" over "Depends On Qualifications")."""
    return any(
        _pay_label(m.group("label")) and _in_words(m.group("value")) for m in label_values(quote)
    )


def _pay_label(label: str) -> bool:
    """Whether a label is a pay label alone ("Salary", "Pay Rate", "Wage"), no other field's."""
    words = label.lower().split()
    return bool(words) and all(w in _PAY_LABEL_WORDS for w in words)


def _in_words(value: str) -> bool:
    """Whether a value states the pay in words ("National minimum wage will apply",
    "Negotiable", "£ (Dependent upon experience)"): not a figure, a grade or a template ("II",
    "$Min - $Max"), nor a pointer to pay stated elsewhere or not yet ("Per WBR Salary
    Schedule", "To be determined")."""
    words = re.sub(rf"[{CURRENCY_SIGNS}](?!\s?\d)", " ", value).strip(" ()")
    # One word states the pay only as a term of it ("Negotiable"), not "Included", "Flexible".
    said = len(words.split()) > 1 or words.lower() in _PAY_TERMS
    template = re.search(rf"[{CURRENCY_SIGNS}]\s?[A-Za-z]", value)  # "$Min - $Max"
    return (
        said
        and not template
        and not re.search(rf"[\d{CURRENCY_SIGNS}]", words)
        and not _ELSEWHERE.match(words)
    )


# The words that state pay alone: how it is set, or that there is none.
_PAY_TERMS = frozenset({"negotiable", "competitive", "doe", "doq", "unpaid", "voluntary"})


# A pay value that points elsewhere or is not set yet.
_ELSEWHERE = re.compile(r"(?:as\s+)?(?:per|see|refer|according to|to be|tbd)\b", re.IGNORECASE)
_PAY_LABEL_WORDS = frozenset(("salary", "pay", "wage", "wages", "rate", "remuneration", "range"))


def labels_asked(quote: str, asked: set[str]) -> bool:
    """Whether a quote opens with a "Label: value" whose label the question writes word for
    word (two words at least, "Pay Range", "Salary Range"), its lines read as one ("PAY" /
    "RANGE: CP10-13-A" wrapped by a PDF)."""
    match = _LABEL_LINE.match(" ".join(quote.split())[:_LABEL_LINE_CHARS])
    if match is None or not re.search(r"\d", match.group("value")):
        return False  # "Leave Allowance: As provided by the University" gives no figure
    return labelled_by(match.group("label"), asked, fields_too=True)


def names_label(quote: str, asked: set[str], subject: Sequence[str]) -> bool:
    """Whether a line opens with a label the question writes word for word."""
    label = _LABEL_LINE.match(quote.strip().split("\n")[0])
    return label is not None and labelled_by(label.group("label"), asked, subject)


# A label of an amount ("Salary Range", "Hourly Rate"): its value in words is no answer.
_AMOUNT_LABEL = re.compile(
    r"\b(?:pay|salary|salaries|range|rate|wage|wages|scale|amount)\s*$", re.I
)


def _writes_phrase(question: str, label: str) -> bool:
    """Whether a question (its words, lower case, one space apart) writes a label's words in
    a row ("what pay plan is ..." of "Pay Plan")."""
    words = " ".join(re.findall(r"[a-z0-9]+", label.lower()))
    return bool(words) and f" {words} " in f" {question} "


def answers_a_label(lines: Sequence[str], question: str) -> bool:
    """Whether quoted answer lines hold a "Label: value" line the question names by its label
    ("Hay Point Range: 225-270" for "what is the Hay point range ...")."""
    asked = stems(question)
    return any(
        labelled_by(match.group("label"), asked)
        for line in lines
        for quote in re.findall(r'"([^"]+)"', line)
        for match in _LABEL_LINE.finditer(quote)
    )


def _counted_noun(question: str) -> set[str]:
    """The stem of what "how many" counts: its last word asked, "posts" of "how many posts are
    there", "vacancies" of "how many district judge vacancies did ..."; none for "how many pay
    levels" (no labelled level is a count of them) or a question that counts nothing."""
    asked = _COUNT_ASKED.search(question)
    nouns = [w for w in asked.group("words").split() if w not in STOPWORDS] if asked else []
    return {stem(nouns[-1])} - _KEY_NOUNS if nouns else set()


def _counts(line: str, counted: set[str]) -> bool:
    """Whether a line writes a figure before the noun counted ("72 quarter credits")."""
    return any(
        counted & {stem(w) for w in match.group(1).split()}
        for match in _FIGURE_BEFORE.finditer(line)
    )

"""Sentences about a class's figures (code, grade or group, salary range), each cited from the
line of the standard that states it: lookups, reverse lookups, amount checks, false premises."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal

from assistant.citations import CitationBook
from assistant.class_index import ClassIndex
from assistant.passage_layout import typical_for
from assistant.query import GIVEN_CODE, GRADE_PAY_COLUMN, QueryAnalysis
from assistant.retrieve import ChunkLibrary
from assistant.row_keys import row_keys
from index.money import (
    CURRENCY_SIGNS,
    ONE_AMOUNT,
    PERIOD_NAMES,
    SALARY_RANGE,
    article,
    asked_period,
    money_value,
    period_in,
)
from index.types import Chunk, ClassRecord

# "Which job has OCCU 9428?", "what class is number 2231": the class a code names is asked.
_CLASS_NOUN = r"(?:job|class|title|position|classification|occupation)s?\b"
_ASKS_WHICH_CLASS = re.compile(rf"\b(?:which|what)\b[^?]*\b{_CLASS_NOUN}", re.IGNORECASE)
# "which City of Downey clerical class", "what class": a class asked for, a few words apart.
_ASKS_CLASS_OF_GRADE = re.compile(
    rf"\b(?:which|what)\b(?P<between>(?:\s+[\w'’]+){{0,5}}?)\s+{_CLASS_NOUN}", re.IGNORECASE
)
_GRADE_HEADS = frozenset({"range", "grade", "group", "band"})
_PAY_WORDS = re.compile(
    r"\$|\b(?:salary|salaries|pay|paid|wages?|dollars?|earns?|earning|makes?|compensation)\b"
)
_PERMISSION = re.compile(r"^\s*(can|could|may|are we allowed|is it ok)\b", re.IGNORECASE)
_ASSERTION = re.compile(
    r"(\b(right|correct|true|isn't it|is that so)\W*$|^\s*given that\b)", re.IGNORECASE
)


# "What pay range is X in?", "which salary range": the range asked by name, not its dollars.
_RANGE_ASKED = re.compile(r"\b(?:which|what)\s+(?:pay\s+|salary\s+)?range\b", re.IGNORECASE)


class CatalogFacts:
    """Puts the catalog's figures into words, each with the [n] of the line that states it."""

    def __init__(self, library: ChunkLibrary, index: ClassIndex) -> None:
        self.library = library
        self.index = index

    def cite(self, record: ClassRecord, field: str, book: CitationBook) -> str:
        """The [n] marker of the line that states this field of the record ("[1] [2]" for a
        range whose two ends two lines state)."""
        evidence = (
            record.evidence_for(field)
            or record.evidence_for("title")
            or (record.evidence[0] if record.evidence else None)
        )
        if evidence is None:
            return ""
        cited = [evidence]
        # A range whose ends stand on two lines ("Minimum Basic Salary: Rs. 36400" / "Maximum
        # Basic Salary: Rs. 115700") cites both.
        top = record.salary_max if field == "salary" else None
        if top and evidence.field == "salary" and top not in evidence.quote:
            cited += [e for e in record.evidence if e.field == "salary" and top in e.quote][:1]
        return " ".join(
            book.cite_evidence(record, e, self.library.containing(record.source, e.quote))
            for e in cited
        )

    def _cited_apart(self, record: ClassRecord, book: CitationBook) -> str:
        """ " [n]" for the line that states a class's grade when its salary's line does not
        ("SERIES & GRADE: TR-0083-06" below "SALARY RANGE:"); "" when one line states both."""
        grade, salary = record.evidence_for("pay_grade"), record.evidence_for("salary")
        if grade is None or salary is None or grade.quote == salary.quote:
            return ""
        return f" {self.cite(record, 'pay_grade', book)}"

    def _passage_stating(self, record: ClassRecord, text: str | None) -> Chunk | None:
        """The passage about this class that states the text ("supervisory level"), if any."""
        if not text:
            return None
        return next(
            (
                c
                for c in self.library.of_source(record.source)
                if record.title in c.classes and text in c.text
            ),
            None,
        )

    def summary_sentence(self, record: ClassRecord, book: CitationBook) -> str:
        return f"{label(record)}: {self.facts(record, book)}."

    def facts(self, record: ClassRecord, book: CitationBook) -> str:
        """ "class code 4008, Salary Group A12, salary range $30,840 - $46,798 [1]"

        Each fact is cited from the line that states it; facts from one line share a marker.
        """
        facts: list[tuple[str, str]] = []  # (text, its [n] marker)
        if record.code:
            facts.append((f"class code {record.code}", self.cite(record, "code", book)))
        grade_row = ""
        if record.pay_text:
            grade_row = _short_row(record)
            quoted = f'{record.pay_text} ("{grade_row}")' if grade_row else record.pay_text
            if grade_row and _glued_grade(record, grade_row):
                quoted = f'the grade its row gives ("{grade_row}")'
            facts.append((quoted, self.cite(record, "pay_grade", book)))
        if record.salary_text:
            period = f"{PERIOD_NAMES[record.salary_period]} " if record.salary_period else ""
            written = _range_as_written(record)
            # One row that states both is shown once: "Pay Level 106 ("PAY LEVEL: 106
            # ($47,305.74 - $85,150.33)"), salary range $47,305.74 - $85,150.33".
            row = _salary_row(record, written)
            row = "" if row == grade_row else row
            shown = f'{written} ("{row}")' if row else written
            salary = f"{period}salary range {shown}"
            facts.append((salary, self.cite(record, "salary", book)))
        elif record.code or record.pay_text:
            row = _unread_row(record)
            unread = f'; its row: "{row}"' if row else ""
            facts.append((f"no salary amount given{unread}", self.cite(record, "title", book)))
        else:  # a class known by its labelled title alone ("Classification Title: ...")
            facts.append(
                ("its title, with no code, grade or salary", self.cite(record, "title", book))
            )
        label_passage = self._passage_stating(record, record.level_label)
        if record.level_label and label_passage:
            facts.append((record.level_label, book.cite_chunk(label_passage)))
        parts: list[str] = []
        markers = [marker for _, marker in facts]
        for index, (text, _) in enumerate(facts):
            last_of_group = index + 1 == len(facts) or markers[index + 1] != markers[index]
            parts.append(f"{text} {markers[index]}".rstrip() if last_of_group else text)
        return ", ".join(parts)

    def catalog_sentence(
        self, record: ClassRecord, intent: str, analysis: QueryAnalysis, book: CitationBook
    ) -> tuple[str, bool]:
        name = label(record)
        if intent == "salary":
            return self.salary_sentence(record, analysis, book)
        if intent == "pay_grade":
            if record.pay_grade and _same_grade(record.title, record.pay_grade):
                # A row of a grade table read as a class ("PSS 4" of "GRADE PSS 4"): its
                # grade is its name, and no class title is in it.
                cite = self.cite(record, "pay_grade", book)
                return f"The standard lists {name} as a grade, naming no class in it {cite}.", False
            if record.pay_text:
                cite = self.cite(record, "pay_grade", book)
                also = self._also_graded(record, book)
                row = _short_row(record)
                evidence = record.evidence_for("pay_grade")
                graded = " ".join(evidence.quote.split()) if evidence else ""
                if not row and len(graded) <= _SHORT_ROW and _glued_grade(record, graded):
                    row = graded  # "Salary Grade09": a form's label run into its grade
                restated = (record.pay_text or "").lower() not in graded.lower()
                if not row and graded and len(graded) <= _SHORT_ROW and restated:
                    row = graded  # "Grade: 07" is not written "Grade 07": the line is quoted
                if row and _glued_grade(record, row):
                    # "Graphic Designer4": the row is quoted; its grade is not restated apart.
                    return f'{name} is assigned to the grade its row gives: "{row}" {cite}.', True
                grade = f'{record.pay_text}: "{row}"' if row else record.pay_text
                return f"{name} is assigned to {grade} {cite}.{also}", True
            return self._not_given("a grade or salary group", record, book), False
        if intent == "code":
            if record.code:
                cite = self.cite(record, "code", book)
                return f"The class code of {name} is {record.code} {cite}.", True
            return self._not_given("a class code", record, book), False
        return self.summary_sentence(record, book), True

    def _also_graded(self, record: ClassRecord, book: CitationBook) -> str:
        """' The standard also lists it on another line: "Building Inspector 24 ..." [2].': a
        line of the same standard that gives the class another grade (a part-time list beside
        the full-time one) is said too, not left out."""
        grade = re.compile(rf"(?<![\w.]){re.escape(record.pay_grade or '')}(?![\w.])")
        others = [
            e for e in record.evidence if e.field == "pay_grade" and not grade.search(e.quote)
        ]
        quoted = [
            f'"{" ".join(e.quote.split())}" '
            + book.cite_evidence(record, e, self.library.containing(record.source, e.quote))
            for e in others
        ]
        return (
            f" The standard also lists it on another line: {'; '.join(quoted)}." if quoted else ""
        )

    def _not_given(self, what: str, record: ClassRecord, book: CitationBook) -> str:
        """ "The sources do not give a class code for X. For this class they give: ..." """
        missing = f"The sources do not give {what} for {label(record)}."
        if not (record.code or record.pay_text or record.salary_text):
            return missing
        return f"{missing} For this class they give: {self.facts(record, book)}."

    def salary_sentence(
        self, record: ClassRecord, analysis: QueryAnalysis, book: CitationBook
    ) -> tuple[str, bool]:
        name = label(record)
        if not record.salary_text and record.pay_text and _RANGE_ASKED.search(analysis.question):
            # "What pay range is X in?" of a standard that numbers its ranges ("Pay Range 9"):
            # the range it gives is the answer; no dollars are claimed.
            cite = self.cite(record, "pay_grade", book)
            return f"{name} is on {record.pay_text} {cite}; the standard gives no amounts.", True
        if not record.salary_text:
            # What the class does have, as a reader would want next; facts from one line
            # share its marker.
            facts = []
            if record.pay_text:
                facts.append(
                    (f"lists it at {record.pay_text}", self.cite(record, "pay_grade", book))
                )
            if record.code:
                facts.append(
                    (f"gives its class code {record.code}", self.cite(record, "code", book))
                )
            if len(facts) == 2 and facts[0][1] == facts[1][1]:
                facts = [(f"{facts[0][0]} and {facts[1][0]}", facts[0][1])]
            said = " and ".join(f"{text} {marker}".rstrip() for text, marker in facts)
            partial = f" The standard {said}." if facts else ""
            return f"The sources do not give a salary amount for {name}.{partial}", False
        cite = self.cite(record, "salary", book)
        asked = asked_period(analysis.question)
        record = in_period_asked(record, analysis.question)
        if asked and record.salary_period and record.salary_period != asked:
            evidence = record.evidence_for("salary")
            if evidence is not None and _written_per(evidence.quote, asked):
                # "$53,400 annually ($25.67/hour, overtime $38.50/hour)": the line gives the
                # rate asked beside the class's own; quoted whole, the reader sees which is which.
                return (
                    f"The line that gives the pay of {name} states {article(PERIOD_NAMES[asked])} "
                    f'{PERIOD_NAMES[asked]} rate too: "{evidence.quote}" {cite}.'
                ), True
            given = PERIOD_NAMES[record.salary_period]
            return (
                f"The sources do not give {article(PERIOD_NAMES[asked])} {PERIOD_NAMES[asked]} "
                f"salary for {name}; they give {article(given)} {given} {_pay_noun(record)} of "
                f"{_range_as_written(record)} {cite}."
            ), False
        unlikely = bool(asked) and not typical_for(asked or "", record.salary_text or "")
        if asked and not record.salary_period and unlikely:
            # "$45,672 - $82,332" with no period named is no hourly rate, nor a biweekly one.
            return (
                f"The sources do not give {article(PERIOD_NAMES[asked])} {PERIOD_NAMES[asked]} "
                f"salary for {name}; they give a {_pay_noun(record)} of "
                f"{_range_as_written(record)} {cite}, "
                "without saying for what period."
            ), False
        checks = [self.amount_check(record, amount, analysis, cite) for amount in analysis.amounts]
        if checks:
            return " ".join(checks), True
        question = analysis.question.lower()
        # The grade beside the range, cited apart when another line states it.
        apart = self._cited_apart(record, book) if record.pay_text else ""
        pay = f", {record.pay_text}{apart}" if record.pay_text else ""
        # The period as the source states it: a monthly column is not a yearly salary.
        period = f"{PERIOD_NAMES[record.salary_period]} " if record.salary_period else ""
        if not (record.salary_min and record.salary_max):
            # One figure is no range, nor its minimum or maximum: its line says what it is.
            evidence = record.evidence_for("salary")
            if evidence is None:
                return f"The sources give {record.salary_text} as the pay of {name} {cite}.", True
            line = f'"{_as_shown(evidence.quote)}" {cite}'
            alone = len(_rates_of_period(evidence.quote, record.salary_period)) == 1
            unsaid = _MAX_ASKED.search(question) and not _MAX_ASKED.search(evidence.quote)
            if alone and unsaid:
                # "the maximum hourly rate" of "Starting for Maintenance IV – $18.19"
                return f"The sources give one rate for {name}{pay}, no maximum: {line}.", False
            if unsaid and re.search(r"\bmid", evidence.quote, re.IGNORECASE):
                # "$20.04/hr. minimum - $24.55/hr. mid": a minimum and a midpoint, no top.
                return f"The sources give no maximum for {name}{pay}: {line}.", False
            return f"The sources state the pay of {name}{pay} in this line: {line}.", True
        column = column_asked(record, analysis.question)
        if column:
            return (
                f"{column[0]} for {name} is {column[1]} ({period}salary range "
                f"{record.salary_text}{pay}) {cite}."
            ), True
        written = _range_as_written(record)
        # "• Minimum: $25.34 per hour" and "• Maximum: $33.08 per hour": each end on its line.
        low, high = _ends_apart(record) or ("", "")
        # "min and max" asks for the range, one end alone for that end.
        asks_max, asks_min = bool(_MAX_ASKED.search(question)), bool(_MIN_ASKED.search(question))
        if asks_max and not asks_min:
            line = f': "{high}"' if high else ""
            return (
                f"The maximum {period}salary for {name} is {record.salary_max} (salary range "
                f"{written}{pay}) {cite}{line}."
            ), True
        if asks_min and not asks_max:
            line = f': "{low}"' if low else ""
            return (
                f"The minimum (starting) {period}salary for {name} is {record.salary_min} "
                f"(salary range {written}{pay}) {cite}{line}."
            ), True
        row = _salary_row(record, written)
        said = f': "{row}"' if row else _other_periods(record)
        if not row and low:
            said = f': "{low}"; "{high}"'
        if apart:  # each figure with the line that states it: "... / Per Year [1], Grade 6 [2]"
            return f"The {period}salary range for {name} is {written} {cite}{pay}{said}.", True
        return (
            f"The {period}salary range for {name} is {written}{pay} {cite}{said}.",
            True,
        )

    def amount_check(
        self, record: ClassRecord, amount: str, analysis: QueryAnalysis, cite: str
    ) -> str:
        """ "Can we hire a CPSS II at $47,500?" -> "No. $47,500 is above the maximum ..."

        "Yes"/"No" only answer a question of permission ("can we hire at ..."); a statement
        to confirm ("tops out at $69,800, right?") that the source contradicts is corrected.
        """
        value = money_value(amount)
        low, high = money_value(record.salary_min or ""), money_value(record.salary_max or "")
        shown = _shown(amount, record.salary_min or "")
        permission = bool(_PERMISSION.match(analysis.question))
        assertion = bool(_ASSERTION.search(analysis.question))
        if value is not None and low is not None and not record.salary_max:
            return self._rate_check(record, value, shown, cite, permission or assertion)
        if value is None or low is None or high is None:
            return f"The salary range for {label(record)} is {record.salary_text} {cite}."
        if low <= value <= high:
            prefix = "Yes. " if permission or (assertion and value in (low, high)) else ""
            place = {high: "the maximum of", low: "the minimum of"}.get(value, "within")
            return (
                f"{prefix}{shown} is {place} the salary range for {label(record)}, "
                f"{record.salary_text} {cite}."
            )
        prefix = "No. " if permission else "Correction: " if assertion else ""
        side = "above the maximum" if value > high else "below the minimum"
        return (
            f"{prefix}{shown} is {side} of the salary range for {label(record)}, "
            f"{record.salary_text} {cite}."
        )

    def _rate_check(
        self, record: ClassRecord, value: Decimal, shown: str, cite: str, answers_yes: bool
    ) -> str:
        """An amount against a class's one rate: its pay (its row shown when it names the
        rate, "CO V | 91+ | $2,982.02"), or not, with the rate it has."""
        low = money_value(record.salary_min or "")
        if value == low:
            evidence = record.evidence_for("salary")
            row = f': "{_as_shown(evidence.quote)}"' if evidence and record.pay_columns else ""
            prefix = "Yes. " if answers_yes else ""
            return f"{prefix}{shown} is the pay of {label(record)} {cite}{row}."
        prefix = "No. " if answers_yes else ""
        return f"{prefix}{shown} is not the pay of {label(record)}, {record.salary_min} {cite}."

    def premise_check(
        self, record: ClassRecord, analysis: QueryAnalysis, book: CitationBook
    ) -> str | None:
        """Correct a false premise: "given that CPS 1 is grade 12" when the source says 11."""
        if not analysis.claimed_grades or not record.pay_grade:
            return None
        if any(_same_grade(g, record.pay_grade) for g in analysis.claimed_grades):
            return None
        # The line itself, quoted: what the user can check against the premise.
        evidence = record.evidence_for("pay_grade")
        line = " ".join(evidence.quote.split()) if evidence else ""
        quote = f': "{line}"' if line and line != record.pay_text else ""
        return (
            f"Correction: the standard lists {label(record)} at {record.pay_text}, not "
            f"{', '.join(analysis.claimed_grades)}{quote} {self.cite(record, 'pay_grade', book)}."
        )

    def classes_in_grades(self, analysis: QueryAnalysis) -> list[ClassRecord]:
        """ "GS-5 requirements", "salary range for grade A12": the classes in those grades.

        A question that only asks which classes a grade holds stays a listing."""
        asks = set(analysis.intents) - {"list", "pay_grade"}
        if not analysis.pay_grades or not asks:
            return []
        return [r for g in analysis.pay_grades for r in self.index.by_pay_grade(g)]

    def reverse_lookup(
        self,
        analysis: QueryAnalysis,
        book: CitationBook,
        fits: Callable[[ClassRecord], bool] = lambda record: True,
    ) -> tuple[list[str], list[ClassRecord]]:
        """ "Which classes are in group A12?", "which class starts at $30,840?": the lines
        that answer, and the classes they name (those that `fits` lets answer)."""
        lines: list[str] = []
        found: list[ClassRecord] = []
        keys = row_keys(analysis.question)
        for grade in analysis.pay_grades:
            records = [
                r
                for r in self.index.by_pay_grade(grade)
                if _asked_of(r, analysis) and _fits_keys(r, grade, keys) and fits(r)
            ]
            found += records
            listed = "; ".join(
                f"{label(r)} {self.cite(r, 'pay_grade', book)}"
                + (f", class code {r.code} {self.cite(r, 'code', book)}" if r.code else "")
                for r in records
            )
            if records:
                lines.append(f"{records[0].pay_label or 'Grade'} {grade} holds: {listed}.")
        for amount in analysis.amounts:
            records = [r for r in self.index.by_amount(amount) if _asked_of(r, analysis)]
            found += records
            for record in records:
                if not record.salary_max:  # one rate, no range: "Junior Engineer - $29.49"
                    cite = self.cite(record, "salary", book)
                    evidence = record.evidence_for("salary")
                    # A row that names its rate ("CO V | 91+ | $2,982.02") is shown whole.
                    row = (
                        f': "{_as_shown(evidence.quote)}"'
                        if evidence and record.pay_columns
                        else ""
                    )
                    lines.append(f"{record.salary_min} is the pay of {label(record)} {cite}{row}.")
                    continue
                end = (
                    "minimum"
                    if money_value(record.salary_min or "") == money_value(amount)
                    else "maximum"
                )
                lines.append(
                    f"{record.salary_min if end == 'minimum' else record.salary_max} "
                    f"is the {end} of the salary range for {label(record)}: "
                    f"{self._range_with_code(record, book)}."
                )
            if not records:
                lines += self.ranges_containing(amount, book, analysis)
        return lines, found

    def named_by_code(
        self, records: Sequence[ClassRecord], analysis: QueryAnalysis, book: CitationBook
    ) -> list[str] | None:
        """ "Which job has OCCU 9428?": each class the question's codes name, with the line
        that gives its code quoted; None unless the question asks only which class."""
        if not analysis.codes or not _ASKS_WHICH_CLASS.search(analysis.question):
            return None
        if GIVEN_CODE.search(analysis.question):
            return None  # "the Library Technician (class code 2618)" says which class it asks of
        if any(i != "code" for i in analysis.intents):  # "number 2231" gives the code
            return None
        named = [r for r in records if r.code in analysis.codes]
        if not named or len(named) != len(records):
            return None
        return [self._named_by(r, "code", f"Class code {r.code}", book) for r in named]

    def named_by_grade(
        self, records: Sequence[ClassRecord], analysis: QueryAnalysis, book: CitationBook
    ) -> list[str] | None:
        """ "downey range 19 - what class": each class of the grade the question names, with
        the line that gives its grade quoted; None unless the question asks only which class
        (not "what salary does a class in range 17 get")."""
        asked = _ASKS_CLASS_OF_GRADE.search(analysis.question)
        if not analysis.pay_grades or not asked or _PAY_WORDS.search(asked.group("between")):
            return None
        named = [r for r in records if r.pay_grade in analysis.pay_grades and r.pay_text]
        if not named or len(named) != len(records):
            return None
        return [self._named_by(r, "pay_grade", str(r.pay_text), book) for r in named]

    def _named_by(self, record: ClassRecord, field: str, given: str, book: CitationBook) -> str:
        """'Class code 9428 is X: "<the line that gives it>" [1].': the class a code or grade
        names, with the line of the field quoted."""
        evidence = record.evidence_for(field)
        quote = f': "{" ".join(evidence.quote.split())}"' if evidence else ""
        return f"{given} is {label(record)}{quote} {self.cite(record, field, book)}".rstrip() + "."

    def _range_with_code(self, record: ClassRecord, book: CitationBook) -> str:
        """ "$35,976 - $55,045, Pay Group A15, class code 9044 [1]": which class the amount is
        of, its code included, each fact cited (once when one line states them all)."""
        pay = ", ".join(filter(None, [record.salary_text, record.pay_text]))
        salary = self.cite(record, "salary", book)
        if not record.code:
            return f"{pay} {salary}".rstrip()
        code = self.cite(record, "code", book)
        if code == salary:
            return f"{pay}, class code {record.code} {code}".rstrip()
        return f"{pay} {salary}, class code {record.code} {code}".rstrip()

    def ranges_containing(
        self, amount: str, book: CitationBook, analysis: QueryAnalysis | None = None
    ) -> list[str]:
        """The classes whose range holds the amount, of the places and documents the question
        names (any, without a question)."""
        value = money_value(amount)
        inside = [
            r
            for r in self.index.records
            if value is not None
            and (analysis is None or _asked_of(r, analysis))
            and r.salary_text
            and (money_value(r.salary_min or "") or 0)
            <= value
            <= (money_value(r.salary_max or "") or 0)
        ]
        scoped = analysis and (
            analysis.jurisdictions or (analysis.naming and analysis.naming.named)
        )
        if not inside and scoped:
            return []  # none here from the places named: the passages may still state it
        if not inside:
            return [f"No class in the indexed standards has a salary range that includes {amount}."]
        return [
            f"{_shown(amount, r.salary_min or '')} is within the salary range for {label(r)}, "
            f"{r.salary_text} "
            f"{self.cite(r, 'salary', book)}."
            for r in inside
        ]


# A line this short states one class's grade alone ("Executive Secretary 17"): it is quoted.
_SHORT_ROW = 60
# A pay line is quoted beside its range up to this long: what it says of the range ("(based on
# average 37.5 hr/week) inclusive of shift allowances") takes more words than a row's cells.
_SHORT_PAY_LINE = 100
# A question, or a line, that speaks of the top of a range.
_MAX_ASKED = re.compile(r"\b(max|maximum|top|most|highest|ceiling)\b", re.IGNORECASE)
_MIN_ASKED = re.compile(r"\b(min|minimum|start|starting|starts|lowest|least|entry)\b")


def _rates_of_period(line: str, period: str | None) -> list[str]:
    """The amounts of a line, less those a period word after them gives as pay of another
    period than the class's: "$53,400 annually ($25.67/hour, overtime $38.50/hour)" gives one
    yearly rate, "$13.00/hr - Training Rate ... $15.36/hr" two hourly ones."""
    amounts = []
    for match in ONE_AMOUNT.finditer(line):
        own = period_in(line[match.end() : match.end() + _PERIOD_REACH])
        if period is None or own in (None, period):
            amounts.append(match.group(0))
    return amounts


def _written_per(line: str, period: str) -> list[str]:
    """The amounts of a line that a period word after them gives as pay of this period."""
    return [
        m.group(0)
        for m in ONE_AMOUNT.finditer(line)
        if period_in(line[m.end() : m.end() + _PERIOD_REACH]) == period
    ]


# How far after an amount a period word says what it pays: "$25.67/hour", " annually".
_PERIOD_REACH = 12


def _as_shown(quote: str) -> str:
    """A quoted line as its citation shows it: a table's cells apart by " | ", not tabs."""
    return quote.replace("\t", " | ")


def _pay_noun(record: ClassRecord) -> str:
    """What a class's pay is: a range, or one rate."""
    return "range" if record.salary_min and record.salary_max else "rate"


def _range_as_written(record: ClassRecord) -> str:
    """A class's salary range as its line writes it, with the period words that follow it
    ("$5317 to $7481 per month", "$20.75 – $28.05 Hourly"): the reader sees the source's own
    figures and words; the catalog's form ("$5317 - $7481") when the line holds no such range."""
    evidence = record.evidence_for("salary")
    if evidence is None or not (record.salary_min and record.salary_max):
        return record.salary_text or ""
    wanted = (money_value(record.salary_min), money_value(record.salary_max))
    spans = [
        m.span()
        for m in SALARY_RANGE.finditer(evidence.quote)
        if (money_value(m.group("min")), money_value(m.group("max"))) == wanted
    ]
    # "Salary range $34,490 $58,143 (A04)", "4,235.52 – 4,235.52 (Monthly)": the two figures
    # with only spaces, or a dash, between them.
    low = evidence.quote.find(record.salary_min)
    high = evidence.quote.find(record.salary_max, low + len(record.salary_min))
    between = evidence.quote[low + len(record.salary_min) : high]
    # Two cells of a table's row ("1 £76,000 £117,800" under "Minimum Maximum") are no range
    # written: the catalog's form says it.
    cells = bool(record.pay_columns) and not between.strip()
    if not spans and low >= 0 and high > low and _JOINED_BY.fullmatch(between) and not cells:
        spans = [(low, high + len(record.salary_max))]
    if not spans:
        return record.salary_text or ""
    start, end = spans[0]
    period = _PERIOD_AFTER.match(evidence.quote, end)
    end = period.end() if period else end
    terms = _TERMS_AFTER.match(evidence.quote, end)  # "$45,000-$53,000 DOE"
    return " ".join(evidence.quote[start : terms.end() if terms else end].split())


# What may join a range's two figures written without a currency: spaces, a dash, "to".
_JOINED_BY = re.compile(r"\s*(?:[-–—]|to)?\s*")


# The period words that may follow a range: "per month", "Hourly", "/hr", "/ Per Year", "a
# year", "p.a.", "(Monthly)", "pro rata, per annum". Nothing else: "$73,939.00 to $96,116.00
# Grade 11" keeps no "Grade".
_PERIOD_AFTER = re.compile(
    r"\s*(?:pro[- ]rata,?\s*)?"
    r"(?:(?:per|a|an|/)\s*(?:per\s+)?(?:hour|hr|day|month|mo|year|yr|annum|week|wk)\b"
    r"|p\.\s?a\.|p\.\s?h\.|\((?:hourly|daily|monthly|annually|yearly|weekly|bi-?weekly)\)"
    r"|(?:hourly|daily|monthly|annually|yearly|weekly|bi-?weekly)\b)",
    re.IGNORECASE,
)


# The terms a range may be written with after it: "DOE", "DOQ" (depending on experience, on
# qualifications), which say where in the range a hire starts.
_TERMS_AFTER = re.compile(r"\s*(?:DOE|DOQ|D\.O\.[EQ]\.?)(?!\w)")


def _other_periods(record: ClassRecord) -> str:
    """The ranges its row gives for other periods than the class's, as columns named by their
    period ("Monthly", "Salary (yearly)"): "; monthly $2,814.88 - $3,941.52, yearly ..."."""
    ranges = [
        f"{PERIOD_NAMES[period]} {amount}"
        for name, amount in record.pay_columns
        if (period := period_in(name)) and period != record.salary_period
        and SALARY_RANGE.search(amount)
    ]  # fmt: skip
    return f"; {', '.join(ranges)}" if ranges else ""


def _salary_row(record: ClassRecord, written: str) -> str:
    """The short line a class's salary range comes from, when it says more of the pay than its
    label, range (`written`, as _range_as_written gives it) and period ("Salary: $93,784 -
    $98,967 plus superannuation"); else ""."""
    evidence = record.evidence_for("salary")
    quote = " ".join(evidence.quote.split()) if evidence else ""
    # A line of two rates, each with its condition ("$23.10 Per Hour With CDL/$18.48 Per Hour
    # Without CDL"), is shown whole though it is long: one rate alone would hide the other.
    stated = 2 if record.salary_max and record.salary_max != record.salary_min else 1
    more = len(ONE_AMOUNT.findall(quote)) > stated
    if not quote or not record.salary_text:
        return ""
    rest = quote.lower().replace(written.lower(), " ")
    rest = rest.replace(record.salary_text.lower(), " ")
    for said in (record.title, record.pay_text, *_RANGE_WORDS):
        rest = re.sub(rf"\b{re.escape(said.lower())}\b", " ", rest) if said else rest
    # Words, or a code ("(A04)": the range's code beside it); words of the pay may take more
    # room than a row's cells do.
    words = re.search(r"[a-z]{3,}", rest)
    limit = (_SHORT_PAY_LINE if words else _SHORT_ROW) * (2 if more else 1)
    if len(quote) > limit:
        return ""
    return quote if words or re.search(r"\b[a-z]{1,3}-?\d{1,3}\b", rest) else ""


def _ends_apart(record: ClassRecord) -> list[str]:
    """The two short lines a class's range comes from when each states one end of it
    ("• Minimum: $25.34 per hour", "• Maximum: $33.08 per hour"), as written; else none."""
    lines = list(
        dict.fromkeys(" ".join(e.quote.split()) for e in record.evidence if e.field == "salary")
    )
    if len(lines) != 2 or not (record.salary_min and record.salary_max):
        return []
    low, high = lines
    apart = record.salary_min in low and record.salary_max not in low
    apart = apart and record.salary_max in high and record.salary_min not in high
    return lines if apart and all(len(line) <= _SHORT_PAY_LINE for line in lines) else []


# The words a salary line writes beside its range that say no more than the range does.
_RANGE_WORDS = (
    "salary range rate pay scale annual annually yearly year per hour hourly month monthly "
    "biweekly bi-weekly weekly week annum usd min max minimum maximum to and from the of is"
).split()


def _glued_grade(record: ClassRecord, row: str) -> bool:
    """Whether a class's grade is written in its row only glued to a word ("Graphic Designer4"):
    a figure a reader cannot find standing apart is quoted in its row, not restated."""
    grade = record.pay_grade or ""
    apart = rf"(?<![A-Za-z0-9]){re.escape(grade)}(?![0-9])"
    return bool(grade) and re.search(apart, row) is None


def _unread_row(record: ClassRecord) -> str:
    """The short row a class was read from when it holds figures the catalog read as none of
    its fields ("Database Analyst 0882 27/B 15% 5% 20%": a range code and percentages under
    columns no header names): the reader sees them as written; else ""."""
    evidence = record.evidence_for("title")
    quote = " ".join(evidence.quote.split()) if evidence else ""
    if not quote or len(quote) > _SHORT_ROW:
        return ""
    rest = quote
    for said in (record.title, record.code, record.pay_text, record.pay_grade):
        rest = rest.replace(said, " ") if said else rest
    return quote if re.search(r"\d", rest) else ""


def _short_row(record: ClassRecord) -> str:
    """The short line that gives a class's grade, when it does not write the grade's label
    (a header above names it: "Executive Secretary 17") or says more than the class, its
    label, grade and code ("Salary Range: 51 53"): the reader sees the grade as the source
    writes it; else ""."""
    evidence = record.evidence_for("pay_grade")
    quote = " ".join(evidence.quote.split()) if evidence else ""
    if not quote or len(quote) > _SHORT_ROW:
        return ""
    label = (record.pay_label or "").lower()
    rest = quote.lower()
    for said in (record.title, record.pay_text, record.pay_label, record.pay_grade, record.code):
        rest = rest.replace(said.lower(), " ") if said else rest
    unlabelled = bool(label) and label not in quote.lower()
    return quote if unlabelled or re.sub(r"[\W_]+", "", rest) else ""


# Grade labels that name the same kind of key: "GS-9" is the row a table labels "Grade 9".
_SAME_LABELS = ({"gs", "grade", "gg", "gm", "pay grade", "salary grade"},
                {"band", "pay band", "salary band"}, {"range", "pay range"},
                {"group", "salary group", "pay group", "job group"})  # fmt: skip


def _label_kind(label: str) -> str:
    label = " ".join(label.lower().split())
    return next((min(kind) for kind in _SAME_LABELS if label in kind), label)


def graded(record: ClassRecord, value: str) -> bool:
    """Whether a class's grade is the value a question's key gives it ("1" of "Pay Band 1";
    the value in lower case)."""
    written = (record.pay_grade or "").lower().split()
    return bool(written) and written[-1] == value


def key_fits(record: ClassRecord, key_label: str) -> bool:
    """Whether a class's grade is of the kind a question's key names: "Band 7" is not a
    table's "Grade 7", "GS-9" is; a key its grade or title writes ("PSS 5") fits, and so
    does any key a grade with no label of its own."""
    if not record.pay_label:
        return True
    same_kind = _label_kind(record.pay_label or "") == _label_kind(key_label)
    return same_kind or key_label in f"{record.pay_grade} {record.title}".lower()


def _fits_keys(record: ClassRecord, grade: str, keys: Sequence[tuple[str, str]]) -> bool:
    """Whether a class in this grade fits the keys the question names for it (any, if none)."""
    labels = [key_label for key_label, value in keys if value == grade.lower()]
    return not labels or any(key_fits(record, key_label) for key_label in labels)


def _asked_of(record: ClassRecord, analysis: QueryAnalysis) -> bool:
    """Whether a class is from the places and documents the question names, if it names any
    (a document it names by name is asked of, whatever its place)."""
    if analysis.naming and record.source in analysis.naming.named:
        return True
    places = analysis.jurisdictions
    return analysis.allows(record.source) and (not places or record.jurisdiction in places)


# Columns the range's own words already answer ("the maximum"): not a column asked by name.
_RANGE_ENDS = frozenset({"min", "max", "minimum", "maximum"})


def column_asked(record: ClassRecord, question: str) -> tuple[str, str] | None:
    """The pay column of the class's row that the question names ("step 3", "midpoint",
    "25th percentile"), with its amount; None when it names none of them."""
    text = " ".join(question.lower().split())
    named = [
        (name, amount)
        for name, amount in record.pay_columns
        if name.lower() not in _RANGE_ENDS
        and period_in(name) is None  # "MONTHLY": the period asked, given as the range
        and re.search(rf"(?<!\w){_spaced(name.lower())}s?(?!\w)", text.replace("-", ""))
    ]
    return max(named, key=lambda c: len(c[0]), default=None)


def _spaced(name: str) -> str:
    """A column name as a pattern where its words may be written apart or together."""
    return r"\s*".join(re.escape(part) for part in name.replace("-", "").split())


def names_pay_label(record: ClassRecord, question: str) -> bool:
    """ "What pay range is the Accounting Technician in?" where "Pay Range" names the grade;
    so does its last word alone when the question speaks of no pay ("which is on the higher
    range"), where that word names grades ("range", "grade", "group", "band")."""
    if not record.pay_label:
        return False
    # "the grade maximum" asks for pay, not the grade.
    label, asked = record.pay_label.lower(), GRADE_PAY_COLUMN.sub(" ", question.lower())
    if label in asked:
        return True
    head = label.split()[-1]
    named = head in _GRADE_HEADS and re.search(rf"\b{head}s?\b", asked)
    return bool(named) and not _PAY_WORDS.search(asked)


def labels(records: Sequence[ClassRecord]) -> str:
    return " and ".join(label(r) for r in records)


def label(record: ClassRecord) -> str:
    return f"{record.title} ({record.jurisdiction})" if record.jurisdiction else record.title


def _same_grade(claimed: str, grade: str) -> bool:
    """Whether a grade the question states is the record's: "PSS-4" or a bare "4" of "PSS 4"."""
    claimed_parts = re.findall(r"[A-Za-z]+|\d+", claimed.upper())
    grade_parts = re.findall(r"[A-Za-z]+|\d+", grade.upper())
    if claimed_parts == grade_parts:
        return True
    return len(claimed_parts) == 1 and bool(grade_parts) and claimed_parts == grade_parts[-1:]


# The word after a range that names its period, as lines that give several write it:
# "$32.90-$41.66 hourly / $5,703.00-$7,221.00 monthly".
_WORD_AFTER = re.compile(r"\s*(?:/|per\b|an?\b)?\s*(?P<after>[A-Za-z-]+)")


def in_period_asked(record: ClassRecord, question: str) -> ClassRecord:
    """The record with the pay of the period the question asks, when the line its salary
    comes from gives that period beside the one the catalog kept ("$32.90-$41.66 hourly /
    $5,703.00-$7,221.00 monthly"), or its row does under a column of that period: what the
    sources give is never called absent."""
    asked = asked_period(question)
    evidence = record.evidence_for("salary")
    same_line = ranges_by_period(evidence.quote) if evidence else {}
    # A table row's columns named by their period ("Hourly", "MONTHLY", "YEARLY") as well.
    for name, amount in record.pay_columns:
        in_column = SALARY_RANGE.search(amount)
        period = period_in(name)
        if in_column and period and period not in same_line:
            same_line[period] = (in_column.group("min"), in_column.group("max"))
    if not asked or asked == record.salary_period or asked not in same_line:
        return record
    low, high = same_line[asked]
    return replace(record, salary_min=low, salary_max=high, salary_period=asked)


def ranges_by_period(line: str) -> dict[str, tuple[str, str]]:
    """Each pay period's range in a line that gives several, by the period word after it."""
    found: dict[str, tuple[str, str]] = {}
    for match in SALARY_RANGE.finditer(line):
        after = _WORD_AFTER.match(line, match.end())
        period = period_in(after.group("after")) if after else None
        if period and period not in found:
            found[period] = (match.group("min"), match.group("max"))
    return found


def _shown(amount: str, written: str) -> str:
    """An amount the question gives, with the dollar sign it left out when the class's pay is
    written in dollars ("35,000" of "$30,840 - $46,798"); as typed otherwise (rupees, pounds)."""
    signed = amount[:1] in CURRENCY_SIGNS or amount.lower().startswith(("rs", "r ", "n$"))
    return f"${amount}" if written.startswith("$") and not signed else amount

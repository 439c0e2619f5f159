"""What a pay answer read from the passages lacks of what was asked: the period (an hourly
range asked per year), a midpoint, a step of lines that give ranges only, or any amount at all
("how much on-call pay" of a line that says on-call weeks are paid extra). An answer that lacks
it abstains, and quotes what the sources do give."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.citations import CitationBook
from assistant.comparisons import weighs
from assistant.label_answers import states_pay_in_words
from assistant.line_subjects import paid_to_another_role
from assistant.passage_layout import typical_for
from assistant.passages import sentences, stems
from assistant.query import QueryAnalysis
from assistant.row_keys import step_asked
from assistant.types import Citation
from index.money import (
    CURRENCY_SIGNS,
    ONE_AMOUNT,
    PERIOD_NAMES,
    article,
    asked_period,
    periods_in,
)

# An amount of money in a line: "$20.82", "£31,077", "52,104".
AMOUNT = re.compile(rf"[{CURRENCY_SIGNS}]\s?\d|\b\d{{1,3}}(?:,\d{{3}})+\b")
MIDPOINT = re.compile(r"\bmid-?\s?point\b|\bmarket reference\b", re.IGNORECASE)
# "How much does the county pay ...", "how much is the allowance": an amount of pay asked (not
# "how much experience", nor how much more one pays than another).
_ASKS_AN_AMOUNT = re.compile(
    r"\bhow much\b(?![^?]*\b(?:experience|education|training|time|notice|leave|vacation|weight"
    r"|more|less|higher|lower)\b)[^?]*\b(?:pay|pays|paid|earns?|wages?|salary|salaries"
    r"|allowances?|stipends?|compensation|costs?|rates?|bonus|fees?|rise|raise)\b",
    re.IGNORECASE,
)
# A share written with its sign or word: what a raise or an allowance may be given as.
_SHARE = re.compile(r"\d+(?:\.\d+)?\s?%|\bper\s?cent\b", re.IGNORECASE)
# A line that gives a range gives two amounts at most.
_RANGE_AMOUNTS = 2


def pay_of_other_period(analysis: QueryAnalysis, book: CitationBook) -> str | None:
    """When the question asks pay of a period and no quoted line names it, and every one that
    gives an amount gives it for another ("$20.82 - $26.58" asked per year; "$61,320.00 -
    $74,592.00 Annually" asked per hour): the lead of an abstention that says so; else None."""
    asked = asked_period(analysis.question)  # none when it asks two ("yearly and hourly")
    if asked is None or "salary" not in analysis.intents or analysis.amounts:
        return None
    # "Kennel workers will now get $16 an hour ... The administrator will be paid $80,000 a
    # year": a sentence that pays another role gives no period of the subject's pay.
    subject = stems(" ".join(analysis.keywords))
    said = [_own_pay(c.quote, subject) for c in book.citations]
    if any(asked in periods_in(quote) for quote in said):
        return None  # a header quoted with the row names the period ("Annual Rates")
    paid = [quote for quote in said if AMOUNT.search(quote)]
    for quote in paid:
        written = periods_in(quote)
        if asked in written or (not written and typical_for(asked, quote)):
            return None
    if not paid:
        return None
    name = PERIOD_NAMES.get(asked, asked)
    return f"The sources do not state {article(name)} {name} salary for this. What they do say:"


def _own_pay(quote: str, subject: set[str]) -> str:
    """A quote without its sentences that pay another role than the subject; the quote as it
    is when none does."""
    told = sentences(quote)
    own = [sentence for sentence in told if not paid_to_another_role(sentence, subject)]
    return quote if len(own) == len(told) else "\n".join(own)


def column_not_quoted(analysis: QueryAnalysis, book: CitationBook) -> str | None:
    """When the question asks pay at a step or a midpoint and the quoted lines (with the
    header quoted with them) give neither: ranges whose lines, document and section never
    speak of steps ("Pay Range $46,446 - $67,787" asked its step 3), or no midpoint asked
    one (in the lines or the table header they are cited under): the lead of an abstention
    that says so; else None."""
    if "salary" not in analysis.intents or analysis.amounts:
        return None  # an amount given asks which class pays it, not a step of it
    quoted = "\n".join(c.quote for c in book.citations)
    step = step_asked(analysis.question)
    # Steps may be a row's columns or keys that no word names ("ANUO5 1 66,904 68,704 ..."):
    # only lines that give a range at most, and never speak of steps, give no step.
    lines = [line for c in book.citations for line in c.quote.splitlines()]
    ranges_only = all(len(AMOUNT.findall(line)) <= _RANGE_AMOUNTS for line in lines)
    placed = "\n".join(f"{c.doc_title}\n{c.section}" for c in book.citations)
    steps = re.search(r"\b(?:step|stage)", f"{quoted}\n{placed}", re.I)
    if step is not None and ranges_only and not steps:
        return f"The sources do not state step {step} for this. What they do say:"
    # A row's midpoint is its column's: the header is quoted as the citation's section.
    headed = "\n".join([quoted, *(c.section for c in book.citations)])
    if MIDPOINT.search(analysis.question) and not re.search(r"\bmid", headed, re.I):
        return "The sources do not state a midpoint for this. What they do say:"
    return None


def amount_not_stated(question: str, citations: Sequence[Citation]) -> str | None:
    """The lead of an abstention when the question asks how much pay and no quoted line
    states an amount, a share or the pay in words ("Salary: Depends On Qualifications");
    None otherwise."""
    if not _ASKS_AN_AMOUNT.search(question) or weighs(question) or not citations:
        return None
    stated = (AMOUNT, ONE_AMOUNT, _SHARE)
    quotes = [c.quote for c in citations]
    if any(rx.search(q) for rx in stated for q in quotes):
        return None
    if any(states_pay_in_words(q) for q in quotes):
        return None
    return "The sources do not state how much this is. What they do say:"

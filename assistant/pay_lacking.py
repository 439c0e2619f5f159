"""What a pay answer read from the passages lacks of what was asked: the period (an hourly
range asked per year), a midpoint, a step of lines that give ranges only, any amount at all
("how much on-call pay" of a line that says on-call weeks are paid extra), the pay at a length
of service asked, or that of the part-time post asked. An answer that lacks it abstains, and
quotes what the sources do give."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

from assistant.citations import CitationBook
from assistant.comparisons import weighs
from assistant.label_answers import states_pay_in_words
from assistant.line_subjects import paid_to_another_role
from assistant.passage_layout import typical_for
from assistant.passages import sentences, stems
from assistant.pay_changes import COST_SENTENCE
from assistant.query import QueryAnalysis, is_claim
from assistant.row_keys import step_asked
from assistant.types import Citation
from index.levels import level_value
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
    r"|allowances?|stipends?|compensation|costs?|rates?|bonus|fees?|rise|raise|incentives?"
    r"|premiums?|differentials?|reimbursements?)\b",
    re.IGNORECASE,
)
# A share written with its sign or word: what a raise or an allowance may be given as.
_SHARE = re.compile(r"\d+(?:\.\d+)?\s?%|\bper\s?cent\b", re.IGNORECASE)
# A line that gives a range gives two amounts at most.
_RANGE_AMOUNTS = 2
# "a bus driver with ten years of experience", "after 15 years of service": pay at a length of
# service asked.
_SERVICE_ASKED = re.compile(
    r"\b(?:with|after|of|at|has|having)\s+(?P<years>\d{1,2}|[a-z]+)\+?\s+years?\b"
    r"(?:\s+of)?(?:\s+(?:experience|service|seniority|employment))?",
    re.IGNORECASE,
)


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
    costs = bool(COST_SENTENCE.search(analysis.question))  # "the annual total cost" asked
    said = [_own_pay(c.quote, subject, costs) for c in book.citations]
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


def _own_pay(quote: str, subject: set[str], costs: bool = False) -> str:
    """A quote without its sentences that pay another role than the subject or, unless costs
    are asked, tell a cost ("it would cost the district an additional $85,430 per year"); the
    quote as it is when none does."""
    told = sentences(quote)
    own = [
        sentence
        for sentence in told
        if not paid_to_another_role(sentence, subject)
        and (costs or not COST_SENTENCE.search(sentence))
    ]
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


def service_pay_not_stated(
    question: str, citations: Sequence[Citation], documents: Iterable[str] = ()
) -> str | None:
    """The lead of an abstention when the question asks pay at a length of service ("a bus
    driver with ten years of experience") that neither the quoted lines nor the texts of their
    documents write: "starts at $17.15 and goes up to $28.36 per hour" gives its two ends, not
    the rate at ten years (a schedule whose column of years stands apart from its rates,
    "After 3 Years of Employment", does write it); None otherwise."""
    asked = _SERVICE_ASKED.search(question)
    years = level_value(asked["years"].lower()) if asked else None
    if years is None or not AMOUNT.search(" ".join(c.quote for c in citations)):
        return None
    if not _ASKS_PAY.search(question) or weighs(question) or is_claim(question):
        return None  # "... after five years of service, correct?" is checked, not asked
    for text in itertools.chain((c.quote for c in citations), documents):
        for written in _YEARS_WRITTEN.finditer(text):
            if level_value((written["years"] or written["after"]).lower()) == years:
                return None
        if any(_covers(bracket, years) for bracket in _YEARS_BRACKET.finditer(text)):
            return None  # "2-5 years  £23,500" of three years
    # The years are not repeated: a figure the quotes do not hold is no figure to give.
    return "The sources do not state the pay at that length of service. What they do say:"


def _covers(bracket: re.Match[str], years: int) -> bool:
    """Whether a bracket of years a line writes ("2-5 years", "5+ years", "<2 years") holds
    the years asked."""
    if bracket["low"] and bracket["high"]:
        return int(bracket["low"]) <= years <= int(bracket["high"])
    if bracket["over"]:
        return years >= int(bracket["over"])
    return years < int(bracket["under"])


# A bracket of years: "2-5 years", "5+ years", "<2 years", "under 2 years".
_YEARS_BRACKET = re.compile(
    r"\b(?P<low>\d{1,2})\s*(?:-|–|to)\s*(?P<high>\d{1,2})\s*(?:years?|yrs?)\b"
    r"|\b(?P<over>\d{1,2})\s*\+\s*(?:years?|yrs?)?"
    r"|(?:<|\bunder\s+|\bless\s+than\s+)(?P<under>\d{1,2})\s*(?:years?|yrs?)\b",
    re.IGNORECASE,
)
# Pay asked: "what hourly rate", "how much ... earn", "salary".
_ASKS_PAY = re.compile(r"\b(?:rate|pay|paid|earns?|salary|wages?|make)\b", re.IGNORECASE)
# A length of service a line writes: "15 or 20 years", "eight (8) years", "10+ yrs", "year 10".
_YEARS_WRITTEN = re.compile(
    r"\b(?P<years>\d{1,2}|[a-z]+)\)?\+?(?:\s*(?:years?|yrs?)\b|(?=\s+or\s+\d{1,2}\s+years?\b))"
    r"|\byears?\s+(?P<after>\d{1,2})\b",
    re.IGNORECASE,
)


def other_hours_paid(question: str, citations: Sequence[Citation]) -> str | None:
    """The lead of an abstention when the question asks the pay of a part-time post (or a
    full-time one) and every quoted line that gives an amount pays the other ("Full-time
    drivers' salary would increase from $13,000 to $15,000" asked of part-time drivers);
    None otherwise."""
    asked = [kind for kind, rx in _HOURS_KINDS.items() if rx.search(question)]
    if len(asked) != 1 or not _ASKS_PAY.search(question) or weighs(question):
        return None
    (kind,) = asked
    other = "full-time" if kind == "part-time" else "part-time"
    paying = [c.quote for c in citations if AMOUNT.search(c.quote)]
    if not paying:
        return None
    for quote in paying:
        if _HOURS_KINDS[kind].search(quote) or not _HOURS_KINDS[other].search(quote):
            return None
    return f"The sources do not state the pay of a {kind} post. What they do say:"


_HOURS_KINDS = {
    "part-time": re.compile(r"\bpart[\s-]?time\b", re.IGNORECASE),
    "full-time": re.compile(r"\bfull[\s-]?time\b", re.IGNORECASE),
}

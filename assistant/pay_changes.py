"""Pay asked around a change and answered by lines of another figure: the pay a raise gives
asked of lines that give the raise, the pay before it, or what it costs; the pay before it asked
of lines that give what it rises to; the top of pay asked of lines that say where pay starts.
An answer whose lines give only such figures abstains, and quotes them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.comparisons import weighs
from assistant.line_marks import extreme_asked
from assistant.passages import sentences
from assistant.types import Citation
from index.money import ONE_AMOUNT, money_value

# "What is the new hourly rate ...", "the wage after the raise": the pay a change gives.
_ASKS_NEW_PAY = re.compile(
    r"\bnew\s+(?!hires?\b|employees?\b|recruits?\b|starters?\b|staff\b)(?:\w+\s+){0,2}"
    r"(?:rates?|pay|wages?|salary|salaries)\b"
    r"|\b(?:rates?|pay|wages?|salary|salaries)\b[^?]*\bafter\s+(?:the\s+|a\s+|its\s+|their\s+)?"
    r"(?:pay\s+)?(?:raise|increase|rise|hike)",
    re.IGNORECASE,
)
# An amount that changes pay: "by an average of $2.61", "a raise of $1", "a $10,000 raise".
_CHANGE_BEFORE = re.compile(
    r"(?:\bby|\b(?:raise|increase|rise|bump|hike|boost)s?\s+of)\s+"
    r"(?:(?:an?|the|average|total|extra|additional|about|around|roughly|approximately|nearly"
    r"|almost|up\s+to|of)\s+)*$",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:(?:an?|per)\s+(?:hour|week|month|year)\s+)?"
    r"(?:raise|increase|rise|hike|boost|bump|more|extra)\b",
    re.IGNORECASE,
)
# What something costs: "would cost the district an additional $85,430 per year".
_COST = r"costs?|costing|budget(?:ed)?|funding|expenses?"
COST_SENTENCE = re.compile(rf"\b(?:{_COST})\b", re.IGNORECASE)
# A sentence that tells pay before the change, or what something costs, gives no pay after it.
_BEFORE_OR_COST = re.compile(
    rf"\b(?:before|previously|formerly|used\s+to|had\s+been|currently|at\s+present|{_COST})\b",
    re.IGNORECASE,
)


def _amounts_told(citations: Sequence[Citation]) -> list[tuple[str, re.Match[str]]]:
    """Each amount the quoted lines give, with the sentence that gives it."""
    told = [s for c in citations for s in sentences(c.quote)]
    return [(s, m) for s in told for m in ONE_AMOUNT.finditer(s)]


def _changes_pay(sentence: str, amount: re.Match[str]) -> bool:
    """Whether a sentence gives an amount as a change of pay: "by an average of $2.61", "a
    $10,000 raise"."""
    return bool(
        _CHANGE_BEFORE.search(sentence[: amount.start()])
        or _CHANGE_AFTER.search(sentence[amount.end() :])
    )


def new_pay_not_stated(question: str, citations: Sequence[Citation]) -> str | None:
    """The lead of an abstention when the question asks the pay a change gives ("the new
    hourly rate after the raise") and every amount the quoted lines give is the change ("bump
    the hourly pay by an average of $2.61"), the pay before it ("Before they won their
    increase, the pay grade ... languished at £11.22 an hour") or a cost ("the total cost ...
    at around $65,000"); None otherwise."""
    if not _ASKS_NEW_PAY.search(question) or weighs(question) or not citations:
        return None
    amounts = _amounts_told(citations)
    if not amounts or any(_pays(sentence, match) for sentence, match in amounts):
        return None
    return "The sources do not state the pay after the change. What they do say:"


def _pays(sentence: str, amount: re.Match[str]) -> bool:
    """Whether an amount in a sentence may be pay after a change: it is no change of pay, in
    a sentence that tells neither pay before the change nor a cost."""
    return not _changes_pay(sentence, amount) and not _BEFORE_OR_COST.search(sentence)


def old_pay_not_stated(question: str, citations: Sequence[Citation]) -> str | None:
    """The lead of an abstention when the question asks the pay before a change ("paid before
    the increase to $29.62") and every amount the quoted lines give is one the question gives,
    the change itself, or pay it rises to ("a wage increase to $29.62 per hour ... a
    subsequent increase to $31.17"); None otherwise."""
    if not _ASKS_OLD_PAY.search(question) or weighs(question) or not citations:
        return None
    given = {money_value(m.group(0)) for m in ONE_AMOUNT.finditer(question)}
    amounts = _amounts_told(citations)
    if not amounts:
        return None
    for sentence, match in amounts:
        rises_to = _RISES_TO.search(sentence[: match.start()])
        if money_value(match.group(0)) in given or rises_to or _changes_pay(sentence, match):
            continue
        return None
    return "The sources do not state the pay before the change. What they do say:"


# "paid before the increase", "the previous rate", "the old wage": the pay a change replaced.
_ASKS_OLD_PAY = re.compile(
    r"\b(?:before|prior\s+to)\s+(?:the|a|its|their)?\s*(?:pay\s+|wage\s+)?"
    r"(?:increase|raise|rise|hike)"
    r"|\b(?:previous|old|former)\s+(?:\w+\s+)?(?:rate|pay|wage|salary)",
    re.IGNORECASE,
)
# Pay a change rises to: "a wage increase to", "will rise to", "up to".
_RISES_TO = re.compile(r"\bto\s+(?:about\s+|around\s+)?$", re.IGNORECASE)


def top_not_stated(question: str, citations: Sequence[Citation]) -> str | None:
    """The lead of an abstention when the question asks the top of the pay and every amount
    the quoted lines give is where pay starts or a change of it ("All bus drivers will make an
    additional $2 an hour. Starting pay is now $18."); None otherwise."""
    if extreme_asked(question) != "maximum" or weighs(question) or not citations:
        return None
    amounts = _amounts_told(citations)
    if not amounts:
        return None
    for sentence, match in amounts:
        if _TOP_WORDS.search(sentence):
            return None  # "starts at $17.15 and goes up to $28.36"
        change = _changes_pay(sentence, match) or _ADDED.search(sentence[: match.start()])
        if not (change or _START_WORDS.search(sentence)):
            return None
    return "The sources do not state the top of the pay for this. What they do say:"


# Where pay starts: "Starting pay is now $18", "entry level", "begins at".
_START_WORDS = re.compile(r"\b(?:start\w*|entry|begin\w*|minimum|min)\b", re.IGNORECASE)
# The top of pay, or a range to it: "up to", "maximum", "top", "to $28.36".
_TOP_WORDS = re.compile(
    r"\b(?:up\s+to|max\w*|top|highest|ceiling|cap\w*)\b|\bto\s+[$£€]", re.IGNORECASE
)
# An amount added to pay: "will make an additional $2 an hour".
_ADDED = re.compile(r"\b(?:additional|extra|another|more)\s+$", re.IGNORECASE)

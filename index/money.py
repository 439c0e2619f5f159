"""The one home of money: an amount as a Decimal with its cents, its currency and its pay period."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# An amount with a currency sign: "$41,210.00", "£ 28,407", "₹18000", or a currency written
# as letters before it ("Sh14,007", "Rs. 25,500", "USD 52,000", "S$2,945", "HK$15,180");
# "€1.234" is not read (no sign rules).
CURRENCY_SIGNS = "$£€¥₹₱₦₩₪₫₴₺₽"
_CURRENCY_LETTERS = (
    r"(?<![A-Za-z])(?:KSh|Ksh|Sh|Rs\.?|INR|PHP|KES|ZAR|NGN|USD|CAD|AUD|NZD|GBP|EUR"
    # ISO codes pay documents of other countries write before their amounts ("NPR 43,689").
    r"|NPR|LKR|PKR|BDT|UGX|TZS|ZMW|MWK|GHS|MYR|SGD|BWP|NAD|MUR|JMD|FJD|TTD|ETB|RWF|SZL|LSL"
    r"|MZN|EGP|AED|SAR|QAR|OMR|KWD|BHD|CHF|SEK|NOK|DKK|JPY|CNY|IDR|THB|BRL|MXN"
    r"|(?:HK|NZ|US|S|A|C)\$)"
)
_CURRENCY = rf"(?:[{CURRENCY_SIGNS}]|{_CURRENCY_LETTERS})"
# A currency written as one letter: the rand's "R" only before an amount of four figures or
# more ("R18547", "R19 623", "R 325 101"), the kwacha's "K" only before one grouped by commas
# ("K2,135,760"): "R1", "R 12" and "K12" are codes and ranges.
_ONE_LETTER_CURRENCY = (
    r"(?<![A-Za-z])(?:R(?=\d{4}|[ \u00a0]?\d{1,3}[ \u00a0,]\d{3}\b)"
    r"|K(?=\d{1,3}(?:,\d{3})+(?![\d,])))"
)
# Cents may run to four places in hourly rates ("$36.9379"): all of them are the amount.
# Thousands may be grouped by commas ("R1,152,941") or by spaces ("R19 623", "KSh 14 007",
# "$80 217"); after a sign, spaces group only from ten thousand on: "$1 500" in a flattened
# table is $1, then 500.
# The euro is often written after its amount ("4156 euro", "2 536 EUR", "3 246 €").
_EURO_AFTER = r"\s?(?:€|euros?\b|EUR\b)"
_FIGURE = r"(?<![\d.,])\d{1,3}(?:[ \u00a0,]\d{3})+(?:\.\d{1,2})?|(?<![\d.,])\d+(?:\.\d{1,2})?"
# Thousands written "K" after a signed figure: "$67K-$80K per year", "$49.5k".
_THOUSANDS = rf"{_CURRENCY}\s?\d{{1,3}}(?:\.\d)?[Kk](?![A-Za-z\d])"
# Millions or billions written out after a signed figure: "K36.3 million", "$1.2 million", "US$720
# billion" (an economy's size, not pay of $720).
_MILLIONS = (
    rf"(?:{_CURRENCY}|(?<![A-Za-z])K(?=\d))\s?\d{{1,3}}(?:\.\d{{1,3}})?\s?"
    r"(?:million|mn|billion|bn)\b"
)
# An amount with its currency named after it in words, as news reports write pay: "400
# dollars", "19 thousand US dollars", "16 thousand 400 dollars", "1.86 million US dollars",
# "5,000 rupees"; the Seychelles or Saudi "SR" before grouped thousands or millions.
_CURRENCY_NAMES = (
    # (not "pounds": "lift up to 35 pounds" is a weight far more often in a class spec)
    r"dollars|rupees|shillings|rand|naira|pesos|kwacha|cedis|ringgit|baht|yen|yuan"
    r"|francs|dinars|dirhams|riyals|euros"
)
_SCALE = r"\s(?:thousand|million|billion)\b"
_WORDED = (
    rf"(?:{_FIGURE})(?:{_SCALE}(?:\s\d{{1,3}}(?![\d,.]))?)?\s(?:[A-Z][A-Za-z.]*\s){{0,2}}"
    rf"(?:{_CURRENCY_NAMES})\b"
    r"|(?<![A-Za-z])SR\s?(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,3}(?:\.\d{1,3})?(?=\s(?:million|billion)\b))"
    rf"(?:{_SCALE})?"
)
MONEY = (
    rf"{_MILLIONS}|{_THOUSANDS}|{_WORDED}"
    rf"|(?:{_CURRENCY}|{_ONE_LETTER_CURRENCY})\s?\d{{1,3}}(?:,\d{{3}})+(?:\.\d{{1,4}})?(?!\.?\d)"
    rf"|(?:(?:{_CURRENCY_LETTERS}|{_ONE_LETTER_CURRENCY})\s?\d{{1,3}}|[{CURRENCY_SIGNS}]\s?\d{{2,3}})"
    rf"(?:[ \u00a0]\d{{3}})+(?:\.\d{{1,2}})?(?![.,]?\d)"
    rf"|(?:{_CURRENCY}|{_ONE_LETTER_CURRENCY})\s?\d+(?:\.\d{{1,4}})?(?!\.?\d)"
    rf"|(?:{_FIGURE}){_EURO_AFTER}"
)
# The bottom of a range whose top alone names the euro after it ("2536 - 4156 euro").
_BARE_BEFORE_EURO = rf"(?:{_FIGURE})(?=\s*(?:-|–|—|to)\s*(?:{_FIGURE}){_EURO_AFTER})"
# The top of a range whose bottom carries the currency may be written without it ("$41,000 -
# 52,000", "$80 217 - 104 280", "$17.64 - 19.04"): grouped thousands or cents, never a bare
# count ("$15.00 - 5 years").
_BARE_TOP = (
    r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d{1,4})?(?!\.?\d)"
    r"|(?<![\d.,])\d{1,3}(?:[ \u00a0]\d{3})+(?:\.\d{1,2})?(?![.,]?\d)"
    r"|(?<![\d.,])\d+\.\d{2,4}(?!\.?\d)"
)
# An amount as people type it in a question: signed, or a bare figure with thousands commas or
# of five or six digits ("30840"), or a figure with cents ("24.95"); not a part of a dotted
# number ("AS 39.27.011", "section 4.10.2") nor of a hyphenated one ("WA-828975-NW").
TYPED_MONEY = re.compile(
    rf"(?:{MONEY})|(?<![\w.])(?<![A-Za-z]-)(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d{{2,4}})?\b"
    r"|\d{5,6}(?:\.\d{2,4})?\b|\d{1,3}\.\d{2,4}\b)(?!\.\d|-[A-Za-z])"
)
# A bare four-digit figure from 1900 to 2099 is a year far more often than a salary.
YEAR = re.compile(r"^(?:19|20)\d\d$")
# "$19.12/hr - $26.77/hr": the minimum may carry its own period, or its equivalent in another
# period in parentheses ("$33,571.20 ($16.14 hr) - $36,233.60 ($17.42 hr)").
_PER_UNIT = (
    r"(?:\s?/\s?(?:hour|hr|month|mo|year|yr|week|wk)\.?"
    rf"|\s?\((?:{_CURRENCY})\s?[\d,.]+\s?(?:/\s?)?[A-Za-z]{{2,8}}\.?\))?"
)
# "$28.97 to - $33.80": a range's joining word and dash may both be written.
SALARY_RANGE = re.compile(
    rf"(?P<min>{MONEY}|{_BARE_BEFORE_EURO}){_PER_UNIT}\s*(?:-|–|—|to(?:\s*[-–—])?)\s*"
    rf"(?P<max>{MONEY}|{_BARE_TOP})"
)
ONE_AMOUNT = re.compile(MONEY)
# An amount written with a decimal comma, as French and most European pay scales write it:
# "25,66", "2.345,67", "2 345,67 €" (a comma before three figures groups thousands instead).
_DECIMAL_COMMA = re.compile(r"\d{1,3}(?:[.\u00a0 ]\d{3})*,\d{2}(?:\s?(?:€|\$|EUR|euros?))?")

# The pay periods, each with the words that name it. Longer phrases are tried first.
PERIOD_WORDS: dict[str, tuple[str, ...]] = {
    "hour": ("hourly", "per hour", "an hour", "/hour", "/hr", "/ hour", "/ hr", "per hr", "hr.",
             "p/h"),
    "biweek": ("biweekly", "bi-weekly", "bi weekly", "every two weeks", "fortnightly",
               "per fortnight", "/pay period", "per pay period", "pay period"),
    "semimonth": ("semi-monthly", "semimonthly", "twice monthly"),
    "week": ("weekly", "per week", "/week", "/wk", "/ week", "a week"),
    "month": ("monthly", "per month", "/month", "/mo", "/ month", "a month", "mo."),
    "year": ("yearly", "annually", "annual", "per year", "per annum", "p.a.", "/year", "/yr",
             "/ year", "a year"),
}  # fmt: skip
PERIOD_NAMES = {
    "hour": "hourly",
    "week": "weekly",
    "biweek": "biweekly",
    "semimonth": "semi-monthly",
    "month": "monthly",
    "year": "yearly",
}


def article(word: str) -> str:
    """ "an" before a vowel sound ("an hourly salary", "an annual"), else "a"."""
    return "an" if word[:1].lower() in "aeio" or word.lower().startswith("hour") else "a"


_NOT_AFTER_A_WORD = r"(?<![\w-])"
_PERIOD_PATTERNS = [
    # "/hr" may follow a figure directly ("$19.12/hr"); a word may not follow a letter.
    (period, re.compile(_NOT_AFTER_A_WORD * word[0].isalpha() + rf"{re.escape(word)}(?!\w)", re.I))
    for period, words in PERIOD_WORDS.items()
    for word in sorted(words, key=len, reverse=True)
]


@dataclass(frozen=True)
class Money:
    """One amount as written ("$41,210.00"), its exact value and, when known, its pay period."""

    text: str
    value: Decimal
    period: str | None = None


def money_value(text: str) -> Decimal | None:
    """The exact value of an amount as written ("$24.30" -> 24.30); None when it holds none."""
    # The currency is cut off first: the period of "Rs." is not a decimal point.
    bare = re.sub(r"^\D+", "", text.strip())
    if _DECIMAL_COMMA.fullmatch(bare):  # "25,66", "1.234,56": a comma before the cents
        bare = bare.replace(".", "").replace("\u00a0", "").replace(" ", "").replace(",", ".")
    digits = re.sub(r"[^\d.]", "", bare.replace(",", ""))
    if not re.search(r"\d", digits):
        return None
    whole, _, cents = digits.partition(".")
    try:
        value = Decimal(f"{whole or '0'}.{cents.replace('.', '') or '0'}")
    except InvalidOperation:
        return None
    if re.fullmatch(_MILLIONS, text.strip()):
        return value * (1000000000 if re.search(r"b(?:illio)?n$", text.strip()) else 1000000)
    scale = re.search(rf"(?P<whole>[\d.,]+){_SCALE}(?:\s(?P<more>\d{{1,3}})(?![\d,.]))?", text)
    if scale and re.fullmatch(_WORDED, text.strip()):
        # "16 thousand 400 dollars": 16,400; "42 million": 42,000,000.
        times = {"thousand": 1000, "million": 1000000, "billion": 1000000000}
        word = text[scale.end("whole") :].split()[0]
        scaled = Decimal(scale["whole"].replace(",", "")) * times[word]
        return scaled + Decimal(scale["more"] or 0)
    return value * 1000 if re.fullmatch(_THOUSANDS, text.strip()) else value


def period_in(text: str) -> str | None:
    """The pay period a line or header names ("Monthly Salary" -> "month"), or None; not the
    period of a schedule ("£22743 – £23170 (based on average 37.5 hr/week)" is paid yearly)."""
    text = _SCHEDULE.sub(" ", text)
    found = [(m.start(), period) for period, rx in _PERIOD_PATTERNS for m in rx.finditer(text)]
    return min(found)[1] if found else None


def period_beside(text: str, amount: str | None) -> str | None:
    """The pay period the sentence holding an amount names: in "Pay Range: ... $55,000 to
    $75,000. Work Schedule: ... 40 hours/week." the range has none; the week is the schedule's."""
    if amount:
        for sentence in _SENTENCE_END.split(text):
            if amount in sentence:
                return period_in(sentence)
    return period_in(text)


# Where a sentence ends: its stop, then a capital ("$75,000. Work Schedule").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def asked_period(question: str) -> str | None:
    """The one pay period a question asks for; None when it names none, or several ("the main
    rate, yearly and hourly?" asks for whatever periods the line gives). A question also
    names a period in words no source line writes beside a figure ("earn over the year")."""
    question = _SCHEDULE.sub(" ", question)  # "how many hours a week" asks for no pay period
    found = periods_in(question) | {p for p, rx in _ASKED_PATTERNS if rx.search(question)}
    return next(iter(found)) if len(found) == 1 else None


# Time measured by a period, not pay: "hours a week", "days per year", "40 hrs/week".
_SCHEDULE = re.compile(
    r"\b(?:hours?|hrs?|days?|weeks?|shifts?|nights?)\s*(?:a|an|per|each|every|in a|/)\s*"
    r"(?:week|wk|month|year|yr|day)\b",
    re.I,
)


# How a question names a period beside the words of PERIOD_WORDS: "over the year".
_ASKED_WORDS = {
    "year": ("each year", "every year", "over the year", "over a year", "in a year",
             "a full year", "the whole year", "a year's"),
    "month": ("each month", "every month", "in a month"),
    "week": ("each week", "every week", "in a week"),
    "hour": ("each hour", "every hour"),
}  # fmt: skip
_ASKED_PATTERNS = [
    (period, re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b", re.I))
    for period, words in _ASKED_WORDS.items()
]


def periods_in(text: str) -> set[str]:
    """Every pay period a line names: a row may give hourly, monthly and yearly side by side."""
    text = _SCHEDULE.sub(" ", text)
    return {period for period, rx in _PERIOD_PATTERNS if rx.search(text)}


def parse_money(text: str, context: str = "") -> Money | None:
    """An amount with the period its own text or its context (a header, a label) names."""
    value = money_value(text)
    if value is None:
        return None
    return Money(text=text.strip(), value=value, period=period_in(text) or period_in(context))

"""What a line's own words mark about what it states: the one end of a range it gives (a
starting salary is no maximum), the heading it stands under ("Entry Requirement"), a clause
that names a subject only to leave it out ("other than the Secretary of the Cabinet"), a bare
label whose value is the line below ("Reports To"), and a listing's code before its title
("CPF Carpenter Foreman")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.passages import stems
from index.levels import level_value
from index.money import TYPED_MONEY, period_in

# The end of a range a question asks for alone, and the words that mark a line's one amount as
# the low end ("Starting Salary - Step A $61,314.24", "S$1,850 or above") or the high end.
_ASKS_END = {
    "maximum": re.compile(r"\b(?:max(?:imum)?|top|highest|ceiling|tops?\s+out|most)\b", re.I),
    "minimum": re.compile(r"\b(?:min(?:imum)?|bottom|lowest|starting|start|entry|floor)\b", re.I),
}
_MARKS_END = {
    "minimum": re.compile(
        r"\b(?:start(?:s|ing)?|entry|min(?:imum)?|hiring|from|at least)\b|\bor (?:above|more)\b",
        re.I,
    ),
    "maximum": re.compile(r"\b(?:max(?:imum)?|top|up to|ceiling|highest)\b", re.I),
}


def extreme_asked(question: str) -> str | None:
    """ "maximum" or "minimum" when a question asks for one end of a range alone."""
    asked = [end for end, pattern in _ASKS_END.items() if pattern.search(question)]
    return asked[0] if len(asked) == 1 else None


def marks_end(extreme: str | None, line: str, middle: bool = False) -> bool:
    """Whether a line's one amount is marked as the end of its range asked ("Final
    Progression (Top Pay): $27.93/hour (after 10,400 hours worked)" when the top is asked),
    or as its midpoint when that is asked too ("Grade Mid: $51,601")."""
    if extreme is None or not _one_amount(line):
        return False
    if middle and _MARKS_MIDDLE.search(line):
        return True
    other = "minimum" if extreme == "maximum" else "maximum"
    return bool(_MARKS_END[extreme].search(line)) and not _MARKS_END[other].search(line)


def amounts(line: str) -> list[str]:
    """A line's amounts of money: those with a currency sign where it writes any."""
    return _SIGNED_AMOUNT.findall(line) or TYPED_MONEY.findall(line)


_SIGNED_AMOUNT = re.compile(r"[$£€¥₹]\s?\d[\d,]*(?:\.\d+)?")


def _one_amount(line: str) -> bool:
    """Whether a line gives one amount: "the starting salary of $58,024 ($25.95 per hour)"
    does, the same pay in another period beside it in parentheses; so does "Starting Salary:
    $16.50 Hourly / $34,323.12 Annually", each amount followed by a period of its own."""
    bare = re.sub(r"\([^)]*\)", " ", line)
    found = amounts(bare)
    if len(found) == 1:
        return True
    after = [bare[m.end() : m.end() + _PERIOD_AFTER] for m in _SIGNED_AMOUNT.finditer(bare)]
    periods = [period_in(words) for words in after]
    one_each = None not in periods and len(set(periods)) == len(periods) == len(found) > 1
    return one_each and not _RANGE_JOINER.search(bare)


# How far after an amount its period word may stand ("$16.50 Hourly", "$34,323.12 per year").
_PERIOD_AFTER = 12
# What joins a range's two ends: "$16.50 - $20.00", "$16.50 to $20.00".
_RANGE_JOINER = re.compile(r"\d\s*(?:[-–—]|to)\s*[$£€¥₹]?\s?\d", re.IGNORECASE)


def gives_other_end(extreme: str | None, line: str, middle: bool = False) -> bool:
    """Whether a line's one amount is marked as the other end of its range than the one asked
    (a starting salary when the maximum is asked), or as its midpoint when no midpoint is
    asked ("Grade Mid: $51,601" does not give the grade maximum)."""
    if extreme is None or not _one_amount(line):
        return False
    other = "minimum" if extreme == "maximum" else "maximum"
    marked = _MARKS_END[other].search(line) or (not middle and _MARKS_MIDDLE.search(line))
    return bool(marked) and not _MARKS_END[extreme].search(line)


# The midpoint of a range, as a label writes it: "Grade Mid:", "Midpoint", "Mid-point".
_MARKS_MIDDLE = re.compile(r"\bmid(?:-?\s?point)?\b", re.I)
MIDDLE_ASKED = re.compile(r"\bmid(?:-?\s?point)?\b(?!-)|\bmiddle of\b", re.I)


# A heading line: a few words, no sentence's end, no "Label: value".
_HEADING_LINE = re.compile(r"^[A-Z][^.:;!?]{0,60}$")
_HEADING_WORDS = 6


def heading_over(text: str, quote: str) -> str:
    """The heading line over the paragraph a quote is in ("Entry Requirement" over "Diploma
    qualification from a local Polytechnic or"), or "" when it has none."""
    start = text.find(quote.split("\n")[0])
    if start <= 0:
        return ""
    before = text[:start]
    paragraphs = [p for p in re.split(r"\n\s*\n", before) if p.strip()]
    if paragraphs and not re.search(r"\n\s*\n\s*$", before):
        paragraphs.pop()  # the lines of the quote's own paragraph above it
    line = paragraphs[-1].strip().split("\n")[-1].strip() if paragraphs else ""
    fits = _HEADING_LINE.match(line) and len(line.split()) <= _HEADING_WORDS
    return line if fits else ""


_EXCLUSION = re.compile(
    r"\b(?:other than|except(?:ing)?(?: for)?|excluding|not including|with the exception of)\s+"
    r"(?P<left_out>[^,.;:]+)",
    re.IGNORECASE,
)


def excludes_subject(line: str, subject: Sequence[str]) -> bool:
    """Whether the subject's words that a line holds all stand in a clause leaving it out."""
    held = [s for s in subject if s in stems(line)]
    if not held:
        return False
    left_out = set().union(*(stems(m.group("left_out")) for m in _EXCLUSION.finditer(line)))
    rest = stems(_EXCLUSION.sub(" ", line))
    return bool(left_out) and all(s in left_out and s not in rest for s in held)


# A label alone on its line ("Reports To", "Work Location", "Supervises"): a few capitalised
# words, no figure, no sentence's end. Its value is the line below it.
_BARE_LABEL = re.compile(r"^[A-Z][A-Za-z/&'-]*(?: [A-Za-z/&'-]+){0,3}:?$")
_VALUE_CHARS = 160


def with_value_below(text: str, line: str) -> str:
    """A bare label quoted with the line under it, as the passage writes them ("Reports To" /
    "Principal; Custodial Foreman"), or the second half of a label wrapped over two lines with
    a figure under it ("Estimated" / "remuneration package" / "R560 116,00 - R756 502,00 per
    annum"); any other line as it is."""
    wrapped = _WRAPPED_LABEL.match(line.strip())
    if not (_BARE_LABEL.match(line.strip()) or wrapped):
        return line
    start = text.find(line)
    if start < 0:
        return line
    end = start + len(line)
    below = re.match(r"[ \t]*\n\s*([^\n]+)", text[end:])
    if not below or len(below.group(1)) > _VALUE_CHARS or below.group(1).rstrip().endswith(":"):
        return line
    if wrapped and not re.search(r"\d", below.group(1)):
        return line
    return text[start : end + below.end()]


# The second line of a label wrapped over two, in lower case: "remuneration package".
_WRAPPED_LABEL = re.compile(r"^[a-z][a-z/&'-]*(?: [a-z/&'-]+){0,2}$")


# A line cut mid-sentence, as a PDF's lines are: it ends in a word that joins it to the next.
_RUNS_ON = re.compile(r"(?:\b(?:and|or|of|the|to|with|by|for|a|an|in|as|on|at)|,)$", re.IGNORECASE)
# At most this many lines below a line cut mid-sentence are quoted with it.
_RUN_ON_LINES = 3


def run_on(text: str, line: str) -> str:
    """A line that the passage cuts mid-sentence ("Reports To: County Administrator and")
    quoted with the lines it runs on into ("Library Board"), as far as one that ends the
    sentence; any other line as it is."""
    start = text.find(line)
    if start < 0 or not _RUNS_ON.search(line.rstrip()):
        return line
    end = start + len(line)
    for _ in range(_RUN_ON_LINES):
        # The next line, past the blank lines a PDF leaves between a line and its rest.
        below = re.match(r"(?:[ \t]*\n){1,3}[ \t]*([^\n]+)", text[end:])
        if not below:
            break
        end += below.end()
        if not _RUNS_ON.search(below.group(1).rstrip()):
            break
    return text[start:end]


# A code before a title in a listing: "CPF Carpenter Foreman 8", "2111 Animal Health Inspector".
# "ELEC2", "0501G", "6121", and a series' numbered class "1.173" (three decimals: not money).
_CODE_TOKEN = re.compile(r"^(?:[A-Z][A-Z0-9-]{1,7}|\d{3,6}[A-Z]{0,2}|\d{1,2}\.\d{3})$")


def code_before_title(line: str, subject: Sequence[str], level: int | None = None) -> bool:
    """Whether a line writes a code directly before the title asked, as a listing of codes and
    titles does: the words after the code, up to the next code or figure, are words of the
    subject (two at least) with the level asked ("ELEC2 Electrician II", not "ELEC1
    Electrician I"), and no other title of the line holds more of them."""
    wanted = set(subject)
    # A table's cells: "1.173 | Legal Assistant | VI | 23 |" holds the title in one cell.
    tokens = line.replace("|", " | ").split()
    best, coded = 0, False
    for index, token in enumerate(tokens[:-1]):
        start = index + 2 if tokens[index + 1] == "|" else index + 1
        if token == "|" or start >= len(tokens) or not re.match(r"[A-Z][a-z]", tokens[start]):
            continue  # a title starts after a code
        words: list[str] = []
        for word in tokens[start:]:
            if (
                word == "|"
                or re.search(r"\d", word)
                or (_CODE_TOKEN.match(word) and not _level_of(word))
            ):
                break  # the next cell, code or figure ends the title
            words.append(word)
        levels = {n for w in words if (n := _level_of(w))}
        found = stems(" ".join(w for w in words if not _level_of(w)))
        share = len(found & wanted) + (level in levels)
        if share > best:
            fits = found <= wanted and levels <= {level}
            is_code = bool(_CODE_TOKEN.match(token)) and not _level_of(token)
            best, coded = share, is_code and fits and share >= 2
        elif share == best:
            coded = False  # two titles hold as much of it: neither is surely the one asked
    return coded


def _level_of(word: str) -> int | None:
    """The level a word in capitals writes ("II", "IV"), if it is one."""
    return level_value(word) if word.isupper() else None

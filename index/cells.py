"""What the cells and header labels of a class table look like: a title, a code, a grade, an
amount, and the header words that name each column's role."""

from __future__ import annotations

import re
from functools import cache

from index.dates import A_DATE
from index.levels import LEVEL_SUFFIX
from index.money import MONEY
from index.vocab import field_labels

_SMALL_WORDS = {
    "a", "an", "and", "of", "the", "for", "in", "on", "to", "&", "-", "or", "with", "and/or",
}  # fmt: skip
# Words that name a part of a document, never a class, even when a number follows ("Page 12").
_STRUCTURE_WORDS = {
    "page", "grade", "step", "level", "band", "section", "part", "table", "schedule", "appendix",
    "attachment", "article", "chapter", "figure", "item", "exhibit", "effective", "revised",
}  # fmt: skip
CODE_TOKEN = re.compile(r"^(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,11}$")
GRADE_TOKEN = re.compile(r"^(?:[A-Z]{1,4}-?)?\d{1,3}[A-Z]?$")
MONEY_TOKEN = re.compile(rf"^(?:{MONEY})$")
CELL_TOKENS = {
    "min": MONEY_TOKEN, "max": MONEY_TOKEN, "grade": GRADE_TOKEN, "code": CODE_TOKEN,
}  # fmt: skip
# Words of a header cell that names the title column.
TITLE_HEADERS = (
    "job classification", "classification title", "class title", "job title", "position title",
    "title", "classification", "position", "class",
)  # fmt: skip
_MIN_HEADERS = ("minimum", "min")
_MAX_HEADERS = ("maximum", "max")


# A title whose level is followed by a note in parentheses, capitalised: "Accountant 3
# (Supervisor)".
_NOTED_LEVEL = re.compile(r"^(?P<title>.+\s(?:\d{1,2}|[IVX]{1,4}))\s+\([A-Z][\w .&/-]*\)$")


def reads_as_title(text: str) -> bool:
    """A class title's look: two to ten words, each capitalised but the small ones, no figures
    but a trailing level, no date, and not the name of a part of a document."""
    words = text.split()
    if not 1 <= len(words) <= 10 or text.rstrip()[-1] in ".;,:" or A_DATE.search(text):
        return False
    noted = _NOTED_LEVEL.match(text)  # "Accountant 3 (Supervisor)": a level, then a note
    if noted:
        return reads_as_title(noted["title"])
    if words[0].lower().strip("()") in _STRUCTURE_WORDS or not re.search(r"[A-Za-z]{3}", text):
        return False
    for index, word in enumerate(words):
        letters = re.sub(r"^[^A-Za-z0-9]+", "", word)
        if not letters:
            continue
        last = index == len(words) - 1
        if letters[0].isdigit() and not (last and LEVEL_SUFFIX.search(" " + word)):
            return False
        if letters[0].islower() and word.lower() not in _SMALL_WORDS:
            return False
    return True


@cache
def label_pattern(words: tuple[str, ...]) -> str:
    """The words as one alternation, longest first (cached: a header is read many times)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def header_roles(text: str, max_words: int = 12) -> list[tuple[str, str]] | None:
    """The header's columns in order as (role, words); None unless a title column comes first
    and a code or grade column follows it. The words of a code, grade or pay column are found
    first, then the title's among the rest: "Job Classification Number" is a code column,
    though "Job Classification" would name titles."""
    if not text or re.search(r"\d", text) or len(text.split()) > max_words:
        return None
    labels = field_labels()
    roles = [
        ("grade", label_pattern(labels.grade)),
        ("code", label_pattern(labels.code)),
        ("min", label_pattern(_MIN_HEADERS)),
        ("max", label_pattern(_MAX_HEADERS)),
    ]
    ordered: list[tuple[str, str]] = []
    for _, _, role, words in labelled_columns(text, roles):
        if not ordered or ordered[-1][0] != role:
            ordered.append((role, words))
    names = [role for role, _ in ordered]
    if not names or names[0] != "title" or names.count("title") > 1:
        return None
    return ordered if "code" in names else None


def labelled_columns(text: str, roles: list[tuple[str, str]]) -> list[tuple[int, int, str, str]]:
    """(start, end, role, words) of a header's columns, in order: the labels of these roles
    first, then the title's among the words left ("Job Classification Number" is a code)."""
    found = role_words(text, roles)
    found += role_words(without_columns(text, found), [("title", label_pattern(TITLE_HEADERS))])
    return sorted(found)


def without_columns(text: str, columns: list[tuple[int, int, str, str]]) -> str:
    """The text with the words of these columns blanked out, the rest where it stood."""
    rest = list(text)
    for start, end, _, _ in columns:
        rest[start:end] = " " * (end - start)
    return "".join(rest)


# A rule under a table's header ("---|---|---", "===="): no cell of it names anything.
RULE_LINE = re.compile(r"^[\s|:+=_-]*$")


def role_words(text: str, roles: list[tuple[str, str]]) -> list[tuple[int, int, str, str]]:
    """(start, end, role, words) of each label of these roles in the text, longest words first
    across roles: "Job Code" is a code even though "job" starts a title."""
    choices, combined = _role_choices(tuple(roles))
    return [
        (m.start(), m.end(), choices[int(str(m.lastgroup)[1:])][0], m.group(0))
        for m in combined.finditer(text)
    ]


@cache
def _role_choices(
    roles: tuple[tuple[str, str], ...],
) -> tuple[list[tuple[str, str]], re.Pattern[str]]:
    """Each (role, word) of these roles, longest word first, and one pattern finding them all
    (built once per set of roles: the parser reads every header line with the same few)."""
    choices = sorted(
        ((role, word) for role, pattern in roles for word in pattern.split("|")),
        key=lambda pair: len(pair[1]),
        reverse=True,
    )
    # One word boundary around the alternatives (the same matches as one around each, as a
    # failed boundary backtracks into the next alternative), tried only where a word starts.
    alternatives = "|".join(rf"(?P<r{i}>{word})" for i, (_, word) in enumerate(choices))
    return choices, re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


# A figure of a table's row: an amount, or a number of three or more digits that is no year.
FIGURE = re.compile(
    r"[$£€]\s?\d[\d,]*(?:\.\d+)?|(?<![\d,.])(?!(?:19|20)\d\d\b)\d[\d,]{2,}(?:\.\d+)?\b"
)
# The words before a row's first figure: "Library Assistant I" of "Library Assistant I 687 712".
ROW_TITLE = re.compile(r"^(?P<title>[A-Za-z][A-Za-z .,'&/-]*?)\s+\$?\d")
_ROW_FIGURES = 2
_ROW_SHARE = 0.4


def is_figure_row(line: str) -> bool:
    """A row of figures ("5  20575 21308", "34 | $54,609 | $26.25 |"), not a sentence that
    gives two: the figures are much of its words."""
    figures = len(FIGURE.findall(line))
    words = len([w for w in line.split() if w != "|"])
    return figures >= _ROW_FIGURES and figures >= words * _ROW_SHARE

"""The one table of level names: Roman I-XX, Arabic 1-20 and words, for the parser and questions."""

from __future__ import annotations

import re

_ROMAN_NUMERALS = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split()
ROMAN_VALUES: dict[str, int] = {numeral: n for n, numeral in enumerate(_ROMAN_NUMERALS, 1)}
MAX_LEVEL = len(_ROMAN_NUMERALS)

_CARDINALS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
).split()
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
LEVEL_WORDS: dict[str, int] = {
    **{word: n for n, word in enumerate(_CARDINALS, 1)},
    **{word: n for n, word in enumerate(_ORDINALS, 1)},
}

# Longest numerals first, so that "VIII" is not read as "VII" followed by "I".
_BY_LENGTH = sorted(_ROMAN_NUMERALS, key=len, reverse=True)
ROMAN_PATTERN = "(?:" + "|".join(_BY_LENGTH) + ")"
# A level at the end of a title: "II", "2", "Level 3".
LEVEL_SUFFIX = re.compile(
    rf"(?:,?\s+(?:Level\s+)?(?P<roman>{ROMAN_PATTERN})|\s+(?:Level\s+)?(?P<arabic>\d{{1,2}}))$"
)
_WORDS_BY_LENGTH = sorted(LEVEL_WORDS, key=len, reverse=True)
# A level as a question or a title writes it: "ii", "2", "two", "second" (case-insensitive).
LEVEL_TOKEN = (
    "(?:"
    + "|".join(n.lower() for n in _BY_LENGTH)
    + r"|20|1[0-9]|[1-9]|"
    + "|".join(_WORDS_BY_LENGTH)
    + ")"
)
_LEVEL_TOKEN_ONLY = re.compile(rf"^{LEVEL_TOKEN}$", re.IGNORECASE)


def level_value(token: str) -> int | None:
    """The level a token names ("II", "2", "two", "second"), or None if it names none (1-20)."""
    token = token.strip().lower()
    if not _LEVEL_TOKEN_ONLY.match(token):
        return None
    if token.isdigit():
        return int(token)
    return ROMAN_VALUES.get(token.upper()) or LEVEL_WORDS.get(token)


def roman(level: int) -> str | None:
    """The Roman numeral of a level 1-20."""
    return _ROMAN_NUMERALS[level - 1] if 1 <= level <= MAX_LEVEL else None

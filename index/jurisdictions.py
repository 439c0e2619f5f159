"""Names and abbreviations of the jurisdictions that publish classification standards."""

from __future__ import annotations

import re

# Canonical name -> the ways people write it (lower case). Postal codes are matched
# as whole words only, and only in upper case where they collide with English words.
US_STATES: dict[str, tuple[str, ...]] = {
    "Alabama": ("al", "ala"),
    "Alaska": ("ak",),
    "Arizona": ("az", "ariz"),
    "Arkansas": ("ar", "ark"),
    "California": ("ca", "calif", "cal"),
    "Colorado": ("co", "colo"),
    "Connecticut": ("ct", "conn"),
    "Delaware": ("de", "del"),
    "Florida": ("fl", "fla"),
    "Georgia": ("ga",),
    "Hawaii": ("hi",),
    "Idaho": ("id",),
    "Illinois": ("il", "ill"),
    "Indiana": ("in", "ind"),
    "Iowa": ("ia",),
    "Kansas": ("ks", "kan"),
    "Kentucky": ("ky",),
    "Louisiana": ("la",),
    "Maine": ("me",),
    "Maryland": ("md",),
    "Massachusetts": ("ma", "mass"),
    "Michigan": ("mi", "mich"),
    "Minnesota": ("mn", "minn"),
    "Mississippi": ("ms", "miss"),
    "Missouri": ("mo",),
    "Montana": ("mt", "mont"),
    "Nebraska": ("ne", "neb"),
    "Nevada": ("nv", "nev"),
    "New Hampshire": ("nh",),
    "New Jersey": ("nj",),
    "New Mexico": ("nm",),
    "New York": ("ny", "nys", "n.y.", "new york state"),
    "North Carolina": ("nc",),
    "North Dakota": ("nd",),
    "Ohio": ("oh",),
    "Oklahoma": ("ok", "okla"),
    "Oregon": ("or", "ore"),
    "Pennsylvania": ("pa", "penn"),
    "Rhode Island": ("ri",),
    "South Carolina": ("sc",),
    "South Dakota": ("sd",),
    "Tennessee": ("tn", "tenn"),
    "Texas": ("tx", "tex"),
    "Utah": ("ut",),
    "Vermont": ("vt",),
    "Virginia": ("va",),
    "Washington": ("wa", "wash"),
    "West Virginia": ("wv",),
    "Wisconsin": ("wi", "wis"),
    "Wyoming": ("wy", "wyo"),
    "District of Columbia": ("dc", "d.c."),
}
FEDERAL = "United States (federal)"
FEDERAL_ALIASES = ("federal", "fed", "opm", "u.s. office of personnel management", "gs")

# Short codes that are also ordinary English words: only trusted in upper case.
_AMBIGUOUS_CODES = {
    "in",
    "me",
    "or",
    "oh",
    "ok",
    "hi",
    "id",
    "de",
    "la",
    "co",
    "ma",
    "pa",
    "mo",
    "al",
    "ga",
    "ne",
    "mi",
    "wa",
    "ms",
    "ct",
    "va",
    "gs",
    "fed",
    "ind",
    "ill",
    "del",
    "mass",
    "miss",
    "wash",
    "wis",
    "cal",
    "ore",
    "ark",
    "kan",
    "tex",
    "penn",
    "ut",
    "ia",
    "sc",
    "nd",
    "sd",
    "nc",
    "ak",
    "az",
}

_PUBLISHER_PATTERNS = (
    re.compile(r"\bState of ([A-Z][a-z]+(?: [A-Z][a-z]+)?)"),
    re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) State (?:Department|Civil Service|Personnel)"),
)
# "City of Riverbend Human Resources" names the city of Riverbend: stop at organisation words.
_LOCAL_GOVERNMENT = re.compile(r"\b(City|County|Town|Village|Borough) of ((?:[A-Z][a-z]+ ?){1,3})")
_ORGANISATION_WORDS = {
    "Human",
    "Resources",
    "Department",
    "Public",
    "Library",
    "Office",
    "Division",
    "Personnel",
    "Civil",
    "Service",
    "Board",
    "Commission",
}


# A code that also abbreviates "identifier": a place only where a place is written ("Boise,
# ID", "jobs in ID"), not in "the posting ID" or "a photo ID".
_IDENTIFIER_CODES = {"id"}
_PLACE_BEFORE = re.compile(r"(?:,|\b(?:in|from|of|at|near|to))\s*$", re.IGNORECASE)


def _alias_pattern(alias: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w.])" + re.escape(alias) + r"(?![\w])", re.IGNORECASE)


_ALIASES: list[tuple[str, str, re.Pattern[str]]] = []
for _name, _aliases in US_STATES.items():
    for _alias in (_name.lower(), *_aliases):
        _ALIASES.append((_name, _alias, _alias_pattern(_alias)))
for _alias in FEDERAL_ALIASES:
    _ALIASES.append((FEDERAL, _alias, _alias_pattern(_alias)))
# Longest first, so "new york state" wins over "new york" and "west virginia" over "virginia".
_ALIASES.sort(key=lambda item: -len(item[1]))
# The aliases by their first word: a text is searched only for those whose first word it holds
# (a title at a time, this is what indexing and start-up at 10,000 documents spend their time on).
_FIRST_WORD: dict[str, list[int]] = {}
for _position, _entry in enumerate(_ALIASES):
    _first = re.match(r"\w+", _entry[1])
    _FIRST_WORD.setdefault(_first.group(0) if _first else "", []).append(_position)


def _aliases_in(text: str) -> list[tuple[str, str, re.Pattern[str]]]:
    """The aliases that may occur in the text, longest first."""
    words = set(re.findall(r"\w+", text.lower()))
    positions = sorted(p for word in words for p in _FIRST_WORD.get(word, ()))
    return [_ALIASES[p] for p in positions]


def find_jurisdictions(text: str) -> list[str]:
    """Jurisdictions a question names, in order of first mention, without duplicates."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for name, alias, pattern in _aliases_in(text):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if alias in _AMBIGUOUS_CODES and match.group(0) != alias.upper():
                continue
            if alias in _IDENTIFIER_CODES and not _PLACE_BEFORE.search(text, 0, start):
                continue
            taken.append((start, end))
            found.append((start, name))
    ordered: list[str] = []
    for _, name in sorted(found):
        if name not in ordered:
            ordered.append(name)
    return ordered


def state_codes(name: str) -> tuple[str, ...]:
    """The two-letter codes of a state ("la" of Louisiana); none for another name."""
    return tuple(a for a in US_STATES.get(name, ()) if len(a) == 2)


def jurisdiction_of_publisher(text: str) -> str | None:
    """The jurisdiction a standard's own text names first as its publisher, if any."""
    found: list[tuple[int, str]] = []
    for pattern in _PUBLISHER_PATTERNS:
        match = pattern.search(text)
        if match:
            found.append((match.start(), match.group(1)))
    federal = text.find("Office of Personnel Management")
    if federal >= 0:
        found.append((federal, FEDERAL))
    local = _LOCAL_GOVERNMENT.search(text)
    if local:
        words = []
        for word in local.group(2).split():
            if word in _ORGANISATION_WORDS:
                break
            words.append(word)
        if words:
            found.append((local.start(), f"{local.group(1)} of {' '.join(words)}"))
    return min(found)[1] if found else None


# Every word that names a jurisdiction ("new", "york", "ny", "tx"): not a topic of a question.
JURISDICTION_WORDS = frozenset(
    word
    for name, aliases in US_STATES.items()
    for phrase in (name.lower(), *aliases)
    for word in re.findall(r"[a-z]+", phrase)
) | frozenset(FEDERAL_ALIASES)

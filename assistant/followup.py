"""Turn a follow-up ("and the next level up?") into a standalone question using the history."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.asked_parts import COUNTING
from assistant.class_index import ClassIndex
from assistant.query import STOPWORDS, QueryAnalysis, analyse, question_parts
from assistant.types import Turn
from assistant.typos import respelt_field_words
from index.dates import MONTH_NAMES, MONTH_SHORT
from index.levels import level_value
from index.money import PERIOD_NAMES, period_in
from index.structure import normalise_title
from index.types import ClassRecord
from index.vocab import intents

# How a standalone question is worded for each intent.
_INTENT_PHRASES = {i.name: i.phrase for i in intents().values() if i.phrase}


def resolve(question: str, history: Sequence[Turn], index: ClassIndex) -> QueryAnalysis:
    """The question analysed in the light of the earlier user turns (oldest first), each with
    its field words typed one slip away read as written ("levle 2")."""
    context: QueryAnalysis | None = None
    for turn in history:
        if turn.user.strip():
            asked = respelt_field_words(turn.user, index.words)
            context = _as_answered(_resolve_one(asked, context, index), turn.assistant)
    return _resolve_one(respelt_field_words(question, index.words), context, index)


def _as_answered(context: QueryAnalysis, answer: str) -> QueryAnalysis:
    """The classes of a turn that its answer spoke of: "Administrative Specialist I is #MAAA01"
    answered for the class of that code, or of the place it names, when the question matched
    several; "that series" then asks of that one."""
    if len(context.classes) < 2 or not answer:
        return context
    spoken = [
        r
        for r in context.classes
        if (r.code and re.search(rf"(?<![\w-]){re.escape(r.code)}(?![\w-])", answer))
        or (r.jurisdiction and f"({r.jurisdiction})" in answer)
    ]
    if not spoken or len(spoken) == len(context.classes):
        return context
    return replace(context, classes=tuple(spoken))


def _resolve_one(question: str, context: QueryAnalysis | None, index: ClassIndex) -> QueryAnalysis:
    current = analyse(question, index)
    if context is not None and not context.classes and _elliptic(current):
        # A class the catalog does not know: the follow-up asks on about the same words,
        # with what it changes changed ("GS-9 step 1 ..." then "and step 10?").
        changed = _with_changes(context.question, question) or _next_value(
            context.question, question, current.relative_level
        )
        asks_text = _ASKS_TEXT.match(question) or _asks_its_own(current)
        if not changed and not current.intents and asks_text:
            # "when does it close?", "what about vacation and leave" after a salary question
            # ask of the same thing, not its salary: the earlier question lends its subject,
            # not what it asked.
            subject = [w for w in re.findall(r"[\w'/-]+", context.question)
                       if w.lower() not in _ASKING_WORDS]  # fmt: skip
            return analyse(f"{question} {' '.join(subject)}", index)
        return analyse(changed or f"{context.question} {question}", index)
    if context is None or not context.classes:
        return _shift(current, index) if current.relative_level else current
    if not current.names_a_class:
        # "and for sub-journey 2?" after "Equipment Operator Journey 1": a class of the same
        # document named by the words that set it apart from the others.
        siblings = _named_beside(question, context.classes, index)
        current = replace(current, classes=siblings) if siblings else current
    self_contained = (
        current.names_a_class or current.pay_grades or (current.amounts and not current.intents)
    )
    if self_contained and not current.relative_level:
        # "what about the supervisor?" names a class and keeps asking what was asked, for
        # the period it was asked ("the monthly pay of X", then "what about the supervisor?").
        if current.intents:
            return current
        period = period_in(context.question)
        if period and not period_in(question):
            question = f"{question.rstrip(' ?')} ({PERIOD_NAMES[period]})?"
        return replace(current, question=question, intents=context.intents)
    classes: list[ClassRecord] = (
        list(current.classes) if current.names_a_class else list(context.classes)
    )
    level = current.level if current.level is not None else _level_alone(question)
    if current.jurisdictions and not current.names_a_class:
        counterparts = [
            m
            for r in context.classes
            for j in current.jurisdictions
            for m in index.counterpart(r, j)
        ]
        # "what's the union affiliation for it?": a word read as a place with no counterpart
        # of the class ("... Union Free School District") leaves the class asked about, and
        # is no place the follow-up moves to.
        classes = counterparts or ([] if _ASKS_ELSEWHERE.search(question) else classes)
        if not counterparts and classes:
            current = replace(current, jurisdictions=())
    elif level is not None and not current.names_a_class:
        classes = [r for c in context.classes for r in index.at_level(c, level)]
    # "who does that job report to?", "what were the posting dates?" ask a sentence of the
    # same class, not what was asked of it.
    tells = not current.intents and (bool(_ASKS_TEXT.match(question)) or _asks_its_own(current))
    resolved = replace(
        current,
        classes=tuple(dict.fromkeys(classes)),
        intents=current.intents or (() if tells else context.intents),
    )
    if current.relative_level:
        resolved = _shift(resolved, index)
    standalone = standalone_question(resolved)
    if standalone is None:
        return replace(resolved, question=question)
    if tells:
        # The classes are known: their titles lead the search to them, and the words of
        # their places would be read as what is asked of them.
        titles = " and ".join(dict.fromkeys(r.title for r in resolved.classes))
        standalone = f"{question.rstrip(' ?')} - {titles}?"
    asked_period = period_in(question)
    if asked_period and period_in(standalone) != asked_period:
        # "and monthly?": the standalone question keeps the period the follow-up asks.
        standalone = f"{standalone.rstrip('?')} ({PERIOD_NAMES[asked_period]})?"
    # The passages are read for the class as well as for what the follow-up asks of it.
    keywords = (*analyse(standalone, index).keywords, *current.keywords)
    return replace(resolved, question=standalone, keywords=tuple(dict.fromkeys(keywords)))


# A follow-up that moves the question to a place: "and in Ohio?", "what about at the county?".
_ASKS_ELSEWHERE = re.compile(
    r"^\s*(?:(?:and|what about|how about)\b|(?:in|at|for|from)\b)", re.IGNORECASE
)
# A follow-up that asks when, why, whether, how long or how many: a sentence answers it, not a
# figure.
_ASKS_TEXT = re.compile(
    r"^\s*(?:and\s+)?(?:when|why|how long|how often|how many|where|who|does|do|is|are|can)\b", re.I
)
# Words that point back at the class of the last question.
_POINTERS = frozenset("it its it's that this those these them they their same".split())
# A follow-up names at most this many words of its own besides what it asks.
_ELLIPTIC_WORDS = 2
# The words that say what is asked ("salary", "range", "code").
_ASKING_WORDS = frozenset(w for i in intents().values() for p in i.words for w in p.split())


def _named_beside(
    question: str, classes: Sequence[ClassRecord], index: ClassIndex
) -> tuple[ClassRecord, ...]:
    """The other classes of the documents of these classes whose titles hold every word of
    the question (besides its question words) and its level number: "sub-journey 2" names
    "Equipment Operator - Sub-Journey 2" beside "Equipment Operator - Journey 1"."""
    words = [
        w
        for w in re.findall(r"[a-z]+", question.lower())
        if w not in STOPWORDS and w not in _POINTERS and w not in _ASKING_WORDS
    ]
    number = re.search(r"\b(\d{1,2})\b", question)
    if not words or not number:
        return ()
    found = [
        record
        for source in dict.fromkeys(r.source for r in classes)
        for record in index.of_source(source)
        if record not in classes
        and record.level == int(number.group(1))
        and set(words) <= set(normalise_title(record.title).split())
    ]
    return tuple(found)


def _asks_its_own(analysis: QueryAnalysis) -> bool:
    """ "what about vacation and leave", "the open and close dates?": a follow-up that asks
    for nothing the catalog holds, in words of its own, and changes no level, place, grade or
    amount of what was asked."""
    changes = analysis.level is not None or analysis.relative_level
    changes = changes or bool(analysis.jurisdictions or analysis.pay_grades or analysis.amounts)
    own = [
        w
        for w in analysis.keywords
        if w not in _ASKING_WORDS
        and w not in _POINTERS
        and w not in _PAY_CHANGES
        and not _WHEN_WORD.fullmatch(w)
    ]
    return bool(own) and not changes


# Words that change when or which pay of the same thing is asked for: "and after 4 years?",
# "before the 2012 increase?", "and the total package?".
_PAY_CHANGES = frozenset(
    "increase increases raise raises rise package total year years month months week weeks "
    "previous prior before after later earlier new old current".split()
)
# A date's words change when the same thing is asked for ("what about from 1 april 2024?").
_WHEN_WORD = re.compile(rf"\d+(?:st|nd|rd|th)?|{MONTH_SHORT}|{MONTH_NAMES}")


def _elliptic(analysis: QueryAnalysis) -> bool:
    """ "and step 10?", "what's its job code?", "and the hourly range?": a question that leans
    on the one before it for what it is about."""
    if analysis.names_a_class:
        return False
    words = re.findall(r"[\w'’-]+", analysis.question.lower())  # "for it?" points with "it"
    if (words and words[0] in ("and", "also")) or _POINTERS & set(words):
        return True
    if words[:2] in (["what", "about"], ["how", "about"]):  # "what about from 1 April?"
        return True
    own = [w for w in analysis.keywords if w not in _ASKING_WORDS and w not in COUNTING]
    if len(own) <= _ELLIPTIC_WORDS - 1:
        return True
    # "how many applied and what was the vote?": each question of it short of a subject.
    parts = question_parts(analysis.question)
    return len(parts) > 1 and all(
        len([w for w in own if w in p.lower().split()]) <= _ELLIPTIC_WORDS - 1 for p in parts
    )


# A labelled value a follow-up may change: "step 10", "band 6", "GS-11".
_LABELLED_VALUE = re.compile(r"\b([A-Za-z]{2,12})\s*-?\s*(\d{1,3}[A-Za-z]?)\b")


def _with_changes(earlier: str, follow_up: str) -> str | None:
    """The earlier question with each labelled value the follow-up gives in its place ("What
    is GS-9 step 1 in the Buffalo table?" + "and step 10?"); None when it changes none."""
    changed = earlier
    for label, value in _LABELLED_VALUE.findall(follow_up):
        pattern = re.compile(rf"\b({re.escape(label)}\s*-?\s*)\d{{1,3}}[A-Za-z]?\b", re.I)
        changed = pattern.sub(rf"\g<1>{value}", changed)
    for letters, digits in _KEY_TOKEN.findall(follow_up):
        # "and B03?" after "... job group CPS B04 ...": a grade of the same shape, changed.
        pattern = re.compile(rf"\b{re.escape(letters)}\d{{{len(digits)}}}\b", re.I)
        changed = pattern.sub(f"{letters}{digits}", changed)
    for value, unit in _VALUE_UNIT.findall(follow_up):
        # "and after 2 years?" after "... after 3 years of employment": the count changed.
        pattern = re.compile(rf"\b\d{{1,3}}(\s*{re.escape(unit.rstrip('s'))}s?)\b", re.I)
        changed = pattern.sub(rf"{value}\g<1>", changed)
    dates = _DATE_WRITTEN.findall(follow_up)
    only_dates = set(_WORDS.findall(_DATE_WRITTEN.sub(" ", follow_up).lower())) <= _DATE_FRAME
    if dates and only_dates and len(_DATE_WRITTEN.findall(changed)) == len(dates):
        # "and from 2026-04-01 to 2027-03-31?" after "... from 2024-04-01 to 2025-03-31?":
        # the dates changed, in the order written.
        given = iter(dates)
        changed = _DATE_WRITTEN.sub(lambda _: next(given), changed)
    ordinals = _ORDINAL.findall(follow_up)
    if len(ordinals) == 1 and len(_ORDINAL.findall(changed)) == 1:
        # "what about the 2nd one?" after "the 1st progression rate": the ordinal changed.
        changed = _ORDINAL.sub(ordinals[0], changed)
    return changed if changed != earlier else None


# A year or a day written as numbers: "2024", "2024-04-01"; and the words a follow-up that
# only changes them writes around them ("and from ... to ...?", "what about 2025?"; not "before
# the 2012 increase", which asks another thing).
_DATE_WRITTEN = re.compile(r"\b(?:19|20)\d\d(?:-[01]\d-[0-3]\d)?\b")
_DATE_FRAME = frozenset(
    {"and", "from", "to", "for", "in", "until", "as", "of", "what", "about", "the", "through"}
    | {"period", "year", "then", "how"}
)
_WORDS = re.compile(r"[a-z]+")
# A count and what it counts: "2 years", "6 months".
_VALUE_UNIT = re.compile(r"\b(\d{1,3})\s*(years?|yrs?|months?|weeks?|days?|hours?)\b", re.I)
# An ordinal: "1st", "2nd", "third".
_ORDINAL = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth)\b",
    re.I,
)


# A grade written as one to three capitals and its number, glued: "B03", "MX13".
_KEY_TOKEN = re.compile(r"\b([A-Z]{1,3})(\d{1,3})\b")


def _next_value(earlier: str, follow_up: str, relative: int) -> str | None:
    """The earlier question with a labelled value moved one up or down ("What is the FDIC
    CG-09 range?" + "and the next grade up?" -> CG-10), its zeros kept: the step's when the
    follow-up moves the step, else the first other. None when the follow-up moves nothing or
    the earlier question gives no such value."""
    found = list(_LABELLED_VALUE.finditer(earlier)) if relative else []
    steps = [m for m in found if m.group(1).lower() == "step"]
    found = (
        steps if re.search(r"\bstep\b", follow_up, re.I) else [m for m in found if m not in steps]
    )
    found = found[:1]
    number = re.match(r"\d+", found[-1].group(2)) if found else None
    if not found or number is None:
        return None
    value = int(number.group(0)) + relative
    if value < 0:
        return None
    moved = f"{value:0{len(number.group(0))}d}"
    start, end = found[-1].span(2)
    return f"{earlier[:start]}{moved}{earlier[start + len(number.group(0)) : end]}{earlier[end:]}"


def _shift(analysis: QueryAnalysis, index: ClassIndex) -> QueryAnalysis:
    """Move each class one level up or down its series ("the next level up")."""
    shifted = []
    for record in analysis.classes:
        if record.level is None:
            continue
        shifted += index.at_level(record, record.level + analysis.relative_level)
    return replace(analysis, classes=tuple(dict.fromkeys(shifted)))


def _level_alone(question: str) -> int | None:
    """The level a follow-up names by its numeral alone: "and for the II?", "what about 3?"."""
    words = [w for w in re.findall(r"[a-z0-9]+", question.lower()) if w not in _LEAD_WORDS]
    if len(words) != 1 or words[0] == "i":  # "and I?" is no level
        return None
    return level_value(words[0])  # the shared table's levels, 1 to 20


# The words around a level asked alone: "and for the II?", "how about level 3".
_LEAD_WORDS = frozenset("and for the what about how at level".split())


def standalone_question(analysis: QueryAnalysis) -> str | None:
    """ "What is the grade or salary group of Certified Peer Support Specialist II (Texas)?" """
    if not analysis.classes:
        return None
    phrase = next(
        (_INTENT_PHRASES[i] for i in analysis.intents if i in _INTENT_PHRASES), "Tell me about"
    )
    return f"{phrase} {_names(analysis.classes)}?"


def _names(classes: Sequence[ClassRecord]) -> str:
    """ "Certified Peer Support Specialist II (Texas) and ...": each class with its place."""
    return " and ".join(
        f"{r.title} ({r.jurisdiction})" if r.jurisdiction else r.title for r in classes
    )

"""Understand a question: which classes (titles, aliases, levels, codes) and what is asked."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.class_index import ClassIndex
from assistant.scope import Naming
from assistant.titles import (
    Mention,
    common_english,
    find_mentions,
    letters_swapped,
    levels_after,
    split_glued_levels,
    words_in_capitals,
    written_as_titled,
)
from index.levels import LEVEL_TOKEN, level_value
from index.money import CURRENCY_SIGNS, TYPED_MONEY
from index.types import ClassRecord
from index.vocab import abbreviations, intents

# What a question asks for, by the words people use (index/vocab/intents.yaml).
INTENT_WORDS: dict[str, tuple[str, ...]] = {i.name: i.words for i in intents().values()}
_INTENT_PATTERNS = {
    intent: re.compile(
        r"(?<![\w])(?:"
        + "|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))
        + r")(?:e?s)?(?![\w])"  # "compare the grades", "codes"
    )
    for intent, phrases in INTENT_WORDS.items()
}
# "what does an adjunct get per course?": what one receives for each unit of work is pay.
_PAY_BY_UNIT = re.compile(
    r"\b(?:get|gets|receive|receives|received)\b[^?]{0,40}?\bper\s+(?:\S+\s+){0,3}?"
    r"(?:course|credit|hour|class|session|shift|day|week|month|year|annum|lesson|visit)s?\b"
)
# "..., and who is ...", "... and how many weeks ...", "...? When ...": where a second
# question starts.
_NEXT_QUESTION = re.compile(
    r"(?:,\s*|\s+)and\s+(?=(?:who|whom|whose|what|when|where|which|how|why|by when)\b)"
    r"|;\s*|\?\s+(?=\S)",
    re.IGNORECASE,
)
# A part that asks for a person, a time or a name: no amount.
_ASKS_NO_FIGURE = re.compile(
    r"\s*(?:who|whom|when|by when|how often|how long|(?:which|what) (?:years?|dates?|days?|months?)"
    r"|what did\b.*\bcall)\b"
)
# "Who starts higher per hour, X or Y?", "who earns the most?": a person asked by pay.
_WEIGHS_PAY = re.compile(
    r"\b(?:higher|more|less|lower|most|least|better|earns?|makes?|starts?|gets? paid)\b"
)
# Pay the one asking owes: "the fees students have to pay", "must pay for their uniforms" (not
# "the pay for a clerk").
_PAY_OWED = re.compile(
    r"\b(?:(?:have|has|had|need|needs|needed) to|must|should)\s+pay\b|\bpay\s+themselves\b"
    # "what fee do UR/OBC candidates pay?", "how much do employees pay for parking?" (not "what
    # does Band 5 pay?", nor "what does a student assistant pay?": a post's pay)
    r"|\b(?:do|does|did|will|would)\s+(?:[\w/()-]+\s+){0,8}?(?:candidates?|applicants?|students?"
    r"|members?|employees?|workers?|you|i|we|they)\s+pay\b"
)
_PHRASE_INTENTS = (
    (
        "code",
        re.compile(
            r"\b(?:job|posting|position|requisition|vacancy)\s+id\b"
            r"|\b(?:occupational|job)\s+series\b|\bseries\s+number\b"
        ),
    ),
    ("duties", re.compile(r"\b(?:key\s+)?(?:performance|result)\s+areas?\b|\bkpas?\b")),
    ("salary", _PAY_BY_UNIT),
)
# Intents whose answer comes from the catalog row rather than a section's text.
CATALOG_INTENTS = tuple(i.name for i in intents().values() if i.catalog)

STOPWORDS = frozenset(
    (
        "a|an|and|are|as|at|be|by|can|could|do|does|for|from|give|how|i|in|is|it|its|me|my|of|"
        "on|or|our|please|tell|the|this|to|us|we|what|whats|when|where|which|who|whom|whose|why|"
        "will|with|would|you|your|there|their|than|that|about|tell|info|information|explain|"
        "details|know|describe|want|much|each|every|any|some|expect|expected|expects|should|"
        "was|were|been|being|has|have|had|did|done|am|"
        # Hedges that say how often or how sure, never what about: "does X ever act as ...".
        "ever|usually|typically|normally|generally|often|sometimes|also|still|currently|really|"
        "actually|just|even|already|only|"
        # Prepositions that place what is asked, never name it: "over 26 years", "under the
        # 2003 code".
        "over|under|after|before|between|into|upon|within|without|during|through|since|until|"
        # Conjunctions of time: "once fully competent" asks what the text says "when fully
        # competent".
        "once|while|whilst|"
        # Half a word: "non" of "non-exempt" (its "exempt" says what is asked).
        "non|"
        # "what kind of work", "what sort of duties": how a question asks, not what about.
        "kind|sort|"
        # "which of these jobs mention a CDL": pointing at what is asked, or asking whether a
        # text speaks of it, never what it is.
        "these|those|mention|mentions|mentioned|"
        # "what duties does the posting list / show / say?": how a text is asked of.
        "list|lists|show|shows|say|says|said|include|includes|contain|contains|"
        # Pronouns: "what do they do?" asks of the class named before, never of "they".
        "they|them|he|she|him|his|her|hers|"
        # "what qualifies someone to apply": anyone, never who is asked about.
        "someone|somebody|anyone|anybody|"
        # "what stipend do recruits get / receive?": having, never what is had.
        "get|gets|got|getting|receive|receives|received|"
        # What is left of a contraction ("doesn't" -> "doesn", "t"): its verb, no subject.
        "doesn|don|didn|isn|aren|wasn|weren|hasn|haven|hadn|wouldn|shouldn|couldn|"
        # ... and a contraction typed without its apostrophe ("if i dont have a cdl").
        "dont|doesnt|didnt|isnt|arent|wasnt|cant|wont|ive"
    ).split("|")
)


@dataclass(frozen=True)
class QueryAnalysis:
    """What a question is about and what it asks, resolved against the class catalog."""

    question: str
    intents: tuple[str, ...] = ()
    classes: tuple[ClassRecord, ...] = ()  # the classes the question is about
    jurisdictions: tuple[str, ...] = ()
    series_named: tuple[str, ...] = ()  # series named without a level ("CPS")
    level: int | None = None
    codes: tuple[str, ...] = ()
    pay_grades: tuple[str, ...] = ()  # grades or groups the catalog knows
    claimed_grades: tuple[str, ...] = ()  # every "grade N" / "group X" the question states
    amounts: tuple[str, ...] = ()  # dollar amounts as written in the question
    keywords: tuple[str, ...] = ()  # content words, for passage answers
    relative_level: int = 0  # +1 for "the next level up", -1 for "the level below"
    # Levels named but not in the catalog: (series, level, jurisdiction), e.g. "CPS 3".
    missing_levels: tuple[tuple[str, int, str | None], ...] = ()
    # Ranks named with a series that no class of it holds: (series, rank, jurisdiction), e.g.
    # "Maintenance Worker Lead" of a series of levels I, II and 3.
    missing_ranks: tuple[tuple[str, str, str | None], ...] = ()
    # The documents the question names by their own names ("at FERC"), once looked up.
    naming: Naming | None = None
    # Classes of the same title with their levels written otherwise ("Water Auditor 1" when
    # "Water Auditor I" is asked): not answered, but mentioned.
    similar: tuple[ClassRecord, ...] = ()

    @property
    def names_a_class(self) -> bool:
        return bool(self.classes or self.series_named or self.codes)

    def with_classes(self, classes: Iterable[ClassRecord]) -> QueryAnalysis:
        return _replace(self, classes=tuple(classes))

    def allows(self, source: str) -> bool:
        """Whether a document may answer: any, unless the question names documents."""
        return self.naming is None or self.naming.allows(source)


# The labels a number follows ("level one", "step one"): "one" after any other word stands
# for what was named ("the bus monitor one").
_NUMBERED_BY = frozenset(
    "level grade step band tier class year years part phase group range type category number "
    "schedule section item".split()
)


# The words of applying, which a question asking what a job requires asks with.
_APPLYING = frozenset({"apply", "applying", "applicant", "applicants"})


def _pronoun_one(words: list[str], position: int) -> bool:
    """Whether "one" at this position stands for a noun rather than a number."""
    return words[position] in ("one", "ones") and (
        position == 0 or words[position - 1] not in _NUMBERED_BY
    )


# "the new hire hourly rate", "what do new employees start on": whoever is newly taken on,
# not a word of the post's name.
_NEWLY_TAKEN = frozenset(
    {"hire", "hires", "hiree", "hirees", "employee", "employees", "starter", "starters"}
    | {"recruit", "recruits", "staff", "worker", "workers", "appointee", "appointees"}
)


def _newly_taken(words: list[str], position: int) -> bool:
    """Whether the word at this position is the "new" of "new hire" or "new employees"."""
    following = words[position + 1] if position + 1 < len(words) else ""
    return words[position] == "new" and following in _NEWLY_TAKEN


def _offering(words: list[str], position: int) -> bool:
    """Whether the word at this position says that a post is offered: "hiring" after "is"
    ("the keepers the city is hiring"), not the "hiring rate" of a pay table."""
    before = words[position - 1] if position else ""
    return words[position] == "hiring" and before in _AUXILIARIES


# The verbs a present participle follows: "is hiring", "are currently hiring".
_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "currently", "now"})


def _replace(analysis: QueryAnalysis, **changes: object) -> QueryAnalysis:
    from dataclasses import replace

    return replace(analysis, **changes)  # type: ignore[arg-type]


# "class #", "job #": the number of a class; "range #" is the number of a range, its grade.
_NUMBER_SIGN = re.compile(r"\b([a-z]+)\s*#(?!\s*\d)")
_NUMBERED_GRADES = frozenset({"range", "grade", "band", "level", "step", "group"})


def _number_sign(match: re.Match[str]) -> str:
    word = match.group(1)
    return match.group(0) if word in _NUMBERED_GRADES else f"{word} number"


# A tag that asks for a yes or a no ("..., right?", "..., isn't it?") says nothing of what.
_TAG_QUESTION = re.compile(
    r"[,;-]\s*(?:right|correct|true|yes|no|ok(?:ay)?|am i right|is(?:n'?t| not) (?:it|that)"
    r"(?: right| correct| so| true)?|(?:is|are|do|does|did)n'?t (?:it|that|they|he|she|there))"
    r"\s*\?+\s*$",
    re.IGNORECASE,
)


def is_claim(question: str) -> bool:
    """Whether a question states something and asks if it is so ("X starts on Band 6, don't
    they?"): what it gives is the claim to check, not what it asks about."""
    return bool(_TAG_QUESTION.search(question))


# What a claim likens its subject to: "... like social workers", "same as rec leaders".
_LIKENED = re.compile(r"\b(?:just\s+)?(?:like|same as|as with|the same as)\b[^,;?]*", re.I)


def likened_words(question: str) -> set[str]:
    """The words of what a claim likens its subject to ("Nurses start on Band 6 like social
    workers, don't they?": "like", "social", "workers"): another subject, not the one asked."""
    if not is_claim(question):
        return set()
    return {w for m in _LIKENED.finditer(question) for w in re.findall(r"[a-z]+", m[0].lower())}


def untagged(question: str) -> str:
    """The question without its tag ("..., don't they?" -> "...?")."""
    return _TAG_QUESTION.sub(" ?", question, count=1)


# A code given in parentheses after a title: "(class code 2618)", "(#4392)", "(job no. 31)".
GIVEN_CODE = re.compile(
    r"\(\s*(?:(?:class|job|position|title)\s+)?(?:code|no\.?|number|#)\s*:?\s*#?[A-Z0-9-]*\d"
    r"[A-Z0-9-]*\s*\)",
    re.IGNORECASE,
)


def normalise_question(question: str) -> str:
    """Lower case, unescaped, abbreviations spelled out, punctuation reduced to spaces."""
    text = _TAG_QUESTION.sub(" ?", question.replace("\\$", "$").lower())
    text = re.sub(r"(?<=[a-z])\.(?=\s|$)", " ", text)  # "cert." -> "cert"
    text = _NUMBER_SIGN.sub(_number_sign, text)  # "class #" -> "class number"
    words = []
    # "UT-TEMP-2020-0022" is one identifier: its "temp" is no shortening of "temporary".
    for match in re.finditer(rf"{_IDENTIFIER.pattern}|\$?[\w$,.]+|[^\w\s]", text):
        word = match.group(0)
        # "sub-journey": a part of a hyphenated word is no shortening of its own ("sub").
        joined = (
            text[match.end() : match.end() + 1] == "-"
            or text[match.start() - 1 : match.start()] == "-"
        )
        words.append(word if joined else abbreviations().get(word, word))
    return " ".join(words)


# The words that name what a bare figure after them numbers: a position, a vacancy, a posting.
_NUMBER_LABEL = re.compile(
    r"\b(?:position|posting|vacancy|announcement|requisition|req|reference|ref|id|number|no"
    r"|advert(?:isement)?)\.?\s*(?:no\.?|number|#)?\s*[:#]?\s*$",
    re.IGNORECASE,
)
# A run of letters and figures joined by hyphens, a figure among them: a code or a number.
_IDENTIFIER = re.compile(r"\b(?=[a-z0-9-]*\d)[a-z0-9]+(?:-[a-z0-9]+)+\b")


def analyse(question: str, index: ClassIndex) -> QueryAnalysis:
    """Resolve one question (no history) against the catalog."""
    text = normalise_question(question)
    words = split_glued_levels(re.findall(r"[a-z0-9]+", text), index.series.acronyms)
    capitals = words_in_capitals(question)
    mentions = find_mentions(words, index.series, capitals, index.place_words)
    # "Accountant IV in the Colorado accountant class series": a title another place's standard
    # writes exactly names no class of the place asked, nor hides that place's series.
    jurisdictions = index.jurisdictions_in(question)
    exact = [
        m
        for m in mentions
        if written_as_titled(m, words)
        and _level_exists(m, words)
        and (not jurisdictions or m.series.records[0].jurisdiction in jurisdictions)
    ]
    also: list[Mention] = []
    if exact:
        # A title written exactly as one standard writes it names that class alone: not
        # another place's title that needs a word more, nor the same title with its levels
        # written otherwise ("Water Auditor I" is not Riverbend's "Water Auditor 1"), which
        # the answer only mentions.
        # One mark per word, not a comparison of every mention with every exact one: a long
        # history repeats a title thousands of times.
        covered = [False] * (len(words) + 1)
        for m in exact:
            covered[m.start : m.end] = [True] * (m.end - m.start)
        chosen = {id(m) for m in exact}
        overlapping = {id(m) for m in mentions if any(covered[m.start : m.end])}
        also = [m for m in mentions if id(m) not in chosen and m.tier == 3 and id(m) in overlapping]
        mentions = [m for m in mentions if id(m) in chosen or id(m) not in overlapping]
    # "National City Police Dispatcher or San Bernardino's Police Dispatcher 2": a title right
    # after a place's name is that place's, not another's of the same title.
    mentions = [
        m
        for m in mentions
        if not index.names_another_place(
            words[max(0, m.start - _PLACE_BEFORE) : m.start], m.series.records[0].jurisdiction
        )
    ]
    # Words of a class title say which class, not what is asked ("Eligibility Worker").
    title_words = {w for m in mentions for w in words[m.start : m.end]}
    # "the Library Technician (class code 2618)": a code in parentheses says which class.
    asking = normalise_question(GIVEN_CODE.sub(" ", question))
    intents = detect_intents(" ".join(w for w in asking.split() if w not in title_words))
    if "pay_grade" in intents and _TITLED_GRADE.search(question):
        # "the maximum age limit for the MHA Manager Grade II post": the grade titles the post
        # and is not asked, when no other word asks one.
        untitled = normalise_question(GIVEN_CODE.sub(" ", _TITLED_GRADE.sub(" ", question)))
        asked = detect_intents(" ".join(w for w in untitled.split() if w not in title_words))
        if "pay_grade" not in asked:
            intents = asked  # "the salary scale for the Clerical Officer Grade III": salary
    codes = index.codes_in(text)
    pay_grades = index.pay_grades_in(text)
    typed = question.replace("\\$", "$")
    amounts = tuple(
        m.group(0)
        for m in TYPED_MONEY.finditer(typed)
        if re.sub(r"\D", "", m.group(0)) not in {c for c in codes}
        # "(position 46010)", "vacancy no. 240800": a number the question names a posting by.
        and not (m.group(0).isdigit() and _NUMBER_LABEL.search(typed[: m.start()]))
    )
    claimed_grades = tuple(
        m.group(1).upper()
        for m in re.finditer(r"\b(?:grade|group|band|range)\s+([a-z]{0,3}-?\d{1,3}[a-z]?)\b", text)
    )
    level, relative = _level(text)
    ranked = [(m, rank) for m in mentions if (rank := _rank_beside(words, m)) is not None]
    missing_ranks = [(m.series.name, rank, m.series.records[0].jurisdiction) for m, rank in ranked]
    # Nor is the rank another series that shares the words ("Chief Maintenance Worker").
    spans = [range(m.start, m.end) for m, _ in ranked]
    mentions = [m for m in mentions if not any(m.start in s or m.end - 1 in s for s in spans)]
    classes, series_named, missing_levels = _classes_named(words, mentions, level, pay_grades)
    classes += _ranked_siblings(words, mentions, classes, index)
    if relative and any(_RANKS & set(re.findall(r"[a-z]+", r.title.lower())) for r in classes):
        relative = 0  # "the senior level" of a series with a class titled "..., Senior"
    for code in codes:
        classes += index.by_code(code)
    if codes:  # "administrative specialist 1 maaa01": the code says which standard's
        coded = {r.source for code in codes for r in index.by_code(code)}
        classes = [r for r in classes if r.source in coded] or classes
    if pay_grades:  # "GS-5 ... in the 0303 series": the grade picks among the code's classes
        classes = [r for r in classes if r.pay_grade in pay_grades] or classes
    if not classes:
        label_match = index.by_level_label(text)
        classes += label_match
    if jurisdictions:
        classes = _in_jurisdictions(classes, jurisdictions, index)
        missing_levels = [m for m in missing_levels if m[2] in jurisdictions]
    classes = _fullest_titles(classes, set(words))
    similar = _classes_named(words, also, level, pay_grades)[0] if also else []
    if jurisdictions:
        similar = [r for r in similar if r.jurisdiction in jurisdictions]
    # "What are the requirements to apply for X?": applying is how it asks, not what about.
    applying = _APPLYING if "qualifications" in intents else frozenset()
    # "OIG/AED-2026-0002": a document's number names it; its parts are no words of a subject.
    numbered = {p for m in _DOCUMENT_NUMBER.finditer(text) for p in re.findall(r"[a-z0-9]+", m[0])}
    # "SA II", "RN": two letters written in capitals are initials, a word of the subject.
    initials = {w for w in capitals if len(w) == 2 and level_value(w) is None}
    keywords = tuple(
        w
        for n, w in enumerate(words)
        if w not in STOPWORDS
        and not _mistyped_stopword(w)
        and w not in applying
        and w not in numbered
        and (len(w) > 2 or w in initials)
        and not _pronoun_one(words, n)
        and not _newly_taken(words, n)
        and not _offering(words, n)
    )
    return QueryAnalysis(
        question=question,
        intents=intents,
        classes=tuple(dict.fromkeys(classes)),
        jurisdictions=jurisdictions,
        series_named=tuple(series_named),
        level=level,
        codes=codes,
        pay_grades=pay_grades,
        claimed_grades=claimed_grades,
        amounts=amounts,
        keywords=keywords,
        relative_level=relative,
        missing_levels=tuple(missing_levels),
        missing_ranks=tuple(missing_ranks),
        similar=tuple(r for r in dict.fromkeys(similar) if r not in classes),
    )


# "accounting technician I vs senior": a rank alone after the joiner of a comparison names the
# class of that rank in the series the question named ("Accounting Technician, Senior").
_RANK_WORDS = frozenset("senior junior lead principal chief supervising trainee".split())
_COMPARE_JOINERS = frozenset({"vs", "versus", "or", "and", "to", "with", "than"})


# The words before a title that may name its place ("san bernardino s").
_PLACE_BEFORE = 3


def _ranked_siblings(
    words: list[str], mentions: list[Mention], classes: list[ClassRecord], index: ClassIndex
) -> list[ClassRecord]:
    """The classes a lone rank word after a joiner names beside the classes already named; a
    rank that begins a title of its own ("vs senior accountant") is that title's."""
    named = {n for m in mentions for n in range(m.start, m.end)}
    ranks = []
    for n, word in enumerate(words):
        after_joiner = n > 0 and words[n - 1] in _COMPARE_JOINERS
        after_article = n > 1 and words[n - 1] in ("the", "a") and words[n - 2] in _COMPARE_JOINERS
        if word in _RANK_WORDS and (after_joiner or after_article) and not {n, n + 1} & named:
            ranks.append(word)
    found = [sibling for rank in ranks for r in classes for sibling in index.ranked(r, rank)]
    return [r for r in dict.fromkeys(found) if r not in classes]


def _level_exists(mention: Mention, words: list[str]) -> bool:
    """Whether the level written after a series' title is one of its classes: "Engineering
    Technician 2" is no class of a series with levels 1 and 3."""
    levels = levels_after(words, mention.end)
    return any(r.level in levels for r in mention.series.records)


def _in_jurisdictions(
    classes: list[ClassRecord], jurisdictions: tuple[str, ...], index: ClassIndex
) -> list[ClassRecord]:
    """Keep the classes of the named jurisdictions; "cps ii in tx" maps to the Texas counterpart."""
    kept = [r for r in classes if r.jurisdiction in jurisdictions]
    if kept or not classes:
        return kept
    return [
        match
        for record in classes
        for place in jurisdictions
        for match in index.counterpart(record, place)
    ]


# A question that begins by asking for a grade ("What salary grade is ...", "Which band ..."),
# not what a grade pays ("what grade pays the most").
_ASKS_GRADE_FIRST = re.compile(
    r"\s*(?:what|which)\s+(?:(?:salary|pay|job)\s+)?(?:grade|band|group)s?\b"
    r"(?!\s+(?:pays?|earns?|makes?)\b)"
)
# "pay" as a verb or on its own, not the first word of "pay grade" or "pay band".
_PAY_ASKED = re.compile(
    r"\b(?:pays?(?!\s+(?:grade|band|group|range|level|scale|plan|code|rate|matrix))|paid"
    # "the salary for pay grade 118" asks for dollars; "salary group" names the group.
    r"|salar(?:y|ies)(?!\s+(?:grade|band|group|range|level|scale|plan|code|schedule|table)))\b",
    re.I,
)


_ASSIGNED = re.compile(
    r"\b(?:range|scale|schedule)\b.*\b(?:assigned|allocated)\b"
    # "what salary range is X on?", "range #", "range number"
    r"|\b(?:range|scale)\b.*\bis\b.*\bon\b(?:\s+for\b.*)?\s*\??$|\brange\s*(?:#|number\b|no\b)",
    re.I,
)


# "The grade maximum", "grade mid", "band minimum": a column of a grade's pay.
GRADE_PAY_COLUMN = re.compile(r"\b(?:grade|band)\s+(?:min|max|mid)(?:imum|point)?\b", re.I)


# "how many days ...": a count of something that is no pay field.
_COUNTS_ANOTHER = re.compile(
    r"\bhow many\s+(?!(?:pay\s+|salary\s+)?(?:grades?|groups?|bands?|levels?|steps?|ranges?)\b)"
)
# "who does the grade 16 library tech work under?", "where do grade 5 clerks work?": a person,
# a place, a time or a manner is asked, never a grade.
_ASKS_ANOTHER = re.compile(r"\s*(?:who|whom|where|when|how(?!\s+(?:much|many)\b))\b")
# "the MHA Manager Grade II deputation post": a post titled with its grade in roman numerals.
_TITLED_GRADE = re.compile(r"\b[A-Z][a-z]+[\s-]+Grade[\s-]+[IVX]{1,4}\b")
# A grade, group or band given with its value: "grade 110", "band 5", "grade level ii".
_VALUED_GRADE = re.compile(
    r"\b(?:(?:grade|pay|salary|job)[\s-]+)?(?:grade|group|band|range|level)[\s-]+"
    r"(?:[a-z]{0,3}-?\d{1,3}[a-z]?|[ivx]{1,4})\b"
)


# A number of three parts or more joined by "-" or "/", letters and figures both: an
# announcement's or a vacancy's number ("OIG/AED-2026-0002", "D-DC-24-12380787-DE-SMA").
_DOCUMENT_NUMBER = re.compile(
    r"(?<![\w/-])(?=[\w/-]*[a-z])(?=[\w/-]*\d)[a-z0-9]+(?:[-/][a-z0-9]+){2,}(?![\w/-])"
)

_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"


def _mistyped_stopword(word: str) -> bool:
    """Whether a word is a little word with two letters typed the wrong way round: "acutally"
    asks nothing that "actually" does not."""
    if len(word) < _LEAST_MISTYPED or common_english(word):
        return False  # "three" is a word of its own, not "there" mistyped
    return any(swapped in STOPWORDS for swapped in letters_swapped(word))


# Shorter words are left as typed: "fro" is no "for".
_LEAST_MISTYPED = 5


def question_parts(question: str) -> list[str]:
    """The questions a question asks one after the other ("how many applied", "what was the
    vote"); the question alone when it asks one."""
    return [p for p in _NEXT_QUESTION.split(question) if p.strip()]


def _fullest_titles(classes: list[ClassRecord], asked: set[str]) -> list[ClassRecord]:
    """Of classes of one series and level ("Accountant 3", "Accountant 3 (Supervisor)"), those
    whose title the question writes most fully: the supervisor's when it says "supervisor",
    the plain one when it does not. Classes of other series, or alone at their level, stay."""
    groups: dict[tuple[str | None, int | None, str | None], list[ClassRecord]] = {}
    for record in classes:
        groups.setdefault((record.series, record.level, record.jurisdiction), []).append(record)
    kept: set[ClassRecord] = set()
    for group in groups.values():
        words = {r: set(re.findall(r"[a-z0-9]+", r.title.lower())) for r in group}
        written = [r for r in group if words[r] <= asked]
        if len(group) < 2 or not written or group[0].level is None:
            kept.update(group)
            continue
        most = max(len(words[r]) for r in written)
        kept.update(r for r in written if len(words[r]) == most)
    return [r for r in classes if r in kept]


def detect_intents(text: str) -> tuple[str, ...]:
    # "minimum qualifications" and "how much experience" ask for qualifications, not money;
    # "min typing speed", "minimum age" for a measure that is not pay ("max pay per hour" asks
    # for pay).
    text = re.sub(
        r"\b(?:min|minimum|max|maximum|how much)\s+"
        r"(?:(?!(?:pay|wages?|salary|rate|per)\b)\w+\s+){0,2}(?=qualif|requirement|education"
        r"|experience|typing|speed|wpm|words per|age\b|score|lift|weight|credits?\b|units?\b"
        r"|competenc|standards?\b|hours?\b|height|vision|gpa\b|number of\b)",
        "",
        text,
    )
    # "before starting", "start date", "start and end dates", "start looking at applications":
    # when something begins, not the starting pay.
    text = re.sub(
        r"\b(?:before|after|when|upon|prior to)\s+(?:starting|start|hire|hiring)\b"
        r"|\bstart(?:ing)?\s+(?:(?:and|&|/|or)\s+(?:end|finish|closing)(?:ing)?\s+)?dates?\b"
        r"|\bstart(?:s|ed)?\s+(?=(?!paying|earning|making)[a-z]+ing\b)",
        " ",
        text,
    )
    # "Which funds will pay for the technician?": where the money comes from, not how much.
    text = re.sub(
        r"(\b(?:funds?|budgets?|grants?|revenues?)\b[^?]*?)\bpay(?=\s+for\b)", r"\1", text
    )
    # "the turnover rate", "the vacancy rate": a rate of something else than pay.
    text = re.sub(
        r"\b(?:turnover|vacancy|attrition|retention|interest|tax|pass|success|failure|completion"
        r"|crime|accident|error|response)\s+rates?\b",
        " ",
        text,
    )
    # "which court locations do they make arrests at?": what the work makes, not pay.
    text = re.sub(
        r"\bmakes?\s+(?=(?!(?:per|more|less|over|after|about|plus)\b)[a-z]{3,}s\b)", " ", text
    )
    # "when do polling officials start on election day?": the time work begins.
    text = re.sub(r"(\bwhen\s+(?:do|does|did|will)\s+(?:[\w'-]+\s+){0,5}?)starts?\b", r"\1", text)
    # "unused annual leave", "the annual review", "the weekly hours": a period that names
    # something else than pay;
    # "how many pay periods", "when is payday", "leave paid out": when pay comes, not how much.
    text = re.sub(
        r"\b(?:annual|yearly|monthly|weekly|daily|hourly)\s+(?=(?:leave|vacation|holidays?"
        r"|reports?|reviews?|evaluations?|appraisals?|meetings?|training|physicals?"
        r"|hours|hrs|schedules?|shifts?)\b)"
        r"|\bpay\s*(?:periods?|days?|dates?)\b|\bpaid\s+out\b",
        " ",
        text,
    )
    # "how many yrs max", "a minimum of 2 years": the extreme of a time, not of pay.
    text = re.sub(
        r"\b(?:years?|yrs?|months?|weeks?|days?)\s+(?:max|maximum|min|minimum)\b"
        r"|\b(?:max|maximum|min|minimum)(?:\s+of)?\s+(?:\w+\s+)?(?:years?|yrs?|months?)\b",
        " ",
        text,
    )
    # "substitute custodians", "a substitute teacher": a kind of job, not education that
    # stands in for experience ("can coursework substitute for experience").
    text = re.sub(r"\bsubstitutes?\b(?!(?:\s+\S+){0,5}?\s+(?:for|with)\b)(?=\s+[a-z])", " ", text)
    # "what duties does the posting list?": the verb of what a text states, not "list the classes".
    text = re.sub(r"\b((?:does|do|did)\b[^?]*?)\blist\b", r"\1 ", text)
    # "the 2017 range assignments": classes placed at their grades, not duties assigned.
    text = re.sub(r"\b(?:range|grade|pay|salary|band|step)\s+assignments?\b", " range ", text)
    # "fourth grade posts", "a 3rd grade teacher": an order of grades names posts, asks no grade.
    text = re.sub(rf"\b(?:{_ORDINALS}|\d{{1,2}}(?:st|nd|rd|th))\s+grade\b", " ", text, flags=re.I)
    found = [intent for intent, pattern in _INTENT_PATTERNS.items() if pattern.search(text)]
    # Phrases whose words alone ask nothing, and are kept out of the vocabulary's words (which
    # are never a question's subject): "the ES Job ID", "what occupational series" ask a code,
    # "the key performance areas" duties.
    found += [i for i, pattern in _PHRASE_INTENTS if pattern.search(text) and i not in found]
    # "what does a clerk do?", "what janitorial work does the labourer do?" (not "what
    # maintenance does X do?", which asks of a kind of work, nor "what kind of work ...")
    if "duties" not in found and re.search(
        r"\bwhat (?:(?!kind |sort |type )(?:[a-z/-]+ ){0,3}?work )?(?:does|do|would|will) .*\bdo\b",
        text,
    ):
        found.append("duties")
    # "How many days a year does the grade 110 driver work?": a grade given with its value
    # says which class; the question counts something else (read before "salary group" below:
    # "how does the Grade Level I rate change" asks of a rate).
    if "pay_grade" in found and (_COUNTS_ANOTHER.search(text) or _ASKS_ANOTHER.match(text)):
        unvalued = _VALUED_GRADE.sub(" ", text)
        if not _INTENT_PATTERNS["pay_grade"].search(unvalued):
            found.remove("pay_grade")
    # "salary group" and "salary code" ask for the group or the code, not for dollars; "what
    # does Band 5 pay?" and "step 1 of Salary Grade 1" for dollars.
    if (
        "salary" in found
        and ("pay_grade" in found or "code" in found)
        and not re.search(
            r"\b(range|earn|earns|make|max|maximum|min|minimum|how much|dollars|steps?|\$"
            r"|hourly|weekly|biweekly|monthly|yearly|annual|per (?:hour|week|month|year|annum))",
            text,
        )
        and not _PAY_ASKED.search(text)
    ):
        found.remove("salary")
    # "What salary grade is the President paid?" asks for the grade the question begins with.
    grade_first = _ASKS_GRADE_FIRST.match(text)
    pay_after = grade_first and re.search(
        r"\b(?:salar\w*|pay|wages?|earn\w*|range|how much)\b", text[grade_first.end() :]
    )
    if "salary" in found and "pay_grade" in found and grade_first and not pay_after:
        found.remove("salary")
    # "the grade maximum", "grade mid above grade min": a column of the grade's pay, not the
    # grade, is asked.
    if "salary" in found and "pay_grade" in found:
        columns = GRADE_PAY_COLUMN.sub(" ", text)
        if not _INTENT_PATTERNS["pay_grade"].search(columns):
            found.remove("pay_grade")
    # "the salary range for Pay Grade 67": a grade given with its value says which; the pay
    # is asked.
    unvalued = _VALUED_GRADE.sub(" ", text)
    pay_named = re.search(r"\b(?:salary|salaries|pay|pays|wages?|earn\w*)\b", unvalued)
    if (
        "salary" in found
        and "pay_grade" in found
        and pay_named
        and not _INTENT_PATTERNS["pay_grade"].search(unvalued)
    ):
        found.remove("pay_grade")
    # "What salary range is X assigned to?": a range a class is assigned to is its grade
    # ("SR-22") as often as its dollars; both are looked for.
    if "salary" in found and "pay_grade" not in found and _ASSIGNED.search(text):
        found.append("pay_grade")
    # "What education is required for the Custodian on the Support Personnel Pay Scale?", "which
    # card must an applicant for the Support Personnel Pay Scale Custodian job hold?", "what is
    # the anniversary date under the 1995 pay schedule procedures?": a pay scale named as where
    # the class or the rule is asks for nothing of its pay.
    if "salary" in found:
        unnamed = re.sub(
            r"\b(?:on|in|under|from|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}(?:pay|salary|wage)\s+"
            r"(?:scale|schedule|plan)s?\b",
            " ",
            text,
        )
        if not _INTENT_PATTERNS["salary"].search(unnamed) and not _PAY_BY_UNIT.search(unnamed):
            found.remove("salary")
    # "who approves raises under the pay bands?", "which years do the salary scales cover?",
    # "what semester fees do students have to pay?": a part asking for a person, a time or a
    # name, or pay the reader owes, asks for no amount of pay; another part still may.
    if "salary" in found and not re.search(rf"[{CURRENCY_SIGNS}]\s?\d|\d,\d{{3}}", text):
        owed = _PAY_OWED.sub(" ", text)
        rest = " ".join(
            p for p in question_parts(owed) if not _ASKS_NO_FIGURE.match(p) or _WEIGHS_PAY.search(p)
        )
        if not _INTENT_PATTERNS["salary"].search(rest) and not _PAY_BY_UNIT.search(rest):
            found.remove("salary")
    # "What certification does a CPSS II need?" asks for the certification only.
    if (
        "certification" in found
        and "qualifications" in found
        and not re.search(r"\b(qualifications?|education|experience|degree|diploma)\b", text)
    ):
        found.remove("qualifications")
    money = re.search(rf"[{CURRENCY_SIGNS}]\s?\d", text)
    if not found and money and not re.search(r"\b(?:which|who|whose)\b", text):
        # "lifeguards get $15 an hour, right?": money written and nothing else asked is pay
        # ("which operators reach $34.06?" asks which class).
        found.append("salary")
    return tuple(found)


# The ranks a relative level may name, which a title may write as its level.
_RANKS = frozenset({"senior", "junior", "entry"})


def _level(text: str) -> tuple[int | None, int]:
    """A level named anywhere ("level two", "second level"), and a relative move."""
    relative = 0
    if re.search(
        r"\b(next (?:level|grade|band|step|range)|(?:level|grade|band) up|higher level|"
        r"(?:level|grade|band) above|next one up|one up|promot\w*|senior level)\b",
        text,
    ):
        relative = 1
    elif re.search(
        r"\b((?:level|grade|band|step) below|lower level|(?:level|grade|band) down|"
        r"previous (?:level|grade|band|step)|one down|entry level|junior level)\b",
        text,
    ):
        relative = -1
    match = re.search(rf"\blevel\s+({LEVEL_TOKEN})\b|\b({LEVEL_TOKEN})\s+level\b", text)
    if match:
        return level_value(match.group(1) or match.group(2)), relative
    return None, relative


# The ranks a title may hold beside its series' name: "Lead", "Senior", "Chief".
_TITLE_RANKS = frozenset(
    "lead senior chief principal supervisor supervising trainee apprentice head deputy".split()
)


def _rank_beside(words: list[str], mention: Mention) -> str | None:
    """The rank written just before or after a series named without a level when no class of
    the series holds it ("Maintenance Worker Lead" of Maintenance Worker I, II and 3); None
    otherwise, or when the series has one class (its title may leave the rank out)."""
    if levels_after(words, mention.end) or len(mention.series.records) < 2:
        return None
    beside = [words[n] for n in (mention.start - 1, mention.end) if 0 <= n < len(words)]
    ranks = [w for w in beside if w in _TITLE_RANKS]
    held = {w for r in mention.series.records for w in re.findall(r"[a-z]+", r.title.lower())}
    return next((rank for rank in ranks if rank not in held), None)


def _classes_named(
    words: list[str],
    mentions: list[Mention],
    level: int | None,
    pay_grades: tuple[str, ...],
) -> tuple[list[ClassRecord], list[str], list[tuple[str, int, str | None]]]:
    """The classes of each series mention at the levels written after it (all levels if none).

    Also returns the series named without a level, and levels named that do not exist.
    """
    classes: list[ClassRecord] = []
    series_named: list[str] = []
    missing: list[tuple[str, int, str | None]] = []
    # "Accountant IV in the ... accountant class series": the series named again without a
    # level is the one already asked at a level, not every level of it.
    levelled = {id(m.series) for m in mentions if levels_after(words, m.end)}
    for mention in mentions:
        series = mention.series
        levels = levels_after(words, mention.end) or ([level] if level is not None else [])
        if not levels and id(series) in levelled:
            continue
        if not levels:
            graded = [r for r in series.records if r.pay_grade in pay_grades]
            series_named.append(series.name)
            classes += graded or series.records
            continue
        for wanted in levels:
            chosen = [r for r in series.records if r.level == wanted]
            # A series without levels ("APS5" is a title, not level 5 of APS) lacks none.
            if not chosen and any(r.level is not None for r in series.records):
                missing.append((series.name, wanted, series.records[0].jurisdiction))
            classes += chosen
    return classes, series_named, missing

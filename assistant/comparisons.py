"""Questions that weigh two subjects ("Which pays more per hour, the Hammond Marina
Maintenance Worker or a METRO bus operator?", "Compare X with Y"): when the answer to the
whole question speaks of one subject only, the other is asked on its own, with the same
question words, and both answers are given. Each answer keeps its own citations."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from assistant.drafts import Draft, merged
from assistant.line_subjects import RANK_STEMS, title_runs
from assistant.passages import stem, stems
from assistant.query import STOPWORDS
from assistant.reader import question_words

# A question that weighs two subjects: by name, or "which/who ... X or Y".
_WEIGHING = re.compile(
    r"\b(?:compare[ds]?|comparison|versus|vs\.?|difference between|differ)\b"
    r"|\b(?:which|who)\b[^?]*\bor\b"
    # "How much more does X start at than Y?"
    # (not "more than two years", a measure).
    r"|\b(?:more|less|higher|lower)\b[^?]*\bthan\b"
    r"(?!\s+(?:\$?\d|one|two|three|four|five|six|seven|eight|nine|ten|twice|half)\b)",
    re.IGNORECASE,
)
# What joins the subjects: "and", "or", "vs", "compared with", a comma; after "compare",
# "with" too ("Compare X with Y").
# "and" or "or" between two subjects; not between bare numbers ("steps 1 and 5"), which are
# one subject's (grades written as codes are two: "grades 8 and 8M").
_AND_OR = r"(?<!\d )\b(?:and|or)\b|\b(?:and|or)\b(?! \d+(?![\w-]))"
_JOINERS = re.compile(
    rf"\s*(?:{_AND_OR}|\bvs\.?|\bversus\b|\bcompared? (?:to|with)\b|\bthan\b|,|;)\s*"
)
# A question that may set two subjects side by side: "X vs Y", "X and Y".
TWO_SUBJECTS = re.compile(rf"\b(?:vs\.?|versus)\b|{_AND_OR}", re.IGNORECASE)
_WITH = re.compile(r"\s*\bwith\b\s*", re.IGNORECASE)
_COMPARE_FIRST = re.compile(r"\s*(?:please\s+)?compare\b", re.IGNORECASE)
# The words that weigh one subject against the other, which a subject alone does not ask.
_COMPARING = re.compile(r"\b(?:more|less|higher|lower|better|greater|bigger)\b", re.IGNORECASE)
_WHICH_OR = re.compile(r"\b(?:which|who)\b[^?]*\bor\b", re.IGNORECASE)
_OR = re.compile(r"\s*\bor\b\s*", re.IGNORECASE)
# What ends the words that ask, before the first of two subjects: a dash, a colon, a comma.
_FRAME_END = re.compile(r"\s+[-–—]\s+|[:,]\s*")
_WHICH_FIRST = re.compile(r"^\s*(?:which|who)\b", re.IGNORECASE)
# "Which pays more per hour, X or Y": a frame that asks, then the two subjects.
_FRAME = re.compile(r"\s*(?:which|who|what|how|where)\b", re.IGNORECASE)
# "At UAH, how does X compare with Y?": a part that places the question names no subject.
_PLACING = re.compile(r"\s*(?:at|in|on|under|within|for|from|according to)\b", re.IGNORECASE)
_FRAMED = 3
# A part of the question names a subject of its own when it writes a word this long at least.
_SUBJECT_WORD = 2
# A subject is spoken of when the answer holds this share of its own words.
_COVERED_SHARE = 0.5
# A question that weighs more subjects than this is a list, not a comparison.
_MOST_SUBJECTS = 4

Ask = Callable[[str], Draft]


def split_at_joiners(question: str) -> list[str]:
    """A question cut at the words that may join two subjects ("X and Y", "X vs Y", "X or Y",
    and after "compare", "X with Y")."""
    if _COMPARE_FIRST.match(question) and _WITH.search(question):
        # "Compare X's offer to admin and professional staff with its offer to tradespeople":
        # "with" sets the two subjects apart; an "and" within one joins its own words.
        return _WITH.split(question)
    return _JOINERS.split(question)


def weighs(question: str) -> bool:
    """Whether a question weighs subjects against each other ("compare", "X vs Y", "which ...
    or ...")."""
    return bool(_WEIGHING.search(question))


def subject_parts(question: str) -> list[str]:
    """The parts of a question that weighs two subjects or a few ("Compare the pay in A, B and
    C"), each as written; [] when it weighs none, or more than four."""
    if not weighs(question):
        return []
    named = _named_parts(split_at_joiners(question))
    if len(named) != 2 and _WHICH_OR.search(question):
        # "At the Western Health and Social Care Trust, which starts on a higher band - a
        # Nurse or a Pharmacist?": the "and" of a name joins no subjects; "or" does, and the
        # first subject begins after the dash or comma that ends the frame.
        halves = _OR.split(question)
        if len(halves) == 2 and re.search(r"\band\b|&", question):
            named = _named_parts([_FRAME_END.split(halves[0])[-1], halves[1]])
    if not 2 <= len(named) <= _MOST_SUBJECTS:
        return []
    if len({_own_words(p) for p in named}) < len(named):
        return []
    if len(named) > 2 and not all(_distinct(p, *_others(named, n)) for n, p in enumerate(named)):
        return []  # "a clerk I, a clerk II or a clerk III": one series' levels, one subject
    return named


def _named_parts(parts: list[str]) -> list[str]:
    """The parts of a question cut at its joiners that write a word of their own."""
    named = [p.strip(" ?.") for p in parts if _own_words(p)]
    if len(named) >= _FRAMED and (_FRAME.match(named[0]) or _PLACING.match(named[0])):
        # "Which pays more per hour, X or Y?": the frame is no subject; in "Which has the
        # longest week: X, Y or Z?" it holds the first.
        colon = named[0].rfind(": ")
        if colon < 0 or not _own_words(named[0][colon + 2 :]):
            named = named[1:]
    return named


def completed(question: str, draft: Draft, ask: Ask) -> Draft:
    """The answer to a question that weighs two subjects, with the subject it leaves out
    asked on its own (`ask`) and answered beside it; the draft as it is when it speaks of
    both, or when the subject left out finds no answer of its own."""
    parts = subject_parts(question)
    if not parts:
        return draft
    own = [_distinct(part, *_others(parts, n)) for n, part in enumerate(parts)]
    # "hillsborough vs charlotte county sheriff crossing guard pay": the words after the last
    # subject's name may ask of both, and those before the first's ("traffic warden pay
    # thiruvananthapuram vs ..."), so the word of its own nearest the joiner must be spoken of.
    leads = [_own_at(part, own[n], last=n == 0) for n, part in enumerate(parts)]
    if draft.abstained:
        answers = [_answer_of(question, parts, n, ask) for n in range(len(parts))]
        found = [a for a in answers if a is not None]
        return merged(found) if len(found) == len(parts) else draft
    missing = [
        n
        for n, words in enumerate(own)
        if not _spoken_of(words, draft) or _only_ranked(parts[n], _others(parts, n), draft)
    ]
    unnamed = [n for n in range(len(parts)) if not _spoken_of(leads[n], draft)]
    if len(set(missing) | set(unnamed)) < len(parts):
        # (An answer that names no subject by its own word, "Animal Care Worker" asked as
        # "summer attendant", is judged by most of their words.)
        missing = sorted(set(missing) | set(unnamed))
    if not missing or len(missing) == len(parts):
        return draft
    added = [a for n in missing if (a := _answer_of(question, parts, n, ask)) is not None]
    return merged([draft, *added]) if added else draft


def _only_ranked(part: str, others: list[str], draft: Draft) -> bool:
    """Whether an answer writes a subject's title only under a rank another subject gives and
    it does not: "the Court Interpreter" beside "the Senior Court Interpreter", answered by
    lines of "Senior Court Interpreter" posts alone."""
    own = _own_words(part)
    ranks = {w for o in others for w in _own_words(o) & RANK_STEMS} - own
    shared = {w for o in others for w in _own_words(o) & own} - RANK_STEMS
    if not ranks or len(shared) < _SUBJECT_WORD:
        return False
    said = "\n".join([draft.text, *(f"{c.doc_title}\n{c.quote}" for c in draft.citations)])
    words = [stem(w) for w in re.findall(r"[a-z]+", said.lower())]
    starts = [n for n in title_runs(words, shared) if n > 0]
    return bool(starts) and all(words[n - 1] in ranks for n in starts)


def _others(parts: list[str], n: int) -> list[str]:
    return parts[:n] + parts[n + 1 :]


def _answer_of(question: str, parts: list[str], asked: int, ask: Ask) -> Draft | None:
    """The answer to the question about one of its subjects alone (`_alone`); None when it
    abstains or speaks of another subject."""
    answer = ask(_alone(question, parts, asked))
    if answer.abstained or not _spoken_of(_distinct(parts[asked], *_others(parts, asked)), answer):
        return None
    return answer


def _alone(question: str, parts: list[str], asked: int) -> str:
    """The question about one subject: "Which pays more per hour, X or Y?" about Y is "Which
    pays more per hour, Y?". Each other subject is taken out from its first word of its own to
    the end of its part; the words that ask before it stay where they are ("Compare the top
    hourly rate of"), and those after it that ask ("percentage" of "X vs Y percentage")."""
    framed = bool(_FRAME.match(parts[0]) or _COMPARE_FIRST.match(parts[0]))
    starts = []
    at = 0
    for part in parts:
        at = question.find(part, at)
        starts.append(at)
        at += len(part)

    def kept(n: int) -> str:
        if n == asked:
            # "the one for a Special Education Teacher ...": the frame names what "one" is.
            return _ONE_FOR.sub("", parts[n]) if framed else parts[n]
        # "entry to the Civil Service at AO and at AA grade": the subjects stand in parallel
        # after one preposition; the other's words before it are the question's own.
        lead = _PREPOSITION.match(parts[asked])
        parallel = lead and parts[n].lower().rfind(f" {lead.group(0).lower()} ")
        if parallel and parallel > 0:
            return parts[n][:parallel]
        frame = _frame_before_first(parts[n]) if n == 0 and framed else None
        if frame is not None:  # "Compare the pay of the arborists in A, B and C": "... in"
            return frame
        dropped = _distinct(parts[n], parts[asked])
        own = [w for w in _WORD.finditer(parts[n]) if _word_stem(w.group(0)) in dropped]
        if not own:
            return parts[n]
        # The words that ask after it stay too: "1st step vs 5th step percentage".
        after = parts[n][own[-1].end() :].split()
        asking = [w for w in after if _word_stem(w) in _asking()]
        return " ".join([parts[n][: own[0].start()], *asking])

    listed = " ".join(k for n in range(len(parts)) if (k := kept(n)).strip())
    alone = question[: starts[0]] + listed + question[starts[-1] + len(parts[-1]) :]
    alone = " ".join(alone.split())
    # One subject is not compared: "Compare the pay of" asks "What is the pay of", "Which
    # pays more per hour" asks "What pays per hour" ("starts" and "tops out" stay).
    if _COMPARE_FIRST.match(alone):
        alone = _COMPARE_FIRST.sub("What is", alone, count=1)
    alone = _WHICH_FIRST.sub("What", _COMPARING.sub("", alone), count=1)
    return " ".join(alone.split())


def _frame_before_first(part: str) -> str | None:
    """The words that ask, before the first of the subjects: up to a colon ("Which has the
    longest working week: the Chorley ..."), else up to the last preposition ("Compare the
    pay for the City Arborist jobs in Lake Forest Park"); None when neither is written (a
    dash may stand inside a title: "Natural Resource Manager - Forester")."""
    colon = part.rfind(": ")
    if colon >= 0:
        return part[: colon + 2]
    placed = list(re.finditer(r"\s(?:at|in|for|of|across|between|from)\s", part, re.I))
    return part[: placed[-1].end()] if placed else None


# "the one for", "the ones in": a subject that points back at what the frame names.
_ONE_FOR = re.compile(r"^\s*(?:the\s+)?ones?\s+(?:for|of|in|at|with)\s+", re.IGNORECASE)
# A preposition a subject may stand after ("at AA grade", "in Ohio").
_PREPOSITION = re.compile(r"(?:at|in|for|of|under|on|with)(?=\s)", re.IGNORECASE)
# A word as written, with its possessive ("Missouri's").
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’]s\b)?")


def _word_stem(word: str) -> str:
    return stem(re.sub(r"['’]s$", "", word).lower())


def _own_words(part: str) -> frozenset[str]:
    """The stems of a part's words that name a subject: not question words, small words or
    bare numbers."""
    words = [_word_stem(w) for w in _WORD.findall(part)]
    return frozenset(
        w for w in words if w not in _skipped() and len(w) >= _SUBJECT_WORD and not w.isdigit()
    )


@cache
def _skipped() -> frozenset[str]:
    """The stems of question words and small words."""
    return frozenset(stem(w) for w in question_words() | STOPWORDS)


@cache
def _asking() -> frozenset[str]:
    """The stems of question words that are not small words ("percentage", "hourly")."""
    return frozenset(stem(w) for w in question_words() - STOPWORDS if len(w) > _SUBJECT_WORD)


def _distinct(part: str, *others: str) -> frozenset[str]:
    """The words of one subject that the others do not write."""
    return _own_words(part).difference(*(_own_words(o) for o in others))


def _own_at(part: str, words: frozenset[str], last: bool) -> frozenset[str]:
    """The first (or last) word of a part, as written, that is one of its own words:
    "charlotte" of "charlotte county sheriff crossing guard"; none when it has none."""
    written = [w for w in map(_word_stem, _WORD.findall(part)) if w in words]
    return frozenset(written[-1:] if last else written[:1])


def _spoken_of(words: frozenset[str], draft: Draft, share: float = _COVERED_SHARE) -> bool:
    """Whether an answer speaks of a subject: its text or what it cites holds most of the
    subject's own words (at least this share of them)."""
    if not words:
        return True
    cited = "\n".join(f"{c.doc_title}\n{c.section}\n{c.quote}" for c in draft.citations)
    held = stems(f"{draft.text}\n{cited}\n{' '.join(draft.classes)}")
    if len({c.source for c in draft.citations}) == 1:
        # Both subjects of one document ("a teaching assistant ... a research assistant" of
        # one page) are held by its title, which speaks of neither: its lines must.
        quoted = "\n".join(f"{c.section}\n{c.quote}" for c in draft.citations)
        titled = stems(draft.citations[0].doc_title)
        held = stems(f"{quoted}\n{' '.join(draft.classes)}") | (held - titled)
    # "1st step vs 5th step": the number that tells one subject from the other is spoken of.
    numbered = {w for w in words if any(c.isdigit() for c in w)}
    return not numbered - held and len(words & held) >= len(words) * share

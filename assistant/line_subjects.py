"""Whether a line speaks of what a question asks, and of whose class: the words that name a
section asked ("education", "license"), the intents that ask what a class requires, and lines
whose title is a sibling's or another class's label ("Office Assistant II (#1701)" when the
restricted variant is asked; "Administrative officer:" over figures a staff officer asks for)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from assistant.passages import stem, stems
from assistant.query import STOPWORDS
from assistant.reader import Reading, question_words
from index.levels import level_value
from index.types import Chunk, ClassRecord
from index.vocab import intents

__all__ = [
    "RANK_STEMS",
    "REQUIREMENT_INTENTS",
    "asks_requirement",
    "item_of_another",
    "labelled_for_another",
    "names_a_sibling",
    "paid_to_another_role",
    "ranked_namesake",
    "section_words",
    "states_requirement",
    "title_runs",
    "unranked_namesake",
]

# Words any question about a section may use, which name no section ("required", "need").
_ASKING_VERBS = ("require", "required", "requires", "requirement", "requirements", "need",
                 "needs", "qualify", "involve", "involves", "role", "level", "of")  # fmt: skip
# A title and its colon over the figures it labels: a few words.
_TITLE_WORDS = 8
# A line names a class when it writes two words of its title at least.
_TITLE_WORDS_NAMED = 2
# The intents that ask what a class requires.
REQUIREMENT_INTENTS = frozenset({"qualifications", "certification"})
# The words that join a phrase of an intent, which name nothing asked on their own.
_PHRASE_GLUE = STOPWORDS | {"must", "hold", "high", "level"}


# What a line that states a requirement writes: a verb or word of obligation, a schooling or a
# credential, or a length of experience ("two years", "6 months").
_REQUIREMENT_MARK = re.compile(
    r"\b(?:requir\w*|must|minimum|possess\w*|equivalent"
    r"|graduat\w*|degree|diploma|bachelor\w*|master'?s|high school|ged|course\w*"
    # School qualifications of other countries: "5 or more GCSEs", "A levels", "matric".
    r"|gcses?|[ao][- ]levels?|nvqs?|hnd|matric\w*|leaving cert\w*|secondary school"
    r"|licen[cs]\w*|certifi\w*|registere?d?|registration|cdl"
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\(\d+\)\s+)?"
    r"(?:full[- ]time\s+)?(?:years?|months?))\b",
    re.IGNORECASE,
)


def states_requirement(line: str) -> bool:
    """Whether a line states what a class requires, not only a word of it: "Two years of
    clerical experience" does, "gaining additional experience" and "rates based on the
    applicant's qualifications" do not, nor does the notice many postings set above their
    requirements ("To perform this job successfully, an individual must be able to ...")."""
    return bool(_REQUIREMENT_MARK.search(_NOTICE.sub(" ", line)))


def only_notice(line: str) -> bool:
    """Whether a line is the notice postings set above their requirements, and at most a
    heading beside it ("Minimum Qualifications To perform this job successfully, ...")."""
    rest = _NOTICE.sub(" ", line)
    return rest != line and len(re.findall(r"\w+", rest)) <= _HEADING_WORDS


# At most this many words beside the notice make a heading, not a requirement.
_HEADING_WORDS = 4
# The sentences of the notice US postings set above their requirements, which require nothing
# of the class: "To perform this job successfully, an individual must be able to perform each
# essential duty satisfactorily. The requirements listed below are representative of the
# knowledge, skill, and/or ability required. Reasonable accommodations may be made ...".
_NOTICE = re.compile(
    r"(?:To perform this job successfully|The requirements listed below are representative"
    r"|Reasonable accommodations? (?:may|will) be made)[^.]*\.",
    re.IGNORECASE,
)


def names_a_sibling(reading: Reading, classes: Sequence[ClassRecord]) -> bool:
    """Whether a line names another class of its document than each class asked: it writes
    most of the asked title but leaves out a word its document's title holds ("Office
    Assistant II (#1701) $12.88 ..." when "Office Assistant II-Restricted" is asked in a spec
    titled "Office Assistant I/II (with the Restricted variants)")."""
    if not classes:
        return False
    line = stems(reading.quote.split("\n")[0])
    context = stems(f"{reading.chunk.doc_title}\n{reading.chunk.section}")

    def sibling(record: ClassRecord) -> bool:
        title = title_stems(record.title)
        missing = title - line
        return len(title & line) >= _TITLE_WORDS_NAMED and bool(missing) and missing <= context

    return all(sibling(r) for r in classes if r.source == reading.chunk.source) and any(
        r.source == reading.chunk.source for r in classes
    )


def ranked_namesake(reading: Reading, subject: Sequence[str], question: str) -> bool:
    """Whether a passage writes the subject's title only under a rank the question does not
    give ("Six deputy executive directors will oversee ..." over "SALARY: $110,000 to
    $145,000" for "the executive director"): every run of two subject words or more in it,
    its document's title and its section follows such a rank word, so the line is of that
    ranked post."""
    asked = stems(question)
    if asked & (RANK_STEMS | _HIGH_WORDS):
        return False  # "Bermuda's top civil servants" may be "the most senior civil servants"
    chunk = reading.chunk
    where = f"{chunk.doc_title}\n{chunk.section}\n{chunk.text}"  # a title may name it too
    words = [stem(w) for w in re.findall(r"[a-z]+", where.lower())]
    runs = title_runs(words, set(subject))
    return bool(runs) and all(start > 0 and words[start - 1] in RANK_STEMS for start in runs)


def unranked_namesake(quote: str, question: str) -> bool:
    """Whether a line writes a title the question ranks without its rank: "The Town offers a
    $250 annual stipend to the Town Health Officer." asked "deputy town health officer
    stipend?" is the officer's, not the deputy's (the rank is nowhere in the line)."""
    asked = [stem(w) for w in re.findall(r"[a-z]+", question.lower())]
    ranks = {w for w in asked if w in _RANKS_APART}
    ranked = {w for at, r in enumerate(asked) if r in ranks for w in asked[at + 1 : at + 5]}
    words = [stem(w) for w in re.findall(r"[a-z]+", quote.lower())]
    if not ranks or ranks & set(words):
        return False
    # The words after the rank that name a post, not what is asked of it ("assistant starting
    # hourly rate" ranks no "hourly rate").
    ranked -= ranks | STOPWORDS | {stem(w) for w in question_words()}
    return bool(title_runs(words, ranked))


def title_runs(words: Sequence[str], title: Collection[str]) -> list[int]:
    """Where a title is written among word stems: the start of each run of two of its words
    or more."""
    runs: list[int] = []
    at = 0
    while at < len(words):
        end = at
        while end < len(words) and words[end] in title:
            end += 1
        if end - at >= _TITLE_WORDS_NAMED:
            runs.append(at)
        at = max(end, at + 1)
    return runs


# The ranks that make another post of a title: "deputy executive director", "assistant manager".
RANK_STEMS = frozenset(
    stem(w)
    for w in "deputy assistant associate vice acting interim senior junior chief principal "
    "lead head sub under".split()
)
# The ranks written as a word of their own before a title: "sub" and "under" are also what
# people type for "substitute" ("sub para") or join to a word.
_RANKS_APART = RANK_STEMS - {stem("sub"), stem("under")}
_HIGH_WORDS = frozenset(stem(w) for w in ("top", "highest", "most", "upper"))


def title_stems(title: str) -> set[str]:
    """The stems of a title's words less its level."""
    return {w for w in stems(title) if level_value(w) is None}


def labelled_for_another(reading: Reading, subject: Sequence[str]) -> bool:
    """Whether a line's figures are labelled with a title that is not the subject's: its first
    line a title and a colon ("Administrative officer / third secretary:" over "£15,836 to
    £27,991 a year") that leaves out a word of the subject its passage's context does not
    hold ("staff" of "staff officer")."""
    first = reading.quote.split("\n")[0].strip()
    if "\n" not in reading.quote or not first.endswith(":") or len(first.split()) > _TITLE_WORDS:
        return False
    chunk = reading.chunk
    context = stems(f"{chunk.doc_title}\n{chunk.section}\n{chunk.jurisdiction or ''}")
    label = stems(first)
    named = [s for s in subject if s in label]
    return bool(named) and any(s not in label and s not in context for s in subject)


def paid_to_another_role(quote: str, subject: Collection[str]) -> bool:
    """Whether a line pays a role the subject is not: the first role it names as who is paid
    ("Presiding Officers will be paid an hourly rate of £17.72 ...", "Election judges receive
    $135 ...") is not the subject's, and the subject's own role word ("clerk", "constable") is
    nowhere in it. A role named otherwise ("determined by the Library Director") pays no one."""
    asked = {s for s in subject if s in _ROLE_STEMS}
    if not asked:
        return False
    named = [s for s in map(stem, _WORD.findall(quote.lower())) if s in _ROLE_STEMS]
    paid = [stem(m["role"]) for m in _PAID_ROLE.finditer(quote.lower())]
    paid = [role for role in paid if role in _ROLE_STEMS]
    return bool(paid) and paid[0] not in asked and not asked & set(named)


_WORD = re.compile(r"[a-z]+")
# A role as who is paid: "presiding officers will be paid", "election judges receive".
_PAID_ROLE = re.compile(
    r"\b(?P<role>[a-z]+)\s+(?:will\s+be\s+paid|are\s+paid|is\s+paid|get\s+paid"
    r"|receives?|earns?|makes?)\b"
)
# The head words of roles and posts, as stems: who a line pays.
_ROLE_STEMS = frozenset(
    stem(word)
    for word in (
        "officer clerk assistant captain judge worker inspector manager supervisor director "
        "technician coordinator constable attendant operator driver aide specialist analyst "
        "secretary instructor teacher nurse guard lifeguard labourer laborer custodian "
        "caretaker cook cashier counselor counsellor librarian ranger firefighter administrator"
    ).split()
)


# An item of a list, its mark and what follows: "a.       Patrolman:  The Clerk-Treasurer ...".
_ITEM = re.compile(r"^\s*(?:[a-z0-9]{1,3}[.)]|[•*·▪-])\s+(?P<text>\S.*)$")
# The label that runs in at the head of an item: "Patrolman:", "Part Time:".
_RUN_IN_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z'/&-]*(?: [A-Za-z'/&-]+){0,3}):\s+\S")


def item_of_another(quote: str, subject: Collection[str], document: Sequence[Chunk]) -> bool:
    """Whether a line is an item of a list whose own item for the subject is another, in the
    document's passages: "c. Board Members providing manual labor ... paid $10.00 per hour with the
    claim signed by the Patrolman" where "a. Patrolman: The Clerk-Treasurer pays ..." is the
    patrolman's item."""
    first = " ".join(quote.split("\n")[0].split())
    lines = [" ".join(line.split()) for chunk in document for line in chunk.text.splitlines()]
    # The quote's line as the document writes it, its item's mark with it.
    written = next((line for line in lines if first and first in line), "")
    if not _ITEM.match(written):
        return False
    wanted = set(subject)
    for line in lines:
        item = _ITEM.match(line)
        label = _RUN_IN_LABEL.match(item["text"]) if item else None
        if label and title_stems(label["label"]) and title_stems(label["label"]) <= wanted:
            return line != written
    return False


def section_words(asked: Sequence[str], strict: bool = False) -> set[str]:
    """The stems of the words that name what section intents ask for ("education",
    "license", "duties"), less the verbs any question may use ("require", "need"). Strict,
    less the words that only join a phrase ("must have", "certified by"): a line that says
    "to have" does not speak of qualifications."""
    words = {
        stem(word)
        for name in asked
        if name in intents() and intents()[name].sections
        for phrase in (*intents()[name].words, *intents()[name].stated_by, intents()[name].noun)
        for word in phrase.split()
        if not (strict and word in _PHRASE_GLUE)
    }
    return words - {stem(w) for w in _ASKING_VERBS}


def asks_requirement(intents_asked: Sequence[str]) -> bool:
    """Whether a question asks what a class requires: qualifications, a licence."""
    return any(name in REQUIREMENT_INTENTS for name in intents_asked)

"""Up or down a reporting line. "Who supervises X?", "who does X report to?", "under whose
direction does X work?" ask for the post above a class; "who does X supervise?", "who reports to
X?" for the posts below it. A line that names the post above ("Supervisor: Public Works
Director", "Under the direction of the Parks Director, the Harbormaster ...", "will report to
the Board of Trustees") answers the first and not the second, and the other way round for the
posts below ("Subordinates: ...").

An answer from a document that states one class at most, to a question that asks who is above
the class, also quotes the sentences of that document that say so and that it does not quote
yet: the answer composed for the whole question often quotes the post's other duties, or one
of two lines that each name a post above ("responsible to the Senior Scientist on board").
"""

from __future__ import annotations

import re

from assistant.drafts import Draft
from assistant.passages import sentences
from assistant.query import question_parts
from assistant.quotes import with_sentences_added
from assistant.retrieve import ChunkLibrary
from index.types import Chunk

ABOVE, BELOW = "above", "below"

# "who does X supervise?", "how many staff does X oversee?", "who reports to X?", "X's
# subordinates": the posts below the class.
_ASKS_BELOW = re.compile(
    r"\b(?:who|whom|how many\b[^?]*?)\s+(?:does|do|did|will|would|can|is)\b[^?]*?"
    r"\b(?:supervise|oversee|manage|direct|lead|in charge of)\b"
    r"|\bwho\s+reports?\s+to\b|\bsubordinates?\b|\bdirect reports\b",
    re.IGNORECASE,
)
# "who supervises X?", "who does X report to?", "who does X work under?", "under whose
# direction ...", "to whom is X responsible?", "X's supervisor": the post above the class (not
# a title that holds "Supervisor").
_ASKS_ABOVE = re.compile(
    r"\bwho\s+(?:supervises|oversees|manages|directs)\b|\breports?\s+to\b"
    r"|\b(?:works?|serves?)\s+under\b|\bunder\s+whose\b"
    r"|\bwhom\b[^?]*\b(?:responsible|accountable|answerable)\b"
    r"|(?:'s|’s|s')\s+(?:immediate\s+|direct\s+|line\s+)?(?:supervisor|boss|manager)\b"
    r"|\b(?:supervisor|boss|line manager)\s+(?:of|for)\b"
    r"|\bwho\s+is\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:supervisor|boss|line manager)\b",
    re.IGNORECASE,
)
# A line that opens by naming the post above its class ("Supervisor: Public Works Director",
# "Reports to: ...", "ACCOUNTABLE TO: Harbour Commissioners", "Under the general supervision of
# the ...") or the posts below it ("Subordinates:", "Supervises:", "Supervision exercised").
_OPENS_ABOVE = re.compile(
    r"^\W*(?:immediate\s+|direct\s+)?(?:supervisor|reports?\s+to|reporting\s+to|supervised\s+by"
    r"|accountable\s+to|responsible\s+to"
    r"|under\s+(?:the\s+)?(?:\w+\s+)?(?:supervision|direction)\s+of)\b",
    re.IGNORECASE,
)
_OPENS_BELOW = re.compile(
    r"^\W*(?:subordinates?|supervises|direct\s+reports|positions?\s+supervised"
    r"|supervision\s+exercised)\b",
    re.IGNORECASE,
)
# A sentence that names the post above its class anywhere: "The successful candidate will
# report to the Board of Trustees", "During scientific cruises, is responsible to the Senior
# Scientist on board".
_SAYS_ABOVE = re.compile(
    r"\bunder\s+the\s+(?:general\s+|immediate\s+|direct\s+|administrative\s+)?"
    r"(?:direction|supervision)\s+of\b"
    r"|\b(?:reports?|reporting)\s+(?:directly\s+)?to\s+(?:the\s+)?[A-Z]"
    r"|\b(?:responsible|accountable|answerable)\s+to\s+(?:the\s+)?[A-Z]"
    r"|\bsupervised\s+by\s+(?:the\s+)?[A-Z]"
)
# Sentences added to an answer at most.
_MOST_ADDED = 2


def ways_asked(question: str) -> set[str]:
    """Whether each question of a question asks for the post above a class or those below it
    ("who does X report to, and what team does X lead?" asks above only)."""
    ways = set()
    for part in question_parts(question):
        if _ASKS_BELOW.search(part):
            ways.add(BELOW)
        elif _ASKS_ABOVE.search(part):
            ways.add(ABOVE)
    return ways


def way_stated(line: str) -> str | None:
    """The way a line's opening names a post: above its class, below it, or neither."""
    if _OPENS_ABOVE.match(line):
        return ABOVE
    return BELOW if _OPENS_BELOW.match(line) else None


def other_way_up(question: str, line: str) -> bool:
    """Whether a line names the post above a class when the question asks only for the posts
    below it, or the other way round ("Supervisor: Public Works Director" does not answer "who
    does the Weed Supervisor supervise?")."""
    stated = way_stated(line)
    asked = ways_asked(question)
    return stated is not None and bool(asked) and stated not in asked


def same_way_up(question: str, line: str) -> bool:
    """Whether a line names the post above a class, or those below it, as the question asks
    ("Under the supervision of the Municipal Administrator, ..." of "who does X report to?")."""
    stated = way_stated(line)
    return stated is not None and stated in ways_asked(question)


def _says_above(sentence: str) -> bool:
    return way_stated(sentence) == ABOVE or bool(_SAYS_ABOVE.search(sentence))


def with_post_above(question: str, draft: Draft, library: ChunkLibrary) -> Draft:
    """The draft with the sentences of each document it quotes that name the post above the
    class and that it does not quote yet (two at most a document), when the question asks who
    that is; the draft as it is otherwise, when it abstains, and for a document that states
    several classes."""
    if draft.abstained or ABOVE not in ways_asked(question):
        return draft
    quoted = " ".join(" ".join(c.quote.split()) for c in draft.citations)
    added: list[tuple[Chunk, str]] = []
    for source in dict.fromkeys(c.source for c in draft.citations):
        chunks = library.of_source(source)
        if len({name for c in chunks for name in c.classes}) > 1:
            continue  # in a document of several classes, the sentence may be another's
        # "Under the general direction of the Marine Superintendent" beside a quoted "is
        # responsible to the Senior Scientist on board": each says who is above, and when.
        found = [
            (chunk, sentence)
            for chunk in chunks
            for sentence in sentences(chunk.text)
            if _says_above(sentence) and " ".join(sentence.split()) not in quoted
        ]
        added += found[:_MOST_ADDED]
    return with_sentences_added(draft, added)

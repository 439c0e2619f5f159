"""The second thing a two-part question asks of prose. "What was the selectmen's vote on the
line item, and who is the interim administrator?" of a news report is answered by a sentence on
each: the answer composed for the whole question often quotes the sentence on one part alone.

A question is cut where "and" (or a semicolon, or a second question mark) opens a new question
("..., and who is ...", "... and how many weeks ..."); a part whose own words the answer does not
quote yet adds the sentence of the same document that holds most of them, weighted by rarity.
Only an answer from one document that states one class at most is completed so: in a document
of several classes, the sentence may be another class's.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from assistant.asked_fields import one_document_quoted
from assistant.drafts import Draft
from assistant.passages import Rarity, sentences, stem, stems, words_held
from assistant.query import QueryAnalysis, question_parts
from assistant.quotes import title_head, with_sentences_added
from assistant.retrieve import ChunkLibrary
from index.types import Chunk

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# "how many", "how much": a count or an amount asked, no word of what it is about.
COUNTING = frozenset({"many", "much"})
# A part is answered apart when the sentence found holds at least this many of its own words
# (all of them when it has fewer), more than the answer's quotes hold.
_LEAST_HELD = 2


def with_parts_asked(
    analysis: QueryAnalysis, draft: Draft, library: ChunkLibrary, rarity: Rarity
) -> Draft:
    """The draft with, for each part of a two-part question that its quotes leave out, the
    sentence of the quoted document that holds most of that part's words; the draft as it is
    when the question asks one thing, when it abstains, or when it quotes more than one
    document or one that states several classes."""
    parts = question_parts(analysis.question)
    quoted_one = one_document_quoted(draft, library)
    if len(parts) < 2 or quoted_one is None:
        return draft
    chunks, classes = quoted_one
    # The words naming the class or the document say what about, not what is asked: the
    # title's head ("Ashland schools approve salary increases"), not what a dash or a
    # parenthesis adds to it (a manifest's "... (raises, effective date)" lists what it says).
    subject = stems(" ".join([*classes, *(title_head(c.doc_title) for c in chunks[:1])]))
    added: list[tuple[Chunk, str]] = []
    quoted = " ".join(c.quote for c in draft.citations)
    for part in parts:
        own = {w.lower() for w in _WORD.findall(part)}
        words = [
            k
            for k in analysis.keywords
            if k in own and k not in COUNTING and stem(k) not in subject
        ]
        said = words_held(words, quoted)  # "effective" holds "effect", as a search finds it
        if not words or len(said) == len(words):
            continue
        found = _best_sentence(words, chunks, rarity)
        if found is None:
            continue
        chunk, sentence, held = found
        if len(held) < min(_LEAST_HELD, len(words)) or len(held) <= len(said):
            continue
        added.append((chunk, sentence))
        quoted += f" {sentence}"
    return with_sentences_added(draft, added)


def _best_sentence(
    words: Sequence[str], chunks: Sequence[Chunk], rarity: Rarity
) -> tuple[Chunk, str, set[str]] | None:
    """The sentence of the passages that holds the rarest share of the words, as people
    shorten them ("applied" of "eight applicants"), with the words it holds; the first of
    equals; None when none holds one."""
    best: tuple[float, Chunk, str, set[str]] | None = None
    for chunk in chunks:
        for sentence in sentences(chunk.text):
            held = words_held(words, sentence)
            weight = math.fsum(rarity.weight(stem(w)) for w in held)
            if held and (best is None or weight > best[0]):
                best = (weight, chunk, sentence, held)
    return best[1:] if best is not None else None

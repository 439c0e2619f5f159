"""The word indexes carried over to a changed set of chunks (issue 13): after documents are
added, rewritten or removed, `patched` must give exactly what a build over the new chunks from
scratch gives (the same vocabulary, code-like tokens, token ids and BM25 arrays), reading only
the chunks that changed."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import bm25s
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.passages import Rarity
from assistant.retrieve import ChunkLibrary, keywords, top_scores
from assistant.word_indexes import ChunkTokens, WordIndexes
from index.catalog import parse_standard
from index.chunk import chunk_standard
from index.load import find_sources, read_document
from index.types import Chunk
from tests.conftest import SEED_SOURCES

FIXTURES = Path(__file__).parent / "fixtures" / "standards"


def _chunks() -> list[Chunk]:
    chunks = []
    for root in (SEED_SOURCES, FIXTURES):
        for found in find_sources(root):
            try:
                standard = parse_standard(read_document(found.path, found.source, {}))
            except Exception:  # the corrupt fixture: not a document
                continue
            chunks += chunk_standard(standard, 700)
    return sorted(chunks, key=lambda c: (c.source, c.position))


CHUNKS = _chunks()
SOURCES = sorted({c.source for c in CHUNKS})


def _rewritten(chunks: list[Chunk]) -> list[Chunk]:
    """The document written again: new words, a new code, one passage fewer."""
    return [
        replace(c, text=f"{c.text} Revised pay zebra-keeper ZK-{n}07 in 2026.")
        for n, c in enumerate(chunks[:-1] or chunks)
    ]


def _same(one: WordIndexes, other: WordIndexes) -> None:
    assert one.vocabulary == other.vocabulary
    assert one.word_chunks == other.word_chunks
    assert one.identifiers == other.identifiers
    assert np.array_equal(one.tokens.ids, other.tokens.ids)
    assert np.array_equal(one.tokens.offsets, other.tokens.offsets)
    assert one.tokens.vocab == other.tokens.vocab
    assert (one.bm25 is None) == (other.bm25 is None)
    if one.bm25 is not None and other.bm25 is not None:
        assert one.bm25.vocab_dict == other.bm25.vocab_dict
        for name in ("data", "indices", "indptr"):
            assert np.array_equal(one.bm25.scores[name], other.bm25.scores[name])


def _edited(before: ChunkLibrary, removed: set[str], rewritten: set[str], added: set[str]):
    """The library patched for these edits, and the chunks it should hold."""
    new = [c for s in sorted(rewritten) for c in _rewritten(before.of_source(s))]
    new += [replace(c, source=f"new/{c.source}") for c in CHUNKS if c.source in added]
    new = [replace(c, chunk_id=f"{c.source}#{c.position}") for c in new]
    expected = [c for c in before.chunks if c.source not in removed | rewritten] + new
    expected.sort(key=lambda c: (c.source, c.position))
    return before.patched(removed | rewritten, new), expected


@settings(max_examples=25, deadline=None)
@given(
    st.sets(st.sampled_from(SOURCES)),
    st.sets(st.sampled_from(SOURCES)),
    st.sets(st.sampled_from(SOURCES)),
)
def test_patched_indexes_are_those_built_from_scratch(
    removed: set[str], rewritten: set[str], added: set[str]
) -> None:
    before = ChunkLibrary(CHUNKS)
    assert before.rarity.total  # counted, as a prepared library is
    rewritten -= removed
    once, _ = _edited(before, removed, rewritten, added)
    # Patched again, as the next index run does: nothing may depend on a fresh build's order.
    patched, expected = _edited(once, set(), rewritten & set(once.sources()), set())

    assert patched.chunks == expected
    _same(patched.indexes, WordIndexes.build(expected))
    fresh = Rarity(expected)
    assert dict(patched.rarity.frequency) == dict(fresh.frequency)
    assert patched.rarity.total == fresh.total


@pytest.mark.parametrize(
    "question",
    ["salary range of a CPSS II", "zebra keeper revised pay", "4008", "ZK-107", "water treatment"],
)
def test_a_patched_library_finds_what_a_fresh_one_finds(question: str) -> None:
    before = ChunkLibrary(CHUNKS)
    patched, expected = _edited(before, {SOURCES[0]}, {SOURCES[1]}, {SOURCES[2]})
    fresh = ChunkLibrary(expected)

    assert patched.keyword_search(question, 20) == fresh.keyword_search(question, 20)
    assert patched.identifier_search(question) == fresh.identifier_search(question)


def test_a_document_removed_takes_its_words_with_it() -> None:
    before = ChunkLibrary(CHUNKS)
    rewritten = {SOURCES[1]}
    with_zebra, _ = _edited(before, set(), rewritten, set())
    assert "zebra" in with_zebra.vocabulary
    assert with_zebra.keyword_search("zebra", 5)

    without, _ = _edited(with_zebra, rewritten, set(), set())

    assert "zebra" not in without.vocabulary
    assert "zebra" not in without.indexes.tokens.vocab
    assert without.keyword_search("zebra", 5) == []
    assert not any(t.startswith("zk-") for t in without.indexes.identifiers)


def test_the_bm25_index_is_the_one_bm25s_builds() -> None:
    """ChunkTokens.bm25 computes bm25s's scores with numpy instead of its per-chunk loop: the
    arrays must be bm25s's own, a chunk of stopwords only included."""
    texts = [c.embedding_text() for c in CHUNKS] + ["the and of", "Clerk II 4008"]
    own = ChunkTokens.of(bm25s.tokenize(texts, stopwords="en", show_progress=False)).bm25()
    reference = bm25s.BM25()
    reference.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)

    assert own is not None
    for name in ("data", "indices", "indptr"):
        assert own.scores[name].dtype == reference.scores[name].dtype
        assert np.array_equal(own.scores[name], reference.scores[name])
    assert own.scores["num_docs"] == reference.scores["num_docs"]
    assert own.vocab_dict == reference.vocab_dict
    assert own.unique_token_ids_set == reference.unique_token_ids_set
    query = bm25s.tokenize(["salary of a clerk 4008"], stopwords="en", show_progress=False)
    found, expected = (
        index.retrieve(query, k=5, show_progress=False) for index in (own, reference)
    )
    assert np.array_equal(found.documents, expected.documents)
    assert np.array_equal(found.scores, expected.scores)


def test_the_top_scores_are_the_positive_ones_highest_first_ties_in_position_order() -> None:
    scores = np.zeros(127_000, dtype=np.float32)
    scores[[5, 90_000, 7, 300]] = [2.0, 3.0, 2.0, 0.5]
    assert top_scores(scores, 3) == [90_000, 5, 7]
    assert top_scores(scores, 10) == [90_000, 5, 7, 300]
    assert top_scores(np.zeros(10, dtype=np.float32), 3) == []


@pytest.mark.parametrize(
    "text",
    ["Certified Peer Support Specialist II", "salary range", "Clerk of the Court", "water", "zzzq"],
)
def test_the_chunks_holding_every_keyword_are_those_whose_words_hold_them(text: str) -> None:
    """What namesakes reads instead of every passage of the documents holding a title's words:
    each passage that writes the text must be among them."""
    library = ChunkLibrary(CHUNKS)
    wanted = set(keywords(text))
    expected = [c for c in CHUNKS if wanted <= set(keywords(c.embedding_text()))]
    by_source = library.holding_keywords_of(text)

    assert by_source is not None
    assert [c for chunks in by_source.values() for c in chunks] == expected
    assert all(c.source == source for source, chunks in by_source.items() for c in chunks)
    spaced = r"\s+".join(re.escape(w) for w in text.split())
    phrase = re.compile(rf"(?<![\w-]){spaced}(?![\w-])", re.IGNORECASE)
    writing = [c for c in CHUNKS if phrase.search(c.text)]
    assert writing or text in ("Clerk of the Court", "zzzq")
    assert all(c in by_source.get(c.source, ()) for c in writing)


def test_a_text_without_keywords_narrows_no_chunk() -> None:
    library = ChunkLibrary(CHUNKS)
    assert library.holding_keywords_of("of the a 2") is None
    assert len(library.indexes.holding_every([])) == len(CHUNKS)


def test_the_keyword_index_finds_another_form_of_a_word() -> None:
    """Words are indexed by their stems: "report" finds "Reporting to the CAO", and
    "assistantships" finds "graduate assistants"."""
    texts = ["Reporting to the CAO.", "Graduate assistants receive a stipend.", "Pay: $50.13"]
    chunks = [
        Chunk(f"t/a.txt#{n}", "t/a.txt", "Posting", "", "other", t, n, "h")
        for n, t in enumerate(texts)
    ]
    library = ChunkLibrary(chunks)
    assert library.keyword_search("who does the clerk report to", 1) == [chunks[0]]
    assert library.keyword_search("assistantships", 1) == [chunks[1]]

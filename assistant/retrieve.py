"""Hybrid retrieval: dense (Chroma) and keyword (BM25) rankings fused by reciprocal rank."""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import bm25s
import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import ConfigurableField, Runnable
from pydantic import ConfigDict, SkipValidation

from assistant.passages import Rarity, stem
from assistant.row_keys import has_row_key, keyed_by_value, keyed_in_column
from assistant.word_indexes import WordIndexes, identifier_tokens
from index.store import ChunkStore, ScoredChunk
from index.types import Chunk, ClassRecord

# bm25s sets its own logger to DEBUG and logs each index build; its warnings still show.
logging.getLogger("bm25s").setLevel(logging.WARNING)


@dataclass(frozen=True)
class RetrievalFilter:
    """Narrow retrieval to one jurisdiction and/or one document."""

    jurisdiction: str | None = None
    source: str | None = None

    def matches(self, chunk: Chunk) -> bool:
        return (self.jurisdiction is None or chunk.jurisdiction == self.jurisdiction) and (
            self.source is None or chunk.source == self.source
        )

    def where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        if self.jurisdiction:
            clauses.append({"jurisdiction": self.jurisdiction})
        if self.source:
            clauses.append({"source": self.source})
        if len(clauses) > 1:
            return {"$and": clauses}
        return clauses[0] if clauses else None


class ChunkLibrary:
    """Every indexed chunk in memory: the BM25 corpus, and the chunks of each class, document
    and code-like token, indexed once so that a question costs the same at any corpus size.

    indexes and rarity, when given, were derived from these same chunks in this order (the
    start-up snapshot); otherwise they are built here (rarity on first use)."""

    def __init__(
        self,
        chunks: Sequence[Chunk],
        indexes: WordIndexes | None = None,
        rarity: Rarity | None = None,
    ) -> None:
        self.chunks = list(chunks)
        self.by_id = {c.chunk_id: c for c in self.chunks}
        self.indexes = indexes or WordIndexes.build(self.chunks)
        self.vocabulary = self.indexes.vocabulary
        self._rarity = rarity
        self._by_class: dict[tuple[str, str], list[Chunk]] = {}
        self._by_source: dict[str, list[Chunk]] = {}
        # The rows of tables read a row a passage, by each of their cells ("h5", "12").
        self._rows_by_cell: dict[str, list[Chunk]] = {}
        for chunk in self.chunks:
            self._by_source.setdefault(chunk.source, []).append(chunk)
            if chunk.table_header and "\t" in chunk.text:
                for cell in dict.fromkeys(c.strip().lower() for c in chunk.text.split("\t")):
                    self._rows_by_cell.setdefault(cell, []).append(chunk)
            for title in dict.fromkeys(chunk.classes):
                self._by_class.setdefault((chunk.source, title), []).append(chunk)

    def patched(self, dropped: Collection[str], new: Sequence[Chunk]) -> ChunkLibrary:
        """The library of these chunks less those of the dropped documents, with the new
        chunks (of documents dropped or not here before), in the order the store lists them:
        by document, then position. What is derived from the words is carried over, reading
        only the words of the chunks that change (WordIndexes.patched)."""
        kept = [(c, n) for n, c in enumerate(self.chunks) if c.source not in dropped]
        merged = sorted(
            [*kept, *((c, -1) for c in new)], key=lambda pair: (pair[0].source, pair[0].position)
        )
        chunks = [c for c, _ in merged]
        origin = np.fromiter((n for _, n in merged), np.int64, len(merged))
        indexes = self.indexes.patched(self.chunks, chunks, origin)
        rarity = None
        if self._rarity is not None:
            gone = [c for c in self.chunks if c.source in dropped]
            rarity = self._rarity.patched(gone, new)
        return ChunkLibrary(chunks, indexes, rarity)

    @property
    def rarity(self) -> Rarity:
        """How rare each word stem is over all passages (read from the snapshot when it was)."""
        if self._rarity is None:
            self._rarity = Rarity(self.chunks)
        return self._rarity

    def sources(self) -> list[str]:
        """Every indexed document, in the order its first chunk was read."""
        return list(self._by_source)

    def of_source(self, source: str) -> list[Chunk]:
        """The chunks of one document, in document order."""
        return self._by_source.get(source, [])

    def sections_for(self, record: ClassRecord, kinds: Sequence[str]) -> list[Chunk]:
        """The chunks of the given section kinds that describe this class, in document order."""
        about = self._by_class.get((record.source, record.title), [])
        return [c for c in about if c.section_kind in kinds]

    def focus(self, records: Sequence[ClassRecord], kinds: Sequence[str]) -> list[Chunk]:
        """Passages about these classes, those of the given section kinds first."""
        about = {
            c.chunk_id: c
            for r in dict.fromkeys((r.source, r.title) for r in records)
            for c in self._by_class.get(r, [])
        }
        return sorted(
            about.values(), key=lambda c: (c.section_kind not in kinds, c.source, c.position)
        )

    def keyed_rows(
        self, keys: Sequence[tuple[str, str]], sources: Collection[str] = (), limit: int = 8
    ) -> list[Chunk]:
        """The table rows, each a passage of its own, of the grade keys a question names, in
        these documents if any are given, at most `limit`: "H5\t12\t27,711" under "Grade\t
        Spinal Column Point (SCP)\t..." for "H5" or "SCP 12" (a row of two short cells holds
        no word a search could find it by)."""
        found: dict[str, Chunk] = {}
        for label, value in keys:
            for chunk in self._rows_by_cell.get(value, ()):
                if len(found) >= limit:
                    return list(found.values())
                if sources and chunk.source not in sources:
                    continue
                header = chunk.table_header or ""
                key = [(label, value)]
                written = has_row_key(chunk.text, key) or keyed_in_column(chunk.text, header, key)
                if written or keyed_by_value([header, chunk.text], 1, key):
                    found.setdefault(chunk.chunk_id, chunk)
        return list(found.values())

    def known(self, ids: Sequence[str], store: ChunkStore) -> list[Chunk]:
        """The chunks of these ids, in their order: those held here, and any other (a store
        written since this library was read) from the store."""
        missing = [i for i in ids if i not in self.by_id]
        read = {c.chunk_id: c for c in store.chunks_by_id(missing)} if missing else {}
        return [chunk for i in ids if (chunk := self.by_id.get(i) or read.get(i))]

    def containing(self, source: str, quote: str) -> Chunk | None:
        return next((c for c in self.of_source(source) if quote in c.text), None)

    def keyword_search(self, query: str, k: int) -> list[Chunk]:
        bm25 = self.indexes.bm25
        if bm25 is None:
            return []
        words = keywords(query)
        if not words:
            return []
        return [self.chunks[n] for n in top_scores(bm25.get_scores(words), k)]

    def holding_keywords_of(self, text: str) -> dict[str, list[Chunk]] | None:
        """The chunks that hold every keyword of the text (its BM25 tokens), by document: a
        chunk that writes the text holds them all. None when the text has no keyword."""
        words = keywords(text)
        if not words:
            return None
        found: dict[str, list[Chunk]] = {}
        for position in self.indexes.holding_every(words).tolist():
            chunk = self.chunks[position]
            found.setdefault(chunk.source, []).append(chunk)
        return found

    def identifier_search(self, query: str) -> list[Chunk]:
        """Chunks holding a code-like token of the query verbatim ("4008", "A12")."""
        overlap: dict[int, int] = {}
        for token in identifier_tokens(query):
            for position in self.indexes.identifiers.get(token, ()):
                overlap[position] = overlap.get(position, 0) + 1
        hits = sorted(
            overlap,
            key=lambda n: (-overlap[n], self.chunks[n].section_kind != "pay_table", n),
        )
        return [self.chunks[n] for n in hits]


def keywords(text: str) -> list[str]:
    """The words of a text the keyword index is built from, as it reads them: lower case,
    without English stop words or one-letter words, by their stems."""
    words = bm25s.tokenize([text], stopwords="en", return_ids=False, show_progress=False)
    return [stem(w) for w in words[0]] if words and words[0] else []


def top_scores(scores: np.ndarray, k: int) -> list[int]:
    """The positions of the k highest positive scores, highest first, ties in position order.

    Only the positive scores are ranked: most chunks score 0 for a query, and numpy's
    argpartition over 127,000 scores that are nearly all equal takes 16 ms (1 ms otherwise),
    which was most of an answer's time at 10,000 standards."""
    scored = np.flatnonzero(scores > 0)
    if len(scored) > k:
        scored = scored[np.argpartition(scores[scored], -k)[-k:]]
    return sorted((int(n) for n in scored), key=lambda n: (-float(scores[n]), n))


def reciprocal_rank_fusion(
    rankings: Sequence[tuple[Sequence[Chunk], float]], k: int
) -> list[tuple[Chunk, float]]:
    """Fuse ranked lists: score = sum of weight / (k + rank). Ties keep document order."""
    scores: dict[str, float] = {}
    chunks: dict[str, Chunk] = {}
    for ranking, weight in rankings:
        for rank, chunk in enumerate(ranking, start=1):
            scores[chunk.chunk_id] = scores.get(chunk.chunk_id, 0.0) + weight / (k + rank)
            chunks[chunk.chunk_id] = chunk
    ordered = sorted(
        scores, key=lambda cid: (-scores[cid], chunks[cid].source, chunks[cid].position)
    )
    return [(chunks[cid], scores[cid]) for cid in ordered]


class HybridRetriever(BaseRetriever):
    """Dense + BM25 + exact-identifier rankings, fused with RRF; a LangChain retriever."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: ChunkStore
    library: ChunkLibrary
    embedder: Embeddings
    k: int = 6
    candidate_k: int = 20
    rrf_k: int = 60
    identifier_weight: float = 3.0  # an exact code match outranks any semantic neighbour
    focus_weight: float = 2.0  # passages about the classes the question names
    open_k: int = 2  # the search's own best passages, kept however many focus passages lead
    # Per request, set through LangChain's configurable fields (see `per_request`).
    filter: RetrievalFilter | None = None
    focus: SkipValidation[tuple[Chunk, ...]] = ()

    def search(
        self,
        query: str,
        filter: RetrievalFilter | None = None,
        k: int | None = None,
        focus: Sequence[Chunk] = (),
    ) -> list[ScoredChunk]:
        """Fused dense, keyword and exact-identifier rankings.

        focus: passages known to be about what the question asks (the classes it names, the
        sections its intent reads), ranked as a fourth list so they lead the results.
        """
        active = filter or self.filter
        dense = self.nearest(query, active)
        keyword = self.library.keyword_search(query, self.candidate_k)
        exact = self.library.identifier_search(query)
        if active:
            keyword = [c for c in keyword if active.matches(c)]
            exact = [c for c in exact if active.matches(c)]
            focus = [c for c in focus if active.matches(c)]
        searched: list[tuple[Sequence[Chunk], float]] = [
            (dense, 1.0),
            (keyword, 1.0),
            (exact, self.identifier_weight),
        ]
        fused = reciprocal_rank_fusion([*searched, (focus, self.focus_weight)], self.rrf_k)
        kept = fused[: k or self.k]
        if focus:
            # The catalog's classes lead, but never hide the best passages the search itself
            # found: a document whose classes the catalog does not know may hold the answer.
            ids = {chunk.chunk_id for chunk, _ in kept}
            scores = {c.chunk_id: score for c, score in fused}
            best = reciprocal_rank_fusion(searched, self.rrf_k)[: self.open_k]
            missing = [(c, scores[c.chunk_id]) for c, _ in best if c.chunk_id not in ids]
            if missing:
                kept = kept[: max(len(kept) - len(missing), 0)] + missing
        return [ScoredChunk(chunk, score) for chunk, score in kept]

    def nearest(self, query: str, active: RetrievalFilter | None) -> list[Chunk]:
        """The candidate_k passages nearest the query's embedding, most similar first."""
        found = self.store.nearest_ids(
            self.embedder.embed_query(query),
            self.candidate_k,
            where=active.where() if active else None,
        )
        return self.library.known([chunk_id for chunk_id, _ in found], self.store)

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [as_document(s) for s in self.search(query, self.filter, focus=self.focus)]


# The request fields a retriever may take from config["configurable"], by their ids there.
REQUEST_FIELDS = {"filter": "retrieval_filter", "focus": "retrieval_focus"}


def per_request(retriever: BaseRetriever) -> Runnable[str, list[Document]]:
    """The retriever with the request fields it has (filter, focus) read from each call's
    config["configurable"]; a LangChain retriever without them is used as it is."""
    fields = {
        name: ConfigurableField(id=key)
        for name, key in REQUEST_FIELDS.items()
        if name in type(retriever).model_fields
    }
    return retriever.configurable_fields(**fields) if fields else retriever


def as_document(found: ScoredChunk) -> Document:
    """A retrieved chunk as a LangChain document: its text, its metadata, id and score."""
    chunk = found.chunk
    return Document(
        page_content=chunk.text,
        id=chunk.chunk_id,
        metadata={**chunk.to_metadata(), "chunk_id": chunk.chunk_id, "score": found.score},
    )


def from_document(document: Document, library: ChunkLibrary) -> ScoredChunk:
    """The indexed chunk a retrieved document is (by its id), with the retriever's score;
    a document of this index that the library has not loaded is read from its metadata."""
    chunk_id = str(document.metadata.get("chunk_id") or document.id or "")
    chunk = library.by_id.get(chunk_id) or Chunk.from_metadata(
        chunk_id, {**document.metadata, "text": document.page_content}
    )
    return ScoredChunk(chunk, float(document.metadata.get("score", 0.0)))

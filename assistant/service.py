"""The assistant as one object: open the index, answer questions, report status."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from langchain_core.embeddings import Embeddings

from assistant.chain import ChainInput, Rewriter, build_chain
from assistant.config import Settings
from assistant.errors import BadQuestion, InputTooLarge
from assistant.indexing import (
    read_catalog,
    settings_embedder,
    store_location,
)
from assistant.retrieve import HybridRetriever, RetrievalFilter
from assistant.snapshot import long_lived, open_state, snapshot_key
from assistant.types import Answer, Turn
from index.embed import limit_threads
from index.errors import IndexNotBuilt
from index.store import ChunkStore
from index.types import Chunk, ClassRecord

log = logging.getLogger(__name__)

# Half of a UTF-16 surrogate pair on its own: JSON ("\\ud800") and argv can carry one, but no
# encoder or tokenizer accepts it.
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def valid_text(text: str) -> str:
    """The text with each lone surrogate replaced by U+FFFD, so it can be read and written."""
    return _LONE_SURROGATE.sub("\N{REPLACEMENT CHARACTER}", text)


@dataclass(frozen=True)
class Status:
    documents: int
    chunks: int
    classes: int
    embedding_model: str
    answer_backend: str
    store: str

    def line(self) -> str:
        return (
            f"{self.documents} documents, {self.chunks} passages, {self.classes} classes | "
            f"embeddings: {self.embedding_model} | answers: {self.answer_backend}"
        )


class Assistant:
    """Answers questions from an index built by `ensure_index`."""

    def __init__(self, settings: Settings, store: ChunkStore, embedder: Embeddings) -> None:
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.reload()

    @classmethod
    def open(cls, settings: Settings) -> Assistant:
        """Open an existing index; raises IndexNotBuilt when there is none."""
        store = ChunkStore(store_location(settings))
        if store.known_count() == 0:
            raise IndexNotBuilt(
                f"the index at {store.location.describe()} is empty: run `index` first"
            )
        model = store.embedding_model or settings.embedding_model
        if model != settings.embedding_model:
            raise IndexNotBuilt(
                f"the index was built with {model}, not "
                f"{settings.embedding_model}: run `index` again"
            )
        embedder = settings_embedder(settings, model)
        if settings.query_threads:
            limit_threads(settings.query_threads)
        return cls(settings, store, embedder)

    def reload(self) -> None:
        """Read chunks and catalog again (after the index changed); they and what is derived
        from them come from the start-up snapshot when it is current."""
        path = self.settings.catalog_path
        with long_lived():
            # opened_as: the index this assistant answers from (see is_current)
            state, self.opened_as = open_state(self.store, path, lambda: read_catalog(path))
        self.library = state.library
        self.catalog: list[ClassRecord] = state.catalog
        self.class_index = state.class_index
        self.retriever = HybridRetriever(
            store=self.store,
            library=self.library,
            embedder=self.embedder,
            k=self.settings.top_k,
            candidate_k=self.settings.candidate_k,
            rrf_k=self.settings.rrf_k,
        )
        self.composer = state.composer
        self.chain = build_chain(
            self.class_index, self.retriever, self.composer, rewriter=self._rewriter()
        )

    def is_current(self) -> bool:
        """Whether the index on disk (the store and the catalog) is still the one this
        assistant answers from; False when that cannot be known."""
        fresh = ChunkStore(self.store.location)  # an open store keeps its first metadata
        key = snapshot_key(fresh, self.settings.catalog_path)
        return key is not None and key == self.opened_as

    def _rewriter(self) -> Rewriter | None:
        if self.settings.answer_backend == "extractive":
            return None
        from assistant.llm import LLMRewriter

        return LLMRewriter.from_settings(self.settings)

    def ask(
        self, question: str, history: Sequence[Turn] = (), filter: RetrievalFilter | None = None
    ) -> Answer:
        question = self.validate(question)
        history = self.validate_history(history)
        started = time.perf_counter()
        result = self.chain.invoke(ChainInput(question, tuple(history), filter))
        draft = result.draft
        return Answer(
            text=draft.text,
            citations=draft.citations,
            abstained=draft.abstained,
            standalone_question=result.analysis.question,
            retrieved=tuple(s.chunk for s in result.retrieved),
            classes=draft.classes,
            latency_ms=(time.perf_counter() - started) * 1000,
        )

    def stream(
        self, question: str, history: Sequence[Turn] = (), filter: RetrievalFilter | None = None
    ) -> Iterator[tuple[str, Answer]]:
        """(text so far, answer) pairs, a few words at a time; the last holds the whole answer.

        The answer is composed whole before its first words are given out (the composer is
        extractive, and a model's reply is checked whole): this paces the display, it does not
        make the first words come sooner.
        """
        answer = self.ask(question, history, filter)
        words = answer.text.split(" ")
        for end in range(1, len(words) + 1, 4):
            yield " ".join(words[:end]), answer
        yield answer.text, answer

    def validate(self, question: str) -> str:
        if not isinstance(question, str) or not question.strip():
            raise BadQuestion("Please type a question.")
        question = valid_text(question.strip())
        limit = self.settings.max_question_chars
        if len(question) > limit:
            raise BadQuestion(
                f"The question is {len(question)} characters long; the limit is "
                f"{limit}. Please shorten it to the part you want answered."
            )
        return question

    def recent_history(self, history: Sequence[Turn]) -> tuple[Turn, ...]:
        """The most recent turns that fit the history limits (a chat that has run long)."""
        kept: list[Turn] = []
        size = 0
        for turn in reversed(history[-self.settings.max_history_turns :]):
            size += len(turn.user) + len(turn.assistant)
            if size > self.settings.max_history_chars:
                break
            kept.append(turn)
        return tuple(reversed(kept))

    def validate_history(self, history: Sequence[Turn]) -> tuple[Turn, ...]:
        """The earlier turns, readable and within the limits: every turn is read again on each
        follow-up, so an unbounded history would let one request keep a worker busy."""
        turns, limit = tuple(history), self.settings.max_history_turns
        if len(turns) > limit:
            raise InputTooLarge(
                f"The history holds {len(turns)} turns; the limit is {limit}. "
                "Send the most recent turns only."
            )
        size, limit = (
            sum(len(t.user) + len(t.assistant) for t in turns),
            self.settings.max_history_chars,
        )
        if size > limit:
            raise InputTooLarge(
                f"The history is {size} characters long; the limit is {limit}. "
                "Send the most recent turns only."
            )
        return tuple(Turn(valid_text(t.user), valid_text(t.assistant)) for t in turns)

    def chunk(self, chunk_id: str) -> Chunk | None:
        return self.library.by_id.get(chunk_id)

    def status(self) -> Status:
        return Status(
            len(self.library.sources()),
            len(self.library.chunks),
            len(self.catalog),
            self.store.embedding_model or self.settings.embedding_model,
            self.settings.answer_backend,
            self.store.location.describe(),
        )

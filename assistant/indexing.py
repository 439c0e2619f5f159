"""Building the index from the sources folder, and what it needs: the embedder the settings
name, where the store is, the catalog. The `index` command imports this and not the answering
code (a second of imports at every run).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from langchain_core.embeddings import Embeddings

from assistant.config import Settings
from assistant.snapshot import ensure_snapshot
from index.build import IndexSummary, build_index, index_lock
from index.catalog import load_catalog
from index.embed import Backend, make_embedder
from index.errors import IndexDamaged
from index.store import ChunkStore, StoreLocation
from index.types import ClassRecord


@lru_cache(maxsize=4)
def get_embedder(
    model: str, batch_size: int = 32, backend: Backend = "torch", cache_dir: Path | None = None
) -> Embeddings:
    """One embedder per model per process: loading it is the slow part of start-up."""
    return make_embedder(model, batch_size, backend=backend, cache_dir=cache_dir)


def settings_embedder(settings: Settings, model: str | None = None) -> Embeddings:
    """The embedder the settings name (or this model), run by the settings' backend."""
    return get_embedder(
        model or settings.embedding_model,
        settings.embedding_batch_size,
        settings.embedding_backend,
        settings.model_cache_path,
    )


def store_location(settings: Settings) -> StoreLocation:
    return StoreLocation(
        settings.chroma_path, settings.collection, settings.chroma_host, settings.chroma_port
    )


def ensure_index(settings: Settings, progress: bool | None = None) -> IndexSummary:
    """Build or update the index from the sources folder (incremental, idempotent), and the
    start-up snapshot of the store it leaves; one process writes at a time, the others wait."""
    embedder = settings_embedder(settings)
    with index_lock(settings.index_lock_path):
        store = ChunkStore(store_location(settings), create=True)
        summary = build_index(
            settings.sources_dir,
            store,
            embedder,
            settings.embedding_model,
            settings.catalog_path,
            manifest_name=settings.manifest_name,
            max_chars=settings.chunk_max_chars,
            batch_size=settings.write_batch_size,
            progress=progress,
        )
        path = settings.catalog_path
        ensure_snapshot(store, path, lambda: read_catalog(path))
        return summary


def read_catalog(path: Path) -> list[ClassRecord]:
    """The class catalog; IndexDamaged, saying how to mend it, when it cannot be read."""
    try:
        return load_catalog(path)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise IndexDamaged(
            f"the class catalog {path} cannot be read ({error}): run `index` to rebuild it"
        ) from error

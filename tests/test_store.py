"""The Chroma store read in pages: every read holds at most one page of records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from index.store import ChunkStore, StoreLocation
from index.types import Chunk


def _chunks(documents: int, per_document: int) -> list[Chunk]:
    return [
        Chunk(
            chunk_id=f"doc-{d}.txt#{p}",
            source=f"doc-{d}.txt",
            doc_title=f"Standard {d}",
            section="Salary",
            section_kind="pay_table",
            text=f"Class {d} level {p}\t${d},{p:03d}",
            position=p,
            content_hash=f"hash-{d}",
        )
        for d in range(documents)
        for p in range(per_document)
    ]


class _PageSpy:
    """The collection, recording the `limit` of every read."""

    def __init__(self, collection: Any) -> None:
        self._collection = collection
        self.limits: list[int | None] = []

    def get(self, **kwargs: Any) -> Any:
        self.limits.append(kwargs.get("limit"))
        return self._collection.get(**kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._collection, name)


@pytest.fixture
def paged_store(tmp_path: Path) -> tuple[ChunkStore, list[Chunk], _PageSpy]:
    store = ChunkStore(StoreLocation(tmp_path / "chroma", "paged"), create=True, page_size=7)
    chunks = _chunks(documents=9, per_document=5)  # 45 records: 7 pages of 7
    for start in range(0, len(chunks), 10):
        batch = chunks[start : start + 10]
        store.add(batch, [[1.0, float(i)] for i in range(len(batch))], document_chunks=5)
    spy = _PageSpy(store._collection)
    store._collection = spy
    return store, chunks, spy


def test_documents_are_read_a_page_at_a_time(paged_store) -> None:
    store, chunks, spy = paged_store
    documents = store.documents()
    assert set(documents) == {c.source for c in chunks}
    assert all(d.chunks == 5 and d.complete for d in documents.values())
    assert len(spy.limits) == 7 and all(limit == 7 for limit in spy.limits)


def test_all_chunks_are_read_a_page_at_a_time(paged_store) -> None:
    store, chunks, spy = paged_store
    assert store.all_chunks() == sorted(chunks, key=lambda c: (c.source, c.position))
    assert spy.limits and all(limit == 7 for limit in spy.limits)


def test_a_store_of_exactly_whole_pages_reads_every_record(tmp_path: Path) -> None:
    store = ChunkStore(StoreLocation(tmp_path / "chroma", "whole"), create=True, page_size=5)
    chunks = _chunks(documents=2, per_document=5)
    store.add(chunks, [[1.0, float(i)] for i in range(len(chunks))])
    assert len(store.all_chunks()) == 10
    assert sum(d.chunks for d in store.documents().values()) == 10


@pytest.mark.reliability  # about 30 s: writing 34,000 records is the slow part
def test_more_records_than_sqlite_reads_at_once_still_open(tmp_path: Path) -> None:
    """An unpaged read of this many records fails in SQLite with "too many SQL variables"."""
    store = ChunkStore(StoreLocation(tmp_path / "chroma", "large"), create=True)
    chunks = _chunks(documents=3_400, per_document=10)
    for start in range(0, len(chunks), 5_000):
        batch = chunks[start : start + 5_000]
        store.add(batch, [[1.0, float(i % 7)] for i in range(len(batch))])
    assert len(store.documents()) == 3_400
    assert len(store.all_chunks()) == 34_000

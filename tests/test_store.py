"""The Chroma store read in pages: every read holds at most one page of records."""

from __future__ import annotations

import logging
from dataclasses import replace
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
    """The collection, recording how many records every read may return: its `limit`, or
    the number of ids it names."""

    def __init__(self, collection: Any) -> None:
        self._collection = collection
        self.limits: list[int | None] = []
        self.counts = 0  # Chroma's counts (a scan of the store)
        self.deletes: list[dict[str, Any]] = []

    def get(self, **kwargs: Any) -> Any:
        ids = kwargs.get("ids")
        self.limits.append(len(ids) if ids is not None else kwargs.get("limit"))
        return self._collection.get(**kwargs)

    def count(self) -> int:
        self.counts += 1
        return int(self._collection.count())

    def delete(self, **kwargs: Any) -> Any:
        self.deletes.append(kwargs)
        return self._collection.delete(**kwargs)

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
    # 7 pages of ids, then the first chunk of each of the 9 documents in 2 pages
    assert len(spy.limits) == 9 and all(limit is not None and limit <= 7 for limit in spy.limits)


def test_the_documents_found_are_kept_until_the_chunks_change(
    paged_store, caplog: pytest.LogCaptureFixture
) -> None:
    store, chunks, spy = paged_store
    found = store.documents()
    spy.limits.clear()
    assert store.documents() == found and spy.limits == []  # read back, no chunk read
    store.delete_source(chunks[0].source)
    assert chunks[0].source not in store.documents() and spy.limits  # found again
    spy.limits.clear()
    store.mark_run("2026-12-01T00:00:00+00:00")  # a run writing: no copy is trusted
    store.documents()
    assert spy.limits
    store.mark_run("")
    (store.location.path / "documents.json").write_text("{not json", "utf-8")
    spy.limits.clear()
    with caplog.at_level(logging.WARNING, logger="index.store"):
        assert store.documents() == {s: d for s, d in found.items() if s != chunks[0].source}
    assert "cannot be read" in caplog.text and spy.limits


def test_a_run_keeps_the_documents_its_writes_leave(paged_store) -> None:
    """A run that changes one document keeps the list its writes made: the next run reads
    no chunk to find it, and the list is the one every chunk would give."""
    store, chunks, _ = paged_store
    store.indexed_documents()  # a run reads the list before it writes
    store.mark_run("2026-12-01T00:00:00+00:00")
    store.delete_source("doc-0.txt")
    changed = [replace(c, content_hash="hash-0-new") for c in chunks if c.source == "doc-0.txt"]
    store.add(changed[:3], [[1.0, 0.0]] * 3, "2026-12-01T00:00:00+00:00", document_chunks=3)
    store.delete_source("doc-1.txt")
    store.mark_run("")
    fresh = ChunkStore(store.location)
    reads = _PageSpy(fresh._collection)
    fresh._collection = reads
    kept = fresh.documents()
    assert reads.limits == []
    assert kept == fresh._read_documents()
    assert kept["doc-0.txt"].content_hash == "hash-0-new" and kept["doc-0.txt"].chunks == 3
    assert "doc-1.txt" not in kept and len(kept) == 8


def test_all_chunks_are_read_a_page_at_a_time(paged_store) -> None:
    store, chunks, spy = paged_store
    assert store.all_chunks() == sorted(chunks, key=lambda c: (c.source, c.position))
    assert spy.limits and all(limit == 7 for limit in spy.limits)


def test_the_nearest_ids_rank_as_the_search_does(paged_store) -> None:
    store, _, _ = paged_store
    for query, k in (([1.0, 3.0], 5), ([0.2, 1.0], 45), ([1.0, 0.0], 50)):
        found = store.search(query, k)
        assert store.nearest_ids(query, k) == [(s.chunk.chunk_id, s.score) for s in found]
    where = {"source": "doc-4.txt"}
    assert [i for i, _ in store.nearest_ids([1.0, 3.0], 3, where)] == [
        s.chunk.chunk_id for s in store.search([1.0, 3.0], 3, where)
    ]


def test_chunks_are_read_by_id_in_the_order_asked(paged_store) -> None:
    store, chunks, _ = paged_store
    by_id = {c.chunk_id: c for c in chunks}
    ids = ["doc-8.txt#4", "doc-0.txt#1", "no-such.txt#0", "doc-3.txt#2"]
    assert store.chunks_by_id(ids) == [by_id[i] for i in ids if i in by_id]


def test_the_text_is_stored_once_and_old_flat_records_still_read(tmp_path: Path) -> None:
    store = ChunkStore(StoreLocation(tmp_path / "chroma", "once"), create=True)
    (chunk,) = _chunks(documents=1, per_document=1)
    store.add([chunk], [[1.0, 0.0]], "2026-12-01T00:00:00+00:00", document_chunks=1)
    stored = store._collection.get(include=["documents", "metadatas"])
    assert stored["documents"] == [None]
    assert str(stored["metadatas"][0]).count("Class 0 level 0") == 1
    assert store.all_chunks() == [chunk]
    assert [s.chunk for s in store.search([1.0, 0.0], 1)] == [chunk]
    # a record of a store built before the text was packed
    flat = replace(chunk, chunk_id="flat.txt#0", source="flat.txt")
    store._collection.add(
        ids=[flat.chunk_id], embeddings=[[0.0, 1.0]], metadatas=[flat.to_metadata()]
    )
    assert store.all_chunks() == [chunk, flat]
    assert store.documents()["flat.txt"].chunks == 1


def test_a_document_missing_its_first_chunk_is_not_complete(tmp_path: Path) -> None:
    store = ChunkStore(StoreLocation(tmp_path / "chroma", "short"), create=True)
    chunks = _chunks(documents=1, per_document=3)
    store.add(chunks[1:], [[1.0, 0.0], [0.0, 1.0]], document_chunks=3)
    (document,) = store.documents().values()
    assert document.chunks == 2 and not document.complete
    assert store.indexed_documents() == {"doc-0.txt": ""}


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


def test_a_library_reads_the_chunks_it_lacks_from_the_store(paged_store) -> None:
    from assistant.retrieve import ChunkLibrary

    store, chunks, _ = paged_store
    library = ChunkLibrary(chunks[:20])  # read before the store gained the later documents
    ids = ["doc-8.txt#4", "doc-0.txt#1", "gone.txt#0", "doc-3.txt#2"]
    found = library.known(ids, store)
    assert [c.chunk_id for c in found] == ["doc-8.txt#4", "doc-0.txt#1", "doc-3.txt#2"]
    assert found[1] is library.by_id["doc-0.txt#1"]
    assert found == [next(c for c in chunks if c.chunk_id == i) for i in ids if "gone" not in i]


def test_a_run_knows_the_count_and_deletes_a_document_by_its_ids(paged_store) -> None:
    """A run that rewrites one document neither counts the store nor scans its metadata:
    the count follows its writes, a whole document is deleted by its ids, and the next
    object reads the count from the list the run kept."""
    store, chunks, spy = paged_store
    store.indexed_documents()
    store.mark_run("2026-12-01T00:00:00+00:00")
    store.delete_source("doc-0.txt")
    assert spy.deletes == [{"ids": [f"doc-0.txt#{n}" for n in range(5)]}]
    changed = [replace(c, content_hash="hash-0-new") for c in chunks if c.source == "doc-0.txt"]
    store.add(changed[:3], [[1.0, 0.0]] * 3, "2026-12-01T00:00:00+00:00", document_chunks=3)
    store.mark_run("")
    assert store.known_count() == 43 and spy.counts == 0
    assert store.count() == 43  # what Chroma counts
    fresh = ChunkStore(store.location)
    reads = _PageSpy(fresh._collection)
    fresh._collection = reads
    assert fresh.known_count() == 43 and reads.counts == 0 and reads.limits == []


def test_a_document_the_list_does_not_hold_whole_is_deleted_by_its_source(tmp_path: Path) -> None:
    store = ChunkStore(StoreLocation(tmp_path / "chroma", "partial"), create=True)
    chunks = _chunks(documents=2, per_document=3)
    store.add(chunks[1:], [[1.0, float(i)] for i in range(5)], document_chunks=3)
    assert not store.documents()["doc-0.txt"].complete  # its first chunk is missing
    spy = _PageSpy(store._collection)
    store._collection = spy
    store.delete_source("doc-0.txt")
    assert spy.deletes == [{"where": {"source": "doc-0.txt"}}]
    assert set(store.documents()) == {"doc-1.txt"} and store.count() == 3


def test_a_reset_leaves_no_vector_index_of_the_dropped_collection(tmp_path: Path) -> None:
    """Chroma's delete_collection leaves the collection's segment folders on disk; a rebuild
    (a new model or chunk format) must not leave the last index's vectors behind each time."""
    path = tmp_path / "chroma"
    store = ChunkStore(StoreLocation(path, "rebuilt"), create=True)
    chunks = _chunks(documents=30, per_document=10)  # enough vectors for Chroma to persist
    store.add(chunks, [[1.0, float(i)] for i in range(len(chunks))])
    assert store.count() == 300
    before = {p.name for p in path.iterdir() if p.is_dir()}
    assert before  # the vector index of the collection
    store.reset()
    store.add(chunks[:300], [[float(i), 1.0] for i in range(300)])
    assert store.count() == 300
    after = {p.name for p in path.iterdir() if p.is_dir()}
    assert after and not after & before
    # Another collection in the same folder keeps its index.
    other = ChunkStore(StoreLocation(path, "other"), create=True)
    other.add(chunks, [[1.0, float(i)] for i in range(len(chunks))])
    kept = {p.name for p in path.iterdir() if p.is_dir()}
    store.reset()
    assert kept - {p.name for p in path.iterdir() if p.is_dir()} == after


def test_an_index_run_clears_what_an_older_rebuild_left(tmp_path: Path) -> None:
    path = tmp_path / "chroma"
    store = ChunkStore(StoreLocation(path, "older"), create=True)
    store.add(_chunks(documents=30, per_document=10), [[1.0, float(i)] for i in range(300)])
    assert store.count() == 300
    left = path / "0b6f3a52-1c1e-4d7b-9a53-2d7f1c9e8a10"  # a folder no segment is
    left.mkdir()
    (left / "data_level0.bin").write_bytes(b"\0" * 64)
    other = path / "notes"  # not a segment's name: not Chroma's, kept
    other.mkdir()
    ChunkStore(StoreLocation(path, "older"))  # a reader removes nothing
    assert left.is_dir()
    ChunkStore(StoreLocation(path, "older"), create=True)
    assert not left.exists() and other.is_dir()
    assert ChunkStore(StoreLocation(path, "older")).count() == 300

"""The vector store: the one module that talks to Chroma (embedded by default, or a server)."""

from __future__ import annotations

import json
import logging
import re
import shutil
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.errors import IndexNotBuilt, StoreDamaged, StoreUnavailable
from index.types import Chunk

log = logging.getLogger(__name__)

_MODEL_KEY = "embedding_model"
_FORMAT_KEY = "index_format"
_INDEXED_AT_KEY = "indexed_at"
# How many chunks the document has in all, kept on each of them: a document whose chunks in
# the store fall short (a run killed while writing it) is not yet indexed.
_DOCUMENT_CHUNKS_KEY = "document_chunks"
# When the run now writing the store began; "" once it has finished. Set while a run writes, it
# tells a reader that the store and the catalog may not match yet (a run killed midway).
_UNFINISHED_RUN_KEY = "unfinished_run"
# A new value whenever the chunks change: what a reader keys anything it derives from every
# chunk by (the start-up snapshot), so that it can tell a copy is stale without reading them.
_CONTENT_VERSION_KEY = "content_version"
_SQLITE_FILE = "chroma.sqlite3"  # Chroma's own name for the file of an embedded store
_DOCUMENTS_FILE = "documents.json"  # what documents() found, under the content version
# Records read per `get`: one unpaged read of ~33,000 records or more fails in SQLite ("too
# many SQL variables"), and the product would not start.
READ_PAGE_SIZE = 5000
# How chunks are laid out in the store; a store of another layout is rebuilt by `index`.
# store-2: the text is kept once (in the metadata, no Chroma document and so no full-text
# index, which nothing used), and the fields nothing filters on are packed into one JSON value.
STORE_FORMAT = "store-2"
_PACKED_KEY = "chunk"
# The fields kept as metadata of their own: filters (source, jurisdiction) and the per-document
# facts that `documents()` reads.
_FILTERED = ("source", "jurisdiction", "content_hash")


@dataclass(frozen=True)
class StoreLocation:
    """An embedded store in a folder, or a Chroma server when host is set."""

    path: Path
    collection: str
    host: str | None = None
    port: int = 8000

    def describe(self) -> str:
        where = f"http://{self.host}:{self.port}" if self.host else str(self.path)
        return f"{where} (collection {self.collection})"


@dataclass(frozen=True)
class IndexedDocument:
    content_hash: str
    chunks: int
    indexed_at: str  # ISO 8601, UTC; empty for stores built before it was recorded
    expected_chunks: int = 0  # 0 for stores built before it was recorded

    @property
    def complete(self) -> bool:
        """Every chunk of the document is in the store."""
        return self.expected_chunks in (0, self.chunks)


@dataclass(frozen=True)
class ScoredChunk:
    chunk: Chunk
    score: float


class ChunkStore:
    """Chunks with their embeddings, one collection per store."""

    def __init__(
        self, location: StoreLocation, create: bool = False, page_size: int = READ_PAGE_SIZE
    ) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        self.location = location
        self.page_size = page_size
        self._count: int | None = None  # kept up to date by this object's writes, else None
        self._run_started = False  # a run marked by mark_run is writing through this object
        self._versioned_in_run = False  # and has given the store its new content version
        # What documents() found, kept up to date by this object's writes while a run writes
        # and kept on disk under the new content version when it finishes; None: not read.
        self._documents: dict[str, IndexedDocument] | None = None
        self._kept: tuple[str, dict[str, IndexedDocument]] | None = None  # key, list read
        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        try:
            if location.host:
                self._client: Any = chromadb.HttpClient(
                    host=location.host, port=location.port, settings=chroma_settings
                )
            else:
                if not create and not location.path.is_dir():
                    raise IndexNotBuilt(f"no index at {location.path}: run `index` first")
                location.path.mkdir(parents=True, exist_ok=True)
                self._client = chromadb.PersistentClient(
                    path=str(location.path), settings=chroma_settings
                )
            self._collection = self._open_collection(create)
            if create and not location.host:
                _remove_orphan_segments(location.path)  # left by an older rebuild
        except (IndexNotBuilt, StoreUnavailable):
            raise
        except Exception as error:  # chromadb raises many types for an unreachable store
            damage = None if location.host else damaged_file(location.path)
            if damage:
                raise StoreDamaged(
                    f"the store file {location.path / _SQLITE_FILE} cannot be read ({damage}): "
                    "run `index --repair` to rebuild it from the sources"
                ) from error
            raise StoreUnavailable(
                f"cannot open the store at {location.describe()}: {error}"
            ) from error

    def _open_collection(self, create: bool) -> Any:
        if create:
            # Embeddings are always passed in, so the collection gets no embedding function:
            # Chroma's default one would try to download a model.
            return self._client.get_or_create_collection(
                self.location.collection,
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine"}},
            )
        try:
            return self._client.get_collection(self.location.collection, embedding_function=None)
        except Exception as error:
            raise IndexNotBuilt(
                f"no index in {self.location.describe()}: run `index` first"
            ) from error

    @property
    def embedding_model(self) -> str | None:
        return self._metadata(_MODEL_KEY)

    @property
    def index_format(self) -> str | None:
        return self._metadata(_FORMAT_KEY)

    def _metadata(self, key: str) -> str | None:
        value = (self._collection.metadata or {}).get(key)
        return str(value) if value else None

    def set_index_info(self, model: str, index_format: str) -> None:
        """Record what the stored chunks were made with, to know when they are stale."""
        self._set_metadata(_MODEL_KEY, model)
        self._set_metadata(_FORMAT_KEY, index_format)

    @property
    def unfinished_run(self) -> str | None:
        """When a run that has not finished writing the store began (ISO time), else None."""
        return self._metadata(_UNFINISHED_RUN_KEY)

    def mark_run(self, started: str) -> None:
        """Record that a run began writing at `started`; mark_run("") when it has finished.
        A store that has no content version yet gets one when a run finishes."""
        if not started and self.content_version is None:
            self._set_metadata(_CONTENT_VERSION_KEY, uuid.uuid4().hex)
        self._run_started, self._versioned_in_run = bool(started), False
        self._set_metadata(_UNFINISHED_RUN_KEY, started)
        if not started and self._documents is not None and (key := self._documents_key()):
            # The run's own writes made the list: the next run does not read every id.
            self._keep_documents(key, self._documents)

    @property
    def content_version(self) -> str | None:
        """Changes whenever the chunks change; None for a store written before it was kept.

        A run marked by mark_run changes it once, before its first write (not at each): so a
        run stopped midway leaves a version nothing was derived from, and while a run writes
        (unfinished_run is set) nothing may be derived from the chunks under their version."""
        return self._metadata(_CONTENT_VERSION_KEY)

    def _changed(self) -> None:
        """The chunks are about to change: give the store a new content version (once in a
        marked run)."""
        if not self._versioned_in_run:
            self._set_metadata(_CONTENT_VERSION_KEY, uuid.uuid4().hex)
            self._versioned_in_run = self._run_started

    def _set_metadata(self, key: str, value: str) -> None:
        metadata = dict(self._collection.metadata or {})
        if metadata.get(key) == value:
            return  # each write is a transaction of Chroma's (up to 20 ms at 10,000 standards)
        metadata[key] = value
        metadata.pop("hnsw:space", None)  # part of the configuration, not to be modified
        self._collection.modify(metadata=metadata)

    def reset(self) -> None:
        """Drop every chunk (when the embedding model or the chunk format changes)."""
        self._client.delete_collection(self.location.collection)
        if not self.location.host:
            _remove_orphan_segments(self.location.path)
        self._collection = self._open_collection(create=True)
        self._changed()
        self._documents = {}
        self._count = 0

    def count(self) -> int:
        """Passages in the store, as Chroma counts them (0.1-0.4 s at 130,000 passages)."""
        self._count = int(self._collection.count())
        return self._count

    def known_count(self) -> int:
        """Passages in the store as this object knows them: counted by Chroma once, or summed
        from the list of documents kept under the store's content version, then kept up to
        date by this object's writes. Another process's writes are not seen: like the
        metadata, what an open store knows is as of its reads."""
        if self._count is None:
            key = self._documents_key()
            kept = self._kept_documents(key) if key is not None else None
            if kept is None:
                return self.count()
            self._count = sum(document.chunks for document in kept.values())
        return self._count

    def indexed_documents(self) -> dict[str, str]:
        """Source path -> content hash of every document in the store; "" for a document whose
        chunks are not all there, so that the next run writes it again."""
        return {
            source: info.content_hash if info.complete else ""
            for source, info in self.documents().items()
        }

    def documents(self) -> dict[str, IndexedDocument]:
        """Source path -> what the store holds of it (hash, passages, when it was embedded).

        What was found is kept in the store's folder (beside an embedded store; beside the
        catalog for a Chroma server) under the store's content version, and read back while no
        run is writing: finding it again reads every chunk's id (6 s at 127,000 chunks
        embedded, 19 s from a server), at each index run, start and page that lists them."""
        key = self._documents_key()
        if key is not None and (kept := self._kept_documents(key)) is not None:
            found = kept
        else:
            found = self._read_documents()
            if key is not None:
                self._keep_documents(key, found)
        self._documents = found
        self._count = sum(document.chunks for document in found.values())
        return dict(found)

    def _documents_key(self) -> str | None:
        """What a kept copy of documents() must have been found under; None when no copy can
        be trusted (a store without a content version, or one that a run is writing: every
        write changes the version, once per run, and a run stopped midway leaves its mark)."""
        version = self.content_version
        if version is None or self.unfinished_run:
            return None
        return f"{self.location.describe()}:{version}"

    def _kept_documents(self, key: str) -> dict[str, IndexedDocument] | None:
        """The list of documents kept under this key, read once by this object (0.2 s at
        10,000 documents)."""
        if self._kept is not None and self._kept[0] == key:
            return dict(self._kept[1])
        path = self.location.path / _DOCUMENTS_FILE
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
            if kept["key"] != key:
                return None
            documents = {
                str(source): IndexedDocument(str(hash_), int(chunks), str(at), int(expected))
                for source, (hash_, chunks, at, expected) in kept["documents"].items()
            }
            self._kept = (key, documents)
            return dict(documents)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("the list of indexed documents %s cannot be read (%s)", path, error)
            return None

    def _keep_documents(self, key: str, found: dict[str, IndexedDocument]) -> None:
        path = self.location.path / _DOCUMENTS_FILE
        documents = {
            source: [d.content_hash, d.chunks, d.indexed_at, d.expected_chunks]
            for source, d in found.items()
        }
        filling = path.with_name(f".{_DOCUMENTS_FILE}.{uuid.uuid4().hex[:8]}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            filling.write_text(json.dumps({"key": key, "documents": documents}), "utf-8")
            filling.replace(path)
        except OSError as error:
            log.warning("could not keep the list of indexed documents in %s: %s", path, error)
            filling.unlink(missing_ok=True)

    def _read_documents(self) -> dict[str, IndexedDocument]:
        """The passages of each document counted from the ids alone ("<source>#<n>"), and the
        facts read from its first passage: a few thousand small reads, not every chunk."""
        counts: dict[str, int] = {}
        for chunk_id in self._ids():
            source = chunk_id.rsplit("#", 1)[0]
            counts[source] = counts.get(source, 0) + 1
        first = [f"{source}#0" for source in counts]
        facts = {str(meta["source"]): meta for _, meta in self._records_of(first)}
        found: dict[str, IndexedDocument] = {}
        for source, chunks in counts.items():
            meta = facts.get(source)
            if meta is None:  # its first passage is missing: written again by the next run
                found[source] = IndexedDocument("", chunks, "", chunks + 1)
                continue
            found[source] = IndexedDocument(
                content_hash=str(meta["content_hash"]),
                chunks=chunks,
                indexed_at=str(meta.get(_INDEXED_AT_KEY) or ""),
                expected_chunks=int(meta.get(_DOCUMENT_CHUNKS_KEY) or 0),
            )
        return found

    def add(
        self,
        chunks: Sequence[Chunk],
        embeddings: Sequence[Sequence[float]],
        indexed_at: str = "",
        document_chunks: int | Sequence[int] = 0,
    ) -> None:
        """Store chunks with their embeddings; indexed_at (ISO time) and document_chunks (how
        many chunks their document has in all, one for all or one per chunk) are kept per chunk.

        The chunks' ids must not be in the store (delete_source first): Chroma's add is much
        faster than its upsert, and keeps later deletes fast."""
        if not chunks:
            return
        self._changed()
        if self._count is not None:
            self._count += len(chunks)
        totals = (
            [document_chunks] * len(chunks)
            if isinstance(document_chunks, int)
            else list(document_chunks)
        )
        self._collection.add(
            ids=[c.chunk_id for c in chunks],
            embeddings=[list(e) for e in embeddings],
            metadatas=[
                _packed(c, {_INDEXED_AT_KEY: indexed_at, _DOCUMENT_CHUNKS_KEY: total})
                for c, total in zip(chunks, totals, strict=True)
            ],
        )
        if self._documents is not None:
            for chunk, total in zip(chunks, totals, strict=True):
                before = self._documents.get(chunk.source)
                count = (before.chunks if before else 0) + 1
                self._documents[chunk.source] = IndexedDocument(
                    chunk.content_hash, count, indexed_at, total
                )

    def warming(self) -> threading.Thread:
        """A read of one passage, started in the background: a store's first read loads its
        segments (0.6 s at 130,000 passages, the GIL released), which a run that will write
        hides behind its parsing and embedding instead of waiting for it at its first
        delete. Join the thread before writing."""

        def read_one() -> None:
            try:
                self._collection.get(limit=1, include=[])
            except Exception as error:  # the run's own reads and writes report a bad store
                log.debug("warming the store failed: %s", error)

        thread = threading.Thread(target=read_one, name="store-warming")
        thread.start()
        return thread

    def delete_source(self, source: str) -> None:
        """Delete every chunk of a document: by their ids ("<source>#<n>") when the list of
        documents says it is whole, else by its source (a scan of the metadata: 0.7 s at
        130,000 chunks, where deleting by ids takes milliseconds)."""
        self._changed()
        deleted = self._documents.pop(source, None) if self._documents is not None else None
        if deleted is not None and deleted.complete and deleted.chunks:
            self._collection.delete(ids=[f"{source}#{n}" for n in range(deleted.chunks)])
        else:
            self._collection.delete(where={"source": source})
        if deleted is None:
            self._count = None  # how many went is not known: counted again when asked
        elif self._count is not None:
            self._count -= deleted.chunks

    def all_chunks(self) -> list[Chunk]:
        chunks = [_unpacked(i, m) for i, m in self._records()]
        return sorted(chunks, key=lambda c: (c.source, c.position))

    def chunks_of(self, sources: Iterable[str]) -> list[Chunk]:
        """The chunks of these documents, by document then position, read by their ids
        ("<source>#<n>", n counted by documents()) a page at a time, not by scanning the store."""
        counts = self.documents()
        ids = [f"{s}#{n}" for s in sources if s in counts for n in range(counts[s].chunks)]
        chunks = [_unpacked(i, m) for i, m in self._records_of(ids)]
        return sorted(chunks, key=lambda c: (c.source, c.position))

    def _records_of(self, ids: Sequence[str]) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, metadata) of the records of these ids that the store holds, read a page of
        ids at a time."""
        for start in range(0, len(ids), self.page_size):
            page = self._collection.get(
                ids=list(ids[start : start + self.page_size]), include=["metadatas"]
            )
            yield from zip(page["ids"], page["metadatas"] or [], strict=True)

    def _ids(self) -> Iterator[str]:
        """Every record id, read a page at a time."""
        offset = 0
        while True:
            ids = self._collection.get(include=[], limit=self.page_size, offset=offset)["ids"]
            yield from ids
            if len(ids) < self.page_size:
                return
            offset += len(ids)

    def _records(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, metadata) of every record, read a page at a time."""
        offset = 0
        while True:
            page = self._collection.get(include=["metadatas"], limit=self.page_size, offset=offset)
            ids = page["ids"]
            yield from zip(ids, page["metadatas"] or [], strict=True)
            if len(ids) < self.page_size:
                return
            offset += len(ids)

    def search(
        self, embedding: Sequence[float], k: int, where: dict[str, Any] | None = None
    ) -> list[ScoredChunk]:
        """The k nearest chunks, most similar first (score = cosine similarity)."""
        result = self._query(embedding, k, where, ["metadatas", "distances"])
        if result is None:
            return []
        ids = result["ids"][0]
        metadatas = (result["metadatas"] or [[]])[0]
        distances = (result["distances"] or [[]])[0]
        return [
            ScoredChunk(_unpacked(i, m), 1.0 - float(d))
            for i, m, d in zip(ids, metadatas, distances, strict=True)
        ]

    def nearest_ids(
        self, embedding: Sequence[float], k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        """The ids of the k nearest chunks with their scores, as `search` ranks them, without
        the chunks: for a reader that holds every chunk already (reading and unpacking the
        metadata of 20 chunks took as long again as the search, 2 ms at 10,000 standards)."""
        result = self._query(embedding, k, where, ["distances"])
        if result is None:
            return []
        distances = (result["distances"] or [[]])[0]
        return [(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], distances, strict=True)]

    def chunks_by_id(self, ids: Sequence[str]) -> list[Chunk]:
        """The chunks of these ids that the store holds, in the order of the ids."""
        found = {i: _unpacked(i, m) for i, m in self._records_of(ids)}
        return [found[i] for i in ids if i in found]

    def _query(
        self, embedding: Sequence[float], k: int, where: dict[str, Any] | None, include: list[Any]
    ) -> Any:
        """Chroma's answer for the k nearest records, or None when the store is empty."""
        count = self.known_count()
        if count == 0:
            return None
        return self._collection.query(
            query_embeddings=[list(embedding)],
            n_results=min(k, count),
            where=where or None,
            include=include,
        )


def _packed(chunk: Chunk, extra: dict[str, str | int]) -> dict[str, str | int]:
    """A chunk's metadata as stored: filtered fields on their own, the rest as one JSON value
    (Chroma writes a row per metadata key: 12 keys took twice as long to add and to read)."""
    fields = chunk.to_metadata()
    kept = {key: fields.pop(key) for key in _FILTERED}
    return {**kept, **extra, _PACKED_KEY: json.dumps(fields, ensure_ascii=False)}


def _unpacked(chunk_id: str, meta: dict[str, Any]) -> Chunk:
    """The chunk a stored record holds, packed (store-2) or flat (stores built before)."""
    packed = meta.get(_PACKED_KEY)
    return Chunk.from_metadata(chunk_id, {**meta, **json.loads(str(packed))} if packed else meta)


def damaged_file(folder: Path) -> str | None:
    """What is wrong with the SQLite file of an embedded store, or None when it reads well."""
    path = folder / _SQLITE_FILE
    if not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as database:
            verdict = database.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as error:
        return str(error)
    return None if verdict and verdict[0] == "ok" else str(verdict[0] if verdict else "unreadable")


def repair_store(location: StoreLocation) -> str | None:
    """Delete an embedded store whose files cannot be read, so that the next run rebuilds it
    from the sources; what was wrong, naming the file, or None when nothing needed repair."""
    if location.host:
        return None
    problem: str | None = None
    try:
        ChunkStore(location, create=True).count()
    except StoreDamaged as error:
        problem = str(error).split(": run `index", 1)[0]
    except StoreUnavailable as error:
        problem = str(error)
    if problem is None:
        return None
    from chromadb.api.client import SharedSystemClient

    # Chroma keeps one system per folder in the process; it must not outlive the files.
    SharedSystemClient.clear_system_cache()
    for entry in location.path.iterdir():
        if entry.name.startswith(_SQLITE_FILE):  # the database with its -wal and -shm files
            entry.unlink()
        elif entry.is_dir():  # Chroma's segment folders: the vectors of the deleted database
            shutil.rmtree(entry)
    return problem


# Chroma names a segment's folder by the segment's id, a UUID.
_SEGMENT_FOLDER = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _remove_orphan_segments(path: Path) -> None:
    """Delete the segment folders of an embedded store that its database no longer lists:
    Chroma's delete_collection leaves the deleted collection's vector index on disk (issue
    chroma-core/chroma#5520), 285 MB at 130,000 passages for each rebuild, and a start reads
    the folders ahead (index.prefetch)."""
    try:
        with closing(sqlite3.connect(f"file:{path / _SQLITE_FILE}?mode=ro", uri=True)) as db:
            listed = {str(row[0]) for row in db.execute("SELECT id FROM segments")}
    except sqlite3.Error as error:
        log.warning("left the store's old segment folders in place: %s", error)
        return
    for entry in path.iterdir():
        if entry.is_dir() and _SEGMENT_FOLDER.fullmatch(entry.name) and entry.name not in listed:
            log.info("removed the vector index of a deleted collection: %s", entry.name)
            shutil.rmtree(entry, ignore_errors=True)

"""The start-up snapshot: every chunk and what the library derives from them, saved when the
store changes, so that opening the assistant reads a few files instead of the whole store."""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any

import bm25s

from assistant import passages, retrieve
from assistant.passages import Rarity
from assistant.retrieve import ChunkLibrary, WordIndexes
from index import types
from index.store import ChunkStore
from index.types import Chunk

log = logging.getLogger(__name__)

_CHUNK_FIELDS = tuple(f.name for f in fields(Chunk))
# Fields that repeat from chunk to chunk of a document: one string object serves them all.
_SHARED_FIELDS = ("source", "doc_title", "section", "section_kind", "content_hash", "jurisdiction")
_MANIFEST = "snapshot.json"  # written last: a folder without it was never finished
_CHUNKS = "chunks.json"
_WORDS = "words.json"
_BM25 = "bm25"
# A folder another writer is still filling is left alone this long before it is cleared away.
_ABANDONED_S = 3600


class SnapshotUnreadable(Exception):
    """A snapshot folder that cannot be read back whole; the store is read instead."""


def snapshot_root(catalog_path: Path) -> Path:
    """Snapshots live beside the catalog, with the store they were taken from."""
    return catalog_path.with_name("startup")


@cache
def _code_fingerprint() -> str:
    """What else decides a snapshot's content: the code that derives it and bm25s's version.
    A snapshot of other code is never read, so no format number has to be kept by hand."""
    digest = hashlib.sha256(str(bm25s.__version__).encode())
    for module in (retrieve, passages, types):
        digest.update(Path(str(module.__file__)).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()


def snapshot_key(store: ChunkStore) -> str | None:
    """The name of the snapshot of the store as it is now, or None when none can be trusted:
    a store written before it kept a content version, or one a run is writing now."""
    version = store.content_version
    if version is None or store.unfinished_run:
        return None
    identity = "\0".join(
        (_code_fingerprint(), store.location.describe(), version, str(store.count()))
    )
    return hashlib.sha256(identity.encode()).hexdigest()[:32]


def open_library(store: ChunkStore, catalog_path: Path) -> ChunkLibrary:
    """The library of the store: from its snapshot when there is a current one; else read
    from the store a page at a time, and its snapshot written for the next start. A snapshot
    that cannot be read, or written, is logged and never stops the start."""
    key = snapshot_key(store)
    if key is None:
        log.info("no start-up snapshot: the store has no content version or is being written")
        return ChunkLibrary(store.all_chunks())
    folder = snapshot_root(catalog_path) / key
    if folder.is_dir():
        try:
            return load_library(folder, key)
        except SnapshotUnreadable as error:
            log.warning("%s: reading every chunk from the store instead", error)
    else:
        log.info("no start-up snapshot of this store yet: reading every chunk, then writing it")
    return _read_and_save(store, folder, key)


def ensure_snapshot(store: ChunkStore, catalog_path: Path) -> None:
    """Write the snapshot of the store as it is now, unless it is there already (after an
    index run, so that the next start reads it)."""
    key = snapshot_key(store)
    if key is None or (snapshot_root(catalog_path) / key / _MANIFEST).is_file():
        return
    _read_and_save(store, snapshot_root(catalog_path) / key, key)


def _read_and_save(store: ChunkStore, folder: Path, key: str) -> ChunkLibrary:
    """The library read from the store, saved as the snapshot named key unless a run began
    writing while it was read (the store is asked afresh: an open store keeps the metadata it
    was opened with)."""
    library = ChunkLibrary(store.all_chunks())
    if snapshot_key(ChunkStore(store.location)) != key:
        log.info("the store changed while it was read: no start-up snapshot written")
        return library
    try:
        save_library(library, folder, key)
    except OSError as error:
        log.warning("could not write the start-up snapshot %s: %s", folder, error)
    return library


def save_library(library: ChunkLibrary, folder: Path, key: str) -> None:
    """Write the library to folder, whole or not at all: it is filled under another name and
    renamed (a reader never sees half of it), then the other snapshots are removed."""
    root = folder.parent
    root.mkdir(parents=True, exist_ok=True)
    filling = root / f".{key}.{os.getpid()}.{uuid.uuid4().hex[:8]}"
    filling.mkdir()
    try:
        _write(library, filling, key)
        if folder.exists():  # an unreadable snapshot under the same name: set it aside
            _remove(folder.rename(root / f".{key}.replaced.{uuid.uuid4().hex[:8]}"))
        try:
            filling.rename(folder)
        except OSError:
            if not (folder / _MANIFEST).is_file():  # not another writer's finished copy
                raise
    finally:
        _remove(filling)
    _remove_others(root, keep=folder.name)


def _write(library: ChunkLibrary, folder: Path, key: str) -> None:
    rows = [[getattr(c, name) for name in _CHUNK_FIELDS] for c in library.chunks]
    _write_json(folder / _CHUNKS, {"fields": _CHUNK_FIELDS, "rows": rows})
    rarity = library.rarity
    _write_json(
        folder / _WORDS,
        {
            "vocabulary": sorted(library.indexes.vocabulary),
            "identifiers": library.indexes.identifiers,
            "stem_frequency": rarity.frequency,  # in counting order, which the reader keeps
            "passages": rarity.total,
        },
    )
    bm25 = library.indexes.bm25
    if bm25 is not None:
        bm25.save(str(folder / _BM25), show_progress=False)
    _write_json(
        folder / _MANIFEST,
        {"key": key, "chunks": len(library.chunks), "bm25": _bm25_shape(bm25)},
    )


def _bm25_shape(bm25: bm25s.BM25 | None) -> list[int]:
    """The sizes of the BM25 index's vocabulary and arrays: a file of another index, or one
    cut short, loads without complaint but does not fit them."""
    if bm25 is None:
        return []
    scores = bm25.scores
    arrays = [len(scores[name]) for name in ("data", "indices", "indptr")]
    return [len(bm25.vocab_dict), int(scores["num_docs"]), *arrays]


def _write_json(path: Path, value: Any) -> None:
    with path.open("w", encoding="utf-8") as file:
        json.dump(value, file)


def load_library(folder: Path, key: str) -> ChunkLibrary:
    """The library a snapshot folder holds; SnapshotUnreadable when it is not whole."""
    with _collector_paused():
        return _load(folder, key)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading makes about ten objects a chunk, none of them in a cycle: the garbage collector
    would walk the growing heap again and again for nothing (half the load time here)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(folder: Path, key: str) -> ChunkLibrary:
    try:
        manifest = _read_json(folder / _MANIFEST)
        if manifest["key"] != key:
            raise ValueError(f"it is the snapshot {manifest['key']}, not {key}")
        chunks = _chunks(_read_json(folder / _CHUNKS))
        if len(chunks) != manifest["chunks"]:
            raise ValueError(f"{len(chunks)} chunks, not {manifest['chunks']}")
        words = _read_json(folder / _WORDS)
        bm25 = None
        if chunks:
            bm25 = bm25s.BM25.load(str(folder / _BM25), mmap=True, show_progress=False)
        if _bm25_shape(bm25) != manifest["bm25"]:
            raise ValueError(f"a BM25 index of shape {_bm25_shape(bm25)}, not {manifest['bm25']}")
        indexes = WordIndexes(
            frozenset(words["vocabulary"]),
            {str(token): [int(n) for n in found] for token, found in words["identifiers"].items()},
            bm25,
        )
        if any(n >= len(chunks) for found in indexes.identifiers.values() for n in found):
            raise ValueError("an identifier names a chunk the snapshot does not hold")
        rarity = Rarity.counted(words["stem_frequency"], int(words["passages"]))
    except Exception as error:  # a snapshot is only a copy: whatever is wrong, read the store
        raise SnapshotUnreadable(
            f"the start-up snapshot {folder} cannot be read ({type(error).__name__}: {error})"
        ) from error
    return ChunkLibrary(chunks, indexes, rarity)


def _read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as file:
        return json.load(file)


def _chunks(table: dict[str, Any]) -> list[Chunk]:
    if tuple(table["fields"]) != _CHUNK_FIELDS:
        raise ValueError(f"chunks of other fields: {table['fields']}")
    shared: dict[str, str] = {}
    chunks = []
    for row in table["rows"]:
        values = dict(zip(_CHUNK_FIELDS, row, strict=True))
        for name in _SHARED_FIELDS:
            if isinstance(values[name], str):
                values[name] = shared.setdefault(values[name], values[name])
        values["classes"] = tuple(values["classes"])
        chunks.append(Chunk(**values))
    return chunks


def _remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def _remove_others(root: Path, keep: str) -> None:
    """Remove the snapshots of earlier store versions, and folders a writer left half filled
    (it was stopped) once they are old enough not to be still filling."""
    for entry in root.iterdir():
        if entry.name == keep:
            continue
        try:
            filling = entry.name.startswith(".") and ".replaced." not in entry.name
            if filling and time.time() - entry.stat().st_mtime < _ABANDONED_S:
                continue
        except OSError:
            continue
        _remove(entry)

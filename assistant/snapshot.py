"""The start-up snapshot: what opening the assistant derives from the store and the catalog
(every chunk, its word indexes and BM25 index, the class index, the composer with its per-
document word sets), saved when the index changes, so that a start reads one file instead of
the whole store and the catalog, and rebuilds nothing: 7.4 s -> 1.9 s at 10,000 standards.

The file is a pickle: it lives in the index folder, beside Chroma's own pickled files, and is
read only under the name of the exact code, store version and catalog it was written from.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import pickle
import platform
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from index.store import ChunkStore
from index.types import ClassRecord

if TYPE_CHECKING:
    from assistant.retrieve import ChunkLibrary
    from assistant.startup_state import StartupState

log = logging.getLogger(__name__)

_MANIFEST = "snapshot.json"  # written last: a folder without it was never finished
_STATE = "state.pickle"
# A folder another writer is still filling is left alone this long before it is cleared away.
_ABANDONED_S = 3600
_PACKAGES = ("assistant", "index")  # the code whose objects the snapshot holds
# A snapshot is brought up to date when at most this share of its documents changed; beyond,
# the state is derived again from the whole store.
_PATCH_SHARE = 0.5


class SnapshotUnreadable(Exception):
    """A snapshot folder that cannot be read back whole; the store is read instead."""


def snapshot_root(catalog_path: Path) -> Path:
    """Snapshots live beside the catalog, with the store they were taken from."""
    return catalog_path.with_name("startup")


@cache
def _code_fingerprint() -> str:
    """What else decides a snapshot's content: the code of the objects it holds, the
    vocabularies they were built with, and the versions of Python and bm25s. A snapshot of
    other code is never read, so no format number has to be kept by hand."""
    root = Path(__file__).resolve().parent.parent
    # The installed version, read without importing bm25s (an index run need not).
    digest = hashlib.sha256(f"{platform.python_version()}\0{version('bm25s')}".encode())
    for package in _PACKAGES:
        for path in sorted((root / package).rglob("*")):
            if path.suffix in (".py", ".yaml") and path.is_file():
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


# Taken as the code is imported: it names the code whose objects this process pickles, not
# files edited on disk while a long index run went on.
_code_fingerprint()


ReadCatalog = Callable[[], list[ClassRecord]]


def snapshot_key(store: ChunkStore, catalog_path: Path) -> str | None:
    """The name of the snapshot of the store and the catalog as they are now, or None when
    none can be trusted: a store written before it kept a content version, or one a run is
    writing now."""
    version = store.content_version
    if version is None or store.unfinished_run:
        return None
    try:
        catalog = hashlib.sha256(catalog_path.read_bytes()).hexdigest()
    except FileNotFoundError:
        catalog = "no catalog"
    identity = "\0".join(
        (_code_fingerprint(), store.location.describe(), version, str(store.known_count()), catalog)
    )
    return hashlib.sha256(identity.encode()).hexdigest()[:32]


def open_state(
    store: ChunkStore, catalog_path: Path, read_catalog: ReadCatalog
) -> tuple[StartupState, str | None]:
    """The start-up state of the store and catalog, with the snapshot key it stands for (None
    when none can be trusted): from their snapshot when there is a current one; else derived
    from every chunk (read a page at a time) and the catalog, and saved for the next start. A
    snapshot that cannot be read, or written, is logged and never stops the start; the
    catalog's own errors (read_catalog's) are raised."""
    key = snapshot_key(store, catalog_path)
    if key is None:
        log.info("no start-up snapshot: the store has no content version or is being written")
        return _derived(store, read_catalog), None
    folder = snapshot_root(catalog_path) / key
    if folder.is_dir():
        try:
            return load_state(folder, key), key
        except SnapshotUnreadable as error:
            log.warning("%s: reading every chunk from the store instead", error)
    elif (patched := _patch_and_save(store, catalog_path, read_catalog, key)) is not None:
        return patched, key
    else:
        log.info("no start-up snapshot of this store yet: reading every chunk, then writing it")
    return _derive_and_save(store, catalog_path, read_catalog, folder, key), key


def ensure_snapshot(store: ChunkStore, catalog_path: Path, read_catalog: ReadCatalog) -> None:
    """Write the snapshot of the store and catalog as they are now, unless it is there already
    (after an index run, so that the next start reads it), or a snapshot of an earlier version
    of the store is near enough to be brought up to date by the next start: a run that changed
    a few documents then takes the time of those documents, not of the whole corpus."""
    key = snapshot_key(store, catalog_path)
    if key is None or (snapshot_root(catalog_path) / key / _MANIFEST).is_file():
        return
    if (nearest := _nearest_snapshot(store, catalog_path)) is not None:
        log.info(
            "the start-up snapshot is brought up to date at the next start (%d documents changed)",
            len(nearest[1]),
        )
        return
    _derive_and_save(store, catalog_path, read_catalog, snapshot_root(catalog_path) / key, key)


def _nearest_snapshot(store: ChunkStore, catalog_path: Path) -> tuple[Path, set[str]] | None:
    """The finished snapshot of an earlier version of this store, taken by this code, that the
    fewest documents separate from the store now, with those documents (added, changed or
    removed since); None when there is none, or when too many changed to carry it over."""
    root = snapshot_root(catalog_path)
    if not root.is_dir():
        return None
    current = _held(store)
    nearest: tuple[Path, set[str]] | None = None
    for folder in root.iterdir():
        try:
            manifest = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
            if manifest.get("code") != _code_fingerprint():
                continue
            if manifest.get("store") != store.location.describe():
                continue
            documents = dict(manifest["documents"])
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a folder still filling, or of an older manifest: not a base
        sources = current.keys() | documents.keys()
        changed = {s for s in sources if current.get(s) != documents.get(s)}
        if len(changed) > _PATCH_SHARE * len(documents):
            continue
        if nearest is None or len(changed) < len(nearest[1]):
            nearest = (folder, changed)
    return nearest


def _patch_and_save(
    store: ChunkStore, catalog_path: Path, read_catalog: ReadCatalog, key: str
) -> StartupState | None:
    """The state of the store now, from the nearest snapshot of an earlier version of it and
    the chunks of the documents changed since, saved as the snapshot named key; None when no
    snapshot is near enough, or the nearest cannot be read."""
    nearest = _nearest_snapshot(store, catalog_path)
    if nearest is None:
        return None
    folder, changed = nearest
    try:
        base = load_state(folder, folder.name)
    except SnapshotUnreadable as error:
        log.warning("%s: reading every chunk from the store instead", error)
        return None
    log.info("bringing the start-up snapshot up to date: %d documents changed", len(changed))
    catalog = read_catalog()  # its own errors are the start's (IndexDamaged)
    try:
        with collector_paused():
            state = base.patched(changed, store.chunks_of(sorted(changed)), catalog)
    except Exception as error:  # a snapshot is only a copy: whatever fails, read the store
        log.warning(
            "could not bring the start-up snapshot %s up to date (%s: %s): reading every "
            "chunk from the store instead",
            folder,
            type(error).__name__,
            error,
            exc_info=log.isEnabledFor(logging.DEBUG),
        )
        return None
    _save_unless_changed(state, store, catalog_path, snapshot_root(catalog_path) / key, key)
    return state


def _derive_and_save(
    store: ChunkStore, catalog_path: Path, read_catalog: ReadCatalog, folder: Path, key: str
) -> StartupState:
    """The state derived from the store and the catalog, saved as the snapshot named key
    unless a run began writing while it was read (the store is asked afresh: an open store
    keeps the metadata it was opened with)."""
    with collector_paused():
        state = _derived(store, read_catalog)
    _save_unless_changed(state, store, catalog_path, folder, key)
    return state


def _derived(store: ChunkStore, read_catalog: ReadCatalog) -> StartupState:
    """The state derived from every chunk of the store (read a page at a time) and the catalog.
    The answering code it is made of is imported here, not with this module: an index run that
    finds the snapshot current, or near enough, never loads it (a second of imports)."""
    from assistant.retrieve import ChunkLibrary
    from assistant.startup_state import StartupState

    return StartupState.derive(ChunkLibrary(store.all_chunks()), read_catalog())


def _save_unless_changed(
    state: StartupState, store: ChunkStore, catalog_path: Path, folder: Path, key: str
) -> None:
    """Save the state as the snapshot named key, unless a run began writing while it was read
    (the store is asked afresh: an open store keeps the metadata it was opened with)."""
    fresh = ChunkStore(store.location)
    if snapshot_key(fresh, catalog_path) != key:
        log.info("the store changed while it was read: no start-up snapshot written")
        return
    try:
        save_state(state, folder, key, fresh)
    except OSError as error:
        log.warning("could not write the start-up snapshot %s: %s", folder, error)


def _held(store: ChunkStore) -> dict[str, list[str | int]]:
    """What the store holds of each document: its content hash, when it was written and its
    passages. A document written again (a new file, another chunk size) differs here."""
    return {
        source: [document.content_hash, document.indexed_at, document.chunks]
        for source, document in store.documents().items()
    }


def save_state(state: StartupState, folder: Path, key: str, store: ChunkStore) -> None:
    """Write the state of the store to folder, whole or not at all: it is filled under another
    name and renamed (a reader never sees half of it), then the other snapshots are removed.
    Its manifest names the code, the store and what the store held of each document (_held),
    so that a later start can tell how far the store has moved on from it."""
    root = folder.parent
    root.mkdir(parents=True, exist_ok=True)
    filling = root / f".{key}.{os.getpid()}.{uuid.uuid4().hex[:8]}"
    filling.mkdir()
    try:
        with (filling / _STATE).open("wb") as file:
            pickle.dump(state, file, protocol=pickle.HIGHEST_PROTOCOL)
        manifest = {
            "key": key,
            "chunks": len(state.library.chunks),
            "classes": len(state.catalog),
            "code": _code_fingerprint(),
            "store": store.location.describe(),
            "documents": _held(store),
        }
        (filling / _MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
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


def load_state(folder: Path, key: str) -> StartupState:
    """The state a snapshot folder holds; SnapshotUnreadable when it is not whole."""
    try:
        manifest = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
        if manifest["key"] != key:
            raise ValueError(f"it is the snapshot {manifest['key']}, not {key}")
        with collector_paused(), (folder / _STATE).open("rb") as file:
            state = pickle.load(file)
        from assistant.startup_state import StartupState  # see _derived

        if not isinstance(state, StartupState):
            raise TypeError(f"it holds a {type(state).__name__}")
        _canonical_dtypes(state.library)
        found = [len(state.library.chunks), len(state.catalog)]
        if found != [manifest["chunks"], manifest["classes"]]:
            raise ValueError(f"{found} chunks and classes, not those of its manifest")
    except Exception as error:  # a snapshot is only a copy: whatever is wrong, read the store
        raise SnapshotUnreadable(
            f"the start-up snapshot {folder} cannot be read ({type(error).__name__}: {error})"
        ) from error
    return state


def _canonical_dtypes(library: ChunkLibrary) -> None:
    """Give the BM25 arrays numpy's own dtype objects again: an unpickled array has a dtype
    equal to int32 but not numpy's int32 itself, and numpy's fast path for scoring (add.at)
    then is not taken: 15x slower, 8 ms a question at 10,000 standards."""
    bm25 = library.indexes.bm25
    if bm25 is not None:
        bm25.scores = {
            name: value.view(np.dtype(value.dtype.name)) if isinstance(value, np.ndarray) else value
            for name, value in bm25.scores.items()
        }


@contextmanager
def collector_paused() -> Iterator[None]:
    """The garbage collector off while a heap of objects none of which is garbage is built:
    loading makes about ten objects a chunk, none of them in a cycle, and the collector would
    walk the growing heap again and again for nothing (half the load time here); the `index`
    command keeps every file's hash and parse until it ends (0.2-0.3 s of the 2.4 s a changed
    file took at 10,000 standards, 4.8 of the 134 s of a run that parses them all)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def long_lived() -> Iterator[None]:
    """Keep what is made inside out of the garbage collector's sight from then on: the start-up
    state is ten million objects at 10,000 standards, none of them garbage while it answers,
    and each full collection walked them all again (0.8 s inside the first page's 1.5 MB JSON
    read, and again during answers). What an earlier state left in cycles is collected first."""
    gc.unfreeze()
    gc.collect()
    try:
        yield
    finally:
        gc.freeze()


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

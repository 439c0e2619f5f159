"""Build or update the store and the class catalog from a sources folder, incrementally."""

from __future__ import annotations

import fcntl
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from langchain_core.embeddings import Embeddings
from tqdm import tqdm

from index.catalog import ParsedStandard, load_catalog, parse_standard, save_catalog
from index.chunk import CHUNK_FORMAT, chunk_standard
from index.errors import IndexIncomplete
from index.load import SkippedSource, load_sources
from index.store import ChunkStore, StoreLocation, repair_store
from index.types import ClassRecord

log = logging.getLogger(__name__)

# What reading a damaged catalog.json raises (bad JSON, records of the wrong shape).
_UNREADABLE = (OSError, ValueError, KeyError, TypeError, AttributeError)


@dataclass
class IndexSummary:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[SkippedSource] = field(default_factory=list)
    unrecognised: list[str] = field(default_factory=list)  # indexed as passages, no classes
    chunks_embedded: int = 0
    chunks_total: int = 0
    classes: int = 0
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        return len(self.added) + len(self.updated) + len(self.unchanged)

    def line(self) -> str:
        text = (
            f"{self.documents} documents: {len(self.added)} added, {len(self.updated)} "
            f"updated, {len(self.removed)} removed, {len(self.unchanged)} unchanged, "
            f"{len(self.skipped)} skipped; {self.chunks_embedded} chunks embedded, "
            f"{self.chunks_total} in store; {self.classes} classes; {self.seconds:.1f} s"
        )
        if self.unrecognised:
            text += f"; no classes recognised in: {', '.join(self.unrecognised)}"
        return text


def _previous_catalog(catalog_path: Path) -> list[ClassRecord]:
    """The catalog of the last run, for documents that keep their last good index; a catalog
    that cannot be read is rewritten from the sources by this run, not a reason to stop."""
    try:
        return load_catalog(catalog_path)
    except _UNREADABLE as error:
        log.warning(
            "the class catalog %s cannot be read (%s): rebuilding it from the sources",
            catalog_path,
            error,
        )
        return []


@contextmanager
def index_lock(path: Path) -> Iterator[None]:
    """Held while a run writes the index: a second run (another `index`, the server's re-index)
    waits for the first and then finds its work done, instead of both writing at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("another run is writing the index (lock %s): waiting for it", path)
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextmanager
def _quarantine(source: str, what: str, skipped: list[SkippedSource]) -> Iterator[None]:
    """One document whose parsing or chunking fails is skipped with its reason; the others
    are indexed (a parser meets layouts nobody has seen, and one must not stop them all)."""
    try:
        yield
    except Exception as error:
        log.warning("skipped %s: %s", source, error, exc_info=log.isEnabledFor(logging.DEBUG))
        skipped.append(SkippedSource(source, f"{what} ({type(error).__name__}: {error})"[:300]))


def build_index(
    sources_dir: Path,
    store: ChunkStore,
    embedder: Embeddings,
    embedder_name: str,
    catalog_path: Path,
    *,
    manifest_name: str = "manifest.yaml",
    max_chars: int = 700,
    batch_size: int = 32,
    progress: bool | None = None,
) -> IndexSummary:
    """Embed new and changed standards, drop deleted ones, and rewrite the catalog.

    Unchanged documents (same content hash, embedding model and chunk format) are not
    embedded again.
    The catalog is re-parsed from every document each time: parsing costs milliseconds.
    """
    started = time.perf_counter()
    summary = IndexSummary()
    loaded = load_sources(sources_dir, manifest_name)
    summary.skipped = list(loaded.skipped)

    index_format = f"{CHUNK_FORMAT}/{max_chars}"
    stale = [
        f"{what} changed from {before} to {now}"
        for what, before, now in (
            ("embedding model", store.embedding_model, embedder_name),
            ("chunk format", store.index_format, index_format),
        )
        if before is not None and before != now
    ]
    if stale and store.count():
        log.warning("%s: re-embedding everything", "; ".join(stale))
        store.reset()
    store.set_index_info(embedder_name, index_format)
    indexed_at = datetime.now(UTC).isoformat(timespec="seconds")
    # Until the catalog is written at the end, the store and the catalog may not match: a
    # reader that finds this mark refuses to answer (a run killed midway leaves it set).
    store.mark_run(indexed_at)
    indexed = store.indexed_documents()
    if indexed and not catalog_path.is_file():
        log.warning("the class catalog %s is missing: rebuilding it from the sources", catalog_path)
    previous_catalog = _previous_catalog(catalog_path)

    parsed: list[ParsedStandard] = []
    for document in loaded.documents:
        with _quarantine(document.source, "could not be parsed", summary.skipped):
            parsed.append(parse_standard(document))
    pending = []
    for standard in parsed:
        document = standard.document
        previous = indexed.get(document.source)
        if previous == document.content_hash:
            summary.unchanged.append(document.source)
        else:
            with _quarantine(document.source, "could not be cut into passages", summary.skipped):
                pending.append((standard, chunk_standard(standard, max_chars)))
                (summary.updated if previous else summary.added).append(document.source)
    quarantined = {s.source for s in summary.skipped}
    parsed = [s for s in parsed if s.document.source not in quarantined]
    summary.unrecognised = [s.document.source for s in parsed if not s.recognised]

    current = {s.document.source for s in parsed}
    kept = quarantined & set(indexed)
    for source in sorted(set(indexed) - current):
        if source in kept:
            # A file that exists but could not be read keeps its last good chunks.
            log.warning("kept the previous index of %s, which could not be read now", source)
            continue
        store.delete_source(source)
        summary.removed.append(source)

    total = sum(len(c) for _, c in pending)
    # progress=None lets tqdm decide: a bar on a terminal, nothing in a pipe or CI log.
    disable = None if progress is None else not progress
    with tqdm(total=total, desc="embedding", unit="chunk", disable=disable) as bar:
        for standard, standard_chunks in pending:
            store.delete_source(standard.document.source)
            for start in range(0, len(standard_chunks), batch_size):
                batch = standard_chunks[start : start + batch_size]
                vectors = embedder.embed_documents([c.embedding_text() for c in batch])
                # Each chunk carries its document's chunk count: a run killed before the last
                # batch leaves the document short, and the next run writes it again.
                store.add(batch, vectors, indexed_at, document_chunks=len(standard_chunks))
                bar.update(len(batch))
    summary.chunks_embedded = total

    records = [r for s in parsed for r in s.classes]
    records += [r for r in previous_catalog if r.source in kept]
    save_catalog(catalog_path, records)
    store.mark_run("")
    summary.classes = len(records)
    summary.chunks_total = store.count()
    summary.seconds = time.perf_counter() - started
    return summary


def index_problems(store: ChunkStore, catalog_path: Path) -> list[str]:
    """Why the store and the catalog cannot be trusted to answer yet; empty when complete."""
    problems = []
    if started := store.unfinished_run:
        problems.append(
            f"an `index` run started at {started} has not finished (it is still running, "
            "or it was stopped)"
        )
    short = sorted(s for s, d in store.documents().items() if not d.complete)
    if short:
        named = ", ".join(short[:3]) + (f" and {len(short) - 3} more" if len(short) > 3 else "")
        problems.append(f"{len(short)} documents lack some of their passages ({named})")
    if not catalog_path.is_file() and store.count():
        problems.append(f"the class catalog {catalog_path} is missing")
    return problems


def verify_index(store: ChunkStore, catalog_path: Path) -> None:
    """Raise IndexIncomplete, saying why, unless the index is whole: answers from half an
    index would be wrong without any sign of it."""
    problems = index_problems(store, catalog_path)
    if problems:
        raise IndexIncomplete(
            f"the index is incomplete: {'; '.join(problems)}. Run `index` to complete it."
        )


def repair_index(location: StoreLocation, catalog_path: Path) -> list[str]:
    """Delete the files of the index that cannot be read (the store's database, the catalog), so
    that the next run rebuilds them from the sources; what was wrong with each, naming it."""
    repaired = []
    if problem := repair_store(location):
        repaired.append(problem)
    try:
        load_catalog(catalog_path)
    except _UNREADABLE as error:
        catalog_path.unlink(missing_ok=True)
        repaired.append(f"the class catalog {catalog_path} cannot be read ({error})")
    return repaired

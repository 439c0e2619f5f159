"""Build or update the store and the class catalog from a sources folder, incrementally."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from langchain_core.embeddings import Embeddings
from tqdm import tqdm

from index.catalog import ParsedStandard, load_catalog, parse_standard, save_catalog
from index.chunk import CHUNK_FORMAT, chunk_standard
from index.load import SkippedSource, load_sources
from index.store import ChunkStore

log = logging.getLogger(__name__)


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
    summary.skipped = loaded.skipped

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
    indexed = store.indexed_documents()

    parsed: list[ParsedStandard] = [parse_standard(d) for d in loaded.documents]
    pending = []
    for standard in parsed:
        document = standard.document
        if not standard.recognised:
            summary.unrecognised.append(document.source)
        previous = indexed.get(document.source)
        if previous == document.content_hash:
            summary.unchanged.append(document.source)
            continue
        (summary.updated if previous else summary.added).append(document.source)
        pending.append(standard)

    current = {d.source for d in loaded.documents}
    unreadable = {s.source for s in loaded.skipped}
    kept = unreadable & set(indexed)
    for source in sorted(set(indexed) - current):
        if source in kept:
            # A file that exists but could not be read keeps its last good chunks.
            log.warning("kept the previous index of %s, which could not be read now", source)
            continue
        store.delete_source(source)
        summary.removed.append(source)

    chunks = [(s, chunk_standard(s, max_chars)) for s in pending]
    total = sum(len(c) for _, c in chunks)
    indexed_at = datetime.now(UTC).isoformat(timespec="seconds")
    # progress=None lets tqdm decide: a bar on a terminal, nothing in a pipe or CI log.
    disable = None if progress is None else not progress
    with tqdm(total=total, desc="embedding", unit="chunk", disable=disable) as bar:
        for standard, standard_chunks in chunks:
            store.delete_source(standard.document.source)
            for start in range(0, len(standard_chunks), batch_size):
                batch = standard_chunks[start : start + batch_size]
                vectors = embedder.embed_documents([c.embedding_text() for c in batch])
                store.add(batch, vectors, indexed_at)
                bar.update(len(batch))
    summary.chunks_embedded = total

    records = [r for s in parsed for r in s.classes]
    records += [r for r in load_catalog(catalog_path) if r.source in kept]
    save_catalog(catalog_path, records)
    summary.classes = len(records)
    summary.chunks_total = store.count()
    summary.seconds = time.perf_counter() - started
    return summary

"""Build or update the store and the class catalog from a sources folder, incrementally."""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings
from tqdm import tqdm

from index.catalog import (
    ParsedStandard,
    catalog_lines,
    load_catalog,
    parse_standard,
    record_line,
    save_catalog_lines,
)
from index.chunk import CHUNK_FORMAT, chunk_standard
from index.embed import LazyEmbeddings
from index.errors import IndexIncomplete, SourceReadError, SourcesNotFound
from index.file_hashes import FileHashes, file_identity
from index.load import SkippedSource, find_sources, read_document
from index.store import STORE_FORMAT, ChunkStore, StoreLocation, repair_store
from index.types import Chunk, SourceDocument
from index.vocab import PARSER_VOCABULARY

log = logging.getLogger(__name__)

# Chunk texts embedded in one call, across documents.
EMBED_GROUP = 512

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
    model_seconds: float = 0.0  # of which loading the embedding model (0 when not needed)

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
        if self.model_seconds:
            text += f" (model loaded in {self.model_seconds:.1f} s)"
        if self.unrecognised:
            text += f"; no classes recognised in: {', '.join(self.unrecognised)}"
        return text


def _previous_catalog(catalog_path: Path, ledger: ParseLedger) -> dict[str, list[str]]:
    """The catalog of the last run, for documents that keep their last good index: each
    document's records as their catalog lines, cut by the ledger's counts when it describes
    this file (no record is parsed), else read and written out anew. A catalog that cannot be
    read is rewritten from the sources by this run, not a reason to stop."""
    try:
        if ledger.catalog_current and (lines := catalog_lines(catalog_path, ledger.classes)):
            return lines
        by_source: dict[str, list[str]] = {}
        for record in load_catalog(catalog_path):
            by_source.setdefault(record.source, []).append(record_line(record))
        return by_source
    except _UNREADABLE as error:
        log.warning(
            "the class catalog %s cannot be read (%s): rebuilding it from the sources",
            catalog_path,
            error,
        )
        return {}


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
    batch_size: int = 512,
    progress: bool | None = None,
) -> IndexSummary:
    """Embed new and changed standards, drop deleted ones, and rewrite the catalog.

    Unchanged documents (same content hash, embedding model and chunk format) are not
    embedded again, and not even parsed: their catalog records are the last run's, as long as
    the parser and the catalog are those that the ledger beside the catalog names.
    """
    started = time.perf_counter()
    summary = IndexSummary()
    if not sources_dir.is_dir():
        raise SourcesNotFound(f"sources folder not found: {sources_dir}")

    index_format = f"{CHUNK_FORMAT}/{max_chars}/{STORE_FORMAT}"
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
    # Read before the run is marked: a store that no run left unfinished answers from the
    # list it keeps of its documents, without reading every chunk's id.
    indexed = store.indexed_documents()
    if indexed and not catalog_path.is_file():
        log.warning("the class catalog %s is missing: rebuilding it from the sources", catalog_path)
    ledger = ParseLedger.read(catalog_path)

    hashes = FileHashes.for_catalog(catalog_path)
    files = _source_files(sources_dir, manifest_name, hashes, summary.skipped)
    unchanged = {
        f.source for f in files if ledger.reusable(f) and indexed.get(f.source) == f.content_hash
    }
    # A run that will write loads the store's segments while it parses and embeds.
    warming = store.warming() if len(unchanged) < len(files) or set(indexed) - unchanged else None
    reused: list[_SourceFile] = []
    parsed: list[ParsedStandard] = []
    for file in files:
        if file.source in unchanged:
            reused.append(file)
            continue
        try:
            document = file.read()
        except SourceReadError as error:
            log.warning("skipped %s: %s", file.source, error)
            summary.skipped.append(SkippedSource(file.source, str(error)))
            continue
        with _quarantine(file.source, "could not be parsed", summary.skipped):
            parsed.append(parse_standard(document))
    pending = []
    summary.unchanged = [f.source for f in reused]
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
    current = {s.document.source for s in parsed} | {f.source for f in reused}
    kept = quarantined & set(indexed)
    removed = set(indexed) - current - kept
    rewrite = bool(parsed or removed or not ledger.catalog_current)
    # A run that changes no document leaves the catalog as it is and does not read it (every
    # class of every document): the ledger says how many classes each document has. Only the
    # records a file that cannot be read now keeps are read from it.
    read_catalog = rewrite or bool(kept)
    last = _previous_catalog(catalog_path, ledger) if read_catalog else {}
    classes_of = {s: len(r) for s, r in last.items()} if read_catalog else ledger.classes
    summary.unrecognised = [s.document.source for s in parsed if not s.recognised]
    summary.unrecognised += [f.source for f in reused if not classes_of.get(f.source)]

    # Until the catalog is written at the end, the store and the catalog may not match: a
    # reader that finds this mark refuses to answer (a run killed midway leaves it set). A
    # run with nothing to write leaves none: a server stopped while it checks the sources
    # at start leaves its index whole.
    def warmed() -> None:  # the store's segments loaded before its first write
        if warming is not None:
            warming.join()

    if pending or removed or rewrite:
        store.mark_run(indexed_at)
    for source in sorted(set(indexed) - current):
        if source in kept:
            # A file that exists but could not be read keeps its last good chunks.
            log.warning("kept the previous index of %s, which could not be read now", source)
            continue
        warmed()
        store.delete_source(source)
        summary.removed.append(source)

    if pending and isinstance(embedder, LazyEmbeddings) and not embedder.loaded:
        loading = time.perf_counter()
        embedder.load()
        summary.model_seconds = time.perf_counter() - loading
    summary.chunks_embedded = _embed_pending(
        pending, store, embedder, indexed, indexed_at, batch_size, progress, warmed
    )
    warmed()

    if read_catalog:
        # Each document's lines together, in this order: the ledger's counts cut them again.
        lines = {f.source: last.get(f.source, []) for f in reused}
        lines |= {s.document.source: [record_line(r) for r in s.classes] for s in parsed}
        lines |= {source: own for source, own in last.items() if source in kept}
        if rewrite:
            save_catalog_lines(catalog_path, [line for own in lines.values() for line in own])
            classes = {source: len(own) for source, own in lines.items() if own}
            ledger.write(catalog_path, [f for f in files if f.source in current], classes)
        summary.classes = sum(len(own) for own in lines.values())
    else:
        summary.classes = sum(ledger.classes.get(f.source, 0) for f in reused)
    store.mark_run("")
    hashes.save({f.source for f in files})
    summary.chunks_total = store.known_count()
    summary.seconds = time.perf_counter() - started
    return summary


def _embed_pending(
    pending: list[tuple[ParsedStandard, list[Chunk]]],
    store: ChunkStore,
    embedder: Embeddings,
    indexed: dict[str, str],
    indexed_at: str,
    batch_size: int,
    progress: bool | None,
    before_writing: Callable[[], None] = lambda: None,
) -> int:
    """Embed and store the chunks of new and changed documents; how many were embedded.

    Texts are embedded across documents, EMBED_GROUP at a time (one call sorts them by length
    and pads each batch less: 1.5x faster here than a call per document), and written in
    batches of batch_size (Chroma's add costs less per chunk in large calls). A document is
    deleted just before its first chunk is written; before_writing is called once the first
    texts are embedded, before any write (the store's segments are loading meanwhile)."""
    chunks = [c for _, document_chunks in pending for c in document_chunks]
    totals = [len(document_chunks) for _, document_chunks in pending for _ in document_chunks]
    replaced = {s.document.source for s, _ in pending if s.document.source in indexed}
    # progress=None lets tqdm decide: a bar on a terminal, nothing in a pipe or CI log.
    disable = None if progress is None else not progress
    with tqdm(total=len(chunks), desc="embedding", unit="chunk", disable=disable) as bar:
        for group in range(0, len(chunks), max(EMBED_GROUP, batch_size)):
            end = min(len(chunks), group + max(EMBED_GROUP, batch_size))
            vectors = embedder.embed_documents([c.embedding_text() for c in chunks[group:end]])
            before_writing()
            for start in range(group, end, batch_size):
                stop = min(end, start + batch_size)
                for chunk in chunks[start:stop]:
                    if chunk.position == 0 and chunk.source in replaced:
                        store.delete_source(chunk.source)
                # Each chunk carries its document's chunk count: a run killed before its last
                # batch leaves the document short, and the next run writes it again.
                store.add(
                    chunks[start:stop],
                    vectors[start - group : stop - group],
                    indexed_at,
                    document_chunks=totals[start:stop],
                )
                bar.update(stop - start)
    return len(chunks)


@dataclass(frozen=True)
class _SourceFile:
    """A supported file of the sources folder, hashed but not yet read as a standard."""

    path: Path
    source: str
    facts: dict[str, Any]
    content_hash: str

    @cached_property
    def key(self) -> str:
        """What the catalog records of this file depend on: its bytes and its manifest facts
        (asked of every file twice a run: 10,000 JSON dumps and hashes each time)."""
        facts = json.dumps(self.facts, sort_keys=True, default=str)
        return f"{self.content_hash}:{hashlib.sha256(facts.encode()).hexdigest()[:16]}"

    def read(self) -> SourceDocument:
        return read_document(self.path, self.source, self.facts)


def _source_files(
    sources_dir: Path, manifest_name: str, hashes: FileHashes, skipped: list[SkippedSource]
) -> list[_SourceFile]:
    """Every supported file with its content hash; a file that cannot be read is skipped."""
    manifest = hashes.manifest(sources_dir / manifest_name)
    files = []
    for found in find_sources(sources_dir):
        try:
            found.refuse_link()
            digest = hashes.digest(found)
        except SourceReadError as error:
            skipped.append(SkippedSource(found.source, str(error)))
            continue
        except OSError as error:
            reason = f"cannot read file: {error.strerror or error}"
            skipped.append(SkippedSource(found.source, reason))
            continue
        files.append(_SourceFile(found.path, found.source, manifest.get(found.source, {}), digest))
    return files


# The modules a file's parse starts from (reading, cataloguing, cutting into passages); what they
# import from this package is found by reading their imports.
_PARSE_ENTRIES = ("load", "catalog", "chunk")
_PACKAGE_IMPORT = re.compile(
    r"^\s*from index\.(\w+) import|^\s*from index import ([\w, ]+)|^\s*import index\.(\w+)", re.M
)


def parse_modules(package: Path) -> list[Path]:
    """The files of `package` that a parse runs: the entry modules and every package module
    they import, directly or not. The store, the embedder and this build are not among them."""
    found: dict[str, Path] = {}
    waiting = list(_PARSE_ENTRIES)
    while waiting:
        name = waiting.pop()
        module = package / f"{name}.py"
        if not module.is_file():
            module = package / name / "__init__.py"
        if name in found or not module.is_file():
            continue
        found[name] = module
        for dotted, names, plain in _PACKAGE_IMPORT.findall(module.read_text(encoding="utf-8")):
            named = dotted or plain
            waiting.extend([named] if named else [name.strip() for name in names.split(",")])
    return sorted(found.values())


def fingerprint_of(package: Path) -> str:
    """A hash of the parse's code (parse_modules) and of the vocabulary it reads."""
    digest = hashlib.sha256()
    vocabulary = [package / "vocab" / name for name in PARSER_VOCABULARY]
    for path in [*parse_modules(package), *vocabulary]:
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@cache
def parser_fingerprint() -> str:
    """A hash of the code and vocabulary that turn a file into catalog records: when either
    changes, every document is parsed again (and re-embedded only if its chunks changed). A
    change to the store, the embedder or the build's bookkeeping parses nothing again."""
    return fingerprint_of(Path(__file__).resolve().parent)


# Taken as the code is imported: it names the parser this process runs, not files edited on
# disk while a long run went on.
parser_fingerprint()


@dataclass(frozen=True)
class ParseLedger:
    """Which file (bytes and manifest facts) each document of the catalog was parsed from, by
    which parser, into which catalog file: a document whose entry still holds is not parsed
    again. Kept beside the catalog, written after it."""

    parser: str = ""
    catalog: str = ""  # the identity of the catalog file the entries describe (_catalog_identity)
    documents: dict[str, str] = field(default_factory=dict)
    classes: dict[str, int] = field(default_factory=dict)  # source -> its classes in the catalog
    catalog_current: bool = False  # the catalog file on disk is the one described

    @staticmethod
    def path_for(catalog_path: Path) -> Path:
        return catalog_path.with_name(catalog_path.stem + ".parsed.json")

    @classmethod
    def read(cls, catalog_path: Path) -> ParseLedger:
        try:
            data = json.loads(cls.path_for(catalog_path).read_text(encoding="utf-8"))
            ledger = cls(
                str(data["parser"]),
                str(data["catalog"]),
                dict(data["documents"]),
                {str(source): int(n) for source, n in data["classes"].items()},
            )
            current = ledger.catalog == _catalog_identity(catalog_path)
        except (OSError, ValueError, KeyError, TypeError):
            return cls()  # no ledger (or an unreadable one): every document is parsed
        if ledger.parser != parser_fingerprint() or not current:
            return cls()
        return replace(ledger, catalog_current=True)

    def reusable(self, file: _SourceFile) -> bool:
        return self.catalog_current and self.documents.get(file.source) == file.key

    def write(
        self, catalog_path: Path, files: Iterable[_SourceFile], classes: dict[str, int]
    ) -> None:
        """classes: how many records each document has in the catalog, in the catalog's order
        (catalog_lines cuts the file by them)."""
        payload = {
            "parser": parser_fingerprint(),
            "catalog": _catalog_identity(catalog_path),
            "documents": {f.source: f.key for f in files},
            "classes": classes,
        }
        path = self.path_for(catalog_path)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(payload), encoding="utf-8")
        tmp.replace(path)


def _catalog_identity(path: Path) -> str:
    """What changes whenever the catalog file is written (its size, times and inode), not its
    sha256: hashing its 30 MB twice took 0.07 s of a 2 s re-index of one file at 10,000
    standards. A run writes it under another name and renames it, so each run's file is a new
    inode with a new change time; an edit by hand, or a file copied over it, changes them too."""
    return ":".join(str(n) for n in file_identity(path.stat()))


def index_problems(store: ChunkStore, catalog_path: Path) -> list[str]:
    """Why the store and the catalog cannot be trusted to answer yet; empty when complete."""
    problems = []
    if started := store.unfinished_run:
        problems.append(
            f"an `index` run started at {started} has not finished (it is still running, "
            "or it was stopped)"
        )
    # Only a run that did not finish leaves a document short of its passages: a finished
    # store is not read record by record at every start.
    short = sorted(s for s, d in store.documents().items() if not d.complete) if started else []
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

"""The start-up snapshot (issue 13): read at open when it is current, never when the store has
changed since, and a damaged one is logged and replaced from the store, never a failed start."""

from __future__ import annotations

import logging
import pickle
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from assistant import snapshot
from assistant.config import Settings
from assistant.indexing import ensure_index, read_catalog, store_location
from assistant.retrieve import ChunkLibrary
from assistant.service import Assistant
from assistant.snapshot import open_state, snapshot_key, snapshot_root
from assistant.startup_state import StartupState
from index.embed import HashingEmbeddings
from index.store import ChunkStore
from index.types import Chunk
from tests.conftest import make_settings

FIXTURES = Path(__file__).parent / "fixtures" / "standards"
QUESTIONS = (
    "What is the salary range of a CPSS II?",
    "What are the minimum qualifications for a Certified Peer Specialist?",
    "Which class has code 4008?",
)


@pytest.fixture
def indexed(tmp_path: Path, seed_copy: Path) -> Settings:
    settings = make_settings(tmp_path, seed_copy)
    ensure_index(settings, progress=False)
    return settings


def _store(settings: Settings) -> ChunkStore:
    return ChunkStore(store_location(settings))


def _snapshots(settings: Settings) -> list[str]:
    root = snapshot_root(settings.catalog_path)
    return sorted(p.name for p in root.iterdir()) if root.is_dir() else []


def _key(settings: Settings) -> str | None:
    return snapshot_key(_store(settings), settings.catalog_path)


def open_library(store: ChunkStore, catalog_path: Path) -> ChunkLibrary:
    return open_state(store, catalog_path, lambda: read_catalog(catalog_path))[0].library


def _unread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading every chunk from the store fails the test from here on."""

    def refused(store: ChunkStore) -> list[Chunk]:
        raise AssertionError("every chunk was read from the store")

    monkeypatch.setattr(ChunkStore, "all_chunks", refused)


def _same_library(one: ChunkLibrary, other: ChunkLibrary) -> None:
    assert one.chunks == other.chunks
    assert one.vocabulary == other.vocabulary
    assert one.indexes.identifiers == other.indexes.identifiers
    assert dict(one.rarity.frequency) == dict(other.rarity.frequency)
    assert one.rarity.total == other.rarity.total
    for question in QUESTIONS:
        assert one.keyword_search(question, 20) == other.keyword_search(question, 20)
        assert one.identifier_search(question) == other.identifier_search(question)


def test_index_writes_the_snapshot_and_open_reads_it_not_the_store(
    indexed: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(indexed)
    assert _snapshots(indexed) == [_key(indexed)]
    from_store = ChunkLibrary(store.all_chunks())
    answers = [Assistant.open(indexed).ask(q).text for q in QUESTIONS]

    _unread(monkeypatch)
    assistant = Assistant.open(indexed)

    _same_library(assistant.library, from_store)
    assert [assistant.ask(q).text for q in QUESTIONS] == answers
    # numpy's own dtypes, as a fresh index has: an unpickled copy misses numpy's fast path.
    bm25 = assistant.library.indexes.bm25
    assert bm25 is not None
    arrays = [v for v in bm25.scores.values() if isinstance(v, np.ndarray)]
    assert arrays and all(a.dtype is np.dtype(a.dtype.name) for a in arrays)


def test_a_no_op_index_run_keeps_the_snapshot(indexed: Settings) -> None:
    before = _snapshots(indexed), _store(indexed).content_version
    ensure_index(indexed, progress=False)
    assert (_snapshots(indexed), _store(indexed).content_version) == before


def test_a_snapshot_of_an_earlier_store_is_never_read(
    indexed: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    old = _snapshots(indexed)
    store = ChunkStore(store_location(indexed), create=True)
    first = store.all_chunks()[0]
    revised = replace(first, text=first.text + " Revised 2026.")
    own = [c for c in store.all_chunks() if c.source == first.source]
    count = store.count()
    # The same number of chunks, one text changed: only the content version tells.
    store.delete_source(first.source)
    store.add(
        [revised, *own[1:]],
        HashingEmbeddings().embed_documents([c.embedding_text() for c in own]),
    )
    assert store.count() == count

    with caplog.at_level(logging.INFO, logger="assistant.snapshot"):
        library = open_library(_store(indexed), indexed.catalog_path)

    assert library.by_id[first.chunk_id].text.endswith("Revised 2026.")
    _same_library(library, ChunkLibrary(_store(indexed).all_chunks()))
    # The earlier snapshot is brought up to date with the document whose chunks changed.
    assert "bringing the start-up snapshot up to date: 1 documents changed" in caplog.text
    assert _snapshots(indexed) == [_key(indexed)] != old  # the stale one went


def test_an_index_run_that_changes_many_of_the_documents_writes_a_new_snapshot(
    indexed: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _snapshots(indexed)
    gone, changed = sorted(indexed.sources_dir.rglob("*.txt"))
    gone.unlink()
    changed.write_text(changed.read_text(encoding="utf-8") + "\nRevised 2026.\n", "utf-8")
    ensure_index(indexed, progress=False)
    assert _snapshots(indexed) != old  # both documents changed: derived again by the run

    expected = ChunkLibrary(_store(indexed).all_chunks())
    _unread(monkeypatch)
    _same_library(open_library(_store(indexed), indexed.catalog_path), expected)


@pytest.mark.parametrize(
    "damage",
    [
        ("state.pickle", b"\x80\x05\x95"),  # cut short
        ("state.pickle", pickle.dumps(["a list of chunks"])),
        ("snapshot.json", b'{"key": "another store", "chunks": 1}'),
    ],
)
def test_a_damaged_snapshot_is_logged_and_rewritten_from_the_store(
    indexed: Settings, caplog: pytest.LogCaptureFixture, damage: tuple[str, bytes]
) -> None:
    name, content = damage
    store = _store(indexed)
    folder = snapshot_root(indexed.catalog_path) / str(_key(indexed))
    (folder / name).write_bytes(content)

    with caplog.at_level(logging.WARNING, logger="assistant.snapshot"):
        library = open_library(store, indexed.catalog_path)

    assert "cannot be read" in caplog.text and "reading every chunk from the store" in caplog.text
    expected = ChunkLibrary(store.all_chunks())
    _same_library(library, expected)
    caplog.clear()
    _same_library(open_library(store, indexed.catalog_path), expected)  # rewritten whole
    assert "cannot be read" not in caplog.text


def test_an_unwritable_snapshot_folder_is_logged_not_fatal(
    indexed: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    root = snapshot_root(indexed.catalog_path)
    shutil.rmtree(root)
    root.write_text("a file where the snapshots would go")

    with caplog.at_level(logging.WARNING, logger="assistant.snapshot"):
        assistant = Assistant.open(indexed)

    assert "could not write the start-up snapshot" in caplog.text
    assert "$30,840" in assistant.ask(QUESTIONS[0]).text


def test_no_snapshot_is_trusted_while_a_run_is_writing(indexed: Settings) -> None:
    store = ChunkStore(store_location(indexed), create=True)
    assert snapshot_key(store, indexed.catalog_path) is not None
    store.mark_run("2026-01-01T00:00:00+00:00")
    assert _key(indexed) is None
    store.mark_run("")  # a run that changed nothing keeps the version and so the snapshot
    assert _key(indexed) == _snapshots(indexed)[0]


def test_the_content_version_changes_with_the_chunks(indexed: Settings) -> None:
    store = ChunkStore(store_location(indexed), create=True)
    chunk = store.all_chunks()[0]
    vectors = HashingEmbeddings().embed_documents([chunk.embedding_text()])
    before = store.content_version
    store.delete_source(chunk.source)
    deleted = store.content_version
    store.add([chunk], vectors)
    assert len({before, deleted, store.content_version}) == 3

    # A marked run gives one new version before its first write, not one per write.
    finished = store.content_version
    store.mark_run("2026-01-01T00:00:00+00:00")
    assert store.content_version == finished
    store.delete_source(chunk.source)
    during = store.content_version
    store.add([chunk], vectors)
    store.mark_run("")
    assert store.content_version == during != finished


def test_a_run_stopped_midway_never_leaves_a_snapshot_current(indexed: Settings) -> None:
    """A run killed after rewriting a document with as many chunks, before it finished: the
    next run finds nothing to do, yet the snapshot taken before is not read."""
    taken = _snapshots(indexed)
    store = ChunkStore(store_location(indexed), create=True)
    own = [c for c in store.all_chunks() if c.source == store.all_chunks()[0].source]
    store.mark_run("2026-01-01T00:00:00+00:00")
    store.delete_source(own[0].source)
    store.add(
        [replace(own[0], text=own[0].text + " Revised."), *own[1:]],
        HashingEmbeddings().embed_documents([c.embedding_text() for c in own]),
    )  # killed here: the run is never marked finished

    resumed = ChunkStore(store_location(indexed), create=True)
    resumed.mark_run("2026-01-01T00:01:00+00:00")
    resumed.mark_run("")

    assert _key(indexed) not in taken
    library = open_library(_store(indexed), indexed.catalog_path)
    assert library.by_id[own[0].chunk_id].text.endswith("Revised.")


def test_no_snapshot_is_written_of_chunks_a_run_began_changing_while_they_were_read(
    indexed: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    root = snapshot_root(indexed.catalog_path)
    for folder in root.iterdir():
        shutil.rmtree(folder)
    read = ChunkStore.all_chunks

    def read_then_a_run_begins(store: ChunkStore) -> list[Chunk]:
        chunks = read(store)
        ChunkStore(store_location(indexed), create=True).mark_run("2026-01-01T00:00:00+00:00")
        return chunks

    monkeypatch.setattr(ChunkStore, "all_chunks", read_then_a_run_begins)
    with caplog.at_level(logging.INFO, logger="assistant.snapshot"):
        library = open_library(_store(indexed), indexed.catalog_path)

    assert library.chunks and list(root.iterdir()) == []
    assert "changed while it was read" in caplog.text


@pytest.fixture
def fixtures_indexed(tmp_path: Path) -> Settings:
    """The seven fixture standards indexed: one of them changed is a small share."""
    sources = tmp_path / "sources"
    shutil.copytree(FIXTURES, sources)
    settings = make_settings(tmp_path, sources)
    ensure_index(settings, progress=False)
    return settings


def _answers(settings: Settings) -> list[str]:
    assistant = Assistant.open(settings)
    return [assistant.ask(q).text for q in FIXTURE_QUESTIONS]


FIXTURE_QUESTIONS = (
    "What is the pay of a Zebra Keeper II?",
    "What is the salary of an Accounting Technician?",
    "What is the salary range for a Water Treatment Operator II?",
    "What does a Library Page do?",
    "Which class has code 0303?",
)


def test_an_index_run_that_changes_a_few_documents_leaves_the_snapshot_to_the_next_start(
    fixtures_indexed: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    settings = fixtures_indexed
    old = _snapshots(settings)
    changed = settings.sources_dir / "water-treatment-operator-series.md"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(f"{text}\nZebra Keeper II: $99,999.99 a year.\n", encoding="utf-8")
    (settings.sources_dir / "northfield-accounting-technician.htm").unlink()

    with caplog.at_level(logging.INFO, logger="assistant.snapshot"):
        ensure_index(settings, progress=False)
    assert _snapshots(settings) == old  # the run took the time of two documents, not of all
    assert "brought up to date at the next start (2 documents changed)" in caplog.text

    store = _store(settings)
    fresh = StartupState.derive(
        ChunkLibrary(store.all_chunks()), read_catalog(settings.catalog_path)
    )
    with monkeypatch.context() as patch, caplog.at_level(logging.INFO, logger="assistant.snapshot"):
        _unread(patch)
        state, key = open_state(
            store, settings.catalog_path, lambda: read_catalog(settings.catalog_path)
        )

    assert "bringing the start-up snapshot up to date: 2 documents changed" in caplog.text
    assert _snapshots(settings) == [key] != old
    _same_library(state.library, fresh.library)
    assert state.catalog == fresh.catalog
    assert any("$99,999.99" in c.text for c in state.library.chunks)
    assert not any(c.source.startswith("northfield") for c in state.library.chunks)
    patched_answers = _answers(settings)  # from the snapshot the start wrote
    shutil.rmtree(snapshot_root(settings.catalog_path))
    assert _answers(settings) == patched_answers  # the same as from the whole store


def test_a_snapshot_of_other_code_is_never_brought_up_to_date(
    fixtures_indexed: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = fixtures_indexed
    changed = settings.sources_dir / "water-treatment-operator-series.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nRevised.\n", encoding="utf-8")
    monkeypatch.setattr(snapshot, "_code_fingerprint", lambda: "other code")

    ensure_index(settings, progress=False)

    assert _snapshots(settings) == [_key(settings)]  # derived again by the run


def test_a_snapshot_that_cannot_be_brought_up_to_date_is_logged_and_the_store_read(
    fixtures_indexed: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    settings = fixtures_indexed
    changed = settings.sources_dir / "water-treatment-operator-series.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nRevised.\n", encoding="utf-8")
    ensure_index(settings, progress=False)

    def broken(*args: object) -> StartupState:
        raise ValueError("a patch that fails")

    monkeypatch.setattr(StartupState, "patched", broken)
    with caplog.at_level(logging.INFO, logger="assistant.snapshot"):
        state, key = open_state(
            _store(settings), settings.catalog_path, lambda: read_catalog(settings.catalog_path)
        )

    assert "could not bring the start-up snapshot" in caplog.text
    assert "ValueError: a patch that fails" in caplog.text
    assert any("Revised." in c.text for c in state.library.chunks)
    assert _snapshots(settings) == [key]  # derived from the store and saved

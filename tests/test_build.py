"""Incremental, idempotent indexing into the real Chroma store."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant.config import PACKAGED_MINILM
from assistant.indexing import store_location
from index.build import build_index, fingerprint_of, index_problems, parse_modules
from index.catalog import catalog_lines, load_catalog, parse_standard
from index.embed import HashingEmbeddings, LazyEmbeddings, make_embedder
from index.errors import IndexNotBuilt, SourcesNotFound
from index.store import ChunkStore
from index.vocab import PARSER_VOCABULARY
from tests.conftest import make_settings

TX = "texas/certified-peer-support-specialist-ii.txt"
NY = "new-york/certified-peer-specialist-series.txt"


class CountingEmbeddings(HashingEmbeddings):
    """The fake embedder, counting what it was asked to embed."""

    def __init__(self) -> None:
        self.embedded: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += texts
        return super().embed_documents(texts)


def build(tmp_path: Path, sources: Path, embedder: CountingEmbeddings, model: str = "fake"):
    settings = make_settings(tmp_path, sources)
    store = ChunkStore(store_location(settings), create=True)
    summary = build_index(sources, store, embedder, model, settings.catalog_path, progress=False)
    return summary, store, settings


def test_second_run_on_unchanged_sources_embeds_nothing(tmp_path: Path, seed_copy: Path) -> None:
    embedder = CountingEmbeddings()
    first, store, _ = build(tmp_path, seed_copy, embedder)
    assert sorted(first.added) == [NY, TX]
    count = store.count()
    embedder.embedded.clear()
    second, store, _ = build(tmp_path, seed_copy, embedder)
    assert embedder.embedded == []
    assert second.added == [] and second.updated == [] and sorted(second.unchanged) == [NY, TX]
    assert store.count() == count
    assert "0 added, 0 updated, 0 removed, 2 unchanged" in second.line()


def test_editing_one_file_re_embeds_only_that_file(tmp_path: Path, seed_copy: Path) -> None:
    embedder = CountingEmbeddings()
    _, store, _ = build(tmp_path, seed_copy, embedder)
    before = store.count()
    path = seed_copy / NY
    path.write_text(path.read_text(encoding="utf-8") + "\nRevised: 5/2025\n", encoding="utf-8")
    embedder.embedded.clear()
    summary, store, _ = build(tmp_path, seed_copy, embedder)
    assert summary.updated == [NY] and summary.unchanged == [TX]
    assert embedder.embedded and all("Certified Peer Specialist" in t for t in embedder.embedded)
    assert not any("Support Specialist" in t.split("\n")[0] for t in embedder.embedded)
    ids = [c.chunk_id for c in store.all_chunks()]
    assert len(ids) == len(set(ids))
    assert store.count() >= before


def test_deleted_file_is_removed_from_store_and_catalog(tmp_path: Path, seed_copy: Path) -> None:
    embedder = CountingEmbeddings()
    build(tmp_path, seed_copy, embedder)
    (seed_copy / TX).unlink()
    summary, store, settings = build(tmp_path, seed_copy, embedder)
    assert summary.removed == [TX]
    assert {c.source for c in store.all_chunks()} == {NY}
    assert {r.source for r in load_catalog(settings.catalog_path)} == {NY}


def test_unreadable_file_is_skipped_and_the_rest_indexed(tmp_path: Path, seed_copy: Path) -> None:
    (seed_copy / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (seed_copy / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    summary, store, _ = build(tmp_path, seed_copy, CountingEmbeddings())
    assert sorted(s.source for s in summary.skipped) == ["binary.txt", "broken.pdf"]
    assert {c.source for c in store.all_chunks()} == {NY, TX}


def test_changing_the_embedding_model_re_embeds_everything(tmp_path: Path, seed_copy: Path) -> None:
    embedder = CountingEmbeddings()
    build(tmp_path, seed_copy, embedder, model="fake")
    embedder.embedded.clear()
    summary, store, _ = build(tmp_path, seed_copy, embedder, model="fake-v2")
    assert sorted(summary.added) == [NY, TX]
    assert store.embedding_model == "fake-v2"


def test_missing_sources_and_missing_store_raise_named_errors(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, tmp_path / "nowhere")
    store = ChunkStore(store_location(settings), create=True)
    with pytest.raises(SourcesNotFound):
        build_index(settings.sources_dir, store, HashingEmbeddings(), "fake", settings.catalog_path)
    with pytest.raises(IndexNotBuilt):
        ChunkStore(store_location(make_settings(tmp_path / "empty")))


def test_a_new_chunk_format_re_embeds_everything(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedder = CountingEmbeddings()
    build(tmp_path, seed_copy, embedder)
    monkeypatch.setattr("index.build.CHUNK_FORMAT", "chunks-test-next")
    embedder.embedded.clear()
    summary, store, _ = build(tmp_path, seed_copy, embedder)
    assert sorted(summary.added) == [NY, TX]
    assert store.index_format is not None and store.index_format.startswith("chunks-test-next")


def test_the_store_reports_each_document_with_its_passages_and_time(
    tmp_path: Path, seed_copy: Path
) -> None:
    _, store, _ = build(tmp_path, seed_copy, CountingEmbeddings())
    documents = store.documents()
    assert set(documents) == {NY, TX}
    assert sum(d.chunks for d in documents.values()) == store.count()
    assert all(d.indexed_at.endswith("+00:00") for d in documents.values())


def test_a_no_op_run_parses_nothing_and_loads_no_model(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (seed_copy / "notes.txt").write_text("Meeting notes about the office move.\n", "utf-8")
    first, _, settings = build(tmp_path, seed_copy, CountingEmbeddings(), model=PACKAGED_MINILM)
    catalog = load_catalog(settings.catalog_path)
    parsed: list[str] = []
    monkeypatch.setattr(
        "index.build.parse_standard", lambda d: parsed.append(d.source) or parse_standard(d)
    )
    read: list[Path] = []  # the catalog, every class, is not read: the ledger counts them
    monkeypatch.setattr("index.build.load_catalog", lambda path: read.append(path) or [])
    monkeypatch.setattr("index.build.catalog_lines", lambda path, _: read.append(path) or {})
    embedder = make_embedder(PACKAGED_MINILM)
    assert isinstance(embedder, LazyEmbeddings)
    store = ChunkStore(store_location(settings), create=True)
    again = build_index(
        seed_copy, store, embedder, PACKAGED_MINILM, settings.catalog_path, progress=False
    )
    assert parsed == [] and read == [] and not embedder.loaded
    assert sorted(again.unchanged) == sorted([NY, TX, "notes.txt"]) and again.chunks_embedded == 0
    assert again.classes == first.classes and load_catalog(settings.catalog_path) == catalog
    assert again.unrecognised == first.unrecognised == ["notes.txt"]


def test_a_no_op_run_never_marks_the_store_as_being_written(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped anywhere (a server stopped while it checks its sources at start), a run that
    writes nothing leaves the index whole: answers are not refused afterwards."""
    build(tmp_path, seed_copy, CountingEmbeddings())
    marks: list[str] = []
    mark = ChunkStore.mark_run
    monkeypatch.setattr(ChunkStore, "mark_run", lambda s, at: marks.append(at) or mark(s, at))
    _, store, settings = build(tmp_path, seed_copy, CountingEmbeddings())
    assert [m for m in marks if m] == []
    assert index_problems(store, settings.catalog_path) == []

    (seed_copy / NY).write_text(
        (seed_copy / NY).read_text("utf-8") + "\nRevised: 5/2025\n", "utf-8"
    )
    build(tmp_path, seed_copy, CountingEmbeddings())
    assert len([m for m in marks if m]) == 1  # a run that writes is marked while it writes


def test_only_the_changed_file_is_parsed_again(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(tmp_path, seed_copy, CountingEmbeddings())
    parsed: list[str] = []
    monkeypatch.setattr(
        "index.build.parse_standard", lambda d: parsed.append(d.source) or parse_standard(d)
    )
    path = seed_copy / NY
    path.write_text(path.read_text(encoding="utf-8") + "\nRevised: 5/2025\n", encoding="utf-8")
    summary, _, settings = build(tmp_path, seed_copy, CountingEmbeddings())
    assert parsed == [NY] and summary.updated == [NY]
    assert {r.source for r in load_catalog(settings.catalog_path)} == {NY, TX}
    # new manifest facts for a file whose bytes did not change: parsed again, not re-embedded
    manifest = seed_copy / "manifest.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("Texas", "Tejas"), "utf-8")
    parsed.clear()
    embedder = CountingEmbeddings()
    summary, _, settings = build(tmp_path, seed_copy, embedder)
    assert parsed == [TX] and embedder.embedded == []
    assert {r.jurisdiction for r in load_catalog(settings.catalog_path) if r.source == TX} == {
        "Tejas"
    }


def test_a_new_parser_or_a_replaced_catalog_parses_everything_again(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, _, settings = build(tmp_path, seed_copy, CountingEmbeddings())
    parsed: list[str] = []
    monkeypatch.setattr(
        "index.build.parse_standard", lambda d: parsed.append(d.source) or parse_standard(d)
    )
    monkeypatch.setattr("index.build.parser_fingerprint", lambda: "a newer parser")
    embedder = CountingEmbeddings()
    build(tmp_path, seed_copy, embedder)
    assert sorted(parsed) == [NY, TX] and embedder.embedded == []
    parsed.clear()
    settings.catalog_path.write_text('{"records": []}', encoding="utf-8")
    summary, _, _ = build(tmp_path, seed_copy, embedder)
    assert sorted(parsed) == [NY, TX] and summary.classes >= 4


def test_the_parser_fingerprint_covers_what_a_parse_runs_and_nothing_else(tmp_path: Path) -> None:
    package = Path(__file__).resolve().parents[1] / "index"
    names = {str(p.relative_to(package)) for p in parse_modules(package)}
    assert {"load.py", "catalog.py", "chunk.py", "structure.py", "money.py"} <= names
    assert "vocab/__init__.py" in names  # reached by `from index.vocab import ...`
    assert not names & {"build.py", "store.py", "embed.py", "onnx_embed.py", "file_hashes.py"}

    copy = tmp_path / "index"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = fingerprint_of(copy)
    for unparsed in ("store.py", "embed.py", "vocab/intents.yaml"):
        (copy / unparsed).write_text((copy / unparsed).read_text() + "\n# edited\n")
    assert fingerprint_of(copy) == before
    for parsed in ("structure.py", "vocab/sections.yaml"):
        edited = (copy / parsed).read_text()
        (copy / parsed).write_text(edited + "\n# edited\n")
        assert fingerprint_of(copy) != before
        (copy / parsed).write_text(edited)


def test_a_parse_reads_no_vocabulary_outside_the_fingerprint() -> None:
    """Every YAML file read while importing the parser and parsing the fixture standards is
    one the fingerprint hashes (a vocabulary the parse reads unhashed would leave old parses)."""
    script = (
        "import index.vocab as vocab\n"
        "read = set()\n"
        "original = vocab._read\n"
        "vocab._read = lambda name: read.add(name) or original(name)\n"
        "from pathlib import Path\n"
        "from index.load import load_sources\n"
        "from index.catalog import parse_standard\n"
        "from index.chunk import chunk_standard\n"
        "for document in load_sources(Path('tests/fixtures/standards')).documents:\n"
        "    chunk_standard(parse_standard(document), 1200)\n"
        "print(','.join(sorted(read)))\n"
    )
    root = Path(__file__).resolve().parents[1]
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True
    )
    read = set(run.stdout.strip().split(","))
    assert "fields.yaml" in read and read <= set(PARSER_VOCABULARY)


def test_a_finished_index_is_verified_without_reading_every_record(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, store, settings = build(tmp_path, seed_copy, CountingEmbeddings())

    def read_all() -> None:
        raise AssertionError("every record read to check a finished index")

    monkeypatch.setattr(store, "documents", read_all)
    assert index_problems(store, settings.catalog_path) == []


def test_chunks_are_embedded_across_documents_and_written_in_batches(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    class Batches(CountingEmbeddings):
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            calls.append(len(texts))
            return super().embed_documents(texts)

    written: list[int] = []
    real_add = ChunkStore.add

    def counting_add(self: ChunkStore, chunks: Any, *args: Any, **kwargs: Any) -> None:
        written.append(len(chunks))
        real_add(self, chunks, *args, **kwargs)

    monkeypatch.setattr(ChunkStore, "add", counting_add)
    summary, store, _ = build(tmp_path, seed_copy, Batches())
    assert len(summary.added) == 2 and calls == [summary.chunks_embedded]  # one call for both
    assert written[:-1] == [32] * (len(written) - 1) and sum(written) == store.count()
    # a re-indexed document is replaced whole: no chunk of its old version is left
    path = seed_copy / NY
    path.write_text(path.read_text(encoding="utf-8").replace("Grade 14", "Grade 15"), "utf-8")
    build(tmp_path, seed_copy, Batches())
    ny = [c for c in store.all_chunks() if c.source == NY]
    assert [c.position for c in ny] == list(range(len(ny)))
    assert any("Grade 15" in c.text for c in ny) and not any("Grade 14" in c.text for c in ny)


def _records_by_source(catalog: Path) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for record in load_catalog(catalog):
        found.setdefault(record.source, []).append(record)
    return found


def test_a_run_that_changes_one_document_copies_the_others_records_unread(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unchanged documents' records are copied as the catalog's lines, cut by the ledger's
    counts: none is parsed, and the catalog is the one a run from scratch writes."""
    (seed_copy / "texas" / "copy.txt").write_bytes((seed_copy / TX).read_bytes())
    _, _, settings = build(tmp_path, seed_copy, CountingEmbeddings())
    path = seed_copy / NY
    path.write_text(path.read_text(encoding="utf-8") + "\nRevised: 5/2025\n", encoding="utf-8")
    (seed_copy / "texas" / "copy.txt").unlink()
    with monkeypatch.context() as patch:
        patch.setattr("index.build.load_catalog", lambda path: pytest.fail("records parsed"))
        summary, _, _ = build(tmp_path, seed_copy, CountingEmbeddings())

    _, _, fresh = build(tmp_path / "fresh", seed_copy, CountingEmbeddings())
    assert _records_by_source(settings.catalog_path) == _records_by_source(fresh.catalog_path)
    assert summary.classes == len(load_catalog(fresh.catalog_path))
    assert set(_records_by_source(settings.catalog_path)) == {NY, TX}


def test_a_catalog_in_another_layout_is_read_record_by_record(
    tmp_path: Path, seed_copy: Path
) -> None:
    """A catalog rewritten by hand (indented) no longer matches the ledger: its records are
    read and written out again, none lost."""
    _, _, settings = build(tmp_path, seed_copy, CountingEmbeddings())
    catalog = settings.catalog_path
    before = _records_by_source(catalog)
    catalog.write_text(json.dumps(json.loads(catalog.read_text("utf-8")), indent=2), "utf-8")
    path = seed_copy / NY
    path.write_text(path.read_text(encoding="utf-8") + "\nRevised: 5/2025\n", encoding="utf-8")

    build(tmp_path, seed_copy, CountingEmbeddings())

    assert _records_by_source(catalog)[TX] == before[TX]
    assert catalog_lines(catalog, {s: len(r) for s, r in _records_by_source(catalog).items()})


def test_a_run_that_writes_loads_the_store_beforehand_and_a_no_op_does_not(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store's first read loads its segments: a run that will write starts it in the
    background while it parses and embeds, and has it done before its first write."""
    events: list[str] = []
    warming, delete = ChunkStore.warming, ChunkStore.delete_source

    def warm(self: ChunkStore) -> Any:
        thread = warming(self)
        events.append("warming")
        thread.join = lambda *a, **k: events.append("joined")  # type: ignore[method-assign]
        return thread

    def deleting(self: ChunkStore, source: str) -> None:
        events.append("delete")
        delete(self, source)

    monkeypatch.setattr(ChunkStore, "warming", warm)
    monkeypatch.setattr(ChunkStore, "delete_source", deleting)
    embedder = CountingEmbeddings()
    build(tmp_path, seed_copy, embedder)
    assert events[0] == "warming" and "joined" in events
    events.clear()
    build(tmp_path, seed_copy, embedder)
    assert events == []  # nothing to write, nothing loaded
    (seed_copy / TX).write_text((seed_copy / TX).read_text() + "\nRevised.\n")
    build(tmp_path, seed_copy, embedder)
    assert events[:3] == ["warming", "joined", "delete"]

"""Indexing survives bad files, crashes and a second writer (issue 11): one document that cannot
be parsed is skipped with its reason; a run stopped midway is completed exactly by the next;
two runs never write at once; a damaged catalog is named and rebuilt."""

from __future__ import annotations

import io
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from assistant.indexing import ensure_index, store_location
from assistant.service import Assistant
from index import build
from index.errors import IndexDamaged
from index.store import ChunkStore
from tests.conftest import make_settings
from web.state import UPLOAD_FOLDER, ServerState

BROKEN_DOCX_XML = b"<w:document><w:body><w:p>never closed"


def broken_docx() -> bytes:
    """A .docx whose document part is not well-formed XML (lxml raises XMLSyntaxError)."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", BROKEN_DOCX_XML)
    return data.getvalue()


def test_a_docx_with_invalid_xml_is_skipped_and_the_rest_indexed(
    tmp_path: Path, seed_copy: Path
) -> None:
    (seed_copy / "broken.docx").write_bytes(broken_docx())
    settings = make_settings(tmp_path, seed_copy)

    summary = ensure_index(settings, progress=False)

    assert [s.source for s in summary.skipped] == ["broken.docx"]
    assert summary.documents == 2 and summary.classes >= 4
    assert "$30,840" in Assistant.open(settings).ask("What is the salary range of a CPSS II?").text


@pytest.mark.parametrize("step", ["parse_standard", "chunk_standard"])
def test_a_document_that_fails_to_parse_or_chunk_is_quarantined_with_its_reason(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    real = getattr(build, step)

    def failing(standard: Any, *args: Any) -> Any:
        source = getattr(standard, "source", None) or standard.document.source
        if source.startswith("new-york/"):
            raise RecursionError("a layout nobody has seen")
        return real(standard, *args)

    monkeypatch.setattr(build, step, failing)
    settings = make_settings(tmp_path, seed_copy)

    summary = ensure_index(settings, progress=False)

    skipped = {s.source: s.reason for s in summary.skipped}
    assert len(skipped) == 1
    ((source, reason),) = skipped.items()
    assert source.startswith("new-york/") and "a layout nobody has seen" in reason
    assert "RecursionError" in reason
    assert summary.documents == 1 and "1 skipped" in summary.line()
    assistant = Assistant.open(settings)  # start-up is not blocked
    assert {c.source for c in assistant.library.chunks} == {summary.added[0]}
    assert all(not r.source.startswith("new-york/") for r in assistant.catalog)


def test_a_document_that_fails_now_keeps_its_last_good_index(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(tmp_path, seed_copy)
    first = ensure_index(settings, progress=False)
    before = Assistant.open(settings).status()

    def failing(document: Any) -> Any:
        raise ValueError("broken today")

    monkeypatch.setattr(build, "parse_standard", failing)
    # A changed parser parses every document again; the same parser keeps unchanged ones.
    monkeypatch.setattr(build, "parser_fingerprint", lambda: "today's parser")
    again = ensure_index(settings, progress=False)

    assert len(again.skipped) == 2 and not again.removed
    after = Assistant.open(settings).status()
    assert (
        (after.chunks, after.classes)
        == (before.chunks, before.classes)
        == (
            first.chunks_total,
            first.classes,
        )
    )


def test_a_failed_upload_leaves_nothing_behind(tmp_path: Path, seed_copy: Path) -> None:
    settings = make_settings(tmp_path, seed_copy)
    state = ServerState(settings.model_copy(update={"allow_uploads": True}))
    state.reindex()
    upload = tmp_path / "Broken Standard.docx"
    upload.write_bytes(broken_docx())

    report = state.add_uploads([upload])

    assert "could not be read and was not kept" in report
    assert not any((seed_copy / UPLOAD_FOLDER).iterdir())
    assert "$30,840" in state.assistant().ask("What is the salary range of a CPSS II?").text


def test_an_upload_whose_indexing_fails_is_removed_again(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(tmp_path, seed_copy)
    state = ServerState(settings.model_copy(update={"allow_uploads": True}))
    upload = tmp_path / "good.txt"
    upload.write_text("Clerk I\nSalary: $30,000 - $40,000\n", encoding="utf-8")

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise OSError("disk full")

    monkeypatch.setattr("web.state.ensure_index", failing)
    with pytest.raises(OSError, match="disk full"):
        state.add_uploads([upload])

    assert not any((seed_copy / UPLOAD_FOLDER).iterdir())


class Killed(BaseException):
    """Stands for kill -9: nothing after it runs, no handler of Exception sees it."""


def chunk_counts(settings: Any) -> dict[str, int]:
    store = ChunkStore(store_location(settings))
    return {source: d.chunks for source, d in store.documents().items()}


def killed_while_adding(
    settings: Any, monkeypatch: pytest.MonkeyPatch, after_batches: int = 1
) -> None:
    """An index run stopped after some batches of passages, as kill -9 would stop it."""
    real_add, calls = ChunkStore.add, [0]

    def add_then_die(self: ChunkStore, *args: Any, **kwargs: Any) -> None:
        calls[0] += 1
        if calls[0] > after_batches:
            raise Killed
        real_add(self, *args, **kwargs)

    monkeypatch.setattr(ChunkStore, "add", add_then_die)
    with pytest.raises(Killed):
        ensure_index(settings, progress=False)
    monkeypatch.setattr(ChunkStore, "add", real_add)


@pytest.mark.parametrize("killed_at_batch", [1, 2, 3])
def test_a_run_killed_while_writing_a_document_is_completed_exactly_by_the_next(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch, killed_at_batch: int
) -> None:
    clean = make_settings(tmp_path / "clean", seed_copy)
    ensure_index(clean, progress=False)
    settings = make_settings(tmp_path / "killed", seed_copy).model_copy(
        update={"write_batch_size": 4}
    )
    killed_while_adding(settings, monkeypatch, after_batches=killed_at_batch)
    partial = chunk_counts(settings)
    assert sum(partial.values()) == 4 * killed_at_batch  # the kill left a document short

    resumed = ensure_index(settings, progress=False)

    assert chunk_counts(settings) == chunk_counts(clean)
    assert len(resumed.added) == 2 and not resumed.unchanged  # the short one is not "unchanged"
    assert ensure_index(settings, progress=False).chunks_embedded == 0


def test_a_second_index_run_waits_for_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(tmp_path)
    finished: list[float] = []
    worker = threading.Thread(
        target=lambda: (ensure_index(settings, progress=False), finished.append(time.time()))
    )
    with build.index_lock(settings.index_lock_path):  # another process's run, as it were
        worker.start()
        time.sleep(1.0)
        assert not finished and not settings.catalog_path.exists()
        released = time.time()
    worker.join(timeout=120)

    assert finished and finished[0] >= released
    assert settings.catalog_path.exists()


def test_a_damaged_catalog_is_named_and_rebuilt_by_the_next_run(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    ensure_index(settings, progress=False)
    settings.catalog_path.write_text('{"records": [\n', encoding="utf-8")

    with pytest.raises(IndexDamaged, match=r"catalog\.json cannot be read .*run `index`"):
        Assistant.open(settings)

    ensure_index(settings, progress=False)
    assert len(Assistant.open(settings).catalog) >= 4

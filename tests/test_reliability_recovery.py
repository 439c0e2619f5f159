"""Half an index never answers (issue 11): while a document lacks passages, the catalog is
missing or a run has not finished, `ask` and /api/ask refuse with a clear message; /api/health
says so and names the files it skipped; `index --repair` rebuilds a damaged store or catalog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import cli
from assistant.config import Settings
from assistant.indexing import ensure_index
from assistant.service import Assistant
from index import build
from index.errors import IndexIncomplete, StoreDamaged
from tests.conftest import make_settings
from tests.test_reliability_index import Killed, broken_docx, killed_while_adding
from web.api import create_api
from web.state import ServerState

QUESTION = "What is the salary range of a CPSS II?"


def run_cli(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: Any, *args: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(cli, "get_settings", lambda: settings)
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def api(settings: Settings) -> TestClient:
    return TestClient(create_api(ServerState(settings)))


def assert_refused(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: Any, why: str
) -> None:
    """The CLI exits non-zero with one line; the API answers 503 JSON; health says incomplete."""
    code, out, err = run_cli(settings, monkeypatch, capsys, "ask", QUESTION)
    assert code != 0 and not out
    assert len(err.strip().splitlines()) == 1, err
    assert "the index is incomplete" in err and why in err and "run `index`" in err.lower()

    client = api(settings)
    response = client.post("/api/ask", json={"question": QUESTION})
    assert response.status_code == 503
    assert why in response.json()["error"] and "incomplete" in response.json()["error"]
    health = client.get("/api/health")
    assert health.status_code == 503
    assert health.json()["status"] == "incomplete" and health.json()["complete"] is False


def assert_answers(settings: Settings) -> None:
    response = api(settings).post("/api/ask", json={"question": QUESTION})
    assert response.status_code == 200 and "$30,840" in response.json()["answer"]


def test_health_names_each_skipped_file_with_its_reason(tmp_path: Path, seed_copy: Path) -> None:
    (seed_copy / "broken.docx").write_bytes(broken_docx())
    state = ServerState(make_settings(tmp_path, seed_copy))
    state.reindex()

    health = TestClient(create_api(state)).get("/api/health").json()

    assert health["status"] == "ok" and health["complete"] is True
    assert [s["source"] for s in health["skipped"]] == ["broken.docx"]
    assert "could not be parsed" in health["skipped"][0]["reason"]
    assert [d.status for d in state.documents() if d.source == "broken.docx"] == ["skipped"]


def test_a_document_short_of_its_passages_is_refused_until_index_completes_it(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    settings = make_settings(tmp_path, seed_copy).model_copy(update={"write_batch_size": 4})
    killed_while_adding(settings, monkeypatch)
    assert settings.catalog_path.exists() is False

    assert_refused(settings, monkeypatch, capsys, "lack some of their passages")

    code, out, _ = run_cli(settings, monkeypatch, capsys, "index", "--no-progress")
    assert code == 0 and "2 documents" in out
    assert_answers(settings)


def test_a_missing_catalog_is_refused_until_index_rebuilds_it(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any, caplog: Any
) -> None:
    settings = make_settings(tmp_path, seed_copy)
    ensure_index(settings, progress=False)
    settings.catalog_path.unlink()

    assert_refused(settings, monkeypatch, capsys, f"{settings.catalog_path} is missing")

    summary = ensure_index(settings, progress=False)
    assert summary.chunks_embedded == 0 and summary.classes >= 4
    assert f"class catalog {settings.catalog_path} is missing" in caplog.text
    assert_answers(settings)


def test_a_run_stopped_before_its_catalog_is_written_is_refused(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    """Every passage is in, the catalog is the previous run's: the two do not match yet."""
    settings = make_settings(tmp_path, seed_copy)
    ensure_index(settings, progress=False)
    texas = seed_copy / "texas" / "certified-peer-support-specialist-ii.txt"
    (seed_copy / "texas" / "copy.txt").write_bytes(texas.read_bytes())

    def killed(*args: Any) -> None:
        raise Killed

    monkeypatch.setattr(build, "save_catalog_lines", killed)
    with pytest.raises(Killed):
        ensure_index(settings, progress=False)
    monkeypatch.undo()

    with pytest.raises(IndexIncomplete, match="has not finished"):
        build.verify_index(Assistant.open(settings).store, settings.catalog_path)
    assert_refused(settings, monkeypatch, capsys, "has not finished")

    assert ensure_index(settings, progress=False).chunks_embedded == 0
    assert any(r.source == "texas/copy.txt" for r in Assistant.open(settings).catalog)
    assert_answers(settings)


def test_a_damaged_store_is_named_and_rebuilt_by_index_repair(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    settings = make_settings(tmp_path, seed_copy)
    ensure_index(settings, progress=False)
    database = settings.chroma_path / "chroma.sqlite3"
    with database.open("r+b") as damaged:
        damaged.write(b"\0not a database" * 300)
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()  # as a new process would find it

    with pytest.raises(StoreDamaged, match=r"chroma\.sqlite3 cannot be read .*index --repair"):
        Assistant.open(settings)
    code, _, err = run_cli(settings, monkeypatch, capsys, "ask", QUESTION)
    assert code != 0 and f"the store file {database} cannot be read" in err
    assert "index --repair" in err and len(err.strip().splitlines()) == 1

    code, out, err = run_cli(settings, monkeypatch, capsys, "index", "--repair", "--no-progress")

    assert code == 0, err
    assert f"repair: the store file {database} cannot be read" in err
    assert "2 added" in out
    assert_answers(settings)


def test_a_damaged_catalog_is_named_by_index_repair(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    settings = make_settings(tmp_path, seed_copy)
    ensure_index(settings, progress=False)
    settings.catalog_path.write_text("{not json", encoding="utf-8")

    code, out, err = run_cli(settings, monkeypatch, capsys, "index", "--repair", "--no-progress")

    assert code == 0, err
    assert f"repair: the class catalog {settings.catalog_path} cannot be read" in err
    assert "0 chunks embedded" in out  # the store was whole: only the catalog is rebuilt
    assert_answers(settings)

"""Server start (issue 13): a whole index on disk answers at once while the run that brings it
up to date with the sources goes on in the background; with no index, it is built first."""

from __future__ import annotations

import json
import shutil
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

import web.state
from assistant.indexing import ensure_index
from index.build import IndexSummary
from tests.conftest import make_settings, running_server
from web.state import ServerState

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "standards"
WATER = "water-treatment-operator-series.md"
WATER_QUESTION = "What grade is a Water Treatment Operator II?"


def test_a_whole_index_answers_while_the_sources_are_indexed_in_the_background(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(tmp_path, sources=seed_copy)
    ensure_index(settings, progress=False)
    shutil.copy(FIXTURES / WATER, seed_copy / WATER)  # added while the server was down
    may_finish, finished = threading.Event(), threading.Event()

    def held_index(*args: object, **kwargs: object) -> IndexSummary:
        assert may_finish.wait(60)
        return ensure_index(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(web.state, "ensure_index", held_index)
    reports: list[str] = []
    state = ServerState(settings)

    state.start(lambda line: (reports.append(line), finished.set()))

    assert state.indexing and not reports
    before = state.assistant()
    assert "$30,840" in before.ask("What is the salary range of a CPSS II?").text
    assert "U14" not in before.ask(WATER_QUESTION).text
    may_finish.set()
    assert finished.wait(120)
    assert not state.indexing
    assert reports[0].startswith("index: ") and "1 added" in reports[0]
    after = state.assistant()
    assert after is not before  # the new document is answered from now on
    assert "U14" in after.ask(WATER_QUESTION).text


def test_with_no_index_the_server_builds_it_before_it_serves(
    tmp_path: Path, seed_copy: Path
) -> None:
    state = ServerState(make_settings(tmp_path, sources=seed_copy))
    reports: list[str] = []

    state.start(reports.append)

    assert not state.indexing
    assert reports and reports[0].startswith("index: ") and "2 added" in reports[0]
    assert "$30,840" in state.assistant().ask("What is the salary range of a CPSS II?").text


def test_a_run_that_changes_nothing_keeps_the_open_assistant(
    tmp_path: Path, seed_copy: Path
) -> None:
    state = ServerState(make_settings(tmp_path, sources=seed_copy))
    state.reindex()
    opened = state.assistant()

    state.reindex()
    assert state.assistant() is opened
    (seed_copy / WATER).write_bytes((FIXTURES / WATER).read_bytes())
    state.reindex()
    assert state.assistant() is not opened


def _call(url: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return dict(json.load(response))
    except urllib.error.HTTPError as error:  # 503 while no index: its body says why
        return dict(json.load(error))


def test_serve_answers_at_once_and_indexes_the_sources_once_it_serves(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(tmp_path, sources=seed_copy)
    ensure_index(settings, progress=False)
    shutil.copy(FIXTURES / WATER, seed_copy / WATER)
    monkeypatch.setenv("ASSISTANT_SOURCES_DIR", str(seed_copy))

    command = [sys.executable, "-m", "assistant", "serve"]
    with running_server(command, settings.data_dir, ROOT) as url:
        deadline = time.monotonic() + 120
        while (health := _call(f"{url}/api/health"))["indexing"]:
            assert health["status"] == "ok"  # answering from the index there was
            assert time.monotonic() < deadline, "the index run at start never finished"
            time.sleep(0.2)
        answer = _call(f"{url}/api/ask", {"question": WATER_QUESTION})

    assert health["status"] == "ok" and health["documents"] == 3
    assert "U14" in answer["answer"]

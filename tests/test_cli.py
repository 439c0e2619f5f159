"""The command line as scripts and evaluators use it: subprocesses, exit codes, JSON lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, get_settings
from cli import main

QUESTIONS = [
    {
        "id": "salary",
        "question": "What is the salary range for a Certified Peer Support Specialist II?",
    },
    {"id": "reqs", "question": "What are the requirements for CPS 2?"},
    {
        "id": "ny-dollars",
        "question": "How much does a Certified Peer Specialist 2 earn in New York?",
    },
    {
        "id": "follow-up",
        "question": "and the next level up?",
        "history": [{"user": "What salary group is CPSS I?", "assistant": "A10"}],
    },
]


def cli(*args: str, stdin: str = "", store: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "ASSISTANT_EMBEDDING_MODEL": "fake"}
    command = [sys.executable, "-m", "assistant", *args]
    if store is not None:
        command += ["--store", str(store)]
    return subprocess.run(
        command, input=stdin, capture_output=True, text=True, env=env, cwd=PROJECT_ROOT, timeout=300
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    result = cli("index", "--no-progress", store=path)
    assert result.returncode == 0, result.stderr
    assert "2 added" in result.stdout
    return path


def test_ask_jsonl_answers_each_line(store: Path) -> None:
    lines = "\n".join(json.dumps(q) for q in QUESTIONS) + "\n"
    result = cli("ask", "--jsonl", stdin=lines, store=store)
    assert result.returncode == 0, result.stderr
    answers = {a["id"]: a for a in map(json.loads, result.stdout.splitlines())}
    assert list(answers) == [q["id"] for q in QUESTIONS]
    for answer in answers.values():
        assert {"id", "answer", "abstained", "citations", "latency_ms"} <= set(answer)
        assert answer["latency_ms"] > 0
        assert all({"source", "section", "quote"} <= set(c) for c in answer["citations"])
    assert "$46,798" in answers["salary"]["answer"]
    assert answers["salary"]["citations"][0]["source"].startswith("texas/")
    assert "NYPSCB" in answers["reqs"]["answer"]
    assert answers["ny-dollars"]["abstained"] and "Grade 14" in answers["ny-dollars"]["answer"]
    assert "A12" in answers["follow-up"]["answer"]


def test_ask_jsonl_reports_a_bad_line_and_goes_on(store: Path) -> None:
    lines = 'not json\n{"id": "e", "question": ""}\n' + json.dumps(QUESTIONS[0]) + "\n"
    result = cli("ask", "--jsonl", stdin=lines, store=store)
    assert result.returncode == 1
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == 3
    assert "line 1" in answers[0]["error"] and answers[1]["id"] == "e" and answers[1]["error"]
    assert "$46,798" in answers[2]["answer"]


def test_ask_json_prints_one_object(store: Path) -> None:
    result = cli("ask", "What salary group is CPSS I?", "--json", store=store)
    assert result.returncode == 0, result.stderr
    assert "A10" in json.loads(result.stdout)["answer"]


def test_ask_prints_citations_for_people(store: Path) -> None:
    result = cli("ask", "What is the salary range for CPSS II?", store=store)
    assert result.returncode == 0
    assert "[1] texas/certified-peer-support-specialist-ii.txt" in result.stdout
    assert "$30,840 - $46,798" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("ask", "What is the salary range for CPSS II?"),  # no index at that store
        ("ask", "   "),
        ("index", "--sources", "/no/such/folder"),
        ("eval-catalog", "--labels", "/no/such/labels.yaml"),
    ],
)
def test_errors_are_one_line_with_a_non_zero_exit(
    tmp_path: Path, store: Path, args: tuple[str, ...]
) -> None:
    target = tmp_path / "missing" if args[1] != "   " else store
    result = cli(*args, store=target)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("error:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_serve_takes_the_flag_that_unprotects_bundled_standards(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`serve --allow-delete-bundled` and ASSISTANT_ALLOW_DELETE_BUNDLED=1 reach Settings;
    without either, the standards that came with the server stay protected."""
    import web.app

    seen: list[bool] = []
    monkeypatch.setattr(web.app, "serve", lambda s: seen.append(s.allow_delete_bundled))
    monkeypatch.delenv("ASSISTANT_ALLOW_DELETE_BUNDLED", raising=False)
    assert main(["serve"]) == 0
    assert main(["serve", "--allow-delete-bundled"]) == 0
    monkeypatch.setenv("ASSISTANT_ALLOW_DELETE_BUNDLED", "1")
    get_settings.cache_clear()  # settings are read once per process
    try:
        assert main(["serve"]) == 0
    finally:
        get_settings.cache_clear()
    assert seen == [False, True, True]

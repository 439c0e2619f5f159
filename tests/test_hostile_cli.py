"""Hostile and careless input at the command line (issue 11): an error message or an error line,
never a traceback, and a `--jsonl` batch that answers every good line whatever the bad ones are."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, get_settings
from assistant.service import Assistant
from cli import main

GOOD = json.dumps({"id": "good", "question": "What is the salary range of a CPSS II?"})
# One of each kind of bad line, as bytes, each between two good ones in the batch.
BAD_LINES = [
    b'{"id": "surrogate", "question": "\\ud800"}',
    b'{"id": "\\udfff", "question": "grade of CPS 1?"}',
    b"[" * 100_000 + b"]" * 100_000,
    b'{"id": "deep", "question": "x", "history": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    b'{"id": "latin1", "question": "caf\xe9 \xff\xfe"}',
    b"\xff\xfe\x00\x00",
    b"{not json",
    b'"just a string"',
    b'{"id": "long-history", "question": "and CPS 2?", "history": '
    + json.dumps([{"user": "grade of CPS 1?"}] * 1000).encode()
    + b"}",
]


@pytest.fixture
def fake_cli(fake_assistant: Assistant, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The CLI in this process, reading the fake assistant's index; its store folder."""
    monkeypatch.setenv("ASSISTANT_EMBEDDING_MODEL", "fake")
    get_settings.cache_clear()
    return fake_assistant.settings.chroma_path


def run_jsonl(lines: list[bytes], store: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    stdin = io.TextIOWrapper(io.BytesIO(b"\n".join(lines) + b"\n"), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    return main(["ask", "--jsonl", "--store", str(store)])


def test_a_lone_surrogate_in_a_question_is_answered(
    fake_cli: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["ask", "--store", str(fake_cli), "What is the salary range of a CPSS II?\ud800"])

    out = capsys.readouterr().out
    assert code == 0 and "$30,840" in out
    code = main(["ask", "--json", "--store", str(fake_cli), "\ud800\udc80"])
    assert code == 0 and "\ufffd" in json.loads(capsys.readouterr().out)["standalone_question"]


def test_each_bad_jsonl_line_gets_one_error_line_and_the_batch_goes_on(
    fake_cli: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [GOOD.encode()]
    for bad in BAD_LINES:
        lines += [bad, GOOD.encode()]

    code = run_jsonl(lines, fake_cli, monkeypatch)

    answers = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 1  # some lines failed
    assert len(answers) == len(lines)
    good = answers[::2]
    assert all("$30,840" in a["answer"] and "error" not in a for a in good)
    errors = {a["id"]: a.get("error") for a in answers[1::2]}
    # A readable question (a lone surrogate replaced) is answered, not refused.
    assert errors["surrogate"] is None and errors["\ufffd"] is None
    failed = [a["error"] for a in answers[1::2] if a.get("error")]
    assert len(failed) == len(BAD_LINES) - 2
    assert any("nested more than" in e for e in failed)
    assert any("history holds 1000 turns" in e for e in failed)


def test_a_bad_jsonl_batch_over_a_real_stdin_ends_with_every_line_answered(
    fake_assistant: Assistant,
) -> None:
    """The installed command, bytes on its stdin and its stdout a pipe: nothing stops it."""
    lines = [GOOD.encode(), *BAD_LINES, GOOD.encode()]
    env = {**os.environ, "ASSISTANT_EMBEDDING_MODEL": "fake", "PYTHONIOENCODING": ""}
    store = str(fake_assistant.settings.chroma_path)
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--jsonl", "--store", store],
        input=b"\n".join(lines) + b"\n",
        capture_output=True,
        env=env,
        cwd=PROJECT_ROOT,
        timeout=300,
    )

    out = result.stdout.decode("utf-8").splitlines()
    assert result.returncode == 1, result.stderr.decode(errors="replace")[-2000:]
    assert b"Traceback" not in result.stderr
    assert len(out) == len(lines)
    assert "$30,840" in json.loads(out[-1])["answer"]


@pytest.mark.parametrize("port", ["99999", "0", "-1", "65536", "http", "80.5"])
def test_serve_refuses_a_port_that_is_not_one(
    port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--port", port])

    assert exit_.value.code == 2
    assert f"{port!r} is not a port: give a number from 1 to 65535" in capsys.readouterr().err


def test_a_port_from_the_environment_is_checked_too(monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import ValidationError

    from assistant.config import Settings

    monkeypatch.setenv("ASSISTANT_PORT", "99999")
    with pytest.raises(ValidationError, match="65535"):
        Settings()

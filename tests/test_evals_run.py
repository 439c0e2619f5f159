"""The eval runner and command end to end with the fake embedder: the `ask --jsonl` path, any
folder of sources, reports, --baseline, --compare, exit codes and dataset errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.batch import answer_request
from assistant.config import PROJECT_ROOT
from assistant.service import Assistant
from cli import main
from evals.dataset import EvalCase, load_dataset
from evals.runner import AssistantSystem, evaluate
from tests.conftest import make_settings

TX = "texas/certified-peer-support-specialist-ii.txt"
NY = "new-york/certified-peer-specialist-series.txt"
SMALL_SET = f"""
cases:
  - id: tx-max
    kind: salary
    question: cpss ii max salary tx?
    expected: ["$46,798"]
    sources: [{TX}]
  - id: ny-dollars
    kind: salary
    question: How much does a CPS 2 earn in New York?
    expected: ["Grade 14"]
    sources: [{NY}]
    answer_absent: true
  - id: nurse
    kind: unanswerable
    question: What is the salary range for a Registered Nurse in Texas?
    answer_absent: true
"""


def test_answers_go_through_ask_jsonl_and_stay_stable(fake_assistant: Assistant) -> None:
    case = EvalCase(
        id="tx-max", kind="salary", question="cpss ii max?", expected=("$46,798",), sources=(TX,)
    )
    system = AssistantSystem(fake_assistant)
    first, second = system.answer(case), system.answer(case)
    assert first == second
    assert "$46,798" in first.text and first.citations
    assert first.retrieved and all(p.text for p in first.retrieved)  # texts via assistant.chunk
    response = answer_request(fake_assistant, case.request())
    assert response["answer"] == first.text and response["id"] == "tx-max"
    assert [c["quote"] for c in response["citations"]] == [c.quote for c in first.citations]


def test_any_folder_of_sources_and_a_jsonl_qa_file(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in (
        "water-treatment-operator-series.md",
        "gs-0303-miscellaneous-clerk-and-assistant.txt",
    ):
        shutil.copy(PROJECT_ROOT / "tests" / "fixtures" / "standards" / name, sources / name)
    qa = tmp_path / "water.jsonl"
    rows = [
        {
            "id": "wto-2-code",
            "kind": "code",
            "question": "class code of Water Treatment Operator II?",
            "expected": ["7412"],
            "sources": ["water-treatment-operator-series.md"],
        },
        {
            "id": "pilot",
            "kind": "unanswerable",
            "question": "What does an airline pilot earn?",
            "answer_absent": True,
        },
    ]
    qa.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    settings = make_settings(tmp_path, sources=sources)
    evaluation = evaluate(load_dataset(qa), settings, k=5, baseline=True, progress=False)
    mine, theirs = evaluation.assistant, evaluation.baseline
    assert theirs is not None and mine.summary.cases == theirs.summary.cases == 2
    assert mine.summary.hit_at_k == 1.0 and mine.results[0].scores.fact_recall == 1.0
    assert theirs.results[0].answer.retrieved and theirs.summary.hit_at_k is not None
    assert not any(r.answer.abstained for r in theirs.results)  # the baseline never abstains


def eval_command(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "eval", *args, "--no-progress"],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=300,
        env={**os.environ, "ASSISTANT_EMBEDDING_MODEL": "fake", **env},
    )


def test_eval_command_reports_compares_and_exits_by_the_gate(tmp_path: Path) -> None:
    dataset = tmp_path / "small.yaml"
    dataset.write_text(SMALL_SET, encoding="utf-8")
    env = {"ASSISTANT_DATA_DIR": str(tmp_path / "data")}
    store, first = str(tmp_path / "store"), tmp_path / "first"

    result = eval_command(
        str(dataset), "--store", store, "--report", str(first), "--baseline", "--no-gate", env=env
    )
    assert result.returncode == 0, result.stderr
    assert "| assistant/baseline" in result.stdout and "small: " in result.stdout
    report = json.loads((first / "report.json").read_text(encoding="utf-8"))
    assert report["assistant"]["summary"]["cases"] == 3 and report["baseline"] is not None
    assert "## By kind" in (first / "report.md").read_text(encoding="utf-8")
    ragas = (first / "ragas.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(ragas) == 3 and set(json.loads(ragas[0])) == {
        "user_input",
        "retrieved_contexts",
        "response",
        "reference",
    }

    impossible = {**env, "ASSISTANT_EVAL_MIN_FACT_RECALL": "1.01"}
    result = eval_command(
        str(dataset),
        "--store",
        store,
        "--report",
        str(tmp_path / "second"),
        "--compare",
        str(first / "report.json"),
        env=impossible,
    )
    assert result.returncode == 1
    assert "GATE FAILED: fact recall" in result.stderr
    assert "Improved:" in result.stdout and "Regressed:" in result.stdout


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            "- id: a\n  kind: code\n  question: q\n  expected: [4008]\n  sources: [t.txt]\n"
            "- id: b\n  kind: code\n",
            "qa.yaml:6: case 'b': missing required field `question`",
        ),
        ("- id: a\n  kind: code\n  question: [\n", "qa.yaml:4: not valid YAML"),
    ],
)
def test_a_malformed_dataset_exits_2_naming_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, where: str
) -> None:
    path = tmp_path / "qa.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["eval", str(path), "--store", str(tmp_path / "store")]) == 2
    error = capsys.readouterr().err
    assert "invalid dataset" in error and where in error
    assert not (tmp_path / "store").exists()  # nothing indexed for a dataset that cannot run

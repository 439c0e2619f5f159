"""QA datasets: the development set is valid and honest; malformed files say where and what."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT
from evals.dataset import KNOWN_KINDS, DatasetError, facts_missing_from_sources, load_dataset

DEV_SET = PROJECT_ROOT / "evals" / "datasets" / "dev.yaml"


def test_the_development_set_is_valid_and_covers_every_kind() -> None:
    dataset = load_dataset(DEV_SET)
    assert len(dataset.cases) >= 60
    assert set(KNOWN_KINDS) <= set(dataset.kinds)
    assert any(c.answer_absent and c.expected for c in dataset.cases)  # "say Grade 14" cases
    assert any(c.history for c in dataset.cases)


def test_every_expected_fact_occurs_in_its_cited_source() -> None:
    dataset = load_dataset(DEV_SET)
    assert facts_missing_from_sources(dataset, PROJECT_ROOT / "sources") == []


def test_the_honesty_check_catches_a_fact_the_source_does_not_hold(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.yaml",
        """
        - id: ny-dollars
          kind: salary
          question: What does a CPS 2 earn?
          expected: ["$46,798"]
          sources: [new-york/certified-peer-specialist-series.txt]
        - id: gone
          kind: code
          question: code?
          expected: ["1"]
          sources: [missing.txt]
    """,
    )
    problems = facts_missing_from_sources(load_dataset(path), PROJECT_ROOT / "sources")
    assert len(problems) == 2
    assert "bad.yaml:1: case 'ny-dollars': expected '$46,798' occurs in none" in problems[0]
    assert "source 'missing.txt' not found" in problems[1]


def write(path: Path, text: str) -> Path:
    lines = text.splitlines()[1:]
    indent = min(len(x) - len(x.lstrip()) for x in lines if x.strip())
    path.write_text("\n".join(x[indent:] for x in lines) + "\n", encoding="utf-8")
    return path


def test_a_plain_list_single_strings_and_numbers_are_accepted(tmp_path: Path) -> None:
    path = write(
        tmp_path / "qa.yml",
        """
        - id: one
          kind: Grade
          question: What group is 4008 in?
          expected: A12
          sources: texas/certified-peer-support-specialist-ii.txt
        - id: 2
          kind: code
          question: What is the code of CPSS II?
          expected: [4008]
          sources: [texas/certified-peer-support-specialist-ii.txt]
    """,
    )
    case, numbers = load_dataset(path).cases
    assert case.expected == ("A12",) and case.kind == "grade" and case.line == 1
    assert numbers.id == "2" and numbers.expected == ("4008",)
    assert case.request() == {"id": "one", "question": "What group is 4008 in?", "history": []}


def test_jsonl_with_history(tmp_path: Path) -> None:
    path = tmp_path / "qa.jsonl"
    path.write_text(
        '{"id": "a", "kind": "salary", "question": "CPSS I range?", "expected": ["$27,910"], '
        '"sources": ["texas/certified-peer-support-specialist-ii.txt"]}\n\n'
        '{"id": "b", "kind": "follow-up", "question": "and level II?", "expected": ["A12"], '
        '"sources": ["t.txt"], "history": [{"user": "CPSS I group?", "assistant": "A10"}]}\n',
        encoding="utf-8",
    )
    dataset = load_dataset(path)
    assert [c.id for c in dataset.cases] == ["a", "b"] and dataset.name == "qa"
    assert dataset.cases[1].line == 3
    assert dataset.cases[1].request()["history"] == [{"user": "CPSS I group?", "assistant": "A10"}]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- id: a\n  kind: salary\n  question: [unclosed\n", "qa.yaml:4: not valid YAML"),
        (
            "cases:\n  - id: a\n    kind: code\n    expected: ['4008']\n    sources: [t.txt]\n",
            "qa.yaml:2: case 'a': missing required field `question`",
        ),
        (
            "- id: a\n  kind: code\n  question: q\n  expect: ['4008']\n",
            "qa.yaml:1: case 'a': unknown field `expect`",
        ),
        ("- id: a\n  kind: code\n  question: q\n", "qa.yaml:1: case 'a': `expected` is empty"),
        (
            "- id: a\n  kind: code\n  question: q\n  expected: ['4008']\n",
            "qa.yaml:1: case 'a': `expected` facts need the `sources`",
        ),
        (
            "- id: a\n  kind: x\n  question: q\n  answer_absent: true\n"
            "- id: a\n  kind: x\n  question: q\n  answer_absent: true\n",
            "qa.yaml:5: case 'a': duplicate id (first on line 1)",
        ),
        (
            "- id: a\n  kind: x\n  question: q\n  answer_absent: maybe\n",
            "qa.yaml:1: case 'a': `answer_absent`: Input should be a valid boolean",
        ),
        (
            "- id: two words\n  kind: x\n  question: q\n  answer_absent: true\n",
            "qa.yaml:1: case 'two words': `id`: Value error, must be letters",
        ),
        (
            "- id: a\n  kind: x\n  question: q\n  answer_absent: true\n"
            "  history: [{assistant: hi}]\n",
            "qa.yaml:1: case 'a': missing required field `history.0.user`",
        ),
        ("- just a string\n", "qa.yaml:1: a case must be a mapping, not str"),
        ("name: x\ncases: {}\n", "qa.yaml:2: cases must be a list"),
        ("nme: x\ncases: []\n", "qa.yaml:1: unknown top-level key(s): nme"),
        ("", "qa.yaml: the file is empty"),
        ("[]\n", "qa.yaml: no cases"),
    ],
)
def test_malformed_yaml_names_the_line_and_the_problem(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "qa.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DatasetError) as raised:
        load_dataset(path)
    assert message in str(raised.value)


def test_malformed_jsonl_names_every_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "qa.jsonl"
    path.write_text(
        '{"id": "a", "kind": "x", "question": "q", "answer_absent": true}\n'
        '{"id": "b", "kind": "x", "question": "q"\n'
        '{"id": "c", "kind": "x", "question": "q", "answer_absent": true}\n'
        "not json\n",
        encoding="utf-8",
    )
    with pytest.raises(DatasetError) as raised:
        load_dataset(path)
    assert [line for line, _ in raised.value.problems] == [2, 4]
    assert f"{path}:2: not valid JSON" in str(raised.value)


@pytest.mark.parametrize("name", ["missing.yaml", "qa.csv"])
def test_wrong_files(tmp_path: Path, name: str) -> None:
    (tmp_path / "qa.csv").write_text("id,question\n", encoding="utf-8")
    with pytest.raises(DatasetError):
        load_dataset(tmp_path / name)

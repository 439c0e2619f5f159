"""Reports from a run of a stub system (no model): Markdown, JSON, Ragas JSONL, --compare."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.dataset import Dataset, EvalCase, HistoryTurn
from evals.report import (
    ReportError,
    compare,
    load_report,
    markdown,
    ragas_rows,
    side_by_side,
    to_json,
    write_reports,
)
from evals.results import CitedQuote, RetrievedPassage, RunResult, SystemAnswer
from evals.runner import answer_from_response, run_cases

TX = "texas/cpss.txt"
ROW = "CERTIFIED PEER SUPPORT SPECIALIST II\t4008\tA12\t$30,840 - $46,798"
CASES = (
    EvalCase(
        id="max", kind="salary", question="cpss ii max?", expected=("$46,798",), sources=(TX,)
    ),
    EvalCase(
        id="ny-dollars",
        kind="salary",
        question="CPS 2 pay in NY?",
        expected=("Grade 14",),
        sources=("ny.txt",),
        answer_absent=True,
    ),
    EvalCase(
        id="next",
        kind="follow-up",
        question="and level I?",
        expected=("A10",),
        sources=(TX,),
        history=(HistoryTurn(user="CPSS II group?", assistant="A12"),),
    ),
)


class StubSystem:
    """Answers from a table; what is not in it, it answers wrongly."""

    def __init__(self, name: str, answers: dict[str, SystemAnswer]) -> None:
        self.name = name
        self.answers = answers

    def answer(self, case: EvalCase) -> SystemAnswer:
        if case.id == "boom":
            raise RuntimeError("store went away")
        return self.answers.get(case.id, SystemAnswer("I cannot say.", False))


def good_answer() -> SystemAnswer:
    return SystemAnswer(
        "The maximum is $46,798 [1].",
        False,
        (CitedQuote(TX, "table", ROW),),
        (RetrievedPassage(TX, "table", "tx#1", ROW),),
    )


def run(
    name: str, answers: dict[str, SystemAnswer], cases: tuple[EvalCase, ...] = CASES
) -> RunResult:
    dataset = Dataset(path=Path("dev.yaml"), cases=cases, name="dev")
    return run_cases(StubSystem(name, answers), dataset, k=5, progress=False)


def test_markdown_lists_summary_kinds_and_every_failed_case_with_its_answer() -> None:
    mine = run("assistant", {"max": good_answer()})
    theirs = run("baseline", {})
    page = markdown(mine, theirs, ["fact recall 0.333 (required >= 1)"])
    assert "**Gate: FAILED**: fact recall 0.333" in page
    assert "| metric" in page and "| baseline" in page and "| ratio" in page
    assert "| follow-up" in page and "| salary" in page
    assert "## Failed cases (2)" in page
    assert "### `ny-dollars` (salary)" in page and "should abstain" in page
    assert "- earlier turn: 'CPSS II group?' -> 'A12'" in page
    assert "> I cannot say." in page and "(no citations)" in page
    assert "### `max`" not in page


def test_side_by_side_shows_both_systems_and_their_ratio() -> None:
    lines = side_by_side(run("assistant", {"max": good_answer()}), run("baseline", {}))
    assert lines[0].startswith("| system") and len(lines) == 5
    assert lines[2].startswith("| assistant ") and lines[3].startswith("| baseline ")
    assert lines[4].startswith("| assistant/baseline") and "n/a" in lines[4]


def test_json_report_holds_the_same_data_and_ratios(tmp_path: Path) -> None:
    mine, theirs = run("assistant", {"max": good_answer()}), run("baseline", {"max": good_answer()})
    written = write_reports(tmp_path / "r", mine, theirs, [])
    data = json.loads(written["json"].read_text(encoding="utf-8"))
    assert data["gate"] == {"passed": True, "failures": []}
    assert data["assistant"]["summary"]["cases"] == 3
    assert data["assistant"]["summary"]["fact_recall"] == pytest.approx(1 / 3)
    assert data["ratios"]["fact_recall"] == pytest.approx(1.0)
    case = data["assistant"]["cases"][0]
    assert case["id"] == "max" and case["passed"] and case["answer"]["citations"][0]["quote"] == ROW
    assert set(data["assistant"]["by_kind"]) == {"salary", "follow-up"}
    assert written["markdown"].is_file() and written["baseline_ragas"].is_file()


def test_ragas_export_has_one_sample_per_case_in_order(tmp_path: Path) -> None:
    rows = ragas_rows(run("assistant", {"max": good_answer()}))
    assert [set(r) for r in rows] == [
        {"user_input", "retrieved_contexts", "response", "reference"}
    ] * 3
    assert rows[0] == {
        "user_input": "cpss ii max?",
        "retrieved_contexts": [ROW],
        "response": "The maximum is $46,798 [1].",
        "reference": "$46,798",
    }
    assert rows[1]["reference"] == "The sources do not state this. They do state: Grade 14."
    assert rows[2]["user_input"] == "User: CPSS II group?\nAssistant: A12\nUser: and level I?"


def test_compare_tells_what_improved_and_what_regressed() -> None:
    old = to_json(run("assistant", {}), None, [])
    new = to_json(run("assistant", {"max": good_answer()}), None, [])
    lines = compare(old, new)
    assert lines[0] == "Improved:"
    assert any("fact recall: 0.0% -> 33.3%" in line for line in lines)
    assert "  + case max (salary): now passes" in lines
    back = compare(new, old)
    assert "  - case max (salary): now fails: missing $46,798" in back


def test_a_case_that_raises_is_recorded_as_an_error_and_the_run_goes_on() -> None:
    boom = EvalCase(id="boom", kind="code", question="?", expected=("4008",), sources=(TX,))
    result = run("assistant", {"max": good_answer()}, (boom, CASES[0]))
    assert result.summary.errors == 1 and result.summary.passed == 1
    assert result.results[0].answer.error == "RuntimeError: store went away"
    assert "- **error: RuntimeError: store went away**" in markdown(result)


def test_load_report_rejects_what_is_not_a_report(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ReportError):
        load_report(tmp_path / "x.json")
    with pytest.raises(ReportError):
        load_report(tmp_path / "missing.json")


def test_responses_of_ask_jsonl_are_read_with_passage_texts() -> None:
    response = {
        "id": "max",
        "answer": "Max $46,798 [1].",
        "abstained": False,
        "citations": [{"source": TX, "section": "table", "quote": ROW}],
        "latency_ms": 3.0,
        "standalone_question": "max of CPSS II?",
        "classes": ["Certified Peer Support Specialist II"],
        "retrieved": [{"source": TX, "section": "table", "chunk_id": "tx#1"}],
    }
    answer = answer_from_response(response, {"tx#1": ROW}.get)
    assert answer.retrieved[0].text == ROW and answer.citations[0].quote == ROW
    assert answer.classes == ("Certified Peer Support Specialist II",)
    failed = answer_from_response({"id": "x", "answer": "", "error": "bad request"}, dict().get)
    assert failed.error == "bad request"

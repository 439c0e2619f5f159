"""The evaluation's scoring functions on small hand-made answers (no model, no store)."""

from __future__ import annotations

import pytest

from evals import metrics
from evals.config import Thresholds
from evals.dataset import EvalCase
from evals.results import CaseResult, CitedQuote, RetrievedPassage, SystemAnswer
from evals.scoring import score_case, summarise


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("The maximum is $46,798.", "$46,798"),
        ("max 46798", "$46,798"),
        ("max 46,798", "\\$46,798"),
        ("range \\$30,840 – \\$46,798", "$30,840 - $46,798"),
        ("GRADE   14", "Grade 14"),
        ("needs two years of\npost-certification experience", "two years of post-certification"),
    ],
)
def test_facts_match_across_number_formats_case_dashes_and_spaces(text: str, fact: str) -> None:
    assert metrics.contains_fact(text, fact)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Certified Peer Support Specialist II", "Certified Peer Support Specialist I"),
        ("Grade 14", "Grade 1"),
        ("code 40080", "4008"),
        ("group A12", "A1"),
        ("$46,799", "$46,798"),
    ],
)
def test_facts_do_not_match_inside_longer_words_or_numbers(text: str, fact: str) -> None:
    assert not metrics.contains_fact(text, fact)


def test_exact_match_wants_the_source_number_format() -> None:
    assert metrics.exact_match("It is $46,798 [1].", ["$46,798"]) is True
    assert metrics.exact_match("It is 46798 [1].", ["$46,798"]) is False
    assert metrics.fact_recall("It is 46798 [1].", ["$46,798"]) == 1.0
    assert metrics.exact_match("anything", []) is None


def test_fact_recall_counts_each_fact() -> None:
    assert metrics.fact_recall("A12 only", ["A12", "Grade 14"]) == 0.5
    assert metrics.fact_recall("anything", []) is None


def test_numbers_are_normalised_and_citation_markers_ignored() -> None:
    found = metrics.numbers_in(
        "Range \\$30,840 - $46,798 [1][2], group a12, GS-5, 4/2024, code 5574200 [3, 4]"
    )
    assert found == {"30840", "46798", "A12", "GS-5", "4", "2024", "5574200"}
    assert metrics.numbers_in("CPS2 and a 12") == {"12"}
    # A currency sign glued to a title starts its amount: the row's figure, not a code.
    assert metrics.numbers_in("Library Technician I$29,219") == {"29219"}
    assert metrics.invented_numbers("$29,219 [1]", ["Library Technician I$29,219"]) == []


def test_invented_numbers_are_figures_in_no_cited_quote_nor_in_the_question() -> None:
    quotes = ["CERTIFIED PEER SUPPORT SPECIALIST II\t4008\tA12\t$30,840 - $46,798"]
    assert metrics.invented_numbers("The maximum is $46,798 [1].", quotes) == []
    assert metrics.invented_numbers("The maximum is 46798 [1].", quotes) == []
    assert metrics.invented_numbers("The maximum is $47,000 [1].", quotes) == ["47000"]
    assert (
        metrics.invented_numbers(
            "$47,500 is above the maximum, $46,798 [1].",
            quotes,
            ["can we hire a CPSS II at $47,500?"],
        )
        == []
    )
    assert metrics.invented_numbers("Grade 14 [1]", []) == ["14"]


def test_citation_precision_and_fact_support() -> None:
    quotes = ["Certified Peer Specialist 2, Grade 14\t5574200", "Positions are non-competitive"]
    assert metrics.citation_precision(quotes, ["Grade 14"]) == 0.5
    assert metrics.citation_precision([], ["Grade 14"]) is None
    assert metrics.fact_support("Grade 14 and 5574200", quotes, ["Grade 14", "5574200"]) == 1.0
    assert metrics.fact_support("Grade 14", ["unrelated"], ["Grade 14"]) == 0.0
    assert metrics.fact_support("nothing stated", quotes, ["Grade 14"]) is None


def test_abstention_precision_and_recall() -> None:
    pairs = [(True, True), (True, False), (False, True), (False, False)]  # (abstained, absent)
    assert metrics.abstention_precision(pairs) == 0.5
    assert metrics.abstention_recall(pairs) == 0.5
    assert metrics.abstention_precision([(False, False)]) is None
    assert metrics.abstention_recall([(True, False)]) is None


def test_retrieval_ranks() -> None:
    ranked = ["ny.txt", "tx.txt", "ny.txt"]
    assert metrics.retrieval_ranks(ranked, ["tx.txt"], k=5) == {
        "hit_at_1": 0.0,
        "hit_at_k": 1.0,
        "mrr": 0.5,
        "recall_at_k": 1.0,
    }
    assert metrics.retrieval_ranks(ranked, ["tx.txt", "ca.txt"], k=1)["recall_at_k"] == 0.0
    assert metrics.retrieval_ranks(ranked, ["tx.txt", "ny.txt"], k=5)["recall_at_k"] == 1.0
    assert metrics.retrieval_ranks(ranked, ["ca.txt"], k=5)["mrr"] == 0.0
    assert metrics.retrieval_ranks(ranked, [], k=5)["hit_at_1"] is None


def test_percentile_and_mean() -> None:
    assert metrics.percentile([10, 20, 30, 40], 50) == 25
    assert metrics.percentile([10.0], 95) == 10
    assert metrics.percentile([], 50) is None
    assert metrics.mean([1.0, None, 0.0, True]) == pytest.approx(2 / 3)
    assert metrics.mean([None]) is None


def _case(**fields: object) -> EvalCase:
    return EvalCase.model_validate({"id": "c", "question": "q?", "kind": "salary", **fields})


def test_a_case_passes_only_with_every_fact_the_right_abstention_and_no_invented_figure() -> None:
    case = _case(expected=["$46,798"], sources=["tx.txt"])
    cited = (CitedQuote("tx.txt", "table", "$30,840 - $46,798"),)
    retrieved = (RetrievedPassage("tx.txt", "table", "tx#1", "$30,840 - $46,798"),)
    good = score_case(case, SystemAnswer("Max $46,798 [1].", False, cited, retrieved), k=5)
    assert good.passed and good.exact_match and good.hit_at_1 == 1.0
    assert good.context_recall == 1.0 and good.citation_precision == 1.0
    invented = score_case(case, SystemAnswer("Max $46,798, min $30,000 [1].", False, cited), 5)
    assert not invented.passed and invented.invented_numbers == ("30000",)
    wrong_abstention = score_case(case, SystemAnswer("Max $46,798 [1].", True, cited), 5)
    assert not wrong_abstention.passed
    missing = score_case(case, SystemAnswer("No idea.", False), 5)
    assert missing.facts_missing == ("$46,798",) and missing.context_recall is None


def test_class_titles_and_earlier_turns_are_not_invented_numbers() -> None:
    case = _case(
        question="and level 2?", history=[{"user": "grade of CPS 1?", "assistant": "Grade 11"}]
    )
    answer = SystemAnswer(
        "Certified Peer Specialist 2 is at Grade 14 [1].",
        False,
        (CitedQuote("ny.txt", "", "Certified Peer Specialist 2, Grade 14"),),
        classes=("Certified Peer Specialist 2",),
    )
    assert (
        score_case(case.model_copy(update={"expected": ("Grade 14",)}), answer, 5).invented_numbers
        == ()
    )


def test_summary_and_thresholds() -> None:
    absent = _case(id="absent", answer_absent=True, kind="unanswerable")
    found = _case(id="found", expected=["A12"], sources=["tx.txt"])
    results = [
        CaseResult(
            absent,
            a := SystemAnswer("Not in the sources.", True, latency_ms=10),
            score_case(absent, a, 5),
        ),
        CaseResult(
            found,
            b := SystemAnswer(
                "A12 and 99 [1]", False, (CitedQuote("tx.txt", "", "A12"),), latency_ms=30
            ),
            score_case(found, b, 5),
        ),
    ]
    summary = summarise(results, total_s=0.04)
    assert summary.cases == 2 and summary.passed == 1
    assert summary.fact_recall == 1.0 and summary.abstention_accuracy == 1.0
    assert summary.abstention_precision == 1.0 and summary.abstention_recall == 1.0
    assert summary.invented_numbers == 1 and summary.latency_p50_ms == 20
    failures = Thresholds().failures(summary)
    assert failures == ["invented numbers 1 (required <= 0)"]
    assert Thresholds(max_invented_numbers=None).failures(summary) == []
    assert Thresholds(min_fact_recall=None, max_latency_p95_ms=5).failures(summary) == [
        "invented numbers 1 (required <= 0)",
        "latency p95 ms 29 (required <= 5)",
    ]


def test_the_heading_a_quote_is_shown_under_is_not_an_invented_number() -> None:
    """A table row is quoted under its header ("25TH PERCENTILE"): the guard allows it, so
    does the score; a figure in neither the quote nor its heading is still invented."""
    case = _case(expected=["$43,230"])
    cited = (CitedQuote("uc.txt", "GRADE MIN 25TH PERCENTILE MIDPOINT", "PSS C $30,864 $43,230"),)
    shown = "GRADE MIN 25TH PERCENTILE MIDPOINT: PSS C $30,864 $43,230 [1]"
    assert score_case(case, SystemAnswer(shown, False, cited), 5).invented_numbers == ()
    invented = score_case(case, SystemAnswer(shown + " or 50TH", False, cited), 5)
    assert invented.invented_numbers == ("50",)


def test_the_right_document_is_cited_only_where_the_sources_hold_the_answer() -> None:
    assert metrics.document_cited(["tx.txt", "ny.txt"], ["ny.txt"]) is True
    assert metrics.document_cited(["tx.txt"], ["ny.txt"]) is False
    assert metrics.document_cited([], ["ny.txt"]) is False
    assert metrics.document_cited(["tx.txt"], []) is None
    cited = (CitedQuote("tx.txt", "table", "$30,840 - $46,798"),)
    answered = _case(expected=["$46,798"], sources=["ny.txt"])
    assert (
        score_case(answered, SystemAnswer("Max $46,798 [1].", False, cited), 5).document_cited
        is False
    )
    trap = _case(sources=["ny.txt"], answer_absent=True)
    assert score_case(trap, SystemAnswer("The sources do not say.", True), 5).document_cited is None

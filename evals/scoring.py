"""Score one answer against its case, and summarise scored cases overall and by kind."""

from __future__ import annotations

from collections.abc import Sequence

from evals import metrics
from evals.dataset import EvalCase
from evals.results import CaseResult, CaseScores, Summary, SystemAnswer


def score_case(case: EvalCase, answer: SystemAnswer, k: int) -> CaseScores:
    quotes = [c.quote for c in answer.citations]
    given = [
        case.question,
        answer.standalone_question,
        *answer.classes,
        *(t.user for t in case.history),
        *(t.assistant for t in case.history),
        # A cited passage's document, place and section heading are shown with its quote (the
        # guard allows them too).
        *(f"{c.doc_title}\n{c.jurisdiction}\n{c.section}" for c in answer.citations),
    ]
    ranks = metrics.retrieval_ranks([p.source for p in answer.retrieved], case.sources, k)
    contexts = [p.text for p in answer.retrieved[:k] if p.text is not None]
    recall = metrics.fact_recall(answer.text, case.expected)
    return CaseScores(
        fact_recall=recall,
        facts_missing=tuple(f for f in case.expected if not metrics.contains_fact(answer.text, f)),
        exact_match=metrics.exact_match(answer.text, case.expected),
        citation_precision=metrics.citation_precision(quotes, case.expected),
        # Only where the sources hold the answer: an abstention need not cite.
        document_cited=None
        if case.answer_absent
        else metrics.document_cited([c.source for c in answer.citations], case.sources),
        fact_support=metrics.fact_support(answer.text, quotes, case.expected),
        abstention_correct=metrics.abstention_correct(answer.abstained, case.answer_absent),
        invented_numbers=tuple(metrics.invented_numbers(answer.text, quotes, given)),
        hit_at_1=ranks["hit_at_1"],
        hit_at_k=ranks["hit_at_k"],
        mrr=ranks["mrr"],
        recall_at_k=ranks["recall_at_k"],
        context_recall=metrics.context_recall(contexts, case.expected) if contexts else None,
    )


def summarise(results: Sequence[CaseResult], total_s: float) -> Summary:
    scores = [r.scores for r in results]
    latencies = [r.answer.latency_ms for r in results if r.answer.error is None]
    pairs = [(r.answer.abstained, r.case.answer_absent) for r in results]
    return Summary(
        cases=len(results),
        passed=sum(r.passed for r in results),
        errors=sum(r.answer.error is not None for r in results),
        fact_recall=metrics.mean(s.fact_recall for s in scores),
        exact_match=metrics.mean(s.exact_match for s in scores),
        citation_precision=metrics.mean(s.citation_precision for s in scores),
        document_cited=metrics.mean(s.document_cited for s in scores),
        fact_support=metrics.mean(s.fact_support for s in scores),
        abstention_accuracy=metrics.mean(s.abstention_correct for s in scores),
        abstention_precision=metrics.abstention_precision(pairs),
        abstention_recall=metrics.abstention_recall(pairs),
        invented_numbers=sum(len(s.invented_numbers) for s in scores),
        hit_at_1=metrics.mean(s.hit_at_1 for s in scores),
        hit_at_k=metrics.mean(s.hit_at_k for s in scores),
        mrr=metrics.mean(s.mrr for s in scores),
        recall_at_k=metrics.mean(s.recall_at_k for s in scores),
        context_recall=metrics.mean(s.context_recall for s in scores),
        latency_p50_ms=metrics.percentile(latencies, 50),
        latency_p95_ms=metrics.percentile(latencies, 95),
        total_s=total_s,
    )


def summarise_by_kind(results: Sequence[CaseResult]) -> dict[str, Summary]:
    kinds = dict.fromkeys(r.case.kind for r in results)
    by_kind = {}
    for kind in kinds:
        chosen = [r for r in results if r.case.kind == kind]
        by_kind[kind] = summarise(chosen, sum(r.answer.latency_ms for r in chosen) / 1000)
    return by_kind

"""The scale benchmark at a tiny size: every figure is produced, exactness is computed."""

from __future__ import annotations

import random
from pathlib import Path

from assistant.types import Answer
from evals.scale.bench import ScaleFigures, is_exact, measure, report, score_exactness
from evals.scale.generate import LAYOUTS, QACase, _unique_code, generate_corpus, qa_cases
from index.catalog import parse_standard
from index.load import load_sources


def test_the_generator_is_reproducible_and_the_parser_reads_its_facts(tmp_path: Path) -> None:
    first = generate_corpus(tmp_path / "a", 12, seed=5)
    again = generate_corpus(tmp_path / "b", 12, seed=5)
    assert first.classes == again.classes and first.documents == 12
    assert {c.period for c in first.classes} >= {"year", "hour", "month"}
    assert {
        len([c for c in first.classes if c.source == s]) for s in {c.source for c in first.classes}
    } <= {2, 3, 4}
    assert len(LAYOUTS) >= 4
    records = {
        (r.source, r.title): r
        for d in load_sources(tmp_path / "a").documents
        for r in parse_standard(d).classes
    }
    for fact in first.classes:
        record = records[(fact.source, fact.title)]
        assert (record.code, record.pay_grade, record.salary_min, record.salary_max) == (
            fact.code, fact.pay_grade, fact.salary_min, fact.salary_max
        )  # fmt: skip
    cases = qa_cases(first, 9, seed=5)
    assert len(cases) == 9 and {c.kind for c in cases} == {"salary", "code"}


def test_codes_get_a_digit_longer_once_nearly_all_are_taken() -> None:
    """10,000 standards hold more classes than there are four-digit codes."""
    rng = random.Random(3)
    codes = {str(n) for n in range(1000, 10000)}
    code = _unique_code(rng, codes, 4)
    assert len(code) == 5 and len(codes) == 9001
    assert len(_unique_code(rng, set(), 4)) == 4


def test_an_answer_is_exact_only_with_its_own_figures_and_no_others() -> None:
    case = QACase(
        "What is the salary range for X 2?", "X 2", "Ohio", ("$1,000", "$2,000"), "salary"
    )
    assert is_exact(Answer("X 2 earns $1,000 - $2,000, Grade 5 [1]."), case, set()) == (True, False)
    assert is_exact(Answer("X 2: $1,000 - $2,000; X 1: $900 - $1,800."), case, set()) == (
        False,
        True,
    )
    assert is_exact(Answer("X 2 earns $1,000."), case, set()) == (False, False)


def test_exactness_is_read_from_the_answers(tmp_path: Path) -> None:
    corpus = generate_corpus(tmp_path, 6, seed=3)
    cases = {c.question: c for c in qa_cases(corpus, 6, seed=3)}
    other = next(c for c in corpus.classes if c.salary_min)

    def knows(question: str) -> Answer:
        case = cases[question]
        return Answer(f"{case.title}: {' - '.join(case.expected)} [1].")

    def adds_another_class(question: str) -> Answer:
        figure = other.salary_min if cases[question].kind == "salary" else other.code
        return Answer(f"{knows(question).text} {other.title}: {figure}.")

    scored = [ScaleFigures(6) for _ in range(3)]
    score_exactness(scored[0], knows, list(cases.values()), corpus)
    score_exactness(scored[1], lambda q: Answer("I do not know."), list(cases.values()), corpus)
    score_exactness(scored[2], adds_another_class, list(cases.values()), corpus)
    assert [s.accuracy for s in scored[:2]] == [1.0, 0.0]
    assert scored[2].with_other_figures >= 5 and scored[2].accuracy <= 1 / 6


def test_the_benchmark_produces_every_figure_at_a_tiny_size(tmp_path: Path) -> None:
    """Both columns: the embedded store, then the same store served by `chroma run`."""
    embedded, served = measure(
        10, tmp_path, "fake", questions=6, rounds=1, chroma_server=True, log=lambda _: None
    )
    assert embedded.documents == 10 and embedded.chunks > 50 and embedded.classes >= 20
    for name in (
        "index_wall_s", "build_s", "chunks_per_s", "embed_per_s", "overhead",
        "index_peak_rss_mb", "store_mb", "noop_wall_s", "one_file_wall_s", "one_file_ask_s",
        *_ANSWERING,
    ):  # fmt: skip
        assert getattr(embedded, name) > 0, name
    assert embedded.asked == 6 and embedded.accuracy == embedded.exact / 6
    assert set(embedded.stages_ms) == {"resolve", "focus", "guard"}
    assert (served.backend, served.chunks, served.asked) == ("chroma server", embedded.chunks, 6)
    for name in _ANSWERING:
        assert getattr(served, name) > 0, name
    assert served.exact == embedded.exact and served.index_wall_s == 0 < served.noop_wall_s
    table = report([embedded, served])
    assert "N=10 server" in table and "exact / asked" in table
    assert "-" in next(line for line in table.splitlines() if line.startswith("index command"))


def test_a_reused_corpus_is_measured_without_indexing_it_again(tmp_path: Path) -> None:
    measure(10, tmp_path, "fake", questions=3, rounds=1, log=lambda _: None)
    store = tmp_path / "10" / "store"
    stamp = (store / "catalog.json").stat().st_mtime_ns
    [again] = measure(10, tmp_path, "fake", questions=3, rounds=1, reuse=True, log=lambda _: None)
    assert again.index_wall_s == 0 and again.asked == 3 and again.answer_p50_ms > 0
    assert (store / "catalog.json").stat().st_mtime_ns == stamp


_ANSWERING = (
    "ask_startup_s", "serve_healthy_s", "serve_healthy_rss_mb", "serve_answer_rss_mb", "open_s",
    "answer_p50_ms", "answer_p95_ms", "lookup_p50_ms", "lookup_p95_ms", "ratio_p50",
)  # fmt: skip

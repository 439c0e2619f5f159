"""Example and benchmark questions come from what is indexed, not from the seeds."""

from __future__ import annotations

from assistant.examples import benchmark_questions, example_questions
from assistant.service import Assistant
from index.types import ClassRecord


def test_examples_ask_about_indexed_classes_what_their_standard_states(
    fake_assistant: Assistant,
) -> None:
    questions = example_questions(fake_assistant.catalog)
    titles = {r.title for r in fake_assistant.catalog}
    assert len(questions) == 4
    assert all(any(title in q for title in titles) for q in questions)
    salary_question = questions[0]
    asked = next(r for r in fake_assistant.catalog if r.title in salary_question)
    assert salary_question.startswith("What is the salary range") and asked.salary_min


def test_examples_follow_the_catalog_and_skip_rows_named_only_by_grade() -> None:
    records = [
        ClassRecord(source="a.txt", title="Band 5", pay_label="Band", pay_grade="5",
                    salary_min="£29,970", salary_max="£36,483"),
        ClassRecord(source="b.txt", title="Records Clerk II", code="7712", pay_grade="9"),
    ]  # fmt: skip
    questions = example_questions(records)
    assert questions == ["What are the requirements for Records Clerk II?"]
    assert not any("Band 5" in q for q in questions)
    assert example_questions([]) == []


def test_the_benchmark_asks_ten_kinds_of_question_about_the_seeds(
    fake_assistant: Assistant,
) -> None:
    questions = benchmark_questions(fake_assistant.catalog)
    assert len(questions) == len(set(questions)) >= 8
    assert any(q.startswith("can we hire") for q in questions)
    assert any(q.startswith("compare") for q in questions)

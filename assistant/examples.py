"""Questions about what is indexed, drawn from the class catalog: the app's examples and the
benchmark's questions follow the standards a user brings, not the two seeds."""

from __future__ import annotations

from collections.abc import Sequence

from index.types import ClassRecord


def example_questions(records: Sequence[ClassRecord], limit: int = 4) -> list[str]:
    """One question per kind a user asks (pay, requirements, grade, duties, code), each about a
    different class that states what is asked; as many as the catalog allows."""
    named = [r for r in records if not r.names_only_its_grade]
    askers = (
        (lambda r: r.salary_min, "What is the salary range of {}?"),
        (lambda r: True, "What are the requirements for {}?"),
        (lambda r: r.pay_grade, "What grade is {}?"),
        (lambda r: True, "What are the duties of {}?"),
        (lambda r: r.code, "What is the class code of {}?"),
    )
    questions: list[str] = []
    used: set[str] = set()
    for states, template in askers:
        record = next((r for r in named if states(r) and r.title not in used), None)
        if record is None:
            continue
        used.add(record.title)
        questions.append(template.format(record.title))
        if len(questions) == limit:
            break
    return questions


def benchmark_questions(records: Sequence[ClassRecord]) -> list[str]:
    """Ten questions of the kinds people ask, about the indexed classes: lookups, a reverse
    lookup by grade, an amount check, a comparison, a follow-up-free list, and an open one."""
    questions = example_questions(records, limit=5)
    graded = [r for r in records if r.pay_grade and not r.names_only_its_grade]
    paid = [r for r in records if r.salary_max and not r.names_only_its_grade]
    if graded:
        questions.append(f"which classes are in {graded[0].pay_text}?")
    if paid:
        questions.append(f"can we hire a {paid[0].title} at {paid[0].salary_max}?")
    if len(paid) > 1:
        questions.append(f"compare {paid[0].title} and {paid[1].title}")
    questions.append("What does the standard say about supervision?")
    return questions

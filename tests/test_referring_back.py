"""A line that names what it speaks of by referring back to it: "Both positions offer ..."
after the paragraphs that name the two posts pays both of them. The news report is written
here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.reader import refers_back
from assistant.service import Assistant

REPORT = """Two public service vacancies announced

The Ministry of Works seeks a Senior Surveyor with a degree in geomatics and at least three years of field work in cadastral surveys, boundary marking and the upkeep of the national survey control network.

The Ministry of Health is recruiting a Records Supervisor with five years of experience managing patient files, archives and the retention schedules that govern them across the island's clinics.

Both positions offer salaries ranging from $51,200 to $63,900 annually within Grade H, progressing through incremental points.

Applications close on March 3, 2026.
"""  # noqa: E501


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "vacancies", {"two-vacancies.txt": REPORT})


@pytest.mark.parametrize(
    "question", ["What salary does the Senior Surveyor job pay?", "records supervisor pay?"]
)
def test_a_line_about_both_posts_pays_each(report: Assistant, question: str) -> None:
    answer = report.ask(question)
    assert not answer.abstained
    assert "$51,200 to $63,900 annually" in answer.text


def test_a_post_named_nowhere_before_is_not_paid_by_it(report: Assistant) -> None:
    answer = report.ask("What salary does the Chief Engineer job pay?")
    assert "$51,200" not in answer.text.split("The passage nearest to the question")[0]


def test_what_refers_back() -> None:
    assert refers_back("Both positions offer identical salary structures")
    assert refers_back("These two posts are paid on Grade J.")
    assert not refers_back("Positions in both ministries are permanent.")

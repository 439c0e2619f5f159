"""Answers the reader composes from passages the catalog does not cover: the line that says
it, quoted with where it stands, for a question about text as well as about a figure."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_settings

from assistant.citations import CitationBook
from assistant.passage_answers import PassageAnswers, asks_about_text
from assistant.passages import Rarity
from assistant.query import QueryAnalysis
from assistant.service import Assistant, ensure_index
from index.types import Chunk

AGREEMENT = """Harbourside Enterprise Agreement 2025

Schedule 2 - Pay Rates

2.5% salary increase: From 1 July 2025
2.0% salary increase: From 1 July 2026

Grades are successively 20% wider than the grade below them.
"""
CATALOG = """Jobs and Descriptions
Survey Technician I
Entry-level survey work that records field measurements under close supervision.
Typically requires a high school diploma and 0-1 years of experience.
OCCU: 7712
Pay Grade: HS05
Survey Technician II
Full-performance survey work that leads small field crews.
OCCU: 7713
Pay Grade: HS07
"""


@pytest.fixture(scope="module")
def harbourside(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    root = tmp_path_factory.mktemp("harbourside")
    sources = root / "sources"
    sources.mkdir()
    (sources / "agreement.txt").write_text(AGREEMENT, encoding="utf-8")
    settings = make_settings(root, sources=Path(sources))
    ensure_index(settings, progress=False)
    return Assistant.open(settings)


def test_a_question_about_text_with_pay_words_is_answered_by_its_line(
    harbourside: Assistant,
) -> None:
    answer = harbourside.ask("When is the 2.0% salary increase?")
    assert not answer.abstained
    assert "From 1 July 2026" in answer.text and answer.citations


def test_how_much_of_something_else_is_a_question_about_text(harbourside: Assistant) -> None:
    answer = harbourside.ask("How much wider is each grade than the grade below?")
    assert not answer.abstained
    assert "20% wider" in answer.text


@pytest.mark.parametrize(
    ("question", "about_text"),
    [
        ("How much wider is each grade than the one before?", True),
        ("how much general experience do you need for GS-5?", True),
        ("In the example, what defines how wide a grade is?", True),
        ("How much does a Survey Technician I make?", False),
        ("how much is the salary for band 5?", False),
        ("What is the pay grade of Survey Technician II?", False),
    ],
)
def test_questions_about_text(question: str, about_text: bool) -> None:
    analysis = QueryAnalysis(question=question, keywords=(), intents=("salary",))
    assert asks_about_text(analysis) is about_text


def test_a_short_line_is_quoted_under_the_title_it_belongs_to() -> None:
    chunk = Chunk("c.txt#0", "c.txt", "Career Catalog", "Careers", "heading", CATALOG, 0, "h")
    answers = PassageAnswers(Rarity([chunk]), [chunk])
    book = CitationBook()
    quoted = answers.quote_sentence(chunk, "OCCU: 7713", book)
    assert quoted.startswith('Career Catalog, Careers, under "Survey Technician II" [1]:')
    assert quoted.endswith('"OCCU: 7713" [2]')
    assert [c.quote for c in book.citations] == ["Survey Technician II", "OCCU: 7713"]

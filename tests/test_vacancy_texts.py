"""Vacancies as they are written: a heading that ends its document, with nothing under it,
answers nothing (the assistant says the sources do not say, and cites the heading); a vacancy
that tells its reader the work ("In this role, you'll help manage ...") answers "what does X do?"
with those sentences. The pages are written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.citations import CitationBook
from assistant.drafts import Draft
from assistant.empty_headings import without_empty_headings
from assistant.retrieve import ChunkLibrary
from assistant.service import Assistant
from assistant.topic_answers import tells_the_work
from index.types import Chunk

VACANCY = """Harbour Events Officer

Closes: 17 March 2026
Salary: $61,200 - $64,900
Details: We're seeking a Harbour Events Officer to run civic events and award ceremonies.
In this role, you'll help manage the Harbour Citizen of the Year Awards and the Lantern Festival.
You'll also coordinate ceremonial events, including Civic Funerals and Freedom of the Port parades.
If you're organised and proactive, we'd love to hear from you.
Eligibility/Other Requirements:
"""


def chunk(text: str, position: int = 0) -> Chunk:
    source = "harbour/events-officer.txt"
    return Chunk(
        f"{source}#{position}", source, "Events Officer", "Events", "heading", text, position, "h"
    )


def quoting(one: Chunk, line: str) -> Draft:
    book = CitationBook()
    return Draft(f'"{line}" {book.cite_chunk(one, line)}', tuple(book.citations), False)


def test_a_heading_that_ends_its_document_is_no_answer() -> None:
    last = chunk("Details: civic events.\nEligibility/Other Requirements:")
    answer = without_empty_headings(
        quoting(last, "Eligibility/Other Requirements:"), ChunkLibrary([last])
    )
    assert answer.abstained
    assert answer.text.startswith("The sources do not say")
    assert [c.quote for c in answer.citations] == ["Eligibility/Other Requirements:"]


def test_the_line_that_places_an_empty_heading_is_no_answer_of_its_own() -> None:
    last = chunk("FREIGHT\n\n·  insurance cost on shipping\n\n·  packing services\n\nSTORAGE COSTS")
    book = CitationBook()
    text = (
        f'under "· packing services" {book.cite_chunk(last, "· packing services")}: '
        f'"STORAGE COSTS" {book.cite_chunk(last, "STORAGE COSTS")}'
    )
    draft = Draft(text, tuple(book.citations), False)
    answer = without_empty_headings(draft, ChunkLibrary([last]))
    assert answer.abstained
    assert [c.quote for c in answer.citations] == ["STORAGE COSTS"]


@pytest.mark.parametrize(
    ("texts", "line"),
    [
        # A passage of the document comes after the heading: what it heads may be there.
        (["Details: civic events.\nESSENTIAL DUTIES", "Plans civic events."], "ESSENTIAL DUTIES"),
        # Text follows the heading in its passage.
        (["ESSENTIAL DUTIES\nPlans civic events."], "ESSENTIAL DUTIES"),
        # The line quoted is no heading.
        (["Details: civic events."], "Details: civic events."),
    ],
)
def test_a_heading_with_something_under_it_or_a_line_that_is_none_stands(
    texts: list[str], line: str
) -> None:
    chunks = [chunk(text, n) for n, text in enumerate(texts)]
    draft = quoting(chunks[0], line)
    assert without_empty_headings(draft, ChunkLibrary(chunks)) is draft


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "harbour-vacancy", {"events-officer.txt": VACANCY})


def test_the_assistant_says_the_requirements_are_not_given(harbour: Assistant) -> None:
    answer = harbour.ask("What are the eligibility requirements for the Harbour Events Officer?")
    assert answer.abstained
    assert "Eligibility/Other Requirements:" in answer.text


def test_the_work_a_vacancy_tells_its_reader_is_what_the_class_does(harbour: Assistant) -> None:
    answer = harbour.ask("What does the Harbour Events Officer do?")
    assert not answer.abstained
    assert "Harbour Citizen of the Year Awards" in answer.text
    assert "Civic Funerals and Freedom of the Port parades" in answer.text


@pytest.mark.parametrize(
    ("line", "tells"),
    [
        ("In this role, you'll help manage the Lantern Festival.", True),
        ("You will also coordinate ceremonial events.", True),
        ("Reviews unit budget submissions to determine adherence;", True),
        ("If you're organised and proactive, we'd love to hear from you.", False),
        ("We are committed to an inclusive environment.", False),
    ],
)
def test_a_line_tells_the_work_as_a_duty_or_as_the_reader_s_own(line: str, tells: bool) -> None:
    assert tells_the_work(line) is tells


DESCRIPTION = """Purpose Statement

The job of Porter is done for the purpose of moving equipment between the wards of the hospital.

This job reports to Immediate Supervisor

Essential Functions

Moves beds, trolleys and equipment between wards.
"""

MANIFEST = """porter-1836.txt:
  title: 'Porter - job description, JobID 1836 (purpose statement, reporting line, duties)'
  jurisdiction: Ashgrove Hospital District
"""


@pytest.fixture(scope="module")
def ashgrove(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"porter-1836.txt": DESCRIPTION, "manifest.yaml": MANIFEST}
    return indexed(tmp_path_factory, "ashgrove-porter", files)


def test_a_label_word_of_the_title_description_asks_for_the_text(ashgrove: Assistant) -> None:
    # "reporting line" in the title's description does not make "report" a word that only
    # names the document: the question asks for the sentence that says it.
    answer = ashgrove.ask("Who does the Ashgrove Porter report to?")
    assert not answer.abstained
    assert "This job reports to Immediate Supervisor" in answer.text

"""Who issued a document, asked by the kind of issuer: the place its index knows it by, quoted
from the line that names it; a document that names no place is said to name none, and a body
("which department ...") is named only by a line that gives it its own name."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.document_issuers import body_line, issuer_asked, naming_line
from assistant.service import Assistant
from index.types import Chunk

UNNAMED = (
    "ACCOUNTING SPECIALIST JOB DESCRIPTION\n"
    "Job Class Code: 1481 Pay Grade: 118\n"
    "Reports To: Business and Office Manager\n"
    "The County offers a competitive benefits package.\n"
)
NAMED = (
    "CITY OF HARBOURVILLE\n"
    "Harbour Clerk\n"
    "Salary: $21.08 per hour\n"
    "The Department of Harbour Services is responsible for setting this rate.\n"
)
OPERATOR = (
    "Wastewater Treatment Plant Operator\n"
    "Council is seeking an operator for Council's Wastewater Treatment Plants.\n"
)
MANIFEST = (
    "harbour-clerk.txt:\n  title: Harbour Clerk\n  jurisdiction: City of Harbourville\n"
    "accounting-specialist.txt:\n  title: Accounting Specialist Job Description\n"
    "plant-operator.txt:\n  title: Wastewater Treatment Plant Operator\n"
    "  jurisdiction: An unnamed local council in Australia (the text says only Council)\n"
)


@pytest.fixture(scope="module")
def issued(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "accounting-specialist.txt": UNNAMED,
        "harbour-clerk.txt": NAMED,
        "plant-operator.txt": OPERATOR,
        "manifest.yaml": MANIFEST,
    }
    return indexed(tmp_path_factory, "document-issuers", files)


def test_a_document_that_names_no_place_is_said_to_name_none(issued: Assistant) -> None:
    answer = issued.ask("Which county published the Accounting Specialist job description?")
    assert answer.abstained
    assert "do not name the county" in answer.text
    assert answer.citations[0].source == "accounting-specialist.txt"


def test_a_place_recorded_only_as_unnamed_names_no_issuer(issued: Assistant) -> None:
    """A manifest that describes the employer it cannot name ("An unnamed local council")
    gives no council's name to answer with."""
    answer = issued.ask("Which council is advertising the Wastewater Treatment Plant Operator job?")
    assert answer.abstained
    assert "do not name the council" in answer.text
    assert answer.citations[0].source == "plant-operator.txt"


def test_the_place_of_a_document_is_quoted_from_the_line_that_names_it(issued: Assistant) -> None:
    answer = issued.ask("Which city is hiring for the Harbour Clerk?")
    assert not answer.abstained
    assert answer.text.startswith("City of Harbourville")
    assert answer.citations[0].quote.startswith("CITY OF HARBOURVILLE")


def test_a_department_is_named_by_the_line_that_gives_its_name(issued: Assistant) -> None:
    answer = issued.ask("Which department set the Harbour Clerk rate?")
    assert not answer.abstained and "Department of Harbour Services" in answer.text
    unnamed = issued.ask("Which department posted the Accounting Specialist job description?")
    assert unnamed.abstained and "do not name the department" in unnamed.text


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which county published the Accounting Specialist job description?", "county"),
        ("which city is hiring for the bus driver job", "city"),
        (
            "Which school district posted the Library Assistant eligibility lists?",
            "school district",
        ),
        ("which university are these 1 march 2025 pay scales from?", "university"),
        ("Which city employs the Parking Enforcement Officer with class code 163?", "city"),
        ("Which government department set these AO to Grade 6 ranges?", "government department"),
        # A class of a place, a department within the posting, many places: not an issuer.
        ("Which County of Orange class has class code 7806?", None),
        ("Which department is the Transit Bus Technician posting under?", None),
        ("Which states employ peer specialists?", None),
        ("Which state employs the most peer specialists?", None),
        ("What is the salary range for a county clerk?", None),
    ],
)
def test_which_questions_ask_who_issued_a_document(question: str, kind: str | None) -> None:
    assert issuer_asked(question) == kind


def _chunk(text: str) -> Chunk:
    return Chunk("c", "s.txt", "Title", "", "", text, 0, "h")


def test_lines_that_name_a_place_or_a_body() -> None:
    county = [_chunk("Accountant\nYAKIMA COUNTY, WASHINGTON\nCLASS SPECIFICATION")]
    assert naming_line("Yakima County, Washington", county) == (
        county[0],
        "YAKIMA COUNTY, WASHINGTON",
    )
    assert naming_line("City of Riverbend", county) is None
    assert body_line("department", [_chunk("The Department is responsible.")]) is None
    assert body_line("ministry", [_chunk("MINISTRY OF EDUCATION")]) is not None
    assert body_line("government department", [_chunk("Kansas Department of Administration")])

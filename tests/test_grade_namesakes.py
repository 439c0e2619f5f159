"""A pay-table row asked by its grade alone ("the Band 1 salary") when more than one standard
writes that grade: the row the catalog read is answered, and another standard that writes the
grade says what it states of it, here that the band is closed and has no pay. A span of grades
("Band 1–2") is no namesake. The standards are written here."""

from __future__ import annotations

import pytest
import yaml
from test_passage_answers import indexed

from assistant.service import Assistant

CIVIL = """Senior Service Pay Ranges 2025

Pay Band      Minimum     Maximum
Band 1        £71,000     £117,800
Band 2        £93,000     £162,500
Band 3        £123,000    £208,100
"""

HOSPITALS = """Hospital Staff Pay Rates 2025

Band 1 (this band closed to new entrants from 1 April 2019).

Band 2
Entry  £23,615
Top    £24,336

Band 3
Entry  £24,071
Top    £25,674
"""

MAPPING = """Classification Mapping

Institute Band     Service Classification
Band 1–2           Service Level 1
Band 3             Service Level 2
"""

MANIFEST = {
    "civil.txt": {"title": "Senior Service Pay Ranges 2025", "jurisdiction": "Ruritania"},
    "hospitals.txt": {
        "title": "Hospital Staff Pay Rates 2025",
        "jurisdiction": "Ruritania (Health)",
    },
    "mapping.txt": {"title": "Classification Mapping", "jurisdiction": "Ruritania (Institute)"},
}


@pytest.fixture(scope="module")
def banded(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"civil.txt": CIVIL, "hospitals.txt": HOSPITALS, "mapping.txt": MAPPING}
    return indexed(tmp_path_factory, "banded", {**files, "manifest.yaml": yaml.safe_dump(MANIFEST)})


def test_a_grade_two_standards_write_is_answered_from_both(banded: Assistant) -> None:
    answer = banded.ask("What is the Band 1 salary?")
    print(answer.text)
    assert not answer.abstained
    assert "£71,000" in answer.text and "£117,800" in answer.text
    assert "No salary is stated for Band 1 in Hospital Staff Pay Rates 2025" in answer.text
    assert "closed to new entrants from 1 April 2019" in answer.text
    assert {c.source for c in answer.citations} == {"civil.txt", "hospitals.txt"}


def test_a_span_of_grades_is_no_namesake_of_one(banded: Assistant) -> None:
    answer = banded.ask("What is the Band 1 salary?")
    assert "Band 1–2" not in answer.text


def test_a_grade_of_a_named_standard_is_not_answered_from_another(banded: Assistant) -> None:
    answer = banded.ask("What is the Band 3 salary in the Hospital Staff Pay Rates?")
    print(answer.text)
    assert "£123,000" not in answer.text

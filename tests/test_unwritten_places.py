"""A standard that never writes its own employer or place ("the library") still answers for
its classes when a question names them: its title and manifest say whose it is, and a class's
title is its standard's even where its row glues it to its grade ("Library Assistant2"); another
document that writes one of the names ("Parks") does not take the question away from it."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.service import Assistant

GRADES = """Grade assignments 2023

Position TitleGrade
Library Clerk1
Library Assistant2
Graphic Designer4
Supervising Librarian5
"""

PARKS = """Laborer
Department: Public Works, Parks, Water & Sewer
Reports to: Assistant Director of Public Works
Pay: $23.10 Per Hour With CDL/$18.48 Per Hour Without CDL and Benefits
"""

MANIFEST = """grades.txt:
  title: Grade assignments (Oak Park Public Library)
  jurisdiction: Oak Park Public Library, Oak Park, Illinois
laborer.txt:
  title: Laborer
  jurisdiction: City of Mt. Vernon, Illinois
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"grades.txt": GRADES, "laborer.txt": PARKS, "manifest.yaml": MANIFEST}
    return indexed(tmp_path_factory, "unwritten", files)


def test_classes_of_a_standard_that_never_names_its_place_are_compared(library: Assistant) -> None:
    answer = library.ask(
        "How do the grades of a Library Clerk and a Library Assistant compare at the Oak Park "
        "Public Library?"
    )
    assert answer.text.startswith("Comparison of Library Clerk")
    assert '"Library Clerk1"' in answer.text and '"Library Assistant2"' in answer.text
    assert not answer.abstained

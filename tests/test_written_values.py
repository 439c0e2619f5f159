"""A grade or range code a posting writes in parentheses after each class's title
("HARBOR PILOT II (P40)- $4,152.00 - $5,048.00"), never after a label: a question that gives
the code finds the line that writes it, and the assistant never says the sources give nothing
for a code an indexed passage writes."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.service import Assistant

POSTING = (
    "Harbor Pilot I/II\n\n"
    "The Port of Alderbrook is hiring.\n\n"
    "HARBOR PILOT I (P35) - $3,669.00 - $4,462.00\n\n"
    "HARBOR PILOT II (P40)- $4,152.00 - $5,048.00\n\n"
    "Under general supervision, guides vessels in the inner harbor.\n"
)
# A title that names the codes too: the question's code names the document, not a class.
MANIFEST = """
harbor-pilot.txt:
  title: Harbor Pilot I/II - Port of Alderbrook job posting (Pilot I P35 $3,669.00 - $4,462.00,
    Pilot II P40 $4,152.00 - $5,048.00)
  jurisdiction: Port of Alderbrook, California
"""


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"harbor-pilot.txt": POSTING, "manifest.yaml": MANIFEST}
    return indexed(tmp_path_factory, "port", files)


def test_a_code_written_after_a_title_names_that_class(port: Assistant) -> None:
    answer = port.ask("Which Alderbrook class has range code P40?")
    assert not answer.abstained
    assert "HARBOR PILOT II (P40)" in answer.text
    assert "give nothing" not in answer.text


def test_a_code_no_passage_writes_is_said_to_be_missing(port: Assistant) -> None:
    answer = port.ask("Which Alderbrook class has range code P45?")
    assert answer.abstained
    assert "P40" not in answer.text.split("\n")[0]


def test_a_code_in_parentheses_after_a_title_is_given_not_asked() -> None:
    from assistant.query import GIVEN_CODE, detect_intents, normalise_question

    question = "What cataloging work does the Library Technician (class code 2618) perform?"
    asking = normalise_question(GIVEN_CODE.sub(" ", question))
    assert "code" not in detect_intents(asking)
    assert GIVEN_CODE.search("the Harbor Pilot I (#4392)")
    assert not GIVEN_CODE.search("Which class is code 2618?")


TEMPLATES = """Career Tracks: Job Templates

Harbor Pilot Manager 2
Job code: 0556
Level code: M2
Pay grade: 28

Harbor Pilot Manager 3
Job code: 0559
Level code: M3
Pay grade: 29
"""


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    manifest = "job-templates.txt:\n  title: 'Career Tracks: Job Templates'\n"
    files = {"job-templates.txt": TEMPLATES, "manifest.yaml": manifest}
    return indexed(tmp_path_factory, "templates", files)


def test_a_code_asked_by_another_label_is_that_labels_line(templates: Assistant) -> None:
    # The catalog's code is the job code; "level code" names the line beside it.
    answer = templates.ask("What level code does Harbor Pilot Manager 3 have?")
    assert not answer.abstained
    assert "Level code: M3" in answer.text
    assert "M2" not in answer.text
    # Asked by the label the catalog read, the catalog answers.
    answer = templates.ask("What is the job code of Harbor Pilot Manager 3?")
    assert "0559" in answer.text and "Level code" not in answer.text

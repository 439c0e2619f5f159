"""A page's rows of figures written on two lines: the monthly steps after the class title,
the hourly equivalents in parentheses on the line below with no word of their own (a typed
resolution's text layer, its line breaks left as "<br />" tags). A document whose title lists
every class of its table still answers for the class asked, and a step the table does not have
is not answered by its lead-in. Each rule on an invented page of that shape."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.comparisons import split_at_joiners
from assistant.row_keys import lacks_step
from assistant.service import Assistant

RESOLUTION = (
    "<br />SECTION 5. <br /> <br />The following monthly salary rates in dollars <br />"
    "are hereby established, and the hourly equivalent rates thereof <br />are set forth, "
    "for the period January 1, 1975, through <br />December 31, 1975: <br /> <br />"
    "Steps 1 2 3 4 5 <br />"
    "Harbor Pilot II 993 1035 1078 1124 1173 <br /> (6.03) (6.29) (6.55) (6.83) (7.12)** <br />"
    "Harbor Pilot I 919 957 996 1038 1082 <br /> (5.58) (5.81) (6.05) (6.30) (6.57)** <br />"
    "Dock Clerk I 687 712 739 768 797 <br /> (4.17) (4.32) (4.49) (4.66) (4.84)** <br />"
    "*Hourly equivalent rates are listed in parentheses. <br />"
)
MANIFEST = """
resolution.txt:
  title: Town of Alderbrook salary resolution - monthly steps 1 to 5 with hourly equivalents
    for Harbor Pilot I/II and Dock Clerk I (1975)
  jurisdiction: Town of Alderbrook
"""


@pytest.fixture(scope="module")
def alderbrook(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(
        tmp_path_factory,
        "alderbrook",
        {"resolution.txt": RESOLUTION, "manifest.yaml": MANIFEST},
    )


def test_the_hourly_line_under_a_row_is_that_rows(alderbrook: Assistant) -> None:
    answer = alderbrook.ask("alderbrook 1975 dock clerk I hourly rate at step 5?")
    assert not answer.abstained
    assert "(4.84)" in answer.text
    assert "Dock Clerk I 687" in answer.text
    assert "Harbor Pilot" not in answer.text.split("[1]")[0].split(":", 1)[1]


def test_a_step_past_the_table_is_not_answered_by_its_lead_in(alderbrook: Assistant) -> None:
    answer = alderbrook.ask("What was the step 6 monthly rate for a Harbor Pilot I in 1975?")
    assert answer.abstained


def test_numbers_joined_by_and_are_one_subjects() -> None:
    assert split_at_joiners("the monthly steps 1 and 5 for a Harbor Pilot II") == [
        "the monthly steps 1 and 5 for a Harbor Pilot II"
    ]
    assert split_at_joiners("Is grade 3 or grade 4 higher") == ["Is grade 3", "grade 4 higher"]
    assert split_at_joiners("How do grades 8 and 8M differ") == ["How do grades 8", "8M differ"]


def test_a_header_that_lists_its_steps_after_the_word() -> None:
    assert lacks_step("Steps 1 2 3 4 5", "6")
    assert not lacks_step("Steps 1 2 3 4 5", "5")
    assert lacks_step("steps 1. 2 3 4 ')", "6")
    assert not lacks_step("after 5 steps 2 years", "3")


def test_a_row_keyed_by_its_number_is_no_second_line_of_the_row_above() -> None:
    from assistant.reader import _row_carried_on

    hourly = ["Dock Clerk I 687 712 739", "(4.17) (4.32) (4.49)"]
    assert _row_carried_on(hourly, 1) == "Dock Clerk I 687 712 739"
    steps = ["Entry $35.52 $36.41 $37.30", "2 $37.65 $38.59 $39.53"]
    assert _row_carried_on(steps, 1) == ""
    fewer = ["Dock Clerk I 687 712 739", "(4.17) (4.32)"]
    assert _row_carried_on(fewer, 1) == ""

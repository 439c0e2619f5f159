"""What a posting's head states of its one class, in the layouts announcements use: the class's
title with its number after a dash ("PARKS DIVISION ASSISTANT DIRECTOR - 70680"), pay on a line
of its own under no label ("$13.16 per hour minimum"), a salary with no colon after its word
("Salary $41,966.00 to $66,731.00 Grade 7 to 9"), and a title that runs on into its employer
("Construction Equipment Operator I - City"). The postings are written here."""

from __future__ import annotations

import pytest

from index.catalog import parse_standard
from index.class_facts import bare_pay_facts, titled_code_facts, uncoloned_pay_facts
from index.types import ClassRecord, SourceDocument


def records(title: str, text: str) -> list[ClassRecord]:
    document = SourceDocument("harbour/posting.txt", title, text, "h", "txt", "Port of Halden")
    return parse_standard(document).classes


def test_a_title_with_its_number_after_a_dash_gives_the_code() -> None:
    found = records(
        "Harbour Pilot Supervisor - 70680 - merit system announcement",
        "Current Announcement\n\nHARBOUR PILOT SUPERVISOR - 70680\n\n"
        "Salary: $67,320.00 - $102,712.80\n",
    )
    assert [(r.title, r.code, r.salary_min) for r in found] == [
        ("Harbour Pilot Supervisor", "70680", "$67,320.00")
    ]


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("HARBOUR PILOT SUPERVISOR - 70680", "70680"),
        ("Harbour Pilot Supervisor 70680", "70680"),
        ("HARBOUR PILOT SUPERVISOR - 2024", None),  # a year
        ("HARBOUR PILOT - 70680", None),  # another title
    ],
)
def test_only_the_class_own_title_and_a_number_make_a_code(line: str, code: str | None) -> None:
    found = titled_code_facts(["Current Announcement", line], "Harbour Pilot Supervisor")
    assert [f.code for f in found] == ([code] if code else [])


def test_pay_alone_on_its_line_is_the_class_pay() -> None:
    found = records(
        "Habitat Technician (2 positions) - seasonal job posting 79881",
        "Habitat Technician (2 positions)\n\nEmployment Type:\nTemporary/Seasonal/Part Time\n"
        "$13.16 per hour minimum\nEmployment Dates:\n4/26/2021 to 9/24/2021\n",
    )
    assert [(r.title, r.salary_min, r.salary_period) for r in found] == [
        ("Habitat Technician", "$13.16", "hour")
    ]


@pytest.mark.parametrize(
    ("lines", "pay"),
    [
        (["$52,000 - $60,000 annually"], ("$52,000", "$60,000")),
        (["A $500 signing bonus is paid after 90 days."], None),  # a sentence, not pay alone
        (["$13.16"], None),  # no period: a figure of anything
    ],
)
def test_pay_alone_needs_its_period_and_nothing_else(
    lines: list[str], pay: tuple[str, str] | None
) -> None:
    found = bare_pay_facts(lines)
    assert [(f.salary_min, f.salary_max) for f in found] == ([pay] if pay else [])


def test_a_salary_word_without_a_colon_opens_its_amounts() -> None:
    facts = uncoloned_pay_facts("Salary $41,966.00 to $66,731.00 Grade 7 to 9")
    assert facts is not None
    assert (facts.salary_min, facts.salary_max) == ("$41,966.00", "$66,731.00")
    assert uncoloned_pay_facts("Salary 2024 review") is None  # a word, not an amount


def test_a_title_that_runs_on_into_its_employer_is_the_class_before_it() -> None:
    found = records(
        "Harbour Crane Operator I - City - job posting (pay range, hourly rate)",
        "Harbour Crane Operator I - City\n\nPay Range:  412\n\nHourly Rate:  $20.76 - $32.09\n",
    )
    assert [(r.title, r.pay_grade, r.salary_min) for r in found] == [
        ("Harbour Crane Operator I", "412", "$20.76")
    ]

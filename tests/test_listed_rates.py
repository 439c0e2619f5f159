"""Classes listed a line each with their pay ("Field Project Technician I – $ 21.46"): read as
a list however the title and the pay are joined, with notes between the listed lines, and never
from lines whose "title" is only pay words ("Midpoint: $39,207.00")."""

from __future__ import annotations

from index.titled_blocks import title_range_classes


def _read(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.title, f.salary_min, f.salary_max) for f in title_range_classes(text.splitlines())]


# Levels a line each, a dash (or none) before the rate, a note under each.
RATES = """Required Education and Experience:
Survey Aide I – $ 18.40
The (L1) position requires no survey experience.
Survey Aide II– $19.75
The (L2) position requires one year of survey experience.
Survey Crew Chief - $27.10
The position requires three years of experience.
"""


def test_titles_each_with_one_rate_and_notes_between_them_are_a_list() -> None:
    assert _read(RATES) == [
        ("Survey Aide I", "$ 18.40", None),
        ("Survey Aide II", "$19.75", None),
        ("Survey Crew Chief", "$27.10", None),
    ]


def test_two_lines_of_one_amount_are_no_list() -> None:
    # Sums paid once ("Signing Bonus - $2,000") come in twos as often as rates do.
    assert _read("Signing Bonus - $2,000\nRelocation Allowance - $5,000") == []


def test_lines_whose_title_is_only_pay_words_are_no_classes() -> None:
    assert _read("Minimum: $27,510.00\nMidpoint: $39,207.00\nMaximum: $50,905.00") == []
    text = (
        "Salary Range Monthly: $6633.53 – $7313.46\nJob Title: Technician II\n"
        "Salary Range Monthly: $7679.14 – $8466.25"
    )
    assert _read(text) == []


def test_a_lead_in_of_pay_words_is_not_part_of_the_title() -> None:
    text = """SALARY RANGE: Starting for Groundskeeper I - $16.56
Starting for Groundskeeper II - $17.10
Starting for Groundskeeper III – $17.65
BOARD APPROVED: 12/21/2012"""
    assert [title for title, _, _ in _read(text)] == [
        "Groundskeeper I",
        "Groundskeeper II",
        "Groundskeeper III",
    ]


def test_titles_ending_in_a_level_number_under_a_label_of_pay_are_listed() -> None:
    text = (
        "Salary Information:Equipment Operator - Sub-Journey 2 - $22.88 - $25.17 Hourly\n"
        "Equipment Operator - Journey 1 - $25.51 - $28.09 Hourly"
    )
    assert _read(text) == [
        ("Equipment Operator - Sub-Journey 2", "$22.88", "$25.17"),
        ("Equipment Operator - Journey 1", "$25.51", "$28.09"),
    ]
    # A grade or a step is no title, in figures or not.
    assert _read("Grade 5 $30,000 - $40,000\nGrade 6 $32,000 - $42,000") == []


def test_a_code_beside_each_title_and_empty_lines_between_them_keep_a_list() -> None:
    text = (
        "WASTEWATER SYSTEM OPERATOR I (P35) - $3,669.00 - $4,462.00\n\n"
        "WASTEWATER SYSTEM OPERATOR II (P40)- $4,152.00 - $5,048.00\n\nUnder general supervision"
    )
    assert _read(text) == [
        ("WASTEWATER SYSTEM OPERATOR I", "$3,669.00", "$4,462.00"),
        ("WASTEWATER SYSTEM OPERATOR II", "$4,152.00", "$5,048.00"),
    ]

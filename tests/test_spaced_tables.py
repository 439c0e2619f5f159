"""A job profile whose table of classes lost its tabs: cells set apart by runs of spaces, a
header of short cells naming the title column over a row with a figure (a pay table keyed by
grades is read as written). A row of a tab table under a header that names no title column is
the profile's one class's. A vacancy that ends every value with a full stop. The pages are
written here."""

from __future__ import annotations

from assistant.passage_layout import states_field
from index.catalog import parse_standard
from index.reflow import spaced_rows_as_tabs
from index.types import SourceDocument

PROFILE = """Riverbend Job Descriptions

Job Title   Job Family   Job Code   Job Exempt
Survey Analyst III.   Union_Professional   SURA03.   Y

        Pay Grade   Pay Rate Type   Minimum   Midpoint   Maximum
        R12   Salary   $27.10   $34.05   $41.00

Job Description

Performs professional mapping work.  Works under general supervision.
"""


def test_spaced_cells_under_a_header_are_written_with_tabs() -> None:
    lines = spaced_rows_as_tabs(PROFILE).split("\n")
    assert "Survey Analyst III.\tUnion_Professional\tSURA03.\tY" in lines
    assert "        R12   Salary   $27.10   $34.05   $41.00" in lines  # no title column
    # Prose set apart by two spaces after a full stop is no table.
    assert "Performs professional mapping work.  Works under general supervision." in lines


def test_a_header_over_rows_without_figures_is_left_as_written() -> None:
    form = "Pay Grade     Hourly Rate     Bureau\nGrade  Civilian  Division Intelligence"
    assert spaced_rows_as_tabs(form) == form


def test_the_profiles_class_has_its_title_and_code() -> None:
    text = spaced_rows_as_tabs(PROFILE)
    document = SourceDocument("profile.txt", "Survey Analyst III - job profile", text, "0", "txt")
    (record,) = parse_standard(document).classes
    assert record.title == "Survey Analyst III"  # the full stop the page set after it, gone
    assert record.code == "SURA03"


def test_a_row_under_a_header_with_no_title_column_is_the_one_class_s() -> None:
    text = PROFILE.replace(
        "        R12   Salary   $27.10   $34.05   $41.00", "R12\tSalary\t$27.10\t$34.05\t$41.00"
    )
    text = text.replace(
        "        Pay Grade   Pay Rate Type   Minimum   Midpoint   Maximum",
        "Pay Grade\tPay Rate Type\tMinimum\tMidpoint\tMaximum",
    )
    document = SourceDocument(
        "profile.txt", "Survey Analyst III - job profile", spaced_rows_as_tabs(text), "0", "txt"
    )
    (record,) = parse_standard(document).classes
    assert record.pay_grade == "R12"
    assert (record.salary_min, record.salary_max) == ("$27.10", "$41.00")


VACANCY = """Mapping Technician at the Heritage Records Agency

JOB TITLE: Mapping Technician.

DEPARTMENT: National Inventory.

JOB GRADE: C3.

Annual Basic salary: R277 983.00.
"""


def test_values_ended_with_a_full_stop_are_read_without_it() -> None:
    document = SourceDocument("vacancy.txt", "Mapping Technician vacancy", VACANCY, "0", "txt")
    (record,) = parse_standard(document).classes  # "Annual Basic" is which pay, not a class
    assert record.title == "Mapping Technician"
    assert (record.pay_label, record.pay_grade) == ("Job Grade", "C3")
    assert record.salary_min == "R277 983.00"


POSTING = """Job Description

  • Bus Monitor- Special Education JobID: 1840
  • Position Type:
    Transportation Services/Bus Monitor

    POSITION DESCRIPTION: Bus Monitor
    Range: 29
    $10.50 - $14.42

    I. General Description:
"""


def test_a_range_alone_under_a_grade_is_that_grades_pay() -> None:
    document = SourceDocument(
        "monitor.txt", "Bus Monitor - school district posting", POSTING, "0", "txt"
    )
    (record,) = parse_standard(document).classes
    assert record.pay_grade == "29"
    assert (record.salary_min, record.salary_max) == ("$10.50", "$14.42")
    assert states_field("code", "  • Bus Monitor- Special Education JobID: 1840")

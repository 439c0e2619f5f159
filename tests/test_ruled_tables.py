"""A pay table ruled with runs of dashes, its rows abbreviated ("CO I") and repeated for each
span of service, in a document whose title spells the abbreviation out (one that is a
state's code too); and a page that
defines its levels in words before giving their pay. The pages are written here."""

from __future__ import annotations

import pytest
import yaml
from test_passage_answers import indexed

from assistant.query import detect_intents
from assistant.service import Assistant
from index.class_facts import table_classes
from index.reflow import bare_labels_joined, dot_leaders_as_tabs
from index.structure import parse_blocks, smart_title

RULED = """Correctional Officer Pay Rates effective July 1, 2024

Title-----Months of Service-----Monthly Salary
CO I--------0-6-------------------$3,100.50
CO II-------7-24------------------$3,305.25
CO III------25-48-----------------*$3,480.00
CO III------49-96-----------------$3,655.75
CO IV-------97+-------------------$3,900.00
*Higher start with a ranger certificate.
"""

LEVELS = """Fellowship Support

Support is classified according to three levels:

  • Level I: Before the qualifying examination
  • Level II: Passed the qualifying examination
  • Level III: Admitted to candidacy

Level I = $4,000 - $9,000
Level II = $5,000 - $11,000
"""

MANIFEST = {
    "ruled.txt": {"title": "Correctional Officer Pay Rates 2024", "jurisdiction": "Freedonia"},
    "levels.txt": {"title": "Fellowship Support", "jurisdiction": "Freedonia (University)"},
}


@pytest.fixture(scope="module")
def ruled(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"ruled.txt": RULED, "levels.txt": LEVELS, "manifest.yaml": yaml.safe_dump(MANIFEST)}
    return indexed(tmp_path_factory, "ruled", files)


def test_dashes_between_cells_are_a_leader_and_a_rule_line_stays() -> None:
    text = dot_leaders_as_tabs("CO I--------0-6-------$3,100.50\n|---|---|\n----------")
    assert text.split("\n") == ["CO I\t0-6\t$3,100.50", "|---|---|", "----------"]


def test_rows_of_one_title_are_its_pay_points_named_by_their_own_cell() -> None:
    rows = table_classes(parse_blocks(dot_leaders_as_tabs(RULED)))
    by_title = {r.title: r for r in rows}
    assert list(by_title) == ["CO I", "CO II", "CO III", "CO IV"]
    assert (by_title["CO I"].salary_min, by_title["CO I"].salary_max) == ("$3,100.50", None)
    assert by_title["CO I"].code is None  # "0-6" months of service is no class code
    third = by_title["CO III"]
    assert (third.salary_min, third.salary_max, third.salary_period) == (
        "$3,480.00",
        "$3,655.75",
        "month",
    )
    assert third.pay_columns == (("25-48", "$3,480.00"), ("49-96", "$3,655.75"))


def test_an_abbreviated_title_keeps_its_capitals() -> None:
    assert smart_title("CO III") == "CO III"
    assert smart_title("CORRECTIONAL OFFICER III") == "Correctional Officer III"


def test_a_title_spelled_out_names_its_abbreviated_row(ruled: Assistant) -> None:
    answer = ruled.ask("What is the monthly salary of a Correctional Officer II?")
    assert "$3,305.25" in answer.text and "$3,100.50" not in answer.text


def test_an_abbreviation_that_is_also_a_state_code_names_its_series(ruled: Assistant) -> None:
    answer = ruled.ask("what does CO II pay?")  # not Colorado
    assert "$3,305.25" in answer.text and "none from Colorado" not in answer.text


def test_an_hourly_rate_of_a_monthly_row_is_not_given(ruled: Assistant) -> None:
    answer = ruled.ask("What is the hourly wage for a Correctional Officer I?")
    assert "do not give an hourly salary" in answer.text
    assert "monthly rate of $3,100.50" in answer.text


def test_an_amount_asked_of_a_series_answers_the_level_that_pays_it(ruled: Assistant) -> None:
    answer = ruled.ask("Which correctional officer level paid $3,900.00 a month?")
    assert "$3,900.00 is the pay of CO IV" in answer.text
    assert "97+" in answer.text  # the row that names the rate is shown
    assert "CO I " not in answer.text


def test_a_span_of_service_asked_answers_its_pay_point(ruled: Assistant) -> None:
    answer = ruled.ask("co iii pay w/ 49-96 months service")
    assert "$3,655.75" in answer.text


def test_a_level_asked_of_in_words_is_answered_by_its_definition(ruled: Assistant) -> None:
    answer = ruled.ask("Who counts as Level II for fellowship support?")
    assert "Level II: Passed the qualifying examination" in answer.text


def test_an_order_of_grades_names_posts_and_asks_no_grade() -> None:
    assert detect_intents("What stipend do fourth grade recruits get?") == ()
    assert detect_intents("What grade is a clerk?") == ("pay_grade",)


def test_a_title_column_headed_by_other_words_is_still_read_as_titles() -> None:
    text = (
        "Classification\tCode\tGrade\tMonthly Salary\n"
        "Records Manager I\t29184\tG14\t$2,400 - $3,480\n"
        "Records Manager II\t51148\tG15\t$2,688 - $3,898\n"
    )
    rows = table_classes(parse_blocks(text))
    assert [(r.title, r.code, r.salary_min) for r in rows] == [
        ("Records Manager I", "29184", "$2,400"),
        ("Records Manager II", "51148", "$2,688"),
    ]
    assert rows[0].pay_columns == ()  # the title column names no rate


def test_a_form_label_with_no_colon_is_joined_to_its_value_below() -> None:
    text = (
        "Salary\n$57,736 to - $133,142 per year\nPay scale & grade\nGG 07 - 12\nSalary\nSet yearly."
    )
    assert bare_labels_joined(text).split("\n") == [
        "Salary: $57,736 to - $133,142 per year",
        "Pay scale & grade: GG 07 - 12",
        "Salary",  # a sentence below is no value
        "Set yearly.",
    ]


def test_a_bulleted_label_is_joined_to_its_value_past_a_blank_line() -> None:
    overview = "  • Service\n\n    Excepted\n\n  • Pay scale & grade\n\n    GG 04 - 05\n"
    assert bare_labels_joined(overview).split("\n") == [
        "  • Service",  # a value with no figure stays below its label
        "",
        "    Excepted",
        "",
        "Pay scale & grade: GG 04 - 05",
        "",
    ]
    # A label with no bullet is a heading over what follows a blank line, not its value's.
    assert bare_labels_joined("Salary\n\nGrade 1 $28,600") == "Salary\n\nGrade 1 $28,600"


def test_a_header_a_cell_a_line_a_date_of_another_field_or_a_label_below_stay_apart() -> None:
    header = "TITLE\nGRADE\nEEO-4\nCODE"
    assert bare_labels_joined(header) == header  # a table's header written a cell a line
    shifted = "Job Number\n5/3/2018 11:59 PM Pacific"
    assert bare_labels_joined(shifted) == shifted  # a date under a label of no date
    assert bare_labels_joined("Open & closing dates\n01/27/2026 to 02/11/2026") == (
        "Open & closing dates: 01/27/2026 to 02/11/2026"
    )
    assert bare_labels_joined("PAY\nRANGE: CP10-13-A") == "PAY\nRANGE: CP10-13-A"

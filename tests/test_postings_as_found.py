"""Postings and pay pages as people find them: a manifest title that lists what the posting
holds ("..., pay plan, salary, ..."), a pay range beside a work schedule in one flattened
paragraph, a four-column table copied a cell a line with a sentence in its last column, two roles
on one page each with "As a ..., you will:" and its bullets, form labels whose value is words,
page links full of numbers, an advertisement numbered in a label's value, a salary written
"/ Per Year", a working title in parentheses, a pension given as a share of salary, and places
that share the words "School District". The pages are written here."""

from __future__ import annotations

import pytest
import yaml
from test_passage_answers import indexed

from assistant.document_numbers import number_asked
from assistant.line_marks import gives_other_end
from assistant.passage_answers import _shares_pay
from assistant.passage_layout import states_field
from assistant.query import detect_intents
from assistant.service import Assistant
from index.catalog import split_level, titles_many_classes
from index.class_facts import key_value_facts
from index.extract import one_class_title
from index.money import period_beside
from index.reflow import labels_unglued, rejoin_cell_lines

POSTING = """EQUIPMENT MECHANIC - 44100217
Requisition No: 880011
Agency: Department of Highways
Working Title: EQUIPMENT MECHANIC - 44100217
Pay Plan: Career Service
Pay Level: 3
Position Number: 44100217
Salary: $41,310.40 - $52,002.18
Posting Closing Date: 03/14/2026
"""

DIRECTOR = """We are currently hiring for the following position:

Branch Manager

Minimum Requirements: Master's Degree preferred. Pay Range: Negotiable salary and benefits. \
$52,000 to $71,000. Work Schedule: The schedule shall not exceed 40 hours/week.
"""

STUDENTS = """Pay Classification Guidelines for Student Assistants


Level

Hourly Pay Range

Description

1

$9.10-$11.00

Entry level positions. Basic filing and reception duties.

2

$11.01-$13.00

Responsibilities require some previous experience or training.

3

$13.01-$16.00

Students work with little day to day supervision.

4

$16.01 and above

Responsibilities require advanced training and certification.
"""

CENSUS = """Public Notices

Field positions include both supervisory and non-supervisory roles.

Surveyor (non-supervisory)

Surveyors work part-time and schedules vary, with most of the work being in the evening and on \
weekends. They are paid $18.10 per hour, plus eligible expenses.

As a surveyor, you will:

  • collect questionnaires from households
  • follow up with respondents by calling or visiting people in your area
  • ship completed questionnaires.

Team lead (supervisory)

Team leads work full-time and schedules vary, with most of the work being in the evening and on \
weekends. They are paid $22.40 per hour, plus eligible expenses.

As a team lead, you will:

  • train, lead and supervise a team of up to 14 surveyors
  • monitor the progress and productivity of your team
  • receive and ship questionnaires and other documents.
"""

COURT = """Name of the organisation : Appellate Court Of Westshire
Name of the post : Recruitment 2014 Magistrate
Reference No. : Advertisement No.B.7710/2014
Magistrate Recruitment : https://www.example-jobs.in/41870.html
Result for Magistrate : https://www.example-jobs.in/19265.html
Name of the post : Magistrate
Total Post : 12
Pay scale : Rs.27700-770-33090-920-40450 + dearness allowance
Applications are invited online from eligible candidates for 12 posts of Magistrate.
Eligibility criteria:
(a) a holder of a Degree in Law
(b) practising as an Advocate for not less than five years
"""

MINT = """Job Title:  SECURITY OFFICER
Agency:  Regional Assay Office
SALARY RANGE:
$48,116.00 to $61,909.00 / Per Year
SERIES & GRADE:
TR-0083-05
"""

RANGER = """Parks Department seeks Park Ranger II (Visitor Centre Lead)

Primary Location: Linton

Salary: 3,912.40 – 3,912.40 (Monthly)
"""

HOSPITAL = """Domestic Support Officer
Department of Health
Northern Hospitals
Award/Classification: Health Support Services Award, General Stream, Support Officers, Level 2
Salary: $55,210 to $57,804 pro rata, per annum
Employment type: Casual
Provide an efficient, safe cleaning service across relevant wards.
"""

SCHOOLS = {
    "cedar-custodian.txt": (
        "Custodial job description\n\nPay Type: Salaried; Non-Exempt\n"
        "Contract Work Year: 210 Days\nReports To: Principal or Designee\n"
    ),
    "maple-custodian.txt": (
        "Custodian\n\nFLSA Classification: Non-Exempt\nSalary Schedule Level: 3\n"
        "Starting Pay: $16.25 per hour\nReports To: Head Custodian\n"
    ),
}

MANIFEST = {
    "equipment-mechanic.txt": {
        "title": "Equipment Mechanic - 44100217 - state job posting (requisition number, agency, "
        "working title, pay plan, position number, salary, closing date)",
        "jurisdiction": "State of Westmark",
    },
    "branch-manager.txt": {
        "title": "Branch Manager - library district page (deadline, requirements, pay range)",
        "jurisdiction": "Fernhill Library District",
    },
    "student-pay.txt": {
        "title": "Pay Classification Guidelines for Student Assistants",
        "jurisdiction": "Harwick University",
    },
    "field-positions.txt": {
        "title": "Survey field positions - public notice (hourly pay of each role, duties)",
        "jurisdiction": "Statistics Office of Avalon",
    },
    "magistrate-2014.txt": {
        "title": "Magistrate recruitment 2014 - court recruitment summary",
        "jurisdiction": "Appellate Court of Westshire",
    },
    "security-officer.txt": {
        "title": "Security Officer vacancy - federal job announcement",
        "jurisdiction": "Regional Assay Office",
    },
    "park-ranger-ii.txt": {
        "title": "Park Ranger II (Visitor Centre Lead) - state job posting (salary schedule)",
        "jurisdiction": "Linton Parks Department",
    },
    "support-officer.txt": {
        "title": "Domestic Support Officer - hospital vacancy (award, salary, employment type)",
        "jurisdiction": "Northern Hospitals, Department of Health",
    },
    "cedar-custodian.txt": {
        "title": "Custodial job description - pay type, contract work year, reporting",
        "jurisdiction": "Cedar County School District",
    },
    "maple-custodian.txt": {
        "title": "Custodian - job description (salary schedule level and starting pay)",
        "jurisdiction": "Metropolitan School District of Maple Township",
    },
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "equipment-mechanic.txt": POSTING,
        "branch-manager.txt": DIRECTOR,
        "student-pay.txt": STUDENTS,
        "field-positions.txt": CENSUS,
        "magistrate-2014.txt": COURT,
        "security-officer.txt": MINT,
        "park-ranger-ii.txt": RANGER,
        "support-officer.txt": HOSPITAL,
        **SCHOOLS,
    }
    return indexed(tmp_path_factory, "found", {**files, "manifest.yaml": yaml.safe_dump(MANIFEST)})


def test_a_title_listing_what_a_posting_holds_names_one_class() -> None:
    posting = MANIFEST["equipment-mechanic.txt"]["title"]
    assert not titles_many_classes(posting)
    assert titles_many_classes("Pay Systems and Tables (SES pay plan, Title 38 rates)")
    assert titles_many_classes("Salary Schedule 2024 (grades 1-20)")


def test_the_salary_of_a_posting_titled_with_its_contents_is_its_class(found: Assistant) -> None:
    answer = found.ask("What is the salary for the Equipment Mechanic position 44100217?")
    assert not answer.abstained
    assert "$41,310.40 - $52,002.18" in answer.text


def test_a_label_whose_value_is_words_answers_when_the_question_writes_it(
    found: Assistant,
) -> None:
    answer = found.ask("What pay plan is the Equipment Mechanic in?")
    assert '"Pay Plan: Career Service"' in answer.text


def test_a_range_takes_no_period_from_the_next_sentence() -> None:
    line = "Pay Range: Negotiable. $52,000 to $71,000. Work Schedule: not over 40 hours/week."
    assert period_beside(line, "$52,000") is None
    assert period_beside("Salary: $18.00 per hour; raises in September", "$18.00") == "hour"


def test_a_table_copied_a_cell_a_line_keeps_its_description_column() -> None:
    rows = rejoin_cell_lines(STUDENTS).splitlines()
    assert "Level\tHourly Pay Range\tDescription" in rows
    assert "4\t$16.01 and above\tResponsibilities require advanced training and certification." in (
        rows
    )


def test_a_label_run_onto_the_value_above_it_gets_its_own_line() -> None:
    form = "Salary Range:\n$4,207 - $5,842Position Type:\nEmployeePosition Title:\nRanger 2"
    assert labels_unglued(form).splitlines() == [
        "Salary Range:",
        "$4,207 - $5,842",
        "Position Type:",
        "Employee",
        "Position Title:",
        "Ranger 2",
    ]
    assert labels_unglued("Skills needed in JavaScript:") == "Skills needed in JavaScript:"


def test_a_tier_of_a_flattened_table_answers(found: Assistant) -> None:
    answer = found.ask("What is the hourly pay range for a Level 2 student assistant at Harwick?")
    assert "$11.01-$13.00" in answer.text


def test_the_bullets_after_as_a_role_you_will_are_that_roles_duties(found: Assistant) -> None:
    answer = found.ask("What does a team lead do?")
    assert "supervise a team of up to 14 surveyors" in answer.text
    assert "collect questionnaires from households" not in answer.text


def test_numbers_in_web_addresses_are_no_pay() -> None:
    assert not states_field(
        "salary", "Magistrate Recruitment : https://www.example-jobs.in/41870.html"
    )
    assert states_field("salary", "Pay scale : Rs.27700-770-33090-920-40450 + dearness allowance")


def test_the_pay_scale_of_a_recruitment_summary_is_its_labelled_line(found: Assistant) -> None:
    answer = found.ask("What is the pay scale for Magistrate in the 2014 recruitment?")
    assert "Rs.27700-770-33090-920-40450" in answer.text
    assert "41870" not in answer.text


def test_who_is_eligible_is_answered_by_the_section_of_eligibility(found: Assistant) -> None:
    answer = found.ask("Who is eligible to apply for Magistrate in the 2014 recruitment?")
    assert "a holder of a Degree in Law" in answer.text
    assert "not less than five years" in answer.text


def test_how_many_is_answered_by_the_labelled_count(found: Assistant) -> None:
    answer = found.ask("How many posts are there for Magistrate in the 2014 recruitment?")
    assert '"Total Post : 12"' in answer.text
    # A labelled level is no count of levels: it is read as the class's grade.
    answer = found.ask("How many pay levels does the Equipment Mechanic posting have?")
    assert "(State of Westmark) is assigned to Pay Level 3" in answer.text.splitlines()[0]


def test_an_advertisement_number_is_read_where_a_label_writes_it(found: Assistant) -> None:
    assert number_asked("What is the advertisement number for the Magistrate recruitment?") == (
        "advertisement"
    )
    answer = found.ask("What is the advertisement number for the 2014 Magistrate recruitment?")
    assert "Advertisement No.B.7710/2014" in answer.text


def test_a_salary_keeps_its_period_as_written(found: Assistant) -> None:
    answer = found.ask("What is the salary range for the Security Officer?")
    assert "$48,116.00 to $61,909.00 / Per Year" in answer.text


def test_a_working_title_in_parentheses_stays_part_of_the_title() -> None:
    title = "Park Ranger II (Visitor Centre Lead) - state job posting (salary schedule)"
    assert one_class_title(title, RANGER) == ("Park Ranger II (Visitor Centre Lead)", [])


def test_how_a_post_is_held_in_parentheses_leaves_its_series() -> None:
    assert split_level("Bus Operator (Part-Time)") == ("Bus Operator", None)
    assert split_level("Accounting Specialist (T)") == ("Accounting Specialist (T)", None)
    assert split_level("Accounting Technician, Senior") == ("Accounting Technician, Senior", None)


def test_a_range_with_no_currency_is_quoted_as_written(found: Assistant) -> None:
    answer = found.ask("How much does the Linton Park Ranger II job pay a month?")
    assert "3,912.40 – 3,912.40 (Monthly)" in answer.text


def test_how_a_post_is_held_is_no_part_of_its_name(found: Assistant) -> None:
    answer = found.ask(
        "What is the salary for the casual domestic support job at Northern Hospitals?"
    )
    assert not answer.abstained
    assert "$55,210 to $57,804" in answer.text


def test_a_pension_as_a_share_of_salary_is_no_pay_in_shares() -> None:
    pension = "Retirement Benefits\n  • Credit is earned yearly:\n    * 66.6% of regular salary"
    assert not _shares_pay(pension)
    assert _shares_pay("Apprentices are paid 60% of the journeyworker rate.")


def test_a_starting_salary_with_its_hourly_rate_is_no_maximum() -> None:
    line = "you will receive the starting salary of $58,024 ($25.95 per hour)."
    assert gives_other_end("maximum", line)
    assert not gives_other_end("maximum", "Salary: $40,000 - $50,000, starting at the minimum")
    # The same pay written in two periods, each amount with its own.
    both = "SALARY: Grade 68   Starting Salary:  $16.50 Hourly / $34,323.12 Annually"
    assert gives_other_end("maximum", both)
    assert not gives_other_end("maximum", "Starting at $16.50 Hourly to $20.00 Hourly")
    assert not gives_other_end("maximum", "Starting pay $16.50 - $20.00 hourly")


def test_list_as_the_verb_of_a_text_asks_no_listing() -> None:
    assert detect_intents("what duties does the posting list?") == ("duties",)
    assert "list" in detect_intents("list the classes in texas")


def test_a_compound_label_ending_in_grade_gives_the_grade() -> None:
    facts = key_value_facts("SERIES & GRADE: TR-0083-05")
    assert facts is not None and facts.pay_grade == "TR-0083-05"


def test_a_place_named_by_shared_words_alone_is_not_named(found: Assistant) -> None:
    answer = found.ask(
        "cedar county school district custodial - pay type and who do they report to"
    )
    assert "Salaried; Non-Exempt" in answer.text
    assert "Principal or Designee" in answer.text
    assert "Maple" not in answer.text

"""Layouts of class specifications and postings the thirteenth held-out set showed unread: a
label with its value two lines below (a job-profile export), a grade's label and its grade with
no colon, a section heading that labels the range under it, rows joined by leader dots under a
header written a cell a line, and a title the text writes only inside a sentence. With the
questions it showed misread: a measure that is not pay, British spellings, "compare X with Y",
and a yes-or-no question about something the standard never mentions. Each rule on a small
invented snippet of its shape (and not)."""

from __future__ import annotations

import pytest
import yaml
from test_passage_answers import indexed

from assistant.figures import in_period_asked, ranges_by_period
from assistant.passage_layout import names_field, plausible_for, states_field, typical_for
from assistant.passages import stem
from assistant.query import analyse, detect_intents, normalise_question
from assistant.row_keys import has_row_key, row_keys
from assistant.service import Assistant
from assistant.types import Turn
from index.catalog import levels_titled, parse_standard, split_level
from index.class_facts import key_value_facts, stacked_label_facts, uncoloned_pay_facts
from index.reflow import (
    dot_leaders_as_tabs,
    join_stacked_headers,
    labels_unglued,
    stacked_labels_joined,
)
from index.types import SourceDocument

JOB_PROFILE = """Job code

6001

Job family

Office and Administrative Support

Minimum salary

$21.96

Maximum salary

$26.85

Pay range frequency

Hourly

Compensation grade

10

Class information

Records Aide Series Positions in this series file, copy and answer the phone.
"""

SPECIFICATION = """CUSTODIAN I
HALDEN UNION SCHOOL DISTRICT
CLASS SPECIFICATION
SALARY RANGE 28
DEFINITION
Under immediate direction, cleans classrooms and offices.
"""

DOT_LEADERS = """Competitive base pay
Hourly
MONTHLY
YEARLY
Police Dispatcher 1 (Flex)...........$24.64 - $29.95.........$4,270 - $5,191.....$51,249 - $62,297
Police Dispatcher 2.........$28.76 - $34.96........$4,984 - $6,059........$59,816 - $72,708
Generous benefits
"""

SALARY_HEADING = """Apply to be a Halden Police Dispatcher

Salary

$23.93-$29.09 Hourly
$1,914.67-$2,327.30 Biweekly

Retention Incentive Program

A transfer receives $500.
"""


def _document(text: str, title: str, jurisdiction: str | None = None) -> SourceDocument:
    return SourceDocument(
        source="x.txt",
        title=title,
        text=text,
        content_hash="0",
        format="txt",
        jurisdiction=jurisdiction,
    )


# --- the catalog --------------------------------------------------------------------------------


def test_labels_with_their_values_two_lines_below_state_the_class() -> None:
    """A job-profile export: each label, a blank line, its value; values such as "Hourly"
    look like headings. The title is the document's, its series named in the text."""
    title = "Records Aide 2 - Halden County job profile (Job code 6001, compensation grade 10)"
    [record] = parse_standard(_document(JOB_PROFILE, title, "Halden County")).classes
    assert (record.title, record.code, record.pay_grade) == ("Records Aide 2", "6001", "10")
    assert (record.salary_min, record.salary_max, record.salary_period) == (
        "$21.96",
        "$26.85",
        "hour",
    )
    # A title its text names neither whole nor by its series is no class.
    unnamed = JOB_PROFILE.replace("Records Aide Series", "Positions")
    assert parse_standard(_document(unnamed, title, "Halden County")).classes == []


def test_a_lone_amount_is_the_end_its_label_names() -> None:
    top = stacked_label_facts("Maximum salary", "$26.85")
    assert top is not None and (top.salary_min, top.salary_max) == (None, "$26.85")
    bottom = stacked_label_facts("Minimum salary", "$21.96")
    assert bottom is not None and (bottom.salary_min, bottom.salary_max) == ("$21.96", None)
    period = stacked_label_facts("Pay range frequency", "Hourly")
    assert period is not None and period.salary_period == "hour" and not period.fields


def test_a_grade_label_and_its_grade_with_no_colon() -> None:
    title = "Custodian I - Halden Union School District class specification (Salary Range 28)"
    document = _document(SPECIFICATION, title, "Halden Union School District")
    [record] = parse_standard(document).classes
    assert (record.title, record.pay_label, record.pay_grade) == (
        "Custodian I",
        "Salary Range",
        "28",
    )
    facts = uncoloned_pay_facts("Pay Grade 25")
    assert facts is not None and facts.pay_grade == "25"
    bullet = uncoloned_pay_facts("  • Salary Range Band 5 $82,356 to $94,961 plus 12% Super")
    assert bullet is not None
    assert (bullet.pay_label, bullet.pay_grade, bullet.salary_min, bullet.salary_max) == (
        "Band", "5", "$82,356", "$94,961"
    )  # fmt: skip
    for line in ("Effective Date 10", "Grade 5 applies from 2024", "Salary 28", "Salary is DOE"):
        assert uncoloned_pay_facts(line) is None, line


def test_the_employer_after_a_dash_is_not_part_of_the_title() -> None:
    title = "Custodian I - Halden Union School District"
    text = "CUSTODIAN I\nSALARY RANGE 28\n"
    named = parse_standard(_document(text, title, "Halden Union School District")).classes
    assert [r.title for r in named] == ["Custodian I"]
    # A part after a dash that names something else stays: "Library Assistant II - Law".
    other = parse_standard(_document(text.replace("CUSTODIAN I", "CUSTODIAN I - LAW"),
                                     "Custodian I - Law", "Halden")).classes  # fmt: skip
    assert [r.title for r in other] == ["Custodian I - Law"]


def test_rows_joined_by_leader_dots_under_a_header_a_cell_a_line() -> None:
    text = join_stacked_headers(dot_leaders_as_tabs(DOT_LEADERS))
    assert "Hourly\tMONTHLY\tYEARLY\n" in text
    assert "Police Dispatcher 2\t$28.76 - $34.96\t$4,984 - $6,059\t$59,816 - $72,708" in text
    first, second = parse_standard(_document(text, "Dispatch careers")).classes
    assert (first.title, first.salary_min, first.salary_max, first.salary_period) == (
        "Police Dispatcher 1 (Flex)", "$24.64", "$29.95", "hour"
    )  # fmt: skip
    assert ("MONTHLY", "$4,984 - $6,059") in second.pay_columns
    monthly = in_period_asked(second, "What is the monthly pay of a Police Dispatcher 2?")
    assert (monthly.salary_min, monthly.salary_max, monthly.salary_period) == (
        "$4,984", "$6,059", "month"
    )  # fmt: skip
    assert split_level(first.title) == ("Police Dispatcher", 1)
    # Dots that lead to no figure, and stacked words that name no period, stay as they are.
    assert dot_leaders_as_tabs("Chapter One........Duties") == "Chapter One........Duties"
    words = "Duties\nExamples\nA\t$1 - $2\t$3 - $4\n"
    assert join_stacked_headers(words) == words


def test_a_section_heading_labels_the_range_under_it() -> None:
    title = "Police Dispatcher - Halden Police Department recruitment page (hourly ranges)"
    [record] = parse_standard(_document(SALARY_HEADING, title)).classes
    assert (record.title, record.salary_min, record.salary_max, record.salary_period) == (
        "Police Dispatcher", "$23.93", "$29.09", "hour"
    )  # fmt: skip


def test_the_ranges_of_other_periods_under_a_range_are_its_columns() -> None:
    title = "Police Dispatcher - Halden Police Department recruitment page (hourly ranges)"
    [record] = parse_standard(_document(SALARY_HEADING, title)).classes
    assert record.pay_columns == (
        ("Hourly", "$23.93-$29.09"), ("Biweekly", "$1,914.67-$2,327.30")
    )  # fmt: skip
    biweekly = in_period_asked(record, "What is the biweekly pay of the Police Dispatcher?")
    assert (biweekly.salary_min, biweekly.salary_period) == ("$1,914.67", "biweek")
    quote = record.evidence_for("salary")
    assert quote is not None and quote.quote.endswith("$1,914.67-$2,327.30 Biweekly")


def test_two_ranges_of_one_period_are_no_class_range_and_a_grade_beside_one_is() -> None:
    two = stacked_label_facts("Annual Salary", "$49,903 to $72,996 and $55,019 to $80,472")
    assert two is None or two.salary_min is None
    both = key_value_facts("Salary: $3,000 - $4,000 monthly ($36,000 - $48,000 annually)")
    assert both is not None and (both.salary_min, both.salary_max) == ("$3,000", "$4,000")
    graded = key_value_facts("SALARY : R216 417 - R254 928 per annum (Level 05)")
    assert graded is not None and (graded.pay_label, graded.pay_grade) == ("Level", "05")
    # A grade after the range, not in parentheses: "i.e. Task Grade 15", "Grade 11 to 11".
    task = key_value_facts("Salary: R432 812.29 to R561 803.95 p.a. i.e. Task Grade 15 (Acting)")
    assert task is not None and (task.pay_label, task.pay_grade) == ("Task Grade", "15")
    federal = uncoloned_pay_facts("Salary $73,939.00 to $96,116.00 Grade 11 to 11")
    assert federal is not None and (federal.pay_label, federal.pay_grade) == ("Grade", "11")
    spanned = uncoloned_pay_facts("Salary $49,739.00 to $94,537.00 Grade 05 to 08")
    assert spanned is not None and spanned.pay_grade is None  # several grades, none the class's


def test_a_range_label_makes_two_amounts_a_range_and_a_pay_label_bare_figures_pay() -> None:
    spaced = uncoloned_pay_facts("Salary range $34,490 $58,143 (A04)")
    assert spaced is not None and (spaced.salary_min, spaced.salary_max) == ("$34,490", "$58,143")
    # Two amounts under a label that does not say range are not read as one.
    alone = uncoloned_pay_facts("Salary $34,490 $58,143")
    assert alone is not None and (alone.salary_min, alone.salary_max) == ("$34,490", None)
    # The grade a label names, then the range it pays: "Pay Level: 106 ($47,305.74 - ...)".
    level = key_value_facts("PAY LEVEL: 106 ($47,305.74 – $85,150.33)")
    assert level is not None and (level.pay_label, level.pay_grade) == ("Pay Level", "106")
    assert (level.salary_min, level.salary_max) == ("$47,305.74", "$85,150.33")
    salary = key_value_facts("Salary: 35 ($40,000 - $50,000)")  # no grade label: no grade
    assert salary is not None and salary.pay_grade is None
    bare = key_value_facts("Salary: 4,235.52 – 4,235.52 (Monthly)")
    assert bare is not None and (bare.salary_min, bare.salary_max) == ("4,235.52", "4,235.52")
    assert key_value_facts("Posting: 2024 - 2025") is None


# --- the questions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "min typing speed for the police dispatcher?",
        "minimum age for a firefighter?",
        "What checks must a labourer provide before starting?",
        "what is the start date of the posting?",
    ],
)
def test_a_measure_or_a_start_that_is_not_pay(question: str) -> None:
    assert "salary" not in detect_intents(normalise_question(question))


def test_typed_and_british_words_read_as_the_others() -> None:
    assert normalise_question("multnomah cnty office asst") == "multnomah county office assistant"
    assert "certification" in detect_intents(normalise_question("what drivers licence do i need"))
    assert stem("licences") == stem("licenses") and stem("Labour") == stem("labor")
    assert "salary" in detect_intents(normalise_question("what is the min salary?"))


CLERKS = """Clerks (45 posts)

REQUIREMENTS: A National Senior Certificate. Knowledge of clerical duties.

SALARY: R216 417 - R254 928 per annum (Level 05)

DUTIES: Render general clerical support services.
"""

DISPATCH = """Dispatcher

Salary: $4,148.45-$5,042.48 Monthly

Dispatchers receive and transmit radio calls.
"""


def _with_manifest(files: dict[str, str], entries: dict[str, dict[str, str]]) -> dict[str, str]:
    """The files, and a manifest giving each named one its title and jurisdiction."""
    return {**files, "manifest.yaml": yaml.safe_dump(entries, sort_keys=False)}


@pytest.fixture(scope="module")
def transport(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "clerks.txt": CLERKS,
        "dispatch.txt": DISPATCH,
        "dispatch-b.txt": _retitled(DISPATCH, "Call Taker", "$3,900.00-$4,700.00"),
    }
    entries = {
        "clerks.txt": {"title": "Clerks (45 posts)", "jurisdiction": "Province of Halden"},
        "dispatch.txt": {"title": "Dispatcher", "jurisdiction": "City of Marlow"},
        "dispatch-b.txt": {"title": "Call Taker", "jurisdiction": "City of Estover"},
    }
    return indexed(tmp_path_factory, "transport", _with_manifest(files, entries))


def _retitled(text: str, title: str, pay: str) -> str:
    return text.replace("Dispatcher\n", f"{title}\n", 1).replace("$4,148.45-$5,042.48", pay)


def test_a_yes_or_no_question_about_what_the_standard_never_mentions_abstains(
    transport: Assistant,
) -> None:
    answer = transport.ask("Do the Halden clerks need a driver's licence?")
    assert answer.abstained and "driver" in answer.text
    told = transport.ask("Do the Halden clerks need a national senior certificate?")
    assert not told.abstained and "National Senior Certificate" in told.text


def test_compare_x_with_y_reads_each_subject(transport: Assistant) -> None:
    question = "Compare the monthly pay of the Marlow Dispatcher with the Estover Call Taker."
    answer = transport.ask(question)
    assert "$4,148.45" in answer.text and "$3,900.00" in answer.text
    # The reader splits the subjects at "with" after "compare", and only then.
    reader = transport.composer.passages
    subjects = reader._subjects(analyse(question, transport.class_index))
    assert len(subjects) == 2 and "marlow" in subjects[0] and "estover" in subjects[1]
    alone = "What is the monthly pay of a dispatcher with five years of service?"
    assert len(reader._subjects(analyse(alone, transport.class_index))) == 1


def test_a_postal_code_after_its_state_is_no_pay() -> None:
    address = "Human Resources Department - 200 North Cherry Avenue Ontario, CA 91764"
    assert not states_field("salary", address, "Salary range")
    assert states_field("salary", "Annual 62620", "Salary range")


def test_a_range_that_names_no_period_is_read_as_the_period_it_usually_is() -> None:
    line = "SALARY RANGE: $33,571.20 - $36,233.60"
    assert typical_for("year", line) and not typical_for("biweek", line)
    assert plausible_for("biweek", line)  # a fortnight could pay it, but seldom does
    assert typical_for("biweek", "$2,350.00 - $2,980.00")


def test_the_number_after_an_identifiers_label_is_no_pay() -> None:
    assert not states_field("salary", "Job ID: 26992", "Salary")
    assert not states_field("salary", "Posting No. 24113", "Salary")
    assert states_field("salary", "Annual salary: 52000", "Salary")


def test_a_heading_that_labels_the_value_below_it_gives_the_class_its_code() -> None:
    text = (
        "Deputy Warden\n\nSalary\n\n$27.91 - $41.01 Hourly\n\nLocation\n\nSalem, OR\n\n"
        "Job Number\n\n181-2023-4\n\nDepartment\n\nSheriff's Office\n"
    )
    [record] = parse_standard(_document(text, "Deputy Warden - posting")).classes
    assert (record.title, record.code, record.salary_min) == (
        "Deputy Warden",
        "181-2023-4",
        "$27.91",
    )


UNHEADED = """Library Assistant II

Class Code: 0423-9084

Under supervision, performs library tasks of a moderately complex nature.

  1. Performs bibliographic verification of library materials, which requires experience.
  2. Trains student assistants.

  1. Bachelor's Degree and one year of related experience, or an equivalent combination.
  2. Ability to work independently with computer generated records.
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "library", {"library-assistant-ii.txt": UNHEADED})


def test_requirements_a_standard_lists_under_no_heading_are_not_called_absent(
    library: Assistant,
) -> None:
    answer = library.ask("What education and experience does a Library Assistant II need?")
    assert not answer.abstained
    assert "Bachelor's Degree and one year of related experience" in answer.text
    assert "Trains student assistants" not in answer.text
    # A duty that speaks of experience with no credential and no amount of it is no requirement.
    assert "bibliographic verification" not in answer.text


MARLOW = """Police Dispatcher

Apply to be a Marlow Police Dispatcher.

Salary

$23.93-$29.09 Hourly
"""

ESTOVER = """Dispatch careers

Hourly
MONTHLY
Police Dispatcher 1 (Flex)........$24.64 - $29.95........$4,270 - $5,191
Police Dispatcher 2........$28.76 - $34.96........$4,984 - $6,059
"""


@pytest.fixture(scope="module")
def dispatchers(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    entries = {
        "marlow.txt": {
            "title": "Police Dispatcher - Marlow Police Department recruitment page",
            "jurisdiction": "City of Marlow",
        },
        "estover.txt": {"title": "Dispatch careers", "jurisdiction": "City of Estover"},
    }
    files = _with_manifest({"marlow.txt": MARLOW, "estover.txt": ESTOVER}, entries)
    return indexed(tmp_path_factory, "dispatchers", files)


def test_each_place_a_comparison_names_gives_its_own_class(dispatchers: Assistant) -> None:
    answer = dispatchers.ask(
        "Compare the hourly rate of a Marlow Police Dispatcher with an Estover Police"
        " Dispatcher 1 (Flex)."
    )
    assert "$23.93" in answer.text and "$24.64" in answer.text
    assert "$28.76" not in answer.text  # not Estover's level 2


AGENDA = """Staff recommends approval of the following annual salary ranges:

Accountant I $48,902 - $59,448 (currently in place)
Accountant II $53,915 - $65,543 (currently in place)
Accountant III $59,448 - $72,261 (new level)

FISCAL IMPACT
"""


def test_titles_listed_each_with_its_range_take_the_period_of_their_lead_in() -> None:
    records = parse_standard(_document(AGENDA, "Accountant agenda item")).classes
    assert [(r.title, r.salary_min, r.salary_max, r.salary_period) for r in records] == [
        ("Accountant I", "$48,902", "$59,448", "year"),
        ("Accountant II", "$53,915", "$65,543", "year"),
        ("Accountant III", "$59,448", "$72,261", "year"),
    ]
    # One such line alone is no list.
    alone = "Accountant I $48,902 - $59,448 (currently in place)\n"
    assert parse_standard(_document(alone, "Agenda item")).classes == []


def test_titles_listed_with_a_colon_before_their_ranges() -> None:
    text = (
        "For exact salary information please refer to the salary schedule.\n"
        "Harbor Clerk I: $20.82 - $26.58\n"
        "Harbor Clerk II: $22.55 - $28.79\n"
        "Hourly: $20.00 - $30.00\n"
    )
    records = parse_standard(_document(text, "Harbor Clerk I/II posting")).classes
    assert [(r.title, r.salary_min, r.salary_max) for r in records] == [
        ("Harbor Clerk I", "$20.82", "$26.58"),
        ("Harbor Clerk II", "$22.55", "$28.79"),
    ]


def test_pay_words_between_a_listed_title_and_its_range_are_not_the_title() -> None:
    text = (
        "Planner in Training $71,323.20\n"
        "Planner I Range $77,317.09 - $96,711.01\n"
        "Planner II Annual Salary $93,543.34 - $117,009.98\n"
    )
    records = parse_standard(_document(text, "Planner posting")).classes
    assert [(r.title, r.salary_min, r.salary_max) for r in records] == [
        ("Planner in Training", "$71,323.20", None),  # one amount among the ranges
        ("Planner I", "$77,317.09", "$96,711.01"),
        ("Planner II", "$93,543.34", "$117,009.98"),
    ]
    # Lines of one amount alone make no list.
    alone = "Planner in Training $71,323.20\nPlanner I $77,317.09\n"
    assert parse_standard(_document(alone, "Planner posting")).classes == []


def test_a_title_naming_several_levels_keeps_their_code_but_no_levels_pay() -> None:
    text = "Utility Worker I, II, III\n\nJob Number: 24-UW\n\nSalary: $27.24 Hourly\n"
    title = "Utility Worker I, II, III - City of Halden job posting"
    [record] = parse_standard(_document(text, title, "City of Halden")).classes
    assert (record.title, record.code, record.salary_min) == (
        "Utility Worker I, II, III",
        "24-UW",
        None,
    )


def test_each_range_of_a_line_is_read_with_the_period_after_it() -> None:
    line = "$19.63-$35.99 hourly / $3,402.40-$6,237.73 monthly / $40,828.79-$74,852.78 annual"
    assert ranges_by_period(line)["year"] == ("$40,828.79", "$74,852.78")


JOB_FAMILY = """Responsible for maintaining buildings and grounds.

Level Descriptions

Grounds Assistant 1

Custodial

  - Cleans floors.

Licenses/Certifications

May require a valid driver's license.

Market Range: MR01

Grounds Assistant 2

Specialized Recycling

  - Sands wooden floors.

Market Range: MR02
"""


def test_a_series_titled_by_its_levels_gives_each_level_its_own_sections() -> None:
    title = "Grounds Assistant 1 / 2 - Halden University job family"
    assert levels_titled(title) == ["Grounds Assistant 1", "Grounds Assistant 2"]
    assert levels_titled("Grounds Assistant - job family") == []
    records = parse_standard(_document(JOB_FAMILY, title, "Halden University")).classes
    assert [(r.title, r.pay_label, r.pay_grade) for r in records] == [
        ("Grounds Assistant 1", "Market Range", "MR01"),
        ("Grounds Assistant 2", "Market Range", "MR02"),
    ]


def test_a_line_read_already_in_another_period_does_not_answer_the_period_asked(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    agenda = indexed(tmp_path_factory, "agenda", {"accountant-agenda.txt": AGENDA})
    answer = agenda.ask("What is the monthly salary of an Accountant II?")
    assert answer.abstained and "$53,915" in answer.text and "year" in answer.text


def test_a_pay_point_written_with_its_grade_is_a_row_key() -> None:
    keys = row_keys("fortnightly pay at HWF2.4?")
    assert keys == [("hwf", "2.4")] and row_keys("the pay at HWF2.4.") == keys
    assert has_row_key("HWF2.4 $72,904 $2,794.40", keys)
    assert not has_row_key("HWF2.2 $70,091 $2,686.60", keys)  # another point of the grade
    assert row_keys("Under AS 39.27.011 the rate") == []  # a statute's section is no key


def test_a_grade_written_with_a_number_sign_is_a_row_key() -> None:
    assert row_keys("yearly pay for grade #29 staff") == [("grade", "29")]
    assert has_row_key("Grade 29 $43,035.20", row_keys("grade #29"))
    assert row_keys("Class #4008 salary") == []  # a code, not a grade: too long for one


def test_a_level_alone_keys_its_range_under_a_title_naming_several_levels() -> None:
    text = (
        "RECORDS CLERK I/II\n"
        "SALARY: I – $2,361.62 - $2,870.86/month\n"
        "II - $2,556.27 - $3,107.29/month\n"
        "FINAL FILING DATE: JANUARY 14\n"
    )
    records = parse_standard(_document(text, "Records Clerk I/II - recruitment flyer")).classes
    assert [(r.title, r.salary_min, r.salary_max, r.salary_period) for r in records] == [
        ("Records Clerk I", "$2,361.62", "$2,870.86", "month"),
        ("Records Clerk II", "$2,556.27", "$3,107.29", "month"),
    ]
    # A title naming one class keys nothing by a bare level.
    one = parse_standard(_document(text, "Records Clerk - recruitment flyer")).classes
    assert [r.title for r in one] == ["Records Clerk"]


PART_TIME = """Job Title: FERRY DECKHAND (PART-TIME) Bulletin No: 22-104

Salary Range: $19.50 - $24.10 Hourly

Assists passengers boarding and leaving the ferry.
"""


def test_a_part_time_posting_answers_no_full_time_question(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    harbour = indexed(tmp_path_factory, "part-time", {"deckhand.txt": PART_TIME})
    answer = harbour.ask("What is the hourly rate for a full-time Ferry Deckhand?")
    assert answer.abstained and "part-time" in answer.text and "$19.50" not in answer.text
    answer = harbour.ask("What is the hourly rate for a part-time Ferry Deckhand?")
    assert not answer.abstained and "$19.50" in answer.text


def test_a_pay_label_run_into_the_heading_before_it_is_put_on_its_own_line() -> None:
    glued = "Job DescriptionSalary: $22.1501 - $26.9237 per hour\nCourt Clerk I starts here."
    assert labels_unglued(glued).splitlines()[:2] == [
        "Job Description",
        "Salary: $22.1501 - $26.9237 per hour",
    ]
    assert labels_unglued("JavaScript: required") == "JavaScript: required"  # no field's label
    [record] = parse_standard(_document(labels_unglued(glued), "Court Clerk I - posting")).classes
    assert (record.title, record.salary_min, record.salary_max, record.salary_period) == (
        "Court Clerk I",
        "$22.1501",
        "$26.9237",
        "hour",
    )


WARDEN = """Deputy Warden

Salary

$27.91 - $41.01 Hourly

WAGES
$27.91 - $33.64 Trainee Pay Rate*
$30.65 - $41.01 Certified Pay Rate*
"""


def test_pay_the_question_qualifies_is_answered_by_the_line_that_names_it(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    wardens = indexed(tmp_path_factory, "qualified-pay", {"warden.txt": WARDEN})
    answer = wardens.ask("What is the trainee pay rate for a Deputy Warden?")
    assert "$33.64" in answer.text and "$30.65" not in answer.text
    plain = wardens.ask("What is the hourly pay for a Deputy Warden?")
    assert "$27.91 - $41.01" in plain.text  # no qualifier: the class's own range


# A state's class page copied as text: no class title, each field's label on one line and its
# value on the next; the manifest's title names the class by its code.
UNTITLED_FORM = """Class Code:
QT17
General Nature of Work

Inspects harbour moorings and keeps their records.

Minimum Requirements

A high school diploma and two years of marine experience.

Fed Category:
E4
Band:
05
Salary:
Minimum:
$41,200.00
Midpoint:
$52,350.00
Maximum:
$63,500.00
"""
UNTITLED_MANIFEST = {
    "moorings.txt": {
        "title": "State job classification QT17 - nature of work, requirements, band and salary",
        "jurisdiction": "State of Harbourland",
    }
}


def test_a_label_alone_is_joined_to_the_short_value_below_it() -> None:
    joined = stacked_labels_joined(UNTITLED_FORM)
    assert joined.startswith("Class Code: QT17\nGeneral Nature of Work")
    assert "Band: 05\nSalary:\nMinimum: $41,200.00\nMidpoint: $52,350.00" in joined
    # Only the line break between a label and its value changed.
    assert joined.split() == UNTITLED_FORM.split()


@pytest.mark.parametrize(
    "text",
    [
        "Duties:\nInspects harbour moorings and keeps their records.",  # a sentence below
        "Salary:\nMinimum:\n",  # a label below a label
        "Class Code:\n\n\nQT17",  # two blank lines between: a heading and a paragraph
        "Note: see below\n$41,200.00",  # a label with its value already
    ],
)
def test_what_is_not_a_label_above_its_value_stays(text: str) -> None:
    assert stacked_labels_joined(text) == text


def test_a_label_one_blank_line_above_its_value_is_joined() -> None:
    """A vacancy copied a field a paragraph writes each label a blank line above its value."""
    assert stacked_labels_joined("Class Code:\n\nQT17") == "Class Code: QT17"


@pytest.fixture(scope="module")
def untitled(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"moorings.txt": UNTITLED_FORM, "manifest.yaml": yaml.safe_dump(UNTITLED_MANIFEST)}
    return indexed(tmp_path_factory, "untitled", files)


def test_a_class_known_only_by_its_titles_code_is_answered_from_its_lines(
    untitled: Assistant,
) -> None:
    answer = untitled.ask("What are the minimum and maximum salaries for class code QT17?")
    assert not answer.abstained, answer.text
    assert "$41,200.00" in answer.text and "$63,500.00" in answer.text
    # The quote that holds the whole range is given once, not each line of it again.
    assert answer.text.count("$41,200.00") == 1


# A manifest's title that describes the document, the class title inside it; the text writes
# the employer first, then the class title on a line of its own.
DESCRIBED_SPEC = """Harbour County  7120

MOORINGS TECHNICIAN 2
Pay Range HC11

INTRODUCTION

This class is the journey level of the three-level Moorings Technician series.
"""


def test_a_class_title_inside_a_described_document_title_is_its_own_line() -> None:
    title = (
        "Harbour County (Harbourland) class specification Moorings Technician 2 - Pay Range"
        " HC11, introduction and duties"
    )
    (record,) = parse_standard(_document(DESCRIBED_SPEC, title)).classes
    assert record.title == "Moorings Technician 2"  # not "Harbour County", the employer
    assert record.pay_grade == "HC11"


def test_a_series_name_on_its_own_line_is_no_one_class() -> None:
    series = "MOORINGS TECHNICIAN\n\nMOORINGS TECHNICIAN I\nMOORINGS TECHNICIAN II\n"
    title = "Moorings Technician class series description (Harbour County)"
    assert [r.title for r in parse_standard(_document(series, title)).classes] != [
        "Moorings Technician"
    ]


# A county's posting whose ranges name no period, and are hourly by their size.
HOURLY_POSTING = """Harbour County, Harbourland
Overview
The County of Harbour is an Equal Opportunity Employer
For exact salary information please refer to the current salary schedule, County website.
Moorings Aide I: $20.82 - $26.58
Moorings Aide II: $22.55 - $28.79
IN-PERSON TESTING REQUIRED AT THE HARBOUR OFFICE
Testing will be held on: Wednesday, November 12, 2031* Moorings Aide I
Under direct supervision, to learn to keep the harbour's moorings and their records.
"""


@pytest.fixture(scope="module")
def hourly_posting(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "hourly-posting", {"moorings-aide.txt": HOURLY_POSTING})


def test_pay_asked_for_a_period_the_lines_do_not_give_is_not_stated(
    hourly_posting: Assistant,
) -> None:
    history = [Turn("What does a Moorings Aide II earn at Harbour County?", "$22.55 - $28.79 [1].")]
    answer = hourly_posting.ask("how much is that per year?", history=history)
    assert answer.abstained, answer.text
    # (said by the catalog, which knows the range and that it names no period, or by the lines)
    lead = answer.text.splitlines()[0]
    assert lead.startswith("The sources do not") and "a yearly salary" in lead
    assert "$22.55 - $28.79" in answer.text  # what they do give


def test_a_step_no_line_names_is_not_stated(hourly_posting: Assistant) -> None:
    answer = hourly_posting.ask("What is step 3 for a Moorings Aide II at Harbour County?")
    assert answer.abstained, answer.text
    assert answer.text.startswith("The sources do not state step 3 for this.")


def test_a_midpoint_a_line_names_is_stated(untitled: Assistant) -> None:
    answer = untitled.ask("What is the midpoint salary for class code QT17?")
    assert not answer.abstained, answer.text
    assert "$52,350.00" in answer.text


def test_a_label_the_question_names_answers_beside_the_code_it_gives(
    untitled: Assistant,
) -> None:
    answer = untitled.ask("whats the fed category for class code QT17")
    assert not answer.abstained, answer.text
    assert "Fed Category: E4" in [c.quote for c in answer.citations]


def test_what_a_class_given_by_its_code_requires_is_its_requirements_section(
    untitled: Assistant,
) -> None:
    answer = untitled.ask("What are the minimum requirements for class QT17?")
    assert not answer.abstained, answer.text
    assert "two years of marine experience" in answer.text


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("What grade is a Customer Services Adviser?", True),
        # The line's title has words the question does not write: another role's grade.
        ("What grade is an HR Adviser?", False),
    ],
)
def test_a_grade_run_into_its_number_after_a_title_the_question_writes(
    question: str, named: bool
) -> None:
    line = "HR AssistantCS05/06\nCustomer Services Adviser CS07"
    assert names_field("grade", line, question) is named


def test_the_numbers_of_an_address_line_are_no_pay() -> None:
    assert not states_field(
        "salary", "Work Location: SP-Sheldon SP 14140 Garrett Road, Houston 77044"
    )
    assert not states_field("salary", "Mailing Address: 601 E. 12th Street, Kansas City 64106")
    assert states_field("salary", "Salary: 4,235.52 – 4,235.52 (Monthly)")


def test_a_column_named_by_a_pay_period_gives_each_row_its_rate_of_that_period() -> None:
    """One rate a row under each period's name: the first column's rate, with its period
    (a rate to four places, "21.1578", as written), every column kept as a pay column."""
    text = (
        "Dispatch Pay Plan FY 2022-2023\n\nPositions\tHourly\tMonthly\tAnnual\tCertification\n"
        "Operator I Basic\t21.1578\t$3,667.34\t$44,008.12\t-\n"
        "Operator I 12 Month\t22.2111\t$3,849.92\t$46,199.00\tBasic\n"
        "Supervisor Basic\t31.3130\t$5,427.59\t$65,131.07\tMaster\n"
    )
    first, _, last = parse_standard(_document(text, "Dispatch Pay Plan")).classes
    assert (first.title, first.salary_min, first.salary_max, first.salary_period) == (
        "Operator I Basic", "21.1578", None, "hour"
    )  # fmt: skip
    assert last.pay_columns == (
        ("Hourly", "31.3130"), ("Monthly", "$5,427.59"), ("Annual", "$65,131.07")
    )  # fmt: skip
    # Without the hourly column, the first rate is the month's.
    monthly = text.replace("\tHourly", "").replace("\t21.1578", "").replace("\t22.2111", "")
    first = parse_standard(_document(monthly.replace("\t31.3130", ""), "Plan")).classes[0]
    assert (first.salary_min, first.salary_period) == ("$3,667.34", "month")

"""Values a page labels in ways the other readers did not know: a "|" row whose first cell is
the label ("|Closing Date |Tuesday 3rd November 2019 |"), a resolution listing classes under a
header of a title column and a range column with their cells run together, a form whose
headings explain themselves in parentheses, a posting whose only account of the work is its job
summary, and a question whose asked word no line holds. The pages are written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.passage_layout import states_field
from assistant.passages import split_sentences
from assistant.query import normalise_question
from assistant.scope import value_label
from assistant.service import Assistant
from index.extract import title_grade_rows
from index.reflow import dot_leaders_as_tabs, stacked_labels_joined
from index.structure import label_heading

SPECIFICATION = """Campaign Booklet

Mid Harbour Mental Health Service

Senior Nurse Officer

Job Specification

|Job Title, Grade |Senior Nurse Officer (Grade Code 2044 ) |

|Competition Reference |4411.23 |

|Closing Date |Friday 6th March 2026 12:00 |

|Location of Post |Harbour Mental Health Service (Alder, Bramble & Nr. Coldwater) |

|Organisational Area |Harbour Community Healthcare |
"""

RESOLUTION = """RESOLUTION NO. 812
SECTION 1. The Compensation Plan is amended to designate salary ranges to classes
effective July 1, 1990, as follows:
Class Salary Range
Secretary to the Fire Chief 18
Executive Assistant 17
Clerk Typist 11.5
Payroll Clerk I 12
Payroll Clerk II 14
SECTION 2. The class specifications for Records Clerk I are hereby adopted.
"""

FORM = """Job Description Form

Title: Assessor Aide

Job Objectives (Purposes of the position):

Help with property assessment.

Essential Job Functions (Functions essential to attaining job objectives):

*

Enters records of ownership changes.

*

Plots sales on parcel maps.

Job Standards (Minimum qualifications needed to perform essential job functions):

High school graduate. Eighteen years of age or older.
"""

POSTING = """Seasonal Grounds Worker - Parks Division
Wage: $16.50 per hour
FLSA Status: Non-Exempt
Seasonal employment with the Town is limited to a 4-month duration
Job summary:
Position supports the parks program. Under supervision, mows and trims park lawns. Empties
litter bins. Operates light motorized equipment as necessary.
Minimum qualifications:
Must be 18 years of age.
"""

LINE_WORKER = """Apprentice Line Worker

Job Details
An employee in this class works on both energized and non-energized electric power lines under
the direction of the crew supervisor.
"""

AIDE_ARABIC = """CLASS TITLE: SURVEY AIDE 1
CLASS CODE: 417

The Survey Aide 1 is the first working level in the series.
"""

AIDE_ROMAN = """CLASS TITLE: SURVEY AIDE I
CLASS CODE: 518
SALARY: $24.10 - $30.55 hourly

Survey aides hold the rod and chain for a survey party.
"""

DUTIES = """Classroom Aide

Location: Site Level School
Reports To: School Principal

PERFORMANCE RESPONSIBILITIES
Assists the teacher with the instructional needs of the students.
Maintains discipline standards according to the rules of the school system.
Helps students with personal possessions.
Attends faculty meetings when requested.
Keeps materials of instruction organized and clean.
Maintains student confidentiality.
Accompanies students to other classes and recess.
Assists with feeding and toileting as required.
Lifts and moves students as necessary.
Makes wheelchair adjustments throughout the day.
"""

PAY_POLICY = """Pay policy statement

3.2. As of 1 April 2023, Scale A will be deleted from the pay scales. Scale B, spinal column
point (SCP) 2 will become the lowest scale for employees. The current value of Scale B SCP 2
is £21,192, exclusive of Outer Fringe Allowance.
"""

MANIFEST = """
specification.txt:
  title: Campaign booklet - job specification for Senior Nurse Officer (grade code, competition
    reference, closing date, location, organisational area)
  jurisdiction: Mid Harbour Health Service, Tavira
resolution.txt:
  title: Resolution No. 812 - salary ranges of clerical classes
  jurisdiction: City of Marlow Bay, California
form.txt:
  title: Assessor Aide - job description form
  jurisdiction: Pell County, Georgia
posting.txt:
  title: Seasonal Grounds Worker - wage, season, job summary and minimum qualifications
  jurisdiction: Town of Ashby, Iowa
line-worker.txt:
  title: Apprentice Line Worker - job details
  jurisdiction: City of Tamsin, Georgia
pay-policy.txt:
  title: Pay policy statement, section 3
  jurisdiction: Tamworth Vale Borough Council, England
duties.txt:
  title: Classroom Aide - location, reporting and performance responsibilities
  jurisdiction: Ashby Parish Schools, Louisiana
aide-arabic.txt:
  title: SURVEY AIDE 1
  jurisdiction: Dunmore County, Oregon
aide-roman.txt:
  title: SURVEY AIDE I
  jurisdiction: Keel County, California
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(
        tmp_path_factory,
        "labelled-values",
        {
            "specification.txt": SPECIFICATION,
            "resolution.txt": RESOLUTION,
            "form.txt": FORM,
            "posting.txt": POSTING,
            "line-worker.txt": LINE_WORKER,
            "duties.txt": DUTIES,
            "pay-policy.txt": PAY_POLICY,
            "aide-arabic.txt": AIDE_ARABIC,
            "aide-roman.txt": AIDE_ROMAN,
            "manifest.yaml": MANIFEST,
        },
    )


def test_the_first_cell_of_a_pipe_row_labels_its_value() -> None:
    assert value_label("|Closing Date |Friday 6th March 2026 12:00 |") == "Closing Date"
    assert value_label("FLSA: Non-Exempt") == "FLSA"
    assert value_label("| |Registrar (Grade Code 1538) |") is None


def test_a_value_labelled_with_the_questions_word_answers_it(pages: Assistant) -> None:
    answer = pages.ask("When does the Harbour Senior Nurse Officer competition close?")
    assert not answer.abstained
    assert "Friday 6th March 2026 12:00" in answer.text


def test_a_pipe_rows_label_names_what_it_gives_not_the_document(pages: Assistant) -> None:
    answer = pages.ask("What is the competition reference for the Senior Nurse Officer campaign?")
    assert "4411.23" in answer.text


def test_a_place_called_mid_is_no_pay_word() -> None:
    """ "Mid West" is a place; a bare "4411.23" beside it is no pay. "Min Mid Max" heads pay."""
    assert not states_field("salary", "|Competition Reference |4411.23 |", "HSE Mid West")
    assert states_field("salary", "Clerk 41,230 45,100", "Min Mid Max")


def test_the_number_of_a_gazette_is_no_pay() -> None:
    line = "the Regulations on Minimum Skill Levels, Government Gazette 29967 of 15 June 2007"
    assert not states_field("salary", line)
    assert states_field("salary", "Minimum salary 29967")


def test_a_reference_number_is_not_a_salary(pages: Assistant) -> None:
    """The document names "Mid Harbour": its bare "4411.23" is still no pay."""
    answer = pages.ask("What is the salary for a Senior Nurse Officer at Mid Harbour?")
    assert answer.abstained
    assert "4411.23" not in answer.text.split("nearest")[0]


def test_an_abbreviation_with_a_period_does_not_end_a_sentence() -> None:
    line = "Harbour Mental Health Service (Alder, Bramble & Nr. Coldwater)"
    assert split_sentences(line) == [line]
    # A time of day and a shortened month run on into the date after them.
    hours = "Hours are 5:30 a.m. until approximately 8 p.m. Aug. 2."
    assert split_sentences(f"{hours} Workers must be 18.") == [hours, "Workers must be 18."]


def test_a_list_run_into_a_sentence_stays_in_it() -> None:
    line = (
        "Post holders are identified under one of the following:- 1. Operational/Casework "
        "2. Clerical support 3. Finance. These are split further."
    )
    assert split_sentences(line) == [line.rsplit(" These", 1)[0], "These are split further."]
    assert split_sentences("The class is grade 5. It pays well.") == [
        "The class is grade 5.",
        "It pays well.",
    ]


def test_rows_under_a_title_and_range_header_are_each_classs_range() -> None:
    rows = {r.title: (r.pay_label, r.pay_grade) for r in title_grade_rows(RESOLUTION.split("\n"))}
    assert rows["Executive Assistant"] == ("Salary Range", "17")
    assert rows["Clerk Typist"] == ("Salary Range", "11.5")
    assert rows["Payroll Clerk II"] == ("Salary Range", "14")
    assert "Records Clerk I" not in rows
    # Two lines that end in a number are too few to be a table's rows.
    assert title_grade_rows(["Class Salary Range", "Clerk Typist 11", "Payroll Clerk 12"]) == []


def test_rows_glued_to_their_grades_under_a_glued_header() -> None:
    lines = [
        "Position TitleGrade",
        "Library Clerk1",
        "Library Assistant2",
        "Coordinator of Community Engagement, Digital Archives, Digital Learning, Materials, "
        "Handling, Multicultural Learning, Restorative Practices 4",
        "Graphic Designer4",
        "Supervising Librarian5",
        "Stay current on news.",
    ]
    rows = [(r.title, r.pay_label, r.pay_grade, r.quote) for r in title_grade_rows(lines)]
    assert rows == [
        ("Library Clerk", "Grade", "1", "Library Clerk1"),
        ("Library Assistant", "Grade", "2", "Library Assistant2"),
        ("Graphic Designer", "Grade", "4", "Graphic Designer4"),
        ("Supervising Librarian", "Grade", "5", "Supervising Librarian5"),
    ]


def test_a_class_of_such_a_table_is_answered_with_its_row(pages: Assistant) -> None:
    answer = pages.ask("What salary range is Marlow Bay's Executive Assistant on?")
    assert not answer.abstained
    assert '"Executive Assistant 17"' in answer.text


def test_a_range_given_asks_which_class_holds_it(pages: Assistant) -> None:
    answer = pages.ask("marlow bay range 17 - what class")
    assert not answer.abstained
    named = 'Salary Range 17 is Executive Assistant (City of Marlow Bay, California): "Executive'
    assert f'{named} Assistant 17"' in answer.text


def test_a_comparison_of_ranges_quotes_each_row(pages: Assistant) -> None:
    answer = pages.ask("marlow bay payroll clerk I vs payroll clerk II - same range?")
    assert '("Payroll Clerk I 12")' in answer.text
    assert '("Payroll Clerk II 14")' in answer.text


def test_a_head_noun_before_another_head_noun_names_no_class(pages: Assistant) -> None:
    """ "Chief Clerk I" is in no table: not "Secretary to the Fire Chief" by its last word."""
    answer = pages.ask("What salary range did Marlow Bay assign to Chief Clerk I?")
    assert answer.abstained
    assert "is assigned to" not in answer.text


def test_a_heading_explained_in_parentheses_is_a_heading() -> None:
    assert label_heading("Essential Job Functions (Functions essential to attaining objectives):")
    assert label_heading("Job Standards (Minimum qualifications needed to perform the job):")
    assert not label_heading("Job Location (Place(s) where work is performed):")


def test_the_functions_of_a_form_answer_what_the_class_does(pages: Assistant) -> None:
    """ "functions" asks for duties; the list under the heading explained in parentheses
    answers, not the standards whose explanation names "essential job functions" too."""
    answer = pages.ask("What are the essential job functions of a Pell County Assessor Aide?")
    assert "* Enters records of ownership changes." in answer.text
    assert "Eighteen years of age" not in answer.text


def test_a_job_summary_answers_what_a_class_does_when_nothing_lists_duties(
    pages: Assistant,
) -> None:
    answer = pages.ask("what does the ashby seasonal grounds worker actually do")
    assert "mows and trims park lawns" in answer.text
    assert "4-month duration" not in answer.text


def test_a_question_whose_asked_word_no_line_holds_is_not_answered(pages: Assistant) -> None:
    """ "non-energized" holds "non", and the job details name the class: neither says whether
    it is exempt."""
    answer = pages.ask(
        "Is the City of Tamsin Apprentice Line Worker exempt or non-exempt under the FLSA?"
    )
    assert answer.abstained
    assert "energized" not in answer.text.split("nearest")[0]


def test_contents_entries_keep_their_leaders() -> None:
    text = "Table of Contents\n\nSERIES DEFINITION........ 2\n\nEXCLUSIONS ....... 3\n\nText"
    assert dot_leaders_as_tabs(text) == text
    assert dot_leaders_as_tabs("Police Dispatcher 2......$28.76") == "Police Dispatcher 2\t$28.76"


def test_the_same_title_written_otherwise_answers_what_the_class_asked_lacks(
    pages: Assistant,
) -> None:
    """ "Survey Aide 1" is Dunmore County's title, with no pay; Keel County writes "Survey
    Aide I" and pays it: its pay is given after the first standard's "no salary amount"."""
    answer = pages.ask("what does a survey aide 1 get paid")
    assert "The sources do not give a salary amount for Survey Aide 1" in answer.text
    assert "$24.10 - $30.55" in answer.text


def test_a_section_of_duties_is_quoted_in_its_order(pages: Assistant) -> None:
    """ "schools" names the employer: the two lines that hold "school" do not stand for the
    whole list of duties."""
    answer = pages.ask("What does a classroom aide do in Ashby Parish schools?")
    # Each item quoted on its own, with its citation, in the section's order.
    assert '"Assists with feeding and toileting as required." [' in answer.text
    assert '"Lifts and moves students as necessary." [' in answer.text
    assert answer.text.index("Assists the teacher") < answer.text.index("Lifts and moves")
    assert "Reports To" not in answer.text


def test_an_identifier_keeps_its_words() -> None:
    """ "UT-TEMP-2020-0022" names an announcement: its "temp" is no "temporary"."""
    text = normalise_question("What does the BLM pay under announcement UT-TEMP-2020-0022?")
    assert "ut-temp-2020-0022" in text and "temporary" not in text
    assert "temporary" in normalise_question("temp worker pay")


def test_a_label_and_its_value_a_blank_line_apart_are_joined() -> None:
    text = "Salary Range:\n\n$31,200 - $33,032\n\nFLSA Status:\n\nNon-Exempt"
    assert stacked_labels_joined(text) == (
        "Salary Range: $31,200 - $33,032\n\nFLSA Status:\n\nNon-Exempt"
    )


def test_a_label_naming_a_grade_among_other_words_gives_it() -> None:
    assert states_field("grade", "NC Salary Grade Equivalency: 56")
    assert not states_field("grade", "Work Schedule: 6:30 a.m. - 3:00 p.m.")


def test_a_question_naming_a_place_and_no_class_reads_its_passages(pages: Assistant) -> None:
    """ "the lowest point on Tamworth Vale's pay spine" names no class: not "no class of the
    Tamworth Vale standards matches"."""
    answer = pages.ask("whats the lowest point on tamworth vale councils pay spine worth")
    assert "£21,192" in answer.text

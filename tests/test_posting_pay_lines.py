"""Postings as the thirty-fourth held-out set showed them: a title that names its class only in
a sentence of the text ("We're seeking a Protocol, Honours and Ceremonial Events Officer"), a
question that asks two pay periods at once, a posting's number in the question, and a salary line
that says more of the pay than its range. The pages are written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.label_answers import states_pay_in_words
from assistant.query import analyse
from assistant.row_keys import row_keys
from assistant.service import Assistant
from assistant.topic_answers import asks_when_why_whether
from index.extract import one_class_title
from index.money import asked_period

POSTING = """Closes: 17 March 2026
Classification: Harbour Services Officer Class 4
Salary: $61,200 - $64,900 plus superannuation
Position No: 51234
Details: We're seeking a Events, Honours and Visits Officer to support the Harbourmaster.
"""

GRADES = """Pay grades

Grade 3A

  • Point 1: £23,500 (£12.18 p/h)
  • Main Rate: £23,893 (£12.38 p/h)

Grade 3B

  • Point 1: £24,294 (£12.59 p/h)
  • Main Rate: £24,702 (£12.80 p/h)

Grade 6A

  • Assimilation Point: £29,777 (£15.43 p/h)
  • Point 1: £30,296 (£15.70 p/h)
  • Main Rate: £31,364 (£16.26 p/h)

Grade 6B

  • Assimilation Point: £33,024 (£17.12 p/h)
  • Point 1: £33,945 (£17.59 p/h)
  • Main Rate: £35,745 (£18.53 p/h)
"""


def test_the_longest_head_of_a_title_the_text_writes_is_the_class() -> None:
    title = "Events, Honours and Visits Officer - harbour vacancy, position 51234 (salary)"
    assert one_class_title(title, POSTING) == ("Events, Honours and Visits Officer", [])
    # Where the text writes only a shorter head, that head is the title.
    shorter = POSTING.replace("Events, Honours and Visits Officer", "Events Officer")
    assert one_class_title(title, shorter) == ("Events", [])


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("grade 5A main rate - yearly and hourly?", None),
        ("what is the hourly rate for grade 5A?", "hour"),
        ("grade 5A main rate?", None),
        # words no source writes beside a figure name a period in a question
        ("what would a labourer earn over the year?", "year"),
        ("how much per hour, and over the year?", None),
    ],
)
def test_a_question_asks_one_period_or_none(question: str, period: str | None) -> None:
    assert asked_period(question) == period


COLLEGE_POSTING = """Job Details

Custodian

Closing Date: 2/2/2026

Pay Information:
Range 14 ($2,155.67) per month based on 0.4 FTE from the current Classified salary schedule.
"""


# The posting's employer is named by its manifest alone, as a job board's page may leave it out.
COLLEGE_MANIFEST = """college-custodian.txt:
  title: Custodian - job posting (pay information)
  jurisdiction: Harbour Valley Community College District
"""


# A posting whose pay is in words: no figure, a label that says what applies.
BAKERY_POSTING = """Careers

Council employs a team of more than 800 people.
Job Opportunities
1 x Temporary Full Time - 38 hours, 5 days per week
Salary: Award wage will apply
Location: Riverside Bakehouse, Casula
Closing Date: Sunday, 2 December 2018

Apprentice Baker

As the Apprentice Baker at Riverside Bakehouse you will learn all aspects of baking.

About you:

  • Must have a minimum Year 10 School Certificate
  • Willing to undertake TAFE baking studies
"""


# ...and one whose pay label points to a schedule the text does not hold.
GROUNDS_POSTING = """Groundskeeper

Location: Harbour Valley Schools
Salary Range: Per District Salary Schedule
General Overview: The groundskeeper mows and trims the district's fields.
"""

# A label in capitals over pay with no figure; a page that says its pay is "Included".
DEPUTY_POSTING = """Lakemoor Harbour, Seahouses

JOB TITLE: Deputy Pier Keeper

SALARY: £ (Dependent upon experience)

ACCOUNTABLE TO: Harbour Commissioners

HOURS: Full time 37.5hpw (hours vary between Summer and Winter)


The Deputy Pier Keeper will primarily support the Pier Keeper in meeting the requirements of the Port Marine Safety Code. The post holder will be expected to maintain compliance and, under the guidance of the Pier Keeper, implement the maritime regulatory requirements.

In consultation with the Lakemoor Commissioners the Deputy Pier Keeper shall strive to maintain a smooth and harmonious relationship with all harbour users.
"""  # noqa: E501
DOCK_POSTING = """Seasonal Dock Attendants

The Lakemoor Port Authority invites applications for Seasonal Dock Attendants at its two marinas.

The hourly wage will start at $15.50 and increase to $16.20 June 1st, 2026.

Benefits: Up to $500 annual wellbeing incentive.
"""
DOCK_MANIFEST = """dock-attendants.txt:
  title: Seasonal Dock Attendants - port authority job advert
  jurisdiction: Lakemoor Port Authority
deputy-pier-keeper.txt:
  title: Deputy Pier Keeper - harbour vacancy (job title, salary with no figure, hours)
  jurisdiction: Lakemoor Harbour Commissioners, Seahouses
"""
GUARDS_REPORT = """BROOKVALE - The borough is seeking school crossing guards.
The hourly pay rate schedule is as follows:
• Year 1: $17 per hour
• Year 2: $18 per hour
• Year 3: $19 per hour
• Year 4: $20.50 per hour
• Years 5 and beyond: $22 per hour
Substitute guards will make $17 per hour, regardless of years of service.
"""
CLERK_POSTING = """Quay Clerk

Job Title: Quay Clerk
Location: Lakemoor
Salary: Included
Expiry Date: Friday, 4 December 2026
"""


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(
        tmp_path_factory,
        "harbour-posting",
        {
            "events-officer.txt": POSTING,
            "pay-grades.txt": GRADES,
            "college-custodian.txt": COLLEGE_POSTING,
            "manifest.yaml": COLLEGE_MANIFEST,
        },
    )


@pytest.fixture(scope="module")
def worded(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    postings = {
        "apprentice-baker.txt": BAKERY_POSTING,
        "groundskeeper.txt": GROUNDS_POSTING,
        "deputy-pier-keeper.txt": DEPUTY_POSTING,
        "quay-clerk.txt": CLERK_POSTING,
        "dock-attendants.txt": DOCK_POSTING,
        "crossing-guards.txt": GUARDS_REPORT,
        "manifest.yaml": DOCK_MANIFEST,
    }
    return indexed(tmp_path_factory, "pay-in-words", postings)


def test_a_posting_s_pay_in_words_answers_a_question_for_its_pay(worded: Assistant) -> None:
    answer = worded.ask("whats the salary for the apprentice baker at riverside bakehouse?")
    assert not answer.abstained
    assert '"Salary: Award wage will apply"' in answer.text
    # A period asked is no period the words give.
    yearly = worded.ask("whats the annual salary for the apprentice baker at riverside bakehouse?")
    assert yearly.abstained
    # Words that point to pay stated elsewhere state none.
    assert worded.ask("how much does a harbour valley groundskeeper make").abstained
    # Pay in words beside a currency sign with no figure is what the posting says of it; one
    # word that is no term of pay ("Included") says nothing of it.
    deputy = worded.ask("What is the salary for the Deputy Pier Keeper?")
    assert not deputy.abstained
    assert '"SALARY: £ (Dependent upon experience)"' in deputy.text
    assert worded.ask("What is the salary for the Quay Clerk?").abstained


def test_a_rate_a_line_says_the_wage_rises_to_is_the_wage(worded: Assistant) -> None:
    answer = worded.ask("What is the hourly wage for Lakemoor Port Authority dock attendants?")
    assert not answer.abstained
    assert "start at $15.50 and increase to $16.20" in answer.text
    # "Up to $500 annual wellbeing incentive" is no yearly pay.
    assert worded.ask("What is the annual salary of a Lakemoor dock attendant?").abstained


def test_the_line_labelled_with_the_word_asked_answers(worded: Assistant) -> None:
    # "JOB TITLE: Deputy Pier Keeper" names the post; "HOURS: ..." says what is asked.
    answer = worded.ask("what hours does the seahouses deputy pier keeper work")
    assert not answer.abstained
    assert answer.citations[0].quote.startswith("HOURS: Full time 37.5hpw")


def test_rates_by_year_of_service_are_rows_keyed_by_the_year(worded: Assistant) -> None:
    fourth = worded.ask("brookvale crossing guard pay in 4th year")
    assert "Year 4: $20.50 per hour" in fourth.text
    top = worded.ask("What is the top hourly rate on Brookvale's crossing guard schedule?")
    assert "Years 5 and beyond: $22 per hour" in top.text


def test_pay_in_words_is_a_pay_label_over_words() -> None:
    assert states_pay_in_words("Salary\n\nDepends On Qualifications")
    assert states_pay_in_words("Salary: Negotiable")
    assert not states_pay_in_words("Salary: Included")
    assert not states_pay_in_words("Salary Range: $Min - $Max")
    assert not states_pay_in_words("Salary: Per District Salary Schedule")


def test_a_posting_number_in_the_question_is_no_amount(harbour: Assistant) -> None:
    question = "What is the salary for the Events, Honours and Visits Officer (position 51234)?"
    assert analyse(question, harbour.class_index).amounts == ()
    assert analyse("Who earns 51234 a year?", harbour.class_index).amounts == ("51234",)


def test_a_salary_line_that_says_more_than_its_range_is_quoted(harbour: Assistant) -> None:
    answer = harbour.ask("What is the salary for the Events, Honours and Visits Officer?")
    assert "$61,200 - $64,900" in answer.text
    assert '"Salary: $61,200 - $64,900 plus superannuation"' in answer.text
    assert "below the minimum" not in answer.text


def test_a_grade_asked_yearly_and_hourly_is_read_under_its_heading(harbour: Assistant) -> None:
    answer = harbour.ask("grade 3B main rate - yearly and hourly?")
    assert "£24,702 (£12.80 p/h)" in answer.text
    assert "£23,893" not in answer.text


def test_a_second_grade_after_a_joiner_is_a_key_of_the_same_label() -> None:
    assert ("grade", "6b") in row_keys("east riding grade 6a vs 6b main rate difference")
    assert row_keys("band 5 or 6 nurse") == [("band", "5"), ("band", "6")]
    assert row_keys("grade 5 and 2 years of experience") == [("grade", "5")]


def test_the_line_the_question_names_by_its_label_answers_for_each_grade(
    harbour: Assistant,
) -> None:
    answer = harbour.ask("grade 6a vs 6b main rate difference")
    assert "£31,364 (£16.26 p/h)" in answer.text and "£35,745 (£18.53 p/h)" in answer.text
    assert "Assimilation Point" not in answer.text


@pytest.mark.parametrize(
    ("question", "whether"),
    [
        ("The Range Technician job in Vernal is a permanent position, right?", True),
        ("harbour's lowest pay grade is still scale A isnt it", True),
        ("Butte County pays a Mechanic III $1,928.80 - $2,584.80 a month, correct?", False),
        ("What is the salary of a Mechanic III?", False),
    ],
)
def test_a_claim_put_to_be_confirmed_with_no_figure_asks_whether(
    question: str, whether: bool
) -> None:
    assert asks_when_why_whether(question) is whether


def test_a_passage_is_read_for_the_acronym_its_employer_s_name_spells(harbour: Assistant) -> None:
    answer = harbour.ask("hvccd custodian monthly pay?")
    assert "Range 14 ($2,155.67) per month" in answer.text


def test_a_named_posting_s_section_of_what_is_asked_answers(worded: Assistant) -> None:
    # "About you:" heads what the posting asks of applicants; its lines write no word of the
    # question ("need", "apply").
    answer = worded.ask("What do I need to apply for the Riverside Bakehouse Apprentice Baker job?")
    assert not answer.abstained
    assert "Willing to undertake TAFE baking studies" in answer.text


SPECIFICATION = """Court Interpreter

Pay Grade: 67
Class Code: 7530
FLSA Status: Non-Exempt

This is professional work interpreting in courtroom proceedings.
"""


def test_the_pay_of_a_grade_given_is_not_stated_by_the_grade(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """ "The salary range for Pay Grade 67": the grade is given; the dollars, asked, are not
    stated, and the answer says so with the grade it does state."""
    spec = indexed(tmp_path_factory, "spec", {"court-interpreter.txt": SPECIFICATION})
    answer = spec.ask("What is the salary range for Pay Grade 67, the Court Interpreter?")
    assert answer.abstained, answer.text
    assert "do not give a salary amount" in answer.text and "67" in answer.text

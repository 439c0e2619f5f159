"""Postings exported as forms and pay told in news items: a label and its figure with no colon
("Pay Plan 12"), a place typed short ("sac state") that only the document's place writes, a
bonus beside an hourly wage, an allowance no text names, and a news item whose class the
catalog does not know. The pages are written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.passage_layout import states_field
from assistant.query import detect_intents, normalise_question
from assistant.service import Assistant
from assistant.topic_answers import is_duty_item

FORM = """Groundskeeper (2 positions)

Posting Details

Working Title Groundskeeper (2 positions)
Classification Title Groundskeeper
Job Summary

Under the general supervision of the Grounds Supervisor, the Groundskeeper mows, trims and
waters the lawns of the residence halls.

Classification Salary Range

$2,410-3,990 monthly

Hiring Range $2,410-3,990 monthly
Salary Grade/Range 2
Pay Plan 12
"""

NEWS = """Harbor Parks announces summer hiring

The District will pay seasonal deckhands a $400 retention bonus and $150 for ticket agents.

The District is recruiting residents to fill 300 summer positions, including Deckhands and Ticket
Agents. The current hourly wage for Deckhands is $16.40/hour. Ticket Agents are paid $15.20/hour.
"""

BANK = """Recruitment of Clerks 2011

Age limit : 20-28 years as on 01.04.2011.
Pay Scale: Rs. 7200-400/3-8400-500/3-9900-600/4-12300.
Selection will be on the basis of a written test and an interview.
"""

RELEASE = """Transit board approves a new starting step for bus drivers

Effective March 1, 2023, all-new bus drivers will start at step one with a wage rate of 70
percent of the top bus driver wage rate, eliminating the trainee rate.
"""

SCALES = (
    "2.3 The salary for the post of Analyst I is Salary Scale 11, which in the year 2026 is "
    "€24,100.50 per annum, rising by annual increments of €390.20 up to a maximum of €26,442.00.\n"
    "2.4 An Analyst I in Salary Scale 11 will progress up to Salary Scale 8 (€29,100.00 x €500.10 "
    "- €32,100.60 in 2026) on completion of eight (8) years of service.\n"
)

DUTIES = """State of Westmark

- Monthly / $41,100.00-$64,950.00 Yearly

A Budget Analyst I is the intermediate level of work preparing and executing agency budgets.

Employees in this classification receive moderate supervision from a Budget Supervisor.

Prepares and distributes budget instructions to assigned units;

Reviews unit budget submissions to determine adherence to established guidelines;

Prepares draft budgets to delineate unit requests;

Presents budgetary information to agency executive management;
"""

STIPEND = """Wanted: Pound Keeper

SUMMARY OF POSITION
The Pound Keeper is appointed by the Selectboard to enforce the Town Dog Ordinance.

COMPENSATION
This is a part-time position compensated at an annual stipend of $750.00 (mileage is covered).
"""

OFFERED = """Town Health Officer Opportunities

The Town of Glenmere is seeking candidates interested in serving as the Town Health Officer.
The Town offers a $250 annual stipend to the Town Health Officer.
"""

NEGOTIATED = (
    "The Town of Elmford is seeking a person interested in serving as Pound Keeper (PK) for the "
    "Town of Elmford. PKs are responsible for the enforcement of the Dog Ordinance of the Town "
    "of Elmford.\nThe Board seeks to compensate fairly those appointed to the position of PK and "
    "will negotiate, in good faith, an agreeable monthly stipend before the appointment of PKs "
    "is effective.\n"
)

MANIFEST = """
stipend.txt:
  title: Wanted - Pound Keeper (Town of Ashby vacancy)
  jurisdiction: Town of Ashby, Vermont
negotiated.txt:
  title: Town of Elmford seeking a Pound Keeper (June 2020)
  jurisdiction: Town of Elmford, Vermont
offered.txt:
  title: Town Health Officer Opportunities - town notice
  jurisdiction: Town of Glenmere, Vermont
form.txt:
  title: Groundskeeper (2 positions) - residence hall posting with hiring range, grade and pay plan
  jurisdiction: Coastal State University, Marlowe (Marlowe, California)
news.txt:
  title: Harbor Parks summer hiring - seasonal deckhand and ticket agent hourly wages and bonuses
  jurisdiction: Harbor Parks District (Bayport, Oregon)
bank.txt:
  title: Recruitment of Clerks 2011 - age limit, pay scale and selection
  jurisdiction: Meridian Bank (India)
duties.txt:
  title: Budget Analyst I - yearly salary range, level of work and examples of work
  jurisdiction: State of Westmark
scales.txt:
  title: Analyst I - salary scale 11 with 2026 figures and progression (call for applications)
  jurisdiction: Public Service of Valletta Bay
release.txt:
  title: Transit board approves a new starting step for bus drivers (Lakeside Transit news)
  jurisdiction: Lakeside Transit Authority (Lakeside, Minnesota)
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(
        tmp_path_factory,
        "posting-forms",
        {
            "form.txt": FORM,
            "news.txt": NEWS,
            "bank.txt": BANK,
            "release.txt": RELEASE,
            "scales.txt": SCALES,
            "duties.txt": DUTIES,
            "stipend.txt": STIPEND,
            "negotiated.txt": NEGOTIATED,
            "offered.txt": OFFERED,
            "manifest.yaml": MANIFEST,
        },
    )


def test_a_place_typed_short_is_the_place_of_the_document(pages: Assistant) -> None:
    answer = pages.ask("marl state groundskeeper monthly pay range")
    assert not answer.abstained
    assert "$2,410-3,990 monthly" in answer.text


def test_a_form_label_without_a_colon_answers_when_the_question_names_it(
    pages: Assistant,
) -> None:
    answer = pages.ask("What pay plan number is on the Marlowe Groundskeeper posting?")
    assert not answer.abstained
    assert '"Pay Plan 12"' in answer.text


def test_a_bonus_is_not_the_hourly_wage_asked(pages: Assistant) -> None:
    answer = pages.ask("What hourly wage does Harbor Parks pay seasonal deckhands?")
    assert not answer.abstained
    first = answer.text.split("\n")[0]
    assert "$16.40/hour" in first
    assert "retention bonus" not in first


def test_a_stipend_the_post_is_compensated_at_is_its_pay(pages: Assistant) -> None:
    answer = pages.ask("How is the Town of Ashby's Pound Keeper paid?")
    assert not answer.abstained and "annual stipend of $750.00" in answer.text


def test_a_stipend_offered_to_the_post_is_its_pay(pages: Assistant) -> None:
    answer = pages.ask("What does the Town of Glenmere pay its Town Health Officer?")
    assert not answer.abstained and "$250 annual stipend" in answer.text


def test_pay_told_in_words_is_what_the_sources_say_of_a_pay_not_stated(pages: Assistant) -> None:
    answer = pages.ask("How does the Town of Elmford pay its Pound Keeper?")
    assert answer.abstained and "agreeable monthly" in answer.text


def test_an_allowance_no_text_names_is_not_answered_with_the_pay_scale(pages: Assistant) -> None:
    answer = pages.ask("meridian bank clerk 2011 - how much DA and HRA on top of the basic pay")
    assert answer.abstained


def test_a_news_item_of_no_known_class_is_read_not_denied(pages: Assistant) -> None:
    answer = pages.ask("Under the 2023 change, what do new Lakeside Transit bus drivers start at?")
    assert "No class of" not in answer.text
    assert "70" in answer.text and "percent of the top bus driver wage rate" in answer.text


def test_amounts_after_another_scale_are_that_scales(pages: Assistant) -> None:
    answer = pages.ask("What does an Analyst I earn on Salary Scale 11 in 2026?")
    assert not answer.abstained
    assert "€24,100.50" in answer.text
    assert "€29,100.00" not in answer.text


def test_a_bands_letter_is_a_grade() -> None:
    assert states_field("grade", "1. Position Level : Salary Band K")
    assert states_field("grade", "Pay Grade B")
    assert not states_field("grade", "Grades A and B")
    assert not states_field("grade", "Schedule A")


def test_the_period_a_claim_gives_is_corrected_not_required(pages: Assistant) -> None:
    answer = pages.ask("Harbor Parks pays its seasonal deckhands $16.40 a month, correct?")
    assert not answer.abstained
    assert "$16.40/hour" in answer.text


def test_a_list_of_duties_with_no_heading_answers_what_the_class_does(pages: Assistant) -> None:
    answer = pages.ask("What does a Budget Analyst I do for the State of Westmark?")
    assert not answer.abstained
    lines = answer.text.split("\n")
    assert "Prepares and distributes budget instructions" in lines[0]
    assert "Reviews unit budget submissions" in answer.text
    assert "Prepares draft budgets to delineate unit requests" in answer.text
    assert "intermediate level" not in answer.text


def test_an_item_of_duties_opens_with_a_verb_not_a_plural_noun() -> None:
    assert is_duty_item("Reviews unit budget submissions to determine adherence;")
    assert is_duty_item("- Prepares and distributes budget instructions to assigned units;")
    assert not is_duty_item("Employees in this classification receive moderate supervision.")
    assert not is_duty_item("Process plans.")


def test_money_written_with_nothing_else_asked_asks_pay(pages: Assistant) -> None:
    assert detect_intents(normalise_question("lifeguards get $15 an hour, right?")) == ("salary",)
    answer = pages.ask("harbor parks deckhands get $15.20 an hour same as ticket agents, right?")
    assert not answer.abstained
    assert "The current hourly wage for Deckhands is $16.40/hour." in answer.text.split("\n")[0]

"""A line that gives pay for several periods answers for each: the period asked is read from
the line, never called absent because the catalog kept another."""

from __future__ import annotations

from test_passage_answers import indexed

from assistant.citations import Citation, CitationBook
from assistant.figures import in_period_asked, ranges_by_period
from assistant.pay_lacking import pay_of_other_period
from assistant.query import QueryAnalysis
from index.types import ClassRecord, Evidence

LINE = "HARBOR AIDE II (#HA2 ) $20.10-$25.40 hourly / $3,484.00-$4,402.67 monthly"


def test_each_period_of_a_line_is_read_with_its_range() -> None:
    assert ranges_by_period(LINE) == {
        "hour": ("$20.10", "$25.40"),
        "month": ("$3,484.00", "$4,402.67"),
    }
    assert ranges_by_period("Pay range 14") == {}


def test_the_period_asked_replaces_the_one_the_catalog_kept() -> None:
    record = ClassRecord(
        source="harbor.txt",
        title="Harbor Aide II",
        salary_min="$20.10",
        salary_max="$25.40",
        salary_period="hour",
        evidence=(Evidence("salary", "Harbor", LINE),),
    )
    monthly = in_period_asked(record, "What is the monthly pay of a Harbor Aide II?")
    assert (monthly.salary_min, monthly.salary_max, monthly.salary_period) == (
        "$3,484.00",
        "$4,402.67",
        "month",
    )
    assert in_period_asked(record, "What is the yearly pay?") == record  # not on the line
    assert in_period_asked(record, "What is the pay?") == record


def test_a_question_asking_two_periods_is_not_answered_for_one_alone() -> None:
    """ "main rate - yearly and hourly?" of "Main Rate: £27,334 (£14.17 p/h)": the line gives
    both; no lead says the yearly salary is missing."""
    book = CitationBook()
    book.citations.append(Citation("x.txt", "Grade 5A", "• Main Rate: £27,334 (£14.17 p/h)"))
    both = QueryAnalysis("grade 5A main rate - yearly and hourly?", intents=("salary",))
    assert pay_of_other_period(both, book) is None
    monthly = QueryAnalysis("grade 5A main rate per month?", intents=("salary",))
    assert pay_of_other_period(monthly, book) is not None


def test_a_period_written_for_another_role_is_not_the_subjects() -> None:
    book = CitationBook()
    line = (
        "Kennel workers will now get $16 an hour, and the shelter program will get $23 an "
        "hour. The administrator will be paid $80,000 a year."
    )
    book.citations.append(Citation("x.txt", "Kane County", line))
    kennel = QueryAnalysis(
        "kane county kennel worker yearly salary?",
        intents=("salary",),
        keywords=("kane", "county", "kennel", "worker"),
    )
    assert pay_of_other_period(kennel, book) is not None
    boss = QueryAnalysis(
        "kane county administrator yearly salary?",
        intents=("salary",),
        keywords=("kane", "county", "administrator"),
    )
    assert pay_of_other_period(boss, book) is None


RATES = (
    "Substitute Pay Rates\n\nDaily Rates\n\nNonCertified Teacher:  $115 per day\n\n"
    "Certified Teacher: $120 per day\n\nNurse Rates\n\nLVN/EMT:  $115 per day\n\nRN: $140 per day\n"
)


def test_pay_counted_by_the_day_is_no_hourly_rate(tmp_path_factory) -> None:
    """ "$120 per day" is small enough to be an hourly rate, but the line says what it is
    paid by: asked for the hourly rate, the sources do not state one."""
    assistant = indexed(tmp_path_factory, "daily-rates", {"substitute-pay.txt": RATES})
    hourly = assistant.ask("What is the hourly rate for a certified substitute teacher?")
    assert hourly.abstained and "$120 per day" in hourly.text  # what the sources do say
    daily = assistant.ask("What is the daily rate for a certified substitute teacher?")
    assert not daily.abstained and "$120 per day" in daily.text

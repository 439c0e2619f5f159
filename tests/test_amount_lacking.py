"""How much pay is answered by a line that states an amount, a share, or the pay in words; an
answer whose lines only say that something is paid ("additional compensation on those weeks")
abstains and shows them. So does one whose lines give another figure than the pay asked: the
raise for the new rate, what the rate rises to for the old one, where pay starts for its top,
two ends of a range for the pay at ten years, a full-time post's pay for a part-time one's."""

from __future__ import annotations

import pytest

from assistant.citations import Citation
from assistant.pay_changes import new_pay_not_stated, old_pay_not_stated, top_not_stated
from assistant.pay_lacking import amount_not_stated, other_hours_paid, service_pay_not_stated

ON_CALL = "How much on-call pay does the Wastewater Treatment Plant Operator get?"


def _cited(quote: str) -> tuple[Citation, ...]:
    return (Citation(source="p.txt", section="Hours", quote=quote, doc_title="Operator"),)


@pytest.mark.parametrize(
    "quote",
    [
        "On-call weeks are paid $250.",
        "an on-call allowance of €220 a week",
        "R6 065.10 per month",
        "a 5% premium for weeks on call",
        "Salary\nDepends On Qualifications",
    ],
)
def test_a_line_that_states_an_amount_answers(quote: str) -> None:
    assert amount_not_stated(ON_CALL, _cited(quote)) is None


def test_an_incentive_named_with_no_amount_is_no_amount() -> None:
    question = "How much is the transportation agency's ASE certification incentive?"
    line = "We offer incentives for Automotive Service Excellence (ASE) certification."
    assert amount_not_stated(question, _cited(line)) is not None
    assert amount_not_stated(question, _cited("ASE incentive: $50 a month")) is None


def test_a_line_that_only_says_it_is_paid_does_not() -> None:
    quote = (
        "This position is based on a 37.5-hour workweek. Furthermore, there are on-call "
        "requirements, with additional compensation on those weeks where the position would "
        "be on call."
    )
    lead = amount_not_stated(ON_CALL, _cited(quote))
    assert lead is not None and lead.startswith("The sources do not state how much")


@pytest.mark.parametrize(
    "question",
    [
        "How much experience does the operator need?",
        "How much more does the operator earn than the trainee?",
        "Compare how much the operator and the trainee are paid",
        "What does the operator do on call?",
    ],
)
def test_only_an_amount_of_pay_is_asked_so(question: str) -> None:
    quote = "there are on-call requirements, with additional compensation"
    assert amount_not_stated(question, _cited(quote)) is None


NEW_RATE = "What is the new hourly rate of a school crossing guard after the raise?"


@pytest.mark.parametrize(
    "quote",
    [
        "The Council approved a request that will bump the hourly pay for guards by an average "
        "of $2.61. The additional estimated cost to the city is $34,500 for the first year.",
        "Before they won their increase, the pay grade languished at £11.22 an hour.",
        "The superintendent estimated the total cost for crossing guards at around $65,000.",
        "Guards will get a $1.50 raise.",
    ],
)
def test_a_change_of_pay_its_cost_or_the_pay_before_it_is_no_new_rate(quote: str) -> None:
    lead = new_pay_not_stated(NEW_RATE, _cited(quote))
    assert lead is not None and lead.startswith("The sources do not state the pay after")


@pytest.mark.parametrize(
    "quote",
    [
        "Guards will get a raise of $1.50 to $16.50 an hour.",
        "The new rate is $16.50 per hour, up by $1.50.",
        "Crossing guards are paid $15.00 per hour.",
    ],
)
def test_a_line_that_gives_the_pay_after_it_answers(quote: str) -> None:
    assert new_pay_not_stated(NEW_RATE, _cited(quote)) is None


def test_only_the_pay_after_a_change_is_asked_so() -> None:
    quote = "bump the hourly pay for guards by an average of $2.61"
    assert new_pay_not_stated("How much was the raise for crossing guards?", _cited(quote)) is None


TEN_YEARS = "What hourly rate does a bus driver with ten years of experience earn?"


@pytest.mark.parametrize(
    ("quote", "stated"),
    [
        ("Entry level pay starts at $17.15 and goes up to $28.36 per hour", False),
        (
            "The district pays $29 an hour to drivers who have been with it for 15 or 20 years.",
            False,
        ),
        ("Drivers with 10 years earn $25.00 per hour.", True),
        ("Step 4 (10+ yrs): $24.10", True),
    ],
)
def test_pay_at_a_length_of_service_is_stated_only_where_a_line_writes_it(
    quote: str, stated: bool
) -> None:
    lead = service_pay_not_stated(TEN_YEARS, _cited(quote))
    assert (lead is None) is stated


def test_the_pay_before_a_change_is_not_the_pay_it_rises_to() -> None:
    question = "What hourly rate were school bus drivers paid before the increase to $29.62?"
    rises = "a wage increase to $29.62 per hour and a subsequent increase to $31.17 per hour"
    assert old_pay_not_stated(question, _cited(rises)) is not None
    was = "Drivers were paid $27.10 per hour before the increase to $29.62."
    assert old_pay_not_stated(question, _cited(was)) is None
    assert old_pay_not_stated("What is the new rate?", _cited(rises)) is None


def test_full_time_pay_is_not_a_part_time_posts() -> None:
    question = "What base salary do part-time bus drivers get?"
    full = "Full-time drivers' salary would increase from $13,000 to $15,000 base salary."
    lead = other_hours_paid(question, _cited(full))
    assert lead is not None and "part-time" in lead
    both = "Part-time drivers earn $12,000; full-time drivers $15,000."
    assert other_hours_paid(question, _cited(both)) is None
    assert other_hours_paid("What base salary do bus drivers get?", _cited(full)) is None


TOP = "What is the top hourly rate for experienced bus drivers?"


@pytest.mark.parametrize(
    ("quote", "stated"),
    [
        ("All bus drivers will make an additional $2 an hour. Starting pay is now $18.", False),
        ("Entry level pay starts at $17.15 and goes up to $28.36 per hour", True),
        ("Bus drivers earn $22.40 an hour.", True),
    ],
)
def test_the_top_of_pay_is_not_where_it_starts(quote: str, stated: bool) -> None:
    assert (top_not_stated(TOP, _cited(quote)) is None) is stated

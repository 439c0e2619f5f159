"""How much pay is answered by a line that states an amount, a share, or the pay in words; an
answer whose lines only say that something is paid ("additional compensation on those weeks")
abstains and shows them."""

from __future__ import annotations

import pytest

from assistant.citations import Citation
from assistant.pay_lacking import amount_not_stated

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

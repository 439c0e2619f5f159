"""A post's own item of a list states its pay, not another item that names it in passing: in
a town's policies, "c. Board members doing manual labor are paid $12.00 per hour, signed off by
the Road Warden" pays board members, and "a. Road Warden: ..." is the warden's item, which
gives no rate. The policies are written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.service import Assistant

POLICIES = """Board Policies 2012

I. Personnel:

a.       Road Warden:  The Clerk pays without a voucher every two weeks as shown by his time sheet. Checks are signed at every board meeting.

b.      Seasonal Help: Paid $14.00 per hour as shown by a time sheet approved by the Road Warden.

c.       Poll workers are paid after their shift - $11.00 per hour.

II. Town Board:  The salaries of Board Members are set at the Annual Meeting.

a.       Board Members doing manual labor for the Town are paid $12.00 per hour, signed off by the Road Warden.
"""  # noqa: E501


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "town-policies", {"policies-2012.txt": POLICIES})


def test_an_item_naming_the_post_in_passing_does_not_pay_it(town: Assistant) -> None:
    answer = town.ask("What is the hourly rate of pay for the town's road warden?")
    assert answer.abstained
    said = answer.text.split("The passage nearest to the question")[0]
    assert "$12.00" not in said and "$14.00" not in said
    assert "every two weeks" in said  # the warden's own item is shown


def test_the_posts_own_item_pays_it(town: Assistant) -> None:
    answer = town.ask("What does the town pay its seasonal help?")
    assert not answer.abstained
    assert "$14.00 per hour" in answer.text

"""Many users at once (issue 11): a short run of the load test (`make load-test` runs 50 users
for 60 s): no errors, and every answer the same as a lone user's."""

from __future__ import annotations

import pytest

from evals.load_test import QUESTIONS, run

pytestmark = pytest.mark.reliability


def test_twenty_users_for_ten_seconds_get_no_errors_and_a_lone_users_answers() -> None:
    result = run(users=20, seconds=10, model="fake")
    print("\n" + result.table())

    assert not result.errors and not result.mismatches
    assert len(result.latencies_ms) > 2 * len(QUESTIONS)

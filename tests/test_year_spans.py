"""Pay keyed by years of experience ("7-9 years of experience-$22.83 Hourly"): a question that
gives a count of years ("with 8 years of experience") is answered by the row whose span holds
it, not by the class's own range."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.row_keys import keys_other_years, spans_asked, writes_a_span
from assistant.service import Assistant

POSTING = """Jail Officer

Individuals in this classification guard and transport persons in custody.

Pay Range

$20.75 – $28.05 Hourly

Lateral Jail Officer Pay

2-3 years of experience-$20.75 Hourly

4-6 years of experience-$21.79 Hourly

7-9 years of experience-$22.83 Hourly

10+ years of experience-$23.86 Hourly
"""


@pytest.mark.parametrize(
    ("question", "line", "keyed"),
    [
        ("a lateral with 8 years of experience?", "7-9 years of experience-$22.83 Hourly", True),
        ("a lateral with 8 years of experience?", "4-6 years of experience-$21.79 Hourly", False),
        ("a lateral with 12 yrs?", "10+ years of experience-$23.86 Hourly", True),
        ("5-9 yrs on license", "5-9 years on license", True),
        ("7 years?", "Rates rose 5-9% in 2024", False),
        # A span open at its top written in words: "11 and above", "20 or more".
        ("an adjunct with 12 yrs service", "11 and above | $3095 | $1032 |", True),
        ("an adjunct with 12 yrs service", "7-10 | $2895 | $965 |", False),
        ("an adjunct with 5 yrs service", "11 and above | $3095 | $1032 |", False),
        ("25 years?", "20 or more years - $31.10", True),
    ],
)
def test_a_count_of_years_keys_the_row_whose_span_holds_it(
    question: str, line: str, keyed: bool
) -> None:
    assert writes_a_span(line, spans_asked(question)) is keyed


@pytest.fixture(scope="module")
def jail(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    manifest = "jail-officer.txt:\n  title: Jail Officer - page\n  jurisdiction: Harbour City\n"
    files = {"jail-officer.txt": POSTING, "manifest.yaml": manifest}
    return indexed(tmp_path_factory, "year-spans", files)


def test_pay_for_a_count_of_years_is_the_row_that_holds_it(jail: Assistant) -> None:
    # The catalog knows the class by its range; the rows by years are not its range.
    assert [r.salary_text for r in jail.class_index.records] == ["$20.75 - $28.05"]
    answer = jail.ask(
        "What does Harbour City pay a lateral jail officer with 8 years of experience?"
    )
    assert "7-9 years of experience-$22.83 Hourly" in answer.text
    assert "$20.75 – $28.05" not in answer.text


def test_a_row_of_other_years_of_service_is_not_the_year_asked() -> None:
    row = "4 | Year 1 | $24,000.00 | 8DS | Year 1 | $22,000.00 | 8SS |"
    assert keys_other_years(row, spans_asked("What does a Secretary earn in Year 20?"))
    assert not keys_other_years(row, spans_asked("What does a Secretary earn in Year 1?"))
    assert not keys_other_years(row, [])  # no year asked
    assert not keys_other_years("Salary: $24,000.00", ["20"])  # no row of years
    assert not keys_other_years("• 2nd year 75% • 3rd year 85%.", ["1", "3"])  # shares

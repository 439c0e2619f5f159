"""A one-class text's pay by several periods: pairs of columns, a pair a period ("Min Hourly
Max Hourly Min Monthly Max Monthly Min Salary Max Salary" over one row of six amounts), one
amount a line under a label ("SALARY: $35,456.00 annually" over "$17.05 per hour"), a pay line
that runs on after a slash; and grades written inside a salary's value ("Salary: C1 (£28,598 -
£31,022)", "Salary/Grade: Grade 3"). The texts are written here."""

from __future__ import annotations

import pytest
from test_posting_heads import records

from index.class_facts import key_value_facts
from index.period_columns import period_pair_rows

HEADER = "Min Hourly Max Hourly Min Monthly Max Monthly Min Salary Max Salary"


def test_the_first_pair_named_by_a_period_is_the_class_range() -> None:
    found = records(
        "Poll Book Technician - county job description",
        f"Description Detail\n\nPoll Book Technician\n\n{HEADER}\n"
        "$16.24 $22.74 $2,814.88 $3,941.52 $33,786.00 $47,300.00\n\nDescription\n",
    )
    assert [(r.title, r.salary_min, r.salary_max, r.salary_period) for r in found] == [
        ("Poll Book Technician", "$16.24", "$22.74", "hour")
    ]
    assert found[0].pay_columns == (
        ("Hourly", "$16.24 - $22.74"),
        ("Monthly", "$2,814.88 - $3,941.52"),
        ("Salary (yearly)", "$33,786.00 - $47,300.00"),
    )


def test_a_pair_named_by_no_period_is_yearly_only_when_it_is_twelve_months() -> None:
    # $30,000 is not twelve times $2,814.88 nor 2,080 hours at $16.24: its period is not said.
    facts = period_pair_rows([HEADER, "$16.24 $22.74 $2,814.88 $3,941.52 $30,000.00 $41,000.00"])
    assert [f.pay_columns[-1] for f in facts] == [("Salary", "$30,000.00 - $41,000.00")]


def test_a_row_of_other_amounts_than_the_header_has_cells_gives_nothing() -> None:
    assert period_pair_rows([HEADER, "$16.24 $22.74 $2,814.88 $3,941.52"]) == []


@pytest.mark.parametrize(
    ("line", "grade", "label", "salary"),
    [
        ("Salary: C1 (£28,598 - £31,022)", "C1", None, ("£28,598", "£31,022")),
        ("Salary: Grade 7 (£39,695 - £56,543)", "7", "Grade", ("£39,695", "£56,543")),
        ("Salary/Grade: Grade 3", "3", "Grade", (None, None)),
        ("GRADE: Band 6", "6", "Band", (None, None)),
        # A value of no grade's shape before the range: "FT", a bare number.
        ("Salary: FT ($40,000 - $50,000)", None, None, ("$40,000", "$50,000")),
        ("Salary: 5 ($40,000 - $50,000)", None, None, ("$40,000", "$50,000")),
    ],
)
def test_a_grade_written_in_a_salarys_value_is_the_class_grade(
    line: str, grade: str | None, label: str | None, salary: tuple[str | None, str | None]
) -> None:
    facts = key_value_facts(line)
    assert facts is not None
    assert (facts.pay_grade, facts.pay_label) == (grade, label)
    assert (facts.salary_min, facts.salary_max) == salary


def test_keys_joined_by_a_slash_give_one_value_to_the_first_that_reads_it() -> None:
    facts = key_value_facts("Grade/Salary: SO2 £30,000")
    assert facts is not None and (facts.pay_grade, facts.pay_label) == ("SO2", "Grade")
    coded = key_value_facts("Job Code/Title: 1054 Accountant")
    assert coded is not None and coded.code == "1054"


def test_one_amount_labelled_over_the_same_pay_by_other_periods_keeps_them_all() -> None:
    found = records(
        "Deputy Court Clerk - city job posting",
        "Deputy Court Clerk\n\nDEPARTMENT: Municipal Court\n\n"
        "SALARY:                    $35,456.00 annually\n\n"
        "                            $1,363.69 bi-weekly\n\n"
        "                            $17.05 per hour\n\nREPORTS TO: Clerk of the Court\n",
    )
    assert [(r.title, r.salary_min, r.salary_max) for r in found] == [
        ("Deputy Court Clerk", "$35,456.00", None)
    ]
    evidence = found[0].evidence_for("salary")
    assert evidence is not None and evidence.quote.endswith("$17.05 per hour")
    assert found[0].pay_columns == (
        ("annually", "$35,456.00"),
        ("bi-weekly", "$1,363.69"),
        ("per hour", "$17.05"),
    )


def test_a_pay_line_that_runs_on_after_a_slash_is_quoted_with_the_next() -> None:
    found = records(
        "Clerk II (#1180H) - county class specification",
        "County of Kell\n\nClerk II (#1180H)\n\n$25.41-$30.89 Hourly / $1,905.75-$2,316.75 "
        "BiWeekly /\n$4,129.13-$5,019.63 Monthly / $49,549.50-$60,235.50 Yearly\n\n"
        "Under direct supervision, performs clerical duties.\n",
    )
    evidence = found[0].evidence_for("salary") if found else None
    assert evidence is not None and evidence.quote.endswith("$49,549.50-$60,235.50 Yearly")

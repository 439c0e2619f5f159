"""The one table of level names and the one reader of money, used by the parser and questions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.titles import split_glued_levels
from index.levels import level_value, roman
from index.money import ONE_AMOUNT, SALARY_RANGE, TYPED_MONEY, money_value, parse_money, period_in


@pytest.mark.parametrize(
    ("token", "level"),
    [("II", 2), ("ii", 2), ("VII", 7), ("xiv", 14), ("XX", 20), ("2", 2), ("17", 17),
     ("two", 2), ("seventh", 7), ("twelve", 12)],
)  # fmt: skip
def test_a_level_is_the_same_whether_roman_arabic_or_a_word(token: str, level: int) -> None:
    assert level_value(token) == level


@pytest.mark.parametrize("token", ["21", "0", "XXI", "iiii", "vv", "supervisor", ""])
def test_what_is_not_a_level_1_to_20_names_none(token: str) -> None:
    assert level_value(token) is None


def test_roman_numerals_round_trip() -> None:
    assert all(level_value(roman(n) or "") == n for n in range(1, 21))
    assert roman(21) is None


def test_a_level_numeral_is_not_split_into_an_acronym_and_a_level() -> None:
    # A series whose acronym is "ii" must not turn "iii" into "ii" + "i".
    assert split_glued_levels(["iii"], {"ii"}) == ["iii"]
    assert split_glued_levels(["cps2", "cpssii"], {"cps", "cpss"}) == ["cps", "2", "cpss", "ii"]


@pytest.mark.parametrize(
    ("text", "value"),
    [("$24.30", Decimal("24.30")), ("$46,798", Decimal("46798")), ("£28,407", Decimal("28407")),
     ("30840", Decimal("30840")), ("$41,210.00", Decimal("41210.00")),
     ("$24.95", Decimal("24.95")), ("Sh14,007", Decimal("14007")),
     ("Rs. 25,500", Decimal("25500")), ("₹18000", Decimal("18000")),
     ("USD 52,000.50", Decimal("52000.50"))],
)  # fmt: skip
def test_money_keeps_its_cents(text: str, value: Decimal) -> None:
    assert money_value(text) == value


def test_a_currency_written_in_letters_makes_an_amount_and_a_range() -> None:
    line = "The salary scale for Job group B2 is Sh14,007 – Sh17,508."
    found = SALARY_RANGE.search(line)
    assert found is not None
    assert (found.group("min"), found.group("max")) == ("Sh14,007", "Sh17,508")
    # Letters inside a word are no currency: "Shelby 12", "Cash 500".
    assert TYPED_MONEY.findall("Shelby 12 and Cash 500") == []


def test_a_range_whose_ends_carry_their_equivalents_in_parentheses() -> None:
    found = SALARY_RANGE.search("SALARY RANGE:  $33,571.20 ($16.14 hr) - $36,233.60 ($17.42 hr)")
    assert found is not None
    assert (found.group("min"), found.group("max")) == ("$33,571.20", "$36,233.60")


def test_an_amount_check_compares_cents() -> None:
    assert money_value("$24.95") > money_value("$24.30")  # type: ignore[operator]
    assert money_value("no figure") is None


@pytest.mark.parametrize(
    ("text", "period"),
    [("Monthly Salary", "month"), ("$41,210.00-$63,480.00 Yearly", "year"),
     ("$24.30 per hour", "hour"), ("Bi-Weekly", "biweek"), ("Annual salary range", "year"),
     ("Salary Group A12", None), ("one year of experience", None),
     # the hours a salary is based on name no period of the pay
     ("£22743 – £23170 (based on average 37.5 hr/week)", None),
     ("$19.50 an hour, 40 hours per week", "hour")],
)  # fmt: skip
def test_the_pay_period_is_read_from_the_words_around_an_amount(
    text: str, period: str | None
) -> None:
    assert period_in(text) == period


def test_an_amount_takes_its_period_from_its_header_when_its_own_text_has_none() -> None:
    money = parse_money("$4,980", context="Class Title | Code | Monthly Salary")
    assert money is not None
    assert (money.value, money.period) == (Decimal("4980"), "month")


def test_amounts_as_people_type_them_in_questions() -> None:
    found = [m.group() for m in TYPED_MONEY.finditer("hire at 24.95 or $47,500 or 30840?")]
    assert found == ["24.95", "$47,500", "30840"]
    # A section or statute number is not an amount: "Sec. 39.27.011", "rule 4.10.2".
    cited = [m.group() for m in TYPED_MONEY.finditer("under Sec. 39.27.011 or rule 4.10.2, 12.50?")]
    assert cited == ["12.50"]


def test_an_hourly_rate_keeps_its_four_decimal_places() -> None:
    match = SALARY_RANGE.search("Hourly salary: $36.9379 - $44.8981")
    assert match is not None
    assert (match.group("min"), match.group("max")) == ("$36.9379", "$44.8981")
    assert TYPED_MONEY.findall("what pays $54.3266 an hour?") == ["$54.3266"]
    assert SALARY_RANGE.search("$36.93791 - $44.8981") is None  # never a figure cut short


def test_the_rand_and_thousands_grouped_by_spaces_are_amounts() -> None:
    found = SALARY_RANGE.search("• Level 10: R34 174 to R36 187")
    assert found is not None
    assert (found.group("min"), found.group("max")) == ("R34 174", "R36 187")
    assert money_value(found.group("max")) == Decimal("36187")
    assert SALARY_RANGE.search("Level 5: R12511 to R13 237") is not None
    # A space may stand after the "R" when the amount is grouped: "R 325 101 - R 382 959".
    spaced = SALARY_RANGE.search("R 325 101 - R 382 959 per annum (Salary level 7)")
    assert spaced is not None and money_value(spaced.group("min")) == Decimal("325101")
    typed = [m.group(0) for m in TYPED_MONEY.finditer("pays R 325 101 - R 382 959 per annum")]
    assert typed == ["R 325 101", "R 382 959"]
    assert [m.group(0) for m in TYPED_MONEY.finditer("Grade R 12 and R1")] == []
    # "R1" and "R 12" are codes and ranges, and a dollar amount does not run into the next
    # cell of a table ("$1 500" is $1, then 500).
    assert SALARY_RANGE.search("Grades R1 to R12") is None
    dollar = ONE_AMOUNT.search("$1 500")
    assert dollar is not None and dollar.group(0) == "$1"


def test_the_kwacha_is_an_amount_only_grouped_by_commas() -> None:
    found = SALARY_RANGE.search("Grade I: from K2,135,760 to K2,472,780 per annum")
    assert found is not None
    assert (found.group("min"), found.group("max")) == ("K2,135,760", "K2,472,780")
    assert money_value("K30,000") == Decimal("30000")
    # "K12" is a grade and "K-12" a span of school years, not money.
    assert ONE_AMOUNT.search("grade K12 of the K-12 schools") is None


def test_millions_written_out_are_amounts() -> None:
    found = ONE_AMOUNT.search("will now get K36.3 million per annum")
    assert found is not None and found.group(0) == "K36.3 million"
    assert money_value("K36.3 million") == Decimal("36300000")
    assert money_value("$1.2 million") == Decimal("1200000")
    # An economy's size is no pay of $720: a month's typical amounts hold no billion.
    found = ONE_AMOUNT.search("a combined GDP of US$720 billion.")
    assert found is not None and found.group(0) == "US$720 billion"
    assert money_value("US$720 billion") == Decimal("720000000000")


def test_a_range_may_group_by_spaces_and_write_its_currency_once() -> None:
    spaced = SALARY_RANGE.search("Salary: $80 217 - 104 280 per year")
    assert spaced is not None and (spaced.group("min"), spaced.group("max")) == (
        "$80 217",
        "104 280",
    )
    once = SALARY_RANGE.search("$41,000 - 52,000 annually")
    assert once is not None and money_value(once.group("max")) == Decimal("52000")
    rand = ONE_AMOUNT.search("Minimum – R1,152,941; Midpoint – R1,325,220")
    assert rand is not None and rand.group(0) == "R1,152,941"
    # A bare top is a figure with grouped thousands or cents, never a count.
    assert SALARY_RANGE.search("$15.00 - 5 years") is None
    assert SALARY_RANGE.search("$1,000 - 2020") is None


def test_the_euro_written_after_its_amount_makes_an_amount_and_a_range() -> None:
    found = SALARY_RANGE.search("Function Group III (grade 8-12): 2536 - 4156 euro")
    assert found is not None and (found.group("min"), found.group("max")) == ("2536", "4156 euro")
    assert money_value(found.group("max")) == Decimal("4156")
    spaced = ONE_AMOUNT.search("a basic salary of 2 536 EUR a month")
    assert spaced is not None and spaced.group(0) == "2 536 EUR"
    # A grade's numbers and a weight are no amounts.
    assert SALARY_RANGE.search("grades 8-12") is None
    assert ONE_AMOUNT.search("lift 50 pounds") is None


def test_dollars_of_other_countries_are_amounts() -> None:
    found = SALARY_RANGE.search("Salary scale: S$11,110 – S$15,280 / S$15,280 – S$17,370")
    assert found is not None
    assert (found.group("min"), found.group("max")) == ("S$11,110", "S$15,280")
    assert money_value("HK$15,180") == Decimal("15180")


def test_thousands_written_k_after_a_signed_figure_are_amounts() -> None:
    match = SALARY_RANGE.search("Corrections officers usually earn $67K-$80K per year")
    assert match is not None and (match.group("min"), match.group("max")) == ("$67K", "$80K")
    assert money_value("$67K") == Decimal("67000") and money_value("$49.5k") == Decimal("49500")
    assert ONE_AMOUNT.findall("$12 kits, $5Kb") == ["$12", "$5"]  # no K of a word or unit

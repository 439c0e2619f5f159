"""A one-class text's pay given as pairs of columns, one pair a period: "Min Hourly Max Hourly
Min Monthly Max Monthly Min Salary Max Salary" over "$16.24 $22.74 $2,814.88 $3,941.52
$33,786.00 $47,300.00". The class's range is the first pair whose name is a period; every pair
is kept as a column of its row, so the range of any period asked is read from its own pair."""

from __future__ import annotations

import re
from decimal import Decimal

from index.class_facts import ClassFacts
from index.money import ONE_AMOUNT, money_value, period_in

# A header of "Min X" / "Max X" cells and nothing else, at least two pairs of them.
_PAIRS_HEADER = re.compile(r"^\s*(?:(?:min|max)(?:imum)?\.?\s+[A-Za-z-]+\s*){4,}$", re.IGNORECASE)
_CELL = re.compile(r"(?P<end>min|max)(?:imum)?\.?\s+(?P<name>[A-Za-z-]+)", re.IGNORECASE)
# What a year's pay is of a month's and an hour's (a full-time year of 2,080 hours); a pair
# named by no period ("Min Salary Max Salary") is the year's when it is that, within 1%.
_TIMES_A_YEAR = {"month": Decimal(12), "hour": Decimal(2080)}
_SAME_WITHIN = Decimal("0.01")


def period_pair_rows(lines: list[str]) -> list[ClassFacts]:
    """The pay of the first header of period pairs followed by a line of as many amounts."""
    for at, line in enumerate(lines):
        if not _PAIRS_HEADER.match(line):
            continue
        cells = [(c["end"].lower(), c["name"]) for c in _CELL.finditer(line)]
        values = next((v for v in lines[at + 1 :] if v.strip()), "")
        amounts = [m.group(0) for m in ONE_AMOUNT.finditer(values)]
        if len(amounts) != len(cells):
            return []
        return [_pairs_facts(cells, amounts, f"{line.strip()}\n{values.strip()}")]
    return []


def _pairs_facts(cells: list[tuple[str, str]], amounts: list[str], quote: str) -> ClassFacts:
    ranges: dict[str, list[str]] = {}
    for (end, name), amount in zip(cells, amounts, strict=True):
        ranges.setdefault(name, ["", ""])[0 if end == "min" else 1] = amount
    periods = {name: period_in(name) for name in ranges}
    for name, period in periods.items():
        if period is None and _a_year_of(ranges[name][0], ranges, periods):
            periods[name] = "year"
    # A column's name says its period, as the answers read it: "Salary (yearly)".
    columns = tuple(
        (name if period_in(name) or not periods[name] else f"{name} (yearly)", f"{low} - {high}")
        for name, (low, high) in ranges.items()
    )
    first = next((name for name, period in periods.items() if period), None)
    if first is None:
        return ClassFacts(None, quote, pay_columns=columns)
    low, high = ranges[first]
    return ClassFacts(
        None,
        quote,
        salary_min=low or None,
        salary_max=high or None,
        salary_period=periods[first],
        pay_columns=columns,
    )


def _a_year_of(amount: str, ranges: dict[str, list[str]], periods: dict[str, str | None]) -> bool:
    """Whether an amount is a year of the pay another pair gives for a month or an hour."""
    value = money_value(amount)
    if value is None:
        return False
    for name, period in periods.items():
        other = money_value(ranges[name][0]) if period in _TIMES_A_YEAR else None
        if other and period:
            year = other * _TIMES_A_YEAR[period]
            if abs(value - year) <= year * _SAME_WITHIN:
                return True
    return False

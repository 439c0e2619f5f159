"""Layout rules that read pay tables: rows keyed by a grade or a class, with the amounts of
each row under a header that names them (minimum, maximum, steps, pay points)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from index.cells import reads_as_title
from index.class_facts import ClassFacts, key_value_facts
from index.dates import writes_a_date
from index.money import CURRENCY_SIGNS, MONEY, YEAR, money_value, period_in, periods_in
from index.vocab import field_labels

# An amount in a pay table's cell: signed, or bare when the header says the column is pay
# ("26821", "14,826", "10.53"). A trailing "*" marks a footnote.
_AMOUNT = re.compile(
    rf"^(?P<amount>{MONEY}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d{{2}})?|\d{{4,7}}(?:\.\d{{2}})?"
    r"|\d{1,4}\.\d{2}|\d{1,3}\.\d{4}|\d{1,3}(?:[.\u00a0 ]\d{3})*,\d{2})\s*\*?$"
)
# A grade as a table's key cell: "9", "GS-9", "A13", "PSS 1", "PSS A".
_GRADE_KEY = re.compile(r"^(?:[A-Z]{1,5}[- ]?)?\d{1,3}[A-Z]?$|^[A-Z]{1,5}[- ][A-Z]$")
# A short key that names a class or grade without words: "APS1", "EL 2", "SCS".
_SHORT_KEY = re.compile(r"^[A-Z]{2,5}\s?\d{0,2}[A-Z]?$")
# Header words that name a pay column, with the words that may qualify it.
_PAY_COLUMN = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)\s+percentile|minimum|maximum|midpoint|min|max|mid|"
    r"step\s+\d{1,2})\b",
    re.IGNORECASE,
)
_QUALIFIER = r"(?:annual|yearly|monthly|hourly|bi-?weekly|weekly|salary|rate|pay|range)"
# A column's unit in parentheses: "Minimum (£)", "Maximum ($)".
_UNIT = rf"\([{CURRENCY_SIGNS}]\)"
_FOOTNOTE = re.compile(r"\s*(?:Footnote)?\s*\*+$")


def _grade_words() -> str:
    words = sorted(field_labels().grade, key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


def _rising(amounts: list[str], strictly: bool) -> bool:
    """Whether the amounts climb (pay points run one way; a fall means they are not one scale)."""
    values = [money_value(a) for a in amounts]
    return all(
        a is not None and b is not None and (a < b if strictly else a <= b)
        for a, b in pairwise(values)
    )


def amount_cell(text: str) -> str | None:
    """The amount a table cell holds, as written, or None (a year, a percentage, a word)."""
    match = _AMOUNT.match(text.strip())
    if not match or YEAR.match(match.group("amount")):
        return None
    return match.group("amount")


@dataclass(frozen=True)
class _Row:
    key: str
    amounts: list[str]
    quote: str
    start: int = 0  # where the row's key and first amount end in its table's text
    first_end: int = 0


def _facts(
    key: str,
    label: str | None,
    low: str,
    high: str,
    quote: str,
    period: str | None,
    columns: tuple[tuple[str, str], ...] = (),
) -> ClassFacts | None:
    """The record a row keyed by a grade (under a grade header) or by a class names, with
    its amounts under their column names where the header names them."""
    low_value, high_value = money_value(low), money_value(high)
    if low_value is None or high_value is None or low_value > high_value:
        return None
    key = _FOOTNOTE.sub("", key).strip()
    pay: dict[str, Any] = {
        "salary_min": low,
        "salary_max": high,
        "salary_period": period,
        "pay_columns": columns,
    }
    if label and _GRADE_KEY.match(key):
        # "PSS 1" names itself; "1" and "1A" are the grade of the header's label.
        title = key if re.match(r"[A-Za-z]", key) else f"{label.title()} {key}"
        return ClassFacts(title, quote, pay_label=label, pay_grade=key, **pay)
    titled = re.match(
        rf"^(?P<title>.+?)\s+(?P<label>{_grade_words()})\s+(?P<grade>\S+)$", key, re.I
    )
    if titled and _GRADE_KEY.match(titled.group("grade")):
        title = titled.group("title")
        if _SHORT_KEY.match(title) or reads_as_title(title):
            return ClassFacts(
                title,
                quote,
                pay_label=titled.group("label"),
                pay_grade=titled.group("grade"),
                **pay,
            )
        return None
    if _SHORT_KEY.match(key) or (reads_as_title(key) and re.search(r"[a-z]", key)):
        return ClassFacts(key, quote, **pay)
    return None


# --- rows under "Grade Minimum ... Maximum" ----------------------------------------------------


def min_max_header_rows(lines: list[str]) -> list[ClassFacts]:
    """ "GRADE MINIMUM MIDPOINT MAXIMUM" then rows "PSS 5 $55,260 $77,322 $99,384" (or all on
    the header's own line): each row a grade or class, its minimum the column the header calls
    minimum (else the first), its maximum the column called maximum (else the last)."""
    header = re.compile(
        rf"^\s*(?:[{CURRENCY_SIGNS}]\s*)?(?P<key>{_grade_words()}|class|title|job title|"
        rf"classification|position)\s+(?P<columns>(?:(?:{_PAY_COLUMN.pattern})"
        rf"(?:\s+{_QUALIFIER}|\s*{_UNIT})*\s*){{2,}})",
        re.IGNORECASE,
    )
    found: list[ClassFacts] = []
    headers = [header.match(line) for line in lines]
    for index, match in enumerate(headers):
        if not match:
            continue
        columns = [c.group(0).lower() for c in _PAY_COLUMN.finditer(match.group("columns"))]
        low = next((i for i, c in enumerate(columns) if c.startswith("min")), 0)
        high = next((i for i, c in enumerate(columns) if c.startswith("max")), len(columns) - 1)
        label = match.group("key")
        label = None if label.lower() in ("class", "title", "job title", "position") else label
        period = period_in(match.group(0)) or context_period(lines[:index])
        end = next((i for i in range(index + 1, len(lines)) if headers[i]), len(lines))
        following = [lines[index][match.end() :], *lines[index + 1 : end]]
        names = [" ".join(c.group(0).split()) for c in _PAY_COLUMN.finditer(match.group("columns"))]
        for row in _rows_of(following, len(columns)):
            named = tuple(zip(names, row.amounts, strict=True))
            facts = _facts(
                row.key, label, row.amounts[low], row.amounts[high], row.quote, period, named
            )
            if facts:
                found.append(facts)
    return found


def _rows_of(lines: list[str], width: int) -> Iterator[_Row]:
    """Rows of a key and exactly `width` amounts, several to a line where cells ran together;
    they end at the first line that is not such rows."""
    for line in lines:
        if not line.strip():
            continue
        rows = _split_rows(line, width)
        if rows is None:
            return
        yield from rows


def _split_rows(line: str, width: int) -> list[_Row] | None:
    rows: list[_Row] = []
    key: list[str] = []
    amounts: list[str] = []
    for token in line.split():
        amount = amount_cell(token)
        if amount is None:
            if amounts:
                return None  # words in the middle of a row's amounts
            key.append(token)
            continue
        if not key:
            return None
        amounts.append(amount)
        if len(amounts) == width:
            rows.append(_Row(" ".join(key), amounts, line.strip()))
            key, amounts = [], []
    return rows if rows and not key and not amounts else None


def context_period(lines: list[str]) -> str | None:
    """The one pay period the few lines above a table name, if they name exactly one."""
    above = [line for line in lines if line.strip()][-3:]
    periods = periods_in(" ".join(above))
    return periods.pop() if len(periods) == 1 else None


# --- one cell per line, "|" between cells ----------------------------------------------------

# A step column's name: "Step 1" ... "Step 12".
_STEP_NAME = re.compile(r"step\s+\d{1,2}", re.IGNORECASE)


def cell_table_rows(lines: list[str]) -> list[ClassFacts]:
    """A table flattened to one cell per line with "|" between cells ("Grade | Step 1 | ... |
    Step 10 |" then "1 | 26821 | ... "): the header's columns give each row's width. Under step
    columns a row's range runs from its first step to its last; under other columns (rates by
    effective date) the rows that repeat one key are its pay points, read in the first column."""
    found: list[ClassFacts] = []
    for above, text, cells in _cell_runs(lines):
        found += _cell_table(text, cells, context_period(above))
    return found


@dataclass(frozen=True)
class _Cell:
    text: str
    start: int
    end: int


def _cell_runs(lines: list[str]) -> Iterator[tuple[list[str], str, list[_Cell]]]:
    """(the lines above, the run's text, its cells) of each run of lines that hold
    "|"-separated cells."""
    in_table = [
        "|" in line or next((n.strip().startswith("|") for n in lines[i + 1 :] if n.strip()), False)
        for i, line in enumerate(lines)
    ]
    start = 0
    while start < len(lines):
        if not in_table[start]:
            start += 1
            continue
        end = start
        while end < len(lines) and (in_table[end] or not lines[end].strip()):
            end += 1
        text = "\n".join(lines[start:end])
        cells = [
            _Cell(
                m.group(0).strip(), m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end()
            )
            for m in re.finditer(r"[^|]+", text)
        ]
        yield (
            lines[:start],
            text,
            [c for c in cells if c.text and not re.fullmatch(r"[-:\s]+", c.text)],
        )
        start = end


def _cell_table(text: str, cells: list[_Cell], period: str | None) -> list[ClassFacts]:
    groups: list[tuple[list[_Cell], list[_Cell]]] = []  # (key cells, amount cells) in order
    for cell in cells:
        if amount_cell(cell.text) is None:
            if not groups or groups[-1][1]:
                groups.append(([], []))
            groups[-1][0].append(cell)
        elif groups:
            groups[-1][1].append(cell)
    groups = [g for g in groups if g[1]]  # text after the last row holds no amounts
    if len(groups) < 2:
        return []
    width = len(groups[0][1])
    keys = max(len(k) for k, _ in groups[1:])
    header = [c.text for c in groups[0][0][:-keys]]
    groups[0] = (groups[0][0][-keys:], groups[0][1])
    if any(len(a) != width for _, a in groups) or len(header) not in (width, width + keys):
        return []
    label = header[0] if len(header) == width + keys else None
    if label and not re.fullmatch(_grade_words(), label, re.IGNORECASE):
        label = None
    rows = [
        _Row(
            k[0].text,
            [str(amount_cell(c.text)) for c in a],
            text[k[0].start : a[-1].end].strip(),
            k[0].start,
            a[0].end,
        )
        for k, a in groups
        if len(k) == keys
    ]
    if all(_STEP_NAME.fullmatch(c) for c in header[-width:]):
        return _facts_of_rows(rows, label, period, header[-width:])
    return _pay_points(text, rows, period)


def _facts_of_rows(
    rows: list[_Row], label: str | None, period: str | None, columns: Sequence[str] = ()
) -> list[ClassFacts]:
    found = (
        _facts(
            r.key,
            label,
            r.amounts[0],
            r.amounts[-1],
            r.quote,
            period,
            tuple(zip(columns, r.amounts, strict=True)) if len(columns) == len(r.amounts) else (),
        )
        for r in rows
    )
    return [f for f in found if f]


def _pay_points(text: str, rows: list[_Row], period: str | None) -> list[ClassFacts]:
    """Consecutive rows with one key are that class's pay points, lowest to highest."""
    found: list[ClassFacts] = []
    start = 0
    while start < len(rows):
        key = _FOOTNOTE.sub("", rows[start].key)
        end = start
        while end < len(rows) and _FOOTNOTE.sub("", rows[end].key) == key:
            end += 1
        points = [row.amounts[0] for row in rows[start:end]]
        if len(points) > 1 and _rising(points, strictly=True):
            quote = text[rows[start].start : rows[end - 1].first_end]
            facts = _facts(key, None, points[0], points[-1], quote, period)
            if facts:
                found.append(facts)
        start = end
    return found


# --- a band's heading and its amount lines -----------------------------------------------------

_AMOUNT_LINE = re.compile(rf"^(?P<label>\S.{{0,40}}?)\s+(?P<amount>{MONEY})\s*$")


def heading_amount_rows(lines: list[str]) -> list[ClassFacts]:
    """A heading that is a grade ("Band 5") and the short lines below it that each end in one
    amount ("<2 years' experience  £29,970", "4+ years  £36,483"): the grade's range runs from
    the first amount to the last, which must not fall."""
    heading = re.compile(rf"^\s*(?P<label>{_grade_words()})\s+(?P<grade>\w{{1,4}})\s*$", re.I)
    found: list[ClassFacts] = []
    for index, line in enumerate(lines):
        match = heading.match(line)
        if not match or not _GRADE_KEY.match(match.group("grade")):
            continue
        amounts: list[tuple[int, str]] = []
        for number in range(index + 1, len(lines)):
            text = lines[number].strip()
            amount = _AMOUNT_LINE.match(text)
            if amount and len(re.findall(MONEY, text)) == 1:
                amounts.append((number, amount.group("amount")))
            elif text:
                break
        if len(amounts) < 2 or not _rising([a for _, a in amounts], strictly=False):
            continue
        quote = "\n".join(lines[amounts[0][0] : amounts[-1][0] + 1])
        label, grade = match.group("label"), match.group("grade")
        found.append(
            ClassFacts(
                f"{label.title()} {grade}",
                quote,
                pay_label=label,
                pay_grade=grade,
                salary_min=amounts[0][1],
                salary_max=amounts[-1][1],
                salary_period=context_period([quote]),
            )
        )
    return found


# --- a class's own grid: its code above, rows by effective date, columns by step ------------

# "Effective Date Step 1 Step 2 ... Step 8": step columns, after a few words naming the rows.
_STEP_HEADER = re.compile(
    rf"^\s*(?:[A-Za-z]+\s+){{0,3}}?(?P<steps>(?:{_STEP_NAME.pattern}\s*){{2,}})$", re.I
)
# "AU-1 - Annual Rates of Pay (in dollars)": a class's code opening the heading of its grid.
_CODED_HEADING = re.compile(r"^\s*(?P<code>[A-Z]{1,5}-?\d{1,3}[A-Z]?)\s+[-–—:]\s+\S")


def dated_step_grids(lines: list[str]) -> list[ClassFacts]:
    """A grid per class, headed by the class's code ("AU-1 - Annual Rates of Pay"), its
    columns steps ("Effective Date Step 1 ... Step 8") and its rows effective dates ("D) June
    22, 2010 50205 ... 65394"): the class's range is the latest row's first step to its last,
    each step kept as a column of it."""
    found: list[ClassFacts] = []
    for index, line in enumerate(lines):
        header = _STEP_HEADER.match(line)
        heading = _heading_above(lines, index) if header else None
        coded = _CODED_HEADING.match(heading) if heading else None
        if header is None or heading is None or coded is None:
            continue
        steps = [" ".join(s.split()) for s in _STEP_NAME.findall(header.group("steps"))]
        rows = list(_rows_of(lines[index + 1 :], len(steps)))
        if not rows or not all(writes_a_date(row.key) for row in rows):
            continue
        latest = max(reversed(rows), key=_latest_year)
        if not _rising(latest.amounts, strictly=False):
            continue
        code = coded.group("code")
        period = period_in(heading) or context_period(lines[:index])
        found.append(
            ClassFacts(
                code,
                latest.quote,
                code=code,
                salary_min=latest.amounts[0],
                salary_max=latest.amounts[-1],
                salary_period=period,
                pay_columns=tuple(zip(steps, latest.amounts, strict=True)),
            )
        )
    return found


def _heading_above(lines: list[str], index: int) -> str | None:
    """The nearest line with text above a line, if any."""
    return next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), None)


def _latest_year(row: _Row) -> int:
    """The latest year a row's key writes (0 when none): rows by date, the latest is current."""
    return max((int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", row.key)), default=0)


def pay_table_classes(text: str) -> list[ClassFacts]:
    """Every grade or class the pay-table rules read from a standard's text."""
    lines = text.splitlines()
    rows = min_max_header_rows(lines) + cell_table_rows(lines) + heading_amount_rows(lines)
    rows += dated_step_grids(lines)
    return rows + graded_title_lines(lines, rows) + titled_pay_lines(lines)


# "SunTran Transit Operator II Salary: $39,658/year": a title, then its pay label and value.
_TITLED_PAY = re.compile(
    r"^\s*(?P<title>[A-Z][\w&/' -]{2,80}?)\s+(?P<key>(?:annual |hourly |starting )?"
    r"(?:salary|salary range|pay rate|pay range|pay|wage|rate))\s*:\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)


_TITLED_PAY_WORDS = 2  # "The starting salary:" is no title
# The words that say which pay a label gives, never the end of a class's title.
_PAY_QUALIFIERS = frozenset(
    "basic base gross net annual yearly monthly hourly weekly starting total minimum maximum "
    "current proposed new entry".split()
)


def titled_pay_lines(lines: list[str]) -> list[ClassFacts]:
    """Lines that give a class's pay after its title ("SunTran Transit Operator I Salary:
    $35,929/year"): the class each names, with its amount and period."""
    found = []
    for line in lines:
        match = _TITLED_PAY.match(line)
        if match is None:
            continue
        title = match.group("title").strip()
        if len(title.split()) < _TITLED_PAY_WORDS or not reads_as_title(title):
            continue
        if title.split()[-1].lower() in _PAY_QUALIFIERS:
            continue  # "Annual Basic salary: R277 983.00": which pay, not whose
        pay = key_value_facts(f"{match.group('key')}: {match.group('value')}")
        if pay is None or pay.salary_min is None:
            continue
        period = period_in(match.group("value"))
        found.append(replace(pay, title=title, quote=line.strip(), salary_period=period))
    return found


# "BB Department of justice consumer protection investigator": a grade, then a title.
_GRADED_TITLE = re.compile(
    r"^\s*(?P<grade>[A-Z0-9][A-Z0-9-]{0,5})\s+(?P<title>[A-Z][^\d:;]{3,120})$"
)
_TITLE_WORDS = (2, 14)
# A list of the classes of each grade has at least this many lines.
_MIN_GRADED_TITLES = 2


def graded_title_lines(lines: list[str], rows: Sequence[ClassFacts]) -> list[ClassFacts]:
    """The classes a document lists under the grades of its pay table, a line each, the grade
    first ("AA Executive council executive assistant" under a table of grades AA to QQ): each
    title with its grade. The lines are only read where the grades are a table's keys."""
    # A row keyed by a short key alone ("AA", "PSS 5") is a grade's row.
    grades = {
        r.title: r.pay_label or "Grade"
        for r in rows
        if r.title and _SHORT_KEY.match(r.title) and r.pay_grade in (None, r.title)
    }
    found = []
    for line in lines:
        match = _GRADED_TITLE.match(line)
        if not match or match.group("grade") not in grades:
            continue
        title = " ".join(match.group("title").split()).rstrip(" .")
        if not _TITLE_WORDS[0] <= len(title.split()) <= _TITLE_WORDS[1]:
            continue
        grade = match.group("grade")
        found.append(ClassFacts(title, line.strip(), pay_label=grades[grade], pay_grade=grade))
    return found if len(found) >= _MIN_GRADED_TITLES else []

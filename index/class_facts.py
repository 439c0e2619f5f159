"""Read what one line of a standard says about a class: a table row, a spaced row, "Key: value"."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from index.money import MONEY, ONE_AMOUNT, SALARY_RANGE, money_value, period_in, periods_in
from index.structure import Block, smart_title
from index.vocab import field_labels

_CODE = re.compile(r"^(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,11}$")
# After a "Class Code:" key any token with a digit is the code ("LP-1", "5E02", "0303").
_KEYED_CODE = re.compile(r"(?=[A-Z0-9.-]*\d)[A-Z0-9][A-Z0-9.-]{0,15}")
# "10", "NC14", "GS-12"; and a federal plan, series and grade in one ("GS-0301-07").
_PAY_GRADE = re.compile(r"^(?:[A-Z]{1,3}[- ]?)?\d{1,3}[A-Z]?$|^[A-Z]{2}-\d{4}-\d{1,2}$")
# A grade of one letter or a roman numeral, the whole value of a grade's label.
_LETTER_GRADE = re.compile(r"^(?:[A-Z]|[IVX]{1,5})$")
_GRADE_NAME = re.compile(r"\b(?:grade|range|band|group|level)\b")
_SPACED_GRADE = re.compile(r"^[A-Z]{1,3}(?: | ?[-–] ?)\d{1,3}(?=\s*$)")
# "Certified Peer Specialist 1, Grade 11" in a title cell.
_TITLE_WITH_GRADE = re.compile(
    r"^(?P<title>.+?),\s*(?P<label>Salary Group|Pay Grade|Pay Range|Grade|Group|Range)\s+"
    r"(?P<grade>[A-Z]{0,3}-?\d{1,3}[A-Z]?)$",
    re.IGNORECASE,
)
# "Eligibility Worker I 2213 $40,000 - $54,500": a table row whose cells lost their tabs.
_SPACED_ROW = re.compile(
    rf"^(?P<title>[A-Z][\w'&/().-]*(?:\s+[\w'&/().-]+){{0,9}}?)\s+"
    rf"(?P<code>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{{2,11}})\s+"
    rf"(?:(?P<grade>(?:[A-Z]{{1,3}}-?)?\d{{1,3}}[A-Z]?)\s+)?"
    rf"(?P<min>{MONEY})\s*(?:-|–|—|to)\s*(?P<max>{MONEY})(?:\s+[a-z]+)?$"
)


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(" ".join(p.split()) for p in text.split(",") if p.strip())


# "Key:" where a title-block fact starts: up to four words before a colon.
_KEY = re.compile(r"(?P<key>[A-Za-z#][\w.#/-]*(?:(?: / | )[\w.#/-]+){0,3}(?:\(s\))?)\s*:\s*")
# Keys that name a class's code, and keys that name its pay (a grade, a range or dollars).
CODE_KEYS = _phrases("""
    class code, job code, occupational code, occ code, classification code, title code,
    title code no, position code, class number, class no, job number, job class code,
    series code, code, occu, classification no, classification number""")
PAY_KEYS = _phrases("""
    salary group, pay grade, pay range, salary grade, salary range, pay scale group, pay band,
    salary band, compensation grade, market range, grade, range, band, salary, annual salary,
    hourly rate,
    pay rate, compensation, pay, minimum salary, maximum salary, minimum pay, maximum pay,
    starting salary, minimum rate, maximum rate, wage, wages, wage scale, wage rate, wage range,
    salary scale, hourly wage, rate of pay, pay level, salary level, job grade, pay group""")
# The keys of a grade alone ("SALARY RANGE 28"): those a figure with no colon may follow.
GRADE_KEYS = _phrases("""
    salary group, pay grade, pay range, salary grade, salary range, pay scale group, pay band,
    salary band, compensation grade, market range""")
# Keys that name the pay period of the amounts around them ("Pay range frequency: Hourly").
PERIOD_KEYS = _phrases("""
    pay range frequency, pay frequency, salary frequency, pay period, pay basis, salary basis,
    frequency""")
# A key that names the top of the range, for a lone amount ("Maximum salary  $26.85").
_TOP_KEY = re.compile(r"\b(?:max|maximum|top|highest)\b", re.IGNORECASE)
_COLUMN_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("minimum", _phrases("minimum, min")),
    ("maximum", _phrases("maximum, max")),
    (
        "pay_grade",
        _phrases(
            "pay scale group, salary group, pay grade, salary grade, grade, group, pay range, "
            "band, schedule"
        ),
    ),
    ("salary", _phrases("salary range, annual salary, hourly rate, range, salary")),
    ("code", _phrases("code, number, no.")),
    (
        "requirement",
        _phrases("education, experience, requirement, qualification, description, duties, licens"),
    ),
    ("title", _phrases("title, titles, class, position, positions, job")),
)
# A column named by a pay period alone ("Hourly", "MONTHLY", "Annual"): one rate a row, or a
# range, of that period.
_RATE = "rate"
_RATE_NAME_WORDS = 2
# A rate written without its currency, to the cent or finer: "21.1578", "15.50".
_DECIMAL_RATE = re.compile(r"\d{1,4}\.\d{2,4}")


@dataclass(frozen=True)
class ClassFacts:
    """What one line states about a class; title is None where the class is known from context."""

    title: str | None
    quote: str
    code: str | None = None
    pay_label: str | None = None
    pay_grade: str | None = None
    salary_min: str | None = None
    salary_max: str | None = None
    salary_period: str | None = None  # "hour", "month", "year" ... as the line or header says
    # Every pay column of a table row, as its header names it: ("Step 1", "26821"), ...
    pay_columns: tuple[tuple[str, str], ...] = ()

    @property
    def fields(self) -> list[str]:
        """The evidence fields this line supports, in a stable order."""
        present = [
            ("title", self.title),
            ("code", self.code),
            ("pay_grade", self.pay_grade),
            ("salary", self.salary_min or self.salary_max),
        ]
        return [name for name, value in present if value]


@dataclass(frozen=True)
class _Column:
    role: str | None
    label: str | None  # the header's words for a pay column, e.g. "Salary Group"


# --- tables ---------------------------------------------------------------------------------


def table_classes(blocks: list[Block], series: str | None = None) -> list[ClassFacts]:
    """One ClassFacts per class row of every tab-separated table.

    Rows with no title column ("GS-5 | education | experience") are named after the series,
    when the document names one.
    """
    found: list[ClassFacts] = []
    for block in blocks:
        if block.kind != "table":
            continue
        rows: list[ClassFacts] = []
        columns = _header_columns(block.lines[0])
        # A first line with no figure heads the table, though it names no column's role
        # ("Hourly  MONTHLY  YEARLY"): it may say the rows' pay period.
        header = "" if re.search(r"\d", block.lines[0]) else block.lines[0]
        for line in block.lines[1:] if columns else block.lines:
            if key_value_facts(line):
                continue
            row = _parse_row(line, columns or [], series)
            named = _named_pay_cells(header, line)
            if row and len(named) >= _MIN_NAMED_COLUMNS:
                row = replace(row, pay_columns=named)
            if row:
                period = row.salary_period or period_in(line) or period_in(header)
                row = replace(row, salary_period=period)
                rows.append(_one_rate_named(row, line, columns or []))
        found += _pay_points_joined(rows)
    return found


def _one_rate_named(row: ClassFacts, line: str, columns: list[_Column]) -> ClassFacts:
    """A row of one rate, named by the one cell of its own beside it ("CO IV | 43-54 |
    $2,808.64" under "Months of Service"): that cell names the rate as a pay column."""
    cells = line.split("\t")
    own = [
        c.strip()
        for c, col in zip(cells, columns, strict=False)
        if col.role == _OTHER and smart_title(c.strip()) != row.title  # not the title column
    ]
    if row.salary_min is None or row.salary_max is not None or len(own) != 1 or not own[0]:
        return row
    if row.pay_columns:
        return row  # its rates are named by the header, each by its period
    return replace(row, pay_columns=((own[0], row.salary_min),))


def _pay_points_joined(rows: list[ClassFacts]) -> list[ClassFacts]:
    """Rows that follow one another under one title, each with one rate ("CO IV | 31-42 |
    $2,730.00", "CO IV | 43-54 | $2,808.64"), are its pay points: one class, its range from
    the first to the last, which must not fall, each rate kept as a pay column."""
    joined: list[ClassFacts] = []
    for row in rows:
        last = joined[-1] if joined else None
        # Both rows are rates named by a cell of their own (a span of service), not ranges.
        points = row.salary_max is None and row.pay_columns and last and last.pay_columns
        if last is not None and points and last.title == row.title:
            low = money_value(last.salary_max or last.salary_min or "")
            high = money_value(row.salary_min or "")
            if low is not None and high is not None and low <= high:
                joined[-1] = replace(
                    last,
                    quote=f"{last.quote}\n{row.quote}",
                    salary_max=row.salary_min,
                    pay_columns=(*last.pay_columns, *row.pay_columns),
                )
                continue
        joined.append(row)
    return joined


_MIN_NAMED_COLUMNS = 2
# The words a period line holds besides its range: "Monthly", "per hour", "an hour".
_PERIOD_WORDS = 3


def _named_pay_cells(header: str, line: str) -> tuple[tuple[str, str], ...]:
    """A row's pay cells under the header cell above each ("MONTHLY", "$4,270 - $5,191"): a
    row of hourly, monthly and yearly ranges keeps each of them, not only the first."""
    names = [c.strip() for c in header.split("\t")] if header else []
    cells = [c.strip() for c in line.split("\t")]
    if len(names) == len(cells) - 1:
        names = ["", *names]  # the header leaves the rows' title column unnamed
    if len(names) != len(cells):
        return ()
    return tuple(
        (name, cell)
        for name, cell in zip(names, cells, strict=True)
        if name
        and (
            SALARY_RANGE.search(cell)
            or ONE_AMOUNT.fullmatch(cell)
            or (period_in(name) and _DECIMAL_RATE.fullmatch(cell))
        )
    )


def _header_columns(line: str) -> list[_Column] | None:
    cells = [c.strip() for c in line.split("\t")]
    if any(re.search(r"\d", c) for c in cells):
        return None
    columns = [_column(cell) for cell in cells]
    # "Job Title  Job Family  Job Code  Job Exempt": of the columns "job" names, the title's is
    # the one "title" names (else the first); the others hold no title.
    titled = [at for at, column in enumerate(columns) if column.role == "title"]
    if len(titled) > 1:
        keep = next((at for at in titled if "title" in cells[at].lower()), titled[0])
        columns = [
            _Column(_OTHER, None) if at in titled and at != keep else column
            for at, column in enumerate(columns)
        ]
    return columns if sum(1 for c in columns if c.role) >= 2 else None


def _column(cell: str) -> _Column:
    lowered = cell.lower()
    for role, keywords in _COLUMN_ROLES:
        for keyword in keywords:
            match = re.search(rf"\b{re.escape(keyword)}\b", lowered)
            if match:
                label = (
                    smart_title(cell[match.start() : match.end()])
                    if role in ("pay_grade", "salary")
                    else None
                )
                return _Column(role, label)
    # A column the header names by words of no known role ("Months of Service",
    # "Classification"): its cells may be titles, never codes read by their look.
    # A pay period's name ("Hourly", "MONTHLY") heads pay of that period.
    if period_in(cell) is not None:
        short = len(cell.split()) <= _RATE_NAME_WORDS
        return _Column(_RATE, cell) if short else _Column(None, None)
    return _Column(_OTHER if re.search(r"[A-Za-z]{2}", cell) else None, None)


_OTHER = "other"


def _parse_row(line: str, columns: list[_Column], series: str | None) -> ClassFacts | None:
    found: dict[str, str] = {}
    cells = [c.strip() for c in line.split("\t")]
    if columns and len(cells) == len(columns) + 1:
        columns = [_Column(None, None), *columns]  # the header leaves the title column unnamed
    for index, cell in enumerate(cells):
        column = columns[index] if index < len(columns) else _Column(None, None)
        if cell:
            _read_cell(cell, column, found)
    title = found.get("title")
    if title:
        grade_match = _TITLE_WITH_GRADE.match(title)
        if grade_match:
            title = grade_match.group("title")
            found["pay_label"] = smart_title(grade_match.group("label")).title()
            found["pay_grade"] = grade_match.group("grade")
    elif series and found.get("pay_grade") and columns:
        title = _series_level_title(series, found["pay_grade"], found.get("pay_label"))
    salary_min, salary_max = found.get("minimum"), found.get("maximum")
    salary = SALARY_RANGE.search(found.get("salary", ""))
    period = None
    if salary:
        salary_min, salary_max = salary.group("min"), salary.group("max")
    elif salary_min is None and "rate" in found:  # one rate, of its column's period
        salary_min, period = found["rate"], period_in(found["rate_period"])
    if not (found.get("code") or found.get("pay_grade") or salary_min):
        return None
    if not title:
        # A row under a header that names no title column ("Pay Grade  Pay Rate Type  Minimum
        # ..."), below the class's own row: the facts of the class the document describes.
        if not columns or any(c.role == "title" for c in columns):
            return None
        return ClassFacts(None, line, found.get("code"), found.get("pay_label"),
                          found.get("pay_grade"), salary_min, salary_max, period)  # fmt: skip
    if title.split()[0].lower().strip(".:") in _NOT_A_TITLE:
        return None  # "Page No. | of 2 | 118": a page's furniture, not a class
    return ClassFacts(
        smart_title(title),
        line,
        found.get("code"),
        found.get("pay_label"),
        found.get("pay_grade"),
        salary_min,
        salary_max,
        period,
    )


# The first word of a row's title cell that makes it a page's furniture, not a class.
_NOT_A_TITLE = frozenset({"page", "total", "totals", "subtotal"})


def _read_cell(cell: str, column: _Column, found: dict[str, str]) -> None:
    """File one cell under the fact it states, by its column, or by its look if no column."""
    role = column.role
    if role in ("pay_grade", "salary"):
        # A "Range" column may hold dollars or a range number; a grade column, any short code.
        is_grade = _PAY_GRADE.match(cell) or (role == "pay_grade" and len(cell) <= 12)
        amount = ONE_AMOUNT.fullmatch(cell.lstrip("*"))  # "*$2,510.20": a footnote's star
        if SALARY_RANGE.search(cell):
            found.setdefault("salary", cell)
        elif role == "salary" and amount:
            found["minimum"] = amount.group(0)  # one rate, no range
        elif is_grade and re.search(r"\d", cell):
            found["pay_grade"] = cell
            found["pay_label"] = column.label or "Grade"
    elif role in ("title", "code"):
        found[role] = _without_full_stop(cell)  # "GIS Analyst III.", "GISA03."
    elif role in ("minimum", "maximum"):
        found[role] = cell
    elif role == "requirement":
        return
    elif role == _RATE and not SALARY_RANGE.search(cell):
        # One rate under its period's name ("21.1578" under "Hourly"): the first such
        # column's, with that period.
        rate = ONE_AMOUNT.fullmatch(cell.lstrip("*")) or _DECIMAL_RATE.fullmatch(cell)
        if rate and "rate" not in found:
            found["rate"], found["rate_period"] = rate.group(0), str(column.label)
    elif SALARY_RANGE.search(cell):
        # A row of hourly, monthly and yearly ranges: the first, whose period the header
        # names first.
        found.setdefault("salary", cell)
    elif _CODE.match(cell) and "title" in found and role != _OTHER:
        # Under a header of other words ("Months of Service"), "0-2" is what it says.
        found.setdefault("code", cell)
    elif re.search(r"[a-z]{3}", cell.lower()) and "title" not in found and not _pay_word(cell):
        found["title"] = cell


def _without_full_stop(cell: str) -> str:
    """A title or code cell without the full stop a page set after it ("GIS Analyst III.",
    "GISA03."); an abbreviation keeps its own ("Asst.", "Sr.")."""
    last = cell.split()[-1] if cell.split() else ""
    if not last.endswith(".") or last.count(".") > 1:
        return cell
    word = last[:-1]
    ends_a_level = bool(re.fullmatch(r"[IVX]+|\d+", word))
    return cell[:-1] if ends_a_level or len(word) > _SHORTENED or re.search(r"\d", word) else cell


# A word this short before a full stop may be an abbreviation ("Asst.", "Sr.").
_SHORTENED = 4


def _pay_word(cell: str) -> bool:
    """Whether a cell is a word of pay ("Salary", "Hourly"), no title: a "Pay Rate Type"
    column's value."""
    return cell.strip().lower() in field_labels().salary or period_in(cell) is not None


def _series_level_title(series: str, grade: str, label: str | None) -> str:
    """ "Miscellaneous Clerk and Assistant, GS-5"; "..., Grade 5" for a bare number."""
    return f"{series}, {grade}" if grade[0].isalpha() else f"{series}, {label or 'Grade'} {grade}"


# --- rows whose cells are separated by spaces -----------------------------------------------


def spaced_row_classes(blocks: list[Block]) -> list[ClassFacts]:
    """Class rows of a table that lost its tabs (PDF text), read from paragraph lines."""
    rows: list[ClassFacts] = []
    for block in blocks:
        if block.kind != "paragraph":
            continue
        for line in block.lines:
            match = _SPACED_ROW.match(line.strip())
            if match and _reads_as_title(match.group("title")):
                label = "Grade" if match.group("grade") else None
                rows.append(
                    ClassFacts(
                        smart_title(match.group("title")),
                        line.strip(),
                        match.group("code"),
                        label,
                        match.group("grade"),
                        match.group("min"),
                        match.group("max"),
                    )
                )
    return rows


def _reads_as_title(text: str) -> bool:
    """Every word capitalised, except small words and a trailing level number."""
    small = {"a", "an", "and", "of", "the", "for", "in", "on", "to", "&", "-"}
    words = text.split()
    return all(
        w[0].isupper() or w.lower() in small or (i == len(words) - 1 and w.isdigit())
        for i, w in enumerate(words)
    )


# --- "Key: value" lines ---------------------------------------------------------------------


# "CLASSIFICATION NO. 304": a code label and its code with no colon between them.
_UNCOLONED_CODE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z .#]{1,30}?)\.?\s+(?P<code>\S+)$")


def uncoloned_code_facts(line: str) -> ClassFacts | None:
    """A line that is only a code label and the code: "Class No. 4411"."""
    match = _UNCOLONED_CODE.match(line.strip())
    if not match:
        return None
    name = " ".join(match.group("key").lower().replace(".", " ").replace("#", " ").split())
    code = match.group("code")
    if name not in CODE_KEYS or name == "code" or not _KEYED_CODE.fullmatch(code):
        return None
    return ClassFacts(None, line.strip(), code=code)


# "SALARY RANGE 28", "Pay Grade 25", "• Salary Range Band 5 $82,356 to $94,961": a pay label
# and its value with no colon between them, at the start of its line (after a bullet).
_BULLET = re.compile(r"^[\s•*·-]*")
_UNCOLONED_VALUE = re.compile(
    r"^(?:[$£€]|[A-Z]{0,3}-?\d|(?:band|grade|level|range|step)\s+\w)", re.IGNORECASE
)
# The keys such a line may open with: a grade's, or two words that name pay.
_UNCOLONED_KEYS = frozenset(
    (*GRADE_KEYS, *_phrases("hourly rate, annual salary, starting salary, pay rate"))
)
_LONGEST_KEY = 4
# One word that names pay opens such a line only before an amount: "Salary $41,966.00 to ...".
_UNCOLONED_PAY_WORDS = frozenset({"salary", "pay", "wage", "wages"})
_LABEL_HEAD = re.compile(r"^[A-Z][A-Z ]{1,40}$")
# "Band 5 $82,356 to $94,961": the grade a value opens with, before its amounts.
_LEADING_GRADE = re.compile(
    r"^(?P<label>band|grade|level|range|step)\s+(?P<grade>[A-Z]{0,3}-?\d{1,3}[A-Z]?)\b", re.I
)


def uncoloned_pay_facts(line: str, above: str = "") -> ClassFacts | None:
    """A line that opens with a pay label and its value, no colon between them: "Salary
    Range 28", "Salary Range Band 5 $82,356 to $94,961 plus 12% Super". A lone pay word
    under words in capitals ("USUAL ANNUAL" over "SALARY $38,305 - $48,825") ends a label
    of several lines, which says whose pay it is: the line alone does not."""
    words = _BULLET.sub("", line.strip()).split()
    continued = bool(_LABEL_HEAD.match(_BULLET.sub("", above.strip())))
    for length in range(min(_LONGEST_KEY, len(words) - 1), 0, -1):
        key, value = " ".join(words[:length]), " ".join(words[length:])
        if key.lower() in _UNCOLONED_KEYS and _UNCOLONED_VALUE.match(value):
            return _pay_facts(line.strip(), key, value)
        if key.lower() in _UNCOLONED_PAY_WORDS and value[:1] in "$£€" and not continued:
            return _pay_facts(line.strip(), key, value)  # "Salary $41,966.00 to $66,731.00"
    return None


def _pay_facts(line: str, key: str, value: str) -> ClassFacts | None:
    found: dict[str, str] = {}
    _read_key_value(key, value, found)
    graded = _LEADING_GRADE.match(value)
    if graded and "pay_grade" not in found:
        found["pay_label"] = graded.group("label").title()
        found["pay_grade"] = graded.group("grade")
    if not found.keys() & {"pay_grade", "salary_min"}:
        return None
    return ClassFacts(
        None,
        line,
        pay_label=found.get("pay_label"),
        pay_grade=found.get("pay_grade"),
        salary_min=found.get("salary_min"),
        salary_max=found.get("salary_max"),
        salary_period=found.get("salary_period"),
    )


def with_period_lines(facts: ClassFacts, following: Sequence[str]) -> ClassFacts:
    """A range with its period ("$23.93-$29.09 Hourly") over the lines that give the same pay
    by other periods ("$1,914.67-$2,327.30 Biweekly", "$4,148.45-$5,042.48 Monthly"), or one
    amount so ("SALARY: $35,456.00 annually" over "$1,363.69 bi-weekly", "$17.05 per hour"):
    each is kept as a column named by its period, and the quote runs to the last of them."""
    last = facts.quote.split("\n")[-1]
    if not facts.salary_min or not (facts.salary_period or period_in(last)):
        return facts
    one = facts.salary_max is None  # "SALARY: $35,456.00 annually" over "$17.05 per hour"
    if not (_period_amount_line(_KEY.sub("", last)) if one else _period_range_line(last)):
        return facts
    taken = []
    for line in following:
        if not (_period_amount_line(line) if one else _period_range_line(line)):
            break
        taken.append(line.strip())
    if not taken:
        return facts
    columns = []
    for line in (last, *taken):
        match = (ONE_AMOUNT if one else SALARY_RANGE).search(line)
        if match:  # every line taken holds one
            period = line[match.end() :] if one else SALARY_RANGE.sub("", _KEY.sub("", line))
            columns.append((period.strip(" ,;-"), match.group(0)))
    return replace(facts, quote="\n".join((facts.quote, *taken)), pay_columns=tuple(columns))


def _period_amount_line(line: str) -> bool:
    """A line that is one amount and the period it pays: "$1,363.69 bi-weekly", "$17.05 per
    hour"."""
    amounts = ONE_AMOUNT.findall(line)
    rest = ONE_AMOUNT.sub("", line)
    return len(amounts) == 1 and period_in(rest) is not None and len(rest.split()) <= _PERIOD_WORDS


def _period_range_line(line: str) -> bool:
    """A line that is one range and the period it is paid by: "$4,148.45-$5,042.48 Monthly"."""
    ranges = SALARY_RANGE.findall(line)
    rest = SALARY_RANGE.sub("", line)
    return len(ranges) == 1 and period_in(rest) is not None and len(rest.split()) <= _PERIOD_WORDS


def label_line_facts(labels: str, values: str) -> ClassFacts | None:
    """ "BAND:  GRADE:  CLASS CODE:" with its values on the next line ("C  4  2341"): each label
    takes the value in its place, when the two lines hold as many cells."""
    keys = [k.strip() for k in labels.strip().split(":")]
    if len(keys) < 2 or keys[-1] or not all(keys[:-1]):
        return None
    cells = values.split()
    if len(cells) != len(keys) - 1:
        return None
    found: dict[str, str] = {}
    for key, value in zip(keys[:-1], cells, strict=True):
        _read_key_value(key, value, found)
    if not found:
        return None
    return ClassFacts(
        None, values.strip(), found.get("code"), found.get("pay_label"), found.get("pay_grade")
    )


def stacked_label_facts(label: str, value: str) -> ClassFacts | None:
    """A label alone on its line and its value alone on the next ("Salary" above "$28.97 to -
    $33.80 per hour", "Pay scale & grade" above "WG 8"): read as "label: value". Labels joined
    by "&" or "and" name one value, the last label says what it is."""
    text = label.strip().rstrip(":").strip()
    run_on = _NEXT_LABEL.match(value.strip())  # "$23.34 - $30.09 Hourly Location :"
    value = run_on.group("value") if run_on else value
    if not text or ":" in text or not value.strip() or ":" in value:
        return None
    last = re.split(r"\s+(?:&|and)\s+", text)[-1]
    written, name = _known_key(last)
    known = name in CODE_KEYS or name in PAY_KEYS or name in PERIOD_KEYS
    if not known or written != last:
        return None
    found: dict[str, str] = {}
    _read_key_value(last, value.strip(), found)
    if not found:
        return None
    return ClassFacts(
        None,
        f"{label.strip()}\n{value.strip()}",
        found.get("code"),
        found.get("pay_label"),
        found.get("pay_grade"),
        found.get("salary_min"),
        found.get("salary_max"),
        found.get("salary_period") or period_in(value),
    )


# A value with the next field's label run on after it, as pages flattened from a form write
# them ("Salary:" over "$23.34 - $30.09 Hourly Location :"): the label is its last word.
_NEXT_LABEL = re.compile(r"^(?P<value>.*\S)\s+[A-Z][A-Za-z]*\s?:$")


# A label alone on its line ("BAND", "FLSA STATUS:"), and a short value alone on its line.
_BARE_LABEL = re.compile(r"^[A-Za-z][A-Za-z .&/#()-]{1,30}:?$")
_SHORT_VALUE = re.compile(r"^\S+(?:\s\S+){0,2}$")
_MIN_STACKED = 2
_MAX_LABEL_WORDS = 3


def stacked_run_facts(lines: list[str]) -> list[ClassFacts]:
    """Labels stacked one a line, then their values in the same order ("BAND", "GRADE",
    "SUBGRADE", "FLSA STATUS:" above "A", "1", "1", "Non-exempt"): the i-th value is the i-th
    label's. Each fact is quoted from its label's line down to its value's line."""
    cells = [(n, line.strip()) for n, line in enumerate(lines) if line.strip()]
    found: list[ClassFacts] = []
    at = 0
    while at < len(cells):
        labels = 0
        while at + labels < len(cells) and _stacked_label(cells[at + labels][1]):
            labels += 1
        values = cells[at + labels : at + 2 * labels]
        stacked = labels >= _MIN_STACKED and len(values) == labels
        if not stacked or not all(_SHORT_VALUE.match(v) and ":" not in v for _, v in values):
            at += max(labels, 1)
            continue
        for (label_at, label), (value_at, value) in zip(
            cells[at : at + labels], values, strict=True
        ):
            facts = stacked_label_facts(label, value)
            if facts is not None:
                quote = "\n".join(lines[label_at : value_at + 1])
                found.append(replace(facts, quote=quote))
        at += 2 * labels
    return found


def _stacked_label(line: str) -> bool:
    """A label alone on its line, of a few words and no figure."""
    return bool(_BARE_LABEL.match(line)) and len(line.split()) <= _MAX_LABEL_WORDS


def key_value_facts(line: str) -> ClassFacts | None:
    """Facts of a title-block line: "Pay Range: 8", "Job Code: 31810  FLSA: Exempt",
    or a two-cell row "Class Code<TAB>5E02". None when the line states no code or pay."""
    found: dict[str, str] = {}
    text = _ITEM_MARK.sub("", line.strip())  # "- Salary Scale: Rs. 46,220 – 84,350": a list's
    cells = text.split("\t")
    if len(cells) == 2 and ":" not in cells[0]:
        _read_key_value(cells[0], cells[1].strip(), found)
    elif glued := _GLUED_KEY.match(text):
        # "Salary Grade09", "Salary RangeFrom $42641 to $52413 Annually": a web form's label
        # and value with nothing between them.
        _read_key_value(glued["key"], glued["value"].strip(), found)
    else:
        keys = list(_KEY.finditer(text))
        if not keys or not _opens_line(text, keys[0]):
            return None  # a line of prose that mentions a key further on
        for key, following in zip(keys, [*keys[1:], None], strict=True):
            # "CLASS CODE: B1A1TX SALARY RANGE: $2584": the next key is its known words alone.
            end = (
                following.end("key") - len(_known_key(following.group("key"))[0])
                if following
                else len(text)
            )
            value = text[key.end() : end]
            _read_key_value(key.group("key"), value.split("\t")[0].strip(), found)
    if not found:
        return None
    return ClassFacts(
        None,
        text,
        found.get("code"),
        found.get("pay_label"),
        found.get("pay_grade"),
        found.get("salary_min"),
        found.get("salary_max"),
        found.get("salary_period"),
    )


# A known key written as a form's label, its value run into it: "Salary Grade09", "Class
# CodeA123" (a capital or a figure right after the key's last letter, no colon in the line).
_GLUED_KEY = re.compile(
    "^(?P<key>"
    + "|".join(
        re.escape(key.title())
        for key in sorted((*CODE_KEYS, *PAY_KEYS), key=len, reverse=True)
        if " " in key
    )
    + r")(?P<value>[A-Z0-9$£€][^:]*)$"
)
# The mark of a list's item before its text: "- ", "• ".
_ITEM_MARK = re.compile(r"^[-*•▪·–]\s+")
# "DESCRIPTION OF OCCUPATIONAL WORK Grade: 85": a heading in capitals, run into the key after it.
_CAPITALS_HEADING = re.compile(r"[A-Z][A-Z&/,' -]*")


def _opens_line(text: str, key: re.Match[str]) -> bool:
    """Whether a key opens its line, or follows only a heading in capitals that a flattened
    layout ran into it."""
    if key.start() == 0:
        return True
    written, name = _known_key(key.group("key"))
    before = text[: key.end("key") - len(written)].strip()
    if _is_known(name) and _JOINED_LABEL.fullmatch(before):
        return True  # "SERIES & GRADE: TR-0083-06": the last of two labels joined
    return _is_known(name) and not written.isupper() and bool(_CAPITALS_HEADING.fullmatch(before))


# The first of two labels joined before a known one: "SERIES &", "Class and".
_JOINED_LABEL = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)?\s*(?:&|\band)", re.IGNORECASE)


def slashed_fields(keys: str, values: str) -> list[tuple[str, str]]:
    """ "Position Class Code / Title: W1008 / Arborist": each key joined by a slash with its
    value in turn; [] when the keys are not joined so, or their values do not pair up."""
    named, given = keys.split(" / "), values.split(" / ")
    if len(named) < 2 or len(named) != len(given):
        return []
    return [(k.strip(), v.strip()) for k, v in zip(named, given, strict=True)]


def _read_key_value(key: str, value: str, found: dict[str, str]) -> None:
    whole = key  # "Maximum Basic Salary": the known key is "Salary", the label says which end
    value = _without_full_stop(value)  # "JOB GRADE: C3.": a page that ends each value so
    pairs = slashed_fields(key, value)
    if pairs:
        for one_key, one_value in pairs:
            _read_key_value(one_key, one_value, found)
        return
    key, name = _known_key(key)
    if "/" in key and "/" not in value and not _is_known(name):
        # "Salary/Grade: Grade 3", "Job Code/Title: 1054 Accountant": one value under keys that
        # are alternatives is read under each.
        for one in filter(None, map(str.strip, key.split("/"))):
            read: dict[str, str] = {}
            _read_key_value(one, value, read)
            for field, given in read.items():
                found.setdefault(field, given)  # the first key that reads a field gives it
        return
    if "/" in key and "/" in value and not _is_known(name):
        # "Union/Salary Plan/Grade: AFSCME/LA-3": the last of the keys is the last value's.
        key, name = _known_key(key.rsplit("/", 1)[1])
        value = value.rsplit("/", 1)[1]
    spaced = _SPACED_GRADE.match(value.strip())  # "WG 8", "GS 12": a plan and its grade
    token = spaced.group(0) if spaced else value.split()[0].strip(",;") if value.split() else ""
    if name in CODE_KEYS:
        if _KEYED_CODE.fullmatch(token):
            found.setdefault("code", token)
        return
    if name in PERIOD_KEYS:
        period = period_in(value)
        if period is not None:
            found["salary_period"] = period
        return
    if name not in PAY_KEYS:
        return
    salary = SALARY_RANGE.search(value) or _range_by_its_label(name, value)
    starting = _STARTING_AT.match(value)  # "Starting at $18.82/hour."
    single = ONE_AMOUNT.match(value, starting.end() if starting else 0)
    if salary and _ranges_of_one_period(value):
        return  # "$49,903 to $72,996 and $55,019 to $80,472": which is the class's is not said
    if salary:
        found["salary_min"], found["salary_max"] = salary.group("min"), salary.group("max")
        # "R216 417 - R254 928 per annum (Level 05)", "... p.a. i.e. Task Grade 15"
        graded = _GRADE_BESIDE.search(value, salary.end())
        if graded:
            found["pay_label"] = graded.group("label").title()
            found["pay_grade"] = graded.group("grade")
        elif _GRADE_NAME.search(name) and _PAY_GRADE.match(token) and salary.start() > len(token):
            # "Pay Level: 106 ($47,305.74 - $85,150.33)": the grade the label names, then the
            # range it pays.
            found["pay_grade"], found["pay_label"] = token, _label_title(key)
        elif (before := _GRADE_BEFORE_RANGE.match(value)) and (
            before["label"] or not before["grade"].isdigit()
        ):
            # "Salary: C1 (£28,598 - £31,022)", "Salary: Grade 7 (...)": a grade, then in
            # parentheses the range it pays.
            found["pay_grade"] = before["grade"]
            if before["label"]:
                found["pay_label"] = before["label"].title()
    elif single:
        found["salary_max" if _TOP_KEY.search(whole) else "salary_min"] = single.group(0)
    elif listed := _GRADE_LIST.match(value.strip()):
        # "Pay Band(s): 5, 6 and 7": the class spans the grades listed, not the first alone.
        found["pay_grade"], found["pay_label"] = listed.group(0), _label_title(key)
    elif (labelled := _GRADE_BESIDE.fullmatch(value.strip())) and _GRADE_NAME.search(name):
        # "Grade: Grade 3", "Salary/Grade: Grade 3": the value names its grade's label.
        found["pay_grade"], found["pay_label"] = labelled["grade"], labelled["label"].title()
    elif (
        spaced
        or (_PAY_GRADE.match(token) and not _pay_in_figures(name, token))
        or (_LETTER_GRADE.match(value.strip()) and _GRADE_NAME.search(name))
    ):
        # "Pay Grade: 10"; "Grade: C" and "Pay Range: II" when the letter is the whole value.
        found["pay_grade"], found["pay_label"] = token, _label_title(key)


# The words a starting rate opens with: "Starting at $18.82/hour", "Beginning at $40,000".
_STARTING_AT = re.compile(r"\s*(?:starting|starts|beginning|begins)\s+(?:at\s+)?", re.IGNORECASE)


def _pay_in_figures(name: str, token: str) -> bool:
    """Whether a bare number under a label that names no grade is pay, not a grade: "Salary:"
    over "20" is twenty an hour, not "Salary 20"."""
    return token.isdigit() and not _GRADE_NAME.search(name)


def _range_by_its_label(name: str, value: str) -> re.Match[str] | None:
    """ "Salary range $34,490 $58,143 (A04)": two amounts with nothing between them are a
    range when the label says so, lowest first."""
    spaced = _SPACED_AMOUNTS.match(value) if "range" in name.split() else None
    if spaced is not None:
        low, high = money_value(spaced.group("min")), money_value(spaced.group("max"))
        return spaced if low is not None and high is not None and low < high else None
    # "Salary: 4,235.52 – 4,235.52 (Monthly)": under a pay label, figures written as money
    # are, with no currency sign.
    return _BARE_RANGE.match(value)


_BARE_FIGURE = r"\d{1,3}(?:,\d{3})*\.\d{2}|\d{1,3}(?:,\d{3})+"
_BARE_RANGE = re.compile(
    rf"\s*(?P<min>{_BARE_FIGURE})\s*(?:-|–|—|to)\s*(?P<max>{_BARE_FIGURE})(?![\w.,%])"
)
_SPACED_AMOUNTS = re.compile(rf"\s*(?P<min>{MONEY})\s+(?P<max>{MONEY})(?![\w.,]|\s*(?:-|–|—|to)\b)")


# Grades listed as one value: "5, 6 and 7", "GS-5/7/9", "C1 or C2".
_ONE_GRADE = r"(?:[A-Z]{1,3}[- ]?)?\d{1,3}[A-Z]?"
_GRADE_LIST = re.compile(
    rf"{_ONE_GRADE}(?:\s*(?:,\s*(?:and|or)?|\band\b|\bor\b|/|&)\s*{_ONE_GRADE})+(?![\w.,-])"
)
# A grade after a salary, in parentheses or not: "(Level 05)", "(Grade 12)", "i.e. Task Grade
# 15 (Provisional)", "Grade 11 to 11".
# A grade (with letters in it when no label names it), then the range it pays in parentheses.
_GRADE_BEFORE_RANGE = re.compile(
    r"\s*(?:(?P<label>grade|band|level|scale|range)\s+)?"
    r"(?P<grade>(?-i:[A-Z]{0,3})-?\d{1,3}(?-i:[A-Z])?)\s*\(",
    re.IGNORECASE,
)
_GRADE_BESIDE = re.compile(
    r"(?<![\w-])(?P<label>(?:(?:task|pay|salary)\s+)?(?:level|grade|band|range|group))"
    r"\s+(?P<grade>(?-i:[A-Z]{0,3})-?\d{1,3}(?-i:[A-Z])?)(?![\w.,-])"
    # not the first of several: "Grade 05 to 08" spans grades ("Grade 11 to 11" is one)
    r"(?!\s*(?:to|-|–)\s*(?!(?P=grade)\b)\d)",
    re.IGNORECASE,
)


def _label_title(key: str) -> str:
    """A key as a label: "PAY BAND(S)" is "Pay Band(s)"."""
    return key.strip().title().replace("(S)", "(s)")


def _ranges_of_one_period(value: str) -> bool:
    """Whether a value holds two ranges or more with no two periods to tell them apart."""
    return len(SALARY_RANGE.findall(value)) > 1 and len(periods_in(value)) < 2


def _known_key(key: str) -> tuple[str, str]:
    """The longest known key that ends the words before a colon ("Non-Exempt Job Code" ->
    "Job Code"), as written and normalised; the whole key when none is known."""
    words = key.split()
    for start in range(len(words)):
        written = " ".join(words[start:])
        name = " ".join(written.lower().replace(".", " ").removesuffix("(s)").split())
        if _is_known(name):
            return written, name
    return key, " ".join(key.lower().split())


def _is_known(name: str) -> bool:
    return name in CODE_KEYS or name in PAY_KEYS or name in PERIOD_KEYS


def titled_code_facts(lines: list[str], title: str) -> list[ClassFacts]:
    """The code after the class's own title on a line of its own, as announcements head the
    class they announce ("PARKS DIVISION ASSISTANT DIRECTOR - 70680"); not a year."""
    words = r"\s+".join(re.escape(w) for w in title.split())
    pattern = re.compile(
        rf"^{words}\s*(?:[-–—:]\s*)?(?P<code>(?!(?:19|20)\d\d\b)\d{{4,6}})$", re.IGNORECASE
    )
    found = (pattern.match(line.strip()) for line in lines)
    same_line = [ClassFacts(None, m.group(0), code=m.group("code")) for m in found if m][:1]
    return same_line or _code_below_title(lines, title)


# A code alone on its line, a note in parentheses after it: "18531 (WFSE Campuswide)".
_CODE_ALONE = re.compile(r"^(?P<code>(?!(?:19|20)\d\d\b)\d{4,6})(?:\s*\([^()]{1,40}\))?$")


def _code_below_title(lines: list[str], title: str) -> list[ClassFacts]:
    """The code alone on the first line that holds text under the class's own title line, as
    a job specification heads its class ("Master Research Vessel" over "18531 (WFSE
    Campuswide)")."""
    written = [line.strip() for line in lines if line.strip()]
    for line, below in pairwise(written):
        if line.lower() == title.lower() and (code := _CODE_ALONE.match(below)):
            return [ClassFacts(None, below, code=code.group("code"))]
    return []


# A line that is only pay and its period: "$13.16 per hour minimum", "$52,000 - $60,000 annually".
_BARE_PAY_LINE = re.compile(
    r"^[$£€]\d[\d,]*(?:\.\d+)?(?:\s*(?:-|–|to)\s*[$£€]?\d[\d,]*(?:\.\d+)?)?"
    r"\s*(?:per|an?|/)?\s*(?:hour|hr|week|month|year|annum|hourly|weekly|monthly|annually|yearly)"
    r"(?:\s+(?:minimum|maximum|min|max|starting))?$",
    re.IGNORECASE,
)


def bare_pay_facts(lines: list[str]) -> list[ClassFacts]:
    """The first line of a one-class text that is only pay with its period, under no label
    ("$13.16 per hour minimum" below "Employment Type:" / "Temporary/Seasonal/Part Time")."""
    for line in lines:
        if _BARE_PAY_LINE.match(line.strip()):
            facts = _pay_facts(line.strip(), "Salary", line.strip())
            return [facts] if facts is not None else []
    return []


def range_below_grade_facts(lines: list[str]) -> list[ClassFacts]:
    """A range alone on the line right under a line that gives a grade and no pay ("Range: 29"
    over "$10.50 - $14.42"): the pay of that grade, quoted with it."""
    found = []
    filled = [line.strip() for line in lines if line.strip()]
    for above, line in itertools.pairwise(filled):
        graded = key_value_facts(above)
        if graded is None or not graded.pay_grade or graded.salary_min:
            continue
        pay = SALARY_RANGE.fullmatch(line)
        if pay is not None:
            quote = f"{above}\n{line}"
            period = period_in(line)
            found.append(ClassFacts(None, quote, None, None, None, pay["min"], pay["max"], period))
    return found

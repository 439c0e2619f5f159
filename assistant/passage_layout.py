"""How a passage's text is laid out for the reader: its blocks and lines, the header of the
table a row sits in, the title-like line that owns the figures below it, the grade key of a
pay-table row, and what a value of each field (a grade, a code, pay for a period) looks like."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache

from assistant.passages import split_sentences
from assistant.row_keys import row_keys
from index.cells import is_figure_row
from index.dates import MONTH_SHORT
from index.money import ONE_AMOUNT, TYPED_MONEY, YEAR, money_value
from index.vocab import abbreviations, field_labels

# A line this long is read sentence by sentence: paragraphs are not table rows.
_LONG_LINE = 300
# How far above a figure the line naming its class may sit, and how long such a line may be.
_OWNER_REACH = 8
_TITLE_WORDS = 10


def _words_pattern(words: Iterable[str]) -> str:
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return r"(?<![\w])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


@cache
def _shapes() -> dict[str, re.Pattern[str]]:
    labels = field_labels()
    return {
        "grade": re.compile(
            _words_pattern(labels.grade)
            + r"(?![\w])\s*[:#.]?\s*\(?\s*(?:(?:[A-Z]{1,3}\s?-?\s?){0,2}\d{1,3}(?:[.\s]\d)?[A-Z]?"
            # "Grade 12", "Grade B-7", "Grade VI", "Grade 9, Step 1"; not "Grades 1, 7 and 8"
            # not a time ("Work Schedule: 6:30 a.m.")
            + r"|(?-i:[IVX]{1,5}))(?!\w|,\s*\d|:\d)"
            + "|"
            + _words_pattern(labels.grade)
            + r"\s*:\s*(?-i:[A-Z])(?![\w,])"  # "Grade: C", "Grade:" above "C"
            # "Salary Band K", "Pay Grade B": a grade, band or group's letter in capitals.
            + r"|\b(?:(?:pay|salary)\s+)?(?:grade|band|group)\s+(?-i:[A-Z])(?![\w,'’-])"
            + r"|\b(?:GS|GG|GM|WG|WS)-\s?\d{1,2}\b"
            # A pay matrix level joined by a hyphen: "Level-5", "Academic Level-13A".
            + r"|\b(?-i:Level)-\d{1,2}[A-Z]?\b",
            re.IGNORECASE,
        ),
        "code": re.compile(
            _words_pattern(labels.code)
            # "Job #P1250e": a label that ends in "#" runs into its value.
            + r"(?:(?<=#)|(?![\w]))\s*[:#.]?\s*(?:no\.?\s*)?\(?#?\s*"
            + r"(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{1,11}\b"
            + r"|\(#\s*[A-Z0-9-]+\s*\)",
            re.IGNORECASE,
        ),
    }


# Bare cells that are a grade or a code when their column says so.
_CELLS = {
    # "B-7", "12", and a grade of letters joined by "_" ("M_B", "R_L_B").
    "grade": re.compile(
        r"(?<![\w$.-])(?:[A-Z]{0,3}-?\d{1,3}[A-Z]?|[A-Z]{1,3}(?:_[A-Z0-9]{1,3}){1,3})(?![\w,.$%-])"
    ),
    "code": re.compile(r"(?<![\w$.-])(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,11}(?![\w,.$%-])"),
}


# The amounts that can be pay for each period, a wide net: it only tells hourly from yearly.
_PERIOD_AMOUNTS = {
    "hour": (Decimal(3), Decimal(500)),
    "week": (Decimal(100), Decimal(20000)),
    "biweek": (Decimal(200), Decimal(40000)),
    "semimonth": (Decimal(200), Decimal(40000)),
    "month": (Decimal(400), Decimal(80000)),
    "year": (Decimal(5000), Decimal(2000000)),
}
# The amounts each period usually pays, to read a range that names no period by: narrower
# than the plausible ones for the weeks, whose plausible amounts overlap a year's.
_TYPICAL_AMOUNTS = _PERIOD_AMOUNTS | {
    "week": (Decimal(100), Decimal(6000)),
    "biweek": (Decimal(200), Decimal(12000)),
    "semimonth": (Decimal(200), Decimal(12000)),
}


# Figures that are pay only where the line or its header speaks of pay: "62620", "20.02",
# "1277667.00" (a yearly salary in naira).
# A ZIP code after a state's two letters ("CA 91764"), after the country that closes an
# address ("San Francisco, California, United States, 94199"), or after a comma at the end of
# an address's line ("153 Lake Merced Blvd Daly City, 94015").
_POSTAL = re.compile(
    r"\b(?:[A-Z]{2}|United States|USA|U\.S\.A?\.?),?\s+\d{5}(?:-\d{4})?\b"
    r"|(?<=[A-Za-z]),\s+\d{5}(?:-\d{4})?(?=\s*$)",
    re.MULTILINE,
)
# A line labelled as a place or a way to reach someone: its bare numbers are no pay.
_WHERE_LABEL = re.compile(
    r"^\s*(?:[A-Za-z/]+\s){0,2}(?:location|address|phone|telephone|fax|zip|postal code)\s*:",
    re.IGNORECASE,
)
_BARE_PAY = re.compile(
    r"(?<![\w.,$£€])(?:\d{1,3}(?:,\d{3})+(?:\.\d{2})?|\d{1,7}\.\d{2}|\d{1,3}\.\d{4}|\d{5,6})"
    r"(?![\w,]|\.\d)"  # "15.7017": an hourly rate kept to four places
)


_LABEL_ONLY = re.compile(r"^[A-Za-z][A-Za-z .#/&()-]{0,60}:?$")


@cache
def _labels() -> dict[str, re.Pattern[str]]:
    labels = field_labels()
    return {
        "grade": re.compile(_words_pattern(labels.grade) + r"(?![\w])", re.IGNORECASE),
        "code": re.compile(_words_pattern(labels.code) + r"(?![\w])", re.IGNORECASE),
    }


@cache
def _labelled_grade() -> re.Pattern[str]:
    """A label that holds a grade's name among other words, then a grade alone."""
    return re.compile(
        r"^\s*[A-Za-z][\w &/.()-]{0,40}?"
        + _labels()["grade"].pattern
        + r"[\w &/.()-]{0,30}:\s*(?:[A-Z]{1,3}[- ]?)?\d{1,3}[A-Z]?\s*$",
        re.IGNORECASE,
    )


@cache
def _pay_words() -> re.Pattern[str]:
    # "Mid" before a capitalised word names a place ("HSE Mid West"), not a midpoint.
    words = [w for w in field_labels().salary if w.lower() != "mid"]
    return re.compile(
        _words_pattern(words) + r"(?![\w])|\bmid\b(?!-?\s*(?-i:[A-Z][a-z]))|[$£€]", re.IGNORECASE
    )


_NUMBER_GIVEN = re.compile(r"\b(?:number|no\.?|#|id)\s*(?=[A-Za-z0-9-]*\d)[A-Za-z0-9-]{3,}", re.I)


def gives_value(field: str | None, question: str) -> bool:
    """Whether a question itself gives a value of the field it names ("has code 9844", "pays
    101010", "a maximum of $74,760"): then it asks what holds that value, a reverse lookup."""
    if field == "salary":
        return bool(TYPED_MONEY.search(question))
    if field == "code" and _NUMBER_GIVEN.search(question):
        return True  # "which classification is number 6598?"
    if field in ("code", "grade"):
        return bool(_shapes()[field].search(question)) or (
            field == "grade" and bool(row_keys(question))
        )
    return False


# A unit of work or time that pay is counted by and no pay period names: "$120 per day", "a
# shift", "per session". ("Per credit hour" and "per contact hour" are hours.)
OTHER_PAY_UNIT = re.compile(
    r"\b(?:per|a|an|each)\s+(?:day|shift|session|course|class|game|event|meeting|visit|night|"
    r"lesson|diem)\b|\bdaily\b",
    re.IGNORECASE,
)


def plausible_for(period: str, text: str) -> bool:
    """Whether some amount in text could be pay for that period: an hourly rate is not
    $45,672, nor a yearly salary $24.30."""
    return _within(_PERIOD_AMOUNTS[period], text)


def typical_for(period: str, text: str) -> bool:
    """Whether some amount in text is pay as that period usually pays it: $33,571 could be
    paid a fortnight, but a range that names no period and holds it is a yearly one."""
    return _within(_TYPICAL_AMOUNTS[period], text)


def _within(bounds: tuple[Decimal, Decimal], text: str) -> bool:
    """Whether an amount of text falls within the bounds: one written as money, or, where none
    does, a bare figure with its cents ("21.1578 | $3,667.34 | $44,008.12", an hourly rate in
    the cell before the month's)."""
    low, high = bounds
    money = ONE_AMOUNT.findall(text)
    bare = [figure for figure in _BARE_PAY.findall(text) if "." in figure or not money]
    amounts = (money_value(figure) for figure in [*money, *bare])
    return any(a is not None and low <= a <= high for a in amounts)


# A web address: its numbers name pages and files.
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)


def states_field(field: str, text: str, header: str = "") -> bool:
    """Whether text holds a value of the field's shape (a grade, a code, an amount of pay).
    Under a table header that names the field ("Job Code  Salary Grade"), a bare cell of the
    field's shape is its value: "NC15", "32000217", "62620"."""
    if field == "salary":
        if ONE_AMOUNT.search(text):
            return True
        # A postal code after its state ("CA 91764") is an address, not pay; nor is the
        # number after an identifier's label ("Job ID: 26992", "Posting No. 24113").
        if _WHERE_LABEL.match(text):
            return False  # "Work Location: ... Garrett Road, Houston 77044": a ZIP code
        bare = _POSTAL.sub(" ", _URL.sub(" ", text))  # ".../32850.html" is a page, not pay
        bare = _DOCUMENT_NUMBER.sub(" ", _IDENTIFIED.sub(" ", bare))
        figures = [f for f in _BARE_PAY.findall(bare) if not YEAR.match(f)]
        return bool(figures) and bool(_pay_words().search(f"{text}\n{header}"))
    if _shapes()[field].search(text):
        return True
    if field == "grade" and _labelled_grade().match(text):
        return True  # "NC Salary Grade Equivalency: 56": a label naming a grade, then it
    if field == "code" and _TITLE_CODE.match(text.strip()):
        return not _shapes()["grade"].search(text.split()[-1])  # "Analyst GS-12" is a grade

    if not header or _LABELLED.search(text) or not _labels()[field].search(header):
        return False  # a "Level code: P2" line says what its value is
    label = _labels()[field].search(header)
    title = header.lower().find("title")
    if label and 0 <= title < label.start():
        # "Job Code  Job Title  ...  Pay Grade": a cell before the title is not its grade.
        words = re.search(r"[A-Za-z][A-Za-z' .&/-]*[A-Za-z]", text)
        text = text[words.start() :] if words else text
    cells = _TITLE_LEVEL.sub(" ", text)  # "Engineer 2" is a title's level, not a cell
    return bool(_CELLS[field].search(cells))


def names_field(field: str, text: str, question: str = "") -> bool:
    """Whether a line gives the field in a form states_field does not read for certain: its
    label with a value after it ("Pay Band(s): 5, 6 and 7", "Position Code Title - Accountant-A"),
    or, for a grade, a token of a grade's shape beside a title ("ACCOUNTANT III SR-22"), or
    letters run into a number after a title the question writes whole, on their own line
    ("Customer Services Adviser CS07"). Pay is never read loosely: an amount of another
    period, or a grade, is no salary asked."""
    if field == "salary":
        return False
    label = _labels()[field].search(text)
    if label and re.match(r"(?:\(s\))?(?:\s+title)?\s*[:#-]\s*\w", text[label.end() :], re.I):
        return True
    if field != "grade":
        return False
    if _GRADE_TOKEN.search(text):
        return True
    asked = set(re.findall(r"[a-z0-9]+", question.lower()))
    return any(
        set(re.findall(r"[a-z0-9]+", line.group("title").lower())) <= asked
        for line in _TITLE_GRADE.finditer(text)
    )


# "control number", "announcement no.", "requisition ID": a question that names the label of a
# number asks for the value a line writes after that label.
_NUMBER_LABEL = r"(?:\s+(?:number|no\.?|code|id)|\s*#)(?!\w)"  # "TAMRMS#: B05" too
# "Government Gazette 29967", "Ordinance 87-2586": the number of a law or a notice, no pay.
_DOCUMENT_NUMBER = re.compile(
    r"\b(?:gazette|act|regulations?|resolution|ordinance|order|bill|circular|notice|by-?law)"
    r"\s+[\d-]*\d",
    re.IGNORECASE,
)
_ASKED_LABEL = re.compile(rf"\b([a-z]{{3,}}){_NUMBER_LABEL}", re.IGNORECASE)
_IDENTIFIED = re.compile(rf"\b[a-z]+{_NUMBER_LABEL}\s*[:#-]?\s*[\w-]*\d[\w-]*", re.IGNORECASE)
# Words before "number" that ask for no label of their own ("the class number", "what number").
_NOT_LABELS = frozenset("the what which class job position and for its phone".split())


def asked_labels(question: str) -> list[str]:
    """The labels of the numbers a question asks for ("usajobs control number" -> control),
    each with the abbreviations that stand for it ("reference" -> "ref", as in "REF: TEC
    501")."""
    asked = [
        m.group(1).lower()
        for m in _ASKED_LABEL.finditer(question)
        if m.group(1).lower() not in _NOT_LABELS
    ]
    short = [s for s, word in abbreviations().items() if word in asked]
    return list(dict.fromkeys([*asked, *short]))


def gives_label(labels: Sequence[str], text: str) -> bool:
    """Whether a line writes one of the labels with a value after it, on its line or the next
    ("Control number 859026500"; "Announcement: CR 22-14", the label's own name before a colon;
    "ADVT. No. NATMO/01/2018-Rectt.", an abbreviation's full stops)."""
    return any(
        re.search(
            rf"\b{re.escape(label)}\.?(?:{_NUMBER_LABEL}\.?\s*[:#-]?|\s*:)\s*(?:[A-Z]{{1,4}}\s)?"
            r"(?=[\w/-]*\d)[\w/-]{2,}",
            text,
            re.I,
        )
        for label in labels
    )


# A grade written as letters, a hyphen and a number: "SR-22", "PG-14".
_GRADE_TOKEN = re.compile(r"(?<![\w-])[A-Z]{1,3}-\d{1,3}(?![\w-])")
# A line that is a title and a grade of two or three letters run into its number, the row of a
# flattened listing: "Customer Services Adviser CS07".
_TITLE_GRADE = re.compile(r"^\s*(?P<title>[A-Z][A-Za-z&/' -]{2,80}?)\s+[A-Z]{2,3}\d{1,3}\s*$", re.M)


# A title with its code after it, unlabelled: "TRANSPORTATION MAINTENANCE I D7D1XX". The code
# mixes letters and digits, so a year or a number of the title is not taken for one.
_TITLE_CODE = re.compile(
    r"^[A-Z][A-Za-z,&/' -]{3,80}\s(?=[A-Z0-9-]*\d)(?=[0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{3,11}$"
)
# A "Label: value" pair.
_LABELLED = re.compile(r"^[^:]{1,40}:\s*\S")


# A level written after a capitalised word of a title: "Engineer 2", "Accountant IV".
_TITLE_LEVEL = re.compile(r"\b[A-Z][a-z]+\s+(?:[IVX]{1,4}|\d{1,2})\b(?![\w.,])")


def blocks(text: str) -> list[list[str]]:
    """The blocks of a passage (runs of lines between blank lines), each as its lines. A block
    of one title-like line ("Band 5") heads the block below it."""
    blocks: list[list[str]] = []
    heading: list[str] = []
    for raw in re.split(r"\n\s*\n", text):
        lines = _lines(raw) if raw.strip() else []
        if not lines:
            continue
        if len(lines) == 1 and _title_like(lines[0]) and not heading:
            heading = lines
            continue
        blocks.append(heading + lines)
        heading = []
    if heading:
        blocks.append(heading)
    return blocks


def _lines(text: str) -> list[str]:
    """The lines of a block; a bare label line goes with the value line below it, and a long
    line is split into sentences."""
    raw = [line.strip() for line in text.splitlines() if line.strip()]
    lines: list[str] = []
    index = 0
    while index < len(raw):
        line = raw[index]
        if (
            index + 1 < len(raw)
            and _LABEL_ONLY.match(line)
            and (line.endswith(":") or len(line.split()) <= 3)
            and len(raw[index + 1]) <= 60
            # A "Grade: 85" line needs no label; a sentence below a title is not its value.
            and not _LABELLED.search(raw[index + 1])
            and not raw[index + 1].endswith(".")
        ):
            lines.append(f"{line}\n{raw[index + 1]}")
            index += 2
            continue
        if len(line) > _LONG_LINE:
            lines += split_sentences(line)
        else:
            lines.append(line)
        index += 1
    return lines


def span(text: str, first: str, last: str) -> str:
    """The passage's own text from one line to a later one (both as read), or the last alone.
    Where a line recurs ("E MSP 28" under two titles), the shortest such stretch is meant."""
    head = first.split("\n")[0]
    best: tuple[int, int] | None = None
    start = text.find(head)
    while start >= 0:
        end = text.find(last, start + len(head))
        if end >= 0 and (best is None or end - start < best[1] - best[0]):
            best = (start, end)
        start = text.find(head, start + 1)
    return text[best[0] : best[1] + len(last)] if best else last


# Page furniture: "Page 1 of 3", "- 2 -".
_PAGE_LINE = re.compile(r"^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|-\s*\d+\s*-)\s*$", re.IGNORECASE)


# A row or rule of a table written with "|" ("PB-1 ... | Level 1 | 18000 – 56900 |", "---|---").
_TABLE_ROW = re.compile(r"^[^|]*\|.*\|\s*$|^[\s|:-]+$")


def pipe_header(text: str, row: str) -> str:
    """The header of the "|" table a row of the text belongs to: the top line of its run of
    "|" lines, when that line holds no figure ("Spinal Column Point | Hay A | Hay B |");
    empty for any other line."""
    if not _TABLE_ROW.match(row.strip()):
        return ""
    lines = text.splitlines()
    at = next((i for i, line in enumerate(lines) if line.strip() == row.strip()), None)
    if at is None:
        return ""
    top = at
    while top > 0 and _TABLE_ROW.match(lines[top - 1].strip()):
        top -= 1
    header = lines[top].strip()
    return header if top < at and not re.search(r"\d", header) else ""


def _title_like(line: str) -> bool:
    """A line that can name a class: short, not a sentence, not a "Label: value" pair, not a
    row of bare figures ("21 45,640 47,010"; a code alone, "03-02", may name one)."""
    words = line.split()
    figures_only = not re.search(r"[^\W\d_]", line) and len(re.findall(r"\d[\d,.]*", line)) >= 3
    return (
        0 < len(words) <= _TITLE_WORDS
        and not figures_only
        and not _PAGE_LINE.match(line)
        and not _TABLE_ROW.match(line)
        and not line.rstrip().endswith((".", ";", ","))
        and not re.search(r":\s*\S", line)
        and not ONE_AMOUNT.search(line)
    )


# The header of a table's title column.
_TITLE_COLUMN = re.compile(
    r"\b(?:job|class|classification|position|working)\s+titles?\b|^\s*titles?\b", re.IGNORECASE
)


def table_headers(block: list[str]) -> list[str]:
    """For each line, the header of the table it sits in: the nearest line above with two or
    more field labels and no figures ("Job Classification Job Code Salary Grade")."""
    labels = _labels()
    headers: list[str] = []
    current = ""
    for position, line in enumerate(block):
        headers.append(current)
        found = sum(len(rx.findall(line)) for rx in labels.values())
        found += len(_pay_words().findall(line))
        # The title column counts with one field column: "Job Title ... Personnel Program Grade".
        found += bool(found) and bool(_TITLE_COLUMN.search(line))
        following = block[position + 1] if position + 1 < len(block) else ""
        figures = re.search(r"\d{3,}|[$£€]", line) or _BULLET.match(line)
        if (found >= 2 or _heads_cells(line, following)) and not figures:
            current = line
    return headers


# A list's item heads no table: "• Occupational Therapy Assistants – Band 2 or Band 3 ...".
_BULLET = re.compile(r"^\s*[•\u25aa\u25cf\u2023*]")
# A table's head of cells: "Effective dates | Step 1 | Step 2 | Step 3 |".
_HEAD_CELLS = 3


def _heads_cells(line: str, following: str) -> bool:
    """Whether a line of cells heads the row of figures below it, cell for cell."""
    cells = [c for c in line.split("|") if c.strip()]
    below = [c for c in following.split("|") if c.strip()]
    named = all(re.search(r"[A-Za-z]", cell) for cell in cells)  # not "---|---|---"
    return (
        named
        and len(cells) >= _HEAD_CELLS
        and len(cells) == len(below)
        and is_figure_row(following)
    )


def owner_below(block: list[str], position: int, field: str | None) -> str:
    """The title below a bare value, in a list that writes each value before its title
    ("Class No." / "Class Title", then "015AS", "Administrative Support 5", "016AS", ...): the
    run of value and title lines the value is in begins with a value, not a title."""
    if field not in _CELLS or position + 1 >= len(block):
        return ""

    def bare(line: str) -> bool:
        return bool(_CELLS[field].fullmatch(line.strip()))

    def titled(line: str) -> bool:
        return _title_like(line) and not bare(line) and not states_field(field, line)

    if not bare(block[position]) or not titled(block[position + 1]):
        return ""
    first = position
    while first >= 2 and titled(block[first - 1]) and bare(block[first - 2]):
        first -= 2
    return block[position + 1] if first == 0 or not titled(block[first - 1]) else ""


# An entry of a listing: a code, then the title it numbers ("6598 Animal Disease ...").
_CODED_ENTRY = re.compile(
    rf"\s*(?=[A-Za-z0-9-]*\d)[A-Za-z0-9-]{{3,}}\s+(?!(?i:{MONTH_SHORT})[a-z]*\b)[A-Z][a-z]"
)


def names_itself(line: str) -> bool:
    """Whether a line is an entry of a listing that names its class after its code ("6598
    Animal Disease Diagnostic Laboratory Director"): quoted alone, neither from the top of its
    list nor run on into the entries below it."""
    return _title_like(line) and bool(_CODED_ENTRY.match(line))


def owner_line(block: list[str], position: int, field: str | None, header: str) -> str:
    """The line a line belongs to: for a field, the nearest title-like line above it that does
    not itself state the field ("ENGINEERING TECHNICIAN II (#EC4 )" above its pay line), with
    the line above that too when the title wraps; for a topic, the block's first line."""
    if field is None:
        # A line of a listing that names its class itself ("6598 Animal Disease Diagnostic
        # Laboratory Director") is quoted alone, not from the top of the list.
        return block[0] if position and not names_itself(block[position]) else ""
    if _TABLE_ROW.match(block[position]):
        return ""  # a row of a "|" table stands under its header, quoted alone
    below = owner_below(block, position, field)
    if below:
        return below
    if position == 0:
        return ""
    # "There are six steps in the ... classification. The salary at the top step of this
    # classification is:" over "$37.25 hourly / ...": the sentence leading into the amounts
    # says whose and which they are, however long.
    lead_in = block[position - 1]
    leads = lead_in.rstrip().endswith(":") and not _TABLE_ROW.match(lead_in)
    if leads and ONE_AMOUNT.search(block[position]) and not ONE_AMOUNT.search(lead_in):
        return lead_in
    for above in range(position - 1, max(-1, position - 1 - _OWNER_REACH), -1):
        # A title read with the value below it ("Accounting Technician II:" / "$3,181.13 -
        # $3,866.68 / Month") owns the lines after that value too ("$18.35 - $22.30 / Hour").
        line = block[above]
        if "\n" in line and line.split("\n")[0].endswith(":"):
            line = line.split("\n")[0]
        if line == header or not _title_like(line) or states_field(field, line, header):
            continue
        wrapped = block[above - 1] if above > 0 else ""
        if (
            wrapped
            and wrapped != header
            and len(wrapped.split()) <= 3
            and _title_like(wrapped)
            and not states_field(field, wrapped, header)
            and not re.search(r"\d", wrapped)  # the first half of a title holds no figure
        ):
            return f"{wrapped}\n{line}"
        return line
    return _naming_label_above(block, position)


def _naming_label_above(block: list[str], position: int) -> str:
    """In a record of "Label: value" lines, one a class ("Category: Student Assistant II" /
    "Job Code: SA II" / "Minimum: $8.00" / "Midpoint: $9.00"), the nearest line above a
    labelled line whose label names the class; "" past the record (a line of the line's own
    label is the record before) or when the line is no labelled line."""
    own = _RECORD_LINE.match(block[position])
    if own is None:
        return ""
    label = own["label"].lower()
    repeated = [
        line for line in block if (m := _RECORD_LINE.match(line)) and m["label"].lower() == label
    ]
    if len(repeated) < 2:
        return ""  # one record, a posting's: its lines are the document's own
    for above in range(position - 1, max(-1, position - 1 - _OWNER_REACH), -1):
        labelled = _RECORD_LINE.match(block[above])
        if labelled is None or labelled["label"].lower() == label:
            return ""
        if labelled["label"].lower() in _naming_labels():
            return block[above]
    return ""


# A line of a record of labelled values: "Job Code: SA II", "- Maximum : $10.00".
_RECORD_LINE = re.compile(r"^[-*•\s]*(?P<label>[A-Za-z][A-Za-z /&]{1,30}?)\s*:\s*\S")


@cache
def _naming_labels() -> frozenset[str]:
    """The labels whose value names a record's class: its title or its code."""
    titles = ("category", "title", "job title", "position title", "position", "class title",
              "classification", "class", "job")  # fmt: skip
    return frozenset((*titles, *field_labels().code))

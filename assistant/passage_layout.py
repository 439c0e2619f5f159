"""How a passage's text is laid out for the reader: its blocks and lines, the header of the
table a row sits in, the title-like line that owns the figures below it, the grade key of a
pay-table row, and what a value of each field (a grade, a code, pay for a period) looks like."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache

from index.cells import FIGURE, is_figure_row
from index.money import MONEY, TYPED_MONEY, YEAR, money_value
from index.vocab import abbreviations, field_labels, typed_question_words

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
            + r"(?![\w])\s*[:#.]?\s*\(?\s*(?:(?:[A-Z]{1,3}\s?-?\s?)?\d{1,3}(?:[.\s]\d)?[A-Z]?"
            + r"|(?-i:[IVX]{1,5}))(?![\w,])"  # "Grade 12", "Grade B-7", "Grade VI"
            + "|"
            + _words_pattern(labels.grade)
            + r"\s*:\s*(?-i:[A-Z])(?![\w,])"  # "Grade: C", "Grade:" above "C"
            + r"|\b(?:GS|GG|GM|WG|WS)-\s?\d{1,2}\b",
            re.IGNORECASE,
        ),
        "code": re.compile(
            _words_pattern(labels.code)
            + r"(?![\w])\s*[:#.]?\s*(?:no\.?\s*)?\(?#?\s*(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{1,11}\b"
            + r"|\(#\s*[A-Z0-9-]+\s*\)",
            re.IGNORECASE,
        ),
    }


# Bare cells that are a grade or a code when their column says so.
_CELLS = {
    "grade": re.compile(r"(?<![\w$.-])[A-Z]{0,3}-?\d{1,3}[A-Z]?(?![\w,.$%-])"),
    "code": re.compile(r"(?<![\w$.-])(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,11}(?![\w,.$%-])"),
}


_MONEY = re.compile(MONEY)


# The amounts that can be pay for each period, a wide net: it only tells hourly from yearly.
_PERIOD_AMOUNTS = {
    "hour": (Decimal(3), Decimal(500)),
    "week": (Decimal(100), Decimal(20000)),
    "biweek": (Decimal(200), Decimal(40000)),
    "semimonth": (Decimal(200), Decimal(40000)),
    "month": (Decimal(400), Decimal(80000)),
    "year": (Decimal(5000), Decimal(2000000)),
}


# Figures that are pay only where the line or its header speaks of pay: "62620", "20.02".
_BARE_PAY = re.compile(
    r"(?<![\w.,$£€])(?:\d{1,3}(?:,\d{3})+(?:\.\d{2})?|\d{1,6}\.\d{2}|\d{1,3}\.\d{4}|\d{5,6})"
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
def _pay_words() -> re.Pattern[str]:
    return re.compile(_words_pattern(field_labels().salary) + r"(?![\w])|[$£€]", re.IGNORECASE)


_NUMBER_GIVEN = re.compile(r"\b(?:number|no\.?|#)\s*(?=[A-Za-z0-9-]*\d)[A-Za-z0-9-]{3,}", re.I)


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


def plausible_for(period: str, text: str) -> bool:
    """Whether some amount in text could be pay for that period: an hourly rate is not
    $45,672, nor a yearly salary $24.30."""
    low, high = _PERIOD_AMOUNTS[period]
    amounts = [money_value(m) for m in _MONEY.findall(text)] or [
        money_value(m) for m in _BARE_PAY.findall(text)
    ]
    return any(a is not None and low <= a <= high for a in amounts)


def states_field(field: str, text: str, header: str = "") -> bool:
    """Whether text holds a value of the field's shape (a grade, a code, an amount of pay).
    Under a table header that names the field ("Job Code  Salary Grade"), a bare cell of the
    field's shape is its value: "NC15", "32000217", "62620"."""
    if field == "salary":
        if _MONEY.search(text):
            return True
        figures = [f for f in _BARE_PAY.findall(text) if not YEAR.match(f)]
        return bool(figures) and bool(_pay_words().search(f"{text}\n{header}"))
    if _shapes()[field].search(text):
        return True
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


def names_field(field: str, text: str) -> bool:
    """Whether a line gives the field in a form states_field does not read for certain: its
    label with a value after it ("Pay Band(s): 5, 6 and 7", "Position Code Title - Accountant-A"),
    or, for a grade, a token of a grade's shape beside a title ("ACCOUNTANT III SR-22"). Pay
    is never read loosely: an amount of another period, or a grade, is no salary asked."""
    if field == "salary":
        return False
    label = _labels()[field].search(text)
    if label and re.match(r"(?:\(s\))?(?:\s+title)?\s*[:#-]\s*\w", text[label.end() :], re.I):
        return True
    return field == "grade" and bool(_GRADE_TOKEN.search(text))


# "control number", "announcement no.", "requisition ID": a question that names the label of a
# number asks for the value a line writes after that label.
_NUMBER_LABEL = r"\s+(?:number|no\.?|code|id|#)(?!\w)"
_ASKED_LABEL = re.compile(rf"\b([a-z]{{3,}}){_NUMBER_LABEL}", re.IGNORECASE)
# Words before "number" that ask for no label of their own ("the class number", "what number").
_NOT_LABELS = frozenset("the what which class job position and for its phone".split())


def asked_labels(question: str) -> list[str]:
    """The labels of the numbers a question asks for ("usajobs control number" -> control)."""
    return [
        m.group(1).lower()
        for m in _ASKED_LABEL.finditer(question)
        if m.group(1).lower() not in _NOT_LABELS
    ]


def gives_label(labels: Sequence[str], text: str) -> bool:
    """Whether a line writes one of the labels with a value after it, on its line or the next
    ("Control number 859026500"; "Announcement: CR 22-14", the label's own name before a colon)."""
    return any(
        re.search(
            rf"\b{re.escape(label)}(?:{_NUMBER_LABEL}\s*[:#-]?|\s*:)\s*(?:[A-Z]{{1,4}}\s)?"
            r"(?=[\w-]*\d)[\w-]{2,}",
            text,
            re.I,
        )
        for label in labels
    )


# A grade written as letters, a hyphen and a number: "SR-22", "PG-14".
_GRADE_TOKEN = re.compile(r"(?<![\w-])[A-Z]{1,3}-\d{1,3}(?![\w-])")


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
            lines += [s for s in re.split(r"(?<=[.;])\s+", line) if s.strip()]
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


# A grade, band or level named with its value: "Band 5", "GS-9", "PSS 5", "APS4", "AU-1",
# "EL 2", "Job Group B2". In a pay table it is the key of the row, as a class title is
# elsewhere. Steps are columns, not rows; a code in parentheses ("(EC4)") names a class, not a
# grade.
_ROW_KEY = re.compile(
    # One letter is a label only before a hyphen: "M-G", "O-3", "o-6".
    r"(?<![\w(#-])(?P<label>[A-Za-z]{2,5}|[A-Z](?=\s*-)|[a-z](?=\s*-\s*\d)"
    r"|pay band|pay grade|salary grade)"
    # A number may be glued to its label ("APS4"), a letter not ("PSS A", not "NASA"); after
    # a hyphen, capitals name the grade ("ME-H", "M-Hb").
    r"(?:\s*-?\s*(?P<value>\d{1,2}[A-Za-z]?)"
    r"|\s+(?P<letter>[A-Za-z]\d{1,2}|[A-Z]|[a-d])"
    r"|\s*-\s*(?P<joined>[A-Za-z]\d{1,2}|[A-Z]{1,2}[a-z]?|[a-d]))"
    r"(?![\w-]|[.:]\d)"  # not "AS 39.27.011" nor "RSA 94:1-a", a statute
)


_KEY_LABELS_NOT = frozenset(
    "step steps the and or all any for per to of in at by year years yrs".split()
)
# Several values after one plural label: "grades 5 and 6", "bands 2, 3 or 4", "bands L and M".
_PLURAL_KEYS = re.compile(
    r"\b(?i:(?P<label>grade|band|range|level|group))s\s+(?P<values>(?:\d{1,2}|[A-Z])"
    r"(?:\s*(?i:,|and|or|&|vs\.?)\s*(?:\d{1,2}|[A-Z]))+)\b"
)


@cache
def _lettered_keys() -> re.Pattern[str]:
    """A grade word, then a grade of two or three capitals: "salary grade DD", "Band AB"."""
    labels = sorted(field_labels().grade, key=len, reverse=True)
    words = "|".join(re.escape(label) for label in labels)
    return re.compile(rf"(?i:\b(?P<label>{words}))\s+(?P<letters>[A-Z]{{2,3}})(?![\w-])")


def _initials_before(question: str, match: re.Match[str]) -> list[str]:
    """A key's label with the two words before it, as a table writes them short: "spinal
    column point 3" is the row "SCP 3"."""
    words = re.findall(r"[A-Za-z]+", question[: match.start()])[-2:]
    asking = typed_question_words()
    if len(words) < 2 or any(len(w) <= 2 or w.lower() in asking for w in words):
        return []
    return ["".join(w[0] for w in (*words, match.group("label").split()[0])).lower()]


def row_keys(question: str) -> list[tuple[str, str]]:
    """The grade-like keys a question names: ("band", "5") of "NHS Band 5", ("gs", "9")."""
    grade_words = {w for phrase in field_labels().grade for w in phrase.split()}
    keys = []
    for match in _ROW_KEY.finditer(question):
        typed = match.group("label")
        value = match.group("value") or match.group("letter") or match.group("joined")
        # "job grp C4", "sg 6": a label typed short stands for its words ("group"), and a
        # line may write it short too ("paid SG 33").
        label = abbreviations().get(typed.lower(), typed)
        named_grade = all(word in grade_words for word in label.lower().split())
        # "PSS 5", "APS4", "GS-9", "AU-1", "EL 2"; typed in lower case, a hyphen or a number
        # glued to it marks one ("scp1").
        glued = match.group("value") is not None and match.group(0)[len(typed) :][:1].isdigit()
        written = label.isupper() or "-" in match.group(0) or glued
        acronym = written and len(label) <= 4 and label.isalpha()
        if label.lower() in _KEY_LABELS_NOT or not (named_grade or acronym):
            continue
        # "Grade A", "Job Group B2", "PSS a" and "ME-H" may be; "band a" of prose is not.
        capital = len(value) == 1 and value.isupper()
        letters_ok = acronym or (named_grade and (value[-1].isdigit() or capital))
        if not value.isdigit() and not letters_ok:
            continue
        if acronym and match.group("letter") and not (value[-1].isdigit() or value in "abcdABCD"):
            continue  # "TSA E" of prose is not a grade; "PSS C" is
        keys.append((label.lower(), value.lower()))
        if label != typed:
            keys.append((typed.lower(), value.lower()))
        if named_grade:  # "spinal column point 3", not "the top APS4"
            keys += [(initials, value.lower()) for initials in _initials_before(question, match)]
    for match in _lettered_keys().finditer(question):  # "salary grade DD"
        if match.group("letters").lower() not in _KEY_LABELS_NOT:
            keys.append((match.group("label").lower(), match.group("letters").lower()))
    for match in _PLURAL_KEYS.finditer(question):
        label = match.group("label").lower()
        values = re.findall(r"\b(?:\d+|[A-Z])\b", match.group("values"))
        keys += [(label, value.lower()) for value in values]
    return list(dict.fromkeys(keys))


def question_keys(
    question: str, catalog_grades: Sequence[str], texts: Sequence[str] = ()
) -> list[tuple[str, str]]:
    """The grade keys a question names: as it writes them, the catalog's grades it was read
    to name ("ucla pss c" is the row "PSS C"), and a grade of one letter typed in lower case
    that the passages write as a grade ("grade b" where a passage writes "Grade B")."""
    keys = row_keys(question)
    for grade in catalog_grades:
        *label, value = grade.lower().split()
        if label and (" ".join(label), value) not in keys:
            keys.append((" ".join(label), value))
    for word, letter in _typed_letter_keys(question):
        written = re.compile(rf"(?i:\b{re.escape(word)})\s+{letter.upper()}(?![\w-])")
        if (word, letter) not in keys and any(written.search(text) for text in texts):
            keys.append((word, letter))
    return keys


def _typed_letter_keys(question: str) -> list[tuple[str, str]]:
    """A grade word and one lower-case letter after it ("grade b", "band g"): "a" and "i" are
    words of their own ("is there a band a clerk can join")."""
    words = "|".join(re.escape(w) for w in sorted(field_labels().grade, key=len, reverse=True))
    found = re.finditer(rf"\b(?P<label>{words})\s+(?P<letter>[b-hj-z])(?![\w'-])", question)
    return [(m.group("label"), m.group("letter")) for m in found]


def has_row_key(text: str, keys: Sequence[tuple[str, str]]) -> bool:
    """Whether text names one of the keys, the label and value written together or apart."""
    for label, value in keys:
        # The key may be glued to the next cell of a flattened table: "APS 5Maximum pay point";
        # a plural label may list it among others: "Bands 16 and 17".
        pattern = (
            rf"(?<![\w-]){re.escape(label)}(?:s\s+(?:\w{{1,3}}\s*(?:,|and|&)\s*)+|s)?"
            rf"\s*[-–]?\s*{re.escape(value)}"
            r"(?:(?![\w])|(?=(?-i:[A-Z][a-z])))"
        )
        if re.search(pattern, text, re.IGNORECASE):
            return True
    return False


def starts_a_row(text: str, keys: Sequence[tuple[str, str]]) -> bool:
    """Whether a line of the text begins with a key's value alone, as a row of a table keyed
    by its points or grades does ("20 43,460 44,765", "7 | 17,553")."""
    values = "|".join(re.escape(value) for _, value in keys)
    return bool(re.search(rf"^\s*(?:{values})(?![\w.,-])", text, re.IGNORECASE | re.MULTILINE))


# How many lines above a row its table's header is looked for in.
_HEADER_REACH = 3


def keyed_by_value(
    block: list[str], position: int, keys: Sequence[tuple[str, str]], carried: str = ""
) -> bool:
    """Whether a line is the row of a key asked, written by its value alone under a header
    that names the key's label: "5  20575 21308 ..." under "S.G.  HR  STEP ..." for salary
    grade 5, "G $40,150 $62,208" under "Pay Band Minimum Maximum" for band G. The header may
    be carried from the passage before (a long table cut in two)."""
    line = block[position]
    if not keys or not starts_a_row(line, keys) or not FIGURE.search(line):
        return False
    above = [x for x in block[:position] if not FIGURE.search(x)][-_HEADER_REACH:]
    header = " ".join([carried, *above]).lower()
    tokens = {w.replace(".", "") for w in header.split()}
    grade_words = {w for phrase in field_labels().grade for w in phrase.split()}
    for label, value in keys:
        if not starts_a_row(line, [(label, value)]):
            continue
        words = label.split()
        initials = "".join(w[0] for w in words) if len(words) > 1 else ""
        if re.search(rf"\b{re.escape(label)}\b", header) or (initials and initials in tokens):
            return True
        if label.replace(".", "") in tokens:  # "sg" typed, "S.G." written
            return True
        # "grade 9" asked, "S.G." written: the initials of a grade label name its column.
        if label in grade_words and tokens & _grade_initials():
            return True
    return False


@cache
def _grade_initials() -> frozenset[str]:
    """The initials of the grade labels of two or more words: "sg" of "salary grade"."""
    phrases = [p.split() for p in field_labels().grade if len(p.split()) > 1]
    return frozenset("".join(w[0] for w in words) for words in phrases)


def row_under_key(
    block: list[str], position: int, keys: Sequence[tuple[str, str]], step: str | None = None
) -> str:
    """The row of figures below a line that is a key asked and nothing else, the label on one
    line and its values on the next ("O-6" over "5,094.00 5,596.20 ..."); "" otherwise. Where
    the rows below are its steps ("ANUO5" over "1 66,904 ...", "2 68,704 ..."), the row of
    the step asked, or none."""
    line = block[position]
    if not keys or FIGURE.search(line) or not starts_with_key(line, keys):
        return ""
    rows = []
    for below in block[position + 1 : position + 1 + _STEP_ROWS]:
        if not is_figure_row(below):
            break
        rows.append(below)
    if not rows:
        return ""
    stepped = all(_STEP_ROW.match(row) for row in rows) and len(rows) > 1
    if step and stepped:
        return next((row for row in rows if row.split()[0] == step), "")
    return rows[0]


# The rows of a grade's steps, each led by its number ("3 51,946 53,746 ...").
_STEP_ROW = re.compile(r"^\s*\d{1,2}\s+\S")
_STEP_ROWS = 40
_STEP_ASKED = re.compile(r"\bstep\s*(\d{1,2})\b", re.IGNORECASE)


def other_step(line: str, step: str | None) -> bool:
    """Whether a line is the row of another step than the one asked ("2 68,959 ..." when step
    3 is asked)."""
    return bool(step) and bool(_STEP_ROW.match(line)) and line.split()[0] != step


def step_asked(question: str) -> str | None:
    """The one step a question names ("ANUO5 step 3"), if it names one."""
    steps = set(_STEP_ASKED.findall(question))
    return steps.pop().lstrip("0") or "0" if len(steps) == 1 else None


def starts_with_key(line: str, keys: Sequence[tuple[str, str]], literal: bool = True) -> bool:
    """Whether a line begins with one of the keys: the row it heads is that grade's. With
    literal off, the values are patterns ("\\w+": any grade of that label)."""
    for label, value in keys:
        value = re.escape(value) if literal else value
        if re.match(rf"\s*{re.escape(label)}\s*[-–]?\s*{value}(?![\w])", line, re.IGNORECASE):
            return True
    return False


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
        and not _MONEY.search(line)
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
    for line in block:
        headers.append(current)
        found = sum(len(rx.findall(line)) for rx in labels.values())
        found += len(_pay_words().findall(line))
        # The title column counts with one field column: "Job Title ... Personnel Program Grade".
        found += bool(found) and bool(_TITLE_COLUMN.search(line))
        if found >= 2 and not re.search(r"\d{3,}|[$£€]", line):
            current = line
    return headers


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
    r"\s*(?=[A-Za-z0-9-]*\d)[A-Za-z0-9-]{3,}\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\b)[A-Z][a-z]"
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
    for above in range(position - 1, max(-1, position - 1 - _OWNER_REACH), -1):
        line = block[above]
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
    return ""

"""Titles and the facts written below or beside them: a title line and its "Key: value" lines,
"Title (#CODE)" and its pay line, "Title:" on its own line over its pay lines, listings of
"Job title:" blocks, a class a block, and lists of titles each with its range. Each rule names
the shape it reads."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from itertools import pairwise

from index.cells import reads_as_title
from index.class_facts import ClassFacts, key_value_facts
from index.levels import LEVEL_SUFFIX, level_value
from index.money import MONEY, ONE_AMOUNT, SALARY_RANGE, YEAR, period_in, periods_in
from index.structure import section_kind, smart_title
from index.vocab import field_labels

# "Class Title: Senior Planner" / "Job Title:Accountant I": the class named outright.
TITLE_KEY_LINE = re.compile(
    r"^[ \t]*(?:class|job|position|classification)(?:\s+specification)?\s+title\s*:\s*"
    r"(?P<title>[^\t:\n]+?)\.?\s*$",  # "JOB TITLE: GIS Technician.": a full stop ends it
    re.IGNORECASE | re.MULTILINE,
)


# --- a title line and the "Key: value" lines below it ----------------------------------------


def titled_key_value_classes(paragraphs: list[list[str]]) -> list[ClassFacts]:
    """In one paragraph, a title with a level ("Accounting Technician II") and the "Job Code:",
    "Pay Grade:" lines that follow it, before the next such title: the facts of that class. A
    title alone in its paragraph opens the next one's lines."""
    rows: list[ClassFacts] = []
    alone: str | None = None  # a title that was its paragraph's only line
    for lines in paragraphs:
        title: str | None = alone
        grade_label: str | None = None  # the last column of a header row above the records
        for line in lines:
            text = line.strip()
            header = _RECORD_HEADER.match(text)
            if header:
                grade_label, title = header.group("label").title(), None
                continue
            # The grade cells close the record; they may read as a title ("E PSS 24").
            grade = _GRADE_CELLS.match(text) if title and grade_label else None
            if grade and title:
                rows.append(
                    ClassFacts(
                        smart_title(title), text, pay_label=grade_label, pay_grade=grade["grade"]
                    )
                )
                title = None
                continue
            text = _GLUED_TITLE_LABEL.sub("", text)  # "TitlePark Worker 3": a form's label
            if _is_level_title(text):
                title = text
                continue
            facts = key_value_facts(text) if title else None
            if (
                facts
                and title
                and (facts.code or facts.pay_grade or facts.salary_min or facts.salary_max)
            ):
                rows.append(replace(facts, title=smart_title(title)))
        # "Student Library Assistant I", an empty line, then "Wage Scale: $14.20-15.95".
        alone = lines[0].strip() if len(lines) == 1 and _is_level_title(lines[0].strip()) else None
    return rows


# "Job Title Exempt / Non-exempt Personnel Program Grade": the header of records written a field
# a line, whose last column is the grade.
_RECORD_HEADER = re.compile(
    r"^(?:job |class |position )?title\b[^:]*\s(?P<label>grade|band|range)$", re.IGNORECASE
)
# A record's last line, its unlabelled cells ending in the grade column: "E PSS 24" (exemption,
# personnel program and grade), "NE PSS 21".
_GRADE_CELLS = re.compile(r"^(?:[A-Z]{1,4}\s+){0,2}?(?P<grade>[A-Z]{1,4}\s\d{1,3}|\d{1,3})$")


# A title's label run into the title, as a web form's text may be: "TitlePark Worker 3".
_GLUED_TITLE_LABEL = re.compile(r"^(?:(?:Job|Class|Position|Classification) )?Title(?=[A-Z][a-z])")


def _is_level_title(text: str) -> bool:
    return (
        ":" not in text
        and reads_as_title(text)
        and LEVEL_SUFFIX.search(text) is not None
        and section_kind(text) is None
    )


# --- "Title (#CODE)" and the pay line below it ------------------------------------------------

_LIST_ITEM = re.compile(r"^\s*[•·▪◦*]\s+")
_LABEL_BEFORE = re.compile(r"^[A-Z][A-Za-z]+(?: [A-Za-z]+)?:\s+")
_CODED_TITLE = re.compile(r"^(?P<title>[^()]+?)\s*\(\s*(?:#\s*)?(?P<code>[A-Z0-9-]{2,12})\s*\)$")
_LABELLED_AMOUNT = re.compile(
    rf"(?P<amount>{MONEY})\s*(?:[A-Za-z-]+\s+)?(?P<label>Min(?:imum)?|Max(?:imum)?)\b"
    rf"|(?P<label2>Min(?:imum)?|Max(?:imum)?)\s*:?\s*(?P<amount2>{MONEY})",
    re.IGNORECASE,
)


def coded_title_classes(paragraphs: list[list[str]]) -> list[ClassFacts]:
    """ "Administrative Clerk II (#AC02)": a title with its code in parentheses; the first pay line
    below it, before the next such title ("$30,000.00 Yearly Min / ... / $45,000.00 Yearly Max"
    or "$14.00-$18.00 hourly / $2,426.67-$3,120.00 monthly"), gives its salary range: the first
    range of the line, in the period written after it."""
    rows: list[ClassFacts] = []
    waiting: ClassFacts | None = None  # a coded title that ended its paragraph without pay
    for lines in paragraphs:
        current: ClassFacts | None = None
        started = False
        for index, line in enumerate(lines):
            # Past the first line, a coded title only continues a paragraph that began with one,
            # or is an item of a list ("  • Construction Manager I (#4392)").
            listed = _LIST_ITEM.match(line)
            facts = _coded_title(line) if index == 0 or started or listed else None
            if facts:
                rows.append(facts)
                current, started = facts, True
                continue
            # The pay line may open the paragraph after the title's own.
            owner = current or (waiting if index == 0 else None)
            pay = _pay_line(line) if owner else None
            if owner and pay:
                rows.append(ClassFacts(owner.title, *pay))
                current = None
        waiting = current if current and lines and _coded_title(lines[-1]) else None
    return rows


def colon_title_classes(paragraphs: list[list[str]]) -> list[ClassFacts]:
    """ "Accounting Technician II:" on a line of its own, then its pay lines ("$3,181.13 -
    $3,866.68 / Month", "$18.35 - $22.30 / Hour"): the title labels the ranges below it, each
    in its period; the first is the class's salary, the others its evidence."""
    rows: list[ClassFacts] = []
    for number, lines in enumerate(paragraphs):
        title = _colon_title(lines[0])
        if title is None:
            continue
        # "General Transportation Tech I (A16):" alone, a blank line, then its range.
        below = lines[1:] or (paragraphs[number + 1] if number + 1 < len(paragraphs) else [])
        for line in below:
            pay = _pay_line(line)
            if pay is None:
                break
            rows.append(ClassFacts(title, *pay))
    return rows


def _colon_title(line: str) -> str | None:
    """The title of a line that is a class title and a colon ("Accounting Technician II:"),
    not a label ("Salary Information:") nor a part of a document ("Definition:")."""
    text = line.strip()
    if not text.endswith(":"):
        return None
    # "General Transportation Tech I (A16):": what the parentheses hold is not named, so it
    # stays in the quote and out of the title.
    title = _TRAILING_PARENTHESES.sub("", text[:-1]).strip()
    if not reads_as_title(title) or section_kind(title) is not None or _names_a_field(title):
        return None
    return smart_title(title)


_TRAILING_PARENTHESES = re.compile(r"\s*\([^()]{1,12}\)$")


def _names_a_field(text: str) -> bool:
    """Whether a label names a field or pay ("Salary Information", "Pay Range", "Job Code")
    rather than a class."""
    return bool(_field_words() & set(re.findall(r"[a-z]+", text.lower())))


@cache
def _field_words() -> frozenset[str]:
    """The words of every field label and pay word, read once."""
    labels = field_labels()
    phrases = (*labels.code, *labels.grade, *labels.salary)
    return frozenset(w for phrase in phrases for w in phrase.split())


def _coded_title(line: str) -> ClassFacts | None:
    # "Salary: Office Assistant I - Restricted (#1699)": a label before the title is not of it.
    line = _LABEL_BEFORE.sub("", _LIST_ITEM.sub("", line.strip()))
    match = _CODED_TITLE.match(line.strip())
    if not match or not re.search(r"\d", match.group("code")) or YEAR.match(match.group("code")):
        return None  # "Civil Service Salary Scales in Singapore (2015)": a year, not a code
    if not reads_as_title(match.group("title")):
        return None
    return ClassFacts(smart_title(match.group("title")), line.strip(), match.group("code"))


def _pay_line(line: str) -> tuple[str, None, None, None, str, str, str | None] | None:
    """The ClassFacts fields after the title (quote, code, label, grade, minimum, maximum,
    period) of a line that states a salary range, labelled or as a range."""
    text = line.strip()
    labelled: dict[str, str] = {}
    for match in _LABELLED_AMOUNT.finditer(text):
        label = (match.group("label") or match.group("label2"))[:3].lower()
        labelled.setdefault(label, match.group("amount") or match.group("amount2"))
    if "min" in labelled and "max" in labelled:
        return text, None, None, None, labelled["min"], labelled["max"], period_in(text)
    salary = SALARY_RANGE.search(text)
    if salary and text.startswith(salary.group(0)[:1]):
        after = re.match(r"\s*(\S+(?:\s\S+)?)", text[salary.end() :])
        period = period_in(after.group(1)) if after else None
        return text, None, None, None, salary.group("min"), salary.group("max"), period
    return None


# --- blocks of "Job title:", "Pay grade:", "Salary scale:" lines, a class a block -------------


def labelled_block_classes(paragraphs: list[list[str]]) -> list[ClassFacts]:
    """Paragraphs that each label a class's title ("Job title: Management Executive") beside
    its other facts ("Pay grade: MX13", "Salary scale: S$2,945 - S$5,925"): a listing of
    classes a block each. Read only when two blocks or more do so (one is the standard's own
    class, read as such)."""
    blocks: list[list[ClassFacts]] = []
    for lines in paragraphs:
        for block in _split_at_titles(lines):
            titles = [m.group("title") for line in block if (m := _title_line(line))]
            if len(titles) != 1 or not reads_as_title(titles[0].replace(",", "")):
                continue
            title = smart_title(titles[0])
            facts = [f for f in (_block_fact(line) for line in block) if f is not None]
            if facts:
                blocks.append([replace(f, title=title) for f in facts])
    return [facts for block in blocks for facts in block] if len(blocks) >= 2 else []


# "POSITION: COMMITTEE COORDINATOR": a vacancy notice names each post by a key of its own.
_POST_KEY_LINE = re.compile(
    r"^[ \t]*(?:position|post|vacancy)\s*:\s*(?P<title>[^\t:\n]+?)\s*$", re.IGNORECASE
)


# "LEVEL: 8" in a notice of posts: the post's level, which is its grade.
_POST_LEVEL = re.compile(r"^\s*(level|post level)\s*:\s*(\d{1,2}[A-Z]?)\s*$", re.IGNORECASE)


def _title_line(line: str) -> re.Match[str] | None:
    return TITLE_KEY_LINE.match(line) or _POST_KEY_LINE.match(line)


def _split_at_titles(lines: list[str]) -> list[list[str]]:
    """A paragraph cut before each line that labels a title: a notice written without blank
    lines holds one block per post ("POSITION: ..." / "LEVEL: 8" / "SALARY SCALE: ...")."""
    blocks: list[list[str]] = [[]]
    titled = False  # the block being filled holds a title line already
    for line in lines:
        if _title_line(line):
            if titled:
                blocks.append([])
            titled = True
        blocks[-1].append(line)
    return blocks


def _block_fact(line: str) -> ClassFacts | None:
    """The facts of one labelled line of a block: a code or grade ("Pay grade: MX9"), or a
    salary range ("Salary scale: S$11,110 - S$15,280")."""
    facts = key_value_facts(line)
    if facts is not None:
        return facts
    label, _, value = line.partition(":")
    level = _POST_LEVEL.match(line)
    if level:  # a post's level in a notice of posts is its grade: "LEVEL: 8"
        label = level.group(1).capitalize()
        return ClassFacts(None, line.strip(), pay_label=label, pay_grade=level.group(2))
    salary = SALARY_RANGE.search(value)
    if not salary or not _names_a_field(label):
        return None
    return ClassFacts(
        None,
        line.strip(),
        salary_min=salary.group("min"),
        salary_max=salary.group("max"),
        salary_period=period_in(line),
    )


# A level written in figures at a title's end: "Equipment Operator - Sub-Journey 2".
_LEVEL_NUMBER = r"(?:\s\d{1,2})?"
# A code in parentheses after a title, of its class or its range (which, the line does not
# say): "WASTEWATER SYSTEM OPERATOR I (P35) - $3,669.00 - $4,462.00".
_CODE_BESIDE = r"(?:\s*\([A-Z]{0,3}\d{1,4}[A-Z]?\))?"
# What stands between a listed title and its pay: spaces, a colon or a dash ("Field Project
# Technician II– $22.25"), or nothing before its currency sign, where a page's table lost its
# cells' borders ("Librarian I$37,293").
_TITLE_SEPARATOR = r"(?:\s*[:–—]\s*|\s+-?\s*|-\s+|(?<=[A-Za-z])(?=[$£€]\s?\d))"
# "Accountant II $53,915 - $65,543 (currently in place)": a title, its range, perhaps a note.
_TITLE_THEN_RANGE = re.compile(
    rf"^\s*(?P<title>[A-Z][A-Za-z &/'.,()-]{{2,80}}?{_LEVEL_NUMBER})"
    rf"{_CODE_BESIDE}{_TITLE_SEPARATOR}"
    rf"(?P<range>{SALARY_RANGE.pattern})"
    # a note in parentheses, or a word or two ("Hourly", "per hour")
    r"\s*(?:\([^()]{0,60}\)|(?:\s*[A-Za-z/.]{1,12}){1,2})?\s*$"
)
# Among such lines, a title with one amount: "Water Operator in Training $71,323.20".
_TITLE_THEN_AMOUNT = re.compile(
    rf"^\s*(?P<title>[A-Z][A-Za-z &/'.,-]{{2,80}}?{_LEVEL_NUMBER}){_TITLE_SEPARATOR}(?:{MONEY})"
    r"\s*(?:\([^()]{0,60}\))?\s*$"
)
# A list has this many lines with a range at least, or this many with one amount each, with
# at most this many other lines between two of them.
_MIN_RANGE_LINES = 2
_MIN_AMOUNT_LINES = 3
_LINES_BETWEEN = 2


def title_range_classes(lines: list[str]) -> list[ClassFacts]:
    """Lines listing classes each with its range ("Accountant I $48,902 - $59,448 (currently
    in place)", "Eligibility Worker I: $20.82 - $26.58"), two or more in a row, or each with
    one amount ("Field Project Technician I – $ 21.46"), three or more: each its class's pay,
    in the period the line names or, failing that, the one the line leading into the list
    names ("the following annual salary ranges:"). A line or two between the listed ones ("The
    (L1) position requires ...") does not end the list."""
    found: list[ClassFacts] = []
    run: list[tuple[str, str]] = []
    lead = ""
    between = 0  # lines since the run's last listed one
    # Empty lines between listed ones do not count, as a page spaces them out; the empty line
    # added after the last ends the run.
    written = [line for line in lines if line.strip()]
    for line in [*written, ""]:
        listed = _without_pay_label(line)
        match = _TITLE_THEN_RANGE.match(listed) or _TITLE_THEN_AMOUNT.match(listed)
        title = _without_pay_words(match.group("title").strip(" ,-")) if match else ""
        # "Hourly: $20.00 - $30.00" labels a period, not a class.
        if match and reads_as_title(title) and period_in(title) is None:
            run.append((title, line.strip()))
            between = 0
            continue
        between += 1
        if line and run and between <= _LINES_BETWEEN:
            continue
        ranges = sum(bool(SALARY_RANGE.search(quote)) for _, quote in run)
        if ranges >= _MIN_RANGE_LINES or len(run) >= _MIN_AMOUNT_LINES:
            found += [_ranged(title, quote, lead) for title, quote in run]
        run = []
        lead = line
    return found


# "SALARY: I – $2,361.62 - $2,870.86/month": a level alone (after a label) keys a range.
_LEVEL_THEN_RANGE = re.compile(
    rf"^\s*(?:[A-Za-z][A-Za-z ]{{0,25}}:\s*)?(?:level\s+)?(?P<level>[IVX]{{1,4}}|\d{{1,2}})"
    rf"\s*[-–—:]\s*(?:{SALARY_RANGE.pattern})",
    re.IGNORECASE,
)


def level_keyed_ranges(lines: list[str], titles: list[str]) -> list[ClassFacts]:
    """In a standard whose title names several levels ("Court Clerk I/II"), a line that keys a
    range by a level alone ("SALARY: I – $2,361.62 - $2,870.86/month", "II - $2,556.27 -
    $3,107.29/month") is that level's range, in the period the line names."""
    by_level = {level_value(t.split()[-1]): t for t in titles}
    found: list[ClassFacts] = []
    for line in lines:
        match = _LEVEL_THEN_RANGE.match(line)
        title = by_level.get(level_value(match.group("level"))) if match else None
        if match and title:
            low, high, period = match.group("min"), match.group("max"), period_in(line)
            found.append(
                ClassFacts(
                    title, line.strip(), salary_min=low, salary_max=high, salary_period=period
                )
            )
    return found


# "Self-Contained IP: $18.98/hour;": a title, a colon, one amount with its period.
_TITLE_COLON_RATE = re.compile(
    rf"^[\s*•-]*(?P<title>[A-Z][A-Za-z &/'.,()-]{{2,60}}?)\s*:\s*(?P<amount>{MONEY})"
    r"(?P<per>[^\d$£€]{0,15}?)[\s;.,]*$"
)


def titled_rate_classes(lines: list[str]) -> list[ClassFacts]:
    """Lines that each give a class its rate and the period of it ("Self-Contained IP:
    $18.98/hour;", "Behavior Specialist IP: $19.56/hour"), two or more in a row. A line of an
    amount with no period ("Hiring Incentive: $2,000") is a sum paid once, no class's pay; a
    label of pay words ("Minimum: $25.34 per hour") is no class (see headed_extreme_rates)."""
    found: list[ClassFacts] = []
    run: list[ClassFacts] = []
    for line in [*lines, ""]:
        match = _TITLE_COLON_RATE.match(line)
        period = period_in(match.group("per")) if match else None
        title = match.group("title") if match else ""
        if match and period and reads_as_title(title) and _without_pay_words(title):
            amount = match.group("amount")
            run.append(ClassFacts(title, line.strip(), salary_min=amount, salary_period=period))
            continue
        found += run if len(run) >= _MIN_RANGE_LINES else []
        run = []
    return found


# "• Minimum: $25.34 per hour" / "• Maximum: $33.08 per hour": an end of a range, a line each.
_RANGE_END = re.compile(
    rf"^[\s*•·-]*(?:(?P<low>minimum|min|starting|start|entry)|(?P<high>maximum|max|top))"
    rf"(?:\s+(?:rate|salary|pay|wage))?\s*:\s*(?P<amount>{MONEY})(?P<per>[^\d$£€]{{0,15}}?)[\s;.,]*$",
    re.IGNORECASE,
)


def headed_extreme_rates(lines: list[str]) -> list[ClassFacts]:
    """A class title on a line of its own over the ends of its range a line each, with their
    period ("PST Trainee" over "• Minimum: $25.34 per hour" and "• Maximum: $33.08 per hour"):
    the bottom and the top of that class's pay, each quoted from its line."""
    found: list[ClassFacts] = []
    title: str | None = None
    for line in lines:
        text = line.strip()
        if not text:
            continue
        match = _RANGE_END.match(text)
        period = period_in(match.group("per")) if match else None
        if match and period and title:
            amount = match.group("amount")
            low = amount if match.group("low") else None
            high = None if match.group("low") else amount
            found.append(ClassFacts(title, text, salary_min=low, salary_max=high,
                                    salary_period=period))  # fmt: skip
            continue
        # The title stands alone over the ends: any other line ends what it heads.
        title = text if _heads_a_class(text) else None
    return found


def _heads_a_class(line: str) -> bool:
    """Whether a line alone can be the title of the class whose pay follows: not a heading of
    pay ("Salary Range", "Compensation", "Wages and Benefits"), nor a line with a figure."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", line)}
    plain = _pay_words() | _LABEL_NOUNS | {"and", "benefits"}
    return (
        reads_as_title(line)
        and not re.search(r"\d", line)
        and section_kind(line) is None
        and bool(words - plain)
    )


@cache
def _pay_words() -> frozenset[str]:
    return frozenset(
        (*field_labels().salary, "range", "ranges", "scale", "midpoint", "starting", "start")
    )


def _without_pay_words(title: str) -> str:
    """The title without the pay words that lead into its range ("Water Operator I Range
    $77,317.09 - $96,711.01", "Planner Annual Salary $60,000 - $80,000", "Starting for
    Maintenance II - $17.10", "Base Salary Asst. Planner: $6,188 – $7,521"); "" when it is
    nothing but pay words ("Midpoint: $39,207.00", "Salary Range Monthly: $6633.53 –
    $7313.46")."""
    words = title.split()
    while words and words[-1].lower().rstrip(":") in _pay_words():
        words.pop()
    lead = next((i for i, w in enumerate(words) if w.lower() not in _pay_words()), len(words))
    if 0 < lead < len(words) - 1 and words[lead].lower() in _LEAD_INS:
        words = words[lead + 1 :]
    elif (
        lead >= _LEAST_PAY_LABEL_WORDS
        and lead < len(words)
        and words[lead - 1].lower() in _PAY_LABEL_NOUNS
    ):
        # "Base Salary Asst. Planner: $6,188 – $7,521": a label of pay words before the title.
        words = words[lead:]
    return " ".join(words)


# A label of pay words before a title is two words at least and ends with a noun of pay
# ("Base Salary", "Hourly Rate"): "Pay Clerk" and "Compensation Analyst" are titles.
_LEAST_PAY_LABEL_WORDS = 2
_PAY_LABEL_NOUNS = frozenset({"salary", "pay", "wage", "wages", "rate", "range"})


def _without_pay_label(line: str) -> str:
    """The line without a label of pay words before its first listed class ("SALARY RANGE:
    Starting for Maintenance I - $16.56")."""
    label, colon, rest = line.partition(":")
    words = label.lower().split()
    said = _pay_words() | _LABEL_NOUNS
    return rest if colon and words and all(w in said for w in words) else line


# Words that a label of pay words may end with: "Salary Information:", "Pay Details:".
_LABEL_NOUNS = frozenset({"information", "info", "details"})


# The word that joins a lead-in of pay words to the title it is about ("Starting for").
_LEAD_INS = {"for", "at", "of"}


def _ranged(title: str, quote: str, lead: str) -> ClassFacts:
    """A listed class's range, or its one amount (a trainee's rate among the ranges)."""
    match = SALARY_RANGE.search(quote)
    one = match or ONE_AMOUNT.search(quote)
    assert one is not None  # every line of the run holds its range or its amount
    low, high = (match.group("min"), match.group("max")) if match else (one.group(0), None)
    periods = periods_in(lead)
    period = period_in(quote) or (next(iter(periods)) if len(periods) == 1 else None)
    return ClassFacts(title, quote, salary_min=low, salary_max=high, salary_period=period)


# --- class headings over their definitions ---------------------------------------------------

# The opening of a class's definition: "Responsible administrative work in directing ...",
# "Plans, directs and co-ordinates ...", "Under general supervision, ...", "An employee in
# this class ...".
_DEFINES_A_CLASS = re.compile(
    r"^(?:(?:Responsible|Professional|Administrative|Technical|Skilled|Semi-skilled|Clerical"
    r"|Entry[- ]level|Journey[- ]level|Advanced|Highly|Specialized|Supervisory|Managerial)\b"
    r"[^.]{0,80}\bwork\b"
    r"|Under (?:the )?(?:general |direct |close |immediate )?(?:supervision|direction)\b"
    r"|(?:Performs|Plans|Directs|Manages|Supervises|Co-?ordinates|Provides|Assists|Conducts"
    r"|Oversees|Leads|Administers|Operates|Maintains|Inspects|Develops|Organi[sz]es)\b)"
    r"|\b(?:employees?|incumbents?|positions?) (?:in|of) this class\b",
)
# A document lists several classes so; one heading over a definition may be any heading.
_MIN_DEFINED = 2


def defined_heading_classes(paragraphs: list[list[str]]) -> list[ClassFacts]:
    """Classes a document heads in capitals, each over the paragraph that defines it ("DIRECTOR
    OF DRAINAGE" over "Responsible professional and administrative work in directing ..."):
    a heading alone in its paragraph that reads as a title and names no part of a standard,
    then a definition's opening. Two such at least."""
    found = []
    for heading, body in pairwise(paragraphs):
        text = heading[0].strip() if len(heading) == 1 else ""
        letters = [c for c in text if c.isalpha()]
        if not letters or not all(c.isupper() for c in letters) or section_kind(text):
            continue
        title = smart_title(text)
        opening = " ".join(body[:2])
        if reads_as_title(title) and _DEFINES_A_CLASS.search(opening):
            found.append(ClassFacts(title, text))
    return found if len(found) >= _MIN_DEFINED else []

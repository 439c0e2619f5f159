"""Layout rules that read classes from a standard's text: each one names the shape it reads."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from index.cells import (
    CELL_TOKENS,
    header_roles,
    label_pattern,
    labelled_columns,
    reads_as_title,
    without_columns,
)
from index.class_facts import ClassFacts, slashed_fields
from index.flat_tables import (
    CAMEL_JOIN,
    column_major_classes,
    glued_code_classes,
    run_on_table_classes,
    spaced_code_rows,
)
from index.levels import LEVEL_SUFFIX, LEVEL_TOKEN
from index.money import SALARY_RANGE, period_in
from index.structure import (
    HEADLINE_CODE,
    normalise_title,
    section_kind,
    smart_title,
)
from index.titled_blocks import (
    TITLE_KEY_LINE,
    coded_title_classes,
    colon_title_classes,
    defined_heading_classes,
    headed_extreme_rates,
    labelled_block_classes,
    title_range_classes,
    titled_key_value_classes,
    titled_rate_classes,
)
from index.vocab import field_labels

# --- rows under a header line that names their columns ------------------------------------


# A header whose cells wrap ("Job Classification / Title / Job Classification / Number / Pay
# Group Minimum ...") is read from this many lines joined, of at most so many words.
_HEADER_LINES = 6
_HEADER_WORDS = 20
# A title may wrap over this many lines above its row's figures.
_TITLE_LINES = 3


def header_row_classes(lines: list[str]) -> list[ClassFacts]:
    """ "Job Title  Job Code  Salary Grade" then rows "Accountant II 1234 NC14": cells run together
    on one line, read from the right in the header's column order. A header whose cells wrap
    over several lines is read from those lines joined; a title that wraps onto lines of its
    own is joined to the row below it."""
    rows: list[ClassFacts] = []
    columns: list[tuple[str, str]] | None = None
    period: str | None = None
    carried: list[str] = []
    above: list[str] = []  # the lines since the last blank, figure or row: a wrapped header
    for line in lines:
        text = line.strip()
        above = [*above, text][-_HEADER_LINES:] if text and not re.search(r"\d", text) else []
        header, header_text = header_roles(text), text
        # A wrapped header may grow line by line ("... Number", then "Pay Group Minimum ..."):
        # it replaces the header read so far only with more columns, or a title line below
        # the header would be taken for more of it.
        wrapped = None if header else _wrapped_header(above)
        if wrapped and (columns is None or len(wrapped[0]) > len(columns)):
            header, header_text = wrapped
        if header:
            # "Minimum Annual Salary": the header may say the pay period its rows do not.
            columns, carried, period = header, [], period_in(header_text)
            continue
        if columns is None:
            continue
        row = _header_row(text, carried, columns, period)
        if row:
            rows.append(row)
            carried = []
        elif reads_as_title(text) and len(carried) < _TITLE_LINES:
            carried.append(text)
        else:
            columns, carried = None, []
    return rows


def _wrapped_header(above: list[str]) -> tuple[list[tuple[str, str]], str] | None:
    """The header that the last lines make together, ending with the last one: its columns
    (see header_roles) and its text."""
    for start in range(len(above) - 2, -1, -1):
        joined = " ".join(above[start:])
        if len(joined.split()) > _HEADER_WORDS:
            return None
        if columns := header_roles(joined, max_words=_HEADER_WORDS):
            return columns, joined
    return None


def _header_row(
    text: str, carried: list[str], columns: list[tuple[str, str]], period: str | None = None
) -> ClassFacts | None:
    tokens = text.split()
    cells: dict[str, str] = {}
    for role, _ in reversed(columns[1:]):
        if not tokens:
            return None
        if CELL_TOKENS[role].match(tokens[-1]):
            cells[role] = tokens.pop()
        elif role not in ("min", "max"):  # a row may leave its pay blank, not its code
            return None
    title = " ".join([*carried, *tokens])
    if not title or not reads_as_title(title):
        return None
    grade_words = next((words for role, words in columns if role == "grade"), None)
    return ClassFacts(
        smart_title(title),
        text,
        code=cells.get("code"),
        pay_label=smart_title(grade_words).title() if grade_words and "grade" in cells else None,
        pay_grade=cells.get("grade"),
        salary_min=cells.get("min"),
        salary_max=cells.get("max"),
        salary_period=(period_in(text) or period) if "min" in cells else None,
    )


# --- "Schem Code Class Code Class" then "JC74 4089 Auditor Evaluator II" -----------------------


def title_last_classes(lines: list[str]) -> list[ClassFacts]:
    """A header whose code and grade columns come before the title's ("Schem Code Class Code
    Class", "Grade Code Title"), then rows read from the left, each cell of its column's shape,
    the rest of the line the title. Of several code columns, the one its header names as the
    class's ("Class Code") gives the code."""
    rows: list[ClassFacts] = []
    columns: list[tuple[str, str]] | None = None
    for line in lines:
        text = line.strip()
        header = _title_last_header(text)
        if header:
            columns = header
            continue
        if columns is None:
            continue
        row = _title_last_row(text, columns)
        if row is None:
            columns = None
            continue
        rows.append(row)
    return rows


def _title_last_header(text: str) -> list[tuple[str, str]] | None:
    """The columns of a header that names code or grade columns and then the title's, last."""
    if not text or re.search(r"\d", text) or len(text.split()) > _HEADER_WORDS:
        return None
    labels = field_labels()
    roles = [("grade", label_pattern(labels.grade)), ("code", label_pattern(labels.code))]
    found = labelled_columns(text, roles)
    columns = [(role, words) for _, _, role, words in found]
    names = [role for role, _ in columns]
    if len(columns) < 2 or names[-1] != "title" or "title" in names[:-1]:
        return None
    # Every word of the header is a column's, or qualifies the code or grade column it comes
    # before ("Schem Code"): the header is nothing but its columns' names.
    starts = {start for start, _, role, _ in found if role != "title"}
    for word in re.finditer(r"\S+", text):
        inside = any(start <= word.start() < end for start, end, _, _ in found)
        if not inside and word.end() + 1 not in starts:
            return None
    return columns


def _title_last_row(text: str, columns: list[tuple[str, str]]) -> ClassFacts | None:
    tokens = text.split()
    cells: list[tuple[str, str, str]] = []  # (role, header words, cell)
    for role, words in columns[:-1]:
        if not tokens or not CELL_TOKENS[role].fullmatch(tokens[0]):
            return None
        cells.append((role, words, tokens.pop(0)))
    title = " ".join(tokens)
    if not reads_as_title(title):
        return None
    codes = [(words, cell) for role, words, cell in cells if role == "code"]
    # The code column the header names with a word of its own ("Class Code"), before a bare
    # "Code" or another scheme's ("Schem Code").
    named = [cell for words, cell in codes if words.lower() in _CLASS_CODE_HEADERS]
    grades = [(words, cell) for role, words, cell in cells if role == "grade"]
    return ClassFacts(
        smart_title(title),
        text,
        code=(named or [cell for _, cell in codes])[-1] if codes else None,
        pay_label=smart_title(grades[0][0]).title() if grades else None,
        pay_grade=grades[0][1] if grades else None,
    )


_CLASS_CODE_HEADERS = frozenset({"class code", "job code", "classification code", "title code"})


# --- "ACCOUNTANT 2, GRADE 18" with its code on the next line ----------------------------------


_CODE_LINE = re.compile(r"^\s*(?P<code>(?!(?:19|20)\d\d\s*$)\d{4,8}|[A-Z]{1,3}\d{3,6})\s*$")


def titled_grade_classes(lines: list[str]) -> list[ClassFacts]:
    """A title line that ends in its grade ("WASTEWATER TREATMENT PLANT OPERATOR 2, GRADE
    10"), a class of a series standard's heading; the bare code on the next line that is not
    blank ("7140200") is its code, where the standard labels codes anywhere ("Occ. Code")."""
    grade_label = label_pattern(field_labels().grade)
    titled = re.compile(
        rf"^\s*(?P<title>[^,\t]{{3,80}}?),\s*(?P<label>{grade_label})\s*"
        r"(?P<grade>[A-Z]{0,3}-?\d{1,3}[A-Z]?)\s*$",
        re.IGNORECASE,
    )
    code_label = re.compile(rf"\b(?:{label_pattern(field_labels().code)})\b", re.IGNORECASE)
    codes_labelled = any(code_label.search(line) for line in lines)
    found: list[ClassFacts] = []
    for index, line in enumerate(lines):
        match = titled.match(line)
        if not match or not reads_as_title(match.group("title").strip()):
            continue
        title = smart_title(match.group("title").strip())
        label = smart_title(match.group("label"))
        found.append(
            ClassFacts(title, line.strip(), pay_label=label, pay_grade=match.group("grade"))
        )
        below = next((x for x in lines[index + 1 :] if x.strip()), "")
        code = _CODE_LINE.match(below)
        if code and codes_labelled:
            found.append(ClassFacts(title, below.strip(), code=code.group("code")))
    return found


# --- "Class  Salary Range" over "Executive Secretary 17": titles and their grades ---------------

# A row of such a table: a title, then its grade alone ("Secretary 14.5"), or glued to it where
# the cells lost their separator ("Library Clerk1": a letter meets the digits).
_TITLE_GRADE_ROW = re.compile(
    r"^\s*(?P<title>[A-Za-z][^\t|\d]{2,200}?)(?:\s+|(?<=[a-z)]))"
    r"(?P<grade>[A-Z]{0,3}-?\d{1,3}(?:\.\d{1,2})?[A-Z]?)\s*$"
)
# A table has this many rows at least: two lines that end in a number are too few to tell.
_MIN_GRADE_ROWS = 3


def title_grade_rows(lines: list[str]) -> list[ClassFacts]:
    """Rows of a table whose header names a title column and a grade column and nothing more
    ("Class Salary Range"), its cells run together: "Secretary to the City Manager 19",
    "Secretary 14.5". Each row is its class's grade, under the header's label."""
    found: list[ClassFacts] = []
    run: list[ClassFacts] = []
    label: str | None = None
    for line in [*lines, ""]:
        text = line.strip()
        match = _TITLE_GRADE_ROW.match(text) if label else None
        title = match.group("title").strip() if match else ""
        if match and label and reads_as_title(title):
            run.append(
                ClassFacts(smart_title(title), text, pay_label=label, pay_grade=match["grade"])
            )
            continue
        if match and label and run:
            continue  # a row whose title cell lists several posts is passed over, not an end
        if len(run) >= _MIN_GRADE_ROWS:
            found += run
        run = []
        label = _grade_column(CAMEL_JOIN.sub(" ", text)) if text else label
    return found


# "Eligibility Specialist I at Range 53": a class placed at its grade in a sentence that lists
# several ("to add the classifications of X at Range 53, Y at Range 57, and delete Z at ...").
_AT_GRADE = re.compile(
    r"\s+at\s+(?P<label>(?:(?:pay|salary)\s+)?(?:range|grade|band|level))"
    r"\s+(?P<grade>[A-Z]{0,3}-?\d{1,3}(?:\.\d)?[A-Z]?)\b(?!\.\d|,\d|\s*(?:%|percent))",
    re.IGNORECASE,
)
# A list places this many classes at their grades at least: one may be a passing remark.
_MIN_AT_GRADE = 3


def at_grade_classes(lines: list[str]) -> list[ClassFacts]:
    """The classes a line places at their grades one after another ("X at Range 53, Y at Range
    57"): each title is the longest run of words before "at" that reads as one, after the
    comma, "and" or verb that ends the item before it."""
    found: list[ClassFacts] = []
    for line in lines:
        text = line.strip()
        items = []
        start = 0
        for match in _AT_GRADE.finditer(text):
            begins = _title_start(text[start : match.start()])
            if begins is not None:
                # The item is quoted, not the whole list: "Eligibility Supervisor at Range 66".
                item = text[start + begins : match.end()]
                title = smart_title(text[start + begins : match.start()].strip())
                label = smart_title(" ".join(match["label"].split()))
                items.append(ClassFacts(title, item, pay_label=label, pay_grade=match["grade"]))
            start = match.end()
        if len(items) >= _MIN_AT_GRADE:
            found += items
    return found


# "... for Boat Operator I/II (classification # 0431A/B), from salary range 357/371 to salary
# range 385/405, effective ...": a class a sentence names with its code in parentheses, and the
# range it is moved to.
_CODED_IN_PROSE = re.compile(
    r"\(\s*(?:classification|class|job)\s*(?:#|no\.?|number|code)\s*:?\s*"
    r"(?P<code>[A-Z0-9][A-Z0-9/-]{1,11})\s*\)",
    re.IGNORECASE,
)
_MOVED_TO = re.compile(
    r"^,?\s*(?:from\s+(?:salary|pay)\s+range\s+[\d/]+\s+)?to\s+"
    r"(?P<label>(?:salary|pay)\s+range)\s+(?P<grade>\d{1,3}(?:/\d{1,3})?)\b",
    re.IGNORECASE,
)


def coded_prose_classes(lines: list[str]) -> list[ClassFacts]:
    """Classes a sentence names with a labelled code in parentheses ("Bridge Maintenance Worker
    (classification # 0229)"): the title is the longest run of words before the parenthesis
    that reads as one; the range the sentence then moves it to ("from salary range 385 to
    salary range 433") is its grade, the item up to it its quote."""
    found: list[ClassFacts] = []
    for line in lines:
        text = line.strip()
        for match in _CODED_IN_PROSE.finditer(text):
            begins = _title_start(text[: match.start()])
            written = text[begins : match.start()].strip() if begins is not None else ""
            if not written or " to " in written:
                continue  # "Retitle Equipment Mechanic I/II to Heavy Equipment Technician ..."
            moved = _MOVED_TO.match(text[match.end() :])
            end = match.end() + moved.end() if moved else match.end()
            facts = ClassFacts(smart_title(written), text[begins:end], code=match["code"])
            if moved:
                label = " ".join(moved["label"].split()).title()
                facts = replace(facts, pay_label=label, pay_grade=moved["grade"])
            found.append(facts)
    return found


def _title_start(text: str) -> int | None:
    """Where the longest run of words that ends the text and reads as a class title begins;
    it starts with a capital, ends the text (no comma after it), and is no clause of the
    sentence ("Approve the Senior Road Maintenance Worker": an article after its first word)."""
    words = list(re.finditer(r"\S+", text))
    if not words or words[-1].group(0)[-1] in ",;:":
        return None
    for number, first in enumerate(words[-10:], start=max(0, len(words) - 10)):
        title = text[first.start() :].strip()
        after = words[number + 1].group(0).lower() if number + 1 < len(words) else ""
        if first.group(0)[:1].isupper() and after not in _ARTICLES and reads_as_title(title):
            return first.start()
    return None


_ARTICLES = frozenset({"the", "a", "an"})


def _grade_column(header: str) -> str | None:
    """The grade column's words of a header that names a title column, then a grade column,
    and nothing else but pay words ("Class Salary Range": "Salary Range")."""
    if re.search(r"\d", header):
        return None
    columns = labelled_columns(header, [("grade", label_pattern(field_labels().grade))])
    if [role for _, _, role, _ in columns] != ["title", "grade"]:
        return None
    pay_words = {w.lower() for w in field_labels().salary}
    if any(w.lower() not in pay_words for w in without_columns(header, columns).split()):
        return None
    return smart_title(header[columns[0][1] :].strip())


# --- "2101 Computer Programmer (Pay Range 13.5)": a numbered list of classes ---------------

_NUMBERED_CLASS = re.compile(  # not the last three digits of an amount ("$66,382")
    r"(?<![\w.,$£€])(?P<code>\d{3,6}[A-Z]?)\s+"
    r"(?P<title>[A-Z][\w'&.-]*(?:\s+/?[A-Za-z&][\w'&/.-]*){0,8}?)\s*"
    r"\((?P<label>[A-Z][A-Za-z]*(?:\s[A-Z][a-z]+){0,2})\s+(?P<grade>\d{1,3}(?:[. ]\d)?)\)"
)


def numbered_list_classes(text: str) -> list[ClassFacts]:
    """Classes listed as code, title and a labelled pay range in parentheses, one after another,
    however the lines run: "2101 Computer Programmer (R 13.5) 2102 GIS Technician (R 16.5)"."""
    rows = []
    for match in _NUMBERED_CLASS.finditer(text):
        title = match.group("title")
        if reads_as_title(title):
            rows.append(
                ClassFacts(
                    smart_title(title),
                    match.group(0),
                    code=match.group("code"),
                    pay_label=match.group("label"),
                    pay_grade=match.group("grade"),
                )
            )
    return rows


# --- "Accountant 200311": a title and its code glued, the code column of one width ---------


def paragraphs_of(text: str) -> Iterator[list[str]]:
    """Runs of non-blank lines."""
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if lines:
            yield lines


# --- the one class a standard is about ------------------------------------------------------

# "Classification: Office Assistant 5": the title when the document's own title names it too
# ("Classification: Exempt" names a status, not a class).
_CLASSIFICATION_LINE = re.compile(
    r"^[ \t]*classification\s*:[ \t]*(?P<title>[^\t:\n]+?)[ \t]*$", re.IGNORECASE | re.MULTILINE
)
# "Classification:" alone on its line, the title on the next (a blank line between or not).
_TITLE_LABEL_ABOVE = re.compile(
    r"^[ \t]*(?:(?:class|job|position|classification)\s+title|classification)[ \t]*:[ \t]*\n"
    r"(?:[ \t]*\n)?[ \t]*(?P<title>[^\t:\n]{3,80}?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# Titles that name a document of many classes or of rules, never one class.
_DOCUMENT_WORDS = re.compile(
    r"\b(?:catalog(?:ue)?|templates?|standards?|specifications?|descriptions?|schedules?|plans?"
    r"|tables?|ordinance|resolution|agreement|guidance|framework|flysheet|listing|list|rates"
    r"|salar(?:y|ies)|families|family)\b",
    re.IGNORECASE,
)
# "Accounting Clerk Job Description": the document's kind after the class it describes.
_DOCUMENT_SUFFIX = re.compile(
    r"\s*[-–:]?\s*\b(?:job|class|position)\s+(?:description|specification|details|posting"
    r"|announcement|bulletin)s?(?:\s*\([^)]*\))?\s*$",
    re.IGNORECASE,
)
# "Career Guide - Human Resources Manager", "Job Description - Manager Service Delivery": the
# document's kind before the class it describes.
_DOCUMENT_PREFIX = re.compile(
    r"^\s*(?:career\s+guide|(?:job|position|role)\s+(?:description|profile|posting|bulletin"
    r"|announcement|classification)|class(?:ification)?\s+(?:specification|description))s?"
    r"\s*[-–:]\s*",
    re.IGNORECASE,
)
# "City of Pacific Grove seeks Urban Forester", "Cork City Council is hiring a Tree Officer":
# a news or job-board headline, the employer before the class it recruits.
_HIRING = re.compile(
    r"^[A-Z][^-–:(]*?\s(?:seeks|is seeking|is hiring|are hiring|hires|is recruiting|recruits)"
    r"\s+(?:an?\s+|the\s+)?(?=[A-Z])"
)
# "Accountant II (4000A1)", "Analyst (#AN02)": a code in parentheses ends the title.
_CODE_SUFFIX = re.compile(
    rf"\s*\(\s*(?:#\s*|(?:{label_pattern(field_labels().code)})\s*:?\s*)?"
    r"(?P<code>[A-Z0-9-]*\d[A-Z0-9-]*)\s*\)\s*$",
    re.IGNORECASE,
)
# "Class Code 27960: Engineering Aide": a labelled code before the title.
_CODE_PREFIX = re.compile(
    rf"^(?:{label_pattern(field_labels().code)})\s+(?P<code>[A-Z0-9-]*\d[A-Z0-9-]*)\s*:\s*",
    re.IGNORECASE,
)
# "Program Analyst 05 (GS-0343-05)": federal pay plan, series and grade.
_FEDERAL_SUFFIX = re.compile(
    r"(?:\s+(?P<level>\d{1,2}))?\s*\(?\b(?P<plan>GS|GG|GM|WG|WS)-(?P<series>\d{4})-(?P<grade>\d{1,2})\)?\s*$"
)


def one_class_title(title: str, text: str) -> tuple[str, list[ClassFacts]] | None:
    """The title of the one class a standard describes, with the code or grade its own title
    states (each kept only where the text states it too); None when the title names a document
    rather than a class."""
    found = _titled_class(title, text)
    if found is None:
        return None
    named, facts = found
    graded = _GRADE_AFTER_TITLE.search(named)
    quote = _line_with(text, graded.group("written")) if graded else None
    if graded is None or quote is None:
        return found
    label, grade = graded.group("label"), graded.group("grade")
    # "Equipment Operator I – Grade 15": the grade after a dash is the class's, not its title's.
    return named[: graded.start()].strip(), [
        *facts,
        ClassFacts(None, quote, pay_label=label.title(), pay_grade=grade),
    ]


# "Equipment Operator I - Grade 15", "Clerk (Range 12)": a pay grade written after the title.
_GRADE_AFTER_TITLE = re.compile(
    r"\s*(?:[-–—,]\s*|\(\s*)(?P<written>(?P<label>(?:pay\s+|salary\s+)?(?:grade|range|band))\s+"
    r"(?P<grade>[A-Z]{0,2}-?\d{1,3}[A-Z]?))\s*\)?\s*$",
    re.IGNORECASE,
)


# "Position Class Code / Title: W1008 / Arborist": a form's keys joined by slashes, their
# values in the same order.
_SLASHED_FIELDS = re.compile(
    r"^[ \t]*(?P<keys>[A-Za-z][\w ]*(?: / [A-Za-z][\w ]*)+)\s*:\s*(?P<values>\S.*?)\s*$",
    re.MULTILINE,
)


# "FORESTER I (NONSUPERVISORY): $6,233.00 - $8,090.00 per Month": the class's title as a
# label, its range as the value.
_TITLE_OVER_PAY = re.compile(
    r"^[ \t]*(?P<title>[A-Z][A-Za-z .,'&()/-]{2,80}?)[ \t]*:[ \t]*(?P<pay>[^\n]*\d[^\n]*)$",
    re.MULTILINE,
)


def _title_over_its_pay(title: str, text: str) -> ClassFacts | None:
    """The one line that labels a salary range with a levelled class the document's title
    names (all its words are the title's), as a bulletin lists its classification with its
    pay; None when none does, or several do (the levels of a series, each with its range)."""
    named = set(re.findall(r"[a-z]+", title.lower()))
    found: list[ClassFacts] = []
    for line in _TITLE_OVER_PAY.finditer(text):
        label = line.group("title").strip()
        words = re.findall(r"[a-z]+", label.lower())
        pay = SALARY_RANGE.search(line.group("pay"))
        levelled = LEVEL_SUFFIX.search(re.sub(r"\s*\([^)]*\)\s*$", "", label))
        if pay is None or len(words) < _TITLE_WORDS or not set(words) <= named or not levelled:
            continue  # "Salary Range: $35,045 to $47,132" is no class; a levelled title is one
        written = smart_title(label)
        found.append(
            ClassFacts(
                written,
                line.group(0).strip(),
                salary_min=pay.group("min"),
                salary_max=pay.group("max"),
                salary_period=period_in(line.group("pay")),
            )
        )
    return found[0] if len(found) == 1 else None


# A title of this many words at least ("Forester I"): one word is a label more often.
_TITLE_WORDS = 2


def _slashed_title(text: str) -> tuple[str, str] | None:
    """(the title, its line) of the first such line whose keys include a title."""
    for line in _SLASHED_FIELDS.finditer(text):
        for key, value in slashed_fields(line.group("keys"), line.group("values")):
            if re.fullmatch(r"(?:(?:class|job|position|classification) )?title", key, re.I):
                return value, line.group(0).strip()
    return None


def _titled_class(title: str, text: str) -> tuple[str, list[ClassFacts]] | None:
    """The title of the one class a standard describes, with the code its own title states,
    before any grade written after that title is read."""
    labelled = TITLE_KEY_LINE.search(text) or _TITLE_LABEL_ABOVE.search(text)
    named = _CLASSIFICATION_LINE.search(text)
    if not labelled and named and _names_the_class(named.group("title"), title):
        labelled = named
    if labelled and reads_as_title(labelled.group("title")):
        # The labelled line states the title: the class is known even where the standard
        # gives it no code or pay.
        title = smart_title(labelled.group("title"))
        lines = [x.strip() for x in labelled.group(0).splitlines()]
        stating = next((x for x in lines if labelled.group("title") in x), lines[0])
        return title, [ClassFacts(title, stating)]
    slashed = _slashed_title(text)
    if slashed and reads_as_title(slashed[0]):
        return smart_title(slashed[0]), [ClassFacts(smart_title(slashed[0]), slashed[1])]
    paid = _title_over_its_pay(title, text)
    if paid is not None:
        return paid.title or title, [paid]
    title = _DOCUMENT_PREFIX.sub("", _DOCUMENT_SUFFIX.sub("", title.strip()))
    title = _HIRING.sub("", title)  # "City of Pacific Grove seeks Urban Forester - ..."
    facts: list[ClassFacts] = []
    prefix = _CODE_PREFIX.match(title)
    if prefix:
        title = title[prefix.end() :]
        quote = _line_with(text, prefix.group("code"))
        if quote:
            facts.append(ClassFacts(None, quote, prefix.group("code")))
    federal = _FEDERAL_SUFFIX.search(title)
    code = _CODE_SUFFIX.search(title)
    if federal and (federal.group("level") in (None, federal.group("grade"))):
        title = title[: federal.start()]
        plan, series, grade = federal.group("plan", "series", "grade")
        quote = _line_with(text, f"{plan}-{series}-{grade}")
        if quote:
            facts.append(ClassFacts(None, quote, series, plan, grade))
    elif code:
        title = title[: code.start()]
        quote = _line_with(text, code.group("code"))
        if quote:
            facts.append(ClassFacts(None, quote, code.group("code")))
    title = title.strip(" ,-–")
    # "Construction Equipment Operator I - City": the employer after the title's last dash.
    *before, last = re.split(r"\s[-–]\s", title)
    if before and _EMPLOYER_END.search(last):
        title = " - ".join(before)
    if not title or _DOCUMENT_WORDS.search(title) or not reads_as_title(title):
        head = _title_head(title, text)
        if head is not None and not _EMPLOYER_END.search(head[0]):
            return head
        return _title_on_own_line(title, text)
    return smart_title(title), facts


def _names_the_class(value: str, title: str) -> bool:
    """Whether a "Classification:" line's value is the class the document is titled after,
    not its pay scale or kind ("Classification: Support Personnel Pay Scale")."""
    grade_words = {w for phrase in field_labels().grade for w in phrase.split()}
    pay_words = {w.lower() for w in value.split()} & (grade_words | {"pay", "salary", "wage"})
    in_title = normalise_title(value) in normalise_title(title)
    return in_title and not pay_words and not _DOCUMENT_WORDS.search(value)


def _title_head(title: str, text: str) -> tuple[str, list[ClassFacts]] | None:
    """ "Maintenance Worker (WG 8), W. G. (Bill) Hefner VA Medical Center - USAJOBS
    announcement ...": a long title whose head, up to its first parenthesis, comma or dash,
    reads as a class title and is a line of the text of its own names that class."""
    heads = [title[: m.start()].strip() for m in _HEAD_END.finditer(title)]
    # "Construction Equipment Operator I - City": a head that ends on its employer's name is
    # the class's title and where it works; the head before it is the title.
    heads = [
        h
        for h in heads
        if reads_as_title(h) and not _DOCUMENT_WORDS.search(h) and not _EMPLOYER_END.search(h)
    ]
    # "Manager, Custodial and Grounds Services - basic position information ...": a longer
    # head that is a line of the text is the title, not the head before its first comma.
    for head in reversed(heads):
        if _own_line(head).search(text):
            return smart_title(head), []
    # A posting may never write its title on a line of its own, yet name the class, or its
    # series, in its text ("Apply to be a National City Police Dispatcher", "Office
    # Assistant Series" for "Office Assistant 2"); the longest head it writes is the title
    # ("We're seeking a Protocol, Honours and Ceremonial Events Officer": not "Protocol").
    for head in reversed(heads):
        series = LEVEL_SUFFIX.sub("", head).strip()
        written = re.compile(rf"(?<!\w){re.escape(series)}(?:s|es)?(?!\w)", re.IGNORECASE)
        if written.search(text):
            return smart_title(head), []
    return None


# Where a long title's head may end: a parenthesis, a comma or a spaced dash.
_HEAD_END = re.compile(r"\s*(?:\(|,|\s[-–]\s)")


def head_names_one_class(title: str) -> bool:
    """Whether a document title's head, up to its first parenthesis, comma or spaced dash,
    reads as one class's title ("Senior Equipment Operator - 55006134 - state job posting
    (...)"), not a document's ("Pay Systems and Tables (...)")."""
    head = title[: match.start()] if (match := _HEAD_END.search(title)) else title
    return reads_as_title(head) and not _DOCUMENT_WORDS.search(head)


def _own_line(words: str) -> re.Pattern[str]:
    return re.compile(rf"^[ \t]*{re.escape(words)}[ \t]*$", re.IGNORECASE | re.MULTILINE)


# The last word of an employer's name, not a class's: "Douglas County", "City of Colton"'s
# "Colton" is not caught, but its head "City of" is.
_EMPLOYER_END = re.compile(
    r"(?:\b(?:county|city|state|commonwealth|township|borough|village|university|college"
    r"|district|department|agency|authority|government|council|commission|ministry)$)"
    r"|^(?:city|county|state|town|village|borough|commonwealth|university) of\b",
    re.IGNORECASE,
)
# Where the class title is looked for as a line of its own: the document's first lines.
_TITLE_LINES = 40
_TITLE_SPAN_WORDS = 8


def _title_on_own_line(title: str, text: str) -> tuple[str, list[ClassFacts]] | None:
    """A document title that describes its document ("Douglas County (Oregon) class
    specification Planning Technician 2 - Pay Range GC14, introduction ..."): the longest run
    of its words that reads as a class title with its level, names no employer, and is a line
    of its own among the text's first lines ("PLANNING TECHNICIAN 2")."""
    lines: dict[str, str] = {}  # each line, lower case and single-spaced -> as written
    for line in text.splitlines()[:_TITLE_LINES]:
        if line.strip():
            lines.setdefault(" ".join(line.lower().split()), line.strip())
    words = re.split(r"\s+|(?<=\w)[,;:()](?=\s|$)|[()]", title)
    words = [w for w in words if w]
    best = ""
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + _TITLE_SPAN_WORDS) + 1):
            span = " ".join(words[start:end])
            if len(span) <= len(best) or span.lower() not in lines:
                continue
            employer = _EMPLOYER_END.search(span) or _DOCUMENT_WORDS.search(span)
            # A level names one class ("Planning Technician 2"); without one, a line of the
            # title's words may name a series, a body or a table ("Equipment Operators").
            if reads_as_title(span) and not employer and LEVEL_SUFFIX.search(span):
                best = span
    # A series' name ("ACCOUNTANT" above "ACCOUNTANT I" and "ACCOUNTANT II") is no one class.
    levels = re.compile(rf"^{re.escape(best.lower())}\s+{LEVEL_TOKEN}$")
    if not best or any(levels.match(line) for line in lines):
        return None
    return smart_title(best), [ClassFacts(smart_title(best), lines[best.lower()])]


def _line_with(text: str, token: str) -> str | None:
    """The first line of the text that holds the token as a word of its own."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(token)}(?![\w-])")
    return next((line.strip() for line in text.splitlines() if pattern.search(line)), None)


# --- a title and its number as a standard's first line -------------------------------------


def headline_code_classes(lines: list[str]) -> list[ClassFacts]:
    """The class a standard's first line names with its number after it ("ELECTRICIAN 6121"),
    as class specifications head their page; not a year ("SALARY SCHEDULE 2024")."""
    first = next((line.strip() for line in lines if line.strip()), "")
    match = HEADLINE_CODE.match(first)
    if not match or not reads_as_title(match.group("title")):
        return []
    if section_kind(match.group("title")) is not None or _DOCUMENT_WORDS.search(first):
        return []
    return [ClassFacts(smart_title(match.group("title")), first, match.group("code"))]


# --- every layout rule ------------------------------------------------------------------------


def layout_classes(text: str) -> list[ClassFacts]:
    """Every class the layout rules read from a standard's text."""
    lines = text.splitlines()
    paragraphs = list(paragraphs_of(text))
    return (
        headline_code_classes(lines)
        + header_row_classes(lines)
        + title_last_classes(lines)
        + titled_grade_classes(lines)
        + glued_code_classes(lines)
        + spaced_code_rows(lines)
        + run_on_table_classes(lines)
        + column_major_classes(lines)
        + numbered_list_classes(text)
        + titled_key_value_classes(paragraphs)
        + coded_title_classes(paragraphs)
        + colon_title_classes(paragraphs)
        + defined_heading_classes(paragraphs)
        + labelled_block_classes(paragraphs)
        + title_range_classes(lines)
        + title_grade_rows(lines)
        + at_grade_classes(lines)
        + coded_prose_classes(lines)
        + titled_rate_classes(lines)
        + headed_extreme_rates(lines)
    )

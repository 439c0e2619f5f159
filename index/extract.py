"""Layout rules that read classes from a standard's text: each one names the shape it reads."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from index.class_facts import ClassFacts, key_value_facts
from index.money import MONEY, SALARY_RANGE, period_in
from index.structure import LEVEL_SUFFIX, section_kind, smart_title
from index.vocab import field_labels

_SMALL_WORDS = {
    "a", "an", "and", "of", "the", "for", "in", "on", "to", "&", "-", "or", "with", "and/or",
}  # fmt: skip
# Words that name a part of a document, never a class, even when a number follows ("Page 12").
_STRUCTURE_WORDS = {
    "page", "grade", "step", "level", "band", "section", "part", "table", "schedule", "appendix",
    "attachment", "article", "chapter", "figure", "item", "exhibit", "effective", "revised",
}  # fmt: skip
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE = re.compile(rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b", re.I)
_CODE_TOKEN = re.compile(r"^(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,11}$")
_GRADE_TOKEN = re.compile(r"^(?:[A-Z]{1,4}-?)?\d{1,3}[A-Z]?$")
_MONEY_TOKEN = re.compile(rf"^(?:{MONEY})$")
_CELL_TOKENS = {
    "min": _MONEY_TOKEN, "max": _MONEY_TOKEN, "grade": _GRADE_TOKEN, "code": _CODE_TOKEN,
}  # fmt: skip
# Words of a header cell that names the title column.
_TITLE_HEADERS = (
    "job classification", "classification title", "class title", "job title", "position title",
    "title", "classification", "position", "class",
)  # fmt: skip
_MIN_HEADERS = ("minimum", "min")
_MAX_HEADERS = ("maximum", "max")


def reads_as_title(text: str) -> bool:
    """A class title's look: two to ten words, each capitalised but the small ones, no figures
    but a trailing level, no date, and not the name of a part of a document."""
    words = text.split()
    if not 1 <= len(words) <= 10 or text.rstrip()[-1] in ".;,:" or _DATE.search(text):
        return False
    if words[0].lower().strip("()") in _STRUCTURE_WORDS or not re.search(r"[A-Za-z]{3}", text):
        return False
    for index, word in enumerate(words):
        letters = re.sub(r"^[^A-Za-z0-9]+", "", word)
        if not letters:
            continue
        last = index == len(words) - 1
        if letters[0].isdigit() and not (last and LEVEL_SUFFIX.search(" " + word)):
            return False
        if letters[0].islower() and word.lower() not in _SMALL_WORDS:
            return False
    return True


def _label_pattern(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


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
        header, header_text = _header_roles(text), text
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
    (see _header_roles) and its text."""
    for start in range(len(above) - 2, -1, -1):
        joined = " ".join(above[start:])
        if len(joined.split()) > _HEADER_WORDS:
            return None
        if columns := _header_roles(joined, max_words=_HEADER_WORDS):
            return columns, joined
    return None


def _header_roles(text: str, max_words: int = 12) -> list[tuple[str, str]] | None:
    """The header's columns in order as (role, words); None unless a title column comes first
    and a code or grade column follows it. The words of a code, grade or pay column are found
    first, then the title's among the rest: "Job Classification Number" is a code column,
    though "Job Classification" would name titles."""
    if not text or re.search(r"\d", text) or len(text.split()) > max_words:
        return None
    labels = field_labels()
    roles = [
        ("grade", _label_pattern(labels.grade)),
        ("code", _label_pattern(labels.code)),
        ("min", _label_pattern(_MIN_HEADERS)),
        ("max", _label_pattern(_MAX_HEADERS)),
    ]
    found = _role_words(text, roles)
    rest = list(text)
    for start, end, _, _ in found:
        rest[start:end] = " " * (end - start)
    found += _role_words("".join(rest), [("title", _label_pattern(_TITLE_HEADERS))])
    ordered: list[tuple[str, str]] = []
    for _, _, role, words in sorted(found):
        if not ordered or ordered[-1][0] != role:
            ordered.append((role, words))
    names = [role for role, _ in ordered]
    if not names or names[0] != "title" or names.count("title") > 1:
        return None
    return ordered if "code" in names else None


def _role_words(text: str, roles: list[tuple[str, str]]) -> list[tuple[int, int, str, str]]:
    """(start, end, role, words) of each label of these roles in the text, longest words first
    across roles: "Job Code" is a code even though "job" starts a title."""
    choices = sorted(
        ((role, word) for role, pattern in roles for word in pattern.split("|")),
        key=lambda pair: len(pair[1]),
        reverse=True,
    )
    combined = re.compile(
        "|".join(rf"(?P<r{i}>\b{word}\b)" for i, (_, word) in enumerate(choices)), re.IGNORECASE
    )
    return [
        (m.start(), m.end(), choices[int(str(m.lastgroup)[1:])][0], m.group(0))
        for m in combined.finditer(text)
    ]


def _header_row(
    text: str, carried: list[str], columns: list[tuple[str, str]], period: str | None = None
) -> ClassFacts | None:
    tokens = text.split()
    cells: dict[str, str] = {}
    for role, _ in reversed(columns[1:]):
        if not tokens:
            return None
        if _CELL_TOKENS[role].match(tokens[-1]):
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


# --- "2101 Computer Programmer (Pay Range 13.5)": a numbered list of classes ---------------

_NUMBERED_CLASS = re.compile(
    r"(?<![\w.])(?P<code>\d{3,6}[A-Z]?)\s+"
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

_GLUED_ROW = re.compile(
    r"^(?P<title>[A-Z][\w'&/(),.-]*(?: [\w'&/(),.-]+)*?)(?<=[A-Za-z)])"
    r"(?P<space> ?)(?P<digits>\d{4,9})(?:, ?\d{4,9})*$"
)
_CAMEL_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])")
_MIN_GLUED_ROWS = 5


def glued_code_classes(lines: list[str]) -> list[ClassFacts]:
    """Rows of a title and code table whose cells lost their separator, under a header that
    names a code column ("Job ClassClass Code"): "Account Consultant04796", "Accountant 200311".
    The code column's width is read from the rows where a letter meets the digits (title and
    code cannot be confused there); in the others, the digits before that width are the
    title's level ("Accountant 2", "00311"). A second code after a comma is left in the quote."""
    code_label = re.compile(rf"\b(?:{_label_pattern(field_labels().code)})\b", re.IGNORECASE)
    rows: list[ClassFacts] = []
    run: list[re.Match[str]] = []
    header = False
    for line in [*lines, ""]:
        text = line.strip()
        match = _GLUED_ROW.match(text)
        if match and header:
            run.append(match)
            continue
        rows += _glued_rows(run)
        run = []
        header = bool(code_label.search(_CAMEL_JOIN.sub(" ", text))) and not match
    return rows


def _glued_rows(run: list[re.Match[str]]) -> list[ClassFacts]:
    if len(run) < _MIN_GLUED_ROWS:
        return []
    widths = {len(m.group("digits")) for m in run if not m.group("space")}
    if len(widths) != 1 or sum(not m.group("space") for m in run) < 2:
        return []
    (width,) = widths
    rows = []
    for match in run:
        title, digits = match.group("title"), match.group("digits")
        level, code = digits[:-width], digits[-width:]
        if level and not (len(level) <= 2 and level[0] != "0" and int(level) <= 20):
            continue
        title = f"{title} {level}" if level else title
        if reads_as_title(title):
            rows.append(ClassFacts(smart_title(title), match.group(0), code=code))
    return rows


# --- a title line and the "Key: value" lines below it ----------------------------------------


def titled_key_value_classes(paragraphs: list[list[str]]) -> list[ClassFacts]:
    """In one paragraph, a title with a level ("Accounting Technician II") and the "Job Code:",
    "Pay Grade:" lines that follow it, before the next such title: the facts of that class."""
    rows: list[ClassFacts] = []
    for lines in paragraphs:
        title: str | None = None
        for line in lines:
            text = line.strip()
            if _is_level_title(text):
                title = text
                continue
            facts = key_value_facts(text) if title else None
            if facts and title and (facts.code or facts.pay_grade):
                rows.append(
                    ClassFacts(
                        smart_title(title),
                        facts.quote,
                        code=facts.code,
                        pay_label=facts.pay_label,
                        pay_grade=facts.pay_grade,
                    )
                )
    return rows


def _is_level_title(text: str) -> bool:
    return (
        ":" not in text
        and reads_as_title(text)
        and LEVEL_SUFFIX.search(text) is not None
        and section_kind(text) is None
    )


# --- "Title (#CODE)" and the pay line below it ------------------------------------------------

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
    for lines in paragraphs:
        current: ClassFacts | None = None
        started = False
        for index, line in enumerate(lines):
            # Past the first line, a coded title only continues a paragraph that began with one.
            facts = _coded_title(line) if index == 0 or started else None
            if facts:
                rows.append(facts)
                current, started = facts, True
                continue
            pay = _pay_line(line) if current else None
            if current and pay:
                rows.append(ClassFacts(current.title, *pay))
                current = None
    return rows


def _coded_title(line: str) -> ClassFacts | None:
    match = _CODED_TITLE.match(line.strip())
    if not match or not re.search(r"\d", match.group("code")):
        return None
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


def paragraphs_of(text: str) -> Iterator[list[str]]:
    """Runs of non-blank lines."""
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if lines:
            yield lines


# --- the one class a standard is about ------------------------------------------------------

# "Class Title: Senior Planner" / "Job Title:Accountant I": the class named outright.
_TITLE_KEY_LINE = re.compile(
    r"^[ \t]*(?:class|job|position|classification)\s+title\s*:\s*(?P<title>[^\t:\n]+?)\s*$",
    re.IGNORECASE | re.MULTILINE,
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
# "Accountant II (4000A1)", "Analyst (#AN02)": a code in parentheses ends the title.
_CODE_SUFFIX = re.compile(
    rf"\s*\(\s*(?:#\s*|(?:{_label_pattern(field_labels().code)})\s*:?\s*)?"
    r"(?P<code>[A-Z0-9-]*\d[A-Z0-9-]*)\s*\)\s*$",
    re.IGNORECASE,
)
# "Class Code 27960: Engineering Aide": a labelled code before the title.
_CODE_PREFIX = re.compile(
    rf"^(?:{_label_pattern(field_labels().code)})\s+(?P<code>[A-Z0-9-]*\d[A-Z0-9-]*)\s*:\s*",
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
    labelled = _TITLE_KEY_LINE.search(text) or _TITLE_LABEL_ABOVE.search(text)
    if labelled and reads_as_title(labelled.group("title")):
        return smart_title(labelled.group("title")), []
    title = _DOCUMENT_PREFIX.sub("", _DOCUMENT_SUFFIX.sub("", title.strip()))
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
    if not title or _DOCUMENT_WORDS.search(title) or not reads_as_title(title):
        return _title_head(title, text)
    return smart_title(title), facts


def _title_head(title: str, text: str) -> tuple[str, list[ClassFacts]] | None:
    """ "Maintenance Worker (WG 8), W. G. (Bill) Hefner VA Medical Center - USAJOBS
    announcement ...": a long title whose head, up to its first parenthesis, comma or dash,
    reads as a class title and is a line of the text of its own names that class."""
    head = re.split(r"\s*(?:\(|,|\s[-–]\s)", title, maxsplit=1)[0].strip()
    if head == title or not reads_as_title(head) or _DOCUMENT_WORDS.search(head):
        return None
    own_line = re.compile(rf"^[ \t]*{re.escape(head)}[ \t]*$", re.IGNORECASE | re.MULTILINE)
    return (smart_title(head), []) if own_line.search(text) else None


def _line_with(text: str, token: str) -> str | None:
    """The first line of the text that holds the token as a word of its own."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(token)}(?![\w-])")
    return next((line.strip() for line in text.splitlines() if pattern.search(line)), None)


# --- a table flattened onto one line: its header, then its rows run together ---------------

# Words a flattened table's header is made of, besides its code and grade labels; and the
# values of an FLSA status column, which may close each row.
_HEADER_EXTRA_WORDS = frozenset("flsa status number no no. # title position class job".split())
_STATUS_CELL = re.compile(r"^(?:non-?)?exempt$", re.IGNORECASE)
_MIN_RUN_ON_ROWS = 2
_RUN_ON_TITLE_WORDS = 8


def run_on_table_classes(lines: list[str]) -> list[ClassFacts]:
    """A table whose header and rows run together on one line: "Class Code Class Title 7806
    Accountant/Auditor I 7807 Accountant/Auditor II", or "POSITION TITLE GRADE ... Accounting
    Assistant 18 Non-Exempt Accounting Coordinator 23 Exempt". The header says what the
    figure of each row is (a code or a grade) and whether it comes before or after the title;
    rows are read while each title reads as one, at least two of them."""
    found: list[ClassFacts] = []
    for line in lines:
        tokens = list(re.finditer(r"\S+", line))
        start = 0
        while start < len(tokens):
            header = _run_on_header(tokens, start)
            if header is None:
                start += 1
                continue
            role, label, figure_first, end = header
            rows, after = _run_on_rows(line, tokens, end, role, figure_first)
            if len(rows) >= _MIN_RUN_ON_ROWS:
                for title, figure, quote in rows:
                    facts = ClassFacts(smart_title(title), quote)
                    if role == "code":
                        facts = replace(facts, code=figure)
                    else:
                        facts = replace(facts, pay_label=smart_title(label), pay_grade=figure)
                    found.append(facts)
            start = max(after, end)
    return found


@cache
def _header_vocabulary() -> frozenset[str]:
    """The words a flattened table's header is made of: built once, not at every word of
    every line a document is searched from."""
    labels = field_labels()
    words = {w for phrase in (*labels.code, *labels.grade, *_TITLE_HEADERS) for w in phrase.split()}
    return _HEADER_EXTRA_WORDS | words


def _run_on_header(tokens: list[re.Match[str]], start: int) -> tuple[str, str, bool, int] | None:
    """The header that starts at tokens[start]: (the figure's role, its label, whether the
    figure comes before the title, the token after the header), or None."""
    labels = field_labels()
    vocabulary = _header_vocabulary()
    end = start
    while end < len(tokens) and tokens[end].group().lower().strip(":") in vocabulary:
        end += 1
    if end - start < 2 or end >= len(tokens):
        return None
    text = " ".join(t.group() for t in tokens[start:end])
    roles = _role_words(text, [("grade", _label_pattern(labels.grade)),
                               ("code", _label_pattern(labels.code))])  # fmt: skip
    title = re.search(rf"\b(?:{_label_pattern(('title',))})\b", text, re.IGNORECASE)
    figures = [(s, role, words) for s, _, role, words in roles]
    if title is None or not figures:
        return None
    # A code column names the row when there is one; otherwise the grade's.
    position, role, words = min(figures, key=lambda f: (f[1] != "code", f[0]))
    return role, words, position < title.start(), end


def _run_on_rows(
    line: str, tokens: list[re.Match[str]], start: int, role: str, figure_first: bool
) -> tuple[list[tuple[str, str, str]], int]:
    """The (title, figure, quote) rows from tokens[start], and the token after the last."""
    shape = _CELL_TOKENS[role]
    rows: list[tuple[str, str, str]] = []
    position = start
    while position < len(tokens):
        first = position
        if figure_first:
            if not shape.match(tokens[position].group()):
                break
            figure, position = tokens[position].group(), position + 1
        words: list[str] = []
        while (
            position < len(tokens)
            and not shape.match(tokens[position].group())
            and len(words) < _RUN_ON_TITLE_WORDS
            # "... Auditor II DEFINITION Under supervision": capitals after a title end it.
            and not (words and _shouts_after(words, tokens[position].group()))
        ):
            words.append(tokens[position].group())
            position += 1
        if not figure_first:
            if position >= len(tokens) or not shape.match(tokens[position].group()):
                break
            figure, position = tokens[position].group(), position + 1
            while position < len(tokens) and _STATUS_CELL.match(tokens[position].group()):
                position += 1
        title = " ".join(words)
        if not words or not reads_as_title(title):
            break
        quote = line[tokens[first].start() : tokens[position - 1].end()]
        rows.append((title, figure, quote))
    return rows, position


def _shouts_after(words: list[str], word: str) -> bool:
    """Whether a word in capitals follows a title written in mixed case: a heading begins."""
    mixed = any(re.search(r"[a-z]", w) for w in words)
    return mixed and len(word) >= 4 and word.isalpha() and word.isupper()


# --- a table flattened column by column: its header cells, then each column's cells ---------

# A column-by-column table's cells are short lines; so many of them at most.
_COLUMN_CELL_CHARS = 60
_MIN_COLUMN_ROWS = 2
# A code cell may hold dots: "2.210".
_COLUMN_CODE = re.compile(r"^(?=[\w.-]*\d)\w[\w.-]{1,11}$")


def column_major_classes(lines: list[str]) -> list[ClassFacts]:
    """A table flattened a column at a time: its header cells each on a line ("TITLE",
    "GRADE", "EEO-4", "CODE"), then every cell of the first column, then of the second...
    ("ADMINISTRATIVE ASSISTANT IV", ..., "29", "27", ..., "2.210", ...). The cells below the
    header divide evenly among its columns; a row is the n-th cell of each. The quote of each
    class is the whole table, where its figures stand."""
    cells = [(n, line.strip()) for n, line in enumerate(lines) if line.strip()]
    found: list[ClassFacts] = []
    for start in range(len(cells)):
        roles = _column_header(cells, start)
        if roles is None:
            continue
        body_start = start + len(roles)
        end = body_start
        while end < len(cells) and len(cells[end][1]) <= _COLUMN_CELL_CHARS:
            end += 1
        rows = (end - body_start) // len(roles)
        for count in range(rows, _MIN_COLUMN_ROWS - 1, -1):  # the table may end before a heading
            columns = [
                [cell for _, cell in cells[body_start + c * count : body_start + (c + 1) * count]]
                for c in range(len(roles))
            ]
            if _column_cells_fit(roles, columns):
                quote = "\n".join(
                    lines[cells[start][0] : cells[body_start + len(roles) * count - 1][0] + 1]
                )
                found += _column_rows(roles, columns, quote)
                break
    return found


def _column_header(cells: list[tuple[int, str]], start: int) -> list[tuple[str, str]] | None:
    """The header starting at cells[start]: (role, label) per line, a title column and a code or
    grade column among them; other short labels ("EEO-4") are columns of no role."""
    labels = field_labels()
    roles: list[tuple[str, str]] = []
    for _, cell in cells[start : start + 8]:
        lower = cell.lower().rstrip(":")
        if lower in _TITLE_HEADERS:
            role = "title"
        elif lower in labels.grade:
            role = "grade"
        elif lower in labels.code:
            role = "code"
        elif len(cell.split()) <= 2 and cell.isupper() and len(cell) <= 12 and roles:
            role = "other"
        else:
            break
        roles.append((role, cell))
    names = [role for role, _ in roles]
    if names.count("title") != 1 or not {"grade", "code"} & set(names):
        return None
    while roles and roles[-1][0] == "other":  # trailing labels are the next text, not columns
        roles.pop()
    return roles


def _column_cells_fit(roles: list[tuple[str, str]], columns: list[list[str]]) -> bool:
    """Whether each column's cells have its role's shape: titles, grades, codes."""
    shapes = {"grade": _GRADE_TOKEN, "code": _COLUMN_CODE}
    for (role, _), column in zip(roles, columns, strict=True):
        if role == "title" and not all(reads_as_title(c) for c in column):
            return False
        if role in shapes and not all(shapes[role].match(c) for c in column):
            return False
    return True


def _column_rows(
    roles: list[tuple[str, str]], columns: list[list[str]], quote: str
) -> list[ClassFacts]:
    found = []
    for row in zip(*columns, strict=True):
        cells = {role: (label, cell) for (role, label), cell in zip(roles, row, strict=True)}
        facts = ClassFacts(smart_title(cells["title"][1]), quote)
        if "code" in cells:
            facts = replace(facts, code=cells["code"][1])
        if "grade" in cells:
            label, grade = cells["grade"]
            facts = replace(facts, pay_label=label.title(), pay_grade=grade)
        found.append(facts)
    return found


def layout_classes(text: str) -> list[ClassFacts]:
    """Every class the layout rules read from a standard's text."""
    lines = text.splitlines()
    paragraphs = list(paragraphs_of(text))
    return (
        header_row_classes(lines)
        + glued_code_classes(lines)
        + run_on_table_classes(lines)
        + column_major_classes(lines)
        + numbered_list_classes(text)
        + titled_key_value_classes(paragraphs)
        + coded_title_classes(paragraphs)
    )

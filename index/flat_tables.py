"""Class tables whose line breaks were lost: title and code glued together, a header and its
rows run on in one line, and tables read out column by column."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from index.cells import (
    CELL_TOKENS,
    GRADE_TOKEN,
    TITLE_HEADERS,
    header_roles,
    label_pattern,
    reads_as_title,
    role_words,
)
from index.class_facts import ClassFacts
from index.structure import smart_title
from index.vocab import field_labels

_GLUED_ROW = re.compile(
    r"^(?P<title>[A-Z][\w'&/(),.-]*(?: [\w'&/(),.-]+)*?)(?<=[A-Za-z)])"
    r"(?P<space> ?)(?P<digits>\d{4,9})(?:, ?\d{4,9})*$"
)
# Where a header's cells lost their separator ("Job ClassClass Code", "Position TitleGrade").
CAMEL_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])")
_MIN_GLUED_ROWS = 5


def glued_code_classes(lines: list[str]) -> list[ClassFacts]:
    """Rows of a title and code table whose cells lost their separator, under a header that
    names a code column ("Job ClassClass Code"): "Account Consultant04796", "Accountant 200311".
    The code column's width is read from the rows where a letter meets the digits (title and
    code cannot be confused there); in the others, the digits before that width are the
    title's level ("Accountant 2", "00311"). A second code after a comma is left in the quote."""
    code_label = re.compile(rf"\b(?:{label_pattern(field_labels().code)})\b", re.IGNORECASE)
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
        header = bool(code_label.search(CAMEL_JOIN.sub(" ", text))) and not match
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


# "Departmental GIS Manager 9556 27/B 15% 5% 20%": a row of a table that lost its tabs - a
# title, its code, then figures only (no word in small letters).
_SPACED_CODE_ROW = re.compile(r"^(?P<title>[A-Z].*?)\s+(?P<code>\d{3,9})(?:\s+[^\sa-z]+)*$")
_MIN_SPACED_ROWS = 3
# A header's cells sit within this many lines above the rows, each short as a cell is.
_HEADER_LINES = 8
_HEADER_CELL_CHARS = 40


def spaced_code_rows(lines: list[str]) -> list[ClassFacts]:
    """Rows of a title and code table whose tabs became spaces, under a header that names a
    title column, then a code column, its cells on one line or one a line ("Class Title" /
    "Class Code" / "Adj. to Base Rate"): "Database Analyst 0882 27/B 15% 5% 20%". Only the
    title and the code are read: the header may not name the other figures' columns. The
    codes of a run have one width, and a run has three rows at least."""
    found: list[ClassFacts] = []
    run: list[re.Match[str]] = []
    for number, line in enumerate([*lines, ""]):
        match = _SPACED_CODE_ROW.match(line.strip())
        if match and reads_as_title(match.group("title")):
            run.append(match)
            continue
        if run and _codes_under_header(lines[: number - len(run)]):
            found += _spaced_rows(run)
        run = []
    return found


def _codes_under_header(above: list[str]) -> bool:
    """Whether the short lines just above rows are a header whose first column is a title
    and whose second is a code."""
    cells: list[str] = []
    for line in reversed(above):
        text = line.strip()
        if len(text) > _HEADER_CELL_CHARS or len(cells) == _HEADER_LINES:
            break
        if text:
            cells.insert(0, text)
    roles = header_roles(" ".join(cells)) if cells else None
    return roles is not None and [r for r, _ in roles[:2]] == ["title", "code"]


def _spaced_rows(run: list[re.Match[str]]) -> list[ClassFacts]:
    if len(run) < _MIN_SPACED_ROWS or len({len(m.group("code")) for m in run}) != 1:
        return []
    return [
        ClassFacts(smart_title(m.group("title")), m.group(0), code=m.group("code")) for m in run
    ]


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
    words = {w for phrase in (*labels.code, *labels.grade, *TITLE_HEADERS) for w in phrase.split()}
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
    roles = role_words(text, [("grade", label_pattern(labels.grade)),
                               ("code", label_pattern(labels.code))])  # fmt: skip
    title = re.search(rf"\b(?:{label_pattern(('title',))})\b", text, re.IGNORECASE)
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
    shape = CELL_TOKENS[role]
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
        if lower in TITLE_HEADERS:
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
    shapes = {"grade": GRADE_TOKEN, "code": _COLUMN_CODE}
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

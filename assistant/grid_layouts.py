"""Pay grids written a row a line, and the types every grid reader shares. A header names the
columns ("Effective Date Step 1 Step 2 ...", "Grade | Step 1 | Step 2", "Grade | Minimum |
Maximum", "Band Level I Level II", or "Range Step Step Step" above "No. A B C"), then lines end
in as many amounts ("B) June 22, 2008 60610 62692"); a row keyed by a pay period alone continues
the grade of the row above ("9 | Hourly | 11.84 | 21.82" then "Bi-weekly | 947.46 | 1,745.37");
the line above the header names the table. A whole table may also sit on one line: "£ Grade
Minimum Maximum AO 16,356 20,673 EO 20,049 28,112".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from index.levels import level_value
from index.money import periods_in
from index.pay_tables import amount_cell

# Columns named by a word and a number or a capital letter, repeated: "Step 1 Step 2", "Pay
# point 1 Pay point 2", "Step A Step B".
NUMBERED_COLUMN = re.compile(r"\b([A-Za-z][A-Za-z ]{1,20}?)\s+(\d{1,2}|[IVX]{1,5}|[A-Z])\b")
# A cell in a currency: "$9.786".
_CURRENCY_CELL = re.compile(r"^[$£€]\d[\d,.]*$")
# An empty cell of a row: "-", "–".
# A cell that holds no amount: a dash, or a zero ("LL 0 0 0 0 0 0 156,500": no such step).
EMPTY_CELL = re.compile(r"^(?:[-–—]|0|0\.00)$")
# The name of a pay column in a header, and how many words (a currency sign, the key
# column's name) may stand before the first.
_COLUMN_WORD = re.compile(r"^(?:minimum|maximum|midpoint|mid-point|min|max|mid)$", re.IGNORECASE)
_ONE_LINE_LEAD = 3
# A line longer than this above a table is a paragraph, not its heading.
_HEADING_CHARS = 120


@dataclass(frozen=True)
class GridRow:
    """One row of a grid: its key cells and its amounts."""

    key: str  # "B) June 22, 2008", "APS4", "12"
    cells: tuple[str, ...]  # the amounts as written, in column order
    quote: str  # the row as the document writes it


@dataclass(frozen=True)
class Grid:
    """A table of amounts: named columns, keyed rows, and the lines that name them."""

    heading: str  # the line above the header that names the table, if any
    header: str  # the header as the document writes it
    key_name: str  # the name of the key column ("Effective Date", "Grade"), if any
    columns: tuple[str, ...]  # the names of the amount columns
    rows: tuple[GridRow, ...]
    # Columns no header names (a grade's amounts one a line below it): a grade asked, for a
    # period or a date, is answered with its whole row.
    whole_rows: bool = False
    # Rows keyed by grades' short names that no column names ("A 10.75 11.15 ... B 11.65 ..."
    # run into a line): a key equal to the grade asked is its row.
    graded_keys: bool = False


def line_grids(lines: list[str]) -> list[Grid]:
    """Grids written a row a line under a header line that names their columns."""
    grids = []
    position = 0
    while position < len(lines):
        one_line = _header_columns(lines[position])
        header = (*one_line, position) if one_line else _two_line_header(lines, position)
        header = header or _code_header(lines, position)
        if header is None:
            position += 1
            continue
        key_name, columns, last = header
        unnamed = _unnamed_key_column(lines, last)
        if unnamed:  # "STEP 0\tSTEP 1 ... MAX" over "25\t22,775 ...": every name a column's
            key_name, columns = "", unnamed
        rows: list[GridRow] = []
        end = last + 1
        while end < len(lines):
            line = lines[end]
            if not line.strip():
                end += 1
                continue
            row = _line_row(line, len(columns))
            if row is None and _ragged_row(line):
                end += 1  # a row with a cell left out cannot say which: left, and read on
                continue
            if row is None:
                break
            rows.append(_continuing(rows[-1], row) if rows else row)
            end += 1
        if rows:
            heading = heading_above(lines, position)
            header_text = "\n".join(lines[position : last + 1]).strip()
            grids.append(Grid(heading, header_text, key_name, columns, tuple(rows)))
        position = max(end, position + 1)
    return grids


def _unnamed_key_column(lines: list[str], last: int) -> tuple[str, ...]:
    """The names of a tab header whose rows have one cell more than it names (their key,
    whose column the header leaves unnamed): every name is an amount column's; else ()."""
    names = [c.strip() for c in lines[last].strip().split("\t")]
    below = next((line for line in lines[last + 1 :] if line.strip()), "")
    if "\t" not in lines[last] or len(below.strip("\n").split("\t")) != len(names) + 1:
        return ()
    return tuple(names)


def _cell(text: str) -> str | None:
    """The amount a cell holds as written; a sum in a currency that no amount reads ("$9.786",
    a typo) is kept as written rather than end its row."""
    return amount_cell(text) or (text if _CURRENCY_CELL.match(text) else None)


def _ragged_row(line: str) -> bool:
    """A line that is a row of some other width: a key, then amounts (or empty cells) only."""
    cells = line.split()
    trailing = 0
    while trailing < len(cells) and (
        _cell(cells[-1 - trailing]) is not None or EMPTY_CELL.match(cells[-1 - trailing])
    ):
        trailing += 1
    return trailing >= 2 and trailing < len(cells)


def _continuing(above: GridRow, row: GridRow) -> GridRow:
    """A row keyed by a pay period alone continues the grade of the row above: "Bi-weekly"
    under "9 Hourly" is "9 Bi-weekly"."""
    if re.search(r"\d", row.key) or not periods_in(row.key):
        return row
    words = above.key.split()
    grade = next((n for n, word in enumerate(words) if periods_in(word)), len(words))
    if grade == 0:
        return row
    return replace(row, key=" ".join([*words[:grade], row.key]))


def _two_line_header(lines: list[str], position: int) -> tuple[str, tuple[str, ...], int] | None:
    """A header whose columns' label and names sit on two lines: "Range Step Step Step" above
    "No. A B C" is the key column "Range No." and the columns "Step A", "Step B", "Step C".
    Returns the key column's name, the columns and the header's last line."""
    words = lines[position].split()
    label = words[-1] if words else ""
    repeats = next((n for n in range(len(words)) if all(w == label for w in words[n:])), 0)
    count = len(words) - repeats
    if count < 2 or not label.isalpha():
        return None
    below = next(
        (n for n in range(position + 1, min(position + 3, len(lines))) if lines[n].strip()), None
    )
    if below is None:
        return None
    names = lines[below].split()
    if len(names) < count or not numbered_run([f"{label} {n}" for n in names[-count:]]):
        return None
    key_name = " ".join([*words[:repeats], *names[:-count]])
    return key_name, tuple(f"{label} {n}" for n in names[-count:]), below


# A grade's code naming a column: "C1", "AO", "HEO", "SCS2", "GS-12".
_CODE_COLUMN = re.compile(r"^[A-Z]{1,4}-?\d{0,2}[A-Za-z]?$")
_CODE_LEAD_WORDS = 3


def _code_header(lines: list[str], position: int) -> tuple[str, tuple[str, ...], int] | None:
    """A header of grades' codes above rows of as many amounts: "Legal Trainee C1 C2" above
    "Max-3 24580 46889 60379" names the columns "Legal Trainee", "C1" and "C2" (the words
    before the codes name one column more, when the rows have one more amount). Returns the
    key column's name (none), the columns and the header's line."""
    words = lines[position].split()
    codes = 0
    while codes < len(words) and _CODE_COLUMN.match(words[-1 - codes]):
        codes += 1
    lead = words[: len(words) - codes]
    if codes < 2 or len(lead) > _CODE_LEAD_WORDS or any(amount_cell(w) for w in words):
        return None
    below = next((line for line in lines[position + 1 :] if line.strip()), "")
    cells = below.split()
    width = 0
    while width < len(cells) - 1 and amount_cell(cells[-1 - width]) is not None:
        width += 1
    if width == codes + 1 and lead:
        return "", (" ".join(lead), *words[-codes:]), position
    if width == codes:
        return " ".join(lead), tuple(words[-codes:]), position
    return None


def is_code_column(name: str) -> bool:
    """Whether a column's name is a grade's code ("C1", "HEO"), not a pay column's ("Max")."""
    return bool(_CODE_COLUMN.match(name)) and not _COLUMN_WORD.match(name)


# The name of a grid's key column: what its rows are keyed by.
_KEY_COLUMN = re.compile(
    r"\b(?:point|step|grade|band|level|range|group|class|scale|zone|spine)s?\b", re.IGNORECASE
)


def _header_columns(line: str) -> tuple[str, tuple[str, ...]] | None:
    """(key column's name, amount columns' names) of a header line, or None."""
    if line.startswith("\t"):  # "\tSTEP 0\tSTEP 1\t...\tMAX": the key column unnamed
        names = [c.strip() for c in line.split("\t")[1:]]
        if len(names) >= 2 and all(n and amount_cell(n) is None for n in names):
            return "", tuple(names)
    split = "|" in line or "\t" in line
    cells = [c.strip() for c in re.split(r"\||\t", line)] if split else line.split()
    cells = [c for c in cells if c]
    # "Grade | Minimum | Maximum", "Grade Minimum Maximum": pay columns by name.
    named_columns = len(cells) - next(
        (n for n in range(len(cells)) if all(_COLUMN_WORD.match(c) for c in cells[n:])),
        len(cells),
    )
    if named_columns >= 2 and len(cells) - named_columns <= _ONE_LINE_LEAD:
        return " ".join(cells[:-named_columns]), tuple(cells[-named_columns:])
    if split:
        named = [c for c in cells if amount_cell(c) is None and not c.isdigit()]
        numbered = [c for c in cells if NUMBERED_COLUMN.fullmatch(c)]
        if len(named) == len(cells) and numbered_run(numbered) and cells[-1] == numbered[-1]:
            keys = cells[: len(cells) - len(numbered)]
            return " ".join(keys), tuple(numbered)
        if len(named) == len(cells) >= 2 and _KEY_COLUMN.search(cells[0]):
            # "Pay point | With effect from 1 September 2020": a key column, then columns
            # named by anything (a date); its rows say whether it is a grid.
            return cells[0], tuple(cells[1:])
        return None
    found = list(NUMBERED_COLUMN.finditer(line))
    if not numbered_run([m.group(0) for m in found]) or any(
        amount_cell(word) for word in line.split()
    ):
        return None
    # "Effective Date Step 1 Step 2": the label's own words, not the key column's.
    label = found[-1].group(1).strip().split()[-1]
    columns = [f"{label} {m.group(2)}" for m in found]
    key_name = line[: line.lower().find(label.lower())].strip()
    return key_name, tuple(columns)


def numbered_run(names: Sequence[str]) -> bool:
    """Whether column names count up from 1 under one label: "Step 1", "Step 2", ..."""
    found = [NUMBERED_COLUMN.fullmatch(name.strip()) for name in names]
    if len(found) < 2 or not all(found):
        return False
    labels = {m.group(1).strip().lower().split()[-1] for m in found if m}
    marks = [m.group(2) for m in found if m]
    # "Level I, Level II": roman numerals when every mark reads as one, else letters.
    roman = all(re.fullmatch(r"[IVX]+", mark) for mark in marks) and len(marks) != 9
    numbers = [_ordinal(mark, roman) for mark in marks]
    return len(labels) == 1 and numbers == list(range(1, len(numbers) + 1))


def _ordinal(name: str, roman: bool = False) -> int:
    """The place a column's number, roman numeral or letter gives it: "3", "III" and "C" are
    third."""
    if name.isdigit():
        return int(name)
    if roman:
        return level_value(name) or 0
    return ord(name.upper()) - ord("A") + 1 if len(name) == 1 else 0


def _line_row(line: str, width: int) -> GridRow | None:
    """A row of a row-a-line grid: a key, then an amount for each of the `width` columns (a
    ragged row cannot say which column a cell is under)."""
    tabbed = "\t" in line and "|" not in line
    if tabbed:  # a cell left empty between two tabs keeps the cells after it in their columns
        cells = [c.strip() for c in line.strip("\n").split("\t")]
    elif "|" in line or "\t" in line:
        cells = [c.strip() for c in re.split(r"\||\t", line) if c.strip()]
    else:
        cells = line.split()
    amounts: list[str] = []
    # The first cell is the key, even a "0" ("0 | £26,199 |": pay point 0).
    while len(cells) > 1 and (
        _cell(cells[-1]) is not None or EMPTY_CELL.match(cells[-1]) or (tabbed and not cells[-1])
    ):
        amounts.insert(0, _cell(cells.pop()) or "")  # an empty cell holds ""
    key = " ".join(cells).strip()
    if not key or len(amounts) != width or not any(amounts):
        return None
    return GridRow(key, tuple(amounts), line.strip())


def heading_above(lines: list[str], position: int) -> str:
    """The nearest line above that can name a table: not blank, not a paragraph, not a row
    of amounts (the last row of the table above)."""
    for line in reversed(lines[max(0, position - 3) : position]):
        if line.strip():
            cells = re.split(r"[|\s]+", line.strip())
            heading = len(line.strip()) <= _HEADING_CHARS and not any(map(amount_cell, cells))
            return line.strip() if heading else ""
    return ""


def one_line_grid(lines: list[str], number: int) -> Grid | None:
    """A whole table flattened onto one line: "£ Grade Minimum Maximum AO 16,356 20,673 EO
    20,049 28,112 ...": a header of pay column names, then rows of a key and as many amounts.
    Its heading is the nearest line above that is not another such table."""
    line = lines[number]
    tokens = list(re.finditer(r"\S+", line))
    start = next(
        (n for n, t in enumerate(tokens[: _ONE_LINE_LEAD + 1]) if _COLUMN_WORD.match(t.group())),
        None,
    )
    if start is None:
        return None
    end = start
    while end < len(tokens) and _COLUMN_WORD.match(tokens[end].group()):
        end += 1
    columns = tuple(t.group() for t in tokens[start:end])
    rows: list[GridRow] = []
    position = end
    while position < len(tokens):
        first = position
        while position < len(tokens) and amount_cell(tokens[position].group()) is None:
            position += 1
        amounts = []
        while position < len(tokens) and amount_cell(tokens[position].group()) is not None:
            amounts.append(amount_cell(tokens[position].group()) or "")
            position += 1
        if position == first or first == position - len(amounts) or len(amounts) != len(columns):
            return None  # a key with no amounts, amounts with no key, or a ragged row
        key = line[tokens[first].start() : tokens[position - len(amounts) - 1].end()]
        quote = line[tokens[first].start() : tokens[position - 1].end()]
        rows.append(GridRow(key, tuple(amounts), quote))
    if len(columns) < 2 or len(rows) < 2:
        return None
    header = line[tokens[0].start() : tokens[end - 1].end()]
    key_name = " ".join(t.group() for t in tokens[:start])
    above = [x for x in lines[:number] if header not in x]
    return Grid(heading_above(above, len(above)), header, key_name, columns, tuple(rows))

"""Pay grids run into one line of text among other words: "... Steps a b c d e ... Initial
Placement ... A 10.75 11.15 11.65 12.15 12.65 B 11.65 12.05 ... JOB TITLES: ...". The rows are
a short key and as many amounts, one after the other; their columns are the run of numbered
marks ("a b c", "1 2 3") under one label written before them in the line, however far."""

from __future__ import annotations

import re

from assistant.grid_layouts import Grid, GridRow, numbered_run
from index.pay_tables import amount_cell

# A row's key: a grade's short name ("A", "GS-5", "B2"), not a word of the text around.
_KEY = re.compile(r"^(?:[A-Z]{1,3}-?\d{0,2}[A-Z]?|\d{1,2}[A-Z]?)$")
# The label over numbered columns, written in the plural before its marks ("Steps a b c").
_PLURAL_LABEL = re.compile(r"^(?P<label>[A-Za-z]{3,})s$")
_MIN_COLUMNS = 3
_MIN_ROWS = 2
# How much of the line before the columns is kept as the table's heading.
_HEADING_CHARS = 200


def run_grid(line: str) -> Grid | None:
    """The longest grid run into the line: rows of one key and as many amounts as a run of
    numbered marks before them names; None when the line holds no such rows and marks."""
    if "|" in line:
        return None  # a row of cells, read as one
    tokens = list(re.finditer(r"\S+", line))
    rows = _longest_rows(tokens)
    if rows is None:
        return None
    first, width = rows[0][0], len(rows[0][1])
    columns = _columns_before(tokens, first, width)
    if columns is None:
        return None
    start, names = columns
    header = line[tokens[start].start() : tokens[start + width].end()]
    heading = line[: tokens[start].start()].strip()[-_HEADING_CHARS:]
    grid_rows = tuple(
        GridRow(
            tokens[key].group(),
            tuple(amount_cell(tokens[n].group()) or "" for n in cells),
            line[tokens[key].start() : tokens[cells[-1]].end()],
        )
        for key, cells in rows
    )
    return Grid(heading, header, "", names, grid_rows, graded_keys=True)


def _longest_rows(tokens: list[re.Match[str]]) -> list[tuple[int, list[int]]] | None:
    """The longest series of rows (a key token, then its amounts' tokens) that follow one
    another with as many amounts each."""
    amounts = [amount_cell(t.group()) is not None for t in tokens]
    series: list[list[tuple[int, list[int]]]] = []
    position = 0
    while position < len(tokens):
        end = position + 1
        while end < len(tokens) and amounts[end]:
            end += 1
        cells = list(range(position + 1, end))
        is_row = not amounts[position] and _KEY.match(tokens[position].group())
        if is_row and len(cells) >= _MIN_COLUMNS:
            last = series[-1][-1] if series else None
            if last is not None and last[1][-1] + 1 == position and len(last[1]) == len(cells):
                series[-1].append((position, cells))
            else:
                series.append([(position, cells)])
            position = end
        else:
            position += 1
    longest = max(series, key=len, default=[])
    return longest if len(longest) >= _MIN_ROWS else None


def _columns_before(
    tokens: list[re.Match[str]], first: int, width: int
) -> tuple[int, tuple[str, ...]] | None:
    """The label's token and the column names ("Step a" ... "Step o") of the nearest run of
    as many numbered marks under a plural label before the first row."""
    for start in range(first - width - 1, -1, -1):
        label = _PLURAL_LABEL.match(tokens[start].group())
        if label is None:
            continue
        marks = [t.group() for t in tokens[start + 1 : start + 1 + width]]
        names = tuple(f"{label['label']} {mark}" for mark in marks)
        if numbered_run([name.upper() for name in names]):  # "Step a" counts as "STEP A"
            return start, names
    return None

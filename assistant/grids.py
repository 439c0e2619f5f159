"""Pay grids: tables whose cells are amounts under named columns (steps, pay points, effective
dates) in rows named by a grade or a date, read whole from a document (in the layouts of
assistant.grid_layouts and assistant.grid_cells), so that "AU-2 step 1 effective June 22, 2008"
or "the top APS4 rate from 12 March 2026" is answered by one cell: here a question is read
against a grid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.grade_grids import across_grids, grouped_grids
from assistant.grid_cells import (
    bracket_grids,
    cell_grids,
    lone_cell_grids,
    named_column_grids,
    scale_grids,
    stream_grids,
    within_bracket,
)
from assistant.grid_layouts import (
    NUMBERED_COLUMN,
    Grid,
    GridRow,
    is_code_column,
    line_grids,
    one_line_grid,
)
from assistant.grid_runs import run_grid
from assistant.marked_cells import marked_cell_grids
from assistant.row_keys import has_row_key
from index.dates import MONTH_NAMES, MONTH_SHORT
from index.money import money_value, periods_in
from index.pay_tables import amount_cell
from index.vocab import field_labels

__all__ = ["Cell", "Grid", "GridQuestion", "GridRow", "read_grids", "select_cells"]

_MONTHS = MONTH_NAMES.split("|")
_MONTH = rf"(?:{MONTH_SHORT})[a-z]*\.?"
# "June 22, 2008", "22 June 2008", "12 March 2026", "aug 2023", "2010".
_DATE = re.compile(
    # "2023-04-01" (a footnote's figure may follow: "2027-03-312").
    r"\b(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d)|"
    rf"\b(?:(?P<day1>\d{{1,2}})\s+(?P<month1>{_MONTH})|(?P<month2>{_MONTH})\s*(?P<day2>\d{{1,2}})?,?)"
    rf"\s*(?P<year>(?:19|20)\d\d)\b|\b(?P<bare>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
Date = tuple[int | None, int | None, int]  # (day, month, year), day and month optional
# A grade or class written as an acronym in capitals: "EO", "HEO", "APS".
_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
_YEARS_ASKED = re.compile(r"\b(\d+(?:\.\d+)?)\s*(?:years?|yrs?)\b", re.IGNORECASE)
# A row key shorter than this is a grade's name ("EO", "12"), not a title written out.
_MIN_TITLE_KEY = 6
_WORD = re.compile(r"[a-z0-9]+")
_STEP = re.compile(
    r"\b(step|pay\s*point|point)\s*(\d{1,2})\b|\b(step)\s+([a-z])\b(?!['’])", re.IGNORECASE
)
_MIDDLE = re.compile(r"\bmid-?\s?points?\b|\bmid\b", re.IGNORECASE)
_HIGHEST = re.compile(r"\b(?:top|highest|maximum|max|most|last|upper)\b", re.IGNORECASE)
_LOWEST = re.compile(
    r"\b(?:bottom|lowest|minimum|min|least|first|entry|starting|start|lower)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Cell:
    """One amount of a grid, with the row and column that name it."""

    grid: Grid
    row: GridRow
    column: str
    amount: str


def read_grids(text: str) -> list[Grid]:
    """Every pay grid of a document's text, in any of its layouts."""
    lines = text.splitlines()
    grids = line_grids(lines) + cell_grids(lines) + stream_grids(lines)
    grids += bracket_grids(lines) + scale_grids(lines) + lone_cell_grids(lines)
    grids += named_column_grids(lines) + grouped_grids(lines) + across_grids(lines)
    grids += marked_cell_grids(lines)
    return grids + [
        grid for n in range(len(lines)) if (grid := one_line_grid(lines, n) or run_grid(lines[n]))
    ]


@dataclass(frozen=True)
class GridQuestion:
    keys: tuple[tuple[str, str], ...]  # grade keys: ("au", "2")
    names: tuple[str, ...]  # acronyms in capitals that may be a row's whole key: "EO"
    dates: tuple[Date, ...]
    step: str | None  # "step 7", "step a"
    extremes: tuple[str, ...]  # "highest", "lowest", or both ("the lowest and highest points")
    years: float | None = None  # "with 3 years' experience"
    period: str | None = None  # "hourly": a row keyed by its period ("9 Hourly")
    titles: tuple[str, ...] = ()  # the row keys of the grids the question writes out
    middle: bool = False  # "the midpoint": the column a grid names so
    columns: tuple[str, ...] = ()  # the column names of the grids the question writes out
    whole_row: bool = False  # "the salary range of <a row's title>": every cell of its row

    @property
    def selects_cells(self) -> bool:
        """Whether it names a column or row a grid may hold: a step, a date, an extreme, a
        period."""
        selects = self.dates or self.step or self.extremes or self.years is not None
        selects = selects or self.middle or self.columns or self.whole_row
        named = self.keys or self.names or self.titles or self.grade_columns
        return bool(named) and bool(selects or self.period)

    @property
    def grade_columns(self) -> tuple[str, ...]:
        """The columns written out that are grades' codes ("C1" of "Legal Trainee C1 C2"):
        they name the grade asked as a row key would."""
        return tuple(c for c in self.columns if is_code_column(c))


def grid_question(question: str, keys: Sequence[tuple[str, str]]) -> GridQuestion:
    step = _STEP.search(question)
    extremes = tuple(
        name for name, rx in (("highest", _HIGHEST), ("lowest", _LOWEST)) if rx.search(question)
    )
    asked_periods = periods_in(question)
    return GridQuestion(
        tuple(keys),
        tuple(_ACRONYM.findall(question)),
        tuple(_dates(question)),
        " ".join(g.lower() for g in step.groups() if g) if step else None,
        extremes,
        float(years.group(1)) if (years := _YEARS_ASKED.search(question)) else None,
        next(iter(asked_periods)) if len(asked_periods) == 1 else None,
        middle=bool(_MIDDLE.search(question)),
    )


def columns_written(question: str, grids: Sequence[Grid]) -> tuple[str, ...]:
    """The column names of these grids that the question writes out, as whole words ("Level
    III", not "Level I" inside it): a column named by words, not a step asked by number."""
    flat = " ".join(question.lower().split())
    names = {name for grid in grids for name in grid.columns if re.search(r"[A-Za-z]", name)}
    return tuple(
        sorted(
            name
            for name in names
            if re.search(rf"(?<!\w){re.escape(' '.join(name.lower().split()))}(?!\w)", flat)
            or _words_written(name, flat)
        )
    )


def _words_written(name: str, question: str) -> bool:
    """Whether a question names a column by its words, not all of them or not in order
    ("total package" of "TOTAL REMUNERATION PACKAGE", "super" of "SUPER (11.5%)"): every word
    of a one-word name, two thirds of a longer one's. A column numbered ("Step 1", "Level
    V") is asked by its whole name."""
    bare = re.sub(r"\([^)]*\)", " ", name).lower()
    if re.search(r"\d", bare) or NUMBERED_COLUMN.fullmatch(name.strip()):
        return False  # "Step 1", "Level V": a step or level asked by its number
    words = set(re.findall(r"[a-z]{3,}", bare))
    asked = set(re.findall(r"[a-z]+", question))
    if not words:
        return False
    held = len(words & asked)
    return held == len(words) if len(words) == 1 else held >= 2 and held * 3 >= len(words) * 2


def titles_written(question: str, grids: Sequence[Grid]) -> tuple[str, ...]:
    """The row keys of these grids that the question writes out in words ("Executive Officer
    (PPC)"), less those inside a longer one it writes ("Higher Executive Officer (PPC)"), in
    the order the question writes them."""
    flat = " ".join(_WORD.findall(question.lower()))
    spans = []
    for key in dict.fromkeys(row.key for grid in grids for row in grid.rows):
        # "01-01 ELEM BLDG SECRETARY": the title is written without the row's number.
        title = re.sub(r"^(?:\S*\d\S*\s+)+", "", key).lower()
        if len(title) < _MIN_TITLE_KEY or not re.search(r"[a-z]{3}", title):
            continue
        if periods_in(title) and len(title.split()) <= 2:
            continue  # "14 Hourly": a grade's row of a pay period, not a title
        if _dates(key):
            continue  # "October 1, 2021": the row of a date, which the question may give too
        # Its words in order, whatever stands between them: "Director (Scientist) (U1SE)" is
        # written "director (scientist) U1SE".
        words = " ".join(_WORD.findall(title))
        for match in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", flat):
            spans.append((match.start(), match.end(), key))
    return tuple(
        key
        for start, end, key in sorted(spans, key=lambda span: span[0])
        if not any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in spans)
    )


def cell_of(cell: Cell, asked: GridQuestion) -> bool:
    """Whether a cell is in a row, or a table, of the grades the question names."""
    return row_fits(cell.grid, cell.row, asked)


def cells_holding(grid: Grid, amounts: Sequence[str]) -> list[Cell]:
    """The cells of the grid whose amount is one of these (compared as values: "101,010"
    is "101010"): which row and column pays it."""
    wanted = {money_value(a) for a in amounts} - {None}
    return [
        Cell(grid, row, grid.columns[n], amount)
        for row in grid.rows
        for n, amount in enumerate(row.cells)
        if n < len(grid.columns) and money_value(amount) in wanted
    ]


def amounts_in(question: str) -> list[str]:
    """The amounts a question writes, as a pay table would ("101010", "$68,410", "32.79"),
    not its years or small numbers, nor a part of a dotted number ("AS 39.27.011")."""
    found = re.findall(r"(?<![\d.])[$£€]?\d[\d,]*(?:\.\d{2})?(?!\.?\d)", question)
    return [cell for cell in (amount_cell(f.rstrip(",")) for f in found) if cell]


# A table's heading that says its rows are grades, bands or levels.
_GRADES_HEADING = re.compile(r"\b(?:grades|groups|bands|ranges|levels)\b", re.IGNORECASE)


def row_fits(grid: Grid, row: GridRow, asked: GridQuestion) -> bool:
    """Whether a row is of a grade asked: its table's heading names it ("AU-2 - Annual Rates
    of Pay"), its key names it ("APS4"), is the acronym asked ("EO", "Executive Officer
    (EO)"), or is the bare value under a grade column ("12" under "Grade" for GS-12, or
    under an unnamed key column of a table headed as one of grades)."""
    keys = asked.keys
    if row.key in asked.titles:
        return True
    if has_row_key(grid.heading, keys) or has_row_key(row.key, keys):
        return True
    if any(row.key == name or row.key.endswith(f"({name})") for name in asked.names):
        return True
    first = row.key.split()[0].lower() if row.key.split() else ""
    named = {w for phrase in field_labels().grade for w in phrase.split()}
    graded = any(w in named for w in re.findall(r"[a-z]+", grid.key_name.lower()))
    # Unnamed, the key column's values are grades when the table's heading says so
    # ("SCHEDULE OF SALARY GRADES" over rows keyed "25", "26").
    graded = graded or (not grid.key_name and bool(_GRADES_HEADING.search(grid.heading)))
    graded = graded or grid.graded_keys
    return graded and any(first == value for _, value in keys)


def _dates(text: str) -> list[Date]:
    """The dates a text writes: "June 22, 2008", "12 March 2026", "2023-04-01", "aug 2023",
    "2010"."""
    found: list[Date] = []
    for match in _DATE.finditer(text):
        if match.group("iso_year"):
            iso = (int(match.group(g)) for g in ("iso_day", "iso_month", "iso_year"))
            found.append(tuple(iso))  # type: ignore[arg-type]
            continue
        if match.group("bare"):
            found.append((None, None, int(match.group("bare"))))
            continue
        month_text = (match.group("month1") or match.group("month2") or "").lower()[:3]
        month = next((n + 1 for n, m in enumerate(_MONTHS) if m.startswith(month_text)), None)
        day = match.group("day1") or match.group("day2")
        found.append((int(day) if day else None, month, int(match.group("year"))))
    return found


def _date_fits(asked: Date, text: str) -> bool:
    """Whether the text writes the date asked, to the detail both give ("2010" fits "June
    22, 2010")."""
    day, month, year = asked
    for found_day, found_month, found_year in _dates(text):
        if found_year != year:
            continue
        if month is not None and found_month is not None and found_month != month:
            continue
        if day is not None and found_day is not None and found_day != day:
            continue
        return True
    return False


def select_cells(grid: Grid, asked: GridQuestion, document: str = "") -> list[Cell]:
    """The cells of the grid the question asks for: rows of the grade asked (by their key or
    the table's heading) and of the date asked, columns of the step or date asked; an
    extreme picks the highest or lowest of them."""
    rows = [r for r in grid.rows if row_fits(grid, r, asked)]
    if not (asked.keys or asked.names or asked.titles) and keyed_by_step(grid):
        rows = list(grid.rows)  # a class's one grid, its rows its steps
    if not rows and any(c in grid.columns for c in asked.grade_columns):
        rows = list(grid.rows)  # "the C1 maximum": the grade is a column, every row its
    columns = list(range(len(grid.columns)))
    # A date the document's title or the table's heading holds dates the whole table ("the
    # 2024 table"), unless the question gives no other and a row or column holds it too (a
    # title "FY 2015/2016 and FY 2020/2021" over columns of each).
    whole = [d for d in asked.dates if _date_fits(d, f"{document}\n{grid.heading}")]
    dated = [d for d in asked.dates if d not in whole]
    for date in dated or whole:
        by_row = [r for r in rows if _date_fits(date, r.key)]
        by_column = [n for n in columns if _date_fits(date, grid.columns[n])]
        if by_row:
            rows = by_row
        elif by_column:
            columns = by_column
        elif dated:
            return []  # a date the grid does not hold
    if asked.years is not None:
        rows = [r for r in rows if within_bracket(asked.years, r.key)]
    if asked.period:  # "the hourly maximum": the row of each grade keyed by that period
        by_period = [r for r in rows if asked.period in periods_in(r.key)]
        # A grid of a grade's amounts one a line below it gives the grade's whole row.
        selects = asked.dates or asked.step or asked.extremes or asked.years is not None
        if by_period:
            rows = by_period
        elif not selects and not grid.whole_rows:
            return []
    # A row whose title the question writes out is the one asked, not those of its code
    # ("Deputy Pilot (Junior) (HB2)", not every "(HB2)" row).
    rows = [r for r in rows if r.key in asked.titles] or rows
    if asked.step:
        named = [n for n in columns if step_name(grid.columns[n]) == step_name(asked.step)]
        # "Pay point 4" is a column of some grids, the key of the rows of others ("Steps").
        keyed = asked.step.split()[-2] in _key_words(grid)
        if not named and not keyed:
            return []
        if keyed and not named:  # "point 23" of a grade whose rows are keyed by point
            rows = [r for r in rows if step_name(r.key) == step_name(asked.step).split()[-1]]
        columns = named or columns
    named_columns = [n for n in columns if grid.columns[n] in asked.columns]
    if named_columns and not asked.step:  # "Level III" written out
        columns = named_columns
    if asked.middle:  # "the midpoint of grade 7": the column a grid names so, if it has one
        columns = [n for n in columns if _MIDDLE.search(grid.columns[n])]
        if not columns:
            return []
    cells = [
        Cell(grid, row, grid.columns[n], row.cells[n])
        for row in rows
        for n in columns
        if n < len(row.cells) and row.cells[n]  # an empty cell gives nothing
    ]
    if not asked.extremes or not cells:
        return cells
    # The extremes of each grade asked ("the hourly max of grade 5 vs grade 15"), of each
    # title, or of each grade's column ("C1 vs C2 max").
    groups = [
        [c for c in cells if row_fits(grid, c.row, replace(asked, keys=(key,), names=()))]
        for key in asked.keys
    ] + [[c for c in cells if c.row.key == title] for title in asked.titles]
    groups += [[c for c in cells if c.column == column] for column in asked.grade_columns]
    picked: list[Cell] = []
    for group in [g for g in groups if g] or [cells]:
        for extreme in asked.extremes:
            chosen = _extreme(group, extreme)
            if chosen not in picked:
                picked.append(chosen)
    return picked


def _key_words(grid: Grid) -> set[str]:
    """The words of the name of a grid's key column, each in the singular ("Steps": step)."""
    return {w.rstrip("s") for w in grid.key_name.lower().split()}


def keyed_by_step(grid: Grid) -> bool:
    """Whether a grid's rows are its steps or pay points ("Steps | 2023-24 | 2024-25")."""
    return bool(_key_words(grid) & {"step", "point"})


def step_name(name: str) -> str:
    """A step's name to compare: "STEP 01" and "step 1" are one step."""
    return re.sub(r"\b0+(?=\d)", "", " ".join(name.lower().split()))


def _extreme(cells: Sequence[Cell], extreme: str) -> Cell:
    """The first cell holding the highest (or lowest) amount."""
    valued = [(money_value(c.amount) or 0.0, c) for c in cells]
    pick = max if extreme == "highest" else min
    best = pick(value for value, _ in valued)
    return next(c for value, c in valued if value == best)

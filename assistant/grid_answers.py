"""Answers read from one cell of a pay grid: the amount the question's grade, step and date
select, quoted with its row, its columns and the heading of its table, each cited."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.citations import CitationBook
from assistant.grids import (
    Cell,
    Grid,
    GridQuestion,
    amounts_in,
    cell_of,
    cells_holding,
    columns_written,
    grid_question,
    keyed_by_step,
    read_grids,
    row_fits,
    select_cells,
    step_name,
    titles_written,
)
from assistant.query import QueryAnalysis
from assistant.quotes import title_head
from assistant.retrieve import ChunkLibrary
from assistant.row_keys import has_row_key, question_keys
from index.money import PERIOD_NAMES, asked_period, periods_in
from index.store import ScoredChunk
from index.types import Chunk

# Documents read for one answer, best ranked first; cells an answer may give before the
# question is too broad for a grid ("GS-12 in 2024" is ten steps: the reader answers it).
_DOCUMENTS = 4
_MAX_CELLS = 4
# A question that gives an amount and asks where it stands.
_ASKS_WHICH = re.compile(
    r"\b(?:which|what)\b[^?]*\b(?:grade|step|band|level|class|row|column|pay point)\b", re.I
)


class GridAnswers:
    """The grids of each document, read on first use from its passages in order."""

    def __init__(self, library: ChunkLibrary) -> None:
        self._library = library
        self._grids: dict[str, list[Grid]] = {}

    def answer(
        self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk], book: CitationBook
    ) -> tuple[list[str], bool] | None:
        """The lines that give each selected cell, or None when the question selects no
        cell of the retrieved documents' grids: it names no grade with a step, date or
        extreme, nor asks which grade or step pays an amount it gives."""
        asked = grid_question(
            analysis.question, question_keys(analysis.question, analysis.pay_grades)
        )
        amounts = amounts_in(analysis.question) if _ASKS_WHICH.search(analysis.question) else []
        sources = list(dict.fromkeys(s.chunk.source for s in retrieved))[:_DOCUMENTS]
        grids = [(source, grid) for source in sources for grid in self._of(source)]
        titles = titles_written(analysis.question, [grid for _, grid in grids])
        if titles:  # "Executive Officer (PPC)" written out: its row, not every "(PPC)" row
            asked = replace(asked, titles=titles, names=())
        asked = replace(asked, columns=columns_written(analysis.question, [g for _, g in grids]))
        if titles and "salary" in analysis.intents and not analysis.classes:
            # "the salary range of Executive Officer": a row the catalog does not know, whole.
            asked = replace(asked, whole_row=not asked.selects_cells)
        if not (asked.selects_cells or amounts):
            # "step 1 for 2023-24" of a class whose document has one grid, keyed by step:
            # the question names the class by the document's title, not by a grade.
            steps = asked.step or asked.extremes
            grids = self._class_grids(analysis.question, sources[:1]) if steps else []
            if not grids or not (asked.dates or asked.columns or asked.extremes):
                return None
        if amounts:  # "which grade and step pays 101010?"
            found = [(source, c) for source, grid in grids for c in cells_holding(grid, amounts)]
        else:
            found = [
                (source, cell)
                for source, grid in grids
                for cell in select_cells(grid, asked, self._title_of(source))
            ]
        cells = [cell for _, cell in found]
        if not cells and not amounts:
            return self._empty_cell(grids, asked, book)
        titles_of = [self._title_of(source) for source in dict.fromkeys(s for s, _ in found)]
        if not cells or len(cells) > _MAX_CELLS or not _each_key_found(cells, asked, titles_of):
            return None
        if not (asked.dates or asked.step or amounts):
            # "The top of Band 3": the catalog's classes answer with their whole range,
            # unless the grids hold every standard they come from (the EO max of each table).
            # A class that only has the grade asked ("Grade 14") does not answer for its pay.
            gridded = {source for source, _ in found}
            if any(r.source not in gridded and r.salary_min for r in analysis.classes):
                return None
        # Cells of tables of the period asked leave out those of tables of another period.
        of_period = [f for f in found if not self._other_period(analysis.question, [f])]
        found = of_period or found
        lines = [self._cell_line(source, cell, book) for source, cell in found]
        if any(line is None for line in lines):
            return None
        given = [line for line in lines if line]
        other = self._other_period(analysis.question, found)
        if other:  # "the annual salary" from an hourly table: not given, say what is
            period = PERIOD_NAMES.get(asked_period(analysis.question) or "", "")
            lead = f"The sources give no {period} rate for this; the table gives {other} rates:"
            return [lead, *given], True
        return given, False

    def _empty_cell(
        self, grids: Sequence[tuple[str, Grid]], asked: GridQuestion, book: CitationBook
    ) -> tuple[list[str], bool] | None:
        """An abstention that shows the row, when the row and the column the question writes
        out ("Technical Specialist", "Level V"; "grade LL", "step 1") meet in an empty cell ("-",
        "0"); else None."""
        for source, grid in grids:
            for row in grid.rows:
                if row.key not in asked.titles and not (asked.keys and row_fits(grid, row, asked)):
                    continue
                empty = [
                    grid.columns[n]
                    for n, cell in enumerate(row.cells)
                    if not cell and _column_asked(grid.columns[n], asked)
                ]
                chunk = self._library.containing(source, row.quote)
                header = self._library.containing(source, grid.header)
                if empty and chunk is not None and header is not None:
                    quote = f'"{_flat(row.quote)}" {book.cite_chunk(chunk, row.quote)}'
                    columns = f'"{_flat(grid.header)}" {book.cite_chunk(header, grid.header)}'
                    named = " or ".join(f'"{column}"' for column in empty)
                    return [
                        f"The table gives no {named} amount for {row.key}: {quote} (columns: "
                        f"{columns})."
                    ], True
        return None

    def _other_period(self, question: str, found: Sequence[tuple[str, Cell]]) -> str:
        """The period the cells' tables give ("hourly"), when the question asks another."""
        asked = asked_period(question)
        if asked is None:
            return ""
        for source, cell in found:
            grid = cell.grid
            if asked in periods_in(cell.row.key):  # "9 Hourly": the row of the period asked
                continue
            given = periods_in(f"{self._title_of(source)}\n{grid.heading}\n{grid.header}")
            if given and asked not in given:
                return " or ".join(PERIOD_NAMES[p] for p in sorted(given))
        return ""

    def _of(self, source: str) -> list[Grid]:
        if source not in self._grids:
            chunks = self._library.of_source(source)
            self._grids[source] = read_grids("\n".join(_with_headings(chunks)))
        return self._grids[source]

    def _cell_line(self, source: str, cell: Cell, book: CitationBook) -> str | None:
        """'32.79 ("Step 10", 9 B): Document, under "heading" [1]: "row" [2] (columns: "..."
        [3])', or None when the row or its header cannot be cited from one passage."""
        # A row or header written a cell a line may straddle two passages: each part is cited
        # in its own.
        row_parts = self._cited_parts(source, cell.row.quote)
        header_parts = self._cited_parts(source, cell.grid.header)
        if not row_parts or not header_parts:
            return None
        row_chunk = row_parts[0][0]
        where = row_chunk.doc_title
        if row_chunk.jurisdiction and row_chunk.jurisdiction not in where:
            where += f" ({row_chunk.jurisdiction})"
        heading_chunk = (
            self._library.containing(source, cell.grid.heading) if cell.grid.heading else None
        )
        # A grid of one column needs only its row to say where the amount stands; a column's
        # name is shown when the header writes each of its words ("Step 1", "July 1, 2024 to
        # June 10, 2025" of a header over three lines), or it adds no figure to it ("Step A"
        # of "Step Step" above "A B"): a scale's points have no names.
        written = set(re.findall(r"\w+", cell.grid.header.lower()))
        shown = len(cell.grid.columns) > 1 and (
            set(re.findall(r"\w+", cell.column.lower())) <= written
            or not re.search(r"\d", cell.column)
        )
        named = f'"{cell.column}", ' if shown else ""
        parts = [f"{cell.amount} ({named}{_row_named(cell)}): {where},"]
        if heading_chunk is not None:
            heading = book.cite_chunk(heading_chunk, cell.grid.heading)
            parts.append(f'under "{_flat(cell.grid.heading)}" {heading}:')
        parts += [f'"{_flat(text)}" {book.cite_chunk(chunk, text)}' for chunk, text in row_parts]
        if cell.grid.header != cell.grid.heading:
            header = " ".join(
                f'"{_flat(text)}" {book.cite_chunk(chunk, text)}' for chunk, text in header_parts
            )
            parts.append(f"(columns: {header})")
        return " ".join(parts)

    def _cited_parts(self, source: str, text: str) -> list[tuple[Chunk, str]]:
        """The passage that holds the text, or the two that hold its first lines and the rest;
        empty when none do."""
        whole = self._library.containing(source, text)
        if whole is not None:
            return [(whole, text)]
        lines = text.split("\n")
        # A row's key read as the heading of the passage of its amounts ("Chief of Staff" over
        # "$223,610", "$230,318"): the passage is cited, its section names the row.
        below = "\n".join(lines[1:]).strip()
        for chunk in self._library.of_source(source):
            if below and _heading(chunk) == lines[0].strip() and below in chunk.text:
                return [(chunk, below)]
        for cut in range(1, len(lines)):
            head, tail = "\n".join(lines[:cut]).strip(), "\n".join(lines[cut:]).strip()
            first = self._library.containing(source, head) if head else None
            rest = self._library.containing(source, tail) if tail and first else None
            if first is not None and rest is not None:
                return [(first, head), (rest, tail)]
        return []

    def _class_grids(self, question: str, sources: Sequence[str]) -> list[tuple[str, Grid]]:
        """The one grid of each document whose title opens with a class's name the question
        writes out ("Electronics Technician - support staff class page"), when its rows are
        keyed by step."""
        written = set(re.findall(r"[a-z]+", question.lower()))
        found = []
        for source in sources:
            grids = self._of(source)
            head = title_head(self._title_of(source))
            words = set(re.findall(r"[a-z]+", head.lower()))
            if len(grids) == 1 and keyed_by_step(grids[0]) and words and words <= written:
                found.append((source, grids[0]))
        return found

    def _title_of(self, source: str) -> str:
        chunks = self._library.of_source(source)
        return chunks[0].doc_title if chunks else ""


def _heading(chunk: Chunk) -> str:
    """The heading of a passage's own section: the last of its section path."""
    return chunk.section.split(" > ")[-1].strip()


def _with_headings(chunks: Sequence[Chunk]) -> list[str]:
    """The texts of a document's passages in order, each section's heading written above its
    first passage where the passage does not start with it: a table written a cell a line
    whose row keys were read as headings ("Chief of Staff" over "$223,610") is whole again."""
    texts = []
    previous = None
    for chunk in chunks:
        heading = _heading(chunk)
        if chunk.section != previous and heading and not chunk.text.lstrip().startswith(heading):
            texts.append(heading)
        texts.append(chunk.text)
        previous = chunk.section
    return texts


def _each_key_found(cells: Sequence[Cell], asked: GridQuestion, titles: Sequence[str]) -> bool:
    """Whether every grade the question names has a cell: "Band 3 with Band 4" is not
    answered by a grid that has only Band 3. Keys of one value are one grade written several
    ways ("grade 6" and the acronym before it, "SUG 6"): one of them found is enough. A key
    the title of the cells' document holds names the document ("Budget Bill HB30"), no grade."""
    by_value: dict[str, list[tuple[str, str]]] = {}
    for key in asked.keys:
        if any(has_row_key(title, [key]) for title in titles):
            continue
        by_value.setdefault(key[1], []).append(key)
    return all(
        any(cell_of(cell, replace(asked, keys=(key,), names=())) for key in keys for cell in cells)
        for keys in by_value.values()
    )


def _column_asked(column: str, asked: GridQuestion) -> bool:
    """Whether the question writes the column out, or asks for its step."""
    return column in asked.columns or (
        asked.step is not None and step_name(column) == step_name(asked.step)
    )


def _flat(text: str) -> str:
    return " ".join(text.split())


def _row_named(cell: Cell) -> str:
    """The row's key as the answer names it: a bare number with its key column's name
    ("LEVEL 7" for the row "7" under "LEVEL"), as the header writes it; a key that says
    what it is ("APS4", "October 1, 2021") as it stands."""
    key, column = cell.row.key, cell.grid.key_name.strip(" |")
    if re.fullmatch(r"\d{1,3}[A-Za-z]?", key) and re.fullmatch(r"[A-Za-z][A-Za-z .]{0,20}", column):
        return f"{column} {key}"
    return key

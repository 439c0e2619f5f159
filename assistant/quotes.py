"""How a line the reader found is read whole and quoted: the row a grade key heads, the
lines a lead-in introduces, the paragraph a sentence runs on into, the title-like line above a
short line, and the table header beside a row, each cited."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from assistant.citations import CitationBook
from assistant.drafts import Draft
from assistant.line_marks import run_on, with_value_below
from assistant.passage_layout import (
    blocks,
    names_itself,
    owner_line,
    pipe_header,
    span,
    states_field,
)
from assistant.reader import Reading
from assistant.row_keys import starts_with_key
from index.cells import is_figure_row
from index.money import TYPED_MONEY
from index.types import Chunk

# A sentence answer is quoted on to the end of its paragraph, within this many characters.
_CONTINUED_CHARS = 450
# A line ending in ":" is quoted with the list under it within this many characters (a
# passage holds at most about 700).
_LIST_CHARS = 900
# A list's lead-in line ("To qualify for GS-09, you must have:") is looked for this far above.
_LEAD_IN_LINES = 15
# A line this short is quoted with the title-like line above it ("OCCU: 9428").
_SHORT_LINE = 80
# A row of a flattened table spans at most this many lines.
_ROW_LINES = 14


# A line that carries on the row above it: a label word, then an amount ("Maximum $3,273.00").
_ROW_GOES_ON = re.compile(r"^\s*[A-Za-z][A-Za-z .-]*\s+\S")


def whole_row(reading: Reading, keys: Sequence[tuple[str, str]]) -> Reading:
    """A row that a grade key heads, read with the lines below it that carry it on, a label
    and amounts with no key of their own ("M-G Minimum $2,885.00 ..." / "Maximum $4,656.00
    ..."): the grade's maximum is on the second line."""
    if not keys or "\n" in reading.quote or not starts_with_key(reading.quote, keys):
        return reading
    lines = reading.chunk.text.splitlines()
    at = next((i for i, line in enumerate(lines) if line.strip() == reading.quote.strip()), None)
    if at is None:
        return reading
    last = at
    while last + 1 < len(lines) and last - at < _ROW_LINES:
        below = lines[last + 1]
        if not (_ROW_GOES_ON.match(below) and TYPED_MONEY.search(below)):
            break
        if starts_with_key(below, [(label, r"\w+") for label, _ in keys], literal=False):
            break
        last += 1
    if last == at:
        return reading
    return replace(reading, quote=span(reading.chunk.text, lines[at].strip(), lines[last].strip()))


def keyed_rows(text: str, keys: Sequence[tuple[str, str]]) -> list[str]:
    """The rows of a flattened table that a grade key heads: from the line that starts with
    "GS-9" to the line before the next line that starts with a key of the same label, each
    cell on its own line."""
    lines = text.splitlines()
    rows = []
    for start, line in enumerate(lines):
        if not starts_with_key(line, keys):
            continue
        end = start + 1
        while end < len(lines) and end - start < _ROW_LINES:
            if starts_with_key(lines[end], [(label, r"\w+") for label, _ in keys], literal=False):
                break
            end += 1
        rows.append("\n".join(x.strip() for x in lines[start:end] if x.strip()))
    return rows


def key_row(passages: Sequence[Chunk], keys: Sequence[tuple[str, str]]) -> tuple[Chunk, str] | None:
    """The first row of a document that a grade key heads ("GS-9 master's or equivalent
    graduate degree ... 1 year equivalent to at least GS-7"), read across the passages it is
    cut into, with the passage it begins in; None when no row is keyed so."""
    ordered = sorted(passages, key=lambda c: c.position)
    rows = keyed_rows("\n".join(c.text for c in ordered), keys)
    first = rows[0].split("\n")[0] if rows else ""
    chunk = next((c for c in ordered if first and first in c.text), None)
    return (chunk, rows[0]) if chunk is not None else None


def grade_lead_in(above_text: str, keys: Sequence[tuple[str, str]]) -> str:
    """The nearest line of the text above a line that ends in ":" and names a grade of the
    label asked ("To qualify for GS-09, you must have:"): the list below it is that grade's."""
    above = [line.strip() for line in above_text.splitlines() if line.strip()]
    labels = "|".join(re.escape(label) for label, _ in keys)
    names_a_grade = re.compile(rf"(?<![\w-])(?:{labels})\s*[-–]?\s*\w", re.IGNORECASE)
    for line in reversed(above[-_LEAD_IN_LINES:]):
        # An item's own lead-in ("a) ... equivalent to the GS-07 level:") is part of the list.
        if line.endswith(":") and not _LIST_ITEM.match(line) and names_a_grade.search(line):
            return line
    return ""


_LIST_ITEM = re.compile(r"^(?:[-•*–]|\(?[a-z0-9]{1,2}[.)])\s")


def line_above(text: str, row: str) -> str:
    """The last non-empty line of the passage above where a row begins."""
    start = text.find(row.split("\n")[0])
    above = [line for line in text[: max(start, 0)].splitlines() if line.strip()]
    return above[-1].strip() if above else ""


# Rows of figures that make what a lead-in introduces a table.
_TABLE_ROWS = 2


def led(reading: Reading, field: str) -> Reading:
    """A line that ends in ":" read with the lines it introduces, when they state the field
    ("Minimum $205,000" / "Maximum $311,050" under "the salary range ... is:")."""
    if reading.states or not reading.quote.rstrip().endswith(":"):
        return reading
    whole = continued(reading)
    if whole.quote == reading.quote or not states_field(field, whole.quote):
        return reading
    introduced = whole.quote[len(reading.quote) :].splitlines()
    if sum(is_figure_row(line) for line in introduced) >= _TABLE_ROWS:
        return reading  # it introduces a table: each of its rows answers for its own class
    return replace(whole, states=True)


def with_revision(reading: Reading) -> Reading:
    """A line read with the sentence right after it when that sentence revises what it says
    ("... qualified for loans of N$220,000." / "This has been increased to N$400,000."): the
    figure it gives is the one in force."""
    return _run_on_to(reading, _REVISION)


# A figure with a note's mark after it, and the note on the next line that opens with the mark.
_MARKED_FIGURE = re.compile(r"\d\*")
_FOOTNOTE = re.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*\(?\*(?!\*)[^\n]{3,200}")
# The sentence that revises the one before it: "This has been increased to N$400,000."
_REVISION = re.compile(
    r"[ \t]*\n?[ \t]*(?:This|It|That|These|They)\s+(?:has|have|was|were|will\s+be|is|are)\s+"
    r"(?:been\s+|now\s+)?(?:increased|raised|reduced|decreased|cut|changed|adjusted|revised|"
    r"set)\b[^.\n]{0,80}?\d[^.\n]{0,40}\.(?=\s|$)"
)


def with_note(reading: Reading) -> Reading:
    """A line whose figure carries a note's mark read with the note, when the next line opens
    with the mark ("$10.45*/hour" / "(*Increases each January to match prevailing minimum
    wage)"): the note says what the figure means."""
    if not _MARKED_FIGURE.search(reading.quote):
        return reading
    return _run_on_to(reading, _FOOTNOTE)


def _run_on_to(reading: Reading, following: re.Pattern[str]) -> Reading:
    """The reading's quote run on through what `following` matches right after it in its
    passage; the reading as it is when nothing does."""
    text = reading.chunk.text
    start = text.find(reading.quote)
    found = following.match(text, start + len(reading.quote)) if start >= 0 else None
    if found is None:
        return reading
    return replace(reading, quote=text[start : found.end()].rstrip())


def continued(reading: Reading) -> Reading:
    """A sentence with what follows it in its paragraph, up to a few hundred characters: the
    answer to "what education qualifies..." runs on past the sentence that names it, and a line
    ending in ":" introduces the list below it."""
    text = reading.chunk.text
    start = text.find(reading.quote)
    if start < 0 and text.strip() and reading.quote in reading.chunk.section.split(" > "):
        # The passage's heading ("REQUIREMENT/MINIMUM QUALIFICATION") is shown as its section:
        # what answers is the first paragraph under it.
        first = text.strip().split("\n\n")[0]
        return continued(replace(reading, quote=first))
    if start < 0:
        return reading
    opening = _sentence_start(text, start)
    if opening < start:  # "possess a high school diploma" of "Candidates must be ...; possess"
        return continued(replace(reading, quote=text[opening:start] + reading.quote))
    end = start + len(reading.quote)
    # A line ending in ":" introduces what follows, a blank line between them or not.
    after = len(text[end:]) - len(text[end:].lstrip()) if reading.quote.endswith(":") else 0
    paragraph_end = text.find("\n\n", end + after)
    if reading.quote.endswith(":"):
        paragraph_end = _items_end(text, end + after, paragraph_end)
    # A lead-in's list is its answer: quoted on as far as its passage goes.
    reach = _LIST_CHARS if reading.quote.endswith(":") else _CONTINUED_CHARS
    limit = min(paragraph_end if paragraph_end >= 0 else len(text), start + reach)
    if limit <= end:
        return reading
    tail = text[end:limit]
    if limit < (paragraph_end if paragraph_end >= 0 else len(text)):
        cut = max(tail.rfind(". "), tail.rfind(".\n"), tail.rfind("\n"))
        tail = tail[: cut + 1] if cut >= 0 else ""
    return replace(reading, quote=(reading.quote + tail).rstrip())


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence begins that a quote opening in lower case after a semicolon goes on
    ("Candidates must be at least 18 years of age; possess a high school diploma ..."): a
    clause of it is no sentence of its own; `start` when the quote opens a sentence."""
    before = text[:start].rstrip(" \t")
    if not before.endswith(";") or not text[start : start + 1].islower():
        return start
    opening = max(before.rfind(". "), before.rfind("\n")) + 1
    while opening < start and text[opening] in " \t\n":
        opening += 1
    return opening if start - opening <= _OPENING_CHARS else start


# How far back a clause's sentence may begin.
_OPENING_CHARS = 300


# A list item on a line of its own: a few words, no sentence; numbered or bulleted, it may
# end with a full stop ("1. basic plumbing repairs.").
_ITEM = re.compile(r"(?:(?:\d{1,2}[.)]|[-•*])[ \t]+[^\n.]{1,80}\.?|[^\n.]{1,80})")


def _items_end(text: str, start: int, paragraph_end: int) -> int:
    """Where the list a lead-in introduces ends when its items are set apart by blank lines
    ("Human Resource Manager I", blank, "Human Resource Manager II", ...): past every item,
    a short line of its own; the paragraph's end when it holds no such item."""
    if paragraph_end < 0 or not _ITEM.fullmatch(text[start:paragraph_end].strip()):
        return paragraph_end
    while True:
        rest = text[paragraph_end:]
        item = re.match(r"\n\s*\n[ \t]*([^\n]*)(?=\n\s*\n|\s*$)", rest)
        if item is None:
            return paragraph_end
        line = item.group(1).strip()
        if not _ITEM.fullmatch(line) or line.endswith(":"):  # "Skill in:" leads another list
            return paragraph_end
        paragraph_end += item.end()


def _owner_of(text: str, sentence: str) -> str:
    """The title-like line above a line of the passage that names what it belongs to."""
    for block in blocks(text):
        for position, line in enumerate(block):
            if sentence in line or line in sentence:
                return owner_line(block, position, "code", "")
    return ""


def quoted_under_owner(reading: Reading, book: CitationBook) -> str:
    """A line quoted as `quoted` does, a short one under the title-like line above it, a bare
    label with its value below it."""
    text, line = reading.chunk.text, reading.quote
    short = len(line) <= _SHORT_LINE and "\n" not in line and not names_itself(line)
    owner = _owner_of(text, line) if short else ""
    whole = run_on(text, with_value_below(text, line))
    return quoted(replace(reading, quote=whole), book, owner)


def title_head(title: str) -> str:
    """The name a document's title opens with, before a dash, colon or parenthesis that says
    more of it: "Custodian" of "Custodian - job description (FLSA classification, work days,
    hours ...)"."""
    return re.split(r"\s[-–]\s|[(:]", title)[0]


def passage_place(chunk: Chunk, *, place: bool = True) -> str:
    """'Document (Place), Section': where a quoted line stands; without the place when
    `place` is False."""
    where = chunk.doc_title
    if place and chunk.jurisdiction and chunk.jurisdiction not in where:
        where += f" ({chunk.jurisdiction})"
    section = chunk.section.split(" > ")[-1]
    if section and section.lower() != chunk.doc_title.lower():
        where += f", {section}"
    return where


def with_each_documents_line(
    draft: Draft, lead: str, lines_of: Callable[[str], Iterator[tuple[Chunk, str]]]
) -> Draft:
    """The draft with the first line `lines_of` finds in each document it quotes (the line
    that labels its deadline, the sentence that states its hours), read no further than it;
    abstaining, led by `lead` over what it quotes, when none of them holds one."""
    firsts = (
        next(lines_of(source), None) for source in dict.fromkeys(c.source for c in draft.citations)
    )
    added = [found for found in firsts if found is not None]
    if added:
        return with_sentences_added(draft, added)
    return replace(draft, text=f"{lead}\n{draft.text}", abstained=True)


def with_sentences_added(draft: Draft, found: Sequence[tuple[Chunk, str]]) -> Draft:
    """The draft with each sentence found quoted on a line of its own under its document and
    cited after the draft's own citations; the draft as it is when none is found."""
    if not found:
        return draft
    book = CitationBook()
    book.citations = list(draft.citations)
    added = [
        # (a label over its value, "... CLOSE AT" / "MIDDAY ON ...", is read as one line)
        f'{passage_place(chunk, place=False)}: "{" ".join(sentence.split())}" '
        f"{book.cite_chunk(chunk, sentence)}"
        for chunk, sentence in found
    ]
    return replace(draft, text="\n".join([draft.text, *added]), citations=tuple(book.citations))


def quoted(reading: Reading, book: CitationBook, owner: str = "", *, place: bool = True) -> str:
    """'Document (Place), Section: "the line" [n]', with the table's header cited beside a
    row; without the place when `place` is False."""
    reading = with_note(reading)
    chunk = reading.chunk
    where = passage_place(chunk, place=place)
    owner = " ".join(owner.split())
    repeats = owner.lower() in where.lower() or chunk.doc_title.lower() in owner.lower()
    if owner and not repeats and owner not in reading.quote:
        where += f', under "{owner}" {book.cite_chunk(chunk, owner)}'
    line = " ".join(reading.quote.replace("\t", " | ").split())
    text = f'{where}: "{line}" {book.cite_chunk(chunk, reading.quote)}'
    columns = reading.header or chunk.table_header or pipe_header(chunk.text, reading.quote)
    if columns and columns not in reading.quote:
        header = " ".join(columns.replace("\t", " | ").split())
        text += f' (columns: "{header}" {book.cite_chunk(chunk, columns)})'
    return text

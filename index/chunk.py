"""Split a parsed standard into citable chunks along its own sections, tables kept whole by row."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from index.catalog import ParsedStandard
from index.cells import FIGURE, RULE_LINE, is_figure_row
from index.pay_tables import amount_cell
from index.structure import Block, Section, normalise_title
from index.types import Chunk

# Bump when parsing or chunking changes what chunks hold: stores built before are re-embedded.
CHUNK_FORMAT = "chunks-48"

# A table in these sections states requirements or duties per class (a GS qualifications
# table), not pay: its rows keep the section's kind.
_KINDS_OF_TABLE_CONTENT = frozenset(
    {"qualifications", "certification", "duties", "knowledge_skills"}
)


@dataclass(frozen=True)
class _Piece:
    """A paragraph (or part of one) or a table row, before neighbours are grouped."""

    section: Section
    text: str
    classes: tuple[str, ...]
    table_row: bool = False
    header: str | None = None  # a table row's header line


def chunk_standard(parsed: ParsedStandard, max_chars: int) -> list[Chunk]:
    """Chunks of one standard: one per table row (with its header), paragraphs grouped by section.

    Paragraphs are grouped while they describe the same classes and fit in max_chars; a longer
    paragraph is split at line or sentence boundaries. Every chunk's text occurs in the source.
    """
    document = parsed.document
    default_classes = _classes_described(parsed)
    titles = {normalise_title(r.title): r.title for r in parsed.classes}
    # A table row that the catalog read a class from describes that class ("GS-7 | ...").
    row_owners: dict[str, list[str]] = {}
    for record in parsed.classes:
        for evidence in record.evidence:
            owners = row_owners.setdefault(evidence.quote, [])
            if record.title not in owners:
                owners.append(record.title)
    pieces: list[_Piece] = []
    for section in parsed.sections:
        section_classes = (section.class_title,) if section.class_title else default_classes
        earlier: list[str] = []  # the section's paragraphs so far
        for block in section.blocks:
            if block.kind == "table":
                pieces.extend(_table_pieces(section, block, titles, row_owners, section_classes))
                continue
            classes = _paragraph_classes(block.text, titles) or section_classes
            parts = _split(block.text, max_chars) if len(block.text) > max_chars else [block.text]
            parts = _keys_with_their_rows(parts, block.text)
            # A table laid out with spaces that is cut into several chunks, or whose rows are
            # paragraphs of their own ("10 $335.29 62,700" under "Step DAILY RATE"): the later
            # ones carry its header, which names their columns.
            for part in parts:
                header = _header_above(earlier, part)
                pieces.append(_Piece(section, part.strip(), classes, header=header))
                earlier.append(part)

    chunks: list[Chunk] = []
    for piece in _group(pieces, max_chars):
        is_row = piece.table_row or _is_class_row(piece.text, titles)
        chunks.append(
            Chunk(
                chunk_id=f"{document.source}#{len(chunks)}",
                source=document.source,
                doc_title=document.title,
                section=piece.section.name,
                section_kind=(
                    piece.section.kind
                    if piece.section.kind in _KINDS_OF_TABLE_CONTENT or not is_row
                    else "pay_table"
                ),
                text=piece.text,
                position=len(chunks),
                content_hash=document.content_hash,
                jurisdiction=document.jurisdiction,
                classes=piece.classes,
                table_header=piece.header,
            )
        )
    return chunks


# A series standard describes a few levels; a document of more classes is a schedule or a list.
_SERIES_LEVELS = 6


@cache
def _splitter(max_chars: int) -> Any:
    """LangChain's splitter, imported when a paragraph is first too long: the import takes 0.4
    s, which a run that re-indexes one short document, or none, need not wait for."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    return RecursiveCharacterTextSplitter(
        chunk_size=max_chars,
        chunk_overlap=0,
        separators=["\n", ". ", "; ", ", ", " "],
        keep_separator="end",
    )


def _split(text: str, max_chars: int) -> list[str]:
    """A paragraph longer than max_chars in pieces of at most max_chars, cut at line, sentence,
    clause or word ends."""
    parts: list[str] = _splitter(max_chars).split_text(text)
    return parts


def _classes_described(parsed: ParsedStandard) -> tuple[str, ...]:
    """A standard titled after one class describes that class; a series standard, all of them.
    A schedule or list of many classes describes none of them as a whole: each of its passages
    is about the classes it names."""
    title = normalise_title(parsed.document.title)
    for record in parsed.classes:
        if normalise_title(record.title) == title:
            return (record.title,)
    if len(parsed.classes) > _SERIES_LEVELS:
        return ()
    return tuple(r.title for r in parsed.classes)


def _table_pieces(
    section: Section,
    block: Block,
    titles: dict[str, str],
    row_owners: dict[str, list[str]],
    default: tuple[str, ...],
) -> list[_Piece]:
    header = block.lines[0] if _looks_like_header(block.lines[0]) else None
    rows = block.lines[1:] if header else block.lines
    pieces = []
    for row in rows:
        title = _title_in(row.split("\t", 1)[0], titles)
        owners = (title,) if title else tuple(row_owners.get(row, ())) or default
        pieces.append(_Piece(section, row, owners, True, header))
    return pieces


def _looks_like_header(line: str) -> bool:
    return not re.search(r"\d", line) and line.count("\t") >= 1


_HEADER_LINES = 3
# A line that heads the rows below it ("ANUO6" over "1 75,608 ..."): a few words, no figures.
_KEY_LINE_WORDS = 4


def _keys_with_their_rows(parts: list[str], text: str) -> list[str]:
    """The parts of a long paragraph (`text`), a part that ends in the key line of the rows
    that open the next ("ANUO6" | "1 75,608 ...", "2 79,230 ...") giving that line to the next
    part: a grade's name stays with its figures. Only a cut at a line's end moves a line: each
    part stays a stretch of the text."""
    parts = [part.strip() for part in parts]
    for n in range(len(parts) - 1):
        *kept, last = parts[n].split("\n")
        following = parts[n + 1].split("\n", 1)[0]
        heads_rows = len(last.split()) <= _KEY_LINE_WORDS and not re.search(r"\d{3}", last)
        cut_at_line = f"{last}\n{following}" in text
        if kept and heads_rows and cut_at_line and is_figure_row(following):
            parts[n] = "\n".join(kept).rstrip()
            parts[n + 1] = f"{last}\n{parts[n + 1]}"
        elif cut_at_line and last.endswith(":"):
            # "Examples of qualifying experience include:" introduces the list below it: the
            # sentence goes with its list, the rest of its line stays.
            lead = _LEAD_IN.search(last)
            if lead and (kept or lead.start() > 0):
                parts[n] = parts[n][: len(parts[n]) - len(last) + lead.start()].rstrip()
                parts[n + 1] = f"{lead.group(0)}\n{parts[n + 1]}"
    return [part for part in parts if part]


# The last sentence of a line that ends in ":", a lead-in to the lines below it.
_LEAD_IN = re.compile(r"(?:(?<=[.;] )|^)[^.;]*:$")


def _header_above(earlier: list[str], part: str) -> str | None:
    """The header of the table a part of a long paragraph carries on, when it begins with a
    row of figures: the lines (at most two) with no row of figures right above the rows that
    run on into it in the earlier parts ("S.G.  HR  STEP ..." over "5  20575 21308 ...")."""
    lines = [line.strip() for line in part.splitlines() if line.strip()]
    if not lines or not _table_row(lines[0]):
        return None
    # Back through the earlier parts, nearest first, only as far as the rows run.
    above = (line.strip() for text in reversed(earlier) for line in reversed(text.splitlines()))
    rows = 0
    header: list[str] = []
    for line in filter(None, above):
        if RULE_LINE.match(line):
            continue  # "---|---|---" under a header names no column
        if not header and _table_row(line):
            rows += 1
            continue
        # The part carries on rows above it, or begins right under its pipe header.
        if not rows and not (header or _pipe_header(line)):
            return None
        if header and "|" in header[0] and "|" not in line:
            # A pipe table's header is its pipe lines and the title right above them ("HR-02
            # – Annual rates of pay"), not the prose above that ("Here's an overview:").
            if len(line) <= _TITLE_CHARS and not line.endswith((".", ":", ";")):
                header.insert(0, line)
            break
        header.insert(0, line)
        if len(header) == _HEADER_LINES:
            break
    return "\n".join(header) if header else None


_MIN_HEADER_CELLS = 2
# A row's label is short: "October 1, 2022 – 1.25% wage adjustment", not a sentence.
_ROW_LABEL_WORDS = 8
# A table's title line is short.
_TITLE_CHARS = 80
# A cell that keys a row: a grade, point or step ("24", "B10", "IV", "Grade 4", "A"), or a
# code with its level in numerals ("SA II").
_KEY_CELL = re.compile(
    r"(?:[A-Za-z]+ )?[A-Za-z]{0,3}-?\d{1,3}[A-Za-z]?|[A-Za-z]{1,3}|[A-Za-z]{1,4} [IVX]{1,4}"
)


def _table_row(line: str) -> bool:
    """A row of figures, or a pipe row of keys and their figures ("24 | 94,134 |", "Grade 4 |
    A | 50,355 | 1930.10 |", "October 1, 2021 | 56,748 | 59,229 |"): its first cell a short
    label, every other cell a figure or a short key, one a figure at least."""
    if is_figure_row(line):
        return True
    cells = [c.strip() for c in line.split("|") if c.strip()]
    if "|" not in line or not cells or len(cells[0].split()) > _ROW_LABEL_WORDS:
        return False
    figures = [c for c in cells[1:] if FIGURE.fullmatch(c) or amount_cell(c) is not None]
    keys = [c for c in cells[1:] if _KEY_CELL.fullmatch(c)]
    return bool(figures) and len(figures) + len(keys) == len(cells) - 1


def _pipe_header(line: str) -> bool:
    """A pipe table's header: two cells or more, no figure ("Effective dates | Step 1 |")."""
    cells = [c for c in line.split("|") if c.strip()]
    return len(cells) >= _MIN_HEADER_CELLS and not FIGURE.search(line)


def _is_class_row(text: str, titles: dict[str, str]) -> bool:
    return "\t" in text and _title_in(text.split("\t", 1)[0], titles) is not None


def _title_in(text: str, titles: dict[str, str]) -> str | None:
    """The known class title that text starts with (longest first: "... II" before "... I")."""
    normalised = normalise_title(text)
    for key in sorted(titles, key=len, reverse=True):
        if normalised == key or normalised.startswith(key + " "):
            return titles[key]
    return None


def _paragraph_classes(text: str, titles: dict[str, str]) -> tuple[str, ...]:
    """ "Certified Peer Specialist 2: supervisory level; ..." describes that class only."""
    head = text.split(":", 1)[0] if ":" in text[:90] else ""
    title = _title_in(head, titles) if head else None
    return (title,) if title else ()


def _group(pieces: list[_Piece], max_chars: int) -> list[_Piece]:
    """Join neighbouring paragraphs of one section about the same classes, up to max_chars."""
    grouped: list[_Piece] = []
    for piece in pieces:
        last = grouped[-1] if grouped else None
        if (
            last is not None
            and not piece.table_row
            and not last.table_row
            and last.section is piece.section
            and last.classes == piece.classes
            and len(last.text) + len(piece.text) + 2 <= max_chars
        ):
            grouped[-1] = replace(last, text=f"{last.text}\n\n{piece.text}")
            continue
        if last is not None and last.section is piece.section and not piece.table_row:
            # "Crew leader (supervisory)" closing a full chunk heads the paragraphs after it:
            # it starts the next chunk, with them.
            kept, heading = _heading_at_end(last.text)
            if heading and len(heading) + len(piece.text) + 2 <= max_chars:
                grouped[-1] = replace(last, text=kept)
                piece = replace(piece, text=f"{heading}\n\n{piece.text}")
        grouped.append(piece)
    return grouped


# A heading's look: a short line, a capital first, no sentence or clause ending it.
_HEADING_WORDS = 8
_NOT_A_HEADING_END = re.compile(r"[.;,!?]$")


def _heading_at_end(text: str) -> tuple[str, str]:
    """(the text before, the heading) when a chunk's last paragraph heads what follows it: a
    heading or a bulleted label alone ("• Appointment type"), after a paragraph that ends a
    sentence or gives a labelled value (not the last of a list of short lines: "Human
    Resource Manager II" / "Human Resource Manager III"); or a line leading into a list ("As an
    RCMP telecommunications operator, you'll enjoy:"), with the heading above it if one stands
    there; else (text, "")."""
    kept, _, last = text.rpartition("\n\n")
    if not kept.strip():
        return text, ""
    if _leads_in(last):
        before, _, above = kept.rpartition("\n\n")
        if before.strip() and _heads(above) and not _BULLET_MARK.match(above):
            return before, f"{above}\n\n{last}"
        return kept, last
    if not _heads(last):
        return text, ""
    if not re.search(r"[.!?]\s*$", kept) and not _LABELLED_VALUE.search(kept):
        return text, ""
    return kept, last


def _heads(paragraph: str) -> bool:
    """Whether a paragraph is a heading or a bulleted label alone: one short line, a capital
    first, no sentence, no label with its value ("REPORTS TO: Route Supervisor")."""
    head = _BULLET_MARK.sub("", paragraph)
    return (
        "\n" not in paragraph
        and head[:1].isupper()
        and len(head.split()) <= _HEADING_WORDS
        and not _NOT_A_HEADING_END.search(head)
        and not re.search(r":\s+\S", head)
    )


def _leads_in(paragraph: str) -> bool:
    """Whether a paragraph is one line that leads into what follows it ("... you'll enjoy:")."""
    line = paragraph.strip()
    return "\n" not in line and line.endswith(":") and len(line.split()) <= _LEAD_IN_WORDS


# A lead-in into a list is one sentence of at most this many words.
_LEAD_IN_WORDS = 25
_BULLET_MARK = re.compile(r"^[•*·▪-]\s+")
# A last line that gives a labelled value: "Salary: $12.57 to $25.66 per year".
_LABELLED_VALUE = re.compile(r"(?:^|\n)[^\n:]{1,40}:[ \t]+\S[^\n]*$")

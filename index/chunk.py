"""Split a parsed standard into citable chunks along its own sections, tables kept whole by row."""

from __future__ import annotations

import re

from langchain_text_splitters import RecursiveCharacterTextSplitter

from index.catalog import ParsedStandard
from index.structure import Block, Section, normalise_title
from index.types import Chunk


def chunk_standard(parsed: ParsedStandard, max_chars: int) -> list[Chunk]:
    """Chunks of one standard: one per table row (with its header), paragraphs grouped by section.

    Paragraphs are grouped while they describe the same classes and fit in max_chars; a longer
    paragraph is split at line or sentence boundaries. Every chunk's text occurs in the source.
    """
    document = parsed.document
    default_classes = _classes_described(parsed)
    titles = {normalise_title(r.title): r.title for r in parsed.classes}
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=max_chars, chunk_overlap=0, separators=["\n", ". ", "; ", ", ", " "],
        keep_separator="end",
    )
    pieces: list[tuple[Section, str, tuple[str, ...], str | None]] = []
    for section in parsed.sections:
        section_classes = (section.class_title,) if section.class_title else default_classes
        for block in section.blocks:
            if block.kind == "table":
                pieces.extend(_table_pieces(section, block, titles, section_classes))
                continue
            classes = _paragraph_classes(block.text, titles) or section_classes
            for part in splitter.split_text(block.text) if len(block.text) > max_chars else [
                    block.text]:
                pieces.append((section, part.strip(), classes, None))

    chunks: list[Chunk] = []
    for section, text, classes, header in _group(pieces, max_chars):
        chunks.append(Chunk(
            chunk_id=f"{document.source}#{len(chunks)}",
            source=document.source,
            doc_title=document.title,
            section=section.name,
            section_kind="pay_table" if header is not None or _is_class_row(text, titles)
            else section.kind,
            text=text,
            position=len(chunks),
            content_hash=document.content_hash,
            jurisdiction=document.jurisdiction,
            classes=classes,
            table_header=header or None,
        ))
    return chunks


def _classes_described(parsed: ParsedStandard) -> tuple[str, ...]:
    """A standard titled after one class describes that class; a series standard, all of them."""
    title = normalise_title(parsed.document.title)
    for record in parsed.classes:
        if normalise_title(record.title) == title:
            return (record.title,)
    return tuple(r.title for r in parsed.classes)


def _table_pieces(section: Section, block: Block, titles: dict[str, str],
                  default: tuple[str, ...]) -> list[tuple[Section, str, tuple[str, ...], str | None]]:
    header = block.lines[0] if _looks_like_header(block.lines[0]) else ""
    rows = block.lines[1:] if header else block.lines
    pieces = []
    for row in rows:
        first_cell = row.split("\t", 1)[0]
        title = _title_in(first_cell, titles)
        pieces.append((section, row, (title,) if title else default, header))
    return pieces


def _looks_like_header(line: str) -> bool:
    return not re.search(r"\d", line) and line.count("\t") >= 1


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


def _group(pieces: list[tuple[Section, str, tuple[str, ...], str | None]],
           max_chars: int) -> list[tuple[Section, str, tuple[str, ...], str | None]]:
    """Join neighbouring paragraphs of one section about the same classes, up to max_chars."""
    grouped: list[tuple[Section, str, tuple[str, ...], str | None]] = []
    for section, text, classes, header in pieces:
        if grouped and header is None:
            last_section, last_text, last_classes, last_header = grouped[-1]
            if (last_section is section and last_classes == classes and last_header is None
                    and len(last_text) + len(text) + 2 <= max_chars):
                grouped[-1] = (section, f"{last_text}\n\n{text}", classes, None)
                continue
        grouped.append((section, text, classes, header))
    return grouped



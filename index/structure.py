"""Find the structure of a standard's text: headings, paragraphs, tables, and the sections they form."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

# Keywords that name a section's kind, tried in this order (the first match wins).
_SECTION_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("certification", ("certification", "licensure", "license", "registration",
                       "special requirement")),
    ("knowledge_skills", ("knowledge", "skills", "abilities", "competenc")),
    ("distinguishing", ("distinguishing", "level distinction", "differences between")),
    ("related", ("related class",)),
    ("duties", ("duties", "examples of work", "work performed", "responsibilit",
                "essential function", "tasks", "work activities")),
    ("qualifications", ("qualification", "experience and education", "education and experience",
                        "minimum requirement", "requirements", "eligibility", "experience",
                        "education")),
    ("description", ("description", "definition", "nature of work", "class concept",
                     "summary", "purpose", "characteristics", "scope")),
    ("pay_table", ("salary", "pay range", "pay grade", "compensation", "grade")),
    ("note", ("note", "date", "history", "revision")),
)

_ROMAN = r"(?:I|II|III|IV|V|VI|VII|VIII|IX|X)"
# A level at the end of a title: "II", "2", "Level 3", "Trainee".
LEVEL_SUFFIX = re.compile(
    rf"(?:,?\s+(?:Level\s+)?(?P<roman>{_ROMAN})|\s+(?:Level\s+)?(?P<arabic>\d{{1,2}}))$"
)
_LONG_NUMBER = re.compile(r"\d{3,}")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LABELLED_PARAGRAPH = re.compile(r"^(Notes?|Date|Revised|Effective Date|Revision History)\s*:",
                                 re.IGNORECASE)
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to",
                "with", "&", "-"}


@dataclass
class Block:
    """A heading, a paragraph (one or more lines), or a table (tab-separated rows)."""

    kind: Literal["heading", "paragraph", "table"]
    lines: list[str]
    style: int = 0  # headings only: markdown depth 1-6, 7 for ALL CAPS, 8 for Title Case

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class Section:
    """Consecutive blocks under one heading path."""

    path: tuple[str, ...]
    kind: str
    blocks: list[Block] = field(default_factory=list)
    class_title: str | None = None  # set when a class sub-heading opens this section

    @property
    def name(self) -> str:
        return " > ".join(self.path)


def section_kind(heading: str) -> str | None:
    """The kind a heading names ("Minimum Qualifications" -> "qualifications"), if any."""
    lowered = heading.lower()
    for kind, keywords in _SECTION_KEYWORDS:
        if any(keyword in lowered for keyword in keywords):
            return kind
    return None


def parse_blocks(text: str) -> list[Block]:
    """Split text into blocks: blank lines separate paragraphs; tab-separated lines form tables."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line.rstrip() for line in chunk.split("\n") if line.strip()]
        run: list[str] = []
        run_is_table = False
        for line in lines:
            is_row = "\t" in line.strip()
            if run and is_row != run_is_table:
                blocks.extend(_finish_run(run, run_is_table))
                run = []
            run.append(line)
            run_is_table = is_row
        if run:
            blocks.extend(_finish_run(run, run_is_table))
    return blocks


def _finish_run(lines: list[str], is_table: bool) -> list[Block]:
    if is_table:
        return [Block("table", [line.strip() for line in lines])]
    if len(lines) == 1:
        style = heading_style(lines[0])
        if style:
            text = _MARKDOWN_HEADING.sub(r"\2", lines[0].strip())
            return [Block("heading", [text], style)]
    # Markdown headings inside a longer run still start their own block.
    blocks: list[Block] = []
    paragraph: list[str] = []
    for line in lines:
        match = _MARKDOWN_HEADING.match(line.strip())
        if match:
            if paragraph:
                blocks.append(Block("paragraph", paragraph))
                paragraph = []
            blocks.append(Block("heading", [match.group(2)], len(match.group(1))))
        else:
            paragraph.append(line.strip())
    if paragraph:
        blocks.append(Block("paragraph", paragraph))
    return blocks


def heading_style(line: str) -> int:
    """0 when the line is not a heading; otherwise its style (smaller is higher)."""
    line = line.strip()
    match = _MARKDOWN_HEADING.match(line)
    if match:
        return len(match.group(1))
    words = line.split()
    if not words or len(words) > 12 or len(line) > 90 or line[-1] in ".;,:" or ":" in line:
        return 0
    if _LONG_NUMBER.search(line) or line.startswith(("-", "*", "•")):
        return 0
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 3:
        return 0
    if all(c.isupper() for c in letters):
        return 7
    capitalised = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(words) <= 8 and all(w[0].isupper() or w[0].isdigit() for w in capitalised):
        return 8
    return 0


def build_sections(blocks: list[Block], title: str, class_titles: list[str]) -> list[Section]:
    """Group blocks into sections.

    Headings before the first one that names a known kind form the title block. A heading
    that names a class of the document opens a class sub-section of the current section.
    A heading that directly follows another heading becomes its child, and so do the later
    headings of the same style (e.g. the parts of "GENERAL QUALIFICATION GUIDELINES").
    """
    known_classes = {normalise_title(t): t for t in class_titles}
    title_block = Section((title,), "heading")
    sections = [title_block]
    parent: tuple[str, int, str] | None = None  # (heading, style, kind) that groups children
    top: Section = title_block
    seen_known_heading = False
    previous_was_heading = False
    for block in blocks:
        label = _LABELLED_PARAGRAPH.match(block.lines[0]) if block.kind == "paragraph" else None
        if label and seen_known_heading:
            # "Note: ..." and "Date: ..." close the section above them.
            top = Section((label.group(1).title(),), "note", [block])
            sections.append(top)
            parent = None
            previous_was_heading = False
            continue
        if block.kind != "heading":
            sections[-1].blocks.append(block)
            previous_was_heading = False
            continue
        heading = block.lines[0]
        class_title = known_classes.get(normalise_title(heading))
        if class_title and seen_known_heading:
            sections.append(Section((*top.path, heading), top.kind, [], class_title))
            previous_was_heading = False
            continue
        kind = section_kind(heading)
        if kind is None and not seen_known_heading:
            sections[-1].blocks.append(Block("paragraph", [heading]))
            continue
        seen_known_heading = True
        if previous_was_heading and top.path and not top.blocks and len(top.path) == 1:
            parent = (top.path[0], block.style, top.kind)
        elif parent and block.style < parent[1]:
            parent = None
        path = (parent[0], heading) if parent else (heading,)
        top = Section(path, kind or (parent[2] if parent else "other"))
        sections.append(top)
        previous_was_heading = True
    return [s for s in sections if s.blocks]


def normalise_title(title: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", title.lower()).split())

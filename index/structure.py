"""Find the structure of a standard's text: headings, paragraphs, tables, and their sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from index.cells import is_figure_row
from index.levels import ROMAN_VALUES
from index.vocab import section_headings, value_labels

# "ELECTRICIAN 6121": a class title in capitals with its number, as a specification's first
# line; not a year ("SALARY SCHEDULE 2024").
HEADLINE_CODE = re.compile(
    r"^(?P<title>[A-Z][A-Z &,/'-]{2,60}?)\s+(?P<code>(?!(?:19|20)\d\d$)\d{4,6})$"
)
_LONG_NUMBER = re.compile(r"\d{3,}")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LABELLED_PARAGRAPH = re.compile(
    r"^(Notes?|Date|Revised|Effective Date|Revision History)\s*:", re.IGNORECASE
)
_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "&",
    "-",
}
# Kinds that may sit under a heading of another kind ("Minimum Qualifications > Licenses").
_CHILD_KINDS = {"qualifications": {"knowledge_skills", "certification"}}


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
    """The kind a heading names ("Minimum Qualifications" -> "qualifications"), if any. A
    name explained in parentheses is of its own kind, else of the kind its explanation names
    first: "Job Standards (Minimum qualifications needed to perform essential job functions)"
    heads qualifications."""
    explained = _EXPLAINED.search(heading)
    if explained and explained.start() > 0:
        own = _kinds_named(heading[: explained.start()])
        return own[0][1] if own else min(_kinds_named(explained.group()), default=(0, None))[1]
    named = _kinds_named(heading)
    return named[0][1] if named else None


def _kinds_named(heading: str) -> list[tuple[int, str]]:
    """(where its word starts, kind) of each kind whose word the heading holds, in the order
    the kinds are tried."""
    lowered = heading.lower()
    found = []
    for kind, keywords in section_headings():
        # At a word's start: "Accountabilities" holds "abilities" but is no list of abilities.
        starts = [
            m.start()
            for keyword in keywords
            for m in [re.search(rf"(?<![a-z]){re.escape(keyword)}", lowered)]
            if m
        ]
        if starts:
            found.append((min(starts), kind))
    return found


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
        if run and _is_value_of(blocks, run):
            # "Reports to" / "Operations Supervisor": a label and its value, no headings.
            blocks[-1] = Block("paragraph", blocks[-1].lines)
            blocks.append(Block("paragraph", [run[0].strip()]))
        elif run:
            blocks.extend(_finish_run(run, run_is_table, _after_label(blocks)))
    return _header_cells_kept(_list_labels_as_headings(blocks))


def _header_cells_kept(blocks: list[Block]) -> list[Block]:
    """A table's header written a cell a paragraph ("Step DAILY RATE" / "ANNUAL" / "SALARY"
    over "0 $292.51 54,700"): a cell that looks like a heading heads no section of its own,
    which would cut the header off its rows. A cell is a short line alone in its paragraph;
    a header is two cells at least, with only cells between them and the first row of
    figures (a heading alone over the rows stays one)."""
    for index, block in enumerate(blocks):
        if block.kind != "heading" or block.style <= _DEEPEST_MARKUP:
            continue
        under_cell = index > 0 and _header_cell(blocks[index - 1])
        over_cell = index + 1 < len(blocks) and _header_cell(blocks[index + 1])
        if (under_cell or over_cell) and _cells_then_rows(blocks[index:]):
            blocks[index] = Block("paragraph", block.lines)
    return blocks


def _header_cell(block: Block) -> bool:
    """A block of one short line with no figure and no stop: "Step DAILY RATE", "ANNUAL"."""
    if len(block.lines) != 1 or block.kind == "table":
        return False
    line = block.lines[0].strip()
    return (
        len(line.split()) <= _HEADER_CELL_WORDS
        and not re.search(r"\d", line)
        and not line.endswith((".", ":", ";"))
    )


def _cells_then_rows(blocks: list[Block]) -> bool:
    """Whether blocks open with header cells, at most a few, and then a row of figures."""
    for block in blocks[: _HEADER_CELLS + 1]:
        if block.kind == "paragraph" and is_figure_row(block.lines[0]):
            return True
        if not _header_cell(block):
            return False
    return False


_HEADER_CELL_WORDS = 4
_HEADER_CELLS = 3


def _is_value_of(blocks: list[Block], run: list[str]) -> bool:
    """Whether a line alone in its paragraph is the value of the label alone in the block
    before it ("Reports to" over "Operations Supervisor or Parks Supervisor"): a form's label
    on a line of its own, and a line that is neither such a label nor a section's heading."""
    last = blocks[-1] if blocks else None
    single = last is not None and last.kind in ("heading", "paragraph") and len(last.lines) == 1
    if last is None or not single or len(run) != 1 or "\t" in run[0].strip():
        return False
    line = run[0].strip()
    labels = value_labels()
    return (
        _value_label(last.lines[0])
        and line.rstrip(":").lower() not in labels
        and not last.lines[0].endswith(":")  # "Scale:" over its value: _after_label's
        and section_kind(line) is None
    )


def _value_label(line: str) -> bool:
    """Whether a line is a form's label that writes its value on the next line, as it stands
    or narrowed after a dash or a slash ("Location - Town / City", "Department / Division")."""
    labels = value_labels()
    head = _LABEL_NARROWED.split(line.strip(), maxsplit=1)[0]
    return line.strip().lower() in labels or head.lower() in labels


# " - ", " – ", " / ": where a label narrows what it names ("Location - Country").
_LABEL_NARROWED = re.compile(r"\s+[-–/]\s+")


def _list_labels_as_headings(blocks: list[Block]) -> list[Block]:
    """A label alone in its paragraph over a bulleted list ("BENEFITS:" / "• $31,200 a year")
    or over prose ("About the apprenticeship:" / "The apprenticeship provides ...") heads it,
    whatever it names: what follows is not the section above it."""
    for index, block in enumerate(blocks[:-1]):
        following = blocks[index + 1]
        if (
            block.kind == "paragraph"
            and len(block.lines) == 1
            and _list_label(block.lines[0])
            and following.kind == "paragraph"
            and (following.lines[0].lstrip().startswith(_BULLETS) or _prose(following.text))
        ):
            blocks[index] = Block("heading", [_heading_text(block.lines[0])], _LABEL_HEADING_STYLE)
    return blocks


def _prose(text: str) -> bool:
    """Whether a paragraph is prose, not a field's value: sentences, a line's length at least
    ("The apprenticeship provides ... Sous Chef."; not "C" or "$17.50 per hour")."""
    return len(text) >= _PROSE_CHARS and re.search(r"[a-z][.!?](?:\s|$)", text) is not None


_PROSE_CHARS = 80


def _list_label(line: str) -> bool:
    """ "BENEFITS:", "What We Offer:": a few words and a colon, nothing after it."""
    text = line.strip()
    words = text[:-1].split()
    return (
        text.endswith(":")
        and text.count(":") == 1
        and 0 < len(words) <= _LABEL_HEADING_WORDS
        and not text.startswith(_BULLETS)
    )


_BULLETS = ("•", "-", "*", "·", "▪", "◦", "–")


def _after_label(blocks: list[Block]) -> bool:
    """Whether the last block is a label alone ("Scale:"): the next line is its value
    ("Classified"), not a heading."""
    last = blocks[-1] if blocks else None
    return bool(
        last and last.kind != "heading" and len(last.lines) == 1 and last.lines[0].endswith(":")
    )


def _finish_run(lines: list[str], is_table: bool, after_label: bool = False) -> list[Block]:
    if is_table:
        return [Block("table", [line.strip() for line in lines])]
    if len(lines) == 1 and not after_label:
        style = heading_style(lines[0]) or (_LABEL_HEADING_STYLE if label_heading(lines[0]) else 0)
        if style:
            return [Block("heading", [_heading_text(lines[0])], style)]
    # A heading inside a longer run (Markdown, or a PDF that puts no gap under its
    # headings) still starts its own block.
    blocks: list[Block] = []
    paragraph: list[str] = []
    for index, line in enumerate(lines):
        style = _inline_heading_style(lines, index)
        if style:
            if paragraph:
                blocks.append(Block("paragraph", paragraph))
                paragraph = []
            blocks.append(Block("heading", [_heading_text(line)], style))
        else:
            paragraph.append(line.strip())
    if paragraph:
        blocks.append(Block("paragraph", paragraph))
    return blocks


def _inline_heading_style(lines: list[str], index: int) -> int:
    """Markdown headings; and ALL-CAPS lines that name a section kind ("MINIMUM QUALIFICATIONS")
    where one starts: text follows, and no unfinished sentence comes before it."""
    line = lines[index]
    style = heading_style(line)
    if 0 < style <= 6:
        return style
    # A heading after a field line holds no figure: "SALARY RANGE 28" is a field of its own.
    starts_block = index == 0 or _ends_a_line_of_its_own(lines[index - 1], line)
    if style == 7 and index + 1 < len(lines) and starts_block and section_kind(line) is not None:
        return style
    if index + 1 < len(lines) and label_heading(line):
        return _LABEL_HEADING_STYLE
    if index + 1 < len(lines) and _list_heading(line, lines[index + 1]):
        return _LABEL_HEADING_STYLE
    return 0


def _list_heading(line: str, following: str) -> bool:
    """Whether a line is a section's name over a bulleted list with no gap and no colon
    ("Salary & Benefits" / "- Salary Scale: Rs. 46,220 – 84,350"): a page's heading copied
    with the list under it."""
    text = line.strip()
    item = following.lstrip()
    return (
        0 < len(text.split()) <= _LABEL_HEADING_WORDS
        and text[0].isupper()
        and not re.search(r"[\d.:;,]", text)
        and item.startswith(_BULLETS)
        and item[1:2].isspace()
        # An item that says something ("- Salary Scale: Rs. 46,220"), not a form's field
        # a line ("- Main area" / "- Medicine" under "Job summary").
        and (":" in item or len(item.split()) > _FIELD_ITEM_WORDS)
        and section_kind(text) is not None
    )


_FIELD_ITEM_WORDS = 4


def _ends_a_line_of_its_own(line: str, following: str) -> bool:
    """Whether no sentence runs on from a line into the following one: it ends with a stop,
    or it is a short field line ("ADVERTISED Internal and Website", "Reports To: Business and
    Office Manager") not in capitals that ends with no joining word or comma, and the following
    line holds no figure (a field line too: "SALARY RANGE 28")."""
    text = line.rstrip()
    if text.endswith((".", ";", ":", "?", "!")):
        return True
    words = text.split()
    letters = [c for c in text if c.isalpha()]
    return (
        0 < len(text) <= _FIELD_LINE_CHARS
        # Lines in capitals one above the other are a title wrapped, or a table's header.
        and not all(c.isupper() for c in letters)
        and not re.search(r"\d", following)
        and words[-1].lower() not in _SMALL_WORDS
        and not text.endswith((",", "-", "–", "/", "("))
    )


_FIELD_LINE_CHARS = 60


# "Qualifications:" alone on its line, a list below it: a heading written as a label. Pay and
# notes are left out: "Grade:" above "C" is a label with its value on the next line.
_LABEL_HEADING_STYLE = 8
_LABEL_HEADING_WORDS = 6
_PROSE_KINDS = ("qualifications", "duties", "knowledge_skills", "certification", "description",
                "distinguishing", "supervision")  # fmt: skip


def label_heading(line: str) -> bool:
    """Whether a line is a section's name followed by a colon and nothing else."""
    text = line.strip()
    if not text.endswith(":") or text.count(":") != 1:
        return False
    name = text[:-1].strip()
    # "Essential Job Functions (Functions essential to attaining job objectives):": what the
    # parentheses explain counts for the kind, not for the name's length.
    bare = _EXPLAINED.sub("", name)
    return 0 < len(bare.split()) <= _LABEL_HEADING_WORDS and section_kind(name) in _PROSE_KINDS


_EXPLAINED = re.compile(r"\s*\([^()]*\)$")


def _heading_text(line: str) -> str:
    return _MARKDOWN_HEADING.sub(r"\2", line.strip()).rstrip(":").strip()


def heading_style(line: str) -> int:
    """0 when the line is not a heading; otherwise its style (smaller is higher)."""
    line = line.strip()
    match = _MARKDOWN_HEADING.match(line)
    # "# OF POSITIONS:     1          GRADE:  10": a form's fields spaced out, not a heading.
    if match and not re.search(r"\S(?: {3,}|\t)\S", match.group(2)):
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
    # "What you will do", "Key responsibilities": a web page's heading of duties in sentence
    # case (other kinds in sentence case are too often a line of a class's own text).
    if len(words) <= _SENTENCE_HEADING_WORDS and words[0][0].isupper():
        return _SENTENCE_HEADING_STYLE if section_kind(line) == "duties" else 0
    return 0


_SENTENCE_HEADING_WORDS = 5
_SENTENCE_HEADING_STYLE = 9


@dataclass(frozen=True)
class _Parent:
    """A heading whose following headings are its children, until one closes it."""

    heading: str
    child_style: int
    kind: str
    by_depth: bool  # Markdown depth says so; otherwise inferred from heading order


_DEEPEST_MARKUP = 6  # heading styles 1-6 are a markup's depths


def build_sections(blocks: list[Block], title: str, class_titles: list[str]) -> list[Section]:
    """Group blocks into sections.

    Headings before the first one that names a known kind, and a heading that repeats the
    document's title, form the title block. A heading that names a class of the document opens
    a class sub-section of the current section. Where headings carry a depth (Markdown, HTML,
    Word), a deeper heading is the child of the one above it. Otherwise a heading that directly
    follows another becomes its child, and so do the later headings of the same style and a
    related kind (e.g. the parts of "GENERAL QUALIFICATION GUIDELINES").
    """
    known_classes = {normalise_title(t): t for t in class_titles}
    sections = [Section((title,), "heading")]
    top: Section = sections[0]
    top_style = 0
    parent: _Parent | None = None
    seen_known_heading = False
    previous_was_heading = False
    described: str | None = None  # the class whose heading came last, if one has
    for block in blocks:
        label = _LABELLED_PARAGRAPH.match(block.lines[0]) if block.kind == "paragraph" else None
        if label and seen_known_heading:
            # "Note: ..." and "Date: ..." close the section above them.
            top = Section((label.group(1).title(),), "note", [block])
            sections.append(top)
            parent = None
            previous_was_heading = False
            continue
        # A line alone that names a class heads its section though it looks like text
        # ("Facilities Services Buildings and Grounds Assistant 2" under "Level Descriptions").
        names_class = len(block.lines) == 1 and normalise_title(block.lines[0]) in known_classes
        # Before any heading of a known kind, a class's line heads its part only where the
        # document holds several classes ("Student Library Assistant III" over its wage scale
        # and description); one class's title line opens the document it is about.
        classes_head = seen_known_heading or (
            len(known_classes) > 1 and not _same_title(block.lines[0], title)
        )
        if block.kind != "heading" and not (names_class and classes_head):
            sections[-1].blocks.append(block)
            previous_was_heading = False
            continue
        heading = block.lines[0]
        class_title = known_classes.get(normalise_title(heading))
        if class_title and classes_head:
            # Under the title block, a class's own part describes it.
            own_kind = "description" if top.kind == "heading" else top.kind
            sections.append(Section((*top.path, heading), own_kind, [], class_title))
            # In plain text, where headings carry no depth, a class's title heads the headings
            # after it (its duties, its requirements); a Markdown, HTML or Word heading's depth
            # says where its part ends.
            described = class_title if not 0 < block.style <= _DEEPEST_MARKUP else None
            previous_was_heading = False
            continue
        kind = section_kind(heading)
        if not seen_known_heading and (kind is None or _same_title(heading, title)):
            sections[-1].blocks.append(Block("paragraph", [heading]))
            continue
        seen_known_heading = True
        parent = _next_parent(parent, top, top_style, block.style, kind, previous_was_heading)
        path = (parent.heading, heading) if parent else (heading,)
        # The sections after such a class's line describe it, until another class's.
        top = Section(path, kind or (parent.kind if parent else "other"), [], described)
        if not parent:
            top_style = block.style
        sections.append(top)
        previous_was_heading = True
    return [_table_only_is_pay(s) for s in _orphan_headings_kept(sections) if s.blocks]


def _orphan_headings_kept(sections: list[Section]) -> list[Section]:
    """A run of headings with no text under any of them would leave the index with its empty
    sections: a form whose values look like headings ("Reports To" / "Principal; Custodial
    Foreman" / "Supervises" / "Custodians"). The run's headings that no later section is named
    under (a parent heading is) become the text of the first of them, one line each. One
    empty heading alone says nothing, unless the text above it runs on into it ("Reports To:
    County Administrator and" / "Library Board"): it ends that text."""
    run: list[Section] = []
    before: Section | None = None  # the last section with text before the run
    for section in [*sections, None]:
        if section is not None and not section.blocks:
            run.append(section)
            continue
        named = set(section.path) if section is not None else set()
        orphans = [s for s in run if s.path[-1] not in named]
        if len(orphans) > 1:
            orphans[0].blocks = [Block("paragraph", [s.path[-1]]) for s in orphans]
        elif orphans and before is not None and _RUNS_ON.search(before.blocks[-1].lines[-1]):
            before.blocks.append(Block("paragraph", [orphans[0].path[-1]]))
        run, before = [], section
    return sections


# A line cut mid-sentence: it ends in a word that joins it to the next ("... Administrator and").
_RUNS_ON = re.compile(r"(?:\b(?:and|or|of|the|to|with|by|for)|,)\s*$", re.IGNORECASE)


def _next_parent(
    parent: _Parent | None,
    top: Section,
    top_style: int,
    style: int,
    kind: str | None,
    previous_was_heading: bool,
) -> _Parent | None:
    """The heading the next heading (of this style and kind) sits under, if any."""
    if parent and (
        style < parent.child_style or (not parent.by_depth and not _may_nest(parent.kind, kind))
    ):
        parent = None
    if parent or len(top.path) != 1:
        return parent
    if 0 < top_style < style <= 6:
        return _Parent(top.path[0], style, top.kind, by_depth=True)
    if previous_was_heading and not top.blocks and _may_nest(top.kind, kind):
        return _Parent(top.path[0], style, top.kind, by_depth=False)
    return None


def _may_nest(parent_kind: str, kind: str | None) -> bool:
    return kind is None or kind == parent_kind or kind in _CHILD_KINDS.get(parent_kind, ())


def _same_title(heading: str, title: str) -> bool:
    return normalise_title(heading) == normalise_title(title)


def _table_only_is_pay(section: Section) -> Section:
    """A section of no named kind that holds only tables is a class or pay table."""
    if section.kind == "other" and all(b.kind == "table" for b in section.blocks):
        section.kind = "pay_table"
    return section


def normalise_title(title: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", title.lower()).split())


_ABBREVIATION = 3  # the longest word of a title that is all abbreviation


def smart_title(text: str) -> str:
    """Title case for ALL-CAPS titles, keeping Roman numerals and small words as they should be."""
    if not text.isupper() or all(len(w) <= _ABBREVIATION for w in text.split()):
        return text  # "CO I", "PSS 5", "HEO": an abbreviation is written as it is
    words = []
    for index, word in enumerate(text.split()):
        if word in ROMAN_VALUES:
            words.append(word)
        elif index and word.lower() in _SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append(word.capitalize())
    return " ".join(words)

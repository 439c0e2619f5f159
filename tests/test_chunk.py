"""Chunking along a standard's own sections: table rows whole with their header, quotable text."""

from __future__ import annotations

from conftest import Seeds

from index.catalog import ParsedStandard, parse_standard
from index.chunk import chunk_standard
from index.types import Chunk, SourceDocument

TX = "texas/certified-peer-support-specialist-ii.txt"
NY = "new-york/certified-peer-specialist-series.txt"


def standard(seeds: Seeds, source: str) -> ParsedStandard:
    return next(p for p in seeds.parsed if p.document.source == source)


def of(seeds: Seeds, source: str) -> list[Chunk]:
    return [c for c in seeds.chunks if c.source == source]


def test_every_chunk_quotes_its_source_and_is_numbered_in_order(seeds: Seeds) -> None:
    for parsed in seeds.parsed:
        chunks = chunk_standard(parsed, 700)
        assert [c.chunk_id for c in chunks] == [
            f"{parsed.document.source}#{n}" for n in range(len(chunks))
        ]
        assert [c.position for c in chunks] == list(range(len(chunks)))
        text = parsed.document.text
        for chunk in chunks:
            assert chunk.text in text, chunk.chunk_id
            assert chunk.content_hash == parsed.document.content_hash
            assert chunk.doc_title == parsed.document.title
            assert chunk.jurisdiction == parsed.document.jurisdiction


def test_a_table_row_is_its_own_chunk_with_its_header_and_its_class(seeds: Seeds) -> None:
    rows = [c for c in of(seeds, TX) if c.section_kind == "pay_table"]
    assert [(c.text, c.classes) for c in rows] == [
        (
            "CERTIFIED PEER SUPPORT SPECIALIST I\t4007\tA10\t$27,910 - $39,571",
            ("Certified Peer Support Specialist I",),
        ),
        (
            "CERTIFIED PEER SUPPORT SPECIALIST II\t4008\tA12\t$30,840 - $46,798",
            ("Certified Peer Support Specialist II",),
        ),
    ]
    assert {c.table_header for c in rows} == {"CLASS TITLE\tCLASS CODE\tSALARY GROUP\tSALARY RANGE"}


def test_a_row_without_header_is_owned_by_the_class_the_catalog_read_from_it(
    seeds: Seeds,
) -> None:
    rows = [c for c in of(seeds, NY) if c.section_kind == "pay_table"]
    assert [(c.text, c.classes, c.table_header) for c in rows] == [
        ("Certified Peer Specialist 1, Grade 11\t5574100", ("Certified Peer Specialist 1",), None),
        ("Certified Peer Specialist 2, Grade 14\t5574200", ("Certified Peer Specialist 2",), None),
    ]


def test_paragraphs_are_about_the_class_they_name_or_their_section(seeds: Seeds) -> None:
    chunks = of(seeds, NY)
    level_two = next(c for c in chunks if c.text.startswith("Certified Peer Specialist 2:"))
    assert level_two.classes == ("Certified Peer Specialist 2",)
    assert level_two.section_kind == "distinguishing"
    duties = [c for c in chunks if c.section == "Illustrative Duties > Certified Peer Specialist 1"]
    assert duties and all(c.classes == ("Certified Peer Specialist 1",) for c in duties)
    # a standard titled after one class describes that class
    assert all(c.classes == ("Certified Peer Support Specialist II",) for c in of(seeds, TX)[3:])


def test_neighbouring_paragraphs_group_up_to_the_size_and_long_ones_split(
    seeds: Seeds,
) -> None:
    parsed = standard(seeds, TX)
    small = chunk_standard(parsed, 120)
    assert all(len(c.text) <= 120 for c in small if c.section_kind != "pay_table")
    assert all(c.text in parsed.document.text for c in small)
    assert len(small) > len(of(seeds, TX))
    duties = [c for c in of(seeds, TX) if c.section_kind == "duties"]
    assert len(duties) == 2 and all("\n\n" in c.text for c in duties)  # grouped paragraphs
    assert all(len(c.text) <= 700 for c in duties)
    large = chunk_standard(parsed, 100_000)
    assert len([c for c in large if c.section_kind == "duties"]) == 1


def test_a_schedule_of_many_classes_gives_each_passage_only_the_classes_it_names(
    seeds: Seeds,
) -> None:
    """A series standard describes its few levels in every passage; a salary schedule of
    dozens of classes does not describe all of them in each of its passages."""
    from dataclasses import replace

    from index.types import ClassRecord

    parsed = standard(seeds, NY)
    many = tuple(
        ClassRecord(source=parsed.document.source, title=f"Schedule Class {n}") for n in range(9)
    )
    chunks = chunk_standard(replace(parsed, classes=list(many)), 700)
    assert chunks and all(len(c.classes) < len(many) for c in chunks)
    few = chunk_standard(parsed, 700)
    assert any(len(c.classes) == len(parsed.classes) > 1 for c in few)


def test_a_lead_in_cut_from_its_list_goes_with_the_list() -> None:
    """A long paragraph cut where a line ends in "... include:": the sentence that introduces
    the list opens the next chunk, with the list; the rest of its line stays, and every chunk
    is still a stretch of the source."""
    rule = "Specialized experience is one year at the next lower level; " * 10
    items = "\n".join(
        f"- Example {n}: work that included study and analysis of support services."
        for n in range(1, 6)
    )
    text = f"Qualifications\n{rule}Examples of qualifying experience include:\n{items}\n"
    document = SourceDocument("q.txt", "Support Specialist", text, "0", "txt")
    chunks = chunk_standard(parse_standard(document), 700)
    lead = next(c for c in chunks if "Examples of qualifying experience include:" in c.text)
    assert lead.text.startswith("Examples of qualifying experience include:\n- Example 1")
    assert all(c.text in text for c in chunks)
    assert any(c.text.endswith("next lower level;") for c in chunks)


def test_a_lead_in_ending_a_chunk_opens_the_next_with_its_heading() -> None:
    """ "As an RCMP telecommunications operator, you'll enjoy:" closing a full chunk leads into
    the list after it: it starts the next chunk, with the heading above it, so that the list's
    figures are read with whose they are."""
    about = "Operators are the first person a caller speaks to when calling for help. " * 8
    text = (
        f"Telecommunications Operator\n\n{about}\n\nSalary and benefits\n\n"
        "As a county telecommunications operator, you'll enjoy:\n\n"
        "• competitive salaries, increasing from $64,265 to $86,007 within 6 years\n"
        "• paid training\n"
    )
    document = SourceDocument("r.txt", "Telecommunications Operator", text, "0", "txt")
    chunks = chunk_standard(parse_standard(document), 700)
    listed = next(c for c in chunks if "$64,265" in c.text)
    assert listed.text.startswith("Salary and benefits\n\nAs a county telecommunications operator")
    assert all(c.text in text for c in chunks)

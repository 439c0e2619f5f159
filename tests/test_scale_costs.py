"""Per-question lookups answer from indexes built once, and find what a scan of every chunk or
record finds: their cost no longer grows with the corpus."""

from __future__ import annotations

import pytest

from assistant.class_index import ClassIndex
from assistant.retrieve import ChunkLibrary
from assistant.word_indexes import identifier_tokens
from evals.scale.generate import generate_corpus
from index.catalog import parse_standard
from index.chunk import chunk_standard
from index.load import load_sources
from index.types import Chunk, ClassRecord

KINDS = ("pay_table", "duties")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[ChunkLibrary, ClassIndex]:
    folder = tmp_path_factory.mktemp("generated")
    generate_corpus(folder, 60, seed=11)
    parsed = [parse_standard(d) for d in load_sources(folder).documents]
    chunks = [c for p in parsed for c in chunk_standard(p, 700)]
    records = [r for p in parsed for r in p.classes]
    return ChunkLibrary(sorted(chunks, key=lambda c: (c.source, c.position))), ClassIndex(records)


def _scanned_focus(chunks: list[Chunk], records: list[ClassRecord]) -> list[Chunk]:
    wanted = {(r.source, r.title) for r in records}
    about = [c for c in chunks if any((c.source, t) in wanted for t in c.classes)]
    return sorted(about, key=lambda c: (c.section_kind not in KINDS, c.source, c.position))


def _scanned_identifiers(chunks: list[Chunk], query: str) -> list[Chunk]:
    identifiers = identifier_tokens(query)
    hits = [(len(identifiers & identifier_tokens(c.text)), c) for c in chunks]
    hits = [h for h in hits if h[0]]
    hits.sort(key=lambda item: (-item[0], item[1].section_kind != "pay_table"))
    return [chunk for _, chunk in hits]


def test_the_library_finds_what_a_scan_of_every_chunk_finds(generated) -> None:
    library, index = generated
    chunks = library.chunks
    for start in range(0, len(index.records), 7):
        records = index.records[start : start + 3]
        assert library.focus(records, KINDS) == _scanned_focus(chunks, records)
        record = records[0]
        assert library.sections_for(record, KINDS) == [
            c
            for c in chunks
            if c.source == record.source and record.title in c.classes and c.section_kind in KINDS
        ]
        row = record.evidence[0].quote if record.evidence else record.title
        assert library.containing(record.source, row) == next(
            (c for c in chunks if c.source == record.source and row in c.text), None
        )
        query = f"{record.code} {record.pay_grade} {record.salary_min} 4008"
        assert library.identifier_search(query) == _scanned_identifiers(chunks, query)
    assert library.of_source("nowhere.txt") == [] and library.focus([], KINDS) == []


def test_the_catalog_lookups_find_what_a_scan_of_every_record_finds(generated) -> None:
    _, index = generated
    records = index.records
    for record in records[::5]:
        assert record.code is not None
        assert index.by_code(record.code.upper()) == [
            r for r in records if r.code and r.code.lower() == record.code.lower()
        ]
        assert index.codes_in(f"what is class {record.code.lower()} paid") == (record.code,)
        series = index.series_of(record)
        assert record in series and {r.source for r in series} == {record.source}
        if record.pay_grade:
            assert index.by_pay_grade(record.pay_grade) == [
                r for r in records if (r.pay_grade or "").lower() == record.pay_grade.lower()
            ]
        for place in index.jurisdictions[:3]:
            matches = index.counterpart(record, place)
            assert all(r.jurisdiction == place for r in matches)
    assert index.codes_in("no code here") == () and index.by_code("none") == []


def test_a_level_label_names_its_classes_in_catalog_order() -> None:
    labelled = [
        ClassRecord(source="a.txt", title="Peer 1", level_label="full performance level"),
        ClassRecord(source="a.txt", title="Peer 2", level_label="supervisory level"),
        ClassRecord(source="b.txt", title="Aide 2", level_label="supervisory level"),
        ClassRecord(source="b.txt", title="Aide 1", level_label="entry level"),
    ]
    index = ClassIndex(labelled)
    assert index.by_level_label("who works at the supervisory level?") == labelled[1:3]
    assert index.by_level_label("the full performance level or entry level") == [
        labelled[0],
        labelled[3],
    ]
    assert index.by_level_label("a supervisory levels question") == []

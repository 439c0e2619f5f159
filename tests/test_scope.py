"""Documents a question names by their own names (file path, title, the acronym the title
spells), and the rows of flattened tables a grade key heads: on documents written here."""

from __future__ import annotations

from dataclasses import replace

from assistant.citations import CitationBook
from assistant.passage_answers import PassageAnswers
from assistant.passages import Rarity
from assistant.query import QueryAnalysis
from assistant.quotes import keyed_rows
from assistant.retrieve import ChunkLibrary
from assistant.row_keys import row_keys
from assistant.scope import DocumentNames, name_acronyms, name_stems
from index.store import ScoredChunk
from index.types import Chunk

QUALIFICATIONS = """GRADE EDUCATION EXPERIENCE
GS-7

1 full year of graduate level education
or
superior academic achievement

None
GS-9

master's or equivalent graduate degree
or
LL.B. or J.D., if related

None
GS-11
Ph.D. or equivalent doctoral degree
"""

DOCUMENTS = {
    "regulator/public-affairs-specialist.txt": (
        "Public Affairs Specialist",
        "Federal Energy Regulatory Commission\nQualification requirements. " + QUALIFICATIONS,
    ),
    "lakeside/library-assistant-posting.txt": ("Library Assistant", "Shelves books. Pay $18.20"),
    "lakeside/clerk.txt": ("Clerk", "Files records for the Lakeside library. Pay $17.00"),
    "hillcrest/pay-plan-2024.txt": ("Hillcrest Pay Plan 2024", "Clerk $19.00; Driver $21.00"),
    "hillcrest/clerk.txt": ("Clerk", "Files records. Pay $19.00"),
    "brookfield/job-posting-6407.txt": ("Job posting 6407", "Monitors riders. Pay $12.00"),
}


def chunk(source: str, title: str, text: str) -> Chunk:
    return Chunk(f"{source}#0", source, title, title, "qualifications", text, 0, "h")


CHUNKS = [chunk(source, title, text) for source, (title, text) in DOCUMENTS.items()]
RARITY = Rarity(CHUNKS)
ANSWERS = PassageAnswers(RARITY, CHUNKS)
NAMES = DocumentNames(ChunkLibrary(CHUNKS), ANSWERS.reader.sources_of)
REGULATOR = "regulator/public-affairs-specialist.txt"


def named(question: str) -> dict[str, int]:
    return NAMES.naming(question, {"what", "is", "the", "at", "for", "a"}).named


def test_a_word_only_the_file_path_holds_names_its_document() -> None:
    assert set(named("what is the pay at regulator?")) == {REGULATOR}


def test_the_acronym_a_title_line_spells_names_its_document() -> None:
    assert set(named("what degree does FERC ask for GS-9?")) == {REGULATOR}


def test_one_ordinary_word_of_a_file_name_names_nothing() -> None:
    """ "assistant" may be part of the class asked; alone it is no document's name."""
    assert named("what is the pay for an assistant?") == {}


def test_two_rare_words_of_one_name_name_it() -> None:
    assert set(named("what is the clerk pay in the hillcrest pay plan 2024?")) >= {
        "hillcrest/pay-plan-2024.txt"
    }


def test_a_named_question_allows_its_documents_and_those_that_hold_its_words() -> None:
    naming = NAMES.naming("what degree does FERC ask for GS-9?")
    assert naming.allows(REGULATOR)
    assert not naming.allows("lakeside/clerk.txt")
    assert NAMES.naming("what is the pay for a clerk?").allows("lakeside/clerk.txt")


def test_grade_keys_typed_in_lower_case_with_a_hyphen() -> None:
    assert row_keys("can a law degree count for gs-9?") == [("gs", "9")]
    assert row_keys("how much for up to 5 years?") == []


def test_a_flattened_row_runs_from_its_key_to_the_next_key() -> None:
    rows = keyed_rows(QUALIFICATIONS, [("gs", "9")])
    assert len(rows) == 1
    assert rows[0].startswith("GS-9") and "LL.B. or J.D., if related" in rows[0]
    assert "GS-11" not in rows[0] and "superior academic achievement" not in rows[0]


def test_the_best_lines_quote_the_row_of_the_grade_asked() -> None:
    analysis = QueryAnalysis("can a law degree count for gs-9 at the regulator?")
    analysis = QueryAnalysis(analysis.question, naming=NAMES.naming(analysis.question))
    retrieved = [ScoredChunk(c, 1.0) for c in CHUNKS]
    book = CitationBook()
    answer = ANSWERS.best_lines(analysis, retrieved, book)
    assert answer is not None
    assert "LL.B. or J.D., if related" in answer and "doctoral" not in answer
    assert book.citations and book.citations[0].source == REGULATOR


def test_a_title_the_question_writes_out_names_its_document() -> None:
    """Its words are common in the texts, so none names the document alone; written out
    together they name it."""
    chunks = [
        chunk("a/x1.txt", "Group Standards for Administrative and Management Positions", "GS-7"),
        chunk(
            "b/x2.txt",
            "Clerical Positions",
            "GS-3 administrative and management standards, positions",
        ),
        chunk("c/x3.txt", "Trades Standards", "WG-5 group administrative management positions"),
        chunk("d/x4.txt", "Nurses", "administrative or management duties: standards"),
    ]
    reader = PassageAnswers(Rarity(chunks), chunks).reader
    names = DocumentNames(ChunkLibrary(chunks), reader.sources_of)
    asked = "under the standard for administrative and management positions, what for GS-7?"
    filler = {"under", "the", "for", "and", "what", "do"}
    assert set(names.naming(asked, filler).named) == {"a/x1.txt"}
    assert names.naming("what do management trainees earn?", filler).named == {}


def test_an_acronym_typed_in_lower_case_names_the_one_document_that_holds_it() -> None:
    chunks = [
        chunk("hsb/agenda-rates.txt", "Agenda Rates", "HSB Band 6 pay £37,338"),
        chunk("federal/gs-table.txt", "GS Table", "Grade 6 pay 46070"),
        chunk("county/harbor.txt", "Harbor Pilot", "Harbor pay 51000"),
    ]
    answers = PassageAnswers(Rarity(chunks), chunks)
    names = DocumentNames(ChunkLibrary(chunks), answers.reader.sources_of)
    ignore = {"what", "is", "the", "pay", "band", "6"}
    assert set(names.naming("band 6 hsb pay?", ignore).named) == {"hsb/agenda-rates.txt"}
    # A longer word only one document holds may be a word of the class asked: alone, no name.
    assert names.naming("harbor pay?", ignore).named == {}


def test_a_run_of_capitalised_words_of_no_class_title_is_a_name() -> None:
    """ "Colorado Springs" names a place; "Library Assistant" is a class title."""
    from assistant.scope import _sure_names

    titles = {"librari", "library", "assist", "assistant", "clerk"}
    assert _sure_names("Compare the Buffalo and Colorado Springs tables", titles) == [
        "Buffalo",
        "Colorado",
        "Springs",
    ]
    assert _sure_names("What does a Library Assistant do?", titles) == []


def test_the_acronym_of_a_body_without_its_place_names_its_document() -> None:
    source = "az/custodian.txt"
    spec = Chunk(f"{source}#0", source, "Custodian", "Custodian", "duties", "Cleans rooms.", 0,
                 "h", jurisdiction="Arizona Department of Public Safety")  # fmt: skip
    assert {"adps", "dps"} <= name_stems(source, [spec])


def test_a_bodys_acronym_is_read_without_its_place_of_one_or_two_words() -> None:
    from assistant.scope import _acronyms

    assert "dps" in _acronyms("Arizona Department of Public Safety")
    assert "dep" in _acronyms("New Jersey Department of Environmental Protection")
    assert "ep" not in _acronyms("New Jersey Environmental Protection")  # two letters name too much


def test_an_acronym_of_title_words_the_text_writes_names_its_document() -> None:
    """ "SCS" is written by the Senior Civil Service framework's text: it names that document,
    though a class title of another document ("Shift Crew Supervisor") spells it too, which
    makes it a word the question names a class by."""
    framework = chunk(
        "uk/framework.txt",
        "Guidance on the Senior Civil Service Pay Framework",
        "Ranges from 1 April 2024:\nSCS pay band 2: £98,000 to £162,500.",
    )
    listing = "Classes, codes and grades of the state service.\n" * 9
    crews = chunk("city/specs.txt", "Class Specifications", f"{listing}Shift Crew Supervisor SW08")
    chunks = [*CHUNKS, framework, crews]
    names = DocumentNames(
        ChunkLibrary(chunks), PassageAnswers(Rarity(chunks), chunks).reader.sources_of
    )
    found = names.naming("What is the SCS pay band 2 range?", {"what", "is", "the", "scs"})
    assert set(found.named) == {"uk/framework.txt"}
    # A shorter run's acronym names the document only when its text writes it.
    assert "scs" in name_stems("uk/framework.txt", [framework])
    unwritten = chunk("uk/framework.txt", framework.doc_title, "Pay band 2: £98,000 to £162,500.")
    assert "scs" not in name_stems("uk/framework.txt", [unwritten])


def test_a_long_number_that_is_no_year_names_the_posting_it_identifies() -> None:
    assert set(named("what is the pay on posting 6407?")) == {"brookfield/job-posting-6407.txt"}
    # A year, or a short number, is not a posting's own name.
    assert named("what is the pay in 2024?") == {}


def test_a_name_with_of_spells_its_acronym_with_and_without_it() -> None:
    assert {"bor", "br"} <= name_acronyms("Bureau of Reclamation, Mid-Pacific Region")
    assert "dot" in name_acronyms("U.S. Department of Transportation")


def test_the_passages_of_a_named_document_rank_by_their_own_words() -> None:
    """Every passage carries its document's title ("... (duties, reporting)"): the passage
    whose own text writes the words asked leads, however far down it stands."""
    title = "Municipal Clerk - posting (duties, reporting)"
    chunks = [
        Chunk(f"t/clerk.txt#{n}", "t/clerk.txt", title, "", "other", text, n, "h")
        for n, text in enumerate(
            [
                "Municipal Clerk",
                "Location: Pine Harbour",
                "We are seeking an adaptable leader for the municipal office.",
                "Reporting to the CAO, the Municipal Clerk performs statutory duties.",
            ]
        )
    ]
    names = DocumentNames(
        ChunkLibrary(chunks), PassageAnswers(Rarity(chunks), chunks).reader.sources_of
    )
    about = names.passages_about({"t/clerk.txt"}, ["municipal", "clerk", "report"], limit=2)
    assert [c.position for c in about] == [3, 0]


def test_a_proper_noun_of_its_place_typed_in_lower_case_names_its_document() -> None:
    texts = {
        "pellham/clerk.txt": ("Municipal Clerk", "Township of Pellham. The Clerk keeps Records."),
        "glenwood/clerk.txt": ("Township Clerk", "The Township Clerk runs elections."),
        "tafe/levels.txt": ("Pay Levels", "Higher Education Worker levels 1 to 7."),
    }
    places = {"pellham": "Township of Pellham, Ontario", "glenwood": "Glenwood Township"}
    chunks = [
        replace(chunk(source, *texts[source]), jurisdiction=places.get(source.split("/")[0]))
        for source in texts
    ]
    names = DocumentNames(
        ChunkLibrary(chunks), PassageAnswers(Rarity(chunks), chunks).reader.sources_of
    )
    ignore = {"what", "does", "the", "clerk", "do", "pay", "of"}
    assert set(names.naming("what does the pellham clerk do", ignore).named) == {
        "pellham/clerk.txt"
    }
    # A word only one document writes, capitalised, that is no word of its place: a word of
    # what it holds ("Records"), not its name.
    assert names.naming("what does the records clerk do", ignore).named == {}
    assert names.naming("pay of a student worker", ignore).named == {}

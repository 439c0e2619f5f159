"""The words naming a document that ask something of it instead, looked up by word, and the
index of them carried over from an earlier library for the documents not changed since."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.asked_there import AskedThere
from assistant.class_headings import ClassHeadings
from assistant.passage_answers import PassageAnswers
from assistant.passages import Rarity, stem
from assistant.retrieve import ChunkLibrary
from index.types import Chunk

ROWS = "lakeside/library-assistant.txt"
PREMIUMS = "yukon/agreement.txt"
CUSTODIAN = "hillcrest/custodian.txt"
PLAIN = "hillcrest/clerk.txt"
DOCUMENTS = {
    ROWS: ("Library Assistant I/II/III", "Library Assistant I 687 712 739\nLibrary Assistant II"
           " 712 739 770"),
    PREMIUMS: ("Yukon Union ratifies agreement - term, shift and weekend premiums",
               "The agreement runs four years."),
    CUSTODIAN: ("Custodian - job description (duties, reporting line)",
                "Cleans the buildings. This job reports to the Immediate Supervisor."),
    PLAIN: ("Clerk", "Files the library's records."),
}  # fmt: skip


def chunk(source: str, title: str, text: str, jurisdiction: str | None = None) -> Chunk:
    return Chunk(f"{source}#0", source, title, title, "duties", text, 0, "h", jurisdiction)


def asked_there(documents: dict[str, tuple[str, str]]) -> AskedThere:
    library = ChunkLibrary([chunk(source, *written) for source, written in documents.items()])
    return AskedThere(library, ClassHeadings(library.of_source))


def stems_of(*words: str) -> set[str]:
    return {stem(w) for w in words}


def test_a_word_opening_a_row_of_figures_asks_there() -> None:
    names = stems_of("library", "lakeside")
    assert asked_there(DOCUMENTS).asked({ROWS}, names) == stems_of("library")


def test_only_the_documents_named_are_looked_at() -> None:
    """The clerk's document writes "library" in a sentence, not as a row's title."""
    assert asked_there(DOCUMENTS).asked({PLAIN}, stems_of("library", "hillcrest")) == set()


def test_pay_a_title_describes_is_asked_when_named_by_its_noun() -> None:
    index = asked_there(DOCUMENTS)
    assert index.asked({PREMIUMS}, stems_of("shift", "premiums", "yukon")) == stems_of(
        "shift", "premiums"
    )
    # "shift" without a noun of pay ("premiums") names the document.
    assert index.asked({PREMIUMS}, stems_of("shift", "yukon")) == set()


def test_a_label_the_description_and_the_text_write_asks_while_other_words_name() -> None:
    index = asked_there(DOCUMENTS)
    assert index.asked({CUSTODIAN}, stems_of("reporting", "custodian")) == stems_of("report")
    # The label's word alone still names the document.
    assert index.asked({CUSTODIAN}, stems_of("reporting")) == set()


def test_a_prepared_index_carries_the_documents_not_changed_and_reads_the_changed() -> None:
    previous = asked_there(DOCUMENTS)
    previous.prepare()
    # The rows' document is written again without its rows; the clerk's document (said not
    # to have changed) is not read again: what the previous index read of it stands.
    now = {
        **DOCUMENTS,
        ROWS: ("Library Assistant", "Shelves books."),
        PLAIN: ("Clerk", "Library Clerk 501 522 544"),
        "lakeside/driver.txt": ("Driver", "Driver 601 622 644"),
    }
    del now[PREMIUMS]
    index = asked_there(now)
    index.prepare(previous, changed={ROWS, PREMIUMS, "lakeside/driver.txt"})
    assert index.asked({ROWS}, stems_of("library")) == set()
    assert index.asked({PLAIN}, stems_of("library")) == set()
    assert index.asked({"lakeside/driver.txt"}, stems_of("driver")) == stems_of("driver")
    assert index.asked({PREMIUMS}, stems_of("shift", "premiums")) == set()


def test_a_document_of_the_place_asked_is_in_it_without_reading_its_passages() -> None:
    chunks = [chunk("texas/clerk.txt", "Clerk", "Austin, TX", "Texas")]
    read: list[str] = []

    def chunks_of(source: str) -> Sequence[Chunk]:
        read.append(source)
        return chunks

    passages = PassageAnswers(Rarity(chunks), chunks, chunks_of)
    assert passages.in_places(chunks[0], ["Texas"])
    assert read == []
    # Another place is looked for in its passages.
    assert not passages.in_places(chunks[0], ["Ohio"])
    assert read == ["texas/clerk.txt"]


def test_prepared_passages_carry_the_places_of_titles_not_changed() -> None:
    def clerk(title: str) -> tuple[PassageAnswers, Chunk]:
        chunks = [chunk("clerk.txt", title, "Files records.", "Ohio"),
                  chunk("driver.txt", "Driver", "Drives.", "Ohio")]  # fmt: skip
        return PassageAnswers(Rarity(chunks), chunks), chunks[0]

    def previous() -> PassageAnswers:  # consumed by the instance prepared with it
        answers, _ = clerk("Clerk - Dayton, Texas")
        answers.prepare()
        return answers

    # The clerk's title now names no other place, but the document is said not to have
    # changed: what the previous instance read of its title stands.
    carried, passage = clerk("Clerk")
    carried.prepare(previous(), changed={"driver.txt"})
    assert carried.in_places(passage, ["Texas"])
    read_again, passage = clerk("Clerk")
    read_again.prepare(previous(), changed={"clerk.txt"})
    assert not read_again.in_places(passage, ["Texas"])


def test_a_listed_word_a_note_on_the_place_repeats_still_asks_there() -> None:
    """The place's note in parentheses ("... Police Force recruits") is no part of the place:
    "recruits", listed in the description and written in the text, asks of the release."""
    release = "bahamas/agreement.txt"
    chunks = [
        chunk(
            release,
            "New Industrial Agreement - government news release (minimum wage, recruits' pay)",
            "Police Force recruits received an increase in pay from $18,000 per year to $20,000.",
            "Government of The Bahamas (public service; Police Force recruits)",
        )
    ]
    library = ChunkLibrary(chunks)
    index = AskedThere(library, ClassHeadings(library.of_source))
    assert index.asked({release}, stems_of("recruits", "bahamas")) == stems_of("recruits")

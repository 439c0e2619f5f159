"""Sentences that answer a question's own words, weighted by rarity, over the seed passages."""

from __future__ import annotations

from conftest import Seeds

from assistant.passages import MIN_SHARE, Rarity, echoes, sentences, stem, stems, words_held
from index.types import Chunk


def passage(text: str, number: int = 0) -> Chunk:
    return Chunk(f"x.txt#{number}", "x.txt", "X", "S", "duties", text, number, "h")


def test_stems_match_inflections() -> None:
    assert stem("Dated") == stem("date") == "dat"
    assert stem("certifies") == "certifi" and stem("runs") == "run"
    assert stem("bus") == "bus" and stem("uses") == "use"  # never shorter than three letters
    assert stems("Dated: 4/2024, Certifies") == {"dat", "4", "2024", "certifi"}


def test_a_post_held_stems_as_its_holder() -> None:
    # "doctoral stipends for graduate assistants" of a page on assistantships
    assert stem("assistantships") == stem("assistantship") == stem("assistants")
    assert stem("traineeship") == stem("trainee") and stem("membership") == stem("member")
    # Not a word that only ends so: a township is no town, a relationship no relation.
    assert stem("township") != stem("town") and stem("relationship") != stem("relation")


def test_sentences_split_at_full_stops_semicolons_and_lines() -> None:
    assert sentences("A b. C d; E f\nG h.  \n\n") == ["A b.", "C d;", "E f", "G h."]
    # A clause in lower case after a semicolon goes on with its sentence.
    assert sentences("Pay is $1; after a year it is $2.") == ["Pay is $1; after a year it is $2."]
    # An abbreviation's period ends no sentence.
    assert sentences("In a small agency (e.g. a board) it leads. See No. 5.") == [
        "In a small agency (e.g. a board) it leads.",
        "See No. 5.",
    ]


def test_a_word_people_ask_with_finds_the_word_standards_write(seeds: Seeds) -> None:
    rarity = Rarity(seeds.chunks)
    for asked in ("boss", "report"):
        found = rarity.best_sentences([asked], seeds.chunks)
        assert "May serve as a lead worker providing direction to others." in [
            h.sentence for h in found
        ]
    diploma = rarity.best_sentences(["diploma"], seeds.chunks)
    assert [h.sentence[:40] for h in diploma] == ["Graduation from a standard senior high s"]
    assert diploma[0].chunk.chunk_id == "texas/certified-peer-support-specialist-ii.txt#6"


def test_overtime_is_asked_of_the_flsa_status() -> None:
    chunks = [passage("FLSA Status: Nonexempt", 0), passage("Works overnight shifts.", 1)]
    hits = Rarity(chunks).best_sentences(["exempt", "overtime"], chunks)
    assert [h.sentence for h in hits] == ["FLSA Status: Nonexempt"]


def test_a_clearance_is_asked_of_the_level_a_posting_writes_alone() -> None:
    chunks = [passage("Top Secret", 0), passage("The agency protects leaders.", 1)]
    hits = Rarity(chunks).best_sentences(["security", "clearance"], chunks)
    assert [h.sentence for h in hits] == ["Top Secret"]


def test_how_long_is_asked_of_the_length_of_an_assignment() -> None:
    chunks = [passage("Length of assignment:", 0), passage("Guides visitors daily.", 1)]
    hits = Rarity(chunks).best_sentences(["long"], chunks)
    assert [h.sentence for h in hits] == ["Length of assignment:"]


def test_a_rare_word_found_nowhere_finds_nothing(seeds: Seeds) -> None:
    rarity = Rarity(seeds.chunks)
    assert rarity.best_sentences(["remotely", "work"], seeds.chunks) == []
    assert rarity.best_sentences([], seeds.chunks) == []


def test_rarer_words_weigh_more_and_weak_echoes_are_dropped() -> None:
    chunks = [
        passage("Typing speed matters. Filing is daily.", 0),
        passage("Typing reports weekly.", 1),
        passage("Filing cabinets.", 2),
        passage("Budgets.", 3),
    ]
    rarity = Rarity(chunks)
    assert rarity.total == 4 and rarity.frequency["typ"] == 2
    assert rarity.weight("speed") > rarity.weight("typ") > 0
    hits = rarity.best_sentences(["typing", "speed"], chunks)
    assert [h.sentence for h in hits] == ["Typing speed matters."]
    assert hits[0].share == 1.0
    # "typing" alone holds under MIN_SHARE of the two words' weight
    assert rarity.weight("typ") / (rarity.weight("typ") + rarity.weight("speed")) < MIN_SHARE
    assert len(rarity.best_sentences(["typing"], chunks, limit=1)) == 1
    assert len(rarity.best_sentences(["typing"], chunks)) == 2


def test_words_are_held_as_people_shorten_glue_and_mistype_them() -> None:
    text = "Sacramento Metropolitan Fire District: Apprentice Line Worker, Bargaining Unit 13"
    asked = ["sac", "metro", "lineworker", "bargining", "apprentices", "nurse", "un", "lien"]
    # "un" is too short to stand for "Unit"; "lien" is one letter off "line", too short a
    # word to be read as mistyped.
    assert words_held(asked, text) == {"sac", "metro", "lineworker", "bargining", "apprentices"}
    assert words_held(["bargainers"], text) == set()  # two letters off


def test_a_word_is_held_by_another_form_of_its_stem() -> None:
    text = "TERMS OF EMPLOYMENT: permanent and pensionable terms"
    assert words_held(["employed", "terms", "employer"], text) == {"employed", "terms"}


def test_whether_a_post_is_permanent_is_said_by_the_word_for_the_other_case() -> None:
    chunks = [
        passage("Seasonal - This is a temporary appointment.", 0),
        passage("The crew maintains roads.", 1),
        passage("A 7% increase took effect in October.", 2),
    ]
    rarity = Rarity(chunks)
    permanent = rarity.best_sentences(["permanent"], chunks)
    assert [h.sentence for h in permanent] == ["Seasonal - This is a temporary appointment."]
    # ...and whether it is temporary by the word for a permanent one
    temporary = rarity.best_sentences(["temporary"], [passage("Full Time - Permanent", 3)])
    assert [h.sentence for h in temporary] == ["Full Time - Permanent"]
    raises = rarity.best_sentences(["raises"], chunks)
    assert [h.sentence for h in raises] == ["A 7% increase took effect in October."]


def test_a_line_of_only_the_question_s_own_words_echoes_it() -> None:
    question = "What is the official job title of Texas state Class No. 2682?"
    assert echoes("Class No. 2682", question)
    assert not echoes("Salary Group B15", question)
    assert not echoes("Class No. 2682 - Natural Resources Specialist I", question)
    assert not echoes("", question)


def test_a_number_written_a_digit_at_a_time_is_the_number() -> None:
    assert "911" in stems("9-1-1 Telecommunicator Salary & Benefits")
    # A range of grades or a date is no such number.
    assert "12" not in stems("Band 1-2") and "112024" not in stems("1-1-2024")

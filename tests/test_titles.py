"""Class titles and levels found in questions: full titles, acronyms, abbreviations, typos."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import Seeds

from assistant.class_index import ClassIndex
from assistant.query import analyse
from assistant.titles import (
    _FUNCTION_WORDS,
    Mention,
    Series,
    SeriesCatalog,
    _inside_exact,
    _title_spans,
    find_mentions,
    initials_allowed,
    levels_after,
    same_word,
    split_glued_levels,
    words_in_capitals,
    written_as_titled,
)
from evals.scale.generate import generate_corpus, qa_cases
from index.catalog import parse_standard
from index.load import load_sources
from index.types import ClassRecord

CPS = "Certified Peer Specialist"
CPSS = "Certified Peer Support Specialist"


def mentions(seeds: Seeds, question: str) -> list[tuple[str, int, int, int, bool]]:
    acronyms = {s.acronym for s in seeds.class_index.series}
    words = split_glued_levels(re.findall(r"[a-z0-9]+", question), acronyms)
    return [
        (m.series.name, m.tier, m.start, m.end, written_as_titled(m, words))
        for m in find_mentions(words, seeds.class_index.series)
    ]


def test_the_seed_series_and_how_they_number_levels(seeds: Seeds) -> None:
    series = {s.name: s for s in seeds.class_index.series}
    assert series[CPS].acronym == "cps" and series[CPS].words == ("certified", "peer", "specialist")
    assert series[CPSS].acronym == "cpss"
    assert series[CPSS].roman_levels and not series[CPS].roman_levels


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("cps 2", [(CPS, 3, 0, 1, True)]),
        ("cps2", [(CPS, 3, 0, 1, True)]),
        ("cpss ii", [(CPSS, 3, 0, 1, True)]),
        ("certified peer support specialist ii", [(CPSS, 3, 0, 4, True)]),
        # New York writes "2", so "... specialist 2" is its title; the Texas one is a near miss
        ("certified peer specialist 2", [(CPS, 3, 0, 3, True), (CPSS, 2, 0, 3, False)]),
        ("cert peer support spec 2", [(CPSS, 3, 0, 4, False)]),
        ("certified peer specialists", [(CPS, 3, 0, 3, False), (CPSS, 2, 0, 3, False)]),
        ("the specialist 2", [(CPS, 2, 1, 2, False), (CPSS, 2, 1, 2, False)]),
        ("what is a peer", []),
    ],
)
def test_mentions(
    seeds: Seeds, question: str, expected: list[tuple[str, int, int, int, bool]]
) -> None:
    assert mentions(seeds, question) == expected


def test_initials_and_head_nouns() -> None:
    works = Series("Public Works Supervisor", ("public", "works", "supervisor"), "pws")
    clerk = Series("Account Clerk", ("account", "clerk"), "ac")
    found = find_mentions("pw supervisor".split(), [works, clerk])
    assert [(m.series.name, m.tier, m.start, m.end) for m in found] == [
        ("Public Works Supervisor", 3, 0, 2)
    ]
    # a head noun alone names the only series that ends with it
    assert [m.series.name for m in find_mentions("the supervisor".split(), [works, clerk])] == [
        "Public Works Supervisor"
    ]
    # a longer exact title hides the shorter one inside it
    senior = Series("Senior Public Works Supervisor", ("senior", *works.words), "spws")
    found = find_mentions("senior public works supervisor".split(), [works, senior])
    assert [m.series.name for m in found] == ["Senior Public Works Supervisor"]


def test_a_word_that_names_a_series_stands_for_no_other_series_initials() -> None:
    """ "PST Trainee" names the series "PST" (its level "Trainee"), not "Public Safety
    Telecommunicator" by its initials; "pst" alone may mean either."""
    pst = Series("PST", ("pst",), "p")
    words = ("public", "safety", "telecommunicator")
    safety = Series("Public Safety Telecommunicator", words, "pst")
    found = find_mentions("hourly pay range for a pst trainee".split(), [pst, safety])
    assert [m.series.name for m in found] == ["PST"]
    alone = find_mentions("pay of a pst".split(), [safety])
    assert [m.series.name for m in alone] == ["Public Safety Telecommunicator"]


def test_levels_after_a_title() -> None:
    assert levels_after("operator i and ii".split(), 1) == [1, 2]
    assert levels_after("levels 1 2 and 3".split(), 0) == [1, 2, 3]
    assert levels_after("level two".split(), 0) == [2]
    assert levels_after("clerk and".split(), 1) == []
    assert levels_after("clerk 2 and more".split(), 1) == [2]
    assert levels_after(["1"] * 9, 0) == [1] * 6


def test_glued_levels_are_split_from_acronyms() -> None:
    words = ["cps2", "cpssii", "iii", "cpsiii", "foo"]
    assert split_glued_levels(words, {"cps", "cpss", "ii"}) == [
        "cps", "2", "cpss", "ii", "iii", "cps", "iii", "foo"
    ]  # fmt: skip
    assert split_glued_levels(words, set()) == words


@pytest.mark.parametrize(
    ("word", "title_word", "same"),
    [
        ("specialist", "specialist", True),
        ("specialists", "specialist", True),
        ("aides", "aide", True),  # a plural too short for the typo rule
        ("specialsit", "specialist", True),  # a typo
        ("bldg", "building", True),
        ("acct", "accounting", True),
        ("tech", "technician", True),  # an English word, but the title word's start
        ("act", "accountant", False),  # "ever act as a crew chief": an English word
        ("art", "administrator", False),
        ("the", "there", False),
        ("cat", "cut", False),
        ("bdlg", "building", False),  # letters out of order
        ("xyz", "xylophone", False),
    ],
)
def test_same_word(word: str, title_word: str, same: bool) -> None:
    assert same_word(word, title_word) is same


def test_written_as_titled_needs_the_full_title_and_the_standard_level_style() -> None:
    records = [ClassRecord(source="x", title="Clerk Typist II")]
    series = Series("Clerk Typist", ("clerk", "typist"), "ct", records)
    words = "clerk typist ii".split()
    (mention,) = find_mentions(words, [series])
    assert written_as_titled(mention, words)
    arabic = "clerk typist 2".split()
    assert not written_as_titled(find_mentions(arabic, [series])[0], arabic)
    spelled = "clerk typist two".split()
    assert not written_as_titled(find_mentions(spelled, [series])[0], spelled)
    bare = "clerk typist".split()
    assert not written_as_titled(find_mentions(bare, [series])[0], bare)


def _series_records(name: str, levels: list[str], jurisdiction: str) -> list[ClassRecord]:
    return [
        ClassRecord(
            source=f"{jurisdiction.lower()}/{name.lower().replace(' ', '-')}.txt",
            title=f"{name} {level}",
            jurisdiction=jurisdiction,
            series=name,
            level=position,
            salary_min=f"${40 + position},000",
            salary_max=f"${50 + position},000",
        )
        for position, level in enumerate(levels, start=1)
    ]


@pytest.fixture(scope="module")
def crowded_index() -> ClassIndex:
    """Series whose initials are everyday words (FOR, AND) or a level (II)."""
    return ClassIndex(
        _series_records("Audit Specialist", ["1", "2", "3", "4"], "Oregon")
        + _series_records("Facilities Outreach Representative", ["I", "II"], "Washington")
        + _series_records("Accounts Navigation Designer", ["I", "II"], "Ohio")
        + _series_records("Insurance Investigator", ["I", "II", "III"], "Texas")
        + _series_records("Certified Peer Support Specialist", ["I", "II", "III"], "Texas")
        + _series_records("Insurance Intake Inspector", ["1", "2"], "Iowa")  # initials "iii"
        + _series_records("Court Intake Inspector", ["1", "2"], "Idaho")  # "ii" in "cii"
    )


def _titles(index: ClassIndex, question: str) -> list[str]:
    return [r.title for r in analyse(question, index).classes]


def test_an_everyday_word_does_not_name_the_series_it_spells(crowded_index: ClassIndex) -> None:
    assert _titles(crowded_index, "What is the salary range for Audit Specialist 4?") == [
        "Audit Specialist 4"
    ]
    assert _titles(crowded_index, "pay and duties of an audit specialist 2") == [
        "Audit Specialist 2"
    ]
    # initials that are no everyday word still name their series in lower case
    assert _titles(crowded_index, "salary of a cpss ii") == ["Certified Peer Support Specialist II"]


def test_a_one_word_title_is_named_alone_not_as_the_head_of_an_unknown_title() -> None:
    buyer = ClassRecord(source="ashford/buyer.txt", title="Buyer", jurisdiction="City of Ashford")
    index = ClassIndex([*_series_records("Manager", ["I", "II", "III"], "Texas"), buyer])
    assert _titles(index, "construction mgr senior code") == []
    assert _titles(index, "what does a hr manager earn") == []
    assert _titles(index, "what does a manager ii earn") == ["Manager II"]
    assert _titles(index, "construction manager iii pay") == ["Manager III"]  # a level follows
    assert _titles(index, "manager pay in texas") == ["Manager I", "Manager II", "Manager III"]
    assert _titles(index, "ashford buyer salary") == ["Buyer"]  # after its place
    assert _titles(index, "senior buyer salary") == []
    words = "these ao to grade 6 ranges".split()
    capitals = words_in_capitals("these AO to Grade 6 ranges")
    ao = Series("AO", ("ao",), "a")
    assert [m.series.name for m in find_mentions(words, [ao], capitals)] == ["AO"]
    assert find_mentions(words, [ao]) == []


def test_everyday_initials_in_capitals_name_their_series() -> None:
    series = Series(
        "Facilities Outreach Representative",
        ("facilities", "outreach", "representative"),
        "for",
    )
    words = "what does a for 2 earn".split()
    assert find_mentions(words, [series]) == []
    capitals = words_in_capitals("What does a FOR 2 earn?")
    assert capitals == {"for"}
    assert [(m.start, m.end) for m in find_mentions(words, [series], capitals)] == [(3, 4)]


def test_a_level_never_stands_for_the_initials_it_spells(crowded_index: ClassIndex) -> None:
    assert _titles(crowded_index, "What is the salary range for Audit Specialist 4?") == [
        "Audit Specialist 4"
    ]
    assert _titles(crowded_index, "salary of certified peer support specialist ii") == [
        "Certified Peer Support Specialist II"
    ]
    assert _titles(crowded_index, "What is the class code of Insurance Investigator III?") == [
        "Insurance Investigator III"
    ]
    capitals = words_in_capitals("What does a III 2 earn?")
    assert not initials_allowed("iii", capitals) and initials_allowed("cps")


def test_level_three_is_not_the_initials_ii_glued_to_level_one(crowded_index: ClassIndex) -> None:
    assert "ii" in {s.acronym for s in crowded_index.series}
    assert _titles(crowded_index, "What is the salary of Insurance Investigator III?") == [
        "Insurance Investigator III"
    ]
    assert _titles(crowded_index, "salary for a cpss iii") == [
        "Certified Peer Support Specialist III"
    ]


def _every_series_mentions(words: list[str], series_list: list[Series]) -> list[Mention]:
    """find_mentions as it was before the catalog was indexed: every series aligned with the
    words in turn. The indexed search must find exactly what this finds."""
    mentions: list[Mention] = []
    for series in series_list:
        if len(series.acronym) >= 3 and initials_allowed(series.acronym):
            mentions += [Mention(series, 3, i, i + 1) for i, w in enumerate(words)
                         if w == series.acronym]  # fmt: skip
        mentions += [Mention(series, *span) for span in _title_spans(words, series.words)]
    named = {m.series.name for m in mentions}
    heads = Counter(s.words[-1] for s in series_list)
    for series in series_list:
        head = series.words[-1]
        if series.name in named or len(series.words) < 2 or len(head) < 5:
            continue
        for position, word in enumerate(words):
            if not same_word(word, head):
                continue
            if position and words[position - 1] not in _FUNCTION_WORDS:
                continue
            if levels_after(words, position + 1) or heads[head] == 1:
                mentions.append(Mention(series, 2, position, position + 1))
    if not mentions:
        return []
    best = max(m.tier for m in mentions)
    kept = [m for m in mentions if m.tier >= 2 or best < 3]
    inside = _inside_exact({(m.start, m.end) for m in kept if m.tier == 3})
    return [m for m in kept if not inside(m.start, m.end)]


def test_the_indexed_search_finds_what_aligning_every_series_finds(tmp_path: Path) -> None:
    corpus = generate_corpus(tmp_path, 120, seed=7)
    records = [r for d in load_sources(tmp_path).documents for r in parse_standard(d).classes]
    index = ClassIndex(records)
    assert isinstance(index.series, SeriesCatalog) and len(index.series) >= 100
    rng = random.Random(7)
    questions = [c.question for c in qa_cases(corpus, 60, seed=7)]
    for record in rng.sample(records, 40):
        title = record.title.lower()
        words = title.split()
        initials = "".join(w[0] for w in words[:-1])
        questions += [
            f"what does a {title} earn",
            f"salary of the {words[-2]} {words[-1]}",  # head noun and level
            f"{initials} {words[-1]} pay",  # acronym and level
            f"{initials}{words[-1]} code",  # glued
            title.replace(words[0], words[0][:-1] + "x", 1),  # a typo
            f"the {words[-2]} for {' '.join(words[:-2])}",
            f"{words[0][:4]} {' '.join(words[1:])}",  # an abbreviation
        ]
    questions += ["what about the supervisor?", "the specialist 2", "pw supervisor", ""]
    for question in questions:
        words = split_glued_levels(
            re.findall(r"[a-z0-9]+", question.lower()), index.series.acronyms
        )
        assert find_mentions(words, index.series) == _every_series_mentions(
            words, list(index.series)
        ), question


def test_glued_levels_are_split_whatever_the_size_of_the_catalog() -> None:
    acronyms = {f"x{n}" for n in range(5000)} | {"cps", "cpss", "ii", "abc"}
    assert split_glued_levels(["cpssii", "abc4", "iii", "x12iv", "plain"], acronyms) == [
        "cpss", "ii", "abc", "4", "iii", "x12", "iv", "plain"
    ]  # fmt: skip


def test_class_index_lookups_answer_from_their_indexes(crowded_index: ClassIndex) -> None:
    audit = [r for r in crowded_index.records if r.series == "Audit Specialist"]
    assert crowded_index.series_of(audit[2]) == audit
    third_levels = crowded_index.by_amount("$43,000")
    assert audit[2] in third_levels and {r.salary_min for r in third_levels} == {"$43,000"}
    assert crowded_index.by_amount("$43,001") == []
    texas = crowded_index.counterpart(audit[1], "Texas")
    assert texas == [] or all(r.jurisdiction == "Texas" for r in texas)


def test_an_english_word_is_not_an_acronym_glued_to_a_level() -> None:
    """ "tax" is not "TA" (Training Aide) at level X; "cpsii" still is CPS II."""
    assert split_glued_levels(["tax", "services", "planner"], {"ta"}) == [
        "tax",
        "services",
        "planner",
    ]
    assert split_glued_levels(["cpsii"], {"cps"}) == ["cps", "ii"]


def test_a_title_word_repeated_before_the_next_level_keeps_the_levels() -> None:
    words = "compare the grades of plant operator 1 and operator 3".split()
    assert levels_after(words, words.index("operator") + 1) == [1, 3]
    words = "plant operator 1 and clerk 3".split()
    assert levels_after(words, 2) == [1]


def test_a_head_noun_after_a_place_word_stands_for_its_title() -> None:
    plant = Series("Sludge Plant Operator", ("sludge", "plant", "operator"), "spo")
    library = Series("Library Assistant", ("library", "assistant"), "la")
    words = "westbrook operator i vs operator iii pay".split()
    found = find_mentions(words, [plant, library], places={"westbrook"})
    assert [(m.series.name, m.start) for m in found] == [
        ("Sludge Plant Operator", 1),
        ("Sludge Plant Operator", 4),
    ]
    assert find_mentions("pay of a library operator i".split(), [plant, library]) == []


def test_a_title_that_abbreviates_a_word_is_named_by_the_word_spelt_out() -> None:
    assert same_word("maintenance", "maint") and same_word("technician", "tech")
    assert same_word("tech", "technician")  # and the other way, as before
    assert not same_word("art", "administrator")
    tech = Series("General Transportation Tech", ("general", "transportation", "tech"), "gtt")
    words = "monthly salary for a general transportation technician i".split()
    assert [m.series.name for m in find_mentions(words, [tech])] == ["General Transportation Tech"]


def test_the_word_of_a_field_names_no_title_that_ends_in_it() -> None:
    grade = Series("Support Grade", ("support", "grade"), "sg")
    words = "at what grade do people without qualifications join".split()
    assert find_mentions(words, [grade]) == []
    assert [m.series.name for m in find_mentions("support grade 1 pay".split(), [grade])] == [
        "Support Grade"
    ]


def test_a_grade_of_one_letter_is_named_only_after_a_grade_word() -> None:
    record = ClassRecord(source="s.txt", title="Custodian", pay_label="Band", pay_grade="A")
    index = ClassIndex([record])
    assert index.pay_grades_in("is the custodian a competitive class?") == ()
    assert index.pay_grades_in("what does band a pay?") == ("A",)


def test_a_title_its_own_standard_writes_hides_its_longer_sibling_there_only() -> None:
    def series(name: str, source: str) -> Series:
        record = ClassRecord(source=source, title=f"{name} 1", series=name, level=1)
        return Series(name, tuple(name.lower().replace("-", " ").split()), "", [record])

    journey = series("Equipment Operator - Journey", "ak.txt")
    sub_here = series("Equipment Operator - Sub-Journey", "ak.txt")
    sub_elsewhere = series("Equipment Operator - Sub-Journey", "wa.txt")
    words = "equipment operator journey 2".split()
    named = {
        m.series.name: m.series.records[0].source for m in find_mentions(words, [journey, sub_here])
    }
    assert named == {"Equipment Operator - Journey": "ak.txt"}
    # Another standard's longer title may still be meant: the question is then ambiguous.
    found = find_mentions(words, [journey, sub_elsewhere])
    assert {m.series.records[0].source for m in found} == {"ak.txt", "wa.txt"}


def test_a_head_noun_names_a_series_whose_title_was_only_aligned_loosely() -> None:
    def series(name: str) -> Series:
        record = ClassRecord(source="ak.txt", title=f"{name} 1", series=name, level=1)
        return Series(name, tuple(name.lower().replace("-", " ").split()), "", [record])

    journey, sub = (
        series("Equipment Operator - Journey"),
        series("Equipment Operator - Sub-Journey"),
    )
    words = "equipment operator sub journey 2 and journey 1".split()
    assert {m.series.name for m in find_mentions(words, [journey, sub])} == {
        journey.name,
        sub.name,
    }

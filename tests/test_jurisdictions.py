"""Jurisdictions named in questions and the publishers named in standards."""

from __future__ import annotations

import pytest

from index import jurisdictions
from index.jurisdictions import (
    FEDERAL,
    JURISDICTION_WORDS,
    find_jurisdictions,
    jurisdiction_of_publisher,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cps in NY or Texas", ["New York", "Texas"]),
        ("in texas and new york state", ["Texas", "New York"]),
        ("West Virginia and virginia", ["West Virginia", "Virginia"]),
        ("n.y. and D.C.", ["New York", "District of Columbia"]),
        ("tx tx tx", ["Texas"]),
        ("federal GS-5 or the OPM standard", [FEDERAL]),
        ("ME or me", ["Maine"]),  # a code that is a word counts only in upper case
        ("is it ok in or near la", []),
        ("Calif. pay", ["California"]),
        ("Arkansas ark", ["Arkansas"]),
        # "ID" abbreviates "identifier" too: a place only where a place is written.
        ("What is the posting ID for the custodian job?", []),
        ("a photo ID is required", []),
        ("Boise, ID 83702", ["Idaho"]),
        ("openings in ID", ["Idaho"]),
    ],
)
def test_find_jurisdictions(text: str, expected: list[str]) -> None:
    assert find_jurisdictions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Must be certified by a State of Texas credentialing authority", "Texas"),
        ("New York State Department of Civil Service", "New York"),
        ("U.S. Office of Personnel Management", FEDERAL),
        ("City of Riverbend Human Resources", "City of Riverbend"),
        ("County of Los Angeles Department of HR", "County of Los Angeles"),
        ("City of Human Resources", None),
        ("State of Ohio, then Office of Personnel Management", "Ohio"),  # the first one named
        ("nothing here", None),
    ],
)
def test_jurisdiction_of_publisher(text: str, expected: str | None) -> None:
    assert jurisdiction_of_publisher(text) == expected


def test_jurisdiction_words_are_names_and_aliases() -> None:
    assert {"new", "york", "ny", "tx", "federal", "gs"} <= JURISDICTION_WORDS
    assert "salary" not in JURISDICTION_WORDS


@pytest.mark.parametrize(
    "text",
    [
        "U.S. Office of Personnel Management, Washington, D.C.",
        "West Virginia and Virginia",
        "Is it in OR out of New York State?",
        "Salary Table 2024-GX",
        "CITY OF YAKIMA, WASHINGTON",
    ],
)
def test_only_aliases_whose_first_word_the_text_holds_are_searched(text: str) -> None:
    searched = {alias for _, alias, _ in jurisdictions._aliases_in(text)}
    every = [a for _, a, pattern in jurisdictions._ALIASES if pattern.search(text)]
    assert set(every) <= searched  # nothing that could match is skipped


def test_capital_initials_name_an_indexed_place_before_an_unindexed_state() -> None:
    from assistant.class_index import ClassIndex
    from index.types import ClassRecord

    metro = "Los Angeles County Metropolitan Transportation Authority (Metro)"
    index = ClassIndex([ClassRecord(source="m.txt", title="Bus Operator", jurisdiction=metro)])
    assert index.jurisdictions_in("LA Metro bus operator pay?") == (metro,)
    assert index.jurisdictions_in("Louisiana bus operator pay?") == ("Louisiana",)
    both = ClassIndex(
        [
            ClassRecord(source="m.txt", title="Bus Operator", jurisdiction=metro),
            ClassRecord(source="l.txt", title="Bus Operator", jurisdiction="Louisiana"),
        ]
    )
    assert both.jurisdictions_in("LA bus operator pay?") == ("Louisiana",)


def test_a_word_that_titles_another_places_document_names_no_place() -> None:
    from assistant.class_index import ClassIndex

    authority = "Southwest Ohio Regional Transit Authority (Cincinnati, Ohio)"
    county = "Frederick County, Maryland"
    places = [authority, county, "City of Monterey, California"]
    titles = [
        (county, "Transit Driver - Frederick County job posting"),
        (authority, "Bus Operator - Southwest Ohio Regional Transit Authority"),
        ("City of Monterey, California", "Library Assistant II - City of Monterey"),
    ]
    index = ClassIndex([], places, titles)
    assert index.jurisdictions_in("Frederick County transit driver base rate?") == (county,)
    assert index.jurisdictions_in("southwest regional transit bus operator pay") == (authority,)
    # A place's own name in its own document's title still names it.
    assert index.jurisdictions_in("monterey library assistant") == ("City of Monterey, California",)
    # Without the titles, "transit" named the authority too.
    untitled = ClassIndex([], places)
    assert authority in untitled.jurisdictions_in("Frederick County transit driver base rate?")


def test_a_state_code_that_initials_an_indexed_university_names_it() -> None:
    """ "UT Austin": the initials of The University of Texas at Austin (its small words and
    leading "The" skipped), not Utah, which no standard here is from."""
    from assistant.class_index import ClassIndex, place_initials
    from index.types import ClassRecord

    austin = "The University of Texas at Austin, Texas"
    assert {"ut", "uta"} <= place_initials(austin)
    index = ClassIndex(
        [ClassRecord(source="u.txt", title="Undergraduate Tutor", jurisdiction=austin)]
    )
    assert index.jurisdictions_in("Which title has job code U0066 at UT Austin?") == (austin,)
    assert index.jurisdictions_in("Which title has job code U0066 in Utah?") == ("Utah",)


def test_the_kind_of_a_public_body_names_none_of_them() -> None:
    """ "the school district" is a kind of employer, not the name of the one indexed district;
    its own name still names it."""
    from assistant.class_index import ClassIndex

    irrigation = "Anderson-Cottonwood Irrigation District (Anderson, California)"
    index = ClassIndex([], [irrigation, "Oak Valley University"])
    assert index.jurisdictions_in("Which school district posted the library lists?") == ()
    assert index.jurisdictions_in("the university's library page rate") == ()
    assert index.jurisdictions_in("anderson-cottonwood ditchtender pay") == (irrigation,)


def test_a_place_written_as_a_sentence_is_not_named_by_its_grammar() -> None:
    """A manifest may describe a place it cannot name ("Not named - ... which suggests ..."):
    "which" and "never" in a question name no place; the place's own words still do."""
    from assistant.class_index import ClassIndex

    unnamed = "Not named - a school district; the host suggests Texas, which the text never names"
    index = ClassIndex([], [unnamed, "City of Sitka, Alaska"])
    assert index.jurisdictions_in("Which opening offers a moving allowance?") == ()
    assert index.jurisdictions_in("a texas district's never-filled post") == (unnamed,)

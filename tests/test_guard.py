"""The numeric guard: altered, swapped and borrowed figures are caught."""

from __future__ import annotations

from typing import Any

import pytest

import assistant.guard as guard_module
from assistant.chain import guard
from assistant.drafts import Draft
from assistant.guard import NumberedNames, number_tokens, unsupported_numbers
from assistant.types import Citation

TX_ROW = "CERTIFIED PEER SUPPORT SPECIALIST II\t4008\tA12\t$30,840 - $46,798"
NY_ROW = "Certified Peer Specialist 2, Grade 14\t5574200"


def test_number_tokens_normalise_formats() -> None:
    assert number_tokens("$46,798 and \\$30,840 [1], 4/2024") == {"46798", "30840", "4", "2024"}


def test_exact_figures_pass() -> None:
    assert unsupported_numbers("The range is $30,840 - $46,798 [1].", [TX_ROW]) == []


def test_an_altered_figure_is_caught() -> None:
    assert unsupported_numbers("The maximum is $46,789 [1].", [TX_ROW]) == ["46789"]


def test_a_swapped_level_is_caught() -> None:
    # The CPSS I range cited for CPSS II: the figures are not in the CPSS II row.
    assert unsupported_numbers("CPSS II earns $27,910 - $39,571 [1].", [TX_ROW]) == [
        "27910",
        "39571",
    ]


def test_a_borrowed_figure_is_caught() -> None:
    # A Texas figure given for New York, citing the New York row.
    assert unsupported_numbers("A CPS 2 earns up to $46,798 [1].", [NY_ROW]) == ["46798"]


def test_numbers_from_the_question_are_allowed_only_when_asked() -> None:
    text = "No. $47,500 is above the maximum of $46,798 [1]."
    assert unsupported_numbers(text, [TX_ROW], "can we hire at $47,500?") == []
    assert unsupported_numbers(text, [TX_ROW]) == ["47500"]


def test_guard_replaces_an_ungrounded_answer_by_an_abstention() -> None:
    citation = Citation("texas/x.txt", "table", TX_ROW)
    bad = Draft("The maximum is $46,789 [1].", (citation,), abstained=False)
    checked = guard(bad, "max for CPSS II?", allow_question_numbers=True)
    assert checked.abstained and checked.citations == ()
    assert "46,789" not in checked.text
    good = Draft("The maximum is $46,798 [1].", (citation,), abstained=False)
    assert guard(good, "max?", allow_question_numbers=True) is good


def test_cents_of_zero_are_the_whole_amount() -> None:
    assert unsupported_numbers("The maximum is $46,798.00 [1].", [TX_ROW]) == []
    assert number_tokens("$30.50 and $12.00") == {"30.50", "12"}


def test_class_names_are_taken_out_whole_and_longest_first() -> None:
    assert (
        unsupported_numbers(
            "Certified Peer Specialist 2 is at Grade 14 [1].",
            [NY_ROW],
            names=["Certified Peer Specialist 2"],
        )
        == []
    )
    # "Typist 2" sorts after the longer name but lies inside it: the longer one goes first
    names = ["Typist 2", "Senior Typist 2 Grade 3"]
    assert (
        unsupported_numbers("A Senior Typist 2 Grade 3 earns $10 [1].", ["$10"], names=names) == []
    )
    # a name is not the start of a longer number: "Grade 2" is not in "Grade 25"
    assert unsupported_numbers("It is Grade 25 [1].", [], names=["Grade 2"]) == ["25"]


def test_only_names_with_a_digit_that_the_answer_holds_are_taken_out() -> None:
    names = (*(f"Audit Specialist {n}" for n in range(1, 500)), "Grade 2", "Clerk")
    answer = "Audit Specialist 12 is Grade 25, like Clerk 7 [1]."
    assert unsupported_numbers(answer, [], names=names) == ["25", "7"]
    assert unsupported_numbers(answer, ["25 7"], names=names) == []
    # candidates by plain substring; the whole-name rule then keeps "Grade 25" a figure
    assert NumberedNames(names).in_text(answer) == [
        "Audit Specialist 12",
        "Audit Specialist 1",
        "Grade 2",
    ]
    assert "Clerk" not in {n for ns in NumberedNames(names).by_first.values() for n in ns}


def test_the_names_of_a_catalog_are_arranged_once(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    real = guard_module.NumberedNames

    class Counting(real):  # type: ignore[misc, valid-type]
        def __init__(self, names: Any) -> None:
            built.append(1)
            super().__init__(names)

    monkeypatch.setattr(guard_module, "NumberedNames", Counting)
    titles = ("Clerk Typist 2", "Clerk Typist 3")
    for _ in range(3):
        assert unsupported_numbers("A Clerk Typist 3 [1].", [], names=titles) == []
    assert len(built) == 1
    other = ("Senior Clerk 4",)
    assert unsupported_numbers("A Clerk Typist 3 [1].", [], names=other) == ["3"]
    assert len(built) == 2


def test_a_code_glued_to_a_numbered_title_in_its_row_is_grounded() -> None:
    row = "Accountant 200311 Accountant 290311 Accountant 300312"
    names = ["Accountant 2", "Accountant 3"]
    answer = "The class code of Accountant 2 (Iowa) is 00311 [1]. It is 90311 too [1]."
    assert unsupported_numbers(answer, [row], names=names) == []
    # Only the rest of a glued title: a figure no row writes is still caught.
    assert unsupported_numbers("Accountant 2 is 00313 [1].", [row], names=names) == ["00313"]

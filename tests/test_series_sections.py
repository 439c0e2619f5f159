"""A specification writes a DEFINITION, then the distinguishing characteristics of its levels:
"how does X define the class?" is answered by the definition, "describe X" by the
characteristics that tell the level apart. Each on an invented specification of that shape."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.service import Assistant

SERIES = """Class Title: Harbor Pilot II

DEFINITION:
To guide vessels through the inner harbor and its channels, and to board ships at anchor.

DISTINGUISHING CHARACTERISTICS:
Harbor Pilot I
This is the entry level class in the Harbor Pilot series, learning the channels under close
supervision.
Harbor Pilot II
This is the journey level class in the Harbor Pilot series, guiding vessels of any size alone.
"""


@pytest.fixture(scope="module")
def pilots(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "pilots", {"harbor-pilot-i-ii.txt": SERIES})


def test_how_the_standard_defines_a_class_is_its_definition(pilots: Assistant) -> None:
    answer = pilots.ask("How does the standard define the Harbor Pilot II class?")
    assert not answer.abstained
    assert "To guide vessels through the inner harbor" in answer.text


def test_a_description_is_the_levels_own_characteristics(pilots: Assistant) -> None:
    answer = pilots.ask("Describe the Harbor Pilot II class.")
    assert not answer.abstained
    assert "journey level class" in answer.text

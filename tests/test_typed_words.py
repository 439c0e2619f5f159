"""Words people type that no passage writes: a name only a manifest gives the document, typed
with a letter missing; and abbreviations of the words of a requirement ("certs"). The
standards are written here."""

from __future__ import annotations

import pytest
import yaml
from test_passage_answers import indexed

from assistant.query import normalise_question
from assistant.service import Assistant

# A university's pay spine whose page never names the university: its manifest does.
SPINE = """Salary scales from August 2031

Grade | Point | Salary | Living wage top-up |
PT01 | £21,100 | £21,100 |
PT02 | £22,011 | £22,400 |
PT03 | £22,600 | £22,900 |
"""
MANIFEST = {
    "spine.txt": {
        "title": "University of Northbridge salary scales - pay points PT01 to PT03",
        "jurisdiction": "University of Northbridge (Northbridge, England)",
    }
}


@pytest.fixture(scope="module")
def spine(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"spine.txt": SPINE, "manifest.yaml": yaml.safe_dump(MANIFEST)}
    return indexed(tmp_path_factory, "typed-names", files)


def test_a_name_only_the_manifest_gives_is_read_through_a_typo(spine: Assistant) -> None:
    answer = spine.ask("what does PT02 pay at northbrige")
    assert not answer.abstained, answer.text
    assert "£22,011" in answer.text


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("which certs does he need", "which certifications does he need"),
        ("philly clerk pay", "philadelphia clerk pay"),
    ],
)
def test_typed_abbreviations_are_read_as_the_words(typed: str, read: str) -> None:
    assert normalise_question(typed) == read

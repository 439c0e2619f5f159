"""A posting's duties in a list that a lead-in sentence introduces ("some of your specific
duties will include:"), its items long paragraphs that the passages cut apart: "what does X
do?" is answered with the lead-in and the items, in order, not sentences picked from them."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.service import Assistant

FIRST = (
    "– Performs routine measurements of stage and discharge under a variety of field "
    "conditions. "
    + " ".join(
        f"Prepares record summary number {n} for the district's annual report." for n in range(9)
    )
)
SECOND = "– Performs routine field water-quality measurements such as water temperature and pH."
POSTING = f"""Hydrologic Aide

Harbour Valley Center

GS-4: $31,208 (STEP 1) to $40,569 (STEP 10)

Learn more about this agency

As a HYDROLOGIC AIDE within the HARBOUR VALLEY CENTER, some of your specific duties will include:

{FIRST}

{SECOND}

– Assists in the construction and removal of gages.
"""


@pytest.fixture(scope="module")
def aide(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "duty-list", {"hydrologic-aide.txt": POSTING})


def test_a_lead_in_of_duties_is_quoted_with_its_items(aide: Assistant) -> None:
    answer = aide.ask("What does a Hydrologic Aide in the Harbour Valley Center do?")
    assert not answer.abstained
    text = answer.text
    assert "some of your specific duties will include:" in text
    first = text.index("Performs routine measurements of stage and discharge")
    assert first < text.index("Performs routine field water-quality measurements")

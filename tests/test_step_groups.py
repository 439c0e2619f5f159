"""Pay-point tables flattened a row a line, each class named only at the start of its first
row, glued to the row's label or spaced from it; what the rows of some classes state and not
those of the class asked. The tables are written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.class_lines import names_class, stated_for_others_only, topic_line
from assistant.service import Assistant
from index.catalog import parse_standard
from index.step_groups import grouped_pay_points
from index.types import SourceDocument

# Cells glued as a PDF's text layer gives them; a span row ("Margin of discretion") opens two
# classes and is no pay point.
GLUED = """Schedule B - Base Salaries

Pay pointFrom 1 July 2025
From 1 July 2026
Senior Officer 2Margin of discretion*$120,500
to $126,000
$124,100
to $129,800
Top pay point$118,400$121,950
2nd pay point$113,200$116,600
1st pay point$108,050$111,290
Senior Officer 1Margin of discretion*$104,000
to $108,000
$107,100
to $111,200
Top pay point$103,990$107,110
2nd pay point$99,870$102,870
1st pay point$95,400$98,260
Analyst 3Top pay point$89,120$91,790
1st pay point$84,300$86,830

*Access to the margin is at the Director's discretion
"""

SPACED = """Hourly rates
Records Clerk I Step 1 $20.00 $21.00
Step 2 $21.50 $22.50
Step 3 $23.00 $24.00
Records Clerk II Step 1 $24.00 $25.00
Step 2 $25.50 $26.50
Step 3 $27.00 $28.00
"""


def _ranges(text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {
        f.title or "": (f.salary_min, f.salary_max, f.salary_period)
        for f in grouped_pay_points(text.splitlines())
    }


def test_each_class_runs_from_its_lowest_to_its_highest_pay_point_in_the_first_column() -> None:
    assert _ranges(GLUED) == {
        "Senior Officer 2": ("$108,050", "$118,400", None),
        "Senior Officer 1": ("$95,400", "$103,990", None),
        "Analyst 3": ("$84,300", "$89,120", None),
    }


def test_a_class_named_before_a_label_of_the_repeated_shape_opens_its_rows() -> None:
    assert _ranges(SPACED) == {
        "Records Clerk I": ("$20.00", "$23.00", "hour"),
        "Records Clerk II": ("$24.00", "$27.00", "hour"),
    }


def test_the_quote_holds_the_class_name_and_its_pay_points() -> None:
    first = grouped_pay_points(GLUED.splitlines())[0]
    assert first.quote.startswith("Senior Officer 2Margin of discretion*$120,500")
    assert first.quote.endswith("1st pay point$108,050$111,290")


def test_rows_whose_first_column_does_not_climb_one_way_are_no_pay_points() -> None:
    jumbled = SPACED.replace("Step 2 $21.50", "Step 2 $19.50")
    assert set(_ranges(jumbled)) == {"Records Clerk II"}


def test_one_class_alone_is_not_read_as_such_a_table() -> None:
    one = "\n".join(SPACED.splitlines()[:4])
    assert _ranges(one) == {}


def test_the_catalog_lists_the_classes_with_their_quotes() -> None:
    document = SourceDocument(
        source="schedule.txt", title="Schedule B", text=GLUED, content_hash="0", format="txt"
    )
    records = {r.title: r for r in parse_standard(document).classes}
    officer = records["Analyst 3"]
    assert (officer.salary_min, officer.salary_max) == ("$84,300", "$89,120")
    assert any("Analyst 3Top pay point" in e.quote for e in officer.evidence)


@pytest.fixture(scope="module")
def schedule(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "step-groups", {"schedule.txt": GLUED})


def test_a_row_of_the_class_asked_answers_what_its_label_names(schedule: Assistant) -> None:
    answer = schedule.ask("What is the Senior Officer 2 margin of discretion?")
    assert "$120,500" in answer.text and "$126,000" in answer.text
    assert "Senior Officer 1" not in answer.text and not answer.abstained


def test_what_only_other_classes_rows_state_is_not_said_of_this_one(schedule: Assistant) -> None:
    answer = schedule.ask("What is the Analyst 3 margin of discretion?")
    assert answer.abstained and "not for Analyst 3" in answer.text


def test_a_line_names_a_class_glued_to_the_next_cell_but_not_a_longer_number() -> None:
    assert names_class("Analyst 3Top pay point$89,120", "Analyst 3")
    assert not names_class("Analyst 30 Top pay point $99,120", "Analyst 3")
    lines = GLUED.splitlines()
    found = topic_line(lines, "Senior Officer 1", ["margin", "discretion"])
    assert (
        found == "Senior Officer 1Margin of discretion*$104,000\nto $108,000\n$107,100\nto $111,200"
    )
    officers = ["Senior Officer 1", "Senior Officer 2"]
    assert stated_for_others_only(lines, "Analyst 3", officers, ["margin", "discretion"])
    # One other class's line is no table stated class by class.
    assert not stated_for_others_only(
        lines, "Analyst 3", ["Senior Officer 1"], ["margin", "discretion"]
    )
    assert not stated_for_others_only(
        lines, "Senior Officer 1", ["Analyst 3"], ["margin", "discretion"]
    )

"""What the answering lines do not write: a place the question names ("the London salary
range") that another standard writes, and the row asked ("APS 5") where the passage nearest
the question gives other rows only. Neither is answered as if it were."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_passage_answers import indexed

from assistant.service import Assistant

DEPARTMENTAL = """Departmental Pay (written answer)

Salary ranges for grades in each of the three locations are in the following three tables.
£ Grade Minimum Maximum Grade 7 39,695 56,543 Grade 6 50,014 68,410
£ Grade Minimum Maximum Grade 7 41,225 57,452 Grade 6 51,544 69,940
"""
HEALTH = """Health Service pay rates

There is also extra pay for staff who work in high cost areas such as around London.
Band 2 £23,615
"""


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"departmental.txt": DEPARTMENTAL, "health.txt": HEALTH}
    return indexed(tmp_path_factory, "unwritten-names", files)


def test_lines_that_never_write_the_place_asked_do_not_answer_for_it(answers: Assistant) -> None:
    answer = answers.ask("What is the London salary range for Grade 7?")
    assert answer.abstained
    assert 'do not say "London"' in answer.text
    assert "39,695" in answer.text  # what the lines do say is still shown
    plain = answers.ask("What is the salary range for Grade 7?")
    assert not plain.abstained and "39,695" in plain.text


# A flattened table of base salaries, each grade glued to its first row (PM&C, 2024).
BASE_SALARIES = """Attachment A – Base Salaries

 Pay pointOn commencement
4%
13 March 2025
3.8%
12 March 2026
3.4%
Executive Level 2Zone of discretion*$168,610
to $178,558
$175,017
to $185,343
$180,968
to $191,645
Maximum pay point$168,609$175,016$180,967
3rd pay point$159,632$165,698$171,332
2nd pay point$150,648$156,373$161,690
1st pay point$141,669$147,052$152,052
Executive Level 1Zone of discretion*$138,724
to $148,362
$143,996
to $154,000
$148,891
to $159,236
Maximum pay point$138,722$143,993$148,889
3rd pay point$133,053$138,109$142,805
2nd pay point$127,385$132,226$136,722
1st pay point$121,717$126,342$130,638
APS 6Zone of discretion*$106,439
to $116,595
$110,484
to $121,026
$114,240
to $125,141
Maximum pay point$106,438$110,483$114,239
3rd pay point$103,157$107,077$110,718
2nd pay point$99,405$103,182$106,690
1st pay point$94,715$98,314$101,657
APS 5Maximum pay point$91,549$95,028$98,259
3rd pay point$89,503$92,904$96,063
2nd pay point$87,457$90,780$93,867
1st pay point$85,633$88,887$91,909
APS 4Maximum pay point$82,945$86,097$89,024
3rd pay point$81,153$84,237$87,101
2nd pay point$79,722$82,751$85,565
1st pay point$77,558$80,505$83,242
APS 3Maximum pay point$74,264$77,086$79,707
2nd pay point$73,050$75,826$78,404
1st pay point$71,298$74,007$76,523
APS 2Maximum pay point$68,034$70,619$73,020
3rd pay point$66,778$69,316$71,673
2nd pay point$65,399$67,884$70,192
1st pay point$63,845$66,271$68,524
APS 1Maximum pay point$59,436$61,695$63,793
2nd pay point$57,464$59,648$61,676
1st pay point$54,357$56,423$58,341

*Access to the Zone of Discretion is at the decision of the Delegate
"""


@pytest.fixture(scope="module")
def salaries(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "zones", {"base-salaries.txt": BASE_SALARIES})


def test_a_passage_of_other_rows_is_not_near_the_row_asked(salaries: Assistant) -> None:
    answer = salaries.ask("What is the APS 5 zone of discretion?")
    assert answer.abstained
    assert "APS 5" in answer.text and "$106,439" not in answer.text


# A recruitment notice that gives no closing date (Waterford City and County Council).
NOTICE = (
    Path(__file__).resolve().parents[1]
    / "evals/corpora/holdout38/waterford-city-and-county-council/retained-part-time-firefighter.txt"
).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("closing", "abstains", "said"),
    [
        ("", True, ""),
        ("Closing date for applications: Friday, April 19, 2013.", False, "April 19, 2013"),
        # Open until filled is an answer, in words: the notice is quoted, not refused.
        ("This position will remain open until filled.", False, ""),
    ],
)
def test_a_date_asked_of_a_notice_that_gives_none_is_not_answered(
    tmp_path_factory: pytest.TempPathFactory, closing: str, abstains: bool, said: str
) -> None:
    notices = indexed(tmp_path_factory, "notice", {"notice.txt": f"{NOTICE}\n{closing}\n"})
    answer = notices.ask(
        "What is the closing date for the retained (part-time) firefighter applications at "
        "Portlaw, Dunmore East and Tramore?"
    )
    assert answer.abstained is abstains
    assert said in answer.text

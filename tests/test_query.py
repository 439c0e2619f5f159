"""Question understanding: aliases, levels, typos, codes, grades, amounts, intents."""

from __future__ import annotations

import pytest

from assistant.class_index import ClassIndex
from assistant.query import analyse, detect_intents, normalise_question
from index.catalog import parse_standard
from index.load import load_sources
from index.types import ClassRecord
from tests.conftest import SEED_SOURCES


@pytest.fixture(scope="module")
def index() -> ClassIndex:
    documents = load_sources(SEED_SOURCES).documents
    return ClassIndex([r for d in documents for r in parse_standard(d).classes])


def titles(question: str, index: ClassIndex) -> list[str]:
    return sorted(r.title for r in analyse(question, index).classes)


@pytest.mark.parametrize(
    "question, expected",
    [
        (
            "What is the salary range for a Certified Peer Support Specialist II?",
            ["Certified Peer Support Specialist II"],
        ),
        ("What are the requirements for CPS 2?", ["Certified Peer Specialist 2"]),
        ("what does a cps2 need", ["Certified Peer Specialist 2"]),
        ("CPSS-II max pay", ["Certified Peer Support Specialist II"]),
        ("cpss level 1 salary group", ["Certified Peer Support Specialist I"]),
        ("cerified peer suport specalist II max salary", ["Certified Peer Support Specialist II"]),
        ("Cert. Peer Spec. 1 duties in New York", ["Certified Peer Specialist 1"]),
        ("cps ii max salary tx?", ["Certified Peer Support Specialist II"]),
        ("what group is 4008?", ["Certified Peer Support Specialist II"]),
        ("tell me about 5574100", ["Certified Peer Specialist 1"]),
        ("what does the supervisory level do?", ["Certified Peer Specialist 2"]),
        ("compare CPS 1 and CPS 2", ["Certified Peer Specialist 1", "Certified Peer Specialist 2"]),
    ],
)
def test_resolves_the_class_a_question_names(
    question: str, expected: list[str], index: ClassIndex
) -> None:
    assert titles(question, index) == expected


def test_a_title_shared_by_two_standards_matches_both(index: ClassIndex) -> None:
    found = analyse("pay grade for Certified Peer Specialist II?", index).classes
    assert {(r.title, r.jurisdiction) for r in found} == {
        ("Certified Peer Specialist 2", "New York"),
        ("Certified Peer Support Specialist II", "Texas"),
    }


def test_two_letters_in_capitals_are_a_word_of_the_subject(index: ClassIndex) -> None:
    """ "SA II", "RN": initials of two letters stay among the keywords; "ii" is a level, "of" a
    stop word, and "sa" typed in lower case may be anything."""
    assert "sa" in analyse("west georgia SA II midpoint aug 2015", index).keywords
    assert "rn" in analyse("substitute RN daily rate", index).keywords
    typed = analyse("west georgia sa ii midpoint of 2015", index).keywords
    assert "sa" not in typed and "ii" not in typed and "of" not in typed


def test_a_question_about_an_unknown_class_resolves_to_nothing(index: ClassIndex) -> None:
    assert titles("salary of a registered nurse in Texas", index) == []


def test_amounts_grades_and_claimed_grades_are_read(index: ClassIndex) -> None:
    assert analyse("which class starts at 30840?", index).amounts == ("30840",)
    assert analyse("which class starts at $30,840?", index).amounts == ("$30,840",)
    assert analyse("which classes are in group A12?", index).pay_grades == ("A12",)
    # A bare number is a grade after a word that names one, however many words it has.
    coded = ClassIndex([ClassRecord(source="y.txt", title="Fire Chief", pay_label="Pay Code",
                                    pay_grade="964", code="1180")])  # fmt: skip
    assert analyse("which classes are on pay code 964?", coded).pay_grades == ("964",)
    assert analyse("the increase in schedule 964", coded).pay_grades == ()
    premise = analyse("Given that CPS 1 is grade 12, what is its code?", index)
    assert premise.claimed_grades == ("12",)
    assert "code" in premise.intents


@pytest.mark.parametrize(
    "question, intent",
    [
        ("What is the salary range for CPSS II?", "salary"),
        ("how much does a cps 2 earn", "salary"),
        ("What salary group is CPSS I?", "pay_grade"),
        ("what does a CPS 2 need?", "qualifications"),
        ("What certification does a CPSS II need?", "certification"),
        ("what does a CPSS II do?", "duties"),
        ("What are the typical work assignments of the waterways position?", "duties"),
        ("What occupational series is the waterways management job?", "code"),
        ("What are the key performance areas of the Secretary?", "duties"),
        ("What is the hourly rate for Band 3?", "salary"),
        ("what is the ES Job ID for the labourer job", "code"),
        ("difference between CPSS I and II", "compare"),
        ("does the transit dispatcher supervise anyone", "supervision"),
        ("what does the supervisory level do?", "description"),
        ('what does an adjunct with 5 years of service get per "0" course?', "salary"),
        ("what does a lifeguard receive per hour", "salary"),
        # "max ... hour" asks the top pay by the hour, not a most of hours.
        ("mesquite gis technician max pay per hour", "salary"),
    ],
)
def test_intents(question: str, intent: str) -> None:
    assert intent in detect_intents(normalise_question(question))


def test_a_period_that_names_leave_or_a_review_asks_no_pay() -> None:
    question = "how many pay periods before unused annual leave gets paid out"
    assert "salary" not in detect_intents(normalise_question(question))
    assert "salary" in detect_intents(normalise_question("what is the annual salary"))
    # "the weekly hours": a period of the work, not of its pay.
    hours = "Compare the weekly hours of the Edgartown Harbormaster and the Kittery one"
    assert "salary" not in detect_intents(normalise_question(hours))
    assert "salary" in detect_intents(normalise_question("what is the weekly pay"))
    assert "salary" in detect_intents(normalise_question("what do polling officials start on"))
    assert "salary" in detect_intents(normalise_question("how much do bailiffs make per hour"))
    # Where the money comes from is no pay asked; the pay for a post is.
    funds = "Which funds will pay for the city's GIS technician?"
    assert "salary" not in detect_intents(normalise_question(funds))
    assert "salary" in detect_intents(normalise_question("what's the pay for a bus driver"))
    # A rate of something else than pay asks none.
    turnover = "whats the bus company's driver turnover rate"
    assert "salary" not in detect_intents(normalise_question(turnover))


@pytest.mark.parametrize(
    "question",
    [
        "which years do the established staff salary scales cover",
        "Who decides the pay for the Adult Services Assistant, and on what basis?",
        "What did the Police Jury call its new salary schedules, and what did they replace?",
        "how often are grad assistant stipends paid",
        "What semester fees did students have to pay themselves in 08-09?",
        "What total application fee do UR/OBC(NCL)/EWS candidates pay for the teaching posts?",
        # "how much" of experience, two words between them
        "How much harbour management experience does the Harbour Master post require?",
        # when work begins
        "when do AEC polling officials start on election day and when does voting open",
        # what the work makes
        "st clair county bailiff - which court locations do they make arrests at",
        # when a term begins and ends
        "What are the anticipated start and end dates of the summer student jobs?",
    ],
)
def test_a_part_asking_a_person_a_time_or_a_name_asks_no_pay(question: str) -> None:
    assert "salary" not in detect_intents(normalise_question(question))


def test_the_new_of_a_new_hire_names_no_post(index: ClassIndex) -> None:
    keywords = analyse("bracken county animal shelter new hire hourly rate", index).keywords
    assert "new" not in keywords and "shelter" in keywords
    assert "new" in analyse("new york state clerk salary", index).keywords


def test_a_post_being_hired_is_not_what_it_is(index: ClassIndex) -> None:
    question = "salary range for the keepers the City of Tucson is hiring at Reid Park Zoo"
    keywords = analyse(question, index).keywords
    assert "hiring" not in keywords and "keepers" in keywords
    # The "hiring rate" of a pay table is a column asked.
    assert "hiring" in analyse("hiring rate for salary grade 5", index).keywords


@pytest.mark.parametrize(
    "question",
    [
        "when is the salary reviewed, and what is the starting salary?",
        "who earns $66,184 a year?",
        "what does a clerk get paid",
        "whats the pay for account clerk II (00112) in illinois",
        "What does Band 5 pay?",
        "Who starts higher per hour - the Accounting Technician I or the Office Assistant I?",
        "who earns the most salary",
        "what does a student assistant pay",
    ],
)
def test_another_part_or_an_amount_still_asks_pay(question: str) -> None:
    assert "salary" in detect_intents(normalise_question(question))


def test_what_one_gets_asks_pay_only_per_unit_of_work() -> None:
    question = "what benefits do employees get per the contract"
    assert detect_intents(normalise_question(question)) == ()


def test_what_work_a_class_does_asks_its_duties() -> None:
    question = "what janitorial and maintenance work does the highlands east labourer do"
    assert detect_intents(normalise_question(question)) == ("duties",)


def test_a_substitute_job_asks_no_qualifications() -> None:
    def asked(question: str) -> tuple[str, ...]:
        return detect_intents(normalise_question(question))

    assert asked("What does the district pay substitute custodians?") == ("salary",)
    assert asked("can coursework substitute for experience?") == ("qualifications",)
    assert asked("may a degree substitute for the experience") == ("qualifications",)


def test_a_grade_given_with_its_value_in_a_count_question_asks_no_grade() -> None:
    question = "How many days a year does the grade 110 driver work?"
    assert detect_intents(normalise_question(question)) == ()
    assert detect_intents(normalise_question("how many grades are there?")) == ("pay_grade",)
    assert "pay_grade" in detect_intents(normalise_question("how many steps in grade 5?"))


def test_salary_group_is_not_a_dollar_question() -> None:
    assert detect_intents(normalise_question("What salary group is CPSS I?")) == ("pay_grade",)
    # The most of a time is no pay: "how many yrs max", "a minimum of 2 years".
    asked = detect_intents(normalise_question("can exp sub for the degree? how many yrs max"))
    assert "salary" not in asked and "qualifications" in asked
    assert detect_intents(normalise_question("whats the EO max")) == ("salary",)
    # A range a class is assigned to may be its grade ("SR-22") as well as its dollars.
    assigned = detect_intents(normalise_question("What salary range is Clerk III assigned to?"))
    assert assigned == ("salary", "pay_grade")
    for on in ("What pay range is the Clerk on?", "clerk range #"):
        assert detect_intents(normalise_question(on)) == ("salary", "pay_grade")


def test_a_pay_scale_named_as_a_place_asks_nothing_of_pay() -> None:
    def asked(question: str) -> tuple[str, ...]:
        return detect_intents(normalise_question(question))

    # The scale says where the class or the rule is; the question asks something else.
    assert asked("what is the anniversary date under the 1995 pay schedule procedures?") == ()
    assert asked("What grade is a Custodian on the Support Personnel Pay Scale?") == ("pay_grade",)
    assert "salary" not in asked("Which card must an applicant for the Pay Scale Custodian hold?")
    # Pay asked in other words is still asked.
    assert asked("how much is step 3 under the AFSCME pay plan") == ("salary",)
    # "What salary grade is X paid?" asks for the grade; "step 1 of Salary Grade 1" for pay.
    assert asked("What salary grade is the President paid?") == ("pay_grade",)
    assert "salary" in asked("How far apart are Step 1 and Step 8 of Salary Grade 1?")


def test_plural_intent_words_ask_the_same() -> None:
    assert "pay_grade" in detect_intents(normalise_question("Compare the grades of A and B"))
    assert "code" in detect_intents(normalise_question("what are their class codes?"))


def test_the_salary_of_a_grade_the_question_gives_is_a_dollar_question() -> None:
    found = detect_intents(normalise_question("What's the salary for pay grade 118?"))
    assert "salary" in found


def test_a_series_without_levels_is_not_missing_the_level_asked() -> None:
    records = [
        ClassRecord(source="a.txt", title=f"APS{n}", jurisdiction="Australia") for n in (4, 5)
    ]
    analysis = analyse("What is the APS 5 zone of discretion?", ClassIndex(records))
    assert analysis.missing_levels == ()


def test_a_lone_rank_after_a_joiner_names_that_rank_of_the_series_named() -> None:
    records = [
        ClassRecord(source="t.txt", title=title, jurisdiction="Trinity County", level=level)
        for title, level in (
            ("Accounting Technician I", 1),
            ("Accounting Technician II", 2),
            ("Accounting Technician, Senior", None),
            ("Senior Accountant", None),
        )
    ]
    index = ClassIndex(records)

    def titles(question: str) -> list[str]:
        return [r.title for r in analyse(question, index).classes]

    assert titles("acct tech I vs senior max monthly") == [
        "Accounting Technician I",
        "Accounting Technician, Senior",
    ]
    assert titles("accounting technician II or the senior?") == [
        "Accounting Technician II",
        "Accounting Technician, Senior",
    ]
    # A rank that begins a title of its own is that title's; one with no joiner names nothing.
    assert "Accounting Technician, Senior" not in titles(
        "accounting technician I vs senior accountant"
    )
    assert titles("senior pay of an accounting technician I") == ["Accounting Technician I"]


def test_relative_levels_are_read(index: ClassIndex) -> None:
    assert analyse("and the next level up?", index).relative_level == 1
    assert analyse("what about the level below?", index).relative_level == -1


def test_normalise_question_unescapes_and_expands_abbreviations() -> None:
    assert normalise_question("Cert. Peer Spec. \\$30,840") == "certified peer specialist $30,840"


def test_a_title_written_as_one_standard_writes_it_names_that_class_alone(
    index: ClassIndex,
) -> None:
    # New York numbers its levels 1, 2; Texas I, II. "... Specialist 2" is New York's title,
    # while "... Specialist II" could be a shortened Texas title too (see the ambiguity test).
    found = analyse("What does a Certified Peer Specialist 2 do?", index).classes
    assert [(r.title, r.jurisdiction) for r in found] == [
        ("Certified Peer Specialist 2", "New York")
    ]


def test_a_level_another_place_lacks_has_no_counterpart_there() -> None:
    records = [
        ClassRecord(source="a.txt", title=f"Survey Technician {n}", jurisdiction="Lakeside",
                    series="Survey Technician", level=n)
        for n in (1, 3)
    ] + [
        ClassRecord(source="b.txt", title=f"Survey Technician {r}", jurisdiction="Hillside",
                    series="Survey Technician", level=n)
        for n, r in ((1, "I"), (2, "II"))
    ]  # fmt: skip
    analysis = analyse("What is the code of Survey Technician 2 in Lakeside?", ClassIndex(records))
    assert analysis.classes == ()


def test_a_code_in_the_question_says_which_standard_a_shared_title_is_from() -> None:
    records = [
        ClassRecord(source="de.txt", title="Harbor Clerk I", jurisdiction="Delaware", code="HCA01"),
        ClassRecord(source="nc.txt", title="Harbor Clerk I", jurisdiction="Ohio", code="3200"),
        ClassRecord(
            source="de.txt", title="Harbor Clerk II", jurisdiction="Delaware", code="HCA02"
        ),
    ]
    found = analyse("hourly rate for harbor clerk 1 hca01?", ClassIndex(records)).classes
    assert [(r.title, r.jurisdiction) for r in found] == [("Harbor Clerk I", "Delaware")]


def test_typed_abbreviations_come_from_the_vocabulary_file() -> None:
    assert normalise_question("mgmt band lvl V, 3 yrs exp") == (
        "management band level v, 3 years experience"
    )
    assert normalise_question("temp clerical officer pay") == "temporary clerical officer pay"


def test_a_number_sign_after_a_word_asks_for_the_number() -> None:
    assert "code" in detect_intents(normalise_question("class # for office assistant II?"))
    assert normalise_question("grade #5") == "grade # 5"  # a number sign before a number stays


def test_a_title_right_after_a_place_is_that_places_class() -> None:
    records = [
        ClassRecord(
            source=f"{place}.txt", title=title, jurisdiction=f"City of {place}", level=level
        )
        for place, title, level in (
            ("Marlow", "Police Dispatcher", None),
            ("Estover", "Police Dispatcher 1", 1),
            ("Estover", "Police Dispatcher 2", 2),
        )
    ]
    index = ClassIndex(records)

    def titles(question: str) -> list[tuple[str, str | None]]:
        return [(r.title, r.jurisdiction) for r in analyse(question, index).classes]

    assert titles("Marlow's Police Dispatcher or Estover's Police Dispatcher 2: top pay?") == [
        ("Police Dispatcher", "City of Marlow"),
        ("Police Dispatcher 2", "City of Estover"),
    ]
    # A title no place comes before names every place's class of that title.
    assert len(titles("what does a police dispatcher earn?")) == 3


def test_a_place_typed_one_letter_off_or_run_together_is_that_place() -> None:
    place = "City of Port Phillip, Victoria, Australia"
    index = ClassIndex([ClassRecord(source="a.txt", title="Appeals Officer", jurisdiction=place)])
    for typed in ("portphilip appeals officer band", "port philip appeals officer band"):
        assert index.jurisdictions_in(typed) == (place,), typed
    # A word any dictionary knows is not a typo of a place: "victorian" names no place here.
    assert index.jurisdictions_in("victorian era salaries") == ()


def test_one_after_a_noun_stands_for_it_and_after_a_numbering_label_is_a_number(
    index: ClassIndex,
) -> None:
    assert "one" not in analyse("the pay of the bus monitor one", index).keywords
    assert "one" in analyse("the pay at step one", index).keywords


def test_applying_is_how_a_requirements_question_asks(index: ClassIndex) -> None:
    asked = analyse("What are the requirements to apply for the game warden exam?", index)
    assert "qualifications" in asked.intents and "apply" not in asked.keywords
    # A question about the application itself keeps its words.
    form = analyse("Which application form must be completed to apply for a job?", index)
    assert "application" in form.keywords


def test_a_level_another_place_has_is_missing_from_the_place_asked() -> None:
    """ "Accountant IV in the Colorado accountant class series": Colorado's standard has level
    I only; another place's Accountant IV is not Colorado's, nor is its Accountant I asked."""
    index = ClassIndex(
        [
            ClassRecord(source="co.txt", title="Accountant I", jurisdiction="Colorado", level=1),
            ClassRecord(source="or.txt", title="Accountant IV", jurisdiction="Oregon", level=4),
        ]
    )
    analysis = analyse(
        "What is the salary range for Accountant IV in the Colorado accountant class series?", index
    )
    assert [r.title for r in analysis.classes] == []
    assert analysis.missing_levels == (("Accountant", 4, "Colorado"),)
    assert [r.title for r in analyse("salary range for Accountant IV", index).classes] == [
        "Accountant IV"
    ]


def test_a_post_titled_with_its_grade_is_not_asked_its_grade(index: ClassIndex) -> None:
    age = analyse("What is the maximum age limit for the MHA Manager Grade II post?", index)
    assert "pay_grade" not in age.intents
    grade = analyse("What is the pay grade of the MHA Manager Grade II post?", index)
    assert "pay_grade" in grade.intents
    assert "pay_grade" in analyse("What is the salary scale for Job Group B2?", index).intents


def test_each_role_of_a_title_joined_by_slashes_names_its_class() -> None:
    post = ClassRecord(
        source="p.txt",
        title="Weed Department Supervisor/Junk Vehicle Coordinator/Mosquito Control",
        jurisdiction="Park County",
    )
    levels = ClassRecord(source="e.txt", title="Electrician I/II", jurisdiction="Park County")
    index = ClassIndex([post, levels])
    asked = analyse("What pay grade is the weed department supervisor on?", index)
    assert asked.classes == (post,)
    assert analyse("junk vehicle coordinator pay?", index).classes == (post,)
    # The levels a title joins are no roles: "electrician i" is not the I/II class whole.
    assert levels not in analyse("what does an electrician iii earn?", index).classes


def test_a_title_with_a_rank_left_out_names_another_post() -> None:
    records = [
        ClassRecord(source="a.txt", title="Assistant Harbour Master", jurisdiction="Seahouses"),
        ClassRecord(source="b.txt", title="Certified Peer Support Specialist", jurisdiction="X"),
    ]
    index = ClassIndex(records)
    assert titles("What salary is offered for the Harbour Master?", index) == []
    assert titles("assistant harbour master salary", index) == ["Assistant Harbour Master"]
    # A word left out that is no rank still names the title.
    assert titles("certified peer specialist pay", index) == ["Certified Peer Support Specialist"]


def test_a_little_word_typed_with_two_letters_swapped_is_no_keyword(index: ClassIndex) -> None:
    assert "acutally" not in analyse("what does a cpss ii acutally do", index).keywords
    assert "clerk" in analyse("what does a clerk do", index).keywords
    # A word of its own with a little word's letters ("three", "there") is asked.
    assert "three" in analyse("what three programs does a clerk run", index).keywords


def test_the_words_before_a_titles_dash_name_its_post() -> None:
    cover = ClassRecord(
        source="l.txt",
        title="Electoral Services Officer - Maternity Leave Cover",
        jurisdiction="Kellbridge Council",
    )
    clerk = ClassRecord(source="c.txt", title="Clerk - Elections", jurisdiction="Kellbridge")
    levelled = ClassRecord(source="e.txt", title="Engineer II - Civil", jurisdiction="Kellbridge")
    index = ClassIndex([cover, clerk, levelled])
    assert analyse("electoral services officer grade?", index).classes == (cover,)
    # One word before the dash names too much; a level is the title's own.
    assert clerk not in analyse("what does a clerk earn?", index).classes
    assert levelled not in analyse("what does an engineer iii earn?", index).classes


def test_of_two_classes_at_one_level_the_title_written_most_fully_is_asked() -> None:
    plain = ClassRecord(
        source="i.txt", title="Accountant 3", jurisdiction="Kell", series="Accountant", level=3
    )
    noted = ClassRecord(source="i.txt", title="Accountant 3 (Supervisor)", jurisdiction="Kell",
                        series="Accountant", level=3)  # fmt: skip
    index = ClassIndex([plain, noted])
    assert analyse("code for accountant 3 (supervisor)?", index).classes == (noted,)
    assert analyse("code for accountant 3?", index).classes == (plain,)


def test_a_grade_given_with_its_value_is_not_asked_beside_pay() -> None:
    asked = detect_intents(normalise_question("What is the salary range for Pay Grade 67?"))
    assert asked == ("salary",)
    both = detect_intents(normalise_question("what grade and salary range is the clerk"))
    assert "pay_grade" in both and "salary" in both


def test_a_conjunction_of_time_is_no_word_of_the_subject(index: ClassIndex) -> None:
    keywords = analyse("fire control operator salary once fully competent", index).keywords
    assert "once" not in keywords and "competent" in keywords

"""The grade keys a question names ("Band 5", "GS-9", "ME-H", "grade b") and the rows of the
tables they head: written with their label, by their value alone under a header that names it,
on a line of their own over their figures or over the rows of their steps."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from index.cells import FIGURE, RULE_LINE, is_figure_row
from index.levels import level_value, roman
from index.money import CURRENCY_SIGNS
from index.types import Chunk
from index.vocab import abbreviations, field_labels, typed_question_words

# A grade, band or level named with its value: "Band 5", "GS-9", "PSS 5", "APS4", "AU-1",
# "EL 2", "Job Group B2". In a pay table it is the key of the row, as a class title is
# elsewhere. Steps are columns, not rows; a code in parentheses ("(EC4)") names a class, not a
# grade.
_ROW_KEY = re.compile(
    # One letter is a label only before a hyphen: "M-G", "O-3", "o-6".
    r"(?<![\w(#-])(?P<label>[A-Za-z]{2,5}|[A-Z](?=\s*-)|[a-z](?=\s*-\s*\d)"
    r"|pay band|pay grade|salary grade)"
    # A number may be glued to its label ("APS4") or follow a number sign ("grade #29"), a
    # letter not ("PSS A", not "NASA"); after a hyphen, capitals name the grade ("ME-H", "M-Hb").
    r"(?:\s*-?\s*#?(?P<value>\d{1,2}[A-Za-z]?)"
    r"|\s+(?P<letter>[A-Za-z]\d{1,2}|[A-Z]|[a-d])"
    # A dash spaced on both sides parts the words ("which band - a nurse or ..."), not a grade.
    r"|(?!\s+-\s)\s*-\s*(?P<joined>[A-Za-z]\d{1,2}|[A-Z]{1,2}[a-z]?|[a-d]))"
    r"(?![\w-]|[.:]\d)"  # not "AS 39.27.011" nor "RSA 94:1-a", a statute
)

# A pay point written as its grade's capitals, the grade and the point: "HWF2.4", "NO3.1".
_DOTTED_KEY = re.compile(
    r"(?<![\w.-])(?P<label>[A-Z]{2,5})(?P<point>\d{1,2}\.\d{1,2})(?![\w-]|\.\d)"
)

_KEY_LABELS_NOT = frozenset(
    "step steps the and or all any for per to of in at by year years yrs".split()
)
# How many words before a grade label its scale's acronym may stand ("CONPSS grade level 7").
_ACRONYM_REACH = 2
# Several values after one plural label: "grades 5 and 6", "bands 2, 3 or 4", "bands L and M".
_PLURAL_KEYS = re.compile(
    r"\b(?i:(?P<label>grade|band|range|level|group))s\s+(?P<values>(?:\d{1,2}|[A-Z])"
    r"(?:\s*(?i:,|and|or|&|vs\.?|to|through|-|–)\s*(?:\d{1,2}|[A-Z]))+)\b"
    r"(?!\s*(?i:years?|yrs|months?|hours?|%|percent|weeks?|days?))"  # "grades 5 to 10 years"
)

# "grade 6a vs 6b", "band 5 or 6": a second key of the same label after the first, its label
# left unwritten (not "grade 5 and 2 years' experience").
_PAIRED_KEY = re.compile(
    r"\b(?i:(?P<label>grade|band|range|level|group))\s+\d{1,2}[A-Za-z]?"
    r"\s*(?i:,|and|or|&|vs\.?|versus)\s*(?P<value>\d{1,2}[A-Za-z]?)\b"
    r"(?!\s*(?i:years?|yrs|months?|hours?|%|percent|weeks?|days?))"
)


# A label that ends in O keeps two letters when the O is read as a zero ("ANUO8" -> "ANU08").
_SHORTEST_O_LABEL = 2


@cache
def _grade_labels() -> str:
    """The grade labels as one alternation, longest first ("salary grade" before "grade")."""
    labels = sorted(field_labels().grade, key=len, reverse=True)
    return "|".join(re.escape(label) for label in labels)


@cache
def _lettered_keys() -> re.Pattern[str]:
    """A grade word, then a grade of two or three capitals: "salary grade DD", "Band AB"."""
    words = _grade_labels()
    return re.compile(rf"(?i:\b(?P<label>{words}))\s+(?P<letters>[A-Z]{{2,3}})(?![\w-])")


@cache
def _typed_letter_key() -> re.Pattern[str]:
    """A grade word and one lower-case letter after it, as _typed_letter_keys reads them."""
    return re.compile(rf"\b(?P<label>{_grade_labels()})\s+(?P<letter>[b-hj-z])(?![\w'-])")


def _initials_before(question: str, match: re.Match[str]) -> list[str]:
    """A key's label with the two words before it, as a table writes them short: "spinal
    column point 3" is the row "SCP 3"."""
    words = re.findall(r"[A-Za-z]+", question[: match.start()])[-2:]
    asking = typed_question_words()
    if len(words) < 2 or any(len(w) <= 2 or w.lower() in asking for w in words):
        return []
    return ["".join(w[0] for w in (*words, match.group("label").split()[0])).lower()]


@cache
def _grade_words() -> frozenset[str]:
    """The words of the grade labels ("grade", "level", "band", "salary" ...)."""
    return frozenset(w for phrase in field_labels().grade for w in phrase.split())


def _acronym_before(question: str, match: re.Match[str]) -> list[str]:
    """The word in capitals right before a grade label, two words back at most ("CONPSS
    grade level 7"), which a table may write with the value alone ("CONPSS 7")."""
    words = re.findall(r"[\w-]+", question[: match.start()])[-_ACRONYM_REACH:]
    return [w.lower() for w in words if re.fullmatch(r"[A-Z]{3,8}", w)][-1:]


def _zero_read_as_o(label: str, value: str) -> list[tuple[str, str]]:
    """The same key with a letter O at its joint read as a zero, or a zero as an O: a code
    of letters and digits is typed either way ("ANUO8" for a table's "ANU08")."""
    if label.endswith("o") and len(label) > _SHORTEST_O_LABEL:
        return [(label[:-1], f"0{value}")]
    if value.startswith("0") and len(value) > 1:
        return [(f"{label}o", value[1:])]
    return []


def row_keys(question: str) -> list[tuple[str, str]]:
    """The grade-like keys a question names: ("band", "5") of "NHS Band 5", ("gs", "9")."""
    grade_words = _grade_words()
    keys = []
    for match in _ROW_KEY.finditer(question):
        typed = match.group("label")
        value = match.group("value") or match.group("letter") or match.group("joined")
        # "job grp C4", "sg 6": a label typed short stands for its words ("group"), and a
        # line may write it short too ("paid SG 33").
        label = abbreviations().get(typed.lower(), typed)
        named_grade = all(word in grade_words for word in label.lower().split())
        # "PSS 5", "APS4", "GS-9", "AU-1", "EL 2"; typed in lower case, a hyphen or a number
        # glued to it marks one ("scp1").
        glued = match.group("value") is not None and match.group(0)[len(typed) :][:1].isdigit()
        written = label.isupper() or "-" in match.group(0) or glued
        acronym = written and len(label) <= 4 and label.isalpha()
        if label.lower() in _KEY_LABELS_NOT or not (named_grade or acronym):
            continue
        if match.start() and question[match.start() - 1] in "/-":
            continue  # "2008-06-09/O-12": the end of a document's number, no grade
        # "Grade A", "Job Group B2", "Pay Band 1A", "PSS a" and "ME-H" may be; "band a" of
        # prose is not.
        capital = len(value) == 1 and value.isupper()
        numbered = value[0].isdigit() or value[-1].isdigit()
        letters_ok = acronym or (named_grade and (numbered or capital))
        if not value.isdigit() and not letters_ok:
            continue
        if acronym and match.group("letter") and not (value[-1].isdigit() or value in "abcdABCD"):
            continue  # "TSA E" of prose is not a grade; "PSS C" is
        keys.append((label.lower(), value.lower()))
        if label != typed:
            keys.append((typed.lower(), value.lower()))
        if glued and acronym:
            keys += _zero_read_as_o(label.lower(), value.lower())
        if named_grade:  # "spinal column point 3", not "the top APS4"
            keys += [(initials, value.lower()) for initials in _initials_before(question, match)]
    for match in _lettered_keys().finditer(question):  # "salary grade DD"
        if match.group("letters").lower() not in _KEY_LABELS_NOT:
            keys.append((match.group("label").lower(), match.group("letters").lower()))
    for match in _DOTTED_KEY.finditer(question):  # "HWF2.4": a point of a grade
        keys.append((match.group("label").lower(), match.group("point")))
    for match in _PLURAL_KEYS.finditer(question):
        label = match.group("label").lower()
        values = re.findall(r"\b(?:\d+|[A-Z])\b", match.group("values"))
        keys += [(label, value.lower()) for value in values]
    for match in _PAIRED_KEY.finditer(question):
        keys.append((match.group("label").lower(), match.group("value").lower()))
    # "job group CPS B19": the capitals are the label of the key after them, not a grade.
    labels = {label for label, _ in keys}
    return [key for key in dict.fromkeys(keys) if key[1] not in labels]


def question_keys(
    question: str, catalog_grades: Sequence[str], texts: Sequence[str] = ()
) -> list[tuple[str, str]]:
    """The grade keys a question names: as it writes them, the catalog's grades it was read
    to name ("ucla pss c" is the row "PSS C"), and a grade of one letter typed in lower case
    that the passages write as a grade ("grade b" where a passage writes "Grade B")."""
    keys = row_keys(question)
    for grade in catalog_grades:
        *label, value = grade.lower().split()
        if label and (" ".join(label), value) not in keys:
            keys.append((" ".join(label), value))
    # "CONPSS grade level 7": the scale's acronym just before names it too ("CONPSS 7"), for
    # the reader of passages (the catalog's grades keep their own labels).
    for match in _ROW_KEY.finditer(question):
        number = match.group("value") or ""
        typed = match.group("label").lower()
        if number.isdigit() and abbreviations().get(typed, typed) in _grade_words():
            for acronym in _acronym_before(question, match):
                if (acronym, number) not in keys:
                    keys.append((acronym, number))
    for word, letter in _typed_letter_keys(question):
        written = re.compile(rf"(?i:\b{re.escape(word)})\s+{letter.upper()}(?![\w-])")
        if (word, letter) not in keys and any(written.search(text) for text in texts):
            keys.append((word, letter))
    # "step 10" of a schedule whose rows are its steps ("10 $335.29 62,700" under "Step DAILY
    # RATE"): the step asked is the row's key (not where the steps are its columns: "Grade
    # Step 1 Step 2").
    step = step_asked(question)
    if not keys and step is not None and any(_STEP_COLUMN_FIRST.search(t) for t in texts):
        keys.append(("step", step))
    return keys


# A table's header whose first column is its steps: "Step DAILY RATE", "STEP | HOURLY".
_STEP_COLUMN_FIRST = re.compile(r"^[ \t|]*step\b(?![ \t]*[-#]?[ \t]*\d)[^\d\n]*$", re.I | re.M)


def _typed_letter_keys(question: str) -> list[tuple[str, str]]:
    """A grade word and one lower-case letter after it ("grade b", "band g"): "a" and "i" are
    words of their own ("is there a band a clerk can join")."""
    found = _typed_letter_key().finditer(question)
    return [(m.group("label"), m.group("letter")) for m in found]


def _value_pattern(value: str) -> str:
    """A key's value as a table may write it: a number with leading zeros ("GS-03" for "gs3",
    "Grade 07" for "grade 7")."""
    if value[:1].isdigit():
        number = rf"0*{re.escape(value.lstrip('0') or '0')}"
        # "Grade VII" for "grade 7": a level's roman numeral, a word of its own.
        numeral = roman(int(value)) if value.isdigit() else None
        return rf"(?:{number}|{numeral}(?![\w]))" if numeral else number
    return re.escape(value)


def key_line_above(text: str, sentence: str, keys: Sequence[tuple[str, str]]) -> str:
    """The nearest line above a sentence of a passage that writes one of the keys' labels
    with some value ("Grade Level II – Pay Rate: $11.91/hour" above its description), or ""
    when none does: the key the sentence is written under."""
    start = text.find(sentence)
    if start < 0:
        return ""
    labels = "|".join(re.escape(label) for label in dict.fromkeys(label for label, _ in keys))
    keyed = re.compile(rf"(?<![\w-])(?:{labels})s?\s*[-–]?\s*[0-9IVXivx]", re.IGNORECASE)
    for line in reversed(text[:start].splitlines()):
        # The key opens the line that heads what follows ("Grade Level II – Pay Rate: ..."),
        # not a note that names it ("(Increases ... as Grade Level I)").
        if keyed.search(" ".join(line.split()[:_KEY_LINE_WORDS])):
            return line
    return ""


_KEY_LINE_WORDS = 3


def written_key(question: str, key: tuple[str, str]) -> str:
    """A key as the question writes it ("GS-09"), to be named back without changing it."""
    label, value = key
    pattern = rf"(?<![\w-]){re.escape(label)}\s*[-–]?\s*{_value_pattern(value)}(?!\w)"
    found = re.search(pattern, question, re.IGNORECASE)
    return found.group(0) if found else f"{label} {value}".upper()


def has_row_key(text: str, keys: Sequence[tuple[str, str]]) -> bool:
    """Whether text names one of the keys, the label and value written together or apart."""
    for label, value in keys:
        # The key may be glued to the next cell of a flattened table: "APS 5Maximum pay point";
        # a plural label may pair it with one or two others ("Bands 16 and 17"), not list the
        # whole table ("grade levels 1, 7, 8, 10 and 15" heads no row).
        pattern = (
            rf"(?<![\w-]){re.escape(label)}(?:s\s+(?:\w{{1,3}}\s*(?:,|and|&)\s*){{1,2}}|s)?"
            rf"\s*[-–]?\s*{_value_pattern(value)}"
            r"(?:(?![\w])|(?=(?-i:[A-Z][a-z])))"
            r"(?!(?:\s*(?:,|and|&)\s*\w{1,3}){2})"
        )
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if not _ends_a_range(text, match, label):
                return True
    return False


# "HR-01 to HR-03", "Band 5 - Band 7": a heading over several grades' rows, none of them.
_RANGE_JOINER = r"\s*(?:to|through|thru|[-–])\s*"


def _ends_a_range(text: str, match: re.Match[str], label: str) -> bool:
    """Whether a key found in a text is one end of a range of keys of its label ("HR-03" of
    "levels HR-01 to HR-03")."""
    key = rf"{re.escape(label)}\s*[-–]?\s*\w{{1,4}}"
    before = re.search(rf"{key}{_RANGE_JOINER}$", text[: match.start()], re.IGNORECASE)
    after = re.match(rf"{_RANGE_JOINER}{key}", text[match.end() :], re.IGNORECASE)
    return before is not None or after is not None


def writes_coded_value(text: str, keys: Sequence[tuple[str, str]]) -> bool:
    """Whether a text writes a key's value of letters and digits as a word of its own, its
    label or not ("(P40)", "SSM401AA54000 A54 6,181.00" under the header "GRED"): a bare
    number of a table does not stand for such a value."""
    return any(
        re.search(r"[A-Za-z]", value)
        and re.search(r"\d", value)
        and re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text, re.IGNORECASE)
        for _, value in keys
    )


def writes_a_key_value(text: str, keys: Sequence[tuple[str, str]]) -> bool:
    """Whether a text writes a key's value as a word or number of its own ("A7", not "A70"),
    a level in either of its forms ("Level I" for "level 1"), with or without its label."""
    for _, value in keys:
        level = level_value(value)
        forms = {value, roman(level) or value} if level is not None else {value}
        for form in forms:
            if re.search(rf"(?<![A-Za-z0-9]){re.escape(form)}(?![A-Za-z0-9])", text, re.I):
                return True
    return False


def starts_a_row(text: str, keys: Sequence[tuple[str, str]]) -> bool:
    """Whether a line of the text begins with a key's value alone, as a row of a table keyed
    by its points or grades does ("20 43,460 44,765", "7 | 17,553")."""
    return _row_start(keys).search(text) is not None


def row_of_figures(line: str, keys: Sequence[tuple[str, str]]) -> bool:
    """Whether a line begins with a key's value and gives a figure after it ("20 43,460"), not
    words only ("GS-9 master's or equivalent graduate degree" states no pay of GS-9)."""
    start = _row_start(keys).search(line)
    return start is not None and any(c.isdigit() for c in line[start.end() :])


def _row_start(keys: Sequence[tuple[str, str]]) -> re.Pattern[str]:
    values = "|".join(_value_pattern(value) for _, value in keys)
    # The value may follow its scale's capitals: "CPS B10 | 31,270" for "job group b10".
    scale = r"(?:(?-i:[A-Z]{2,5})[ -])?"
    return re.compile(rf"^\s*{scale}(?:{values})(?![\w.,-])", re.IGNORECASE | re.MULTILINE)


# How many lines above a row its table's header is looked for in; a rule under a header
# ("---|---|---") is none of them.
_HEADER_REACH = 3


def keyed_by_value(
    block: list[str], position: int, keys: Sequence[tuple[str, str]], carried: str = ""
) -> bool:
    """Whether a line is the row of a key asked, written by its value alone under a header
    that names the key's label: "5  20575 21308 ..." under "S.G.  HR  STEP ..." for salary
    grade 5, "G $40,150 $62,208" under "Pay Band Minimum Maximum" for band G. The header may
    be carried from the passage before (a long table cut in two)."""
    line = block[position]
    if not keys or not starts_a_row(line, keys) or not FIGURE.search(line):
        return False
    above = [x for x in block[:position] if not FIGURE.search(x) and not RULE_LINE.match(x)]
    above = above[-_HEADER_REACH:]
    header = " ".join([carried, *above]).lower()
    tokens = {w.replace(".", "") for w in header.split()}
    grade_words = _grade_words()
    for label, value in keys:
        if not starts_a_row(line, [(label, value)]):
            continue
        words = label.split()
        initials = "".join(w[0] for w in words) if len(words) > 1 else ""
        # The header may name it in the plural: "Tiers | Avg Hours ..." over "I | 6-10 ...".
        if re.search(rf"\b{re.escape(label)}s?\b", header) or (initials and initials in tokens):
            return True
        if label.replace(".", "") in tokens:  # "sg" typed, "S.G." written
            return True
        # "grade 9" asked, "S.G." written: the initials of a grade label name its column.
        if label in grade_words and tokens & _grade_initials():
            return True
    return False


def row_keyed_in(chunk: Chunk, keys: Sequence[tuple[str, str]], within: str | None = None) -> bool:
    """Whether a line of the passage (of those the text `within` holds, when given) is the row
    of a key asked, written by its value alone under the header naming its label
    (keyed_by_value)."""
    lines = chunk.text.splitlines()
    return any(
        (within is None or line.strip() in within)
        and keyed_by_value(lines, n, keys, chunk.table_header or "")
        for n, line in enumerate(lines)
        if line.strip()
    )


def another_in_column(line: str, header: str, keys: Sequence[tuple[str, str]]) -> bool:
    """Whether a row of cells holds another value than a key asks in the column its label
    names: "Grade 4 | A | 50,355 |" under "Administrative Officer | Work value level | ..."
    is not the row of level D."""
    separator = "\t" if "\t" in line else "|"
    if separator not in line or separator not in header:
        return False
    cells = [c.strip().lower() for c in line.strip().strip("|").split(separator)]
    # The header line that names as many columns (not a line of units under it: "$ | $").
    lines = [
        [n.strip().lower() for n in part.strip().strip("|").split(separator)]
        for part in header.split("\n")
    ]
    names = next((n for n in lines if len(n) == len(cells)), None)
    if names is None:
        return False
    # A comparison asks several values of one label ("level 2 and level 3"): any of them.
    values: dict[str, list[str]] = {}
    for label, value in keys:
        values.setdefault(label, []).append(re.escape(value.lstrip("0")))
    for label, asked in values.items():
        wanted = set(label.replace(".", "").split())
        pattern = re.compile(rf"(?:{re.escape(label)}\s*)?0*(?:{'|'.join(asked)})")
        for name, cell in zip(names, cells, strict=True):
            labelled = wanted <= set(re.findall(r"[a-z0-9]+", name))
            if labelled and cell and not pattern.fullmatch(cell):
                return True
    return False


def keyed_in_column(line: str, header: str, keys: Sequence[tuple[str, str]]) -> bool:
    """Whether a table row written with tabs holds a key's value in the column whose name
    writes the key's label: "H5\t12\t27,711" under "Grade\tSpinal Column Point (SCP)\tBasic
    Salary" for "spinal column point 12" or "SCP 12"."""
    cells = [c.strip().lower() for c in line.split("\t")]
    names = [n.strip().lower() for n in header.split("\t")]
    if len(cells) < 2 or len(cells) != len(names):
        return False
    for label, value in keys:
        for name, cell in zip(names, cells, strict=True):
            words = set(re.findall(r"[a-z0-9]+", name))
            if cell == value and set(label.replace(".", "").split()) <= words:
                return True
    return False


@cache
def _grade_initials() -> frozenset[str]:
    """The initials of the grade labels of two or more words: "sg" of "salary grade"."""
    phrases = [p.split() for p in field_labels().grade if len(p.split()) > 1]
    return frozenset("".join(w[0] for w in words) for words in phrases)


def row_under_key(
    block: list[str], position: int, keys: Sequence[tuple[str, str]], step: str | None = None
) -> str:
    """The row of figures below a line that is a key asked and nothing else, the label on one
    line and its values on the next ("O-6" over "5,094.00 5,596.20 ..."); "" otherwise. Where
    the rows below are its steps ("ANUO5" over "1 66,904 ...", "2 68,704 ..."), the row of
    the step asked, or none."""
    line = block[position]
    if not keys or FIGURE.search(line) or not starts_with_key(line, keys):
        return ""
    rows: list[str] = []
    header = 0  # "CONPSS 7 Salary Scale" / "Step Amount (N)" / "1 1277667.00": a header between
    for below in block[position + 1 : position + 1 + _STEP_ROWS]:
        # A step's row may hold one figure: "1  1277667.00".
        row = is_figure_row(below) or bool(_STEP_ROW.match(below) and FIGURE.search(below))
        if not row and not rows and header < _HEADER_BETWEEN:
            header += 1
            continue
        if not row or (rows and _STEP_ROW.match(rows[0]) and not _STEP_ROW.match(below)):
            break  # the steps end at the next grade's row ("SM2 121,378 ...")
        rows.append(below)
    if not rows:
        return ""
    stepped = all(_STEP_ROW.match(row) for row in rows) and len(rows) > 1
    if step and stepped:
        return next((row for row in rows if _step_of(row) == step), "")
    return rows[0]


# The rows of a grade's steps, each led by its number ("3 51,946 53,746 ...", "(1) 107,632").
_STEP_ROW = re.compile(r"^\s*(?:\|\s*)?\(?(\d{1,2})[).]?\s*\|?\s+\S")


def _step_of(row: str) -> str:
    """The step a step's row is of: "3" of "3 51,946 ..." and of "(3) 51,946 ..."."""
    match = _STEP_ROW.match(row)
    return step_number(match.group(1)) if match else ""


def step_number(digits: str) -> str:
    """A step's number as written, its leading zeros dropped: "03" -> "3", "00" -> "0"."""
    return digits.lstrip("0") or "0"


_STEP_ROWS = 40
_HEADER_BETWEEN = 1
_STEP_ASKED = re.compile(r"\b(?:step|stage)\s*(\d{1,2})\b", re.IGNORECASE)


def other_step(line: str, step: str | None) -> bool:
    """Whether a line is the row of another step than the one asked ("2 68,959 ..." when step
    3 is asked), or names steps and not it ("Police Officer Step 2$70,220" when step 1 is)."""
    if not step:
        return False
    if _STEP_ROW.match(line):
        return _step_of(line) != step
    named = {step_number(n) for n in _NAMED_STEP.findall(line)}
    return bool(named) and step not in named


def names_steps(text: str) -> bool:
    """Whether a text names a step by the word and its number ("Step 2", "step 10")."""
    return _NAMED_STEP.search(text) is not None


# "Step 2", "step 10": a step the line names by the word (not a header listing the steps after
# it: "Step 00 01 02 ...").
_NAMED_STEP = re.compile(r"\bstep\s*(\d{1,2})(?!\d)(?![ \t]+\d{1,2}\b)", re.IGNORECASE)


# "Steps 1 2 3 4 5", "steps 1. 2 3 4": the steps a header lists after the one word.
_STEPS_LISTED = re.compile(r"\bsteps\s+(?P<steps>\d{1,2}(?:[.,]?\s+\d{1,2}\b)+)", re.IGNORECASE)


def lacks_step(header: str, step: str | None) -> bool:
    """Whether a table's header names its step columns and not the step asked ("Step 1 |
    ... | Step 5 |" when step 6 is asked): none of its rows gives that step's figure."""
    if not step:
        return False
    found = re.findall(r"\bstep\s*(\d{1,2})\b", header, re.I)
    for listed in _STEPS_LISTED.finditer(header):  # "Steps 1 2 3 4 5"
        found += re.findall(r"\d{1,2}", listed.group("steps"))
    named = {step_number(s) for s in found}
    return bool(named) and step not in named


def step_asked(question: str) -> str | None:
    """The one step a question names ("ANUO5 step 3"), if it names one."""
    steps = set(_STEP_ASKED.findall(question))
    return step_number(steps.pop()) if len(steps) == 1 else None


def starts_with_key(line: str, keys: Sequence[tuple[str, str]], literal: bool = True) -> bool:
    """Whether a line begins with one of the keys: the row it heads is that grade's. With
    literal off, the values are patterns ("\\w+": any grade of that label)."""
    line = line.lstrip(" |").replace(" | ", " ")  # "| Level | 16 |": a row of a "|" table
    for label, value in keys:
        value = re.escape(value) if literal else value
        if re.match(rf"\s*{re.escape(label)}\s*[-–]?\s*{value}(?![\w])", line, re.IGNORECASE):
            return True
    return False


# A line longer than this is prose, not a table's heading.
_HEADING_CHARS = 80


def has_step_column(chunk: Chunk, step: str | None) -> bool:
    """Whether a passage may give the step asked, if one is: a table with no step column
    ("SG 33 step 3"), its header or a heading line naming none, gives no step's figure; a
    sentence about steps ("Each grade has 8 steps.") is no column."""
    if step is None:
        return True
    headings = [
        line
        for line in (chunk.table_header or "", *chunk.text.splitlines())
        if len(line) <= _HEADING_CHARS and not line.rstrip().endswith(".")
    ]
    return any("step" in line.lower() for line in headings)


# A row's key that is a span of years or points: "5-9", "15 - 19", "30+", "11 and above".
_SPAN_KEY = re.compile(
    r"(?<![\w.,/-])(\d{1,2}\s?[-–]\s?\d{1,2}|\d{1,2}\+"
    r"|\d{1,2}\s(?:and|or)\s(?:above|over|up|more|older))(?![\w.,%/-])"
)


def spans_asked(question: str) -> list[str]:
    """The spans a question names as a row's key ("5-9 yrs on license", "30+ years"), or, when
    it names none, the count of years it gives ("a lateral with 8 years": the row whose span
    holds 8; "pay in 4th year", "in year four": 4)."""
    found = _SPAN_KEY.findall(question) or _YEARS_GIVEN.findall(question)
    for match in _YEAR_OF_SERVICE.finditer(question):
        number = match["number"] or match["after"]
        found.append(number if number.isdigit() else str(_ORDINALS.index(number.lower()) + 1))
    return found


# A count of years a question gives: "with 8 years of experience".
_YEARS_GIVEN = re.compile(r"(?<![\w.,/-])(\d{1,2})\s*(?:years?|yrs?)\b", re.IGNORECASE)
_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()
# Which year of service a question asks: "4th year", "fourth year", "year 4".
_YEAR_OF_SERVICE = re.compile(
    rf"\b(?P<number>\d{{1,2}}(?=st|nd|rd|th)|{'|'.join(_ORDINALS)})(?:st|nd|rd|th)?\s+year\b"
    r"|\byear\s+(?P<after>\d{1,2})(?![\d,.])",
    re.IGNORECASE,
)
# A row keyed by a year of service: "Year 4:", "Years 5 and beyond:", "Year 10+".
_YEAR_ROW = re.compile(
    r"\byears?\s+(?P<first>\d{1,2})(?P<on>\s*\+|\s+(?:and|or)\s+(?:beyond|above|over|up|more"
    r"|after|thereafter))?(?![\d,.])",
    re.IGNORECASE,
)


def writes_a_span(line: str, spans: Sequence[str]) -> bool:
    """Whether a line writes one of the spans as a key of its own ("5-9 years on license",
    not "15-19" nor "5-9%"), or a span that holds a count asked ("7-9 years" of 8, "10+
    years" of 12)."""
    for span in spans:
        numbers = re.findall(r"\d+", span)
        if len(numbers) == 1 and not span.endswith("+"):
            if any(_holds(match, int(numbers[0])) for match in _SPAN_KEY.finditer(line)):
                return True
            if any(_year_holds(match, int(numbers[0])) for match in _YEAR_ROW.finditer(line)):
                return True
            continue
        if span.endswith("+"):
            written = rf"{numbers[0]}\+"
        else:
            written = rf"{numbers[0]}\s?[-–]\s?{numbers[1]}"
        if re.search(rf"(?<![\w.,/-]){written}(?![\w.,%/-])", line):
            return True
    return False


def keys_other_years(line: str, spans: Sequence[str]) -> bool:
    """Whether a line is a row keyed by years of service ("4 | Year 1 | $24,000.00 | ...")
    that holds none of the spans asked ("Year 20"); "3rd year 85%" keys no row by a year 85."""
    keyed = any(not line[m.end() :].lstrip().startswith("%") for m in _YEAR_ROW.finditer(line))
    return bool(spans) and keyed and not writes_a_span(line, spans)


def _holds(span: re.Match[str], count: int) -> bool:
    """Whether a span a line writes ("7-9", "10+") holds the count."""
    numbers = [int(n) for n in re.findall(r"\d+", span.group(0))]
    return numbers[0] <= count <= (numbers[1] if len(numbers) > 1 else count)


def year_of_row(line: str) -> float | None:
    """The year of service a row opens with ("• Year 4: $20.50" -> 4; "Years 5 and beyond:"
    -> 5.5, past year 5), or None when it opens with none."""
    row = _YEAR_ROW.match(line.lstrip(" \t•*-–·"))
    if row is None:
        return None
    return int(row["first"]) + (0.5 if row["on"] else 0.0)


def _year_holds(row: re.Match[str], count: int) -> bool:
    """Whether a row keyed by a year of service ("Year 4", "Years 5 and beyond") holds the
    count of years."""
    first = int(row["first"])
    return count == first or (bool(row["on"]) and count > first)


# An amount written with its currency's sign: "€30,506.98", "$ 1,200".
MONEY_AMOUNT = re.compile(rf"[{CURRENCY_SIGNS}]\s?\d[\d,.]*")


def amounts_under_other_keys(line: str, keys: Sequence[tuple[str, str]]) -> bool:
    """Whether every amount of a line follows the mention of another key of the label asked
    than the one asked: "Salary Scale 10 will progress up to Salary Scale 7 (€30,506.98 x
    ...)" gives no figure of Scale 10. A line that names no key asked, or none before an
    amount, is not judged here."""
    asked = {value.lower() for _, value in keys}
    mentions = [
        (match.start(), match.group("value").lower())
        for label in {label for label, _ in keys}
        for match in re.finditer(
            rf"\b{re.escape(label)}\s*[-#]?\s*(?P<value>[A-Za-z]?\d{{1,3}}(?:\.\d{{1,2}})?[A-Za-z]?)\b",
            line,
            re.I,
        )
    ]
    amounts = [match.start() for match in MONEY_AMOUNT.finditer(line)]
    if not mentions or not amounts:
        return False
    owners = [max((m for m in mentions if m[0] < at), default=None) for at in amounts]
    # A point of the grade asked is of it: "HWF1.2" of "HWF1".
    return all(
        owner is not None and owner[1].split(".")[0] not in asked and owner[1] not in asked
        for owner in owners
    )

"""The quality gate's thresholds: the one place they are set (env ASSISTANT_EVAL_<NAME>)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic_settings import BaseSettings, SettingsConfigDict

from evals.results import Summary


class Thresholds(BaseSettings):
    """A run passes when every threshold holds; `None` switches a check off."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_EVAL_", extra="ignore")

    min_fact_recall: float | None = 1.0
    min_abstention_accuracy: float | None = 1.0
    max_invented_numbers: int | None = 0
    min_hit_at_k: float | None = None
    min_citation_precision: float | None = None
    min_document_cited: float | None = None
    max_latency_p95_ms: float | None = None

    # Retrieval metrics look at the first k ranked passages.
    retrieval_k: int = 5

    def failures(self, summary: Summary) -> list[str]:
        """One line per threshold the summary misses; [] when the run passes."""
        checks: list[tuple[str, float | None, float | None, bool]] = [
            ("fact recall", summary.fact_recall, self.min_fact_recall, True),
            (
                "abstention accuracy",
                summary.abstention_accuracy,
                self.min_abstention_accuracy,
                True,
            ),
            ("invented numbers", summary.invented_numbers, self.max_invented_numbers, False),
            (f"hit@{self.retrieval_k}", summary.hit_at_k, self.min_hit_at_k, True),
            ("citation precision", summary.citation_precision, self.min_citation_precision, True),
            ("right document cited", summary.document_cited, self.min_document_cited, True),
            ("latency p95 ms", summary.latency_p95_ms, self.max_latency_p95_ms, False),
        ]
        failed = []
        for name, value, limit, at_least in checks:
            if limit is None or value is None:
                continue
            if (value < limit) if at_least else (value > limit):
                sign = ">=" if at_least else "<="
                failed.append(f"{name} {_show(value)} (required {sign} {_show(limit)})")
        return failed


def _show(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def real_set_floor() -> Thresholds:
    """The floor the real set (evals/datasets/real.yaml) must not fall below: where the product
    stands on real standards nobody here wrote, so a change that loses ground fails the build.
    The targets are higher (fact recall >= 0.9, abstention 1.0); this floor only ever rises."""
    return Thresholds(
        min_fact_recall=0.88,
        min_abstention_accuracy=0.95,
        min_document_cited=0.97,
        max_invented_numbers=0,
        min_hit_at_k=0.95,
    )


@dataclass(frozen=True)
class HeldOutFloor:
    """The floor one held-out set (evals/datasets/<name>.yaml over evals/corpora/<name>/) must
    not fall below. Each set's comment says what it holds, where its first run stood before
    any rule was changed for it, and where the floor was set since: it only ever rises."""

    fact_recall: float
    abstention_accuracy: float
    document_cited: float = 0.95
    hit_at_k: float = 0.95

    def thresholds(self) -> Thresholds:
        return Thresholds(
            min_fact_recall=self.fact_recall,
            min_abstention_accuracy=self.abstention_accuracy,
            min_document_cited=self.document_cited,
            max_invented_numbers=0,
            min_hit_at_k=self.hit_at_k,
        )


HELD_OUT_FLOORS: dict[str, HeldOutFloor] = {
    # The floor of the second real set (evals/datasets/holdout.yaml): eleven standards from
    # publishers the parser had not seen, gathered after the first set was tuned. The product scored
    # 60.5% fact recall on it at first (the naive baseline 76.5%); the general layout rules it
    # showed missing raised it to 88.9%. It is no longer unseen, so it guards what was learnt from
    # it rather than measuring generality.
    "holdout": HeldOutFloor(0.89, 0.9),
    # The floor of the third real set (evals/datasets/holdout2.yaml): twelve standards from twelve
    # more publishers, gathered unseen after the holdout set was learnt from. First run: fact recall
    # 48.7% (the naive baseline 81.2%). Its hardest layouts (a scanned table read column by column,
    # a transposed table whose empty cells shift the columns) are not read yet, so its floor is
    # below the other sets'.
    "holdout2": HeldOutFloor(0.74, 0.75, document_cited=0.9, hit_at_k=0.9),
    # The floor of the fourth real set (evals/datasets/holdout3.yaml): twelve standards from twelve
    # more publishers, gathered unseen last. First run: fact recall 58.2% (the naive baseline
    # 73.9%); the general rules it showed missing (a table flattened column by column, bands by
    # level, codes written before titles) brought it level with the baseline's recall.
    "holdout3": HeldOutFloor(0.82, 0.78, document_cited=0.9, hit_at_k=0.9),
    # The floor of the fifth real set (evals/datasets/holdout4.yaml): twelve standards from twelve
    # more publishers (a USAJOBS posting, a state statute's grade table, an Irish parliamentary
    # answer, a police pay scale, a Singapore scheme, a school district's side-by-side
    # schedule...), gathered unseen. First run: fact recall 65.7%, abstention 71.2% (the naive
    # baseline 81.4%, 86.4%); the general rules it showed missing (labels above their values, column
    # names a line each, titles listed under grades, one title in two documents) raised it to 83.3%,
    # 84.7%.
    "holdout4": HeldOutFloor(0.89, 0.8, document_cited=0.9, hit_at_k=0.9),
    # The floor of the sixth real set (evals/datasets/holdout5.yaml): twelve standards from twelve
    # more publishers (India's pay matrix, an Ontario order in council, city ordinances with their
    # tables run together, school district postings, TVA and Smithsonian postings), gathered unseen
    # after holdout4 was learnt from. First run: fact recall 68.6%, abstention 59.3%, one invented
    # number (the naive baseline 86.3%, 86.4%, none); the general rules it showed missing raised it
    # to 77.5%, 74.6%, none. Its tables whose rows ran onto one line are not read yet, so its floor
    # is the lowest.
    "holdout5": HeldOutFloor(0.91, 0.65, document_cited=0.85, hit_at_k=0.9),
    # The floor of the seventh real set (evals/datasets/holdout6.yaml): twelve standards from twelve
    # more publishers (Ohio's class index, Montana's 1995 pay statute, a city ordinance's one-cell-
    # a-line table, scanned county and city memos, a school district's step schedule, the 2006
    # military basic pay table, a UK council's Hay grades, Kenya's job groups, a Philippine crafts
    # listing and salary grade table, a Canadian union summary), gathered unseen after holdout5 was
    # learnt from. First run: fact recall 63.5%, abstention 72.1%, none invented (the naive baseline
    # 67.3%, 85.2%, none); the general rules it showed missing (currencies written as letters, "Job
    # Group B2" keys, codes before titles in listings, a bare label's value on the line below,
    # abbreviated grade labels) raised it to 72.1%, 85.2%, and holdout7's rules (rows keyed by their
    # value, a key above its figures) to 79.8%.
    "holdout6": HeldOutFloor(0.84, 0.75, document_cited=0.85, hit_at_k=0.9),
    # The floor of the eighth real set (evals/datasets/holdout7.yaml): twelve standards from twelve
    # more publishers (New York's 2003 salary grade table in fixed-width columns, Arkansas's pay
    # table a value a line, TSA's lettered pay bands, a university's pipe tables, a city posting
    # with its pay cells run together, Kansas City's two-line grade rows, a county spec, New
    # Zealand's pay rates in prose, Nigeria's step scales, a UK council's band page, a scanned
    # statute with amounts in words, a State Department SOP), gathered unseen after holdout6 was
    # learnt from. First run: fact recall 62.7%, abstention 66.7%, none invented (the naive baseline
    # 72.5%, 81.0%, none); the general rules it showed missing (grades of letters as keys, rows
    # keyed by their value under a header naming the label, a long table's header carried to its
    # later passages, a row carried onto a second line, a key on one line and its figures on the
    # next) raised it to 84.3%, 79.4%.
    "holdout7": HeldOutFloor(0.89, 0.75, document_cited=0.9, hit_at_k=0.9),
    # The floor of the ninth real set (evals/datasets/holdout8.yaml): twelve standards from twelve
    # more publishers, ten of them single class specifications or job descriptions (a state police
    # agency, a community college, New York State's operator series, a water plant spec naming no
    # place, Massachusetts, San Leandro, a Canadian university, the APS Level 5 standard, an Army
    # benchmark PD, a college district) and two pay tables (ANU's steps under their levels,
    # Hertfordshire a cell a line), gathered unseen after holdout7 was learnt from. First run: fact
    # recall 51.0%, abstention 65.6%, none invented (the naive baseline 59.6%, 81.2%, none); the
    # general rules it showed missing (four-decimal hourly rates, a title line ending in its grade
    # with its code below, labelled titles, the acronym of a body without its place, a head noun
    # after a place, a grade's step rows, a named document read whole) raised it to 68.3%, 76.6%.
    "holdout8": HeldOutFloor(0.82, 0.72, document_cited=0.8, hit_at_k=0.9),
    # The floor of the tenth real set (evals/datasets/holdout9.yaml): twelve standards from twelve
    # more publishers (a federal bureau's pay bands in a pipe table whose header wraps over three
    # lines, South Africa's salary levels in rand with spaces between thousands, an NHS board's
    # posting of "LABEL: value" lines, an Australian award's telephonist levels, a scanned Ontario
    # by-law, a school district's step chart run together, a university spec naming no place, a
    # county posting of titles with a colon over their monthly and hourly ranges, a county's
    # clerical list with hourly rates broken at the point, a scanned city resolution, a state
    # auditor series, an office assistant spec naming no employer), gathered unseen after holdout8
    # was learnt from. First run: fact recall 60.6%, abstention 66.2%, none invented (the naive
    # baseline 77.9%, 80.0%, none); the general rules it showed missing (the rand and thousands
    # grouped by spaces, a split pipe header above its rule, requirements answered only by a line
    # that names them, titles with a colon over their pay lines, "class #", "post" as a word of the
    # question) raised it to 69.2%, 81.5%.
    "holdout9": HeldOutFloor(0.72, 0.78, document_cited=0.85, hit_at_k=0.9),
    # The floor of the eleventh real set (evals/datasets/holdout10.yaml): twelve standards from
    # twelve more publishers (San Francisco's transit training specialist with its steps a line a
    # period, a city resolution's OCR step table, a school district's posting of labels above their
    # values, a port district's series, a transit job board posting naming no place, Hawaii's
    # recruitment with its SR grade, a New Jersey promotional announcement, the FAA's core
    # compensation page, a Manitoba posting, a Nova Scotia wage summary run together, a London
    # borough's pay policy, South Australia's administrative stream standards), gathered unseen with
    # holdout9. First run: fact recall 76.9%, abstention 73.1%, none invented (the naive baseline
    # 85.2%, 80.6%, none); the general rules holdout9 and it showed missing (a body's acronym
    # without a two-word place, question words typed in a hurry, requirements answered only by a
    # line that names them) raised it to 83.3%, 82.1%.
    "holdout10": HeldOutFloor(0.83, 0.78, document_cited=0.9, hit_at_k=0.9),
    # The floor of the twelfth real set (evals/datasets/holdout11.yaml): twelve standards from
    # twelve more publishers, mostly single class specifications and postings of US counties and
    # cities (a county spec with its grade and code and no dollars, a county spec with hourly,
    # monthly and yearly ranges on one line, an exam announcement with labels above their values, a
    # city posting of three levels naming no place, a county posting with grade and step, a
    # personnel board's spec, a scanned 1975 resolution, a utility district's 1966 step schedule)
    # beside the FDIC's base salary structure, a county's title listing, a UK university's spine
    # points naming no institution and a South African posting in rand, gathered unseen after
    # holdout10 was learnt from. First run: fact recall 76.0%, abstention 85.9%, none invented (the
    # naive baseline 81.0%, 78.1%, none); the general rules it showed missing (a row of another key
    # under a heading naming the key asked, the next grade up of a follow-up, a follow-up's period)
    # raised it to 82.0%, 85.9%.
    "holdout11": HeldOutFloor(0.89, 0.82, document_cited=0.9, hit_at_k=0.9),
    # The floor of the thirteenth real set (evals/datasets/holdout12.yaml): twelve pay and grade
    # tables in unusual layouts, seven from outside the US (a city's salary schedule with its
    # columns out of order and grade and code run together, a fire district's monthly step table, a
    # college district's management schedule with a wrapped header, a school district spec with a
    # range number only, a corrections agreement's ranges by steps per effective date naming no
    # employer, Hong Kong's pay scale points, Malaysia's tables in Malay, an Irish factfile in
    # pounds, Southampton's grade structure by job evaluation points, Tamil Nadu's pay matrix a cell
    # pair a line, a Newfoundland order's pay groups, Singapore's MX grades in labelled blocks),
    # gathered unseen with holdout11. First run: fact recall 56.9%, abstention 60.9%, none invented
    # (the naive baseline 54.9%, 79.7%, none); the general rules it showed missing (labelled blocks
    # a class each, dollars of other countries, a head noun one typo away names nothing, figures
    # under another title's label) raised it to 57.8%, 68.8%: the hardest set yet.
    "holdout12": HeldOutFloor(0.66, 0.64, document_cited=0.8, hit_at_k=0.9),
    # The floor of the fourteenth real set (evals/datasets/holdout13.yaml): twelve class
    # specifications and postings as HR departments publish them, from twelve publishers (a state
    # spec with its code and grade unlabelled by colons, a county job-profile export with each
    # label's value two lines below and no title in its text, a school district spec with a range
    # number only, a city posting, a wastewater series naming no district, a university spec with no
    # headings, a Canadian town's posting, an Australian council's band, two police dispatcher pages
    # - one a range a line by period, one a table of leader dots under a header written a cell a
    # line - a Scottish council's posting, a fire bulletin), gathered unseen after holdout12 was
    # learnt from. First run: fact recall 77.2%, abstention 78.5%, none invented (the naive baseline
    # 75.9%, 83.1%, none); the general rules it showed missing (those labels and tables, a title
    # after its place's name, ranges of other periods under a range, yes-or-no questions about what
    # a standard never mentions, follow-ups that keep a period or ask a sentence) raised it to
    # 92.0%, 95.4%, later 95.7%. December 5 it fell to 93.8%: a class's bare title line no longer
    # answers, and UConn's payroll title had been answered by such a line whose only fact was in its
    # manifest title; the floor went to 0.93.
    "holdout13": HeldOutFloor(0.93, 0.9, document_cited=0.93, hit_at_k=0.9),
    # The floor of the fifteenth real set (evals/datasets/holdout14.yaml): twelve documents from
    # twelve publishers, most holding several classes (a state engineer series with hourly, monthly
    # and annual ranges on one line, a county's road maintenance levels, a city agenda item listing
    # titles each with its range, a city's utility series run into one paragraph, a university job
    # family's levels with market ranges, Queensland Health's pay points, a Canadian county's by-law
    # in OCR, a Scottish council's grades in a reply, a transit hiring notice in prose, a port
    # authority posting, a school system's paraprofessional, a water utility's series naming no
    # place), gathered unseen with holdout13's learning done. First run: fact recall 73.6%,
    # abstention 70.8%, none invented (the naive baseline 68.6%, 81.5%, none); the general rules it
    # showed missing (titles listed with their ranges, a title naming several levels, a series
    # titled by its levels giving each its sections, a period word read whole) raised it to 78.3%,
    # 81.5%.
    "holdout14": HeldOutFloor(0.8, 0.77, document_cited=0.9, hit_at_k=0.9),
    # The floor of the sixteenth real set (evals/datasets/holdout15.yaml): twelve US state, county,
    # city and special-district documents (a water operator posting listing its levels each with a
    # range, a court flyer keying ranges by a level alone, a county form of spaced fields, a transit
    # bulletin run into one paragraph, a trainee and a certified rate under one class, a court and a
    # school district that never name themselves), gathered unseen with holdout14's learning done.
    # First run: fact recall 71.9%, abstention 72.3%, none invented (the naive baseline 93.5%,
    # 83.1%, none); the general rules it showed missing (pay words before a listed range, level-
    # keyed ranges, capital initials of a place, a label heading over its value, identifiers'
    # numbers, typical periods, employment kind, qualified pay) raised it to 84.9%, 90.8%.
    "holdout15": HeldOutFloor(0.85, 0.89, hit_at_k=0.9),
    # The floor of the seventeenth real set (evals/datasets/holdout16.yaml): twelve university,
    # federal and non-US documents (HEW levels with steps a line under their heading, an OCC band
    # table, Oxford's historic grades, UCD's hourly rates a cell a line, a student job guide a cell
    # a line, a park service's GS rates, Strathclyde's descriptors in one run-on line), gathered
    # unseen beside holdout15. First run: fact recall 59.4%, abstention 67.7%, none invented (the
    # naive baseline 71.7%, 81.5%, none); grade keys as people type them (glued, unpadded, an amount
    # on the line below its key) raised it to 63.2%, 72.3%. Still below the baseline: the layouts
    # left are wide grids a cell a line.
    "holdout16": HeldOutFloor(0.71, 0.7, document_cited=0.88, hit_at_k=0.9),
    # The floor of the eighteenth real set (evals/datasets/holdout17.yaml): twelve documents, six US
    # and six from Australia, Kenya, Ireland, the UK, Canada and South Africa (an OCR'd salary
    # resolution run into one line, a grade table in one sentence, a notice of posts with no blank
    # lines, labels glued to values, a university schedule a cell a line, a job-group table with its
    # scale's capitals), gathered unseen after holdout15 and holdout16 were learnt from. First run:
    # fact recall 68.6%, abstention 73.8%, none invented (the naive baseline 73.5%, 78.5%, none);
    # the general rules it showed missing (a notice a block a post, titles with rates, a key after
    # its scale's capitals, grade follow-ups) raised it to 75.5%, 80.0%.
    "holdout17": HeldOutFloor(0.78, 0.78, document_cited=0.93, hit_at_k=0.9),
    # The floor of the nineteenth real set (evals/datasets/holdout18.yaml): twelve US class
    # specifications, postings and schedules (labels ending one line and values starting the next,
    # an OCR'd resolution whose step list sits apart from its rates, a school district's grade table
    # on one run-on line, a posting of two levels by range code, a court's four-decimal hourly
    # range), gathered unseen. First run: fact recall 68.9%, abstention 80.3%, none invented (the
    # naive baseline 88.7%, 80.3%, none); a false premise checked against the passages, a document's
    # own number and a tag question's words left out raised it to 72.6%, 84.8%.
    "holdout18": HeldOutFloor(0.76, 0.83, document_cited=0.92),
    # The floor of the twentieth real set (evals/datasets/holdout19.yaml): twelve documents, seven
    # from outside the US (a council's pipe table of package, salary, super and leave loading by
    # level, EU function groups in euro, India's pay levels in prose, a Philippine salary grade
    # table, an NHS posting of alternating labels, a rand package by minimum, midpoint and maximum)
    # and US federal, tribal, territorial and university pages, gathered unseen. First run: fact
    # recall 68.9%, abstention 68.2%, none invented (the naive baseline 75.5%, 80.3%, none); columns
    # named by some of their words, pipe headers carried into later passages and amounts grouped by
    # spaces raised it to 78.3%, 74.2%.
    "holdout19": HeldOutFloor(0.81, 0.72),
    # The floor of the twenty-first real set (evals/datasets/holdout20.yaml): twelve class
    # specifications and postings, six with several classes or levels (a town's grade schedule a
    # cell a line with an unnamed key column and an empty column, a fire ordinance's range codes,
    # levels with starting rates under a base rate), gathered unseen. First run: fact recall 70.2%,
    # abstention 75.4%, none invented (the naive baseline 76.0%, 80.0%, none); wide tables a cell a
    # line put back into rows, a key column left unnamed and a level no class has raised it to
    # 79.8%, 81.5%.
    "holdout20": HeldOutFloor(0.85, 0.8, document_cited=0.9),
    # The floor of the twenty-second real set (evals/datasets/holdout21.yaml): twelve pay documents,
    # six from outside the US (an award's table a cell a line with a units row, a revenue agency's
    # step tables by date a cell a line, a 1994 pay order in Irish pounds, a remuneration
    # determination's pipe table, lakh notation, job groups with no amounts) and six US (an OCR'd
    # 1952 ordinance, a charter school's schedule, stipends by term), gathered unseen. First run:
    # fact recall 62.3%, abstention 71.2%, none invented (the naive baseline 76.4%, 80.3%, none);
    # wide tables a cell a line read a row a line, a row of another level in the column a key names
    # and a document's own number raised it to 73.6%, 77.3%.
    "holdout21": HeldOutFloor(0.77, 0.76, document_cited=0.9),
    # The floor of the twenty-third real set (evals/datasets/holdout22.yaml): twelve US documents (a
    # legislature's salary schedule with line numbers in its gutter and deleted and replacement
    # dates side by side, level ranges with no period, four apprentice ranges run together, a
    # posting with labels run into their values, class specifications on one run-on line, pay only
    # as percentages), gathered unseen after holdout18-21 were learnt from. First run, nothing
    # changed for it: fact recall 69.2%, abstention 69.7%, none invented (the naive baseline 91.5%,
    # 80.3%, none). Since, its grades across a line with their amounts below are read, and grades
    # typed with a number sign (85.2%, 80.3%): the floors are 1.5 points under that.
    "holdout22": HeldOutFloor(0.83, 0.78, document_cited=0.85),
    # The floor of the twenty-fourth real set (evals/datasets/holdout23.yaml): twelve documents,
    # eight from outside the US (note markers run into row labels, spine points with grade labels
    # run into the first point, codes run into titles, a table a cell a line each starting with "|",
    # nursing ranks written in Chinese) and four US federal pages, gathered unseen beside holdout22.
    # First run, nothing changed for it: fact recall 57.3%, abstention 66.2%, none invented (the
    # naive baseline 82.7%, 80.9%, none). Since, its grouped spine points are read (71.8%): the
    # floor is 1.5 points under that.
    "holdout23": HeldOutFloor(0.7, 0.65, document_cited=0.78),
    # The floor of the twenty-fifth real set (evals/datasets/holdout24.yaml): twelve US class specs
    # and pay pages (two states, four counties, five cities, a school district), gathered unseen by
    # a helper: labels on one line and values on the next with no class title, a budget bill's table
    # a cell a line under a header of three rows, range codes with no dollars, a scanned spec with
    # "<br />" in its text. First run, nothing changed for it: fact recall 70.9%, abstention 67.6%,
    # none invented (the naive baseline 73.6%, 80.9%, none). Since, the layouts it showed are read
    # (88.2%, 85.3%): the floor is 1.5 points under that.
    "holdout24": HeldOutFloor(0.86, 0.83, document_cited=0.96),
    # The floor of the twenty-sixth real set (evals/datasets/holdout25.yaml): twelve pay schedules
    # and grade pages of federal, foreign, university and public-enterprise employers, gathered
    # unseen by a helper beside holdout24: a UK spine in a pipe table whose header wraps over six
    # lines, Indian scales glued to their grades, Irish figures a cell a paragraph, an Australian
    # agreement's apprentice shares, a New Zealand news item, a Canadian university's undated
    # tables, postings in label lines. First run, nothing changed for it: fact recall 79.2%,
    # abstention 77.1%, none invented (the naive baseline 81.0%, 81.4%, none). Since, typos of names
    # only a manifest gives and employers named in full are read (79.2%, 80.0%): the floor is 1.5
    # points under that.
    "holdout25": HeldOutFloor(0.77, 0.78),
    # The floor of the twenty-seventh real set (evals/datasets/holdout26.yaml): twelve pages of
    # twelve publishers, gathered unseen by a helper: a police service advert with two untitled
    # posts, a bank's notice, grade codes and supplements a cell a paragraph, a tribe's posting
    # naming no tribe, a legislative paper's table a cell a paragraph, cadet shares, pay dates.
    # First run, nothing changed for it: fact recall 67.3%, abstention 75.8%, none invented (the
    # naive baseline 90.9%, 83.3%, none). Since, cells a paragraph are put back into rows and claims
    # are read as claims (70.9%, 83.3%): the floor is 1.5 points under.
    "holdout26": HeldOutFloor(0.69, 0.81),
    # The floor of the twenty-eighth real set (evals/datasets/holdout27.yaml): eight class
    # specifications and job descriptions and four pay texts of twelve publishers, gathered unseen
    # by a helper: a duty table a cell a line between "|" lines, labels glued to values, two levels
    # under one range, apprentice steps as shares, bands of example posts. First run, nothing
    # changed for it: fact recall 85.2%, abstention 86.2%, none invented (the naive baseline 93.5%,
    # 83.1%, none). Since, posts in a list, shares of a rate and labels the question names are read
    # (89.8%, 93.8%): the floor is 1.5 points under that.
    "holdout27": HeldOutFloor(0.88, 0.92),
    # The floor of the twenty-ninth real set (evals/datasets/holdout28.yaml): twelve pages of twelve
    # publishers in four countries, gathered unseen by a helper: a memo's rows run onto one line, a
    # spec with empty hourly slots, postings on one page, a form's labels without colons, pay as a
    # share of a rate, a scale's headings after its rows, scales by increments, wages in a news
    # release. First run, nothing changed for it: fact recall 72.4%, abstention 78.6%, none invented
    # (the naive baseline 90.4%, 81.4%, none). Since, form labels, places typed short, bonuses
    # beside wages and amounts of another scale are read (84.6%, 82.9%): the floor is 1.5 points
    # under that.
    "holdout28": HeldOutFloor(0.83, 0.81),
    # The floor of the thirtieth real set (evals/datasets/holdout29.yaml): twelve postings,
    # descriptions and pay texts of twelve publishers, four outside the US, gathered unseen by a
    # helper and not yet learnt from: a pay band in a posting's title line, rates to five decimals,
    # a label a line, steps inside title lines, a vacancy table a cell a line in pa'anga, a circular
    # naming no country, grades with no dollars, salaries in news prose. First run, nothing changed
    # for it: fact recall 80.2%, abstention 80.0%, none invented (the naive baseline 80.2%, 82.9%,
    # none). Since, "|" rows a page wrapped and a circular's sections run into one paragraph are
    # read (87.9%, 87.1%): the floor is 1.5 points under that.
    "holdout29": HeldOutFloor(0.86, 0.85),
    # The floor of the thirty-first real set (evals/datasets/holdout30.yaml): twelve postings,
    # descriptions and pay texts of twelve publishers, four outside the US, gathered unseen by a
    # helper: pay with no dollar sign, a paragraph with a bare starting rate, employers named only
    # by a web address, a vacancy's post, level and salary in vatu on one line, a scale in pula with
    # no currency, a salary schedule flattened with its letters spaced apart, premiums in a news
    # release, salaries in news prose. First run, nothing changed for it: fact recall 70.2%,
    # abstention 77.0%, none invented (the naive baseline 75.0%, 83.8%, none). Since, a page's
    # openings are read under their headings, a grade's minimum and midpoint, pay a title lists
    # (79.8%, 87.8%): the floor is 1.5 points under that.
    "holdout30": HeldOutFloor(0.78, 0.86),
    # The floor of the thirty-second real set (evals/datasets/holdout31.yaml): twelve job
    # specifications, postings and pay texts of twelve publishers, four outside the US, gathered
    # unseen by a helper: a "|" table whose first cells label their values, a resolution's classes
    # under a "Class Salary Range" header with their cells run together, a form whose headings
    # explain themselves in parentheses with each bullet a paragraph above its item, a posting whose
    # job summary is its only account of the work, an OCR'd court order on one line. First run,
    # nothing changed for it: fact recall 81.4%, abstention 89.2%, none invented (the naive baseline
    # 95.8%, 79.7%, none). Since, those layouts are read, a grade given asks which class holds it
    # and a section of duties is quoted in its order (89.0%, 94.6%): the floor is 1.5 points under
    # that.
    "holdout31": HeldOutFloor(0.87, 0.93),
    # The floor of the thirty-third real set (evals/datasets/holdout32.yaml): twelve job
    # descriptions, postings and pay texts of twelve publishers, four outside the US, five naming no
    # employer or place, gathered unseen by a helper: a USAJOBS printout with two labels on a line
    # and their values two lines below, a vacancy with each label a blank line above its value, a
    # pay policy in numbered paragraphs, Belize's pay scales flattened with their titles, a 1960
    # resolution's step table OCR'd onto one line. First run, nothing changed for it: fact recall
    # 70.1%, abstention 75.7%, none invented (the naive baseline 87.6%, 79.7%, none). Since, an
    # identifier stays one word, a label and its value a blank line apart are joined, a place asked
    # with no class reads its passages (73.4%, 79.7%); the next round, several labelled fields asked
    # at once are each answered and a heading that ends its document answers nothing (78.2%, 82.4%):
    # the floor is 1.5 points under that.
    "holdout32": HeldOutFloor(0.76, 0.8),
    # The floor of the thirty-fourth real set (evals/datasets/holdout33.yaml): twelve postings, job
    # profiles and pay pages of twelve publishers, four outside the US, gathered unseen by a helper:
    # a Kentucky advert of labels each over its value, a posting in one run-on paragraph, an English
    # council's grades as headings over bulleted points, an Irish booklet's numbered qualifications,
    # a Papua New Guinea job description, an ACT vacancy that names its title only in a sentence.
    # First run, nothing changed for it: fact recall 72.9%, abstention 82.4%, none invented (the
    # naive baseline 87.3%, 79.7%, none). Since, several labelled fields asked at once are each
    # answered, a title is the longest head the text writes, two periods asked at once filter no
    # line (75.4%, 81.1%); later, a heading that ends its document answers nothing, a vacancy's
    # "you'll ..." sentences say what the class does, the notice above a posting's requirements
    # requires nothing (83.1%, 87.8%): the floor is 1.5 points under that.
    "holdout33": HeldOutFloor(0.81, 0.86),
    # The floor of the thirty-fifth real set (evals/datasets/holdout34.yaml): twelve postings, job
    # descriptions and pay pages of twelve publishers, four outside the US, gathered unseen by a
    # helper: a USAJOBS announcement, two state postings, a county's preferred range inside its full
    # range, a school district's description with empty headings and no employer named, a college
    # district's monthly pay for a 0.4 FTE post, Jersey's grades glued to their titles, the Northern
    # Territory's package, the Turks and Caicos, South Georgia and Regina. First run, after this
    # round's other rules and nothing changed for it: fact recall 73.7%, abstention 89.2%, none
    # invented (the naive baseline 78.8%, 79.7%, none). Since, a follow-up asking how many asks its
    # own thing, a passage is read for its employer's acronym (74.6%, 90.5%); in the next round, a
    # grade run into its number after a title the question writes, a comparison of two labelled
    # ranges of one class, a label's word in the title's description (77.1%, 90.5%): the floor is
    # 1.5 points under that.
    "holdout34": HeldOutFloor(0.75, 0.89),
    # The floor of the thirty-sixth real set (evals/datasets/holdout35.yaml): twelve postings,
    # announcements and vacancy pages of twelve publishers, four outside the US, gathered unseen by
    # a helper: a DEA vacancy whose salary line runs on into its grades, a seasonal posting with its
    # pay alone on a line, an announcement heading its class with its number after a dash, a city's
    # range inside a provisional one, a booklet for a Grade VII post, election roles a cell a line,
    # an overseas vacancy ending on an empty heading. First run, nothing changed for it: fact recall
    # 80.8%, abstention 76.0%, none invented (the naive baseline 91.1%, 80.0%, none). Since, a
    # posting's head is read for its class's code, its lone pay line and its uncoloned salary, a
    # grade asked by number is found in roman numerals, a heading placed by the line above it still
    # heads nothing (80.8%, 81.3%): the floor is 1.5 points under that.
    "holdout35": HeldOutFloor(0.79, 0.79),
    # The floor of the thirty-seventh real set (evals/datasets/holdout36.yaml): twelve postings,
    # releases and vacancy pages of twelve publishers, three outside the US, gathered unseen by a
    # helper: grades a line each with their first and last steps, levels a line each with a dash
    # before the rate, a release with its pay under "BENEFITS:", a posting that never names its
    # title, run-on paragraphs, labels with no colon and pay in rand, a salary in words. First run,
    # nothing changed for it: fact recall 68.8%, abstention 88.0%, none invented (the naive baseline
    # 79.7%, 80.0%, none). Since, a range as its line writes it, levels listed a line each, pay in
    # words, headings over lists and prose, a lead-in of duties with its items, an acronym of
    # another place than the question's naming nothing, a count of years keying the row whose span
    # holds it (84.4%, 94.7%): the floor is 1.5 points under that.
    "holdout36": HeldOutFloor(0.82, 0.93),
    # The floor of the thirty-eighth real set (evals/datasets/holdout37.yaml): twelve postings and
    # job descriptions of twelve publishers, three outside the US, gathered unseen by a helper:
    # labels run into their values, a salary with no dollar sign, levels glued to a label of pay,
    # two figures of a range under its label with its code, pay per day, a form's labels each over
    # its value, a rand range with its task grade after "i.e.". First run, nothing changed for it:
    # fact recall 70.5%, abstention 82.7%, none invented (the naive baseline 81.1%, 78.7%, none).
    # Since, period words only after a range, grades after a salary, listed titles with level
    # numbers, form labels over values, follow-ups that ask of the same class in words of their own
    # (85.4%, 89.3%): the floor is 2 points under that.
    "holdout37": HeldOutFloor(0.83, 0.87),
    # The floor of the thirty-ninth real set (evals/datasets/holdout38.yaml): twelve postings and
    # pages of twelve publishers, three outside the US, gathered unseen by a helper: labels over
    # values, levels each over a wage scale and a paragraph of their work, a grade after a posting's
    # title, a starting rate, a form's next label run onto a value, pay in euro by years of service,
    # a notice with no closing date. First run, nothing changed for it: fact recall 78.3%,
    # abstention 92.0%, none invented (the naive baseline 83.3%, 78.7%, none). Since, those layouts
    # read, a level's own part as its duties, a date asked of passages that write none refused
    # (89.9%, 98.7%; 91.3% once "apply" asked nothing): the floor is 2 points under the first.
    "holdout38": HeldOutFloor(0.87, 0.96),
    # The floor of the fortieth real set (evals/datasets/holdout39.yaml): twelve postings and pay
    # pages of twelve publishers, three outside the US, gathered unseen by a helper: manifest titles
    # that list what a posting holds, labels run onto the values above them, a table a cell a line
    # with a description column, two roles on one page each leading into its duties, a compound
    # "SERIES & GRADE" label, a pay scale whose dashes were lost, pay in pounds and in Australian
    # and Canadian dollars. First run, nothing changed for it: fact recall 76.4%, abstention 80.0%,
    # none invented (the naive baseline 81.2%, 78.7%, none). Since, those layouts read (88.2%,
    # 90.7%): the floor is 2 points under.
    "holdout39": HeldOutFloor(0.86, 0.88),
    # The floor of the forty-first real set (evals/datasets/holdout40.yaml): twelve postings, pay
    # pages and profiles of twelve publishers, four outside the US, gathered unseen by a helper: a
    # table ruled with dashes and a row per span of service, labels over values with no colons,
    # levels defined in words then priced, "$67K-$80K per year", headings glued to their text, pay
    # in rand, euro and rupees. First run, nothing changed for it: fact recall 73.0%, abstention
    # 83.3%, none invented (the naive baseline 85.8%, 75.6%, none). Since, those layouts read
    # (82.4%, 88.5%): the floor is 2 points under.
    "holdout40": HeldOutFloor(0.8, 0.86),
    # The floor of the forty-second real set (evals/datasets/holdout41.yaml): fourteen class
    # specifications, pay pages and postings of eleven publishers, three outside the US, gathered
    # unseen by a helper: a code table whose tabs became spaces under a header a cell a line,
    # classes placed at their ranges in a sentence, title/grade rows glued together, class headings
    # in capitals over their definitions, values with their labels stripped, a run-on salary
    # schedule in rupees. First run, before any rule was changed for it: fact recall 75.4%,
    # abstention 78.5%, none invented (the naive baseline 83.1%, 74.7%, none). Since, those layouts
    # read (81.0%, 89.9%): the floor is 2 points under.
    "holdout41": HeldOutFloor(0.79, 0.87),
    # The floor of the forty-third real set (evals/datasets/holdout42.yaml): twelve postings, board
    # items, pay schedules and notices of ten publishers, two outside the US, gathered unseen by a
    # helper after the forty-second set's rules were written: a title with a colon over its range a
    # blank line below, a job board's bulleted labels over their values, titles that abbreviate
    # words, range numbers with no dollars, step schedules with daily rates, pay bands with wrapped
    # cells. First run, before any rule was changed for it: fact recall 71.7%, abstention 76.9%,
    # none invented (the naive baseline 82.5%, 74.4%, none). Since, three of those layouts read
    # (75.0%, 84.6%): the floor is 2 points under.
    "holdout42": HeldOutFloor(0.73, 0.82),
    # The floor of the forty-fourth real set (evals/datasets/holdout43.yaml): thirteen postings, pay
    # pages and schedules of ten publishers, one outside the US, gathered unseen by a helper: titles
    # glued to their amounts, a posting board's labels at the end of each line with their values
    # opening the next, an adjunct scale keyed by spans of years, grades with no dollars, a
    # flattened hourly step schedule that names no employer. First run, before any rule was changed
    # for it: fact recall 77.1%, abstention 91.1%, none invented (the naive baseline 78.0%, 74.7%,
    # none). Since, those layouts read (83.1%, 93.7%): the floor is 2 points under.
    "holdout43": HeldOutFloor(0.81, 0.91),
    # The forty-fifth real set (evals/datasets/holdout44.yaml): fourteen postings, pay pages, FAQs
    # and news reports of eleven publishers, one outside the US, gathered unseen by a helper after
    # holdout43's rules were written: labels on one line and values on the next, a pipe table of
    # grades with no steps, questions over their answers, kwacha ranges and millions in prose, a
    # degree stipend list "respectively", steps in cents with no figures. First run, before any
    # rule was changed for it: fact recall 82.0%, abstention 87.3%, none invented (the naive
    # baseline 78.7%, 77.2%, none): the first of the first runs above the baseline on both.
    # Since, its grades with no steps, kwacha and millions, leave that is no pay read (83.6%,
    # 93.7%): the floor is 2 points under.
    "holdout44": HeldOutFloor(0.81, 0.91),
    # The forty-sixth real set (evals/datasets/holdout45.yaml): thirteen schedules, ordinances,
    # postings and news reports of eleven publishers, two outside the US, gathered unseen by a
    # helper after holdout44's rules were written: a level heading over its "Pay Range:" line, an
    # annual report's salary tables with labels over values, a pipe table flattened a cell a
    # line, stipend columns run together, "Label: $X per day" rates, steps and levels with no
    # dollars, lilangeni in prose. First run, before any rule was changed for it: fact recall
    # 65.6%, abstention 81.2%, none invented (the naive baseline 73.8%, 76.2%, none). Since, its
    # header that leaves the key column out, level headings, period-named rate columns and
    # daily rates read (80.3%, 86.3%): the floor is 2 points under.
    "holdout45": HeldOutFloor(0.78, 0.84),
    # The forty-seventh real set (evals/datasets/holdout46.yaml): thirteen postings, pay pages,
    # schedules and news reports of twelve publishers, three outside the US, gathered unseen by a
    # helper after holdout45's rules were written: a state code that is a university's initials
    # ("UT Austin"), titles glued to their steps' pay, a pipe table cut from its header, labels
    # over values with blank lines between, "N$" and taka amounts, a supervision section. First
    # run, before any rule was changed for it: fact recall 73.3%, abstention 81.0%, none
    # invented (the naive baseline 80.0%, 75.9%, none). Since, those layouts read (89.2%,
    # 88.6%): the floor is 2 points under.
    "holdout46": HeldOutFloor(0.87, 0.86),
    # The forty-eighth real set (evals/datasets/holdout47.yaml): fourteen postings, pay pages,
    # schedules and news items of twelve publishers, three outside the US, gathered unseen by a
    # helper after holdout46's rules were written: list items under a hyphen alone on its line,
    # a section's name over its list with no colon, a "Starting Salary" apart from the scale, a
    # figure's note under it, two levels of one series in two files, ranks before a title
    # ("deputy executive directors"), rupees with no thousands comma. First run, before any rule
    # was changed for it: fact recall 82.5%, abstention 91.4%, none invented (the naive baseline
    # 76.2%, 77.8%, none). Since, those layouts read (92.1%, 96.3%): the floor is 2 points under.
    "holdout47": HeldOutFloor(0.9, 0.94),
    # The forty-ninth real set (evals/datasets/holdout48.yaml): twelve short pages of eleven
    # publishers (student wage pages, a job board posting, news reports and board minutes on
    # town and county pay, a Nepalese civil-service guide with labels glued to their values, an
    # intergovernmental vacancy in US$, a Zimbabwean pay report), gathered unseen by a helper
    # after holdout47's rules were written. First run, before any rule was changed for it: fact
    # recall 83.6%, abstention 85.0%, none invented (the naive baseline 91.4%, 80.0%, none: its
    # top passage is most of a page this short). Since, a job board's labels with no colon read
    # for each part of a question, terms run into their definitions, ISO currency codes (85.9%,
    # 85.0%): the floor is 2 points under the first rule's 84.4%.
    "holdout48": HeldOutFloor(0.82, 0.83),
    # The fiftieth real set (evals/datasets/holdout49.yaml): fourteen texts of twelve publishers
    # (township minutes and policies, news reports on raises, a school district's pay rise and
    # a national budget, a police posting, a university's tiers flattened into bullets, a
    # Quebec step scale with decimal commas and ISO-dated periods, a Kerala pay-scale guide),
    # gathered unseen by a helper after holdout48's rules were written. First run, before any
    # rule was changed for it: fact recall 87.8%, abstention 74.7%, none invented (the naive
    # baseline 95.2%, 75.9%, none). Since, a class's step scale, decimal commas, amounts in
    # words, bulleted tables read as rows, list items, two-part questions (95.0%, 85.5%): the
    # floor is 2 points under.
    "holdout49": HeldOutFloor(0.93, 0.83),
    # The fifty-first real set (evals/datasets/holdout50.yaml): twelve texts of twelve
    # publishers (village, city, library, school and university postings and pages, two
    # Ontario township clerk postings with labels over their values, a Grenada vacancy and its
    # news report, news on Bhutan's pay commission and a Louisiana parish's pay bands, a
    # Guernsey salaries page without figures), gathered unseen by a helper after holdout49's
    # rules were written. First run, no rule changed for it: fact recall 78.5%, abstention
    # 81.9%, none invented (the naive baseline 90.8%, 78.3%, none): the floor is 2 points under.
    "holdout50": HeldOutFloor(0.76, 0.79),
    # The fifty-second real set (evals/datasets/holdout51.yaml): fourteen texts of thirteen
    # publishers (town, city and state highway postings, a parish school district's nutrition
    # page, news on a school board, a county court, a New Zealand council and two Queensland
    # councils' pay talks, a Welsh council's pay dates with no figures, an Ontario labourer
    # posting with no pay, a South African vacancy in rand), gathered unseen by a helper after
    # holdout50's rules were written. First run, no rule changed for it: fact recall 85.4%,
    # abstention 89.2%, none invented (the naive baseline 79.2%, 78.3%, none): the floor is 2
    # points under.
    "holdout51": HeldOutFloor(0.83, 0.87),
    # The fifty-third real set (evals/datasets/holdout52.yaml): thirteen texts of twelve
    # employers (three Public Works Director postings, a Montana county's two postings with
    # labels padded by spaces, two Texas school districts' schedules flattened a row a line,
    # news on an Iowa county and an English council's pay, a Bahamas agreement, a Queensland
    # council vacancy, a university's terms with no figures, a Saskatchewan policy that names
    # no municipality), gathered unseen by a helper after holdout51's rules were written. First
    # run, no rule changed for it: fact recall 72.8%, abstention 82.9%, none invented (the
    # naive baseline 74.1%, 76.8%, none): the floor is 2 points under.
    "holdout52": HeldOutFloor(0.70, 0.80),
    # The fifty-fourth real set (evals/datasets/holdout53.yaml): fifteen texts of thirteen
    # employers (five harbour master posts in England, Massachusetts, Washington and
    # California, a Maine town's assistant, a New York park worker's form with its labels run
    # into their values, a university class spec with its code alone under its title, a
    # Canadian marina's rising wage, two English ferry pages with a grade ladder, two New Jersey
    # news reports on crossing guards with a year-by-year rate list, a Queensland council's
    # executive in "circa $125k"), gathered unseen by a helper after holdout52's rules were
    # written. First run, no rule changed for it: fact recall 72.7%, abstention 81.7%, none
    # invented (the naive baseline 78.9%, 78.0%, none): the floor is 2 points under.
    "holdout53": HeldOutFloor(0.70, 0.79),
    # The fifty-fifth real set (evals/datasets/holdout54.yaml): sixteen texts of fourteen
    # employers on tree and grounds work (city arborist postings in Washington, Wyoming and
    # Pennsylvania, a California city's two differing ranges, three university class specs
    # with a code and title joined by a slash and no pay, three Illinois park districts with
    # hourly and yearly pay written without separators or glued to a word, a Minnesota
    # county's flattened table, a California state exam bulletin, a New York school district's
    # page that names no district, and an English, a Canadian and an Irish post), gathered
    # unseen by a helper after holdout53's rules were written. First run, no rule changed for
    # it: fact recall 79.6%, abstention 89.4%, none invented (the naive baseline 76.4%,
    # 78.8%, none): the floor is 2 points under.
    "holdout54": HeldOutFloor(0.77, 0.87),
    # The fifty-sixth real set (evals/datasets/holdout55.yaml): sixteen texts of fourteen
    # employers on elections work (two Colorado county technicians sharing one pay table,
    # California and Iowa county coordinators, a Michigan city's deputy clerk, three Ohio and
    # Arizona boards' per-election pay, two Pennsylvania news reports, three English councils,
    # Elections Canada, Elections BC and the Australian Electoral Commission), gathered unseen
    # by a helper after holdout54's rules were written. First run, no rule changed for it:
    # fact recall 86.9%, abstention 80.7%, none invented (the naive baseline 80.5%, 78.3%,
    # none): the floor is 2 points under.
    "holdout55": HeldOutFloor(0.84, 0.78),
    # The fifty-seventh real set (evals/datasets/holdout56.yaml): seventeen texts of fourteen
    # employers on court staff (bailiffs in Illinois, Michigan and Washington, a Florida
    # circuit's interpreter class spec with a grade and code, a Massachusetts scheduler, three
    # Texas city and county clerks and a court reporter, Pennsylvania's interpreter fees, English
    # court ushers, South African interpreters paid in rand, Nunavut and Australia), gathered
    # unseen by a helper after holdout55's rules were written. First run, no rule changed for
    # it: fact recall 78.6%, abstention 85.4%, none invented (the naive baseline 74.6%, 76.8%,
    # none): the floor is 2 points under, and so is its retrieval floor (hit@5 93.9%: a page
    # asked by its post's initials, a fee grid whose column names stand a line each).
    "holdout56": HeldOutFloor(0.76, 0.83, hit_at_k=0.92),
    # The fifty-eighth real set (evals/datasets/holdout57.yaml): sixteen texts of sixteen
    # employers on animal services (kennel, shelter and animal care attendants, town animal
    # control officers paid by stipend, news reports of county shelter pay in Illinois, Alabama
    # and Kentucky, three Ontario shelters and towns, an Irish dog warden in euros and a Western
    # Australian award's weekly rates by level), gathered unseen by a helper after holdout56's
    # rules were written. First run, no rule changed for it: fact recall 92.2%, abstention
    # 91.6%, none invented (the naive baseline 76.5%, 79.5%, none): the floor is 2 points under.
    "holdout57": HeldOutFloor(0.90, 0.89),
    # The fifty-ninth real set (evals/datasets/holdout58.yaml): seventeen texts of seventeen
    # employers on 9-1-1 and emergency communications (county and city telecommunicators in
    # North Carolina, Florida, Oregon, Idaho and California with hourly, monthly and yearly
    # pay, an unnamed police department's graded dispatchers, two class specs with a grade and
    # no pay, news reports from Missouri, Kansas and Iowa, the RCMP, the AFP, UP112 in India,
    # an English fire control room and a South African control room in rand), gathered unseen
    # by a helper after holdout57's rules were written. First run, no rule changed for it:
    # fact recall 80.5%, abstention 90.2%, none invented (the naive baseline 86.7%, 78.0%,
    # none): the floor is 2 points under, and so is its retrieval floor (hit@5 95.1%).
    "holdout58": HeldOutFloor(0.78, 0.88, hit_at_k=0.93),
    # The sixtieth real set (evals/datasets/holdout59.yaml): seventeen texts of seventeen
    # employers on water and wastewater treatment plant operators (news reports of plant pay in
    # Iowa, Ohio, Colorado and Alabama, a California city's yearly range, a Massachusetts
    # posting whose grade and wage labels stand empty, a Virginia water authority and a Vermont
    # town with no pay, a New York exam announcement, a Texas opening that names no city, an
    # unnamed Australian council, South African rand in a flattened table, two Nova Scotia
    # employers, an Indian honorarium, an Irish on-call allowance, Northern Ireland Water),
    # gathered unseen by a helper after holdout58's rules were written. First run, no rule
    # changed for it: fact recall 86.4%, abstention 89.7%, none invented (the naive baseline
    # 73.5%, 78.2%, none): the floor is 2 points under.
    "holdout59": HeldOutFloor(0.84, 0.87),
    # The sixty-first real set (evals/datasets/holdout60.yaml): seventeen texts of seventeen
    # employers on parking enforcement, traffic wardens and school crossing guards (Ohio,
    # Florida, New Jersey, Pennsylvania, Virginia and Texas, two sheriff's offices whose pages
    # name no office, an unnamed city's class spec on a job blog, three English councils, a
    # South African municipality, a British Columbia school board, an Indian city corporation's
    # daily wage and Victorian councils' hourly rates), gathered unseen by a helper after
    # holdout58's rules were written. First run, no rule changed for it: fact recall 87.3%,
    # abstention 89.0%, none invented (the naive baseline 73.8%, 76.8%, none): the floor is 2
    # points under.
    "holdout60": HeldOutFloor(0.85, 0.87),
    # The sixty-second real set (evals/datasets/holdout61.yaml): seventeen texts of seventeen
    # employers on zookeepers, aquarium and museum staff (an Arizona city's zoo keepers on a
    # page that never names the class, a park district's aquarium biologist, Virginia, Arizona
    # and Missouri museum attendants and collections staff, a union museum contract and a
    # county's curator stipend in news reports, an unnamed maritime museum, a Mississippi
    # university gallery assistant, a South African heritage officer in rand, an Indian
    # recruitment rule's pay matrix level, Canadian museum, zoo and heritage society posts,
    # Perth Zoo, Tasmania Zoo, an English county's museum trainees), gathered unseen by a
    # helper after holdout60's rules were written. First run, no rule changed for it: fact
    # recall 82.3%, abstention 82.6%, none invented, below the naive baseline's recall (87.8%,
    # abstention 77.9%, none): the floor is 2 points under.
    "holdout61": HeldOutFloor(0.80, 0.80),
    # The sixty-third real set (evals/datasets/holdout62.yaml): sixteen texts of sixteen
    # employers on environmental health officers, sanitarians and health inspectors (North
    # Carolina, Illinois, Massachusetts, Vermont, Minnesota, West Virginia and Pennsylvania
    # counties, towns and boards, a 1985 Florida report, an Ontario health unit, a British
    # Columbia union bulletin, an Indian state's food safety officers, the UK's Food Standards
    # Agency, KwaZulu-Natal and the Royal Australian Air Force), gathered unseen by a helper
    # after holdout60's rules were written. First run, no rule changed for it: fact recall
    # 77.7%, abstention 83.3%, none invented (the naive baseline 74.6%, 77.4%, none): the floor
    # is 2 points under.
    "holdout62": HeldOutFloor(0.75, 0.81),
    # The sixty-fourth real set (evals/datasets/holdout63.yaml): seventeen texts of seventeen
    # employers on school bus drivers, bus aides and pupil transportation staff (news reports of
    # Missouri, Tennessee, Kentucky, Virginia, New York and North Carolina districts' pay, Texas,
    # Idaho, Georgia and Arizona district pages, two of which name no district, a state pay
    # study, Queensland's bus driver funding, a Guelph contractor, Hampshire's passenger
    # assistants, Kurnool's private school drivers and an Irish escorts scheme), gathered unseen
    # by a helper after holdout62's rules were written. First run, no rule changed for it: fact
    # recall 72.0%, abstention 79.1%, none invented (the naive baseline 67.4%, 76.7%, none):
    # the floor is 2 points under.
    "holdout63": HeldOutFloor(0.70, 0.77),
    # The sixty-fifth real set (evals/datasets/holdout64.yaml): sixteen texts of sixteen
    # employers on fleet, vehicle and heavy equipment mechanics (Maryland, Kentucky and Florida
    # counties, an unnamed county's series on an aggregator, Minnesota and Florida cities, an
    # unnamed city's staff report, three universities, two transit and school transport
    # agencies, the Australian Antarctic Division, India's Border Roads Organisation, an
    # Alberta city's budget motion and an English council's strike ballot), gathered unseen by
    # a helper after holdout62's rules were written. First run, no rule changed for it: fact
    # recall 82.6%, abstention 88.2%, none invented (the naive baseline 75.8%, 77.6%, none):
    # the floor is 2 points under.
    "holdout64": HeldOutFloor(0.80, 0.86),
    # The sixty-sixth real set (evals/datasets/holdout65.yaml): sixteen texts of sixteen
    # employers on GIS analysts, technicians and mapping staff (Florida, Texas, Minnesota,
    # Alabama and Georgia cities and counties, a Florida water management district, a New
    # Jersey university, three South African employers, England's boundary commission, India's
    # national mapping organisation, Statistics Sierra Leone on a page that names neither, and
    # two Canadian employers), gathered unseen by a helper after holdout62's rules were
    # written. First run, no rule changed for it: fact recall 78.3%, abstention 90.8%, none
    # invented, below the naive baseline's recall (90.2%, abstention 80.5%, none): the floor
    # is 2 points under.
    "holdout65": HeldOutFloor(0.76, 0.88),
}

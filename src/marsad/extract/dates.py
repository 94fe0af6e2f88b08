"""Dates and periods: absolute, relative to the publication date, and periods
computed from an anchor ("in the second month of the operation").

Fast regular expressions cover the forms monitors use; every value is a
:class:`~marsad.model.DateValue` with UCDP precision (1 day … 5 longer than a
month). Named anchors go to ``ctx.anchors``: ``"operation_start"`` (the start
of an operation/offensive/campaign) and ``"month:N"`` (the N-th month of it).
Without a given publication date the latest full date stated in the text is
taken as the report date and ``ctx.published_inferred`` is set.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import Final

from marsad.extract import casefold
from marsad.extract.numbers import MONTHS, parse_number
from marsad.extract.pipeline import DocContext, register
from marsad.extract.spans import stated_span
from marsad.extract.wordscan import opening_words
from marsad.model import DateValue

#: the English month names as a regular-expression alternation ("January|February|…")
MONTH_NAMES: Final = "|".join(name for name in calendar.month_name if name)
_MONTH: Final = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY: Final = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)"
_ORD: Final = r"(?:st|nd|rd|th)?"

DAY_MONTH: Final = re.compile(
    rf"\b{_WEEKDAY}?(?:the\s+)?(?P<day>[0-3]?\d){_ORD}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?", re.I)
MONTH_DAY: Final = re.compile(rf"\b{_WEEKDAY}?{_MONTH}\s+(?P<day>[0-3]?\d){_ORD}\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?", re.I)
NUMERIC: Final = re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<year>(?:19|20)\d\d)(?![\d/])")
ISO: Final = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<b>[01]\d)-(?P<a>[0-3]\d)\b")
MONTH_YEAR: Final = re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)

RELATIVE: Final = re.compile(
    r"\b(?P<rel>the\s+day\s+before\s+yesterday|yesterday|today|tonight|this\s+(?:morning|evening|afternoon)|"
    r"last\s+night|(?:a\s+few\s+|several\s+|some\s+)?hours\s+ago|(?:last|the\s+(?:past|previous))\s+week|(?P<n>\d+|an?|one|two|three|four|five|six|seven)\s+"
    r"(?P<unit>days?|weeks?)\s+ago|(?:on\s+|(?P<last>last|this\s+past)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.I,
)
AFTER_ANCHOR: Final = re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven)\s+days?\s+(?P<dir>after|before)\s+the\s+(?P<noun>[a-z]+)", re.I)
#: "since 10 May", "since the start of the offensive on 3 May", "since the start of the escalation on 7 October", "since fighting erupted in the city on 10 May", "since the outbreak of clashes on 27 August"
SINCE: Final = re.compile(r"\bsince\s+(?:the\s+(?:start|beginning|launch|outbreak|onset)\s+of\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?(?P<op>operations?|offensive|campaign|battle|attack|escalation|hostilities|war|conflict|crisis|fighting|clashes|violence|season)\s+(?:on\s+|in\s+)?"
                   r"|(?:the\s+)?(?:fighting|clashes|war|conflict|violence|hostilities|siege|offensive|unrest|protests)\s+"
                   r"(?:erupted|broke\s+out|began|started|escalated|flared(?:\s+up)?)(?:\s+there|\s+(?:in|across|around|over)\s+"
                   r"(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?)?\s+(?:on|in)\s+"
                   # ("since Russia's full-scale invasion in February 2022", "since the coup on 1 February 2021")
                   r"|(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:invasion|coup|takeover|uprising|revolution)\s+(?:on|in)\s+)?", re.I)
NTH_MONTH: Final = re.compile(
    r"\b(?:in\s+|during\s+|of\s+|to\s+)?(?:the\s+)?(?:end\s+of\s+the\s+)?(?P<nth>first|second|third|fourth|fifth|sixth)\s+"
    r"(?:consecutive\s+)?(?P<unit>mo[nu]?th|mon?th|week)\b(?:\s+of\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?(?:operations?|offensive|campaign|battle))?",
    re.I,
)
START_OF_OPERATION: Final = re.compile(
    r"\b(?:start|beginning|launch(?:ing)?)\s+of\s+the\s+(?:[a-z]+\s+){0,2}?(?:operations?|offensive|campaign|battle)\b"
    r"|\b(?:operations?|offensive|campaign)\s+(?:was|were)\s+launched\b|\blaunching\s+the\s+(?:[a-z]+\s+){0,2}?operations?\b",
    re.I,
)
ORDINALS: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
# NUMERIC can begin only at the first digit of a run, as its look-behind says (DocContext.digit_runs).
#: "… said on Friday": the day of the report, not of an incident
_REPORTED_ON: Final = re.compile(r"\b(?:said|says|announced|reported|told|added|stated|confirmed|speaking|spoke|writing|wrote"
                          r"|statement)\s+(?:\w+\s+)?(?:on\s+)?$", re.I)


#: "last Thursday's strike", "last week's fire": a date in the possessive names an incident by its day
POSSESSIVE: Final = re.compile(r"['’]s\b")
#: the rules of the dates that are periods a count runs over ("since 10 May", "the second month of the
#: operation", "so far this year"), not the day of an incident
PERIOD_RULES: Final = ("dates.since", "dates.nth_", "dates.year")


#: how a search for the dead ends, and a funeral is held, before the date ("… ended on Monday")
_SEARCH_END_PHRASES: Final = ("ended", "concluded", "finished", "was completed", "was called off")
_FUNERAL_PHRASES: Final = ("was held", "were held", "took place")


def _phrases(phrases: tuple[str, ...]) -> str:
    """The phrases as one alternation, their words parted by any white space."""
    return "(?:" + "|".join(phrase.replace(" ", r"\s+") for phrase in phrases) + ")"


#: "the search of the rubble ended on Monday with the toll at 40": the day the count was closed, not the incident's
_SEARCH_ENDED_ON: Final = re.compile(r"\b(?:search|rescue|recovery)\b[^.;]{0,80}?\b" + _phrases(_SEARCH_END_PHRASES)
                                     + r"\s+(?:on\s+)?$", re.I)


#: "Tuesday was declared a day of mourning", "funerals were held on Sunday": a day after the incident, for its dead
_MOURNING_AFTER: Final = re.compile(r"\s+(?:was|is|will\s+be|has\s+been)\s+(?:declared|proclaimed|announced|observed)\s+(?:as\s+)?"
                             r"(?:an?\s+)?(?:(?:national|official|local)\s+)?day\s+of\s+mourning\b", re.I)
_FUNERAL_ON: Final = re.compile(r"\bfunerals?\b[^.;]{0,60}?\b" + _phrases(_FUNERAL_PHRASES) + r"\s+(?:on\s+)?$", re.I)


def is_reporting_day(norm: str, value: DateValue) -> bool:
    """Whether a date mention is the day a statement was made ("the army said on
    Tuesday that …"), a search for the dead ended or they were mourned or buried,
    not the day of what it reports."""
    if value.span is None:
        return False
    start = value.span.start
    if (_reported_verb_before(norm, start) and _REPORTED_ON.search(norm, max(0, start - 30), start)) or \
            _MOURNING_AFTER.match(norm, value.span.end):
        return True
    # (asked for every date of every incident: the long searches only after the verb they end with)
    last = _last_verb(norm, start)
    return (last in _SEARCH_ENDS and _SEARCH_ENDED_ON.search(norm, max(0, start - 130), start) is not None) or (
        last in _FUNERAL_ENDS and _FUNERAL_ON.search(norm, max(0, start - 110), start) is not None)


#: the last word of each phrase: the one read before a date
_SEARCH_ENDS: Final = frozenset(phrase.split()[-1] for phrase in _SEARCH_END_PHRASES)
_FUNERAL_ENDS: Final = frozenset(phrase.split()[-1] for phrase in _FUNERAL_PHRASES)


#: the words _REPORTED_ON ends with before its optional word and "on"
_REPORTING_WORDS: Final = frozenset({"said", "says", "announced", "reported", "told", "added", "stated", "confirmed",
                                     "speaking", "spoke", "writing", "wrote", "statement"})


def _reported_verb_before(norm: str, start: int) -> bool:
    """Whether one of the last two words before ``start`` (past an "on") is a reporting word: what a match of
    :data:`_REPORTED_ON` needs, tested before the search (most dates follow none)."""
    words = norm[max(0, start - 30):start].lower().split()
    if words and words[-1] == "on":
        words.pop()
    return bool(words) and (words[-1] in _REPORTING_WORDS or (len(words) > 1 and words[-2] in _REPORTING_WORDS))


def _last_verb(norm: str, start: int) -> str:
    """The word before ``start``, past an "on" ("ended on" → "ended"), lower-cased."""
    words = norm[max(0, start - 24):start].lower().split()
    if words and words[-1] == "on":
        words.pop()
    return words[-1] if words else ""
# The words each pattern can begin with (its first word, each a whole word: casefold.WordIndex), and
# whether it can begin with a digit. Keep them in step with the patterns.
_WEEKDAY_WORDS: Final = {f"{stem}day" for stem in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")}
_FIRST_WORDS: dict[re.Pattern, tuple[frozenset[str], bool]] = {
    ISO: (frozenset(), True),
    DAY_MONTH: (frozenset({*_WEEKDAY_WORDS, "the"}), True),
    MONTH_DAY: (frozenset({*_WEEKDAY_WORDS, *MONTHS}), False),
    MONTH_YEAR: (frozenset(MONTHS), False),
    RELATIVE: (frozenset({"the", "yesterday", "today", "tonight", "this", "last", "a", "an", "several", "some", "hours",
                          "one", "two", "three", "four", "five", "six", "seven", "on", *_WEEKDAY_WORDS}), True),
    AFTER_ANCHOR: (frozenset({"one", "two", "three", "four", "five", "six", "seven"}), True),
    SINCE: (frozenset({"since"}), False),
    NTH_MONTH: (frozenset({"in", "during", "of", "to", "the", "end", *ORDINALS}), False),
    START_OF_OPERATION: (frozenset({"start", "beginning", "launch", "launching", "operation", "operations",
                                    "offensive", "campaign"}), False),
}


def _scan(ctx: DocContext, pattern: re.Pattern) -> Iterable[re.Match]:
    """``pattern``'s matches in the document, tried only where its first word begins
    (none where the document lacks its words, :data:`_KEY_WORDS`). Matched on the
    lower-cased text where that finds the same (casefold.lowered_pattern): a date is
    read from its spans, its numbers and its words in lower case. Few calls: on a
    short note each costs about what a failed match does."""
    index = ctx.word_index()
    if index is None:  # the lower-cased text may not be used: the whole text is scanned
        if not ctx.may_match(pattern):
            return ()
        return casefold.matches_at(pattern, ctx.norm, ctx.digit_runs()) if pattern is NUMERIC else pattern.finditer(ctx.norm)
    words, digit_led, keys, following = _PLANS_BY_ID[id(pattern)]
    present = ctx.extra.get(_PRESENT)
    if present is None:  # the words of the vocabulary the document holds: each pattern's are looked up among these few
        present = ctx.extra[_PRESENT] = index.common(_VOCABULARY)
    if keys is not None and keys.isdisjoint(present):
        return ()
    first = words & present
    if not first and not digit_led:  # (most patterns' first words are in few documents)
        return ()
    folded = ctx.folded() or ctx.norm  # (not None where the words are known; the same non-letters as norm)
    if pattern is NUMERIC:  # a day of one or two digits, then a slash or a dot: "3/4/2019"
        starts = [start for start in ctx.digit_runs() if "/" in folded[start + 1 : start + 3]
                  or "." in folded[start + 1 : start + 3]]
    elif pattern is ISO:  # a year of four digits, then a hyphen: "2019-03-04"
        starts = [start for start in ctx.digit_runs() if folded[start + 4 : start + 5] == "-"]  # (a superset)
    elif following is not None:
        starts = index.starts_followed(first, following, digit_led)
    else:
        starts = index.starts(first, digit_led)
    if not starts:
        return ()
    lowered = _LOWERED.get(id(pattern))
    if lowered is None:  # (compiled at first use: a one-line run never gets here, see casefold.WARM_UP_CHARS)
        lowered = _LOWERED[id(pattern)] = casefold.lowered_pattern(pattern) or pattern
    return casefold.matches_at(lowered, folded if lowered is not pattern else ctx.norm, starts)


#: where :func:`_scan` keeps the words of :data:`_VOCABULARY` the document holds
_PRESENT: Final = "dates.words"
#: each pattern's lower-cased copy, or the pattern itself where it has none (by identity, as the plans)
_LOWERED: dict[int, re.Pattern] = {}


WORD_N: Final = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
WEEKDAYS: Final = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def precision_for(start: date, end: date) -> int:
    """UCDP date_prec for an interval."""
    days = (end - start).days
    if days <= 0:
        return 1
    if days <= 6:
        return 2
    if days <= 7:
        return 3
    if days <= 31:
        return 4
    return 5


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


_ABSOLUTE: Final = ((ISO, "dates.iso"), (NUMERIC, "dates.numeric"), (DAY_MONTH, "dates.day_month"),
             (MONTH_DAY, "dates.month_day"), (MONTH_YEAR, "dates.month_year"))


def find_absolute(ctx: DocContext) -> list[DateValue]:
    """Day, month-year and numeric dates; a missing year is filled later."""
    matches = _absolute_matches(ctx)
    known = ctx.extra.get(_VALUES)
    # Read again once the publication date is inferred: only a date without its year reads differently.
    if known is not None and (known[0] == ctx.published or not known[1]):
        return known[2]
    values = _absolute_values(ctx, matches)
    ctx.extra[_VALUES] = (ctx.published, any(not match.group("year") for match, _ in matches), values)
    return values


#: where :func:`find_absolute` keeps the publication date it read the dates with, whether a date lacks its
#: year, and the dates
_VALUES: Final = "dates.absolute_values"


def _absolute_values(ctx: DocContext, matches: list[tuple[re.Match, str]]) -> list[DateValue]:
    found: list[DateValue] = []
    # Taken spans never overlap, so sorted by start they are sorted by end too:
    # one bisect answers "does this match overlap one?" (a scan was quadratic).
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    for match, rule in matches:
        before = bisect_left(taken_starts, match.end())
        if before and taken_ends[before - 1] > match.start():
            continue
        value = _absolute_value(match, rule, ctx.published)
        if value is not None:
            value.span = ctx.span(match.start(), match.end())
            found.append(value)
            at = bisect_left(taken_starts, match.start())
            taken_starts.insert(at, match.start())
            taken_ends.insert(at, match.end())
    return sorted(found, key=lambda v: stated_span(v).start)


def _absolute_matches(ctx: DocContext) -> list[tuple[re.Match, str]]:
    """Every absolute pattern's matches and rule, pattern by pattern, found once per document
    (dates are read again once the publication date is inferred; the matches do not change)."""
    cached = ctx.extra.get("dates.absolute")
    if cached is None:
        cached = ctx.extra["dates.absolute"] = [
            (match, rule) for pattern, rule in _ABSOLUTE
            for match in _scan(ctx, pattern)
        ]
    return cached


def _absolute_value(match: re.Match, rule: str, published: date | None) -> DateValue | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    try:
        if rule == "dates.month_year":
            if year is None:  # the pattern always captures one
                return None
            month = MONTHS[groups["month"].lower().rstrip(".")]
            last = calendar.monthrange(year, month)[1]
            return DateValue(date(year, month, 1), date(year, month, last), precision=4, rule=rule)
        if rule in ("dates.numeric", "dates.iso"):
            day, month = int(groups["a"]), int(groups["b"])
            if month > 12 and day <= 12:
                day, month = month, day
        else:
            day, month = int(groups["day"]), MONTHS[groups["month"].lower().rstrip(".")]
        if year is None:
            if published is None:
                return DateValue(date(1900, month, day), date(1900, month, day), 1, rule=rule + ".noyear")
            year = published.year
            if date(year, month, day) > published + timedelta(days=1):
                year -= 1
        value = date(year, month, day)
    except (ValueError, KeyError):
        return None
    return DateValue(value, value, precision=1, rule=rule)


_BARE_MONTH: Final = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Oo]ver|[Ff]or)\s+(?:the\s+month\s+of\s+)?(?P<month>" +
                         MONTH_NAMES +
                         r")\b(?!\s*(?:[0-3]?\d\b|of\s+(?:19|20)\d\d|,?\s*(?:19|20)\d\d))")
_FIRST_WORDS[_BARE_MONTH] = (frozenset({"in", "during", "throughout", "over", "for"}), False)
#: A word of each match, one of these (a whole word of the lower-cased text, casefold.WordIndex): a
#: document that holds none is not scanned for the pattern. Keep them in step with the patterns.
_MONTH_WORDS: Final = frozenset(MONTHS)
_KEY_WORDS: dict[re.Pattern, frozenset[str]] = {
    DAY_MONTH: _MONTH_WORDS,  # (each month word ends at a non-letter: "\.?" then "\b" or "\s")
    MONTH_DAY: _MONTH_WORDS,
    MONTH_YEAR: _MONTH_WORDS,
    _BARE_MONTH: frozenset(name.lower() for name in calendar.month_name if name),
    RELATIVE: frozenset({"yesterday", "today", "tonight", "morning", "evening", "afternoon", "night", "ago", "week",
                         *_WEEKDAY_WORDS}),
    AFTER_ANCHOR: frozenset({"day", "days"}),
}
_COUNT_UNITS: Final = frozenset({"day", "days", "week", "weeks"})
#: For a first word that begins a match only as the first of two words parted by white space, the words that
#: may come second (casefold.WordIndex.starts_followed): "the" begins "the past week", far more often not. Keep
#: them in step with the patterns. (Measured: for the other patterns, telling their few starts apart costs a
#: short note more than trying them.)
_FOLLOWING: dict[re.Pattern, dict[str, frozenset[str]]] = {
    RELATIVE: {"the": frozenset({"day", "past", "previous"}), "this": frozenset({"morning", "evening", "afternoon", "past"}),
               "last": frozenset({"night", "week", *_WEEKDAY_WORDS}), "a": frozenset({"few", *_COUNT_UNITS}),
               "an": _COUNT_UNITS, "several": frozenset({"hours"}), "some": frozenset({"hours"}),
               "on": frozenset(_WEEKDAY_WORDS), **dict.fromkeys(("one", "two", "three", "four", "five", "six", "seven"),
                                                             _COUNT_UNITS)},
}
#: every word a pattern's plan looks up (:func:`_scan`)
_VOCABULARY: Final = frozenset().union(*(words for words, _ in _FIRST_WORDS.values()), *_KEY_WORDS.values())
#: by identity (a compiled pattern's hash is its code's, worked out at every lookup); the patterns are the module's own:
#: each pattern's first words, whether it can begin with a digit, its key words (None: not known) and what may
#: follow its first words
_PLANS_BY_ID: Final = {id(pattern): (first[0], first[1], _KEY_WORDS.get(pattern), _FOLLOWING.get(pattern))
                for pattern, first in _FIRST_WORDS.items()}
_PLANS_BY_ID[id(NUMERIC)] = (frozenset(), True, None, None)  # (scanned from the digit runs)


def find_bare_months(ctx: DocContext) -> list[DateValue]:
    """"in February" without a year: the latest such month up to the publication
    date (a monitor's monthly toll is published after its month)."""
    if ctx.published is None:
        return []
    found = []
    for match in _scan(ctx, _BARE_MONTH):
        month = MONTHS[match.group("month").lower()]
        year = ctx.published.year - (1 if month > ctx.published.month else 0)
        last = calendar.monthrange(year, month)[1]
        found.append(DateValue(date(year, month, 1), date(year, month, last), precision=4, relative=True,
                               span=ctx.span(match.start("month"), match.end("month")), rule="dates.month_year.noyear"))
    return found


def find_relative(ctx: DocContext) -> list[DateValue]:
    if ctx.published is None:
        return []
    found = []
    for match in _scan(ctx, RELATIVE):
        start, end, precision = _relative_interval(match, ctx.published)
        found.append(DateValue(start, end, precision, relative=True, span=ctx.span(match.start(), match.end()),
                               rule="dates.relative"))
    return found


def _relative_interval(match: re.Match, published: date) -> tuple[date, date, int]:
    rel = " ".join(match.group("rel").lower().split())
    if rel.startswith("the day before"):
        day = published - timedelta(days=2)
    elif rel in ("yesterday", "last night"):
        day = published - timedelta(days=1)
    elif rel in ("last week", "the past week", "the previous week"):
        return published - timedelta(days=7), published - timedelta(days=1), 3
    elif match.group("unit"):
        n = int(match.group("n")) if match.group("n").isdigit() else WORD_N[match.group("n").lower()]
        days = n * (7 if match.group("unit").lower().startswith("week") else 1)
        day = published - timedelta(days=days)
    elif match.group("wd"):
        back = (published.weekday() - WEEKDAYS.index(match.group("wd").lower())) % 7
        if back == 0 and match.group("last"):
            back = 7  # "last Sunday", said on a Sunday
        day = published - timedelta(days=back)
    else:
        day = published
    return day, day, 1


def find_anchored(ctx: DocContext, absolute: list[DateValue]) -> list[DateValue]:
    """"N days after the meeting": N days from the date of the sentence naming that noun."""
    found = []
    for match in _scan(ctx, AFTER_ANCHOR):
        stem = match.group("noun").lower()[:4]
        anchor = _date_near_word(ctx, absolute, stem, exclude=match.start())
        if anchor is None:
            continue
        n = int(match.group("n")) if match.group("n").isdigit() else WORD_N[match.group("n").lower()]
        day = anchor.start + timedelta(days=n if match.group("dir").lower() == "after" else -n)
        found.append(DateValue(day, day, 1, relative=True, span=ctx.span(match.start(), match.end()),
                               rule="dates.after_anchor"))
    return found


def _date_near_word(ctx: DocContext, absolute: list[DateValue], stem: str, exclude: int) -> DateValue | None:
    excluded = ctx.sentence_index(exclude)
    for value in absolute:
        index = ctx.sentence_index(stated_span(value).start)
        if index == excluded or value.precision != 1 or value.start.year < 1901:
            continue
        start, end = ctx.sentences[index]
        if re.search(rf"\b{re.escape(stem)}", ctx.norm[start:end], re.I):
            return value
    return None


def find_operation_start(ctx: DocContext, absolute: list[DateValue]) -> DateValue | None:
    for match in _scan(ctx, START_OF_OPERATION):
        for value in absolute:
            if 0 <= stated_span(value).start - match.end() <= 60 and value.precision == 1:
                return value
    return None


def find_periods(ctx: DocContext, absolute: list[DateValue], bare_months: Sequence[DateValue] = ()) -> list[DateValue]:
    periods: list[DateValue] = []
    start_value = ctx.anchors.get("operation_start")
    if start_value is not None:
        for match in _scan(ctx, NTH_MONTH):
            n = ORDINALS[match.group("nth").lower()]
            if match.group("unit").lower() == "week":
                begin = start_value.start + timedelta(days=7 * (n - 1))
                end = begin + timedelta(days=7)
                value = DateValue(begin, end, 3, relative=True, span=ctx.span(match.start(), match.end()),
                                  rule=f"dates.nth_week:{n}")
                periods.append(value)
                continue
            begin, end = add_months(start_value.start, n - 1), add_months(start_value.start, n)
            value = DateValue(begin, end, precision_for(begin, end), relative=True,
                              span=ctx.span(match.start(), match.end()), rule=f"dates.nth_month:{n}")
            ctx.anchors.setdefault(f"month:{n}", value)
            periods.append(value)
    for match in _scan(ctx, SINCE):
        if _COMPARISON_BEFORE.search(ctx.norm, max(0, match.start() - 80), match.start()):
            continue
        # (a month without its year opens one too: "since the start of the season in February")
        since = next((v for v in [*absolute, *bare_months] if 0 <= stated_span(v).start - match.end() <= 3 and v.start.year > 1900), None)
        if since is None:
            continue
        end = ctx.published or since.end
        periods.append(DateValue(since.start, end, precision_for(since.start, end), relative=False,
                                 span=ctx.span(match.start(), stated_span(since).end), rule="dates.since"))
    periods += _since_year_start(ctx)
    periods += _antecedent_openings(ctx, absolute)
    periods += _year_parts(ctx)
    periods += _between_dates(ctx, absolute)
    periods += _weeks_to_date(ctx, absolute)
    periods += _day_ranges(ctx, absolute)
    periods += _between_months(ctx)
    return periods


#: "since then": a period the last day named before it opens
_SINCE_THEN: Final = re.compile(r"\bsince\s+then\b", re.I)
#: "The campaign, which began on 15 March, has killed …": what began on a stated day opens a running total
_WHICH_BEGAN: Final = re.compile(r",\s*which\s+(?:began|started|was\s+launched)\s+(?:on|in)\s+(?:the\s+)?$", re.I)
#: how far back "since then" looks for its day (about a sentence)
_THEN_REACH: Final = 300


def _antecedent_openings(ctx: DocContext, absolute: list[DateValue]) -> list[DateValue]:
    """Periods opened by a stated day the words around it point at: "… broke out in October 2023. More than 600
    have been killed there since then" (the last day named before, within a sentence's reach) and "The campaign,
    which began on 15 March, has killed more than 200" (the day right after "which began on")."""
    found: list[DateValue] = []
    published = ctx.published
    if published is None or not absolute:
        return found
    if ctx.may_match(_SINCE_THEN):
        for match in _SINCE_THEN.finditer(ctx.norm):
            before = [v for v in absolute if 0 <= match.start() - stated_span(v).end <= _THEN_REACH and v.start < published]
            if before:
                opened = max(before, key=lambda v: stated_span(v).end)
                found.append(DateValue(opened.start, published, precision_for(opened.start, published), relative=False,
                                       span=ctx.span(match.start(), match.end()), rule="dates.since"))
    if ctx.may_match(_WHICH_BEGAN):
        for value in absolute:
            span = stated_span(value)
            opening = _WHICH_BEGAN.search(ctx.norm, max(0, span.start - 40), span.start)
            if opening is not None and value.start < published:
                found.append(DateValue(value.start, published, precision_for(value.start, published), relative=False,
                                       span=ctx.span(opening.start(), span.end), rule="dates.since"))
    return found


#: "between 7 October and 5 March", "from 1 to 28 February": the words around two stated days
_BETWEEN_BEFORE: Final = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.I)
_BETWEEN_AND: Final = re.compile(r"\s+(?:and|to|until)\s+(?:the\s+)?", re.I)


#: "between January and June", "from March to May 2023": an interval of whole months
_BETWEEN_MONTHS: Final = re.compile(opening_words(
    r"\b(?:between|from)\s+(?P<first>" + MONTH_NAMES + r")(?:\s+(?P<first_year>(?:19|20)\d\d))?\s+(?:and|to|until)\s+"
    r"(?P<last>" + MONTH_NAMES + r")(?!\s*[0-3]?\d\b)(?:\s+(?P<last_year>(?:19|20)\d\d))?\b"), re.I)


def _between_months(ctx: DocContext) -> list[DateValue]:
    """The interval two months bound ("between January and June"), the last month's year the
    report's when not stated (the year before, for a month still to come)."""
    if ctx.published is None:
        return []
    found = []
    for match in _uncompared(ctx, _BETWEEN_MONTHS):
        first, last = MONTHS[match.group("first").lower()], MONTHS[match.group("last").lower()]
        last_year = int(match.group("last_year") or ctx.published.year - (last > ctx.published.month))
        first_year = int(match.group("first_year") or (last_year if first <= last else last_year - 1))
        start, end = date(first_year, first, 1), min(add_months(date(last_year, last, 1), 1) - timedelta(days=1), ctx.published)
        if start <= end:
            found.append(DateValue(start, end, precision_for(start, end), relative=match.group("last_year") is None,
                                   span=ctx.span(match.start(), match.end()), rule="dates.since"))
    return found


#: a round-up's period named by the day it ends: "in the week to 11 February", "the seven days ending 5 March",
#: "over the fortnight up to 3 June" (a humanitarian update's week)
_WEEK_TO_BEFORE: Final = re.compile(
    r"\bthe\s+(?:(?:past|previous|last)\s+)?(?P<unit>week|seven\s+days|7\s+days|fortnight|two\s+weeks|14\s+days)\s+"
    r"(?:to|ending|ended|up\s+to|until|through)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?$", re.I)


def _weeks_to_date(ctx: DocContext, absolute: list[DateValue]) -> list[DateValue]:
    """The week (or fortnight) a stated day closes ("in the week to 11 February, at least 46 civilians were
    killed"): a period, so its counts are running totals."""
    def week_start(opening: re.Match, last: DateValue) -> tuple[date, int] | None:
        days = 14 if opening.group("unit").lower() in ("fortnight", "two weeks", "14 days") else 7
        return last.end - timedelta(days=days - 1), 3  # (a week's span is a week's precision, UCDP's 3, as "the past week" is)

    return _periods_closed_by(ctx, absolute, _WEEK_TO_BEFORE, 40, week_start)


#: the first day of a range that shares the last day's month: "between 3 and 9 June", "from 22 to 28 April",
#: "the week of 3 to 9 June" (a tracker's weekly round-up); an opening word is needed, as a bare "3 and 9
#: June" may list two days' incidents; not in brackets after a date, the bounds of an uncertain day ("Around 7 June
#: (between 3 - 10 June), two men were killed")
#: ("the week from 11 to 17 November": a week named by its first and last days is a week, UCDP's 3, as "the week to
#: 17 November" is, though its ends are six days apart)
_DAY_RANGE_BEFORE: Final = re.compile(r"(?<!\()\b(?:(?P<week>week\s+)?(?:between|from)|(?:(?P<week_of>week)|period|days|fortnight)\s+of)\s+"
                                      r"(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|to|and|until|through)\s*(?:the\s+)?$", re.I)


def _day_ranges(ctx: DocContext, absolute: list[DateValue]) -> list[DateValue]:
    """The interval from a bare day to a stated day of the same month ("between 3 and 9 June, at least 27
    civilians were killed"): a period as "between 3 June and 9 June" is, so a week's toll is a running total."""
    def first_day(opening: re.Match, last: DateValue) -> tuple[date, int] | None:
        first = int(opening.group("day"))
        week = (opening.group("week") or opening.group("week_of")) is not None and last.start.day - first == 6
        return (last.start.replace(day=first), 3 if week else 1) if 1 <= first < last.start.day else None

    return _periods_closed_by(ctx, absolute, _DAY_RANGE_BEFORE, 30, first_day)


def _periods_closed_by(ctx: DocContext, absolute: list[DateValue], opening_before: re.Pattern, reach: int,
                       start_of: Callable[[re.Match, DateValue], tuple[date, int] | None]) -> list[DateValue]:
    """The periods stated days close, each opened by ``opening_before`` within ``reach`` characters before the
    day: ``start_of`` gives a period's first day and its least precision from the opening and the day, or None."""
    found = []
    for value in absolute:
        span = stated_span(value)
        if value.precision != 1 or span is None:
            continue
        opening = opening_before.search(ctx.norm, max(0, span.start - reach), span.start)
        start = start_of(opening, value) if opening is not None else None
        if opening is None or start is None:
            continue
        first, least_precision = start
        found.append(DateValue(first, value.end, max(least_precision, precision_for(first, value.end)), relative=False,
                               span=ctx.span(opening.start(), span.end), rule="dates.since"))
    return found


def _between_dates(ctx: DocContext, absolute: list[DateValue]) -> list[DateValue]:
    """The interval two stated days bound ("between 7 October and 5 March, at least
    30,000 were killed"): read as a period opened by "since" is, so a toll over a
    week or longer is a running total, and one of a day or two is the day's."""
    found = []
    ordered = sorted(absolute, key=lambda value: stated_span(value).start)
    for first, last in zip(ordered, ordered[1:]):
        first_span, last_span = stated_span(first), stated_span(last)
        opening = _BETWEEN_BEFORE.search(ctx.norm, max(0, first_span.start - 14), first_span.start)
        if opening is None or not _BETWEEN_AND.fullmatch(ctx.norm, first_span.end, last_span.start) or last.end < first.start:
            continue
        found.append(DateValue(first.start, last.end, precision_for(first.start, last.end), relative=False,
                               span=ctx.span(opening.start(), last_span.end), rule="dates.since"))
    return found


#: "the worst attack since January 2021": a comparison, not the period of a toll
_COMPARISON_BEFORE: Final = re.compile(r"\b(?:worst|deadliest|bloodiest|heaviest|biggest|largest|highest|first|most\s+\w+)\b"
                                r"[^.;,]{0,60}$", re.I)

#: "since the start of the year", "since the beginning of 2023", "since January", "since the start of the month",
#: and "this month" or "so far this month", the same period (not "earlier this month", a day in it)
_SINCE_YEAR: Final = re.compile(opening_words(
    r"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+(?:the\s+year|(?P<this_month>the\s+month|this\s+month)|(?P<year>(?:19|20)\d\d))|"
    # ("since early May", "since mid-April", "since the end of March": a day in that month)
    r"(?:(?P<edge>early|mid|late|the\s+(?:start|beginning|middle|end)\s+of)(?:\s+|-))?"
    r"(?:(?P<bare_year>(?:19|20)\d\d)\b|(?P<month>" + MONTH_NAMES + r")\b(?!\s*[0-3]?\d\b|\s+(?:19|20)\d\d)))|"
    r"\b(?<!earlier )(?<!later )(?<!early )(?<!late )(?<!mid-)(?<!mid )(?P<month_so_far>(?:so\s+far\s+this|this)\s+month\b(?!'s))"),
    re.I,
)


def _uncompared(ctx: DocContext, pattern: re.Pattern) -> Iterator[re.Match]:
    """The pattern's matches in the document but those a comparison opens ("the worst attack since …")."""
    for match in _period_matches(ctx, pattern):
        if not _COMPARISON_BEFORE.search(ctx.norm, max(0, match.start() - 80), match.start()):
            yield match


def _period_matches(ctx: DocContext, pattern: re.Pattern) -> Iterable[re.Match]:
    """``ctx.scan(pattern)`` for a period's pattern (:data:`_PERIOD_OPENINGS`), tried only where a word
    it begins with begins, and goes on to a word it can go on to (casefold.WordIndex.starts_followed:
    "this" only before "year" or "month", "from" only before a month), not from every space."""
    index = ctx.word_index()
    if index is None or not ctx.may_match(pattern):  # (the lower-cased text may not be used; most notes lack the words)
        return ctx.scan(pattern)
    first, following = _PERIOD_OPENINGS[id(pattern)]
    starts = index.starts_followed(first, following)
    return casefold.finditer(pattern, ctx.norm, ctx.folded(), starts=starts) if starts else ()


def _edge_of_month(year: int, month: int, edge: str | None) -> date:
    """The day a period opened "since early/mid-/late <month>" or "since the end of <month>" starts."""
    word = _edge_word(edge)
    if word in ("mid", "middle"):
        return date(year, month, 15)
    if word == "late":
        return date(year, month, 21)
    if word == "end":
        return date(year, month, calendar.monthrange(year, month)[1])
    return date(year, month, 1)


def _edge_of_year(year: int, edge: str | None) -> date:
    """The day a period opened "since mid-2023" or "since the end of 2023" starts."""
    word = _edge_word(edge)
    if word in ("mid", "middle"):
        return date(year, 7, 1)
    if word == "late":
        return date(year, 10, 1)
    if word == "end":
        return date(year, 12, 31)
    return date(year, 1, 1)


def _edge_word(edge: str | None) -> str:
    """"early", "mid", "late", or the noun of "the start/beginning/middle/end of"."""
    return edge.split()[-2] if edge and " " in edge else (edge or "")


def _since_year_start(ctx: DocContext) -> list[DateValue]:
    """Open periods up to the report from the start of a year or from a month
    without its year (the latest such month up to the report)."""
    if ctx.published is None:
        return []
    found = []
    for match in _uncompared(ctx, _SINCE_YEAR):
        if match.group("this_month") or match.group("month_so_far"):  # "since the start of the month": the report's month
            start = ctx.published.replace(day=1)
        elif match.group("month"):
            month = MONTHS[match.group("month").lower()]
            start = _edge_of_month(ctx.published.year - (1 if month > ctx.published.month else 0), month,
                                   match.group("edge"))
        else:
            year = int(match.group("year") or match.group("bare_year") or ctx.published.year)
            start = _edge_of_year(year, match.group("edge")) if match.group("bare_year") else date(year, 1, 1)
        if start > ctx.published:
            continue
        found.append(DateValue(start, ctx.published, precision_for(start, ctx.published), relative=True,
                               span=ctx.span(match.start(), match.end()), rule="dates.since"))
    return found


#: a year or a part of one as a count's period: "so far this year", "last year", "in the first quarter
#: of the year", "during the first six months of 2023", "over the past year" ("this year's", "the deadliest
#: this year": no period)
_YEAR_PART: Final = re.compile(opening_words(
    r"\b(?:(?:in|during|over|throughout|for)\s+the\s+(?P<part>first|second|third|fourth|last)\s+"
    r"(?P<unit>quarter|half|(?P<months>two|three|four|five|six|seven|eight|nine|ten|eleven|\d+)\s+months)\s+of\s+"
    r"(?:the\s+year|(?P<part_which>this|last)\s+year|(?P<part_year>(?:19|20)\d\d))|"
    r"(?P<which>so\s+far\s+this|this|last)\s+year(?!'s|\s+(?:ago|after|before|earlier|later))|"
    r"(?P<rolling>the\s+(?:past|previous|last)\s+(?:year|(?P<span>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\d+)\s+(?P<span_unit>months|weeks))))\b"),
    re.I,
)


_FULL_MONTHS: Final = frozenset(name.lower() for name in calendar.month_name if name)
#: For each period pattern (by identity, as :data:`_PLANS_BY_ID`), the words its matches begin with and, for
#: those that begin one only as the first of a phrase, the words that may come next. Keep them in step with
#: the patterns.
_PERIOD_OPENINGS: Final = {
    id(_BETWEEN_MONTHS): (frozenset({"between", "from"}), {"between": _FULL_MONTHS, "from": _FULL_MONTHS}),
    id(_SINCE_YEAR): (frozenset({"since", "so", "this"}), {"so": frozenset({"far"}), "this": frozenset({"month"})}),
    id(_YEAR_PART): (frozenset({"in", "during", "over", "throughout", "for", "so", "this", "last", "the"}),
                     {**dict.fromkeys(("in", "during", "over", "throughout", "for"), frozenset({"the"})),
                      "so": frozenset({"far"}), "this": frozenset({"year"}), "last": frozenset({"year"}),
                      "the": frozenset({"past", "previous", "last"})}),
}


def _year_parts(ctx: DocContext) -> list[DateValue]:
    """Periods of a year or of a part of one (:data:`_YEAR_PART`), up to the report for this year's."""
    if ctx.published is None:
        return []
    found = []
    for match in _uncompared(ctx, _YEAR_PART):
        which = (match.group("which") or match.group("part_which") or "this").lower().split()[-1]
        year = int(match.group("part_year") or (ctx.published.year - (which == "last")))
        start, end = date(year, 1, 1), date(year, 12, 31)
        if match.group("rolling"):  # "over the past year": the twelve months up to the report
            length = parse_number(match.group("span"))[0] if match.group("span") else 12
            if not length or length < 2:
                continue
            weeks = (match.group("span_unit") or "").lower() == "weeks"  # ("the past three weeks", "… six months")
            start = ctx.published - timedelta(weeks=length) if weeks else add_months(ctx.published, -length)
            end = ctx.published
        elif match.group("part"):
            unit = match.group("unit").lower()
            months = 3 if unit == "quarter" else 6 if unit == "half" else parse_number(match.group("months"))[0] or 0
            index = {"first": 0, "second": 1, "third": 2, "fourth": 3}.get(match.group("part").lower())
            if not 0 < months <= 12 or (index is not None and (index + 1) * months > 12):
                continue
            begin = add_months(start, index * months) if index is not None else add_months(start, 12 - months)
            start, end = begin, add_months(begin, months) - timedelta(days=1)
        end = min(end, ctx.published)
        if start > end:
            continue
        found.append(DateValue(start, end, precision_for(start, end), relative=match.group("part_year") is None,
                               span=ctx.span(match.start(), match.end()), rule="dates.year"))
    return found


def infer_published(ctx: DocContext, absolute: list[DateValue], anchored: list[DateValue]) -> date | None:
    """The report date: the latest full date the text states or implies."""
    candidates = [v.end for v in absolute if v.precision == 1 and v.start.year > 1900]
    candidates += [v.end for v in anchored]
    return max(candidates) if candidates else None


@register("dates", version="17")
def dates_component(ctx: DocContext) -> None:
    absolute = find_absolute(ctx)
    anchored = find_anchored(ctx, absolute)
    if ctx.published is None:
        inferred = infer_published(ctx, absolute, anchored)
        if inferred is not None:
            ctx.published, ctx.published_inferred = inferred, True
            ctx.warnings.append(f"publication date not given; inferred {inferred.isoformat()} from the text")
            absolute = find_absolute(ctx)
    absolute = [v for v in absolute if v.start.year > 1900]
    start_value = find_operation_start(ctx, absolute)
    if start_value is not None:
        ctx.anchors["operation_start"] = start_value
    relative = [v for v in find_relative(ctx) if not any(_overlaps(v, a) for a in absolute)]
    relative += [v for v in find_bare_months(ctx) if not any(_overlaps(v, a) for a in [*absolute, *relative])]
    periods = find_periods(ctx, absolute, [v for v in relative if v.rule == "dates.month_year.noyear"])
    ctx.dates = sorted([*absolute, *anchored, *relative, *periods], key=lambda v: stated_span(v).start)


def _overlaps(a: DateValue, b: DateValue) -> bool:
    return stated_span(a).start < stated_span(b).end and stated_span(b).start < stated_span(a).end

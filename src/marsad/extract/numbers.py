"""Quantities: digits, number words, vague amounts and their qualifiers.

Every quantity becomes a :class:`~marsad.extract.pipeline.NumberMention` with a
best estimate (``value``) and bounds. Conventions follow ACLED's published
practice for vague reports: "tens" = 10, "dozens" = 12, "hundreds" = 100 (and
"scores" = 20, "thousands" = 1000); a stated but unknown number ("an unknown
number", "several", "a few") is 3; ranges ("10-15", "between 10 and 15") take
the lower, most conservative figure as best estimate. Numbers glued to the next
word ("123citizens") and the typo "at last N" for "at least N" are understood.

Counts have a ceiling, :data:`MAX_COUNT` (100 million): no report's toll of
people comes near it (the deadliest wars' tolls are tens of millions), and the
database columns hold 32-bit integers. A larger number ("99999999999999999999
killed", "nine hundred ninety-nine trillion") is never read as a count: it is
left out and named in the extraction's warnings, so the document is still
stored and the refusal is on record. Scales up to quadrillion are known, so
"nine hundred ninety-nine trillion" is not cut to its first words (999).
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache
from typing import Final

from marsad.extract import casefold
from marsad.extract.pipeline import DocContext, NumberMention, register

#: the English month names and abbreviations, lower-cased, by number ("sept" too): read by the dates as well
MONTHS: Final[dict[str, int]] = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}

UNITS: Final = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: Final = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES: Final = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 10**9, "trillion": 10**12,
          "quadrillion": 10**15}
#: The largest number read as a count of people; see the module docstring.
MAX_COUNT: Final = 100_000_000
#: ordinals written as words ("the third soldier"; "first" is no count of a run)
ORDINAL_WORDS: Final = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
#: an ordinal, in words or digits ("third", "37th")
ORDINAL: Final = r"(?:\d+(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS) + ")"
#: "two-thirds of the dead", "a third of them": a share of people counted elsewhere, no count of its own
FRACTION: Final = r"(?:halves|half|thirds?|quarters?|fifths?|tenths?)\b(?!-)"
_FRACTION_AFTER: Final = re.compile(r"[\s-]" + FRACTION, re.I)

#: Vague amounts and the count they stand for (ACLED conventions where ACLED has one).
VAGUE: Final = {
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
    "several": 3, "a few": 3, "few": 3, "some": 3, "an unknown number": 3, "unknown number": 3,
    "an unspecified number": 3, "unspecified number": 3, "an undisclosed number": 3, "undisclosed number": 3,
    "an undetermined number": 3, "undetermined number": 3, "an unconfirmed number": 3,
    "a number": 10, "a number of": 10, "many": 10, "numerous": 10, "multiple": 3, "a handful": 3,
}

QUALIFIERS: Final = {
    "at least": "at_least", "at last": "at_least", "atleast": "at_least", "no fewer than": "at_least",
    "no less than": "at_least", "not less than": "at_least", "a minimum of": "at_least", "minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than", "in excess of": "more_than",
    "above": "more_than", "about": "about", "around": "about", "approximately": "about", "approx.": "about",
    "roughly": "about", "some": "about", "an estimated": "about", "estimated": "about", "close to": "nearly",
    "nearly": "nearly", "almost": "nearly", "up to": "at_most", "as many as": "at_most", "at most": "at_most",
    "no more than": "at_most", "fewer than": "at_most", "less than": "at_most", "under": "at_most",
}

_WORD: Final = "|".join(sorted([*UNITS.keys() - {"no", "a", "an", "single"}, *TENS], key=len, reverse=True))
_SCALE: Final = "hundred|thousand|million|billion|trillion|quadrillion"
_WORD_NUMBER: Final = (
    rf"(?:(?:a|one)\s+)?(?:half\s+a\s+dozen|a\s+dozen|dozen|(?:{_WORD}|{_SCALE})"
    rf"(?:(?:[\s-]+(?:and\s+)?)(?:{_WORD}|{_SCALE})\b)*(?:\s+dozen\b)?)"  # ("two dozen": 24)
)
#: not inside a name ("M23", "COVID-19") or a model number ("BTR-82A", "T-72"), nor a time ("14:30"); a colon after a
#: count opens its list ("the toll rose to 14: nine soldiers and five rebels")
_DIGITS: Final = (
    r"(?<![A-Za-z\d/.:,])(?<![A-Za-z]-)(?:\d+\.\d+(?=\s+(?:million|billion|trillion)\b)|\d{1,3}(?:,\d{3})+|\d+)"
    r"(?![\d/]|:\d|\.\d|,\d{3})(?:st|nd|rd|th|\s+(?:million|billion|trillion)\b)?"
)
_NUM: Final = rf"(?:{_DIGITS}|\b{_WORD_NUMBER}\b)"
_QUAL: Final = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True))
_VAGUE: Final = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(VAGUE, key=len, reverse=True))

#: "eight and nine": two numbers, where "one hundred and five" is one ("and" only after a scale word)
_JOINED_PAIR: Final = re.compile(rf"(?P<first>(?:(?!\band\b).)*?(?<!{_SCALE.replace('|', ')(?<!')}))\s+and\s+(?P<second>.+)",
                          re.I | re.S)
#: the attackers, whom "dozens of the attackers" counts (no share of victims counted before)
_ATTACKERS: Final = r"(?:attackers|assailants|raiders|gunmen|militants|insurgents|jihadists|terrorists|bandits)"
NUMBER_RE: Final = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?"
    rf"(?:(?P<btw>\bbetween\s+)?(?P<num>{_NUM})(?:\s*(?:-|to|or|(?(btw)and|(?!)))\s*(?P<num2>{_NUM}))?"
    # ("many of the victims" shares people counted elsewhere; "dozens of the attackers" counts attackers)
    rf"|\b(?P<vague>{_VAGUE})\b(?!\s+(?:of\s+)?(?:the(?!\s+{_ATTACKERS}\b)|them|whom|which|those|these|time|times|days?|weeks?|"
    r"months?|years?|hours?|minutes?|km|kilomet\w+|meters|metres)\b))",
    re.I,
)
#: Where a NUMBER_RE match can begin: a digit, or a whole word that opens a qualifier, a number word or a
#: vague amount (casefold.WindowScan; whole words of letters, so no start hides inside another).
_FIRST_WORDS: Final = {phrase.split()[0].rstrip(".") for phrase in [*QUALIFIERS, *VAGUE, *UNITS, *TENS, *SCALES]}
_NUMBER_WORDS: Final = frozenset(_FIRST_WORDS | {"between", "half", "dozen"})




@lru_cache(maxsize=1)
def _following_words() -> dict[str, frozenset[str]]:
    """For each word of :data:`_NUMBER_WORDS` that begins a match only as the first word of
    a phrase ("in excess of", "a few", "at least", "a dozen"), the words a match goes on
    to after it (the phrase's words are parted by white space in NUMBER_RE). Built on
    first use, not at import."""
    number_words = {*_WORD.split("|"), *_SCALE.split("|")}
    # "(?:a|one)\s+" before a number word, "half a dozen", "a dozen", "dozen", a number word
    phrases = [*QUALIFIERS, *VAGUE, *(f"a {word}" for word in (*number_words, "half", "a", "dozen")), "half a dozen"]
    # each of ``alone`` begins a match by itself ("between": of a range)
    return casefold.following_words(phrases, alone={*number_words, "dozen", "between"})


NUMBER_STARTS: Final = re.compile(r"\d+|\b(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.I)
_YEAR_CONTEXT: Final = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*(?:\d{1,2}(?:st|nd|rd|th)?,?\s*)?$"
    r"|\b(?:in|of|since|year|early|late|mid|until|till|by|from|during|before|after|summer|winter|spring|autumn|fall)\s+$",
    re.I,
)


_WORD_SEPARATORS: Final = re.compile(r"[\s-]+")


def parse_word_number(words: str) -> int | None:
    """'two hundred and fifty' → 250; 'a dozen' → 12; None if not a number."""
    tokens = [t for t in _WORD_SEPARATORS.split(words.lower()) if t and t != "and"]
    if not tokens:
        return None
    if "dozen" in tokens:
        if tokens[-1] == "dozen" and len(tokens) > 1 and tokens[0] not in ("a", "half", "one"):
            times = parse_word_number(" ".join(tokens[:-1]))
            return times * 12 if times else None
        return 6 if "half" in tokens else 12
    total = current = 0
    seen = False
    for token in tokens:
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in SCALES:
            total += max(current, 1) * SCALES[token]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


_DIGIT_NUMBER: Final = re.compile(r"(\d[\d,]*)(st|nd|rd|th)?$", re.I)
_SCALED: Final = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s+(million|billion|trillion)$", re.I)


def parse_number(raw: str) -> tuple[int | None, bool]:
    """A digit or word number → (value, is_ordinal)."""
    known = _PARSED.get(raw)
    if known is None:  # (texts write the same few numbers, over and over)
        if len(_PARSED) >= _MOST_PARSED:
            _PARSED.clear()
        known = _PARSED[raw] = _parse_number(raw)
    return known


#: numbers as written, read (:func:`parse_number`), and how many are kept
_PARSED: dict[str, tuple[int | None, bool]] = {}
_MOST_PARSED: Final = 4096


def _parse_number(raw: str) -> tuple[int | None, bool]:
    text = raw.strip()
    digits = _DIGIT_NUMBER.match(text)
    if digits:
        return int(digits.group(1).replace(",", "")), bool(digits.group(2))
    scaled = _SCALED.match(text)
    if scaled:  # "3 million", "1.5 million": exact arithmetic, no float rounding
        whole, _, fraction = scaled.group(1).replace(",", "").partition(".")
        scale = SCALES[scaled.group(2).lower()]
        return int(whole) * scale + int(fraction or "0") * scale // 10 ** len(fraction), False
    return parse_word_number(text), False


#: "since October 7 to 24,100": the first number is a day of the month, not a range's start
_MONTH_BEFORE: Final = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$", re.I)
#: a month after a range of numbers ("3 to 9 June"): days, not a count ("between 10 and 15 may have died",
#: "20 to 30 separatists", "10 to 15 market traders" are counts)
_MONTH_AFTER: Final = re.compile(r"\s+(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) +
                                 r")\b\.?(?!\s+(?:have|has|had|be|been|not|also|well|still|never)\b)", re.I)


def find_numbers(norm: str, ctx: DocContext | None = None) -> list[NumberMention]:
    """All quantities in ``norm`` (normalised text; ``ctx``'s, when given), in order."""
    found: list[NumberMention] = []
    age_end: int | None = None  # where the last age ended, while a list of ages may go on
    folded = ctx.folded() if ctx is not None else casefold.folded_for_scan(norm)
    starts = _starts(ctx) if ctx is not None else None
    index = ctx.word_index() if ctx is not None else None
    ages_told = ctx is None or (ctx.may_match(_AGE_BEFORE) if index is None else bool(index.common(_AGE_WORDS)))
    age_before, age_text = ctx.lowered(_AGE_BEFORE) if ctx is not None else (_AGE_BEFORE, norm)  # (its span is read)
    # Read on the lower-cased text where the scan is (casefold.WindowScan): a number's value and
    # qualifier are read from its words in lower case anyway, so it is not matched again on ``norm``.
    scan = casefold.WindowScan(NUMBER_RE, NUMBER_STARTS if starts is None else starts, norm, folded)
    for found_match in scan.finditer(0, len(norm)):
        match: re.Match | None = found_match
        regs = found_match.regs
        if regs[_NUM2_GROUP][0] >= 0 and _MONTH_BEFORE.search(norm, max(0, regs[_NUM_GROUP][0] - 12), regs[_NUM_GROUP][0]):
            match = scan.pattern.match(scan.text, regs[_NUM2_GROUP][0])  # the day is the dates' to read
        mention = _mention(norm, match) if match else None
        if mention is None or (match is not None and match.regs[_NUM2_GROUP][0] >= 0 and _MONTH_AFTER.match(norm, match.end())):
            continue  # (a range of days: "between 3 and 9 June", "from 22 to 28 April" is the dates' to read)
        if found and _echoes(norm, found[-1], mention):
            continue  # "Twenty-one (21) persons": the digits repeat the words, one count
        for told in _with_joined_second(norm, scan, match, mention):
            age_end = _keep_unless_age(norm, found, told, age_end, ages_told, age_before, age_text)
    kept, ages = _without_apposed_ages(norm, found)
    if ctx is not None:
        ctx.extra[_APPOSED_AGES] = ages
    return kept


_AND: Final = re.compile(r"\s+and\s+", re.I)


def _echoes(norm: str, previous: NumberMention, mention: NumberMention) -> bool:
    """Whether ``mention`` repeats ``previous`` in brackets right after it ("twenty-one (21)", "21 (twenty-one)")."""
    return mention.value == previous.value and norm.startswith(")", mention.end) and \
        norm[previous.end:mention.start].strip() == "("


def _with_joined_second(norm: str, scan: casefold.WindowScan, match: re.Match | None,
                        mention: NumberMention) -> list[NumberMention]:
    """The mention, and the second of a pair that one match read as a single number ("killing
    seven and four civilians respectively": seven, then four; "between eight and nine" is a range)."""
    if match is None or mention.end >= match.end() or match.regs[_BTW_GROUP][0] >= 0:
        return [mention]
    joined = _AND.match(norm, mention.end)
    second = scan.pattern.match(scan.text, joined.end()) if joined else None
    following = _mention(norm, second) if second else None
    return [mention] if following is None else [mention, following]


def _keep_unless_age(norm: str, found: list[NumberMention], mention: NumberMention, age_end: int | None,
                     ages_told: bool, age_before: re.Pattern, age_text: str) -> int | None:
    """Add ``mention`` to ``found`` unless it is an age; where the last age ended (None when this is no age)."""
    if (ages_told and age_before.search(age_text, max(0, mention.start - 24), mention.start)) or (
                age_end is not None and _AGE_LIST_GAP.fullmatch(norm, age_end, mention.start)):
        return mention.end  # an age, not a number of people: "two brothers, aged 7 and 10"
    found.append(mention)
    return None


#: where the numbers component leaves the spans of the ages it set aside (:func:`apposed_age_after`,
#: :func:`without_apposed_ages`)
_APPOSED_AGES: Final = "numbers.apposed_ages"


def apposed_age_after(ctx: DocContext, position: int) -> int | None:
    """Where an age set off right after ``position`` ends: "Abdi Nur|, 30,| and his brother"."""
    for start, end in ctx.extra.get(_APPOSED_AGES, ()):
        if start >= position and not ctx.norm[position:start].strip():
            return end
    return None


def without_apposed_ages(ctx: DocContext, start: int, end: int) -> str:
    """The document's text with the ages set off in ``[start, end)`` blanked out
    (same offsets), so that what surrounds them reads as one phrase: "Mohammed,
    14, and his cousin Ali, 16, were killed" as "Mohammed and his cousin Ali"."""
    ages = [(s, e) for s, e in ctx.extra.get(_APPOSED_AGES, ()) if start <= s and e <= end]
    if not ages:
        return ctx.norm
    text = ctx.norm
    for s, e in ages:
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def _without_apposed_ages(norm: str, found: list[NumberMention]) -> tuple[list[NumberMention], list[tuple[int, int]]]:
    """``found`` less the ages set off after a name or noun: "Ahmed Saleh, 23, was
    shot", "two men, 25 and 31, were killed", "a woman (45) died"; digits only,
    up to 120, closed by a comma or bracket and a verb; and the ages' spans,
    separators included."""
    kept: list[NumberMention] = []
    ages: list[tuple[int, int]] = []
    index = 0
    while index < len(found):
        last = index  # the run of numbers joined as a list ("25 and 31")
        while last + 1 < len(found) and _AGE_LIST_GAP.fullmatch(norm, found[last].end, found[last + 1].start):
            last += 1
        run = found[index:last + 1]
        opening = _APPOSED_BEFORE.search(norm, max(0, run[0].start - 3), run[0].start)
        closing = opening and _APPOSED_AFTER.match(norm, run[-1].end)  # (a large alternation: only where it may tell)
        # (or a headline's last word: "Shelling kills woman, 64" over its lead)
        line_end = opening and not closing and opening.group("mark") == "," and _LINE_END.match(norm, run[-1].end)
        if opening and (closing or line_end) and all(norm[n.start:n.end].isdigit() and (n.value or 0) <= 120 for n in run):
            ages.append((opening.start("mark"), closing.end("mark") if closing else run[-1].end))
        else:
            kept.extend(run)
        index = last + 1
    return kept, ages


#: what says the number after it is an age ("aged 7", "ages 18 to 25", "at the age of 14")
_AGE_BEFORE: Final = re.compile(r"\b(?:(?:aged|ages|age\s+of)\s+(?:between\s+|about\s+|around\s+|under\s+|over\s+)?|"
                         r"in\s+(?:his|her|their)\s+(?:early\s+|mid-?\s*|late\s+)?)$", re.I)  # "a man in his 40s"
#: a word each match of _AGE_BEFORE holds, a whole word ("age of", "in their"): a document without any tells no age
_AGE_WORDS: Final = frozenset({"aged", "ages", "age", "his", "her", "their"})
#: a number set off right after a word, and what closes it: "Ahmed Saleh, 23, was"
_APPOSED_BEFORE: Final = re.compile(r"[^\W\d_]\s*(?P<mark>[,(])\s*$")
_APPOSED_AFTER: Final = re.compile(r"\s*(?P<mark>[,)])\s*(?:was|were|is|are|had|has|have|died|dies|who|"
                            r"and\s+(?:a|an|the|his|her|their|\w+ed)\s|in|near|at|from|on|"
                            # the next name of a list: "Ali Musa, 25, and Omar Bello, 30, were killed"
                            r"(?:and\s+)?(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)(?=\s*,\s*\d|\s+(?:was|were)\b))\b", re.I)
#: a line's end right after a number: a headline's last word
_LINE_END: Final = re.compile(r"[ \t]*\n")
#: between the ages of a list: "aged 7 and 10", "aged 7, 9 and 12", "aged 18-25"
_AGE_LIST_GAP: Final = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+|\s+to\s+|\s*[-–]\s*)")


def _starts(ctx: DocContext) -> list[int] | None:
    """What :data:`NUMBER_STARTS` finds, from the document's word index (its
    ``\\b(?:…)\\b`` is tried at every position, a third of a short note's number
    scan): the whole words, and every digit run (also inside a word, where
    ``_DIGITS``' look-behind may still let a number begin: "é5", "x_5")."""
    index = ctx.word_index()
    if index is None:
        return None
    words = index.starts_followed(_NUMBER_WORDS, _following_words())  # ("in" begins a match only in "in excess of")
    words += ctx.digit_runs()  # the same runs in the lower-cased text
    words.sort()  # the two never meet: the words are letters only
    return words


#: :data:`NUMBER_RE`'s groups by number (a match's spans are read at once, :attr:`re.Match.regs`: a group
#: asked for by name is looked up in the pattern's names at each of a mention's dozen reads)
_QUAL_GROUP: Final = NUMBER_RE.groupindex["qual"]
_BTW_GROUP: Final = NUMBER_RE.groupindex["btw"]
_NUM_GROUP: Final = NUMBER_RE.groupindex["num"]
_NUM2_GROUP: Final = NUMBER_RE.groupindex["num2"]
_VAGUE_GROUP: Final = NUMBER_RE.groupindex["vague"]


def _mention(norm: str, match: re.Match) -> NumberMention | None:
    """The quantity ``match`` (a NUMBER_RE match on ``norm`` or on its lower-cased copy: only
    its spans and its words in lower case are read) tells."""
    regs, text = match.regs, match.string
    qual_start, qual_end = regs[_QUAL_GROUP]
    num_start, num_end = regs[_NUM_GROUP]
    num2_start, num2_end = regs[_NUM2_GROUP]
    qualifier = QUALIFIERS.get(" ".join(text[qual_start:qual_end].lower().split()), "exact") if qual_start >= 0 \
        else "exact"
    if num_start < 0:  # (then a vague amount: the pattern's other branch)
        vague_start, vague_end = regs[_VAGUE_GROUP]
        key = " ".join(text[vague_start:vague_end].lower().split())
        if qualifier != "exact" and key in {"some", "several", "many"}:
            qualifier = "exact"
        return NumberMention(regs[0][0], regs[0][1], VAGUE[key], qualifier="vague", vague=key,
                             num_start=vague_start, num_end=vague_end)
    num = text[num_start:num_end]
    joined = None if num.isdigit() else _JOINED_PAIR.fullmatch(num)  # (digits hold no " and ")
    value, ordinal = parse_number(joined.group("first") if joined else num)
    if value is None:
        return None
    second = None
    if num2_start >= 0:
        second, _ = parse_number(text[num2_start:num2_end])
    elif joined and regs[_BTW_GROUP][0] >= 0:  # "between eight and nine": a range, not seventeen
        second, _ = parse_number(joined.group("second"))
    if joined and second is None:
        end = num_start + joined.end("first")
        return NumberMention(qual_start if qual_start >= 0 else num_start, end, value,
                             low=value, high=value, qualifier=qualifier, num_start=num_start, num_end=end)
    if second is not None and second > value and not ordinal:
        return NumberMention(regs[0][0], regs[0][1], value, low=value, high=second, qualifier="range",
                             num_start=num_start, num_end=num2_end)
    end = num_end
    if _FRACTION_AFTER.match(norm, end):
        return None  # "two-thirds": the numerator of a share
    start = qual_start if qual_start >= 0 else num_start
    is_year = 1900 <= value <= 2100 and not ordinal and _year_context(norm, text, start)
    if qualifier == "about" and text[qual_start:qual_end].lower() == "some" and value is None:
        qualifier = "exact"
    low, high = _bounds(value, qualifier)
    return NumberMention(start, end, value, low=low, high=high, qualifier=qualifier,
                         num_start=num_start, num_end=end, is_year=is_year, is_ordinal=ordinal)


def _year_context(norm: str, text: str, start: int) -> bool:
    """Whether what comes before ``start`` says a number there is a year (:data:`_YEAR_CONTEXT`);
    ``text``: ``norm`` or the lower-cased copy the scan read, searched with the pattern's
    lower-cased copy, about twice as fast (casefold.lowered_pattern: the same spans)."""
    pattern = _YEAR_CONTEXT
    if text is not norm:
        lowered = casefold.lowered_pattern(_YEAR_CONTEXT)
        if lowered is None:
            text = norm
        else:
            pattern = lowered
    return pattern.search(text, max(0, start - 20), start) is not None


def _bounds(value: int, qualifier: str) -> tuple[int | None, int | None]:
    if qualifier == "exact":
        return value, value
    if qualifier in ("at_least", "more_than"):
        return value, None
    if qualifier in ("nearly", "at_most"):
        return None, value
    return None, None


def implausible(mention: NumberMention) -> bool:
    """Whether a quantity is beyond any count of people (see :data:`MAX_COUNT`)."""
    value, low, high = mention.value, mention.low, mention.high
    return (value is not None and value > MAX_COUNT) or (low is not None and low > MAX_COUNT) \
        or (high is not None and high > MAX_COUNT)


@register("numbers", version="14")
def numbers_component(ctx: DocContext) -> None:
    refused: list[NumberMention] = []
    kept: list[NumberMention] = []
    for mention in find_numbers(ctx.norm, ctx):
        (refused if implausible(mention) else kept).append(mention)
    ctx.numbers = kept
    if refused:
        shown = ", ".join(f"{ctx.text[n.num_start:n.num_end][:40]!r} at {n.num_start}" for n in refused[:3])
        more = f" and {len(refused) - 3} more" if len(refused) > 3 else ""
        ctx.warnings.append(f"numbers above {MAX_COUNT:,} are not read as counts: {shown}{more}")

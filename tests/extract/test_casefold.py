"""Lower-cased scans (marsad.extract.casefold) find exactly what re.I finds."""

from __future__ import annotations

import re
import sys

import pytest

from marsad.extract import casefold
from marsad.extract.casefold import ASCII_CASE_PARTNERS, finditer, folded_text, lowered_pattern
from marsad.extract.event_types import TriggerScan, load_rules


def test_the_unsafe_characters_are_every_case_partner_of_ascii_in_this_python():
    ascii_letter = re.compile("[a-z]", re.I)
    partners = set()
    for code in range(128, sys.maxunicode + 1):
        char = chr(code)
        lower, upper = char.lower(), char.upper()
        if len(lower) != 1 or any(c.isascii() for c in lower + upper) or ascii_letter.fullmatch(char):
            partners.add(char)
    assert partners == set(ASCII_CASE_PARTNERS)


def test_lower_casing_any_other_character_keeps_its_class():
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char in ASCII_CASE_PARTNERS or char.lower() == char:
            continue
        for category in (r"\w", r"\s", r"\d"):
            assert bool(re.match(category, char)) == bool(re.match(category, char.lower())), hex(code)


@pytest.mark.parametrize("source", [
    r"(?-i:[A-Z])\w+ forces",  # an inline flag
    r"[A-z]+",                 # a range across cases
    r"\x41irstrike",           # a letter written by number
    r"(?P<Kind>shell)ing",     # a group name with a capital
    "caf\u00e9 bomb",          # not ASCII
])
def test_constructs_whose_meaning_lower_casing_could_change_are_refused(source):
    assert lowered_pattern(re.compile(source, re.I)) is None


def test_case_sensitive_patterns_are_not_lowered():
    assert lowered_pattern(re.compile("Shelling")) is None


@pytest.mark.parametrize("text", [
    "SHELLING of Idlib; an Air-Strike hit\tthe S-VBIED convoy. Shelling\u2013shelled (AIRSTRIKES)",
    "Ein Luftangriff \u00dcBER Aleppo: \u00c9glise shelled, \u0394 air strike",
])
def test_a_lowered_scan_finds_the_same_spans(text):
    pattern = re.compile(r"(?<![\w])(?:shell(?:ing|ed)|air[ -]?strikes?|S-?VBIEDs?|[A-Z]glise|[^.;]{0,5}convoy)(?![\w])",
                         re.I)
    lowered, folded = lowered_pattern(pattern), folded_text(text)
    assert lowered is not None and folded is not None
    assert [m.span() for m in lowered.finditer(folded)] == [m.span() for m in pattern.finditer(text)] != []


def test_a_text_with_a_long_s_is_scanned_case_insensitively_as_before():
    text = "The ſhelling went on; SHELLING again."
    assert folded_text(text) is None  # re.I matches "ſ" to "s"; lower() does not
    triggers = {"shelling": re.compile(r"(?<![\w])shelling(?![\w])", re.I)}
    assert TriggerScan(triggers, text).within("shelling", 0, len(text)) == [(4, 12), (22, 30)]


def test_every_trigger_set_scans_a_document_as_its_own_pattern_does():
    rules = load_rules()
    text = ("On 3 March 2019 regime WARPLANES carried out AIRSTRIKES on Maarat al-Numan, killing 4 civilians; "
            "Protesters Blocked roads in Deir ez-Zor and a Suicide Bomber blew himself up at an army checkpoint. "
            "HTS fighters Abducted two men and Looted shops.")
    scan = TriggerScan(rules.triggers, text)
    for name, pattern in rules.triggers.items():
        assert scan.within(name, 0, len(text)) == [m.span() for m in pattern.finditer(text)], name


def test_a_pattern_whose_group_names_lower_casing_would_change_is_refused():
    assert lowered_pattern(re.compile(r"(?P<Shell>shelling)|(?P<air>airstrike)", re.I)) is None
    lowered = lowered_pattern(re.compile(r"(?P<shell>Shelling)|(?P<air>AIRSTRIKE)", re.I))
    assert lowered is not None and lowered.search("an airstrike").lastgroup == "air"


def test_finditer_gives_the_original_patterns_matches_with_the_original_text():
    pattern = re.compile(r"\b(?P<num>\d+|two|Three)\s+(?P<who>Civilians|fighters)\b", re.I)
    text = "TWO Civilians and 3 FIGHTERS; three civilians."
    found = [(m.span(), m.group("num"), m.group("who")) for m in finditer(pattern, text, folded_text(text))]
    assert found == [(m.span(), m.group("num"), m.group("who")) for m in pattern.finditer(text)]
    assert found[0][1:] == ("TWO", "Civilians")


_MIXED_CASE = ("On Monday, 3 March 2019 REGIME WARPLANES killed 12 Civilians, including 3 Children, in Idlib; "
               "the Death Toll rose to 20. Two ISIS fighters Were Executed since the start of the Operation. "
               "A Car Bomb exploded after Friday prayers, Wounding Dozens. In February, at least 5 people died "
               "when Shells hit the town and two others were Killed by a Landmine 2 days ago.")


def test_every_case_insensitive_extraction_pattern_scans_the_same_when_lowered():
    from marsad.extract import casualties, dates, numbers, subcounts, tallies

    folded = folded_text(_MIXED_CASE)
    checked = 0
    for module in (casualties, dates, numbers, subcounts, tallies):
        for name, pattern in vars(module).items():
            if not isinstance(pattern, re.Pattern) or lowered_pattern(pattern) is None:
                continue
            found = [(m.span(), m.groups()) for m in finditer(pattern, _MIXED_CASE, folded)]
            assert found == [(m.span(), m.groups()) for m in pattern.finditer(_MIXED_CASE)], name
            checked += 1
    assert checked > 40


def test_a_process_scans_with_the_original_patterns_until_it_has_read_enough_text(monkeypatch):
    from marsad.extract import casefold

    monkeypatch.setattr(casefold, "_scanned", 0)
    text = "Gunmen killed two farmers near Tafas."
    assert casefold.folded_for_scan(text) is None  # a one-line run never compiles the lowered patterns
    monkeypatch.setattr(casefold, "_scanned", casefold.WARM_UP_CHARS)
    assert casefold.folded_for_scan(text) == text.lower()


def test_a_worker_scans_with_the_lowered_patterns_from_its_first_document(monkeypatch):
    from marsad.batch.work import warm_up
    from marsad.extract import casefold

    monkeypatch.setattr(casefold, "_scanned", 0)
    monkeypatch.setattr(casefold, "_LOWERED", {})
    warm_up()  # what a worker does before its first shard: a shard's first document is then scanned lowered
    text = "Gunmen killed two farmers near Tafas."
    assert casefold.folded_for_scan(text) == text.lower()
    assert len(casefold._LOWERED) > 50  # the event triggers' and casualty patterns' lowered copies, compiled already


# Words cut by a window's end ("but|ton", "kill|ing"), breaks that straddle its start, long and
# glued numbers, dates with and without slashes: where a window scan could go wrong.
_WINDOWS = (_MIXED_CASE + " Residents said that, killing time, the button factory WHEREAS: as well as 1,200 "
            "citizens and 123citizens (approx. 40) were, bringing food; between 10 and 15 died on 03/04/2019 "
            "while X12/3/2019 is no date. Protesters demanded justice for the killing of a man who would have "
            "turned 20; gunmen tried to kill the mayor, including his son, and the rest fled, most of them. In March "
            "a march and a Rally marched; rallies, sit-ins, a vigil, strike action (a mob, RIOTS) burnt cars, "
            "pressed on: a press conference BECAME VIOLENT, 3 arrested.")


def _window_pairs():
    from marsad.extract import casualties, casualty_facts, unreported

    return [(casualties._CLAUSE_BREAK, casualties._CLAUSE_BREAK_STARTS),
            (casualty_facts._OWN_CLAUSE_END, casualty_facts._OWN_CLAUSE_END_STARTS),
            (unreported._NOT_REPORTED, unreported._NOT_REPORTED_STARTS),
            (unreported._PROTEST, unreported._PROTEST_STARTS)]


@pytest.mark.parametrize("lowered", [True, False])
def test_a_window_scan_finds_what_the_engine_finds_in_every_window(lowered, monkeypatch):
    from marsad.extract.casefold import for_spans
    from marsad.extract.pipeline import DocContext

    monkeypatch.setattr(casefold, "_scanned", casefold.WARM_UP_CHARS)
    if not lowered:
        monkeypatch.setattr(casefold, "WARM_UP_CHARS", 10**12)
    for pattern, starts in _window_pairs():
        ctx = DocContext(text=_WINDOWS)
        text, folded = ctx.norm, ctx.folded()
        assert (folded is not None) == lowered
        windows = ctx.windows(pattern, starts)
        plain, scanned = for_spans(pattern, text, folded)
        for pos in range(0, len(text), 3):
            for endpos in range(pos, min(len(text), pos + 420) + 1, 7):
                expected = [(m.span(), m.lastgroup) for m in plain.finditer(scanned, pos, endpos)]
                assert [(m.span(), m.lastgroup) for m in windows.finditer(pos, endpos)] == expected, (pattern, pos, endpos)
                first = windows.search(pos, endpos)
                assert (None if first is None else (first.span(), first.lastgroup)) == (expected[0] if expected else None)
                last = windows.last(pos, endpos)
                assert (None if last is None else (last.span(), last.lastgroup)) == (expected[-1] if expected else None)


def test_a_window_scan_misses_a_match_when_its_starts_miss_one():
    from marsad.extract.casefold import WindowScan

    windows = WindowScan(re.compile(r"\bwhile\b|;"), re.compile(r";"), "a; while b", None)
    assert [m.group() for m in windows.finditer(0, 10)] == [";"]  # the test above can fail


@pytest.mark.parametrize("lowered", [True, False])
def test_whole_document_scans_from_their_starts_find_the_same_matches(lowered):
    from marsad.extract import dates, numbers
    from marsad.extract.pipeline import DocContext

    folded = folded_text(_WINDOWS) if lowered else None
    digit_runs = DocContext(text=_WINDOWS).digit_runs()  # where the dates component scans NUMERIC from
    for pattern, starts in ((numbers.NUMBER_RE, numbers.NUMBER_STARTS), (dates.NUMERIC, digit_runs)):
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(_WINDOWS)]
        found = [(m.span(), m.groupdict()) for m in finditer(pattern, _WINDOWS, folded, starts=starts)]
        assert found == expected and len(found) > 1


def test_digit_runs_are_where_the_digit_pattern_matches():
    # an ASCII text's runs are found with str.find, any other's by the pattern itself
    import random

    from marsad.extract.pipeline import DocContext

    rng = random.Random(5)
    pieces = ["0", "7", "19", "2024", " ", "a", "-", ",", ".", "x5", "\n", "\u0663", "\u00e9"]
    for _ in range(3000):
        ctx = DocContext(text="".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))))
        assert ctx.digit_runs() == [match.start() for match in re.finditer(r"\d+", ctx.norm)], repr(ctx.norm)


def test_numbers_scan_the_same_from_the_word_index(monkeypatch):
    from marsad.extract import casefold, numbers
    from marsad.extract.pipeline import DocContext

    monkeypatch.setattr(casefold, "_scanned", casefold.WARM_UP_CHARS)
    glued = "x_5 died, é7 fled, ٣ and 12 or TWELVE, Two-hundred and BETWEEN eight and nine; approx. 40 (a dozen)"
    for text in (_WINDOWS, _WINDOWS.upper(), _MIXED_CASE, glued):
        ctx = DocContext(text=text)
        assert numbers._starts(ctx) is not None
        expected = [(n.start, n.end, n.value, n.qualifier) for n in numbers.find_numbers(ctx.norm)]
        assert [(n.start, n.end, n.value, n.qualifier) for n in numbers.find_numbers(ctx.norm, ctx)] == expected
    # a digit inside a word can begin a number: the test above fails if the index's digit-led words stand in
    assert [glued[n.start : n.end] for n in numbers.find_numbers(glued, DocContext(text=glued))][:2] == ["5", "7"]


_DATES = ("On Monday the 3rd of March, 2019-03-04 and ٣ March, 3/4/2019, Sept. 5 and mayday 5; since the start "
          "of the operation on 5 May the offensive was launched. In the second month of the offensive, 2 days after "
          "the meeting, in February, last Friday, two weeks ago, this morning, the day before yesterday, "
          "during the end of the third week, launching the new operations, on Sunday, some hours ago.")


#: First words that begin a date only with the right word after them, with it and without (once, and four
#: times: a word held more than three times is told from where the next words begin), parted by more than a space.
_FOLLOWED = ("Thursday, the ٣rd of March and the  12th of May; Sept.  5, 2020 and March ٤; this past Sunday, the past "
             "week, the previous  week, the day before yesterday, a few hours ago, an hour ago, several hours ago, "
             "seven days ago, 3 weeks ago, one week ago, last\tnight, last Monday, on Tuesday. Over the month of "
             "January, for\nMarch, during June 3, in the hall, the ruling party, a man, on the road, 12/05/2021, "
             "1.2.2019, 2021-05-12 and 2021-5 or 2.5 km.")


def test_word_index_finds_whole_words_and_digit_led_words():
    from marsad.extract.casefold import WordIndex

    index = WordIndex(folded_text("The theme: the 3rd, x12 and ٣ then THE end"))
    assert index.starts(frozenset({"the"})) == [0, 11, 35]  # not "theme"
    assert index.starts(frozenset(), digit_led=True) == [15, 28]  # "3rd" and "٣", not the 1 inside "x12"
    assert index.starts(frozenset({"the", "end"}), digit_led=True) == [0, 11, 15, 28, 35, 39]
    many = frozenset({"the", "end", *(f"w{n}" for n in range(20))})  # more words than the text has: looked up the other way
    assert index.starts(many) == [0, 11, 35, 39]


def test_word_index_finds_each_run_of_word_characters():
    import random

    from marsad.extract.casefold import WordIndex

    pieces = ["a", "ab", "b_c", "_", "12", "٣", "x-y", "(", ")", ",", ".", ":", " ", "  ", "\n", "\t", "\u00a0", "é",
              "ß", "-", "'", "/", "\"", "½", "²"]
    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        runs = list(re.finditer(r"\w+", text))
        index = WordIndex(text)
        for word in {run.group() for run in runs}:
            assert index.starts(frozenset({word})) == [run.start() for run in runs if run.group() == word], text
        assert index.starts(frozenset(), digit_led=True) == [run.start() for run in runs if re.match(r"\d", run.group())]
        assert index.words() == {run.group() for run in runs}


def _lower_groups(match: re.Match) -> dict[str, str | None]:
    return {name: None if value is None else value.lower() for name, value in match.groupdict().items()}


def test_every_date_pattern_scans_the_same_from_its_first_words(monkeypatch):
    """The same matches, read on the lower-cased text: the same spans, the same groups in lower case."""
    from marsad.extract import casefold, dates
    from marsad.extract.pipeline import DocContext

    monkeypatch.setattr(casefold, "_scanned", casefold.WARM_UP_CHARS)
    for text in (_DATES, _DATES.upper(), _MIXED_CASE, _WINDOWS, _FOLLOWED, _FOLLOWED * 4):
        ctx = DocContext(text=text)
        assert ctx.word_starts(frozenset({"the"})) is not None
        for pattern in [*dates._FIRST_WORDS, dates.NUMERIC]:
            expected = [(m.span(), _lower_groups(m)) for m in pattern.finditer(ctx.norm)]
            assert [(m.span(), _lower_groups(m)) for m in dates._scan(ctx, pattern)] == expected, pattern.pattern[:40]
    assert sum(1 for pattern in dates._FIRST_WORDS for _ in pattern.finditer(_DATES)) > 15


def test_lowered_patterns_are_remembered_by_identity_not_by_hash(monkeypatch):
    """Hashing a compiled pattern hashes its whole code; the cache goes by the object."""
    pattern = re.compile(r"shelling|air ?strikes?", re.I)
    first = lowered_pattern(pattern)
    assert first is not None and lowered_pattern(pattern) is first
    # An entry left under this id by another pattern object is never returned for this one.
    other = re.compile(r"bombing", re.I)
    monkeypatch.setitem(casefold._LOWERED, id(other), (pattern, first))
    assert lowered_pattern(other).pattern == "bombing"
    # The cache is bounded.
    monkeypatch.setattr(casefold, "DERIVED_SIZE", 2)
    casefold._LOWERED.clear()
    for source in ("alpha", "beta", "gamma"):
        lowered_pattern(re.compile(source, re.I))
    assert len(casefold._LOWERED) <= 2


@pytest.mark.parametrize(("source", "flags", "words"), [
    (r"\bkill(?:ed|s)?\b", re.I, {"kill"}),
    (r"(?:coded|separate)ly", re.I, {"coded", "separate"}),
    (r"\b(?:Iraqi|Syrian)\s+nationality\b", re.I, {"nationality"}),
    (r"(?-i:March)\s+\d+", re.I, {"march"}),
    (r"a?b", 0, {"b"}),
    (r"x(?=\s+toll)", 0, {"toll"}),
    # (too many alternatives to test, however long: the shorter word they precede is tested)
    (r"(?:alpha|bravo|charlie|delta|echoes|foxtrot|golfer|hotel|india)\s+to\b", re.I, {"to"}),
])
def test_required_words_are_what_every_match_holds(source, flags, words):
    assert casefold.required_words(re.compile(source, flags)) == words


@pytest.mark.parametrize("source", [r"\w+", r"(?:alive)?\d", r"x|\d", r"(?!dead)\w+", "|".join(f"{letter}x" for letter in "abcdefghi")])
def test_required_words_are_not_given_where_a_match_may_hold_none_or_too_many(source):
    assert casefold.required_words(re.compile(source, re.I)) is None


def test_every_extraction_pattern_that_matches_a_text_finds_one_of_its_required_words_there():
    from marsad import counting
    from marsad.extract import (
        actors,
        casualties,
        casualty_facts,
        casualty_verbs,
        dates,
        ledger,
        numbers,
        subcounts,
        tallies,
    )

    texts = [_MIXED_CASE, "Separately, 3 bodies (coded to other events) were found; two of them turned out to be alive.",
             "Since the start of the offensive, officials had earlier reported that both of the 4 were not killed."]
    checked = 0
    for module in (actors, casualties, casualty_facts, casualty_verbs, counting, dates, ledger, numbers, subcounts, tallies):
        for name, pattern in vars(module).items():
            words = casefold.required_words(pattern) if isinstance(pattern, re.Pattern) else None
            if words is None:
                continue
            for text in texts:
                if pattern.search(text):
                    assert any(word in folded_text(text) for word in words), name
                    checked += 1
    assert checked > 30


def test_words_within_a_window_allow_more_words_and_refuse_a_look_behind():
    many = "|".join(["alpha", "bravo", "charlie", "delta", "echoes", "foxtrot", "golfer", "hotel", "india", "juliet"])
    assert casefold.required_words(re.compile(rf"\b(?:{many})\b", re.I)) is None
    assert casefold.words_within(re.compile(rf"\b(?:{many})\b", re.I)) == set(many.split("|"))
    assert casefold.words_within(re.compile(r"(?<=said )\d+", re.I)) is None  # "said" may lie before the window


def test_a_party_claim_is_searched_only_in_a_window_that_holds_its_words():
    from marsad.extract.pipeline import DocContext

    ctx = DocContext(text="The group said it killed 20 soldiers. Police killed 3 gunmen near the market on Sunday.")
    ctx._folded, ctx._folded_done = casefold.folded_text(ctx.norm), True  # (as once the process has warmed up)
    from marsad.counting import _PARTY_CLAIM

    assert ctx.may_match_within(_PARTY_CLAIM, 0, 25)  # "The group said it"
    assert not ctx.may_match_within(_PARTY_CLAIM, 38, 52)  # "Police killed "

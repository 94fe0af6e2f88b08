"""Trigger scans from a literal space (casefold.word_led_spans) find exactly what finditer finds."""

from __future__ import annotations

import re
from re import _constants as sre_constants  # the parser's view of a pattern: what a match can begin with
from re import _parser as sre_parser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract import casefold, wordscan
from marsad.extract.casefold import folded_text, lowered_pattern
from marsad.extract.event_types import TriggerKeys, TriggerScan, load_rules
from marsad.extract.wordscan import WORD_START, word_led_spans, word_led_starts

# Matches at the very start, after brackets, hyphens, quotes, slashes, line breaks, tabs, a
# no-break space and several spaces; words glued to digits; alternatives that end in punctuation
# and are followed at once by another match; look-behinds inside alternatives.
_EDGES = ("Shelling hit al-Shelling (shelling) 'shelling' x/shelling\nshelling\tshelling\u00a0shelling  "
          "shelling. killed-killed killing, shelling2 2shelling u.s. u.s. forces Ahead of protests, "
          "upcoming protests; protests\u2014protests \u00e9shelling \u00ab shelling\u00bb END-shelling "
          "shelling shelling killed-killed-x")
_PATTERNS = [
    WORD_START + r"(?:shelling|killed|killing)(?![\w])",
    WORD_START + r"(?:u\.s\.|forces)(?![\w])",
    WORD_START + r"(?:(?<!ahead of )(?<!upcoming )protests?)(?![\w])",
    WORD_START + r"(?:\w+-\w+|shell\w*)(?![\w])",
    WORD_START + r"(?:(?-i:[A-Z]{2,})|end)(?![\w])",
    WORD_START + r"(?:shelling |killed-)",  # a match that ends in a space or a hyphen, the next one right after
]


@pytest.mark.parametrize("source", _PATTERNS)
@pytest.mark.parametrize("lowered", [False, True])
def test_a_space_led_scan_finds_what_the_engine_finds(source, lowered):
    pattern, text = re.compile(source, re.I), _EDGES
    expected = [m.span() for m in pattern.finditer(text)]
    if lowered:
        pattern, text = lowered_pattern(pattern) or pattern, folded_text(text) or text
    assert word_led_spans(pattern, text, word_led_starts(text)) == expected
    assert expected  # the texts do exercise the pattern


def test_a_space_led_scan_misses_a_match_when_a_start_after_punctuation_is_missing():
    pattern = re.compile(_PATTERNS[0], re.I)
    starts = word_led_starts(_EDGES)
    bracketed = _EDGES.index("(shelling)") + 1
    assert bracketed in starts and 0 in starts
    found = word_led_spans(pattern, _EDGES, [s for s in starts if s != bracketed])
    assert (bracketed, bracketed + 8) not in found
    assert found != [m.span() for m in pattern.finditer(_EDGES)]


def test_a_pattern_that_does_not_open_at_a_word_is_scanned_as_it_is():
    pattern = re.compile(r"(?<![\w])(?:-shelling)", re.I)
    assert wordscan.space_led(pattern) is None
    assert word_led_spans(pattern, _EDGES, []) == [m.span() for m in pattern.finditer(_EDGES)]


@pytest.mark.parametrize("warm", [False, True])
def test_every_trigger_set_scans_an_edge_case_document_as_its_own_pattern_does(monkeypatch, warm):
    monkeypatch.setattr(casefold, "_scanned", casefold.WARM_UP_CHARS if warm else 0)
    rules = load_rules()
    text = ("HTS fighters (al-Nusra) shelled Kafr Nabl.\nAIRSTRIKES hit 'Maarat al-Numan'; "
            "protesters\u00a0blocked roads - police fired tear gas/live ammunition at the PROTESTERS, "
            "killing 2.\n\"Suicide bombers\" blew themselves up. The SDF recaptured the town.\tLiberation of Raqqa.")
    scan = TriggerScan(rules.triggers, text)
    for name, pattern in rules.triggers.items():
        assert scan.within(name, 0, len(text)) == [m.span() for m in pattern.finditer(text)], name


def _begins_a_word(items) -> bool | None:
    """Whether every match of a parsed sequence begins with a word character (None: it can be empty)."""
    c = sre_constants
    word_categories = {c.CATEGORY_WORD, c.CATEGORY_DIGIT, c.CATEGORY_UNI_WORD, c.CATEGORY_UNI_DIGIT}

    def word_char(code: int) -> bool:
        return chr(code).isalnum() or chr(code) == "_"

    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero width: the next item decides
        if op is c.LITERAL:
            return word_char(av)
        if op is c.IN:
            return all((o is c.LITERAL and word_char(a)) or (o is c.CATEGORY and a in word_categories)
                       or (o is c.RANGE and all(map(word_char, range(a[0], a[1] + 1)))) for o, a in av)
        if op is c.SUBPATTERN:
            inner = _begins_a_word(av[3].data)
            if inner is not None:
                return inner
            continue
        if op is c.BRANCH:
            return all(_begins_a_word(branch.data) for branch in av[1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            inner = _begins_a_word(av[2].data)
            if inner is False:
                return False
            if av[0] > 0:
                return inner
            continue  # optional: what follows may begin the match as well
        return False
    return None


def test_every_shipped_trigger_alternative_begins_with_a_word_character():
    """The trigger sets open with WORD_START, whose look-ahead for a word character
    (which word_led_spans relies on) then drops no match of the shipped rules."""
    rules = load_rules()
    for name, pattern in rules.triggers.items():
        assert pattern.pattern.startswith(WORD_START)
        body = pattern.pattern[len(WORD_START):]
        assert _begins_a_word(sre_parser.parse(body, pattern.flags).data), name
    assert _begins_a_word(sre_parser.parse(r"(?:a )?mob|\(IED\)", re.I).data) is False  # the check can fail


_MIXED = re.compile(WORD_START + r"(?:shell\w*|(?-i:[A-Z]{2,}\w*)|(?-i:End)|u\.s\.|end-\w+|\w+ing|forces)(?![\w])",
                    re.I)


@pytest.mark.parametrize("lowered", [False, True])
def test_runs_of_alternatives_around_a_case_sensitive_part_scan_as_the_whole_set(lowered):
    runs = wordscan.alternative_runs(_MIXED)
    assert runs is not None and len(runs) == 3  # shell…; the two case-sensitive ones; the rest
    folded = folded_text(_EDGES)
    scanned = []
    for run in runs:
        low = lowered_pattern(run) if lowered else None
        text = folded if low is not None else _EDGES
        scanned.append((low or run, text, word_led_starts(text), False))
    expected = [m.span() for m in _MIXED.finditer(_EDGES)]
    assert wordscan.merged_spans(scanned) == expected
    assert wordscan.merged_spans(scanned[::-1]) != expected  # the order of the runs decides, as in the set


def test_a_set_without_a_case_sensitive_part_is_one_run():
    assert wordscan.alternative_runs(re.compile(WORD_START + r"(?:a|b[|)]|(?:c|d))(?![\w])", re.I)) is None
    assert wordscan.top_level_alternatives(r"a|b[|)]|(?:c|d)|\||[]|]") == ["a", "b[|)]", "(?:c|d)", r"\|", "[]|]"]


@pytest.mark.parametrize("source, flags, expected", [
    (WORD_START + r"(?:ab|c[de]|(?:f|g)h?|x{0,2}y|(?<!q )z+)(?![\w])", 0, set("acfgxyz")),
    (r"(?:[a-c]|\.)d", 0, {"a", "b", "c", "."}),
    (r"ab", re.I, None),  # case-insensitive: "A" as well
    (r"(?i:a)b", 0, None),  # inline flags: not read
    (r"\w+ing", 0, None),  # a category
    (r"[^a]b", 0, None),  # a negated class
    (r"a?", 0, None),  # may match nothing
    (r"(?:a|)b?", 0, None),  # a branch that may match nothing, then maybe nothing
    (r"(?:a|)b", 0, {"a", "b"}),
    (r"[\u0000-\uffff]", 0, None),  # too wide to spell out
])
def test_first_chars_are_what_a_match_can_begin_with(source, flags, expected):
    found = wordscan.first_chars(re.compile(source, flags))
    assert found == (None if expected is None else frozenset(expected))


def _vocabulary() -> list[str]:
    """Words and word pairs from the shipped trigger sets' own alternatives (regex syntax dropped)."""
    words: set[str] = set()
    for pattern in load_rules().triggers.values():
        for piece in re.split(r"[^A-Za-z ]+", pattern.pattern[len(WORD_START):]):
            words.update(re.findall(r"[A-Za-z]+(?: [A-Za-z]+)?", piece))
    return sorted(words)


_WORDS = _vocabulary()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", "  ", "-", " (", ") ", ", ", "/", "\n", "'", ". "])),
                min_size=1, max_size=30))
def test_every_trigger_set_scans_trigger_words_as_its_own_pattern_does(pieces):
    """Documents made of the sets' own words, in the lowered (steady-state) scan, which skips the
    places where a match cannot begin (wordscan.first_chars): the same spans as each set's finditer."""
    text = "".join(word.upper() if index % 3 == 0 else word for index, (w, sep) in enumerate(pieces)
                   for word in (w + sep,))
    saved = casefold._scanned
    casefold._scanned = casefold.WARM_UP_CHARS
    try:
        rules = load_rules()
        scan = TriggerScan(rules.triggers, text)
        for name, pattern in rules.triggers.items():
            assert scan.within(name, 0, len(text)) == [m.span() for m in pattern.finditer(text)], name
    finally:
        casefold._scanned = saved


def test_a_scan_told_the_wrong_first_characters_misses_matches():
    pattern = lowered_pattern(re.compile(_PATTERNS[0], re.I))
    text = folded_text(_EDGES)
    starts = word_led_starts(text)
    right = wordscan.first_chars(pattern)
    assert right == frozenset("sk")
    exact = wordscan.spaced_spans(pattern, wordscan.space_led(pattern), right, text, starts)
    assert exact == [m.span() for m in pattern.finditer(text)]
    assert wordscan.spaced_spans(pattern, wordscan.space_led(pattern), frozenset("k"), text, starts) != exact


@pytest.mark.parametrize("alternatives, words, stems", [
    (["shell(?:ed|ing)?", "mortar fire"], {"shell", "shelled", "shelling", "mortar"}, set()),
    # the part whose shortest word is longest: past "the", "a" and optional words ("(?:\w+ ){0,3}")
    (["the (?:\\w+ ){0,2}(?:army|military) (?:re)?took"], {"army", "military"}, set()),
    (["(?:an? |the )?convoys? (?:was|were) ambushed"], {"ambushed"}, set()),
    (["inghimasi\\w*", "S-?VBIEDs?"], {"inghimasi", "s", "svbied", "svbieds"}, {"ingh"}),  # open: a stem
    (["al-[a-z]+ front"], {"front"}, set()),
])
def test_key_words_are_the_words_a_match_needs(alternatives, words, stems):
    pattern = re.compile(WORD_START + "(?:" + "|".join(alternatives) + r")(?![\w])", re.I)
    assert wordscan.key_words(pattern) == (frozenset(words), frozenset(stems))


@pytest.mark.parametrize("alternative", [
    r"\d+ ?mm",  # a digit: not spelled out
    r"(?-i:[A-Z][a-z]+)",  # a word left open before it has a stem's length
    r"\w+ing",  # a category
    r"ab\w*",
])
def test_a_set_without_key_words_is_always_scanned(alternative):
    pattern = re.compile(WORD_START + "(?:shelling|" + alternative + r")(?![\w])", re.I)
    assert wordscan.key_words(pattern) is None


def test_every_shipped_set_but_a_few_has_key_words():
    keys = {name: wordscan.key_words(pattern) for name, pattern in load_rules().triggers.items()}
    assert sorted(name for name, found in keys.items() if found is None) == ["armed_party", "shelling"]
    assert "protesters" in keys["protest_actor"][0]
    # a calibre has no key word: searched for on its own, the other alternatives by their keys
    keyed, keyless = wordscan.alternative_keys(load_rules().triggers["shelling"])
    assert len(keyless) == 1 and "mm" in keyless[0] and keyed


def test_each_part_of_an_alternative_gives_keys_the_most_selective_first():
    pattern = re.compile(WORD_START + r"(?:the (?:\w+ ){0,2}convoys? (?:was|were) ambushed|\d+ ?mm)(?![\w])", re.I)
    keyed, keyless = wordscan.alternative_keys(pattern)
    assert keyless == [r"\d+ ?mm"]
    assert [sorted(words) for words, _ in keyed[0]] == [["ambushed"], ["convoy", "convoys"], ["the"], ["was", "were"]]


def test_a_set_is_possible_only_where_every_part_of_an_alternative_has_a_key(monkeypatch):
    keys = TriggerKeys({"ambush": re.compile(WORD_START + r"(?:convoys? (?:\w+ ){0,3}ambushed|\d+ ?mm)(?![\w])", re.I),
                        "open": re.compile(WORD_START + r"(?:\w+ing)(?![\w])", re.I)})
    assert keys.possible("the convoy was ambushed") == {"ambush", "open"}
    assert keys.possible("the patrol was ambushed; a convoy passed") == {"ambush", "open"}
    assert keys.possible("the patrol was ambushed") == {"open"}  # no convoy
    assert keys.possible("shelled with 120 mm rounds") == {"ambush", "open"}  # the calibre, searched for alone
    assert keys.possible("shelled with 120 rounds") == {"open"}  # (a text without "mm" is not searched)
    assert keys.possible("120 rounds, a mm") == {"open"}


def test_a_document_without_a_sets_key_words_is_not_scanned_for_it(monkeypatch):
    monkeypatch.setattr(casefold, "_scanned", casefold.WARM_UP_CHARS)
    rules = load_rules()
    scan = TriggerScan(rules.triggers, "Protesters marched in the capital on Friday.")
    possible = scan._may_match()
    assert possible is not None and "protest" in possible and "chemical" not in possible
    assert scan.within("chemical", 0, 40) == []
    kept = scan.rules_that_may_hold(rules.rules)
    assert all(rule.sub != "Chemical weapon" for rule in kept) and any(rule.sub == "Peaceful protest" for rule in kept)
    assert [rule.index for rule in kept] == sorted(rule.index for rule in kept)  # the rules' own order


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", ", ", "-", ". ", " ("])), min_size=1, max_size=25))
def test_rules_left_out_for_a_missing_set_change_no_typing(pieces):
    """Typed with the rules that may hold (steady state) or with all of them (before the lowered
    scans are in use, nothing is left out): the same first rule holds."""
    text = "".join(word + sep for word, sep in pieces).strip()
    saved = casefold._scanned
    rules = load_rules()
    try:
        typed = []
        for scanned in (0, casefold.WARM_UP_CHARS):
            casefold._scanned = scanned
            typed.append(rules.classify(text, doc=text))
    finally:
        casefold._scanned = saved
    assert typed[0] == typed[1]


def test_the_sets_scan_plans_are_compiled_with_their_keys():
    """Once, together, when a process first scans lower-cased text: not as documents first need them."""
    from marsad.extract import event_types, scan_plans

    triggers = {"ambush": re.compile(WORD_START + r"(?:ambush(?:ed)?|convoys? attacked)(?![\w])", re.I)}
    assert id(triggers["ambush"]) not in scan_plans._PLANS
    event_types.trigger_keys(triggers)
    assert scan_plans._PLANS[id(triggers["ambush"])][0] is triggers["ambush"]


def test_a_set_tried_only_where_its_first_words_begin_finds_what_finditer_finds():
    """wordscan.first_words: the words each alternative can begin with, read from the parser's view
    (a word that runs on, "shell\\w*", is a beginning); a set tried only where one begins in the
    lower-cased text (WordIndex.led_by) finds the same spans."""
    from marsad.extract.casefold import WordIndex

    assert wordscan.first_words(re.compile(_PATTERNS[0], re.I)) == (
        frozenset(), {"shel": ("shelling",), "kill": ("killed", "killing")}, (), False)
    assert wordscan.first_words(re.compile(WORD_START + r"(?:air ?strikes?|u\.s\.|mob|mobs)(?![\w])", re.I)) == (
        frozenset({"air", "u"}), {"airs": ("airstrike",)}, ("mob",), False)  # ("mobs" begins with "mob")
    assert wordscan.first_words(re.compile(_PATTERNS[3], re.I)) is None  # "\w+-\w+": any word
    folded = folded_text(_EDGES)
    index = WordIndex(folded)
    tried = 0
    for source in _PATTERNS:
        pattern = lowered_pattern(re.compile(source, re.I))
        first = None if pattern is None else wordscan.first_words(pattern)
        if pattern is None or first is None:
            continue
        tried += 1
        assert wordscan.listed_spans(pattern, folded, index.led_by(*first)) == [
            m.span() for m in pattern.finditer(folded)], source
    assert tried >= 2
    assert wordscan.listed_spans(lowered_pattern(re.compile(_PATTERNS[0], re.I)), folded, []) == []


_DIGIT_LED = [WORD_START + r"(?:\d+(?:\.\d+)? ?mm(?! guns?)|shell\w*)(?![\w])",
              WORD_START + r"(?:(?:one|two|\d+) (?:\w+ )?killed|killing)(?![\w])"]
_DIGITS = ("120mm shells, 81 mm mortars, 2.5mm, (60mm) x60mm 60mmx 9mm guns 5 men killed, one killed, "
           "two boys killed; 3\n4 killed \u0663 killed 2killed killing 12 shelling \u0664\u0665mm")


def test_a_set_that_may_begin_with_a_digit_is_tried_where_a_word_led_by_a_digit_begins():
    """An alternative that begins with \\d adds the words led by a digit (WordIndex's, "what \\d matches",
    Arabic-Indic digits too) to the starts tried; any other word it may begin with still leaves the set
    without first words."""
    from marsad.extract.casefold import WordIndex

    first = wordscan.first_words(re.compile(_DIGIT_LED[0]))
    assert first == (frozenset(), {"shel": ("shell",)}, (), True)
    assert wordscan.first_words(re.compile(_DIGIT_LED[1])) == (frozenset({"one", "two"}), {"kill": ("killing",)}, (), True)
    assert wordscan.first_words(re.compile(WORD_START + r"(?:(?:\w+-)?\d+ members?)(?![\w])")) is None
    index = WordIndex(_DIGITS)
    for source in _DIGIT_LED:
        pattern = re.compile(source)
        expected = [m.span() for m in pattern.finditer(_DIGITS)]
        assert len(expected) >= 5
        found = wordscan.listed_spans(pattern, _DIGITS, index.led_by(*wordscan.first_words(pattern)))
        assert found == expected, source


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1", "12", "2.5", "mm", " ", "  ", "-", "(", "x", "one", "killed", "shells",
                                 "\u0663", "_", ",", "\n", "men", "guns"]), max_size=30))
def test_digit_led_starts_find_what_finditer_finds(pieces):
    from marsad.extract.casefold import WordIndex

    text = "".join(pieces)
    index = WordIndex(text)
    for source in _DIGIT_LED:
        pattern = re.compile(source)
        found = wordscan.listed_spans(pattern, text, index.led_by(*wordscan.first_words(pattern)))
        assert found == [m.span() for m in pattern.finditer(text)], (source, text)


@pytest.mark.parametrize("window", ["two soldiers and a civilian", "Civilians, then SDF fighters", "the army's men",
                                    "", "a boy", "SDF members of the", "US troops near the market"])
def test_the_victims_first_match_is_read_run_by_run_on_the_lower_cased_window(window):
    from marsad.extract.scan_plans import first_start as _first_start

    for name in ("armed_target", "civilian_target"):
        pattern = load_rules().triggers[name]
        found = pattern.search(window)
        assert _first_start(pattern, window, window.lower()) == (found.start() if found else None), name
        assert _first_start(pattern, window, None) == (found.start() if found else None), name


def test_a_passive_subject_is_found_from_a_word_start_as_without_the_look_behind():
    from marsad.extract.event_types import _PASSIVE_SUBJECT

    plain = re.compile(_PASSIVE_SUBJECT.pattern.replace(r"(?<!\w)", "", 1), re.I)
    for text in ["two civilians were ", "ivilians were ", "the man, a teacher, was ", "x - was then ",
                 "a b c d e f g were ", "he was", "who had been badly "]:
        expected = plain.search(text)
        found = _PASSIVE_SUBJECT.search(text)
        assert (found and (found.span(), found.group(1))) == (expected and (expected.span(), expected.group(1))), text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["mob", "mobs", "mobile", "air", "airstrike", "airstrikes", "u", "s", "shell",
                                 "shelling", "sh", "kill", "killed", "12", "x", " ", "  ", ".", "-", "(", "\n"]),
                max_size=40))
def test_led_by_gives_each_start_of_a_listed_word_or_beginning_once(pieces):
    """WordIndex.led_by (one pass over the document's words and their stems, or, in a document of many
    words, look-ups by stem and in its sorted words) gives the starts of the words that are one of the
    whole words or begin with a beginning, in order, as a plain reading does."""
    from marsad.extract.casefold import WordIndex

    text = "".join(pieces)
    whole, by_stem, short = frozenset({"air", "u", "kill"}), {"airs": ("airstrike",), "shel": ("shell",)}, ("mob",)
    beginnings = ("airstrike", "shell", "mob")
    expected = sorted(m.start() for m in re.finditer(r"\w+", text)
                      if m.group() in whole or m.group().startswith(beginnings))
    digits = sorted(m.start() for m in re.finditer(r"\w+", text) if m.group()[0].isdecimal())
    saved = casefold._FEW_WORDS
    try:
        for few in (0, 10**6):  # every document read as one of many words, then as one of few
            casefold._FEW_WORDS = few
            index = WordIndex(text)
            assert index.led_by(whole, by_stem, short) == expected
            assert index.led_by(whole, {}, ()) == sorted(m.start() for m in re.finditer(r"\w+", text)
                                                         if m.group() in whole)
            assert index.led_by(frozenset(), {}, (), True) == digits
            assert index.led_by(whole, by_stem, short, True) == sorted(expected + digits)
    finally:
        casefold._FEW_WORDS = saved


_PARTLY_FIRST_WORDED = re.compile(WORD_START + r"(?:tear ?gas|(?:police|\w+ of them) (?:\w+ )?(?:were|was) held|"
                                  r"\d+ (?:were|was) held|batons?)(?![\w])")


def test_a_set_cut_where_its_alternatives_first_words_are_known_scans_as_the_whole_set():
    """wordscan.first_word_runs: the runs with first words tried where one begins (next_listed), the
    others searched from the spaces, merged in the set's order; a run only some positions try is one
    the merge must not search from the spaces alone."""
    runs = wordscan.first_word_runs(_PARTLY_FIRST_WORDED)
    assert runs is not None and [wordscan.first_words(run) is not None for run in runs] == [True, False, True]
    text = ("Police fired tear gas; two of them were held, police were held and 12 was held. "
            "teargas, batons: (some of them was held) 3 were held baton")
    index, starts = casefold.WordIndex(text.lower()), word_led_starts(text)
    merged = [(run, text, index.led_by(*first), True) if (first := wordscan.first_words(run)) else
              (run, text, starts, False) for run in runs]
    expected = [m.span() for m in _PARTLY_FIRST_WORDED.finditer(text)]
    assert len(expected) >= 6
    assert wordscan.merged_spans(merged) == expected
    blind = [(run, text, starts, False) for run in runs]
    assert wordscan.merged_spans(blind) == expected  # (searched from the spaces, the runs find the same)
    assert wordscan.merged_spans([(run, text, [], True) for run in runs]) != expected


def test_a_passive_subject_needs_one_of_the_verbs_checked_for_first():
    """_victims searches for a passive only in a window that holds one of _PASSIVE_VERBS (lower-cased)."""
    from marsad.extract.event_types import _PASSIVE_SUBJECT, _PASSIVE_VERBS

    verbs = re.search(r"\(\?:(was\|[^)]*)\)", _PASSIVE_SUBJECT.pattern)
    assert verbs is not None
    for verb in verbs.group(1).split("|"):
        assert any(part in verb for part in _PASSIVE_VERBS), verb

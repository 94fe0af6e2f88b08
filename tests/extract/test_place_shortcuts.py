"""Shortcuts of place finding give the answers of the searches they replace:
the acronym test before a name, the relation search before it, the test of a
country named as a topic, the armed group's words after a name, the
governorates named per sentence once something new is named, and the counts
of countries the main place is chosen by."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract import main_place, place_cues, place_names, places
from marsad.extract.casefold import WordIndex, finditer, folded_text
from marsad.extract.place_words import place_words
from marsad.gazetteer import areas

_PIECES = ["AB", "CGT", "FO", "x", "Sud", ",", " ", "  ", "\u00a0", "\n", "_", "é", "1", "of", "the", "near", "north",
           "-east", "ern", "rural", "countryside", "close", "to", "outside", "ſ", "K", "İ", "West", "OF", "The", "in",
           # the words before a last "of" or "the" that a relation holds, or not (_may_end_relation)
           "province", "village", "parts", "areas", "Suburbs", "edge", "sof", "breathe", "nearby", "next", "\u2028",
           # words a relation opens with, whole or inside others (the offsets the search tries)
           "side", "sector", "vicinity", "fringes", "governorate", "around", "desert", "south", "wardrobe", "-"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join)


@settings(max_examples=400)
@given(_TEXT)
def test_the_acronym_test_is_the_search_from_the_start_of_the_text(text):
    for start in range(len(text) + 1):
        assert place_names._after_acronym(text, start) == (place_names._ACRONYM_BEFORE.search(text, 0, start) is not None)


def test_the_acronym_test_sees_the_character_before_the_acronym():
    assert place_names._after_acronym("(CGT, FO, Sud", 10)
    assert not place_names._after_acronym("xCGT, Sud", 6)  # no word boundary before "CGT"
    assert place_names._after_acronym("CGT\n,\u00a0Sud", 6)  # any space (what \s matches)


@settings(max_examples=400)
@given(_TEXT)
def test_the_relation_search_is_the_search_at_every_offset(text):
    left = text[-60:]
    plain = next(finditer(areas._LEFT, left, folded_text(left)), None)
    found = areas._search_left(left)
    assert (found is None) == (plain is None)
    if found is not None and plain is not None:
        assert (found.span(), found.groupdict()) == (plain.span(), plain.groupdict())


_TOPIC_PIECES = ["invasion", "war", "of", "in", "on", "against", "with", "from", "the", "The", "OF", "fled", "to",
                 "into", "neighbouring", "neighboring", "sought refuge", "deported", "people", "begin", "onto", "In",
                 "ſ", "K", "crossing", "border", "a", "-", " ", " ", "  ", "\n", "\u00a0"]


@given(st.lists(st.sampled_from(_TOPIC_PIECES), max_size=16).map(" ".join),
       st.sampled_from(["", "'s war", " on Monday", "’s invasion of", ", said"]))
def test_the_topic_test_is_the_three_searches(left, right):
    plain = bool(areas._TOPIC_LEFT.search(left) or areas._TOPIC_RIGHT.match(right)
                 or areas._DESTINATION_LEFT.search(left))
    assert areas.topic_country(left, right) == plain


@given(st.dictionaries(st.sampled_from("ABCDEF"), st.integers(min_value=0, max_value=4), min_size=2))
def test_the_two_most_counts_are_those_a_counter_gives(counts):
    (first, top), (_, second) = Counter(counts).most_common(2)
    assert main_place._two_most(counts) == (first, top, second)


@given(st.lists(st.sampled_from(["militia", "Militiamen", "MILITANTS", "regional", "special", "forces", "People's",
                                  "Militia", "men", "police", "residents", "ſ", "K", " ", "  ", "\n", "\u00a0", "\u2028",
                                  ","]), max_size=8).map("".join))
def test_the_armed_group_test_after_a_name_is_the_match(text):
    for end in range(len(text) + 1):
        assert main_place._group_after(text, end) == (main_place._GROUP_AFTER.match(text, end) is not None)


def test_relations_still_found():
    assert areas.find_relation("clashes in the north-eastern countryside of the ", "") == ("countryside of", "northeast")
    assert areas.find_relation("shelling close to ", "") == ("near", None)
    assert areas.find_relation("shelling on north-western ", "") == ("part of", "northwest")
    assert areas.find_relation("shelling on eastern rural\t", "") == ("part of", "east")
    assert areas.find_relation("shelling in ", "") == (None, None)
    assert areas.find_relation("clashes in the village of ", "") == (None, None)
    assert areas.find_relation("raids on villages around the ", "") == ("near", None)
    # a relation that opens with a word that holds another's first word ("side")
    assert areas.find_relation("shelling on the countryside of ", "") == ("countryside of", None)
    assert areas.find_relation("shelling on the outskirts of ", "") == ("outskirts of", None)
    # eight words before the name: the search starts at the seventh from the end, inside a longer word
    assert areas._search_left("shelled the fronts of Xnorth-west parts of the countryside of the ").start() == 23


def test_named_governorates_are_answered_again_after_something_new_is_named():
    named = places._Named()
    named.add(0, "SY.07", "idlib")
    assert named.sentence(0, "aleppo") == {"SY.07"} and named.document("aleppo") == {"SY.07"}
    assert named.own("idlib") == {"SY.07"}
    named.add(1, "SY.09", "hama")
    named.add(0, "SY.07", "ariha")
    assert named.sentence(0, "aleppo") == {"SY.07"} and named.document("aleppo") == {"SY.07", "SY.09"}
    assert named.own("idlib") == set()  # "ariha" names it too now
    assert named.sentence(0, "idlib") == {"SY.07"}


# the cue pattern as one alternation, before the bracket was split off to let the words be matched lowered
_ONE_CUE_PATTERN = re.compile(place_cues.CUE_WORDS.pattern[:-len(r"(?=\S)")] + r"(?=\S)"
                              r"|(?<=\w )\((?-i:(?=[A-Z][\w'-]*(?: [A-Z][\w'-]*)*(?: [a-z]+)?\s*[,)]))", re.I)
_CUE_PIECES = ["in", "near", "village", "s", "of", "the", "north", "ern", " ", "  ", "\n", "(", ")", ",", "Missouri",
               "Kutkai", "township", "x", "X", "Al", "-", "'", "İ", "ſ", "\u212a", "IN", "Of", "é", "1", "countryside",
               "sub", "district", "attack", "on", "down", "town", "\t", "to", "wards", "hit"]  # (cues inside words)


@settings(max_examples=600)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=16).map("".join))
def test_the_cue_ends_are_those_of_the_one_pattern(text):
    expected = {match.end() for match in _ONE_CUE_PATTERN.finditer(text)}
    assert place_cues.cue_ends(text, folded_text(text)) == expected
    assert place_cues.cue_ends(text, None) == expected
    folded = folded_text(text)
    if folded is not None:  # the starts read off the word index
        assert place_cues.cue_ends(text, folded, WordIndex(folded)) == expected


def test_cues_still_found():
    text = "Shelling near the northern Atarib and Jisr (Idlib, Syria) in Kafr Nabl (x)"
    starts = {text.index("Atarib"), text.index("Idlib"), text.index("Kafr")}  # not "Syria", not "x"
    assert place_cues.cue_ends(text, folded_text(text)) == starts


_WORD_PIECES = ["al", "Al", "AL", "aL", "as", "ash", "de", "y", "'", "'s", "-", "-Zor", " ", ",", "3", "_", "é", "É",
                "ſ", "K", "İ", "ı", "ا", "x", "Qamishli", "road", " road", "s", "do", "n't",
                # connectors that begin others (the scan's trie): "del", "della", "des", "um", "umm"
                "del", "della", "dell", "des", "um", "umm", "dos", "bani", "ban",
                # what parts words between spaces (the parts read without the scan): "(Aleppo),", "2022.\nOn"
                "(", ")", ".", "\n", "\t", '"', "!", "?", "/", ";", ":", "[", "2022", "²", "\u00a0"]


def _plain_tokens(norm: str) -> list[tuple[int, int, str]]:
    """What place_names._tokens keeps, by reading every word of _TOKEN's scan in turn."""
    tokens: list[tuple[int, int, str]] = []
    connectors = place_names._words().connectors
    for match in place_names._TOKEN.finditer(norm):
        text, start = match[0], match.start()
        end = start + len(text)
        if "'" in text and (text[-1] == "'" or text.endswith("'s")):
            end -= 2 if text.endswith("'s") else 1
            text = norm[start:end]
        if "-" in text and place_names._ROUTE_AFTER.match(norm, end):
            tokens.extend(place_names._hyphen_parts(start, text))
        elif text and (place_names._is_name_word(text) or text.lower() in connectors):
            tokens.append((start, end, text))
    return tokens


@settings(max_examples=600)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=16).map("".join))
def test_the_token_scan_keeps_the_words_of_the_plain_scan(text):
    assert place_names._tokens(text) == _plain_tokens(text)


def test_the_token_scan_steps_over_lower_case_words_only():
    text = "shelled al-Bab and aL Raqqa's east, near d'Ivoire 3rd, in Deir-ez-Zor road"
    assert place_names._tokens(text) == _plain_tokens(text)
    assert [t[2] for t in place_names._tokens("clashes in al Hol camp")] == ["al", "Hol"]


def test_a_part_read_before_is_read_again_in_its_own_context():
    # the words of a part between spaces are kept by its text; whether a route word follows is read each time
    text = "near Dashishah-Tuwaymin road, Dashishah-Tuwaymin\nroad and Dashishah-Tuwaymin town"
    assert place_names._tokens(text) == place_names._tokens(text) == _plain_tokens(text)
    assert [t[2] for t in place_names._tokens(text)] == ["Dashishah", "Tuwaymin", "Dashishah", "Tuwaymin",
                                                         "Dashishah-Tuwaymin"]


class _EveryKey:
    def has_key(self, key: str) -> bool:
        return True


def test_region_phrases_are_scanned_for_only_in_a_text_with_their_word():
    def regions(text: str, folded: str | None) -> list[tuple[int, int]]:
        return [(f.start, f.end) for f in place_names._region_phrases(text, _EveryKey(), [], folded)]

    text = "Strikes EAST OF THE EUPHRATES and on the Border Strip between the two rivers."
    for folded in (None, folded_text(text)):
        assert regions(text, folded) == [(8, 29), (41, 76)]
    assert regions("Strikes east of the river.", None) == []
    unsafe = "Strikes eaſt of the Euphrateſ."  # no lowered text to test the word in: scanned as ever
    assert regions(unsafe, None) == [(8, 29)] == [(m.start(), m.end()) for m in place_names._REGION_PHRASES[0][0].finditer(unsafe)]


_COUNTRY_PIECES = ["Syria", "syria", "SYRIA", "Syrian", "Iraq", "Iraqi", "Ukraine", "ukrainian", "Yemen", "Mali",
                   "Malian", "Sudan", "South", " ", "-", "'", "_", "1", "é", "(", ".", "x", "İ", "Ku", "rdistan"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_COUNTRY_PIECES), max_size=12).map("".join))
def test_the_countries_named_are_those_of_the_capitalised_words(text):
    from marsad.extract.pipeline import DocContext

    country_words = place_words().country_words
    expected = {country_words[w.lower()] for w in places._CAPITALISED.findall(text) if country_words.get(w.lower())}
    ctx = DocContext(text=text, document_id="d", published=None, source=None)
    assert ctx.norm == text  # (the pieces are written as normalise leaves them)
    ctx._folded, ctx._folded_done = folded_text(text), True  # as once the process has warmed up
    assert places._named_countries(ctx) == expected


_UNIT_PIECES = ["state", "State", "STATE", "province", "governorate", "department", "Islamic ", "xstate", "ſtate", "of",
                "OF", "the", "The", " ", "  ", "\n", "\u00a0", "-", "town", "in", "K", "İ"]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_UNIT_PIECES), max_size=12).map("".join))
def test_the_unit_word_before_a_name_is_the_search_of_the_last_characters(left):
    assert place_names._unit_before(left) == (place_names._UNIT_BEFORE.search(left[-24:]) is not None)


def test_a_unit_word_before_a_name():
    assert place_names._unit_before("clashes in the State of the ")
    assert place_names._unit_before("in Mexico's state of\n")
    assert not place_names._unit_before("fighters of the Islamic State of ")
    assert not place_names._unit_before("in the town of ")


_RIGHT_PIECES = ["'s", "'S", "'", "’s", " ", "  ", "\n", "\u00a0", ",", ".", "north", "ern", "Eastern", "countryside",
                 "Province", "town", "x", "ſ", "K", "İ"]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_RIGHT_PIECES), max_size=14).map("".join))
def test_the_words_after_a_name_are_the_patterns_match(right):
    found, plain = areas._right_match(right), areas._RIGHT.match(right[:40])
    assert (found and (found.span(), found.groupdict())) == (plain and (plain.span(), plain.groupdict()))
    assert areas._right_match(right) is found  # asked again: the same answer


def test_the_kind_word_after_a_name():
    assert areas.kind_word(" province, and") == "province"
    assert areas.kind_word("'s eastern countryside") == "countryside"
    assert areas.kind_word(", province") is None


@given(st.lists(st.sampled_from(["Malian", "malian", "SYRIAN", "Kurd", "Thai", "Burkinabè", "Iraqi’s", "Al-", "x",
                                 "Aleppo", "Somali", "Tigray", "Amhara", "’", "-", " ", "e"]), min_size=1, max_size=3)
       .map("".join))
def test_the_demonym_test_of_a_plain_word_is_that_of_its_alias_key(word):
    from marsad.extract.actors import alias_key, load_lexicon

    assert place_names._is_demonym(word) == (alias_key(word) in load_lexicon().demonyms)
    assert place_names._is_demonym("Malian") and place_names._is_demonym("SYRIAN")

"""Offset-keeping normalisation and sentence splitting."""

import random

from marsad.extract.text import _BOUNDARY, _boundaries, normalise, split_sentences


def test_normalise_folds_typographic_variants_in_place():
    text = "\u201cTwo\u00a0killed\u201d \u2013 it\u2019s `late`\u2026\tsaid\u200b\ufeffMr\u2032s aide \u00abx\u00bb"
    folded = normalise(text)
    assert folded == "\"Two killed\" - it's 'late'. said  Mr's aide \"x\""
    assert len(folded) == len(text)


def test_an_ascii_text_has_its_tabs_and_backquotes_folded_as_any_other_text():
    # an ASCII text is folded without the scan for variants (its ASCII variants only)
    text = "`Two`\tkilled\t\tnear `Kidal'"
    assert normalise(text) == "'Two' killed  near 'Kidal'"
    assert normalise(text + "\u2019")[:-1] == normalise(text)


def test_normalise_leaves_plain_text_alone():
    text = "Three soldiers were wounded near the bridge (Sunday)."
    assert normalise(text) == text


def test_sentences_split_at_punctuation_blank_lines_and_capitalised_lines():
    norm = 'Gen. Ahmed spoke. "A bomb went off." (Later) a second one! 4 died?\n\nNew part\nNext line'
    sentences = [norm[s:e] for s, e in split_sentences(norm)]
    # a closing quote or bracket after the stop belongs to the gap between sentences
    assert sentences == ['Gen. Ahmed spoke.', '"A bomb went off.', "(Later) a second one!", "4 died?",
                         "New part", "Next line"]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    norm = "Lt. Col. Omar and J. Smith met on Feb. 3 near St. Mary. Both left."
    assert [norm[s:e] for s, e in split_sentences(norm)] == ["Lt. Col. Omar and J. Smith met on Feb. 3 near St. Mary.",
                                                             "Both left."]


def test_boundaries_are_the_patterns_own_matches():
    # the scan that tries the pattern only after punctuation and at line breaks finds what a full scan finds
    pieces = [".", "!", "?", "\n", "\n\n", " ", "  ", '"', "'", ")", "]", "(", "[", "A", "7", "a", "Mr.", ". B"]
    rng = random.Random(7)
    for _ in range(5000):
        norm = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        assert [m.span() for m in _boundaries(norm)] == [m.span() for m in _BOUNDARY.finditer(norm)], repr(norm)

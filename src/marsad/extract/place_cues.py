"""Cues before a place name: "in/at/near/from X", "village(s) of X", "the
outskirts of X", "X (Missouri)". A name that starts where a cue ends is a
place even when no gazetteer knows it (:mod:`marsad.extract.places`)."""

from __future__ import annotations

import re
from typing import Final

from marsad.extract import casefold

#: words after which a name is cued ("in X", "shelled X"); "attack(s) on X" apart (_ON), as two words
_BEFORE = ("in", "at", "near", "from", "to", "toward", "towards", "outside", "around", "into", "inside", "through",
           "across", "reached", "entered", "captured", "besieged", "stormed", "targeted", "hit", "shelled", "bombed")
#: the acts that cue a name with "on" ("attack on X", "shelling on X", "an airstrike on X")
_ON = ("attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "shelling", "raid", "raids", "assault",
       "bombing", "bombardment")
#: words that cue a name with "of" ("villages of X"), also at the end of a longer word ("subdistrict of X")
_OF = ("village", "villages", "town", "towns", "city", "cities", "area", "areas", "neighbourhood", "neighbourhoods",
       "neighborhood", "neighborhoods", "camp", "camps", "outskirts", "countryside", "vicinity", "district", "province",
       "governorate", "suburb", "suburbs", "surroundings", "frontline", "frontlines", "axis")
# Found once per document; a name starting where one of these ends is cued. The words are matched on the lowered
# text (case-sensitive: several times cheaper than re.I at every offset); the bracket reads capitals, so apart.
# Each word is followed by a space, so no two can match at one offset and their order does not matter.
CUE_WORDS = re.compile(
    rf"(?:\b(?:{'|'.join(_BEFORE)}|(?:{'|'.join(_ON)})\s+on)|(?:{'|'.join(_OF)})\s+of)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|downtown)(?:ern)?\s+)?(?=\S)",
    re.I,
)
CUE_BRACKET = re.compile(r"\((?<=\w \()(?=[A-Z][\w'-]*(?: [A-Z][\w'-]*)*(?: [a-z]+)?\s*[,)])")  # "X (Missouri)"; "(" first

#: re.I as a plain int: ``flags & re.I`` is a call of RegexFlag's Python ``__and__`` (a few thousand instructions)
_IGNORECASE: Final = int(re.IGNORECASE)


def cue_ends(norm: str, folded: str | None, words: casefold.WordIndex | None = None) -> set[int]:
    """Where a cue (:data:`CUE_WORDS`, :data:`CUE_BRACKET`) ends in ``norm`` (``folded`` is its folded text, or
    None; ``words``, when given, the word index of ``folded``)."""
    cues, scanned = casefold.for_spans(CUE_WORDS, norm, folded)  # only where each cue ends is read
    if cues.flags & _IGNORECASE:  # (not lowered: re.I folds letters that _cue_starts would not see)
        ends = {match.end() for match in cues.finditer(scanned)}
    else:  # finditer's matches, tried only where one can begin (a scan tries every offset: 1.5% of extraction)
        ends, position, match_at = set(), 0, cues.match
        for start in _cue_starts(scanned, casefold.WordIndex(scanned) if words is None else words):
            if start >= position and (found := match_at(scanned, start)) is not None:
                ends.add(position := found.end())
    ends.update(match.end() for match in CUE_BRACKET.finditer(norm))
    return ends


_FIRST_WORDS = frozenset((*_BEFORE, *_ON))
_OF_WORD = frozenset(("of",))


def _cue_starts(lowered: str, words: casefold.WordIndex) -> list[int]:
    """In order, the offsets of the lowered text where a :data:`CUE_WORDS` match
    can begin (and maybe some where none does): a whole word of :data:`_BEFORE`
    or :data:`_ON` followed by whitespace; one of :data:`_OF` (or the end of a
    longer word) followed by whitespace and "of" (a word followed by whitespace).
    Read off the document's word index (``words``, built once for every
    component) rather than found by three scans of the text."""
    starts = words.spaced(_FIRST_WORDS)
    for at in words.spaced(_OF_WORD):
        end = at - 1
        if at < 1 or not lowered[end].isspace():
            continue
        while end > 0 and lowered[end - 1].isspace():
            end -= 1
        if lowered.endswith(_OF, 0, end):
            starts.extend(end - len(of) for of in _OF if lowered.endswith(of, 0, end))
    return sorted(starts)

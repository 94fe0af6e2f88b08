"""Cues before a place name: "in/at/near/from X", "village(s) of X", "the
outskirts of X", "X (Missouri)". A name that starts where a cue ends is a
place even when no gazetteer knows it (:mod:`marsad.extract.places`)."""

from __future__ import annotations

import re

from marsad.extract import casefold

# Found once per document; a name starting where one of these ends is cued. The words are matched on the lowered
# text (case-sensitive: several times cheaper than re.I at every offset); the bracket reads capitals, so apart.
CUE_WORDS = re.compile(
    r"(?:\b(?:in|at|near|from|to|towards?|outside|around|into|inside|through|across|reached|entered|captured|"
    r"besieged|stormed|targeted|hit|shelled|bombed|attacks?\s+on)|(?:villages?|towns?|cit(?:y|ies)|areas?|neighbou?rhoods?|camps?|"
    r"outskirts|countryside|vicinity|district|province|governorate|suburbs?|surroundings)\s+of)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|downtown)(?:ern)?\s+)?(?=\S)",
    re.I,
)
CUE_BRACKET = re.compile(r"\((?<=\w \()(?=[A-Z][\w'-]*(?: [A-Z][\w'-]*)*(?: [a-z]+)?\s*[,)])")  # "X (Missouri)"; "(" first


def cue_ends(norm: str, folded: str | None) -> set[int]:
    """Where a cue (:data:`CUE_WORDS`, :data:`CUE_BRACKET`) ends in ``norm`` (``folded`` is its folded text, or None)."""
    cues, scanned = casefold.for_spans(CUE_WORDS, norm, folded)  # only where each cue ends is read
    ends = {match.end() for match in cues.finditer(scanned)}
    ends.update(match.end() for match in CUE_BRACKET.finditer(norm))
    return ends

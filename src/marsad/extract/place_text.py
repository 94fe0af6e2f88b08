"""What the words right after a place name (or just before it) say about it, for
:mod:`marsad.extract.places`: written as a region that contains others ("X, Donetsk",
"X (Texas)", "in Sindh province"), what it lies in ("Riesa (Meissen, Sachsen)"), and
whether the text between it and the next name attaches that name as its governorate
("X, Idlib", "X in the countryside of Idlib").

Each is a regular expression tried at the name's end; most names are followed by
text none can match ("in X on Monday", "X."), and an expression tried there costs
as much as the test of its first characters below, which rules them out first.
A pattern's ``\\s`` matches what ``str.isspace`` calls a space.
"""

from __future__ import annotations

import re
from typing import Final

_CONTAINER_AFTER: Final = re.compile(
    r"\s*(?:\)|,?\s+(?:province|governorate|state|region|oblast|department|county)\b)", re.I)
#: the first letters of _CONTAINER_AFTER's words
_CONTAINER_WORD_FIRST: Final = "pgsrodc"

_LOCATED_IN: Final = re.compile(
    r"\s*(?:(?:city|town|village|municipality|camp|area|district|township|neighbou?rhood)\s*)?"
    r"(?:\(([^()]{2,120})\)|,\s*((?:[A-Z][\w'-]*\s?){1,4})(?=[,.;:]|\s+(?:on|in|at|and)\b|$))")
#: what _LOCATED_IN can read first after its spaces: a bracket, a comma or one of its words' first letters
_LOCATED_IN_FIRST: Final = "(,ctvmadn"

_ATTACHED_GAP: Final = re.compile(
    r",?\s*\(?\s*(?:in\s+(?:the\s+)?(?:(?:north|south|east|west)[a-z-]*\s+)?"
    r"(?:(?:countryside|province|governorate)\s+of\s+(?:the\s+)?)?)?",
    re.I,
)

#: the words between a place and the one named as containing it ("Lido in Mogadishu", "Mangina in eastern
#: Congo", "Tafas in the countryside of Daraa", "Hamidiya village of Idlib")
CONTAINED_IN: Final = re.compile(
    r"\s+(?:(?:area|village|town|neighbou?rhood|district)\s+)?(?:in|of)\s+(?:the\s+)?"
    r"(?:(?:(?:north|south|east|west)[a-z-]*|central)\s+)?(?:countryside\s+of\s+(?:the\s+)?)?", re.I)


def written_as_container(norm: str, start: int, end: int) -> bool:
    """Whether the name at ``norm[start:end]`` follows a comma or a bracket ("[,(]\\s*$" before it: what the
    stripped six characters before it end with), or is followed by a closing bracket or a unit word
    (:data:`_CONTAINER_AFTER`)."""
    before = norm[max(0, start - 6):start].rstrip()
    return bool(before and before[-1] in ",(") or _container_after(norm, end)


def _container_after(norm: str, end: int) -> bool:
    """``_CONTAINER_AFTER.match(norm, end)``, not tried where no match can begin: after the spaces, neither
    a bracket nor a comma, and no space before a letter that no word of it begins with, case aside
    (ASCII: a case-blind match of a non-ASCII letter is left to the expression)."""
    after = past_spaces(norm, end)
    if after == len(norm):
        return False
    first = norm[after]
    if first not in "),":
        if after == end or (first.isascii() and first.lower() not in _CONTAINER_WORD_FIRST):
            return False
    return _CONTAINER_AFTER.match(norm, end) is not None


def located_in_match(norm: str, end: int) -> re.Match | None:
    """``_LOCATED_IN.match(norm, end)``: what the text says the name ending at ``end`` lies in ("(Meissen,
    Sachsen)", ", Morelos, …"); not tried where its first character after the spaces can begin no match."""
    after = past_spaces(norm, end)
    if after == len(norm) or norm[after] not in _LOCATED_IN_FIRST:
        return None
    return _LOCATED_IN.match(norm, end)


def attached_gap(gap: str) -> bool:
    """``_ATTACHED_GAP.fullmatch(gap)`` (the text between two names: ", ", " in the countryside of "), not
    tried where the text after its comma, bracket and spaces is neither empty nor led by the "i" of its
    "in" (an ASCII letter: a case-blind match of another is left to the expression)."""
    at = past_spaces(gap, 1 if gap.startswith(",") else 0)
    at = past_spaces(gap, at + 1 if gap.startswith("(", at) else at)
    if at == len(gap):
        return True  # (every part of the expression is optional)
    first = gap[at]
    if first.isascii() and first not in "iI":
        return False
    return _ATTACHED_GAP.fullmatch(gap) is not None


def past_spaces(text: str, at: int) -> int:
    """The offset of the first character of ``text`` from ``at`` that is no space."""
    size = len(text)
    while at < size and text[at].isspace():
        at += 1
    return at

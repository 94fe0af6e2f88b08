"""How alike two spellings of a place's name are: the letters, spellings, unit keys and edit distances that
:mod:`marsad.gazetteer.resolve` ranks candidates by and :mod:`marsad.extract` compares names with ("As Samawah"
is spelt as "Samawa"; "Oyam" is not "Oyem"). Each answer is kept per argument in a bounded dictionary: the same
names meet the same candidates in document after document.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from marsad.gazetteer.admin import plain_unit_name
from marsad.gazetteer.groups import PlaceStub
from marsad.gazetteer.index import Place
from marsad.gazetteer.keys import ARTICLES, place_key, remember, skeleton

#: the parts of an OCHA "village - district" name
_OCHA_PARTS: Final = re.compile(r"\s+-\s+")


def spelt_near(key: str, name: str) -> bool:
    """Whether a part of an OCHA "village - district" name (or the whole name) is keyed at most a third
    of ``key``'s letters (at least one) away from ``key`` (:meth:`Context.allows_arabic`). Kept per key
    and name: a name is ranked twice per document (before and with its anchors), against the same places."""
    pair = (key, name)
    near = _SPELT_NEAR.get(pair)
    if near is None:
        if len(_SPELT_NEAR) >= _MOST_SPELT_NEAR:
            _SPELT_NEAR.clear()
        near = _SPELT_NEAR[pair] = _parts_spelt_near(key, name)
    return near


_SPELT_NEAR: Final[dict[tuple[str, str], bool]] = {}
#: the size at which the memo of :func:`spelt_near` is emptied (a bound for a long-running worker)
_MOST_SPELT_NEAR: Final = 100_000


def _parts_spelt_near(key: str, name: str) -> bool:
    most = len(key) // 3
    if most < 1:  # (max() written out: compiled, it is a call through Python)
        most = 1
    # (the parts split only from a name with a dash, which the separator needs; and no distance
    # asked for where the lengths alone differ by more than allowed: a distance is at least that)
    for part in _OCHA_PARTS.split(name) if "-" in name else (name,):
        other = place_key(part)
        gap = len(key) - len(other)
        if -most <= gap <= most and within_edits(key, other, most):
            return True
    return False


def within_edits(a: str, b: str, most: int) -> bool:
    """``edit_distance(a, b) <= most``, given up at the first row of the table whose every cell exceeds ``most``
    (the distance is at least its row's least cell): most parts a short skeleton meets are far from the key, and a
    long OCHA name's full table cost more than the rest of its test."""
    return bounded_distance(a, b, most) <= most


def bounded_distance(a: str, b: str, most: int) -> int:
    """The edit distance of ``a`` and ``b``, or ``most + 1`` as soon as it must exceed ``most``; 99 when their
    lengths differ by more than 3."""
    if abs(len(a) - len(b)) > 3:
        return 99
    # (each step's min() of three written out: compiled, min() is a call through Python)
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        left = i  # current[j - 1]
        least = i
        for j, cb in enumerate(b, 1):
            best = previous[j - 1] if ca == cb else previous[j - 1] + 1
            if previous[j] + 1 < best:
                best = previous[j] + 1
            if left + 1 < best:
                best = left + 1
            current.append(best)
            left = best
            if best < least:
                least = best
        if least > most:
            return most + 1
        previous = current
    return previous[-1]


def letters(name: str) -> str:
    """Lower-case ASCII letters of a name, vowels and articles kept ("Białystok" → "bialystok")."""
    letters = _LETTERS_OF.get(name)
    return letters if letters is not None else remember(_LETTERS_OF, name, letters_of(name), _MOST_LETTERS)


def letters_of(name: str) -> str:
    if name.isascii():
        return _ascii_letters(name)
    return _NOT_LETTERS.sub("", unicodedata.normalize("NFKD", name.translate(_LETTERS).lower()))


def _ascii_letters(name: str) -> str:
    """:func:`letters` of an ASCII name (nothing to fold or decompose: its letters lower-cased), without
    a regular expression (most names are ASCII, and a new name's spelling was mostly their calls)."""
    lowered = name.lower()
    return lowered if lowered.isalpha() else lowered.translate(_ASCII_NOT_LETTERS)


_LETTERS: Final = str.maketrans(dict(zip("łŁøØđĐħĦı", "lLoOdDhHi")))
_NOT_LETTERS: Final = re.compile("[^a-z]+")
_ASCII_NOT_LETTERS: Final = {code: None for code in range(128) if not "a" <= chr(code) <= "z"}


def spelt_alike(name: str, other: str) -> bool:
    """Whether two names have the same letters, accents, case, Arabic articles
    and a final h after a vowel aside ("As Samawah" = "Samawa"; not "Kossi" =
    "Kosi" or "Oyam" = "Oyem", which only share their keys).

    >>> spelt_alike("As Samawah", "Samawa"), spelt_alike("Białystok", "Bialystok"), spelt_alike("Kossi", "Kosi")
    (True, True, False)
    """
    return spelling_key(name) == spelling_key(other)


def spelling_key(name: str) -> str:
    """The letters of a name :func:`spelt_alike` compares, kept per name."""
    known = _SPELLINGS.get(name)
    return known if known is not None else remember(_SPELLINGS, name, spelling_key_of(name), _MOST_LETTERS)


def spelling_key_of(name: str) -> str:
    if name.isascii():  # (as below, without a regular expression; \s and split() know the same spaces)
        words = [_ascii_letters(word) for word in name.replace("-", " ").replace("_", " ").replace("'", " ").split()]
        joined = "".join([word for word in words if word and word not in ARTICLES])
        return joined[:-1] if len(joined) > 1 and joined[-1] == "h" and joined[-2] in "aeiou" else joined
    words = [letters(word) for word in _WORDS.split(name)]
    joined = "".join([word for word in words if word and word not in ARTICLES])
    return _FINAL_H.sub("", joined)


_WORDS: Final = re.compile(r"[\s\-‐‑–—_'’‘ʿʾ]+")
_FINAL_H: Final = re.compile(r"(?<=[aeiou])h$")


def unit_key(name: str) -> str:
    """The key of a district's name without its unit word ("Sinjar District" → "sinjar")."""
    key = _UNIT_KEYS.get(name)
    return key if key is not None else remember(_UNIT_KEYS, name, place_key(plain_unit_name(name)), _MOST_KEYS)


def key_consonants(key: str) -> str:
    """:func:`~marsad.gazetteer.keys.latin_skeleton` of a name whose key is ``key`` (kept: a name is
    ranked two or three times per document, and in document after document)."""
    consonants = _CONSONANTS.get(key)
    return consonants if consonants is not None else remember(_CONSONANTS, key, _single(skeleton(key)), _MOST_KEYS)


# The answers of the functions above by argument, in plain dictionaries bounded as the lru_caches they
# replace were (full, they forget every answer; see keys.remember): compiled, a look-up in one costs a
# fraction of a call through lru_cache's wrapper, and a report asks for thousands.
_LETTERS_OF: Final[dict[str, str]] = {}
_SPELLINGS: Final[dict[str, str]] = {}
_MOST_LETTERS: Final = 100_000
_UNIT_KEYS: Final[dict[str, str]] = {}
_CONSONANTS: Final[dict[str, str]] = {}
_MOST_KEYS: Final = 50_000


def _single(consonants: str) -> str:
    """Doubled letters once (``latin_skeleton`` of a key already computed)."""
    out: list[str] = []
    for letter in consonants:
        if not out or out[-1] != letter:
            out.append(letter)
    return "".join(out)


def close_enough(key: str, place: Place | PlaceStub) -> bool:
    """A fuzzy candidate must also be close in edit distance on the full key."""
    other = place_key(place.name)
    return edit_distance(key, other) <= max(1, min(len(key), len(other)) // 4)


@lru_cache(maxsize=100_000)  # the same name meets the same candidates in document after document
def edit_distance(a: str, b: str) -> int:
    return bounded_distance(a, b, 99)  # (no row's least cell exceeds 99: the full table)

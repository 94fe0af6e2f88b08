"""Normalised place keys that fold transliteration variants together.

Reports spell one village five ways. :func:`place_key` maps every spelling
to one *key*; the gazetteer index stores keys, so a lookup is a plain
equality match. The same function is applied to the gazetteer's names and to
the text, so folding a little too much only risks a collision (which the
disambiguation resolves by context); folding too little misses a place.

Latin script, in this order:

1. Unicode compatibility form, diacritics dropped (``ł`` → ``l`` too), lower
   case: ``Ḩajīn`` → ``hajin``.
2. ``‘ʿ’'`ʾ`` marks dropped, dashes, dots and underscores become spaces:
   ``Ma’arrat`` → ``maarrat``.
3. Arabic article words dropped wherever they stand (``al el ad ash as an ar
   at az adh ath ul``), glued assimilated articles too (``Ezzor`` → ``zor``,
   ``Arraqqa`` → ``raqqa``).
4. ``Albu``/``Al Bu``/``Al Bo``/``Abu``/``Abou``/``Bou`` all become ``bu``.
5. Vowel spelling: ``iy`` before a vowel → ``i`` (``Aziziyeh`` = ``Azizieh``), ``ee`` → ``i``, ``ou``/``oo``/``o``/``aw`` → ``u``,
   ``ei``/``ey``/``ai`` → ``ay``, other ``e`` → ``a``, final ``y`` → ``i``;
   ``q`` → ``k``, ``dj`` → ``j``, French ``ch`` → ``sh`` (``Cheikh`` = ``Sheikh``).
6. Doubled letters single, a final ``h`` after a vowel dropped
   (``Raqqah`` → ``raka``), spaces removed.
7. Position words of twin villages: ``Upper``/``Foqani``/``Fawqani`` and
   ``Lower``/``Tahtani`` fold to one word placed last, so OCHA's "Upper
   Baguz" and a report's "Baghuz Foqani" differ only in the spelling of
   Baghuz (which :func:`arabic_skeleton` bridges).

Arabic-script names get Arabic-script keys (the gazetteer holds both scripts
as names of one place, so either finds it). Arabic script: harakat and tatweel dropped, alef forms (``أ إ آ ٱ``) → ``ا``,
taa marbuta ``ة`` → ``ه``, alef maqsura ``ى`` → ``ي``, hamza seats
(``ؤ ئ``) → ``و ي``, Persian/Kurdish ``ی ک`` → ``ي ك``, the article ``ال``
dropped at the start of a word, ``البو``/``أبو`` → ``بو``, spaces removed.

>>> place_key("Hajin") == place_key("Hajjin") == place_key("Hajīn")
True
>>> place_key("Al-Bobadran") == place_key("Albu Badran") == place_key("Al Bu Badran")
True
>>> place_key("Deir Ezzor") == place_key("Deir ez-Zor") == place_key("Dayr az Zawr")
True
>>> place_key("Ein Issa") == place_key("‘Ayn ‘Īsá") == place_key("Ain Issa")
True
>>> place_key("Al-Baghuz Foqani") == place_key("Baghuz Fawqani")
True
>>> place_key("Raqqa") == place_key("al-Raqqah") == place_key("Ar Raqqah")
True
>>> place_key("هجين") == place_key("هَجِين")
True
>>> place_key("الرقة") == place_key("رقه")
True
>>> place_key("Cheikh Maqsoud") == place_key("Sheikh Maqsood")
True
>>> place_key("Upper Baguz") == place_key("Baguz Foqani") == place_key("Baguz Fawqani")
True
>>> place_key("Lower Baguz") == place_key("Baguz Tahtani") == place_key("Baguz at-Tahtani")
True
>>> place_key("Aziziyeh") == place_key("Al-Azizieh") == place_key("Aziziah")
True
>>> place_key("Aleppo")
'alapu'
>>> place_key("Raqqah")
'raka'
>>> place_key("Salahuddin") == place_key("Salah al-Din") == place_key("Salaheddine")
True
>>> place_key("Beit Lahia") == place_key("Bayt Lāhyā")
True

:func:`skeleton` drops the vowels of a key as well; it is only used for
fuzzy matching inside an area the context allows:

>>> skeleton(place_key("Ter Ma'la")) == skeleton(place_key("Teir Maaleh"))
True

:func:`arabic_skeleton` transliterates the consonants of an Arabic-script
name, the letters every Latin spelling writes whatever its vowels, so that
OCHA's idiosyncratic English names meet the reports' through OCHA's Arabic
name: ``latin_skeleton`` of the report's spelling equals ``arabic_skeleton``
of the Arabic name.

>>> arabic_skeleton("السوسة") == latin_skeleton("Al-Susah") == latin_skeleton("As Susah")
True
>>> arabic_skeleton("الشعفة") == latin_skeleton("Al-Sha'afah") == latin_skeleton("Ash Sha'fah")
True
>>> arabic_skeleton("المراشدة") == latin_skeleton("al-Marashdah")
True
>>> arabic_skeleton("البوبدران") == latin_skeleton("Albu Badran") == latin_skeleton("Al-Bobadran")
True
>>> arabic_skeleton("الباغوز فوقاني") == latin_skeleton("Al-Baghuz Foqani") == latin_skeleton("Upper Baghuz")
True
>>> arabic_skeleton("معرة النعمان") == latin_skeleton("Maarat al-Numan") == latin_skeleton("Ma'arrat an-Nu'man")
True
>>> arabic_skeleton("هجين"), arabic_skeleton("عين عيسى")
('hjn', 'ns')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Final, TypeVar

ARTICLES: Final = frozenset(
    "al el il ul ad ed ash esh as es an en ar er at et az ez adh edh ath eth".split()
)
# "Albu X" (the tribe-village prefix) and "Abu X" both fold to "bu".
BU_WORDS: Final = frozenset("albu albo abu abou abo bou bu bo".split())
_MARKS = dict.fromkeys(map(ord, "‘’ʿʾʼ'`´ʹ\"“”"), None)
# Letters that NFKD does not decompose into a base letter and a mark.
_MARKS.update({ord(a): b for a, b in zip("łŁøØđĐħĦıßæÆœŒþ", ("l", "L", "o", "O", "d", "D", "h", "H", "i", "ss", "ae", "AE", "oe", "OE", "th"))})
_SEPARATORS: Final = re.compile(r"[\s\-‐‑‒–—_./,()]+")
# A glued assimilated article: "ezzor", "arraqqa", "ashsham", "attall".
_GLUED_ARTICLE: Final = re.compile(r"^[ae](?:(sh|th|dh)\1|([tdrzsn])\2)(?=[a-z]{2})")
# The spelling rules of one word (see _word_key, which applies them in this order).
# a glued "ud-Din", "ed-Din": "Salahuddin" = "Salah al-Din", "Nureddine" = "Nur ad-Din"
_GLUED_DIN: Final = re.compile(r"(?<=[a-z]{3})[uea]ddin(?:e)?\b")
_IY_VOWEL: Final = re.compile(r"iy(?=[aeiou])")
# a consonant's "y" before a vowel: "Lahya" = "Lahia", "Yahya" = "Yahia"
_CONSONANT_Y: Final = re.compile(r"(?<=[b-df-hj-np-tv-z])y(?=[aeiou])")
_O_SOUNDS: Final = re.compile(r"ou|oo|aw(?![aeiou])|o")
_AY_SOUNDS: Final = re.compile(r"ei|ey|ai")
_FRENCH_CH: Final = re.compile(r"(?<![sct])ch")
_FINAL_Y: Final = re.compile(r"y\b")
_FINAL_H_AFTER_VOWEL: Final = re.compile(r"(?<=[aiu])h\b")

_ARABIC_LETTERS: Final = re.compile(r"[\u0600-\u06ff]")
_ARABIC_DIACRITICS = re.compile(r"[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")
_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
        "ی": "ي", "ک": "ك", "ە": "ه",
    }
)


#: :func:`place_key`'s and :func:`_word_key`'s answers (a text's every n-gram is keyed, the same ones recur): dictionaries
#: of their own, bounded as an lru_cache was (full, they forget every answer): compiled, a look-up in one costs a
#: fraction of a call through lru_cache's wrapper (which builds a tuple of the arguments)
_Argument = TypeVar("_Argument")
_Answer = TypeVar("_Answer")


def remember(answers: dict[_Argument, _Answer], argument: _Argument, answer: _Answer, size: int) -> _Answer:
    """Keep ``answer`` for ``argument`` in ``answers`` and return it. Bounded: full, the
    dictionary forgets every answer (as functools.lru_cache forgets the oldest; the answers a
    text needs are asked for again at once). Each cache looks itself up first, with its own
    ``get``: compiled, a plain dictionary's look-up is the cheapest there is."""
    if len(answers) >= size:
        answers.clear()
    answers[argument] = answer
    return answer


class Answers(dict):
    """A lookup's answers by argument (:class:`~marsad.gazetteer.index.Gazetteer`'s caches): a miss
    calls the lookup and keeps its answer (:func:`remember`). Compiled: a miss calls a compiled
    ``__missing__``, not a Python frame."""

    def __init__(self, lookup: Callable[[Any], Any], size: int) -> None:
        super().__init__()
        self._lookup = lookup
        self._size = size

    def __missing__(self, argument: Any) -> Any:
        return self.keep(argument, self._lookup(argument))

    def keep(self, argument: Any, answer: Any) -> Any:
        """Keep an answer found otherwise than by a miss (:func:`remember`), and return it."""
        return remember(self, argument, answer, self._size)


_KEYS_HELD: Final = 200_000


def place_key(name: str) -> str:
    """The normalised key of a place name (see the module docstring)."""
    key = _KEYS.get(name)
    return key if key is not None else remember(_KEYS, name, _place_key(name), _KEYS_HELD)


def forget_keys() -> None:
    """Forget the keys computed so far (a benchmark's cold start)."""
    _KEYS.clear()
    _WORD_KEYS.clear()
    _LATIN_SKELETONS.clear()


def _place_key(name: str) -> str:
    if name.isascii():  # of the marks, only these are ASCII (replace() is three times cheaper than translate())
        if "'" in name or "`" in name or '"' in name:
            name = name.replace("'", "").replace("`", "").replace('"', "")
        text = name.lower()
    elif _ARABIC_LETTERS.search(name):
        return _arabic_key(name)
    else:
        text = unicodedata.normalize("NFKD", name).translate(_MARKS)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    if text.isalpha():  # one word (no separator is a letter): nothing to drop or reorder
        return _word_key(_unglued(text))
    words = text.split()  # (what _SEPARATORS splits on, where every word is letters alone: the same words)
    for word in words:
        if not word.isalpha():
            words = [w for w in _SEPARATORS.split(text) if w]
            break
    # No spelling rule reaches across a word's ends, so a name's key is its words' keys run together,
    # and the words of a text's n-grams ("Al Bab", "Bab", "Bab town") are keyed once each.
    return "".join([_word_key(word) for word in _drop_articles(words)])


def _word_key(word: str) -> str:
    """One word of a name through the spelling rules (lower-case, marks and articles removed)."""
    key = _WORD_KEYS.get(word)
    return key if key is not None else remember(_WORD_KEYS, word, _spelled(word), _KEYS_HELD)


def _spelled(word: str) -> str:
    """:func:`_word_key` not asked before.

    Each rule is tried only when the letters it needs occur in the word as the
    rules before it left it (building the bundled index folds about a million
    names; a text's every new word is folded), and a plain string is replaced
    without a regex. Written out rather than read from a table of rules: a
    loop over a table cost three times the rules' own work."""
    if "ddin" in word:
        word = _GLUED_DIN.sub(" din", word)
    if "iy" in word:
        word = _IY_VOWEL.sub("i", word)
    if "y" in word:
        word = _CONSONANT_Y.sub("i", word)
    if "ee" in word:
        word = word.replace("ee", "i")
    if "o" in word or "aw" in word:
        word = _O_SOUNDS.sub("u", word)
    if "ei" in word or "ey" in word or "ai" in word:
        word = _AY_SOUNDS.sub("ay", word)
    if "e" in word:
        word = word.replace("e", "a")
    if "dj" in word:
        word = word.replace("dj", "j")
    if "ch" in word:
        word = _FRENCH_CH.sub("sh", word)
    if "q" in word:
        word = word.replace("q", "k")
    # (the last two rules need their letter before a non-word character: in a word of letters alone, at its end)
    if "y" in word and (word[-1] == "y" or not word.isalpha()):
        word = _FINAL_Y.sub("i", word)
    word = _single_letters(word)  # doubled letters single
    if "h" in word and (word[-1] == "h" or not word.isalpha()):
        word = _FINAL_H_AFTER_VOWEL.sub("", word)
    return word.replace(" ", "")  # (the glued "ud-Din" rule splits a word in two for the rules after it)


# Twin villages: "Upper X" = "X Foqani", "Lower X" = "X Tahtani".
_POSITION_WORDS: Final = {
    "upper": "fawqani", "fawqani": "fawqani", "foqani": "fawqani", "fouqani": "fawqani", "fuqani": "fawqani",
    "fokani": "fawqani", "fawkani": "fawqani", "foukani": "fawqani",
    "lower": "tahtani", "tahtani": "tahtani", "tahtany": "tahtani", "tahtanei": "tahtani",
}


_TWIN_SUFFIXES = ("fukani", "tahtani")  # place_key of the position words, placed last


def twin_keys(key: str) -> list[str]:
    """For a twin village's key, the keys of the village it is named after and
    of its twin (a report's "Baghuz Tahtani" when a gazetteer only has "Upper
    Baguz"): where to look when the twin itself is unknown.

    >>> twin_keys(place_key("Al-Baghuz Tahtani"))
    ['baghuz', 'baghuzfukani']
    >>> twin_keys(place_key("Hajin"))
    []
    """
    for suffix in _TWIN_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            base = key[: -len(suffix)]
            return [base, *(base + other for other in _TWIN_SUFFIXES if other != suffix)]
    return []


def _drop_articles(words: list[str]) -> list[str]:
    if len(words) > 1:
        position = [_POSITION_WORDS[w] for w in words if w in _POSITION_WORDS]
        if position:
            words = [w for w in words if w not in _POSITION_WORDS] + position[-1:]
    kept: list[str] = []
    last = len(words) - 1
    for index, word in enumerate(words):
        if index < last and word in ARTICLES:
            continue
        if index < last and word in BU_WORDS:
            kept.append("bu")
            continue
        kept.append(_unglued(word))
    return kept


def _unglued(word: str) -> str:
    """A word with a glued tribe prefix ("Albukamal") or assimilated article ("Ezzor") cut."""
    if word.startswith("albu") and len(word) > 6:
        word = "bu" + word[4:]
    if word[:1] in ("a", "e") and (glued := _GLUED_ARTICLE.match(word)):  # "^": one match, at the start
        word = (glued.group(1) or glued.group(2)) + word[glued.end():]
    return word


def _arabic_key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name)
    text = _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_FOLD)
    words = []
    for word in re.split(r"[\s\-_]+", text):
        if word.startswith("البو") and len(word) > 5:
            word = "بو" + word[4:]
        elif word.startswith("ابو") and len(word) > 4:
            word = "بو" + word[3:]
        elif word in ("ابو", "البو"):
            word = "بو"
        elif word.startswith("ال") and len(word) > 3:
            word = word[2:]
        if word:
            words.append(word)
    return "".join(words)


def skeleton(key: str) -> str:
    """The consonants of a key (``tayrmala`` → ``trml``) for fuzzy matching: the letters
    a, e, i, o, u, w, y dropped, one ``str.replace`` each (a regex substitution of their
    class cost several times as much, and each new n-gram's skeleton is asked for)."""
    return (key.replace("a", "").replace("e", "").replace("i", "").replace("o", "").replace("u", "")
            .replace("w", "").replace("y", ""))


# Arabic letters to the Latin consonants a transliteration writes for them;
# alef, waw, yaa and the hamza seats are vowels or glides (dropped like
# skeleton() drops a, e, i, o, u, w, y), ain and hamza are the marks Latin
# spellings drop or write as an apostrophe.
_ARABIC_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f", "ق": "k", "ك": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "t", "گ": "g", "پ": "p", "چ": "ch", "ڤ": "v", "ژ": "j",
}


def _single_letters(text: str) -> str:
    """A letter written twice or more, once: ``re.sub(r"(.)\\1+", r"\\1", text)`` (a
    newline, which ``.`` does not match, stays as often as written). Letter by
    letter: compiled, a third of a regex search and substitution (a function
    called per match), asked for each new word of a text."""
    out: list[str] = []
    previous = ""
    for letter in text:
        if letter != previous or letter == "\n":
            out.append(letter)
        previous = letter
    return "".join(out)


@lru_cache(maxsize=50_000)
def arabic_skeleton(name: str) -> str:
    """Latin consonants of an Arabic-script name (article and ``البو``/``أبو``
    folded as in :func:`place_key`; a final taa marbuta or haa is silent, a
    taa marbuta inside a name is read ``t``)."""
    words = [w for w in re.split(r"[\s\-_]+", _ARABIC_DIACRITICS.sub("", unicodedata.normalize("NFKC", name))) if w]
    letters: list[str] = []
    for position, word in enumerate(words):
        word = word.translate(_ARABIC_HAMZA)
        if word.startswith("البو") and len(word) > 5:
            word = "بو" + word[4:]
        elif word.startswith("ال") and len(word) > 3:
            word = word[2:]
        if word[-1:] in ("ة", "ه") and len(word) > 2 and (position + 1 == len(words) or word[-1] == "ه"):
            word = word[:-1]
        letters.extend(_ARABIC_CONSONANTS.get(ch, "") for ch in word)
    return _single_letters("".join(letters))


_ARABIC_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك"})


def latin_skeleton(name: str) -> str:
    """The consonants of a Latin-script name's key, for :func:`arabic_skeleton`
    (single letters: a transliteration writes one consonant once)."""
    consonants = _LATIN_SKELETONS.get(name)
    if consonants is None:
        consonants = remember(_LATIN_SKELETONS, name, _single_letters(skeleton(place_key(name))), _KEYS_HELD)
    return consonants




def is_arabic(text: str) -> bool:
    return bool(_ARABIC_LETTERS.search(text))


def names_place(area: str, name: str | None) -> bool:
    """Whether ``name`` names the place ``area`` (or contains it as whole words),
    tolerant of transliteration: the one place match behind ``events list
    --place``, ``tally --area`` and ``report --area``.

    >>> names_place("Deir Ezzor", "Deir ez-Zor")
    True
    >>> names_place("Dayr az Zawr", "eastern countryside of Deir ez-Zor")
    True
    >>> names_place("Ma'arrat an-Numan", "Maarat al-Numan"), names_place("Khan Sheikhoun", "Khan Shaykhun")
    (True, True)
    >>> names_place("Hama", "Hamadiyah"), names_place("Aleppo", None)
    (False, False)
    >>> names_place("Cauca", "Valle del Cauca"), names_place("Kivu", "North Kivu")
    (False, True)
    >>> names_place("Lahj", "Lahij"), names_place("Al Dhale", "Ad Dali")  # a governorate's other names
    (True, True)
    """
    if not name:
        return False
    key = place_key(area)
    if not key:
        return False
    # a governorate is also met under the other names admin1.yaml gives it ("Lahj" is Lahij)
    wanted = _governorate_names().get(key) or frozenset((key,))
    if place_key(name) in wanted:
        return True
    words = [w for w in _NAME_WORDS.split(name) if w]
    size = len([w for w in _NAME_WORDS.split(area) if w])
    for length in range(max(1, size - 1), size + 3):  # articles: "Deir ez-Zor" = "Deir Ezzor"
        for start in range(0, len(words) - length + 1):
            if place_key(" ".join(words[start:start + length])) in wanted and not _built_on(words, start):
                return True
    return False


@lru_cache(maxsize=1)
def _governorate_names() -> dict[str, frozenset[str]]:
    """The key of each name or alias of a governorate (admin-1 unit, ``data/gazetteer/admin1.yaml``) → the keys
    of all its names."""
    from marsad.gazetteer.bundled import admin1_table

    keys_of: dict[str, set[str]] = {}
    for units in admin1_table().values():
        for entry in units.values():
            names = {place_key(name) for name in (entry["name"], *(entry.get("aliases") or ())) if name}
            for key in names:
                keys_of.setdefault(key, set()).update(names)
    return {key: frozenset(names) for key, names in keys_of.items()}


_NAME_WORDS = re.compile(r"[\s,;:()\[\]/]+|-(?=[A-Z])")
_OF: Final = frozenset(("of", "de", "del", "di", "da", "do", "dos", "das", "du", "des"))


def _built_on(words: list[str], start: int) -> bool:
    """Whether the words from ``start`` end a proper name of another place built on them ("Valle del Cauca",
    "Gulf of Aden"), not a unit's name ("Province of Aleppo", "Departamento de Cauca": see
    :func:`~marsad.gazetteer.admin.plain_unit_name`) nor a part of one ("the eastern countryside of Deir ez-Zor")."""
    if start < 2 or words[start - 1].lower() not in _OF or not words[start - 2][:1].isupper():
        return False
    from marsad.gazetteer.admin import plain_unit_name

    rest = " ".join(words[start:])
    return plain_unit_name(" ".join(words[start - 2:])) != rest


# (the caches of place_key, _word_key and latin_skeleton; :func:`forget_keys` empties them)
_KEYS: Final[dict[str, str]] = {}
_WORD_KEYS: Final[dict[str, str]] = {}
#: (a regex substitution and a pass over the letters each)
_LATIN_SKELETONS: Final[dict[str, str]] = {}
